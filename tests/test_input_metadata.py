"""What a user knows about an article: `extract --metadata`, JSON Lines corpora, `add` flags.

Every article, manifest and corpus here is invented for the test."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import TODAY

from syria_deconfliction.cli import main
from syria_deconfliction.corpus import jsonl as jsonl_module
from syria_deconfliction.corpus import runner
from syria_deconfliction.corpus.inputs import iter_inputs
from syria_deconfliction.corpus.metadata import Manifest, Row, make_given, read_manifest
from syria_deconfliction.corpus.runner import read_partitions, run
from syria_deconfliction.errors import InputError

# Relative dates only: without a publication date the rules cannot fix the year.
SHELLING = (
    "Artillery hits a border village\n"
    "Turkish artillery shelled a village near the border on Sunday, a monitor said.\n"
    "Turkey condemned the attack on Monday.\n"
)
# A printed date line the rules take as the publication date.
PRINTED = (
    "Envoys meet for new talks\n"
    "March 4, 2018\n"
    "Turkey and Russia held talks on Friday about a ceasefire, officials said.\n"
)
TALKS = "Talks resume in the capital\nEnvoys met on Tuesday to discuss the ceasefire.\n"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def write_jsonl(path: Path, lines: list[object], compress: bool = False) -> Path:
    body = "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines)
    if compress:
        path.write_bytes(gzip.compress(body.encode("utf-8")))
    else:
        path.write_text(body, encoding="utf-8")
    return path


def bound(manifest_path: Path, inputs: list[str]) -> Manifest:
    m = Manifest.load(manifest_path)
    m.bind(inputs)
    return m


def articles(out: Path) -> pd.DataFrame:
    return read_partitions(out, "articles").set_index("source_file")


def test_given_values_win_over_inference_and_say_metadata(tmp_path: Path) -> None:
    a = write(tmp_path / "in", "printed.txt", PRINTED)
    b = write(tmp_path / "in", "plain.txt", TALKS)
    meta = write_csv(
        tmp_path / "meta.csv",
        [
            {
                "file": str(a),
                "published_date": "2018-03-09",
                "url": "https://news.example/envoys",
                "publisher": "Example Courier",
                "headline": "Envoys gather again",
            }
        ],
    )
    out = tmp_path / "out"
    run([str(a), str(b)], out, manifest=bound(meta, [str(a), str(b)]))
    arts = articles(out)
    given = arts.loc["printed.txt"]
    assert given["published_date"] == dt.date(2018, 3, 9)
    assert given["published_date_method"] == "metadata"
    assert given["rule_published_date"] == dt.date(2018, 3, 4)  # what the rules alone say
    assert given["printed_date_status"] == "contradicted"
    assert given["publisher"] == "Example Courier" and given["publisher_method"] == "metadata"
    assert given["headline"] == "Envoys gather again"
    assert given["url"] == "https://news.example/envoys"
    assert given["article_id"].startswith("2018-03-09-example-courier-")
    other = arts.loc["plain.txt"]
    assert other["published_date_method"] != "metadata" and other["publisher_method"] != "metadata"
    assert other["headline"] == "Talks resume in the capital"


def test_relative_event_dates_resolve_against_the_given_date(tmp_path: Path) -> None:
    a = write(tmp_path / "in", "shelling.txt", SHELLING)
    plain = tmp_path / "plain"
    run([str(a)], plain)
    assert read_partitions(plain, "events")["date_start"].isna().all()  # nothing to resolve with

    meta = write_csv(tmp_path / "m.csv", [{"file": "shelling.txt", "published_date": "2019-04-09"}])
    out = tmp_path / "out"
    run([str(a)], out, manifest=bound(meta, [str(a)]))
    events = read_partitions(out, "events")
    by_words = dict(zip(events["date_text"], events["date_start"], strict=False))
    assert by_words["Sunday"] == dt.date(2019, 4, 7)  # the Sunday before Tuesday 9 April
    assert by_words["Monday"] == dt.date(2019, 4, 8)


def test_records_match_by_given_path_then_resolved_path_then_unique_base_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "x", "one.txt", TALKS)
    write(tmp_path / "x", "two.txt", TALKS)
    write(tmp_path / "y", "three.txt", TALKS)
    rows = [
        Row("x/one.txt", make_given("r1", {"publisher": "Given Path"})),
        Row(str(tmp_path / "x" / "two.txt"), make_given("r2", {"publisher": "Resolved"})),
        Row("elsewhere/three.txt", make_given("r3", {"publisher": "Base Name"})),
    ]
    m = Manifest(rows)
    m.bind(["x/one.txt", "x/two.txt", "y/three.txt"])
    assert m.given_for("x/one.txt").publisher == "Given Path"
    assert m.given_for("x/two.txt").publisher == "Resolved"
    assert m.given_for("y/three.txt").publisher == "Base Name"
    assert m.unused == []


def test_an_ambiguous_base_name_is_one_error_line(tmp_path: Path, capsys) -> None:
    write(tmp_path / "a", "same.txt", TALKS)
    write(tmp_path / "b", "same.txt", TALKS)
    meta = write_csv(tmp_path / "m.csv", [{"file": "same.txt", "publisher": "Somebody"}])
    out = tmp_path / "out"
    code = main(
        [
            "extract",
            str(tmp_path / "a"),
            str(tmp_path / "b"),
            "--metadata",
            str(meta),
            "--out",
            str(out),
            "--quiet",
        ]
    )
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1
    assert "same.txt" in err and "ambiguous" in err
    assert not out.exists()


def test_a_record_for_no_input_warns_and_the_run_goes_on(tmp_path: Path, capsys) -> None:
    a = write(tmp_path / "in", "talks.txt", TALKS)
    meta = write_csv(
        tmp_path / "m.csv",
        [
            {"file": "talks.txt", "published_date": "2020-01-07"},
            {"file": "gone.txt", "published_date": "2020-01-01"},
        ],
    )
    out = tmp_path / "out"
    code = main(["extract", str(a), "--metadata", str(meta), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 0
    assert len(err) == 1 and "gone.txt" in err[0] and "warning" in err[0]
    assert pd.read_csv(out / "articles.csv")["published_date"].tolist() == ["2020-01-07"]


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("published_date", "7th of never", "not an ISO date"),
        ("published_date", "2019-02-30", "not an ISO date"),
        ("url", "news.example/no-scheme", "not an http(s) address"),
    ],
)
def test_a_bad_value_sends_only_its_article_to_errors(
    tmp_path: Path, column: str, value: str, reason: str
) -> None:
    a = write(tmp_path / "in", "bad.txt", TALKS)
    b = write(tmp_path / "in", "good.txt", SHELLING)
    meta = write_csv(tmp_path / "m.csv", [{"file": "bad.txt", column: value}])
    out = tmp_path / "out"
    report = run(
        [str(tmp_path / "in")],
        out,
        formats=("parquet", "csv"),
        manifest=bound(meta, [str(a), str(b)]),
    )
    assert report.articles == 1 and report.errors == 1
    errors = pd.read_csv(out / "errors.csv")
    assert errors["source_file"].tolist() == [a.name]  # named as the tables name it
    assert reason in errors["error"].item() and value in errors["error"].item()
    assert pd.read_csv(out / "articles.csv")["source_file"].tolist() == ["good.txt"]


def test_a_date_after_today_is_an_error_naming_the_record(tmp_path: Path) -> None:
    a = write(tmp_path / "in", "future.txt", TALKS)
    meta = write_csv(tmp_path / "m.csv", [{"file": "future.txt", "published_date": "2999-01-01"}])
    out = tmp_path / "out"
    run([str(a)], out, formats=("parquet", "csv"), manifest=bound(meta, [str(a)]))
    error = pd.read_csv(out / "errors.csv")["error"].item()
    assert "m.csv row 2" in error and "impossible" in error


def test_unknown_columns_are_one_error_line_naming_them(tmp_path: Path, capsys) -> None:
    a = write(tmp_path / "in", "talks.txt", TALKS)
    meta = write_csv(tmp_path / "m.csv", [{"file": "talks.txt", "author": "X", "lang": "en"}])
    out = tmp_path / "out"
    code = main(["extract", str(a), "--metadata", str(meta), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1
    assert "author, lang" in err
    assert not out.exists()


def test_jsonl_and_gzipped_manifests_read_like_csv(tmp_path: Path) -> None:
    recs = [
        {"file": "a.txt", "published_date": "2021-05-02", "publisher": "P"},
        {"file": "b.txt", "url": "https://news.example/b"},
    ]
    for path in (
        write_jsonl(tmp_path / "m.jsonl", recs),
        write_jsonl(tmp_path / "m.jsonl.gz", recs, compress=True),
    ):
        rows = read_manifest(path)
        assert [r.file for r in rows] == ["a.txt", "b.txt"]
        assert rows[0].given.published_date == dt.date(2021, 5, 2)
        assert rows[1].given.url == "https://news.example/b" and rows[1].given.error is None
    bad = write_jsonl(tmp_path / "bad.jsonl", [recs[0], {"file": "c.txt", "topic": "x"}])
    with pytest.raises(InputError, match=r"line 2.*unknown column\(s\) topic"):
        read_manifest(bad)
    dup = write_jsonl(tmp_path / "dup.jsonl", [recs[0], recs[0]])
    with pytest.raises(InputError, match="listed again"):
        read_manifest(dup)


# --- JSON Lines corpora ---------------------------------------------------------------------

NEWS_PLEASE = {
    "maintext": "Turkish artillery shelled a village near the border on Sunday, a monitor said."
    "\nTurkey condemned the attack on Monday.",
    "title": "Artillery hits a border village",
    "date_publish": "2019-04-09 12:30:00",
    "url": "https://news.example/artillery",
    "source_domain": "news.example",
    "authors": ["Someone"],  # other news-please fields are ignored
}
TRAFILATURA = {
    "text": "Envoys met on Tuesday to discuss the ceasefire.",
    "title": "Talks resume in the capital",
    "date": "2020-06-11",
    "sitename": "Example Wire",
    "id": "wire-0042",
}


def test_jsonl_records_become_articles_with_their_fields(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [NEWS_PLEASE, TRAFILATURA])
    out = tmp_path / "out"
    report = run([str(corpus)], out)
    assert report.articles == 2 and report.errors == 0
    arts = articles(out)
    first = arts.loc["corpus.jsonl:1"]  # no id: file and line
    assert first["headline"] == "Artillery hits a border village"
    assert first["published_date"] == dt.date(2019, 4, 9)
    assert first["published_date_method"] == "metadata"
    assert first["publisher"] == "news.example" and first["url"] == NEWS_PLEASE["url"]
    second = arts.loc["wire-0042"]  # the record's own id
    assert second["publisher"] == "Example Wire" and second["published_date"] == dt.date(
        2020, 6, 11
    )
    events = read_partitions(out, "events")
    dates = set(events.loc[events["article_id"] == first["article_id"], "date_start"])
    assert {dt.date(2019, 4, 7), dt.date(2019, 4, 8)} <= dates


def test_jsonl_offsets_index_the_clean_text_like_files(tmp_path: Path) -> None:
    rec = {"text": SHELLING, "id": "same"}
    corpus = write_jsonl(tmp_path / "c.jsonl", [rec])
    file = write(tmp_path / "in", "same.txt", SHELLING)
    from_jsonl, from_file = tmp_path / "j", tmp_path / "f"
    run([str(corpus)], from_jsonl)
    run([str(file)], from_file)
    texts = dict(
        zip(
            *[read_partitions(from_jsonl, "articles")[c] for c in ("article_id", "text")],
            strict=True,
        )
    )
    for table, cols in (
        ("actor_mentions", ("char_start", "char_end", "text")),
        ("events", ("evidence_char_start", "evidence_char_end", "evidence_text")),
    ):
        df = read_partitions(from_jsonl, table)
        assert len(df), table
        for aid, s, e, words in df[["article_id", *cols]].itertuples(index=False):
            assert texts[aid][s:e] == words, table
        same = read_partitions(from_file, table)
        assert df[list(cols)].equals(same[list(cols)]), table  # the same cleaning as a file
    assert list(texts.values()) == read_partitions(from_file, "articles")["text"].tolist()


@pytest.mark.parametrize("compress", [False, True])
def test_a_malformed_line_is_an_error_with_its_line_and_the_rest_goes_on(
    tmp_path: Path, compress: bool
) -> None:
    name = "corpus.jsonl.gz" if compress else "corpus.jsonl"
    lines = [
        TRAFILATURA,
        '{"text": "cut off',
        "",
        ["not", "an", "object"],
        {"title": "No body"},
        {**NEWS_PLEASE, "date_publish": "last Tuesday"},
        {**TRAFILATURA, "id": "wire-2", "text": "Envoys met again on Wednesday."},
    ]
    corpus = write_jsonl(tmp_path / name, lines, compress=compress)
    out = tmp_path / "out"
    report = run([str(corpus)], out, formats=("parquet", "csv"))
    assert report.articles == 2 and report.errors == 4
    errors = pd.read_csv(out / "errors.csv").set_index("source_file")["error"]
    assert "malformed JSON" in errors[f"{corpus.name}:2"]  # line 3 is blank and skipped
    assert "not a JSON object" in errors[f"{corpus.name}:4"]
    assert "no text" in errors[f"{corpus.name}:5"]
    assert "'last Tuesday' is not an ISO date" in errors[f"{corpus.name}:6"]
    assert sorted(articles(out).index) == ["wire-0042", "wire-2"]


def test_a_truncated_gzip_keeps_the_lines_before_the_break(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl.gz", [TRAFILATURA] * 50, compress=True)
    data = corpus.read_bytes()
    corpus.write_bytes(data[: len(data) - 12])  # drop the gzip trailer and some data
    docs = list(iter_inputs([str(corpus)]))
    assert docs[-1].problem and "unreadable" in docs[-1].problem
    assert all(d.problem is None for d in docs[:-1]) and len(docs) > 1


def test_jsonl_is_streamed_one_line_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [TRAFILATURA] * 1000)
    read = []
    real_open = jsonl_module.open_lines

    class Counting:
        def __init__(self, path: Path) -> None:
            self.fh = real_open(path)

        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def __iter__(self):
            for line in self.fh:
                read.append(1)
                yield line

    monkeypatch.setattr(jsonl_module, "open_lines", Counting)
    docs = iter_inputs([str(corpus)])
    first = next(docs)
    assert first.name == "wire-0042" and len(read) == 1
    docs.close()


def test_an_interrupted_jsonl_run_resumes_where_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recs = [
        {**TRAFILATURA, "id": f"wire-{i}", "text": f"Envoys met for round {i} of the talks."}
        for i in range(5)
    ] + ["{broken"]
    corpus = write_jsonl(tmp_path / "c.jsonl.gz", recs, compress=True)
    full = tmp_path / "full"
    run([str(corpus)], full, chunk_size=2)

    real = runner.process_chunk
    calls: list[int] = []

    def dies_on_second_chunk(docs, raw=None, timeout=None):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(docs, raw, timeout)

    part = tmp_path / "part"
    monkeypatch.setattr(runner, "process_chunk", dies_on_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        run([str(corpus)], part, chunk_size=2)
    monkeypatch.setattr(runner, "process_chunk", real)
    report = run([str(corpus)], part, chunk_size=2)
    assert report.skipped_partitions == 1 and report.partitions == 2
    assert report.articles == 3 and report.errors == 1
    for table in ("articles", "events", "errors"):
        pd.testing.assert_frame_equal(read_partitions(full, table), read_partitions(part, table))


# --- add ------------------------------------------------------------------------------------


def test_add_with_flags_starts_a_dated_draft(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from syria_deconfliction import cli
    from syria_deconfliction.corpus.add import add_article, given_of_draft
    from syria_deconfliction.corpus.metadata import given_from_flags

    src = write(tmp_path, "new_shelling.txt", SHELLING)
    given = given_from_flags(
        "command line", "2019-04-09", "https://news.example/a", "Example Courier"
    )
    draft = add_article(src, project / "raw", today=TODAY, given=given)
    doc = yaml.safe_load(draft.read_text())
    art = doc["article"]
    assert art["published_date"]["date"] == "2019-04-09"
    assert art["published_date"]["method"] == "metadata"
    assert art["publisher"] == "Example Courier" and art["publisher_method"] == "metadata"
    assert art["url"] == "https://news.example/a"
    assert {e["date"]["start"] for e in doc["events"]} >= {"2019-04-07", "2019-04-08"}
    assert given_of_draft(doc) == given
    # A build with drafts drafts the article again with the same given values.
    from syria_deconfliction.pipeline.run import build

    build(project, today=TODAY, include_drafts=True, out=project / "with-drafts")
    arts = pd.read_csv(project / "with-drafts" / "tables" / "articles.csv")
    mine = arts[arts["source_file"] == "new_shelling.txt"].squeeze()
    assert mine["article_id"] == draft.stem
    assert (mine["published_date"], mine["published_date_method"]) == ("2019-04-09", "metadata")

    # The command line: a manifest for several files; a bad value stops before anything changes.
    monkeypatch.setattr("syria_deconfliction.paths.RAW", project / "raw")
    other = write(tmp_path, "new_talks.txt", TALKS)
    meta = write_csv(
        tmp_path / "m.csv", [{"file": "new_talks.txt", "published_date": "07/01/2020"}]
    )
    assert cli.main(["add", str(other), "--metadata", str(meta)]) == 1
    assert "not an ISO date" in capsys.readouterr().err
    assert not (project / "raw" / "articles" / "new_talks.txt").exists()
    meta = write_csv(
        tmp_path / "m.csv", [{"file": "new_talks.txt", "published_date": "2020-01-07"}]
    )
    assert cli.main(["add", str(other), "--metadata", str(meta), "--headline", "Talks"]) == 0
    drafts = sorted((project / "raw" / "curation" / "drafts").glob("2020-01-07-*.yaml"))
    assert len(drafts) == 1
    doc = yaml.safe_load(drafts[0].read_text())
    assert doc["article"]["headline"] == "Talks"  # the flag wins over the manifest and the text


def test_a_record_without_headline_keeps_its_rows_and_a_title_is_its_headline(
    tmp_path: Path,
) -> None:
    body = "Envoys met on Tuesday to discuss the ceasefire."  # reads as a sentence, not a headline
    recs = [{"text": body}, {"text": body + " They met again.", "title": "Talks"}]
    corpus = write_jsonl(tmp_path / "c.jsonl", recs)
    out = tmp_path / "out"
    report = run([str(corpus)], out, formats=("parquet", "csv"))
    assert report.articles == 2 and report.errors == 0
    rows = articles(out)
    assert pd.isna(rows.loc["c.jsonl:1", "headline"])
    assert "No headline" in rows.loc["c.jsonl:1", "notes"]
    assert rows.loc["c.jsonl:2", "headline"] == "Talks"
