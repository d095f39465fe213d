"""Resolve one file's meetings and links against what is stored, by natural keys.

A meeting is one (body, date): the file's meeting records join the resolved
meeting of the same date whose body matches, or start one. Links are made only
where this file takes part, and each lookup goes through an indexed column
(date, body key), so the work does not grow with the size of the store:

- agenda_of: this file's agenda/proposal and another file's minutes of one meeting (or the reverse);
- adopts_minutes: this file's agenda item "Vaststellen verslag van <date>" -> the meeting of that date
  (kept with its date until that meeting arrives), and minutes that say "Vastgesteld d.d. <date>";
- action_followup: actions of an adopted meeting -> the item adopting them, and a similar action of the
  nearest earlier or later meetings of the same body;
- fulfils_commitment: a commitment this file says it fulfils <-> the commitment made elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re

from ..actors import body_key
from ..resolve import ACTION_WORDS, MINUTES_WORDS, _referenced_date, _tokens, merge_meetings, same_body, similarity
from .models import Fact, Link, MeetingSource, ResolvedMeeting, SourceFile

FACT_FIELDS = ("id", "kind", "data", "page", "start", "end", "quote", "file__id", "file__sha256", "part__id",
               "part__key")
NEAREST = 3  # meetings of the same body on either side compared for repeated actions


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def evidence_of(fact: Fact) -> dict:
    return {"document": fact.part.key if fact.part_id and fact.part else None, "page": fact.page,
            "start": fact.start, "end": fact.end, "quote": fact.quote}


def _as_extraction(sha: str, facts: list[Fact]) -> dict:
    """Facts of one file in the shape of its extraction contract, for the pure resolve helpers."""
    ex: dict = {"source": {"sha256": sha}}
    for f in facts:
        ex.setdefault(f.kind, []).append({**f.data, "evidence": evidence_of(f)})
    return ex


def _natural_key(body: str | None, date: str | None, local: str) -> str:
    base = re.sub(r"\W+", "-", (body or "onbekend").lower()).strip("-")[:200]
    return f"{base}/{date or local}"


def _ref(sha: str, kind: str, id_: str) -> dict:
    return {"file": sha, "kind": kind, "id": id_}


def recompute(meeting: ResolvedMeeting) -> None:
    """The merged fields of one meeting from the meeting records of its source files."""
    sources = list(meeting.sources.select_related("file").only("local_id", "file__id", "file__sha256"))
    wanted = {(s.file_id, s.local_id) for s in sources}
    facts = [f for f in Fact.objects.filter(kind="meetings", file__in={s.file_id for s in sources}).select_related(
        "part") if (f.file_id, f.data.get("id")) in wanted]
    by_file: dict[int, list[Fact]] = {}
    for f in facts:
        by_file.setdefault(f.file_id, []).append(f)
    shas = {s.file_id: s.file.sha256 for s in sources}
    merged, _index = merge_meetings([_as_extraction(shas[fid], fs) for fid, fs in sorted(by_file.items())])
    if merged:
        data = merged[0]
        for extra in merged[1:]:  # records joined by date and body may still differ a little: keep all mentions
            data["mentions"] += extra["mentions"]
        meeting.body = data.get("body") or meeting.body
        meeting.data = data
        meeting.save(update_fields=["body", "data"])


def resolve_meetings(f: SourceFile, facts: list[Fact]) -> dict[str, ResolvedMeeting]:
    """Attach the file's meeting records to resolved meetings; returns local meeting id -> resolved meeting."""
    out: dict[str, ResolvedMeeting] = {}
    for m in (x for x in facts if x.kind == "meetings" and x.data.get("id")):
        body = m.data.get("body") or m.data.get("organisation")
        date = _date(m.data.get("date"))
        target = None
        if date:
            target = next((c for c in ResolvedMeeting.objects.filter(date=date) if same_body(c.body, body)), None)
        if target is None:
            key = _natural_key(body, date.isoformat() if date else None, f"{f.sha256[:12]}-{m.data['id']}")
            target, _created = ResolvedMeeting.objects.get_or_create(
                key=key, defaults={"body": body, "body_key": body_key(body), "date": date, "data": {}})
        MeetingSource.objects.create(meeting=target, file=f, local_id=m.data["id"])
        out[m.data["id"]] = target
    for meeting in {m.id: m for m in out.values()}.values():
        recompute(meeting)
        _fill_pending(meeting)
    return out


