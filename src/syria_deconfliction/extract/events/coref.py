"""Generic side nouns as mentions: "rebel-held areas", "Rebel fighters", "the government's jets".

A news story names a side once in full ("Syrian rebels", "the Syrian government") and then by
its head noun alone, often as an adjective. A bare or adjectival side noun (lexicon
``events_side_nouns``) not inside a mention becomes a mention of the one actor whose mentions in
the same article end in that noun; when two actors do ("the Syrian government", "the Turkish
government") the noun is ambiguous and stays unresolved. "government"/"regime" alone is only
the government of the state the article is about (named most in its headline and opening
sentence, then in the whole article), once the article uses the noun for that state;
"his/her government" is the government of the person named last; "governments" is several.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

from ..case import lowered
from ..lexicon import sequence, words
from ..mentions import Mention
from .casefold import Caseless
from .tries import longest_first

_SIDE_NOUNS = words("events_side_nouns")
# "the opposition delegation", "rebel groups": a collective head after the side noun.
_GROUP_HEADS = words("candidates_description_group_heads")
_BACKER_RE = re.compile(
    r"-(?:" + "|".join(sorted(words("events_backer_participles"))) + r")\b", re.IGNORECASE)
_SIDE_AFTER = re.compile(r"[ \t]+(" + "|".join(sorted(_SIDE_NOUNS, key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
_ARMY_ASSETS = words("events_army_asset_nouns")
_STATE_NOUNS = frozenset({"government", "regime"})  # a state's own body, not a faction
_LEAD_CHARS = 300  # about the headline and the opening sentence
# the nouns as a trie, longest first, not after a word character or hyphen (the pattern opens
# with their first letters, which the engine skips to)
_SIDE_RE = Caseless("(" + longest_first(_SIDE_NOUNS, r"(?!\w)", not_after=r"[\w-]") + ")")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_WORD = re.compile(r"[\w]+")


def _key(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and w[:-1] in _SIDE_NOUNS else w


@lru_cache(maxsize=4096)
def _side_head(name: str) -> str | None:
    """The side noun a mention's text ends in (its key), if any (names recur in a corpus)."""
    tokens = name.split()
    if len(tokens) > 1 and tokens[-1].lower() in _GROUP_HEADS:
        tokens = tokens[:-1]  # the side noun the collective head follows
    head = _POSSESSIVE_END.sub("", tokens[-1]) if tokens else ""
    return _key(head) if head.lower() in _SIDE_NOUNS else None


