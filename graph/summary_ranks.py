"""Each row's place in the order of a saved list, made once at build time.

The engine sorts an answer whole before its first row, so a list of 20,000 agreements or
facts made each of its rows, with every lookup a row needs, before the first 10,001 were
sent (the server's row cap): seconds on a graph a thousand times the corpus. A list whose
rows come in the order of one integer the build wrote declares it (``#+ rank: ?rank``)
and the server makes only the rows ranked up to just past the cap (``server/rank_cut.py``),
as top-partners does with ``csk:partnerRank``.

A rank here orders a row's subject as the saved query's own order does, found by
sorting the merged graph on the query's sort keys (the same values, in the same order,
as the server's sort keys of ``server/sort_keys.py`` put them: a literal's datatype, then
its language, then its text), with the subject's IRI last to settle full ties, which the
query's ORDER BY leaves open. Of the subjects of one row (the rows of a GROUP BY) the first
carries the row's rank. A rank is not the row's place but a value that keeps its order
when rows are added (``graph/rank_values.py``: the row's page, then a count a new row
changes only for a few rows after it), so one added article no longer changes thousands
of ranks.

- ``csk:timelineRank`` (agreements-timeline): each agreement by its date (signed, else
  valid from, else the first document that reports it), then its title;
- ``csk:corroborationRank`` (facts-in-several-documents): each fact by its number of
  documents (most first), its class's label, then its label;
- ``csk:activityRank`` (spacecraft-for-other-countries): each row of spacecraft
  activities (the same activity, spacecraft, partner and status) by the activity's
  label, the partner's label and what was built, delivered or launched (the spacecraft's
  label, else the text's description), and the rest of the row's key. The row's first
  activity (by IRI) alone carries it, with the documents of all the row's activities
  (``csk:rowDocumentList``, each once, in IRI order): the query reads
  one activity a row and groups nothing.

A rank makes a list make only the rows it sends, but each row still costs its lookups.
facts-in-several-documents also read each fact's documents and grouped its rows to list
them; the build lists them once per fact (``csk:documentList``: the IRIs of its
``prov:wasDerivedFrom`` documents, space-separated, in IRI order: the query's
GROUP_CONCAT met them in no fixed order, so two builds of the same corpus differed), so a
row is one lookup more instead of a group.

Two more saved queries read what the build writes here:

- organisations-and-mechanisms groups participations per organisation for a status
  parameter. The build makes a node per organisation and status key (each status's
  local name, and "any", the last segment of its IRI,
  ``.../id/organisation-status/<organisation>/<status>``) with the organisation
  (``csk:ofOrganisation``), the roles and the number of documents as the query's
  aggregates make them
  (``csk:roleList``, ``csk:documentCount``) and the node's place among the status's
  nodes in the query's order (``csk:participationRank``: most documents first, then
  the organisation's label).
- find-entity matched a text against every name of every mission, spacecraft, country
  and organisation. The build writes each such entity's names lower-cased in one string
  (``csk:nameText``, one line each), so the query reads one value per entity to find
  those that match, and their names only.
- cooperation-totals lists each total with each passage stating it, ordered by the
  passage's document's date first, so a total stated by two documents has two places.
  The build makes a node per total and passage (``.../id/total-passage/<total>/<evidence>``:
  ``csk:ofTotal``, ``csk:ofEvidence``) with its place in the query's order
  (``csk:totalRank``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from graph.rank_values import RankValues
from graph.vocab import CSK

_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

_PREFIXES = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _by(variable: str) -> str:
    """Sort keys ordering ``variable``'s literals as the server's kind keys do: by
    datatype, language, then text."""
    return f"STR(DATATYPE({variable})) LANG({variable}) STR({variable})"


@dataclass(frozen=True)
class Rank:
    """A rank property and the query listing its subjects in order: ``?subject``, and
    ``?key`` when several subjects may share a row (one rank per distinct key)."""

    name: str
    query: str


_TIMELINE = Rank(
    "timelineRank",
    f"""
