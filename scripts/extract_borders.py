"""Write raw/knowledge/reference/levant_borders.geojson:
country outlines around Syria for the map figure.

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as shipped in the geopandas 0.14.4 wheel
on PyPI (geopandas/datasets/naturalearth_lowres/). Nothing is downloaded at build time: this
script was run once and its output is committed; the source is recorded in
raw/knowledge/reference/SOURCES.yaml.
It needs pyshp (`pip install pyshp`), which the project does not:

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne && cd /tmp/ne && unzip -q geopandas-*.whl
    python scripts/extract_borders.py \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Syria, its neighbours and the countries a map framed on Syria can show.
COUNTRIES = ("ARM", "AZE", "CYN", "CYP", "EGY", "GEO", "GRC", "IRN", "IRQ", "ISR", "JOR", "KWT",
             "LBN", "PSE", "SAU", "SYR", "TUR")
REFERENCE = Path(__file__).resolve().parents[1] / "raw" / "knowledge" / "reference"
OUT = REFERENCE / "levant_borders.geojson"


def rings(shape) -> list[list[list[float]]]:
    parts = [*shape.parts, len(shape.points)]
    return [[[round(x, 4), round(y, 4)] for x, y in shape.points[a:b]]
            for a, b in zip(parts, parts[1:], strict=False)]


def main(shp: str) -> None:
    import shapefile  # pyshp

    reader = shapefile.Reader(shp, encoding="latin-1")
    features = []
    for rec, shape in zip(reader.records(), reader.shapes(), strict=True):
        if rec["iso_a3"] not in COUNTRIES:
            continue
        # Natural Earth polygons here have no holes: each ring is one polygon of the country.
        features.append({
            "type": "Feature",
            "properties": {"iso_a3": rec["iso_a3"], "name": rec["name"]},
            "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings(shape)]},
        })
    features.sort(key=lambda f: f["properties"]["iso_a3"])
    doc = {"type": "FeatureCollection", "features": features}
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} countries -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
