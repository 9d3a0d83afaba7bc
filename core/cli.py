"""Command line: ``python -m core add|analyse|list|remove|restore|backup|extract|quotes|actors|export|evaluate|accuracy|candidates|train``.

``extract``, ``quotes``, ``actors`` and ``export`` analyse the files given, or, given none, read the
stored corpus (``$STANCE_DB``, default ``data/stance_tracker.sqlite3``; ``--db`` overrides),
analysing only articles not analysed before. ``export`` writes the stance table as CSV, JSON,
Parquet, DNA statements or an actor network (GraphML, GEXF); see ``core/export.py``. Bad input never shows a traceback: one line per problem on
stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from core.corpus.backup import BackupError
from core.corpus.parallel import MAX_WORKERS, WorkerError
from core.corpus.store import StoreError
from core.evaluation.stances import GoldError, evaluate_stances, read_gold
from core.extraction.nlp import ModelNotFoundError
from core.ingest.text import Article, ArticleError, read_article
from core.knowledge.codebook import CodebookError, load_codebook
from core.knowledge.gazetteer import KnowledgeError
from core.settings import ROOT, SEEDS_DIR, is_database_url
from core.views.render import one_line

if TYPE_CHECKING:  # only for annotations: the CLI imports networkx when it exports a graph
    from core.analysis.network import By, Kind

DEFAULT_GOLD = ROOT / "tests" / "gold" / "ukraine_peace_talks.csv"
DEFAULT_ARTICLE = ROOT / "seeds" / "ukraine_peace_talks.txt"
TABLE_WIDTHS = {"quote": 70, "text": 70, "sentence_text": 70, "aliases": 40}


def _error_line(message: object) -> str:
    """``error: …`` on one line, cut to MAX_MESSAGE_CHARS (core.views.render.one_line)."""
    return f"error: {one_line(message)}"


class UsageError(Exception):
    """A problem with what the user asked for; printed as one line, exit code 2."""


def _read_all(paths: list[str]) -> tuple[list[Article], list[str]]:
    articles, errors = [], []
    seen: set[str] = set()
    for path in paths:
        try:
            article = read_article(path)
        except ArticleError as exc:
            errors.append(str(exc))
            continue
        if article.article_id in seen:
            errors.append(f"{path}: another file already has the article id '{article.article_id}'; skipped")
            continue
        seen.add(article.article_id)
        articles.append(article)
    return articles, errors


def _print_table(frame: pd.DataFrame, fmt: str, out) -> None:
    if fmt == "json":
        out.write(json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        from core.views.export import spreadsheet_safe

        spreadsheet_safe(frame).to_csv(out, index=False)
    else:
        if frame.empty:
            out.write("(no rows)\n")
            return
        shown = frame.copy()
        for column, width in TABLE_WIDTHS.items():
            if column in shown.columns:
                shown[column] = shown[column].map(
                    lambda v, w=width: (" ".join(str(v).split())[: w - 1] + "…")
                    if len(" ".join(str(v).split())) > w
                    else " ".join(str(v).split())
                )
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250):
            out.write(shown.to_string(index=False) + "\n")


def _stderr_progress(done: int, total: int, text: str) -> None:
    print(f"{text}", file=sys.stderr)


def _progress_line(done: int, total: int, text: str) -> None:
    """The parallel analysis's progress: one line rewritten in place on a terminal, else a line
    per finished batch (a log keeps every step)."""
    if sys.stderr.isatty():
        end = "\n" if done >= total else ""
        print(f"\r[{'#' * (20 * done // max(total, 1)):<20}] {text}\033[K", end=end, file=sys.stderr, flush=True)
    else:
        print(text, file=sys.stderr)


def _runner(args):
    """The runner ``--workers`` / ``--engine`` / ``--scheduler`` ask for (None: one process, as
    before); a context manager that shuts its processes or Dask client down."""
    from contextlib import nullcontext

    from core.corpus.parallel import DaskRunner, ProcessPoolRunner, check_workers

    engine = getattr(args, "engine", "local") or "local"
    workers = getattr(args, "workers", None)
    scheduler = getattr(args, "scheduler", None)
    if engine == "dask":
        if workers is not None:
            raise UsageError("--workers applies to --engine local; a Dask cluster's workers are its own (start more with 'dask worker')")
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786, printed by 'dask scheduler')")
        return DaskRunner(scheduler)
    if scheduler:
        raise UsageError("--scheduler goes with --engine dask")
    if workers is None or check_workers(workers) == 1:
        return nullcontext(None)
    return ProcessPoolRunner(workers)


def _open_corpus(args, codebook=None, seed: bool = True, runner=None):
    """The corpus of ``--db``; with ``seed``, a new corpus first imports the seed articles, as the
    dashboard does on its first start (``list`` and ``remove`` only read or delete: no seeding,
    so they never need spaCy)."""
    from core.corpus.corpus import Corpus, corpus_codebook
    from core.corpus.store import CorpusStore

    store = CorpusStore(args.db) if getattr(args, "db", None) else CorpusStore()
    if codebook is None and getattr(args, "codebook", None):
        codebook = load_codebook(args.codebook)
    if codebook is None:  # one saved in the corpus by the dashboard, else the default file
        codebook, problem = corpus_codebook(store)
        if problem:
            print(f"warning: {problem}", file=sys.stderr)
    corpus = Corpus(store, codebook)
    if not seed:
        return corpus
    report = corpus.seed_once(SEEDS_DIR, _progress_line if runner is not None else _stderr_progress, runner=runner)
    if report is not None and report.added:
        print(f"note: new corpus at {corpus.store.location}; imported the seed article(s): {', '.join(report.added)}", file=sys.stderr)
    return corpus


def _analyse(args) -> tuple:
    """The tables of the files given (errors printed and returned), else of the whole corpus."""
    tables, errors, _, _ = _analyse_articles(args)
    return tables, errors


def _analyse_articles(args) -> tuple:
    """``_analyse`` plus the articles read from the files given ([] for the corpus, whose stance
    rows already carry their article's title, outlet and date) and the codebook used: ``--codebook``,
    else for the corpus the one saved in it by the dashboard (if any), else the default file."""
    from core.extraction.pipeline import analyze_articles

    chosen = load_codebook(args.codebook) if getattr(args, "codebook", None) else None
    if not args.files:
        corpus = _open_corpus(args, chosen)
        corpus.extract_pending(_stderr_progress)
        loaded = corpus.load()
        if loaded.articles.empty:
            raise UsageError(f"the corpus {corpus.store.location} is empty; add articles with: python -m core add FILE|URL")
        return _confident(loaded.tables, _configured_min_confidence(args)), [], [], corpus.codebook
    codebook = chosen or load_codebook()
    articles, errors = _read_all(args.files)
    for error in errors:
        print(_error_line(f"{error}"), file=sys.stderr)
    if not articles:
        raise UsageError("no readable article among the files given")
    tables = analyze_articles(articles, codebook=codebook)
    for warning in tables.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return _confident(tables, _configured_min_confidence(args)), errors, articles, codebook


def _min_confidence(args, scorer) -> float:
    """``--min-confidence`` (checked), else ``scorer``'s minimum, chosen on dev (0 when the rules run)."""
    threshold = getattr(args, "min_confidence", None)
    if threshold is None:
        return scorer.min_confidence if scorer is not None else 0.0
    if not 0.0 <= threshold <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    return threshold


def _configured_min_confidence(args) -> float:
    """``_min_confidence`` with the configured extractor."""
    from core.extraction.pipeline import configured_scorer

    return _min_confidence(args, configured_scorer()[0])


def _confident(tables, threshold: float):
    """The tables with the stance rows below ``threshold`` left out. Reviewed rows have
    confidence 1 and always stay."""
    stances = tables.stances
    tables.stances = stances[pd.to_numeric(stances["confidence"], errors="coerce").fillna(0.0) >= threshold].reset_index(drop=True)
    return tables


def cmd_table(args, which: str) -> int:
    tables, errors = _analyse(args)
    _print_table(getattr(tables, which), args.format, sys.stdout)
    return 2 if errors else 0


FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "parquet": "Parquet", "dna": "DNA CSV", "graphml": "GraphML", "gexf": "GEXF"}


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def export_destination(fmt: str, out: str | None, stdout_isatty: bool) -> str | None:
    """Where ``export`` writes: the ``--out`` file, or None for stdout (``--out -`` too). Binary
    Parquet is never written to a terminal: without ``--out`` there it is refused (UsageError)."""
    from core.views.export import TEXT_FORMATS

    if out and out != "-":
        return out
    if fmt not in TEXT_FORMATS and stdout_isatty:
        raise UsageError(f"{FORMAT_NAMES.get(fmt, fmt)} is binary and is not written to a terminal; give --out FILE (or redirect stdout)")
    return None