def _link(kind: str, source: dict, target: dict, evidence, *, source_file=None, target_file=None,
          target_date=None, **data) -> Link:
    return Link(kind=kind, source=source, target=target, source_file=source_file, target_file=target_file,
                target_date=target_date, data={"kind": kind, "from": source, "to": target, "evidence": evidence, **data})


def _file_of(sha: str) -> SourceFile | None:
    return SourceFile.objects.filter(sha256=sha).only("id", "sha256").first()


def resolve_links(f: SourceFile, facts: list[Fact], here: dict[str, ResolvedMeeting]) -> int:
    """Links in which this file takes part; returns how many were made."""
    new: list[Link] = []
    sha = f.sha256
    # agenda_of: announcement and minutes of one meeting, one of them in this file
    for meeting in {m.id: m for m in here.values()}.values():
        mentions = (meeting.data or {}).get("mentions", [])
        announced = [x for x in mentions if {"agenda", "proposal"} & set(x.get("sources") or [])]
        minutes = [x for x in mentions if "minutes" in (x.get("sources") or [])]
        for a in announced:
            for b in minutes:
                if (a["file"], a["meeting"]) == (b["file"], b["meeting"]) or sha not in (a["file"], b["file"]):
                    continue
                other = _file_of(b["file"] if a["file"] == sha else a["file"])
                new.append(_link("agenda_of", _ref(a["file"], "meeting", a["meeting"]),
                                 _ref(b["file"], "meeting", b["meeting"]), a.get("evidence"), meeting=meeting.key,
                                 source_file=f if a["file"] == sha else other,
                                 target_file=f if b["file"] == sha else other))
    # adopts_minutes from this file's agenda items: to the meeting of the date they name, or pending
    for it in (x for x in facts if x.kind == "agenda_items"):
        text = " ".join(x for x in (it.data.get("title"), it.data.get("proposal")) if x)
        if not MINUTES_WORDS.search(text):
            continue
        meeting = here.get(it.data.get("meeting"))
        day = _referenced_date(text, meeting.date if meeting else None)
        if not day:
            continue
        body = meeting.body if meeting else None
        target = next((c for c in ResolvedMeeting.objects.filter(date=day) if same_body(c.body, body)
                       and (meeting is None or c.id != meeting.id)), None)
        link = _link("adopts_minutes", _ref(sha, "agenda_item", it.data.get("id", "")),
                     {"kind": "meeting", "id": target.key if target else ""}, evidence_of(it),
                     source_file=f, target_date=day, meeting=meeting.key if meeting else None, body=body,
                     pending=target is None, with_actions=bool(ACTION_WORDS.search(text)))
        new.append(link)
        if target is not None and link.data["with_actions"]:
            new += _followups(target, link)
    # minutes that say when they were adopted
    for m in (x for x in facts if x.kind == "meetings" and x.data.get("adopted_on")):
        mine = here.get(m.data.get("id"))
        day = _date(m.data.get("adopted_on"))
        later = next((c for c in ResolvedMeeting.objects.filter(date=day) if mine and c.id != mine.id
                      and same_body(c.body, mine.body)), None) if day else None
        if later and mine:
            new.append(_link("adopts_minutes", {"kind": "meeting", "id": later.key}, {"kind": "meeting", "id": mine.key},
                             evidence_of(m), target_file=f, target_date=mine.date, meeting=later.key))
    new += _repeated_actions(f, facts, here)
    new += _commitments(f, facts)
    Link.objects.bulk_create(new)
    return len(new)


def _followups(target: ResolvedMeeting, link: Link) -> list[Link]:
    """Actions of the adopted meeting -> the agenda item that adopts their list."""
    out = []
    for src in target.sources.select_related("file").only("local_id", "file__id", "file__sha256"):
        for a in Fact.objects.filter(file_id=src.file_id, kind="actions").select_related("part"):
            if a.data.get("meeting") == src.local_id:
                out.append(_link("action_followup", _ref(src.file.sha256, "action", a.data.get("id", "")), link.source,
                                 link.data.get("evidence"), source_file=src.file, target_file=link.source_file))
    return out


def _fill_pending(meeting: ResolvedMeeting) -> None:
    """Agenda items stored earlier that adopt the minutes of this meeting's date now point at it."""
    if not meeting.date:
        return
    for link in Link.objects.filter(kind="adopts_minutes", target_date=meeting.date).select_related(
            "source_file").only("id", "source", "target", "data", "source_file__id", "source_file__sha256"):
        if not link.data.get("pending") or not same_body(meeting.body, link.data.get("body")):
            continue
        link.target = {"kind": "meeting", "id": meeting.key}
        link.data = {**link.data, "to": link.target, "pending": False}
        link.save(update_fields=["target", "data"])
        if link.data.get("with_actions"):
            Link.objects.bulk_create(_followups(meeting, link))


