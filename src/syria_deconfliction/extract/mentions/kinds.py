"""Descriptions by kind: "the news organization", "an opposition monitoring group".

A phrase headed by a noun that says what KIND of actor it is (`mentions_kind_heads`: a news
outlet is a media actor, a monitoring group an NGO) names an actor of that type the article
names (registry actors and candidates alike):

1. "the <head>": the actor of that type named last before it ("<Outlet> reported. The memo,
   seen by the paper, ..."), else the only one named anywhere in the article;
2. "a/an <head>": the only actor of that type the article names, and only after the phrase
   (an indefinite introduces its referent: "an opposition monitoring group says ... The
   <Name> Observatory says"); after that actor is named, or with a capitalised modifier ("a
   <Demonym> television channel"), it introduces another one and is no mention.

Up to two modifiers may stand between the article and the head ("the state-run TV station",
"an opposition monitoring group"); function words end them. The span is the modifiers and the
head, never the article. A phrase inside a mention ("<Name> news agency"), followed by a name
("the news agency <Name>") or by "of"/"for", or in apposition right after a name ("<Name>, a
monitoring group") is left alone: the name is the mention, the phrase defines it.

The module also holds the span rules around a name that say what it names: "a <Body>
official" (official_spans), "a coalition of ... known as <Name>" (known_as_mentions) and
"<Side> media" (without_outlet_modifiers).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..case import lowered
from ..lexicon import table, words
from ..patterns import words_after_no
from .model import ARTICLE_FORMS, DEFAULT_LEXICON, Lexicon, Mention


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    """Head phrase (lower case, single spaces) -> the actor type it names."""
    return {head.replace("-", " ").lower(): row[0]
            for row in table("mentions_kind_heads") for head in row[1:]}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    heads = sorted(_heads(), key=len, reverse=True)
    alt = "|".join(re.escape(h).replace(r"\ ", r"[ \t]+") for h in heads)
    # "(?<![\w-])([Tt]he|[Aa]n?)", written so that the search skips to the articles' letters
    articles = words_after_no(ARTICLE_FORMS, r"[\w-]")
    return re.compile(
        rf"({articles})[ \t]+((?:[\w.'’-]+[ \t]+){{0,2}}?)((?i:{alt}))(?![\w-])"
        rf"(?![ \t]+[A-Z]|[ \t]+(?:of|for)\b)")


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern[str]:
    """The heads alone, in lower case: what the pattern's case-blind head finds in a text,
    this finds in its lower case (extract/case.py)."""
    heads = sorted(_heads(), key=len, reverse=True)
    return re.compile("|".join(re.escape(h).replace(r"\ ", r"[ \t]+") for h in heads))


def kind_mentions(text: str, mentions: Sequence[Mention], types: Mapping[str, str], *,
                  lexicon: Lexicon = DEFAULT_LEXICON) -> list[Mention]:
    """Mentions for descriptions by kind under the module's rules, in text order. ``types``:
    every known actor's type by id (registry and candidates)."""
    heads = _heads()
    low = lowered(text)
    if low is not None and _head_re().search(low) is None:
        return []  # a match's head stands in the lower-cased text (most articles: none)
    kind_words = {w for h in heads for w in h.split()}
    busy = bytearray(len(text) + 1)
    for m in mentions:
        if m.text.lower() not in kind_words:  # "TV" taken for a name is the head's own word
            busy[m.start : m.end] = b"\x01" * (m.end - m.start)
    ordered = sorted((m for m in mentions if m.text.lower() not in kind_words),
                     key=lambda m: m.start)
    ends = {m.end for m in mentions}
    out: list[Mention] = []
    for g in _pattern().finditer(text):
        kind = heads[re.sub(r"\s+", " ", g.group(3).lower())]
        words = list(re.finditer(r"\S+", g.group(2)))
        article = g.group(1).lower()
        while words and words[0].group().lower() in lexicon.common_words:
            article = words.pop(0).group().lower()  # "a an <head>": a doubled article
        if any(w.group().lower() in lexicon.common_words for w in words) \
                or any(busy[g.start():g.end()]):
            continue
        comma = re.search(r",[ \t]+$", text[max(0, g.start() - 4) : g.start()])
        if comma is not None and g.start() - len(comma.group()) in ends:
            continue  # "<Name>, a monitoring group": an apposition defining the name
        named = [m for m in ordered if types.get(m.actor_id) == kind]
        actors = {m.actor_id for m in named}
        aid = next(iter(actors)) if len(actors) == 1 else None
        if article == "the":
            aid = next((m.actor_id for m in reversed(named) if m.end <= g.start()), aid)
        elif any(m.end <= g.start() for m in named) or any(w.group()[0].isupper() for w in words):
            continue  # "a <Demonym> channel", or one after the outlet is named: another one
        if aid is not None:
            start = g.start(2) + words[0].start() if words else g.start(3)
            out.append(Mention(start, g.end(3), text[start : g.end(3)], aid, "description"))
    return out


