"""The closed-class words the extraction rules name: pronouns, prepositions, conjunctions.

These are grammar, not knowledge of the world, so they stay in code (every open-class word list,
cue verb and noun lives in ``seeds/lexicon.yaml``). They are defined here once; a rule that needs a
different set uses a differently named set of this module, whose name says what it is for.
"""

from __future__ import annotations

# ----------------------------------------------------------------- pronouns
# "He added that ...": a pronoun that stands for a person mentioned before.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# Only the subject forms: a narrative "He has accused ..." right after a statement continues its speaker.
PERSON_SUBJECT_PRONOUNS = frozenset({"he", "she"})
# Subject pronouns a speaker uses of themself or others use of them: "said she would not vote for it".
SELF_SUBJECT_PRONOUNS = PERSON_SUBJECT_PRONOUNS | {"they", "we", "i"}
# Prepositions of a goal: "if they go straight to a peace deal" acts towards it.
GOAL_PREPOSITIONS = frozenset({"to", "towards", "toward", "for"})
# Prepositions by which a noun of attitude names what it is aimed at: "criticism of / support for /
# opposition to / anger at Sen. Roe".
TARGET_PREPOSITIONS = frozenset({"to", "for", "against", "toward", "towards", "at", "with"})
# The words by which an elliptical clause says it repeats another's predicate: "and so does Chile",
# "Chile does too", "Chile also does", "Nor does Chile", "and neither does Chile" (the last two
# repeat a denied predicate, so are not turned by it).
ECHO_MARKERS = frozenset({"so", "too", "also", "likewise", "either", "neither", "nor"})
DENYING_ECHO_MARKERS = frozenset({"neither", "nor"})
# Adjectives by which a view is said to be the same as one stated before, or not: "took the same
# view", "takes a different view".
SAME_VIEW_WORDS = frozenset({"same", "similar"})
OTHER_VIEW_WORDS = frozenset({"different", "opposite", "contrary"})
# What an elliptical auxiliary may have besides its subject: "as does Chile", "Chile does not".
ECHO_FREE_DEPS = frozenset({"nsubj", "neg", "advmod", "cc", "mark", "punct", "preconj", "aux", "conj", "npadvmod"})
# Adverbs of place spelt as a cue of the lexicon: "was back for the vote" backs nothing.
PLACE_ADVERBS = frozenset({"back"})
# Copulas that say what someone or something is or has come to be: "the levy is Ribeiro's pet
# project", "Lowe has become a pro-runway campaigner", "Roe is a senator who ...".
BEING_COPULAS = frozenset({"be", "become", "remain"})
# Adverbs of hearsay: "The deal reportedly includes a cut" reports, with no source named, what the
# clause says (PolNeAR annotates the adverb as the cue).
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"})
# "Their demand for an inquiry": an owner of a noun of saying or will that holds it even when
# the pronoun cannot be resolved (its words are still someone's, as "He said" is).
PEOPLE_POSSESSIVES = frozenset({"his", "her", "their", "my", "our"})
# "It said", "their allies": a pronoun that stands for a government, organization or group.
BODY_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
# "Kenya and Uganda signed. They also agreed": a pronoun that may stand for several actors at once
# (only the subject form: "their plan" inside someone else's words is too often someone else's).
PLURAL_PRONOUNS = frozenset({"they"})
# "we"/"I" inside a quotation: the speaker of the quotation.
SPEAKER_PRONOUNS = frozenset({"i", "we", "me", "us", "my", "our"})
# Words that, even when the parser tags them as nouns, never name an unknown speaker.
IMPERSONAL_WORDS = frozenset({"it", "this", "that"})
# Pronouns for things or clauses ("this showed that ..."): a speaker only when resolved to an actor.
THING_PRONOUNS = frozenset({"this", "that", "which", "what"})
# Every personal, possessive, relative and demonstrative pronoun: a gold speaker that is one of
# these is scored as "a pronoun" (core.evaluation.quotes), whoever it stands for.
ALL_PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their who whom whose which that this these those".split()
)
# Pronouns that may refer back to an issue named before: "Ottawa turned it down", "this is wrong".
ISSUE_PRONOUNS = frozenset({"it", "this", "that"})
# Determiners that make a noun refer back to something named before: "the proposal", "this plan",
# "such a deployment" (a possessive owner, "his idea", does too).
ISSUE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
# Relative and question pronouns (Penn tags) whose clause points back to a noun.
RELATIVE_TAGS = frozenset({"WP", "WDT"})

# ----------------------------------------------------------------- prepositions
# A capital city after one of these, attached to a verb, is a place ("travelled to Moscow"), not a
# government; "unacceptable to Kyiv" (attached to an adjective) or "by Moscow" stays an actor.
LOCATIVE_PREPOSITIONS = frozenset(
    {"to", "in", "at", "from", "into", "near", "across", "outside", "inside", "around", "toward", "towards", "through", "via", "over"}
)
# Words that end the part of a noun phrase bound to one name ("a meeting between Trump and
# Ukrainian President Zelenskyy": Trump's country is not Zelenskyy's).
PHRASE_BREAKS = frozenset({"and", "or", ",", "between", "with"})
# Prepositions that introduce a noun's content: "her call for a recount", "his warning of a strike".
CONTENT_PREPOSITIONS = frozenset({"of", "for", "on", "about", "against", "to"})
# Prepositions that name the owner of a noun: "the decision by the board", "a plea from the mayor".
OWNER_PREPOSITIONS = frozenset({"by", "from"})
# Prepositions that name an experiencer: "unacceptable to Kyiv", "crucial for Moscow".
EXPERIENCER_PREPOSITIONS = frozenset({"to", "for"})
# Prepositions that introduce what a naming verb names something: "described the plan as dead".
NAMING_PREPOSITIONS = frozenset({"as", "to"})
# An unknown organization acts when it is a source: "according to Acme Corp", "a report by Acme Corp"
# (the preposition, then the word it hangs from).
SOURCE_PREPOSITIONS = frozenset({"by", "to"})
SOURCE_HEADS = frozenset({"according", "by"})
# Prepositions of a condition: "conditional on", "contingent upon".
CONDITION_PREPOSITIONS = frozenset({"on", "upon"})
# Prepositions of what someone is accused of: "accused Ukraine of derailing X", "blamed X for Y".
ACCUSATION_PREPOSITIONS = frozenset({"of", "for", "over"})

