"""Text helpers shared by the meeting-fact readers (decisions, actions, commitments, key dates).

Sentence spans of PDF-wrapped text, lines, whitespace cleaning as facts quote
text, and dates completed with the year of the meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import MONTHS, WRITTEN
from ..document import Part, Text
from .dates import DateMatch, find_dates

# tokens ending in a full stop that do not end a sentence
ABBREVIATIONS = {
    "o.a", "i.r.t", "t.a.v", "n.b", "d.d", "jl", "j.l", "e.v", "bijv", "bv", "m.b.t", "i.v.m", "z.s.m", "c.q",
    "e.e.a", "incl", "excl", "nr", "resp", "ca", "evt", "mr", "drs", "dr", "ir", "ing", "prof", "dhr", "mevr",
    "mw", "tel", "t.b.v", "vs", "art", "min", "max", "m.i.v", "p.m", "a.s", "t.z.t", "v.w.b", "zgn", "o.b.v",
    "blz", "pag", "vgl", "enz", "etc", "d.w.z", "i.p.v", "m.n", "t/m", "st", "ds", "bc", "ca", "aug", "sept",
    "okt", "nov", "dec", "jan", "feb", "febr", "mrt", "apr", "jun", "jul", "wo", "ma", "di", "do", "vr", "za",
    "zo", "ovb", "o.v.b", "n.t.b", "vz", "secr",
}
BULLET = re.compile(r"[ \t]*(?:[•◦▪●○■□➢►\-–—*·]|\(?\d{1,2}[a-z]?[.)](?!\d)|\(?[a-z][.)](?=\s)|\(?[A-Z]\)(?=\s)|Ad\s+\d+[a-z]?\b)\s*")
# the marker of a list point ("•", "-", "1.", "a)") and a clause with an infinitive ("In te stemmen met …",
# "Te starten met …"; not "te Hoogmade"): a decision's points are written so
LIST_MARKER = re.compile(r"[ \t]*(?:[•◦▪●\-–*]|\d{1,2}[.)]|[a-z][.)])[ \t]+")
INFINITIVE_CLAUSE = re.compile(r"\b[Tt]e\s+[a-zà-ÿ]{3,}")
BLANK = re.compile(r"[ \t\f\xa0]*$")
SALUTATION_LINE = re.compile(r"[ \t]*(?:(?:hoog)?geachte|beste|lieve)\b[^\n.]{0,80},[ \t]*$", re.I)


# a word broken at the end of a line ("uit-⏎komst"); "noord- en zuidkant" and "Brummel-⏎Zuid" stay
HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿ])-[ \t]*\n[ \t]*(?=[a-zà-ÿ])(?!(?:en|of|tot|t/m)\b)")


def clean(s: str) -> str:
    """Whitespace collapsed and line-break hyphens joined, as facts quote text."""
    return re.sub(r"\s+", " ", HYPHEN_BREAK.sub("", s)).strip()


def lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every line in ``text[start:end]``, without the newline."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def is_blank(text: str, s: int, e: int) -> bool:
    return not text[s:e].strip(" \t\f\xa0\u200b")


def _ends_sentence(text: str, i: int) -> bool:
    """Is the '.' at ``text[i]`` the end of a sentence (not an initial or abbreviation)?"""
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"'“‘":
        j -= 1
    token = text[j:i].lower()
    if token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS:
        return False
    if re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):  # an initial ("J.") or "N.B"
        return False
    if re.fullmatch(r"\d{1,2}", token) and not text[text.rfind("\n", 0, j) + 1:j].strip():
        return False  # "1." numbering a list item
    return True


def _next_is_item(text: str, line_spans: list[tuple[int, int]], idx: int) -> bool:
    for ns, ne in line_spans[idx + 1:]:
        if not is_blank(text, ns, ne):
            m = BULLET.match(text[ns:ne])
            return bool(m and m.end() > 0) or bool(re.match(r"\s*\d{1,2}\s*$", text[ns:ne]))
    return True


# a sentence glued to the full stop before it starts with a word sentences start with ("begroting.De sporthal");
# a full stop inside a name ("Zuid.Holland", "Stad.Nu") does not
_GLUED_START = (r"(?:De|Het|Een|Dit|Deze|Die|Dat|Er|In|Op|Om|Met|Voor|Na|Bij|Ook|Wij|We|Zij|Hij|Ze|Daarnaast|Daarom|"
                r"Verder|Tot|Vanaf|Als|Volgens|Vorige|Volgende|Komende|Naast|Door|Omdat|Wethouder|Burgemeester)\b")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence-like spans of ``text[start:end]``, trimmed.

    PDF text wraps lines mid-sentence, so a line break alone does not end a
    sentence; a blank line, a list marker at the start of a line, a short
    line without end punctuation (a heading) and sentence punctuation do.
    """
    spans: list[tuple[int, int]] = []
    cur: int | None = None
    line_spans = lines(text, start, end)
    for idx, (ls, le) in enumerate(line_spans):
        if is_blank(text, ls, le):
            if cur is not None:
                so_far = text[cur:ls].rstrip()
                # double-spaced PDF text: a blank line inside a running sentence
                last_line = text[text.rfind("\n", 0, max(ls - 1, 0)) + 1:ls].rstrip()
                if (len(so_far) > 60 or len(last_line) > 60) and so_far[-1:] not in ".!?:;" \
                        and not _next_is_item(text, line_spans, idx):
                    continue
                spans.append((cur, ls))
                cur = None
            continue
        line = text[ls:le]
        bullet = BULLET.match(line)
        if bullet and bullet.end() > len(line) - len(line.lstrip()) and cur is not None:
            spans.append((cur, ls))
            cur = None
        if SALUTATION_LINE.match(line):
            # "Geachte leden van de raad," stands apart from the letter head and the body
            if cur is not None:
                spans.append((cur, ls))
            spans.append((ls, le))
            cur = None
            continue
        if cur is None:
            cur = ls
        # split inside the line at sentence punctuation
        # (also a full stop glued to the next sentence, as web pages lose the space: "… de begroting.De sporthal")
        for m in re.finditer(r"[.!?;](?=[\s\"”’)]*(?:\s|$))|(?<=[a-zà-ÿ]{2})[.!?](?=" + _GLUED_START + r")", line):
            i = ls + m.start()
            if text[i] == "." and not _ends_sentence(text, i):
                continue
            after = text[i + 1:le].lstrip(" \"”’)")
            nxt_line = ""
            if not after:
                for ns, ne in line_spans[idx + 1:]:
                    if not is_blank(text, ns, ne):
                        nxt_line = text[ns:ne].lstrip()
                    break
                first = nxt_line[:1]
            else:
                first = after[:1]
            if first and first.islower():
                continue
            stop = i + 1
            while stop < le and text[stop] in "\"”’)":
                stop += 1
            spans.append((cur, stop))
            cur = stop
        # "... brengen. Actie allen" ends what it marks, also without a full stop
        if cur is not None and re.search(r"(?<![\w-])[Aa]ctie\b[^.\n]{0,40}$", line) and idx + 1 < len(line_spans):
            spans.append((cur, le))
            cur = None
            continue
        # a heading: a short line without end punctuation before a capitalised line
        stripped = line.rstrip()
        if cur is not None and stripped and stripped[-1] not in ".,;:!?-(" and idx + 1 < len(line_spans):
            ns, ne = line_spans[idx + 1]
            nxt = text[ns:ne].lstrip()
            short = len(stripped) < 60
            opener = re.match(r"(?:Het|De|Een|Er|In|Op|Naar|Na|Bij|Door|Voor|Ook|Daarna|Daarop|Dit|Deze)\s", nxt)
            if nxt[:1].isupper() and (short or (opener and len(text[cur:le].split()) <= 16)):
                spans.append((cur, le))
                cur = None
    if cur is not None:
        spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s] in " \t\n\f\xa0":
            s += 1
        while e > s and text[e - 1] in " \t\n\f\xa0":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def part_year_month(part: Part | None) -> tuple[int | None, int | None]:
    if part and part.date:
        try:
            d = dt.date.fromisoformat(part.date)
            return d.year, d.month
        except ValueError:
            pass
    return None, None


