"""Why the schemas are mapped to pandera by hand: what pandera's own Frictionless reader does
with our schemas. If a pandera release fixes these, this test fails and the mapping in
pipeline/schemas.py can be reconsidered."""

from __future__ import annotations

import pandas as pd
import pytest

from syria_deconfliction.pipeline.frames import pandas_dtype
from syria_deconfliction.pipeline.schemas import table_schemas
from syria_deconfliction.pipeline.validate import pandera_schema

reader = pytest.importorskip("pandera.io.pandas_io")


@pytest.fixture(scope="module")
def events():
    return table_schemas()["events"]


def test_pandera_reader_falls_short(events) -> None:
    theirs = reader.from_frictionless_schema(events.descriptor)
    # Dates come out as plain strings.
    assert "datetime" not in str(theirs.columns["date_start"].dtype)
    # Integers are numpy int64, which cannot hold a missing value: nullable counts are rejected.
    frame = pd.DataFrame({"fatalities": pd.array([4, None], dtype="Int64")})
    col = theirs.columns["fatalities"]
    with pytest.raises(Exception):  # noqa: B017 - any pandera error will do
        col.validate(frame)
    # Enumerations become a categorical whose categories are not the schema's enum.
    assert getattr(theirs.columns["claim_status"].dtype, "categories", None) is None


def test_our_mapping_keeps_types_nulls_and_enums(events) -> None:
    fields = {f["name"]: f for f in events.fields}
    assert str(pandas_dtype(fields["date_start"])) == "datetime64[ns]"
    assert str(pandas_dtype(fields["fatalities"])) == "Int64"
    enum = fields["claim_status"]["constraints"]["enum"]
    assert list(pandas_dtype(fields["claim_status"]).categories) == enum
    ours = pandera_schema(events)
    assert ours.columns["fatalities"].nullable
