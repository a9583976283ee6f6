"""The build, top to bottom: load raw -> clean -> extract -> curate -> normalise -> validate ->
write.

The build writes into a staging folder and only replaces build/tables and datapackage.json once
every table has passed validation, so a failed build leaves the previous output untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..corpus.add import given_of_draft
from ..corpus.article import extract_article
from ..corpus.knowledge import Knowledge
from ..corpus.rows import mention_rows, quote_rows
from ..errors import InputError, show
from ..extract.document import Document
from ..extract.events import load_lexicon, unaccounted_candidates
from ..extract.mentions import (
    Mention,
    compile_registry,
    find_mentions,
    find_unaccounted_names,
)
from ..extract.orchestrate import ActorWorld, event_candidates, quotes_of
from ..loader import read_table_file
from ..paths import ROOT, knowledge_of
from ..publish.dictionary import data_dictionary
from ..publish.figures import make_figures
from ..publish.sqlite import write_sqlite
from ..publish.textfree import hydrate, restore_texts, strip_text, stripped_columns
from . import articles as article_stage
from .anchor import anchor
from .clean import CleanArticle, clean, load_boilerplate
from .curate_mentions import apply_mention_curation
from .drafts import draft_file, load_drafts
from .events import ArticleDate, event_rows, load_events
from .flat import DERIVED
from .frames import conform
from .outdir import check_out, clean_stale, lock_path, locked, replace_folder
from .quotes import apply_quote_curation, link_events, load_quote_curation
from .rawdata import RawArticle, check_fields, load_articles, read_article, read_checked
from .reference import cameo_code_rows
from .registry import Registry, actor_rows, load_registry, place_rows
from .schemas import package_meta, relaxed, table_schemas
from .validate import check_foreign_keys, check_spans, validate_table
from .write import datapackage, sort_rows, write_csv, write_json, write_parquet

TABLES_DIR = "build/tables"


@dataclass
class Context:
    """What one stage hands the next."""

    root: Path
    today: dt.date
    raw: list[RawArticle] = field(default_factory=list)
    clean: dict[str, CleanArticle] = field(default_factory=dict)
    docs: dict[str, Document] = field(default_factory=dict)  # one analysed text per article
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    registry: Registry | None = None
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    include_drafts: bool = False
    mentions: dict[str, list[Any]] = field(default_factory=dict)
    # Things a person must look at: names no registry accounts for, uncovered event candidates.
    gaps: dict[str, list[str]] = field(default_factory=dict)

    @property
    def texts(self) -> dict[str, str]:
        return {aid: c.text for aid, c in self.clean.items()}


@dataclass
class BuildReport:
    rows: dict[str, int]
    seconds: dict[str, float]
    out_dir: Path
    gaps: dict[str, list[str]]


def stage_load(ctx: Context) -> None:
    ctx.drafts = load_drafts(ctx.root / "raw")
    ctx.raw = load_articles(ctx.root / "raw", set(ctx.drafts))


def stage_clean(ctx: Context) -> None:
    bp = load_boilerplate(knowledge_of(ctx.root / "raw") / "boilerplate.yaml")
    ctx.clean = {a.article_id: clean(a.raw_text, bp) for a in ctx.raw}
    ctx.docs = {aid: Document(art.text) for aid, art in ctx.clean.items()}


def stage_articles(ctx: Context) -> None:
    ctx.rows["articles"] = [
        article_stage.article_row(a, ctx.clean[a.article_id], ctx.today) for a in ctx.raw
    ]
    ctx.rows["text_segments"] = [
        r
        for a in ctx.raw
        for r in article_stage.segment_rows(a.article_id, ctx.clean[a.article_id])
    ]
    ctx.rows["boilerplate"] = [
        r
        for a in ctx.raw
        for r in article_stage.boilerplate_rows(a.article_id, ctx.clean[a.article_id])
    ]


def stage_reference(ctx: Context) -> None:
    ctx.rows["cameo_codes"] = cameo_code_rows(knowledge_of(ctx.root / "raw") / "reference")


def stage_actors(ctx: Context) -> None:
    """Registry, every mention of every actor, and names nobody accounts for."""
    reg = ctx.registry = load_registry(knowledge_of(ctx.root / "raw"))
    compiled = compile_registry(reg.actors, reg.places)
    rows = []
    for aid, doc in ctx.docs.items():
        rows += mention_rows(aid, find_mentions(doc, reg.actors, reg.places, compiled=compiled))
    rows = apply_mention_curation(ctx.root / "raw", ctx.texts, reg.actor_ids, rows)
    for aid, doc in ctx.docs.items():
        # Later stages (quotes, events) see the curated mentions, in text order.
        ctx.mentions[aid] = sorted(
            (
                Mention(
                    r["char_start"],
                    r["char_end"],
                    r["text"],
                    r["actor_id"],
                    r["rule"],
                    r["possessive"],
                )
                for r in rows
                if r["article_id"] == aid
            ),
            key=lambda m: m.start,
        )
        for s, e, name in find_unaccounted_names(
            doc, ctx.mentions[aid], reg.actors, reg.places, reg.not_actors, compiled=compiled
        ):
            ctx.gaps.setdefault("unaccounted_names", []).append(f"{aid} [{s}:{e}] {name!r}")
    ctx.rows["actor_mentions"] = rows
    ctx.rows["actors"] = actor_rows(reg, rows)
    ctx.rows["places"] = place_rows(reg)


def stage_events(ctx: Context) -> None:
    """Curated events with everything a rule can do filled in and checked."""
    assert ctx.registry is not None
    events, rejected = load_events(ctx.root / "raw")
    pub = {
        r["article_id"]: ArticleDate(r["published_date"], r["published_date_precision"])
        for r in ctx.rows["articles"]
    }
    cameo = {r["code"]: r for r in ctx.rows["cameo_codes"]}
    rows, links = event_rows(
        events, ctx.texts, pub, ctx.registry.actor_ids, ctx.registry.place_ids, cameo
    )
    missing = sorted(set(ctx.texts) - {r["article_id"] for r in rows})
    for aid in missing:
        ctx.gaps.setdefault("articles_without_events", []).append(aid)
    ctx.rows["events"], ctx.rows["event_actors"] = rows, links
    check_candidates(ctx, rows, rejected, pub)


def check_candidates(
    ctx: Context, events: list[dict[str, Any]], rejected: list[dict[str, Any]], pub: dict[str, Any]
) -> None:
    """Run the automatic candidate finder so that a missed event is visible: every candidate must
    be covered by a curated event's evidence or rejected, with a reason, in
    raw/curation/events.yaml."""
    world = _world(ctx)
    rejected_spans: dict[str, list[tuple[int, int]]] = {}
    for i, r in enumerate(rejected):
        record = f"rejected_candidates {i + 1}"
        if not isinstance(r, dict):
            raise InputError(
                "raw/curation/events.yaml",
                record,
                "entry is not a mapping",
                "write {article, text, reason}",
            )
        check_fields(
            "raw/curation/events.yaml",
            record,
            r,
            {"article", "text", "reason", "occurrence"},
            {"article", "text", "reason"},
        )
        if r["article"] not in ctx.texts:
            raise InputError(
                "raw/curation/events.yaml",
                record,
                f"unknown article {r['article']!r}",
                "use an article_id",
            )
        span = anchor(
            ctx.texts[r["article"]],
            r["text"],
            file="raw/curation/events.yaml",
            record=record,
            occurrence=r.get("occurrence"),
        )
        rejected_spans.setdefault(r["article"], []).append(span)
    for aid, doc in ctx.docs.items():
        text = doc.text
        found = event_candidates(doc, ctx.mentions[aid], pub[aid].date, world)
        evidence = [
            (e["evidence_char_start"], e["evidence_char_end"])
            for e in events
            if e["article_id"] == aid
        ]
        for c in unaccounted_candidates(found, evidence, rejected_spans.get(aid, [])):
            ctx.gaps.setdefault("uncovered_event_candidates", []).append(
                f"{aid} [{c.trigger_start}:{c.trigger_end}] {c.trigger!r} in "
                f"{text[c.sentence_start : c.sentence_end][:90]!r}"
            )


def stage_quotes(ctx: Context) -> None:
    """Automatic quotes (speaker hints from the actor mentions), the curated review, event links."""
    reg = ctx.registry
    assert reg is not None
    world = _world(ctx)
    rows: list[dict[str, Any]] = []
    for aid, doc in ctx.docs.items():
        rows += quote_rows(aid, quotes_of(doc, ctx.mentions[aid], world))
    curation = load_quote_curation(ctx.root / "raw")
    if curation is not None:
        rows, unreviewed = apply_quote_curation(rows, curation, ctx.texts, reg.actor_ids)
        if unreviewed:
            ctx.gaps["unreviewed_quotes"] = unreviewed
    parents = {a["id"]: a.get("parent") for a in reg.actors}
    link_events(rows, ctx.rows.get("events", []), ctx.rows.get("event_actors", []), parents)
    ctx.rows["quotes"] = rows


def _world(ctx: Context) -> ActorWorld:
    """The registry, gazetteer and trigger lexicon as the quote and event rules see them."""
    reg = ctx.registry
    assert reg is not None
    triggers = knowledge_of(ctx.root / "raw") / "event_triggers.yaml"
    read_checked(triggers, "event_triggers")  # one-line errors before the lexicon is compiled
    try:
        lexicon = load_lexicon(triggers)
    except (ValueError, KeyError, TypeError, re.error) as exc:  # e.g. duplicate trigger ids
        raise InputError(
            "raw/knowledge/event_triggers.yaml", None, f"the lexicon does not compile: {exc}",
            "correct the entry the message names (see the file's header)",
        ) from exc
    return ActorWorld.of(reg.actors, reg.places, reg.actor_types, lexicon)


def stage_drafts(ctx: Context) -> None:
    """Articles added with `add` and not yet reviewed: left out, or (--include-drafts) drafted by
    the automatic extractors with every row marked draft."""
    if not ctx.drafts:
        return
    if not ctx.include_drafts:
        ctx.gaps["unreviewed_drafts"] = [f"raw/curation/drafts: {f} (left out)" for f in ctx.drafts]
        return
    k = Knowledge.load(knowledge_of(ctx.root / "raw"))
    id_pattern = re.compile(_article_id_pattern())
    for source_file, draft in ctx.drafts.items():
        rel = draft.file
        path = draft_file(ctx.root / "raw", source_file)
        raw_text = read_article(path, draft.meta, rel).raw_text
        try:
            rows = extract_article(
                raw_text, source_file, k, ctx.today, given=given_of_draft(draft.doc)
            )
        except Exception as exc:  # one bad draft is one line, never a traceback
            raise InputError(
                rel, None,
                f"the automatic extractors failed on its article ({type(exc).__name__})",
                "check the article file, or delete the draft and curate the article by hand",
            ) from exc
        aid = rows["articles"][0]["article_id"]
        if not isinstance(aid, str) or not id_pattern.fullmatch(aid):
            raise InputError(
                rel, None, "its article gets an id that is not a valid article id "
                f"(date-outlet-slug): {show(aid, 60)}",
                "date the article, or curate it in raw/curation/articles.yaml and delete "
                "the draft",
            )
        if aid in ctx.clean:
            raise InputError(
                rel, None, f"its article id {aid} is already used",
                "delete the draft if the article is already curated, else rename its file",
            )
        ctx.clean[aid] = art = clean(raw_text, k.boilerplate)
        ctx.docs[aid] = Document(art.text)
        ctx.rows["text_segments"] += article_stage.segment_rows(aid, art)
        ctx.rows["boilerplate"] += article_stage.boilerplate_rows(aid, art)
        _hold_undated_events(ctx, rel, rows)
        for table in ("actor_mentions", "quotes", "events"):
            for r in rows[table]:
                r["method"] = "draft"
        for r in rows["actor_candidates"]:
            r["method"] = "draft"
        ctx.rows["actors"] += rows.pop("actor_candidates")
        for table, table_rows in rows.items():
            ctx.rows[table] += table_rows


def _hold_undated_events(ctx: Context, rel: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """A published event needs a date; a draft's candidate that no date resolves (an article
    with no publication date) stays out of the drafts build, counted in the gaps with the fix."""
    undated = {e["event_id"] for e in rows["events"] if e.get("date_start") is None}
    if not undated:
        return
    rows["events"] = [e for e in rows["events"] if e["event_id"] not in undated]
    rows["event_actors"] = [a for a in rows["event_actors"] if a["event_id"] not in undated]
    for q in rows["quotes"]:
        if q.get("event_id") in undated:
            q["event_id"] = None
    ctx.gaps.setdefault("undated_draft_events", []).append(
        f"{rel}: {len(undated)} event candidate(s) without a date left out; give the article's "
        "date (add --published-date) to draft them"
    )


def _article_id_pattern() -> str:
    field = next(f for f in table_schemas()["articles"].fields if f["name"] == "article_id")
    return field["constraints"]["pattern"]


def stage_normalise(ctx: Context) -> None:
    for name, schema in table_schemas().items():
        if name in DERIVED:
            continue
        df = pd.DataFrame(ctx.rows.get(name, []), columns=schema.field_names)
        ctx.tables[name] = sort_rows(conform(df, schema), schema)


def stage_derive(ctx: Context) -> None:
    """Tables derived from the others (events_flat), never from raw/ directly."""
    derive_tables(ctx.tables)


def derive_tables(tables: dict[str, pd.DataFrame]) -> None:
    schemas = table_schemas()
    for name, make in DERIVED.items():
        tables[name] = sort_rows(conform(make(tables), schemas[name]), schemas[name])


def stage_validate(ctx: Context) -> None:
    schemas = table_schemas()
    for name, schema in schemas.items():
        validate_table(ctx.tables[name], schema)
    check_foreign_keys(ctx.tables, schemas)
    check_spans(ctx.tables, ctx.texts)


STAGES: list[tuple[str, Callable[[Context], None]]] = [
    ("load raw", stage_load),
    ("clean", stage_clean),
    ("articles", stage_articles),
    ("reference", stage_reference),
    ("actors", stage_actors),
    ("events", stage_events),
    ("quotes", stage_quotes),
    ("drafts", stage_drafts),
    ("normalise", stage_normalise),
    ("derive", stage_derive),
    ("validate", stage_validate),
]


def build(
    root: Path = ROOT,
    today: dt.date | None = None,
    text_free_out: Path | None = None,
    include_drafts: bool = False,
    out: Path | None = None,
) -> BuildReport:
    """Build from root/raw. With `text_free_out`, write the text-free profile there instead of
    replacing the published outputs; with `include_drafts`, unreviewed drafts are included and
    marked, and the outputs go to `out` (never over the published build)."""
    if text_free_out is not None and include_drafts:
        raise InputError("--out", None, "--no-text and --include-drafts were both given",
                         "build the text-free package and the drafts package separately")
    if include_drafts and out is None:
        raise ValueError("a build with drafts needs its own output folder")
    # Refuse an unsafe output folder before any work; one run per output folder at a time.
    if text_free_out is not None:
        check_out(text_free_out, root, "text-free")
        lock, what = lock_path(text_free_out), str(text_free_out)
    elif include_drafts:
        assert out is not None
        check_out(out, root, "drafts")
        lock, what = lock_path(out), str(out)
    else:
        lock, what = root / "build" / ".lock", "build/"
    ctx = Context(root=root, today=today or dt.date.today(), include_drafts=include_drafts)
    seconds: dict[str, float] = {}
    with locked(lock, what):
        for name, stage in STAGES:
            t0 = time.perf_counter()
            stage(ctx)
            seconds[name] = time.perf_counter() - t0
        t0 = time.perf_counter()
        if text_free_out is not None:
            replace_folder(text_free_out, root, "text-free", lambda d: publish_text_free(ctx, d))
        elif include_drafts:
            assert out is not None
            replace_folder(out, root, "drafts", lambda d: write_package(ctx.tables, d))
        else:
            publish(ctx)
        seconds["write"] = time.perf_counter() - t0
    return BuildReport(
        {n: len(df) for n, df in ctx.tables.items()}, seconds, root / TABLES_DIR, ctx.gaps
    )


SQLITE = "build/syria_deconfliction.sqlite"
DATASETTE_METADATA = "build/metadata.json"
FIGURES = "build/figures"
DICTIONARY = "docs/DATA_DICTIONARY.md"


def write_package(
    tables: dict[str, pd.DataFrame], folder: Path, text_free: bool = False,
    rel_dir: str = "tables",
) -> None:
    """Tables as CSV + Parquet in folder/tables and their datapackage.json, whose paths start
    with `rel_dir` (tables/ beside it; build/tables/ for the descriptor at the checkout's
    root)."""
    schemas = table_schemas()
    if text_free:
        strip = stripped_columns()
        schemas = {n: relaxed(s, strip.get(n, [])) for n, s in schemas.items()}
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    files: dict[str, dict[str, Path]] = {}
    for name, schema in schemas.items():
        csv_path = folder / "tables" / f"{name}.csv"
        pq_path = folder / "tables" / f"{name}.parquet"
        write_csv(tables[name], schema, csv_path)
        write_parquet(tables[name], schema, pq_path)
        files[name] = {"csv": csv_path, "parquet": pq_path}
    write_json(
        datapackage(schemas, files, rel_dir),
        folder / "datapackage.json",
    )


def publish(ctx: Context) -> None:
    """Write every output into a staging folder, then swap them in: all or nothing.

    Outputs: build/tables (CSV + Parquet), datapackage.json, the SQLite database with its
    Datasette metadata (build/ is a Datasette configuration directory), build/figures, and
    docs/DATA_DICTIONARY.md generated from schemas/."""
    build_dir = ctx.root / "build"
    build_dir.mkdir(exist_ok=True)
    # build() holds build/.lock: no other build runs, so staging folders here are stale.
    clean_stale(build_dir, ".staging-")
    clean_stale(build_dir, ".previous-")
    _publish_staged(ctx, build_dir)


def _publish_staged(ctx: Context, build_dir: Path) -> None:
    schemas = table_schemas()
    staging = build_dir / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        write_package(ctx.tables, staging, rel_dir=TABLES_DIR)
        write_sqlite(ctx.tables, schemas, package_meta(), staging / Path(SQLITE).name)
        make_figures(ctx.tables, staging / "figures")
        (staging / "DATA_DICTIONARY.md").write_text(
            data_dictionary(schemas, ctx.tables, package_meta()), encoding="utf-8"
        )
        _swap(staging, ctx.root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish_text_free(ctx: Context, out: Path) -> None:
    """The rights-respecting profile: every table without the publishers' words (offsets and
    hashes kept), written to `out`; `hydrate` restores the full tables from the raw texts."""
    tables = strip_text(ctx.tables)
    write_package(tables, out, text_free=True)
    write_sqlite(tables, table_schemas(), package_meta(), out / Path(SQLITE).name)


def hydrate_package(
    folder: Path, raw_dir: Path, boilerplate: Path, out: Path, root: Path = ROOT
) -> dict[str, int]:
    """Restore a text-free package from the user's own copies of the raw articles into `out`
    (a new folder, or one an earlier hydrate made: never a folder of the user's files)."""
    check_out(out, root, "hydrated")
    desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for res in desc["resources"]:
        if res["format"] == "parquet":
            name = res["name"].removesuffix("-parquet")
            tables[name] = read_table_file(
                folder / res["path"], table_schemas()[name].fields, "parquet"
            )
    clean, raw = restore_texts(tables["articles"], raw_dir, boilerplate)
    full = hydrate(tables, clean, raw)
    schemas = table_schemas()
    full = {n: sort_rows(conform(full[n], s), s) for n, s in schemas.items()}
    for name, schema in schemas.items():
        validate_table(full[name], schema)
    with locked(lock_path(out), str(out)):
        replace_folder(out, root, "hydrated", lambda d: write_package(full, d))
    return {n: len(df) for n, df in full.items()}


def _swap(staging: Path, root: Path) -> None:
    """Move the staged outputs into place; folders are renamed, files replaced."""
    previous = root / "build" / f".previous-{os.getpid()}"
    previous.mkdir()
    for staged, final in (
        (staging / "tables", root / TABLES_DIR),
        (staging / "figures", root / FIGURES),
    ):
        if final.exists():
            final.rename(previous / final.name)
        staged.rename(final)
    (root / DICTIONARY).parent.mkdir(exist_ok=True)
    for staged, final in (
        (staging / Path(SQLITE).name, root / SQLITE),
        (staging / "metadata.json", root / DATASETTE_METADATA),
        (staging / "DATA_DICTIONARY.md", root / DICTIONARY),
        (staging / "datapackage.json", root / "datapackage.json"),
    ):
        os.replace(staged, final)
    shutil.rmtree(previous, ignore_errors=True)
