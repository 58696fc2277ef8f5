"""Highlighting of stored text: the words a query matched wrapped in ``<mark class="hl">``.

A word is marked when its stem (``text_analysis``, the analyzer the index uses) is one of the
query's stems, so "фланцы" in a text is marked for a query "фланец". Everything else is
HTML-escaped: the result can go into a page as it is.

- ``highlight_whole``: the whole text (titles);
- ``highlight_fragments``: the best few passages of a long text (bodies), each around its matches
  with some context, like Whoosh's ``ContextFragmenter(maxchars=220, surround=70)``.

Both return ``""`` when no word matched. No backend is needed: the text is analysed again here,
which is cheaper than asking the database to re-parse it (``ts_headline``) and reads words exactly
as the index did.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from html import escape

from text_analysis import words

MARK_START = '<mark class="hl">'
MARK_END = "</mark>"
#: Between two passages of ``highlight_fragments``.
ELLIPSIS = "..."
#: A passage spans at most this many characters of matches, plus ``SURROUND`` on each side.
MAX_CHARS = 220
SURROUND = 70
#: How many passages ``highlight_fragments`` returns.
TOP_FRAGMENTS = 2


def matches(text: str, stems: Collection[str]) -> list[tuple[int, int]]:
    """Where the words of ``text`` whose stem is in ``stems`` stand: ``(start, end)`` in order."""
    if not text or not stems:
        return []
    return [(word.start, word.end) for word in words(text) if word.stem in stems]


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` escaped, with ``spans`` (inside it, in order) marked."""
    out = []
    at = start
    for span_start, span_end in spans:
        out += [escape(text[at:span_start]), MARK_START, escape(text[span_start:span_end]), MARK_END]
        at = span_end
    out.append(escape(text[at:end]))
    return "".join(out)


def highlight_whole(text: str, stems: Collection[str]) -> str:
    """All of ``text`` with its matching words marked; ``""`` when none matches."""
    spans = matches(text, stems)
    return _marked(text, 0, len(text), spans) if spans else ""


@dataclass
class _Fragment:
    start: int
    end: int
    spans: list[tuple[int, int]] = field(default_factory=list)


def highlight_fragments(
    text: str,
    stems: Collection[str],
    *,
    top: int = TOP_FRAGMENTS,
    max_chars: int = MAX_CHARS,
    surround: int = SURROUND,
) -> str:
    """The ``top`` passages of ``text`` holding the most matching words, in the order they appear,
    joined by ``ELLIPSIS``; ``""`` when no word matches.

    A passage gathers the matches that follow each other within ``max_chars`` characters, with up to
    ``surround`` characters of context on each side, cut at spaces so that no word is split."""
    spans = matches(text, stems)
    if not spans:
        return ""
    fragments: list[_Fragment] = []
    for span in spans:
        current = fragments[-1] if fragments else None
        if current is not None and span[1] - current.start <= max_chars:
            current.spans.append(span)
            current.end = span[1]
        else:
            fragments.append(_Fragment(span[0], span[1], [span]))
    best = sorted(fragments, key=lambda f: (-len(f.spans), f.start))[:top]
    best.sort(key=lambda f: f.start)
    return ELLIPSIS.join(
        _marked(text, _context_start(text, f.start, surround), _context_end(text, f.end, surround), f.spans)
        for f in best
    )


def _context_start(text: str, start: int, surround: int) -> int:
    """Up to ``surround`` characters before ``start``, beginning after a space (or at the text's start)."""
    at = max(0, start - surround)
    if at == 0:
        return 0
    space = _next_space(text, at - 1, start)
    return start if space < 0 else space + 1


def _context_end(text: str, end: int, surround: int) -> int:
    """Up to ``surround`` characters after ``end``, ending before a space (or at the text's end)."""
    at = min(len(text), end + surround)
    if at == len(text):
        return at
    for i in range(at, end - 1, -1):
        if text[i].isspace():
            return i
    return end


def _next_space(text: str, start: int, stop: int) -> int:
    for i in range(start, stop):
        if text[i].isspace():
            return i
    return -1
