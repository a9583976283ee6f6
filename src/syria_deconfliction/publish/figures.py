"""Figures of the dataset as reproducible PNGs (and a self-contained HTML map).

- timeline.png: events by date_start, coloured by PLOVER type; below, the same events on one
  row per source -> target actor dyad (the most frequent dyads).
- map.png: event places (events.place_id -> places latitude/longitude), marker area by number of
  events, labelled, on a faint longitude/latitude graticule of the region that holds most
  events; places outside that frame are listed under it. No basemap is downloaded.
- network.png: who acts on whom: a directed edge source -> target per CAMEO quad class, its
  width the number of events, its colour the quad class; laid out with networkx (fixed seed)
  when it is installed, else on a circle.
- map.html: the map as one HTML page with inline SVG (no tiles, no scripts).

The bytes are reproducible: matplotlib's defaults (not the user's matplotlibrc), the Agg canvas,
fixed size and dpi, sorted inputs, fixed layout seeds and no Software/date metadata in the PNG.
An empty or missing table gives a figure that says so. Matplotlib is imported only when
`make_figures` runs.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

DPI = 100
SEED = 20151007
TOP_DYADS = 12
PNG_META = {"Software": None}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
COARSE = {"admin1", "country", "region"}  # geo_precision too coarse for a point
MAP_ASPECT = 1.3
NET_BOX_RATIO = (10 * 0.96) / (9 * 0.84)
QUAD_COLOURS = {1: "#4c9be8", 2: "#1b7a3d", 3: "#e8a33c", 4: "#c8322b"}
FIXED_RC = {"font.family": "DejaVu Sans", "font.size": 9, "axes.titlesize": 11,
            "savefig.dpi": DPI, "figure.dpi": DPI, "path.simplify": True,
            "svg.hashsalt": "syria-deconfliction"}


def make_figures(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Draw timeline.png, map.png, network.png and map.html into `out_dir`; return their paths."""
    import matplotlib

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(FIXED_RC)
        paths = [
            _timeline(tables, out_dir / "timeline.png"),
            _map(tables, out_dir / "map.png"),
            _network(tables, out_dir / "network.png"),
        ]
    paths.append(_map_html(tables, out_dir / "map.html"))
    return paths


# ---------------------------------------------------------------- helpers


def _figure(width: float, height: float) -> Any:
    """A figure on the Agg canvas, without pyplot (no global state, no GUI backend)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Any, path: Path) -> Path:
    fig.savefig(path, dpi=DPI, metadata=PNG_META, facecolor="white")
    return path


def _empty(path: Path, title: str, message: str, size: tuple[float, float] = (10, 4)) -> Path:
    fig = _figure(*size)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color="#666666",
            transform=ax.transAxes)
    return _save(fig, path)


def _table(tables: Mapping[str, pd.DataFrame], name: str) -> pd.DataFrame:
    df = tables.get(name)
    return df if df is not None else pd.DataFrame()


def _events(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    ev = _table(tables, "events")
    if ev.empty or "event_id" not in ev.columns:
        return pd.DataFrame()
    return ev.sort_values("event_id", kind="stable").reset_index(drop=True)


def _actor_names(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    actors = _table(tables, "actors")
    if actors.empty:
        return {}
    return {str(a): str(n) for a, n in zip(actors["actor_id"], actors["name"], strict=True)}


def _categories(col: pd.Series) -> list[str]:
    """The enum order when the column is categorical, else the sorted values."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return [str(c) for c in col.cat.categories]
    return sorted({str(v) for v in col.dropna()})


def _palette(keys: list[str]) -> dict[str, Any]:
    """Colours from blue through green and orange to red in the given order (PLOVER's enum
    runs from cooperation to conflict, so the colour says where a type sits on that scale)."""
    from matplotlib import colormaps

    cmap = colormaps["turbo"]
    n = max(len(keys) - 1, 1)
    return {k: cmap(0.08 + 0.84 * i / n) for i, k in enumerate(keys)}


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


