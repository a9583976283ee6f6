"""Everything the automatic extractors can draft for one article, with no curation at all."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from ..extract.document import Document
from ..extract.lexicon import sequence, words
from ..extract.mentions import DEFAULT_LEXICON, Mention, find_mentions, find_unaccounted_names
from ..extract.mentions.candidates import (
    candidate_spans,
    join_given_names,
    shortest_tail,
    surname_forms,
    surname_mentions,
    unregistered_demonym_sides,
    without_initials,
)
from ..extract.mentions.credits import credit_names
from ..extract.mentions.descriptions import (
    description_mentions,
    member_body_mentions,
    modified_aliases,
    noun_phrase_spans,
    role_mentions,
    without_populations,
)
from ..extract.mentions.epithets import (
    apposition_mentions,
    epithet_mentions,
    fronted_role_mentions,
    loyalist_mentions,
)
from ..extract.mentions.heads import head_owner
from ..extract.mentions.kinds import (
    kind_mentions,
    known_as_mentions,
    official_spans,
    without_outlet_modifiers,
)
from ..extract.mentions.model import actor_types, actors_by_id
from ..extract.mentions.role_anaphora import role_anaphora
from ..extract.orchestrate import event_candidates, quotes_of
from ..pipeline.articles import article_row
from ..pipeline.clean import clean
from ..pipeline.rawdata import RawArticle
from .knowledge import Knowledge
from .metadata import Given
from .rows import candidate_event_rows, mention_rows, quote_rows, slug

# Lower-case particles inside people's names ("de", "van", "bin"), from the lexicon.
NAME_PARTICLES = (DEFAULT_LEXICON.name_connectors - {"of", "for", "the"}) | {
    p + "-" for p in DEFAULT_LEXICON.name_particles
}

NOT_CURATED = "Not curated: copyright remains with the publisher of the source text."

# Words that tell what kind of organisation an unknown name is (lexicon candidates_type_*);
# the first kind that matches wins.
TYPE_HINTS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(r"\b(?:" + "|".join(map(re.escape, sequence(f"candidates_type_{kind}")))
                      + r")\b"))
    for kind in sequence("candidates_type_order")
]
# Heads that make a name an organisation ("<Name> Party") or a street or building ("<Name>
# Street"): never a person.
_ORG_HEADS = words("candidates_org_heads")
_NO_PERSON_HEADS = _ORG_HEADS | words("candidates_place_heads")
# Role words after a body and before a person's name ("<Body> spokesman <Name>").
_ROLE_WORDS = DEFAULT_LEXICON.role_nouns | DEFAULT_LEXICON.title_words


def guess_type(name: str) -> str:
    for kind, pattern in TYPE_HINTS:
        if pattern.search(name):
            return kind
    tokens = [t for t in name.split() if t not in NAME_PARTICLES]  # "Anouk de Ville"
    # A particle glued to a surname ("Salim al-Muslat") leaves the surname capitalised.
    tokens = [t.split("-", 1)[1] if t.split("-", 1)[0] + "-" in NAME_PARTICLES else t
              for t in tokens]
    if 2 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens) and not any(
            t in _NO_PERSON_HEADS for t in tokens):
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
    credits = [(g.clean_start, g.clean_end) for g in art.segments if g.role == "credit"]
    candidates, cand_mentions = _candidate_actors(doc, mentions, k, credits)
    found = sorted([*mentions, *cand_mentions], key=lambda m: m.start)
    all_mentions = _article_mentions(text, found, candidates, k)
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


def _article_mentions(text: str, found: list[Mention], candidates: list[dict[str, Any]],
                      k: Knowledge) -> list[Mention]:
    """The article's mentions: registry and candidate names (``found``) with the descriptions,
    role phrases and epithets the rules add, their spans grown or dropped by the span rules,
    one mention per start offset."""
    reg = k.registry
    persons = k.registry_person_ids | {c["actor_id"] for c in candidates if c["type"] == "person"}
    others = [{"id": c["actor_id"], **c} for c in candidates]
    descriptions = description_mentions(text, found, reg.actors, reg.places, persons=persons,
                                        others=others)
    roles, swallowed = role_mentions(text, found, persons)
    fronted, modifiers = fronted_role_mentions(text, found, persons)
    roles += fronted
    swallowed |= modifiers
    named, modifiers = known_as_mentions(text, found)
    roles += named
    swallowed |= modifiers
    roles += role_anaphora(text, found, persons, reg.actors)
    roles += epithet_mentions(text, found, persons, reg.actors)
    roles += apposition_mentions(text, found, persons)
    roles += loyalist_mentions(text, found, persons, reg.actors, reg.places)
    roles += member_body_mentions(text, found)
    types = actor_types(reg.actors) | {c["actor_id"]: c["type"] for c in candidates}
    roles += kind_mentions(text, found, types)
    found = [m for i, m in enumerate(found) if i not in swallowed]
    descriptions += roles
    all_mentions = sorted([*found, *descriptions], key=lambda m: m.start)
    all_mentions = without_populations(text, noun_phrase_spans(text, all_mentions))
    all_mentions = modified_aliases(text, all_mentions)
    all_mentions = official_spans(text, all_mentions, types)
    all_mentions = without_outlet_modifiers(text, all_mentions, types)
    # A mention's id is its start offset: of two starting together ("Syria" in "Syria's
    # opposition") the longer, describing span is kept.
    by_start: dict[int, Mention] = {}
    for m in sorted(all_mentions, key=lambda m: (m.start, m.start - m.end)):
        by_start.setdefault(m.start, m)
    return list(by_start.values())


def _candidate_row(aid: str, name: str, kind: str, iso3: str | None,
                   notes: str = "candidate: a name the registry lacks; type guessed from its words",
                   ) -> dict[str, Any]:
    """A candidate actor's row before its mentions are counted."""
    return {
        "actor_id": aid,
        "name": name,
        "type": kind,
        "country_iso3": iso3,
        "parent_actor_id": None,
        "title": None,
        "aliases": [name],
        "cameo_code": None,
        "wikidata_id": None,
        "mention_count": 0,
        "article_count": 1,
        "method": "automatic",
        "notes": notes,
    }


