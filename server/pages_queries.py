"""The saved queries (``queries/*.rq``) as the home and editor pages offer them: one link
each that opens the query in the editor with its parameters bound, ready to run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from graph.saved_queries import QueryFolder, SavedQuery, editor_text, get_query


@dataclass(frozen=True)
class QueryLink:
    name: str
    title: str
    description: str
    view: str | None = None  # the saved query's ``#+ view:``, for the editor to open it in

    @property
    def editor_href(self) -> str:
        return "/editor?" + urlencode({"saved": self.name})


def query_links(folder: QueryFolder) -> list[QueryLink]:
    """A link for each readable query (the broken ones are listed on /queries)."""
    return [QueryLink(q.name, q.title, q.description, q.view) for q in folder.queries.values()]


def open_in_editor(
    folder: QueryFolder, name: str, values: Mapping[str, str]
) -> tuple[SavedQuery, str]:
    """A saved query and its text with parameter values bound (given ones, else the
    defaults), as the editor should show it.

    :raises QueryError: no such query, or a value of the wrong type.
    """
    query = get_query(folder.queries, name)
    given = {p.name: values[p.name] for p in query.parameters if p.name in values}
    return query, editor_text(query, query.bind(given))
