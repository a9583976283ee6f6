"""What the automatic extractors know about the world, loaded once per process.

Only general knowledge that any new article uses: the boilerplate patterns, the actor registry
and gazetteer, the event trigger lexicon and the CAMEO tables. Never a curation file about
particular articles (articles.yaml, quotes.yaml, events.yaml, actor_mentions.yaml).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..extract.events import TriggerLexicon, load_lexicon
from ..extract.mentions import MentionRegistry, compile_registry
from ..extract.mentions.candidates import surname_forms
from ..extract.orchestrate import ActorWorld
from ..paths import knowledge_dir
from ..pipeline.clean import Boilerplate, load_boilerplate
from ..pipeline.reference import cameo_code_rows
from ..pipeline.registry import Registry, load_registry

__all__ = ["KNOWLEDGE_FILES", "Knowledge", "knowledge_dir"]

KNOWLEDGE_FILES = ("boilerplate.yaml", "actors.yaml", "places.yaml", "event_triggers.yaml")


@dataclass
class Knowledge:
    raw: Path  # the knowledge folder: raw/knowledge/ or the wheel's knowledge/
    boilerplate: Boilerplate
    registry: Registry
    cameo: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, raw: Path | None = None) -> Knowledge:
        raw = raw or knowledge_dir()
        return cls(raw, load_boilerplate(raw / "boilerplate.yaml"), load_registry(raw),
                   {r["code"]: r for r in cameo_code_rows(raw / "reference")})

    @cached_property
    def triggers(self) -> TriggerLexicon:
        return load_lexicon(self.raw / "event_triggers.yaml")

    @cached_property
    def mentions(self) -> MentionRegistry:
        """The registry and gazetteer compiled for the mention rules (once per process)."""
        return compile_registry(self.registry.actors, self.registry.places)

    @cached_property
    def world(self) -> ActorWorld:
        """Registry, gazetteer and triggers as the quote and event rules see them."""
        reg = self.registry
        return ActorWorld.of(reg.actors, reg.places, reg.actor_types, self.triggers)

    @cached_property
    def countries(self) -> dict[str, str]:
        """ISO 3166 country names (and the short form before a comma) -> ISO3 code."""
        with (self.raw / "reference" / "countries.csv").open(encoding="utf-8", newline="") as f:
            rows = [(r["name"], r["iso3"]) for r in csv.DictReader(f) if r.get("name")]
        # "Iran, Islamic Republic of": the short name before the comma is the usual one.
        return {**{n.split(",")[0]: iso for n, iso in rows}, **dict(rows)}

    @cached_property
    def irregular_demonyms(self) -> dict[str, str]:
        """Demonyms the shared-prefix rule misses ("Dutch", "Swiss") -> ISO country name."""
        names = {iso: name for name, iso in self.countries.items()}  # the full name comes last
        with (self.raw / "reference" / "demonyms.csv").open(encoding="utf-8", newline="") as f:
            return {r["demonym"]: names[r["iso3"]] for r in csv.DictReader(f)}

    @cached_property
    def person_names(self) -> dict[str, list[str]]:
        """Registry persons' names and aliases by actor id."""
        return {str(a["id"]): [str(n) for n in [a.get("name"), *(a.get("aliases") or [])] if n]
                for a in self.registry.actors if a.get("type") == "person"}

    @cached_property
    def registry_people(self) -> dict[str, dict[str, str]]:
        """Registry persons by full name or alias ("full"), and by surname when only one
        person has it ("surname")."""
        full: dict[str, str] = {}
        by_surname: dict[str, set[str]] = {}
        for a in self.registry.actors:
            if a.get("type") != "person":
                continue
            for n in [a.get("name"), *(a.get("aliases") or [])]:
                if n:
                    full.setdefault(str(n), str(a["id"]))
                    for form in surname_forms(str(n)):
                        by_surname.setdefault(form, set()).add(str(a["id"]))
        surname = {f: next(iter(ids)) for f, ids in by_surname.items() if len(ids) == 1}
        return {"full": full, "surname": surname}

    @cached_property
    def registry_person_ids(self) -> frozenset[str]:
        return frozenset(a["id"] for a in self.registry.actors if a.get("type") == "person")

    @cached_property
    def actor_names(self) -> dict[str, str]:
        return {a["id"]: a["name"] for a in self.registry.actors}
