"""One set of settings for the command line and the server, read from one source.

A setting is declared once (``graph.config.Settings``); the command-line options, the
``SPACEKG_*`` variables and the README's table are made from the declarations, and the
order is fixed: the option, then the variable, then the default. Default folders are the
project's, whatever the current directory.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from graph.config import Settings, env_name, project_root, settings_table

ROOT = Path(__file__).resolve().parent.parent
SPACEKG = Path(sys.executable).with_name("spacekg")
FIELDS = dataclasses.fields(Settings)


def test_the_readme_table_is_the_declared_settings() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings_table() in readme.split("## Settings", 1)[1]


@pytest.mark.parametrize("spec", FIELDS, ids=lambda f: f.name)
def test_every_setting_says_what_it_is_for(spec: dataclasses.Field) -> None:
    assert len(spec.metadata["help"]) > 20
    assert env_name(spec.name) == "SPACEKG_" + spec.name.upper()


def test_every_setting_is_an_option_of_serve() -> None:
    out = subprocess.run([str(SPACEKG), "serve", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for spec in FIELDS:
        assert "--" + spec.name.replace("_", "-") in out.stdout


def test_default_folders_are_the_projects_wherever_we_run(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.load(environ={})
    assert settings.store == project_root() / "var" / "store"
    assert settings.queries == project_root() / "queries"
    assert settings.dumps is None


def test_an_option_wins_over_the_environment_which_wins_over_the_default(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    environ = {"SPACEKG_ROW_LIMIT": "5", "SPACEKG_QUERIES": "mine", "SPACEKG_ACCESS_LOG": "yes"}
    from_env = Settings.load(environ=environ)
    assert from_env.row_limit == 5 and from_env.access_log is True
    assert from_env.queries == tmp_path / "mine"  # given paths are relative to where we are
    given = Settings.load({"row_limit": 7, "queries": None}, environ=environ)
    assert given.row_limit == 7  # None means "not given on the command line"
    assert given.queries == tmp_path / "mine"
    assert Settings.load(environ={}).row_limit == 10000


@pytest.mark.parametrize(
    ("environ", "problem"),
    [({"SPACEKG_ROW_LIMIT": "many"}, "invalid literal"), ({"SPACEKG_WORKERS": "0"}, "at least 1")],
)
def test_a_wrong_value_is_refused(environ: dict[str, str], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Settings.load(environ=environ)


def test_an_unknown_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown settings: rowlimit"):
        Settings.load({"rowlimit": 3}, environ={})


def test_a_wrong_variable_is_one_line_on_the_command_line() -> None:
    out = subprocess.run(
        [str(SPACEKG), "queries"], capture_output=True, text=True,
        env={"SPACEKG_QUERIES": "", "SPACEKG_ROW_LIMIT": "x", "PATH": ""}, timeout=60,
    )
    assert out.returncode != 0 and "Traceback" not in out.stderr