SELECT ?subject WHERE {{
  {{
    SELECT ?subject ?title ?signedOn ?validFrom (MIN(STR(?issued)) AS ?firstReported) WHERE {{
      ?subject a csk:Agreement ;
          rdfs:label ?title ;
          prov:wasDerivedFrom/dcterms:issued ?issued .
      OPTIONAL {{ ?subject csk:signedOn ?signedOn }}
      OPTIONAL {{ ?subject csk:validFrom ?validFrom }}
    }}
    GROUP BY ?subject ?title ?signedOn ?validFrom
  }}
}}
ORDER BY COALESCE(STR(?signedOn), STR(?validFrom), ?firstReported) {_by("?title")} STR(?subject)
""",
)

_CORROBORATION = Rank(
    "corroborationRank",
    f"""
SELECT ?subject WHERE {{
  {{
    SELECT ?subject (COUNT(DISTINCT ?document) AS ?documentCount) WHERE {{
      ?subject prov:wasDerivedFrom ?document ;
          a ?class .
      ?class rdfs:subClassOf csk:Fact .
    }}
    GROUP BY ?subject
  }}
  ?subject a ?factClass ;
      rdfs:label ?factLabel .
  ?factClass rdfs:subClassOf csk:Fact ;
      rdfs:label ?factType .
}}
ORDER BY DESC(?documentCount) {_by("?factType")} {_by("?factLabel")} STR(?subject)
""",
)

TOTAL_PASSAGE = "https://w3id.org/china-space-kg/id/total-passage/"
# Each total and passage (evidence) stating it, the row of cooperation-totals, in that
# query's order: by the date of the passage's document, measure, quantity, total,
# document, quote.
_TOTAL_PASSAGES = f"""
SELECT DISTINCT ?total ?evidence WHERE {{
  ?total a csk:CooperationTotal ;
      csk:quantity ?quantity ;
      csk:countedItem ?counted ;
      csk:measure ?measure ;
      csk:evidence ?evidence .
  ?evidence oa:hasSource ?document ;
      oa:hasSelector/oa:exact ?quote .
  ?document dcterms:issued ?issued .
}}
ORDER BY STR(?issued) {_by("?measure")} ?quantity STR(?total) STR(?document) {_by("?quote")}
    STR(?evidence)
"""


# Each spacecraft activity and the key of its row in spacecraft-for-other-countries (the
# same activity, spacecraft, what, partner and status).
_ACTIVITY_ROWS = """
  ?subject a csk:SpacecraftActivity ;
      csk:activity ?activityConcept ;
      csk:partner ?partner ;
      csk:status ?statusConcept .
  ?activityConcept skos:prefLabel ?activityLabel .
  ?statusConcept skos:prefLabel ?status .
  ?partner rdfs:label ?partnerLabel .
  OPTIONAL { ?subject csk:spacecraft ?spacecraft . ?spacecraft rdfs:label ?spacecraftLabel }
  OPTIONAL { ?subject csk:description ?description }
  BIND(COALESCE(?spacecraftLabel, ?description, "spacecraft") AS ?what)
  BIND(CONCAT(STR(?activityConcept), " ", STR(?activityLabel), " ", COALESCE(STR(?spacecraft), ""),
              " ", STR(?what), " ", STR(?partner), " ", STR(?partnerLabel), " ", STR(?status))
       AS ?key)
"""

_ACTIVITY = Rank(
    "activityRank",
    f"""
