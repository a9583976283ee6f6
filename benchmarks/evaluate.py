"""How good is the automatic extraction alone? Precision, recall and F1 against people's work.

Two test sets:
  corpus    the five articles in raw/, automatic-only extraction (no curation file read) against
            the curated published tables (build/tables);
  fixtures  the hand-written articles in tests/fixtures/articles, never used to write the rules,
            against their hand-made gold (tests/fixtures/gold).

Measured: quotes (detection by span overlap, and speaker accuracy on detected quotes), actor
mentions (registry actors), event candidates (matched on source, target, CAMEO root and day) and
publication dates (exact date and precision, on articles whose text fixes one).

Then, when ../shared/devsets exists (it is never part of the project), the development sets of
real news: syria-dev (extracted with its publication dates given through --metadata, from a
manifest written at run time into a temporary folder) and polnear-dev, scored by their own
scorers; without the folder they are skipped.

    python benchmarks/evaluate.py [--per-article] [--only quotes|mentions|events|dates]
        [--devsets PATH | --skip-devsets]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from syria_deconfliction.corpus.article import extract_article  # noqa: E402
from syria_deconfliction.corpus.knowledge import Knowledge  # noqa: E402
from syria_deconfliction.corpus.rows import slug  # noqa: E402
from syria_deconfliction.loader import read_table_file  # noqa: E402

# Targets of the corpus-growth issue, on articles the extractor has never seen.
TARGETS = {
    "quote F1": 0.95,
    "speaker accuracy": 0.90,
    "mention recall": 0.90,
    "mention precision": 0.90,
    "publication date exact": 0.90,
}
SPAN_OVERLAP = 0.5  # a detected quote matches a gold quote when their spans overlap this much (IoU)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0  # for attribute accuracy on matched items
    matched: int = 0

    def add(self, other: Score) -> None:
        for k in ("tp", "fp", "fn", "right", "matched"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.matched if self.matched else 1.0


@dataclass
class Article:
    """One article's gold and automatic rows, in comparable form."""

    name: str
    text: str
    gold_quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    auto_quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    gold_mentions: Counter = field(default_factory=Counter)
    auto_mentions: Counter = field(default_factory=Counter)
    gold_events: Counter = field(default_factory=Counter)
    auto_events: list[tuple[tuple[Any, ...], ...]] = field(default_factory=list)
    gold_date: tuple[str, str] | None = None
    auto_date: tuple[str | None, str | None] = (None, None)


def norm_actor(actor: Any) -> str | None:
    """Registry ids as they are; new names ('new:Ivan Petrenko', 'new-ivan-petrenko') alike."""
    if actor is None or (isinstance(actor, float) and pd.isna(actor)):
        return None
    actor = str(actor)
    if actor.startswith("new:"):
        return "new-" + slug(actor[4:])
    return actor


def day(value: Any, precision: Any = "day") -> str | None:
    if value is None or pd.isna(value) or precision != "day":
        return None
    return pd.Timestamp(value).date().isoformat()


def auto_rows(path: Path, k: Knowledge) -> dict[str, list[dict[str, Any]]]:
    return extract_article(path.read_text(encoding="utf-8"), path.name, k)


def fill_auto(a: Article, rows: dict[str, list[dict[str, Any]]], registry_ids: set[str]) -> None:
    art = rows["articles"][0]
    a.text = art["text"]
    a.auto_quotes = [
        (q["char_start"], q["char_end"], norm_actor(q["speaker_actor_id"])) for q in rows["quotes"]
    ]
    a.auto_mentions = Counter(
        (m["text"], m["actor_id"]) for m in rows["actor_mentions"] if m["actor_id"] in registry_ids
    )
    # Candidates keep the person as the side and list the body they speak for in event_actors;
    # curated rows code the body (codebook), hand-made fixture gold often the person: a
    # candidate matches at either level (like the dev-set scorer's event_actors rule).
    bodies: dict[tuple[str, str], str] = {}
    for r in rows.get("event_actors") or []:  # the column's row first, then the body's
        bodies[(r["event_id"], r["role"])] = r["actor_id"]
    a.auto_events = []
    for e in rows["events"]:
        rest = (e["cameo_root"], day(e["date_start"], e["date_precision"]))
        col = (e["source_actor_id"], e["target_actor_id"], *rest)
        body = (bodies.get((e["event_id"], "source"), col[0]),
                bodies.get((e["event_id"], "target"), col[1]), *rest)
        a.auto_events.append((col,) if body == col else (col, body))
    a.auto_date = (
        day(art["published_date"], "day") if art["published_date"] else None,
        art["published_date_precision"],
    )


