"""The SQLite/Datasette publication: constraints, full-text search, reproducible bytes, and a
real Datasette serving it on loopback.

Also home of `synthetic_tables()`, small tables for every schema (the other publish tests
import it): the real articles, text_segments and boilerplate, plus actors, places, CAMEO codes,
mentions, events and quotes made up by simple rules over the real clean texts, so that every
offset points at the real words.
"""

from __future__ import annotations

import importlib.util
import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

import syria_deconfliction as sd
from syria_deconfliction.paths import SCHEMAS
from syria_deconfliction.pipeline.flat import DERIVED
from syria_deconfliction.pipeline.frames import conform
from syria_deconfliction.pipeline.schemas import TableSchema, package_meta
from syria_deconfliction.publish.sqlite import (
    METADATA_FILE,
    SHORT_CHARS,
    create_table_sql,
    datasette_metadata,
    write_sqlite,
)
from syria_deconfliction.publish.textfree import strip_text

TABLE_ORDER = ["articles", "text_segments", "boilerplate", "actors", "actor_mentions", "places",
               "cameo_codes", "events", "event_actors", "quotes", "events_flat"]
DB_NAME = "syria-deconfliction"


def all_schemas() -> dict[str, TableSchema]:
    """Every schema in schemas/, whether or not package.json lists it yet."""
    return {n: TableSchema(n, json.loads((SCHEMAS / f"{n}.schema.json").read_text("utf-8")))
            for n in TABLE_ORDER}


ACTORS = [  # actor_id, name, type, country, parent, aliases (regex alternatives)
    ("russia", "Russia", "state", "RUS", None, ["Russia", "Moscow", "Russian Federation"]),
    ("united-states", "United States", "state", "USA", None,
     ["United States", "US", "U.S.", "Washington"]),
    ("russia-military", "Russian Armed Forces", "military", "RUS", "russia",
     ["Russian aircraft", "Russian warships", "Russian planes", "Russian armed forces"]),
    ("us-military", "United States Armed Forces", "military", "USA", "united-states",
     ["U.S. forces", "US military", "American troops"]),
    ("syria-government", "Government of Syria", "government_body", "SYR", None,
     ["Syrian government", "Damascus", "Assad"]),
    ("islamic-state", "Islamic State", "armed_group", None, None, ["Islamic State", "IS", "Isil"]),
]
PLACES = [  # place_id, name, feature, country, lat, lon, keyword
    ("syria", "Syria", "country", "SYR", 35.0, 38.5, "Syria"),
    ("al-tanf", "Al-Tanf", "military_base", "SYR", 33.4996, 38.6244, "Tanf"),
    ("latakia", "Latakia", "city", "SYR", 35.5317, 35.7917, "Latakia"),
    ("aleppo", "Aleppo", "city", "SYR", 36.2021, 37.1343, "Aleppo"),
    ("damascus", "Damascus", "city", "SYR", 33.5138, 36.2765, "Damascus"),
    ("caspian-sea", "Caspian Sea", "sea", None, 41.5, 50.5, "Caspian"),
    ("moscow", "Moscow", "city", "RUS", 55.7558, 37.6173, "Moscow"),
    ("no-coordinates", "Somewhere", "other", None, None, None, "nowhere-at-all"),
]
CAMEO = [  # code, name, level, quad, goldstein, plover, keyword regex
    ("036", "Express intent to meet or negotiate", 2, 1, 4.0, "CONSULT", r"\btalks?\b"),
    ("112", "Accuse, not specified below", 2, 3, -2.0, "ACCUSE", r"\b(accus|blame)"),
    ("190", "Use conventional military force, not specified below", 2, 4, -10.0, "ASSAULT",
     r"\b(attack|clash)"),
    ("195", "Employ aerial weapons", 2, 4, -10.0, "ASSAULT", r"\b(strike|bomb)"),
    ("0874", "Retreat or surrender militarily", 3, 2, 10.0, "RETREAT", r"\bwithdraw"),
]
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
QUOTE = re.compile(r"“([^”\n]{3,})”|\"([^\"\n]{3,})\"")


