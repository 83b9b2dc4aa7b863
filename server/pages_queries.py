"""The saved queries (``queries/*.rq``) as the home and editor pages list them.

Only the header lines a person reads are parsed here (``#+ title:``, ``#+ description:``);
running and binding parameters is the saved-query API's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    text: str

    @property
    def editor_href(self) -> str:
        return f"/editor?saved={self.name}"


def read_saved_queries(folder: Path) -> list[SavedQuery]:
    """Every ``.rq`` file of ``folder`` in name order; a missing folder has none."""
    if not folder.is_dir():
        return []
    return [
        parse_saved_query(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.rq"))
    ]


def parse_saved_query(name: str, text: str) -> SavedQuery:
    """Title and description from the ``#+ key: value`` header; the text unchanged."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#+"):
            if stripped and not stripped.startswith("#"):
                break
            continue
        key, _, value = stripped[2:].partition(":")
        key = key.strip().lower()
        if key in ("title", "description") and key not in header:
            header[key] = value.strip()
    return SavedQuery(
        name=name,
        title=header.get("title") or name.replace("-", " "),
        description=header.get("description", ""),
        text=text,
    )


def find_saved_query(folder: Path, name: str) -> SavedQuery | None:
    for query in read_saved_queries(folder):
        if query.name == name:
            return query
    return None
