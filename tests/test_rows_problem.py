"""The column-wise fast path of rows_problem (corpus/tables.py) says "fits" only when the
row-by-row checks find nothing, and leaves every problem to them."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from syria_deconfliction.corpus.article import extract_article
from syria_deconfliction.corpus.knowledge import Knowledge
from syria_deconfliction.corpus.tables import _first_problem, fitting_columns, rows_problem

TEXT = """Envoys meet in Vienna to discuss a ceasefire

By Jane Doe

March 3, 2016

VIENNA - Russian and American envoys met on Thursday to discuss a ceasefire in Syria, officials
said. "We want the fighting to stop," Sergei Lavrov told reporters. Russian jets bombed rebel
positions near Aleppo on Wednesday, the Syrian Observatory for Human Rights said.
"""


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, Any]]]:
    return extract_article(TEXT, "vienna.txt", Knowledge.load())


def _broken(rows: dict[str, list[dict[str, Any]]], table: str, field: str, value: Any,
            drop: bool = False) -> dict[str, list[dict[str, Any]]]:
    out = copy.deepcopy(rows)
    if drop:
        del out[table][-1][field]
    else:
        out[table][-1][field] = value
    return out


def test_rows_that_fit(rows: dict[str, list[dict[str, Any]]]) -> None:
    assert rows["events"] and rows["quotes"] and rows["actor_mentions"]
    assert fitting_columns(rows) is not None
    assert _first_problem(rows) is None and rows_problem(rows) is None


@pytest.mark.parametrize(("table", "field", "value", "drop"), [
    ("events", "incident_id", "Not An Id", False),           # pattern
    ("events", "incident_id", None, False),                  # required
    ("quotes", "quote_type", "shouted", False),              # enum
    ("actor_mentions", "mention_id", None, True),            # a field missing from the row
    ("articles", "language", ["en"], False),                 # an unhashable value
])
def test_every_problem_goes_to_the_slow_path(
    rows: dict[str, list[dict[str, Any]]], table: str, field: str, value: Any, drop: bool
) -> None:
    bad = _broken(rows, table, field, value, drop)
    assert fitting_columns(bad) is None
    assert rows_problem(bad) == _first_problem(bad) is not None


def test_a_repeated_key_goes_to_the_slow_path(rows: dict[str, list[dict[str, Any]]]) -> None:
    bad = copy.deepcopy(rows)
    bad["event_actors"] = bad["event_actors"] * 2
    assert bad["event_actors"] and fitting_columns(bad) is None
    assert "not unique" in (rows_problem(bad) or "")


def test_duplicate_keys_of_a_one_column_key() -> None:
    import pyarrow as pa

    from syria_deconfliction.corpus.tables import duplicate_keys

    ids = ["2016-03-03-a-c01", "2016-03-03-a-c02"]
    assert duplicate_keys("quotes", pa.table({"quote_id": ids})) == []
    assert duplicate_keys("quotes", pa.table({"quote_id": [*ids, ids[0]]})) == [ids[0]]
    # a missing key counts as a value of its own (named as pandas printed it)
    assert duplicate_keys("quotes", pa.table({"quote_id": [ids[0], None, None]})) == ["nan"]


def test_fitting_columns_are_the_rows_a_field_at_a_time(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    from syria_deconfliction.corpus.tables import frame, schema_for

    cols = fitting_columns(rows)
    assert cols is not None and set(cols) == set(rows)
    for table, table_rows in rows.items():
        names = schema_for(table).field_names
        assert cols[table] == [tuple(r[n] for r in table_rows) for n in names]
        # the partition table from the kept columns is the one made from the rows
        assert frame(table, table_rows, [cols[table]]).equals(frame(table, table_rows))
    assert fitting_columns(_broken(rows, "quotes", "quote_type", "shouted")) is None
