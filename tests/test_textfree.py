"""Text-free publication: strip the publishers' words, keep offsets and hashes, and restore
everything exactly from the user's own copy of the articles."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from test_publish_sqlite import synthetic_tables

from syria_deconfliction.paths import RAW
from syria_deconfliction.publish.textfree import (
    LOCATOR_RE,
    SPANS,
    TextMismatch,
    hydrate,
    is_text_free,
    restore_texts,
    strip_text,
    stripped_columns,
)

KNOW = RAW / "knowledge"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return synthetic_tables()


@pytest.fixture(scope="module")
def stripped(tables) -> dict[str, pd.DataFrame]:
    return strip_text(tables)


@pytest.fixture(scope="module")
def texts(tables) -> dict[str, str]:
    art = tables["articles"]
    return dict(zip(art["article_id"], art["text"], strict=True))


@pytest.fixture(scope="module")
def raw_texts(tables) -> dict[str, str]:
    return restore_texts(tables["articles"], RAW / "articles", KNOW / "boilerplate.yaml")[1]


def test_stripped_columns_are_empty_and_the_rest_untouched(tables, stripped):
    gone = stripped_columns()
    assert gone["articles"] == ["text", "published_date_evidence"]
    for name, df in tables.items():
        out = stripped[name]
        assert list(out.columns) == list(df.columns)
        assert (out.dtypes == df.dtypes).all(), name
        for col in df.columns:
            if col in gone.get(name, []):
                if col != "published_date_evidence":
                    assert out[col].isna().all(), (name, col)
            else:
                pd.testing.assert_series_equal(out[col], df[col], obj=f"{name}.{col}")
    # the input is not modified
    assert tables["articles"]["text"].notna().all()
    assert is_text_free(stripped) and not is_text_free(tables)


def test_no_article_words_left_in_span_tables(tables, stripped, texts):
    """Nothing of eight or more words of an article body survives in a stripped text column."""
    bodies = [t.split("\n\n", 1)[1] for t in texts.values()]
    for span in SPANS:
        for value in stripped[span.table][span.text].dropna():
            raise AssertionError(f"{span.table}.{span.text} kept {value!r}")
    for value in stripped["articles"]["published_date_evidence"].dropna():
        for part in value.split(" | "):
            assert LOCATOR_RE.fullmatch(part) or not any(part in b for b in bodies), part
    # the real evidence phrases are all article words, so all become locators
    ev = stripped["articles"]["published_date_evidence"].dropna()
    assert len(ev) and all(LOCATOR_RE.fullmatch(p) for v in ev for p in v.split(" | "))


def test_offsets_and_hashes_are_kept(tables, stripped):
    art = stripped["articles"]
    assert art["text_sha256"].tolist() == tables["articles"]["text_sha256"].tolist()
    for span in SPANS:
        for col in (span.start, span.end):
            pd.testing.assert_series_equal(stripped[span.table][col], tables[span.table][col])


def test_round_trip_is_exact(tables, stripped, texts, raw_texts):
    back = hydrate(stripped, texts, raw_texts)
    assert set(back) == set(tables)
    for name, df in tables.items():
        pd.testing.assert_frame_equal(back[name], df, obj=name)


def test_restore_texts_from_raw_files_gives_the_clean_texts(tables, texts):
    clean, raw = restore_texts(tables["articles"], RAW / "articles", KNOW / "boilerplate.yaml")
    assert clean == texts
    assert set(raw) == set(texts)


def test_without_raw_texts_only_boilerplate_stays_empty(tables, stripped, texts):
    back = hydrate(stripped, texts)
    assert back["boilerplate"]["text"].isna().all()
    for name in ("actor_mentions", "quotes", "events"):
        pd.testing.assert_frame_equal(back[name], tables[name], obj=name)
    pd.testing.assert_series_equal(back["articles"]["text"], tables["articles"]["text"])


def test_wrong_text_is_refused_with_the_article_named(stripped, texts):
    aid = sorted(texts)[1]
    bad = dict(texts)
    bad[aid] = texts[aid].replace("Russia", "Rusia", 1)
    with pytest.raises(TextMismatch, match=aid) as exc:
        hydrate(stripped, bad)
    assert "text_sha256" in str(exc.value)
    assert hashlib.sha256(bad[aid].encode()).hexdigest() in str(exc.value)
    missing = {k: v for k, v in texts.items() if k != aid}
    with pytest.raises(TextMismatch, match="no clean text supplied"):
        hydrate(stripped, missing)


def test_wrong_raw_text_is_refused(stripped, texts, raw_texts):
    aid = sorted(raw_texts)[0]
    bad = dict(raw_texts)
    bad[aid] = raw_texts[aid] + "\n"
    with pytest.raises(TextMismatch, match="raw_sha256"):
        hydrate(stripped, texts, bad)


def test_raw_text_with_byte_order_mark_is_accepted():
    text = "Headline\n\nBody words here."
    art = pd.DataFrame({
        "article_id": ["a"], "source_file": ["a.txt"],
        "text_sha256": [hashlib.sha256(text.encode()).hexdigest()],
        "raw_sha256": [hashlib.sha256(("\ufeff" + text).encode()).hexdigest()],
        "text": pd.Series([None], dtype="str"),
        "published_date_evidence": pd.Series(["@raw:0-8 | own words"], dtype="str"),
    })
    back = hydrate({"articles": art}, {"a": text}, {"a": text})
    assert back["articles"]["published_date_evidence"].iloc[0] == "Headline | own words"


def test_strip_refuses_spans_it_could_not_restore(tables):
    quotes = tables["quotes"].copy()
    quotes.loc[0, "text"] = quotes.loc[0, "text"] + "!"
    with pytest.raises(ValueError, match="quotes.text"):
        strip_text({**tables, "quotes": quotes})
    quotes = tables["quotes"].copy()
    row = quotes.index[quotes["speaker_mention"].notna()][0]
    quotes.loc[row, ["speaker_char_start", "speaker_char_end"]] = pd.NA
    with pytest.raises(ValueError, match="no speaker_char_start"):
        strip_text({**tables, "quotes": quotes})


def test_strip_twice_is_an_error(stripped):
    with pytest.raises(ValueError, match="already stripped"):
        strip_text(stripped)


def test_curators_own_evidence_words_are_kept(tables, texts):
    art = tables["articles"].copy()
    art.loc[0, "published_date_evidence"] = "the curator's own words | " + texts[
        art.loc[0, "article_id"]][0:12]
    out = strip_text({**tables, "articles": art})
    value = out["articles"]["published_date_evidence"].iloc[0]
    assert value == "the curator's own words | @clean:0-12"
