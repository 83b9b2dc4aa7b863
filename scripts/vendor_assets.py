"""Copy the pages' browser assets from node_modules into the Flask package.

Run by ``make assets`` (part of ``make install``) after ``npm ci`` has installed the
exact versions in package-lock.json, so the editor and the pictures (timeline, network,
world map) need no CDN and work offline.
The copies are build output (git-ignored); ``manifest.json`` beside them records what was
copied, from which package version, with checksums.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "server" / "static" / "vendor"
# package -> files of it that the pages load
ASSETS = {
    "@zazuko/yasgui": ("build/yasgui.min.js", "build/yasgui.min.css"),
    # the pictures: scales, axes, force layout, zoom and map projections in one file
    "d3": ("dist/d3.min.js",),
    "topojson-client": ("dist/topojson-client.min.js",),
    # Natural Earth country boundaries keyed by ISO 3166-1 numeric code; the 50m file
    # is read only for partners too small for the 110m one
    "world-atlas": ("countries-110m.json", "countries-50m.json"),
}


def npm_ci(root: Path) -> None:
    """Install node_modules exactly as locked (skipped when they already match the lock
    file); lifecycle scripts are not needed."""
    installed = root / "node_modules" / ".package-lock.json"
    lock = root / "package-lock.json"
    if installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise FileNotFoundError(
            "npm not found: the SPARQL editor falls back to a plain form; install Node.js "
            "with npm (Debian: apt-get install npm) and run `make assets`"
        )
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
        cwd=root,
        check=True,
    )


def copy_assets(root: Path, vendor: Path) -> dict[str, object]:
    """Copy each asset to ``vendor/<package name>/``; returns the manifest written."""
    manifest: dict[str, object] = {}
    for package, files in ASSETS.items():
        source = root / "node_modules" / package
        meta = json.loads((source / "package.json").read_text(encoding="utf-8"))
        target = vendor / package.rsplit("/", 1)[-1]
        target.mkdir(parents=True, exist_ok=True)
        copied = {}
        for name in files:
            data = (source / name).read_bytes()
            (target / Path(name).name).write_bytes(data)
            copied[Path(name).name] = hashlib.sha256(data).hexdigest()
        manifest[package] = {
            "version": meta["version"],
            "license": meta.get("license"),
            "homepage": meta.get("homepage"),
            "files": copied,
        }
    (vendor / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str]) -> int:
    if "--no-install" not in argv:
        try:
            npm_ci(ROOT)
        except FileNotFoundError as exc:
            print(f"warning: {exc}", file=sys.stderr)
            return 0
        except subprocess.CalledProcessError as exc:
            print(f"error: npm ci failed (exit {exc.returncode}); see its output above")
            return 1
    manifest = copy_assets(ROOT, VENDOR)
    for package, info in manifest.items():
        print(f"vendored {package} {info['version']} into {VENDOR.relative_to(ROOT)}")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