@dataclass
class When:
    """A date as found: ISO date when the day is known, the text as written."""
    date: str | None
    text: str
    start: int
    end: int
    tentative: bool = False
    match: DateMatch | None = None


# "op 10 juli a.s.", "dinsdag 13 mei aanstaande": a day announced as still to come
ANNOUNCED = re.compile(r"(?i)\s*(?:a\.?s\.?|aanstaande)(?!\w)")
_YEAR_WORD = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_WEEKDAY = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}


@lru_cache(maxsize=32)
def weekday_year(text: str, start: int, end: int) -> int | None:
    """The year a text without a date of its own writes about, told by its weekdays: "donderdag 8 juni" in a text
    that speaks of "Kadernota 2018" is 8 June 2017, the one year near the years it names on which 8 June is a
    Thursday. None unless exactly one year fits every weekday-dated day."""
    seg = text[start:end]
    years = {int(y) for y in _YEAR_WORD.findall(seg)}
    if not years:
        return None
    near = range(min(years) - 1, max(years) + 2)
    fits: set[int] | None = None
    for m in WRITTEN.finditer(seg):
        weekday = _WEEKDAY.get(m.group(0)[:2].lower())
        if m["year"] or weekday is None or not m.group(0)[:1].isalpha():
            continue
        month, day = MONTHS[m["month"].lower()], int(m["day"])
        ok = set()
        for y in near:
            try:
                if dt.date(y, month, day).weekday() == weekday:
                    ok.add(y)
            except ValueError:
                pass
        fits = ok if fits is None else fits & ok
    return next(iter(fits)) if fits and len(fits) == 1 else None


def complete(m: DateMatch, part: Part | None, base: int = 0, past: bool = False,
             year_hint: int | None = None) -> When:
    """A found date, its year completed from the part's date when it was left out.

    The year is that of the part's (meeting's) date; a month earlier than the
    meeting's month lies in the next year ("9 januari" in minutes of December).
    Without a part date, a year the text's weekdays tell (``weekday_year``).
    """
    date = m.date
    if date is None and m.day and m.month and m.year is None:
        year, month = part_year_month(part)
        year = year or year_hint
        if year:
            if month and m.month < month and not past:
                year += 1
            elif month and m.month > month and past:
                year -= 1  # a date looked back on ("16 oktober jl.") lies before the document
            try:
                date = dt.date(year, m.month, m.day)
            except ValueError:
                date = None
    return When(date.isoformat() if date else None, m.text, base + m.start, base + m.end, m.tentative, m)


def dates_in(text: str, start: int, end: int, part: Part | None, past: bool = False) -> list[When]:
    found = find_dates(text[start:end])
    hint = None
    if part is not None and not part.date and any(m.date is None and m.day and m.year is None for m in found):
        hint = weekday_year(text, part.start, part.end)
    return [complete(m, part, start, past, hint) for m in found]


def parts_of(parts: list[Part], text: Text) -> list[Part]:
    """The parts to scan; one whole-text part when segmentation gave none."""
    if parts:
        return parts
    return [Part(id="p1", type="other", title=None, date=None, organisation=None, start=0, end=len(text.text))]
