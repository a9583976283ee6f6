"""The text-free profile publishes no article words and `hydrate` restores the full tables."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TODAY

from syria_deconfliction.errors import InputError
from syria_deconfliction.pipeline.check import frictionless_errors
from syria_deconfliction.pipeline.run import build, hydrate_package
from syria_deconfliction.publish.textfree import TextMismatch

BOILERPLATE = ROOT / "raw" / "knowledge" / "boilerplate.yaml"


@pytest.fixture(scope="module")
def text_free(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tf") / "text-free"
    build(ROOT, today=TODAY, text_free_out=out)
    return out


def test_no_article_text_is_published(text_free: Path) -> None:
    """No paragraph of any article, and every stripped column empty. (Curators' notes may cite
    a few words of an article, as any commentary does.)"""
    import syria_deconfliction as sd
    from syria_deconfliction.loader import read_table_file
    from syria_deconfliction.publish.textfree import stripped_columns

    paragraphs = [p for t in sd.load("articles")["text"] for p in t.split("\n\n") if len(p) > 120]
    blob = "".join(p.read_text(encoding="utf-8") for p in (text_free / "tables").glob("*.csv"))
    assert not [p for p in paragraphs if p in blob]
    for table, columns in stripped_columns().items():
        df = read_table_file(
            text_free / "tables" / f"{table}.parquet", sd.schema(table)["fields"], "parquet"
        )
        for col in columns:
            if (table, col) == ("articles", "published_date_evidence"):
                # Replaced by locators into the text, e.g. "@clean:12-57 | @clean:80-95".
                assert (
                    df[col]
                    .dropna()
                    .str.fullmatch(r"@(clean|raw):\d+-\d+( \| @(clean|raw):\d+-\d+)*")
                    .all()
                )
            else:
                assert df[col].isna().all(), (table, col)
    assert frictionless_errors(text_free / "datapackage.json") == []


def test_hydrate_restores_byte_identical_tables(text_free: Path, tmp_path: Path) -> None:
    out = tmp_path / "restored"
    hydrate_package(text_free, ROOT / "raw" / "articles", BOILERPLATE, out)
    for f in sorted((ROOT / "build" / "tables").iterdir()):
        assert filecmp.cmp(f, out / "tables" / f.name, shallow=False), f.name


def test_hydrate_refuses_a_different_text(text_free: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw" / "articles", raw)
    victim = sorted(raw.iterdir())[0]
    victim.write_text(
        victim.read_text(encoding="utf-8").replace("Syria", "Syrie", 1), encoding="utf-8"
    )
    with pytest.raises((TextMismatch, InputError), match="sha256"):
        hydrate_package(text_free, raw, BOILERPLATE, tmp_path / "out")
