"""A generator of hostile corpora for `extract`: the families of input real users feed it.

`make_corpus(folder, seed)` writes one file per case (bad encodings, binary data, huge lines,
empty and headline-less files, odd names including undecodable bytes and spaces, duplicates,
HTML markup, CRLF line ends, white space only, a dangling link, a folder named like an article)
and returns the source arguments to pass to `extract` and the names the tables must account
for. Every sentence is invented from the word lists below; the seed varies words and sizes.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

PEOPLE = ["Anna Berg", "Tomas Lind", "Mira Holt", "Jonas Falk"]
PLACES = ["Geneva", "Oslo", "Vienna", "Ankara"]
VERBS = ["said", "told reporters", "announced", "warned"]
TOPICS = ["the talks would resume", "the convoy had arrived", "the meeting was postponed",
          "the ceasefire held overnight"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} in {rng.choice(PLACES)} on Tuesday "
            f"that {rng.choice(TOPICS)}.")


def paragraph(rng: random.Random, n: int = 3) -> str:
    return " ".join(sentence(rng) for _ in range(n))


def article(rng: random.Random, headline: str | None = None, paragraphs: int = 3) -> str:
    head = headline or f"{rng.choice(PEOPLE)} meets envoy in {rng.choice(PLACES)}"
    return head + "\n\n" + "\n\n".join(paragraph(rng) for _ in range(paragraphs)) + "\n"


@dataclass
class Corpus:
    sources: list[str]
    # source_file names (relative to the corpus root, as the tables print them) of every input
    # that must give rows or exactly one errors line
    expected: set[str] = field(default_factory=set)
    # names that must end in errors (they cannot be articles)
    must_fail: set[str] = field(default_factory=set)


def make_corpus(root: Path, seed: int = 0) -> Corpus:
    rng = random.Random(seed)
    corpus = Corpus(sources=[str(root)])
    root.mkdir(parents=True, exist_ok=True)

    def put(name: str | bytes, data: bytes, fails: bool = False) -> Path:
        path = Path(os.fsdecode(name)) if isinstance(name, bytes) else Path(name)
        full = root / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_bytes(data)
        shown = os.fsdecode(name) if isinstance(name, bytes) else name
        shown = shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        corpus.expected.add(shown)
        if fails:
            corpus.must_fail.add(shown)
        return full

    for i in range(rng.randint(3, 5)):
        put(f"good/{i:02d}.txt", article(rng).encode())
    put("crlf.txt", article(rng).replace("\n", "\r\n").encode())
    put("bom.txt", b"\xef\xbb\xbf" + article(rng).encode())
    put("no headline.txt", paragraph(rng, 4).encode() + b"\n\n" + paragraph(rng).encode())
    put("long headline.txt", article(rng, headline=paragraph(rng, 6).rstrip(".")).encode())
    html = "<html><body><h1>{}</h1><p>{}</p><p>{}</p></body></html>".format(
        "Envoy visits " + rng.choice(PLACES), paragraph(rng), paragraph(rng)
    )
    put("markup.txt", html.encode())
    put("markup-only.txt", b"<html><head></head><body><div></div></body></html>\n")
    put("UPPER.TXT", article(rng).encode())
    put("nested/deeper/odd name with spaces.Txt", article(rng).encode())
    put(b"caf\xe9-\xff.txt", article(rng).encode())
    put("één ünïcode.txt", article(rng).encode())
    # One line of some 250 KB: rows, or the time limit's errors line.
    put("huge-line.txt", ((sentence(rng) + " ") * rng.randint(2500, 3500)).encode())
    put("many-lines.txt", article(rng, paragraphs=rng.randint(40, 60)).encode())
    put("empty.txt", b"", fails=True)
    put("spaces-only.txt", b"   \n\t\n  \r\n", fails=True)
    put("nul.txt", b"\x00" * rng.randint(100, 5000), fails=True)
    put("utf16.txt", article(rng).encode("utf-16-le"), fails=True)
    put("utf16-bom.txt", b"\xff\xfe" + article(rng).encode("utf-16-le"), fails=True)
    put("latin1.txt", article(rng, headline="Caf\xe9 talks").encode("latin-1"), fails=True)
    put("binary.txt", rng.randbytes(rng.randint(2000, 8000)), fails=True)
    put("controls.txt", bytes(rng.randrange(1, 9) for _ in range(3000)), fails=True)
    dup = article(rng).encode()
    put("dup-a.txt", dup)
    put("dup-b.txt", dup, fails=True)  # same bytes as dup-a: extracted once
    # A link to nowhere: read fails, one errors line.
    (root / "dangling.txt").symlink_to(root / "missing-target")
    (root / os.fsdecode(b"dangl\xefing.txt")).symlink_to(root / "missing-target")
    corpus.expected |= {"dangling.txt", "dangl\\xefing.txt"}
    corpus.must_fail |= {"dangling.txt", "dangl\\xefing.txt"}
    put("line\nbreak and\ttab.txt", article(rng).encode())
    # A folder named like an article is a folder: its files are read, it is not one.
    put("folder.txt/inside.txt", article(rng).encode())
    # The same files named again, directly and by a glob: still read once.
    corpus.sources += [str(root / "good" / "00.txt"), str(root / "good" / "*.txt")]
    return corpus