def corpus_articles(k: Knowledge) -> list[Article]:
    import json

    desc = json.loads((ROOT / "datapackage.json").read_text())
    tables = {
        r["name"].removesuffix("-parquet"): read_table_file(
            ROOT / r["path"], r["schema"]["fields"], "parquet"
        )
        for r in desc["resources"]
        if r["format"] == "parquet"
    }
    reg = {a["id"] for a in k.registry.actors}
    meta = {
        e["source_file"]: e
        for e in yaml.safe_load((ROOT / "raw" / "curation" / "articles.yaml").read_text())[
            "articles"
        ]
    }
    out = []
    for art in tables["articles"].itertuples():
        aid = art.article_id
        a = Article(art.source_file, art.text)
        q = tables["quotes"][tables["quotes"]["article_id"] == aid]
        a.gold_quotes = [
            (int(r.char_start), int(r.char_end), norm_actor(r.speaker_actor_id))
            for r in q.itertuples()
        ]
        m = tables["actor_mentions"][tables["actor_mentions"]["article_id"] == aid]
        a.gold_mentions = Counter((r.text, r.actor_id) for r in m.itertuples())
        e = tables["events"][tables["events"]["article_id"] == aid]
        a.gold_events = Counter(
            (
                norm_actor(r.source_actor_id),
                norm_actor(r.target_actor_id),
                r.cameo_root,
                day(r.date_start, r.date_precision),
            )
            for r in e.itertuples()
        )
        # Only articles whose own words fix the date count for the date measure.
        if not (meta[art.source_file].get("published_date") or {}).get("outside_knowledge"):
            a.gold_date = (day(art.published_date, "day"), art.published_date_precision)
        fill_auto(a, auto_rows(ROOT / "raw" / "articles" / art.source_file, k), reg)
        if a.text != art.text:
            raise SystemExit(
                f"{art.source_file}: automatic clean text differs from the published one"
            )
        out.append(a)
    return out


