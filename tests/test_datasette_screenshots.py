"""A real Datasette over the committed build, photographed by headless Chromium: the pages
render, rows start near the top of a table page, and quote search finds a speaker by name.
Skips when datasette or chromium is missing (apt-get install chromium)."""

from __future__ import annotations

import importlib.util
import json
import sys
import urllib.parse
import urllib.request

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import datasette_screenshots as shots  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("datasette") is None, reason="no datasette"),
    pytest.mark.skipif(shots.chromium() is None, reason="no chromium (apt-get install chromium)"),
]


def _json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 (loopback only)
        return json.loads(resp.read())


def test_pages_render_and_search_matches_speaker(tmp_path) -> None:
    import pandas as pd

    import syria_deconfliction as sd

    with shots.datasette(ROOT / "build") as base:
        db = f"{base}/{shots.DB}"
        for name, page in shots.PAGES[:5]:
            shots.screenshot(shots.chromium(), base + page, tmp_path / name)
            assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        # every quote whose speaker is named Lavrov is found by searching "Lavrov"
        quotes, actors = sd.load("quotes"), sd.load("actors")
        ids = set(actors.loc[actors["name"].str.contains("Lavrov"), "actor_id"])
        want = set(quotes.loc[quotes["speaker_actor_id"].isin(ids), "quote_id"])
        q = urllib.parse.urlencode({"_search": "Lavrov", "_shape": "array", "_size": "max"})
        got = {r["quote_id"] for r in _json(f"{db}/quotes.json?{q}")}
        assert want and want <= got
        # canned queries answer
        q = urllib.parse.urlencode({"actor": "russia", "_shape": "array"})
        rows = _json(f"{db}/events_by_actor.json?{q}")
        assert rows and all("event_id" in r for r in rows)
        flat = sd.load("events_flat")
        rows = _json(f"{db}/events_on_a_map.json?_shape=array&_size=max")
        assert len(rows) == int(pd.notna(flat["latitude"]).sum())
