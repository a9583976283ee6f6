"""Figures of the dataset as reproducible PNGs (and a self-contained HTML map).

- timeline.png: events by date_start, coloured by PLOVER type; below, the same events on one
  row per source -> target actor dyad (the most frequent dyads).
- map.png: event places (events.place_id -> places latitude/longitude), marker area by number of
  events, on country outlines from Natural Earth (public domain, shipped in
  raw/knowledge/reference), with
  country names and place labels set where they overlap nothing; places outside the frame, and
  the events that have no coordinates, are counted under it. Nothing is downloaded.
- network.png: actors on a circle grouped by country, each once under its full name written
  along the radius (so labels cannot collide); edges for events (source -> target, coloured by
  CAMEO quad class) and for quotations (speaker -> each actor named in the quoted words).
- map.html: the map as one HTML page with inline SVG (no tiles, no scripts).

The bytes are reproducible: matplotlib's defaults (not the user's matplotlibrc), the Agg canvas,
fixed size and dpi, sorted inputs, a fixed jitter seed and no Software/date metadata in the PNG.
An empty or missing table gives a figure that says so. Matplotlib is imported only when
`make_figures` runs.
"""

from __future__ import annotations

import html
import json
import math
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

DPI = 100
SEED = 20151007
TOP_DYADS = 12
DYAD_CHARS = 48
PNG_META = {"Software": None}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
COARSE = {"admin1", "country", "region"}  # geo_precision too coarse for a point
MAP_ASPECT = 1.3
BORDERS_FILE = "levant_borders.geojson"  # Natural Earth, public domain (SOURCES.yaml)
QUAD_COLOURS = {1: "#4c9be8", 2: "#1b7a3d", 3: "#e8a33c", 4: "#c8322b"}
FIXED_RC = {"font.family": "DejaVu Sans", "font.size": 9, "axes.titlesize": 11,
            "savefig.dpi": DPI, "figure.dpi": DPI, "path.simplify": True,
            "svg.hashsalt": "syria-deconfliction"}


def make_figures(tables: Mapping[str, pd.DataFrame], out_dir: Path,
                 borders: Path | None = None) -> list[Path]:
    """Draw timeline.png, map.png, network.png and map.html into `out_dir`; return their paths.
    `borders`: the country outlines (GeoJSON); by default the one shipped
    in raw/knowledge/reference."""
    import matplotlib

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(FIXED_RC)
        paths = [
            _timeline(tables, out_dir / "timeline.png"),
            _map(tables, out_dir / "map.png", borders),
            _network(tables, out_dir / "network.png"),
        ]
    paths.append(_map_html(tables, out_dir / "map.html", borders))
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
        return "?" if pd.isna(a) else names.get(str(a), str(a))

    def dyad(s: Any, t: Any) -> str:
        # Full names; a long pair goes on two lines rather than being cut.
        one = f"{actor(s)} → {actor(t)}"
        return one if len(one) <= DYAD_CHARS else f"{actor(s)} →\n{actor(t)}"

    ev["dyad"] = [dyad(s, t)
                  for s, t in zip(ev["source_actor_id"], ev["target_actor_id"], strict=True)]
    with_actor = ev["source_actor_id"].notna() | ev["target_actor_id"].notna()
    counts = ev[with_actor].groupby("dyad").size()
    top = sorted(counts.index, key=lambda d: (-counts[d], d))[:TOP_DYADS]

    fig = _figure(12, 4 + 0.32 * len(used) + 0.45 * len(top))
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


