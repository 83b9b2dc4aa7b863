"""The saved queries (``queries/*.rq``) as the home and editor pages offer them: one link
each that opens the query in the editor with its parameters bound, ready to run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from graph.errors import QueryError
from graph.saved_queries import SavedQuery, editor_text, parse_query


@dataclass(frozen=True)
class QueryLink:
    name: str
    title: str
    description: str

    @property
    def editor_href(self) -> str:
        return "/editor?" + urlencode({"saved": self.name})


def read_saved_queries(folder: Path) -> list[SavedQuery]:
    """Every valid ``.rq`` file of ``folder`` in name order (a broken file is left out
    here; ``spacekg queries`` and the query API report it)."""
    if not folder.is_dir():
        return []
    queries = []
    for path in sorted(folder.glob("*.rq")):
        try:
            queries.append(parse_query(path.stem, path.read_text(encoding="utf-8"), path))
        except (QueryError, OSError, UnicodeDecodeError):
            continue
    return queries


def query_links(folder: Path) -> list[QueryLink]:
    return [QueryLink(q.name, q.title, q.description) for q in read_saved_queries(folder)]


def open_in_editor(folder: Path, name: str, values: Mapping[str, str]) -> tuple[SavedQuery, str]:
    """A saved query and its text with parameter values bound (given ones, else the
    defaults), as the editor should show it.

    :raises QueryError: no such query, or a value of the wrong type.
    """
    for query in read_saved_queries(folder):
        if query.name == name:
            given = {p.name: values[p.name] for p in query.parameters if p.name in values}
            return query, editor_text(query, query.bind(given))
    raise QueryError(f"there is no saved query named {name!r}")
