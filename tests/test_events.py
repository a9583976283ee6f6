"""The events table: curated records completed and checked by rule."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import TODAY

from syria_deconfliction.errors import InputError
from syria_deconfliction.pipeline.run import build


@pytest.fixture(scope="module")
def events(tables) -> pd.DataFrame:
    return tables["events"].set_index("event_id")


def _one(events: pd.DataFrame, prefix: str, evidence_part: str) -> pd.Series:
    hit = events[
        events.index.str.startswith(prefix)
        & events["evidence_text"].str.contains(evidence_part, regex=False)
    ]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_every_article_has_events(tables) -> None:
    assert set(tables["events"]["article_id"]) == set(tables["articles"]["article_id"])


def test_codes_are_looked_up_not_typed(tables) -> None:
    codes = tables["cameo_codes"].set_index("code")
    for r in tables["events"].itertuples():
        c = codes.loc[r.cameo_code]
        assert (r.cameo_root, r.quad_class, r.plover_type) == (
            c["root"],
            c["quad_class"],
            c["plover_type"],
        )
        assert (pd.isna(r.goldstein) and pd.isna(c["goldstein"])) or r.goldstein == c["goldstein"]
        assert r.cameo_code.startswith(r.cameo_root)


def test_dates_within_bounds_and_precision(tables) -> None:
    pub = tables["articles"].set_index("article_id")["published_date"]
    for r in tables["events"].itertuples():
        assert r.date_start <= r.date_end
        assert r.date_start >= pd.Timestamp("2011-01-01")
        if r.claim_status != "planned":
            assert r.date_start <= pub[r.article_id]
        if r.date_start == r.date_end:
            assert r.date_precision == "day"
        if r.date_method in ("explicit", "relative-resolved", "curated") and isinstance(
            r.date_text, str
        ):
            assert r.date_char_start is not pd.NA


@pytest.mark.parametrize(
    ("prefix", "evidence", "date", "precision", "method", "place"),
    [
        (
            "2016-07-22",
            "Russian aircraft bombed a rebel base",
            "2016-06-16",
            "day",
            "relative-resolved",
            "al-tanf",
        ),
        (
            "2016-07-22",
            "British contingent moved off the site",
            "2016-06-15",
            "day",
            "relative-resolved",
            "al-tanf",
        ),
        ("2015-10-07", "26 missile strikes", "2015-10-07", "day", "relative-resolved", "syria"),
        (
            "2020-08-27",
            "struck a US armoured truck",
            "2020-08-25",
            "day",
            "relative-resolved",
            "north-east-syria",
        ),
        (
            "2020-08-27",
            "four-hour firefight",
            "2018-02-01",
            "month",
            "explicit",
            "north-east-syria",
        ),
        (
            "2015-09-17",
            "showed the recent arrival of Russian tanks",
            "2015-09-04",
            "day",
            "relative-resolved",
            "hmeimim-air-base",
        ),
    ],
)
def test_dates_and_places_from_the_text(
    events, prefix, evidence, date, precision, method, place
) -> None:
    row = _one(events, prefix, evidence)
    assert row["date_start"] == pd.Timestamp(date)
    assert row["date_precision"] == precision
    assert row["date_method"] == method
    assert row["place_id"] == place


def test_fatalities_as_stated_and_claims(events) -> None:
    strike = _one(events, "2016-07-22", "Russian aircraft bombed a rebel base")
    assert strike["fatalities"] == 4
    assert strike["claimed_by_actor_id"] == "wall-street-journal"
    assert (events["claim_status"] == "denied").any()
    collision = _one(events, "2020-08-27", "struck a US armoured truck")
    assert pd.isna(collision["injuries"])  # "a number of American troops": no figure stated


def test_one_incident_across_articles(tables) -> None:
    per_incident = tables["events"].groupby("incident_id")["article_id"].nunique()
    assert per_incident.max() >= 2


def test_event_actors_repeat_source_and_target(tables) -> None:
    links = tables["event_actors"]
    for r in tables["events"].itertuples():
        mine = links[links["event_id"] == r.event_id]
        if isinstance(r.source_actor_id, str):
            assert ((mine["actor_id"] == r.source_actor_id) & (mine["role"] == "source")).any()
        if isinstance(r.target_actor_id, str):
            assert ((mine["actor_id"] == r.target_actor_id) & (mine["role"] == "target")).any()


def _edit(project: Path, old: str, new: str) -> None:
    f = project / "raw" / "curation" / "events.yaml"
    text = f.read_text()
    assert old in text
    f.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    source: russia-foreign-ministry\n",
            "    source: atlantis-navy\n",
            "unknown source actor",
        ),
        ('    cameo: "0212"\n', '    cameo: "9999"\n', "unknown CAMEO code"),
        ("    place: sochi\n", "    place: atlantis\n", "unknown place"),
        (
            'evidence: "Russia on Thursday strongly urged',
            'evidence: "Russia on Friday strongly urged',
            "is not in the article",
        ),
        ("      start: 2016-06-16\n", "      start: 2016-06-17\n", "ends .* before it starts"),
    ],
)
def test_bad_event_records_stop_the_build(project: Path, old: str, new: str, message: str) -> None:
    _edit(project, old, new)
    with pytest.raises(InputError, match=message) as info:
        build(project, today=TODAY)
    assert str(info.value).startswith("raw/curation/events.yaml")


def test_unplanned_event_after_publication_is_refused(project: Path) -> None:
    f = project / "raw" / "curation" / "events.yaml"
    text = f.read_text()
    i = text.index("      start: 2016-06-16\n")
    j = text.index("      end: 2016-06-16\n", i)
    f.write_text(
        text[:i]
        + "      start: 2016-08-01\n"
        + text[i + 23 : j]
        + "      end: 2016-08-01\n"
        + text[j + 21 :]
    )
    with pytest.raises(InputError, match="outside"):
        build(project, today=TODAY)
