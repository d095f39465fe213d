"""Attendance and chair read from sentences in the minutes' body: "X verlaat de vergadering", "X komt
binnen om ...", "X is afwezig", "X wordt vervangen door Y", speakers ("wethouder Kos meldt"),
roll-call votes per fraction, and "Opening door de gedeputeerde" / "X opent de vergadering"."""

from __future__ import annotations

import re

from ..names import NOT_INITIALS, clean_name, compatible, is_redacted, looks_like_name, parse_name
from .common import TIME, _ROLE_RE, _fold, _hhmm

NAME_TOKEN = re.compile(r"^(?:[A-Z](?:[a-z]{1,2})?\.(?:[A-Z]\.)*|[A-ZÀ-ÝĲ][\wà-ÿ'’-]+|van|de|der|den|ter|ten|te|het|'t|in|op)$")


def name_before(t: str, pos: int, floor: int = 0) -> tuple[str, int] | None:
    """The person name that ends right before ``pos`` (same sentence), with its start offset."""
    # "Marloes Ypma (adviseur gemeente) was erbij": the name stands before the bracket
    k = pos
    while k > floor and t[k - 1] in " \t":
        k -= 1
    if k > floor and t[k - 1] == ")":
        o = t.rfind("(", max(floor, k - 80), k)
        if o != -1 and "\n" not in t[o:k]:
            pos = o
    lo = max(floor, pos - 80)
    seg = t[lo:pos]
    toks = list(re.finditer(r"\S+", seg))
    chosen = []
    for tok in reversed(toks):
        w = tok.group(0)
        if chosen and "\n" in seg[tok.end():chosen[0].start()] and not re.fullmatch(r"(?:[A-Z]\.)+|van|de|der|den", w):
            break
        if NAME_TOKEN.match(w) and not w.endswith((",", ";", ":")):
            chosen.insert(0, tok)
            continue
        break
    while chosen and _ROLE_RE.fullmatch(chosen[0].group(0)):
        chosen.pop(0)
    # drop leading abbreviations and sentence words
    while chosen and (chosen[0].group(0).upper() in NOT_INITIALS or chosen[0].group(0).lower() in
                      ("van", "de", "der", "den", "ter", "ten", "te", "het", "in", "op")
                      or chosen[0].group(0) in ("Ook", "Verder", "Daarna", "Voorts", "Dan", "Nu", "Wel", "Hierop",
                                                "Tevens", "Vervolgens", "Desgevraagd", "Daarop", "Ook", "De", "Het")):
        chosen.pop(0)
    if not chosen:
        return None
    # honorific / role word in front of a name: keep it out of the name
    name = seg[chosen[0].start():chosen[-1].end()]
    if len(chosen) == 1 and re.fullmatch(r"(?:[A-Z]\.)+", name):
        return None
    if not looks_like_name(name):
        return None
    return name, lo + chosen[0].start()


SPEECH_VERBS = (r"meldt|vraagt|licht|geeft|constateert|antwoordt|merkt|stelt\s+voor|deelt|vult|zegt|wijst|opent|"
                r"sluit|informeert|benadrukt|leest|reageert|concludeert|legt|spreekt|dankt|bedankt|memoreert|verwijst|"
                r"pleit|onderschrijft|herhaalt|beantwoordt|introduceert|presenteert|schetst|bevestigt|laat\s+weten|"
                r"kondigt|verzoekt|doet\s+een|heet|ziet|mailt|vindt|adviseert|roept")
SPEAKER = re.compile(r"(?<=\s)(?:" + SPEECH_VERBS + r")\b")
ROLE_PREFIX = re.compile(r"(?i:\b(?:de\s+heer|mevrouw|mw\.|dhr\.|wethouder|gedeputeerde|burgemeester|voorzitter|"
                         r"raadslid|statenlid|minister|staatssecretaris|fractievoorzitter|griffier|secretaris)\s+$)")


