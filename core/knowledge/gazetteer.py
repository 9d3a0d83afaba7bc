"""Actor knowledge: the editable gazetteer (``seeds/actors.yaml``), the cue-word lexicon
(``seeds/lexicon.yaml``) and country names, codes, demonyms and capitals from ``countryinfo``.

Both files are checked against a schema on load (``core.knowledge.files``): an unknown or misspelt
key, or a value of the wrong shape, is a KnowledgeError naming the file, the key and the line.

Everything a rule needs to know about the world is loaded here, so no rule names a person,
a country or an issue in code.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import countryinfo

from core.knowledge.files import (
    Key,
    Located,
    Schema,
    bytes_digest,
    decode,
    parse_yaml,
    read_bytes,
)

# Raised for the actors and lexicon files; defined with the other file checks, re-exported here.
from core.knowledge.files import KnowledgeError as KnowledgeError
from core.knowledge.patterns import BoundedPattern, PatternError, compile_pattern
from core.settings import DEFAULT_ACTORS, DEFAULT_LEXICON


@dataclass(frozen=True)
class Actor:
    """A resolved actor: what a mention stands for."""

    name: str
    actor_type: str  # person | government | organization | group
    country: str = ""
    role: str = ""


@dataclass
class Lexicon:
    speech: frozenset[str]
    support: frozenset[str]
    oppose: frozenset[str]
    neutral: frozenset[str]
    inversions: frozenset[str]
    experiencer_adjectives: dict[str, int]
    hedges: frozenset[str]
    negations: frozenset[str]
    evaluative_side_verbs: dict[str, int]
    purpose_verbs: frozenset[str]
    group_nouns: frozenset[str]
    quantifiers: frozenset[str]
    accusation_verbs: frozenset[str] = frozenset()
    # Nouns for people by their side ("critic", "supporter"): +1 or -1, read only where the noun
    # describes the holder (after a copula, in apposition).
    side_nouns: dict[str, int] = field(default_factory=dict)
    # Verbs of feeling whose object (or passive subject) holds the view of their cause, +1 or -1
    # ("the levy angered farmers"), and verbs that object only as verbs ("questioned the levy").
    experiencer_verbs: dict[str, int] = field(default_factory=dict)
    doubt_verbs: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()  # an apposition with one of these makes a person
    # Endings of nouns that name people by what they do ("owners", "economists"): a plural of
    # one can hold a will ("hotel owners plan to"); "prices", "talks" or "engines" cannot.
    agent_noun_endings: frozenset[str] = frozenset()
    object_only_cues: frozenset[str] = frozenset()  # a side only on their direct object ("broke the truce")
    passage_nouns: frozenset[str] = frozenset()  # "opened the door to the levy": the levy is what is opened
    place_prepositions: frozenset[str] = frozenset()  # "opened fire near the toll road": no side on the road
    time_prepositions: frozenset[str] = frozenset()  # "lifted before any talks": no side on the talks
    time_part_nouns: frozenset[str] = frozenset()  # "near the end of the vote": a time, no ending
    position_adverbs: frozenset[str] = frozenset()  # "is all for the levy", "was always for it"
    part_words: frozenset[str] = frozenset()  # "Roe is one of the senators who ...": Roe
    plan_prepositions: frozenset[str] = frozenset()  # "under Chile's proposal, the levy would go": Chile's side
    cause_only_cues: frozenset[str] = frozenset()  # a side only with the issue as subject ("the levy would hurt farmers")
    effect_cues: frozenset[str] = frozenset()  # a side also with the issue as subject ("the levy would undermine growth")
    # Verbs of effect by what they do to their object (+1 bring about or raise: "create", "fuel";
    # -1 destroy or lower: "destroy", "halve"), and outcomes by whether they are wanted (+1 "jobs",
    # -1 "shortages"): with the issue as subject, their product is a side ("the levy would destroy
    # jobs": against; "the truce would end the fighting": for).
    effect_verbs: dict[str, int] = field(default_factory=dict)
    outcome_nouns: dict[str, int] = field(default_factory=dict)
    result_adjectives: dict[str, int] = field(default_factory=dict)  # "make the country safer": +1
    # Verbs by which a speaker grants a point against their own side ("Marek conceded the road
    # would raise emissions"): an effect so reported is no side.
    concession_verbs: frozenset[str] = frozenset()
    # Verbs of estimating and forecasting: an effect so reported is a forecast, not a side ("the
    # budget office estimated the levy would cost jobs"), and so is another's act forecast with them.
    estimate_verbs: frozenset[str] = frozenset()
    # Nouns of evidence that report what others think or what is so, never a view of their own,
    # whoever made them ("a Halden University poll found that voters support ...").
    evidence_nouns: frozenset[str] = frozenset()
    # Verbs of effort whose infinitive is their goal and carries the side ("sued to stop the levy").
    effort_verbs: frozenset[str] = frozenset()
    # Nouns that a judging adjective judges as a course of action ("a bad idea", "a good deal"); an
    # adjective on any other noun judges something else ("a good example of", "a bad time for").
    judged_nouns: frozenset[str] = frozenset()
    # Attribution cues beyond "speech" (see seeds/lexicon.yaml): verbs of belief or evidence that
    # attribute a clause ("believes that ..."), verbs whose object + infinitive is the content
    # ("told his advisers to ..."), verbs whose direct object is ("cited problems"), verbs naming
    # something as something ("called it a mistake"), and verb + preposition cues ("call for").
    belief_cues: frozenset[str] = frozenset()
    directive_cues: frozenset[str] = frozenset()
    object_cues: frozenset[str] = frozenset()
    # Verbs of judgment whose object is attributed like an object cue's ("rejected the carbon
    # tax"), but as the writer's narrative: the stance rules find the holder themselves.
    judgment_cues: frozenset[str] = frozenset()
    naming_cues: frozenset[str] = frozenset()
    prepositional_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verbs that link their object to another thing, with the prepositions that name it ("tied the
    # drought to warmer seas", "connects the closures and the vote"): a claim of cause or kinship.
    linking_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    # Nouns of a will voiced that, with an infinitive and no owner, are a statement with no source
    # ("calls to lower rates").
    spoken_will_nouns: frozenset[str] = frozenset()
    # Nouns of doubt or worry that, with "about" and no owner, are a statement with no
    # source ("doubts about the tunnel's safety").
    doubt_nouns: frozenset[str] = frozenset()
    # Verbs that with one of their words declare a that-clause ("made it clear that", "left
    # little doubt that").
    declaring_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    # Nouns of a view that, after "in" and with an owner, give the owner as the source of the
    # sentence ("in her view", "in the words of one farmer").
    viewpoint_nouns: frozenset[str] = frozenset()
    # Nouns for a kind of place that, followed by "of" and a name, stand for the name ("the city of
    # Lorca").
    place_nouns: frozenset[str] = frozenset()
    # Lemmas of verb forms the model's lemmatizer gets wrong ("hopes" -> "hop"), with those forms.
    lemma_corrections: dict[str, frozenset[str]] = field(default_factory=dict)
    source_nouns: frozenset[str] = frozenset()  # "Poll: ...", "Officials: ..." headline sources
    # Verbs and adjectives of intention whose infinitive is the content ("refuses to release ...",
    # "is willing to wait"), and nouns whose owner holds their complement ("her
    # determination to close the harbour", "the mayor's call for a recount").
    intention_cues: frozenset[str] = frozenset()
    intention_adjectives: frozenset[str] = frozenset()
    belief_adjectives: frozenset[str] = frozenset()  # "is confident that ...": the clause is the subject's view
    # Verbs that report a view held by nobody named: "appears to", "seems ready to" (active) and
    # "is expected to", "is said to" (passive only).
    raising_cues: frozenset[str] = frozenset()
    passive_raising_cues: frozenset[str] = frozenset()
    # Verbs of judgment whose passive reports the judgment ("was criticized for ...").
    passive_judgment_cues: frozenset[str] = frozenset()
    nominal_cues: frozenset[str] = frozenset()
    # Adjectives and nouns of attitude after a copula whose prepositional object the subject holds
    # a view on ("is sympathetic to free trade", "has been a critic of the quota").
    attitude_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verbs whose prepositional phrase is a position on its object ("is against the levy", "stands
    # firmly behind the drivers", "is in favour of keeping the market open").
    position_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verbs by which a rule, law or treaty (rule_nouns) speaks: "DNC rules permit members to ...".
    rule_verbs: frozenset[str] = frozenset()
    rule_nouns: frozenset[str] = frozenset()
    # Verbs by which someone makes a document theirs ("passed resolutions opposing ...").
    sponsor_verbs: frozenset[str] = frozenset()
    # Nouns whose owner speaks the quotation a colon introduces ("the mayor's reply was short: “...”"),
    # and verbs besides the copulas and speech verbs that introduce one ("put it bluntly: “...”").
    reply_nouns: frozenset[str] = frozenset()
    introducing_verbs: frozenset[str] = frozenset()
    # Verbs by which a subject holds a view a reply noun names before a colon ("both candidates
    # hold the same view on the dam: it should be finished"): what follows the colon is theirs.
    holding_verbs: frozenset[str] = frozenset()
    # Adjectives of a manner of speaking that, said of a speaker before a colon, make what follows
    # the colon theirs ("The senator was adamant: the bill would not pass").
    manner_adjectives: frozenset[str] = frozenset()
    # Phrases of a verb with a particle or a noun that take a side on their object or on a
    # preposition's ("ruled out a run", "cast doubt on the figures"): phrase -> prepositions (none:
    # the direct object).
    side_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verbs of headlines ("Mayors Rip Governor") that are cues only in a headline.
    headline_cues: frozenset[str] = frozenset()
    # Nouns of will that hold only an infinitive or a that-clause ("her bid to win", not "bid for").
    infinitive_nouns: frozenset[str] = frozenset()
    # Speech verbs whose person told may be followed by the clause with no "that" ("told the crowd
    # she would win").
    addressee_clause_verbs: frozenset[str] = frozenset()
    # Verbs that name their object as something only with "as" ("sees the vote as a referendum").
    as_naming_cues: frozenset[str] = frozenset()
    # Nouns of saying addressed to someone: their "to" or "for" with people is whom they are for.
    addressed_nouns: frozenset[str] = frozenset()
    # Nouns of an act taken against or over something, with the prepositions that name its target
    # ("filed a lawsuit against the plant", "slapped a tariff on steel", "staged a strike over pay").
    act_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    act_verbs: frozenset[str] = frozenset()  # verbs that take or undo such an act ("filed", "lifted")
    # Verbs whose subject receives a noun of saying or will rather than makes it ("the court heard
    # an appeal", "the council received a petition for ...").
    receiving_verbs: frozenset[str] = frozenset()
    # Plural nouns that count parties named before ("both sides", "the two countries"), with the
    # actor types they stand for.
    party_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verbs of judgment with a physical sense, and the things they take in it ("protesters
    # blocked the road"), or move in it, with a direction ("backed the truck into the bay").
    physical_senses: dict[str, frozenset[str]] = field(default_factory=dict)
    moving_senses: dict[str, frozenset[str]] = field(default_factory=dict)
    # Nouns and verbs the actor and stance rules read (see seeds/lexicon.yaml for each one's use).
    government_seats: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    state_domain_words: frozenset[str] = frozenset()
    people_group_nouns: frozenset[str] = frozenset()
    party_member_nouns: frozenset[str] = frozenset()
    denying_quantifiers: frozenset[str] = frozenset()
    cause_group_nouns: frozenset[str] = frozenset()
    no_cause_words: frozenset[str] = frozenset()
    relational_group_nouns: frozenset[str] = frozenset()
    bare_state_nouns: frozenset[str] = frozenset()  # "the government said": the home country's, else no one named
    national_institutions: frozenset[str] = frozenset()  # "the Senate" in a US story: "United States Senate"
    campaign_nouns: frozenset[str] = frozenset()  # "the Sanders campaign": the organization "Sanders campaign"
    campaign_kinds: frozenset[str] = frozenset()  # "Clinton's presidential campaign" (not "a military campaign")
    own_country_nouns: frozenset[str] = frozenset()
    organization_nouns: frozenset[str] = frozenset()
    generic_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    people_nouns: frozenset[str] = frozenset()
    condition_words: frozenset[str] = frozenset()
    renaming_nouns: frozenset[str] = frozenset()
    owned_nouns: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()
    framing_verbs: frozenset[str] = frozenset()
    threat_verbs: frozenset[str] = frozenset()
    promise_verbs: frozenset[str] = frozenset()
    threat_acts: frozenset[str] = frozenset()  # "will strike if the age is raised": a threat
    threat_act_nouns: frozenset[str] = frozenset()  # "would call a strike if ...": a threat
    refusal_verbs: frozenset[str] = frozenset()  # "refuse", "decline": a refusal of what they take
    duty_modals: frozenset[str] = frozenset()  # "must", "should": a demand on the subject
    wanting_verbs: frozenset[str] = frozenset()  # "Chile wants Peru to accept X": Chile's view, not Peru's
    wanting_nouns: frozenset[str] = frozenset()  # "Peru's demand that Chile drop X": Peru's view, not Chile's
    seeing_verbs: frozenset[str] = frozenset()  # "would like to see Peru drop X": Chile's wish; "saw Peru drop X": Peru's act
    siding_verbs: frozenset[str] = frozenset()  # "Peru joined countries opposing X": Peru's view too
    made_phrases: frozenset[str] = frozenset()  # "case for": a side only as what phrase_making_verbs make
    phrase_making_verbs: frozenset[str] = frozenset()  # "made / laid out / argued the case for X"
    own_act_verbs: frozenset[str] = frozenset()  # acts that are a view only of a doer the knowledge knows
    providing_verbs: frozenset[str] = frozenset()  # "send", "supply": a side only when the act is said, not guessed
    penalty_nouns: frozenset[str] = frozenset()  # "tariffs", "sanctions": imposed on a condition, a threat
    imposing_verbs: frozenset[str] = frozenset()  # "impose", "slap": a penalty put on someone
    relieving_verbs: frozenset[str] = frozenset()  # "lift", "ease": a penalty taken off, a promise
    document_nouns: frozenset[str] = frozenset()
    container_verbs: frozenset[str] = frozenset()
    speech_irregular_forms: frozenset[str] = frozenset()
    issue_anaphora: frozenset[str] = frozenset()  # "the proposal", "this plan": an issue named before
    outcome_verbs: frozenset[str] = frozenset()  # "the pact will never pass": said of an issue, opposition
    # Words too general to name what a statement is about: never the key phrase of uncoded statements.
    generic_words: frozenset[str] = frozenset()
    idioms: frozenset[str] = frozenset()
    insufficiency_words: frozenset[str] = frozenset()
    spokesperson_nouns: frozenset[str] = frozenset()
    praise_verbs: frozenset[str] = frozenset()
    unnamed_source_nouns: frozenset[str] = frozenset()
    preference_words: frozenset[str] = frozenset()
    # "a ceasefire was the fastest way to stop the killing": a noun of means judged by its adjective
    means_nouns: frozenset[str] = frozenset()
    means_adjectives: dict[str, int] = field(default_factory=dict)
    # "led by X", "joined by X" on a subject or its verb: X shares the subject's act
    joining_participles: frozenset[str] = frozenset()
    state_roles: frozenset[str] = frozenset()  # "the foreign ministers of Norway and Sweden": the governments
    first_place_nouns: frozenset[str] = frozenset()  # "made a wage rise the centerpiece of her campaign": for it
    affirmative_only_cues: frozenset[str] = frozenset()  # "is not a top priority": no side
    failing_verbs: frozenset[str] = frozenset()  # "failed to block the levy": the attempt's side
    attempted_acts: frozenset[str] = frozenset()  # the infinitives after which a failing verb passes the side on
    exchange_nouns: frozenset[str] = frozenset()  # "would resign in exchange for X": X wanted
    result_verbs: frozenset[str] = frozenset()  # "the levy would make the country safer": for it
    copular_verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # "the cap amounts to a betrayal": as "is a betrayal"
    change_nouns: frozenset[str] = frozenset()  # "the tariffs are a tax increase": an act on the tax, no verdict
    hyphened_participles: frozenset[str] = frozenset()  # "the US-brokered truce": the US for it
    side_prefixes: dict[str, int] = field(default_factory=dict)  # "anti-runway campaigner Lowe": she against it
    side_suffixes: dict[str, int] = field(default_factory=dict)  # "the tax-sceptic minister, Brandt,": he against it
    hyphened_owned_nouns: frozenset[str] = frozenset()  # "a Danish-led push to ...": Denmark's push
    favoured_nouns: frozenset[str] = frozenset()  # "the runway, Ribeiro's pet project,": he for it
    weak_quantity_words: frozenset[str] = frozenset()  # "little appetite for": no side
    vote_answers: frozenset[str] = frozenset()  # "voted no": an answer, not a negation
    answer_words: dict[str, int] = field(default_factory=dict)  # "Asked whether she backs X, Roe said yes": +1 / -1
    ballot_nouns: frozenset[str] = frozenset()  # "voted yes in a referendum": a vote on its own question
    inclusion_preps: frozenset[str] = frozenset()  # "several senators, including Ana Cole, voted": she too
    judging_adverbs: dict[str, int] = field(default_factory=dict)  # "voters rightly / foolishly rejected it": the reporter's side
    inclusion_verbs: frozenset[str] = frozenset()  # "critics of the levy, who include Ana Cole, say": she too
    echo_phrases: frozenset[str] = frozenset()  # "Peru rejected the levy and Chile followed suit": Chile too
    agreement_verbs: dict[str, int] = field(default_factory=dict)  # "Peru rejects the levy. Chile agrees.": Chile too
    view_verbs: dict[str, int] = field(default_factory=dict)  # "Chile shares that view": Chile too
    view_nouns: frozenset[str] = frozenset()  # the views they take: "that view", "Peru's position"
    fact_judgments: dict[str, int] = field(default_factory=dict)  # "regretted that Congress scrapped the levy": for it
    holder_judgments: dict[str, int] = field(default_factory=dict)  # "farmers who back the levy are wrong": against it
    fortune_verbs: dict[str, int] = field(default_factory=dict)  # "farmers would suffer if the governor vetoed it": for it
    censuring_frames: frozenset[str] = frozenset()  # "attacked the bill as a blank check": against it
    lapsing_verbs: frozenset[str] = frozenset()  # "let the credits expire": against them
    authorship_nouns: frozenset[str] = frozenset()  # "Roe, the author of the levy": for it
    issue_receiving_verbs: frozenset[str] = frozenset()  # "the dam faces opposition from Chile"
    # Nouns with a side only as what an issue receives, draws or comes under, +1 or -1 ("the levy
    # drew fire from Chile", "won plaudits from Peru"; "the fire at the plant" takes none).
    received_nouns: dict[str, int] = field(default_factory=dict)
    coming_under_verbs: frozenset[str] = frozenset()  # "the levy came under fire from Chile"
    position_denying_words: frozenset[str] = frozenset()  # "no support from Peru", "hardly any opposition": none
    unreal_position_words: frozenset[str] = frozenset()  # "Peru's support is a myth, Bolivia said": no one's
    absent_position_words: frozenset[str] = frozenset()  # "support from Peru for the levy is a myth": none
    # Head nouns that name the same thing ("talks" and "negotiations"): an issue named again by
    # either ("the peace talks ... the negotiations"), each word -> the words it can stand for.
    head_noun_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verbs read as another word when they take something to or by a quantity: "lift the
    # retirement age to 67" raises it (read as "increase"), "lift the ban" stays "lift"; each verb
    # -> the one word it is then read as.
    quantity_senses: dict[str, frozenset[str]] = field(default_factory=dict)
    state_body_heads: frozenset[str] = frozenset()  # "the Central Bank of Kenya": Kenya's
    document_name_words: frozenset[str] = frozenset()  # "the Clean Air Act says ...": no person
    measure_units: frozenset[str] = frozenset()  # "raised the subsidy by 5 shillings": a measure
    quantity_limit_nouns: frozenset[str] = frozenset()  # "lifted the rent cap to 5 percent": not "increase"
    concessive_preps: frozenset[str] = frozenset()  # "approved the dam over objections from Chile"
    act_renaming_nouns: frozenset[str] = frozenset()  # "Peru imposed the levy, a move Chile condemned"
    making_verbs: frozenset[str] = frozenset()  # "Bolivia made a proposal for a levy": Bolivia's
    describing_nouns: frozenset[str] = frozenset()  # "the levy, a measure she has championed"
    telling_verbs: frozenset[str] = frozenset()  # "declined to say whether she would back the levy"
    staying_verbs: frozenset[str] = frozenset()  # "said the levy would stay": for it
    going_verbs: frozenset[str] = frozenset()  # "the subsidy has to go": against it
    drawing_participles: frozenset[str] = frozenset()  # "imposed the levy, drawing a rebuke from Chile"
    denial_verbs: frozenset[str] = frozenset()  # "Peru denied that the levy faces opposition from Chile"
    # Words that take a side only on a problem an issue acts against ("tackle", "crisis"): word -> 1 or -1
    problem_cues: dict[str, int] = field(default_factory=dict)
    # Words that say whether a problem is real or matters ("hoax", "deny", "ignore", "accept"): their
    # side on a problem is the issue's, not turned round
    reality_words: frozenset[str] = frozenset()
    problem_nouns_only: frozenset[str] = frozenset()  # problem cues read only as nouns ("a challenge", not "challenged")
    # Words of doing that, with a problem named in them or after "on", name the action against it
    # ("climate change legislation", "act on climate change")
    problem_action_words: frozenset[str] = frozenset()
    undecided_idioms: frozenset[str] = frozenset()  # "has not formed a view on the levy": neutral only so
    # Nouns of an aim or attempt whose side on the issue is read inside them ("plans for a levy",
    # "moves to scrap it"): as a subject of nobody's, what they do is judged, not who holds them
    aim_nouns: frozenset[str] = frozenset()
    exemption_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "an exemption from the mandate": against it
    generic_body_nouns: frozenset[str] = frozenset()  # "the group": any body named before
    legislature_words: frozenset[str] = frozenset()  # "Members of Congress": many sides, not the body
    portfolio_titles: frozenset[str] = frozenset()  # "Labour Minister": a portfolio, not the party
    hearsay_nouns: frozenset[str] = frozenset()  # "denied reports that ...": what they say, denied, is no one's view
    decline_nouns: frozenset[str] = frozenset()  # "the decline in support for", "the collapse of": the side turned

    def polarity(self, lemma: str) -> int | None:
        """+1 support, -1 oppose, 0 neutral, None when the word carries no stance."""
        lemma = lemma.lower()
        if lemma in self.oppose:
            return -1
        if lemma in self.support:
            return 1
        if lemma in self.neutral:
            return 0
        return None


COUNTRY_MEMO_SIZE = 50_000  # names whose country_of is remembered (then forgotten, all at once)


@dataclass(eq=False)  # hashed by identity: it keys the pipeline cache
class Knowledge:
    """Everything the rules know about actors and words."""

    people: dict[str, Actor] = field(default_factory=dict)  # lower-cased alias -> person
    organizations: dict[str, Actor] = field(default_factory=dict)  # lower-cased alias -> body
    places: dict[str, str] = field(default_factory=dict)  # lower-cased name/code/capital -> country
    case_sensitive_places: dict[str, str] = field(default_factory=dict)  # codes like "US"
    # States and provinces (lower-cased -> country): they give a person's country ("Texas Gov. Jane
    # Roe", "Sen. Jane Roe of Ohio"), never a mention of the country itself (see province_country).
    provinces: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "russian" -> "Russia"
    country_demonym: dict[str, str] = field(default_factory=dict)  # "Italy" -> "Italian"
    roles: frozenset[str] = frozenset()
    # Political parties (name or word as written -> country): "Democratic presidential candidate
    # Jane Roe" is of the United States. Never places: a party is no government.
    parties: dict[str, str] = field(default_factory=dict)
    # Labels written right after a politician's name that give the country, per country: "(D-Vt.)".
    party_labels: tuple[tuple[BoundedPattern, str], ...] = ()
    # Words that begin other parties' names, read at the start of a sentence where every word is
    # capitalised ("Social Democrats leader ..." is no US Democrat; "Longtime Democratic senator" is).
    party_name_starts: frozenset[str] = frozenset()
    lexicon: Lexicon | None = None
    # country_of's answers by the name asked (the rules ask it of most words, many times)
    _countries: dict[str, str] = field(default_factory=dict, repr=False)
    # The files it was loaded from: the extraction's spaCy components load it again by them.
    actors_path: str = ""
    lexicon_path: str = ""
    # A hash of the bytes of the actors and lexicon files this knowledge was built from: it keys
    # the results made with it (core.corpus.corpus.pipeline_key), so a result is never stored
    # under a key that names other knowledge than the one that made it.
    digest: str = ""

    def country_of(self, name: str) -> str:
        """Canonical country for a country name, code, capital, metonym or demonym ('' if none)."""
        found = self._countries.get(name)
        if found is None:
            if len(self._countries) >= COUNTRY_MEMO_SIZE:
                self._countries.clear()
            found = self._countries[name] = self._country_of(name)
        return found

    def _country_of(self, name: str) -> str:
        key = name.strip()
        if not key:
            return ""  # a line break or a blank token names no country
        if key in self.case_sensitive_places:
            return self.case_sensitive_places[key]
        low = _strip_article(key.lower())
        if not low:
            return ""  # punctuation alone ("’", ".") names no country either
        return self.places.get(low) or self.demonyms.get(low) or ""

    def province_country(self, name: str) -> str:
        """The country of a state or province named as written ("Texas", "New South Wales",
        "Ontario"), '' if none. For a person's country only: "Texas sued" is the state, not the
        United States."""
        return self.provinces.get(" ".join(name.split()).lower(), "")

    def party_country(self, name: str) -> str:
        """The country of a party name or word as written ("Republican", "GOP", "Liberal
        Democrat"), '' if none. Case matters: a "conservative senator" names no party."""
        return self.parties.get(" ".join(name.split()), "")

    def party_word_country(self, tok) -> str:
        """``party_country`` of a token in a phrase: the two-word name of the list ending in it
        first ("Liberal Democrat" is the United Kingdom's), and nothing when the word begins or
        ends a longer name the list does not know ("Liberal Democratic Party", "Republican Guard",
        "Social Democrats" are other countries' parties and bodies): a capitalised word after or
        before it that is not a title of the actors file means another name."""
        following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if following is not None and following.text[:1].isupper() and following.is_alpha \
                and following.lower_ not in self.roles and following.ent_type_ != "PERSON" \
                and not (self.lexicon is not None and following.lower_ in self.lexicon.party_member_nouns):
            return ""  # (but "Labour MPs", "Tory Senators": the party's members)
        if following is not None and self.lexicon is not None and following.lower_ in self.lexicon.portfolio_titles \
                and following.text[:1].isupper():
            return ""  # ("Labour Minister Ana Ruiz", capitalised: the labour portfolio; "a Labour minister": the party's)
        previous = tok.nbor(-1) if tok.i > 0 else None
        if previous is not None:
            two_words = self.party_country(f"{previous.text} {tok.text}")
            if two_words:
                return two_words
            capitalised = previous.text[:1].isupper() and previous.is_alpha and previous.pos_ not in ("DET", "PRON") \
                and previous.lower_ not in self.roles and not self.country_of(previous.text)
            # (a sentence's first word is capitalised anyway: it begins a name only when the actors
            # file lists it as beginning other parties' names, "Social Democrats leader ...",
            # "Christian Democrat ...", not "Former" or "Longtime Democratic ...")
            in_name = not previous.is_sent_start or previous.lower_ in self.party_name_starts
            if capitalised and in_name:
                return ""
        return self.party_country(tok.text)

    def label_country(self, text_after_name: str) -> str:
        """The country a party label right after a name gives ("Jane Roe (D-Vt.) said"), '' if none."""
        text = text_after_name.lstrip()
        for pattern, country in self.party_labels:
            # Time-limited like a codebook pattern; it must match right after the name, and
            # a pattern that matches nothing at all ("x?") gives no one a country.
            found = pattern.search(text)
            if found is not None and found.start() == 0 and found.end() > 0:
                return country
        return ""

    def person(self, name: str) -> Actor | None:
        return self.people.get(_strip_article(name.lower()))

    def organization(self, name: str) -> Actor | None:
        return self.organizations.get(_strip_article(name.lower())) or self.organizations.get(
            name.lower()
        )


def _strip_article(text: str) -> str:
    text = text.strip().strip(".,;:’'\"“”")
    for prefix in ("the ",):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def _country_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """Names, codes, capitals and demonyms of every country from the countryinfo library."""
    places: dict[str, str] = {}
    codes: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    country_demonym: dict[str, str] = {}
    canonical_by_code: dict[str, str] = {}
    entries = countryinfo.all_countries()
    # Several entries can share one ISO code (Wales and the United Kingdom): the entry with a
    # capital and the most alternative spellings is the sovereign country.
    for entry in sorted(entries, key=lambda e: (e.capital() is None, -len(e.alt_spellings() or []))):
        iso = entry.iso() or {}
        code = iso.get("alpha2") or entry.name()
        canonical_by_code.setdefault(code, entry.name())
    # Where several countries share a demonym ("Indian"), the most populous one keeps it.
    def population(entry) -> int:
        try:
            return int(entry.population() or 0)
        except (TypeError, ValueError, KeyError):
            return 0

    for entry in sorted(entries, key=lambda e: -population(e)):
        iso = entry.iso() or {}
        canonical = canonical_by_code.get(iso.get("alpha2") or entry.name(), entry.name())
        places.setdefault(entry.name().lower(), canonical)
        for alt in entry.alt_spellings() or []:
            alt = alt.strip()
            if not alt:
                continue  # the library lists an empty spelling for some countries (Eritrea)
            if len(alt) <= 3 and alt.isupper():
                if len(alt) == 3:  # alpha-3 codes are safe as whole words; alpha-2 clash with English
                    codes.setdefault(alt, canonical)
            elif alt.isascii():
                places.setdefault(alt.lower(), canonical)
        capital = entry.capital()
        if capital and entry.name() == canonical:
            places.setdefault(capital.lower(), canonical)
        demonym = entry.demonym()
        if demonym and entry.name() == canonical:
            demonyms.setdefault(demonym.lower(), canonical)
            country_demonym.setdefault(canonical, demonym)
    return places, codes, demonyms, country_demonym


# The lexicon file's keys are the Lexicon's fields: a new list is a new field, nothing more (its
# shape in the file and how it is read follow from the field's type).
LEXICON_KEYS = frozenset(f.name for f in dataclasses.fields(Lexicon))
ACTORS_KEYS = frozenset({"people", "organizations", "metonyms", "country_aliases", "demonyms", "roles", "parties",
                         "party_labels", "party_name_starts"})

_PERSON = Schema("a person", {
    "name": Key("text", required=True), "aliases": Key("words", "a list of names"),
    "country": Key("text"), "role": Key("text"),
})
_ORGANIZATION = Schema("an organization", {
    "name": Key("text", required=True), "aliases": Key("words", "a list of names"), "country": Key("text"),
})
ACTORS_SCHEMA = Schema("the actors file", {
    "people": Key("entries", "a list of people (- name: ...)", entry=_PERSON),
    "organizations": Key("entries", "a list of organizations (- name: ...)", entry=_ORGANIZATION),
    "metonyms": Key("mapping", "a mapping of places to countries (Kremlin: Russia)", values="text"),
    "country_aliases": Key("mapping", "a mapping of countries to lists of names", values="words"),
    "demonyms": Key("mapping", "a mapping of countries to lists of adjectives (Argentina: [Argentine])", values="words"),
    "roles": Key("words", "a list of roles"),
    "parties": Key("mapping", "a mapping of countries to lists of party names and words (Democratic, Tory)", values="words"),
    "party_labels": Key("mapping", "a mapping of countries to lists of regular expressions read right after a name", values="words"),
    "party_name_starts": Key("words", "a list of words that begin other parties' names (Social, Christian)"),
})
assert set(ACTORS_SCHEMA.keys) == ACTORS_KEYS


def _lexicon_key(name: str) -> Key:
    """The shape of a lexicon key, read from the type of the Lexicon field it fills (so a field
    added to Lexicon needs nothing more here)."""
    kind = _LEXICON_TYPES.get(name, "frozenset[str]")
    if kind == "dict[str, int]":
        return Key("mapping", "a mapping of words to 1 or -1", values="number", listed=True)
    if kind == "dict[str, frozenset[str]]":
        return Key("mapping", "a mapping of words to lists of words", values="words", listed=True)
    return Key("words", "a list of words", listed=True)


_LEXICON_TYPES = {f.name: str(f.type) for f in dataclasses.fields(Lexicon)}


def lexicon_schema() -> Schema:
    """The keys of the lexicon file (LEXICON_KEYS) with the shape each must have."""
    return Schema("the lexicon", {name: _lexicon_key(name) for name in sorted(LEXICON_KEYS)})


def _lexicon_from_dict(data: dict) -> Lexicon:
    """The Lexicon of a lexicon file's data, already checked against :func:`lexicon_schema`
    (which refuses unknown keys and values of the wrong shape with the file and line)."""

    def words(key: str) -> frozenset[str]:
        return frozenset(str(v).lower() for v in data.get(key) or [])

    def weights(key: str) -> dict[str, int]:
        return {str(k).lower(): int(v) for k, v in (data.get(key) or {}).items()}

    def word_lists(key: str) -> dict[str, frozenset[str]]:
        return {str(k).lower(): frozenset(str(p).lower() for p in v or []) for k, v in (data.get(key) or {}).items()}

    readers: dict[str, Callable[[str], Any]] = {"frozenset[str]": words, "dict[str, int]": weights,
                                                "dict[str, frozenset[str]]": word_lists}
    return Lexicon(**{name: readers[kind](name) for name, kind in _LEXICON_TYPES.items()})


def files_digest(*paths: str | Path) -> str:
    """A short hash of the files' contents (a missing file hashes as such); the same hash as
    :attr:`Knowledge.digest` for the actors and lexicon files."""
    contents = []
    for path in paths:
        try:
            contents.append(Path(path).read_bytes())
        except OSError:
            contents.append(b"<missing>")
    return bytes_digest(*contents)


def load_knowledge(actors_path: str | Path | None = None, lexicon_path: str | Path | None = None) -> Knowledge:
    """Build the knowledge base from the actors and lexicon files (the seeds/ ones by default).

    Each file is read once; the knowledge is built from exactly those bytes and carries their
    digest (:attr:`Knowledge.digest`), so whoever keys results by it names the knowledge that made
    them, even when a file is edited meanwhile. Built knowledge is cached by the files' contents:
    an edited file is read again, an unchanged one gives back the same object."""
    actors, lexicon = Path(actors_path or DEFAULT_ACTORS), Path(lexicon_path or DEFAULT_LEXICON)
    actors_bytes, lexicon_bytes = read_bytes(actors), read_bytes(lexicon)
    digest = bytes_digest(actors_bytes, lexicon_bytes)
    key = (str(actors), str(lexicon), digest)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    kb = _build_knowledge(actors, actors_bytes, lexicon, lexicon_bytes, digest)
    with _CACHE_LOCK:
        # Two threads may have built it at once: both get the first one stored, as results are
        # matched to their knowledge by identity (core.extraction.components).
        kb = _CACHE.setdefault(key, kb)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return kb


_CACHE_SIZE = 8
_CACHE: OrderedDict[tuple[str, str, str], Knowledge] = OrderedDict()
# The dashboard's analysis worker loads knowledge in its own thread.
_CACHE_LOCK = threading.Lock()


def _parsed(path: Path, content: bytes, schema: Schema) -> dict:
    """The checked data of a knowledge file from the bytes already read."""
    located: Located = parse_yaml(decode(content, str(path)), str(path))
    if located.data is None:
        located = Located({}, located.lines)  # an empty file is an empty mapping
    schema.check(located.data, str(path), located)
    assert isinstance(located.data, dict)  # checked above
    return located.data


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """The country tables, built once per process (they come from a library, not a user file)."""
    return _country_tables()


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    """The states and provinces of every country from the countryinfo library (lower-cased name ->
    country), built once per process. Left out: a name that is also a country's name, spelling or
    capital ("Georgia", "Berlin") or belongs to two countries ("Punjab", "Central"), and names of
    fewer than four letters."""
    places = _countries()[0]
    owners: dict[str, set[str]] = {}
    for entry in countryinfo.all_countries():
        try:
            names = entry.provinces() or []
        except (KeyError, TypeError, AttributeError):
            continue  # (an entry without the field)
        country = places.get(entry.name().lower())
        if not country:
            continue
        for name in names:
            key = " ".join(str(name).split()).lower()
            if len(key) >= 4 and key.isascii():
                owners.setdefault(key, set()).add(country)
    return {key: next(iter(found)) for key, found in owners.items() if len(found) == 1 and key not in places}


def _build_knowledge(actors_path: Path, actors_bytes: bytes, lexicon_path: Path, lexicon_bytes: bytes,
                     digest: str) -> Knowledge:
    data = _parsed(actors_path, actors_bytes, ACTORS_SCHEMA)
    lexicon = _parsed(lexicon_path, lexicon_bytes, lexicon_schema())
    places, codes, demonyms, country_demonym = (dict(table) for table in _countries())
    kb = Knowledge(places=places, case_sensitive_places=codes, demonyms=demonyms, country_demonym=country_demonym,
                   provinces=dict(_provinces()), digest=digest, actors_path=str(actors_path), lexicon_path=str(lexicon_path))
    _add_actors(kb, data, actors_path.name)
    kb.lexicon = _lexicon_from_dict(lexicon)
    twice = sorted(set(kb.lexicon.experiencer_verbs) & (kb.lexicon.support | kb.lexicon.oppose))
    if twice:
        # the experiencer rule and the support/oppose cue would both turn the side: twice is none
        raise KnowledgeError(f"{lexicon_path}: experiencer_verbs: {', '.join(twice)} also in support or oppose; "
                             "keep each word in one of the two")
    both = sorted(kb.lexicon.act_renaming_nouns & kb.lexicon.describing_nouns)
    if both:
        # a noun renaming the act and one describing the issue read the same clause with opposite
        # sides when the act undoes the issue ("scrapped the levy, a measure Chile condemned")
        raise KnowledgeError(f"{lexicon_path}: act_renaming_nouns and describing_nouns both list {', '.join(both)}; "
                             "keep each noun in one of the two")
    sideless = sorted(i for i in kb.lexicon.idioms if kb.lexicon.polarity(i) is None or len(i.split()) < 2 and "-" not in i)
    if sideless:
        # an idiom is read as one word: it must be several words and say a side
        raise KnowledgeError(f"{lexicon_path}: idioms: {', '.join(sideless)} must be phrases of several words listed "
                             "under support, oppose or neutral too")
    return kb


def _add_actors(kb: Knowledge, data: dict, source: str = "the actors file") -> None:
    """Countries' aliases, metonyms, organizations, people and roles of an actors file."""

    # (the tables change while they are read here: country_of's memory is not used, and emptied after)
    kb._countries.clear()

    def canonical_country(name: str) -> str:
        return kb._country_of(name) or name

    for country, aliases in (data.get("country_aliases") or {}).items():
        canonical = canonical_country(str(country))
        kb.places.setdefault(str(country).lower(), canonical)
        for alias in aliases or []:
            alias = str(alias)
            if len(alias) <= 3 and alias.replace(".", "").isupper():
                kb.case_sensitive_places[alias] = canonical
            else:
                kb.places[_strip_article(alias.lower())] = canonical
    for country, adjectives in (data.get("demonyms") or {}).items():
        canonical = canonical_country(str(country))
        if not kb.country_demonym.get(canonical) and not kb._country_of(canonical):
            raise KnowledgeError(f"{source}: demonyms: {country!r} is not a country the gazetteer knows")
        for adjective in adjectives or []:
            if str(adjective).lower() in kb.places:
                raise KnowledgeError(f"{source}: demonyms: {country}: {adjective!r} is a country's name, not an adjective")
            if " " in str(adjective).strip():
                raise KnowledgeError(f"{source}: demonyms: {country}: {adjective!r} has several words; a demonym is one word")
            kb.demonyms[str(adjective).lower()] = canonical
    for place, country in (data.get("metonyms") or {}).items():
        kb.places[_strip_article(str(place).lower())] = canonical_country(str(country))
    for org in data.get("organizations") or []:
        name = str(org["name"])
        actor = Actor(name, "organization", str(org.get("country") or name), "")
        for alias in [name, *(org.get("aliases") or [])]:
            kb.organizations[_strip_article(str(alias).lower())] = actor
            kb.organizations[str(alias).lower()] = actor
    for person in data.get("people") or []:
        country = str(person.get("country") or "")
        actor = Actor(
            str(person["name"]),
            "person",
            canonical_country(country) if country else "",
            str(person.get("role") or ""),
        )
        for alias in [person["name"], *(person.get("aliases") or [])]:
            kb.people[str(alias).lower()] = actor
    kb.roles = frozenset(str(r).lower() for r in data.get("roles") or [])
    for country, names in (data.get("parties") or {}).items():
        for name in names or []:
            kb.parties[" ".join(str(name).split())] = canonical_country(str(country))
    labels = []
    for country, patterns in (data.get("party_labels") or {}).items():
        for pattern in patterns or []:
            try:
                labels.append((compile_pattern(str(pattern)), canonical_country(str(country))))
            except PatternError as exc:
                raise KnowledgeError(f"{source}: party_labels: {country}: the pattern {str(pattern)[:80]!r} is refused: {exc}") from None
    kb.party_labels = tuple(labels)
    kb.party_name_starts = frozenset(str(w).lower() for w in data.get("party_name_starts") or [])
