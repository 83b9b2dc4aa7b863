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
    source = tmp_path / "node_modules" / "@zazuko" / "yasgui"
    (source / "build").mkdir(parents=True)
    (source / "package.json").write_text(json.dumps({"version": "9.9.9", "license": "MIT"}))
    (source / "build" / "yasgui.min.js").write_text("window.Yasgui = 1;")
    (source / "build" / "yasgui.min.css").write_text(".yasgui {}")
    vendor = tmp_path / "vendor"

    manifest = script.copy_assets(tmp_path, vendor)

    assert (vendor / "yasgui" / "yasgui.min.js").read_text() == "window.Yasgui = 1;"
    assert (vendor / "yasgui" / "yasgui.min.css").read_text() == ".yasgui {}"
    entry = manifest["@zazuko/yasgui"]
    assert entry["version"] == "9.9.9"
    assert entry["files"]["yasgui.min.js"] == hashlib.sha256(b"window.Yasgui = 1;").hexdigest()
    assert json.loads((vendor / "manifest.json").read_text()) == manifest
