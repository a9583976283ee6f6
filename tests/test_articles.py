"""The articles table against a careful reader's reading of the five source articles."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

EXPECT = yaml.safe_load((Path(__file__).parent / "data" / "seed_expectations.yaml").read_text())
SENTENCE = re.compile(r"[^.!?]*[a-z][^.!?]{20,}[.!?]")


@pytest.fixture(scope="module")
def articles(tables):
    return tables["articles"].set_index("source_file")


def test_raw_files_match_recorded_hashes() -> None:
    meta = yaml.safe_load((ROOT / "raw" / "curation" / "articles.yaml").read_text())["articles"]
    assert len(meta) == len(list((ROOT / "raw" / "articles").iterdir()))
    for entry in meta:
        data = (ROOT / "raw" / "articles" / entry["source_file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["raw_sha256"], entry["source_file"]


@pytest.mark.parametrize("source_file", sorted(EXPECT))
def test_headline_body_and_dates(articles, tables, source_file: str) -> None:
    exp, row = EXPECT[source_file], articles.loc[source_file]
    assert row["headline"] == exp["headline"]
    assert row["text"].startswith(exp["headline"] + "\n\n")
    segs = tables["text_segments"][tables["text_segments"]["article_id"] == row["article_id"]]
    said = {role: [row["text"][s.char_start:s.char_end]
                   for s in segs.itertuples() if s.role == role] for role in ("body", "credit")}
    paragraphs = said["body"]
    assert len(paragraphs) == exp["body_paragraphs"]
    # a wire's credit line stays in the text, after the story, as a credit segment
    assert said["credit"] == exp.get("credit_lines", [])
    assert row["text"].split("\n\n")[1:] == paragraphs + said["credit"]
    assert paragraphs[0].startswith(exp["first_body"])
    assert paragraphs[-1].startswith(exp["last_body"])
    assert row["published_date"].date() == exp["published_date"]
    assert row["published_date_precision"] == exp["precision"]
    assert (row["printed_date_text"] if isinstance(row["printed_date_text"], str) else None) == exp[
        "printed_date_text"
    ]
    assert (row["publisher"] if isinstance(row["publisher"], str) else None) == exp["publisher"]
    assert row["published_date_evidence"] and row["published_date_note"]
    assert row["language"] == "en"


@pytest.mark.parametrize("source_file", sorted(EXPECT))
def test_no_body_sentence_is_lost(articles, tables, source_file: str) -> None:
    """Every raw line is either in the clean text (verbatim) or listed as boilerplate with
    its rule, and every sentence the removed lines hold comes from page furniture."""
    raw = (ROOT / "raw" / "articles" / source_file).read_text(encoding="utf-8")
    row = articles.loc[source_file]
    segs = tables["text_segments"][tables["text_segments"]["article_id"] == row["article_id"]]
    removed = tables["boilerplate"][tables["boilerplate"]["article_id"] == row["article_id"]]
    kept_lines = set(segs["raw_line_no"])
    removed_lines = set(removed["raw_line_no"])
    nonblank = {i for i, line in enumerate(raw.splitlines()) if line.strip()}
    assert kept_lines.isdisjoint(removed_lines)
    assert kept_lines | removed_lines == nonblank
    for s in segs.itertuples():
        assert row["text"][s.char_start : s.char_end] == raw[
            s.raw_char_start : s.raw_char_end
        ].replace("\xa0", " ")
    body = row["text"]
    for r in removed.itertuples():
        if r.kind in {"donation_appeal", "newsletter", "navigation", "copyright", "contributors"}:
            continue
        # Anything else removed must not be a story sentence left out of the body.
        assert not (
            SENTENCE.fullmatch(r.text) and r.kind != "photo_caption" and r.text not in body
        ), r.text


def test_printed_date_that_contradicts_its_story_is_kept_apart(articles) -> None:
    row = articles.loc["002_92de9dc72892121c.txt"]
    assert row["printed_date"].date() == dt.date(2018, 2, 17)
    assert row["printed_date_status"] == "contradicted"
    assert row["published_date"].date() == dt.date(2015, 10, 7)
    assert "2018-02-17" in row["published_date_note"]
    others = articles.drop(index="002_92de9dc72892121c.txt")
    assert (others["printed_date_status"] == "absent").all()


def test_credits_and_copyright(articles) -> None:
    ap = articles.loc["003_5af5dcd003470b05.txt"]
    assert "Associated Press" in ap["credits"]
    assert any("Zeina Karam" in c and "contributed" in c for c in ap["credits"])
    assert ap["copyright_year"] == 2015
    assert "Press Association" in articles.loc["002_92de9dc72892121c.txt"]["credits"]
    assert articles.loc["001_584e56bca3aba3b4.txt"]["publisher_method"] == "curated"


def test_rule_dates_never_contradict_curated_ones(articles) -> None:
    """Where rules fix a date to some precision, curation may refine it but not move it."""
    for sf, row in articles.iterrows():
        rule, prec = row["rule_published_date"], row["rule_published_date_precision"]
        if row["published_date_method"] != "curated" or rule is None or rule != rule:
            continue
        if rule == row["printed_date"]:
            continue  # the rules took the printed date; curation found it contradicted
        final = row["published_date"]
        assert final.year == rule.year, sf
        if prec in ("month", "day"):
            assert final.month == rule.month, sf
        if prec == "day":
            assert final == rule, sf


@pytest.mark.parametrize("text", [
    "The U.S.-led coalition's strikes hit Raqqa’s outskirts.",
    "İstanbul talks and ΟΔΟΣ.Α street; ǅemal's DŽ-word and Ⅻ o'clock",
    "ΑΘΗΝΑΣ said the ΣΟΦΙΑ-ΣΤΑΣ envoy",
])
def test_lower_words_are_the_words_lower_cased(text: str) -> None:
    """The words of the lower-cased text are the text's words, each lower-cased."""
    from syria_deconfliction.pipeline.articles import WORD_RE, lower_words

    assert lower_words(text) == [w.lower() for w in WORD_RE.findall(text)]
    assert WORD_RE.findall(text.replace("\u0130", "I").replace("\u03a3", "S").lower()) == \
        [w.lower() for w in WORD_RE.findall(text.replace("\u0130", "I").replace("\u03a3", "S"))]
