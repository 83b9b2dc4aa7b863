"""Domain errors: each carries one line a person can act on; the CLI prints it and
exits with ``exit_code``, the server answers with ``status`` and the line (one error
handler, in the format the client asked for). Nothing here should ever reach a user as
a traceback."""

from __future__ import annotations


class SpaceKGError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 1
    status = 500
    headers: dict[str, str] = {}  # noqa: RUF012 (extra response headers, read-only)


class CorpusError(SpaceKGError):
    """A corpus file or manifest entry cannot be used."""

    exit_code = 2


class CurationError(SpaceKGError):
    """A curation entry is wrong (e.g. its quote is not in the named document)."""

    exit_code = 2


class InputError(SpaceKGError):
    """An RDF file or other user input cannot be read (missing, syntax, format)."""

    exit_code = 2
    status = 400


class ValidationFailed(SpaceKGError):
    """The graph does not conform to the shapes."""

    exit_code = 1


class StoreError(SpaceKGError):
    """The store is missing, locked or unreadable."""

    exit_code = 2
    status = 503


class QueryError(SpaceKGError):
    """A query or a parameter value is wrong."""

    exit_code = 2
    status = 400
