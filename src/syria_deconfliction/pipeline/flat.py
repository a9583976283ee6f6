"""Derived tables: built from the validated tables, never curated.

`events_flat` is the one-row-per-event view that users of ACLED or GDELT expect: the event with
its actors' names, types and countries, the people involved, the CAMEO description, the place's
coordinates, admin1 and country, the claimant's name and the reporting article's headline,
publisher, URL and date. Every value is looked up from another table by a key, so the flat table
can never say something the normalised tables do not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd


def _lookup(df: pd.DataFrame, key: str, column: str) -> dict[str, object]:
    return dict(zip(df[key].astype(str), df[column].astype(object), strict=True))


def _get(table: Mapping[str, object], keys: pd.Series) -> list[object]:
    return [None if pd.isna(k) else table.get(str(k)) for k in keys.astype(object)]


def people_involved(
    events: pd.DataFrame, event_actors: pd.DataFrame, actors: pd.DataFrame
) -> list[list[str]]:
    """Per event: names of the person actors in any role (event_actors, and the source, target
    and claimant columns), sorted and each once."""
    persons = set(actors.loc[actors["type"].astype(str) == "person", "actor_id"].astype(str))
    name = _lookup(actors, "actor_id", "name")
    linked: dict[str, set[str]] = {}
    for eid, aid in zip(event_actors["event_id"], event_actors["actor_id"], strict=True):
        linked.setdefault(str(eid), set()).add(str(aid))
    out = []
    for row in events[
        ["event_id", "source_actor_id", "target_actor_id", "claimed_by_actor_id"]
    ].itertuples(index=False):
        ids = linked.get(str(row.event_id), set()) | {
            str(a) for a in row[1:] if not pd.isna(a)
        }
        out.append(sorted(str(name[a]) for a in ids if a in persons))
    return out


def events_flat(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    ev = tables["events"].reset_index(drop=True)
    actors, places = tables["actors"], tables["places"]
    arts, cameo = tables["articles"], tables["cameo_codes"]
    out = pd.DataFrame(
        {
            c: ev[c]
            for c in (
                "event_id",
                "article_id",
                "incident_id",
                "summary",
                "date_start",
                "date_end",
                "date_precision",
            )
        }
    )
    for n, col in (("1", "source_actor_id"), ("2", "target_actor_id")):
        out[f"actor{n}_id"] = ev[col]
        for field, source in (("name", "name"), ("type", "type"), ("country_iso3", "country_iso3")):
            out[f"actor{n}_{field}"] = _get(_lookup(actors, "actor_id", source), ev[col])
    out["people"] = people_involved(ev, tables["event_actors"], actors)
    for c in ("cameo_code", "cameo_root"):
        out[c] = ev[c]
    out["cameo_description"] = _get(_lookup(cameo, "code", "name"), ev["cameo_code"])
    for c in ("quad_class", "goldstein", "plover_type", "place_id"):
        out[c] = ev[c]
    for field, source in (
        ("place_name", "name"),
        ("latitude", "latitude"),
        ("longitude", "longitude"),
        ("admin1", "admin1"),
        ("country_iso3", "country_iso3"),
        ("geo_precision", "geo_precision"),
    ):
        out[field] = _get(_lookup(places, "place_id", source), ev["place_id"])
    for c in ("fatalities", "injuries", "claim_status", "claimed_by_actor_id"):
        out[c] = ev[c]
    out["claimed_by_name"] = _get(_lookup(actors, "actor_id", "name"), ev["claimed_by_actor_id"])
    for c in ("headline", "publisher", "url", "published_date"):
        out[c] = _get(_lookup(arts, "article_id", c), ev["article_id"])
    for c in ("evidence_char_start", "evidence_char_end", "evidence_text", "method"):
        out[c] = ev[c]
    return out


# Derived table -> how to make it from the other (already normalised) tables.
DERIVED: dict[str, Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]] = {
    "events_flat": events_flat,
}