def _map(tables: Mapping[str, pd.DataFrame], path: Path, borders: Path | None = None) -> Path:
    title = "Where the events happened"
    if _events(tables).empty:
        return _empty(path, title, "no events yet", (8, 7))
    pts = _located(tables)
    if pts.empty:
        return _empty(path, title, "no located events yet\n" + _unlocated_note(tables), (8, 7))
    lon0, lon1, lat0, lat1, inside = _frame(pts)
    shown, outside = pts[inside], pts[~inside]
    fig = _figure(9, 8.2)
    ax = fig.add_axes((0.08, 0.16, 0.88, 0.74))
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)))
    ax.set_facecolor("#e6f0f7")  # sea; land is drawn over it
    countries = _draw_borders(ax, borders)
    step = 1 if max(lon1 - lon0, lat1 - lat0) <= 12 else 5
    for lon in range(math.ceil(lon0 / step) * step, math.floor(lon1) + 1, step):
        ax.axvline(lon, color="#bbbbbb", linewidth=0.4, zorder=1)
    for lat in range(math.ceil(lat0 / step) * step, math.floor(lat1) + 1, step):
        ax.axhline(lat, color="#bbbbbb", linewidth=0.4, zorder=1)
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    sizes = {r.place_id: 40 + 60 * r.events for r in shown.itertuples(index=False)}
    for coarse, part in shown.groupby("coarse", sort=True):
        ax.scatter(part["lon"], part["lat"], s=[sizes[p] for p in part["place_id"]],
                   facecolors="none" if coarse else "#c8322b", alpha=0.55 if not coarse else 0.9,
                   edgecolors="#c8322b" if coarse else "black", linewidths=1.2 if coarse else 0.6,
                   linestyles="--" if coarse else "-", zorder=3)
    _label_map(fig, ax, shown, sizes, countries)
    fig.suptitle(f"{title}: {int(pts['events'].sum())} located events at {len(pts)} places",
                 y=0.965)
    ax.set_title("marker area: number of events; hollow: coordinates of a whole country or "
                 "region", fontsize=9)
    notes = [_unlocated_note(tables)]
    if len(outside):
        notes.append("Outside this frame: " + ", ".join(
            f"{r.name} ({r.events})" for r in outside.itertuples(index=False)) + ".")
    notes.append("Borders: Natural Earth 1:110m (public domain), generalised; "
                 "for orientation only.")
    fig.text(0.02, 0.015, "\n".join(_wrap(n, 120) for n in notes), fontsize=8, va="bottom")
    return _save(fig, path)


def _unlocated_note(tables: Mapping[str, pd.DataFrame]) -> str:
    """How many events the map cannot show, and why."""
    ev, places = _events(tables), _table(tables, "places")
    no_place = int(ev["place_id"].isna().sum()) if "place_id" in ev.columns else len(ev)
    coords = set() if places.empty else set(
        places.loc[places["latitude"].notna() & places["longitude"].notna(), "place_id"]
        .astype(str))
    names = {} if places.empty else dict(zip(places["place_id"].astype(str),
                                             places["name"].astype(str), strict=True))
    placed = ev["place_id"].dropna().astype(str) if "place_id" in ev.columns else pd.Series()
    missing = placed[~placed.isin(coords)].value_counts()
    missing = missing.loc[sorted(missing.index, key=lambda p: (-missing[p], p))]
    total = no_place + int(missing.sum())
    text = (f"Not on the map: {total} of {len(ev)} events have no coordinates "
            f"({no_place} name no place")
    if len(missing):
        text += f"; {int(missing.sum())} are at places without coordinates: " + ", ".join(
            f"{names.get(p, p)} ({n})" for p, n in missing.items())
    return text + ")."


def _borders_file() -> Path:
    from ..corpus.knowledge import knowledge_dir

    return knowledge_dir() / "reference" / BORDERS_FILE


def _border_rings(borders: Path | None) -> list[tuple[str, list[list[list[float]]]]]:
    """(country name, its rings of [lon, lat]) from the GeoJSON outlines; none if absent."""
    file = borders or _borders_file()
    if not file.is_file():
        return []
    return [(str(f["properties"]["name"]),
             [ring for polygon in f["geometry"]["coordinates"] for ring in polygon])
            for f in json.loads(file.read_text(encoding="utf-8"))["features"]]


