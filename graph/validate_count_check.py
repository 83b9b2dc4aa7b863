"""Shape ``SummaryCount``'s query answered from the union's lines, in Python.

Its query reads ``$this ?count ?value``: a pattern whose predicate is a variable, so the
engine's store for the first pass (``graph.validate_targets.engine_first``) had to hold
every triple of the union (200,000 on a 10 MB document's graph, a second of loading)
although its other queries read a few thousand. The count is a plain test of each node's
own values, which validation has already read per subject as N3 strings
(``graph.validate_lines``): every count predicate of a node has one value, a
non-negative ``xsd:integer`` as the build writes it. A node with anything else (two
values, another datatype, a sign, a blank node) is flagged: a superset of the nodes the
query finds, which pySHACL then validates with the shape's own SPARQL, as before.
``tests/test_validate_count_check.py`` holds the check to the query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from graph.summaries import SUMMARY_PROPERTIES
from graph.validate_sparql_empty import known_query

CSK = "https://w3id.org/china-space-kg/ontology#"
# the summaries' count and rank properties, the shape's own list
COUNTS = frozenset(f"<{CSK}{name}>" for name in SUMMARY_PROPERTIES)
# a non-negative integer as rdflib writes an int (the query compares it with 0)
_COUNT = re.compile(r'"[0-9]+"\^\^<http://www\.w3\.org/2001/XMLSchema#integer>')

BySubject = Mapping[str, Collection[tuple[str, str]]]  # subject -> (predicate, object), N3


def count_nodes(by_subject: BySubject) -> set[str] | None:
    """The subjects of a count predicate whose counts are not each one well-formed
    non-negative integer; ``None`` when one is a blank node (pySHACL validates all)."""
    found: set[str] = set()
    match = _COUNT.fullmatch
    for node, outgoing in by_subject.items():
        seen: set[str] = set()
        for predicate, obj in outgoing:
            if predicate not in COUNTS:
                continue
            if not node.startswith("<"):
                return None
            if predicate in seen or not match(obj):
                found.add(node)
                break
            seen.add(predicate)
    return found


KNOWN = {
    """SELECT $this ?count ?value WHERE {
                $this csk:factCount|csk:areaCount|csk:missionCount|csk:documentCount
                    |csk:cooperationCount|csk:agreementCount|csk:partnerCount
                    |csk:ownFactCount|csk:partnerRank
                    |csk:timelineRank|csk:corroborationRank|csk:activityRank
                    |csk:participationRank|csk:totalRank|csk:passageRank ?value .
                $this ?count ?value .
                FILTER (?count IN (csk:factCount, csk:areaCount, csk:missionCount,
                                   csk:documentCount, csk:cooperationCount, csk:agreementCount,
                                   csk:partnerCount, csk:ownFactCount, csk:partnerRank,
                                   csk:timelineRank, csk:corroborationRank, csk:activityRank,
                                   csk:participationRank, csk:totalRank, csk:passageRank))
                FILTER (DATATYPE(?value) != xsd:integer || ?value < 0
                        || EXISTS { $this ?count ?other . FILTER (?other != ?value) })
            }""": count_nodes,
}


def check_for(query: str) -> Callable[[BySubject], set[str] | None] | None:
    """The check of ``SummaryCount``'s query as the engine runs it, or None
    (``validate_sparql_empty.known_query``: its text, whitespace aside, and prefixes)."""
    return known_query(query, KNOWN)
