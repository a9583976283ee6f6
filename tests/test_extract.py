"""`extract` and `add`: automatic drafts for articles that are not in raw/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import ROOT, TODAY

import syria_deconfliction as sd
from syria_deconfliction.corpus.knowledge import KNOWLEDGE_FILES
from syria_deconfliction.corpus.runner import read_partitions, run
from syria_deconfliction.pipeline.run import build

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
PUBLISHED = ("articles", "quotes", "actor_mentions", "actors", "events")


def knowledge_only(tmp: Path) -> Path:
    """A raw/ holding only general knowledge: no curation file about any article."""
    raw = tmp / "knowledge"
    raw.mkdir()
    for name in KNOWLEDGE_FILES:
        shutil.copy(ROOT / "raw" / "knowledge" / name, raw / name)
    shutil.copytree(ROOT / "raw" / "knowledge" / "reference", raw / "reference")
    return raw


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("extract")
    out = tmp / "out"
    run([str(FIXTURES)], out, formats=("parquet", "csv"), raw=knowledge_only(tmp))
    return out


def test_writes_the_published_tables_with_their_columns(extracted: Path) -> None:
    for table in PUBLISHED:
        df = pd.read_csv(extracted / f"{table}.csv")
        assert list(df.columns) == [f["name"] for f in sd.schema(table)["fields"]], table
        assert len(df), table
    arts = pd.read_csv(extracted / "articles.csv")
    assert sorted(arts["source_file"]) == sorted(p.name for p in FIXTURES.glob("*.txt"))


def test_offsets_index_the_clean_text_in_articles(extracted: Path) -> None:
    texts = dict(
        zip(
            *[read_partitions(extracted, "articles")[c] for c in ("article_id", "text")],
            strict=True,
        )
    )
    for table, cols in (
        ("quotes", ("char_start", "char_end", "text")),
        ("actor_mentions", ("char_start", "char_end", "text")),
        ("events", ("evidence_char_start", "evidence_char_end", "evidence_text")),
    ):
        df = read_partitions(extracted, table)
        for aid, s, e, words in df[["article_id", *cols]].itertuples(index=False):
            assert texts[aid][s:e] == words, (table, aid)


def test_unknown_names_become_candidate_actors(extracted: Path) -> None:
    actors = pd.read_csv(extracted / "actors.csv")
    new = actors[actors["method"] == "automatic"]
    assert len(new) >= 5
    assert set(new["type"]) <= set(sd.schema("actors")["fields"][2]["constraints"]["enum"])
    assert "person" in set(new["type"])
    assert (actors.loc[actors["method"] == "curated", "mention_count"] > 0).all()
    mentioned = set(pd.read_csv(extracted / "actor_mentions.csv")["actor_id"])
    assert mentioned <= set(actors["actor_id"])


def test_bad_files_are_reported_and_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for p in sorted(FIXTURES.glob("*.txt"))[:3]:
        shutil.copy(p, corpus / p.name)
    (corpus / "x_latin1.txt").write_bytes("Caf\xe9 bombed\n\nA sentence.".encode("latin-1"))
    (corpus / "y_empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    report = run([str(corpus)], out, formats=("parquet", "csv"), chunk_size=2)
    assert report.articles == 3 and report.errors == 2
    errors = pd.read_csv(out / "errors.csv")
    assert {Path(f).name for f in errors["source_file"]} == {"x_latin1.txt", "y_empty.txt"}
    assert errors["error"].str.contains("not UTF-8|empty").all()
    assert len(pd.read_csv(out / "articles.csv")) == 3


def test_interrupted_run_resumes_without_redoing_partitions(tmp_path: Path) -> None:
    full = tmp_path / "full"
    run([str(FIXTURES)], full, chunk_size=2)
    part = tmp_path / "part"
    run([str(FIXTURES)], part, chunk_size=2)
    # Simulate an interruption after the first partition: forget the later ones.
    lines = (part / "_progress.jsonl").read_text().splitlines()
    (part / "_progress.jsonl").write_text(lines[0] + "\n")
    for f in (part / "parquet").glob("*/part-0000[12].parquet"):
        f.unlink()
    first = (part / "parquet" / "articles" / "part-00000.parquet").stat().st_mtime_ns
    report = run([str(FIXTURES)], part, chunk_size=2)
    assert report.skipped_partitions == 1 and report.partitions == 2
    assert (part / "parquet" / "articles" / "part-00000.parquet").stat().st_mtime_ns == first
    for table in ("articles", "quotes", "events"):
        a = read_partitions(full, table).sort_values(list(read_partitions(full, table).columns[:1]))
        b = read_partitions(part, table).sort_values(list(read_partitions(part, table).columns[:1]))
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


def test_local_processes_and_dask_give_identical_rows(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    local, dask = tmp_path / "local", tmp_path / "dask"
    run([str(FIXTURES)], local, workers=2, chunk_size=2)
    run([str(FIXTURES)], dask, workers=2, chunk_size=2, engine="dask")
    for table in ("articles", "actor_mentions", "quotes", "events", "event_actors", "actors"):
        pd.testing.assert_frame_equal(read_partitions(local, table), read_partitions(dask, table))


def test_cli_progress_bar_and_unreadable_input(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "syria_deconfliction",
            "extract",
            str(FIXTURES),
            "--out",
            str(tmp_path / "o"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "article/s" in proc.stderr or "article]" in proc.stderr, proc.stderr  # tqdm, on stderr
    assert "extracted 6 article(s)" in proc.stdout, (proc.stdout, proc.stderr)
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "syria_deconfliction",
            "extract",
            str(tmp_path / "nope*.txt"),
            "--out",
            str(tmp_path / "o2"),
        ],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "no such file" in bad.stderr


def test_add_drafts_a_review_file_and_keeps_it_out_until_reviewed(project: Path) -> None:
    from syria_deconfliction.corpus.add import add_article
    from syria_deconfliction.errors import InputError

    src = FIXTURES / "f01_shayrat_strike.txt"
    draft = add_article(src, project / "raw", today=TODAY)
    assert (project / "raw" / "articles" / src.name).read_bytes() == src.read_bytes()
    doc = yaml.safe_load(draft.read_text())
    assert doc["status"] == "unreviewed"
    assert doc["quotes"] and doc["events"] and doc["new_actors"]
    assert doc["article"]["published_date"]["date"] == "2017-04-07"
    with pytest.raises(InputError, match="already in raw/articles"):
        add_article(src, project / "raw", today=TODAY)

    report = build(project, today=TODAY)
    assert report.rows["articles"] == 5
    assert report.gaps["unreviewed_drafts"]

    out = project / "with-drafts"
    report = build(project, today=TODAY, include_drafts=True, out=out)
    assert report.rows["articles"] == 6
    arts = pd.read_csv(out / "tables" / "articles.csv")
    assert (arts["review_status"] == "draft").sum() == 1
    aid = arts.loc[arts["review_status"] == "draft", "article_id"].item()
    for table in ("quotes", "events", "actor_mentions"):
        df = pd.read_csv(out / "tables" / f"{table}.csv")
        mine = df[df["article_id"] == aid]
        assert len(mine) and (mine["method"] == "draft").all(), table
