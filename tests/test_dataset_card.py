"""The dataset card has the sections of a Hugging Face dataset card and names the articles the
tables actually hold."""

from __future__ import annotations

import yaml
from conftest import ROOT

import syria_deconfliction as sd

CARD = ROOT / "docs" / "DATASET_CARD.md"
HEADINGS = [
    "## Dataset Description", "### Dataset Summary", "### Supported Tasks", "### Languages",
    "## Dataset Structure", "### Data Instances", "### Data Fields", "### Data Splits",
    "## Dataset Creation", "### Curation Rationale", "### Source Data", "### Annotations",
    "#### Annotation process", "#### Who are the annotators?",
    "### Personal and Sensitive Information", "## Considerations for Using the Data",
    "### Discussion of Biases", "### Other Known Limitations", "## Intended Uses",
    "### Out-of-Scope Uses", "## Additional Information", "### Licensing Information",
    "### Citation Information",
]


def test_card_has_the_hugging_face_sections_in_order() -> None:
    text = CARD.read_text(encoding="utf-8")
    lines = text.splitlines()
    positions = [lines.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["language"] == ["en"] and front["license"] == "other"
    for config in front["configs"]:
        assert (ROOT / config["data_files"]).is_file(), config


def test_card_names_every_article_and_its_publisher() -> None:
    text = " ".join(CARD.read_text(encoding="utf-8").replace("’", "'").split())
    articles = sd.load("articles")
    assert len(articles) == 5
    for row in articles.itertuples(index=False):
        assert row.headline.replace("’", "'") in text, row.headline
        assert (row.publisher if isinstance(row.publisher, str) else "unknown") in text
        assert row.published_date.date().isoformat() in text


def test_readme_links_to_the_card() -> None:
    assert "docs/DATASET_CARD.md" in (ROOT / "README.md").read_text(encoding="utf-8")