def _draw_borders(ax: Any, borders: Path | None) -> list[tuple[str, Any]]:
    """Country outlines (land over the sea colour); returns (name, path) per country."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MPath

    out = []
    for name, rings in _border_rings(borders):
        verts, codes = [], []
        for ring in rings:
            verts += ring
            codes += [MPath.MOVETO] + [MPath.LINETO] * (len(ring) - 2) + [MPath.CLOSEPOLY]
        shape = MPath(verts, codes)
        ax.add_patch(PathPatch(shape, facecolor="#f7f5ef", edgecolor="#8a8a8a", linewidth=0.8,
                               zorder=0.5))
        out.append((name, shape))
    return out


def _label_map(fig: Any, ax: Any, shown: pd.DataFrame, sizes: dict[str, float],
               countries: list[tuple[str, Any]]) -> None:
    """Country names, then place labels, each at the first nearby spot where it overlaps no
    marker and no label already placed (a leader line joins a label set further off)."""
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    px = fig.dpi / 72
    taken: list[Any] = []
    for r in shown.itertuples(index=False):
        x, y = ax.transData.transform((r.lon, r.lat))
        rad = math.sqrt(sizes[r.place_id]) / 2 * px + 1
        taken.append(Bbox.from_extents(x - rad, y - rad, x + rad, y + rad))

    def free(box: Any) -> bool:
        inside = (box.x0 >= axes_box.x0 and box.x1 <= axes_box.x1
                  and box.y0 >= axes_box.y0 and box.y1 <= axes_box.y1)
        return inside and not any(box.overlaps(t) for t in taken)

    import numpy as np

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    grid = np.array([(x, y) for x in np.arange(math.ceil(x0 * 4) / 4, x1, 0.25)
                     for y in np.arange(math.ceil(y0 * 4) / 4, y1, 0.25)])
    for name, shape in sorted(countries, key=lambda c: c[0]):
        spots = grid[shape.contains_points(grid)] if len(grid) else grid
        if len(spots) < 6:  # hardly any of the country in view: leave it unnamed
            continue
        # From the middle of the country's visible part outwards, the first free spot.
        mid = spots.mean(axis=0)
        spots = spots[np.lexsort((spots[:, 1], spots[:, 0],
                                  np.round(((spots - mid) ** 2).sum(axis=1), 6)))]
        for size, (cx, cy) in ((size, xy) for size in (9, 7) for xy in spots[:60]):
            t = ax.text(cx, cy, name.upper(), ha="center", va="center", fontsize=size,
                        color="#9a9a9a", style="italic", zorder=2)
            box = t.get_window_extent(renderer).expanded(1.05, 1.1)
            corners = [ax.transData.inverted().transform(c) for c in
                       ((box.x0, box.y0), (box.x1, box.y0), (box.x0, box.y1), (box.x1, box.y1))]
            if free(box) and all(shape.contains_point(c) for c in corners):
                taken.append(box)
                break
            t.remove()
    order = sorted(shown.itertuples(index=False), key=lambda r: (-r.events, r.name))
    for r in order:
        rad_pt = math.sqrt(sizes[r.place_id]) / 2
        best = None
        for dist in (rad_pt + 2, rad_pt + 14, rad_pt + 30):
            for ha, va, ux, uy in (("left", "bottom", 1, 1), ("left", "top", 1, -1),
                                   ("right", "bottom", -1, 1), ("right", "top", -1, -1),
                                   ("left", "center", 1, 0), ("right", "center", -1, 0),
                                   ("center", "bottom", 0, 1), ("center", "top", 0, -1)):
                k = 0.75 if ux and uy else 1.0
                t = ax.annotate(f"{r.name} ({r.events})", (r.lon, r.lat),
                                xytext=(ux * dist * k, uy * dist * k), textcoords="offset points",
                                ha=ha, va=va, fontsize=8, zorder=4)
                box = t.get_window_extent(renderer).expanded(1.04, 1.15)
                if free(box):
                    best = t
                    break
                t.remove()
            if best is not None:
                break
        if best is None:  # nowhere free: the first spot, so the label is at least there
            best = ax.annotate(f"{r.name} ({r.events})", (r.lon, r.lat), xytext=(rad_pt + 2,) * 2,
                               textcoords="offset points", fontsize=8, zorder=4)
        elif dist > rad_pt + 2:
            best.remove()
            best = ax.annotate(f"{r.name} ({r.events})", (r.lon, r.lat),
                               xytext=(ux * dist * k, uy * dist * k), textcoords="offset points",
                               ha=ha, va=va, fontsize=8, zorder=4,
                               arrowprops={"arrowstyle": "-", "color": "#555555",
                                           "linewidth": 0.6, "shrinkA": 0, "shrinkB": rad_pt})
        taken.append(best.get_window_extent(renderer).expanded(1.04, 1.15))


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))


# The page around the map's SVG (placeholders: w, h, body, caption).
MAP_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Where the events happened</title>
<style>
body {{ font-family: sans-serif; margin: 1em; }}
svg {{ border: 1px solid #ccc; background: #e6f0f7; }}
.g {{ stroke: #ddd; stroke-width: 0.5; }}
.b {{ fill: #f7f5ef; stroke: #8a8a8a; stroke-width: 0.8; }}
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
Longitude/latitude graticule every degree; country outlines from Natural Earth 1:110m (public
domain), generalised, for orientation only.</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">
{body}
</svg>
<p>{caption}</p>
</body>
</html>
"""