def _with_article_meta(stances: pd.DataFrame, articles: list[Article]) -> pd.DataFrame:
    """Stance rows of files given on the command line, with their article's title, outlet and
    date (YYYY-MM-DD or ""), as the corpus's rows carry them."""
    from core.ingest.dates import iso_date

    meta = pd.DataFrame(
        {
            "article_id": [a.article_id for a in articles],
            "title": [a.title for a in articles],
            "outlet": [a.outlet for a in articles],
            "date": [iso_date(a.date) for a in articles],
        }
    ).set_index("article_id")
    stances = stances.drop(columns=[c for c in meta.columns if c in stances.columns])
    return stances.join(meta, on="article_id")


def cmd_export(args) -> int:
    """The stance table of the files given (or of the corpus) in one export format, to ``--out``
    or stdout, with a one-line summary on stderr. A corpus without articles is an error; a stance
    table without rows gives an empty but valid file (a header, ``[]``, an empty graph)."""
    from core.views.export import GRAPH_FORMATS, dna_table, export_bytes, network_export

    target = export_destination(args.format, args.out, sys.stdout.isatty())
    if target is not None and not Path(target).resolve().parent.is_dir():
        raise UsageError(f"{target}: its folder does not exist")
    graph_options = args.network is not None or args.by is not None or args.normalise
    if graph_options and args.format not in GRAPH_FORMATS:
        print("warning: --network, --by and --normalise apply only to --format graphml and gexf; ignored", file=sys.stderr)
    tables, errors, articles, codebook = _analyse_articles(args)
    stances = tables.stances
    if articles:
        stances = _with_article_meta(stances, articles)
    labels = {issue.id: issue.label for issue in codebook.issues}
    name = FORMAT_NAMES[args.format]
    what, note = f"{_count(len(stances), 'statement')} as {name}", ""
    try:
        if args.format in GRAPH_FORMATS:
            kind: Kind = args.network or "congruence"  # argparse's choices are the Literal's values
            by: By = args.by or "actor"
            data, graph = network_export(stances, args.format, kind, by, args.normalise, labels)
            normalised = ", normalised" if args.normalise else ""
            what = (f"a {kind} network by {by}{normalised} ({_count(graph.number_of_nodes(), 'node')}, "
                    f"{_count(graph.number_of_edges(), 'edge')}) from {_count(len(stances), 'statement')} as {name}")
        elif args.format == "dna":
            statements = dna_table(stances, labels)
            data = export_bytes(stances, "dna", issue_labels=labels)
            dropped = statements.attrs["dropped_neutral"]
            what = f"{_count(len(statements), 'statement')} as {name}"
            if dropped:
                note = f" ({_count(dropped, 'neutral statement')} left out: DNA's agreement is binary)"
        else:
            data = export_bytes(stances, args.format, issue_labels=labels)
    except ImportError as exc:
        missing = exc.name or str(exc)
        if missing.startswith("core"):
            raise UsageError(f"--format {args.format} needs {missing}, which this installation lacks") from None
        raise UsageError(f"--format {args.format} needs the Python package '{missing}': pip install -r requirements.txt") from None
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        where = "stdout"
    else:
        try:
            Path(target).write_bytes(data)
        except OSError as exc:
            raise UsageError(f"{target}: cannot be written ({exc.strerror or exc})") from None
        where = target
    print(f"wrote {what} to {where}{note}", file=sys.stderr)
    return 2 if errors else 0


