"""Scoring the quotes table against brat-style attribution gold (source / cue / content spans).

The gold is what corpora such as PolNeAR or PARC provide: for every attribution relation the
character spans of its ``Content`` (the quote or claim, possibly several discontinuous fragments),
its ``Cue`` ("said", "according to") and its ``Source`` (the speaker *as written*: "he", "the
former mayor", absent for ``Attribution-no-source``).

Scoring, after the GenderGapTracker's quote evaluation:

* **Quote match** — a predicted statement (``text[start_char:end_char]``) and a gold relation match
  when the character IoU of the predicted span and the gold content (the union of its fragments)
  is at least the threshold (0.3 by default): IoU = |A ∩ B| / |A ∪ B| over character positions.
  Pairs are made one-to-one, greedily by IoU descending, within an article. Precision = matched
  predicted / predicted; recall = matched gold / gold.
* **Speaker accuracy** — among matched pairs whose gold relation has a Source, the share where the
  predicted speaker is right. It is right when

  1. the predicted speaker mention (``speaker_start:speaker_end``, the mention the attribution rests
     on, e.g. "He") overlaps the gold Source span — the gold Source is itself a mention, so this is
     the exact, mention-level test (``speaker_correct_strict`` counts only these); or
  2. the predicted resolved speaker name agrees with the gold source by name: the last word of the
     predicted name ("Maria Lopez" -> "lopez") is a word of the gold Source text ("Ms. Lopez"), or,
     when the gold Source is a pronoun ("he", "she", "they", ...), a word of its antecedent in the
     gold — the nearest earlier non-pronominal gold Source of the same article. PolNeAR does not
     annotate coreference; this antecedent rule is the stand-in, stated here so that the figure
     can be judged. A speaker with no name (unresolved) can only be right by rule 1.

Only articles present in the gold are scored; predictions for other articles are ignored.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from core.evaluation.stances import GoldError
from core.extraction.words import ALL_PRONOUNS

Span = tuple[int, int]

_ANNOTATOR_SUFFIX = re.compile(r"^(.+)_[0-9a-f]{4}$")
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*", re.UNICODE)


@dataclass
class GoldAttribution:
    """One gold attribution relation of one article (spans are character offsets, end exclusive)."""

    article_id: str
    content: list[Span]
    source: list[Span] = field(default_factory=list)  # empty for an Attribution-no-source
    cue: list[Span] = field(default_factory=list)
    source_text: str = ""
    content_text: str = ""
    cue_text: str = ""
    relation_id: str = ""  # "E12" in the .ann file

    @property
    def has_source(self) -> bool:
        return bool(self.source)


# ---------------------------------------------------------------------------------------- reading


def _spans(value, where: str) -> list[Span]:
    try:
        spans = [(int(s), int(e)) for s, e in value]
    except (TypeError, ValueError):
        raise GoldError(f"{where}: spans must be [[start, end], ...]") from None
    if any(s < 0 or e < s for s, e in spans):
        raise GoldError(f"{where}: a span has a negative or reversed offset")
    return spans


def _read_jsonl(path: Path) -> dict[str, list[GoldAttribution]]:
    gold: dict[str, list[GoldAttribution]] = defaultdict(list)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({str(exc).splitlines()[0]})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not obj.get("article") or not isinstance(obj.get("content"), dict):
            raise GoldError(f"{where}: expected an object with 'article' and 'content'")
        content = _spans(obj["content"].get("spans"), where)
        if isinstance(obj.get("content2"), dict):
            content += _spans(obj["content2"].get("spans"), where)
        source = obj.get("source") if isinstance(obj.get("source"), dict) else None
        cue = obj.get("cue") if isinstance(obj.get("cue"), dict) else None
        gold[str(obj["article"])].append(
            GoldAttribution(
                article_id=str(obj["article"]),
                content=sorted(content),
                source=_spans(source.get("spans"), where) if source else [],
                cue=_spans(cue.get("spans"), where) if cue else [],
                source_text=str(source.get("text", "")) if source else "",
                content_text=str(obj["content"].get("text", "")),
                cue_text=str(cue.get("text", "")) if cue else "",
                relation_id=str(obj.get("event_id", "")),
            )
        )
    return dict(gold)


def _ann_article_id(path: Path) -> str:
    """``<article>.ann`` belongs to ``<article>.txt``; PolNeAR names its files
    ``<article>_<4-hex annotator>.ann``, so the suffix is dropped when no text file has the full
    name (looked for beside the .ann and in a sibling ``text/`` folder)."""
    stem = path.stem
    for folder in (path.parent, path.parent.parent / "text"):
        if (folder / f"{stem}.txt").exists():
            return stem
    match = _ANNOTATOR_SUFFIX.match(stem)
    return match.group(1) if match else stem


def parse_ann(text: str, article_id: str, name: str = "<ann>") -> list[GoldAttribution]:
    """Attribution relations of one brat standoff file.

    ``T`` lines give labelled spans (``T3\\tContent 10 20;25 40\\tcovered text``); ``E`` lines link
    them into relations (``E1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1``, roles in any order;
    ``Content2`` adds fragments to the content). Other lines (attributes ``A``, notes ``#``,
    relations ``R``) and labels such as ``Discuss`` / ``Discard`` are ignored."""
    spans: dict[str, tuple[str, list[Span], str]] = {}
    events: list[tuple[str, dict[str, list[str]], str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        parts = line.split("\t")
        ident = parts[0].strip()
        if ident.startswith("T"):
            if len(parts) < 2 or not parts[1].strip():
                raise GoldError(f"{where}: a T line needs '<label> <start> <end>[;<start> <end>...]'")
            label, _, offsets = parts[1].strip().partition(" ")
            fragments = []
            for fragment in offsets.split(";"):
                bits = fragment.split()
                if len(bits) != 2:
                    raise GoldError(f"{where}: bad span '{fragment.strip()}' (expected '<start> <end>')")
                fragments += _spans([bits], where)
            spans[ident] = (label, fragments, parts[2] if len(parts) > 2 else "")
        elif ident.startswith("E"):
            if len(parts) < 2:
                raise GoldError(f"{where}: an E line needs '<type>:<T id> <role>:<T id> ...'")
            roles: dict[str, list[str]] = defaultdict(list)
            # The first argument is the trigger (Attribution / Attribution-no-source); the two
            # are told apart by the presence of a Source role.
            for arg in parts[1].split()[1:]:
                role, sep, target = arg.partition(":")
                if not sep or not target:
                    raise GoldError(f"{where}: bad argument '{arg}' (expected '<role>:<T id>')")
                roles[re.sub(r"\d+$", "", role)].append(target)
            events.append((ident, dict(roles), where))
    found = []
    for ident, roles, where in events:
        def resolve(role: str, roles: dict = roles, where: str = where) -> tuple[list[Span], str]:
            out: list[Span] = []
            texts = []
            for target in roles.get(role, []):
                if target not in spans:
                    raise GoldError(f"{where}: the relation names {target}, which is not defined")
                out += spans[target][1]
                texts.append(spans[target][2])
            return sorted(out), " ".join(texts)

        content, content_text = resolve("Content")
        if not content:
            continue  # a relation without content cannot be scored
        source, source_text = resolve("Source")
        cue, cue_text = resolve("Cue")
        found.append(GoldAttribution(article_id, content, source, cue, source_text, content_text, cue_text, ident))
    return found


def _read_ann_files(paths: list[Path]) -> dict[str, list[GoldAttribution]]:
    gold: dict[str, list[GoldAttribution]] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"{path}: cannot read the gold file ({str(exc).splitlines()[0]})") from None
        article_id = _ann_article_id(path)
        gold.setdefault(article_id, []).extend(parse_ann(text, article_id, str(path)))
    return gold


def read_brat_gold(folder: str | Path) -> dict[str, list[GoldAttribution]]:
    """Gold attributions by article id, from

    * a folder holding ``attributions.jsonl`` (preferred when present), else ``*.ann`` files
      directly or in an ``attributions/`` subfolder;
    * or a single ``.jsonl`` or ``.ann`` file.

    Raises :class:`core.evaluation.stances.GoldError` with a one-line reason when nothing usable is found."""
    path = Path(folder)
    if not path.exists():
        raise GoldError(f"{path}: no such file or folder")
    if path.is_file():
        if path.suffix == ".jsonl":
            gold = _read_jsonl(path)
        elif path.suffix == ".ann":
            gold = _read_ann_files([path])
        else:
            raise GoldError(f"{path}: expected a folder, a .jsonl or a .ann file")
    elif (path / "attributions.jsonl").is_file():
        gold = _read_jsonl(path / "attributions.jsonl")
    else:
        anns = sorted(path.glob("*.ann")) or sorted((path / "attributions").glob("*.ann"))
        if not anns:
            raise GoldError(f"{path}: no attributions.jsonl and no .ann files found")
        gold = _read_ann_files(anns)
    if not gold:
        raise GoldError(f"{path}: no attribution relations found")
    return gold


def select(gold: dict[str, list[GoldAttribution]], keep) -> dict[str, list[GoldAttribution]]:
    """The gold relations for which ``keep(relation)`` is true (articles kept even if emptied),
    e.g. only those whose cue is a speech verb, to compare with speech-only quote extractors."""
    return {article: [r for r in relations if keep(r)] for article, relations in gold.items()}


# ---------------------------------------------------------------------------------------- scoring


def _chars(spans: list[Span]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def char_iou(a: list[Span], b: list[Span]) -> float:
    """|A ∩ B| / |A ∪ B| of the character positions covered by two lists of spans."""
    ca, cb = _chars(a), _chars(b)
    union = len(ca | cb)
    return len(ca & cb) / union if union else 0.0


def _overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _words(text: str) -> set[str]:
    words = set()
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"[’']s$", "", w)
        words.add(w)
    return words


def _last_name_word(name: str) -> str:
    words = [re.sub(r"[’']s$", "", w) for w in _WORD.findall(name.lower())]
    return words[-1] if words else ""


def _is_pronoun(text: str) -> bool:
    words = _WORD.findall(text.lower())
    return len(words) == 1 and words[0] in ALL_PRONOUNS


def gold_antecedent(relation: GoldAttribution, article: list[GoldAttribution]) -> str:
    """The Source text standing for a pronominal gold Source: the nearest earlier
    non-pronominal Source of the same article ('' when there is none)."""
    if not relation.source:
        return ""
    start = relation.source[0][0]
    best: tuple[int, str] | None = None
    for other in article:
        if not other.source or _is_pronoun(other.source_text):
            continue
        at = other.source[0][0]
        if at < start and (best is None or at > best[0]):
            best = (at, other.source_text)
    return best[1] if best else ""


def speaker_verdict(pred: dict, relation: GoldAttribution, article: list[GoldAttribution]) -> tuple[bool, bool]:
    """(right, right by mention overlap) for a predicted row and a gold relation with a Source."""
    start, end = int(pred.get("speaker_start", -1)), int(pred.get("speaker_end", -1))
    if start >= 0 and end > start and _overlaps((start, end), relation.source):
        return True, True
    last = _last_name_word(str(pred.get("speaker") or ""))
    if not last:
        return False, False
    source_text = relation.source_text
    if _is_pronoun(source_text):
        source_text = gold_antecedent(relation, article)
    return last in _words(source_text), False


@dataclass
class QuoteScore:
    """Quote detection and speaker attribution scores (overall or for one article)."""

    level: str
    iou: float
    predicted: int
    gold: int
    matched: int
    speaker_total: int  # matched pairs whose gold relation has a Source
    speaker_correct: int
    speaker_correct_strict: int  # by mention overlap alone
    per_article: dict[str, QuoteScore] = field(default_factory=dict)
    pairs: list[tuple[int, GoldAttribution, float, bool | None]] = field(default_factory=list)
    missed: list[GoldAttribution] = field(default_factory=list)
    spurious: list[int] = field(default_factory=list)  # row labels of unmatched predictions
    wrong_speaker: list[tuple[int, GoldAttribution]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_total if self.speaker_total else 0.0

    @property
    def speaker_accuracy_strict(self) -> float:
        return self.speaker_correct_strict / self.speaker_total if self.speaker_total else 0.0

    def line(self) -> str:
        return (
            f"{self.level:<28} precision {self.precision:.2f}  recall {self.recall:.2f}  "
            f"F1 {self.f1:.2f}  speaker {self.speaker_accuracy:.2f} "
            f"(mention overlap {self.speaker_accuracy_strict:.2f})  "
            f"({self.matched} of {self.predicted} predicted, {self.gold} gold; "
            f"speaker {self.speaker_correct}/{self.speaker_total})"
        )

    def as_dict(self) -> dict:
        """Figures only (no text), for JSON output."""
        out = {
            "level": self.level,
            "iou": self.iou,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_accuracy_strict": round(self.speaker_accuracy_strict, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
            "speaker_correct": self.speaker_correct,
            "speaker_correct_strict": self.speaker_correct_strict,
            "speaker_total": self.speaker_total,
        }
        if self.per_article:
            out["per_article"] = {k: v.as_dict() for k, v in self.per_article.items()}
        return out


def _score_article(article_id: str, rows: pd.DataFrame, relations: list[GoldAttribution], iou: float) -> QuoteScore:
    preds = [(label, [(int(s), int(e))]) for label, s, e in zip(rows.index, rows["start_char"], rows["end_char"])]
    candidates = []
    for pi, (_label, span) in enumerate(preds):
        for gi, rel in enumerate(relations):
            if not _overlaps(span[0], rel.content):
                continue
            value = char_iou(span, rel.content)
            if value >= iou:
                candidates.append((-value, pi, gi))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs, wrong = [], []
    total = correct = strict = 0
    for neg, pi, gi in candidates:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        rel = relations[gi]
        label = preds[pi][0]
        verdict: bool | None = None
        if rel.has_source:
            right, by_mention = speaker_verdict(rows.iloc[pi].to_dict(), rel, relations)
            verdict = right
            total += 1
            correct += right
            strict += by_mention
            if not right:
                wrong.append((label, rel))
        pairs.append((label, rel, -neg, verdict))
    return QuoteScore(
        level=article_id,
        iou=iou,
        predicted=len(preds),
        gold=len(relations),
        matched=len(pairs),
        speaker_total=total,
        speaker_correct=correct,
        speaker_correct_strict=strict,
        pairs=pairs,
        missed=[r for gi, r in enumerate(relations) if gi not in used_g],
        spurious=[label for pi, (label, _) in enumerate(preds) if pi not in used_p],
        wrong_speaker=wrong,
    )


def evaluate_quotes(predicted_quotes: pd.DataFrame, gold: dict[str, list[GoldAttribution]], iou: float = 0.3) -> QuoteScore:
    """Score a quotes table (``core.model.QUOTE_COLUMNS``) against gold attributions by article.

    Row labels of ``predicted_quotes`` are kept in ``pairs`` / ``spurious`` / ``wrong_speaker`` so
    that callers can show the rows behind the figures (``predicted_quotes.loc[label]``); give the
    table a unique index (the pipeline's tables have one)."""
    if not 0.0 < iou <= 1.0:
        raise ValueError("the IoU threshold must be in (0, 1]")
    missing = [c for c in ("article_id", "start_char", "end_char") if c not in predicted_quotes.columns]
    if missing:
        raise ValueError(f"the quotes table lacks the column(s) {', '.join(missing)}")
    per_article = {}
    for article_id in sorted(gold):
        rows = predicted_quotes[predicted_quotes["article_id"] == article_id]
        per_article[article_id] = _score_article(article_id, rows, gold[article_id], iou)
    parts = list(per_article.values())
    return QuoteScore(
        level=f"quotes (IoU >= {iou:g})",
        iou=iou,
        predicted=sum(p.predicted for p in parts),
        gold=sum(p.gold for p in parts),
        matched=sum(p.matched for p in parts),
        speaker_total=sum(p.speaker_total for p in parts),
        speaker_correct=sum(p.speaker_correct for p in parts),
        speaker_correct_strict=sum(p.speaker_correct_strict for p in parts),
        per_article=per_article,
        pairs=[x for p in parts for x in p.pairs],
        missed=[x for p in parts for x in p.missed],
        spurious=[x for p in parts for x in p.spurious],
        wrong_speaker=[x for p in parts for x in p.wrong_speaker],
    )


# ---------------------------------------------------------------------------------------- reporting


def gold_text_paths(folder: str | Path, gold: dict[str, list[GoldAttribution]]) -> dict[str, Path]:
    """The article text of every gold article id: ``<id>.txt`` in ``folder/text`` or ``folder``
    (or beside a single gold file). Raises GoldError naming the first id without a text."""
    base = Path(folder)
    if base.is_file():
        base = base.parent
    places = [base / "text", base, base.parent / "text"]
    found: dict[str, Path] = {}
    for article_id in sorted(gold):
        path = next((p / f"{article_id}.txt" for p in places if (p / f"{article_id}.txt").is_file()), None)
        if path is None:
            raise GoldError(f"{folder}: no text file {article_id}.txt (looked in text/ and beside the gold)")
        found[article_id] = path
    return found


def _snippet(text: str, spans: list[Span], width: int) -> str:
    joined = " … ".join(" ".join(text[s:e].split()) for s, e in spans)
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def detail_lines(score: QuoteScore, quotes: pd.DataFrame, texts: dict[str, str], width: int = 90) -> list[str]:
    """Human-readable misses, spurious statements and wrong speakers, per article, with short
    snippets of the article text (meant for a terminal, not for files)."""
    lines: list[str] = []
    for article_id, part in score.per_article.items():
        text = texts.get(article_id, "")
        if not (part.missed or part.spurious or part.wrong_speaker):
            continue
        lines.append(f"== {article_id}")
        for rel in part.missed:
            source = " ".join(rel.source_text.split())[:30] or "-"
            cue = " ".join(rel.cue_text.split())[:20]
            lines.append(f"  missed    [{source} | {cue}] {_snippet(text, rel.content, width)}")
        for label in part.spurious:
            row = quotes.loc[label]
            lines.append(
                f"  spurious  [{str(row['speaker'])[:30] or '-'} | {row['cue']} | {row['kind']}] "
                f"{_snippet(text, [(int(row['start_char']), int(row['end_char']))], width)}"
            )
        for label, rel in part.wrong_speaker:
            row = quotes.loc[label]
            start, end = int(row["speaker_start"]), int(row["speaker_end"])
            mention = text[start:end] if start >= 0 else ""
            lines.append(
                f"  speaker   predicted {str(row['speaker'])[:30] or '-'!r} (mention {mention[:25]!r}), "
                f"gold {' '.join(rel.source_text.split())[:40]!r}: {_snippet(text, rel.content, 50)}"
            )
    return lines