SELECT ?subject ?key WHERE {{
{_ACTIVITY_ROWS}
}}
ORDER BY {_by("?activityLabel")} {_by("?partnerLabel")} {_by("?what")} ?key STR(?subject)
""",
)


# Per fact: its documents as facts-in-several-documents listed them.
_DOCUMENT_LIST = """
SELECT ?subject (GROUP_CONCAT(DISTINCT STR(?document); separator=" ") AS ?documents) WHERE {
  ?subject prov:wasDerivedFrom ?document ;
      a ?class .
  ?class rdfs:subClassOf csk:Fact .
}
GROUP BY ?subject
"""

# Per entity that find-entity finds: its names (labels and other names), lower-cased as
# the query's filter has them, one a line.
_NAME_TEXT = """
SELECT ?subject (GROUP_CONCAT(DISTINCT LCASE(STR(?name)); separator="\\n") AS ?text) WHERE {
  VALUES ?class { csk:Mission csk:Spacecraft csk:Country csk:Organisation }
  ?subject a ?class ;
      rdfs:label|skos:altLabel ?name .
}
GROUP BY ?subject
"""

ORGANISATION_STATUS = "https://w3id.org/china-space-kg/id/organisation-status/"
ANY_STATUS = "any"
_PARTICIPATION_STATUSES = """
SELECT DISTINCT ?statusConcept WHERE {
  ?participation a csk:Participation ; csk:status ?statusConcept .
}
"""
# Per organisation, for one status key (STATUS): organisations-and-mechanisms's row, its
# roles and documents as the query's aggregates made them, in the query's order.
# COALESCE: the engine gives no value at all to a GROUP_CONCAT that meets an unbound
# variable, so participations that state no role add "" and the REPLACEs drop it.
_PARTICIPATIONS = f"""
SELECT ?subject ?organisationLabel
       (REPLACE(REPLACE(GROUP_CONCAT(DISTINCT COALESCE(?role, ""); separator=", "),
                ", , ", ", "), "^, |, $", "") AS ?roles)
       (COUNT(DISTINCT ?document) AS ?documents)
