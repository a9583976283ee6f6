"""Everything the automatic extractors can draft for one article, with no curation at all."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from typing import Any

from ..extract.document import Document
from ..extract.mentions import DEFAULT_LEXICON, Mention, find_mentions, find_unaccounted_names
from ..extract.orchestrate import event_candidates, quotes_of
from ..pipeline.articles import article_row
from ..pipeline.clean import clean
from ..pipeline.rawdata import RawArticle
from .knowledge import Knowledge
from .metadata import Given
from .rows import candidate_event_rows, mention_rows, quote_rows, slug

NOT_CURATED = "Not curated: copyright remains with the publisher of the source text."

# Words that tell what kind of organisation an unknown name is; the first that matches wins.
TYPE_HINTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "media",
        re.compile(
            r"\b(News|Times|Post|Journal|Gazette|Radio|TV|Television|Agency|Press|Telegraph|Herald|Tribune)\b"
        ),
    ),
    (
        "ngo",
        re.compile(
            r"\b(Observatory|Foundation|Human Rights|Red Cross|Red Crescent|Doctors|Amnesty"
            r"|Watch|Institute|Centre|Center)\b"
        ),
    ),
    (
        "government_body",
        re.compile(
            r"\b(Ministry|Council|Committee|Office|Department|Parliament|Senate|Congress|Commission|Embassy|Cabinet)\b"
        ),
    ),
    (
        "military",
        re.compile(
            r"\b(Army|Navy|Air Force|Forces|Brigade|Division|Battalion|Regiment|Fleet"
            r"|Command|Guard)\b"
        ),
    ),
    (
        "armed_group",
        re.compile(
            r"\b(Front|Brigades|Militia|Movement|Liberation|Jihad|Mujahideen|Hayat|Ahrar|Jaish)\b"
        ),
    ),
    (
        "company",
        re.compile(r"\b(Inc|Corp|Company|Ltd|Group|Systems|Technologies|Oil|Gas)\b"),
    ),
    (
        "intergovernmental_org",
        re.compile(r"\b(United Nations|NATO|Union|League|Organisation|Organization)\b"),
    ),
]


def guess_type(name: str) -> str:
    for kind, pattern in TYPE_HINTS:
        if pattern.search(name):
            return kind
    tokens = name.split()
    if 2 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens):
        return "person"
    return "other"


# An undated article still needs an id that fits the schema's date-first pattern; the zero date
# cannot be mistaken for a real one, and the row's notes say the date was not found.
UNDATED = "0000-00-00"
ID_HASH_CHARS = 10  # hex digits of the raw file's sha256: the id's guarantee of uniqueness


class Stopwatch:
    """Seconds per extraction stage, summed over articles (the benchmark's stage breakdown)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def start(self) -> None:
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


def _no_lap(stage: str) -> None:
    pass


def article_id_for(row: dict[str, Any]) -> str:
    """Date, outlet and headline words for reading, the content hash for identity: two different
    files never share an id, however alike their date, outlet and headline."""
    date = row["published_date"].isoformat() if row["published_date"] else UNDATED
    outlet = slug(row["publisher"] or "unknown", 3)
    words = slug(row["headline"] or row["text"][:80], 6)
    return f"{date}-{outlet}-{words}-{row['raw_sha256'][:ID_HASH_CHARS]}"


def unknown_notes(row: dict[str, Any]) -> str | None:
    """Say what the rules could not find, so a null is read as unknown, not as missed."""
    notes = []
    if row["headline"] is None:
        notes.append(
            "No headline: the first line of the text does not read as one (it is long or "
            "ends in a full stop), so headline is null and the id uses the first words."
        )
    if row["published_date"] is None:
        notes.append(f"No publication date found in the text: the id starts {UNDATED}.")
    return " ".join(notes) or None


def extract_article(
    raw_text: str,
    source_file: str,
    k: Knowledge,
    today: dt.date | None = None,
    where: str | None = None,
    given: Given | None = None,
    raw_sha256: str | None = None,
    clock: Stopwatch | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Draft rows for every table from one raw article. Raises InputError for unusable text;
    `where` names the input in messages (default: the file name); `given` holds what the user
    knows about the article (metadata file, corpus record), which wins over inference;
    `raw_sha256` is the hash of the file's bytes (default: of the text as UTF-8); `clock` adds
    up the seconds of each stage."""
    lap = clock.lap if clock is not None else _no_lap
    if clock is not None:
        clock.start()
    sha = raw_sha256 or hashlib.sha256(raw_text.encode("utf-8")).hexdigest()
    art = clean(raw_text, k.boilerplate)
    lap("clean")
    meta = {"article_id": source_file, "rights": NOT_CURATED, "review_status": "draft"}
    if given is not None:
        meta["given"] = given.as_meta()
    raw = RawArticle(source_file, raw_text, sha, meta)
    row = article_row(raw, art, today or dt.date.today(), where=where or source_file)
    aid = row["article_id"] = article_id_for(row)
    row["notes"] = unknown_notes(row)
    lap("article row, publication date")
    doc = Document(art.text)
    text = doc.text
    reg = k.registry
    doc.tokens, doc.sentences  # noqa: B018 - analysed here, so the stages below time their rules
    lap("document")

    mentions = find_mentions(doc, reg.actors, reg.places, compiled=k.mentions)
    lap("mentions")
    candidates, cand_mentions = _candidate_actors(doc, mentions, k)
    all_mentions = sorted([*mentions, *cand_mentions], key=lambda m: m.start)
    world = k.world.with_types({c["actor_id"]: c["type"] for c in candidates})
    lap("candidate actors")
    quotes = quotes_of(doc, all_mentions, world)
    lap("quotes")
    published = row["published_date"]
    cands = event_candidates(doc, all_mentions, published, world)
    lap("events")
    names = {**k.actor_names, **{c["actor_id"]: c["name"] for c in candidates}}
    events, links = candidate_event_rows(aid, text, cands, k.cameo, names, published)
    out = {
        "articles": [row],
        "actor_mentions": mention_rows(aid, all_mentions),
        "actor_candidates": candidates,
        "quotes": quote_rows(aid, quotes),
        "events": events,
        "event_actors": links,
    }
    lap("rows")
    return out


def _candidate_actors(
    doc: Document, mentions: list[Mention], k: Knowledge
) -> tuple[list[dict[str, Any]], list[Mention]]:
    """Names the registry lacks become candidate actors (method automatic) with a type guess."""
    reg = k.registry
    text = doc.text
    gaps = find_unaccounted_names(doc, mentions, reg.actors, reg.places, reg.not_actors,
                                  compiled=k.mentions)
    actors: dict[str, dict[str, Any]] = {}
    found: list[Mention] = []
    lex = DEFAULT_LEXICON
    for start, end, name in gaps:
        # The guard reports "Colonel Ivan Petrenko" whole; the actor is the name.
        words = name.split()
        # A title phrase before a name ends at its last lower-case joining word
        # ("Secretary of State Rex Tillerson" -> "State Rex Tillerson" -> "Rex Tillerson").
        joins = [i for i, w in enumerate(words) if w in ("of", "for", "the", "and")]
        if (
            joins
            and len(words) - joins[-1] - 1 >= 2
            and any(w in lex.title_words for w in words[: joins[-1]])
        ):
            words = words[joins[-1] + 1 :]
            if len(words) >= 3:
                words = words[1:]
        while len(words) > 1 and (
            words[0] in lex.title_words or words[0] in lex.honorifics or words[0] in ("The", "the")
        ):
            words.pop(0)
        name = " ".join(words)
        start = end - len(name)
        if text[start:end] != name:  # the span held more than single spaces: keep it whole
            start, name = end - len(text[start:end]), text[start:end]
        if any(m.start < end and start < m.end for m in mentions):
            # It overlaps a registry mention ("Putin" in a longer unknown name): the known actor
            # keeps its span; two mentions of one span would also share a mention id.
            continue
        aid = "new-" + slug(name)
        if aid not in actors:
            actors[aid] = {
                "actor_id": aid,
                "name": name,
                "type": guess_type(name),
                "country_iso3": None,
                "parent_actor_id": None,
                "title": None,
                "aliases": [name],
                "cameo_code": None,
                "wikidata_id": None,
                "mention_count": 0,
                "article_count": 1,
                "method": "automatic",
                "notes": "candidate: a name the registry lacks; type guessed from its words",
            }
        actors[aid]["mention_count"] += 1
        found.append(Mention(start, end, name, aid, "candidate"))
    return list(actors.values()), found
