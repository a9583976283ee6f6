"""Write N synthetic articles in the shape of the seed texts, for load tests only (never as truth).

Each article recombines paragraphs of the published clean texts, swaps the people's names
among the registry's people, shifts weekday and month names and numbers, and wraps the story in
page furniture drawn from the removed boilerplate lines (adverts, share prompts, datelines,
credits, newsletter and donation boxes). Deterministic: the same --seed and N give the same
files. Files go 1,000 to a folder (corpus/00000/a0000000.txt ...).

    python benchmarks/make_corpus.py OUT_DIR N [--seed 1] [--corrupt K]

--corrupt K replaces K articles with unusable files (invalid UTF-8, empty, all boilerplate),
spread through the corpus, to check that extraction reports and skips them.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import syria_deconfliction as sd  # noqa: E402

PER_FOLDER = 1000
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DATELINE_FORMATS = [
    "{wd} {d} {month} {y}",
    "{month} {d}, {y}",
    "{wd}, {month} {d}, {y} {h}:{m:02d}pm",
    "{wd_short} {d} {month_short} {y} {h}.{m:02d} GMT",
]


class Material:
    """Paragraphs, headlines, names and page furniture from the published tables."""

    def __init__(self) -> None:
        articles = sd.load("articles")
        self.paragraphs = [p for t in articles["text"] for p in t.split("\n\n")[1:]]
        self.headlines = list(articles["headline"])
        actors = sd.load("actors")
        self.people = sorted(actors.loc[actors["type"] == "person", "name"])
        removed = sd.load("boilerplate")
        top = removed[
            removed["kind"].isin(["advert", "share_prompt", "navigation"])
            & ~removed["rule"].isin(["also-in-section", "you-may-also-like"])
        ]
        self.top = sorted(set(top["text"]))
        self.credits = sorted(set(removed.loc[removed["kind"] == "credit", "text"]))
        tails = removed[removed["kind"].isin(["donation_appeal", "newsletter"])]
        self.tails = [list(g["text"]) for _, g in tails.groupby(["article_id", "rule"], sort=True)]
        self.name_re = re.compile(
            "|".join(re.escape(n) for n in sorted(self.people, key=len, reverse=True))
        )
        self.weekday_re = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
        self.month_re = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
        self.number_re = re.compile(r"\b(\d{1,3})\b")


def vary(text: str, m: Material, rng: random.Random) -> str:
    text = m.name_re.sub(lambda _: rng.choice(m.people), text)
    text = m.weekday_re.sub(lambda _: rng.choice(WEEKDAYS), text)
    text = m.month_re.sub(lambda _: rng.choice(MONTHS), text)
    return m.number_re.sub(lambda x: str(max(1, int(x.group(1)) + rng.randint(-3, 3))), text)


def article(m: Material, rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.6:
        lines += rng.sample(m.top, k=rng.randint(1, 2))
    lines.append(vary(rng.choice(m.headlines), m, rng))
    if rng.random() < 0.5:
        wd, month = rng.choice(WEEKDAYS), rng.choice(MONTHS)
        lines.append(
            rng.choice(DATELINE_FORMATS).format(
                wd=wd,
                wd_short=wd[:3],
                d=rng.randint(1, 28),
                month=month,
                month_short=month[:3],
                y=rng.randint(2015, 2020),
                h=rng.randint(1, 11),
                m=rng.randint(0, 59),
            )
        )
    if rng.random() < 0.4:
        lines.append(rng.choice(m.credits))
    body = [vary(p, m, rng) for p in rng.sample(m.paragraphs, k=rng.randint(6, 16))]
    for i in sorted(rng.sample(range(len(body)), k=min(2, len(body) // 4)), reverse=True):
        body.insert(i, "Advertisement")
    lines += body
    if rng.random() < 0.5:
        lines += rng.choice(m.tails)
    return "\n\n".join(lines) + "\n"


def corrupt(kind: int, rng: random.Random, m: Material) -> bytes:
    if kind == 0:
        return article(m, rng).encode("utf-8").replace(b"e", b"\xe9", 3)  # cp1252 bytes in UTF-8
    if kind == 1:
        return b""
    return "\n\n".join(["Advertisement", "Share", "Read more"]).encode()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corrupt", type=int, default=0, help="unusable files among the N")
    args = ap.parse_args(argv)
    m = Material()
    rng = random.Random(args.seed)
    bad = set(random.Random(args.seed + 1).sample(range(args.n), k=min(args.corrupt, args.n)))
    for i in range(args.n):
        folder = args.out / f"{i // PER_FOLDER:05d}"
        if i % PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"a{i:07d}.txt"
        if i in bad:
            path.write_bytes(corrupt(len(bad & set(range(i))) % 3, rng, m))
        else:
            path.write_text(article(m, rng), encoding="utf-8")
    print(f"wrote {args.n} articles ({len(bad)} unusable) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
