"""A capitalised organisation head standing alone ("the Observatory", "the Council") after the
organisation's full name: a mention of that organisation, not a new actor."""

from __future__ import annotations

from collections.abc import Iterable


def head_owner(name: str, start: int, named: Iterable[tuple[int, str, str]],
               heads: frozenset[str]) -> str | None:
    """The actor id of the organisation named last before ``start`` whose name holds the
    one word ``name`` ("Observatory" after "<Name> Observatory for <Cause>"), when ``name``
    is an organisation head (``heads``, lexicon candidates_org_heads); else None.
    ``named`` holds (start, actor id, text) of the organisations named, in text order."""
    if name not in heads:
        return None
    owner = None
    for at, aid, text in named:
        if at >= start:
            break
        if text != name and name in text.split():
            owner = aid
    return owner
