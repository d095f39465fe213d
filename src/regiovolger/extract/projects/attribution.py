"""Which amounts near a project are that project's own money.

A project's scope (its table cell, paragraph or sentence) often holds amounts
that are not its money. An amount stays on the project only when the
project's own passage states it as the project's money; it is set aside, with
the reason, when it stands

* in a **footnote** (a numbered note under the page's separator line),
* as a **rate or price** ("€ 0,40/MWh", "€ 25 per inwoner"),
* in a sentence that holds it up **for comparison**, names a **national or
  sector-wide budget**, or is about **another country**, unless that sentence
  names the project itself,
* in a sentence that names **another project** of the same document and not
  this one,
* or when the **same amount was already counted** on another project: the
  same span, or the same sentence repeated elsewhere in the document (a
  programme that describes one regional deal in two years' sections). The
  text may say otherwise ("per project", "voor beide"): then it counts on each.

The words are data (``nl/data/amount_attribution.toml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...nl import alternation, vocabulary
from ..amounts import AmountMatch
from .common import _clean, _Context, _Project, _squash

# reasons, as stored with each amount set aside
FOOTNOTE, COMPARISON, NATIONAL, FOREIGN, OTHER_PROJECT, COUNTED_ELSEWHERE, RATE = (
    "footnote", "comparison", "national_budget", "other_country", "other_project", "counted_elsewhere", "rate")

# a footnote separator: a line of only spaces (a PDF rule lost in extraction) or of rule characters
_SEPARATOR = re.compile(r"^(?:[ \t\u00a0]{20,}|[ \t]*[_\-—–]{5,}[ \t]*)$")
_NOTE_START = re.compile(r"^[ \t]{0,4}(\d{1,3})[ \t]+(\S.*)$")
# a numbered line that opens like a note even without a separator above it
_NOTE_OPENER = re.compile(r"^(?:zie\b|bron\s*:|vgl\.|bijvoorbeeld\b|https?://)", re.I)
# layouts whose amounts stand under a field label that names their role
_LABELLED = ("application_form", "assessment_report", "proposal")


@lru_cache(maxsize=None)
def _cues() -> dict[str, re.Pattern]:
    v = vocabulary("amount_attribution")
    out = {k: re.compile(rf"\b(?:{alternation(p)})\b", re.I) for k, p in v["not_own"].items() if k != "rate_units"}
    out["rate"] = re.compile(rf"\s*(?:/|per\s+)\s*(?:{alternation(v['not_own']['rate_units'])})\b", re.I)
    countries = [re.escape(c) for c in v["countries"]["names"]]
    out["countries"] = re.compile(rf"(?<![\w-])(?:{alternation(countries)})(?![\w-])")
    return out


def footnote_spans(s: str) -> list[tuple[int, int]]:
    """(start, end) of every footnote block: numbered notes under a separator line."""
    spans: list[tuple[int, int]] = []
    lines = []
    pos = 0
    for line in s.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        start, line = lines[i]
        m = _NOTE_START.match(line)
        if not m:
            i += 1
            continue
        prev = next((ln for _, ln in reversed(lines[max(0, i - 4):i]) if ln.strip() or _SEPARATOR.match(ln)), "")
        if not (_SEPARATOR.match(prev) or _NOTE_OPENER.match(m.group(2))):
            i += 1
            continue
        number = int(m.group(1))
        j = i + 1
        end = start + len(line)
        while j < len(lines):
            ls, ln = lines[j]
            nxt = _NOTE_START.match(ln)
            if nxt and int(nxt.group(1)) == number + 1:
                number += 1
            elif not ln.strip():
                # a blank line ends the block unless the next note follows it
                k = next((k for k in range(j + 1, min(j + 3, len(lines))) if lines[k][1].strip()), None)
                nm = _NOTE_START.match(lines[k][1]) if k is not None else None
                if not (nm and int(nm.group(1)) == number + 1):
                    break
            end = ls + len(ln)
            j += 1
        spans.append((start, end))
        i = j
    return spans


def _sentence(ctx: _Context, a: AmountMatch) -> tuple[int, int]:
    """The sentence around an amount, bounded by full stops, blank lines and list markers."""
    s = ctx.s
    lo = max(s.rfind(". ", 0, a.start) + 1, s.rfind("\n\n", 0, a.start), s.rfind("\n \n", 0, a.start), 0)
    ends = [i for i in (s.find(". ", a.end), s.find("\n\n", a.end), s.find("\n \n", a.end)) if i >= 0]
    hi = min(ends) if ends else len(s)
    return lo, hi


def _names_project(sentence: str, p: _Project) -> bool:
    key = _squash(p.name)
    return len(key) >= 4 and key in _squash(sentence)


def _reason(ctx: _Context, p: _Project, a: AmountMatch, notes, others: list[_Project]) -> str | None:
    if any(x <= a.start < y for x, y in notes):
        return FOOTNOTE
    if _cues()["rate"].match(ctx.s, a.end):
        return RATE
    if p.layout in _LABELLED:
        return None  # a form's labelled field states the project's money
    lo, hi = _sentence(ctx, a)
    sentence = ctx.s[lo:hi]
    own = _names_project(sentence, p)
    cues = _cues()
    if not own:
        if cues["comparison"].search(sentence):
            return COMPARISON
        if cues["national"].search(sentence):
            return NATIONAL
        if cues["countries"].search(sentence):
            return FOREIGN
        if any(_names_project(sentence, o) for o in others if _squash(o.name) != _squash(p.name)
               and not (o.scope[0] <= p.scope[0] and p.scope[1] <= o.scope[1])):
            return OTHER_PROJECT
    return None


def attribute(ctx: _Context, projects: list[_Project]) -> None:
    """Keep on each project only its own amounts; the others go to ``p.excluded`` with a reason."""
    notes = footnote_spans(ctx.s)
    counted_spans: set[tuple[int, int]] = set()
    counted_sentences: set[tuple[str, object]] = set()
    cues = _cues()
    for p in projects:
        keep, excluded = [], list(p.excluded)
        others = [o for o in projects if o is not p]
        for a, role in p.amounts:
            reason = _reason(ctx, p, a, notes, others)
            if reason is None:
                lo, hi = _sentence(ctx, a)
                sentence = ctx.s[lo:hi]
                shared = bool(cues["distributive"].search(sentence))
                said = (_squash(_clean(sentence)), a.value_eur)
                if not shared and ((a.start, a.end) in counted_spans or said in counted_sentences):
                    reason = COUNTED_ELSEWHERE
                elif (a.start, a.end) not in {(k.start, k.end) for k, _ in keep}:
                    counted_spans.add((a.start, a.end))
                    counted_sentences.add(said)
            if reason is None:
                keep.append((a, role))
            else:
                excluded.append((a, role, reason))
        p.amounts = keep
        p.excluded = excluded
