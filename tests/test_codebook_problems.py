"""Problem terms and patterns in the codebook: the problem an issue acts against ("smog" for
clean-air rules, "climate change" for acting on it). Acting against the problem or sounding the
alarm about it is support for the issue; denying it, playing it down or ignoring it is opposition;
a problem word that modifies a noun of doing names the action. Sentences, names and issues are
written for these tests (no article's)."""

from __future__ import annotations

import pytest

from core.extraction.candidates import CandidateFinder
from core.extraction.pipeline import analyze_articles, configured_scorer
from core.ingest.text import article_from_text
from core.knowledge.codebook import (
    CodebookError,
    IssueDraft,
    changed_issues,
    codebook_from_dict,
    codebook_from_yaml,
    codebook_to_yaml,
    validate_issue,
    with_issue,
)
from tests.nlp_fixtures import nlp, rows

CLEAN_AIR = {"issues": [
    {"id": "clean_air", "label": "Clean-air rules", "description": "Support = acting against air pollution.",
     "terms": ["clean air act", "emission limit"], "problem_terms": ["air pollution", "smog"],
     "problem_patterns": [r"\bdirty\s+air\b"]},
    {"id": "road_toll", "label": "Road toll", "terms": ["road toll"]},
]}


def table(text: str, book: dict = CLEAN_AIR) -> set[tuple[str, str, str]]:
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook_from_dict(book), scorer=None)
    return rows(tables.stances, "actor", "issue", "stance")


def assert_one_side(text: str, expected: tuple[str, str, str]) -> None:
    """The expected (actor, issue, stance) is in the rules' table, and not its other side."""
    found = table(text)
    assert expected in found
    assert (expected[0], expected[1], {"support": "oppose", "oppose": "support"}[expected[2]]) not in found


def test_problem_terms_and_patterns_are_found_and_marked():
    book = codebook_from_dict(CLEAN_AIR)
    found = [(m.issue, m.opposite, m.problem) for m in book.find("Smog, dirty air, an emission limit and a road toll.")]
    assert found == [("clean_air", True, True), ("clean_air", True, True), ("clean_air", False, False), ("road_toll", False, False)]


def test_problems_survive_the_yaml_round_trip_key_the_digest_and_count_as_changes():
    book = codebook_from_dict(CLEAN_AIR)
    again = codebook_from_yaml(codebook_to_yaml(book))
    assert again.issues[0].problem_terms == ("air pollution", "smog")
    assert [p.pattern for p in again.issues[0].problem_patterns] == [r"\bdirty\s+air\b"]
    assert again.digest == book.digest
    fewer = codebook_from_dict({"issues": [{**CLEAN_AIR["issues"][0], "problem_terms": ["smog"]}, CLEAN_AIR["issues"][1]]})
    assert fewer.digest != book.digest and changed_issues(book, fewer) == {"clean_air"}
    # (a codebook without problems keeps the digest it had before they existed)
    plain = codebook_from_dict({"issues": [CLEAN_AIR["issues"][1]]})
    assert plain.digest == codebook_from_yaml(codebook_to_yaml(plain)).digest
    assert "problem" not in codebook_to_yaml(plain).split("issues:", 1)[1]


def test_bad_problems_are_refused_with_the_issue_named():
    with pytest.raises(CodebookError, match="clean_air.*pattern"):
        codebook_from_dict({"issues": [{**CLEAN_AIR["issues"][0], "problem_patterns": ["(unclosed"]}]})
    with pytest.raises(CodebookError, match="both for the issue and as its problem"):
        codebook_from_dict({"issues": [{"id": "a", "terms": ["smog"], "problem_terms": ["Smog"]}]})
    with pytest.raises(CodebookError, match="both as its opposite and as its problem"):
        codebook_from_dict({"issues": [{"id": "a", "terms": ["x"], "opposite_terms": ["smog"], "problem_terms": ["smog"]}]})
    book = codebook_from_dict(CLEAN_AIR)
    assert validate_issue(IssueDraft("b", "B", terms=["dust"], problem_terms=["dust"]), book)
    problems = validate_issue(IssueDraft("b", "B", terms=["dust rule"], problem_patterns=["(unclosed"]), book)
    assert problems and "(unclosed" in problems[0]


