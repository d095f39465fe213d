"""Highlighted snippets, cut the same way for every backend (no Django)."""

from __future__ import annotations

from dataclasses import dataclass

from .query import Query
from .text import analyse_word, stem, words

WIDTH = 240  # characters of context in a snippet


@dataclass
class Matcher:
    stems: frozenset[str]
    prefixes: tuple[str, ...]

    @classmethod
    def of(cls, query: Query) -> Matcher:
        stems: set[str] = set()
        prefixes: list[str] = []
        for term in query.terms():
            if term.prefix:
                prefixes += [term.words[0], stem(term.words[0])]
            else:
                stems.update(term.words if term.exact else (stem(w) for w in term.words))
        return cls(frozenset(stems), tuple(dict.fromkeys(prefixes)))

    def matches(self, word: str) -> bool:
        st, parts = analyse_word(word)
        if st in self.stems or any(p in self.stems for p in parts):
            return True
        return any(word.startswith(p) or st.startswith(p) for p in self.prefixes)


def snippet(text: str, matcher: Matcher, width: int = WIDTH) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around its densest matches, whitespace collapsed, and the highlight spans in it."""
    toks = words(text)
    hits = [(s, e) for w, s, e in toks if matcher.matches(w)]
    if hits:
        # the window that starts at a hit and holds the most hits
        best, best_n = hits[0][0], 0
        j = 0
        for i, (s, _) in enumerate(hits):
            while j < len(hits) and hits[j][1] <= s + width:
                j += 1
            if j - i > best_n:
                best, best_n = s, j - i
        lo = max(0, best - width // 4)
    else:
        lo = 0
    hi = min(len(text), lo + width)
    if lo > 0:  # start at a word
        space = text.find(" ", lo, lo + 20)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", hi - 20, hi)
        hi = space if space != -1 else hi
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    if lo > 0:
        out.append("…")
        length += 1
    pos = lo
    for s, e in hits:
        if s < lo or e > hi:
            continue
        chunk = _collapse(text[pos:s])
        out.append(chunk)
        length += len(chunk)
        word = text[s:e]
        spans.append((length, length + len(word)))
        out.append(word)
        length += len(word)
        pos = e
    out.append(_collapse(text[pos:hi]))
    if hi < len(text):
        out.append("…")
    return "".join(out), spans


def _collapse(s: str) -> str:
    """Whitespace runs (newlines, form feeds) to one space, keeping a leading/trailing one."""
    if not s:
        return s
    inner = " ".join(s.split())
    lead = " " if s[0].isspace() else ""
    trail = " " if s[-1].isspace() and inner else ""
    return lead + inner + trail


def mark(snippet_text: str, spans: list[tuple[int, int]], open_: str = "[", close: str = "]") -> str:
    out, pos = [], 0
    for s, e in spans:
        out += [snippet_text[pos:s], open_, snippet_text[s:e], close]
        pos = e
    out.append(snippet_text[pos:])
    return "".join(out)
