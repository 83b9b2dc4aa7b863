"""pySHACL without the work whose result this project never reads.

Two costs of pySHACL grow with the number of focus nodes and give nothing here:

- For every focus node of a SPARQL-based constraint, pySHACL checks the query text again
  for what SHACL forbids in one (MINUS, VALUES, SERVICE, a nested SELECT, ``AS $this``):
  nine regular expressions, some backtracking over the whole text (about a millisecond a
  node; 7 s of ``SummaryCount`` on the union of 1,000 documents). The answer depends only
  on the text and on which variables may be pre-bound, so it is worked out once per
  process for each.
- For every result, the failed alternatives of ``sh:or`` and the results ``sh:not``
  expects included, pySHACL writes a paragraph of its text report (each node spelled
  out through the namespace manager). The project reads the report graph and never that
  text (``graph.validate.run_pyshacl`` drops it), so the paragraph is left empty. The
  report graph is made from the same result triples as before, unchanged.

And one cost grows with a document's evidence: the document shapes' SPARQL constraints,
which rdflib evaluates as generic queries, are first tried in Python
(``graph.validate_sparql_empty``); a query shown to have no solution there is not
evaluated, every other one is, as before.

And a qualified count of values of one class (``sh:qualifiedValueShape [ sh:class C ]``)
is counted with pySHACL's own class test rather than by validating each value as a
shape and writing a result, which pySHACL drops, for each value of another class; a
count out of bounds is evaluated by pySHACL as before.

And an ``sh:or`` whose members each say only ``sh:class C`` or ``sh:datatype D`` (a
partner is a country or an organisation; an offset an integer) first tests each value
with pySHACL's own class and datatype tests: pySHACL validates every member as a shape
for every value (most of a cold build's whole-graph time at 1,000 documents, and of a
large document's own shapes) and writes a result, which it drops, for each member that
fails. A value no member is shown to accept is evaluated by pySHACL as before.

``install`` is idempotent and changes only those five methods.
"""

from __future__ import annotations

from typing import Any

from pyshacl.constraints.constraint_component import ConstraintComponent
from pyshacl.constraints.core.logical_constraints import OrConstraintComponent
from pyshacl.constraints.core.shape_based_constraints import QualifiedValueShapeConstraintComponent
from pyshacl.constraints.core.value_constraints import DatatypeConstraintComponent
from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graph.validate_sparql_empty import shown_empty
from graph.vocab import SH

_ORIGINAL_CHECK = SPARQLQueryHelper.check_invalid_sparql
_ORIGINAL_DESCRIPTION = ConstraintComponent.make_v_result_description
_ORIGINAL_QUERY = SPARQLBasedConstraint._validate_sparql_query
_ORIGINAL_QUALIFIED = QualifiedValueShapeConstraintComponent._evaluate_value_shape
_ORIGINAL_OR = OrConstraintComponent._evaluate_or_constraint
_checked: set[tuple[str, bool, frozenset[str]]] = set()


def _check_invalid_sparql_once(
    self: SPARQLQueryHelper, sparql_text: str, valuenode: Any = None, extravars: Any = None
) -> bool:
    """``check_invalid_sparql``, remembered for the texts and variables that passed (a
    text that fails raises, every time, as before)."""
    try:
        key = (sparql_text, valuenode is not None, frozenset(extravars or ()))
    except TypeError:  # variables that cannot be hashed: check as pySHACL does
        return _ORIGINAL_CHECK(self, sparql_text, valuenode=valuenode, extravars=extravars)
    if key not in _checked:
        _ORIGINAL_CHECK(self, sparql_text, valuenode=valuenode, extravars=extravars)
        _checked.add(key)
    return True


def _no_description(self: ConstraintComponent, *args: Any, **kwargs: Any) -> str:
    """The text report's paragraph for a result: nothing, since no one reads it."""
    return ""


def _query_unless_shown_empty(
    self: SPARQLBasedConstraint, query: str, init_binds: Any, target_graph: Any
) -> list:
    """pySHACL's evaluation of a SPARQL constraint, unless it is shown to find nothing."""
    if shown_empty(query, init_binds, target_graph):
        return []
    return _ORIGINAL_QUERY(self, query, init_binds, target_graph)


def _only_class(shapes: Any, shape: Any) -> URIRef | None:
    """The class C of a shape that says nothing but ``sh:class C`` (``[ sh:class C ]``)."""
    said = [
        (p, o) for p, o in shapes.predicate_objects(shape) if (p, o) != (RDF.type, SH.NodeShape)
    ]
    if len(said) == 1 and said[0][0] == SH["class"] and isinstance(said[0][1], URIRef):
        return said[0][1]
    return None


