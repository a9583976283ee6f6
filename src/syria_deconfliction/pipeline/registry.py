"""Load and check the curated actor registry (raw/knowledge/actors.yaml) and gazetteer
(raw/knowledge/places.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .rawdata import check_fields, read_checked
from .reference import cameo_actor_codes, country_codes

ACTOR_FIELDS = {
    "id",
    "name",
    "type",
    "country_iso3",
    "parent",
    "title",
    "aliases",
    "demonyms",
    "metonyms",
    "cameo_code",
    "wikidata_id",
    "notes",
}
PLACE_FIELDS = {
    "id",
    "name",
    "alternate_names",
    "feature_type",
    "admin1",
    "country_iso3",
    "latitude",
    "longitude",
    "geo_precision",
    "geonames_id",
    "coord_source",
    "notes",
}


@dataclass(frozen=True)
class Registry:
    actors: list[dict[str, Any]]
    places: list[dict[str, Any]]
    not_actors: list[dict[str, Any]]

    @property
    def actor_ids(self) -> set[str]:
        return {a["id"] for a in self.actors}

    @property
    def place_ids(self) -> set[str]:
        return {p["id"] for p in self.places}

    @property
    def actor_types(self) -> dict[str, str]:
        return {a["id"]: a["type"] for a in self.actors}


def _entries(doc: Any, key: str, rel: str) -> list[dict[str, Any]]:
    if not isinstance(doc, dict) or not isinstance(doc.get(key), list):
        raise InputError(rel, None, f"expected a list under '{key}:'", "see the comment at the top")
    for i, e in enumerate(doc[key]):
        if not isinstance(e, dict):
            raise InputError(
                rel,
                f"{key} entry {i + 1}",
                "entry is not a mapping",
                "write each entry as '- id: ...' with its fields",
            )
    return doc[key]


def _unique(rel: str, entries: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for e in entries:
        if e["id"] in seen:
            raise InputError(rel, e["id"], "duplicate id", "give each entry its own id")
        seen.add(e["id"])


def load_registry(raw: Path) -> Registry:
    """The registry and gazetteer from a knowledge folder (raw/knowledge/ or the wheel's copy)."""
    ref = raw / "reference"
    countries, cameo = country_codes(ref), cameo_actor_codes(ref)

    rel = "raw/knowledge/actors.yaml"
    doc = read_checked(raw / "actors.yaml", "actors")
    actors = _entries(doc, "actors", rel)
    for a in actors:
        check_fields(rel, str(a.get("id")), a, ACTOR_FIELDS, {"id", "name", "type"})
        for key in ("aliases", "demonyms", "metonyms"):
            if a.get(key) is not None and not isinstance(a[key], list):
                raise InputError(rel, a["id"], f"{key} must be a list", f"write {key}: [A, B]")
        if a.get("country_iso3") and a["country_iso3"] not in countries:
            raise InputError(
                rel,
                a["id"],
                f"unknown country code {a['country_iso3']!r}",
                "use an ISO 3166-1 alpha-3 code from raw/knowledge/reference/countries.csv",
            )
        if a.get("cameo_code") and not _valid_cameo(a["cameo_code"], cameo):
            raise InputError(
                rel,
                a["id"],
                f"unknown CAMEO actor code {a['cameo_code']!r}",
                "use a code from raw/knowledge/reference/cameo_actor_codes.csv or add it there "
                "with its source",
            )
    _unique(rel, actors)
    ids = {a["id"] for a in actors}
    parents = {x["id"]: x.get("parent") for x in actors}
    for a in actors:
        if a.get("parent") and a["parent"] not in ids:
            raise InputError(
                rel,
                a["id"],
                f"unknown parent {a['parent']!r}",
                "add the parent actor or correct the id",
            )
        _no_cycle(rel, a, parents)
    not_actors = doc.get("not_actors") or []

    rel = "raw/knowledge/places.yaml"
    places = _entries(read_checked(raw / "places.yaml", "places"), "places", rel)
    for p in places:
        check_fields(
            rel,
            str(p.get("id")),
            p,
            PLACE_FIELDS,
            {"id", "name", "feature_type", "geo_precision", "coord_source"},
        )
        if p.get("country_iso3") and p["country_iso3"] not in countries:
            raise InputError(
                rel,
                p["id"],
                f"unknown country code {p['country_iso3']!r}",
                "use an ISO 3166-1 alpha-3 code",
            )
    _unique(rel, places)
    return Registry(actors, places, not_actors)


def _valid_cameo(code: str, known: set[str]) -> bool:
    """A CAMEO actor code is a listed code or, by the codebook's composition rule, a sequence
    of listed three-letter codes (country then roles: RUS + JUD)."""
    if code in known:
        return True
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    return len(code) % 3 == 0 and all(p in known for p in parts)


def _no_cycle(rel: str, actor: dict[str, Any], parents: dict[str, str | None]) -> None:
    seen, cur = {actor["id"]}, parents.get(actor["id"])
    while cur:
        if cur in seen:
            raise InputError(
                rel,
                actor["id"],
                "parent chain loops back on itself",
                "break the cycle of parent ids",
            )
        seen.add(cur)
        cur = parents.get(cur)


def actor_rows(reg: Registry, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actors table: curated fields, every surface form seen or listed, mention counts."""
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_actor.setdefault(m["actor_id"], []).append(m)
    rows = []
    for a in reg.actors:
        ms = by_actor.get(a["id"], [])
        forms = {
            a["name"],
            *(a.get("aliases") or []),
            *(a.get("metonyms") or []),
            *(a.get("demonyms") or []),
            *(m["text"] for m in ms),
        }
        rows.append(
            {
                "actor_id": a["id"],
                "name": a["name"],
                "type": a["type"],
                "country_iso3": a.get("country_iso3"),
                "parent_actor_id": a.get("parent"),
                "title": a.get("title"),
                "aliases": sorted(forms),
                "cameo_code": a.get("cameo_code"),
                "wikidata_id": a.get("wikidata_id"),
                "mention_count": len(ms),
                "article_count": len({m["article_id"] for m in ms}),
                "method": "curated",
                "notes": _text(a.get("notes")),
            }
        )
    return rows


def place_rows(reg: Registry) -> list[dict[str, Any]]:
    return [
        {
            "place_id": p["id"],
            "name": p["name"],
            "alternate_names": list(p.get("alternate_names") or []),
            "feature_type": p["feature_type"],
            "admin1": p.get("admin1"),
            "country_iso3": p.get("country_iso3"),
            "latitude": p.get("latitude"),
            "longitude": p.get("longitude"),
            "geo_precision": p["geo_precision"],
            "geonames_id": p.get("geonames_id"),
            "coord_source": p["coord_source"],
            "notes": _text(p.get("notes")),
        }
        for p in reg.places
    ]


def _text(v: Any) -> str | None:
    return " ".join(str(v).split()) or None if v else None