def _label_spot(
    x: float, y: float, rad: float, width: float, taken: list[tuple[float, float, float, float]]
) -> tuple[float, float, str]:
    """Where a circle's label goes: the first side whose box overlaps nothing taken (else
    the right), that box then taken too. Labels are 11 px sans-serif, 12 px high."""
    height = 12.0
    spots = [(x + rad + 2, y + 4, "start"), (x - rad - 2, y + 4, "end"),
             (x + rad, y - rad - 2, "start"), (x + rad, y + rad + 11, "start"),
             (x - rad, y - rad - 2, "end"), (x - rad, y + rad + 11, "end")]
    for tx, ty, anchor in spots:
        x0 = tx if anchor == "start" else tx - width
        box = (x0, ty - height + 2, x0 + width, ty + 2)
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                   for b in taken):
            break
    else:
        tx, ty, anchor = spots[0]
        box = (tx, ty - height + 2, tx + width, ty + 2)
    taken.append(box)
    return tx, ty, anchor


def _map_html(tables: Mapping[str, pd.DataFrame], path: Path, borders: Path | None = None) -> Path:
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

        for name, rings in _border_rings(borders):
            d = " ".join("M" + " L".join("{:.1f},{:.1f}".format(*xy(*pt)) for pt in ring) + " Z"
                         for ring in rings)
            body.append(f'<path d="{d}" class="b"><title>{html.escape(name)}</title></path>')
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
        shown = [r for r, ok in zip(pts.itertuples(index=False), inside, strict=True) if ok]
        circles = {r.place_id: (*xy(r.lon, r.lat), 4 + 3 * math.sqrt(r.events)) for r in shown}
        # Boxes already taken (circles, then labels): each label goes to the first free side.
        taken = [(cx - rad, cy - rad, cx + rad, cy + rad) for cx, cy, rad in circles.values()]
        for r in sorted(shown, key=lambda r: (-r.events, r.name)):
            x, y, rad = circles[r.place_id]
            tx, ty, anchor = _label_spot(x, y, rad, 6.2 * len(r.name), taken)
            label = html.escape(f"{r.name}: {r.events} event{'s' if r.events != 1 else ''} "
                                f"({r.lat:.4f}, {r.lon:.4f})")
            css = "c" if r.coarse else "p"
            body.append(f'<g><title>{label}</title><circle cx="{x:.1f}" cy="{y:.1f}" '
                        f'r="{rad:.1f}" class="{css}"/>'
                        f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">'
                        f"{html.escape(r.name)}</text></g>")
        caption = (f"{int(pts['events'].sum())} located events at {len(pts)} places. "
                   + _unlocated_note(tables))
        out = pts[~inside]
        if len(out):
            caption += " Outside this frame: " + ", ".join(
                f"{r.name} ({r.events})" for r in out.itertuples(index=False)) + "."
    page = MAP_PAGE.format(w=w, h=h, body="\n".join(body), caption=html.escape(caption))
    path.write_text(page, encoding="utf-8")
    return path


# ---------------------------------------------------------------- network

