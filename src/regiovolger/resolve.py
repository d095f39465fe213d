"""resolve: facts of several files -> entities and the links between them.

Pure functions over extraction dicts (the JSON contract of each file); no
database. The store calls :func:`resolve` with the extractions it holds and
writes the result.

- meetings: one per (body, date) across files; each keeps the files and
  meeting ids that mention it (agenda, proposals, minutes).
- people: one per human across files ("J. van Dam" = "Jan van Dam").
- links:
    agenda_of           agenda/proposal meeting record -> the minutes of the same meeting
    adopts_minutes      agenda item ("Vaststellen verslag van 18 december 2024") -> the earlier meeting,
                        and a later meeting -> minutes that say "Vastgesteld d.d. ..."
    action_followup     action of an earlier meeting -> the later agenda item that picks it up
                        ("Verslag + acties Dagelijks Bestuur 22 juni") or a later, similar action
    fulfils_commitment  a commitment a document says it fulfils -> the commitment made elsewhere

A reference is ``{"file": <sha256 or path>, "kind": ..., "id": ...}``; merged
meetings are ``{"kind": "meeting", "id": "M1"}``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .extract.dates import find_dates
from .extract.names import cluster_names, fullest

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


def _ref(file: str, kind: str, id_: str) -> dict:
    return {"file": file, "kind": kind, "id": id_}


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


def _meeting_date(merged: list[dict], mid: str | None) -> dt.date | None:
    m = next((x for x in merged if x["id"] == mid), None)
    return dt.date.fromisoformat(m["date"]) if m and m.get("date") else None


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


def _links(extractions: list[dict], merged: list[dict], index: dict) -> list[dict]:
    links: list[dict] = []
    # agenda_of: announcement and minutes of one meeting
    for m in merged:
        announced = [x for x in m["mentions"] if {"agenda", "proposal"} & set(x["sources"])]
        minutes = [x for x in m["mentions"] if "minutes" in x["sources"]]
        for a in announced:
            for b in minutes:
                if (a["file"], a["meeting"]) != (b["file"], b["meeting"]):
                    links.append({"kind": "agenda_of", "from": _ref(a["file"], "meeting", a["meeting"]),
                                  "to": _ref(b["file"], "meeting", b["meeting"]), "meeting": m["id"],
                                  "evidence": a.get("evidence")})
    # adopts_minutes via agenda items, then action_followup for items that also name the actions
    adopted: list[tuple[str, str, dict, str]] = []  # (file, item id, item, target merged id)
    for ex in extractions:
        f = _file_id(ex)
        for it in ex.get("agenda_items", []):
            text = " ".join(x for x in (it.get("title"), it.get("proposal")) if x)
            if not MINUTES_WORDS.search(text):
                continue
            here = index.get((f, it.get("meeting")))
            mdate = _meeting_date(merged, here)
            day = _referenced_date(text, mdate)
            if not day:
                continue
            body = next((x["body"] for x in merged if x["id"] == here), None)
            target = next((x for x in merged if x["date"] == day.isoformat() and x["id"] != here
                           and same_body(x["body"], body)), None)
            if target is None:
                continue
            links.append({"kind": "adopts_minutes", "from": _ref(f, "agenda_item", it["id"]),
                          "to": {"kind": "meeting", "id": target["id"]}, "meeting": here,
                          "evidence": it.get("evidence")})
            adopted.append((f, it["id"], it, target["id"]))
    # minutes that say when they were adopted ("Vastgesteld d.d. 29 januari 2025")
    for ex in extractions:
        f = _file_id(ex)
        for m in ex.get("meetings", []):
            if not m.get("adopted_on"):
                continue
            here = index.get((f, m["id"]))
            body = next((x["body"] for x in merged if x["id"] == here), None)
            later = next((x for x in merged if x["date"] == m["adopted_on"] and x["id"] != here
                          and same_body(x["body"], body)), None)
            if later and not any(link["kind"] == "adopts_minutes" and link["to"].get("id") == here
                                 and link.get("meeting") == later["id"] for link in links):
                links.append({"kind": "adopts_minutes", "from": {"kind": "meeting", "id": later["id"]},
                              "to": {"kind": "meeting", "id": here}, "meeting": later["id"],
                              "evidence": m.get("evidence")})
    actions = [(_file_id(ex), a) for ex in extractions for a in ex.get("actions", [])]
    for f, item_id, it, target in adopted:
        if not ACTION_WORDS.search(" ".join(x for x in (it.get("title"), it.get("proposal")) if x)):
            continue
        for af, a in actions:
            if index.get((af, a.get("meeting"))) == target:
                links.append({"kind": "action_followup", "from": _ref(af, "action", a["id"]),
                              "to": _ref(f, "agenda_item", item_id), "evidence": it.get("evidence")})
    # a later action that repeats an earlier one
    for i, (af, a) in enumerate(actions):
        da = _meeting_date(merged, index.get((af, a.get("meeting"))))
        for bf, b in actions[i + 1:]:
            db = _meeting_date(merged, index.get((bf, b.get("meeting"))))
            if not da or not db or da == db:
                continue
            first, later, ff, lf = (a, b, af, bf) if da < db else (b, a, bf, af)
            if similarity(first.get("text"), later.get("text")) >= 0.5:
                links.append({"kind": "action_followup", "from": _ref(ff, "action", first["id"]),
                              "to": _ref(lf, "action", later["id"]), "evidence": later.get("evidence")})
    # fulfils_commitment
    commitments = [(_file_id(ex), c) for ex in extractions for c in ex.get("commitments", [])]
    for f, c in commitments:
        if not c.get("fulfilled_here"):
            continue
        best, score = None, 0.0
        for g, d in commitments:
            if g == f or d.get("fulfilled_here"):
                continue
            s = similarity(c.get("text"), d.get("text"))
            if c.get("date_made") and c.get("date_made") == d.get("date_made"):
                s += 0.3
            if s > score:
                best, score = (g, d), s
        if best and score >= 0.35:
            links.append({"kind": "fulfils_commitment", "from": _ref(f, "commitment", c.get("id", "")),
                          "to": _ref(best[0], "commitment", best[1].get("id", "")), "evidence": c.get("evidence")})
    return links


# --------------------------------------------------------------------------- people

def merge_people(extractions: list[dict]) -> list[dict]:
    """One person across files: names and aliases of all files clustered together."""
    entries: list[tuple[str, dict]] = [(_file_id(ex), p) for ex in extractions for p in ex.get("people", [])]
    names = []
    for _, p in entries:
        names.append(p["name"])
    groups = cluster_names(names)
    out: list[dict] = []
    for group in groups:
        members = [(f, p) for f, p in entries if p["name"] in group]
        if not members:
            continue
        forms = set(group)
        for _, p in members:
            forms.update(p.get("aliases") or [])
        name = fullest(list(forms))
        titles: list[str] = []
        roles: list[dict] = []
        for _, p in members:
            for t in p.get("titles") or []:
                if t not in titles:
                    titles.append(t)
            for r in p.get("roles") or []:
                if r not in roles:
                    roles.append(r)
        out.append({"name": name, "aliases": sorted(x for x in forms if x != name), "titles": titles,
                    "roles": roles,
                    "mentions": [{"file": f, "name": p["name"], "evidence": p.get("evidence")} for f, p in members]})
    return out


def resolve(extractions: list[dict]) -> dict:
    """Meetings and people merged across files, and the links between facts of different meetings."""
    meetings, index = merge_meetings(extractions)
    return {"meetings": meetings, "people": merge_people(extractions), "links": _links(extractions, meetings, index)}


__all__ = ["resolve", "merge_meetings", "merge_people", "same_body", "similarity"]