def _mentions(aid: str, text: str) -> list[dict]:
    rows, taken = [], set()
    for actor_id, _, _, _, _, aliases in ACTORS:
        pattern = r"\b(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len,
                                                                    reverse=True)) + r")(?!\w)"
        for m in re.finditer(pattern, text):
            if any(i in taken for i in range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            rows.append({"mention_id": f"{aid}#m{m.start()}", "article_id": aid,
                         "actor_id": actor_id, "char_start": m.start(), "char_end": m.end(),
                         "text": m.group(), "rule": "alias", "method": "automatic"})
    return rows


def _complete(row: dict, schema: TableSchema) -> dict:
    """Fit a made-up row to the schema as it is now: fields it lacks get a neutral valid value
    (null, or for a required field its first enum value, minimum, False, [] or 'x')."""
    out = {}
    for f in schema.fields:
        if f["name"] in row:
            out[f["name"]] = row[f["name"]]
            continue
        c = f.get("constraints") or {}
        if not c.get("required"):
            out[f["name"]] = None
        elif c.get("enum"):
            out[f["name"]] = c["enum"][0]
        else:
            out[f["name"]] = {"integer": c.get("minimum", 0), "number": c.get("minimum", 0.0),
                              "boolean": False, "array": [], "date": "2016-01-01"}.get(
                f["type"], "x")
    return out


def synthetic_tables() -> dict[str, pd.DataFrame]:
    """Conforming tables for every schema, spans pointing into the real clean texts."""
    schemas = all_schemas()
    articles = sd.load("articles")
    rows: dict[str, list[dict]] = {n: [] for n in TABLE_ORDER}
    for aid, text, pub in zip(articles["article_id"], articles["text"], articles["published_date"],
                              strict=True):
        mentions = _mentions(aid, text)
        rows["actor_mentions"] += mentions
        n_events = 0
        for sm in SENTENCE.finditer(text):
            sentence = sm.group().strip()
            start = sm.start() + (len(sm.group()) - len(sm.group().lstrip()))
            end = start + len(sentence)
            code = next((c for c in CAMEO if re.search(c[6], sentence, re.I)), None)
            if code is None or n_events >= 6:
                continue
            inside = [m for m in mentions if start <= m["char_start"] and m["char_end"] <= end]
            actors = list(dict.fromkeys(m["actor_id"] for m in inside))
            place = next((p for p in PLACES if p[6] in sentence), None)
            event_id = f"{aid}#e{n_events + 1}"
            day = (pub if not pd.isna(pub) else pd.Timestamp("2016-01-01")) - pd.Timedelta(
                days=3 * n_events)
            wd = WEEKDAY.search(text, start, end)
            rows["events"].append({
                "event_id": event_id, "article_id": aid,
                "incident_id": f"incident-{len(rows['events']) % 7}",
                "summary": f"Synthetic event {n_events + 1} of {aid}.",
                "evidence_char_start": start, "evidence_char_end": end, "evidence_text": sentence,
                "cameo_code": code[0], "cameo_root": code[0][:2], "quad_class": code[3],
                "goldstein": code[4], "plover_type": code[5],
                "source_actor_id": actors[0] if actors else None,
                "target_actor_id": actors[1] if len(actors) > 1 else None,
                "date_start": day, "date_end": day + pd.Timedelta(days=n_events % 3),
                "date_precision": "day", "date_text": wd.group() if wd else None,
                "date_char_start": wd.start() if wd else None,
                "date_char_end": wd.end() if wd else None,
                "date_method": "relative-resolved" if wd else "inferred",
                "place_id": place[0] if place else None, "claim_status": "reported",
                "claimed_by_actor_id": None, "fatalities": None, "injuries": None,
                "method": "automatic", "notes": None})
            for role, actor in (("source", actors[:1]), ("target", actors[1:2])):
                for a in actor:
                    rows["event_actors"].append({"event_id": event_id, "actor_id": a,
                                                 "role": role})
            n_events += 1
        for qm in QUOTE.finditer(text):
            g = 1 if qm.group(1) is not None else 2
            before = [m for m in mentions if m["char_end"] <= qm.start(g)]
            speaker = before[-1] if before else None
            rows["quotes"].append({
                "quote_id": f"{aid}#q{qm.start(g)}", "article_id": aid, "text": qm.group(g),
                "char_start": qm.start(g), "char_end": qm.end(g), "quote_type": "direct",
                "speaker_actor_id": speaker["actor_id"] if speaker else None,
                "speaker_mention": speaker["text"] if speaker else None,
                "speaker_char_start": speaker["char_start"] if speaker else None,
                "speaker_char_end": speaker["char_end"] if speaker else None,
                "speaker_description": None, "verb": "say", "attribution": "nearest-before",
                "event_id": None, "confidence": 0.5, "method": "automatic", "curation": "none",
                "reason": None})
    men = pd.DataFrame(rows["actor_mentions"])
    for actor_id, name, kind, country, parent, aliases in ACTORS:
        mine = men[men["actor_id"] == actor_id]
        rows["actors"].append({
            "actor_id": actor_id, "name": name, "type": kind, "country_iso3": country,
            "parent_actor_id": parent, "title": None, "aliases": aliases, "cameo_code": None,
            "wikidata_id": None, "mention_count": len(mine),
            "article_count": mine["article_id"].nunique(), "method": "curated", "notes": None})
    for place_id, name, feature, country, lat, lon, _ in PLACES:
        rows["places"].append({
            "place_id": place_id, "name": name, "alternate_names": [name], "feature_type": feature,
            "admin1": None, "country_iso3": country, "latitude": lat, "longitude": lon,
            "geo_precision": "country" if feature == "country" else "locality",
            "geonames_id": None, "coord_source": "synthetic test data", "notes": None})
    for code, name, level, quad, goldstein, plover, _ in CAMEO:
        rows["cameo_codes"].append({
            "code": code, "name": name, "root": code[:2], "level": level, "quad_class": quad,
            "goldstein": goldstein, "plover_type": plover, "plover_notes": None})
    out = {"articles": articles, "text_segments": sd.load("text_segments"),
           "boilerplate": sd.load("boilerplate")}
    for name in TABLE_ORDER[3:]:
        if name in DERIVED:
            continue
        schema = schemas[name]
        records = [_complete(r, schema) for r in rows[name]]
        df = conform(pd.DataFrame(records, columns=schema.field_names), schema)
        out[name] = df.sort_values(schema.primary_key, kind="stable").reset_index(drop=True)
    for name, make in DERIVED.items():  # as the build derives them
        df = conform(make(out), schemas[name])
        out[name] = df.sort_values(schemas[name].primary_key, kind="stable").reset_index(drop=True)
    return out


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return synthetic_tables()


@pytest.fixture(scope="module")
def db(tables, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / f"{DB_NAME}.db"
    write_sqlite(tables, all_schemas(), package_meta(), path)
    return path


def test_synthetic_tables_are_valid(tables):
    """The test data itself passes the project's validation, so tests below mean something."""
    from syria_deconfliction.pipeline.validate import (
        check_foreign_keys,
        check_spans,
        validate_table,
    )

    schemas = all_schemas()
    for name, schema in schemas.items():
        validate_table(tables[name], schema)
    check_foreign_keys(tables, schemas)
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True))
    check_spans(tables, texts)
    for name in ("events", "quotes", "actor_mentions", "event_actors"):
        assert len(tables[name]) >= 5, name
    assert tables["events"]["date_text"].notna().any()