# ---------------------------------------------------------------- timeline


def _timeline(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    import matplotlib.dates as mdates
    import numpy as np

    ev = _events(tables)
    title = "Events by date and PLOVER type"
    if ev.empty:
        return _empty(path, title, "no events yet")
    ev = ev[ev["date_start"].notna()].copy()
    if ev.empty:
        return _empty(path, title, "no dated events yet")
    names = _actor_names(tables)
    types = _categories(ev["plover_type"])
    colours = _palette(types)
    used = [t for t in types if (ev["plover_type"].astype(str) == t).any()]
    rng = np.random.default_rng(SEED)

    def actor(a: Any) -> str:
        return "?" if pd.isna(a) else _short(names.get(str(a), str(a)), 24)

    ev["dyad"] = [f"{actor(s)} → {actor(t)}"
                  for s, t in zip(ev["source_actor_id"], ev["target_actor_id"], strict=True)]
    with_actor = ev["source_actor_id"].notna() | ev["target_actor_id"].notna()
    counts = ev[with_actor].groupby("dyad").size()
    top = sorted(counts.index, key=lambda d: (-counts[d], d))[:TOP_DYADS]

    fig = _figure(11, 4 + 0.32 * (len(used) + len(top)))
    ax1, ax2 = fig.subplots(2, 1, sharex=True,
                            gridspec_kw={"height_ratios": [max(len(used), 2), max(len(top), 2)]})
    start = ev["date_start"]
    end = ev["date_end"].fillna(start) if "date_end" in ev.columns else start
    for ax, key, rows in ((ax1, "plover_type", used), (ax2, "dyad", top)):
        pos = {r: i for i, r in enumerate(rows)}
        sel = ev[ev[key].astype(str).isin(pos)]
        jitter = rng.uniform(-0.18, 0.18, len(sel))
        y = np.array([pos[str(v)] for v in sel[key]], dtype=float) + jitter
        c = [colours[str(t)] for t in sel["plover_type"]]
        s_dates = mdates.date2num(start[sel.index])
        e_dates = mdates.date2num(end[sel.index])
        ax.hlines(y, s_dates, e_dates, colors=c, linewidth=2, alpha=0.6)
        ax.scatter(s_dates, y, c=c, s=36, edgecolors="black", linewidths=0.4, zorder=3)
        ax.set_yticks(range(len(rows)), rows)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.invert_yaxis()
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    lo = min(pd.Timestamp("2015-01-01"), start.min())
    hi = max(pd.Timestamp("2020-12-31"), end.max())
    ax1.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    ax2.xaxis.set_major_locator(mdates.YearLocator())
    ax2.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax1.set_title(f"{title} ({len(ev)} events; a line spans an uncertain date range)")
    ax2.set_title(f"By actor dyad, source → target (top {len(top)} of {len(counts)}; "
                  "? = not coded)")
    handles = [ax1.scatter([], [], color=colours[t], label=t) for t in used]
    ax1.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
               title="PLOVER type")
    fig.tight_layout()
    return _save(fig, path)


# ---------------------------------------------------------------- map


