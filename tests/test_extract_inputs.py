"""`extract` on whatever a user feeds it: every input gives its rows or one errors line, ids and
keys stay unique, file names stay apart, nothing is read twice and nothing is skipped in silence.
All inputs are generated here; every sentence is invented."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import syria_deconfliction as sd
from syria_deconfliction.corpus.runner import read_partitions, run

STORY = (
    "The foreign minister of Norway said on Tuesday that the talks in Geneva would resume. "
    "Officials from both delegations met for three hours.\n\n"
    "A spokesman for the United Nations said the meeting was useful."
)
ID_PATTERN = re.compile(sd.schema("articles")["fields"][0]["constraints"]["pattern"])
KEYED = ("articles", "actor_mentions", "quotes", "events", "event_actors", "errors")


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def story(headline: str = "Talks in Geneva to resume", extra: str = "") -> str:
    return f"{headline}\n\n{STORY}\n\n{extra}".rstrip() + "\n"


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {t: read_partitions(out, t) for t in KEYED}


def assert_keys_unique(out: Path) -> None:
    for table, df in tables(out).items():
        pk = (
            ["source_file"] if table == "errors" else sd.schema(table)["primaryKey"]
        )
        if len(df):
            assert not df.duplicated(pk).any(), (table, df[df.duplicated(pk, keep=False)])


def test_an_article_without_a_headline_keeps_its_rows_and_the_run(tmp_path: Path) -> None:
    # The first line ends in a full stop, as in many scraped files: no headline can be found.
    write(tmp_path / "in" / "a.txt", STORY)
    write(tmp_path / "in" / "b.txt", story())
    report = run([str(tmp_path / "in")], tmp_path / "out", formats=("parquet", "csv"))
    assert report.articles == 2 and report.errors == 0
    arts = pd.read_csv(tmp_path / "out" / "articles.csv").set_index("source_file")
    assert pd.isna(arts.loc["a.txt", "headline"])
    assert "No headline" in arts.loc["a.txt", "notes"]
    assert arts.loc["b.txt", "headline"] == "Talks in Geneva to resume"
    assert all(ID_PATTERN.fullmatch(a) for a in arts["article_id"])


def test_ids_differ_for_different_files_with_the_same_date_outlet_and_headline(
    tmp_path: Path,
) -> None:
    for i in range(4):
        write(tmp_path / "in" / f"{i}.txt", story(extra=f"The delegates ate {i} apples."))
    run([str(tmp_path / "in")], tmp_path / "out", chunk_size=2)
    arts = read_partitions(tmp_path / "out", "articles")
    assert len(arts) == 4 and arts["article_id"].is_unique
    assert all(ID_PATTERN.fullmatch(a) for a in arts["article_id"])
    assert_keys_unique(tmp_path / "out")


def test_same_file_named_twice_or_through_its_folder_is_read_once(tmp_path: Path) -> None:
    f = write(tmp_path / "in" / "a.txt", story())
    write(tmp_path / "in" / "b.txt", story("Another meeting is planned"))
    rel = os.path.relpath(f)
    run([str(tmp_path / "in"), str(f), rel, str(tmp_path / "in" / "*.txt")], tmp_path / "out")
    arts = read_partitions(tmp_path / "out", "articles")
    assert sorted(arts["source_file"]) == ["a.txt", "b.txt"]
    assert_keys_unique(tmp_path / "out")


def test_files_of_the_same_name_in_different_folders_stay_apart(tmp_path: Path) -> None:
    write(tmp_path / "in" / "x" / "a.txt", story())
    write(tmp_path / "in" / "y" / "a.txt", story("Another meeting is planned"))
    run([str(tmp_path / "in" / "x"), str(tmp_path / "in" / "y")], tmp_path / "out")
    arts = read_partitions(tmp_path / "out", "articles")
    assert sorted(arts["source_file"]) == ["x/a.txt", "y/a.txt"]


def test_identical_bytes_under_two_names_are_one_article_and_one_error_line(
    tmp_path: Path,
) -> None:
    write(tmp_path / "in" / "a.txt", story())
    write(tmp_path / "in" / "copy.txt", story())
    report = run([str(tmp_path / "in")], tmp_path / "out")
    assert report.articles == 1 and report.errors == 1
    err = read_partitions(tmp_path / "out", "errors")
    assert err["source_file"].tolist() == ["copy.txt"]
    assert "same bytes as a.txt" in err["error"].item()


def test_resume_with_relative_then_absolute_names_adds_no_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        write(tmp_path / "in" / f"{i}.txt", story(extra=f"The delegates ate {i} pears."))
    monkeypatch.chdir(tmp_path)
    run(["in"], tmp_path / "out", chunk_size=1)
    first = read_partitions(tmp_path / "out", "articles")
    report = run([str(tmp_path / "in"), str(tmp_path / "in" / "1.txt")], tmp_path / "out")
    assert report.articles == 0 and report.partitions == 0
    pd.testing.assert_frame_equal(read_partitions(tmp_path / "out", "articles"), first)


def test_a_duplicate_key_fails_loudly_at_write_time(tmp_path: Path) -> None:
    from syria_deconfliction.corpus.runner import DuplicateKey, PartitionWriter
    from syria_deconfliction.corpus.tables import frame

    row = read_partitions_row(tmp_path)
    writer = PartitionWriter(tmp_path / "w", ["parquet"])
    with pytest.raises(DuplicateKey, match="articles"):
        writer.write(0, ["k1", "k2"], {"articles": frame("articles", [row, row])})
    assert not (tmp_path / "w" / "parquet").exists()
    writer.write(0, ["k1"], {"articles": frame("articles", [row])})
    with pytest.raises(DuplicateKey, match="articles"):  # across partitions too
        writer.write(1, ["k2"], {"articles": frame("articles", [row])})


def read_partitions_row(tmp_path: Path) -> dict:
    write(tmp_path / "one" / "a.txt", story())
    run([str(tmp_path / "one")], tmp_path / "one-out")
    return read_partitions(tmp_path / "one-out", "articles").iloc[0].to_dict() | {
        "credits": []
    }


def test_a_pathological_file_goes_to_errors_after_the_time_limit(tmp_path: Path) -> None:
    # Two megabytes of sentences take seconds on any machine; the small article takes far less
    # than the limit and keeps its rows.
    long = "Delegates met again in the hall. " * 60_000
    write(tmp_path / "in" / "huge.txt", f"A long day\n\n{long}\n")
    write(tmp_path / "in" / "small.txt", story())
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        report = run([str(tmp_path / "in")], out, workers=workers, timeout=0.5)
        assert report.articles == 1 and report.errors == 1
        err = read_partitions(out, "errors")
        assert err["source_file"].tolist() == ["huge.txt"]
        assert "time limit of 0.5 s" in err["error"].item()


def test_time_limit_with_dask(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    long = "Delegates met again in the hall. " * 60_000
    write(tmp_path / "in" / "huge.txt", f"A long day\n\n{long}\n")
    write(tmp_path / "in" / "small.txt", story())
    report = run([str(tmp_path / "in")], tmp_path / "out", engine="dask", workers=1, timeout=0.5)
    assert report.articles == 1 and report.errors == 1
    err = read_partitions(tmp_path / "out", "errors")
    assert err["source_file"].tolist() == ["huge.txt"] and "time limit" in err["error"].item()


def test_time_limit_in_a_worker_thread(tmp_path: Path) -> None:
    """Dask runs tasks outside the main thread, where no signal can be used."""
    import threading

    from syria_deconfliction.corpus.inputs import Input
    from syria_deconfliction.corpus.runner import process_chunk

    long = "Delegates met again in the hall. " * 60_000
    huge = write(tmp_path / "huge.txt", f"A long day\n\n{long}\n")
    small = write(tmp_path / "small.txt", story())
    items = [Input(str(p), str(p), p.name) for p in (huge, small)]
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(process_chunk(items, None, 0.5)))
    worker.start()
    worker.join(60)
    assert not worker.is_alive()
    errors = result["errors"].to_pylist()
    assert [e["source_file"] for e in errors] == ["huge.txt"]
    assert "time limit" in errors[0]["error"]
    assert result["articles"].column("source_file").to_pylist() == ["small.txt"]


def test_a_wire_lede_is_story_text_and_a_caption_is_not(tmp_path: Path) -> None:
    lede = "OSLO (Reuters) - The foreign minister of Norway said on Tuesday the talks would resume."
    caption = "Delegates arrive at the hall in Geneva (AP)"
    write(tmp_path / "in" / "a.txt", f"Talks to resume\n\n{caption}\n\n{lede}\n\n{STORY}\n")
    run([str(tmp_path / "in")], tmp_path / "out")
    text = read_partitions(tmp_path / "out", "articles")["text"].item()
    assert lede in text
    assert caption not in text


def test_a_byline_is_never_the_publisher(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", f"Talks to resume\n\nBy Jane Doe\n\n{STORY}\n")
    write(tmp_path / "in" / "b.txt", f"Talks to end\n\nBy Jane Doe\n\nReuters\n\n{STORY}\n")
    run([str(tmp_path / "in")], tmp_path / "out")
    arts = read_partitions(tmp_path / "out", "articles").set_index("source_file")
    assert pd.isna(arts.loc["a.txt", "publisher"])
    assert arts.loc["a.txt", "publisher_method"] == "none"
    assert arts.loc["b.txt", "publisher"] == "Reuters"


def test_a_non_utf8_byte_in_a_file_name_is_kept_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9 report.txt")
    write(folder / name, story())
    write(folder / "plain.txt", story("Another meeting is planned"))
    report = run([str(folder)], tmp_path / "out", formats=("parquet", "csv"))
    assert report.articles == 2
    names = sorted(pd.read_csv(tmp_path / "out" / "articles.csv")["source_file"])
    assert names == ["caf\\xe9 report.txt", "plain.txt"]


def test_nothing_is_skipped_in_silence(tmp_path: Path) -> None:
    write(tmp_path / "in" / "upper.TXT", story())
    write(tmp_path / "in" / "mixed.Txt", story("Another meeting is planned"))
    write(tmp_path / "in" / "notes.md", "not an article")
    (tmp_path / "empty").mkdir()
    write(tmp_path / "globbed" / "g1" / "a.txt", story("A third meeting"))
    sources = [str(tmp_path / "in"), str(tmp_path / "empty"), str(tmp_path / "globbed" / "g*")]
    report = run(sources, tmp_path / "out", formats=("parquet", "csv"))
    arts = read_partitions(tmp_path / "out", "articles")
    assert sorted(arts["source_file"]) == ["globbed/g1/a.txt", "in/mixed.Txt", "in/upper.TXT"]
    err = read_partitions(tmp_path / "out", "errors")
    assert report.errors == 1 and err["source_file"].item().endswith("empty")
    assert "no article file" in err["error"].item()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (story().encode("utf-16-le"), "NUL bytes"),
        (b"\x00" * 4096, "NUL bytes"),
        (bytes(range(1, 32)) * 200 + b"\nsome text\n", "binary"),
        (b"\xff\xfe" + story().encode("utf-16-le"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "not UTF-8"),
        (b" \n\t\r\n  ", "empty"),
    ],
)
def test_files_that_are_not_text_are_refused_in_one_line(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    write(tmp_path / "in" / "bad.txt", data)
    write(tmp_path / "in" / "good.txt", story())
    report = run([str(tmp_path / "in")], tmp_path / "out")
    assert report.articles == 1 and report.errors == 1
    err = read_partitions(tmp_path / "out", "errors")
    assert err["source_file"].item() == "bad.txt" and reason in err["error"].item()
    assert "\n" not in err["error"].item()


def test_a_pipe_or_an_oversized_file_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syria_deconfliction.corpus import reading

    (tmp_path / "in").mkdir()
    os.mkfifo(tmp_path / "in" / "pipe.txt")  # reading it would wait for a writer forever
    write(tmp_path / "in" / "big.txt", story(extra="More words. " * 200))
    write(tmp_path / "in" / "small.txt", story())
    monkeypatch.setattr(reading, "MAX_ARTICLE_BYTES", 1000)
    report = run([str(tmp_path / "in")], tmp_path / "out")
    assert report.articles == 1 and report.errors == 2
    err = read_partitions(tmp_path / "out", "errors").set_index("source_file")["error"]
    assert "not a regular file" in err["pipe.txt"] and "too large" in err["big.txt"]


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "syria_deconfliction", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


@pytest.mark.parametrize("size", ["0", "-5", "two"])
def test_chunk_size_below_one_is_a_usage_error(tmp_path: Path, size: str) -> None:
    f = write(tmp_path / "a.txt", story())
    proc = _cli("extract", str(f), "--out", str(tmp_path / "o"), f"--chunk-size={size}")
    assert proc.returncode == 2
    assert "--chunk-size" in proc.stderr.splitlines()[-1]
    assert not (tmp_path / "o").exists()


def test_one_run_per_output_folder_and_stale_locks_are_taken_over(tmp_path: Path) -> None:
    from syria_deconfliction.corpus.lock import LOCK, OutputLocked

    f = write(tmp_path / "a.txt", story())
    out = tmp_path / "o"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / LOCK).write_text(f"{holder.pid}\n")
        with pytest.raises(OutputLocked, match=f"process {holder.pid}"):
            run([str(f)], out)
        proc = _cli("extract", str(f), "--out", str(out), "--quiet")
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
        assert "another extract run" in proc.stderr
    finally:
        holder.kill()
        holder.wait()
    # The holder is gone: its lock is stale and the next run takes it over, then releases it.
    assert run([str(f)], out).articles == 1
    assert not (out / LOCK).exists()


def test_add_of_a_file_with_no_date_and_no_headline_drafts_a_valid_id(project: Path) -> None:
    import yaml

    from syria_deconfliction.corpus.add import add_article
    from syria_deconfliction.pipeline.run import build

    src = write(project / "new" / "plain.txt", f"{STORY}\n\nBy Jane Doe\n")
    draft = add_article(src, project / "raw")
    doc = yaml.safe_load(draft.read_text(encoding="utf-8"))
    art = doc["article"]
    assert ID_PATTERN.fullmatch(art["article_id"]) and art["article_id"].startswith("0000-00-00")
    assert art["headline"] is None and art["publisher"] is None
    assert "No headline" in art["notes"] and "No publication date" in art["notes"]
    report = build(project, include_drafts=True, out=project / "with-drafts")
    assert report.rows["articles"] == 6


def test_add_refuses_non_text_in_one_line(project: Path) -> None:
    from syria_deconfliction.corpus.add import add_article
    from syria_deconfliction.errors import InputError

    src = write(project / "new" / "u16.txt", story().encode("utf-16-le"))
    with pytest.raises(InputError, match="NUL bytes"):
        add_article(src, project / "raw")
    assert not (project / "raw" / "articles" / "u16.txt").exists()


def test_add_refuses_a_name_that_is_not_utf8_in_one_line(project: Path) -> None:
    from syria_deconfliction.corpus.add import add_article
    from syria_deconfliction.errors import InputError

    src = write(project / "new" / os.fsdecode(b"caf\xe9.txt"), story())
    before = sorted(os.listdir(project / "raw" / "articles"))
    with pytest.raises(InputError, match="not UTF-8") as err:
        add_article(src, project / "raw")
    assert "\n" not in str(err.value) and "caf\\xe9" in str(err.value)
    str(err.value).encode("utf-8")  # printable: no surrogate escapes left
    assert sorted(os.listdir(project / "raw" / "articles")) == before


def test_add_outside_a_checkout_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from syria_deconfliction import cli, paths

    monkeypatch.setattr(paths, "RAW", tmp_path / "site-packages" / "raw")
    f = write(tmp_path / "a.txt", story())
    assert cli.main(["add", str(f)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "a checkout of the project" in err[0]
    assert not (tmp_path / "site-packages").exists()


@pytest.mark.parametrize("quiet", [["--quiet"], []])  # the progress bar counts first
def test_out_must_be_a_new_folder_or_an_earlier_output(tmp_path: Path, quiet: list[str]) -> None:
    f = write(tmp_path / "in" / "a.txt", story())
    (tmp_path / "afile").write_text("mine")
    mine = write(tmp_path / "mine" / "notes.txt", "my notes")
    for out, words in ((tmp_path / "afile", "is a file"), (mine.parent, "did not write")):
        proc = _cli("extract", str(f), "--out", str(out), *quiet)
        assert proc.returncode == 1 and words in proc.stderr, proc.stderr
        said = [ln for ln in proc.stderr.strip().splitlines() if not ln.startswith("extract: ")]
        assert len(said) == 1, proc.stderr  # (the progress bar's lines aside)
    assert (tmp_path / "afile").read_text() == "mine" and mine.read_text() == "my notes"
    assert sorted(p.name for p in mine.parent.iterdir()) == ["notes.txt"]


def test_a_candidate_name_never_shares_a_span_with_a_registry_mention() -> None:
    from syria_deconfliction.corpus.article import extract_article
    from syria_deconfliction.corpus.knowledge import Knowledge
    from syria_deconfliction.corpus.tables import rows_problem

    text = story(extra="Observers called the plan the Putin-Kissinger Doctrine of the decade.")
    rows = extract_article(text, "a.txt", Knowledge.load())
    ids = [m["mention_id"] for m in rows["actor_mentions"]]
    assert len(ids) == len(set(ids))
    spans = [(m["char_start"], m["char_end"]) for m in rows["actor_mentions"]]
    assert len(spans) == len(set(spans))  # one actor a span: the registry's or the candidate's
    assert rows_problem(rows) is None


def test_an_article_whose_rows_repeat_a_key_is_one_errors_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should an extractor ever repeat a key, that article goes to errors; the others stay."""
    from syria_deconfliction.corpus import article

    real = article.extract_article

    def doubled(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        rows = real(text, *args, **kwargs)
        if "Doubled" in text:
            rows["actor_mentions"] = rows["actor_mentions"] * 2
        return rows

    monkeypatch.setattr(article, "extract_article", doubled)
    write(tmp_path / "in" / "a.txt", story("Doubled talks"))
    write(tmp_path / "in" / "b.txt", story())
    report = run([str(tmp_path / "in")], tmp_path / "out")
    assert report.articles == 1 and report.errors == 1
    err = read_partitions(tmp_path / "out", "errors")
    assert err["source_file"].item() == "a.txt" and "not unique" in err["error"].item()


def test_exit_status_says_whether_every_input_gave_rows(tmp_path: Path) -> None:
    good = write(tmp_path / "in" / "good.txt", story())
    write(tmp_path / "in" / "bad.txt", b"\x00" * 64)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cli = [sys.executable, "-m", "syria_deconfliction", "extract", "--quiet", "--out"]
    clean = subprocess.run([*cli, str(tmp_path / "o1"), str(good)], capture_output=True,
                           text=True, env=env)
    assert clean.returncode == 0, clean.stderr
    mixed = subprocess.run([*cli, str(tmp_path / "o2"), str(tmp_path / "in")],
                           capture_output=True, text=True, env=env)
    # The bad file fails the run's status, yet the good file's rows are all written.
    assert mixed.returncode == 1 and "1 error(s) listed in" in mixed.stdout
    assert pd.read_csv(tmp_path / "o2" / "articles.csv")["source_file"].tolist() == ["good.txt"]
    assert pd.read_csv(tmp_path / "o2" / "errors.csv")["source_file"].tolist() == ["bad.txt"]


def _swallow_once_then_spin(seconds: float) -> str:
    """Python drops an exception raised in a weakref callback or finaliser; the limit must
    interrupt the block again after such a loss, not let the article run on unbounded."""
    from syria_deconfliction.corpus.deadline import ArticleTimeout, deadline

    stop = time.monotonic() + seconds
    try:
        with deadline(0.2):
            try:
                while time.monotonic() < stop:
                    pass
            except ArticleTimeout:
                pass  # lost, as in a weakref callback
            while time.monotonic() < stop:
                pass
    except ArticleTimeout:
        return "interrupted"
    return "ran on"


@pytest.mark.parametrize("in_thread", [False, True])
def test_a_lost_interruption_is_repeated(in_thread: bool) -> None:
    import threading

    result: list[str] = []
    if in_thread:
        worker = threading.Thread(target=lambda: result.append(_swallow_once_then_spin(10)))
        worker.start()
        worker.join(30)
    else:
        result.append(_swallow_once_then_spin(10))
    assert result == ["interrupted"]


def test_a_dropped_interruption_is_not_printed_but_other_lost_errors_are() -> None:
    # while a limit runs, an interruption Python drops (in a weakref callback) is no error to
    # show the user; any other exception Python drops still reaches the previous hook
    from types import SimpleNamespace

    from syria_deconfliction.corpus.deadline import ArticleTimeout, deadline

    seen: list[type] = []
    previous = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append(u.exc_type)
    try:
        with deadline(30):
            sys.unraisablehook(SimpleNamespace(exc_type=ArticleTimeout))
            sys.unraisablehook(SimpleNamespace(exc_type=ValueError))
        sys.unraisablehook(SimpleNamespace(exc_type=ArticleTimeout))  # limit over: shown again
    finally:
        sys.unraisablehook = previous
    assert seen == [ValueError, ArticleTimeout]
