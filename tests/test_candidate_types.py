"""The kind of a candidate actor (a name the registry lacks) is guessed from its words."""

from __future__ import annotations

import pytest

from syria_deconfliction.corpus.article import guess_type


@pytest.mark.parametrize("name, kind", [
    ("Lakeside Evening News", "media"),
    ("Northern Relief Foundation", "ngo"),
    ("White House", "government_body"),  # a seat of government named as a body, not a person
    ("Ministry of Water Resources", "government_body"),
    ("Coastal Air Force", "military"),
    ("Valley Protection Units", "armed_group"),
    ("Ostrava Oil", "company"),
    ("Arctic Union", "intergovernmental_org"),
    ("Mira Holt", "person"),
    ("Anouk de Ville", "person"),
    ("Green Dawn Party", "other"),  # an organisation head: two capitalised words, no person
    ("Harbour Street", "other"),  # a street standing for an office is no person
    ("Jane Hall", "person"),  # a head that is also a surname is left out
    ("Tessaly", "other"),
])
def test_a_candidate_kind_is_guessed_from_its_words(name: str, kind: str) -> None:
    assert guess_type(name) == kind
