"""How a subject stands to its verb, beyond its grammatical role: a body's people acting
for it ("astronomers at X have worked with ..."), signing up to a mission (joining it),
or being helped by China to do something (working with China); who did what someone is
thanked for. Used by ``graph.syntactic_roles.syntactic_role`` and the cooperation frames."""

from __future__ import annotations

from spacy.tokens import Token

from graph.prepositional_objects import objects_of
from graph.token_lookup import words_among

# the people of a body, who act for it when they are a clause's subject
_PEOPLE_NOUNS = frozenset(
    {
        "astronomer", "colleague", "engineer", "expert", "physicist", "researcher",
        "scientist", "specialist", "student", "team", "technician", "staff", "group",
    }
)  # fmt: skip


def helped_by_china(verb: Token, china: list[tuple[int, int]]) -> bool:
    """Whether the verb is what China helps the subject do ("China will help Laos
    build ...", "CNSA assisted Peru to develop ...")."""
    helper = verb.head
    if verb.dep_ not in ("ccomp", "xcomp") or helper.lemma_.lower() not in ("help", "assist"):
        return False
    subjects = [c for c in helper.children if c.dep_ == "nsubj"]
    return any(s <= t.idx < e for t in subjects for s, e in china)


def signs_up(verb: Token) -> bool:
    """ "sign up to", "sign on to", "were added to", "acceded to": joining, not signing
    a document."""
    lemma = verb.lemma_.lower()
    if lemma in ("add", "accede", "admit"):
        passive = lemma != "accede"
        return any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children) and (
            not passive or any(c.dep_ == "auxpass" for c in verb.children)
        )
    return lemma == "sign" and any(
        c.lower_ in ("up", "on")
        # ("signed on last year": the parser may take "on" for a preposition)
        and (c.dep_ == "prt" or (c.dep_ == "prep" and not any(c.children)))
        for c in verb.children
    )


_CLASS_LINKS = frozenset({"among", "of"})


def described_clause(verb: Token) -> Token | None:
    """The verb of the clause a copula's subject is described by ("X are among the
    countries that have joined the ILRS", "X is one of the partners that built ...",
    "X was the first country to sign ..."): what the subject did, said of its class."""
    if verb.lemma_.lower() not in ("be", "become", "remain"):
        return None
    nouns = [c for c in verb.children if c.dep_ == "attr"]
    nouns += objects_of(verb, ("among",))
    # "one of the countries": the class is the noun after "of"
    nouns += [p for n in list(nouns) for p in objects_of(n, _CLASS_LINKS)]
    found = next((c for c in map(class_clause, nouns) if c is not None), None)
    if found is None and nouns:
        # "Chile became the latest country to sign up to M", the parser hanging the
        # infinitive on the copula
        found = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("xcomp", "advcl")  # (the parser calls it either)
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
    return found


def class_clause(noun: Token) -> Token | None:
    """The verb of a relative or infinitive clause on a noun ("countries *that joined*
    the ILRS", "the first country *to sign*"): what the noun's members did."""
    for c in noun.children:
        if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX") and c.lemma_ != "be":
            return c
    return None


def said_again(verb: Token) -> bool:
    """Whether the verb only repeats the main clause's ("X have joined the ILRS, as has
    APSCO", "so did Chile"): an auxiliary with "as" or "so" and no verb of its own."""
    return (
        verb.dep_ == "advcl"
        and verb.lemma_.lower() in ("have", "do", "be", "will")
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "so") for c in verb.children)
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr") for c in verb.children)
    )


def acting_people(token: Token) -> bool:
    return people_noun(token) and token.dep_ in ("nsubj", "nsubjpass")


def people_noun(token: Token) -> bool:
    """ "engineers", "scientists", "teams": people who work for a body named after them."""
    return token.lemma_.lower() in _PEOPLE_NOUNS


def thanked_agents(verb: Token) -> list[Token]:
    """Who did what they are thanked for ("thanked the Chinese side for training 45
    Lao technicians"): the object of the thanking verb."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "for":
        return []
    if prep.head.lemma_.lower() not in ("thank", "praise", "commend", "appreciate"):
        return []
    return [c for c in prep.head.children if c.dep_ == "dobj"]


_SAYING = frozenset(
    {"say", "announce", "state", "confirm", "add", "note", "report", "tell", "explain", "stress"}
)


def sayers_pronouns(doc) -> list[tuple[Token, Token]]:
    """(pronoun, sayer) pairs where a body's reported words speak of it as "it" or
    "they" ("NARIT says it will also work with China ...", "ESA said they had
    agreed ..."): the pronoun is the sayer."""
    pairs = []
    for token in words_among(doc, ("it", "they")):
        if token.lower_ not in ("it", "they") or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        clause = token.head
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        saying = clause.head
        if clause.dep_ != "ccomp" or saying.lemma_.lower() not in _SAYING:
            continue
        sayer = next((c for c in saying.children if c.dep_ == "nsubj"), None)
        if sayer is not None:
            pairs.append((token, sayer))
    return pairs