def _events(t: str, start: int, end: int, attendees: list[dict], speakers: bool, head: bool = False) -> list[dict]:
    """Attendance read from sentences in the minutes' body (``head``: only remarks between the attendance
    lists, "X was erbij voor punt 3")."""
    added: list[dict] = []

    def find(name: str) -> dict | None:
        pool = attendees + added
        exact = [a for a in pool if _fold(a["name"]) == _fold(clean_name(name))]
        if exact:
            return exact[0]
        hits = [a for a in pool if compatible(a["name"], clean_name(name))]
        return hits[0] if len(hits) == 1 else None

    def find_or_add(pos: int) -> dict | None:
        """The attendee named just before ``pos``; someone not on the lists is added as present."""
        nb = name_before(t, pos, start)
        if not nb:
            return None
        a = find(nb[0])
        if a is None:
            a = {"name": clean_name(nb[0]), "role": None, "organisation": None, "status": "present",
                 "until": None, "from": None}
            added.append(a)
        return a

    def role_prefix(pos: int) -> str | None:
        m = ROLE_PREFIX.search(t[max(start, pos - 25):pos])
        if not m:
            return None
        w = m.group(0).strip().lower()
        return None if w in ("de heer", "mevrouw", "mw.", "dhr.") else w

    seg = t[start:end]
    # "X (adviseur) was erbij voor punt 3", "X is aanwezig bij agendapunt 2": present for one item
    for m in re.finditer(r"\b(?:was|is|waren|zijn)\s+(?:erbij|aanwezig|present)\s+(?:voor|bij|tijdens)\s+(?:agenda)?-?"
                         r"punt\s+(?P<item>\d{1,2}[a-z]?)", seg, re.I):
        a = find_or_add(start + m.start())
        if a is None:
            continue
        if a["status"] != "absent":
            a["status"] = "partial"
            a["from_item"] = a["until_item"] = m.group("item")
    if head:
        return added
    for m in re.finditer(r"\b(?:verlaat|verliet|vertrekt|verlaten)\s+(?:de\s+|het\s+)?(?:vergadering|bijeenkomst|overleg|sessie)"
                         r"(?:\s+(?:om|na)\s+(?:" + TIME + r"|(?:agenda)?punt\s+(?P<item>\d{1,2}[a-z]?)))?", seg, re.I):
        a = find_or_add(start + m.start())
        if a is None:
            continue
        if a["status"] != "absent":
            a["status"] = "partial"
            if m.group("h"):
                a["until"] = _hhmm(m.group("h"), m.group("m"))
            if m.group("item"):
                a["until_item"] = m.group("item")
    # "X moet om 11.30 uur weg", "X gaat om 21.00 uur weg": leaves early
    for m in re.finditer(r"\b(?:moet|moest|gaat|ging)\s+(?:al\s+)?(?:om\s+" + TIME + r"\s*(?:uur)?\s+|eerder\s+)weg\b", seg,
                         re.I):
        nb = name_before(t, start + m.start(), start)
        a = find(nb[0]) if nb else None
        if a is not None and a["status"] != "absent":
            a["status"] = "partial"
            if m.group("h"):
                a["until"] = _hhmm(m.group("h"), m.group("m"))
    for m in re.finditer(r"\b(?:komt|schuift)\s+(?:binnen|aan)(?:\s+(?:om|bij|vanaf)\s+(?:" + TIME +
                         r"\s*(?:uur)?|(?:agenda)?punt\s+(?P<item>\d{1,2}[a-z]?)))?"
                         r"(?:\s*\(?\s*(?:vanaf|bij)\s+(?:agenda)?punt\s+(?P<item2>\d{1,2}[a-z]?)\)?)?", seg, re.I):
        nb = name_before(t, start + m.start(), start)
        if not nb:
            continue
        a = find(nb[0])
        if a is None:
            a = {"name": clean_name(nb[0]), "role": None, "organisation": None, "status": "present",
                 "until": None, "from": None}
            added.append(a)
        a["status"] = "partial"
        if m.group("h"):
            a["from"] = _hhmm(m.group("h"), m.group("m"))
        if m.group("item") or m.group("item2"):
            a["from_item"] = m.group("item") or m.group("item2")
    for m in re.finditer(r"\s(?:is|zijn)\s+(?:vandaag\s+)?(?:afwezig|verhinderd|afgemeld)\b", seg):
        nb = name_before(t, start + m.start(), start)
        if not nb:
            continue
        a = find(nb[0])
        if a is None:
            added.append({"name": clean_name(nb[0]), "role": None, "organisation": None, "status": "absent",
                          "until": None, "from": None})
        elif a["status"] == "present" and not a.get("role"):
            a["status"] = "absent"
    for m in re.finditer(r"\s(?:wordt|is)\s+vervangen\s+door\s+(?:de\s+heer\s+|mevrouw\s+)?(?P<sub>" +
                         r"(?:[A-Z]\.\s?)*(?:(?:van|de|der|den|ter|ten)\s+)*[A-Z][\wà-ÿ'’-]+(?:\s+(?:(?:van|de|der|den|ter|ten)\s+)*[A-Z][\wà-ÿ'’-]+)?)",
                         seg):
        nb = name_before(t, start + m.start(), start)
        if nb:
            a = find(nb[0])
            if a is None:
                added.append({"name": clean_name(nb[0]), "role": None, "organisation": None, "status": "absent",
                              "until": None, "from": None})
            else:
                a["status"] = "absent"
        sub = clean_name(m.group("sub"))
        if looks_like_name(sub) and find(sub) is None:
            added.append({"name": sub, "role": None, "organisation": None, "status": "present", "until": None,
                          "from": None, "replaces": clean_name(nb[0]) if nb else None})
    for m in re.finditer(r"bericht\s+van\s+verhindering\s+(?:ontvangen\s+)?van\s+(?P<list>[^.\n]+)", seg, re.I):
        for piece in re.split(r",|\s+en\s+", m.group("list")):
            name = clean_name(piece.strip())
            if looks_like_name(name) and not is_redacted(piece):
                a = find(name)
                if a is None:
                    added.append({"name": name, "role": None, "organisation": None, "status": "absent",
                                  "until": None, "from": None})
    if speakers:
        for m in SPEAKER.finditer(seg):
            nb = name_before(t, start + m.start(), start)
            if not nb:
                continue
            name = nb[0]
            p = parse_name(name)
            role = role_prefix(nb[1])
            # a bare single word is only a speaker after a role or title ("wethouder Kos")
            if not p or (p.first_only and not role):
                continue
            if find(name) is None:
                added.append({"name": clean_name(name), "role": role, "organisation": None, "status": "present",
                              "until": None, "from": None, "inferred": "speaker"})
    return added