# ---------------------------------------------------------------- structure


def test_columns_types_and_keys(db, tables):
    con = sqlite3.connect(db)
    for name, schema in all_schemas().items():
        info = {r[1]: r for r in con.execute(f'PRAGMA table_info("{name}")')}
        assert list(info) == schema.field_names
        for f in schema.fields:
            cid, col, typ, notnull, _, pk = info[f["name"]]
            want = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT",
                    "array": "TEXT", "boolean": "INTEGER"}[f["type"]]
            assert typ == want, (name, col)
            assert bool(notnull) == bool((f.get("constraints") or {}).get("required")), (name, col)
        pk_cols = [c for c, r in sorted(info.items(), key=lambda kv: kv[1][5]) if r[5]]
        assert pk_cols == schema.primary_key, name
        fks = {(r[2], r[3], r[4]) for r in con.execute(f'PRAGMA foreign_key_list("{name}")')}
        want_fks = {(fk["reference"]["resource"], fk["fields"][0], fk["reference"]["fields"][0])
                    for fk in schema.foreign_keys}
        assert fks == want_fks, name
        n = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        assert n == len(tables[name])
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA page_size").fetchone()[0] == 4096


def test_values_arrays_dates_and_row_order(db, tables):
    con = sqlite3.connect(db)
    art = tables["articles"]
    got = con.execute("SELECT article_id, published_date, credits, text FROM articles "
                      "ORDER BY rowid").fetchall()
    assert [g[0] for g in got] == sorted(art["article_id"])
    by_id = art.set_index("article_id")
    for aid, date, credits, text in got:
        assert date == by_id.loc[aid, "published_date"].date().isoformat()
        assert json.loads(credits) == list(by_id.loc[aid, "credits"])
        assert text == by_id.loc[aid, "text"]
    aliases = con.execute("SELECT aliases FROM actors WHERE actor_id = 'united-states'").fetchone()
    assert json.loads(aliases[0]) == ["United States", "US", "U.S.", "Washington"]
    missing = con.execute("SELECT latitude FROM places WHERE place_id='no-coordinates'").fetchone()
    assert missing == (None,)


