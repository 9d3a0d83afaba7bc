"""The gold data sets, the split, the scorer and the stored accuracy figures (issue 10).

Tests of the scorer, names, agreement and error kinds run on small tables written here, with
people, places and subjects of their own. Tests that need the article texts read them from
../shared/eval and skip cleanly when it is absent (the texts are copyrighted and never in the
repository).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from core import cli
from core.evaluation.accuracy import (
    README_END,
    README_START,
    REPORT_FILE,
    build_report,
    errors_table,
    figures,
    groups_table,
    load_report,
    readme_section,
    render_markdown,
)
from core.evaluation.gold import load_split
from core.evaluation.stances import (
    NameMatcher,
    agreement,
    error_kinds,
    evaluate_stances,
    keyed,
    read_gold,
    sentence_around,
    symmetric_agreement,
)
from core.extraction.pipeline import PIPELINE_VERSION
from core.knowledge.codebook import codebook_from_dict, load_codebook
from core.knowledge.gazetteer import load_knowledge
from core.settings import ROOT
from core.views.charts import accuracy_chart, accuracy_chart_data

GOLD_DIR = ROOT / "tests" / "gold"
SEED = ROOT / "seeds" / "ukraine_peace_talks.txt"  # absolute: the CLI runs in this process, whatever the folder
SHARED = ROOT.parent / "shared" / "eval"
COLUMNS = ["article_id", "start_char", "end_char", "actor", "actor_type", "country", "issue", "stance",
           "certainty", "attribution", "source", "required", "evidence", "note"]
# The test split as frozen in tests/gold/split.yaml before any rule change. Moving an article in or
# out of it is a decision to record in git, never a side effect.
FROZEN_TEST = {
    "aljazeera_20250328_putin_north_korea_brics_ceasefire_talks",
    "aljazeera_20250330_trump_angry_threatens_russian_oil_tariffs",
    "ap_20250221_fact_check_trump_ukraine_started_war",
    "bbc_20250331_russia_still_working_with_us",
    "bbc_20250331_trump_very_angry_with_putin",
    "breitbart_2016-01-05_the-latest-cruz-to-give-away-eng",
    "huff-post_2016-07-27_guns-are-the-ultimate-public-hea",
    "politico_2016-06-22_what-will-it-take-for-the-senate",
    "usa-today_2016-02-25_clinton-gun-control-offensive-a-",
    "huff-post_2015-11-09_bernie-sanders-promises-action-o",
    "nyt_2015-12-14_visa-screening-missed-attacker-s",
    "politico_2016-04-13_standing-with-activists-mark-viv",
    "wash-post_2016-01-13_democratic-tensions-escalate-ove",
}
OLD_TABLES = {"ukraine_peace_talks", "aljazeera_20250314_putins_conditions_for_ceasefire",
              "ap_20250324_us_separate_talks_russia_ukraine_riyadh", "bbc_20250331_trump_very_angry_with_putin"}


def needs_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the evaluation texts are not in the repository (copyright)")


def table(rows: list[tuple], columns=("article_id", "actor", "actor_type", "country", "issue", "stance", "required", "evidence")) -> pd.DataFrame:
    width = len(columns)
    return pd.DataFrame([tuple(r) + ("",) * (width - len(r)) for r in rows], columns=list(columns)).astype(str)


# --- the scorer on hand-made tables --------------------------------------------------------------


GOLD = table([
    ("harbour", "Greta Lindqvist", "person", "Sweden", "ferry_subsidy", "support", "yes"),
    ("harbour", "National Ferry Association", "organization", "Sweden", "ferry_subsidy", "oppose", "yes"),
    ("harbour", "Norway", "government", "Norway", "toll_bridge", "oppose", "yes"),
    ("harbour", "Olaf Berg", "person", "Norway", "toll_bridge", "neutral", "no"),  # optional
    ("mines", "Amara Okafor", "person", "Nigeria", "mining_ban", "support", "yes"),
])


def test_scorer_counts_required_for_recall_and_any_gold_row_for_precision():
    predicted = table([
        ("harbour", "Lindqvist", "person", "Sweden", "ferry_subsidy", "support"),      # surname: right
        ("harbour", "NFA", "organization", "Sweden", "ferry_subsidy", "oppose"),       # acronym: right
        ("harbour", "Olaf Berg", "person", "Norway", "toll_bridge", "neutral"),        # optional: not wrong
        ("harbour", "Norway", "government", "Norway", "toll_bridge", "support"),       # wrong polarity
        ("mines", "Amara Okafor", "person", "Nigeria", "mining_ban", "support"),       # right
        ("mines", "Chidi Eze", "person", "Nigeria", "mining_ban", "support"),          # not in the gold
        ("elsewhere", "Amara Okafor", "person", "Nigeria", "mining_ban", "support"),   # article without gold
    ])
    country, actor = evaluate_stances(predicted, GOLD)
    # actor: 6 predicted triples scored (the article without gold is left out), 4 in the gold;
    # 3 of 4 required found (Norway's opposition missed: the machine has it the other way round).
    assert (actor.true_positives, actor.predicted, actor.found, actor.gold) == (4, 6, 3, 4)
    assert actor.precision == pytest.approx(4 / 6) and actor.recall == pytest.approx(3 / 4)
    assert actor.f1 == pytest.approx(2 * (4 / 6) * (3 / 4) / (4 / 6 + 3 / 4))
    assert ("harbour", "Norway", "toll_bridge", "oppose") in actor.missed
    assert ("harbour", "Norway", "toll_bridge", "support") in actor.spurious
    assert ("mines", "Chidi Eze", "mining_ban", "support") in actor.spurious
    # country: (Sweden, ferry, support), (Sweden, ferry, oppose), (Norway, toll, neutral),
    # (Norway, toll, support), (Nigeria, mining, support) predicted; the first three and the last
    # are gold; 3 of 4 required found.
    assert (country.true_positives, country.predicted, country.found, country.gold) == (4, 5, 3, 4)


def test_scorer_without_the_required_column_counts_every_row():
    gold = GOLD.drop(columns=["required"])
    predicted = table([("harbour", "Olaf Berg", "person", "Norway", "toll_bridge", "neutral")])
    actor = evaluate_stances(predicted, gold)[1]
    assert (actor.gold, actor.found) == (5, 1)


def test_perfect_prediction_scores_one_and_empty_prediction_zero():
    country, actor = evaluate_stances(GOLD, GOLD)
    assert actor.precision == actor.recall == actor.f1 == 1.0 == country.f1
    assert evaluate_stances(GOLD.iloc[0:0], GOLD)[1].f1 == 0.0


def test_country_names_and_aliases_are_compared_canonically():
    gold = table([("a1", "Kenya", "government", "Kenya", "tax", "oppose", "yes"),
                  ("a1", "Pat Doe", "person", "United States", "tax", "support", "yes")])
    predicted = table([("a1", "Nairobi", "government", "Kenya", "tax", "oppose"),
                       ("a1", "Sen. Pat Doe", "person", "U.S.", "tax", "support")])
    country, actor = evaluate_stances(predicted, gold, load_knowledge())
    assert country.f1 == 1.0
    assert actor.found == 1 and actor.missed == (("Kenya", "tax", "oppose"),)
    assert actor.spurious == (("Nairobi", "tax", "oppose"),)  # a place is not the government's name


def test_names_match_by_alias_title_surname_and_acronym():
    matcher = NameMatcher(load_knowledge())
    assert matcher.key("President Donald Trump") == matcher.key("Trump") == "donald trump"  # actors.yaml alias
    assert matcher.key("Volodymyr Zelenskyy") == matcher.key("Volodymyr Zelensky")
    assert matcher.same("Okafor", "Amara Okafor") and not matcher.same("Amara", "Amara Okafor")
    assert matcher.same("ACLU", "American Civil Liberties Union", "organization")
    assert not matcher.same("ACL", "American Civil Liberties Union", "organization")
    assert matcher.same("Dr. Ines Duarte", "Ines Duarte")
    assert not matcher.same("ACLU", "American Civil Liberties Union", "person")
    # Ambiguous surnames stay unmatched: two Bergs in one article.
    mapping = matcher.align(["Berg"], ["Olaf Berg", "Ingrid Berg"])
    assert mapping["Berg"] == "berg"
    # A country by another form of its name is the country; a capital, a seat or a city named after
    # it stays a name (a surname "Washington", "Mexico City", "the Kremlin"), as do a demonym and a
    # code that a body's acronym may be ("PRI" is no Puerto Rico).
    assert matcher.key("Democratic Republic of Congo") == matcher.key("Congo") == matcher.key("Democratic Republic of the Congo")
    assert matcher.key("Washington") == "washington" and matcher.key("Ecuadorian") == "ecuadorian"
    assert matcher.key("Mexico City") == "mexico city" and matcher.key("the Kremlin") == matcher.key("Kremlin") == "kremlin"
    assert matcher.key("PRI") == "pri" and matcher.same("PRI", "Institutional Revolutionary Party", "party") is False
    # A body of a country either way round, and its acronym as written.
    assert matcher.key("Congress of Peru") == matcher.key("Peru Congress") == matcher.key("Peru's Congress")
    assert matcher.key("Senate of the United States") == matcher.key("United States Senate") == matcher.key("US Senate")
    assert matcher.key("Friends of the Earth") == "friends of the earth"
    assert matcher.same("RBI", "Reserve Bank of India", "organization")
    # A country's government in any of its wordings is the country (the coding guide's name for
    # it); another body keeps its own name, and so does a government of no known country.
    assert (matcher.key("the Peruvian government") == matcher.key("Peru's government") == matcher.key("government of Peru")
            == matcher.key("Peru government") == matcher.key("Peru") == "peru")
    assert matcher.key("the Government of the Philippines") == matcher.key("Filipino government") == "philippines"
    assert matcher.key("Peru's Congress") == "peru congress" and matcher.key("student government") == "student government"
    assert matcher.key("Atlantis government") == "atlantis government"
    assert matcher.key("the U.S. government") == matcher.key("the US government") == matcher.key("America's government") == "united states"
    assert matcher.key("the UK government") == matcher.key("Britain's government") == "united kingdom"
    assert matcher.key("the Iranian government's") == "iran"


def test_short_names_match_only_by_the_rule_of_their_type_and_one_to_one():
    matcher = NameMatcher()
    # A body's last word is not its name; a person's initials are not their name.
    assert not matcher.same("House", "White House", "organization")
    assert not matcher.same("Korea", "North Korea", "government")
    assert not matcher.same("Democrats", "Senate Democrats", "group")
    assert not matcher.same("US", "Ursula Smith", "person")
    pairs = matcher.align([("Senate", "organization")], [("US Senate", "organization")])
    assert pairs["Senate"] == "senate"
    # Two predicted people never both take one gold name...
    both = matcher.align([("Bill Clinton", "person"), ("Hillary Clinton", "person")], [("Clinton", "person")])
    assert both == {"Bill Clinton": "bill clinton", "Hillary Clinton": "hillary clinton"}
    # ...a surname predicted beside the full name stays apart...
    apart = matcher.align([("Clinton", "person"), ("Hillary Clinton", "person")], [("Hillary Clinton", "person")])
    assert apart == {"Clinton": "clinton", "Hillary Clinton": "hillary clinton"}
    # ...and a surname that fits two predicted people takes neither.
    ambiguous = matcher.align([("Johnson", "person"), ("Mike Johnson", "person")], [("Boris Johnson", "person"), ("Mike Johnson", "person")])
    assert ambiguous["Johnson"] == "johnson"
    assert matcher.align([("Johnson", "person")], [("Boris Johnson", "person")]) == {"Johnson": "boris johnson"}


def test_two_predicted_people_cannot_share_one_gold_triple():
    gold = table([("a1", "Clinton", "person", "United States", "tpp", "oppose", "yes")])
    predicted = table([("a1", "Bill Clinton", "person", "United States", "tpp", "oppose"),
                       ("a1", "Hillary Clinton", "person", "United States", "tpp", "oppose")])
    actor = evaluate_stances(predicted, gold)[1]
    assert (actor.true_positives, actor.predicted, actor.found) == (0, 2, 0)


def test_empty_or_partial_predictions_score_zero_without_error():
    empty = evaluate_stances(pd.DataFrame(), GOLD)
    assert [s.f1 for s in empty] == [0.0, 0.0] and empty[1].gold == 4
    partial = pd.DataFrame({"article_id": ["mines"], "actor": ["Amara Okafor"], "issue": ["mining_ban"], "stance": ["support"]})
    country, actor = evaluate_stances(partial, GOLD)
    assert actor.found == 1 and country.predicted == 0


def test_read_gold_rejects_a_bad_required_value(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("# coder: x\narticle_id,actor,country,issue,stance,required\na,B,C,i,support,maybe\n")
    with pytest.raises(ValueError, match="required"):
        read_gold(path)


# --- agreement and error kinds -------------------------------------------------------------------


def test_agreement_scores_the_second_coder_as_the_machine_is_scored():
    first = GOLD
    second = table([
        ("harbour", "Greta Lindqvist", "person", "Sweden", "ferry_subsidy", "support", "yes"),
        ("harbour", "Norway", "government", "Norway", "toll_bridge", "oppose", "no"),
        ("mines", "Amara Okafor", "person", "Nigeria", "mining_ban", "oppose", "yes"),
    ])
    actor = agreement(first, second)[1]
    # 2 of the second coder's 3 triples are in the first table; 2 of its 4 required ones are found.
    assert (actor.precision, actor.recall) == (pytest.approx(2 / 3), pytest.approx(2 / 4))
    assert actor.f1 == pytest.approx(4 / 7)
    # The plain set F1 counts every row of both: 5 and 3 triples, 2 shared, either way round.
    assert symmetric_agreement(first, second)[1].f1 == pytest.approx(0.5)
    assert symmetric_agreement(second, first)[1].f1 == pytest.approx(0.5)
    assert agreement(first, first)[0].f1 == 1.0


CODEBOOK = codebook_from_dict({"issues": [
    {"id": "ferry_subsidy", "patterns": [r"\bferry subsid\w+"]},
    {"id": "toll_bridge", "patterns": [r"\btoll bridge\b"]},
]})
TEXT = ("Greta Lindqvist backs the ferry subsidy. The National Ferry Association attacked the ferry subsidy. "
        "Norway's government rejected the toll bridge. Olaf Berg wants the ferry subsidy gone. "
        "Nobody wanted to talk about the crossing.")


def test_error_kinds_name_each_way_a_row_goes_wrong():
    gold = table([
        ("harbour", "Greta Lindqvist", "person", "Sweden", "ferry_subsidy", "support", "yes", "backs the ferry subsidy"),
        ("harbour", "National Ferry Association", "organization", "Sweden", "ferry_subsidy", "oppose", "yes", "attacked the ferry subsidy"),
        ("harbour", "Norway", "government", "Norway", "toll_bridge", "oppose", "yes", "rejected the toll bridge"),
        ("harbour", "Olaf Berg", "person", "Norway", "ferry_subsidy", "oppose", "yes", "wants the ferry subsidy gone"),
        ("harbour", "Hanna Lund", "person", "Sweden", "ferry_subsidy", "support", "yes", "backs the ferry subsidy"),
        ("harbour", "Greta Lindqvist", "person", "Sweden", "toll_bridge", "oppose", "yes", "talk about the crossing"),
    ])
    predicted = table([
        ("harbour", "Greta Lindqvist", "person", "Sweden", "ferry_subsidy", "support"),  # right
        ("harbour", "Norway", "government", "Norway", "toll_bridge", "support"),          # wrong polarity
        ("harbour", "Port Authority", "organization", "Sweden", "ferry_subsidy", "oppose"),  # wrong holder
        ("harbour", "Olaf Berg", "person", "Norway", "toll_bridge", "neutral"),           # not in the gold
    ])
    tables = keyed(predicted, gold)
    known = {"greta lindqvist", "national ferry association", "norway", "olaf berg", "port authority"}
    counts = error_kinds(tables, TEXT, CODEBOOK, known)
    assert counts.missed == {"actor unresolved": 1,  # Hanna Lund is never mentioned
                             "wrong polarity": 1,  # Norway
                             "issue not matched": 1,  # "the crossing" matches no toll_bridge pattern
                             "wrong holder": 1,  # the Port Authority has the association's position...
                             "missed holder": 1}  # ...so it cannot explain Berg's as well
    assert counts.spurious == {"wrong polarity": 1, "wrong holder": 1, "no such position in the gold": 1}


def test_error_kinds_of_rows_without_mentions_use_the_pipelines_mentions():
    """The scorer's leave-one-article-out results hold stance rows only: without the article's
    mentions every miss looked like "actor unresolved" (the report said 88 of 88 on dev)."""
    from types import SimpleNamespace

    from core.evaluation.accuracy import ArticleResult, errors_of
    from core.extraction.pipeline import Tables

    gold = table([
        ("harbour", "Norway", "government", "Norway", "toll_bridge", "oppose", "yes", "rejected the toll bridge"),
        ("harbour", "Hanna Lund", "person", "Sweden", "ferry_subsidy", "support", "yes", "backs the ferry subsidy"),
    ])
    predicted = table([("harbour", "Norway", "government", "Norway", "toll_bridge", "support")])
    article = SimpleNamespace(article_id="harbour", dataset=SimpleNamespace(codebook=CODEBOOK))
    result = ArticleResult(article, TEXT, gold, Tables(stances=predicted), keyed(predicted, gold))  # type: ignore[arg-type]
    mentions = pd.DataFrame({"actor": ["Norway", "Greta Lindqvist"], "actor_type": ["government", "person"]})
    counts = errors_of([result], {"harbour": mentions})
    assert counts.missed["wrong polarity"] == 1 and counts.missed["actor unresolved"] == 1  # Norway found; Lund never
    assert errors_of([result]).missed["actor unresolved"] == 2  # what the report used to say


def test_sentence_around_finds_the_sentence_of_an_excerpt():
    at = TEXT.index("rejected the toll")
    assert sentence_around(TEXT, at, at + 5) == "Norway's government rejected the toll bridge."


# --- the split and the gold files ----------------------------------------------------------------


def test_split_is_frozen_with_a_third_of_the_new_articles_and_two_whole_topics_in_test():
    every = load_split()
    ids = [a.article_id for a in every]
    assert len(ids) == len(set(ids))
    assert {a.article_id for a in every if a.split == "test"} == FROZEN_TEST
    # Articles coded later for training are dev only and come from PolNeAR's dev sample, never
    # from a test topic; the frozen split is the rest.
    later = [a for a in every if a.dataset.group == "politics2016"]
    assert all(a.split == "dev" and "polnear_dev" in str(a.text_path) for a in later)
    articles = [a for a in every if a.dataset.group != "politics2016"]
    assert len(articles) == 32
    new = [a for a in articles if a.article_id not in OLD_TABLES]
    assert len(new) >= 26
    assert sum(a.split == "test" for a in new) * 3 >= len(new)
    topics = {a.dataset.name for a in articles if a.dataset.group == "topics"}
    whole = {t for t in topics if all(a.split == "test" for a in articles if a.dataset.name == t)}
    assert len(whole) >= 2
    assert sum(a.double_coded for a in articles if a.dataset.name == "ukraine") >= 3
    assert sum(a.double_coded for a in articles if a.dataset.name in topics) >= 3
    assert all(a.agreement_path.is_file() for a in articles if a.double_coded)


def test_a_data_set_group_is_checked_and_defaults_by_name(tmp_path):
    from core.evaluation.stances import GoldError

    (tmp_path / "g.csv").write_text("article_id,actor,issue,stance\n", encoding="utf-8")
    split = tmp_path / "split.yaml"
    split.write_text("datasets:\n  ukraine: {codebook: c.yaml, texts: t}\n  water: {codebook: c.yaml, texts: t}\n"
                     "  later: {codebook: c.yaml, texts: t, group: politics2016}\n"
                     "articles:\n  - {id: a, dataset: water, split: dev, gold: g.csv}\n"
                     "  - {id: b, dataset: ukraine, split: test, gold: g.csv}\n  - {id: c, dataset: later, split: dev, gold: g.csv}\n",
                     encoding="utf-8")
    assert [a.dataset.group for a in load_split(split, root=tmp_path)] == ["topics", "ukraine", "politics2016"]
    split.write_text(split.read_text(encoding="utf-8").replace("group: politics2016", "group: sports"), encoding="utf-8")
    with pytest.raises(GoldError, match="group must be one of"):
        load_split(split, root=tmp_path)


def test_every_topic_codebook_has_five_to_nine_issues():
    for path in sorted((GOLD_DIR / "codebooks").glob("*.yaml")):  # the four topics' and the later coders'
        name = path.stem
        codebook = load_codebook(path)
        assert 5 <= len(codebook.ids) <= 9, name
        assert all(issue.description.startswith("Support = ") for issue in codebook.issues), name


def test_coding_guide_covers_what_the_coders_decide():
    guide = (GOLD_DIR / "CODING.md").read_text(encoding="utf-8").lower()
    for topic in ("what is a position", "holder and source", "required or optional", "document", "action",
                  "reported", "question", "conditional", "evidence", "agreement"):
        assert topic in guide, topic


def _new_tables() -> list[tuple]:
    found = []
    for article in load_split():
        if article.article_id in OLD_TABLES:
            continue
        found.append((article, article.gold_path))
        if article.double_coded:
            found.append((article, article.agreement_path))
    return found


NEW_TABLES = _new_tables()


@pytest.mark.parametrize("article,path", NEW_TABLES, ids=[f"{p.parent.name}/{p.stem[:40]}" for _, p in NEW_TABLES])
def test_new_gold_table_is_well_formed_with_coder_and_date(article, path):
    raw = path.read_text(encoding="utf-8")
    header = [line for line in raw.splitlines() if line.startswith("#")]
    assert any(re.match(r"# coder: \S+", line) for line in header), "the header names the coder"
    assert any(re.match(r"# date: \d{4}-\d{2}-\d{2}", line) for line in header), "the header gives the date"
    reader = csv.DictReader(io.StringIO("\n".join(line for line in raw.splitlines() if not line.startswith("#"))))
    rows = list(reader)
    assert reader.fieldnames == COLUMNS
    # A table may be empty only when its coder says why (an article with no position on the codebook's issues).
    assert rows or any(line.lower().startswith("# decision: no position") for line in header)
    codebook_ids = set(article.dataset.codebook.ids)
    for row in rows:
        assert row["article_id"] == article.article_id
        assert row["issue"] in codebook_ids
        assert row["stance"] in {"support", "oppose", "neutral"}
        assert row["certainty"] in {"stated", "reported", "unconfirmed"}
        assert row["attribution"] in {"direct", "indirect", "narrative"}
        assert row["actor_type"] in {"person", "government", "organization", "group"}
        assert row["required"] in {"yes", "no"}
        assert row["actor"].strip() and row["evidence"].strip()
        assert len(row["evidence"].split()) <= 40, "evidence is a short excerpt, never a paragraph"
        assert int(row["end_char"]) - int(row["start_char"]) == len(row["evidence"])


@pytest.mark.parametrize("article,path", NEW_TABLES, ids=[f"{p.parent.name}/{p.stem[:40]}" for _, p in NEW_TABLES])
def test_every_gold_evidence_excerpt_is_verbatim_in_its_article(article, path):
    needs_shared()
    text = article.article().text
    gold = read_gold(path)
    for start, end, evidence in zip(gold["start_char"], gold["end_char"], gold["evidence"]):
        assert text[int(start):int(end)] == evidence
    # Copyright: the excerpts together stay a small part of the article.
    covered = set()
    for start, end in zip(gold["start_char"], gold["end_char"]):
        covered.update(range(int(start), int(end)))
    assert len(covered) <= 0.5 * len(text)


# --- the CLI -------------------------------------------------------------------------------------


@pytest.mark.parametrize("split", ["dev", "test"])
def test_evaluate_split_prints_per_article_and_pooled_scores(capsys, split):
    needs_shared()
    assert cli.main(["evaluate", "--split", split]) == 0
    out = capsys.readouterr().out
    expected = [a for a in load_split() if a.split == split]
    assert out.splitlines()[0].startswith(f"split {split}: {len(expected)} article(s) scored")
    for article in expected:
        assert re.search(rf"^  {re.escape(article.article_id)}\s+{article.dataset.name}\s+country P \d\.\d\d R \d\.\d\d F1 \d\.\d\d   actor P", out, re.M)
    assert re.search(r"^pooled \(\d+ articles\)\s+country P \d\.\d\d R \d\.\d\d F1 \d\.\d\d   actor P \d\.\d\d", out, re.M)


def test_evaluate_split_scores_the_configured_extractor_and_says_which(capsys, monkeypatch):
    needs_shared()
    assert cli.main(["evaluate", "--split", "dev", "--dataset", "seed"]) == 0
    scorer_out = capsys.readouterr().out
    assert "extractor: candidates + learned scorer" in scorer_out and "in-sample" in scorer_out
    monkeypatch.setenv("STANCE_EXTRACTOR", "rules")
    assert cli.main(["evaluate", "--split", "dev", "--dataset", "seed"]) == 0
    rules_out = capsys.readouterr().out
    assert "extractor: the stance rules" in rules_out

    def seed_line(out: str) -> str:
        return re.search(r"^  ukraine_peace_talks .*$", out, re.M).group(0)

    assert seed_line(scorer_out) != seed_line(rules_out)  # two extractors, two sets of rows


def test_evaluate_split_min_confidence_applies_to_either_extractor(capsys, monkeypatch):
    # (it was ignored for the rules, whose rows were all scored whatever --min-confidence said)
    needs_shared()

    def seed_line(*extra: str) -> str:
        assert cli.main(["evaluate", "--split", "dev", "--dataset", "seed", *extra]) == 0
        return re.search(r"^  ukraine_peace_talks .*$", capsys.readouterr().out, re.M).group(0)

    for extractor in ("scorer", "rules"):
        monkeypatch.setenv("STANCE_EXTRACTOR", extractor)
        assert "actor P 0.00 R 0.00" not in seed_line()
        assert "actor P 0.00 R 0.00" in seed_line("--min-confidence", "1")  # no row is that sure
        assert cli.main(["evaluate", "--split", "dev", "--dataset", "seed", "--min-confidence", "1.01"]) == 2
        assert "between 0 and 1" in capsys.readouterr().err


def test_evaluate_split_refuses_to_list_test_errors(capsys):
    assert cli.main(["evaluate", "--split", "test", "-v"]) == 2
    assert "never read for errors" in capsys.readouterr().err


def test_evaluate_split_takes_no_article_files(capsys):
    assert cli.main(["evaluate", "--split", "dev", str(SEED)]) == 2
    assert "takes no article files" in capsys.readouterr().err


def test_evaluate_split_dev_verbose_lists_errors_and_their_kinds(capsys):
    needs_shared()
    assert cli.main(["evaluate", "--split", "dev", "--dataset", "seed", "-v"]) == 0
    out = capsys.readouterr().out
    missed = re.findall(r"^      missed   actor", out, re.M)
    assert missed, "the seed has missed gold rows"
    kinds = re.search(r"^error kinds \(actor level\): missed (.*); spurious", out, re.M).group(1)
    assert sum(int(n) for n in re.findall(r" (\d+)(?:,|$)", kinds)) == len(missed)


def test_unknown_data_set_names_the_known_ones(capsys):
    assert cli.main(["evaluate", "--split", "dev", "--dataset", "fisheries"]) == 2
    assert "unknown data set(s) fisheries; the gold has campaign2016, climate, climate2016, domestic2016, foreign2016, guns, immigration, seed, trade, ukraine" in capsys.readouterr().err


def test_dataset_needs_split_and_split_takes_no_iou(capsys):
    assert cli.main(["evaluate", "--dataset", "guns"]) == 2
    assert "--dataset goes with --split" in capsys.readouterr().err
    assert cli.main(["evaluate", "--split", "dev", "--iou", "0.5"]) == 2
    assert "--iou" in capsys.readouterr().err


def test_verbose_errors_of_a_test_article_are_refused_with_any_command(capsys):
    gold = str(GOLD_DIR / "topics" / "guns" / "politico_2016-06-22_what-will-it-take-for-the-senate.csv")
    assert cli.main(["evaluate", "--gold", gold, "-v", str(SEED)]) == 2
    assert "never read for errors" in capsys.readouterr().err


# --- the stored figures: measured, not typed -----------------------------------------------------


def test_stored_report_is_for_the_running_pipeline_and_complete():
    report = load_report()
    assert report is not None, f"{REPORT_FILE} is missing: python -m core accuracy --write"
    assert report["pipeline_version"] == PIPELINE_VERSION
    names = {g["name"] for g in report["groups"]}
    assert {"seed", "dev", "test", "Ukraine dev", "Ukraine test", "climate", "guns", "immigration", "trade"} <= names
    assert report["agreement"]["pooled"]["all"]["actor_f1"] > 0
    assert sum(report["errors_dev"]["missed"].values()) > 0
    assert {q["name"] for q in report["quotes"]} >= {"polnear_dev", "guns", "immigration", "trade", "climate"}
    if report["extractor"] == "scorer":  # how often a row is right by confidence, dev and test, both levels
        bands = report["confidence_bands"]
        assert bands["edges"][0] < bands["min_confidence"] == report["scorer"]["min_confidence"] in bands["edges"]
        for split in ("dev", "test"):
            for level in ("actor", "country"):
                assert len(bands[split][level]) == len(bands["edges"]) - 1 and sum(b["rows"] for b in bands[split][level]) > 0


def test_readme_accuracy_section_is_generated_from_the_stored_report():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert README_START in readme and README_END in readme
    assert readme_section() == render_markdown(load_report())


def test_stored_figures_equal_a_fresh_measurement():
    needs_shared()
    fresh = build_report(today="any")
    stored = json.loads(REPORT_FILE.read_text(encoding="utf-8"))
    assert figures(fresh) == figures(stored)


# --- the chart and tables of the Accuracy page ---------------------------------------------------


def test_accuracy_chart_has_a_bar_per_data_set_and_level_and_the_ceiling():
    groups = pd.DataFrame([
        {"data set": "dev", "split": "dev", "articles": 2, "gold rows": 9, "country P": 0.8, "country R": 0.5,
         "country F1": 0.62, "actor P": 0.7, "actor R": 0.4, "actor F1": 0.51, "what": "x"},
        {"data set": "test", "split": "test", "articles": 1, "gold rows": 4, "country P": 0.5, "country R": 0.25,
         "country F1": 0.33, "actor P": 0.5, "actor R": 0.2, "actor F1": 0.29, "what": "y"},
    ])
    data = accuracy_chart_data(groups)
    assert len(data) == 4
    assert data.set_index(["data set", "level"]).loc[("test", "actor"), "f1"] == 0.29
    spec = accuracy_chart(data, ceiling=0.9).to_dict()
    assert len(spec["layer"]) == 3
    assert accuracy_chart_data(groups.iloc[0:0]).empty


def test_errors_table_lists_every_kind_most_frequent_first():
    report = {"errors_dev": {"missed": {"missed holder": 3, "issue not matched": 5}, "spurious": {"wrong holder": 2}}}
    frame = errors_table(report)
    missed = frame[frame["error"] == "missed gold row"]
    assert list(missed["kind"])[:2] == ["issue not matched", "missed holder"]
    assert len(frame) == 8 and frame["count"].sum() == 10


def test_groups_table_from_a_report():
    report = load_report()
    frame = groups_table(report)
    assert list(frame.columns[:4]) == ["data set", "split", "articles", "gold rows"]
    assert len(frame) == len(report["groups"])
