"""Title, date, issuing body and confidentiality marking of a part."""

from __future__ import annotations

import re

from regiovolger.dates import parse_iso as parse_dutch_date
from .marks import find_mark, mark_anywhere, setting, solo_mark
from .lines import _MEETING_DATE_LABEL, _ORG, _PROCEDURAL, _SECTION_WORDS, _SIGNED_ORG, _Cand, _Doc, _Line

def _field_values(doc: _Doc, a: int, b: int) -> dict[str, str]:
    """Header fields in a part's head: inline "Label: value" and column layouts
    (labels on consecutive lines, then the values each starting with ':')."""
    nb = [ln for ln in doc.lines[a:b] if not ln.blank][:40]
    vals: dict[str, str] = {}
    k = 0
    while k < len(nb):
        ln = nb[k]
        # "Label: value", or a capitalised letter-head label and a short value ("Betreft  Voortgang ...")
        m = re.match(r"^([A-Za-zÀ-ÿ().\s-]{2,40}?)\s*:\s*(\S.*)$", ln.s) or re.match(
            r"^(Datum|Betreft|Onderwerp|Kenmerk|Ons kenmerk|Uw kenmerk|Onze referentie)\s+(\S.{0,100})$", ln.s)
        if m:
            key = m.group(1).strip().lower()
            vals.setdefault(key, m.group(2).strip())
            k += 1
            continue
        # column layout
        labels = []
        j = k
        while j < len(nb) and re.match(r"^[A-Za-zÀ-ÿ().\s-]{2,40}$", nb[j].s) and ("pfield" in nb[j].tags or
                                                                                 "label" in nb[j].tags):
            labels.append(nb[j].s.strip().lower())
            j += 1
        if len(labels) >= 2:
            values = []
            while j < len(nb) and nb[j].s.startswith(":") and len(values) < len(labels):
                values.append(nb[j].s[1:].strip())
                j += 1
            if len(values) == len(labels):
                for lab, v in zip(labels, values):
                    vals.setdefault(lab, v)
                k = j
                continue
        # label on its own line, value on the next ("Datum\n20 december 2024")
        if ln.s.lower() in ("datum", "onderwerp", "betreft", "kenmerk", "ons kenmerk") and k + 1 < len(nb):
            vals.setdefault(ln.s.lower(), nb[k + 1].s)
            k += 2
            continue
        k += 1
    return vals


# "Zwolle, 12 oktober 2023": where and when a letter or press release was written, not its title
_DATELINE = re.compile(r"^[A-Z][\w' -]{1,30},\s*(\w+dag\s+)?\d{1,2}\s+[a-z]+\.?\s+\d{4}\s*$")


MAX_TITLE = 160


def _clean_title(s: str) -> str:
    t = s.replace("_", " ")
    t = re.sub(r"\s+", " ", t).strip(" \t-–—:|*•·")
    if len(t) > MAX_TITLE:
        # a page flattened to one line: its first sentence is the title
        t = re.split(r"(?<=[.!?])\s", t, maxsplit=1)[0]
        t = t if len(t) <= MAX_TITLE else t[:MAX_TITLE].rsplit(" ", 1)[0] + " …"
    return t


def _title(doc: _Doc, a: int, b: int, typ: str, cand: _Cand | None, fields: dict[str, str]) -> str | None:
    if typ not in ("agenda", "minutes", "decision_list", "action_list"):
        # the subject line names the document ("Onderwerp: ..."); a meeting's record takes the meeting's name
        for key in ("onderwerp", "betreft"):
            v = fields.get(key)
            if v and 2 < len(v) <= 160:
                return _clean_title(v)
    lead = next((ln for ln in doc.lines[a:b] if not ln.blank and not ln.tags & {"page", "url"}), None)
    if lead is not None and "titlelike" in lead.tags and (
            (lead.title_type and not lead.title_anywhere) or parse_dutch_date(lead.s)):
        return _clean_title(lead.s)
    if cand and cand.title_line is not None and a <= cand.title_line < b:
        return _clean_title(doc.lines[cand.title_line].s)
    seen = 0
    options: list[_Line] = []
    for ln in doc.lines[a:b]:
        if ln.blank:
            continue
        seen += 1
        if seen > 8:
            break
        t = ln.tags
        if "page" in t or "url" in t or "marking" in t or "label" in t or "pfield" in t:
            continue
        if ("mfield" in t and ":" in ln.s) or ln.s.startswith("(") or ("form" in t and not ln.title_type):
            continue
        if _PROCEDURAL.match(ln.s) or _ORG.match(ln.s) or _SECTION_WORDS.match(ln.s) or _DATELINE.match(ln.s):
            continue
        if "numbered" in t and not ln.title_type:
            continue
        if "titlelike" in t and len(ln.s) <= 120:
            options.append(ln)
        elif len(ln.s) > 60:
            break
    if not options:
        return None
    first = options[0]
    if first.idx == next((ln.idx for ln in doc.lines[a:b] if not ln.blank), -1) and (
            first.title_type or parse_dutch_date(first.s)):
        return _clean_title(first.s)
    for ln in options:
        if ln.title_type and not ln.title_anywhere:
            return _clean_title(ln.s)
    return _clean_title(first.s)


