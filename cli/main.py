"""The ``spacekg`` entry point: domain errors and interrupts become one line on stderr
and an exit status; nothing here prints a traceback for a mistake a user can fix.

The commands (``cli.commands``) are imported inside the error handling, since loading
them (the parser, rdflib) takes a second or two and Ctrl-C may come then.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType
from typing import Any

from graph.errors import SpaceKGError

_MAIN_PROCESS = os.getpid()


def __getattr__(name: str) -> Any:
    """``from cli.main import cli``: the command group, loaded when first asked for."""
    if name == "cli":
        from cli.commands import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C reaches the whole process group: the main process stops with one line; a
    helper process forked from it (the parser's second process, the extraction
    workers) ends quietly instead of printing its own traceback."""
    if os.getpid() != _MAIN_PROCESS:
        os._exit(128 + signum)
    raise KeyboardInterrupt


def main() -> None:
    """Entry point: run the group, turning domain errors and Ctrl-C into one line."""
    global _MAIN_PROCESS
    _MAIN_PROCESS = os.getpid()
    signal.signal(signal.SIGINT, _on_interrupt)
    try:
        code = _run()
    except KeyboardInterrupt:
        building = sys.argv[1:2] == ["build"]
        tail = "; the previous graph is still in place" if building else ""
        sys.stderr.write(f"interrupted{tail}\n")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


def _run() -> Any:
    """Load the commands (click included: loading is where an early Ctrl-C lands) and
    run the one asked for."""
    import click

    from cli.commands import cli

    try:
        return cli.main(standalone_mode=False)
    except SpaceKGError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        raise KeyboardInterrupt from None
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
