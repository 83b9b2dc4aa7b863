"""The editor's browser assets: pinned in the npm lock file and copied into the package by
scripts/vendor_assets.py (run by `make assets`)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_script():
    spec = importlib.util.spec_from_file_location(
        "vendor_assets", ROOT / "scripts" / "vendor_assets.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_asset_package_is_pinned_with_an_integrity_hash_in_the_lock_file():
    script = load_script()
    declared = json.loads((ROOT / "package.json").read_text())["dependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    for package in script.ASSETS:
        entry = lock[f"node_modules/{package}"]
        assert entry["version"] == declared[package]
        assert entry["integrity"].startswith("sha512-")


def test_assets_are_copied_with_a_manifest_of_versions_and_checksums(tmp_path):
    script = load_script()
    for package, files in script.ASSETS.items():
        source = tmp_path / "node_modules" / package
        source.mkdir(parents=True)
        (source / "package.json").write_text(json.dumps({"version": "9.9.9", "license": "ISC"}))
        for name in files:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_text(f"/* {package} {name} */")
    vendor = tmp_path / "vendor"

    manifest = script.copy_assets(tmp_path, vendor)

    copied = (vendor / "yasgui" / "yasgui.min.js").read_text()
    assert copied == "/* @zazuko/yasgui build/yasgui.min.js */"
    assert (vendor / "d3" / "d3.min.js").is_file()
    assert (vendor / "world-atlas" / "countries-110m.json").is_file()
    entry = manifest["@zazuko/yasgui"]
    assert entry["version"] == "9.9.9"
    expected = hashlib.sha256(b"/* @zazuko/yasgui build/yasgui.min.css */").hexdigest()
    assert entry["files"]["yasgui.min.css"] == expected
    assert json.loads((vendor / "manifest.json").read_text()) == manifest


def test_the_pictures_libraries_are_vendored_with_a_permissive_licence():
    """No picture depends on a CDN: each library the pages load is vendored from npm."""
    script = load_script()
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    for package in ("d3", "topojson-client", "world-atlas"):
        assert package in script.ASSETS
        assert lock[f"node_modules/{package}"]["license"] in ("ISC", "MIT", "BSD-3-Clause")