def _candidate_actors(
    doc: Document, mentions: list[Mention], k: Knowledge,
    credits: Sequence[tuple[int, int]] = (),
) -> tuple[list[dict[str, Any]], list[Mention]]:
    """Names the registry lacks become candidate actors (method automatic) with a type guess.

    In the credit segments ``credits`` (clean offsets) the names credited are persons who made
    the story (extract/mentions/credits.py), whatever the guard made of them.

    The guard's spans are cut to names and cleared of noise (extract/mentions/candidates.py);
    a name that is a registry person's (middle initial dropped) or the surname of one named in
    the article is a mention of that person. A registry mention that a candidate organisation
    swallowed ("Syrian" in "Syrian Democratic Forces") is removed from ``mentions`` in place.
    """
    reg = k.registry
    text = doc.text
    gaps = find_unaccounted_names(
        doc, mentions, reg.actors, reg.places, reg.not_actors, compiled=k.mentions
    )
    spans, absorbed = candidate_spans(text, gaps, mentions, reg.places, k.countries)
    for i in sorted(absorbed, reverse=True):
        del mentions[i]
    credited = credit_names(text, credits, mentions)
    spans = [sp for sp in spans if not any(a < sp[1] and sp[0] < b for a, b, _ in credited)]
    spans, swallowed, joined = join_given_names(
        text, spans, mentions, k.person_names, k.mentions.surnames)
    for i in sorted(swallowed, reverse=True):
        del mentions[i]
    people = k.registry_people
    named = {m.actor_id for m in mentions}
    ends = [m.end for m in mentions]  # mentions come in text order: their ends ascend
    actors: dict[str, dict[str, Any]] = {}
    found: list[Mention] = []
    persons: list[tuple[int, str, str]] = []
    short: dict[str, str] = {}  # surname form -> candidate person id, in text order
    # A person's full name anywhere in the article claims its surname, also before it (a
    # headline or lede that names "<Surname>" first): one candidate, not two.
    # A longer name that ends with another candidate person's name ("<Given> <Middle> <Given>
    # <Surname>" and "<Given> <Surname>") is that person. A joined "<Other given name> <registry
    # surname>" claims no bare surname: those stay with the rules that give them to the
    # registry person.
    names = {n for _, _, n in spans
             if people["full"].get(without_initials(n)) is None and guess_type(n) == "person"}
    for span in spans:
        if span[2] in names and span not in joined:
            for form in surname_forms(span[2]):
                short.setdefault(form, "new-" + slug(shortest_tail(span[2], names) or span[2]))
    for start, end, name in spans:
        full = people["full"].get(without_initials(name))
        if full is not None:
            found.append(Mention(start, end, name, full, "alias"))
            persons.append((start, name, full))
            continue
        owner = people["surname"].get(name)
        if owner is not None and owner in named:
            found.append(Mention(start, end, name, owner, "surname"))
            continue
        if name in short:
            found.append(Mention(start, end, name, short[name], "surname"))
            continue
        owner = head_owner(name, start, _organisations(mentions, found, actors, k),
                           _ORG_HEADS) if name in _ORG_HEADS else None
        if owner is not None:  # "the Council" after "<Name> Security Council"
            found.append(Mention(start, end, name, owner, "description"))
            continue
        row_name = (shortest_tail(name, names) if name in names else None) or name
        kind = guess_type(name)
        # "Varnia's Defense Ministry": a body of Varnia, named apart from other states' ones
        body_of = _owner_before(text, start, ends, mentions, k, _POSSESSIVE_GAP) \
            if kind != "person" else None
        aid = "new-" + slug(f"{body_of} {row_name}" if body_of else row_name)
        iso3 = k.countries.get(name)
        if aid not in actors:
            actors[aid] = _candidate_row(aid, row_name, "state" if iso3 else kind, iso3)
            if kind == "person":  # "Pentagon spokesman <Name>": whom the person speaks for
                body_of = _owner_before(text, start, ends, mentions, k, _ROLE_GAP)
            if body_of:
                actors[aid]["parent_actor_id"] = body_of
                actors[aid]["country_iso3"] = actors_by_id(reg.actors)[body_of].get(
                    "country_iso3")
            if actors[aid]["type"] == "person" and (start, end, name) not in joined:
                persons.append((start, name, aid))
                for form in surname_forms(name):
                    short.setdefault(form, aid)
        if row_name != name and name not in actors[aid]["aliases"]:
            actors[aid]["aliases"].append(name)
        found.append(Mention(start, end, name, aid, "candidate"))
    # "<Demonym> special forces" of a state the registry lacks: that state (no military child).
    for start, end, country, rule in unregistered_demonym_sides(
            text, [*mentions, *found], k.countries, irregular=k.irregular_demonyms):
        aid = "new-" + slug(country)
        actors.setdefault(aid, _candidate_row(aid, country, "state", k.countries[country]))
        found.append(Mention(start, end, text[start:end], aid, rule))
    found += _credited_people(credited, k, actors)
    taken = [(m.start, m.end) for m in [*mentions, *found]]
    found += surname_mentions(text, persons, taken)
    for m in found:
        if m.actor_id in actors:
            actors[m.actor_id]["mention_count"] += 1
    return list(actors.values()), found