def test_the_editor_keeps_problems():
    book = codebook_from_dict(CLEAN_AIR)
    added = with_issue(book, IssueDraft("noise", "Noise limits", terms=["noise limit"], problem_terms=[" traffic   noise "]))
    assert added.issues[-1].problem_terms == ("traffic noise",)
    assert IssueDraft.from_issue(added.issues[-1]).problem_terms == ["traffic noise"]
    assert [m.problem for m in added.find("They complained of traffic noise.")] == [True]


@pytest.mark.parametrize(
    "text, expected",
    [
        # acting against the problem, or sounding the alarm: support
        ("Mayor Dana Okafor vowed to fight air pollution.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor wants to tackle smog.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor called smog a crisis.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor called air pollution a threat to children.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor said air pollution was real.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor did not deny that smog is real.", ("Dana Okafor", "clean_air", "support")),
        # denying it, playing it down, ignoring it: opposition
        ("Councillor Ivo Brandt called air pollution a hoax.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt denies smog.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt denied that dirty air exists.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt said air pollution is not real.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt has long ignored smog.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt dismissed the threat of air pollution.", ("Ivo Brandt", "clean_air", "oppose")),
        # a side against acting on it
        ("Councillor Ivo Brandt opposed efforts to fight air pollution.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt said that tackling air pollution would cost thousands of jobs.", ("Ivo Brandt", "clean_air", "oppose")),
        # a problem word before a noun of doing, or after "action on", names the action
        ("Mayor Dana Okafor backed air pollution legislation.", ("Dana Okafor", "clean_air", "support")),
        ("Councillor Ivo Brandt opposed the smog bill.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Mayor Dana Okafor introduced an air pollution prevention bill.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor proposed a smog ordinance for the city centre.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor called for urgent action on air pollution.", ("Dana Okafor", "clean_air", "support")),
        # "against" is read as against the problem
        ("Councillor Ivo Brandt opposed a law against air pollution.", ("Ivo Brandt", "clean_air", "oppose")),
        # words of alarm, of limiting, of mattering, and a warning whatever it says
        ("Mayor Dana Okafor called smog a public-health epidemic.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor urged the council to cap air pollution from factories.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor said air pollution must be taken seriously.", ("Dana Okafor", "clean_air", "support")),
        ("Health Minister Lina Berg warned that smog was getting worse in the valley.", ("Lina Berg", "clean_air", "support")),
        # (the noun judges, not its adjective: "greatest" is no praise of smog)
        ("Mayor Dana Okafor described smog as the greatest challenge facing the region.", ("Dana Okafor", "clean_air", "support")),
        ("Councillor Ivo Brandt said smog had been overblown by campaigners.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt said that reports of dirty air in the valley were exaggerated.", ("Ivo Brandt", "clean_air", "oppose")),
    ],
)
def test_a_side_on_a_problem_is_read_as_a_side_on_its_issue(text, expected):
    assert_one_side(text, expected)


def test_the_same_words_as_a_plain_term_are_read_as_before():
    # Listed as a plain term, "smog" is read as the issue itself: fighting it is against it (what
    # a codebook without problem terms always did).
    book = {"issues": [{"id": "clean_air", "label": "Clean-air rules", "terms": ["smog"]}]}
    assert ("Dana Okafor", "clean_air", "oppose") in table("Mayor Dana Okafor vowed to fight smog.", book)
    assert ("Dana Okafor", "clean_air", "support") in table("Mayor Dana Okafor vowed to fight smog.")


def test_problem_words_take_no_side_on_a_policy():
    # "tackle" and "crisis" say nothing of a policy: only of a problem
    assert table("Mayor Dana Okafor wants to tackle the road toll.") == {("Dana Okafor", "road_toll", "support")}
    assert not table("Councillor Ivo Brandt called the road toll a crisis.")
    assert not table("Councillor Ivo Brandt warned that the road toll was rising.")
    assert not table("Mayor Dana Okafor said the road toll must be taken seriously.")


