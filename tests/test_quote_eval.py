"""Brat-style quote attribution scoring (core.evaluation.quotes), the attribution rules it measures, and
the measured figures on the PolNeAR development sample (read from ../shared, never copied)."""

from pathlib import Path

import pandas as pd
import pytest

from core.evaluation.quotes import (
    GoldAttribution,
    char_iou,
    evaluate_quotes,
    gold_antecedent,
    parse_ann,
    read_brat_gold,
    select,
)
from core.evaluation.stances import GoldError
from core.model import QUOTE_COLUMNS

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear_dev"


def quotes(*rows: dict) -> pd.DataFrame:
    """A quotes table from partial rows (the columns the scorer reads, the rest empty)."""
    full = []
    for row in rows:
        base = {c: "" for c in QUOTE_COLUMNS}
        base.update({"speaker_start": -1, "speaker_end": -1})
        base.update(row)
        full.append(base)
    return pd.DataFrame(full, columns=QUOTE_COLUMNS)


# ------------------------------------------------------------------------------------ IoU


def test_char_iou_of_spans_and_fragments():
    assert char_iou([(0, 10)], [(0, 10)]) == 1.0
    assert char_iou([(0, 10)], [(10, 20)]) == 0.0
    assert char_iou([(0, 10)], [(5, 15)]) == pytest.approx(5 / 15)
    # A discontinuous gold content is the union of its fragments: the gap between them counts
    # against a prediction that covers it.
    assert char_iou([(0, 30)], [(0, 10), (20, 30)]) == pytest.approx(20 / 30)
    assert char_iou([], []) == 0.0


# ------------------------------------------------------------------------------------ matching

TEXT = (
    "Ms. Lopez said the bridge will open in May. "  # 0..43
    "She added that the budget is tight. "  # 44..80
    "The council, officials said, approved it."  # 81..
)


def gold_article() -> list[GoldAttribution]:
    return [
        GoldAttribution("a", [(15, 42)], [(0, 9)], [(10, 14)], "Ms. Lopez", relation_id="E1"),
        GoldAttribution("a", [(54, 79)], [(44, 47)], [(48, 53)], "She", relation_id="E2"),
        GoldAttribution("a", [(81, 92), (110, 121)], [(93, 102)], [(103, 107)], "officials", relation_id="E3"),
        GoldAttribution("a", [(0, 5)], [], [(6, 9)], "", relation_id="E4"),  # no source
    ]


def test_precision_recall_and_one_to_one_greedy_matching():
    gold = {"a": gold_article()}
    pred = quotes(
        {"article_id": "a", "speaker": "Maria Lopez", "start_char": 15, "end_char": 42, "speaker_start": 0, "speaker_end": 9},
        # two predictions on E2: the closer one (IoU 1) wins, the other is spurious
        {"article_id": "a", "speaker": "Maria Lopez", "start_char": 54, "end_char": 79, "speaker_start": 44, "speaker_end": 47},
        {"article_id": "a", "speaker": "Maria Lopez", "start_char": 44, "end_char": 79, "speaker_start": 44, "speaker_end": 47},
        # E3 covered from start of its first fragment to end of its last: IoU 22/40 >= 0.3
        {"article_id": "a", "speaker": "officials", "start_char": 81, "end_char": 121, "speaker_start": 93, "speaker_end": 102},
        # another article, not in the gold: ignored
        {"article_id": "other", "speaker": "X", "start_char": 0, "end_char": 5},
    )
    score = evaluate_quotes(pred, gold, iou=0.3)
    assert (score.matched, score.predicted, score.gold) == (3, 4, 4)
    assert score.precision == pytest.approx(3 / 4)
    assert score.recall == pytest.approx(3 / 4)
    assert score.f1 == pytest.approx(3 / 4)
    assert [r.relation_id for r in score.missed] == ["E4"]
    assert score.spurious == [2]  # the row label of the wider E2 prediction
    assert set(score.per_article) == {"a"}
    # At IoU 0.6 the E3 prediction (0.55) no longer matches.
    strict = evaluate_quotes(pred, gold, iou=0.6)
    assert strict.matched == 2
    line = score.line()
    assert "precision 0.75" in line and "recall 0.75" in line and "speaker 1.00" in line


def test_speaker_by_mention_overlap_by_name_and_by_gold_antecedent():
    rels = gold_article()
    gold = {"a": rels}
    assert gold_antecedent(rels[1], rels) == "Ms. Lopez"
    pred = quotes(
        # right by mention overlap
        {"article_id": "a", "speaker": "", "start_char": 15, "end_char": 42, "speaker_start": 0, "speaker_end": 9},
        # "She": the mention given is elsewhere, but the resolved name's last word (Lopez) is in
        # the pronoun's gold antecedent ("Ms. Lopez")
        {"article_id": "a", "speaker": "Maria Lopez", "start_char": 54, "end_char": 79, "speaker_start": 0, "speaker_end": 9},
        # wrong: another name, another mention
        {"article_id": "a", "speaker": "Tom Brown", "start_char": 81, "end_char": 121, "speaker_start": 0, "speaker_end": 9},
        # matched to the no-source relation: not counted for speaker accuracy
        {"article_id": "a", "speaker": "Tom Brown", "start_char": 0, "end_char": 5},
    )
    score = evaluate_quotes(pred, gold)
    assert score.matched == 4
    assert (score.speaker_correct, score.speaker_correct_strict, score.speaker_total) == (2, 1, 3)
    assert score.speaker_accuracy == pytest.approx(2 / 3)
    assert [rel.relation_id for _, rel in score.wrong_speaker] == ["E3"]


