"""The actor gazetteer's EntityRuler, matching its word-by-word patterns by dictionary lookup.

The gazetteer's names become EntityRuler token patterns of plain words (``{"LOWER": "vladimir"}``,
``{"ORTH": "Putin"}``). spaCy's ``Matcher`` runs every pattern's state machine over every token,
which made the ruler a fifth of the stance layer's cost for a hundred names; this ruler finds the
same matches by looking each token up among the names' first words. It hands them on exactly as
``EntityRuler.match`` does (the same set of matches, sorted the same way), so the entities it
sets are the same; a pattern of any other kind (a phrase, a token with another attribute or an
operator) sends the whole document through spaCy's own matching.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

ACTOR_RULER_FACTORY = "stance_actor_entity_ruler"
_WORD_ATTRS = ("LOWER", "ORTH")

# (match id, the pattern's words, whether they are compared lower-cased)
_Entry = tuple[int, tuple[str, ...], bool]


class ActorRuler(EntityRuler):
    """An EntityRuler whose token patterns of plain words are matched by dictionary lookup."""

    _index: dict[tuple[bool, str], list[_Entry]] | None = None

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._index = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def _word_index(self) -> dict[tuple[bool, str], list[_Entry]] | None:
        """The token patterns by their first word (and whether it is compared lower-cased); None
        when a pattern is not a sequence of plain words, or there are phrase patterns."""
        if self._index is not None:
            return self._index
        if any(self.phrase_patterns.values()) or self._ent_ids:
            return None
        index: dict[tuple[bool, str], list[_Entry]] = {}
        for label, patterns in self.token_patterns.items():
            match_id = self.nlp.vocab.strings.add(label)
            for pattern in patterns:
                words: list[str] = []
                lowered = set()
                for token in pattern:
                    keys = [str(k).upper() for k in token]
                    if len(token) != 1 or keys[0] not in _WORD_ATTRS or not isinstance(next(iter(token.values())), str):
                        return None
                    lowered.add(keys[0] == "LOWER")
                    words.append(next(iter(token.values())))
                if not words or len(lowered) != 1:
                    return None
                lower = lowered.pop()
                index.setdefault((lower, words[0]), []).append((match_id, tuple(words), lower))
        self._index = index
        return index

    def match(self, doc: Doc):
        index = self._word_index()
        if index is None:
            return super().match(doc)
        self._require_patterns()
        found = set()
        # (the words' strings from one array of hashes: no Token object per word)
        strings = doc.vocab.strings
        lowers = [strings[h] for h in doc.to_array(LOWER).tolist()]
        texts = [strings[h] for h in doc.to_array(ORTH).tolist()]
        for i in range(len(doc)):
            for key in ((True, lowers[i]), (False, texts[i])):
                for match_id, words, lower in index.get(key, ()):
                    end = i + len(words)
                    forms = lowers if lower else texts
                    if end <= len(doc) and all(forms[i + k] == word for k, word in enumerate(words)):
                        found.add((match_id, i, end))
        # (as EntityRuler.match: the longest first, then the earliest)
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(ACTOR_RULER_FACTORY, default_config={"overwrite_ents": True})
def make_actor_ruler(nlp: Language, name: str, overwrite_ents: bool) -> ActorRuler:
    return ActorRuler(nlp, name, overwrite_ents=overwrite_ents)
