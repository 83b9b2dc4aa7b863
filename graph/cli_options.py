"""Options shared by the CLI commands, kept apart from the group so that command
modules can import them without importing the group."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from graph.config import Paths


def with_paths(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --corpus/--ontology/--queries/--store (each also read from a SPACEKG_*
    variable) and pass them to the command as one ``paths`` argument."""
    defaults = Paths.defaults()

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["paths"] = Paths(
            corpus=kwargs.pop("corpus_dir"),
            ontology=kwargs.pop("ontology_dir"),
            queries=kwargs.pop("queries_dir"),
            store=kwargs.pop("store_root"),
        )
        return func(*args, **kwargs)

    options = [
        ("corpus", "corpus_dir", defaults.corpus, "Folder with the documents and manifest.toml."),
        (
            "ontology",
            "ontology_dir",
            defaults.ontology,
            "Folder with ontology.ttl, shapes.ttl, reference data.",
        ),
        ("queries", "queries_dir", defaults.queries, "Folder with the saved .rq queries."),
        ("store", "store_root", defaults.store, "Store root (builds/ and the `current` link)."),
    ]
    for name, dest, default, help_text in reversed(options):
        wrapper = click.option(
            f"--{name}",
            dest,
            type=click.Path(path_type=Path, file_okay=False),
            default=default,
            show_default=True,
            envvar=f"SPACEKG_{name.upper()}",
            help=help_text,
        )(wrapper)
    return wrapper