VOTE_HEAD = re.compile(r"^[^\n]*\b(?:(?:voor|tegen)\s+(?:de|het)\s+[\w-]+\s+(?:stemden|stemmen|hebben\s+gestemd)|"
                       r"(?:stemden|stemmen)\s+(?:voor|tegen))\b[^\n]*:\s*$", re.I | re.M)
VOTE_LINE = re.compile(r"^[ \t]*(?P<org>[^:\n]{2,50}):[ \t]*(?P<list>[^\n]+)$")
_HONORIFIC_PLURAL = re.compile(r"\b(?:de\s+dames|de\s+heren|de\s+heer|mevrouw|mevr\.|mw\.|dhr\.|heer)\s+", re.I)


def _roll_call(t: str, start: int, end: int, attendees: list[dict]) -> list[dict]:
    """Members named in a roll-call vote, per fraction ("CDA: mevrouw X en de heren Y en Z;"), were present."""
    added: list[dict] = []
    for head in VOTE_HEAD.finditer(t, start, end):
        pos = head.end() + 1
        lines = t[pos:end].split("\n")
        buf: list[str] = []
        for line in lines[:40]:
            if VOTE_LINE.match(line):
                buf.append(line)
            elif buf and line.strip() and not buf[-1].rstrip().endswith((";", ".")):
                buf[-1] += " " + line.strip()
            else:
                break
        for line in buf:
            m = VOTE_LINE.match(line)
            org = m.group("org").strip()
            names = _HONORIFIC_PLURAL.sub("", m.group("list").rstrip(" ;."))
            for piece in re.split(r",|\s+en\s+", names):
                name = piece.strip()
                if not name or not looks_like_name(name):
                    continue
                name = name[0].upper() + name[1:]
                pool = attendees + added
                if any(_fold(a["name"]) == _fold(name) or compatible(a["name"], name) for a in pool):
                    continue
                added.append({"name": name, "role": None, "organisation": org,
                              "status": "present", "until": None, "from": None, "inferred": "vote"})
    return added


# a speaker in the index of a meeting's recording: "00:16:26 - 00:16:56 - Marjolijn Moester"
TIMESTAMP_SPEAKER = re.compile(r"(?m)^[ \t]*\d{1,2}:\d{2}(?::\d{2})?\s*[-–]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[-–]\s*"
                               r"(?P<name>[^\n(]{3,60}?)[ \t]*(?:\((?P<org>[^)\n]{1,40})\))?[ \t]*$")


def _timestamp_speakers(t: str, start: int, end: int, attendees: list[dict]) -> list[dict]:
    """Who speaks in the recording's index was there."""
    added: list[dict] = []
    for m in TIMESTAMP_SPEAKER.finditer(t, start, end):
        name = m.group("name").strip()
        if not looks_like_name(name):
            continue
        pool = attendees + added
        if any(_fold(a["name"]) == _fold(name) or compatible(a["name"], name) for a in pool):
            continue
        added.append({"name": name, "role": None, "organisation": m.group("org"), "status": "present",
                      "until": None, "from": None, "inferred": "speaker"})
    return added


def _chair_from_opening(t: str, start: int, end: int, attendees: list[dict]) -> str | None:
    """'Opening door (de) gedeputeerde' / 'X opent de vergadering' name the chair."""
    seg = t[start:min(end, start + 3000)]
    m = re.search(r"opening\s+(?:door|en\s+welkom\s+door)\s+(?:de\s+)?(?P<who>[^\n.,]{3,60})", seg, re.I)
    if m:
        who = m.group("who").strip()
        hits = [a for a in attendees if a.get("role") and _fold(a["role"]).split(" / ")[0] == _fold(who.split()[0])]
        if len(hits) == 1:
            return hits[0]["name"]
        rest = clean_name(_ROLE_RE.sub("", who).strip())
        if rest and looks_like_name(rest):
            hits = [a for a in attendees if compatible(a["name"], rest)]
            return hits[0]["name"] if len(hits) == 1 else None
    m = re.search(r"\s(?:opent|heropent)\s+(?:de|het|dit)\b", seg)
    if m:
        nb = name_before(t, start + m.start(), start)
        if nb:
            hits = [a for a in attendees if compatible(a["name"], nb[0])]
            if len(hits) == 1:
                return hits[0]["name"]
    return None
