"""A validation ``Report`` in the three forms people and machines read.

- text: violations grouped by shape, each with focus node, path, value and message,
  IRIs shortened with the project's prefixes, and a count line;
- turtle: the W3C ``sh:ValidationReport`` itself, for tools that speak SHACL;
- junit: JUnit XML, one test case per shape and focus node, so a CI system lists each
  violation as a failed test (and each shape that held as a passed one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from junitparser import Failure, JUnitXml, TestCase, TestSuite

from graph.validate import SHAPES, Report, Violation
from graph.vocab import PREFIXES

FORMATS = ("text", "turtle", "junit")
_PREFIXES = {**PREFIXES, "shape": str(SHAPES)}
_VALUE_SHOWN = 120


def compact(iri: str | None) -> str:
    """``https://w3id.org/china-space-kg/ontology#partner`` -> ``csk:partner``."""
    if iri is None:
        return "-"
    for prefix, ns in sorted(_PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>" if ":" in iri else iri


def _by_shape(violations: Iterable[Violation]) -> dict[str, list[Violation]]:
    groups: dict[str, list[Violation]] = defaultdict(list)
    for v in violations:
        groups[v.shape].append(v)
    return dict(sorted(groups.items()))


def _value(value: str | None) -> str:
    if value is None:
        return "-"
    shown = compact(value) if value.startswith(("http://", "https://")) else repr(value)
    return shown if len(shown) <= _VALUE_SHOWN else shown[: _VALUE_SHOWN - 3] + "..."


def count_line(report: Report) -> str:
    if report.conforms:
        return "conforms: 0 violations"
    shapes = len({v.shape for v in report.violations})
    return (
        f"does not conform: {len(report.violations)} violation(s) of {shapes} shape(s), "
        f"on {len({v.focus for v in report.violations})} node(s)"
    )


def to_text(report: Report) -> str:
    """Readable report: one block per shape, one entry per violation."""
    lines: list[str] = []
    for shape, violations in _by_shape(report.violations).items():
        lines.append(f"{compact(shape)}  ({len(violations)})")
        for v in violations:
            lines.append(f"  - focus    {compact(v.focus)}")
            lines.append(f"    path     {compact(v.path)}")
            lines.append(f"    value    {_value(v.value)}")
            lines.append(f"    message  {v.message}")
            if v.severity != "Violation":
                lines.append(f"    severity {v.severity}")
        lines.append("")
    lines.append(count_line(report))
    return "\n".join(lines) + "\n"


def to_turtle(report: Report) -> str:
    """The W3C ``sh:ValidationReport`` in Turtle."""
    graph = report.graph
    for prefix, ns in _PREFIXES.items():
        graph.bind(prefix, ns, override=False)
    return graph.serialize(format="turtle")


def to_junit(report: Report, shapes: Iterable[str] = ()) -> str:
    """JUnit XML: a failing test case per (shape, focus node) with violations, and a
    passing one per listed shape that had none."""
    suite = TestSuite("china-space-kg SHACL validation")
    groups = _by_shape(report.violations)
    for shape in sorted(set(shapes) - set(groups)):
        suite.add_testcase(TestCase(name="conforms", classname=compact(shape)))
    for shape, violations in groups.items():
        by_focus: dict[str, list[Violation]] = defaultdict(list)
        for v in violations:
            by_focus[v.focus].append(v)
        for focus, found in sorted(by_focus.items()):
            case = TestCase(name=compact(focus), classname=compact(shape))
            results = []
            for v in found:
                failure = Failure(v.message, v.component)
                failure.text = (
                    f"focus: {compact(v.focus)}\npath: {compact(v.path)}\n"
                    f"value: {_value(v.value)}\nseverity: {v.severity}\n"
                    f"component: {v.component}\n"
                )
                results.append(failure)
            case.result = results
            suite.add_testcase(case)
    suite.update_statistics()
    xml = JUnitXml("spacekg validate")
    xml.add_testsuite(suite)
    xml.update_statistics()
    return xml.tostring().decode("utf-8")


def render(report: Report, fmt: str, shapes: Iterable[str] = ()) -> str:
    """The report in one of ``FORMATS``."""
    if fmt == "text":
        return to_text(report)
    if fmt == "turtle":
        return to_turtle(report)
    if fmt == "junit":
        return to_junit(report, shapes)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