# Around the circle, actors grouped by country (most actors first), then by kind, then name.
TYPE_ORDER = ("state", "government_body", "military", "person", "armed_group",
              "intergovernmental_org", "media", "ngo", "company", "other")
QUOTE_COLOUR = "#7b4fa8"
LABEL_WRAP = 40


def _network(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    """Actors on a circle, each once with its full name (labels point outwards along the
    radius, so they cannot overlap); edges for events (source -> target, coloured by quad class)
    and for quotations (speaker -> each actor named inside the quoted words)."""
    title = "Who acts on and speaks about whom"
    ev = _events(tables)
    edges = _event_edges(ev)
    quotes = _quote_edges(tables)
    if edges.empty and quotes.empty:
        return _empty(path, title, "no events or quotations between actors yet", (9, 8))
    actors = _table(tables, "actors")
    info = {} if actors.empty else {
        str(a): (str(n), str(t), None if pd.isna(c) else str(c))
        for a, n, t, c in zip(actors["actor_id"], actors["name"], actors["type"],
                              actors["country_iso3"], strict=True)}
    nodes, country, size = _ring_order(edges, quotes, info)
    step = 2 * math.pi / len(nodes)
    pos = {n: (math.cos(math.pi / 2 - i * step), math.sin(math.pi / 2 - i * step))
           for i, n in enumerate(nodes)}
    degree = {n: 0 for n in nodes}
    for e in pd.concat([edges, quotes]).itertuples(index=False):
        degree[e.s] += int(e.n)
        degree[e.t] += int(e.n)

    from matplotlib.patches import FancyArrowPatch

    # 13 in square: legend 1.1 in, labels 2.3 in, the circle 6.5 in, labels 2.3 in, title.
    fig = _figure(13, 13)
    ax = fig.add_axes((0.25, 3.4 / 13, 0.5, 0.5))
    ax.set_axis_off()
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_aspect("equal")
    max_n = max(int(pd.concat([edges, quotes])["n"].max()), 1)
    loops = int(edges.loc[edges["s"] == edges["t"], "n"].sum()) if len(edges) else 0
    for frame, quote in ((edges, False), (quotes, True)):
        for e in frame.itertuples(index=False):
            if e.s == e.t:
                continue  # an actor acting on itself: counted in the title, not drawn
            ax.add_patch(FancyArrowPatch(
                pos[e.s], pos[e.t], connectionstyle="arc3,rad=0.25",
                arrowstyle="-|>", mutation_scale=10 if quote else 12,
                linewidth=(0.6 if quote else 0.9) + 3.5 * e.n / max_n,
                linestyle=(0, (3, 2)) if quote else "-",
                color=QUOTE_COLOUR if quote else QUAD_COLOURS[e.quad],
                alpha=0.55 if quote else 0.8, shrinkA=6, shrinkB=6, zorder=1 if quote else 2))
    groups = sorted(set(country.values()), key=lambda c: (-int(size[c]), c))
    palette = _country_colours(groups)
    ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes],
               s=[30 + 12 * degree[n] for n in nodes], color=[palette[country[n]] for n in nodes],
               edgecolors="#333333", linewidths=0.6, zorder=3, clip_on=False)
    for i, n in enumerate(nodes):
        angle = 90 - math.degrees(i * step)
        x, y = pos[n]
        left = math.cos(math.radians(angle)) < -1e-9
        label = "\n".join(textwrap.wrap(info.get(n, (n,))[0], LABEL_WRAP))
        ax.text(1.07 * x, 1.07 * y, label, rotation=angle + 180 if left else angle,
                rotation_mode="anchor", ha="right" if left else "left", va="center",
                fontsize=8, color="#222222", linespacing=1.0, clip_on=False)
    _network_legend(fig, palette, groups)
    note = f"; {loops} self-directed events not drawn" if loops else ""
    fig.suptitle(f"{title}: {int(edges['n'].sum()) if len(edges) else 0} events and "
                 f"{int(quotes['n'].sum()) if len(quotes) else 0} quotation links between "
                 f"{len(nodes)} actors{note}", y=0.97, fontsize=13)
    return _save(fig, path)


