"""Fuzz-style: a generated hostile corpus through `extract`. Every input gives its rows or
exactly one errors line, nothing is lost, every primary key is unique, and every offset still
points at its words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fuzz_corpus import make_corpus

import syria_deconfliction as sd
from syria_deconfliction.corpus.runner import read_partitions, run

TABLES = ("articles", "actor_mentions", "quotes", "events", "event_actors")


@pytest.mark.parametrize("seed", [1])
def test_every_input_gives_rows_or_one_error_line(tmp_path: Path, seed: int) -> None:
    corpus = make_corpus(tmp_path / "in", seed)
    out = tmp_path / "out"
    report = run(corpus.sources, out, formats=("parquet", "csv"), chunk_size=7, timeout=2)
    arts = read_partitions(out, "articles")
    errs = read_partitions(out, "errors")

    got = [*arts["source_file"], *errs["source_file"]]
    assert sorted(got) == sorted(corpus.expected), "each input exactly once, none lost"
    assert corpus.must_fail <= set(errs["source_file"])
    assert report.articles == len(arts) and report.errors == len(errs)
    assert all("\n" not in e and len(e) <= 500 for e in errs["error"])

    for table in (*TABLES, "actors"):
        df = read_partitions(out, table)
        pk = sd.schema(table)["primaryKey"]
        assert not df.duplicated(pk).any(), table
        csv = pd.read_csv(out / f"{table}.csv", keep_default_na=False)
        assert len(csv) == len(df), table  # the CSV copy holds the same rows
    assert not errs.duplicated(["source_file"]).any()

    texts = dict(zip(arts["article_id"], arts["text"], strict=True))
    for table, cols in (
        ("quotes", ("char_start", "char_end", "text")),
        ("actor_mentions", ("char_start", "char_end", "text")),
        ("events", ("evidence_char_start", "evidence_char_end", "evidence_text")),
    ):
        df = read_partitions(out, table)
        for aid, s, e, words in df[["article_id", *cols]].itertuples(index=False):
            assert texts[aid][s:e] == words, (table, aid)

    # A second run over the same corpus finds everything done and adds nothing.
    again = run(corpus.sources, out, formats=("parquet", "csv"), chunk_size=7, timeout=2)
    assert again.articles == again.errors == again.partitions == 0
    assert len(read_partitions(out, "articles")) == len(arts)
