"""Figures: valid PNGs without a Software stamp, identical bytes on a second run, a readable
placeholder when there is nothing to draw, and a self-contained HTML map."""

from __future__ import annotations

import re
import struct
import xml.dom.minidom
import zlib
from pathlib import Path

import pandas as pd
import pytest
from test_publish_sqlite import synthetic_tables

from syria_deconfliction.publish.figures import make_figures

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NAMES = ["timeline.png", "map.png", "network.png", "map.html"]


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, payload) of every chunk, checking each CRC on the way."""
    assert data[:8] == PNG_SIGNATURE
    pos, out = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        payload = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + payload) == crc, kind
        out.append((kind, payload))
        pos += 12 + length
    assert out[0][0] == b"IHDR" and out[-1][0] == b"IEND"
    return out


def png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png_chunks(data)[0][1][:8])


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return synthetic_tables()


@pytest.fixture(scope="module")
def figures(tables, tmp_path_factory) -> list[Path]:
    return make_figures(tables, tmp_path_factory.mktemp("figures"))


def test_files_are_valid_pngs_without_software_stamp(figures):
    assert [p.name for p in figures] == NAMES
    for path in figures[:3]:
        data = path.read_bytes()
        chunks = png_chunks(data)
        text = b"".join(payload for kind, payload in chunks if kind in (b"tEXt", b"iTXt"))
        assert b"Software" not in text and b"matplotlib" not in text.lower()
        width, height = png_size(data)
        assert 600 <= width <= 1600 and 300 <= height <= 1600, (path.name, width, height)


def test_two_runs_are_byte_identical(figures, tables, tmp_path):
    again = make_figures(tables, tmp_path)
    for a, b in zip(figures, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_input_row_order_does_not_matter(figures, tables, tmp_path):
    shuffled = {n: df.sample(frac=1.0, random_state=7).reset_index(drop=True)
                for n, df in tables.items()}
    again = make_figures(shuffled, tmp_path)
    for a, b in zip(figures, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_user_matplotlib_settings_do_not_leak_in(figures, tables, tmp_path):
    import matplotlib

    with matplotlib.rc_context({"font.size": 20, "lines.linewidth": 7, "axes.facecolor": "red"}):
        again = make_figures(tables, tmp_path)
        assert matplotlib.rcParams["font.size"] == 20  # and the user's settings are restored
    for a, b in zip(figures, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_empty_tables_give_placeholder_figures(figures, tmp_path):
    empty = make_figures({}, tmp_path / "none")
    assert [p.name for p in empty] == NAMES
    for path, full in zip(empty[:3], figures[:3], strict=True):
        png_chunks(path.read_bytes())
        assert path.read_bytes() != full.read_bytes()
    assert "no located events yet" in empty[3].read_text()
    # events without places, actors or dates of interest still give placeholder map/network
    no_places = make_figures({"events": synthetic_tables()["events"].iloc[0:0]}, tmp_path / "e")
    assert all(p.exists() for p in no_places)


def test_map_counts_events_per_place(figures, tables):
    page = figures[3].read_text(encoding="utf-8")
    assert not re.search(r"<script|src=|href=|https?://(?!www\.w3\.org/2000/svg)", page)
    svg = re.search(r"<svg.*</svg>", page, re.S)
    assert svg is not None
    xml.dom.minidom.parseString(svg.group())  # well-formed
    ev, places = tables["events"], tables["places"].set_index("place_id")
    counts = ev["place_id"].dropna().value_counts()
    assert len(counts) >= 2
    for place_id, n in counts.items():
        name = places.loc[place_id, "name"]
        if pd.isna(places.loc[place_id, "latitude"]):
            assert f"<title>{name}:" not in page
            continue
        shown = f"<title>{name}: {n} event{'s' if n != 1 else ''} " in page
        listed_outside = f"{name} ({n})" in page
        assert shown or listed_outside, name


def test_map_notes_events_without_coordinates(tables):
    """The map says how many events it cannot show: no place, or a place without coordinates."""
    from syria_deconfliction.publish.figures import _unlocated_note

    ev, places = tables["events"].copy(), tables["places"].copy()
    with_place = ev.index[ev["place_id"].notna()]
    assert len(with_place) >= 2
    # make one place lose its coordinates and one event lose its place
    lost = ev.loc[with_place[0], "place_id"]
    places.loc[places["place_id"] == lost, ["latitude", "longitude"]] = None
    ev.loc[with_place[-1], "place_id"] = None
    no_place = int(ev["place_id"].isna().sum())
    at_lost = int((ev["place_id"] == lost).sum())
    note = _unlocated_note({**tables, "events": ev, "places": places})
    name = places.loc[places["place_id"] == lost, "name"].iloc[0]
    assert note.startswith(f"Not on the map: {no_place + at_lost} of {len(ev)} events")
    assert f"{no_place} name no place" in note and f"{name} ({at_lost})" in note


def test_network_draws_quotations_as_edges(tables):
    """A quotation links its speaker to each other actor named inside the quoted words."""
    from syria_deconfliction.publish.figures import _quote_edges

    edges = _quote_edges(tables)
    assert len(edges) and (edges["s"] != edges["t"]).all()
    q, m = tables["quotes"], tables["actor_mentions"]
    for e in edges.itertuples(index=False):
        n = 0
        for r in q[q["speaker_actor_id"] == e.s].itertuples(index=False):
            inside = m[(m["article_id"] == r.article_id) & (m["actor_id"] == e.t)
                       & (m["char_start"] >= r.char_start) & (m["char_end"] <= r.char_end)]
            n += bool(len(inside))
        assert n == e.n, e