def test_empty_predictions_and_bad_arguments():
    gold = {"a": gold_article()}
    score = evaluate_quotes(quotes(), gold)
    assert (score.precision, score.recall, score.speaker_accuracy) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError):
        evaluate_quotes(quotes(), gold, iou=0)
    with pytest.raises(ValueError):
        evaluate_quotes(pd.DataFrame({"article_id": []}), gold)


def test_select_keeps_articles_and_filters_relations():
    gold = {"a": gold_article()}
    only_sourced = select(gold, lambda r: r.has_source)
    assert [r.relation_id for r in only_sourced["a"]] == ["E1", "E2", "E3"]


# ------------------------------------------------------------------------------------ reading

ANN = "\n".join(
    [
        "T1\tSource 0 9\tMs. Lopez",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 42\tthe bridge will open in May",
        "T4\tAttribution 10 14\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tContent 81 92;110 121\tThe council approved it",
        "T6\tSource 93 102\tofficials",
        "T7\tCue 103 107\tsaid",
        "T8\tAttribution 103 107\tsaid",
        "E2\tAttribution:T8 Source:T6 Cue:T7 Content:T5",
        "T9\tContent 54 79\tthe budget is tight",
        "T10\tCue 48 53\tadded",
        "T11\tAttribution-no-source 48 53\tadded",
        "T12\tContent 60 70\textra fragment",
        "E3\tAttribution-no-source:T11 Cue:T10 Content:T9 Content2:T12",
        "T13\tDiscuss 0 5\tnote",
        "#1\tAnnotatorNotes T13\tnot an attribution",
        "",
    ]
)


def test_parse_ann_reads_events_discontinuous_spans_and_content2():
    rels = parse_ann(ANN, "story")
    assert [r.relation_id for r in rels] == ["E1", "E2", "E3"]
    first, second, third = rels
    assert (first.content, first.source, first.cue, first.source_text) == ([(15, 42)], [(0, 9)], [(10, 14)], "Ms. Lopez")
    assert second.content == [(81, 92), (110, 121)] and second.source_text == "officials"
    assert third.source == [] and not third.has_source
    assert third.content == [(54, 79), (60, 70)]  # Content2 adds fragments


def test_read_brat_gold_from_ann_files_and_jsonl(tmp_path):
    folder = tmp_path / "attributions"
    folder.mkdir()
    (folder / "story_ab12.ann").write_text(ANN, encoding="utf-8")
    gold = read_brat_gold(tmp_path)  # finds attributions/*.ann; drops the annotator suffix
    assert list(gold) == ["story"] and len(gold["story"]) == 3
    # A text file with the full name keeps it as the article id.
    (folder / "story_ab12.txt").write_text("x", encoding="utf-8")
    assert list(read_brat_gold(folder / "story_ab12.ann")) == ["story_ab12"]
    jsonl = tmp_path / "attributions.jsonl"
    jsonl.write_text(
        '{"article": "s", "event_id": "E1", "source": {"text": "he", "spans": [[0, 2]]}, '
        '"cue": {"text": "said", "spans": [[3, 7]]}, "content": {"text": "a b", "spans": [[8, 9], [10, 11]]}, '
        '"content2": null}\n'
        '{"article": "s", "event_id": "E2", "source": null, "cue": {"text": "x", "spans": [[0, 1]]}, '
        '"content": {"text": "c", "spans": [[12, 13]]}}\n',
        encoding="utf-8",
    )
    gold = read_brat_gold(tmp_path)  # attributions.jsonl is preferred when present
    assert list(gold) == ["s"]
    assert gold["s"][0].content == [(8, 9), (10, 11)] and gold["s"][0].source_text == "he"
    assert gold["s"][1].source == []


@pytest.mark.parametrize(
    "content, message",
    [
        ("T1\tContent 5\tx\n", "bad span"),
        ("T1\tContent 5 x\tx\n", "spans must be"),
        ("T1\tContent 0 5\tx\nE1\tAttribution:T9 Content:T1 Source:T7\n", "not defined"),
        ("E1\tAttribution:T9 Content\n", "bad argument"),
        ("T1\tContent 9 5\tx\n", "reversed"),
    ],
)
def test_malformed_ann_gives_gold_error(tmp_path, content, message):
    path = tmp_path / "bad.ann"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        read_brat_gold(path)


