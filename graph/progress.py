"""Progress display for long commands: a rich progress bar on a terminal, nothing
otherwise (CI logs get the summary only)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def stage_progress(
    stages: Sequence[str], *, enabled: bool = True
) -> Iterator[Callable[[str], None]]:
    """Yield a callback that advances one bar step per named stage; its ``documents``
    attribute, called with (done, total), shows a second bar for a per-document stage."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _stage: None
        return
    columns = (TextColumn("{task.description:<16}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(stages[0], total=len(stages))
        seen: list[str] = []

        def advance(stage: str) -> None:
            if seen:
                bar.advance(task)
            seen.append(stage)
            bar.update(task, description=stage)

        documents = bar.add_task("documents", total=None, visible=False)

        def per_document(done: int, total: int) -> None:
            bar.update(documents, completed=done, total=total, visible=done < total)

        advance.documents = per_document  # type: ignore[attr-defined]
        yield advance
        bar.update(task, completed=len(stages))
