"""Where the project's files live: a checkout, or the copies an installed wheel ships.

raw/ holds three kinds of data, kept apart as cldfbench keeps raw/ from etc/:

- raw/articles/   the source articles exactly as received (never edited);
- raw/knowledge/  general knowledge any new article uses (actor registry, gazetteer, boilerplate,
                  trigger lexicon, reference code tables); shipped in the wheel;
- raw/curation/   what people decided about particular articles (metadata, mentions, quotes,
                  events, drafts); never shipped.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(str(resources.files("syria_deconfliction")))
RAW = ROOT / "raw"
# The schemas are needed at run time by `extract`; a wheel carries a copy inside the package.
SCHEMAS = ROOT / "schemas" if (ROOT / "schemas" / "package.json").is_file() else PACKAGE / "schemas"


def knowledge_dir() -> Path:
    """raw/knowledge/ in a checkout, else the copy the wheel ships (package/knowledge/)."""
    checkout = knowledge_of(RAW)
    if (checkout / "actors.yaml").is_file():
        return checkout
    return PACKAGE / "knowledge"


def lexicon_dir() -> Path:
    """The language data (word lists of English news) under the knowledge folder."""
    return knowledge_dir() / "lexicon"


def articles_dir(raw: Path) -> Path:
    """The untouched source articles under a raw/ folder."""
    return raw / "articles"


def knowledge_of(raw: Path) -> Path:
    """The general knowledge under a raw/ folder (what the wheel ships as `knowledge/`)."""
    return raw / "knowledge"


def curation_of(raw: Path) -> Path:
    """The per-article curation under a raw/ folder."""
    return raw / "curation"


def drafts_of(raw: Path) -> Path:
    """Machine drafts of added articles awaiting review."""
    return curation_of(raw) / "drafts"


def is_checkout(raw: Path) -> bool:
    """Is `raw` the raw/ folder of a checkout (where `add` and `build` can write)?"""
    return articles_dir(raw).is_dir() and curation_of(raw).is_dir()
