"""Command line: ``python -m core extract|quotes|actors|evaluate``.

Bad input never shows a traceback: one line per problem on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from core.articles import Article, ArticleError, read_article
from core.codebook import CodebookError, load_codebook
from core.evaluate import GoldError, evaluate_stances, read_gold
from core.knowledge import KnowledgeError
from core.nlp import ModelNotFoundError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "gold" / "ukraine_peace_talks.csv"
DEFAULT_ARTICLE = ROOT / "seeds" / "ukraine_peace_talks.txt"
TABLE_WIDTHS = {"quote": 70, "text": 70, "sentence_text": 70, "aliases": 40}


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
        frame.to_csv(out, index=False)
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


def _analyse(args) -> tuple:
    from core.pipeline import analyze_articles

    codebook = load_codebook(args.codebook) if getattr(args, "codebook", None) else load_codebook()
    articles, errors = _read_all(args.files)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if not articles:
        raise UsageError("no readable article among the files given")
    tables = analyze_articles(articles, codebook=codebook)
    for warning in tables.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return tables, errors


def cmd_table(args, which: str) -> int:
    tables, errors = _analyse(args)
    _print_table(getattr(tables, which), args.format, sys.stdout)
    return 2 if errors else 0


def cmd_evaluate(args) -> int:
    from core.pipeline import analyze_articles

    gold = read_gold(args.gold or DEFAULT_GOLD)
    files = args.files or [str(DEFAULT_ARTICLE)]
    codebook = load_codebook(args.codebook) if args.codebook else load_codebook()
    articles, errors = _read_all(files)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if not articles:
        raise UsageError("no readable article to evaluate")
    tables = analyze_articles(articles, codebook=codebook)
    print(f"gold: {args.gold or DEFAULT_GOLD} ({len(gold)} rows); articles: {', '.join(a.article_id for a in articles)}")
    for result in evaluate_stances(tables.stances, gold):
        print(result.line())
        if args.verbose:
            for t in result.missed:
                print(f"    missed   {t}")
            for t in result.spurious:
                print(f"    spurious {t}")
    return 2 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core",
        description="Stance Tracker: who holds which position on which issue, with the quote behind it.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("extract", "print the stance table (actor, issue, stance, evidence)"),
        ("quotes", "print the quotes table (every attributed statement)"),
        ("actors", "print the actors table"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text article(s); article id = file name without extension")
        p.add_argument("--codebook", metavar="FILE", help="YAML codebook (default: seeds/codebook.yaml)")
        p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p = sub.add_parser("evaluate", help="score the stance table against a hand-made gold CSV")
    p.add_argument("--gold", metavar="FILE", help=f"gold CSV (default: {DEFAULT_GOLD.relative_to(ROOT)})")
    p.add_argument("files", nargs="*", metavar="ARTICLE", help=f"article file(s) (default: {DEFAULT_ARTICLE.relative_to(ROOT)})")
    p.add_argument("--codebook", metavar="FILE")
    p.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious triples")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "evaluate":
            return cmd_evaluate(args)
        return cmd_table(args, {"extract": "stances", "quotes": "quotes", "actors": "actors"}[args.command])
    except (UsageError, ArticleError, CodebookError, KnowledgeError, GoldError, ModelNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
