"""resolve: the pure rules of the resolve stage, no database.

The stage itself runs per stored file (``store.resolution.resolve_file``) and
looks up only the natural keys the file touches; these helpers decide what
matches:

- :func:`merge_meetings`: the records of one meeting (agenda, proposals, minutes) merged by body and date;
- :func:`same_body`, :func:`similarity`: body names and texts that agree;
- ``_referenced_date``: the date of the minutes an agenda item adopts ("Vaststellen verslag van 18 december").

Who a name denotes (person, office, group, body, municipality) is :mod:`regiovolger.actors`.
A reference is ``{"file": <sha256 or path>, "kind": ..., "id": ...}``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .extract.dates import find_dates

_WORD = re.compile(r"[a-z0-9]{3,}")
_STOPWORDS = {"het", "een", "van", "voor", "met", "die", "dat", "wordt", "worden", "zal", "zijn", "naar", "over",
              "ook", "nog", "bij", "aan", "door", "als", "deze", "den", "der", "des", "the", "and", "heeft", "hebben"}
MINUTES_WORDS = re.compile(r"\b(?:verslag|notulen|besluitenlijst|actielijst|verslagen)\b", re.I)
ACTION_WORDS = re.compile(r"\b(?:actie|acties|actiepunten|actielijst)\b", re.I)


def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _tokens(s: str | None) -> set[str]:
    return {w for w in _WORD.findall(_fold(s)) if w not in _STOPWORDS}


def similarity(a: str | None, b: str | None) -> float:
    """Jaccard similarity of content words."""
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def same_body(a: str | None, b: str | None) -> bool:
    """Bodies match when equal, one holds the other, or most words agree; unknown matches anything."""
    if not a or not b:
        return True
    ka, kb = re.sub(r"[^a-z0-9]", "", _fold(a)), re.sub(r"[^a-z0-9]", "", _fold(b))
    if ka == kb or ka in kb or kb in ka:
        return True
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= 0.6


def _file_id(ex: dict) -> str:
    src = ex.get("source") or {}
    return src.get("sha256") or src.get("path") or ""


# --------------------------------------------------------------------------- meetings

def merge_meetings(extractions: list[dict]) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Merge meetings of all files by body and date; returns (meetings, (file, local id) -> merged id)."""
    merged: list[dict] = []
    index: dict[tuple[str, str], str] = {}
    for ex in extractions:
        f = _file_id(ex)
        for m in ex.get("meetings", []):
            target = None
            if m.get("date"):
                target = next((o for o in merged if o["date"] == m["date"] and same_body(o["body"], m.get("body"))),
                              None)
            if target is None:
                target = {"id": f"M{len(merged) + 1}", "body": m.get("body"), "date": m.get("date"),
                          "start_time": None, "end_time": None, "location": None, "chair": None,
                          "minute_taker": None, "attendees": [], "mentions": []}
                merged.append(target)
            sources = m.get("sources") or []
            is_minutes = "minutes" in sources
            for k in ("start_time", "end_time", "location", "chair", "minute_taker"):
                if m.get(k) and (not target[k] or is_minutes):
                    target[k] = m[k]
            if m.get("body") and (not target["body"] or len(m["body"]) > len(target["body"])):
                target["body"] = m["body"]
            if m.get("attendees") and (is_minutes or not target["attendees"]):
                target["attendees"] = m["attendees"]
            target["mentions"].append({"file": f, "meeting": m["id"], "documents": m.get("documents") or
                                       ([m["document"]] if m.get("document") else []), "sources": sources,
                                       "evidence": m.get("evidence")})
            index[(f, m["id"])] = target["id"]
    return merged, index


def _referenced_date(text: str, meeting_date: dt.date | None) -> dt.date | None:
    """The date of the minutes an item refers to; a date without year lies before the meeting."""
    year = meeting_date.year if meeting_date else None
    for d in find_dates(text, default_year=year):
        if not d.date:
            continue
        day = d.date
        if meeting_date and day >= meeting_date and not re.search(r"(?:19|20)\d\d", d.text):
            day = day.replace(year=day.year - 1)
        return day
    return None


__all__ = ["merge_meetings", "same_body", "similarity", "MINUTES_WORDS", "ACTION_WORDS"]
