"""Show the evaluation table at the end of the test run, so the figures appear in the
output without ``-s``."""

from __future__ import annotations

import pytest

TABLES: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for table in TABLES:
        terminalreporter.write_sep("=", "extraction evaluation (whole pipeline, real corpus)")
        terminalreporter.write_line(table)
