"""People: one entry per human in a document.

Names are gathered from the facts already extracted (attendees, chairs,
minute takers, portfolio holders, contacts, action owners, commitment makers)
and from titled mentions in the text ("de heer J. Jansen", "wethouder
Kramer", "drs. L. de Groot", "J. van Dam"), then merged with
:func:`names.cluster_names` so "Sanne" = "Sanne Jansen" and "J. van Dam" =
"Jan van Dam". The fullest form is the name; titles ("drs.", "MBA") are
kept apart in "titles".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Part, Text
from .evidence import evidence
from .municipalities import lookup as municipality
from .names import NOT_INITIALS, _fold, clean_name, cluster_names, fullest, is_redacted, looks_like_name, split_titles

_P = r"(?:(?:van|de|der|den|ter|ten|te|het|in|op|'t|’t|De|Van|Der|Den|Ter|Ten)[ \t]{1,2}){0,3}"
# a double surname may hold particles after its hyphen ("Smit-van der Berg")
_W = (r"[A-ZÀ-ÝĲ][a-zà-ÿĳ'’]+(?:-(?:(?:van|de|der|den|ter|ten|te)[ \t])*[A-ZÀ-ÝĲ][a-zà-ÿĳ'’]+|"
      r"-[a-zà-ÿ][a-zà-ÿĳ'’]+)*")
# words of one name are one or two spaces apart; a wider gap is a table column ("Gedeputeerde     Toezegging")
_SP = r"[ \t]{1,2}"
_INIT = r"(?:[A-Z]\.[ \t]?){1,5}"
# the surname after initials may wrap onto the next line ("gedeputeerde H.\nZoet (A. Smit ...)"), but a word
# alone on its line is a heading ("energielabel G.\nRisico's\n" is no name)
_JOIN = r"(?:[ \t]*\n[ \t]*(?=[^\n]*?\S[ \t]+\S)|[ \t]*)"
_TITLES = r"(?<![\w.])(?:(?:drs|mr|ir|dr|prof|ing|ds)\.[ \t]*)+"
_POST = r"(?:\s+(?:MBA|MPM|MSc|MA|BSc|LLM|PhD|MPA|RA|EMIA))*"

# roles that may precede a bare surname ("wethouder Kramer")
STRONG_PREFIX = (r"de\s+heer|heer|mevrouw|mevr\.|mw\.|dhr\.|wethouder|gedeputeerde|burgemeester|statenlid|raadslid|"
                 r"minister|staatssecretaris|fractievoorzitter|commissaris\s+van\s+de\s+koning|dijkgraaf|"
                 r"loco-burgemeester")
# roles that need initials or a full name after them ("voorzitter Thematafel" is no person)
WEAK_PREFIX = (r"voorzitter|secretaris|griffier|directeur|projectleider|programmamanager|portefeuillehouder|"
               r"accounthouder|notulist|adviseur|coördinator|ambtenaar|gemeentesecretaris")
PREFIXED = re.compile(
    rf"(?i:\b(?P<pre>{STRONG_PREFIX}|{WEAK_PREFIX}))(?:{_SP}|[ \t]*\n[ \t]*)(?:{_TITLES})?"
    rf"(?P<name>{_INIT}{_JOIN}{_P}{_W}(?:{_SP}{_P}{_W})?|{_W}(?:{_SP}{_P}{_W})?|(?:De|Van|Ter|Ten)(?:{_SP}(?:der|den|de))?{_SP}{_W})")
TITLED = re.compile(rf"(?P<full>{_TITLES}(?P<name>{_INIT}{_JOIN}{_P}{_W}|{_W}{_SP}{_P}{_W}){_POST})")
INITIALS = re.compile(rf"(?<![\w.&-])(?P<name>{_INIT}{_JOIN}(?:(?:van|de|der|den|ter|ten|te|het|in|op)[ \t]+){{0,3}}{_W})")
POSTFIX = re.compile(
    rf"(?P<name>{_W}{_SP}{_P}{_W}|{_INIT}{_JOIN}{_P}{_W}),[ \t]+(?P<role>{STRONG_PREFIX}|{WEAK_PREFIX})\b(?![ \t]+Staten)"
    rf"(?:[ \t]+(?:van[ \t]+(?:de[ \t]+)?)?(?P<org>[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)?))?")
SIGNATURE = re.compile(r"met\s+(?:vriendelijke|hartelijke)\s+groet(?:en)?,?\s*\n(?:[ \t]*\n)*[ \t]*(?P<name>[^\n]{3,60})",
                       re.I)
ROLE_NORMAL = {"de heer": None, "heer": None, "mevrouw": None, "mevr.": None, "mw.": None, "dhr.": None}
SURNAME_STOP = {"staten", "kamer", "raad", "regio", "provincie", "gemeente", "college", "bestuur", "commissie",
                "overleg", "de", "het", "van", "zaken", "economie"}


def _is_person(name: str) -> bool:
    """Not a group, office, body or municipality ("Initiatiefnemers", "allen", "de provincie")."""
    from ..actors import PERSON, classify

    actor = classify(name)
    return actor is not None and actor.kind == PERSON


@dataclass
class _Mention:
    raw: str
    role: str | None
    organisation: str | None
    start: int
    end: int


def _locate(t: str, name: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    hi = len(t) if hi is None else hi
    i = t.find(name, lo, hi)
    if i == -1:
        i = t.find(name)
    return (i, i + len(name)) if i != -1 else None


def _from_result(t: str, result: dict) -> list[_Mention]:
    out: list[_Mention] = []
    meetings = {m["id"]: m for m in result.get("meetings", [])}
    for m in result.get("meetings", []):
        span = m.get("span") or {"start": 0, "end": len(t)}
        ev = m["evidence"]
        for a in m.get("attendees", []):
            loc = _locate(t, a["name"], span["start"], span["end"]) or (ev["start"], ev["end"])
            out.append(_Mention(a["name"], a.get("role"), a.get("organisation"), *loc))
        for key, role in (("chair", "voorzitter"), ("minute_taker", "notulist")):
            if m.get(key):
                loc = _locate(t, m[key], span["start"], span["end"]) or (ev["start"], ev["end"])
                out.append(_Mention(m[key], role, m.get("body"), *loc))
    for it in result.get("agenda_items", []):
        body = meetings.get(it.get("meeting"), {}).get("body")
        for key, role in (("portfolio_holder", "portefeuillehouder"), ("contact", "contactpersoon")):
            if it.get(key):
                loc = _locate(t, it[key]) or (it["evidence"]["start"], it["evidence"]["end"])
                out.append(_Mention(it[key], role, body if role == "portefeuillehouder" else None, *loc))
    for a in result.get("actions", []):
        for owner in a.get("owners", []) or []:
            if owner and looks_like_name(owner) and _is_person(owner):
                loc = _locate(t, owner, a["evidence"]["start"], a["evidence"]["end"] + 200) or \
                    (a["evidence"]["start"], a["evidence"]["end"])
                out.append(_Mention(owner, None, None, *loc))
    for c in result.get("commitments", []):
        who = c.get("made_by")
        if who:
            role = None
            m = re.match(rf"(?i)({STRONG_PREFIX}|{WEAK_PREFIX})\s+", who)
            if m:
                role = ROLE_NORMAL.get(m.group(1).lower(), m.group(1).lower())
                who = who[m.end():]
            if looks_like_name(who) and _is_person(who):
                loc = _locate(t, who) or (c["evidence"]["start"], c["evidence"]["end"])
                out.append(_Mention(who, role, None, *loc))
    return out


def _from_text(t: str) -> list[_Mention]:
    out: list[_Mention] = []
    taken: list[tuple[int, int]] = []

    def add(raw: str, role: str | None, s: int, e: int) -> None:
        name = clean_name(raw)
        if not looks_like_name(name) or is_redacted(raw):
            return
        last = _fold(name.split()[-1])
        if last in SURNAME_STOP or municipality(name):
            return
        if any(a <= s < b for a, b in taken):
            return
        # "Adviseur:" at the start of a line is a label, not a name
        if t[e:e + 3].lstrip(" \t").startswith(":") and not t[t.rfind("\n", 0, s) + 1:s].strip():
            return
        taken.append((s, e))
        out.append(_Mention(raw, role, None, s, e))

    for m in TITLED.finditer(t):
        add(m.group("full"), None, m.start(), m.end())
    for m in PREFIXED.finditer(t):
        pre = re.sub(r"\s+", " ", m.group("pre").lower())
        name = m.group("name")
        if m.group("pre").isupper() and len(m.group("pre")) <= 4:  # "100 MW. Daarbij": a unit, not "mw."
            continue
        weak = re.fullmatch(WEAK_PREFIX, pre) is not None
        has_init = re.match(_INIT, name) is not None
        if weak and not has_init:
            continue
        if not has_init and len(name.split()) == 1 and not re.fullmatch(STRONG_PREFIX, pre):
            continue
        # "Jan Smit (wethouder Eikenrode)": inside brackets after a name, a single word is the place
        if not has_init and len(name.split()) == 1 and re.search(r"\([^()\n]*$", t[max(0, m.start() - 80):m.start()]):
            continue
        role = ROLE_NORMAL.get(pre, pre)
        add(name, role, m.start("name"), m.end("name"))
    for m in POSTFIX.finditer(t):
        role = m.group("role").lower()
        if role not in ROLE_NORMAL:
            add(m.group("name"), role, m.start("name"), m.end("name"))
            if out and out[-1].start == m.start("name") and m.group("org"):
                out[-1].organisation = m.group("org")
    for m in INITIALS.finditer(t):
        raw = m.group("name")
        init = re.match(_INIT, raw).group(0).replace(" ", "")
        if init.upper() in NOT_INITIALS or any(init.upper().startswith(x) for x in NOT_INITIALS):
            continue
        line_start = t.rfind("\n", 0, m.start()) + 1
        # roman-numbered list items ("I. Ontwerpbesluit", "V. Handreiking")
        if re.fullmatch(r"[IVX]+\.", init):
            continue
        add(raw, None, m.start(), m.end())
    for m in SIGNATURE.finditer(t):
        line = m.group("name").strip()
        # a person signs with at least two words; one word is a department ("Procedureondersteuning")
        if looks_like_name(line) and len(clean_name(line).split()) >= 2:
            add(line, None, m.start("name"), m.start("name") + len(line))
    return out


def _organisation_words(result: dict) -> set[str]:
    """Organisations of attendees ("wethouder Eikenrode" -> "Eikenrode"): a single word among them is no person."""
    out: set[str] = set()
    for m in result.get("meetings", []):
        for a in m.get("attendees", []):
            org = (a.get("organisation") or "").strip()
            words = org.split()
            if len(words) == 1:
                out.add(_fold(org))
            elif len(words) == 2 and _fold(words[0]) in ("gemeente", "provincie", "regio", "waterschap"):
                out.add(_fold(words[1]))
    return out


def extract_people(text: Text, parts: list[Part], result: dict) -> list[dict]:
    t = text.text
    mentions = _from_result(t, result) + _from_text(t)
    places = _organisation_words(result)
    mentions = [m for m in mentions if m.raw and not is_redacted(m.raw) and looks_like_name(m.raw)
                and not municipality(clean_name(m.raw))
                and not (len(clean_name(m.raw).split()) == 1 and _fold(clean_name(m.raw)) in places)]
    if not mentions:
        return []
    by_clean: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_clean.setdefault(clean_name(m.raw), []).append(m)
    people: list[dict] = []
    for group in cluster_names(list(by_clean)):
        ms = [m for n in group for m in by_clean.get(n, [])]
        name = fullest(group)
        titles: list[str] = []
        for m in ms:
            for tt in split_titles(m.raw)[1]:
                if tt not in titles:
                    titles.append(tt)
        roles: list[dict] = []
        for m in ms:
            if m.role or m.organisation:
                r = {"role": m.role, "organisation": m.organisation}
                if r not in roles:
                    roles.append(r)
        # a role without organisation is dropped when the same role is known with one
        roles = [r for r in roles if r["organisation"] or not any(
            o["role"] == r["role"] and o["organisation"] for o in roles)]
        first = min(ms, key=lambda m: m.start)
        aliases = sorted({n for n in group if n != name})
        people.append({"name": name, "aliases": aliases, "titles": titles, "roles": roles,
                       "evidence": evidence(text, parts, first.start, first.end)})
    people.sort(key=lambda p: p["evidence"]["start"])
    return people
