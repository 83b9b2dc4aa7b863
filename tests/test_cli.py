"""Every command documents itself and turns mistakes into one line, not a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli.main import cli

COMMAND_NAMES = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert cli.commands[name].help, f"`spacekg {name}` has no help text"
    assert "Usage:" in result.output


def test_the_group_lists_its_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    for name in COMMAND_NAMES:
        assert name in result.output


def test_an_unknown_command_is_one_line_with_a_hint(tmp_path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", "from cli.main import main; main()", "biuld"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "No such command" in proc.stderr