def test_constraints_are_enforced(db, tmp_path):
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    con = sqlite3.connect(copy, isolation_level=None)  # autocommit: deferred keys checked at once
    con.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE events SET source_actor_id = 'nobody' WHERE rowid = 1")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        con.execute("UPDATE events SET plover_type = 'PARTY' WHERE rowid = 1")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        con.execute("UPDATE events SET quad_class = 5 WHERE rowid = 1")
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        con.execute("UPDATE articles SET source_file = (SELECT max(source_file) FROM articles) "
                    "WHERE rowid = 1")


def test_bad_foreign_key_refuses_and_leaves_nothing(tables, tmp_path):
    bad = dict(tables)
    ev = tables["events"].copy()
    ev.loc[0, "place_id"] = "atlantis"
    bad["events"] = ev
    path = tmp_path / "bad.db"
    with pytest.raises(sqlite3.IntegrityError):
        write_sqlite(bad, all_schemas(), package_meta(), path)
    assert list(tmp_path.iterdir()) == []


def test_missing_referenced_table_is_an_error(tables, tmp_path):
    partial = {n: df for n, df in tables.items() if n != "actors"}
    with pytest.raises(ValueError, match="actors"):
        write_sqlite(partial, all_schemas(), package_meta(), tmp_path / "x.db")


def test_create_table_sql_text_free_relaxes_only_named_columns():
    schema = all_schemas()["quotes"]
    sql = create_table_sql(schema, nullable=["text"])
    assert '"text" TEXT,' in sql
    assert '"article_id" TEXT NOT NULL' in sql


# ---------------------------------------------------------------- search


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


def test_full_text_search_finds_words(db, tables):
    con = sqlite3.connect(db)
    art = tables["articles"]
    word = "Lavrov"
    want = sorted(a for a, t in zip(art["article_id"], art["text"], strict=True)
                  if re.search(rf"\b{word}\b", t))
    assert want and len(want) < len(art)
    got = [r[0] for r in con.execute(
        "SELECT article_id FROM articles WHERE rowid IN "
        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) ORDER BY article_id",
        (word,))]
    assert got == want
    # a word that only headlines contain is found through the headline column
    head = art["headline"].iloc[0]
    only_head = sorted(_words(head) - set().union(*(_words(t[len(head):]) for t in art["text"])))
    if only_head:
        hits = con.execute("SELECT count(*) FROM articles_fts WHERE headline MATCH ?",
                           (only_head[0],)).fetchone()[0]
        assert hits >= 1
    quote = tables["quotes"]["text"].iloc[0]
    qword = max(re.findall(r"[A-Za-z]{5,}", quote), key=len)
    got_q = {r[0] for r in con.execute(
        "SELECT quote_id FROM quotes WHERE rowid IN "
        "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", (qword,))}
    assert tables["quotes"]["quote_id"].iloc[0] in got_q
    assert con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH "
                       "'zzzqqqxxy'").fetchone()[0] == 0


