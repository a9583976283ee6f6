"""Write the tables as one SQLite database that Datasette (0.65) can serve as it is.

Each table becomes an SQLite table with the column types, NOT NULL, UNIQUE, CHECK (enum,
minimum, maximum), PRIMARY KEY and FOREIGN KEY constraints its schema declares; arrays are
stored as JSON text and dates as ISO 8601 text. Articles (headline, text) and quotes (text)
get FTS5 full-text indexes named `<table>_fts` over the table as external content, which
Datasette detects and shows as a search box.

`write_sqlite` also writes Datasette's metadata (titles, licences, sources, table and column
descriptions) as `metadata.json` beside the database, so the folder holding both is a
Datasette configuration directory and one command serves it with its documentation:

    datasette build/datasette/

(equivalently `datasette build/datasette/NAME.db --metadata build/datasette/metadata.json`).
Keep the database in a folder of its own: in that mode Datasette serves every *.db it finds.

The bytes are reproducible: the database is built in a temporary file with a fixed page size,
rows go in primary-key order, the file is VACUUMed and only then moved into place.
"""

from __future__ import annotations

import html
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..pipeline.schemas import TableSchema, is_text_code
from .datasette_queries import canned_queries
from .textfree import is_text_free, stripped_columns

PAGE_SIZE = 4096
METADATA_FILE = "metadata.json"
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER",
             "date": "TEXT", "array": "TEXT"}
# Tables with a full-text index, and the columns it covers.
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("headline", "text"),
    "quotes": ("text", "speaker_name", "speaker_mention", "speaker_description"),
}
# An index over columns that are not all in its table reads them from a view (FTS5 external
# content may be a view with a rowid column): searching quotes for "Lavrov" finds every quote
# whose speaker is Lavrov, however the article referred to him ("the foreign minister", "he").
FTS_CONTENT_VIEWS: dict[str, tuple[str, str]] = {
    "quotes": (
        "quotes_search",
        "SELECT q.rowid AS rowid, q.text, a.name AS speaker_name, q.speaker_mention, "
        "q.speaker_description FROM quotes AS q "
        "LEFT JOIN actors AS a ON a.actor_id = q.speaker_actor_id",
    ),
}
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
LABEL_COLUMNS = ("name", "headline", "summary")


