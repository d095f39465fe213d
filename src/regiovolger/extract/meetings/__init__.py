"""Meetings, attendance and agenda items.

A meeting is read from the head of its minutes ("Verslag ... d.d. maandag 6
juli 2020, 14.00-15.45 uur"; "Datum / Tijd / Locatie / Voorzitter" blocks),
of its agenda, or of a proposal's header ("Vergadering d.d. : ... / Agendapunt
: 3 / Onderwerp : ... / Portefeuillehouder : ..."). The same meeting announced
by an agenda and by each proposal is one meeting (same body and date).

Attendance comes from "Aanwezig", "Namens X:", "Afgemeld", "Afwezig (met
kennisgeving)", "Bericht van verhindering" blocks with roles and
"(tot 15.10 uur)" style limits, and from sentences in the minutes ("X verlaat
de vergadering", "X wordt vervangen door Y", "X is afwezig"). Redacted names
are skipped.

Agenda items are numbered headings ("1. Opening", "3 + 4", "4a", "Ad 3",
"2 | Spreekrecht", a number on its own line followed by the title), chosen as
the longest run of consecutive numbers so that numbered lists inside an item
are not mistaken for items.

Modules:
    common      vocabulary, item kinds, the meeting record being built
    header      title, body, date, times, location of a minutes/agenda head
    attendance  attendance blocks, roles, statuses
    events      attendance and chair from sentences; roll-call votes
    agenda      agenda items, their sections, kinds and proposals
    proposal    proposal headers and the meeting/item they announce
    assemble    extract_meetings: parts to meetings, merging, output
"""

from __future__ import annotations

from .assemble import MEETING_PARTS, extract_meetings
from .attendance import parse_attendance_block
from .common import kind_of
from .events import name_before
from .header import body_from_title, body_key, canonical_body
from .proposal import proposal_header

__all__ = [
    "MEETING_PARTS", "body_from_title", "body_key", "canonical_body", "extract_meetings", "kind_of", "name_before",
    "parse_attendance_block", "proposal_header",
]
