"""events_flat: one row per event, and every value the same as a join of the tables says."""

from __future__ import annotations

import pandas as pd

import syria_deconfliction as sd
from syria_deconfliction.pipeline.flat import events_flat


def _plain(col: pd.Series) -> list[object]:
    return [None if not isinstance(v, list) and pd.isna(v) else v for v in col.astype(object)]


def test_loadable_one_row_per_event() -> None:
    flat, events = sd.load("events_flat"), sd.load("events")
    assert flat["event_id"].is_unique
    assert sorted(flat["event_id"]) == sorted(events["event_id"])
    assert flat["cameo_code"].str.fullmatch(r"[0-9]{2,4}").all()
    assert flat["cameo_code"].str.startswith("0").any()  # leading zeros survive


def test_flat_agrees_with_the_joined_tables(tables: dict[str, pd.DataFrame]) -> None:
    flat = tables["events_flat"].set_index("event_id")
    ev = tables["events"].set_index("event_id").loc[flat.index]
    actors = tables["actors"].set_index("actor_id")
    places = tables["places"].set_index("place_id")
    arts = tables["articles"].set_index("article_id")
    cameo = tables["cameo_codes"].set_index("code")

    def joined(keys: pd.Series, table: pd.DataFrame, column: str) -> list[object]:
        merged = pd.DataFrame({"k": keys.astype(object)}).merge(
            table[[column]], left_on="k", right_index=True, how="left")
        return _plain(merged[column])

    for col in ("article_id", "incident_id", "date_start", "date_end", "cameo_code",
                "quad_class", "goldstein", "plover_type", "place_id", "fatalities", "injuries",
                "claim_status", "claimed_by_actor_id", "evidence_char_start",
                "evidence_char_end", "evidence_text"):
        assert _plain(flat[col]) == _plain(ev[col]), col
    for n, role in (("1", "source_actor_id"), ("2", "target_actor_id")):
        assert _plain(flat[f"actor{n}_id"]) == _plain(ev[role])
        for field, source in (("name", "name"), ("type", "type"),
                              ("country_iso3", "country_iso3")):
            assert _plain(flat[f"actor{n}_{field}"]) == joined(ev[role], actors, source)
    for field, source in (("place_name", "name"), ("latitude", "latitude"),
                          ("longitude", "longitude"), ("admin1", "admin1"),
                          ("country_iso3", "country_iso3"), ("geo_precision", "geo_precision")):
        assert _plain(flat[field]) == joined(ev["place_id"], places, source), field
    for col in ("headline", "publisher", "url", "published_date"):
        assert _plain(flat[col]) == joined(ev["article_id"], arts, col), col
    assert _plain(flat["cameo_description"]) == joined(ev["cameo_code"], cameo, "name")
    assert _plain(flat["claimed_by_name"]) == joined(ev["claimed_by_actor_id"], actors, "name")

    # People: every person linked to the event in event_actors appears, and only persons.
    links = tables["event_actors"].merge(tables["actors"], on="actor_id")
    persons = links[links["type"] == "person"].groupby("event_id")["name"].agg(set)
    for eid, names in flat["people"].items():
        assert set(names) >= persons.get(eid, set()), eid
        assert len(names) == len(set(names))
        assert set(names) <= set(tables["actors"].loc[tables["actors"]["type"] == "person",
                                                      "name"])


def test_flat_is_derived_not_stored(tables: dict[str, pd.DataFrame]) -> None:
    """Renaming an actor in the registry renames it in the flat rows: nothing is copied."""
    actors = tables["actors"].copy()
    some = tables["events"]["source_actor_id"].dropna().iloc[0]
    actors.loc[actors["actor_id"] == some, "name"] = "Renamed actor"
    flat = events_flat({**tables, "actors": actors})
    assert (flat.loc[flat["actor1_id"] == some, "actor1_name"] == "Renamed actor").all()
    assert (flat["actor1_name"] == "Renamed actor").sum() == (
        tables["events"]["source_actor_id"] == some).sum()
