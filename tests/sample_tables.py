"""Hand-made tables in the pipeline's contract, located in the seed article by their quotes.

They stand in for ``core.extraction.pipeline.analyze_articles`` in the dashboard tests (so the tests do not
depend on the NLP rules) and give the unit tests realistic rows: real names, real offsets.
"""

from __future__ import annotations

import re

import pandas as pd

from core.extraction.pipeline import Tables
from core.ingest.text import Article
from core.model import ACTOR_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, STANCE_COLUMNS

ACTORS = {
    # actor: (actor_type, country, surface forms in the seed article)
    "Donald Trump": ("person", "United States", ["Donald Trump", "Trump"]),
    "Vladimir Putin": ("person", "Russia", ["Vladimir Putin", "Putin"]),
    "Steve Witkoff": ("person", "United States", ["Steve Witkoff", "Witkoff"]),
    "Alexander Grushko": ("person", "Russia", ["Alexander Grushko"]),
    "Emmanuel Macron": ("person", "France", ["Emmanuel Macron"]),
    "Italian government": ("government", "Italy", ["Giorgia Meloni’s Italian government"]),
    "Ukraine": ("government", "Ukraine", ["Ukraine"]),
    "Russia": ("government", "Russia", ["Russia"]),
}

# (actor, issue, stance, certainty, attribution, source, evidence, confidence)
STANCE_ROWS = [
    ("Donald Trump", "peace_talks", "support", "stated", "direct", "", "We want to see if we can bring that war to an end", 0.9),
    ("Donald Trump", "asset_division", "support", "stated", "indirect", "", "dividing up certain assets", 0.7),
    ("Ukraine", "ceasefire", "support", "reported", "narrative", "", "the proposal for a 30-day ceasefire already accepted by Ukraine", 0.8),
    ("Vladimir Putin", "peace_talks", "support", "reported", "indirect", "Steve Witkoff", "“accepts the philosophy” of the peace plan", 0.6),
    ("Russia", "peace_talks", "oppose", "reported", "narrative", "", "Russia is keeping up the fighting", 0.4),
    ("Vladimir Putin", "territory_recognition", "support", "unconfirmed", "narrative", "", "the international recognition of Ukrainian territory seized by Russia as Russian", 0.5),
    ("Vladimir Putin", "western_military_aid", "oppose", "unconfirmed", "narrative", "", "a halt to western military aid", 0.5),
    ("Alexander Grushko", "security_guarantees", "support", "stated", "indirect", "", "ironclad security guarantees", 0.9),
    ("Alexander Grushko", "ukraine_neutrality", "support", "stated", "direct", "", "the neutral status of Ukraine", 0.9),
    ("Alexander Grushko", "ukraine_nato_membership", "oppose", "stated", "direct", "", "the refusal of NATO countries to accept it into the alliance", 0.85),
    ("Alexander Grushko", "foreign_troops_in_ukraine", "oppose", "stated", "direct", "", "It does not matter under what label NATO contingents were to be deployed on Ukrainian territory", 0.8),
    ("Italian government", "foreign_troops_in_ukraine", "oppose", "stated", "narrative", "", "does not accept the principle of European troops in Ukraine", 0.85),
    ("Emmanuel Macron", "foreign_troops_in_ukraine", "support", "stated", "direct", "", "If Ukraine requests allied forces to be on its territory, it is not up to Russia to accept or reject them.", 0.9),
    ("Witkoff", "ceasefire", "neutral", "reported", "narrative", "", "a ban on foreign peacekeepers to maintain a ceasefire", 0.3),
]

# (speaker, kind, cue, text)
QUOTE_ROWS = [
    ("Donald Trump", "direct", "said", "We want to see if we can bring that war to an end. Maybe we can, maybe we can’t, but I think we have a very good chance,"),
    ("Donald Trump", "direct", "told", "A lot of work’s been done over the weekend,"),
    ("Steve Witkoff", "indirect", "reporting", "the Russian president “accepts the philosophy” of the peace plan"),
    ("Alexander Grushko", "indirect", "said", "any peace plan should include “ironclad security guarantees”, among which, “the neutral status of Ukraine and the refusal of NATO countries to accept it into the alliance.”"),
    ("Italian government", "indirect", "said", "it wouldn’t send Italian soldiers"),
    ("Emmanuel Macron", "direct", "", "If Ukraine requests allied forces to be on its territory, it is not up to Russia to accept or reject them."),
    ("", "according_to", "according to", "Russia’s invasion in Ukraine in 2022 was determined by the possibility of Ukraine being accepted into NATO"),
]


def _actor(name: str) -> tuple[str, str, str]:
    """(display name, actor_type, country); unknown names are kept as groups without a country."""
    for actor, (actor_type, country, forms) in ACTORS.items():
        if name == actor or name in forms:
            return actor, actor_type, country
    return name, "group" if name else "", ""


def tables_for(article: Article) -> Tables:
    """The sample rows whose evidence occurs in ``article`` (others are skipped)."""
    text = article.text
    stances, quotes, mentions = [], [], []
    for actor, issue, stance, certainty, attribution, source, evidence, confidence in STANCE_ROWS:
        start = text.find(evidence)
        if start < 0:
            continue
        name, actor_type, country = _actor(actor)
        if actor == "Witkoff":  # an actor the sample leaves unresolved: no country, exercises fallbacks
            name, actor_type, country = "Witkoff", "person", ""
        sentence = text.count(".", 0, start) + 1
        stances.append([article.article_id, sentence, name, actor_type, country, issue, stance, certainty,
                        attribution, source, evidence, start, start + len(evidence), confidence])
    for speaker, kind, cue, quote in QUOTE_ROWS:
        start = text.find(quote)
        if start < 0:
            continue
        name, actor_type, country = _actor(speaker) if speaker else ("", "", "")
        quotes.append([article.article_id, name, actor_type, country, quote, start, start + len(quote), kind, cue, -1, -1])
    for actor, (actor_type, country, forms) in ACTORS.items():
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")
        for match in pattern.finditer(text):
            mentions.append([article.article_id, actor, actor_type, country, match.group(), match.start(), match.end(), ""])
    mention_frame = pd.DataFrame(mentions, columns=MENTION_COLUMNS)
    actors = [
        [actor, actor_type, country, "", list(forms), int((mention_frame["actor"] == actor).sum())]
        for actor, (actor_type, country, forms) in ACTORS.items()
    ]
    return Tables(
        stances=pd.DataFrame(stances, columns=STANCE_COLUMNS),
        quotes=pd.DataFrame(quotes, columns=QUOTE_COLUMNS),
        actors=pd.DataFrame(actors, columns=ACTOR_COLUMNS),
        mentions=mention_frame,
        warnings=[],
    )


def fake_analyze(articles: list[Article], nlp=None, codebook=None, knowledge=None) -> Tables:
    """Same signature as ``core.extraction.pipeline.analyze_articles``: the sample rows of every article."""
    parts = [tables_for(article) for article in articles]
    return Tables(
        stances=pd.concat([p.stances for p in parts], ignore_index=True),
        quotes=pd.concat([p.quotes for p in parts], ignore_index=True),
        actors=pd.concat([p.actors for p in parts], ignore_index=True).drop_duplicates("actor", ignore_index=True),
        mentions=pd.concat([p.mentions for p in parts], ignore_index=True),
        warnings=[],
    )


def seed_tables() -> Tables:
    """The sample tables of the seed article."""
    from core.ingest.text import read_article
    from core.settings import SEEDS_DIR

    return fake_analyze([read_article(SEEDS_DIR / "ukraine_peace_talks.txt")])