def cmd_add(args) -> int:
    from core.corpus.corpus import DraftError, new_article_from_document
    from core.ingest.sources import MAX_FILE_BYTES, IngestError, extract_file, fetch_url
    from core.ingest.text import read_file_bytes

    overrides = {k: v for k, v in (("title", args.title), ("outlet", args.outlet), ("date", args.date)) if v is not None}
    if overrides and len(args.inputs) > 1:
        raise UsageError("--title, --outlet and --date apply to a single input; give one FILE or URL with them")
    pool = _runner(args)  # bad --workers refused before any input is read
    items, errors = [], []
    for source in args.inputs:
        try:
            if "://" in source:  # a URL (fetch_url refuses schemes other than http and https)
                doc = fetch_url(source)
            else:
                doc = extract_file(read_file_bytes(source, MAX_FILE_BYTES), Path(source).name)
            items.append(new_article_from_document(doc, **overrides))
        except (IngestError, ArticleError, DraftError, OSError) as exc:
            errors.append(str(exc) if not isinstance(exc, OSError) else f"{source}: cannot be read ({exc.strerror or exc})")
    for error in errors:
        print(_error_line(f"{error}"), file=sys.stderr)
    with pool as runner:
        corpus = _open_corpus(args, runner=runner)
        report = corpus.add(items, _progress_line if runner is not None else _stderr_progress, runner)
    for error in report.errors:
        print(_error_line(f"{error}"), file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for line in report.lines():
        print(line)
    if not report.added and not report.duplicates:
        print("nothing was added", file=sys.stderr)
    return 2 if errors or report.errors else 0


def cmd_analyse(args) -> int:
    """``analyse``: every stored article without results for the current pipeline and codebook,
    on one process, ``--workers N`` processes or a Dask cluster; the rows are written here."""
    import time

    with _runner(args) as runner:
        corpus = _open_corpus(args, runner=runner)
        waiting = len(corpus.pending())
        if not waiting:
            print(f"nothing to analyse: every article of {corpus.store.location} has results for the current pipeline and codebook")
            return 0
        started = time.perf_counter()
        done = corpus.extract_pending(_progress_line if runner is not None else _stderr_progress, runner)
        seconds = time.perf_counter() - started
        how = runner.name if runner is not None else "1 process"
    carried = waiting - done
    note = f"; {carried} kept their rows after a codebook edit" if carried else ""
    rate = f" ({done / seconds:.2f} articles/s)" if done and seconds > 0 else ""
    print(f"analysed {done} article(s) with {how} in {seconds:.1f} s{rate}{note}")
    return 0


def cmd_list(args) -> int:
    corpus = _open_corpus(args, seed=False)
    table = corpus.articles()[["article_id", "title", "outlet", "date", "words", "statements"]]
    table = table.rename(columns={"article_id": "id"})
    _print_table(table, args.format, sys.stdout)
    return 0


def cmd_remove(args) -> int:
    corpus = _open_corpus(args, seed=False)
    known = set(corpus.articles()["article_id"])
    unknown = [a for a in args.ids if a not in known]
    for article_id in unknown:
        print(_error_line(f"no article with the id '{article_id}' (see: python -m core list)"), file=sys.stderr)
    ids = [a for a in dict.fromkeys(args.ids) if a in known]
    if ids and not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("deleting needs confirmation: add --yes")
        answer = input(f"Delete {len(ids)} article(s) and their statements ({', '.join(ids)})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    try:
        who = f"command line ({getpass.getuser()})"
    except (OSError, KeyError):  # no login name in this environment
        who = "command line"
    removed = sum(corpus.store.delete_article(a, by=who) for a in ids)
    if ids:
        print(f"Deleted {removed} article(s): {', '.join(ids)} (hidden, reviews kept; undo: python -m core restore ID)")
    return 2 if unknown else 0


def _is_backup_argument(value: str) -> bool:
    """An article id is a slug (``[a-z0-9_]``, see core.corpus.store.slugify): an argument with a
    dot or a path separator can only be a backup file."""
    return any(c in value for c in "./\\")


def cmd_restore(args) -> int:
    """Bring soft-deleted articles back, or restore a backup file (merge, or ``--replace``)."""
    from core.corpus.store import CorpusStore

    files = [a for a in args.ids if _is_backup_argument(a)]
    if files:
        return _restore_backup(args, files)
    if args.replace or args.yes:
        raise UsageError("--replace and --yes go with a backup file: python -m core restore FILE [--replace]")
    store = CorpusStore(args.db) if args.db else CorpusStore()
    deleted = set(store.deleted_table()["id"])
    unknown = [a for a in args.ids if a not in deleted]
    for article_id in unknown:
        print(_error_line(f"no deleted article with the id '{article_id}'"), file=sys.stderr)
    restored = [a for a in dict.fromkeys(args.ids) if a in deleted and store.restore_article(a)]
    if restored:
        print(f"Restored {len(restored)} article(s): {', '.join(restored)}")
    return 2 if unknown else 0


def _restore_backup(args, files: list[str]) -> int:
    """``restore FILE``: the whole file is checked first, then written in one transaction."""
    from core.corpus.backup import describe, read_backup_file, restore_backup
    from core.corpus.store import CorpusStore

    if len(args.ids) != 1:
        raise UsageError("restore one backup file at a time, and no article ids with it")
    backup = read_backup_file(files[0])
    store = CorpusStore(args.db) if args.db else CorpusStore()
    if args.replace and not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("replacing the corpus needs confirmation: add --yes")
        answer = input(f"Replace the whole corpus {store.location} ({store.count()} article(s), its reviews and settings) "
                       f"with the backup ({describe(backup.counts())})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing restored")
            return 1
    for line in restore_backup(store, backup, replace=args.replace).lines():
        print(line)
    return 0


def _refuse_missing_corpus(location: str | Path, named: str) -> None:
    """A command that reads a corpus never creates an empty one: a file path must name an existing
    file (a database URL is checked when connecting)."""
    if not is_database_url(location) and not Path(location).is_file():
        raise UsageError(f"{named}: no such corpus file")


def cmd_backup(args) -> int:
    """Write the whole corpus to one file (core.corpus.backup)."""
    from core.corpus.backup import describe, write_backup_file
    from core.corpus.store import CorpusStore, default_db_path

    location = args.db or default_db_path()
    _refuse_missing_corpus(location, str(location))  # never create an empty corpus just to back it up
    store = CorpusStore(location)
    counts = write_backup_file(store, args.out)
    print(f"Backed up {describe(counts)} to {args.out} ({Path(args.out).stat().st_size:,} bytes)")
    return 0


def _refuse_test_errors(gold: pd.DataFrame | None, verbose: bool) -> None:
    """``-v`` lists errors; test articles are only scored, never read for errors."""
    if not verbose or gold is None or "article_id" not in gold.columns:
        return
    from core.evaluation.gold import load_split

    test = {a.article_id for a in load_split() if a.split == "test"} & set(gold["article_id"])
    if test:
        raise UsageError(f"-v would list the errors of test article(s) ({', '.join(sorted(test))}); "
                         "test articles are only scored, never read for errors: leave out -v")


def _print_stance_scores(stances: pd.DataFrame, gold: pd.DataFrame, verbose: bool) -> None:
    """One line per level (country, actor triples), and with ``verbose`` the missed and spurious ones."""
    from core.knowledge.gazetteer import load_knowledge

    for result in evaluate_stances(stances, gold, load_knowledge()):
        print(result.line())
        if verbose:
            for triple in result.missed:
                print(f"    missed   {triple}")
            for triple in result.spurious:
                print(f"    spurious {triple}")


def _evaluate_corpus(args, gold, stance_files, quote_gold) -> int:
    """``evaluate --db``: the machine's rows (reviews not applied) of the corpus articles the gold
    names, scored against the gold, e.g. a gold file exported from the Review page."""
    if args.files or quote_gold is not None:
        raise UsageError("--db scores the stored articles against --gold; it takes no article files or --quotes-gold")
    if not args.gold:
        raise UsageError("--db needs --gold FILE (e.g. the gold CSV downloaded from the Review page)")
    corpus = _open_corpus(args, load_codebook(args.codebook) if args.codebook else None, seed=False)
    corpus.extract_pending(_stderr_progress)
    scorer, threshold = _scorer_for_evaluation(args)
    stances = _confident(corpus.load(reviewed=False).tables, threshold).stances
    wanted = set(gold["article_id"])
    missing = sorted(wanted - set(corpus.articles()["article_id"]))
    for article_id in missing:
        print(_error_line(f"the gold names article '{article_id}', which is not in {corpus.store.location}"), file=sys.stderr)
    stances = stances[stances["article_id"].isin(wanted)]
    print(f"gold: {', '.join(map(str, stance_files))} ({len(gold)} rows); corpus {corpus.store.location}: "
          f"machine rows of {len(wanted) - len(missing)} article(s), reviews not applied")
    # The stored rows were made by whichever extractor analysed each article (a corpus re-extracts
    # when the scorer changes, on its next start); the threshold is today's.
    print("rows as the corpus stored them; " + _extractor_line(scorer, threshold).replace("extractor: ", "the extractor configured now: ", 1))
    _print_stance_scores(stances, gold, args.verbose)
    return 2 if missing else 0


def _score_cells(scores) -> str:
    country, actor = scores["country"], scores["actor"]
    return (f"country P {country.precision:.2f} R {country.recall:.2f} F1 {country.f1:.2f}   "
            f"actor P {actor.precision:.2f} R {actor.recall:.2f} F1 {actor.f1:.2f}")


def _split_articles(args, done: str) -> tuple[list, list]:
    """The gold articles of ``--split`` (and ``--dataset``) and those whose text is absent (with a
    warning that the others are ``done``); a UsageError for ``-v`` on test, an unknown data set, an
    empty selection, or no text at all."""
    from core.evaluation.gold import load_split

    if args.verbose and args.split == "test":
        raise UsageError("-v lists errors, and test articles are only scored, never read for errors; use -v with --split dev")
    every = load_split()
    unknown = sorted(set(args.dataset or ()) - {a.dataset.name for a in every})
    if unknown:
        raise UsageError(f"unknown data set(s) {', '.join(unknown)}; the gold has {', '.join(sorted({a.dataset.name for a in every}))}")
    articles = [a for a in every if a.split == args.split and (not args.dataset or a.dataset.name in args.dataset)]
    if not articles:
        raise UsageError(f"no gold article in split '{args.split}' and data set(s) {', '.join(args.dataset or ())}")
    absent = [a for a in articles if not a.available]
    if len(absent) == len(articles):
        raise UsageError("none of the split's article texts is present (they live in ../shared/eval, outside the repository)")
    if absent:
        print(f"warning: {len(absent)} of {len(articles)} article texts are absent (e.g. {absent[0].text_path}); "
              f"only the others are {done}", file=sys.stderr)
    return articles, absent


def cmd_evaluate_split(args) -> int:
    """``evaluate --split dev|test``: every gold article of that split (tests/gold/split.yaml), each
    with its data set's codebook; per article, per data set and pooled. Test errors are never listed."""
    from core.evaluation.accuracy import errors_of, measure, pooled

    if args.gold or args.files or args.quotes_gold or args.db or args.codebook or args.iou is not None:
        raise UsageError("--split scores the gold data sets of tests/gold/split.yaml; "
                         "it takes no article files, --gold, --quotes-gold, --iou, --codebook or --db")
    articles, absent = _split_articles(args, "scored")
    scorer, threshold = _scorer_for_evaluation(args)
    results = measure(articles, scorer=scorer, min_confidence=args.min_confidence)
    print(f"split {args.split}: {len(results)} article(s) scored, {sum(len(r.gold) for r in results)} gold rows "
          f"({sum(int((r.gold['required'] == 'yes').sum()) for r in results)} required)")
    print(_extractor_line(scorer, threshold, args.split))
    width = max(len(r.article.article_id) for r in results)
    for result in results:
        print(f"  {result.article.article_id:<{width}}  {result.article.dataset.name:<11} {_score_cells(result.scores)}")
        if args.verbose:
            for level in ("country", "actor"):
                for triple in result.scores[level].missed:
                    print(f"      missed   {level:<7} {triple}")
                for triple in result.scores[level].spurious:
                    print(f"      spurious {level:<7} {triple}")
    names = sorted({r.article.dataset.name for r in results})
    for name in names:
        part = [r for r in results if r.article.dataset.name == name]
        print(f"{'data set ' + name + f' ({len(part)})':<{width + 15}} {_score_cells(pooled(part))}")
    print(f"{'pooled (' + str(len(results)) + ' articles)':<{width + 15}} {_score_cells(pooled(results))}")
    if args.verbose:
        errors = errors_of(results)
        print("error kinds (actor level): missed " + ", ".join(f"{k} {n}" for k, n in errors.missed.items())
              + "; spurious " + ", ".join(f"{k} {n}" for k, n in errors.spurious.items()))
    return 2 if absent else 0


def _scorer_for_evaluation(args) -> tuple:
    """The stance extractor ``evaluate`` scores, the configured one (``$STANCE_EXTRACTOR``, the
    learned scorer by default), so its figures are those of the rows ``extract`` prints; and the
    minimum confidence of the rows it scores (``_min_confidence``)."""
    from core.extraction.pipeline import configured_scorer

    scorer, warnings = configured_scorer()
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return scorer, _min_confidence(args, scorer)


def _extractor_line(scorer, threshold: float, split: str | None = None) -> str:
    """Which extractor the figures are of, and how far to trust dev figures of a learned scorer
    (it was trained on the dev articles)."""
    if scorer is None:
        return "extractor: the stance rules (STANCE_EXTRACTOR=rules)"
    line = f"extractor: candidates + learned scorer ({scorer.digest[:12]}), rows with confidence >= {threshold:.2f}"
    if split == "dev":
        line += ("; the scorer was trained on these dev articles, so these figures are in-sample "
                 "(`python -m core accuracy` gives leave-one-article-out ones; STANCE_EXTRACTOR=rules scores the rules)")
    return line


def cmd_candidates(args) -> int:
    """``candidates --split dev|test``: the candidate recall of every gold article of the split
    (the share of required gold triples some candidate covers, actor level), per article, per data
    set and pooled, and the candidates per gold row. ``-v`` (dev only) lists the missed rows with
    their reason and the reasons' counts."""
    from core.evaluation.candidates import MISS_REASONS, measure_candidates, pooled

    articles, absent = _split_articles(args, "measured")
    results = measure_candidates(articles)
    width = max(len(r.name) for r in results)
    print(f"split {args.split}: candidate recall (actor level, required gold rows) of {len(results)} article(s)")
    for result in results:
        print("  " + result.line(width))
        if args.verbose:
            for miss in result.missed:
                print(f"      missed  {miss.actor} | {miss.issue} | {miss.stance}  ({miss.reason})  {miss.evidence[:160]!r}")
    for name in sorted({r.dataset for r in results}):
        part = [r for r in results if r.dataset == name]
        print(pooled(part, f"data set {name} ({len(part)})", "").line(width + 2))
    total = pooled(results, f"pooled ({len(results)} articles)")
    print(total.line(width + 2))
    if args.verbose:
        counts = {reason: sum(m.reason == reason for m in total.missed) for reason in MISS_REASONS}
        print("missed by reason: " + ", ".join(f"{reason} {n}" for reason, n in counts.items()))
    return 2 if absent else 0


def cmd_train(args) -> int:
    """``train``: the stance scorer from the dev gold (and, with ``--db``, a corpus's reviews),
    validated leave-one-article-out, calibrated, written to ``--out`` (default: the configured
    scorer file). Test articles are never used."""
    from core.evaluation.gold import load_split
    from core.evaluation.training import SEED, labelled_articles, review_examples, train
    from core.knowledge.gazetteer import load_knowledge
    from core.settings import scorer_path

    if args.c <= 0:
        raise UsageError("--c must be a positive number")
    dev = [a for a in load_split() if a.split == "dev"]
    present = [a for a in dev if a.available]
    if len(present) < 2:
        raise UsageError("training needs the dev articles' texts (../shared/eval, outside the repository); "
                         f"{len(present)} of {len(dev)} are present")
    if len(present) < len(dev):
        print(f"warning: {len(dev) - len(present)} of {len(dev)} dev article texts are absent; training on the others", file=sys.stderr)
    out = Path(args.out) if args.out else scorer_path()
    knowledge = load_knowledge()
    print(f"labelling the candidates of {len(present)} dev articles with their gold ...", file=sys.stderr)
    data = labelled_articles(present, knowledge=knowledge)
    reviews: tuple[list[dict[str, float]], list[str]] = ([], [])
    reviews_without_verdicts: list[dict[str, float]] = []
    corpus_name = ""
    if args.db:
        _refuse_missing_corpus(args.db, f"--db {args.db}")
        corpus = _open_corpus(args, None, seed=False)
        corpus_name = corpus.store.location
        examples = review_examples(corpus)
        print(f"{corpus_name}: {examples.reviews} review(s) of {examples.articles} article(s) give {len(examples.labels)} training candidates")
        reviews = (examples.features, examples.labels)
        reviews_without_verdicts = examples.features_without_verdicts
    challenge = None
    if args.challenge:
        from core.evaluation.challenge import challenge_examples, training_sets
        from core.extraction.nlp import load_pipeline

        challenge = challenge_examples(training_sets(), load_pipeline(knowledge=knowledge))
        print(f"{len(challenge.sets)} construction challenge set(s), {challenge.cases} cases, give {len(challenge.labels)} training candidates",
              file=sys.stderr)
    report = train(data, knowledge, c=args.c, seed=SEED, reviews=reviews, corpus=corpus_name,
                   progress=lambda line: print(line, file=sys.stderr),
                   challenge=(challenge.features, challenge.labels) if challenge is not None else ([], []),
                   reviews_without_verdicts=reviews_without_verdicts)
    if args.db:
        report.scorer.info["reviews"] = examples.reviews
    if challenge is not None:
        report.scorer.info["challenge_sets"] = challenge.sets
    for line in report.lines:
        print(line)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        report.scorer.save(out)
    except OSError as exc:
        raise UsageError(f"cannot write the scorer to {out} ({exc.strerror or exc})") from None
    print(f"wrote {out} ({out.stat().st_size:,} bytes); stored corpora re-extract with it on their next start")
    return 0


def cmd_accuracy(args) -> int:
    """Measure every figure of the Accuracy page; ``--write`` stores them (docs/accuracy.json) and
    regenerates the README's Accuracy section from them."""
    from core.evaluation.accuracy import (
        REPORT_FILE,
        build_report,
        render_markdown,
        update_readme,
        write_report,
    )
    from core.evaluation.gold import load_split

    articles = load_split()
    if not any(a.available for a in articles):
        raise UsageError("none of the gold article texts is present (they live in ../shared/eval, outside the repository)")
    if args.write and not all(a.available for a in articles):
        missing = sum(not a.available for a in articles)
        raise UsageError(f"{missing} gold article text(s) are absent; --write stores figures only when every article is scored")
    report = build_report()
    print(render_markdown(report))
    if args.write:
        try:
            write_report(report)
            marked = update_readme(report)
        except OSError as exc:
            raise UsageError(f"cannot write the figures ({exc.strerror or exc})") from None
        if not marked:
            print("warning: README.md has no accuracy markers; only docs/accuracy.json was written", file=sys.stderr)
        print(f"\nwrote {REPORT_FILE.relative_to(ROOT)} and the README's Accuracy section", file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    """Stance triples against gold CSVs (``--gold``), quotes against brat-style attribution gold
    (``--quotes-gold``), or both; with neither, the seed article against its gold. ``--split``
    scores a whole split of the gold data sets instead."""
    if args.split:
        return cmd_evaluate_split(args)
    if args.dataset:
        raise UsageError("--dataset goes with --split")
    args.iou = 0.3 if args.iou is None else args.iou
    from core.evaluation.quotes import (
        detail_lines,
        evaluate_quotes,
        gold_text_paths,
        read_brat_gold,
    )
    from core.extraction.pipeline import analyze_articles

    if not 0 < args.iou <= 1:
        raise UsageError(f"--iou must be above 0 and at most 1, not {args.iou}")
    quote_gold = read_brat_gold(args.quotes_gold) if args.quotes_gold else None
    stance_files = args.gold or ([] if quote_gold else [DEFAULT_GOLD])
    gold = pd.concat([read_gold(path) for path in stance_files], ignore_index=True) if stance_files else None
    _refuse_test_errors(gold, args.verbose)
    if args.db:
        return _evaluate_corpus(args, gold, stance_files, quote_gold)
    if args.files:
        files = args.files
    elif quote_gold is not None and gold is None:
        files = [str(p) for p in gold_text_paths(args.quotes_gold, quote_gold).values()]
    else:
        files = [str(DEFAULT_ARTICLE)]
    codebook = load_codebook(args.codebook) if args.codebook else load_codebook()
    articles, errors = _read_all(files)
    for error in errors:
        print(_error_line(f"{error}"), file=sys.stderr)
    if not articles:
        raise UsageError("no readable article to evaluate")
    scorer, threshold = _scorer_for_evaluation(args)
    tables = _confident(analyze_articles(articles, codebook=codebook, scorer=scorer), threshold)
    if gold is not None:
        print(f"gold: {', '.join(map(str, stance_files))} ({len(gold)} rows); articles: {', '.join(a.article_id for a in articles)}")
        print(_extractor_line(scorer, threshold))
        _print_stance_scores(tables.stances, gold, args.verbose)
    if quote_gold is not None:
        relations = sum(len(v) for v in quote_gold.values())
        print(f"quotes gold: {args.quotes_gold} ({relations} relations in {len(quote_gold)} articles)")
        for threshold in sorted({args.iou, 0.5}):
            score = evaluate_quotes(tables.quotes, quote_gold, iou=threshold)
            print(score.line())
            if args.verbose and threshold == args.iou:
                for line in detail_lines(score, tables.quotes, {a.article_id: a.text for a in articles}):
                    print(f"    {line}")
    return 2 if errors else 0


DATASET_HELP = ("only this data set (seed, ukraine, a topic: climate, guns, immigration, trade; or a later one: "
                "climate2016, foreign2016, campaign2016, domestic2016); repeatable")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core",
        description="Stance Tracker: who holds which position on which issue, with the quote behind it.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    db_help = "the corpus: a SQLite file or a postgresql:// URL (default: $STANCE_DB or data/stance_tracker.sqlite3)"
    workers_help = (f"analyse on N processes of this machine (1 to {MAX_WORKERS}; default 1); "
                    "each loads its own spaCy pipeline, about 200 MB")
    min_conf_help = ("leave out stance rows less sure than this (0..1; default: the trained scorer's minimum confidence, "
                     "chosen on the dev articles; 0 when the rules run)")
    for name, help_text in (
        ("extract", "print the stance table (actor, issue, stance, evidence)"),
        ("quotes", "print the quotes table (every attributed statement)"),
        ("actors", "print the actors table"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument(
            "files",
            nargs="*",
            metavar="FILE",
            help="UTF-8 text article(s); article id = file name without extension. None: the whole stored corpus",
        )
        p.add_argument("--codebook", metavar="FILE", help="YAML codebook (default: seeds/codebook.yaml)")
        p.add_argument("--format", choices=("table", "json", "csv"), default="table")
        p.add_argument("--db", metavar="FILE", help=db_help)
        p.add_argument("--min-confidence", type=float, metavar="P", help=min_conf_help)
    p = sub.add_parser(
        "export",
        help="write the stance table as csv, json, parquet, dna (Discourse Network Analyzer) or a network (graphml, gexf)",
        description=(
            "Write the stance table of the files given, or of the whole stored corpus, in a format for "
            "further analysis. csv/json/parquet: every column (corpus rows and files' rows carry title, "
            "outlet, date). dna: statements for the Discourse Network Analyzer / rDNA (person, organization, "
            "concept, agreement, date, text, then the evidence); neutral rows are left out, as DNA's "
            "agreement is 0/1. graphml/gexf: the actor network (networkx, Gephi). Text formats go to stdout "
            "unless --out is given; parquet needs --out when stdout is a terminal. An empty corpus is an "
            "error (exit 2); a stance table without rows gives an empty but valid file."
        ),
    )
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="UTF-8 text article(s); article id = file name without extension. None: the whole stored corpus")
    p.add_argument("--format", required=True, choices=("csv", "json", "parquet", "dna", "graphml", "gexf"),
                   help="csv, json, parquet: the stance table; dna: DNA/rDNA statements CSV; graphml, gexf: the actor network")
    p.add_argument("--out", metavar="FILE", help="file to write (default: stdout; '-' is stdout too; required for parquet on a terminal)")
    p.add_argument("--network", choices=("congruence", "conflict"), default=None,
                   help="graph formats: congruence links actors taking the same stance on an issue, "
                        "conflict links opposite stances (default: congruence)")
    p.add_argument("--by", choices=("actor", "country"), default=None, help="graph formats: one node per actor or per country (default: actor)")
    p.add_argument("--normalise", action="store_true", help="graph formats: normalise the edge weights (see core/network.py)")
    p.add_argument("--codebook", metavar="FILE", help="YAML codebook (default: seeds/codebook.yaml); dna uses its issue labels as concepts")
    p.add_argument("--min-confidence", type=float, metavar="P", help=min_conf_help)
    p.add_argument("--db", metavar="FILE", help=db_help)
    p = sub.add_parser("add", help="add articles to the corpus: files (.txt .md .html .pdf .docx) or http(s) URLs")
    p.add_argument("inputs", nargs="+", metavar="FILE|URL")
    p.add_argument("--title", help="title to store (one input only; default: detected)")
    p.add_argument("--outlet", help="publisher to store (one input only; default: detected)")
    p.add_argument("--date", help="publication date YYYY-MM-DD (one input only; default: detected)")
    p.add_argument("--codebook", metavar="FILE")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--workers", type=int, metavar="N", help=workers_help)
    p = sub.add_parser("analyse", help="analyse the stored articles that have no results yet, on several processes or a Dask cluster",
                       description="Analyse every stored article without results for the current pipeline and codebook "
                                   "(what the dashboard and the other commands do on first need), on one process, on "
                                   "--workers N processes of this machine, or on a Dask cluster (--engine dask --scheduler "
                                   "ADDRESS; needs dask[distributed]). The results are written to the corpus by this process, "
                                   "one transaction per article, and are the same whichever way they were made.")
    p.add_argument("--workers", type=int, metavar="N", help=workers_help)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: processes of this machine (default); dask: the workers of a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler's address, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--codebook", metavar="FILE")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p = sub.add_parser("list", help="list the stored articles: id, title, outlet, date, words, statements")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--codebook", metavar="FILE")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p = sub.add_parser("restore", help="bring back deleted articles by id, or restore a backup file (merge, or --replace)",
                       description="restore ID...: undo a remove. restore FILE: restore a backup written by "
                                   "'python -m core backup' (or the dashboard's download); by default it is merged into "
                                   "the corpus (identical text and reviews are not stored twice), --replace empties the "
                                   "corpus first (asks first; --yes to skip). A damaged file changes nothing.")
    p.add_argument("ids", nargs="+", metavar="ID|FILE")
    p.add_argument("--replace", action="store_true", help="with a backup file: empty the corpus first instead of merging")
    p.add_argument("--yes", action="store_true", help="with --replace: do not ask for confirmation")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p = sub.add_parser("backup", help="write the whole corpus (articles, analyses, reviews, codebook) to one file")
    p.add_argument("--out", metavar="FILE", required=True, help="the backup file to write (e.g. corpus.stance-backup.jsonl.gz)")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p = sub.add_parser("remove", help="delete stored articles by id: hidden, reviews kept, 'restore' undoes it (asks first; --yes to skip)")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p = sub.add_parser("evaluate", help="score the stance table (gold CSV) and the quotes table (brat attribution gold)")
    p.add_argument("--gold", metavar="FILE", action="append",
                   help=f"gold CSV, repeatable, one per article (default: {DEFAULT_GOLD.relative_to(ROOT)})")
    p.add_argument("files", nargs="*", metavar="ARTICLE", help=f"article file(s) (default: {DEFAULT_ARTICLE.relative_to(ROOT)})")
    p.add_argument("--codebook", metavar="FILE")
    p.add_argument("--quotes-gold", metavar="PATH",
                   help="brat-style attribution gold: a folder with attributions.jsonl or *.ann (and text/*.txt), or one file")
    p.add_argument("--iou", type=float, default=None, help="character IoU a quote needs to match a gold content span (default 0.3)")
    p.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious triples / quotes")
    p.add_argument("--db", metavar="FILE",
                   help="score the machine's rows of the stored articles the --gold file names (reviews not applied), "
                        "e.g. against the gold CSV of the Review page")
    p.add_argument("--split", choices=("dev", "test"),
                   help="score every gold article of this split (tests/gold/split.yaml) with its data set's codebook; "
                        "per article, per data set and pooled (texts from ../shared/eval)")
    p.add_argument("--dataset", action="append", metavar="NAME",
                   help="with --split: " + DATASET_HELP)
    p.add_argument("--min-confidence", type=float, metavar="P", help=min_conf_help + "; rows below it are suggestions, not scored")
    p = sub.add_parser("candidates", help="candidate recall: the share of gold positions some (holder, issue) candidate covers (needs ../shared/eval)")
    p.add_argument("--split", choices=("dev", "test"), required=True, help="measure every gold article of this split (tests/gold/split.yaml)")
    p.add_argument("--dataset", action="append", metavar="NAME",
                   help=DATASET_HELP)
    p.add_argument("-v", "--verbose", action="store_true", help="list the missed gold rows with their reason (dev only)")
    p = sub.add_parser("train", help="train the stance scorer on the dev gold (and --db: a corpus's reviews); needs ../shared/eval")
    p.add_argument("--db", metavar="FILE", help="also learn from this corpus's confirmed, corrected, added and rejected rows")
    p.add_argument("--out", metavar="FILE", help="where to write the scorer (default: $STANCE_SCORER or seeds/stance_scorer.json)")
    p.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength of the logistic regression (default 0.1)")
    p.add_argument("--challenge", action="store_true",
                   help="also learn from the construction challenge sets of tests/challenge/, each candidate without the "
                        "rules' verdicts (an experiment: it raised dev, the held-out challenge sets and dev with the "
                        "rules' verdicts removed, and lowered the test split; see the README)")
    p = sub.add_parser("accuracy", help="measure every figure of the Accuracy page against all gold data sets (needs ../shared/eval)")
    p.add_argument("--write", action="store_true", help="store the figures in docs/accuracy.json and regenerate the README's Accuracy section")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (0 fine, 2 bad input, 130 interrupted).

    Callable in-process (the tests do): argparse's own exit on ``--help`` or a usage error
    becomes a returned code, after argparse has printed its message."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    try:
        if args.command == "evaluate":
            return cmd_evaluate(args)
        if args.command == "accuracy":
            return cmd_accuracy(args)
        if args.command == "candidates":
            return cmd_candidates(args)
        if args.command == "train":
            return cmd_train(args)
        if args.command in ("add", "analyse", "list", "remove", "restore", "export", "backup"):
            return {"add": cmd_add, "analyse": cmd_analyse, "list": cmd_list, "remove": cmd_remove, "restore": cmd_restore,
                    "export": cmd_export, "backup": cmd_backup}[args.command](args)
        return cmd_table(args, {"extract": "stances", "quotes": "quotes", "actors": "actors"}[args.command])
    except (UsageError, ArticleError, CodebookError, KnowledgeError, GoldError, ModelNotFoundError, StoreError,
            WorkerError, BackupError) as exc:
        print(_error_line(f"{exc}"), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