def fixture_articles(k: Knowledge) -> list[Article]:
    reg = {a["id"] for a in k.registry.actors}
    out = []
    for gold_file in sorted((ROOT / "tests" / "fixtures" / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        path = ROOT / "tests" / "fixtures" / "articles" / f"{gold_file.stem}.txt"
        a = Article(path.name, "")
        fill_auto(a, auto_rows(path, k), reg)
        used: set[int] = set()
        for q in gold.get("quotes") or []:
            start = _find(a.text, q["text"], used)
            if start is None:
                continue  # outside the clean text (boilerplate), not the extractor's job
            a.gold_quotes.append((start, start + len(q["text"]), norm_actor(q.get("speaker"))))
        a.gold_mentions = Counter(
            (m["text"], m["actor"]) for m in gold.get("mentions") or [] if m.get("zone") is None
        )
        a.gold_events = Counter(
            (
                norm_actor(e.get("source")),
                norm_actor(e.get("target")),
                str(e["cameo_root"]).zfill(2),
                day(e.get("date")),
            )
            for e in gold.get("events") or []
        )
        if gold.get("published_date"):
            a.gold_date = (day(gold["published_date"]), gold.get("published_precision"))
        out.append(a)
    return out


def _find(text: str, words: str, used: set[int]) -> int | None:
    i = text.find(words)
    while i >= 0 and i in used:
        i = text.find(words, i + 1)
    if i >= 0:
        used.add(i)
        return i
    return None


def score_quotes(a: Article) -> tuple[Score, Score]:
    """Detection (one-to-one by best span overlap) and speaker accuracy on the matches."""
    det, spk = Score(), Score()
    pairs = []
    for gi, (gs, ge, _) in enumerate(a.gold_quotes):
        for ai, (s, e, _) in enumerate(a.auto_quotes):
            inter = min(ge, e) - max(gs, s)
            if inter > 0:
                pairs.append((inter / (max(ge, e) - min(gs, s)), gi, ai))
    g_used, a_used = set(), set()
    for iou, gi, ai in sorted(pairs, reverse=True):
        if iou < SPAN_OVERLAP or gi in g_used or ai in a_used:
            continue
        g_used.add(gi)
        a_used.add(ai)
        det.tp += 1
        spk.matched += 1
        spk.right += a.gold_quotes[gi][2] == a.auto_quotes[ai][2]
    det.fp = len(a.auto_quotes) - len(a_used)
    det.fn = len(a.gold_quotes) - len(g_used)
    return det, spk


def score_counter(gold: Counter, auto: Counter) -> Score:
    tp = sum((gold & auto).values())
    return Score(tp=tp, fp=sum(auto.values()) - tp, fn=sum(gold.values()) - tp)


def score_alternatives(gold: Counter, auto: list[tuple[tuple[Any, ...], ...]]) -> Score:
    """Like score_counter, each automatic row matching a gold row under any of its keys."""
    left, tp = Counter(gold), 0
    for keys in auto:
        hit = next((k for k in keys if left[k] > 0), None)
        if hit is not None:
            left[hit] -= 1
            tp += 1
    return Score(tp=tp, fp=len(auto) - tp, fn=sum(gold.values()) - tp)


def evaluate(articles: list[Article], per_article: bool, only: str | None) -> dict[str, float]:
    totals = {k: Score() for k in ("quotes", "speakers", "mentions", "events", "dates")}
    rows = []
    for a in articles:
        q, s = score_quotes(a)
        m = score_counter(a.gold_mentions, a.auto_mentions)
        e = score_alternatives(a.gold_events, a.auto_events)
        d = Score()
        if a.gold_date and a.gold_date[0]:
            d.matched, d.right = 1, int(a.auto_date == a.gold_date)
        for key, sc in zip(totals, (q, s, m, e, d), strict=True):
            totals[key].add(sc)
        rows.append((a.name, q, s, m, e, d))
    if per_article:
        print(
            f"  {'article':<34} {'quotes P/R':>11} {'speaker':>8} {'mentions P/R':>13} "
            f"{'events P/R':>11} date"
        )
        for name, q, s, m, e, d in rows:
            print(
                f"  {name:<34} {q.precision:5.2f}/{q.recall:<5.2f} {s.accuracy:8.2f} "
                f"{m.precision:6.2f}/{m.recall:<6.2f} {e.precision:5.2f}/{e.recall:<5.2f} "
                f"{'ok' if d.right else ('-' if not d.matched else 'wrong')}"
            )
    t = totals
    figures = {
        "quote precision": t["quotes"].precision,
        "quote recall": t["quotes"].recall,
        "quote F1": t["quotes"].f1,
        "speaker accuracy": t["speakers"].accuracy,
        "mention precision": t["mentions"].precision,
        "mention recall": t["mentions"].recall,
        "mention F1": t["mentions"].f1,
        "event precision": t["events"].precision,
        "event recall": t["events"].recall,
        "event F1": t["events"].f1,
        "publication date exact": t["dates"].accuracy,
    }
    counts = {
        "quote": (t["quotes"].tp + t["quotes"].fn, t["quotes"].tp + t["quotes"].fp),
        "mention": (t["mentions"].tp + t["mentions"].fn, t["mentions"].tp + t["mentions"].fp),
        "event": (t["events"].tp + t["events"].fn, t["events"].tp + t["events"].fp),
        "publication date": (t["dates"].matched, None),
    }
    for name, value in figures.items():
        if (
            only
            and not name.startswith(
                {
                    "quotes": "quote",
                    "mentions": "mention",
                    "events": "event",
                    "dates": "publication",
                }[only]
            )
            and not (only == "quotes" and name.startswith("speaker"))
        ):
            continue
        target = TARGETS.get(name)
        verdict = (
            ""
            if target is None
            else f"  target >= {target:.2f}: {'met' if value >= target else 'NOT met'}"
        )
        print(f"  {name:<24} {value:6.3f}{verdict}")
    print(
        "  (gold / automatic counts: "
        + ", ".join(f"{k} {g}" + (f"/{a}" if a is not None else "") for k, (g, a) in counts.items())
        + ")"
    )
    return figures


# --- development sets: real news with gold, outside the project (../shared/devsets) ----------
# Read at run time only, when the folder exists; nothing from it is written into the project.
DEVSETS = ROOT.parent / "shared" / "devsets"
# The scorers' JSON keys, printed under the names the issues use.
SYRIA_FIGURES = {
    "quote F1": "quote_f1",
    "quote precision": "quote_precision",
    "quote recall": "quote_recall",
    "speaker accuracy": "speaker_acc",
    "mention recall": "mention_recall",
    "mention precision": "mention_precision",
    "publication date": "pubdate_acc",
    "events found": "event_recall",
    "event date": "event_date_acc",
    "event source+target": "event_dyad_acc",
    "event CAMEO root": "event_root_acc",
}
POLNEAR_FIGURES = {
    "quote F1": "f1",
    "quote precision": "precision",
    "quote recall": "recall",
    "speaker accuracy": "speaker_acc",
}


def devset_manifest(devset: Path, folder: Path) -> Path:
    """An `extract --metadata` file from the set's sources.yaml (file and published date, as a
    user who scraped the pages would know them), written into a temporary folder."""
    import csv

    sources = yaml.safe_load((devset / "sources.yaml").read_text(encoding="utf-8"))
    path = folder / f"{devset.name}-metadata.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "published_date"])
        for a in sources["articles"]:
            w.writerow([Path(a["file"]).name, str(a["published"])])
    return path


def run_scorer(script: Path, *args: str) -> dict[str, Any]:
    """Run one of the dev sets' scorers; its last line is a JSON summary."""
    import json
    import subprocess

    proc = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def extract_devset(raw: Path, out: Path, manifest: Path | None) -> None:
    from syria_deconfliction.corpus.inputs import input_files
    from syria_deconfliction.corpus.manifest import manifest_for
    from syria_deconfliction.corpus.runner import run

    warn = lambda msg: print(f"  {msg}")  # noqa: E731
    bound = manifest_for(manifest, input_files([str(raw)]), warn) if manifest else None
    report = run([str(raw)], out, formats=("parquet", "csv"), manifest=bound)
    if report.errors:
        print(f"  ({report.errors} article(s) failed; see {out / 'errors.csv'})")


def print_figures(figures: dict[str, Any], names: dict[str, str]) -> None:
    for name, key in names.items():
        print(f"  {name:<24} {float(figures[key]):6.3f}")


def evaluate_devsets(devsets: Path) -> None:
    """Extract the dev sets and score them with their own scorers."""
    import tempfile

    if not devsets.is_dir():
        print(f"dev sets: {devsets} does not exist; skipped")
        return
    syria, polnear = devsets / "syria-dev", devsets / "polnear-dev"
    with tempfile.TemporaryDirectory(prefix="devsets-") as tmp:
        work = Path(tmp)
        if syria.is_dir():
            print("syria-dev: 10 real articles, published dates passed with --metadata")
            extract_devset(syria / "raw", work / "syria", devset_manifest(syria, work))
            fig = run_scorer(
                devsets / "score.py", "--tables", str(work / "syria"), "--gold", str(syria / "gold")
            )
            print_figures(fig, SYRIA_FIGURES)
            extract_devset(syria / "raw", work / "syria-rules", None)
            alone = run_scorer(
                devsets / "score.py",
                "--tables",
                str(work / "syria-rules"),
                "--gold",
                str(syria / "gold"),
            )
            print(
                f"  (without --metadata: publication date {alone['pubdate_acc']:.3f}, "
                f"event date {alone['event_date_acc']:.3f})"
            )
        if polnear.is_dir():
            print("polnear-dev: 84 real articles, direct quotations")
            extract_devset(polnear / "raw", work / "polnear", None)
            fig = run_scorer(
                devsets / "score_quotes.py",
                "--tables",
                str(work / "polnear"),
                "--gold",
                str(polnear / "gold"),
                "--raw",
                str(polnear / "raw"),
            )
            print_figures(fig, POLNEAR_FIGURES)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--only", choices=["quotes", "mentions", "events", "dates"])
    ap.add_argument("--devsets", type=Path, default=DEVSETS, help="folder of the development sets")
    ap.add_argument("--skip-devsets", action="store_true", help="only the corpus and fixtures")
    args = ap.parse_args(argv)
    k = Knowledge.load(ROOT / "raw" / "knowledge")
    print("corpus: the five articles, automatic only vs curated tables")
    evaluate(corpus_articles(k), args.per_article, args.only)
    print("fixtures: unseen hand-written articles, automatic vs hand-made gold")
    evaluate(fixture_articles(k), args.per_article, args.only)
    if not args.skip_devsets:
        evaluate_devsets(args.devsets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
