"""The actor mentions and the statements as spaCy pipeline components.

``core.extraction.nlp.load_pipeline`` adds both at the end of the pipeline (they read the parse,
the lemmas and the named entities), so one ``nlp.pipe`` pass parses each text once and leaves on
every Doc:

* ``doc.spans["actor_mentions"]``: one span per actor mention, labelled with its kind ("name",
  "metonym", "government", "group", "title"); ``span._.mention`` is the resolved
  :class:`~core.extraction.mentions.Mention` (``span._.mention.actor`` the actor);
* ``doc.spans["statements"]``: one span per statement, labelled "direct", "indirect" or
  "according_to"; ``span._.statement`` is the :class:`~core.extraction.attribution.Statement`;
* ``doc._.actor_resolver`` (the :class:`~core.extraction.mentions.ActorResolver` that resolves any
  token, pronouns included, to actors) and ``doc._.statements`` (the statements in text order).

The components are configured with the knowledge files' paths (a ``Knowledge`` object is not
JSON-serialisable) and load them through :func:`core.knowledge.gazetteer.load_knowledge`, which
caches by the files' content: the components of a pipeline built for a knowledge object share it.
The stance rules stay a plain function over the Doc (``core.extraction.stance``).
"""

from __future__ import annotations

from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from core.extraction.attribution import Attributor, Statement, drop_nested
from core.extraction.idioms import merge_idioms
from core.extraction.mentions import ActorResolver, Mention
from core.knowledge.gazetteer import Knowledge, Lexicon, load_knowledge

MENTIONS_COMPONENT = "stance_mentions"
ATTRIBUTION_COMPONENT = "stance_attribution"
COMPONENTS = (MENTIONS_COMPONENT, ATTRIBUTION_COMPONENT)
MENTION_SPANS = "actor_mentions"
STATEMENT_SPANS = "statements"


def _span_mention(span: Span) -> Mention | None:
    """The resolved mention a span of ``doc.spans["actor_mentions"]`` stands for."""
    resolver = span.doc._.actor_resolver
    if resolver is None:
        return None
    return next((m for m in resolver.mentions if m.start == span.start and m.end == span.end), None)


def _span_statement(span: Span) -> Statement | None:
    """The statement a span of ``doc.spans["statements"]`` stands for."""
    statements = span.doc._.statements or []
    return next((st for st in statements if _statement_span(span.doc, st) == (span.start, span.end)), None)


