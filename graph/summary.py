"""The build summary, as printed by ``spacekg build`` and ``spacekg stats``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from graph.store import BuildInfo


def summary_rows(info: BuildInfo) -> list[tuple[str, str]]:
    """(label, value) rows, also used by tests and the HTML home page."""
    rows = [
        ("build", info.build_id),
        ("built at", info.built_at),
        ("time taken", f"{info.seconds:.1f} s"),
        ("triples (merge of all graphs)", str(info.triples)),
        ("quads", str(info.quads)),
    ]
    rows += [(f"entities: {k}", str(v)) for k, v in info.entities.items()]
    rows += [(f"facts: {k}", str(v)) for k, v in info.facts_by_type.items()]
    rows += [(f"facts from {k}", str(v)) for k, v in info.facts_by_document.items()]
    if info.extraction:
        rows.append(
            (
                "documents re-extracted",
                f"{info.extraction['re_extracted']} of {info.extraction['documents']}",
            )
        )
    if "re_validated" in info.extraction:
        rows.append(("documents re-validated", str(info.extraction["re_validated"])))
    if "store_quads_changed" in info.extraction:
        changed = info.extraction["store_quads_changed"]
        rows.append(("quads changed in the previous store's copy", str(changed)))
    verdict = "conforms" if info.conforms else f"{info.violations} violation(s)"
    rows.append(("SHACL validation", verdict))
    rows.append(("unrecognised names to review", str(len(info.unknown_names))))
    return rows


def print_summary(info: BuildInfo, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title="china-space-kg build", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in summary_rows(info):
        table.add_row(label, value)
    console.print(table)
    if info.unknown_names:
        names = Table(
            title="Names near cue words that matched no entity "
            "(add real ones to ontology/reference/)",
            title_justify="left",
        )
        for column in ("name", "document", "offset", "cue"):
            names.add_column(column, overflow="fold")
        for u in info.unknown_names:
            names.add_row(str(u["text"]), str(u["document"]), str(u["start"]), str(u["cue"]))
        console.print(names)
