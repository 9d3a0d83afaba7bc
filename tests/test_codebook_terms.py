"""Codebook terms: words and phrases instead of regular expressions, matched with the other forms
of their words (core.knowledge.terms). Sentences and issues are written for these tests."""

from __future__ import annotations

import json

import pytest
import regex

from core.extraction.pipeline import analyze_articles
from core.ingest.text import article_from_text
from core.knowledge.codebook import (
    CodebookError,
    IssueDraft,
    changed_issues,
    codebook_digest,
    codebook_from_dict,
    codebook_from_yaml,
    codebook_to_yaml,
    load_codebook,
    pattern_sources,
    validate_issue,
    with_issue,
)
from core.knowledge.terms import TermError, term_regex
from tests.nlp_fixtures import nlp


def _matches(term: str, text: str) -> list[str]:
    return [m.group(0) for m in regex.finditer(term_regex(term), text, regex.IGNORECASE)]


@pytest.mark.parametrize(
    "term, text, found",
    [
        ("negotiate", "Negotiations resumed; negotiating teams met the chief negotiator.", ["Negotiations", "negotiating", "negotiator"]),
        ("negotiations", "Lima wants to negotiate.", ["negotiate"]),
        ("ceasefire", "A cease-fire, then a cease fire, then two ceasefires.", ["cease-fire", "cease fire", "ceasefires"]),
        ("cease-fire", "The ceasefire held.", ["ceasefire"]),
        ("fishing quota", "New fishing-quotas and fishing\nquotas.", ["fishing-quotas", "fishing\nquotas"]),
        ("policy", "Two policies, one policy.", ["policies", "policy"]),
        ("tariffs", "A tariff on steel.", ["tariff"]),
    ],
)
def test_a_term_matches_the_forms_of_its_words(term, text, found):
    assert _matches(term, text) == found


@pytest.mark.parametrize(
    "term, text",
    [
        ("negotiate", "They will renegotiate."),  # whole words only
        ("elections", "The electricity grid."),  # a stem is not any prefix
        ("dam", "Amsterdam and damage."),
    ],
)
def test_a_term_does_not_match_inside_other_words(term, text):
    assert _matches(term, text) == []


@pytest.mark.parametrize("term, message", [("  ", "cannot be empty"), ("x" * 101, "at most 100"), ("-- ...", "has no word")])
def test_unusable_terms_say_why(term, message):
    with pytest.raises(TermError, match=message):
        term_regex(term)


HARBOUR = {
    "name": "harbour",
    "issues": [
        {"id": "harbour_dredging", "label": "Harbour dredging", "terms": ["dredge the harbour", "dredging"]},
        {"id": "fishing_quotas", "label": "Fishing quotas", "patterns": [r"\bquotas?\b"], "terms": ["catch limit"]},
    ],
}


def test_an_issue_may_have_terms_only_or_terms_and_patterns():
    book = codebook_from_dict(HARBOUR)
    text = "Aveiro backs dredging the harbour; catch-limits and quotas were debated."
    found = [(m.issue, text[m.start_char:m.end_char]) for m in book.find(text)]
    # "dredging the harbour" is the longest match, of the phrase "dredge the harbour".
    assert found == [("harbour_dredging", "dredging the harbour"), ("fishing_quotas", "catch-limits"), ("fishing_quotas", "quotas")]


def test_an_issue_without_terms_and_patterns_is_refused():
    with pytest.raises(CodebookError, match="issue 'harbour' has no terms and no patterns"):
        codebook_from_dict({"issues": [{"id": "harbour", "label": "Harbour"}]})


def test_a_misspelt_terms_key_is_refused_with_its_line(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text("issues:\n  - id: harbour\n    label: Harbour\n    term: [dredging]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"codebook.yaml, line 4: unknown key 'term' in an issue \(did you mean 'terms'\?\)"):
        load_codebook(path)


def test_a_bad_term_names_the_issue():
    with pytest.raises(CodebookError, match=r"issue 'harbour': term .* is refused: a term is at most 100 characters"):
        codebook_from_dict({"issues": [{"id": "harbour", "terms": ["y" * 120]}]})


def test_terms_survive_the_yaml_round_trip_and_key_the_digest():
    book = codebook_from_dict(HARBOUR)
    again = codebook_from_yaml(codebook_to_yaml(book))
    assert [issue.terms for issue in again.issues] == [("dredge the harbour", "dredging"), ("catch limit",)]
    assert again.digest == book.digest
    other = codebook_from_dict({**HARBOUR, "issues": [{**HARBOUR["issues"][0], "terms": ["dredging"]}, HARBOUR["issues"][1]]})
    assert other.digest != book.digest
    assert changed_issues(book, other) == {"harbour_dredging"}


def test_a_codebook_without_terms_keeps_the_digest_it_had_before_terms():
    import hashlib

    # Stored results are keyed by this digest: adding terms to the program must not re-analyse
    # every corpus whose codebook uses none.
    book = load_codebook()
    before = json.dumps(
        [{"id": i.id, "label": i.label, "description": i.description, "patterns": pattern_sources(i)} for i in book.issues],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    import hashlib
    assert codebook_digest(book.issues) == hashlib.sha256(before.encode("utf-8")).hexdigest()[:16]


def test_the_editor_takes_terms_and_checks_them():
    book = codebook_from_dict(HARBOUR)
    draft = IssueDraft("wind_farms", "Wind farms", "Support means building them.", [], ["wind farm", " offshore   turbine "])
    assert validate_issue(draft, book) == []
    added = with_issue(book, draft)
    assert added.issues[-1].terms == ("wind farm", "offshore turbine")
    assert [m.issue for m in added.find("The offshore turbines and a wind-farm.")] == ["wind_farms", "wind_farms"]
    assert IssueDraft.from_issue(added.issues[-1]).terms == ["wind farm", "offshore turbine"]
    assert validate_issue(IssueDraft("empty", "Empty"), book) == ["the issue needs at least one term or pattern"]
    assert validate_issue(IssueDraft("long", "Long", terms=["z" * 150]), book)[0].startswith("term 'zzz")


def test_a_stance_is_found_through_a_term():
    book = codebook_from_dict({"issues": [{"id": "tram_extension", "label": "Tram extension", "terms": ["extend the tram line"]}]})
    text = "Mayor Ines Duarte said on Monday that she supports extending the tram lines to the harbour."
    tables = analyze_articles([article_from_text(text, "tram")], nlp=nlp(), codebook=book, scorer=None)
    assert ("Ines Duarte", "tram_extension", "support") in set(tables.stances[["actor", "issue", "stance"]].itertuples(index=False, name=None))
