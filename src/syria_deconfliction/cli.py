"""Command line: `syria-deconfliction build | validate | info | extract | add | hydrate`.

Also `python -m syria_deconfliction`.

argparse keeps the installed package free of extra runtime dependencies; `build` and
`validate` need the build extra (pip install 'syria-deconfliction[build]').
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import paths
from ._version import __version__
from .corpus.deadline import DEFAULT_TIMEOUT
from .errors import InputError, one_line

# Each command imports its own machinery when it runs: `build` and `validate` need the build
# extra, which a plain install lacks, and `--help` or `info` should not load the extractors.

# Separate defaults: a drafts build holds the publishers' words and never goes where a
# text-free package is expected.
DEFAULT_OUT = {"no_text": "dist/text-free", "include_drafts": "dist/with-drafts"}


def _need_checkout(command: str) -> str | None:
    """One line saying `command` needs a checkout, or None when run inside one."""
    if paths.articles_dir(paths.RAW).is_dir() and paths.curation_of(paths.RAW).is_dir():
        return None
    return (f"{command} failed: `{command}` works in a checkout of the project (raw/articles and "
            "raw/curation); the installed package has only the published data. Fix: clone the "
            "repository and run it there")


def _cmd_build(args: argparse.Namespace) -> int:
    from .pipeline.check import check_published
    from .pipeline.run import build
    from .pipeline.validate import ValidationFailure

    if (msg := _need_checkout("build")) is not None:
        print(msg, file=sys.stderr)
        return 1
    mode = "no_text" if args.no_text else "include_drafts" if args.include_drafts else None
    if args.no_text and args.include_drafts:
        print("build failed: --no-text and --include-drafts were both given. Fix: build the "
              "text-free package and the drafts package separately", file=sys.stderr)
        return 1
    if mode is None and args.out is not None:
        print("build failed: --out is only for --no-text or --include-drafts; the plain build "
              "writes build/ and datapackage.json. Fix: drop --out or add one of them",
              file=sys.stderr)
        return 1
    root = paths.ROOT
    out = Path(args.out) if args.out is not None else root / DEFAULT_OUT[mode] if mode else None
    kept = f"{args.out or DEFAULT_OUT[mode]} was left as it was" if mode else (
        "build/ and datapackage.json were left as they were")
    try:
        if args.no_text:
            report = build(root, text_free_out=out)
            print(f"text-free package written to {out} (no article words; offsets and hashes kept)")
            _print_rows(report.rows)
            return 0
        if args.include_drafts:
            report = build(root, include_drafts=True, out=out)
            print(f"package with unreviewed drafts (rows marked draft) written to {out}")
            _print_rows(report.rows)
            return 0
        report = build(root)
    except (InputError, ValidationFailure) as exc:
        print(f"build failed: {one_line(exc)}", file=sys.stderr)
        print(f"{kept}.", file=sys.stderr)
        return 1
    except OSError as exc:
        # Writing failed (disk full, permissions): the swap may have been interrupted.
        print(f"build failed while writing: {one_line(exc)}. Fix: free space or fix "
              "permissions and build again; the outputs may be incomplete until then",
              file=sys.stderr)
        return 1
    result = check_published(root, frictionless=not args.skip_frictionless)
    _print_rows(result.rows)
    print("stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items()))
    for kind, items in report.gaps.items():
        print(f"needs a curator: {len(items)} {kind.replace('_', ' ')}", file=sys.stderr)
        for item in items[:30]:
            print(f"  {item}", file=sys.stderr)
    return _print_result(result)


def _cmd_add(args: argparse.Namespace) -> int:
    from .corpus.add import add_article
    from .corpus.inputs import printable
    from .corpus.metadata import Manifest, given_from_flags, merge

    raw = paths.RAW
    if not paths.is_checkout(raw):
        print(
            f"add failed: `add` writes into raw/ of a checkout of the project, and {raw} is not "
            "one (an installed package has none); run it from a git clone",
            file=sys.stderr,
        )
        return 1
    flags = given_from_flags(
        "command line", args.published_date, args.url, args.publisher, args.headline
    )
    if flags is not None and len(args.files) > 1:
        print("add failed: value flags describe one article; use --metadata", file=sys.stderr)
        return 1
    manifest = None
    if args.metadata:
        try:
            manifest = Manifest.load(Path(args.metadata))
            manifest.bind(args.files)
        except (InputError, OSError) as exc:
            print(f"add failed: {exc}", file=sys.stderr)
            return 1
        for row in manifest.unused:
            print(
                f"warning: {args.metadata} [{row.file}]: names no file being added", file=sys.stderr
            )
    for f in args.files:
        given = merge(manifest.given_for(f) if manifest else None, flags)
        try:
            draft = add_article(Path(f), raw, given=given)
        except (InputError, OSError) as exc:
            print(f"add failed: {printable(str(exc))}", file=sys.stderr)
            return 1
        print(
            f"added raw/articles/{Path(f).name}; draft for review: {draft.relative_to(raw.parent)}"
        )
    return 0


def _cmd_hydrate(args: argparse.Namespace) -> int:
    from .corpus.knowledge import knowledge_dir
    from .pipeline.run import hydrate_package
    from .pipeline.validate import ValidationFailure
    from .publish.textfree import TextMismatch

    try:
        rows = hydrate_package(
            Path(args.package), Path(args.raw), knowledge_dir() / "boilerplate.yaml", Path(args.out)
        )
    except (TextMismatch, InputError, FileNotFoundError, ValidationFailure) as exc:
        print(f"hydrate failed: {one_line(exc)}", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError, TypeError) as exc:  # a damaged package: one line
        print(f"hydrate failed: {args.package} cannot be read as a text-free package "
              f"({type(exc).__name__}: {one_line(exc, 120)}). Fix: give the folder that "
              "`build --no-text` wrote", file=sys.stderr)
        return 1
    print(f"restored package written to {args.out}")
    _print_rows(rows)
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    try:
        from .pipeline.check import check_folder, check_package
    except ImportError as exc:
        print(f"validate failed: it needs the build extra ({exc.name} is missing). Fix: pip "
              "install 'syria-deconfliction[build]'", file=sys.stderr)
        return 1
    if args.folder is not None:
        folder = Path(args.folder)
        if not folder.is_dir():
            print(f"validate failed: {folder} is not a folder. Fix: give a data package folder "
                  "(with datapackage.json) or an extract output folder", file=sys.stderr)
            return 1
        result = check_folder(folder)
    else:
        from . import loader

        try:
            descriptor, _ = loader._locate()
        except FileNotFoundError as exc:
            print(f"validate failed: {exc}", file=sys.stderr)
            return 1
        print(f"validating {descriptor}")
        result = check_package(descriptor)
    _print_rows(result.rows)
    return _print_result(result)


def _cmd_info(args: argparse.Namespace) -> int:
    from . import loader

    try:
        print(f"syria-deconfliction data version {loader.version()}")
        descriptor, folder = loader._locate()
        print(f"datapackage: {descriptor}")
        print(f"tables in:   {folder}")
        import pyarrow.parquet as pq

        for t in loader.tables():
            try:
                rows = f"{pq.ParquetFile(loader.path(t)).metadata.num_rows:>6} rows"
            except (OSError, ValueError) as exc:  # a damaged file is reported, not a traceback
                rows = f"unreadable ({type(exc).__name__}: {' '.join(str(exc).split())[:80]})"
            print(f"  {t:<16} {rows}   {loader.path(t).name}, {loader.path(t, 'csv').name}")
    except (OSError, ValueError, KeyError) as exc:
        print(f"info failed: {one_line(exc)}. Fix: reinstall the package or rebuild the data",
              file=sys.stderr)
        return 1
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from .corpus import runner
    from .corpus.inputs import input_files
    from .corpus.lock import OutputLocked
    from .corpus.manifest import manifest_for
    from .corpus.runner import DuplicateKey, run

    runner.FREEZE_GC = True  # this process only extracts: see runner.FREEZE_GC

    manifest = None
    if args.metadata:
        try:
            warn = lambda msg: print(msg, file=sys.stderr)  # noqa: E731
            manifest = manifest_for(Path(args.metadata), input_files(args.inputs), warn)
        except (InputError, OSError) as exc:
            print(f"extract failed: {exc}", file=sys.stderr)
            return 2
    formats = ("parquet",) if args.parquet_only else ("parquet", "csv")
    bar = None if args.quiet else _progress_bar(args.inputs, Path(args.out), formats)
    failure: Exception | None = None
    code = 0
    try:
        report = run(
            args.inputs,
            Path(args.out),
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            chunk_size=args.chunk_size,
            formats=formats,
            progress=bar.update if bar is not None else None,
            manifest=manifest,
            timeout=args.timeout or None,
        )
    except (FileNotFoundError, OutputLocked) as exc:
        failure, code = exc, 2
    except (DuplicateKey, NotADirectoryError, FileExistsError) as exc:
        failure, code = exc, 1
    finally:
        if bar is not None:
            bar.close()  # before any message, so that it starts on a line of its own
    if failure is not None:
        print(f"extract failed: {failure}", file=sys.stderr)
        return code
    errors_at = "errors.csv" if "csv" in formats else "parquet/errors"
    print(
        f"extracted {report.articles} article(s) into {args.out} in {report.partitions} new "
        f"partition(s); {report.skipped_partitions} already done; {report.errors} error(s)"
        + (f" listed in {Path(args.out) / errors_at}" if report.errors else "")
    )
    # Exit 1 when some input failed, so that scripts notice; the other inputs' rows are written.
    return 1 if report.errors else 0


def _progress_bar(inputs: Sequence[str], out: Path, formats: Sequence[str]) -> Any:
    """A tqdm bar over the articles to do, or None without tqdm (a nicety of the build extra;
    --quiet does not even import it, which saves start-up time)."""
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    # With a total, tqdm shows done/total, elapsed and time left.
    return tqdm(unit="article", desc="extract", total=_articles_to_do(inputs, out, formats))


def _articles_to_do(inputs: Sequence[str], out: Path, formats: Sequence[str]) -> int | None:
    """How many input files a run will extract (those a resumed run has not finished), or None
    when the inputs cannot be listed (the run itself then reports why)."""
    from .corpus.inputs import iter_inputs
    from .corpus.runner import PartitionWriter
    from .corpus.source import is_jsonl

    if any(is_jsonl(src) for src in inputs):
        return None  # counting a corpus's records would read it twice
    try:
        files = list(iter_inputs(inputs))
    except OSError:
        return None
    if not out.exists():
        return len(files)
    if not out.is_dir():
        return None  # the run refuses it in one line; counting must not fail first
    done = {f for fs in PartitionWriter(out, formats).done().values() for f in fs}
    return sum(1 for f in files if f.key not in done)


def _print_rows(rows: dict[str, int]) -> None:
    print("rows: " + ", ".join(f"{k} {v}" for k, v in rows.items()))


def _print_result(result: object) -> int:
    problems = result.problems
    if problems:
        print(f"validation: FAILED ({len(problems)} problem(s))", file=sys.stderr)
        for p in problems[:20]:
            print(f"  {p}", file=sys.stderr)
        return 1
    print(f"validation: OK ({result.checks})")
    return 0


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number (at least 1)")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} is not zero or a positive number of seconds")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="syria-deconfliction",
        description="News on the US, Russia and the war in Syria (2015-2020) as validated, "
        "documented tables: build them from raw/, check them, and draft new articles.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = _Described(p.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    for add in (_build_parser, _add_parser, _hydrate_parser, _validate_parser, _info_parser,
                _extract_parser):
        add(sub)
    return p


def _build_parser(sub: _Described) -> None:
    b = sub.add_parser("build", help="build the tables from raw/ into build/ and datapackage.json")
    b.add_argument(
        "--skip-frictionless",
        action="store_true",
        help="skip the Frictionless validation pass after building (faster)",
    )
    b.add_argument(
        "--no-text",
        action="store_true",
        help="write the text-free profile (every table without the publishers' words, "
        "offsets and hashes kept) to --out instead of replacing build/",
    )
    b.add_argument(
        "--include-drafts",
        action="store_true",
        help="include articles added with `add` and not yet reviewed, every row marked "
        "draft, writing to --out instead of build/",
    )
    b.add_argument(
        "--out",
        default=None,
        help="new folder for --no-text (default dist/text-free) or --include-drafts (default "
        "dist/with-drafts); never a folder holding your files",
    )
    b.set_defaults(func=_cmd_build)


def _add_parser(sub: _Described) -> None:
    a = sub.add_parser(
        "add",
        help="copy new article files into raw/articles and write a "
        "machine-drafted review file for each in raw/curation/drafts (unreviewed)",
    )
    a.add_argument("files", nargs="+", help="article files (UTF-8 text)")
    a.add_argument(
        "--metadata",
        metavar="FILE",
        help="CSV or JSON Lines file with one record per file (as for extract --metadata)",
    )
    a.add_argument("--published-date", help="the article's publication date (YYYY-MM-DD)")
    a.add_argument("--url", help="the article's address")
    a.add_argument("--publisher", help="the outlet that published it")
    a.add_argument("--headline", help="its headline, when the file's first line is not")
    a.set_defaults(func=_cmd_add)


def _hydrate_parser(sub: _Described) -> None:
    h = sub.add_parser(
        "hydrate",
        help="restore the article words into a text-free package from "
        "your own copies of the raw articles",
    )
    h.add_argument("package", help="folder of a text-free package (holds datapackage.json)")
    h.add_argument("--raw", default="raw/articles", help="folder with the raw article files")
    h.add_argument("--out", required=True, help="folder for the restored package")
    h.set_defaults(func=_cmd_hydrate)


def _validate_parser(sub: _Described) -> None:
    v = sub.add_parser(
        "validate",
        help="validate the published tables (a checkout's or the installed package's), or any "
        "data package or extract output folder given",
    )
    v.add_argument(
        "folder",
        nargs="?",
        help="folder holding a datapackage.json (e.g. a text-free package) or an extract output",
    )
    v.set_defaults(func=_cmd_validate)


def _info_parser(sub: _Described) -> None:
    i = sub.add_parser("info", help="tables, rows, data version and where the files are")
    i.set_defaults(func=_cmd_info)


def _extract_parser(sub: _Described) -> None:
    x = sub.add_parser(
        "extract",
        help="run only the automatic extractors on new plain-text "
        "articles (files, directories or globs) and write draft tables to --out (exit status 0 "
        "only when every input gave its rows)",
    )
    x.add_argument(
        "inputs",
        nargs="+",
        help="article files (UTF-8 text), directories or globs, and JSON Lines corpora "
        "(.jsonl, .jsonl.gz: one article a line, news-please or trafilatura fields)",
    )
    x.add_argument(
        "--metadata",
        metavar="FILE",
        help="CSV or JSON Lines file with one record per input file: file, and optional "
        "published_date, url, publisher, headline; given values win over inference",
    )
    x.add_argument("--out", required=True, help="output directory")
    x.add_argument(
        "--workers", type=_positive_int, default=1, help="processes to use (default 1)"
    )
    x.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local processes, or Dask (needs the dask extra)",
    )
    x.add_argument(
        "--scheduler",
        help="address of a running Dask scheduler (default: a LocalCluster of --workers processes)",
    )
    x.add_argument(
        "--chunk-size",
        type=_positive_int,
        default=200,
        help="articles per task and per output partition (default 200)",
    )
    x.add_argument(
        "--parquet-only", action="store_true", help="skip the CSV copies (for large corpora)"
    )
    x.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        help=f"seconds one article may take before it goes to errors.csv as the reason "
        f"(default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    x.add_argument("--quiet", action="store_true", help="no progress bar")
    x.set_defaults(func=_cmd_extract)


class _Described:
    """Subparsers whose one-line help is also the description on the command's own --help."""

    def __init__(self, sub: argparse._SubParsersAction) -> None:
        self.sub = sub

    def add_parser(self, name: str, help: str) -> argparse.ArgumentParser:
        return self.sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
