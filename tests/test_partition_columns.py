"""extract builds each partition's Arrow table a column at a time: it must be the table the
pandas path (conform, then from_pandas) gives, and odd cells must still go that way."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest

from syria_deconfliction.corpus import columns
from syria_deconfliction.corpus.columns import arrow_table, duplicate_keys
from syria_deconfliction.pipeline.frames import conform
from syria_deconfliction.pipeline.schemas import TableSchema, arrow_schema
from syria_deconfliction.pipeline.table_files import write_arrow_csv
from syria_deconfliction.pipeline.write import write_csv

SCHEMA = TableSchema(
    "invented",
    {
        "description": "An invented table with one field of every type.",
        "primaryKey": ["row_id"],
        "fields": [
            {"name": "row_id", "type": "string", "constraints": {"required": True}},
            {"name": "kind", "type": "string", "constraints": {"enum": ["strike", "talks"]}},
            {"name": "count", "type": "integer"},
            {"name": "share", "type": "number"},
            {"name": "checked", "type": "boolean"},
            {"name": "day", "type": "date"},
            {"name": "aliases", "type": "array"},
        ],
    },
)

ROWS = [
    {"row_id": "a-1", "kind": "talks", "count": 3, "share": 0.25, "checked": True,
     "day": "2017-04-07", "aliases": ["Moscow", "the Kremlin"]},
    {"row_id": "a-2", "kind": None, "count": None, "share": 2, "checked": None,
     "day": None, "aliases": None},
    {"row_id": "a-3", "kind": "strike", "count": -1, "share": None, "checked": False,
     "day": dt.date(2018, 4, 14), "aliases": []},
]


def by_pandas(rows: list[dict]) -> pa.Table:
    df = conform(pd.DataFrame(rows, columns=SCHEMA.field_names), SCHEMA)
    table = pa.Table.from_pandas(df, schema=arrow_schema(SCHEMA), preserve_index=False)
    return table.replace_schema_metadata(None)  # the Parquet writer drops pandas metadata


@pytest.fixture
def pandas_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = columns._by_pandas

    def spy(rows, schema):  # noqa: ANN001, ANN202
        calls.append(schema.name)
        return real(rows, schema)

    monkeypatch.setattr(columns, "_by_pandas", spy)
    return calls


def test_plain_rows_give_the_pandas_table_without_pandas(pandas_calls: list[str]) -> None:
    got = arrow_table(ROWS, SCHEMA)
    assert pandas_calls == []
    assert got.equals(by_pandas(ROWS), check_metadata=True)
    # an enum column keeps every category in the schema's order, used or not
    assert got.column("kind").chunk(0).dictionary.to_pylist() == ["strike", "talks"]


def test_no_rows_give_an_empty_table_of_the_schema(pandas_calls: list[str]) -> None:
    got = arrow_table([], SCHEMA)
    assert pandas_calls == [] and got.num_rows == 0
    assert got.schema.equals(arrow_schema(SCHEMA), check_metadata=True)


@pytest.mark.parametrize(
    ("field", "odd"),
    [("count", True), ("share", math.nan), ("day", dt.datetime(2017, 4, 7, 12, 30)), ("row_id", 7),
     ("aliases", ["Damascus", None])],
)
def test_an_odd_cell_goes_the_pandas_way(pandas_calls: list[str], field: str, odd: object) -> None:
    rows = [dict(ROWS[0]), {**ROWS[1], field: odd}]
    got = arrow_table(rows, SCHEMA)
    assert pandas_calls == ["invented"]
    assert got.equals(by_pandas(rows), check_metadata=True)


def test_a_value_outside_the_enum_is_refused() -> None:
    with pytest.raises(ValueError, match="not in enum"):
        arrow_table([{**ROWS[0], "kind": "parade"}], SCHEMA)


def test_a_field_outside_the_schema_is_left_out_as_before(pandas_calls: list[str]) -> None:
    rows = [{**ROWS[0], "colour": "red"}]
    got = arrow_table(rows, SCHEMA)
    assert pandas_calls == ["invented"] and got.column_names == SCHEMA.field_names
    assert got.equals(by_pandas(rows), check_metadata=True)


def test_csv_cells_follow_one_rule_per_type(tmp_path) -> None:  # noqa: ANN001
    write_arrow_csv(arrow_table(ROWS, SCHEMA), SCHEMA, tmp_path / "arrow.csv")
    df = conform(pd.DataFrame(ROWS, columns=SCHEMA.field_names), SCHEMA)
    write_csv(df, SCHEMA, tmp_path / "pandas.csv")  # the build's writer, from a frame
    got = (tmp_path / "arrow.csv").read_text(encoding="utf-8")
    assert got == (tmp_path / "pandas.csv").read_text(encoding="utf-8")
    assert got.splitlines() == [
        "row_id,kind,count,share,checked,day,aliases",
        'a-1,talks,3,0.25,true,2017-04-07,"[""Moscow"", ""the Kremlin""]"',
        "a-2,,,2.0,,,[]",
        "a-3,strike,-1,,false,2018-04-14,[]",
    ]


def test_duplicate_keys_are_named() -> None:
    rows = [ROWS[0], ROWS[1], {**ROWS[2], "row_id": "a-1"}]
    assert duplicate_keys(arrow_table(rows, SCHEMA), ["row_id"]) == ["a-1"]
    assert duplicate_keys(arrow_table(ROWS, SCHEMA), ["row_id"]) == []


def _in_fresh_python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_an_extract_run_never_imports_pandas(tmp_path) -> None:  # noqa: ANN001
    # pyarrow would import it (about a second a process) to ask whether a list is a pandas object
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(
        "Talks resume in Geneva\n\nThe envoy said on Monday that the talks would resume.\n",
        encoding="utf-8",
    )
    code = (
        "import sys\nfrom syria_deconfliction.corpus.runner import run\n"
        f"run([{str(tmp_path / 'in')!r}], __import__('pathlib').Path({str(tmp_path / 'out')!r}),"
        " formats=('parquet', 'csv'))\n"
        "print('pandas' in sys.modules)\n"
    )
    assert _in_fresh_python(code) == "False"
    assert "one.txt" in (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8")


def test_the_pandas_way_still_works_once_pyarrow_was_spared_pandas() -> None:
    code = (
        "import datetime, math, sys\nfrom syria_deconfliction.corpus import columns\n"
        "from syria_deconfliction.pipeline.schemas import TableSchema\n"
        f"schema = TableSchema('invented', {SCHEMA.descriptor!r})\n"
        "columns.arrow_without_pandas()\n"
        "assert 'pandas' not in sys.modules\n"
        f"rows = [{ROWS[2]!r}, {{**{ROWS[1]!r}, 'share': math.nan}}]\n"
        "print(columns.arrow_table(rows, schema).to_pylist(), 'pandas' in sys.modules)\n"
    )
    rows = [ROWS[2], {**ROWS[1], "share": math.nan}]
    assert _in_fresh_python(code) == f"{by_pandas(rows).to_pylist()} True"


def test_columns_given_with_the_rows_give_the_same_table(pandas_calls: list[str]) -> None:
    cells = [[r[n] for r in ROWS] for n in SCHEMA.field_names]
    assert arrow_table(ROWS, SCHEMA, cells).equals(arrow_table(ROWS, SCHEMA), check_metadata=True)
    assert pandas_calls == []
    # a row with a field outside the schema still goes the pandas way, columns or not
    rows = [{**ROWS[0], "colour": "red"}]
    arrow_table(rows, SCHEMA, [[rows[0][n]] for n in SCHEMA.field_names])
    assert pandas_calls == ["invented"]