def test_a_candidate_on_a_problem_carries_the_side_on_the_issue():
    # (unlike one on an opposite match: the scorer learns and predicts the issue's side, so that
    # its lean towards support says "for acting on it" of a mere mention of the problem)
    text = "Mayor Dana Okafor vowed to fight air pollution. Councillor Ivo Brandt called smog a hoax."
    candidates = CandidateFinder(nlp()(text), codebook_from_dict(CLEAN_AIR), "t").candidates()
    assert {(c.actor, c.rule_stance) for c in candidates if c.rule_stance} == {("Dana Okafor", "support"), ("Ivo Brandt", "oppose")}
    assert candidates and not any(c.opposite for c in candidates)
    scorer, _ = configured_scorer()
    tables = analyze_articles([article_from_text(text, "t")], nlp=nlp(), codebook=codebook_from_dict(CLEAN_AIR), scorer=scorer)
    assert rows(tables.stances, "actor", "issue", "stance") == {("Dana Okafor", "clean_air", "support"), ("Ivo Brandt", "clean_air", "oppose")}


def test_a_word_referring_back_to_a_problem_is_one():
    assert ("Ivo Brandt", "clean_air", "oppose") in table("Smog is getting worse. Councillor Ivo Brandt has long ignored it.")
    assert ("Dana Okafor", "clean_air", "support") in table("Smog is getting worse. Mayor Dana Okafor vowed to fight it.")


def test_an_issue_named_only_by_its_problem_is_refused_with_a_clear_message():
    with pytest.raises(CodebookError, match="only opposite or problem terms"):
        codebook_from_dict({"issues": [{"id": "clean_air", "problem_terms": ["smog"]}]})
    problems = validate_issue(IssueDraft("noise", "Noise", problem_terms=["traffic noise"]), codebook_from_dict(CLEAN_AIR))
    assert problems == ["the issue needs at least one term or pattern that names the issue itself (opposite and problem ones alone do not)"]