WHERE {{
  ?participation a csk:Participation ;
      csk:organisation ?subject ;
      csk:status ?statusConcept ;
      prov:wasDerivedFrom ?document .
  FILTER(STATUS = "any" || STRAFTER(STR(?statusConcept), "/status/") = STATUS)
  ?subject rdfs:label ?organisationLabel .
  OPTIONAL {{ ?participation csk:role ?role }}
}}
GROUP BY ?subject ?organisationLabel
ORDER BY DESC(?documents) {_by("?organisationLabel")} STR(?subject)
"""

RANKS = (_TIMELINE, _CORROBORATION, _ACTIVITY)
# for graph/summaries.py to drop
RANK_PROPERTIES = (*(rank.name for rank in RANKS), "participationRank", "totalRank")
# likewise
LIST_PROPERTIES = (
    "documentList",
    "rowDocumentList",
    "nameText",
    "ofOrganisation",
    "roleList",
    "ofTotal",
    "ofEvidence",
)
# what the ranks and lists read (graph/summaries.py loads only their predicates)
QUERIES = (
    *(rank.query for rank in RANKS),
    _DOCUMENT_LIST,
    _NAME_TEXT,
    _PARTICIPATIONS,
    _TOTAL_PASSAGES,
)


def rank_triples(store: ox.Store) -> list[ox.Triple]:
    """The ranks of the store's default graph (the merged graph), in order, one per
    subject and rank property, and each fact's ``csk:documentList``. Summary triples
    already in it change neither."""
    triples = []
    rows: dict[ox.Literal, list] = {}  # a row's key -> its subjects, the first carrying its place
    for rank in RANKS:
        predicate = ox.NamedNode(str(CSK) + rank.name)
        placed: set[ox.NamedNode | ox.BlankNode] = set()
        values = RankValues()
        results = store.query(_PREFIXES + rank.query)
        keyed = any(v.value == "key" for v in results.variables)
        for row in results:
            subject = row["subject"]
            if subject in placed:
                continue
            placed.add(subject)
            if keyed:  # the row's first subject alone carries its place
                rows.setdefault(row["key"], []).append(subject)
                if len(rows[row["key"]]) > 1:
                    continue
            value = values.next(subject.value)
            triples.append(ox.Triple(subject, predicate, ox.Literal(str(value), datatype=_INTEGER)))
    documents = ox.NamedNode(str(CSK) + "documentList")
    lists = {}
    for row in store.query(_PREFIXES + _DOCUMENT_LIST):
        # in IRI order: the engine's GROUP_CONCAT meets them in no fixed order, and a
        # list that changed from build to build changed the build id and made every fact
        # of several documents look changed to the next build's validation
        listed = " ".join(sorted(set(row["documents"].value.split(" "))))
        lists[row["subject"]] = listed
        triples.append(ox.Triple(row["subject"], documents, ox.Literal(listed)))
    triples += _row_documents(rows.values(), lists)
    names = ox.NamedNode(str(CSK) + "nameText")
    for row in store.query(_PREFIXES + _NAME_TEXT):
        # one line a name, sorted: GROUP_CONCAT meets them in no fixed order
        text = "\n".join(sorted(set(row["text"].value.split("\n"))))
        triples.append(ox.Triple(row["subject"], names, ox.Literal(text)))
    return triples + participation_triples(store) + total_passage_triples(store)


def total_passage_node(total: str, evidence: str) -> ox.NamedNode:
    """The node of one total and one passage stating it."""
    return ox.NamedNode(
        f"{TOTAL_PASSAGE}{total.split('/id/', 1)[-1]}/{evidence.split('/id/', 1)[-1]}"
    )


def total_passage_triples(store: ox.Store) -> list[ox.Triple]:
    """Per total and passage stating it: the pair and its rank in cooperation-totals's
    order."""
    of_total, of_evidence, rank = (
        ox.NamedNode(str(CSK) + name) for name in ("ofTotal", "ofEvidence", "totalRank")
    )
    triples = []
    values = RankValues()
    for row in store.query(_PREFIXES + _TOTAL_PASSAGES):
        node = total_passage_node(row["total"].value, row["evidence"].value)
        value = values.next(node.value)
        triples += [
            ox.Triple(node, of_total, row["total"]),
            ox.Triple(node, of_evidence, row["evidence"]),
            ox.Triple(node, rank, ox.Literal(str(value), datatype=_INTEGER)),
        ]
    return triples


def _row_documents(rows, lists: dict) -> list[ox.Triple]:
    """Each row's ``csk:rowDocumentList`` on its first subject: the documents of its
    subjects, each once, in IRI order (as every ``csk:documentList``)."""
    predicate = ox.NamedNode(str(CSK) + "rowDocumentList")
    triples = []
    for subjects in rows:
        listed = sorted({d for s in subjects for d in lists.get(s, "").split(" ") if d})
        triples.append(ox.Triple(subjects[0], predicate, ox.Literal(" ".join(listed))))
    return triples


def organisation_status_node(organisation: str, status: str) -> ox.NamedNode:
    """The node of an organisation's participations with a status (``any``: every one)."""
    return ox.NamedNode(f"{ORGANISATION_STATUS}{organisation.split('/id/', 1)[-1]}/{status}")


def participation_triples(store: ox.Store) -> list[ox.Triple]:
    """Per organisation and status key: its roles, documents and rank in
    organisations-and-mechanisms's order for that key (each key's list ranked alone)."""
    statuses = sorted(
        row["statusConcept"].value.rpartition("/status/")[2]
        for row in store.query(_PREFIXES + _PARTICIPATION_STATUSES)
    )
    term = {
        name: ox.NamedNode(str(CSK) + name)
        for name in (
            "ofOrganisation",
            "roleList",
            "documentCount",
            "participationRank",
        )
    }
    triples = []
    for status in (ANY_STATUS, *statuses):
        query = _PARTICIPATIONS.replace("STATUS", str(ox.Literal(status)))
        placed: set[ox.NamedNode] = set()
        values = RankValues()
        for row in store.query(_PREFIXES + query):
            organisation = row["subject"]
            if organisation in placed:  # a second label: the first is its row's place
                continue
            placed.add(organisation)
            node = organisation_status_node(organisation.value, status)
            value = values.next(node.value)
            triples += [
                ox.Triple(node, term["ofOrganisation"], organisation),
                ox.Triple(node, term["roleList"], row["roles"]),
                ox.Triple(node, term["documentCount"], row["documents"]),
                ox.Triple(
                    node, term["participationRank"], ox.Literal(str(value), datatype=_INTEGER)
                ),
            ]
    return triples