def side_noun_mentions(text: str, mentions: Sequence[Mention],
                       parents: Mapping[str, str | None] = {},  # noqa: B006 - read-only
                       types: Mapping[str, str] = {},  # noqa: B006 - read-only
                       ) -> list[Mention]:
    """Mentions for the article's unmentioned side nouns (see the module docstring)."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        head = _side_head(m.text)
        if head is not None:
            owners.setdefault(head, set()).add(m.actor_id)
        after = _SIDE_AFTER.match(text, m.end)  # "X militants" (not "X rebel group")
        if after is not None and after.group(1).lower().endswith("s"):
            owners.setdefault(_key(after.group(1)), set()).add(m.actor_id)
    resolved = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
    main = _main_state(mentions, parents, types, text[:_LEAD_CHARS])
    own = f"{main}-government"  # the registry's id for a state's government body
    for noun in _STATE_NOUNS:
        mains = [a for a in owners.get(noun, ()) if _top(a, parents) == main]
        resolved.pop(noun, None)  # "government" alone is the story's main state's ...
        if types.get(own) == "government_body" and parents.get(own) == main and mains:
            # ... government, once the article names it so ("government forces",
            # "the Ruritanian government"), also in other states' stories
            resolved[noun] = own
        elif len(mains) == 1:
            resolved[noun] = mains[0]
    army = [a for a, p in parents.items() if p == main and types.get(a) == "military"]
    busy = bytearray(len(text) + 1)
    for m in mentions:
        busy[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    low = lowered(text)
    for hit in _SIDE_RE.finditer(text, low):
        noun = text[hit.start(1):hit.end(1)]
        key = _key(noun)
        actor = resolved.get(key)
        if key in _STATE_NOUNS and _possessed(text, hit):
            continue  # "his government": the person's state's, which the mentions resolve
        if actor is None or any(busy[hit.start():hit.end()]) or _new_referent(text, hit) or (
            noun.lower().endswith("s") and key in _STATE_NOUNS
        ):  # "governments": several
            continue
        busy[hit.start():hit.end()] = b"\x01" * (hit.end() - hit.start())
        if key in _STATE_NOUNS and len(army) == 1 and _army_asset(text, hit.end()):
            actor = army[0]  # "a government gun position": the army's
        out.append(Mention(hit.start(), hit.end(), noun, actor, "side-noun"))
    out += _opponents(text, mentions, resolved.get("opposition"), busy, low)
    return out + _repeated_demonyms(text, mentions, busy)


# (each noun with its look-behind after it: the pattern opens with the nouns' first letters,
# which the engine skips to, not with a look-behind tried at every position)
_OPPONENTS_RE = Caseless("(?:" + "|".join(
    rf"{re.escape(w)}(?<![\w-]{re.escape(w)})" for w in sorted(words("events_opponent_nouns"))
) + r")\s+of\s+")


def _opponents(text: str, mentions: Sequence[Mention], opposition: str | None,
               busy: bytearray, low: str | None = None) -> list[Mention]:
    """"opponents of (President) X": the opposition the article names, when an actor follows
    within a few words (the person or government opposed), not "opponents of the deal"."""
    if opposition is None:
        return []
    starts = sorted(m.start for m in mentions)
    out = []
    for hit in _OPPONENTS_RE.finditer(text, low):
        i = bisect_left(starts, hit.end())
        near = i < len(starts) and starts[i] - hit.end() <= 30 and "," not in text[
            hit.end():starts[i]]
        noun = text[hit.start():hit.end()].split()[0]
        end = hit.start() + len(noun)
        if near and not any(busy[hit.start():end]):
            out.append(Mention(hit.start(), end, noun, opposition, "opponents"))
    return out


def _repeated_demonyms(text: str, mentions: Sequence[Mention], busy: bytearray) -> list[Mention]:
    """A demonym the article resolved once ("Kurdish" -> the Kurds) names the same actor where
    it recurs before a noun ("Kurdish fighters", "Kurdish positions")."""
    forms: dict[str, set[str]] = {}
    for m in mentions:
        if m.rule == "demonym":
            forms.setdefault(m.text, set()).add(m.actor_id)
    out = []
    for form, actors in forms.items():
        if len(actors) != 1:
            continue
        for hit in _before_noun(form).finditer(text):
            if not any(busy[hit.start():hit.end()]):
                out.append(Mention(hit.start(), hit.end(), form, next(iter(actors)), "demonym"))
    return out


@lru_cache(maxsize=1024)
def _before_noun(form: str) -> re.Pattern[str]:
    """The form as a word's start before a space and a lower-case word (the look-behind after
    the form, as in ``_whole_name``)."""
    esc = re.escape(form)
    return re.compile(rf"{esc}(?<![\w-]{esc})(?= [a-z])")


def _possessed(text: str, hit: re.Match[str]) -> bool:
    return re.search(r"\b(?:his|her)\s+$", text[max(0, hit.start() - 5):hit.start()],
                     re.IGNORECASE) is not None


def _army_asset(text: str, end: int) -> bool:
    """One of the next two words names what an army holds ("government gun position")."""
    return any(w.lower() in _ARMY_ASSETS for w in re.findall(r"[\w-]+", text[end:end + 30])[:2])


def _new_referent(text: str, hit: re.Match[str]) -> bool:
    """'a coalition of X', 'a government that ...', 'the rebels of X': a new or a specified
    body, not the one named before (an adjective stays: 'a rebel attack'; 'of' + a gerund is
    a verb's complement: 'accused the rebels of shelling')."""
    after = text[hit.end():hit.end() + 20]
    if re.match(r"\s+of\b(?!\s+\w+ing\b)", after):
        return True  # not "accused the government of launching ...": a complement
    indefinite = re.search(r"\b(?:a|an)\s+$", text[max(0, hit.start() - 4):hit.start()],
                           re.IGNORECASE)
    return indefinite is not None and not re.match(r"\s+[a-z]", after)


def _top(actor: str, parents: Mapping[str, str | None]) -> str:
    seen = {actor}
    while (p := parents.get(actor)) and p not in seen:
        seen.add(p)
        actor = p
    return actor


def _main_state(mentions: Sequence[Mention], parents: Mapping[str, str | None],
                types: Mapping[str, str], lead: str = "") -> str | None:
    """The state the article is about: the one its headline and opening sentence name most
    (as an actor or in a place: "Rebels attack in Ruritania's Zenda"), then the one its
    mentions belong to most often (a story on fighting in one state may quote another
    state's envoys more often)."""
    tops = {a: _top(a, parents) for a in {m.actor_id for m in mentions}}
    counts = Counter(t for m in mentions if types.get(t := tops[m.actor_id]) == "state")
    forms: dict[str, set[str]] = {}
    for m in mentions:
        if types.get(m.actor_id) == "state" and m.text[:1].isupper():
            forms.setdefault(m.actor_id, set()).add(m.text)
    in_lead = {t: sum(len(_whole_name(f).findall(lead)) for f in forms.get(t, ()))
               for t in counts}
    return max(counts, key=lambda t: (in_lead[t], counts[t])) if counts else None


@lru_cache(maxsize=1024)
def _whole_name(name: str) -> re.Pattern[str]:
    """The name not inside a longer word or hyphenation: the name first (the engine finds a
    literal quickly), then what stands before it, in one look-behind of fixed width."""
    esc = re.escape(name)
    return re.compile(rf"{esc}(?<![\w-]{esc})(?![\w-])")


def without_backers(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions minus the names of backers: "X" in "X-backed fighters attacked Y" describes the
    fighters (they are not X), so it is no side of their acts."""
    return [m for m in mentions if not _BACKER_RE.match(text, m.end)]


def _alt(key: str) -> str:
    return "|".join(sorted(sequence(key), key=len, reverse=True))


_MEMBERS_RE = Caseless(
    rf"(?<![\w-])(?:(?:{_alt('events_member_state_envoys')})\s+)*(?:of|from)?\s*"
    rf"(?:(?:\d+|{_alt('events_number_words')})\s+(?:(?:{_alt('events_member_state_adjectives')})"
    rf"\s+)?|(?:the\s+)?(?:{_alt('events_member_state_adjectives')})\s+)"
    rf"(?:{_alt('events_member_state_nouns')})(?![\w-])")
_ALLIANCE_WORDS = words("events_alliance_words")
_MEMBER_NOUNS = tuple(w.lower() for w in sequence("events_member_state_nouns"))


@lru_cache(maxsize=4096)
def _words(name: str) -> frozenset[str]:
    """The lower-case words of a mention's text (names recur across a corpus)."""
    return frozenset(w.lower() for w in _WORD.findall(name))


def member_state_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """"met representatives from 11 allied countries", "the participating countries": the
    members of the one alliance the article names ("the coalition") stand for it as a side;
    with no alliance named, or two, nothing. The span runs from the envoy noun (so that the
    group, not a preposition's object, follows the verb) to the noun of the states."""
    allies = {m.actor_id for m in mentions if not _ALLIANCE_WORDS.isdisjoint(_words(m.text))}
    if len(allies) != 1:
        return []
    low = lowered(text)
    if low is not None and not any(noun in low for noun in _MEMBER_NOUNS):
        return []  # every match ends in one of the nouns: none, no match
    busy = bytearray(len(text) + 1)
    for m in mentions:
        busy[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    for hit in _member_hits(text, low):
        span = text[hit.start():hit.end()]
        a = hit.start() + len(span) - len(span.lstrip())
        if not any(busy[a:hit.end()]):
            out.append(Mention(a, hit.end(), text[a:hit.end()], next(iter(allies)), "members"))
    return out


# Every piece of a member-states match is a listed word, digits or white space (the lists are
# checked to hold letters only), so a match lies inside one run of word and space characters
# and ends in one of the nouns: only the runs holding a noun need the pattern.
_MEMBER_WORDS_PLAIN = all(w.isalpha() for key in (
    "events_member_state_envoys", "events_number_words", "events_member_state_adjectives",
    "events_member_state_nouns") for w in sequence(key))
_MEMBER_NOUN_RE = Caseless("|".join(sorted(_MEMBER_NOUNS)))
_NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")


def _member_hits(text: str, low: str | None) -> Iterator[re.Match[str]]:
    """The matches of _MEMBERS_RE in the text (as ``_MEMBERS_RE.finditer``), searched in
    the runs between two characters that are neither word nor space characters that hold a
    member noun (each run from the character after the one before it, up to and with the one
    after it, which the look-ahead reads)."""
    if not _MEMBER_WORDS_PLAIN:
        yield from _MEMBERS_RE.finditer(text, low)
        return
    rx = _MEMBERS_RE.lower if _MEMBERS_RE.lower is not None and low is not None \
        else _MEMBERS_RE.ignore
    scanned = low if rx is _MEMBERS_RE.lower else text
    assert scanned is not None
    backwards = scanned[::-1]
    n, done = len(scanned), -1
    for noun in _MEMBER_NOUN_RE.finditer(text, low):
        p = noun.start()
        if p < done:
            continue  # its run was searched
        before = _NOT_WORD_OR_SPACE.search(backwards, n - p)
        start = n - before.start() if before is not None else 0
        after = _NOT_WORD_OR_SPACE.search(scanned, p)
        done = after.start() + 1 if after is not None else n
        yield from rx.finditer(scanned, start, done)
