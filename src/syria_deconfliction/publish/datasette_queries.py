"""Canned queries for Datasette: the questions an analyst asks first, one click away.

Each query names the tables it reads, so that a database without one of them (a partial build
in a test) simply does not offer it. Parameters (`:actor`, `:speaker`, `:incident_id`) become
form fields on the query's page; each accepts an id or part of a name.
"""

from __future__ import annotations

from typing import Any

CANNED_QUERIES: dict[str, dict[str, Any]] = {
    "events_by_actor": {
        "title": "Events by actor",
        "description": "Every event an actor takes part in, in any role, by date. "
        "Type an actor id (e.g. russia) or part of a name (e.g. Lavrov).",
        "tables": ("events_flat", "event_actors", "actors"),
        "sql": """select f.date_start, f.actor1_name, f.plover_type, f.cameo_description,
  f.actor2_name, f.place_name, group_concat(distinct ea.role) as roles,
  f.claim_status, f.summary, f.event_id, f.publisher
from events_flat as f
join event_actors as ea on ea.event_id = f.event_id
join actors as a on a.actor_id = ea.actor_id
where a.actor_id = :actor or a.name like '%' || :actor || '%'
group by f.event_id
order by f.date_start, f.event_id""",
    },
    "quotes_by_speaker": {
        "title": "Quotes by speaker",
        "description": "Every quotation of a speaker, by article and position. Type an actor "
        "id or part of the speaker's name.",
        "tables": ("quotes", "actors", "articles"),
        "sql": """select a.name as speaker, q.text, q.quote_type, q.verb,
  q.speaker_mention, ar.published_date, ar.publisher, ar.headline, q.event_id, q.quote_id
from quotes as q
join actors as a on a.actor_id = q.speaker_actor_id
join articles as ar on ar.article_id = q.article_id
where a.actor_id = :speaker or a.name like '%' || :speaker || '%'
order by ar.published_date, q.article_id, q.char_start""",
    },
    "incident_timeline": {
        "title": "An incident's timeline",
        "description": "Every report of one real-world incident, in every article, by date. "
        "Type an incident id or part of one (e.g. 2015-09-30-russia-begins-air-strikes).",
        "tables": ("events_flat",),
        "sql": """select date_start, date_end, date_precision, actor1_name, plover_type,
  cameo_description, actor2_name, place_name, fatalities, claim_status, claimed_by_name,
  publisher, published_date, evidence_text, incident_id, event_id
from events_flat
where incident_id like '%' || :incident_id || '%'
order by date_start, published_date, event_id""",
    },
    "events_on_a_map": {
        "title": "Events on a map",
        "description": "Events with coordinates, one row each, from the flat event table "
        "(with the datasette-cluster-map plugin installed, these rows show on a map).",
        "tables": ("events_flat",),
        "sql": """select event_id, date_start, actor1_name, plover_type, actor2_name,
  place_name, admin1, country_iso3, geo_precision, latitude, longitude, fatalities, summary
from events_flat
where latitude is not null and longitude is not null
order by date_start, event_id""",
    },
}


def canned_queries(tables: set[str]) -> dict[str, dict[str, Any]]:
    """Datasette's `queries` block for a database holding `tables`."""
    return {
        name: {k: v for k, v in spec.items() if k != "tables"}
        for name, spec in CANNED_QUERIES.items()
        if set(spec["tables"]) <= tables
    }