def _possessive_gap(gap: str) -> bool:
    return gap in ("'s ", "’s ", "' ", "’ ")


def _role_gap(gap: str) -> bool:
    words_ = gap.split()
    return 1 <= len(words_) <= 3 and gap.endswith(" ") and words_[-1].lower() in _ROLE_WORDS \
        and all(w.isalpha() for w in words_)


_POSSESSIVE_GAP = (4, _possessive_gap)  # "Varnia's <Body>"
_ROLE_GAP = (40, _role_gap)  # "<Body> spokesman <Name>", "<Body> chief negotiator <Name>"


def _owner_before(text: str, start: int, ends: Sequence[int], mentions: Sequence[Mention],
                  k: Knowledge, gap: tuple[int, Callable[[str], bool]]) -> str | None:
    """The registry actor (no person) of a mention ending at most ``gap[0]`` characters before
    ``start`` whose words up to ``start`` pass ``gap[1]`` (a possessive, or role words), or
    None. ``ends``: the mentions' ends, ascending (found by bisection, not a scan)."""
    reach, test = gap
    for i in range(bisect_left(ends, start - reach), bisect_left(ends, start)):
        m = mentions[i]
        if m.actor_id not in k.registry_person_ids and test(text[m.end:start]):
            return m.actor_id
    return None


def _organisations(mentions: Sequence[Mention], found: Sequence[Mention],
                   actors: dict[str, dict[str, Any]], k: Knowledge,
                   ) -> list[tuple[int, str, str]]:
    """(start, actor id, text) of the mentions of organisations so far, in text order:
    registry actors that are no person, and candidates typed as no person."""
    return sorted(
        (m.start, m.actor_id, m.text) for m in [*mentions, *found]
        if m.actor_id not in k.registry_person_ids
        and actors.get(m.actor_id, {}).get("type", "organisation") != "person")


def _credited_people(credited: Sequence[tuple[int, int, str]], k: Knowledge,
                     actors: dict[str, dict[str, Any]]) -> list[Mention]:
    """The people a credit line names: registry persons, or candidate persons added to
    ``actors``. They claim no surname elsewhere: a story does not name its journalists."""
    out = []
    for start, end, name in credited:
        full = k.registry_people["full"].get(without_initials(name))
        if full is not None:
            out.append(Mention(start, end, name, full, "alias"))
            continue
        aid = "new-" + slug(name)
        actors.setdefault(aid, _candidate_row(
            aid, name, "person", None,
            notes="candidate: a person the registry lacks, named in the article's credit line"))
        out.append(Mention(start, end, name, aid, "credit"))
    return out