def _instance(graph: Any, node: Any, cls: URIRef) -> bool:
    """pySHACL's own test of ``sh:class`` (``_evaluate_class_rules_rdflib``)."""
    if isinstance(node, Literal):
        return False
    for ctype in graph.objects(node, RDF.type):
        if ctype == cls or cls in graph.transitive_objects(ctype, RDFS.subClassOf):
            return True
    return False


def _qualified_by_class(
    self: QualifiedValueShapeConstraintComponent,
    executor: Any,
    v_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict,
    potentially_recursive: Any,
    evaluation_path: list,
) -> tuple[bool, list]:
    """A qualified count of values of one class (``sh:qualifiedValueShape [ sh:class C ]``,
    the evidence shapes: two selectors a passage, each validated as a shape, and a
    result written for the one of the other class, which pySHACL then drops): counted
    directly; where a count is out of bounds pySHACL evaluates it, as before."""
    cls = _only_class(self.shape.sg.graph, v_shape)
    if cls is None or executor.sparql_mode or self.is_disjoint or potentially_recursive:
        return _ORIGINAL_QUALIFIED(
            self,
            executor,
            v_shape,
            target_graph,
            focus_value_nodes,
            potentially_recursive,
            evaluation_path,
        )
    for values in focus_value_nodes.values():
        count = sum(1 for v in values if _instance(target_graph, v, cls))
        if (self.max_count is not None and count > self.max_count) or (
            self.min_count is not None and count < self.min_count
        ):
            return _ORIGINAL_QUALIFIED(
                self,
                executor,
                v_shape,
                target_graph,
                focus_value_nodes,
                potentially_recursive,
                evaluation_path,
            )
    return False, []


def _only(shapes: Any, shape: Any) -> tuple[URIRef, URIRef] | None:
    """``(sh:class, C)`` or ``(sh:datatype, D)`` of a shape that says nothing else."""
    said = [
        (p, o) for p, o in shapes.predicate_objects(shape) if (p, o) != (RDF.type, SH.NodeShape)
    ]
    if (
        len(said) == 1
        and said[0][0] in (SH["class"], SH.datatype)
        and isinstance(said[0][1], URIRef)
    ):
        return said[0]
    return None


def _accepts(graph: Any, node: Any, test: tuple[URIRef, URIRef]) -> bool:
    """Whether pySHACL's own test of ``sh:class`` or ``sh:datatype`` accepts ``node``
    (a datatype only where the literal's is the same IRI: pySHACL's first case)."""
    kind, value = test
    if kind == SH["class"]:
        return _instance(graph, node, value)
    return (
        isinstance(node, Literal)
        and node.datatype == value
        and getattr(node, "ill_typed", None) is not True
        and bool(DatatypeConstraintComponent._assert_actual_datatype(None, node, value))  # type: ignore[arg-type]
    )


def _or_by_member_tests(
    self: OrConstraintComponent,
    executor: Any,
    or_c: Any,
    target_graph: Any,
    focus_value_nodes: dict,
    evaluation_path: list,
) -> tuple[bool, list]:
    """``sh:or`` of class and datatype members: the values some member accepts by its
    own test pass (as they would); pySHACL evaluates the others, as before."""
    sg = self.shape.sg
    members = list(sg.graph.items(or_c))
    tests = [_only(sg.graph, m) for m in members]
    if (
        executor.sparql_mode
        or not members
        or any(sg.is_filtered_out_shape(m) for m in members)
        or any(t is None for t in tests)
    ):
        return _ORIGINAL_OR(self, executor, or_c, target_graph, focus_value_nodes, evaluation_path)
    left = {}
    for focus, values in focus_value_nodes.items():
        rest = [v for v in values if not any(_accepts(target_graph, v, t) for t in tests)]  # type: ignore[arg-type]
        if rest:
            left[focus] = rest
    if not left:
        return False, []  # (non-conformant, reports), as pySHACL answers
    return _ORIGINAL_OR(self, executor, or_c, target_graph, left, evaluation_path)


def install() -> None:
    """Leave out pySHACL's repeated query checks, its text report and the evaluation of
    document constraints shown to find nothing (idempotent)."""
    SPARQLQueryHelper.check_invalid_sparql = _check_invalid_sparql_once  # type: ignore[method-assign]
    ConstraintComponent.make_v_result_description = _no_description  # type: ignore[method-assign]
    SPARQLBasedConstraint._validate_sparql_query = _query_unless_shown_empty  # type: ignore[method-assign]
    QualifiedValueShapeConstraintComponent._evaluate_value_shape = _qualified_by_class  # type: ignore[method-assign]
    OrConstraintComponent._evaluate_or_constraint = _or_by_member_tests  # type: ignore[method-assign]
