"""Benchmark: how long the home page (with its map, network and timeline) takes to load
on the built graph, beside the 1 s bar of issue 19.

Run by hand, not a test::

    .venv/bin/python benchmarks/home_page_bench.py [--store var/store] [--runs 7]

Without ``--store`` the real corpus is built into a temporary store first. The app is
served as ``spacekg serve`` serves it (query processes, result cache) on a free local
port. Three figures are printed, each a median over ``--runs`` loads after one warm-up:

- server: GET / answered in full (the page's SPARQL queries and its HTML);
- server, cold: the first GET / of a fresh app (no cached answers), once;
- browser: Debian's headless Chromium from navigation until the three pictures are drawn
  (every script, the world boundaries and the drawing included); skipped without
  Chromium or playwright.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from werkzeug.serving import make_server  # noqa: E402

from graph.config import Paths, Settings  # noqa: E402
from server import create_app  # noqa: E402

BAR_SECONDS = 1.0
CHROMIUM = Path("/usr/bin/chromium")
FIGURES = tuple(
    f"#{name}[data-drawn]" for name in ("partner-map", "partner-network", "facts-timeline")
)


def serve(store: Path) -> tuple[str, object]:
    app = create_app(Settings.load({"store": store}, environ={}))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def fetch_seconds(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
    return time.perf_counter() - start


def browser_seconds(url: str, runs: int) -> list[float] | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for _ in range(runs + 1):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            start = time.perf_counter()
            page.goto(url)
            for selector in FIGURES:
                page.locator(selector).wait_for()
            times.append(time.perf_counter() - start)
            page.close()
        browser.close()
    return times[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, help="store root of a build (default: build one)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    store = args.store
    if store is None:
        from graph import pipeline

        store = Path(tempfile.mkdtemp()) / "store"
        pipeline.build(replace(Paths.defaults(ROOT), store=store))

    url, server = serve(store)
    cold = fetch_seconds(url)
    warm = [fetch_seconds(url) for _ in range(args.runs)]
    loads = browser_seconds(url, args.runs)
    server.shutdown()  # type: ignore[attr-defined]

    # the machine's load at the end: on a shared machine the figures scale with it
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    print(f"load average {load} on {os.cpu_count()} cores")
    print(f"{'home page load':<40}{'seconds':>10}{'bar':>8}")
    print(f"{'server, first request (cold)':<40}{cold:>10.3f}{BAR_SECONDS:>8.1f}")
    median = statistics.median(warm)
    print(f"{'server, median of ' + str(args.runs):<40}{median:>10.3f}{BAR_SECONDS:>8.1f}")
    if loads is None:
        print("browser: skipped (no Chromium at /usr/bin/chromium or no playwright)")
    else:
        label = f"browser, pictures drawn, median of {args.runs}"
        print(f"{label:<40}{statistics.median(loads):>10.3f}{BAR_SECONDS:>8.1f}")
        print(f"{'browser, slowest':<40}{max(loads):>10.3f}{BAR_SECONDS:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