def _located(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per place with coordinates and at least one event: name, lat, lon, events,
    country (sorted by place_id)."""
    ev, places = _events(tables), _table(tables, "places")
    if ev.empty or places.empty or "place_id" not in ev.columns:
        return pd.DataFrame(columns=["place_id", "name", "lat", "lon", "events", "country",
                                     "coarse"])
    counts = ev["place_id"].dropna().astype(str).value_counts()
    pl = places[places["latitude"].notna() & places["longitude"].notna()]
    pl = pl[pl["place_id"].astype(str).isin(counts.index)].sort_values("place_id")
    return pd.DataFrame({
        "place_id": pl["place_id"].astype(str).to_numpy(),
        "name": pl["name"].astype(str).to_numpy(),
        "lat": pl["latitude"].astype(float).to_numpy(),
        "lon": pl["longitude"].astype(float).to_numpy(),
        "events": [int(counts[p]) for p in pl["place_id"].astype(str)],
        "country": [None if pd.isna(c) else str(c) for c in pl["country_iso3"]],
        "coarse": [str(g) in COARSE for g in pl["geo_precision"]],
    })


def _frame(pts: pd.DataFrame) -> tuple[float, float, float, float, pd.Series]:
    """Region to draw: the country holding most events (ties: first by name), padded; or
    every point when no country leads. Returns (lon0, lon1, lat0, lat1, inside mask)."""
    by_country = pts.dropna(subset=["country"]).groupby("country")["events"].sum()
    if len(by_country):
        best = sorted(by_country.index, key=lambda c: (-by_country[c], c))[0]
        core = pts[pts["country"] == best]
    else:
        core = pts
    pad = 1.0
    lon0, lon1 = core["lon"].min() - pad, core["lon"].max() + pad
    lat0, lat1 = core["lat"].min() - pad, core["lat"].max() + pad
    # Widen the shorter side so that the frame is MAP_ASPECT wide per unit of height.
    k = math.cos(math.radians((lat0 + lat1) / 2))
    width, height = (lon1 - lon0) * k, lat1 - lat0
    if width < MAP_ASPECT * height:
        extra = (MAP_ASPECT * height - width) / k / 2
        lon0, lon1 = lon0 - extra, lon1 + extra
    else:
        extra = (width / MAP_ASPECT - height) / 2
        lat0, lat1 = lat0 - extra, lat1 + extra
    inside = pts["lon"].between(lon0, lon1) & pts["lat"].between(lat0, lat1)
    return lon0, lon1, lat0, lat1, inside


def _map(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    title = "Where the events happened"
    if _events(tables).empty:
        return _empty(path, title, "no events yet", (8, 7))
    pts = _located(tables)
    if pts.empty:
        return _empty(path, title, "no located events yet", (8, 7))
    lon0, lon1, lat0, lat1, inside = _frame(pts)
    shown, outside = pts[inside], pts[~inside]
    fig = _figure(9, 7.5)
    ax = fig.add_subplot()
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)))
    step = 1 if max(lon1 - lon0, lat1 - lat0) <= 12 else 5
    for lon in range(math.ceil(lon0 / step) * step, math.floor(lon1) + 1, step):
        ax.axvline(lon, color="#cccccc", linewidth=0.5, zorder=0)
    for lat in range(math.ceil(lat0 / step) * step, math.floor(lat1) + 1, step):
        ax.axhline(lat, color="#cccccc", linewidth=0.5, zorder=0)
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    for coarse, part in shown.groupby("coarse", sort=True):
        ax.scatter(part["lon"], part["lat"], s=[40 + 60 * n for n in part["events"]],
                   facecolors="none" if coarse else "#c8322b", alpha=0.55 if not coarse else 0.9,
                   edgecolors="#c8322b" if coarse else "black", linewidths=1.2 if coarse else 0.6,
                   linestyles="--" if coarse else "-", zorder=3)
    for r in shown.itertuples(index=False):
        ax.annotate(f"{r.name} ({r.events})", (r.lon, r.lat), xytext=(6, 6),
                    textcoords="offset points", fontsize=8, zorder=4)
    fig.suptitle(f"{title}: {int(pts['events'].sum())} located events at {len(pts)} places")
    ax.set_title("marker area: number of events; hollow: coordinates of a whole country or "
                 "region", fontsize=9)
    if len(outside):
        note = "Outside this frame: " + ", ".join(
            f"{r.name} ({r.events})" for r in outside.itertuples(index=False))
        fig.text(0.02, 0.01, _wrap(note, 110), fontsize=8, va="bottom")
    fig.subplots_adjust(left=0.08, right=0.97, top=0.9, bottom=0.14 if len(outside) else 0.08)
    return _save(fig, path)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def _map_html(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    """The map as a self-contained page: inline SVG, every place with a tooltip."""
    pts = _located(tables)
    w, h = 720, 640
    body: list[str] = []
    if pts.empty:
        body.append(f'<text x="{w / 2}" y="{h / 2}" text-anchor="middle">no located events yet'
                    "</text>")
        caption = "No located events yet."
    else:
        lon0, lon1, lat0, lat1, inside = _frame(pts)
        k = math.cos(math.radians((lat0 + lat1) / 2))
        scale = min((w - 40) / ((lon1 - lon0) * k), (h - 40) / (lat1 - lat0))

        def xy(lon: float, lat: float) -> tuple[float, float]:
            return 20 + (lon - lon0) * k * scale, h - 20 - (lat - lat0) * scale

        for lon in range(math.ceil(lon0), math.floor(lon1) + 1):
            x, _ = xy(lon, lat0)
            mark = f'{abs(lon)}°{"EW"[lon < 0]}'
            body.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{h}" class="g"/>'
                        f'<text x="{x + 2:.1f}" y="{h - 4}" class="t">{mark}</text>')
        for lat in range(math.ceil(lat0), math.floor(lat1) + 1):
            _, y = xy(lon0, lat)
            mark = f'{abs(lat)}°{"NS"[lat < 0]}'
            body.append(f'<line x1="0" y1="{y:.1f}" x2="{w}" y2="{y:.1f}" class="g"/>'
                        f'<text x="2" y="{y - 2:.1f}" class="t">{mark}</text>')
        for r, ok in zip(pts.itertuples(index=False), inside, strict=True):
            if not ok:
                continue
            x, y = xy(r.lon, r.lat)
            rad = 4 + 3 * math.sqrt(r.events)
            label = html.escape(f"{r.name}: {r.events} event{'s' if r.events != 1 else ''} "
                                f"({r.lat:.4f}, {r.lon:.4f})")
            css = "c" if r.coarse else "p"
            body.append(f'<g><title>{label}</title><circle cx="{x:.1f}" cy="{y:.1f}" '
                        f'r="{rad:.1f}" class="{css}"/>'
                        f'<text x="{x + rad + 2:.1f}" y="{y - 2:.1f}">'
                        f"{html.escape(r.name)}</text></g>")
        caption = f"{int(pts['events'].sum())} located events at {len(pts)} places."
        out = pts[~inside]
        if len(out):
            caption += " Outside this frame: " + ", ".join(
                f"{r.name} ({r.events})" for r in out.itertuples(index=False)) + "."
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Where the events happened</title>
<style>
body {{ font-family: sans-serif; margin: 1em; }}
svg {{ border: 1px solid #ccc; background: #fff; }}
.g {{ stroke: #ddd; stroke-width: 0.5; }}
.t {{ fill: #999; font-size: 10px; }}
.p {{ fill: #c8322b; fill-opacity: 0.55; stroke: #000; stroke-width: 0.6; }}
.c {{ fill: none; stroke: #c8322b; stroke-width: 1.2; stroke-dasharray: 4 3; }}
text {{ font-size: 11px; }}
</style>
</head>
<body>
<h1>Where the events happened</h1>
<p>Marker area grows with the number of events; a hollow dashed marker stands for the
coordinates of a whole country or region. Hover a place for its count and coordinates.
Longitude/latitude graticule every degree; no basemap.</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">
{chr(10).join(body)}
</svg>
<p>{html.escape(caption)}</p>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8")
    return path


# ---------------------------------------------------------------- network


def _network(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    title = "Who acts on whom"
    ev = _events(tables)
    if ev.empty:
        return _empty(path, title, "no events yet", (9, 8))
    ev = ev[ev["source_actor_id"].notna() & ev["target_actor_id"].notna()]
    if ev.empty:
        return _empty(path, title, "no events with both a source and a target yet", (9, 8))
    names = _actor_names(tables)
    edges = (ev.assign(s=ev["source_actor_id"].astype(str), t=ev["target_actor_id"].astype(str),
                       quad=ev["quad_class"].astype(int))
             .groupby(["s", "t", "quad"]).size().reset_index(name="n")
             .sort_values(["s", "t", "quad"]).reset_index(drop=True))
    nodes = sorted(set(edges["s"]) | set(edges["t"]))
    degree = {n: int(edges.loc[(edges["s"] == n) | (edges["t"] == n), "n"].sum()) for n in nodes}
    pos = _layout(nodes, edges)

    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    fig = _figure(10, 9)
    ax = fig.add_subplot()
    ax.set_axis_off()
    xs = [pos[n][0] for n in nodes]
    ys = [pos[n][1] for n in nodes]
    # Equal scale on both axes: the axes box is about NET_BOX_RATIO times wider than high.
    half = 0.62 * max((max(xs) - min(xs)) / NET_BOX_RATIO, max(ys) - min(ys), 1.0)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    ax.set_xlim(cx - half * NET_BOX_RATIO, cx + half * NET_BOX_RATIO)
    ax.set_ylim(cy - half, cy + half)
    max_n = int(edges["n"].max())
    loops = 0
    for e in edges.itertuples(index=False):
        if e.s == e.t:
            loops += int(e.n)  # an actor acting on itself: counted, not drawn
            continue
        ax.add_patch(FancyArrowPatch(
            pos[e.s], pos[e.t], connectionstyle=f"arc3,rad={0.06 + 0.06 * e.quad}",
            arrowstyle="-|>", mutation_scale=14, linewidth=0.8 + 4.0 * e.n / max_n,
            color=QUAD_COLOURS[e.quad], alpha=0.75, shrinkA=12, shrinkB=12, zorder=2))
    ax.scatter(xs, ys, s=[80 + 30 * degree[n] for n in nodes], color="#f4f4f4",
               edgecolors="#333333", linewidths=0.8, zorder=3)
    for n in nodes:
        ax.annotate(_short(names.get(n, n)), pos[n], xytext=(0, -14), textcoords="offset points",
                    ha="center", va="top", fontsize=8, zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.8})
    fig.legend(handles=[Line2D([0], [0], color=QUAD_COLOURS[q], linewidth=2.5,
                               label=f"{q} {QUAD_NAMES[q]}") for q in sorted(QUAD_COLOURS)],
               loc="lower center", ncols=4, frameon=False,
               title="CAMEO quad class (edge width: number of events)")
    note = f"; {loops} self-directed events not drawn" if loops else ""
    fig.suptitle(f"{title}: {int(edges['n'].sum())} events between {len(nodes)} actors "
                 f"(source → target{note})")
    fig.subplots_adjust(left=0.02, right=0.98, top=0.94, bottom=0.1)
    return _save(fig, path)


def _layout(nodes: list[str], edges: pd.DataFrame) -> dict[str, tuple[float, float]]:
    try:
        import networkx as nx
    except ImportError:
        nx = None
    if nx is not None and len(nodes) > 2:
        g = nx.Graph()
        g.add_nodes_from(nodes)
        for e in edges.itertuples(index=False):
            if e.s != e.t:
                w = g.get_edge_data(e.s, e.t, {"weight": 0})["weight"] + int(e.n)
                g.add_edge(e.s, e.t, weight=w)
        # A seeded spring layout, each axis then stretched to [-1, 1] so the labels use the
        # whole figure rather than a narrow column.
        raw = nx.spring_layout(g, seed=SEED, weight="weight", iterations=200,
                               k=3.0 / math.sqrt(len(nodes)))
        xs = [float(raw[n][0]) for n in nodes]
        ys = [float(raw[n][1]) for n in nodes]

        def stretch(v: float, lo: float, hi: float) -> float:
            return round(2 * (v - lo) / (hi - lo) - 1, 6) if hi > lo else 0.0

        return {n: (stretch(float(raw[n][0]), min(xs), max(xs)),
                    stretch(float(raw[n][1]), min(ys), max(ys))) for n in nodes}
    step = 2 * math.pi / max(len(nodes), 1)
    return {n: (round(math.cos(i * step), 6), round(math.sin(i * step), 6))
            for i, n in enumerate(nodes)}