def _date(doc: _Doc, a: int, b: int, typ: str, fields: dict[str, str], title: str | None) -> str | None:
    for key in ("vergadering d.d.", "vergadering dd", "datum vergadering", "vergaderdatum", "vergadering",
                "raadsvergadering", "datum"):
        v = fields.get(key)
        if v:
            d = parse_dutch_date(v)
            if d:
                return d
    if title:
        d = parse_dutch_date(title)
        if d:
            return d
    nb = [ln for ln in doc.lines[a:b] if not ln.blank]
    meeting = typ in ("agenda", "minutes", "decision_list", "action_list", "proposal")
    for k, ln in enumerate(nb[:12]):
        if "toc" in ln.tags:
            continue
        head_line = k < 6 and "|" not in ln.s and "\t" not in ln.s and "numbered" not in ln.tags
        if (_MEETING_DATE_LABEL.match(ln.s) or re.search(r"\bd\.\s?d\.", ln.s)
                or (meeting and head_line and len(ln.s) <= 80)):
            d = parse_dutch_date(ln.s)
            if d:
                return d
    if typ in ("letter", "memo", "parliamentary_letter", "application_form", "assessment_report"):
        for k, ln in enumerate(nb):
            low = ln.s.lower()
            if low.startswith("datum"):
                d = parse_dutch_date(ln.s)
                if not d and low.strip(" :") == "datum" and k + 1 < len(nb):
                    d = parse_dutch_date(nb[k + 1].s)
                if d:
                    return d
            elif re.search(r"\bdatum\s*:", low):
                d = parse_dutch_date(ln.s[low.index("datum"):])
                if d:
                    return d
    # a line that is just a date, or "Plaats, 12 maart 2024"
    for ln in nb[:15]:
        if re.match(r"^([A-Z][\w' -]{1,30},\s*)?(\w+dag\s+)?\d{1,2}\s+[a-z]+\.?\s+\d{4}\s*$", ln.s):
            d = parse_dutch_date(ln.s)
            if d:
                return d
    return None


def _organisation(doc: _Doc, a: int, b: int) -> str | None:
    """The issuing body when a letterhead line or the signature names it; else None."""
    nb = [ln for ln in doc.lines[a:b] if not ln.blank]
    for ln in nb[:6]:
        if len(ln.s) <= 70 and _ORG.match(ln.s):
            return _clean_title(ln.s)
    for ln in reversed(nb):  # the signature (the last one: annexes may follow it)
        m = _SIGNED_ORG.match(ln.s)
        if m:
            s = ln.s.rstrip(" ,")
            mm = re.match(r"^de (minister|staatssecretaris) (van|voor) (.+)$", s, re.I)
            if mm and mm.group(2).lower() == "van":
                return "Ministerie van " + mm.group(3)
            if mm:
                continue
            s = re.sub(r"^(het )", "", s, flags=re.I)
            return s[0].upper() + s[1:]
    return None


def _confidential(doc: _Doc, a: int, b: int) -> bool:
    """Whether lines ``a:b`` are marked not for the public: in the head, at the top or bottom of
    any of its pages, on its title page, as a watermark, or in the reader's headers, footers,
    stamps and metadata (``Text.margins``) for its pages. Words: ``nl/data/confidentiality.toml``."""
    lines = [ln for ln in doc.lines[a:b] if not ln.blank]
    if not lines:
        return False
    if any("marking" in ln.tags or find_mark(ln.s, "stamp") for ln in lines[:15]):
        return True
    if any(solo_mark(ln.s) for ln in lines):
        return True  # a watermark or stamp in capitals, wherever the page puts it
    text = doc.text
    pages = [p for p in text.pages if p.start <= lines[-1].start and p.end >= lines[0].start] or text.pages
    edge = setting("edge_lines")
    for k, page in enumerate(pages):
        on_page = [ln for ln in lines if page.start <= ln.start <= page.end]
        looked = on_page[:setting("title_page_lines")] if k == 0 else on_page[:edge] + on_page[-edge:]
        if any(find_mark(ln.s, "stamp") for ln in looked):
            return True
    numbers = {p.number for p in pages}
    return any(mark_anywhere(m.text) for m in text.margins if m.page is None or m.page in numbers)