# ----------------------------------------------------------------- conjunctions
# Conjunctions and adverbs that may join a quote to its continuation ("“A,” he said, and “B”").
LINKING_WORDS = frozenset({"and", "but", "then", "also"})
# Words that coordinate two phrases: "to Kyiv (and to many of the EU countries)".
COORDINATORS = frozenset({"and", "or"})
# The hyphens that join two words into one ("US-brokered", "anti-runway", "four-day"): the ASCII
# hyphen-minus, the Unicode hyphen and the non-breaking hyphen.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Words that put a description in the past: "a former critic of the dam" holds no side now.
FORMER_WORDS = frozenset({"former", "ex", "ex-", "one-time", "onetime", "erstwhile", "past", "formerly"})
# Subordinating conjunctions of a condition: "if Ukraine requests X".
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# A clause that only dates something yet to happen ("until the ceasefire is implemented, ...")
# presupposes it: nobody takes a position on an issue inside it (a past one, "before they agreed
# to X", reports an action and is read as usual).
TEMPORAL_MARKS = frozenset({"until", "till", "before", "once"})
# Other adverbial clauses ("after Russia backed out of the deal", "because Kyiv rejected it") hold
# their own subject's view: the walk does not carry it up to the main clause's subject.
SUBORDINATE_MARKS = frozenset({"after", "because", "since", "while", "although", "though", "as", "when", "whereas"}) | TEMPORAL_MARKS
# Words that open an embedded question: "asked whether ...", "questioned how ...".
WH_WORDS = frozenset({"how", "whether", "who", "what", "when", "why", "which", "where"})

# ----------------------------------------------------------------- punctuation
# Characters that open a quotation (curly and guillemet); a straight quote toggles.
OPEN_QUOTES = "“«„"
QUOTE_MARKS = "“”«»„\"‘’'"

# ----------------------------------------------------------------- subordinators and pronouns of attribution
# Subordinators of time: a clause they open says when, in the writer's voice.
TIME_MARKS = frozenset({"after", "before", "when", "while", "until", "once"})  # ("since" is as often causal)
# Subordinators of a condition a reported clause may carry ("..., but only if the council agrees").
CONDITION_MARKS = frozenset({"if", "unless", "provided"})
# Subordinators of a question or a condition: what a cue under them reports was not said or done.
QUESTION_MARKS = frozenset({"whether", "if"})
# Verbs that answer an act rather than take it: "answered the lawsuit against it" (the defendant);
# "answered with duties on wine" takes one.
REPLY_VERBS = frozenset({"answer", "respond", "reply"})
# Bare nouns of idioms of placing, no target of an act: "put the ban on hold", "put the tariff on ice".
PLACEMENT_IDIOMS = frozenset({"hold", "ice", "notice", "track", "display", "record", "trial", "place", "file"})
# Words after a verb of moving that show the physical sense: "backed the van into the yard".
DIRECTION_WORDS = frozenset({"into", "onto", "out", "up", "down", "away", "off", "toward", "towards", "across", "through",
                             "along", "around", "over", "from", "past"})
# Pronouns a verb of judgment or act may take as all it attributes ("blocked it", "vetoed this").
OBJECT_PRONOUNS = frozenset({"it", "this", "that"})
# Adverbs that make "stand behind" or "be behind" a position, not a place ("stands firmly behind the plan").
FIRM_ADVERBS = frozenset({"firmly", "squarely", "solidly", "fully", "strongly", "four-square", "foursquare"})

# ----------------------------------------------------------------- names
# Generational suffixes after a surname ("Robert Hale Jr.", "Henry Ford II"), folded (no dot, lower
# case): no surname of their own (mentions), and equal when two full names are one person (merge).
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


# Words that make a codebook term a phrase rather than a compound noun ("rebuild the military",
# "ban on fishing"): such a term has no head noun that names its issue alone.
FUNCTION_WORDS = frozenset({"the", "a", "an", "to", "of", "and", "or", "for", "on", "in", "with", "by", "at", "from"})


def label_words(label: str) -> frozenset[str]:
    """The lower-case words of an issue's label ("Paris climate agreement")."""
    return frozenset(w for w in "".join(c.lower() if c.isalnum() else " " for c in label).split())


# Verbs of naming or framing (the lexicon's naming_cues, framing_verbs) that are verbs of opinion, whose
# negation is the name's: "does not consider the levy necessary" is considering it unnecessary ("did
# not call it a mistake" says nothing).
NEG_RAISING_FRAMES = frozenset({"consider", "regard", "view", "see"})