# ---------------------------------------------------------------- reproducibility


def test_two_runs_give_identical_bytes(db, tables, tmp_path):
    again = tmp_path / f"{DB_NAME}.db"
    write_sqlite(tables, all_schemas(), package_meta(), again)
    assert again.read_bytes() == db.read_bytes()
    assert (tmp_path / METADATA_FILE).read_bytes() == (db.parent / METADATA_FILE).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{DB_NAME}.db", METADATA_FILE])


def test_text_free_database(tables, tmp_path):
    free = strip_text(tables)
    path = tmp_path / "free.db"
    write_sqlite(free, all_schemas(), package_meta(), path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM articles WHERE text IS NOT NULL").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM quotes WHERE text IS NOT NULL").fetchone() == (0,)
    # headlines stay searchable
    word = max(re.findall(r"[A-Za-z]{5,}", tables["articles"]["headline"].iloc[0]), key=len)
    assert con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                       (word,)).fetchone()[0] >= 1
    data = path.read_bytes().decode("utf-8", "replace")
    for text, credits in zip(tables["articles"]["text"], tables["articles"]["credits"],
                             strict=True):
        # the headline (paragraph 0) is kept, and so are the credit lines (articles.credits)
        for paragraph in text.split("\n\n")[1:]:
            assert paragraph[:40] not in data or paragraph in list(credits)


# ---------------------------------------------------------------- metadata


def test_datasette_metadata_from_schemas():
    schemas = all_schemas()
    pkg = package_meta()
    meta = datasette_metadata(schemas, pkg, database=DB_NAME)
    assert meta["title"] == pkg["title"]
    assert meta["license_url"].startswith("https://creativecommons.org/")
    assert "The Moscow Times" in meta["source"]
    tmeta = meta["databases"][DB_NAME]["tables"]
    assert list(tmeta) == TABLE_ORDER
    for name, schema in schemas.items():
        assert tmeta[name]["title"] == schema.descriptor["title"]
        assert tmeta[name]["description"].startswith(schema.descriptor["description"])
        assert set(tmeta[name]["columns"]) == set(schema.field_names)
        for f in schema.fields:
            short = tmeta[name]["columns"][f["name"]]
            # short (the full text stays in the data dictionary), and a start of the full text
            assert len(short) <= SHORT_CHARS + len(" (text: keep leading zeros)"), short
            assert f["description"].startswith(short.split(" (text:")[0].rstrip("…"))
    assert tmeta["events"]["columns"]["cameo_code"].endswith("(text: keep leading zeros)")
    assert "leading zeros" not in tmeta["events"]["columns"]["quad_class"]
    assert "/docs/DATA_DICTIONARY.md#events" in tmeta["events"]["description_html"]
    assert tmeta["articles"]["fts_table"] == "articles_fts"
    assert tmeta["quotes"]["fts_table"] == "quotes_fts"
    assert tmeta["actors"]["label_column"] == "name"
    queries = meta["databases"][DB_NAME]["queries"]
    assert set(queries) == {"events_by_actor", "quotes_by_speaker", "incident_timeline",
                            "events_on_a_map"}
    # a database without the flat table offers only the queries it can answer
    partial = datasette_metadata({n: s for n, s in schemas.items() if n != "events_flat"}, pkg)
    assert set(partial["databases"]["syria-deconfliction"]["queries"]) == {"quotes_by_speaker"}


