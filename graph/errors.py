"""Domain errors: each carries one line a person can act on; the CLI prints it and
exits, the server turns it into a status code. Nothing here should ever reach a user
as a traceback."""

from __future__ import annotations


class SpaceKGError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 1


class CorpusError(SpaceKGError):
    """A corpus file or manifest entry cannot be used."""

    exit_code = 2


class CurationError(SpaceKGError):
    """A curation entry is wrong (e.g. its quote is not in the named document)."""

    exit_code = 2


class InputError(SpaceKGError):
    """An RDF file or other user input cannot be read (missing, syntax, format)."""

    exit_code = 2


class ValidationFailed(SpaceKGError):
    """The graph does not conform to the shapes."""

    exit_code = 1


class StoreError(SpaceKGError):
    """The store is missing, locked or unreadable."""

    exit_code = 2


class QueryError(SpaceKGError):
    """A query or a parameter value is wrong."""

    exit_code = 2