@lru_cache(maxsize=1)
def _member_res() -> dict[str, re.Pattern[str]]:
    """Per body type, the nouns for one unnamed person of it written after its name."""
    def after(nouns: frozenset[str]) -> re.Pattern[str]:
        alt = "|".join(sorted(nouns, key=len, reverse=True))
        return re.compile(rf"[ \t]+(?:{alt})\b(?![\w-])(?![ \t]+[A-Z])")
    return {"government_body": after(words("mentions_body_member_nouns")),
            "military": after(words("candidates_service_member_nouns"))}


def official_spans(text: str, mentions: Sequence[Mention],
                   types: Mapping[str, str]) -> list[Mention]:
    """A body's name right before a noun for one unnamed person of it ("a <Body> official
    said", "a <Service> SEAL was killed") is a mention of that body (unnamed officials and
    service members are coded at their institution): the span grows over the noun. Plurals
    ("<Body> officials") name the body itself and keep its name's span; a name after the noun
    makes it a title ("<Body> spokesman <Name>"), which is left alone."""
    out: list[Mention] = []
    for m in mentions:
        member = _member_res().get(str(types.get(m.actor_id)))
        tail = None if m.possessive or m.rule != "alias" or member is None \
            else member.match(text, m.end)
        if tail is None:
            out.append(m)
        else:
            out.append(Mention(m.start, tail.end(), text[m.start : tail.end()], m.actor_id,
                               m.rule, m.possessive))
    return out


@lru_cache(maxsize=1)
def _known_as_re() -> re.Pattern[str]:
    heads = "|".join(sorted(words("mentions_naming_heads"), key=len, reverse=True))
    word = r"[\w'’-]+"
    return re.compile(
        rf"(?<![\w-])(?:[Aa]n?|[Tt]he)[ \t]+((?:{word}[ \t]+){{0,2}}?(?:{heads})"
        rf"(?:[ \t]+of(?:[ \t]+{word}){{1,4}}?)?)[ \t]+known[ \t]+as[ \t]+(?:the[ \t]+)?$")


def known_as_mentions(text: str, mentions: Sequence[Mention], *,
                      lexicon: Lexicon = DEFAULT_LEXICON) -> tuple[list[Mention], set[int]]:
    """"a coalition of <Ethnic>-led fighters known as <Name>": the phrase that the name
    names (headed by a collective noun, `mentions_naming_heads`, with up to two modifiers and
    an "of" phrase) is a description of the name's actor; the span runs from after the article
    to the head or the end of the "of" phrase. Mentions inside it (demonyms) are modifiers:
    their indices are returned to be dropped. A comma before "known" ("the group, known as")
    makes an aside, left alone; function words other than "of" end the phrase."""
    out: list[Mention] = []
    dropped: set[int] = set()
    if "known" not in text:  # the phrase holds "known" (most articles: no phrase to look for)
        return out, dropped
    for m in mentions:
        lo = max(0, m.start - 120)
        if text.find("known", lo, m.start) < 0:
            continue  # no match can lie in the window without the word
        g = _known_as_re().search(text, lo, m.start)
        if g is None or any(w.lower() in lexicon.common_words and w.lower() != "of"
                            for w in g.group(1).split()):
            continue
        inside = {i for i, o in enumerate(mentions) if o.start < g.end(1) and o.end > g.start(1)}
        if any(mentions[i].start < g.start(1) or mentions[i].end > g.end(1) for i in inside):
            continue
        out.append(Mention(g.start(1), g.end(1), g.group(1), m.actor_id, "description"))
        dropped |= inside
    return out, dropped


def without_outlet_modifiers(text: str, mentions: Sequence[Mention],
                             types: Mapping[str, str]) -> list[Mention]:
    """A side's name before a noun for news outlets ("<Side> media reported") names outlets of
    that side, not the side itself: no mention (as a demonym before it is none, codebook rule
    5). Media actors' own names are kept."""
    nouns = "|".join(sorted(words("mentions_outlet_nouns"), key=len, reverse=True))
    after = re.compile(rf"[ \t]+(?:{nouns})\b(?![\w-])")
    return [m for m in mentions if m.possessive or types.get(m.actor_id) == "media"
            or after.match(text, m.end) is None]
