"""The gold data sets: which article belongs to which data set and split, with which codebook.

``tests/gold/split.yaml`` is the one list: per article its data set (``seed``, ``ukraine`` or a
topic), its split (``dev`` or ``test``, frozen before any rule change) and its gold table; per data
set the codebook its gold was coded with and where its texts are. The texts of real articles stay
outside the repository (``../shared``, copyright): ``available`` says whether they are there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from core.evaluation.stances import GoldError, read_gold
from core.ingest.text import Article, read_article
from core.knowledge.codebook import Codebook, load_codebook
from core.settings import GOLD_DIR, ROOT

SPLIT_FILE = GOLD_DIR / "split.yaml"
SPLITS = ("dev", "test")
AGREEMENT_DIR = GOLD_DIR / "agreement"


# The groups the accuracy report pools data sets into: the seed, the real Ukraine articles, the
# four US policy topics with their analysts' codebooks, and the 2016 campaign articles of PolNeAR's
# dev sample coded later for training (dev only, each with the codebook its coder wrote).
GROUPS = ("seed", "ukraine", "topics", "politics2016")


@dataclass(frozen=True)
class DataSet:
    name: str
    codebook_path: Path
    texts: Path
    quotes_gold: Path | None = None
    group: str = "topics"

    @property
    def codebook(self) -> Codebook:
        return _codebook(str(self.codebook_path))


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    dataset: DataSet
    split: str
    gold_path: Path
    double_coded: bool = False

    @property
    def text_path(self) -> Path:
        return self.dataset.texts / f"{self.article_id}.txt"

    @property
    def available(self) -> bool:
        return self.text_path.is_file()

    @property
    def agreement_path(self) -> Path:
        """Where the second, independent table of a double-coded article is."""
        return AGREEMENT_DIR / f"{self.article_id}.csv"

    def article(self) -> Article:
        return read_article(self.text_path)

    def gold(self) -> pd.DataFrame:
        return read_gold(self.gold_path)


@lru_cache(maxsize=16)
def _codebook(path: str) -> Codebook:
    return load_codebook(path)


def _resolve(path: str, base: Path) -> Path:
    return (base / path).resolve() if not Path(path).is_absolute() else Path(path)


def load_split(path: str | Path = SPLIT_FILE, root: Path = ROOT) -> list[GoldArticle]:
    """Every gold article of the split file, in file order. Raises GoldError with the reason when
    the file is malformed (unknown data set or split, an article listed twice, a missing gold file)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read the split file ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("datasets"), dict) or not isinstance(data.get("articles"), list):
        raise GoldError(f"{path}: the split file needs 'datasets' (a mapping) and 'articles' (a list)")
    datasets = {}
    for name, spec in data["datasets"].items():
        if not isinstance(spec, dict) or "codebook" not in spec or "texts" not in spec:
            raise GoldError(f"{path}: data set '{name}' needs 'codebook' and 'texts'")
        quotes = spec.get("quotes_gold")
        group = str(spec.get("group") or (name if name in ("seed", "ukraine") else "topics"))
        if group not in GROUPS:
            raise GoldError(f"{path}: data set '{name}': group must be one of {', '.join(GROUPS)}, not '{group}'")
        datasets[name] = DataSet(str(name), _resolve(spec["codebook"], root), _resolve(spec["texts"], root),
                                 _resolve(quotes, root) if quotes else None, group)
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for i, entry in enumerate(data["articles"], start=1):
        if not isinstance(entry, dict) or not {"id", "dataset", "split", "gold"} <= set(entry):
            raise GoldError(f"{path}: article #{i} needs id, dataset, split and gold")
        article_id = str(entry["id"])
        if article_id in seen:
            raise GoldError(f"{path}: article '{article_id}' is listed twice")
        seen.add(article_id)
        if entry["dataset"] not in datasets:
            raise GoldError(f"{path}: article '{article_id}': unknown data set '{entry['dataset']}'")
        if entry["split"] not in SPLITS:
            raise GoldError(f"{path}: article '{article_id}': split must be dev or test, not '{entry['split']}'")
        gold_path = _resolve(entry["gold"], root)
        if not gold_path.is_file():
            raise GoldError(f"{path}: article '{article_id}': no gold table at {entry['gold']}")
        articles.append(GoldArticle(article_id, datasets[entry["dataset"]], entry["split"], gold_path, bool(entry.get("double_coded"))))
    return articles


def locate_evidence(text: str, evidence: str) -> tuple[int, int] | None:
    """Offsets of the first exact occurrence of ``evidence`` in ``text`` (None when absent)."""
    if not evidence:
        return None
    at = text.find(evidence)
    return (at, at + len(evidence)) if at >= 0 else None