def test_unusable_gold_sources_give_gold_error(tmp_path):
    with pytest.raises(GoldError, match="no such file"):
        read_brat_gold(tmp_path / "missing")
    with pytest.raises(GoldError, match="no attributions.jsonl"):
        read_brat_gold(tmp_path)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(GoldError, match="expected a folder"):
        read_brat_gold(tmp_path / "notes.txt")
    (tmp_path / "attributions.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match="not valid JSON"):
        read_brat_gold(tmp_path)
    (tmp_path / "attributions.jsonl").write_text('{"article": "a"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="'content'"):
        read_brat_gold(tmp_path)
    (tmp_path / "attributions.jsonl").write_bytes(b"\xff\xfe")
    with pytest.raises(GoldError, match="cannot read"):
        read_brat_gold(tmp_path)
    (tmp_path / "attributions.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(GoldError, match="no attribution relations"):
        read_brat_gold(tmp_path)


# ------------------------------------------------------------------------------------ the rules
# Invented sentences for the attribution patterns the PolNeAR evaluation led to.


def _statements(text: str) -> list[tuple[str, str, str, str]]:
    from tests.nlp_fixtures import analyse

    table = analyse(text, None).quotes
    return [
        (row.kind, row.cue, row.speaker, text[row.start_char : row.end_char])
        for row in table.itertuples(index=False)
    ]


def test_quote_interrupted_by_its_attribution_is_one_statement():
    text = "“We will build the bridge before winter,” Mayor Anna Berg said on Monday. “Nobody should doubt that we can finish it.”"
    [(kind, cue, speaker, quote)] = _statements(text)
    assert (kind, cue, speaker) == ("direct", "said", "Anna Berg")
    assert quote.startswith("We will build") and quote.endswith("finish it.")


def test_two_cues_keep_two_statements():
    text = "“The plan is dead,” Carla Diaz said, adding later, “We need to start again from scratch.”"
    found = _statements(text)
    assert [(k, c, s) for k, c, s, _ in found] == [("direct", "said", "Carla Diaz"), ("direct", "adding", "Carla Diaz")]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        ("The new port, Governor Paul Mensah said, will create thousands of jobs in the region.", "said", "Paul Mensah",
         "The new port, Governor Paul Mensah said, will create thousands of jobs in the region"),
        ("The tax cut will pay for itself within five years, Senator Laura Kim argued.", "argued", "Laura Kim",
         "The tax cut will pay for itself within five years"),
        ("Health Minister Tomas Rivera told hospital managers to prepare for a difficult winter.", "told", "Tomas Rivera",
         "hospital managers to prepare for a difficult winter"),
        ("Opposition leader Maria Lopez called for an independent inquiry into the contracts.", "called", "Maria Lopez",
         "an independent inquiry into the contracts"),
        ("Chief executive John Park stressed the company's commitment to the new factory.", "stressed", "John Park",
         "the company's commitment to the new factory"),
        ("A survey by the institute showed that most farmers expect lower prices next year.", "showed", "survey",
         "most farmers expect lower prices next year"),
        ("Teachers' Union: Class Sizes Are Growing Too Fast\nThe union published its report on Friday.", ":", "Teachers' Union",
         "Class Sizes Are Growing Too Fast"),
    ],
)
def test_reporting_patterns(text, cue, speaker, content):
    assert ("indirect", cue, speaker, content) in _statements(text)


# ------------------------------------------------------------------------------------ PolNeAR

# Measured on the 12 PolNeAR dev articles (300 relations) at IoU 0.3: precision 0.92, recall
# 0.75, F1 0.83, speaker accuracy 0.96 (before the intention, noun and wider object cues: 0.92 /
# 0.65 / 0.76 / 0.97; before that: 0.78 / 0.51 / 0.61 / 0.92). The floors sit about 0.02 below,
# so that a regression shows and noise does not. PolNeAR also annotates actions and attitudes
# ("the senator openly admires ...", "has no illusions about ..."), most of what is still missed.
FLOORS = {"precision": 0.90, "recall": 0.73, "f1": 0.81, "speaker_accuracy": 0.94}


@pytest.mark.skipif(not (POLNEAR / "text").is_dir(), reason="../shared/eval/polnear_dev (PolNeAR dev sample) is not present")
def test_polnear_dev_quote_attribution_figures():
    from core.evaluation.accuracy import analyse_once
    from core.ingest.text import read_article
    from tests.nlp_fixtures import nlp

    gold = read_brat_gold(POLNEAR)
    assert len(gold) == 12 and sum(len(v) for v in gold.values()) == 300
    articles = [read_article(POLNEAR / "text" / f"{article_id}.txt") for article_id in sorted(gold)]
    tables = analyse_once(articles, nlp=nlp())  # parsed once per session, shared with the accuracy report
    score = evaluate_quotes(tables.quotes, gold, iou=0.3)
    print("\n" + score.line() + "\n" + evaluate_quotes(tables.quotes, gold, iou=0.5).line())
    for name, floor in FLOORS.items():
        assert getattr(score, name) >= floor, (name, getattr(score, name))
