"""YAML without anchors: the libyaml path gives what the pure-Python loader gives."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from syria_deconfliction.yaml_plain import AnchorRefused, PlainLoader, load_plain

KNOWLEDGE = sorted((ROOT / "raw").rglob("*.yaml"))


@pytest.mark.parametrize("path", KNOWLEDGE, ids=lambda p: p.name)
def test_the_fast_path_reads_every_raw_file_as_the_plain_loader_does(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_plain(text) == yaml.load(text, Loader=PlainLoader)  # noqa: S506


@pytest.mark.parametrize("text, line", [
    ("words: &w [a, b]\nmore: *w\n", 0),  # an anchor is refused where it stands
    ("a: 1\nb: &s plain\n", 1),  # also on a scalar, which no alias uses
])
def test_anchors_and_aliases_are_refused_with_their_line(text: str, line: int) -> None:
    with pytest.raises(AnchorRefused) as err:
        load_plain(text)
    assert err.value.mark.line == line


def test_errors_come_from_the_plain_loader_with_its_messages() -> None:
    with pytest.raises(yaml.YAMLError) as fast:
        load_plain("a: [1, 2\nb: 3\n")
    with pytest.raises(yaml.YAMLError) as plain:
        yaml.load("a: [1, 2\nb: 3\n", Loader=PlainLoader)  # noqa: S506
    assert str(fast.value) == str(plain.value)
    with pytest.raises(ValueError, match="day is out of range"):
        load_plain("date: 2016-02-30\n")
