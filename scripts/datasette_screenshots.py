"""Serve build/ with a real Datasette and photograph its pages with headless Chromium, so a
person can look at what a visitor sees (column descriptions, search, canned queries).

    python scripts/datasette_screenshots.py [--out /tmp/datasette-shots] [--build build]

Needs datasette (the datasette extra) and a chromium binary (Debian: apt-get install chromium).
Prints one line per screenshot. Nothing leaves the machine: the server listens on 127.0.0.1 and
Chromium runs with background networking, sync and component updates off.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB = "syria_deconfliction"
# (file name, path on the server): the pages an analyst opens first.
PAGES = [
    ("home.png", "/"),
    ("database.png", f"/{DB}"),
    ("events.png", f"/{DB}/events"),
    ("events_flat.png", f"/{DB}/events_flat"),
    ("quotes_search_lavrov.png", f"/{DB}/quotes?_search=Lavrov"),
    ("events_by_actor.png", f"/{DB}/events_by_actor?actor=russia"),
    ("quotes_by_speaker.png", f"/{DB}/quotes_by_speaker?speaker=Lavrov"),
    ("incident_timeline.png", f"/{DB}/incident_timeline?incident_id=russia-begins-air-strikes"),
    ("events_on_a_map.png", f"/{DB}/events_on_a_map"),
]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def datasette(build: Path) -> Iterator[str]:
    """A Datasette serving `build` (a configuration directory); yields its base URL."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(build),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"datasette exited: {proc.stderr.read().decode()[-2000:]}")
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("datasette did not answer within 30 s") from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def screenshot(browser: str, url: str, path: Path, size: str = "1280,1000") -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                        f"--window-size={size}", f"--screenshot={path}", url],
                       check=True, capture_output=True, timeout=120)
    if not path.is_file() or path.stat().st_size == 0:
        raise RuntimeError(f"no screenshot of {url}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "datasette-shots"))
    ap.add_argument("--build", default=str(ROOT / "build"))
    args = ap.parse_args(argv)
    browser = chromium()
    if browser is None:
        print("no chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with datasette(Path(args.build)) as base:
        for name, page in PAGES:
            screenshot(browser, base + page, out / name)
            print(f"{out / name}  <- {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