def test_a_problem_match_is_always_an_opposite_one():
    from core.knowledge.codebook import IssueMatch

    with pytest.raises(ValueError):
        IssueMatch("clean_air", 0, 4, opposite=False, problem=True)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb of acting before "on" names the action, as a noun of doing does
        ("Mayor Dana Okafor wants to act on air pollution.", ("Dana Okafor", "clean_air", "support")),
        ("Councillor Ivo Brandt refused to act on smog.", ("Ivo Brandt", "clean_air", "oppose")),
        # a noun that says something of the problem keeps it a problem
        ("Mayor Dana Okafor called smog deniers dangerous.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor condemned air pollution denial.", ("Dana Okafor", "clean_air", "support")),
        # an adjective that plays it down decides the name
        ("Councillor Ivo Brandt called smog a fake crisis.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt said air pollution is a minor problem.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt challenged the existence of dirty air.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt called smog a fabrication.", ("Ivo Brandt", "clean_air", "oppose")),
    ],
)
def test_words_of_doing_denial_and_playing_down(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize("text", [
    # a warning whose clause says something the rules cannot read sounds no alarm
    "Councillor Ivo Brandt warned that smog was being used to justify new taxes.",
    "Councillor Ivo Brandt warned that smog was a convenient excuse for higher fees.",
    # "challenge" and "lie" are problem words only as nouns
    "Councillor Ivo Brandt said smog lies at the heart of the valley's troubles.",
])
def test_no_side_where_the_problem_words_do_not_say_one(text):
    assert not table(text)


def test_the_issue_words_leave_the_problem_out():
    # The label names the problem: the label's words close together are not a plain match of the
    # issue ("vowed to fight the pollution of the air" is against the problem, for the issue).
    book = {"issues": [{"id": "clean_air", "label": "Air pollution", "terms": ["clean air act"], "problem_terms": ["air pollution"]}]}
    assert codebook_from_dict(book).words().phrasings["clean_air"] == codebook_from_dict(
        {"issues": [{"id": "clean_air", "label": "x", "terms": ["clean air act"]}]}).words().phrasings["clean_air"]


def test_problems_are_found_without_a_resolver_too():
    from core.extraction.issue_matches import sentence_matches

    doc = nlp()("Lawmakers backed air pollution legislation and vowed to fight smog.")
    matches = sentence_matches(codebook_from_dict(CLEAN_AIR), next(iter(doc.sents)), None)
    assert [(m.opposite, m.problem) for m in matches] == [(False, False), (True, True)]


def test_a_dative_name_is_read_for_any_codebook():
    # ("called air pollution a threat": the parser makes "pollution" an indirect object; the name
    # is read as with a direct object, for a plain term too: a threat is a side against it)
    plain = {"issues": [{"id": "clean_air", "label": "Air pollution", "terms": ["air pollution"]}]}
    assert ("Lina Berg", "clean_air", "oppose") in table("Minister Lina Berg called air pollution a threat to children.", plain)
    assert ("Lina Berg", "clean_air", "support") in table("Minister Lina Berg called air pollution a threat to children.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Smog is getting worse. Mayor Dana Okafor vowed to tackle it.", ("Dana Okafor", "clean_air", "support")),
        ("Smog is getting worse. Mayor Dana Okafor called it a crisis.", ("Dana Okafor", "clean_air", "support")),
        ("Smog is getting worse. Councillor Ivo Brandt called it a hoax.", ("Ivo Brandt", "clean_air", "oppose")),
    ],
)
def test_it_for_a_problem_is_read_with_the_problem_words(text, expected):
    assert_one_side(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the head noun of a problem named before is the problem again, with the problem's reading
        ("Air pollution is worsening in Accra. Mayor Dana Okafor called the pollution a hoax.", ("Dana Okafor", "clean_air", "oppose")),
        ("Air pollution is worsening in Accra. Mayor Dana Okafor vowed to tackle the pollution.", ("Dana Okafor", "clean_air", "support")),
        ("Air pollution is worsening in Accra. Councillor Ivo Brandt said the pollution was a grave threat.", ("Ivo Brandt", "clean_air", "support")),
        ("Air pollution is worsening in Accra. Councillor Ivo Brandt said the pollution was exaggerated.", ("Ivo Brandt", "clean_air", "oppose")),
        # a noun the problem's words modify names the problem again, no alarm of its own
        ("Mayor Dana Okafor promised to fight the smog crisis.", ("Dana Okafor", "clean_air", "support")),
        ("Mayor Dana Okafor vowed to confront the air pollution emergency.", ("Dana Okafor", "clean_air", "support")),
        ("Councillor Ivo Brandt called the smog crisis a hoax.", ("Ivo Brandt", "clean_air", "oppose")),
        ("Councillor Ivo Brandt called smog a crisis.", ("Ivo Brandt", "clean_air", "support")),
    ],
)
def test_the_head_noun_of_a_problem_is_read_as_the_problem(text, expected):
    assert_one_side(text, expected)


def test_the_problem_words_do_not_make_it_an_issue_after_a_plain_one():
    # ("tackle" is a word of side only on a problem: after a plain issue, "it" is not read through it)
    assert not table("The road toll is popular. Mayor Dana Okafor vowed to tackle it.")


@pytest.mark.parametrize("kind", ["problem", "opposite"])
def test_problem_and_opposite_terms_and_patterns_keep_the_limits_of_plain_ones(kind):
    book = codebook_from_dict(CLEAN_AIR)
    long_term = validate_issue(IssueDraft("c", "C", terms=["dust rule"], **{f"{kind}_terms": ["z" * 150]}), book)
    assert long_term and long_term[0].startswith("term 'zzz") and "100 characters" in long_term[0]
    long_pattern = validate_issue(IssueDraft("c", "C", terms=["dust rule"], **{f"{kind}_patterns": ["a" * 1200]}), book)
    assert long_pattern and "limit is 1,000" in long_pattern[0]
    with pytest.raises(CodebookError, match="limit is 100"):
        codebook_from_dict({"issues": [{"id": "c", "terms": ["dust rule"], f"{kind}_patterns": ["a{1000}"]}]})
