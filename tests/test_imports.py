"""The layout, as the imports say it: ``graph`` builds the graph and knows nothing of the
server or the command line; ``server`` modules import each other without a cycle; only
``cli`` brings the two together. Read from the source with ``ast``, function-level
imports included, so a lazy import cannot hide a dependency."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED: set[str] = set()  # no module of graph/ may reach the server or the command line


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def package_imports(package: str) -> dict[str, set[str]]:
    return {
        module_name(path): imports(path) for path in sorted((ROOT / package).rglob("*.py"))
    }


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("other", ["server", "cli"])
def test_no_graph_module_imports_the_server_or_the_command_line(other: str) -> None:
    offending = {
        module
        for module, names in package_imports("graph").items()
        if any(within(name, other) for name in names)
    }
    assert offending <= ALLOWED


def test_server_modules_import_each_other_without_a_cycle() -> None:
    graph = package_imports("server")
    modules = set(graph)
    edges = {
        module: {name for name in names if name in modules and name != module}
        for module, names in graph.items()
    }
    # The package's __init__ names its modules for Python, not as a dependency.
    edges.pop("server", None)
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(edges.get(module, ())):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_only_the_command_line_imports_both_graph_and_server() -> None:
    both = {
        package
        for package in ("graph", "server", "cli")
        for names in package_imports(package).values()
        if any(within(n, "graph") for n in names) and any(within(n, "server") for n in names)
        and package != "server"
    }
    assert both <= {"cli"}