def _ring_order(
    edges: pd.DataFrame, quotes: pd.DataFrame, info: Mapping[str, tuple[str, str, str | None]]
) -> tuple[list[str], dict[str, str], pd.Series]:
    """The network's actors in their order round the circle (the largest country group first,
    then by kind and name), each actor's country group, and the groups' sizes."""
    nodes = sorted(set(edges["s"]) | set(edges["t"]) | set(quotes["s"]) | set(quotes["t"]))
    country = {n: (info.get(n, (n, "other", None))[2] or "none") for n in nodes}
    size = pd.Series(list(country.values())).value_counts()
    nodes.sort(key=lambda n: (-int(size[country[n]]), country[n],
                              _rank(info.get(n, (n, "other", None))[1]),
                              info.get(n, (n,))[0].lower(), n))
    return nodes, country, size


def _network_legend(fig: Any, palette: Mapping[str, Any], groups: list[str]) -> None:
    """Edge colours by quad class, the quotation edge, and node colours by country."""
    from matplotlib.lines import Line2D

    handles = [Line2D([0], [0], color=QUAD_COLOURS[q], linewidth=2.5,
                      label=f"event: {QUAD_NAMES[q]}") for q in sorted(QUAD_COLOURS)]
    handles.append(Line2D([0], [0], color=QUOTE_COLOUR, linewidth=2, linestyle=(0, (3, 2)),
                          label="quotation: speaker → actor named in the quote"))
    handles += [Line2D([0], [0], marker="o", color="white", markerfacecolor=palette[c],
                       markeredgecolor="#333333", markersize=8,
                       label=c if c != "none" else "no country (international, other)")
                for c in groups]
    fig.legend(handles=handles, loc="lower center", ncols=4, frameon=False, fontsize=9,
               title="Edges: width = number of events or quotations, arrow = direction. "
                     "Nodes: country of the actor, area = number of links.")


def _rank(kind: str) -> int:
    return TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER)


def _country_colours(groups: list[str]) -> dict[str, Any]:
    from matplotlib import colormaps

    cmap = colormaps["Set2"]  # muted: node colours must not read as the edges' quad classes
    return {c: ("#ffffff" if c == "none" else cmap(i % 8)) for i, c in enumerate(groups)}


def _event_edges(ev: pd.DataFrame) -> pd.DataFrame:
    """(s, t, quad, n): events per source -> target and quad class."""
    cols = ["s", "t", "quad", "n"]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    ev = ev[ev["source_actor_id"].notna() & ev["target_actor_id"].notna()]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    return (ev.assign(s=ev["source_actor_id"].astype(str), t=ev["target_actor_id"].astype(str),
                      quad=ev["quad_class"].astype(int))
            .groupby(["s", "t", "quad"]).size().reset_index(name="n")
            .sort_values(["s", "t", "quad"]).reset_index(drop=True))[cols]


def _quote_edges(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """(s, t, n): quotations per speaker -> actor mentioned inside the quoted words."""
    cols = ["s", "t", "n"]
    quotes, mentions = _table(tables, "quotes"), _table(tables, "actor_mentions")
    if quotes.empty or mentions.empty or "speaker_actor_id" not in quotes.columns:
        return pd.DataFrame(columns=cols)
    q = quotes[quotes["speaker_actor_id"].notna()]
    x = q[["quote_id", "article_id", "char_start", "char_end", "speaker_actor_id"]].merge(
        mentions[["article_id", "actor_id", "char_start", "char_end"]], on="article_id",
        suffixes=("", "_m"))
    x = x[(x["char_start_m"] >= x["char_start"]) & (x["char_end_m"] <= x["char_end"])
          & (x["actor_id"].astype(str) != x["speaker_actor_id"].astype(str))]
    if x.empty:
        return pd.DataFrame(columns=cols)
    pairs = x.assign(s=x["speaker_actor_id"].astype(str), t=x["actor_id"].astype(str))
    pairs = pairs.drop_duplicates(["quote_id", "t"])  # one link per quote and actor named
    return (pairs.groupby(["s", "t"]).size().reset_index(name="n")
            .sort_values(["s", "t"]).reset_index(drop=True))[cols]
