"""Attendance read from its honorifics, for lists that lost their line structure.

A web transcription or a two-column PDF often gives an attendance list as one long line:
"Aanwezig: Gemeente A, de heer I. Jansen Gemeente B, mevrouw K. de Vries (secretaris) …". The
list reader splits on commas and lines and finds little there; every person is still introduced by
an honorific ("de heer", "mevrouw", "mw.", "dhr."), which anchors the name. The words between one
person and the next honorific name the organisation the next person represents.
"""

from __future__ import annotations

import re

from ..names import LOWER, UPPER, clean_name

_HONORIFIC = r"(?i:de\s+heer|mevrouw|mevr\.|mw\.|dhr\.|de\s+hr\.|hr\.)"
_TITLES = r"(?i:(?:drs|mr|ir|dr|prof|ing|ds)\.\s*)*"
_INITIALS = r"(?:(?:IJ|Th|Chr|Ph|[A-Z])\.\s?){1,5}"
_PARTICLES = r"(?:(?:van|de|der|den|ter|ten|te|het|in|op|von|la|le|du|da|d'|'t|’t|Van|De|Der|Den|Ter|Ten|In|Op)\s+){0,3}"
_WORD = rf"[{UPPER}][{LOWER}'’]+(?:-(?:(?:van|de|der|den|ter|ten|te)\s)*[{UPPER}][{LOWER}'’]+)*"
# initials and surname; or a first name and a surname that ends the entry; or a bare surname
_NAME = (rf"(?:{_INITIALS}\s*{_PARTICLES}{_WORD}"
         rf"|{_WORD}\s+{_PARTICLES}{_WORD}(?=\s*(?:[,;(]|\s(?:en|tot|vanaf)\s|$))"
         rf"|{_PARTICLES}{_WORD})")
_PERSON = re.compile(rf"(?<![\w.]){_HONORIFIC}\s+{_TITLES}(?P<name>{_NAME})")
# a role in brackets right after the name, or after a comma: "(directeur a.i.)", ", voorzitter"
_ROLE_AFTER = re.compile(r"\s*(?:\((?P<paren>[^()]{2,60})\)|,\s*(?P<comma>voorzitter|secretaris|griffier|notulist[e]?|"
                         r"wethouder|gedeputeerde|burgemeester|plaatsvervangend\s+voorzitter)\b)", re.I)
# "(wordt vervangen door mw. Y)": a stand-in named after the member they replace
STAND_IN = re.compile(r"(?i)(?:wordt\s+|werd\s+)?(?:vervangen|waargenomen)\s+door\s+(?P<who>.+?)\s*$")
# what stands between two people is an organisation when it is a short capitalised phrase
_ORG = re.compile(r"^[,;.\s]*(?P<org>[A-ZÀ-Ý][\w&'’.-]*(?:\s+(?:[A-ZÀ-Ý][\w&'’.-]*|van|voor|de|en|het|der)){0,5})\s*,?\s*$")


# initials and a surname anchor a name as well ("F.A.L. Polsbroek, N.C. Portegijs R. Verheuvel* M. Haak*")
_INITIALED = re.compile(rf"(?<![\w.]){_TITLES}(?P<name>{_INITIALS}\s*{_PARTICLES}{_WORD})")


def count_initialed(block: str) -> int:
    return sum(1 for _ in _INITIALED.finditer(block))


def initialed_people(block: str, status: str, organisation: str | None = None) -> list[dict]:
    """One attendee per name written with its initials, for a list whose separators were lost."""
    return [{"name": clean_name(m.group("name")), "role": None, "organisation": organisation, "status": status,
             "until": None, "from": None} for m in _INITIALED.finditer(block)]


def count_honorifics(block: str) -> int:
    return sum(1 for _ in _PERSON.finditer(block))


def anchored_people(block: str, status: str, organisation: str | None = None) -> list[dict]:
    """One attendee per honorific-introduced name, with the organisation written before it."""
    people: list[dict] = []
    last_end = 0
    stand_in_spans: list[tuple[int, int]] = []
    for m in _PERSON.finditer(block):
        name = m.group("name")
        if any(a <= m.start() < b for a, b in stand_in_spans):
            # "dhr. X (wordt vervangen door mw. Y)": Y was there in X's place
            people.append({"name": clean_name(name), "role": None, "organisation": people[-1]["organisation"],
                           "status": "present", "until": None, "from": None})
            continue
        between = block[last_end:m.start()]
        org_match = _ORG.match(between)
        org = org_match.group("org").strip() if org_match and between.strip(" ,;.") else None
        end = m.end()
        role = None
        after = _ROLE_AFTER.match(block, end)
        if after:
            role = (after.group("paren") or after.group("comma")).strip().lower()
            end = after.end()
            if STAND_IN.match(role):
                role = None
                stand_in_spans.append((after.start(), after.end()))
        people.append({"name": clean_name(name), "role": role, "organisation": org or organisation,
                       "status": status, "until": None, "from": None})
        last_end = end
    return people


# "Aanwezige AB-leden gemeente X De heer …" without a colon, mid-line: the word opens the list all the same
_PRESENT_WORD = re.compile(r"(?i)\baanwezig(?:e|en)?\b(?:\s+[\w-]+){0,2}?\s*:?\s")
_ABSENT_WORD = re.compile(r"(?i)\b(?:afwezig|afgemeld|verhinderd|bericht\s+van\s+verhindering)\w*\b")
_LIST_END = re.compile(r"\n[ \t]*\n|\n[ \t]*\d{1,2}[.)]?[ \t]+[A-ZÀ-Ý]|#")


def unlabelled_attendance(t: str, start: int, end: int) -> tuple[list[dict], list[tuple[int, int]]]:
    """Attendees after a bare 'aanwezig(e)' word whose list holds at least three honorifics."""
    m = _PRESENT_WORD.search(t, start, end)
    if not m:
        return [], []
    stop = _LIST_END.search(t, m.end(), min(end, m.end() + 3000))
    list_end = stop.start() if stop else min(end, m.end() + 3000)
    absent = _ABSENT_WORD.search(t, m.end(), list_end)
    present_end = absent.start() if absent else list_end
    people = anchored_people(t[m.end():present_end], "present")
    if len(people) < 3:
        return [], []
    if absent:
        people += anchored_people(t[absent.end():list_end], "absent")
    return people, [(m.start(), list_end)]
