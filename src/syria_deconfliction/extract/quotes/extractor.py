"""The quote extractor: one object per document, its parts mixed in from the sibling modules."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from ..document import Document
from .attribution import _Attribution
from .classification import _Classification
from .coreference import _Coreference
from .gender import _Gender
from .marks import _Marks
from .model import _NP, Quote, SpeakerHint, _Hist, _Rec, _Speaker
from .phrases import _Phrases
from .rows import _Rows
from .subjects import _Subjects
from .verb_sides import _VerbSides

# --------------------------------------------------------------------------- extractor


class _Extractor(_Marks, _Phrases, _VerbSides, _Subjects, _Attribution, _Coreference, _Gender,
                 _Classification, _Rows):
    """Quotations and speakers of one document (state shared by the mixed-in parts)."""

    def __init__(self, doc: Document, hints: Sequence[SpeakerHint]) -> None:
        self.doc = doc
        self.body = doc.text
        self.hints = sorted(hints, key=attrgetter("start", "end"))
        self._hint_starts = [h.start for h in self.hints]
        self._longest_hint = max((h.end - h.start for h in self.hints), default=0)
        self._state_form_list: list[tuple[str, str]] | None = None
        self._full_name_index: dict[str, list[SpeakerHint]] | None = None
        self.paras = self._paragraphs()
        self.mquotes = self._mark_quotes()
        self.toks, self._tok_starts, self.qids = self._tokenize()
        self._lows = [t.low for t in self.toks]  # every token's .low, in order
        self.sents = self._sentences()  # (tok_a, tok_b, para)
        self.sent_of_tok = [0] * len(self.toks)
        for si, (a, b, _p) in enumerate(self.sents):
            self.sent_of_tok[a:b] = [si] * (b - a)
        self._sent_starts = [self.toks[a].start for a, _b, _p in self.sents]
        self._quote_by_open = {q.open_pos: qi for qi, q in enumerate(self.mquotes)}
        self.surnames: set[str] = set()
        self._name_flags: list[bool] = []  # _is_name_tok of every token (set by _surnames)
        self._name_at: list[int] = []  # the indices where _name_flags is true
        self.surnames = self._surnames()
        self._np_memo: dict[tuple[int, int], _NP | None] = {}  # _analyze_np, once surnames known
        self.recs: list[list[_Rec]] = [[] for _ in self.sents]
        self.hist: list[_Hist] = []
        self._row_of: dict[int, Quote] = {}  # open mark -> its row (continuations)
        self._row_speaker: dict[int, _Speaker | None] = {}
        self._gender: dict[str, str] = {}  # surname -> "m" | "f", as the text tells it
        self._genders: dict[str, str] | None = None  # surname -> gender by names, honorifics
        self._facts_of_span: dict[tuple[int, int], tuple[str, str | None, bool]] = {}
        self._stated_gender: dict[tuple[int, int | None, str | None], str | None] = {}
        self._org_keys_of: dict[tuple[int, int], tuple[frozenset[str], frozenset[str]]] = {}
        self._holders: list[tuple[int, int, _NP]] | None = None
        self._hist_upto: int | None = None  # the history a late subject actor reads
        self._direct_after = -1
        self._author: _Speaker | None | bool = False  # _closing_author, once read



# --------------------------------------------------------------------------- entry point


def extract_quotes(body: str | Document, hints: Sequence[SpeakerHint] = ()) -> list[Quote]:
    """All quotations (direct, partial, indirect) in ``body`` with their speakers, in text order.

    ``hints`` are actor mentions found elsewhere (e.g. registry matches); they only map speaker
    spans to actor ids and tell people from bodies. Rejected candidates (scare quotes,
    designations) are returned with ``status == "rejected"`` and a reason.
    """
    doc = Document.of(body)
    if not doc.text.strip():
        return []
    return _Extractor(doc, hints).run()