def _statement_span(doc: Doc, statement: Statement) -> tuple[int, int] | None:
    """The token range of a statement's characters (expanded to whole tokens)."""
    span = doc.char_span(statement.start_char, statement.end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


def register_extensions() -> None:
    """Declare the Doc and Span extensions the components write (once per process)."""
    if not Doc.has_extension("actor_resolver"):
        Doc.set_extension("actor_resolver", default=None)
    if not Doc.has_extension("statements"):
        Doc.set_extension("statements", default=None)
    if not Span.has_extension("mention"):
        Span.set_extension("mention", getter=_span_mention)
    if not Span.has_extension("statement"):
        Span.set_extension("statement", getter=_span_statement)


register_extensions()


def _knowledge(actors_path: str, lexicon_path: str) -> Knowledge:
    """The knowledge of the given files (the configured seeds/ ones where a path is empty)."""
    return load_knowledge(actors_path or None, lexicon_path or None)


def correct_lemmas(doc: Doc, lexicon: Lexicon) -> None:
    """Give the verb forms the lemmatizer gets wrong (``lemma_corrections``: "hopes" read as a
    form of "hop") their right lemma, before the mentions, statements and stances read it."""
    lemmas = {form: lemma for lemma, forms in lexicon.lemma_corrections.items() for form in forms}
    if not lemmas:
        return
    for tok in doc:
        lemma = lemmas.get(tok.lower_)
        if lemma is not None and tok.pos_ in ("VERB", "AUX"):
            tok.lemma_ = lemma


def annotate_mentions(doc: Doc, knowledge: Knowledge) -> ActorResolver:
    """Find the actor mentions of ``doc`` and write them onto it (after merging the lexicon's
    idioms into single tokens: ``core.extraction.idioms``)."""
    if knowledge.lexicon is not None:
        correct_lemmas(doc, knowledge.lexicon)
        merge_idioms(doc, knowledge.lexicon)
    resolver = ActorResolver(doc, knowledge)
    doc._.actor_resolver = resolver
    doc.spans[MENTION_SPANS] = [Span(doc, m.start, m.end, label=m.kind) for m in resolver.mentions]
    return resolver


def annotate_statements(doc: Doc, resolver: ActorResolver) -> list[Statement]:
    """Find the statements of ``doc`` (a statement inside a longer one of the same speaker is
    dropped) and write them onto it."""
    statements = drop_nested(Attributor(doc, resolver).statements())
    doc._.statements = statements
    spans = []
    for st in statements:
        token_range = _statement_span(doc, st)
        if token_range is not None:
            spans.append(Span(doc, *token_range, label=st.kind))
    doc.spans[STATEMENT_SPANS] = spans
    return statements


class MentionsComponent:
    """Pipeline component "stance_mentions": the actor mentions of each Doc."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        annotate_mentions(doc, self.knowledge)
        return doc


class AttributionComponent:
    """Pipeline component "stance_attribution": the statements of each Doc (it needs the
    mentions of "stance_mentions", and finds them itself when that component did not run)."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        resolver = doc._.actor_resolver
        if resolver is None or resolver.kb is not self.knowledge:
            resolver = annotate_mentions(doc, self.knowledge)
        annotate_statements(doc, resolver)
        return doc


SENTENCE_STARTS = "doubled_apostrophe_sentences"
_SENTENCE_ENDS = (".", "!", "?")


@Language.component(SENTENCE_STARTS)
def doubled_apostrophe_sentences(doc: Doc) -> Doc:
    """Pipeline component (before the parser): an opening doubled apostrophe (``''``, the straight
    double quote of some news archives) after a sentence end or a line break begins a sentence.
    The tagger reads ``''`` as a closing quote and would glue it to the sentence before
    ("... she said. ''We will ..."), so that the quotation after it starts in the wrong sentence."""
    for i in range(1, len(doc) - 1):
        tok, after = doc[i], doc[i + 1]
        if tok.text != "''" or tok.whitespace_ or after.is_space or after.is_punct:
            continue  # a closing mark: "...,'' she said"
        before = doc[i - 1]
        if not (before.is_space or before.whitespace_):
            continue
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        ended = j >= 0 and (
            doc[j].text in _SENTENCE_ENDS or (doc[j].text == "''" and j > 0 and doc[j - 1].text in _SENTENCE_ENDS)
        )
        if ended or "\n" in before.text:
            tok.is_sent_start = True
            after.is_sent_start = False
    return doc


PARAGRAPH_STARTS = "paragraph_sentences"


@Language.component(PARAGRAPH_STARTS)
def paragraph_sentences(doc: Doc) -> Doc:
    """Pipeline component (before the parser): the first word after a blank line begins a
    sentence. The parser reads a blank line as a weak hint only: it glues a headline with no final
    stop to the first paragraph ("Tran voted no\n\nDemocrats backed the bill": Tran then "backed"
    it), a subheading to the paragraph before, and now and then two paragraphs ("... voted
    no.\n\nDemocrats backed ..."), so that a row's evidence runs across paragraphs and a holder
    of one is read with the other. A single line break is left to the parser: text wrapped at a
    fixed width breaks lines inside sentences."""
    for i in range(1, len(doc)):
        before, tok = doc[i - 1], doc[i]
        if before.is_space and before.text.count("\n") >= 2 and not tok.is_space:
            tok.is_sent_start = True
    return doc


@Language.factory(MENTIONS_COMPONENT, default_config={"actors_path": "", "lexicon_path": ""})
def make_mentions_component(nlp: Language, name: str, actors_path: str, lexicon_path: str) -> MentionsComponent:
    """The "stance_mentions" component for the knowledge of the given files."""
    return MentionsComponent(_knowledge(actors_path, lexicon_path))


@Language.factory(ATTRIBUTION_COMPONENT, default_config={"actors_path": "", "lexicon_path": ""})
def make_attribution_component(nlp: Language, name: str, actors_path: str, lexicon_path: str) -> AttributionComponent:
    """The "stance_attribution" component for the knowledge of the given files."""
    return AttributionComponent(_knowledge(actors_path, lexicon_path))


def add_components(nlp: Language, knowledge: Knowledge) -> None:
    """Add both components at the end of ``nlp`` (after the parser, lemmatizer and NER they read),
    configured with the files ``knowledge`` was loaded from, and the sentence starts of
    ``paragraph_sentences`` and ``doubled_apostrophe_sentences`` before the parser."""
    config = {"actors_path": knowledge.actors_path, "lexicon_path": knowledge.lexicon_path}
    for starts in (PARAGRAPH_STARTS, SENTENCE_STARTS):
        if "parser" in nlp.pipe_names and starts not in nlp.pipe_names:
            nlp.add_pipe(starts, before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            component = cast(MentionsComponent | AttributionComponent, nlp.add_pipe(name, last=True, config=config))
            # The very object given, not a reload of its files: a file edited since ``knowledge``
            # was read must not slip into results stored under ``knowledge.digest``.
            component.knowledge = knowledge


def mentions_and_statements(doc: Doc, knowledge: Knowledge) -> tuple[ActorResolver, list[Statement]]:
    """The mentions (as their resolver) and statements of ``doc`` for ``knowledge``: those the
    components wrote when they ran with this very knowledge, else found now and written onto the
    Doc (a Doc from a pipeline without the components, or from one with other knowledge)."""
    resolver = doc._.actor_resolver
    statements = doc._.statements
    if resolver is None or resolver.kb is not knowledge or statements is None:
        resolver = annotate_mentions(doc, knowledge)
        statements = annotate_statements(doc, resolver)
    return resolver, statements
