"""The generated data dictionary: every table and column, keys, counts, constraints, examples."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_publish_sqlite import all_schemas, synthetic_tables

from syria_deconfliction.pipeline.schemas import TableSchema, package_meta
from syria_deconfliction.publish.dictionary import data_dictionary, example_value


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return synthetic_tables()


@pytest.fixture(scope="module")
def text(tables) -> str:
    return data_dictionary(all_schemas(), tables, package_meta())


def _section(text: str, table: str) -> str:
    start = text.index(f'<a id="{table}"></a>')
    end = text.find('<a id="', start + 1)
    return text[start:end if end > 0 else len(text)]


def _rows(section: str) -> dict[str, list[str]]:
    """Column name -> cells of its row in the section's column table."""
    out = {}
    for line in section.splitlines():
        m = re.match(r"\| `([a-z0-9_]+)` \|", line)
        if m:
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            out[m.group(1)] = cells
    return out


def test_header_says_generated_and_not_to_edit(text):
    head = "\n".join(text.splitlines()[:6])
    assert "generated" in head.lower() and "schemas/" in head
    assert "do not edit" in head.lower()


def test_every_table_and_column_with_keys_and_counts(text, tables):
    for name, schema in all_schemas().items():
        sec = _section(text, name)
        assert f"## {name}: {schema.descriptor['title']}" in sec
        assert schema.descriptor["description"] in sec
        assert f"- Rows: {len(tables[name])}" in sec
        assert "- Primary key: " + ", ".join(f"`{k}`" for k in schema.primary_key) in sec
        for fk in schema.foreign_keys:
            ref = fk["reference"]
            assert (f"`{fk['fields'][0]}` → [{ref['resource']}](#{ref['resource']})."
                    f"`{ref['fields'][0]}`") in sec
        rows = _rows(sec)
        assert list(rows) == schema.field_names
        for f in schema.fields:
            cells = rows[f["name"]]
            assert len(cells) == 6, cells
            required = bool((f.get("constraints") or {}).get("required"))
            assert cells[2] == ("yes" if required else "no")
            assert cells[4] == " ".join(f["description"].split()).replace("|", "\\|")
        # overview table has the row count too
        assert re.search(rf"\| \[{name}\]\(#{name}\) \| [^|]+ \| {len(tables[name])} \|", text)


def test_constraints_are_listed(text):
    rows = _rows(_section(text, "events"))
    assert "one of `AGREE`, `CONSULT`" in rows["plover_type"][3]
    assert "minimum 1; maximum 4" in rows["quad_class"][3]
    assert rows["event_id"][3].startswith("unique")
    assert "matches `[0-9]{2,4}`" in rows["cameo_code"][3]
    art = _rows(_section(text, "articles"))
    assert "format uri" in art["url"][3]
    assert art["credits"][1].startswith("array")
    assert art["published_date"][1].startswith("date")


def test_examples_from_schema_else_first_value(text, tables):
    actors = _rows(_section(text, "actors"))
    assert actors["actor_id"][5] == "`russia-military`"  # the schema's example
    art = _rows(_section(text, "articles"))
    first_text = tables["articles"]["text"].iloc[0]
    example = art["text"][5].strip("`")
    assert example.endswith("…") and len(example) <= 60
    assert " ".join(first_text.split()).startswith(example[:-1])
    # first non-null value, skipping nulls
    places = _rows(_section(text, "places"))
    assert places["latitude"][5] == f"`{float(tables['places']['latitude'].dropna().iloc[0])!r}`"
    # a date is shown as a date
    assert re.fullmatch(r"`\d{4}-\d{2}-\d{2}`", _rows(_section(text, "events"))["date_start"][5])


def test_example_value_edge_cases():
    field = {"name": "aliases", "type": "array"}
    df = pd.DataFrame({"aliases": [[], ["a|b", "c"]]})
    assert example_value(field, df) == '["a|b", "c"]'
    assert example_value({"name": "x", "type": "string"}, pd.DataFrame({"x": [None, None]})) is None
    assert example_value({"name": "x", "type": "string"}, None) is None
    assert example_value({"name": "n", "type": "integer"},
                         pd.DataFrame({"n": pd.array([None, 7], dtype="Int64")})) == "7"


def test_pipes_and_missing_tables():
    schema = TableSchema("t", {
        "title": "T", "description": "A | B",
        "fields": [{"name": "a", "type": "string", "description": "x | y\nz",
                    "constraints": {"pattern": "a|b"}}],
        "primaryKey": ["a"]})
    out = data_dictionary({"t": schema}, {}, {"title": "P"})
    row = next(line for line in out.splitlines() if line.startswith("| `a`"))
    assert len(re.split(r"(?<!\\)\|", row)) == 8  # six cells, no cell broken by a pipe
    assert "x \\| y z" in row and "`a\\|b`" in row
    assert "- Rows: not built" in out
    assert "| [t](#t) | T | not built |" in out


def test_deterministic(text, tables):
    assert data_dictionary(all_schemas(), tables, package_meta()) == text
