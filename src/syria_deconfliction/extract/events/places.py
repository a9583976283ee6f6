"""The gazetteer as the place rule reads it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class _Gazetteer:
    regex: re.Pattern[str] | None
    by_form: Mapping[str, tuple[str, str]]  # folded surface -> (place id, feature_type)


def _fold(s: str) -> str:
    return s.replace("’", "'")


_GAZ_CACHE: dict[tuple[Any, ...], _Gazetteer] = {}
_LAST: list[Any] = [None, None]  # the places last asked for and their gazetteer


def _longest_first(forms: Sequence[str]) -> str:
    """A regex matching the longest of ``forms`` not followed by a word character, as a trie:
    the engine follows one branch per letter (not every name in turn) and, backing up from the
    deepest name it reached, takes the first whose end passes the test, as an alternation of
    the names longest first does."""
    root: dict[str, Any] = {}
    for f in forms:
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append(r"(?![\w])")  # a name ends here: tried after every longer one
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return emit(root)


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
    regex = None
    if forms:
        # a name's first letter is tested before the look-behind: most positions fail there
        first = "".join(sorted({re.escape(f[0]) for f in forms}))
        regex = re.compile(rf"(?=[{first}])(?<![\w-])({_longest_first(forms)})")
    gaz = _Gazetteer(regex, by_form)
    if len(_GAZ_CACHE) > 8:
        _GAZ_CACHE.clear()
    _GAZ_CACHE[key] = gaz
    return gaz