def _repeated_actions(f: SourceFile, facts: list[Fact], here: dict[str, ResolvedMeeting]) -> list[Link]:
    """A later action that repeats an earlier one, among the nearest meetings of the same body."""
    out = []
    mine = [a for a in facts if a.kind == "actions" and here.get(a.data.get("meeting"))]
    for meeting in {here[a.data["meeting"]].id: here[a.data["meeting"]] for a in mine}.values():
        if not meeting.date:
            continue
        same = ResolvedMeeting.objects.filter(body_key=meeting.body_key).exclude(id=meeting.id)
        near = list(same.filter(date__lt=meeting.date).order_by("-date")[:NEAREST]) + \
            list(same.filter(date__gt=meeting.date).order_by("date")[:NEAREST])
        if not near:
            continue
        when = {m.id: m.date for m in near}
        sources = MeetingSource.objects.filter(meeting__in=near).exclude(file=f).select_related("file").only(
            "meeting_id", "local_id", "file__id", "file__sha256")
        local = {(s.file_id, s.local_id): (s.meeting_id, s.file) for s in sources}
        others = [(a, *local[(a.file_id, a.data.get("meeting"))]) for a in Fact.objects.filter(
            kind="actions", file__in={s.file_id for s in sources}).select_related("part")
            if (a.file_id, a.data.get("meeting")) in local]
        for a in (x for x in mine if here[x.data["meeting"]].id == meeting.id):
            for b, mid, bfile in others:
                if similarity(a.data.get("text"), b.data.get("text")) < 0.5:
                    continue
                ours = (_ref(f.sha256, "action", a.data.get("id", "")), f, a)
                theirs = (_ref(bfile.sha256, "action", b.data.get("id", "")), bfile, b)
                first, later = (theirs, ours) if when[mid] < meeting.date else (ours, theirs)
                out.append(_link("action_followup", first[0], later[0], evidence_of(later[2]),
                                 source_file=first[1], target_file=later[1]))
    return out


def _commitments(f: SourceFile, facts: list[Fact]) -> list[Link]:
    """A commitment this file says it fulfils <-> the commitment made elsewhere (best match, similarity >= 0.35)."""
    mine = [c for c in facts if c.kind == "commitments"]
    if not mine:
        return []
    out = []
    fulfilling = [c for c in mine if c.data.get("fulfilled_here")]
    # the file row without its text and extraction: only what a link needs
    candidates = Fact.objects.filter(kind="commitments").exclude(file=f).select_related("file", "part").only(
        *FACT_FIELDS)
    if fulfilling:  # rare (a memo that says it fulfils a commitment): compared with every commitment made
        others = list(candidates.exclude(data__fulfilled_here=True))
        cache: dict[int, set] = {}
        for c in fulfilling:
            best, score = _best(c, others, cache)
            if best is not None:
                out.append(_link("fulfils_commitment", _ref(f.sha256, "commitment", c.data.get("id", "")),
                                 _ref(best.file.sha256, "commitment", best.data.get("id", "")), evidence_of(c),
                                 source_file=f, target_file=best.file, score=round(score, 2)))
    made = [c for c in mine if not c.data.get("fulfilled_here")]
    if made:
        for d in candidates.filter(data__fulfilled_here=True):  # the few fulfilling ones, not every commitment
            best, score = _best(d, made)
            if best is not None:
                out.append(_link("fulfils_commitment", _ref(d.file.sha256, "commitment", d.data.get("id", "")),
                                 _ref(f.sha256, "commitment", best.data.get("id", "")), evidence_of(d),
                                 source_file=d.file, target_file=f, score=round(score, 2)))
    return out


def _best(c: Fact, others: list[Fact], cache: dict[int, set] | None = None) -> tuple[Fact | None, float]:
    best, score = None, 0.0
    cache = {} if cache is None else cache
    mine = _tokens(c.data.get("text"))
    for d in others:
        theirs = cache.get(d.id)
        if theirs is None:
            theirs = cache[d.id] = _tokens(d.data.get("text"))
        s = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0.0
        if c.data.get("date_made") and c.data.get("date_made") == d.data.get("date_made"):
            s += 0.3
        if s > score:
            best, score = d, s
    return (best, score) if score >= 0.35 else (None, score)
