"""Meetings a news item or a party's report tells about: "Raadsvergadering 28 juni 2018" as its heading,
"De raad heeft hierover donderdagavond vergaderd", "Donderdag besloot de meerderheid van de raad dat …".

Such a text is no record of the meeting, but a reader looking for what a council did wants the meeting it
reports, with the people it quotes or names as taking part. Without a date in the text the meeting has none.
"""

from __future__ import annotations

import re

from ...document import Part
from ..dates import find_dates
from ..names import NAME_PATTERN, clean_name, looks_like_name
from .common import _Meeting
from .events import _events

_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:avond|middag|ochtend|nacht)?"
_BODY = r"(?P<body>(?:gemeente|provincie)?raad|provinciale\s+staten|algemeen\s+bestuur|verenigde\s+vergadering)"
# a heading naming the meeting and its date: "Raadsvergadering 28 juni 2018", "Vergadering gemeenteraad 3 maart"
HEADING = re.compile(r"^[ \t]*(?P<body>[\w-]*vergadering(?:\s+(?:van\s+)?(?:de\s+|het\s+)?[\w-]+){0,3}?)\s+(?:van\s+)?"
                     r"(?P<date>\d{1,2}\s+\w+\s+\d{4})[ \t]*$", re.I | re.M)
# sentences telling the body met or decided on a day
TOLD = [re.compile(p, re.I) for p in (
    rf"\b(?:de\s+)?{_BODY}\b(?:\s+van\s+[A-Z][\w'’-]+)?\s+(?:heeft|hebben)\b[^.\n]{{0,60}}?\bvergaderd\b",
    rf"\b{_WEEKDAY}\s+(?:besloot|besloten|stemde|stemden|vergaderde|vergaderden|koos|nam|wees|verwierp)\s+"
    rf"(?:de\s+)?(?:meerderheid\s+van\s+de\s+)?{_BODY}\b",
    rf"\b(?:de\s+)?{_BODY}(?:\s+van\s+[A-Z][\w'’-]+)?\s+(?:besloot|stemde|nam|vergaderde|koos|wees|verwierp)\s+"
    rf"(?:\w+\s+){{0,2}}?{_WEEKDAY}\b",
)]


# the people a report names as taking part: "wethouder Paul Sanders", "T@b-raadslid Robert Philippo", and a
# speaker named with their party at the start of a sentence ("Kees de Vries van het CDA vroeg …")
ROLE_NAME = re.compile(rf"\b(?:[\w@&'’/]+-)?(?P<role>raadslid|wethouder|burgemeester|fractievoorzitter|statenlid|gedeputeerde"
                       rf"|commissielid|dijkgraaf|heemraad)\s+(?P<name>{NAME_PATTERN})")
PARTY_SPEAKER = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>{NAME_PATTERN})\s+(?:\((?P<p1>[^()\n]{{2,20}})\)|van\s+(?:het|de)\s+"
                           rf"(?P<p2>[A-Z][\w@&'’-]*(?:/[A-Z][\w@&'’-]*)?))\s+(?:vroeg|vond|zei|zegt|stelde|wilde|pleitte|"
                           rf"merkte|benadrukte|noemde|vindt|stelt|vraagt|diende|sprak|reageerde|wees|was)\b", re.M)


def _named_people(t: str, part: Part) -> list[dict]:
    people: dict[str, dict] = {}
    for rx in (ROLE_NAME, PARTY_SPEAKER):
        for m in rx.finditer(t, part.start, part.end):
            name = clean_name(m.group("name"))
            if not looks_like_name(name) or len(name.split()) < 2 or name in people:
                continue
            role = m.groupdict().get("role")
            org = m.groupdict().get("p1") or m.groupdict().get("p2")
            people[name] = {"name": name, "role": role.lower() if role else None, "organisation": org,
                            "status": "present", "until": None, "from": None}
    return list(people.values())


def reported_meeting(t: str, part: Part) -> _Meeting | None:
    """The meeting a report or news item tells about, or None."""
    head = HEADING.search(t, part.start, min(part.end, part.start + 300))
    told = min((m for rx in TOLD if (m := rx.search(t, part.start, part.end))), key=lambda m: m.start(), default=None)
    if not (head or told):
        return None
    date = None
    if head:
        found = find_dates(head.group("date"))
        date = found[0].date.isoformat() if found and found[0].date else None
        body = head.group("body")
        start, end = head.start("body"), head.end()
    else:
        body = told.group("body") or "raad"
        start, end = told.start(), told.end()
    body = re.sub(r"\s+", " ", body).strip()
    if re.fullmatch(r"(?i)raad(?:svergadering)?", body):
        body = "gemeenteraad"
    m = _Meeting(body=body.lower() if body.lower() == "gemeenteraad" else body, date=date, start=start, end=end,
                 span_start=part.start, span_end=part.end, document=part.id, source="report",
                 documents=[part.id], sources=["report"])
    m.attendees = _named_people(t, part)
    m.attendees += _events(t, part.start, part.end, m.attendees, speakers=True)
    return m
