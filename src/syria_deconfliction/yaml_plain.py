"""YAML without anchors and aliases, parsed by libyaml when PyYAML has it.

Curation and knowledge files have no use for anchors (``&name``) or aliases (``*name``), and an
alias bomb (aliases of aliases) would grow one line into gigabytes, so both are refused. The
fast path reads the C parser's events for an anchor or alias and then builds the data with the
C loader (some six times faster than the pure-Python loader on the knowledge files, which every
worker process reads). Anything else, an anchor, a syntax error or a bad value, goes through the
pure-Python loader again, whose exceptions (with line and column) are what errors report.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["AnchorRefused", "PlainLoader", "load_plain"]

_FAST = getattr(yaml, "CSafeLoader", None)  # None when PyYAML was built without libyaml


class AnchorRefused(Exception):
    """An anchor or alias at ``mark`` (a yaml Mark: line and column, from 0)."""

    def __init__(self, mark: Any) -> None:
        super().__init__(mark)
        self.mark = mark


class PlainLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise AnchorRefused(event.start_mark)
        return super().compose_node(parent, index)


def load_plain(text: str) -> Any:
    """The data of one YAML document; AnchorRefused for an anchor or alias, and PyYAML's own
    exceptions (YAMLError, ValueError for impossible dates, RecursionError) otherwise."""
    if _FAST is not None:
        try:
            for event in yaml.parse(text, Loader=_FAST):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    break
            else:
                return yaml.load(text, Loader=_FAST)  # noqa: S506 - the C SafeLoader
        except Exception:  # noqa: BLE001, S110 - reported below by the loader whose messages are tested
            pass
    return yaml.load(text, Loader=PlainLoader)  # noqa: S506 - a SafeLoader subclass
