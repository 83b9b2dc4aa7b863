"""Command-line options made from the ``Settings`` declarations, so an option, its
environment variable and its README row can never disagree.

An option left out on the command line is passed on as None, so ``Settings.load`` can
fall back to the ``SPACEKG_*`` variable and then the default in one place.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from graph.config import Settings, env_name, kind

PATH_SETTINGS = ("corpus", "ontology", "queries", "store")


def option_name(name: str) -> str:
    """``query_timeout`` -> ``--query-timeout``."""
    return "--" + name.replace("_", "-")


def _option(spec: dataclasses.Field[Any]) -> Callable[..., Any]:
    default, takes = spec.default, kind(spec)
    help_text = f"{spec.metadata['help']} [env: {env_name(spec.name)}]"
    if takes == "flag":
        return click.option(
            option_name(spec.name), spec.name, is_flag=True, default=None, help=help_text
        )
    minimum = spec.metadata["minimum"]
    value_type: Any = {
        "path": click.Path(path_type=Path, file_okay=False),
        "int": click.IntRange(min=minimum),
        "float": click.FloatRange(min=minimum),
        "text": str,
    }[takes]
    return click.option(
        option_name(spec.name),
        spec.name,
        type=value_type,
        default=None,
        help=f"{help_text} [default: {'(empty)' if default in (None, '') else default}]",
    )


def with_settings(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add an option for each named setting and pass the command one ``settings``."""
    fields = {spec.name: spec for spec in dataclasses.fields(Settings)}

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in names}
            try:
                kwargs["settings"] = Settings.load(given)
            except ValueError as exc:  # a SPACEKG_* variable of the wrong type
                raise click.UsageError(str(exc)) from None
            return func(*args, **kwargs)

        for name in reversed(names):
            wrapper = _option(fields[name])(wrapper)
        return wrapper

    return decorate


def with_paths(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --corpus/--ontology/--queries/--store and pass them as one ``paths``."""

    @with_settings(*PATH_SETTINGS)
    @functools.wraps(func)
    def wrapper(*args: Any, settings: Settings, **kwargs: Any) -> Any:
        return func(*args, paths=settings.paths, **kwargs)

    return wrapper