def test_canned_queries_run(db, tables):
    """Each canned query runs on the database and answers its question."""
    con = sqlite3.connect(db)
    queries = datasette_metadata(all_schemas(), package_meta(), DB_NAME)["databases"][DB_NAME][
        "queries"]
    flat = tables["events_flat"]
    actor = flat["actor1_id"].dropna().iloc[0]
    rows = con.execute(queries["events_by_actor"]["sql"], {"actor": actor}).fetchall()
    # an actor id, or part of a name (case-insensitive, as SQL LIKE)
    names = tables["actors"].set_index("actor_id")["name"]

    def matching(term: str) -> set[str]:
        return {a for a, n in names.items() if a == term or term.lower() in n.lower()}

    links = tables["event_actors"]
    want = links.loc[links["actor_id"].isin(matching(actor)), "event_id"].nunique()
    assert len(rows) == want > 0
    speaker = tables["quotes"]["speaker_actor_id"].dropna().iloc[0]
    rows = con.execute(queries["quotes_by_speaker"]["sql"], {"speaker": speaker}).fetchall()
    assert len(rows) == tables["quotes"]["speaker_actor_id"].isin(matching(speaker)).sum() > 0
    incident = flat["incident_id"].iloc[0]
    rows = con.execute(queries["incident_timeline"]["sql"], {"incident_id": incident}).fetchall()
    assert len(rows) == (flat["incident_id"] == incident).sum()
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)  # by date
    rows = con.execute(queries["events_on_a_map"]["sql"]).fetchall()
    assert len(rows) == flat["latitude"].notna().sum()


def test_quote_search_matches_the_speakers_name(db, tables):
    """Searching quotes for a speaker's registry name finds every quote of that speaker, also
    where the article calls them something else."""
    con = sqlite3.connect(db)
    quotes = tables["quotes"].merge(tables["actors"], left_on="speaker_actor_id",
                                    right_on="actor_id")
    name = quotes["name"].value_counts().index[0]
    word = max(re.findall(r"[A-Za-z]{4,}", name), key=len)
    got = {r[0] for r in con.execute(
        "SELECT quote_id FROM quotes WHERE rowid IN "
        "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", (word,))}
    assert set(quotes.loc[quotes["name"] == name, "quote_id"]) <= got


# ---------------------------------------------------------------- Datasette itself


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (loopback only)
        return resp.read()


@pytest.mark.skipif(importlib.util.find_spec("datasette") is None,
                    reason="datasette is not installed (pip install datasette)")
def test_datasette_serves_search_and_metadata(db, tables, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "datasette.log").open("wb")
    # Configuration-directory mode: the folder holds the .db and metadata.json.
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db.parent), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            if proc.poll() is not None:
                out = (tmp_path / "datasette.log").read_text(errors="replace")
                pytest.fail(f"datasette exited with {proc.returncode}: {out[-2000:]}")
            try:
                _get(base + "/-/versions.json")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("datasette did not answer within 20 s")
                time.sleep(0.25)
        art = tables["articles"]
        want = sorted(a for a, t in zip(art["article_id"], art["text"], strict=True)
                      if re.search(r"\bLavrov\b", t))
        query = urllib.parse.urlencode({"_shape": "array", "_search": "Lavrov",
                                        "_col": "headline"})
        rows = json.loads(_get(f"{base}/{DB_NAME}/articles.json?{query}"))
        assert sorted(r["article_id"] for r in rows) == want
        meta = json.loads(_get(base + "/-/metadata.json"))
        assert meta["title"] == package_meta()["title"]
        for table in ("articles", "quotes"):
            page = _get(f"{base}/{DB_NAME}/{table}").decode()
            assert 'name="_search"' in page, f"no search box on {table}"
        page = _get(f"{base}/{DB_NAME}/events").decode()
        assert 'name="_search"' not in page
        assert "CAMEO event code (cameo_codes table) (text: keep leading zeros)" in page
        assert "Stable id: article id, &#39;#e&#39; and a sequence number" in page
        assert "from the curation file." not in page  # short descriptions only
        page = _get(f"{base}/{DB_NAME}/events_by_actor").decode()
        assert 'name="actor"' in page  # the canned query's parameter form
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()
