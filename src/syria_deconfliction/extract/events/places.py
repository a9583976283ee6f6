"""The gazetteer as the place rule reads it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .tries import first_letters, longest_first

# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class _Gazetteer:
    regex: re.Pattern[str] | None
    by_form: Mapping[str, tuple[str, str]]  # folded surface -> (place id, feature_type)
    # the names that open with a capital as a pattern of their own, and the other names
    capitals: re.Pattern[str] | None = None
    others: tuple[str, ...] = ()

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``regex`` in text. A match opens with its name's first letter, so
        where none of the names that open otherwise ("al-Tanf", "northern Syria") stands in
        the text, the matches are those of the names that open with a capital: their own
        pattern, which opens with capitals the engine skips to (most letters are not)."""
        assert self.regex is not None
        if self.capitals is not None and not any(map(text.__contains__, self.others)):
            return self.capitals.finditer(text)
        return self.regex.finditer(text)


def _fold(s: str) -> str:
    return s.replace("’", "'")


_GAZ_CACHE: dict[tuple[Any, ...], _Gazetteer] = {}
_LAST: list[Any] = [None, None]  # the places last asked for and their gazetteer


def _gazetteer(places: Sequence[Mapping[str, Any]]) -> _Gazetteer:
    if places is _LAST[0]:  # one run passes the same gazetteer for every article
        return _LAST[1]
    gaz = _built(places)
    _LAST[:] = [places, gaz]
    return gaz


def _built(places: Sequence[Mapping[str, Any]]) -> _Gazetteer:
    key = tuple(
        (p.get("id"), p.get("name"), tuple(p.get("alternate_names") or ()), p.get("feature_type"))
        for p in places
    )
    gaz = _GAZ_CACHE.get(key)
    if gaz is not None:
        return gaz
    by_form: dict[str, tuple[str, str]] = {}
    for p in places:
        pid = p.get("id")
        if not pid:
            continue
        for name in [p.get("name"), *(p.get("alternate_names") or ())]:
            if name:
                by_form.setdefault(_fold(str(name)), (str(pid), str(p.get("feature_type") or "")))
    forms = sorted(by_form, key=lambda s: (-len(s), s))
    regex = capitals = None
    if forms:
        # a name's first letter is tested before the look-behind: most positions fail there
        regex = re.compile(f"(?={first_letters(forms)})" + r"(?<![\w-])("
                           + longest_first(forms, r"(?![\w])") + ")")
        upper = [f for f in forms if f[:1].isupper()]
        if upper:  # (the look-behind after each name: see longest_first)
            capitals = re.compile(
                "(" + longest_first(upper, r"(?![\w])", not_after=r"[\w-]") + ")")
    gaz = _Gazetteer(regex, by_form, capitals, tuple(f for f in forms if not f[:1].isupper()))
    if len(_GAZ_CACHE) > 8:
        _GAZ_CACHE.clear()
    _GAZ_CACHE[key] = gaz
    return gaz