def q(name: str) -> str:
    """Quote an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _lit(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def _listify(v: str | list[str]) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def create_table_sql(schema: TableSchema, nullable: Iterable[str] = ()) -> str:
    """CREATE TABLE for one schema. Columns in `nullable` lose NOT NULL (a text-free build)."""
    relaxed = set(nullable)
    pk = schema.primary_key
    lines = []
    for f in schema.fields:
        c = f.get("constraints") or {}
        name = f["name"]
        parts = [q(name), SQL_TYPES[f["type"]]]
        if c.get("required") and name not in relaxed:
            parts.append("NOT NULL")
        if c.get("unique") and [name] != pk:
            parts.append("UNIQUE")
        checks = []
        if c.get("enum") is not None:
            checks.append(f"{q(name)} IN ({', '.join(_lit(v) for v in c['enum'])})")
        if "minimum" in c:
            checks.append(f"{q(name)} >= {_lit(c['minimum'])}")
        if "maximum" in c:
            checks.append(f"{q(name)} <= {_lit(c['maximum'])}")
        if f["type"] == "boolean":
            checks.append(f"{q(name)} IN (0, 1)")
        if f["type"] == "date":
            checks.append(f"{q(name)} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")
        if f["type"] == "array":
            checks.append(f"json_type({q(name)}) = 'array'")
        if checks:
            parts.append(f"CHECK ({' AND '.join(checks)})")
        lines.append("  " + " ".join(parts))
    if pk:
        lines.append(f"  PRIMARY KEY ({', '.join(q(k) for k in pk)})")
    for fk in schema.foreign_keys:
        ref = fk["reference"]
        lines.append(
            f"  FOREIGN KEY ({', '.join(q(k) for k in _listify(fk['fields']))}) "
            f"REFERENCES {q(ref.get('resource') or schema.name)} "
            f"({', '.join(q(k) for k in _listify(ref['fields']))}) DEFERRABLE INITIALLY DEFERRED")
    return f"CREATE TABLE {q(schema.name)} (\n" + ",\n".join(lines) + "\n)"


def _index_sql(schema: TableSchema) -> list[str]:
    """An index on every foreign-key column set that the primary key does not start with."""
    out, seen = [], set()
    for fk in schema.foreign_keys:
        cols = tuple(_listify(fk["fields"]))
        if cols in seen or list(cols) == schema.primary_key[:len(cols)]:
            continue
        seen.add(cols)
        out.append(f"CREATE INDEX {q('idx_' + schema.name + '_' + '_'.join(cols))} "
                   f"ON {q(schema.name)} ({', '.join(q(c) for c in cols)})")
    return out


def fts_sql(table: str, columns: Iterable[str]) -> list[str]:
    """An FTS5 index `<table>_fts` over `table` (or over its content view, whose rowids are the
    table's) as external content, filled from it."""
    cols = ", ".join(q(c) for c in columns)
    fts = q(f"{table}_fts")
    out, content = [], table
    if table in FTS_CONTENT_VIEWS:
        content, select = FTS_CONTENT_VIEWS[table]
        out.append(f"CREATE VIEW {q(content)} AS {select}")
    return out + [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={q(content)}, "
        f"tokenize={_lit(FTS_TOKENIZER)})",
        f"INSERT INTO {fts} (rowid, {cols}) SELECT rowid, {cols} FROM {q(content)} "
        "ORDER BY rowid",
    ]


def _cell(value: Any, ftype: str) -> Any:
    if ftype == "array":
        if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
            return None
        return json.dumps(list(value), ensure_ascii=False)
    if pd.isna(value):
        return None
    if ftype == "date":
        return pd.Timestamp(value).date().isoformat()
    if ftype == "integer":
        return int(value)
    if ftype == "number":
        return float(value)
    if ftype == "boolean":
        return 1 if value else 0
    return str(value)


def _rows(df: pd.DataFrame, schema: TableSchema) -> list[tuple[Any, ...]]:
    types = [f["type"] for f in schema.fields]
    df = df[schema.field_names]
    if schema.primary_key and len(df):
        df = df.sort_values(schema.primary_key, kind="stable")
    return [tuple(_cell(v, t) for v, t in zip(row, types, strict=True))
            for row in df.astype(object).itertuples(index=False)]


def _check_inputs(tables: Mapping[str, pd.DataFrame], schemas: Mapping[str, TableSchema]) -> None:
    unknown = sorted(set(tables) - set(schemas))
    if unknown:
        raise ValueError(f"no schema for table(s) {unknown}")
    for name in tables:
        for fk in schemas[name].foreign_keys:
            target = fk["reference"].get("resource") or name
            if target not in tables:
                raise ValueError(f"table {name} has a foreign key to {target}, which is not "
                                 f"among the tables written: add it (it may be empty)")


def write_sqlite(tables: Mapping[str, pd.DataFrame], schemas: Mapping[str, TableSchema],
                 package: dict[str, Any], path: Path) -> None:
    """Write `tables` (validated, conforming to `schemas`) as an SQLite database at `path`,
    and Datasette's metadata as metadata.json beside it. Tables go in the order of `schemas`.
    Raises sqlite3.IntegrityError if a key or CHECK constraint fails."""
    _check_inputs(tables, schemas)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    relaxed = stripped_columns() if is_text_free(tables) else {}
    names = [n for n in schemas if n in tables]
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            con.execute("PRAGMA encoding = 'UTF-8'")
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("BEGIN")
            for name in names:
                schema = schemas[name]
                con.execute(create_table_sql(schema, relaxed.get(name, ())))
                marks = ", ".join("?" for _ in schema.field_names)
                con.executemany(f"INSERT INTO {q(name)} VALUES ({marks})",
                                _rows(tables[name], schema))
                for sql in _index_sql(schema):
                    con.execute(sql)
            for name, cols in FTS_COLUMNS.items():
                if name in tables:
                    for sql in fts_sql(name, cols):
                        con.execute(sql)
            con.execute("COMMIT")  # deferred foreign keys are checked here
            problems = con.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise sqlite3.IntegrityError(f"foreign key check failed: {problems[:5]}")
            con.execute("VACUUM")
            _check_fts(con, [n for n in FTS_COLUMNS if n in tables])
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    meta = datasette_metadata({n: schemas[n] for n in names}, package, database=path.stem)
    (path.parent / METADATA_FILE).write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _check_fts(con: sqlite3.Connection, names: list[str]) -> None:
    """After VACUUM each index must still match its table (FTS5 compares the two)."""
    for name in names:
        fts = q(f"{name}_fts")
        con.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")


def _licence_text(lic: dict[str, Any]) -> str:
    return f"{lic.get('name', '')}: {lic['title']}" if lic.get("title") else lic.get("name", "")


def datasette_metadata(schemas: Mapping[str, TableSchema], package: dict[str, Any],
                       database: str = "syria-deconfliction") -> dict[str, Any]:
    """Datasette metadata from the package descriptor (schemas/package.json) and the table
    schemas. `database` is the database file's name without .db (Datasette's name for it)."""
    licences = package.get("licenses") or []
    data_licence = next((lic for lic in licences if str(lic.get("name", "")).startswith("CC")),
                        licences[0] if licences else None)
    sources = package.get("sources") or []
    description = package.get("description", "")
    if licences:
        description += " Licences: " + "; ".join(_licence_text(lic) for lic in licences)
    meta: dict[str, Any] = {"title": package.get("title") or package.get("name", database)}
    meta["description"] = description
    if data_licence:
        meta["license"] = data_licence.get("name", "")
        if data_licence.get("path"):
            meta["license_url"] = data_licence["path"]
    if sources:
        meta["source"] = "; ".join(s["title"] for s in sources if s.get("title"))
    if package.get("homepage"):
        meta["source_url"] = package["homepage"]
    stripped = stripped_columns()
    tables_meta: dict[str, Any] = {}
    for name, schema in schemas.items():
        d = schema.descriptor
        t: dict[str, Any] = {"title": d.get("title", name), "description": d.get("description", "")}
        keys = []
        if schema.primary_key:
            keys.append("Primary key: " + ", ".join(schema.primary_key) + ".")
        for fk in schema.foreign_keys:
            ref = fk["reference"]
            keys.append(f"{', '.join(_listify(fk['fields']))} refers to "
                        f"{ref.get('resource') or name}.{', '.join(_listify(ref['fields']))}.")
        if keys:
            t["description"] += " " + " ".join(keys)
        if name in stripped:
            t["description"] += (" Text-free builds leave " + ", ".join(stripped[name])
                                 + " empty: the publishers' words; restore them from your own "
                                 "copy of the articles.")
        label = next((c for c in LABEL_COLUMNS if c in schema.field_names), None)
        if label:
            t["label_column"] = label
        if name in FTS_COLUMNS:
            t["fts_table"] = f"{name}_fts"
            t["fts_pk"] = "rowid"
        if package.get("homepage"):
            url = f"{package['homepage']}/{DICTIONARY}#{name}"
            t["description_html"] = (html.escape(t["description"]) + f' <a href="{url}">'
                                     "Every column in full: the data dictionary</a>.")
        t["columns"] = {f["name"]: short_description(f) for f in schema.fields}
        tables_meta[name] = t
    meta["extra_css_urls"] = [_css_data_url(DATASETTE_CSS)]
    db: dict[str, Any] = {"tables": tables_meta}
    queries = canned_queries(set(schemas))
    if queries:
        db["queries"] = queries
    meta["databases"] = {database: db}
    return meta


# Where the full column descriptions are, below the repository (Datasette shows short ones).
DICTIONARY = "blob/main/docs/DATA_DICTIONARY.md"
SHORT_CHARS = 80
SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)\.\s+(?=[A-Z(])|;\s")
# Datasette lists every column description above the first row; this packs them into a small
# scrolling grid so the rows start near the top. Served inline: no extra file to deploy.
DATASETTE_CSS = """
dl.column-descriptions { display: grid; grid-template-columns: repeat(3, max-content auto);
  grid-auto-rows: max-content; align-content: start; gap: 0.25em 0.8em; max-height: 7.5em;
  overflow-y: auto; font-size: 0.8em;
  border: 1px solid #ddd; padding: 0.3em 0.5em; margin: 0.5em 0 1em; }
dl.column-descriptions dt, dl.column-descriptions dd { margin: 0; padding: 0; }
dl.column-descriptions dd { white-space: normal; }
"""


def _css_data_url(css: str) -> dict[str, str]:
    import base64

    data = base64.b64encode(" ".join(css.split()).encode("utf-8")).decode("ascii")
    return {"url": f"data:text/css;base64,{data}"}


def short_description(field: dict[str, Any]) -> str:
    """The description's first sentence, at most SHORT_CHARS characters, and for code columns
    that look like numbers a reminder that they are text (the full text is in the dictionary)."""
    text = SENTENCE_END.split(field.get("description", ""), maxsplit=1)[0].rstrip(". ")
    if len(text) > SHORT_CHARS:
        text = text[: SHORT_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:(") + "…"
    if is_text_code(field):
        text += " (text: keep leading zeros)"
    return text
