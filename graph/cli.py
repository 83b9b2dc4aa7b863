"""Moved: the command line is the top-level ``cli`` package (``spacekg`` runs
``cli.main:main``). This alias keeps ``python -c "from graph.cli import main; main()"``
working for tests/test_curation.py until it names ``cli.main``; nothing else may use it."""

from __future__ import annotations


def main() -> None:
    """Run the ``spacekg`` command (imported here, not at import time, so ``graph`` does
    not depend on the command line)."""
    from cli.main import main as run

    run()
