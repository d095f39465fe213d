"""Attendance blocks: "Aanwezig", "Namens X:", "Afgemeld", "Afwezig (met kennisgeving)", "Bericht van
verhindering", chair and minute-taker labels, with roles, party labels and "(tot 15.10 uur)" style
limits that make a status partial. Redacted names are counted, not kept."""

from __future__ import annotations

import re

from ..municipalities import lookup as municipality
from .attendance_anchored import (STAND_IN, anchored_people, count_honorifics, count_initialed, initialed_people,
                                  unlabelled_attendance)
from ..names import clean_name, compatible, is_redacted, looks_like_name, parse_name
from .common import RUN_IN_MARK, ATTENDANCE_LABELS, HEADER_FIELD, INLINE_LABEL_WORDS, ROLE_WORDS, TIME, _LABEL_RE, _ROLE_RE, _fold, _hhmm, _lines

_PAREN = re.compile(r"\(([^()]*)\)")
_UNTIL_TIME = re.compile(r"\b(?:tot|t/m|tot\s+en\s+met|vertrekt\s+om|vertrokken\s+om|weg\s+om)\s+" + TIME + r"\s*(?:uur|u)?",
                         re.I)
_FROM_TIME = re.compile(r"\b(?:vanaf|v\.a\.|aanwezig\s+vanaf|aangeschoven\s+om|komt\s+om)\s+" + TIME + r"\s*(?:uur|u)?",
                        re.I)
_UNTIL_ITEM = re.compile(r"\b(?:tot|t/m|tot\s+en\s+met|tot\s+na)\s+(?:agenda[- ]?)?punt\s+(\d{1,2}[a-z]?)", re.I)
_FROM_ITEM = re.compile(r"\b(?:vanaf|v\.a\.|bij)\s+(?:agenda[- ]?)?punt\s+(\d{1,2}[a-z]?)", re.I)
_ABSENT_WORDS = re.compile(r"\b(?:afwezig|afgemeld|verhinderd|met\s+kennisgeving)\b", re.I)


def _status_from(text: str) -> dict:
    st: dict = {}
    if m := _UNTIL_TIME.search(text):
        st["until"] = _hhmm(m.group("h"), m.group("m"))
    if m := _FROM_TIME.search(text):
        st["from"] = _hhmm(m.group("h"), m.group("m"))
    if m := _UNTIL_ITEM.search(text):
        st["until_item"] = m.group(1)
    if m := _FROM_ITEM.search(text):
        st["from_item"] = m.group(1)
        if m.group(0).lower().startswith("bij"):
            st.setdefault("until_item", m.group(1))  # "(bij punt 3)": for that item only
    if _ABSENT_WORDS.search(text):
        st["absent"] = True
    return st


_MINUTES_WORD = re.compile(r"(?i)verslag|verslaglegging|verslaglegger|notulen|notulist[e]?|notulant|notulering")


def _role_org(descriptors: list[str]) -> tuple[str | None, str | None]:
    """'wethouder Stad' -> ('wethouder', 'Stad'); 'provincie X' -> (None, 'provincie X')."""
    roles: list[str] = []
    org = None
    for d in descriptors:
        for sub in re.split(r"\s*[/,;]\s*", d):
            sub = sub.strip(" ,;.-")
            if not sub:
                continue
            if _MINUTES_WORD.fullmatch(sub):
                roles.append("notulist")
                continue
            m = _ROLE_RE.match(sub)
            if m:
                rest = sub[m.end():].strip()
                rest2 = re.sub(r"^(?:voor|bij|van|namens|de|het|in|te)\s+(?:de\s+|het\s+)?", "", rest, flags=re.I)
                if rest2 and rest2[0].isupper():
                    roles.append(m.group(0).lower() if m.group(0)[0].isupper() and not sub[:1].isupper()
                                 else m.group(0).lower())
                    org = org or rest2
                else:
                    roles.append(sub[0].lower() + sub[1:] if sub[:1].isupper() and not sub[:2].isupper() else sub)
            elif _ROLE_RE.search(sub):
                roles.append(sub)
            else:
                org = org or sub
    return (" / ".join(dict.fromkeys(roles)) or None), org


# words that cannot end a line of names: the list goes on on the next line ("... en\nP. Groot")
_JOIN_WORDS = {"en", "&", "mevrouw", "mevr.", "mw.", "heer", "dhr.", "de", "van", "der", "den", "ter", "ten", "te",
               "heren", "dames", "wethouders", "gedeputeerden", "burgemeesters"}
# a party or organisation in front of a row of names: "VVD   mevrouw S. Jansen", "Lokaal Sterk: de heer T. Maas"
_ROW_LABEL = re.compile(
    r"^(?P<org>[A-ZÀ-Ý0-9][\w&'’+.-]*(?:[ ][\w&'’+.-]+){0,3}?)(?:[ \t]*:[ \t]*|[ \t]{2,}|\t+)(?P<rest>\S.*)$")
_PERSON_START = re.compile(r"^(?:de\s+heer|de\s+heren|de\s+dames|heer|mevrouw|mevr\.|mw\.|dhr\.|(?:[A-Z]\.){1,5}\s?"
                           r"|(?:drs|dr|mr|ir|ing|prof)\.\s*(?:[A-Z]\.))",
                           re.I)
# a role word (or its plural) in front of a name: "wethouders P. Aalders, S. Kok", "heemraad mevrouw J. Arts"
_PLURAL_ROLES = {"wethouders": "wethouder", "gedeputeerden": "gedeputeerde", "burgemeesters": "burgemeester",
                 "raadsleden": "raadslid", "statenleden": "statenlid", "heemraden": "heemraad",
                 "adviseurs": "adviseur", "bestuurders": "bestuurder", "bestuursleden": "bestuurslid",
                 "commissieleden": "commissielid", "fractievoorzitters": "fractievoorzitter",
                 "portefeuillehouders": "portefeuillehouder", "directeuren": "directeur", "leden": None,
                 "secretarissen": "secretaris", "griffiers": "griffier"}
_ROLE_ONLY = re.compile(r"(?:de\s+|het\s+)?(?P<role>" + "|".join(
    re.escape(r) for r in sorted(ROLE_WORDS, key=len, reverse=True)) + r")", re.I)
_LEAD_ROLE = re.compile(
    r"^(?:de\s+)?(?P<role>" + "|".join(re.escape(r) for r in sorted(
        [w for w in ROLE_WORDS if w not in ("lid", "gast", "wnd.", "waarnemend", "ondersteuning", "secretariaat",
                                            "griffie")] + list(_PLURAL_ROLES), key=len, reverse=True))
    + r")\s+(?P<rest>\S.*)$", re.I)
# reasons and remarks after a name are no organisation ("wegens ziekte", "met bericht")
_REMARK = re.compile(r"^(?:wegens|vanwege|i\.?v\.?m\.?|in\s+verband\s+met|met\s+bericht|met\s+kennisgeving|"
                     r"zonder\s+bericht|ziek|vakantie|afwezig|verhinderd)\b", re.I)


_NOT_GROUPS = {"overig", "overige", "overigen", "extern", "externen", "intern", "leden", "gasten", "toehoorders",
               "sprekers", "insprekers", "genodigden", "publiek", "pers", "bestuur", "ambtelijk", "ambtelijke staf"}
_GROUP_HEAD = re.compile(r"^[A-ZÀ-Ý][\w&'’+.-]*(?:[ ][\w&'’+.-]+){0,3}:?$")


def _row_label(line: str) -> tuple[str | None, str]:
    """Split a party label off a row of names; (label, rest) or (None, line)."""
    m = _ROW_LABEL.match(line)
    if not m:
        return None, line
    org, rest = m.group("org").strip(), m.group("rest")
    colon = ":" in line[m.end("org"):m.start("rest")]
    if _ROLE_RE.fullmatch(org) or _PERSON_START.match(org + " ") or re.match(r"\d", org) \
            or _LABEL_RE.match(org + ":"):
        return None, line
    if not (_PERSON_START.match(rest) or _LEAD_ROLE.match(rest) or (colon and looks_like_name(
            _PAREN.sub(" ", re.split(r",|;|\s+en\s+", rest)[0]).strip()))):
        return None, line
    return org, rest


def _split_pieces(block: str) -> list[tuple[str, bool, str | None]]:
    """Split an attendance block into pieces: (piece, starts a new line, party label of its row)."""
    # join wrapped lines: a line continues when the next starts with "(" or a lowercase word, when the line
    # ends in an initial or a word no list ends in ("en", "mevrouw"), or when it has an unclosed bracket
    raw_lines = [ln.strip(" \t•*·-–") for ln in block.split("\n")]
    lines: list[str] = []
    for ln in raw_lines:
        if not ln:
            continue
        last = lines[-1].split()[-1] if lines and lines[-1].split() else ""
        if lines and (ln.startswith("(") or (ln[:1].islower() and not lines[-1].endswith((",", ";"))
                                             and not (_PERSON_START.match(ln) and not _TITLE_START.match(ln)))
                      or re.match(r"^[A-Z]\.?$", last) or last.lower() in _JOIN_WORDS
                      or lines[-1].count("(") > lines[-1].count(")")):
            lines[-1] += " " + ln
        else:
            lines.append(ln)
    out: list[tuple[str, bool, str | None]] = []
    group: str | None = None
    for ln in lines:
        if _TABLE_HEAD.fullmatch(ln):
            continue  # the head row of an attendance table ("Aanwezig Naam", "Naam Functie"), even glued
        ln = _GLUED_LABEL.sub("\\g<org>\t", ln, count=1)
        ln = _columns_as_descriptors(ln)
        # a party or organisation on a line of its own heads the names below it ("CDA", "Gemeente X:")
        if _GROUP_HEAD.match(ln) and not _ROLE_RE.fullmatch(ln.rstrip(": ")) and not _LABEL_RE.match(ln) \
                and not _LEAD_ROLE.match(ln) and not _PERSON_START.match(ln) and (
                ln.endswith(":") or re.fullmatch(r"[A-Z0-9][\w&+-]*", ln) and not looks_like_name(ln)
                and len(re.findall(r"[A-Z0-9]", ln)) >= 2):
            group = ln.rstrip(": ").strip()
            if _fold(group) in _NOT_GROUPS or _fold(group) in _PLURAL_ROLES:
                group = None
            continue
        org, ln = _row_label(ln)
        org = org or group
        # a name broken at its hyphen ("van den Berg- Huisman"), and a sentence ending inside a prose list
        # ("… en R. Zuiker. De wethouders, te weten, …") that separates like a comma
        ln = re.sub(r"(?<=[a-zà-ÿ])- (?=[A-ZÀ-Ý])", "-", ln)
        ln = _SENTENCE_IN_LIST.sub(lambda m: m.group(0) if m.group(1).lower() in _TITLE_WORDS else m.group(1) + ", ", ln)
        # a name run into the next honorific without a separator: "K.A. van der Pas de dames mr. A.M. Jeltes"
        ln = _HONORIFIC_AFTER_NAME.sub(r"\1, ", ln)
        depth = 0
        buf = ""
        first = True
        for ch in ln:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            if ch in ",;" and depth == 0:
                # an empty slot between separators is a blanked-out name: never "first"
                out.append((buf, first and bool(buf.strip()), org))
                first = False
                buf = ""
            else:
                buf += ch
        if buf.strip() or first:
            out.append((buf, first, org))
    return out


_HONORIFIC_AFTER_NAME = re.compile(
    r"([A-ZÀ-Ý][\w'’-]*[a-zà-ÿ]|\))[ \t]+(?=(?i:de\s+(?:heer|heren|dames)|mevrouw|mevr\.|mw\.|dhr\.)\s)")
# academic degrees written after a name: "drs. Th.H.M. Wolf mpa"
_POST_NOMINAL = re.compile(r"(?i)\s+(?:mpa|mba|msc|bsc|ma|llm|phd|mpm|emba|ra|bba)\.?$")
_SENTENCE_IN_LIST = re.compile(r"\b([A-Za-zà-ÿ][a-zà-ÿ]{2,})\.\s+(?=[A-ZÀ-Ý][a-zà-ÿ]*\s+[a-zà-ÿ])")
_TITLE_WORDS = {"drs", "ing", "mevr", "prof", "dhr", "bc", "bsc", "msc", "mba", "ds", "jhr", "wethr"}
_TITLE_START = re.compile(r"(?:drs|dr|mr|ir|ing|prof)\.", re.I)
_TABLE_HEAD = re.compile(r"(?i)(?:(?:naam|namen|functie|fractie|partij|aanwezig|afwezig|organisatie|rol|namens)[ \t|]*){2,}")
# a table row whose cells lost their gap: "SGPA.J. Scheppink, …", "CDAdrs. I. Kahraman", "VoorzitterG. Kreijkes"
_GLUED_LABEL = re.compile(r"^(?P<org>[A-ZÀ-Ý][\w&'’+ -]*?[A-Za-z0-9])(?=(?:[A-Z]\.){1,4}\s?[A-Z]?[a-z]|(?:drs|dr|mr|ir|ing|prof)\.\s)")
_COLUMN_GAP = re.compile(r"[ \t]{3,}|\t")


def _columns_as_descriptors(line: str) -> str:
    """A row of a list laid out in columns, the name first: "Dhr. M. Vuijk      Kloetinge (voorzitter)" ->
    "Dhr. M. Vuijk (Kloetinge; voorzitter)". Rows of several names in columns are left alone."""
    cells = [c.strip() for c in _COLUMN_GAP.split(line.strip()) if c.strip()]
    if len(cells) < 2 or not (_PERSON_START.match(cells[0]) or looks_like_name(_PAREN.sub(" ", cells[0]).strip())):
        return line
    # a row that opens with a title or initials has its other names in that form too ("Stichting Welzijn" is none)
    titled = bool(_PERSON_START.match(cells[0]))
    if any(_PERSON_START.match(c) or (not titled and looks_like_name(c) and len(c.split()) > 1) for c in cells[1:]):
        return line
    rest = "; ".join(re.sub(r"\s*\(([^()]*)\)", r"; \1", c) for c in cells[1:])
    return f"{cells[0]} ({rest})"


def _split_en(text: str) -> list[str]:
    """'mevrouw A. Bos (CDA) en de heer C. Dam (VVD)' -> two pieces, each with its own brackets."""
    halves: list[str] = []
    depth = 0
    last = 0
    for m in re.finditer(r"[()]|\s+(?:en|&)\s+", text):
        tok = m.group(0)
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            halves.append(text[last:m.start()])
            last = m.end()
    halves.append(text[last:])
    if len(halves) > 1 and all(looks_like_name(_strip_name(_LEAD_ROLE.sub(r"\g<rest>", h.strip()))[0])
                               for h in halves):
        return [h.strip() for h in halves]
    return [text]


def _strip_name(piece: str) -> tuple[str, list[str], str]:
    """Split a piece into (name part, parenthetical descriptors, status text)."""
    # a first name in brackets after the initials is part of the name: "K.L. (Kees) Wiersma"
    piece = re.sub(r"((?:[A-Z]\.\s?)+)\s*\([A-ZÀ-Ý][a-zà-ÿ]+\)\s*", r"\1 ", piece)
    parens = _PAREN.findall(piece)
    bare = _PAREN.sub(" ", piece)
    status_text = piece
    # a trailing status clause outside parentheses: "Erik Lubbers tot 15.00 uur"
    bare = _UNTIL_TIME.sub(" ", bare)
    bare = _FROM_TIME.sub(" ", bare)
    bare = _UNTIL_ITEM.sub(" ", bare)
    bare = _FROM_ITEM.sub(" ", bare)
    bare = _POST_NOMINAL.sub("", re.sub(r"\s+", " ", bare).strip(" .:-–"))
    return bare, parens, status_text


def _lead_role(text: str, new_person: bool) -> tuple[str | None, str | None, str]:
    """A role word in front of a name: (role, plural role, rest); (None, None, text) when there is none.

    After a person on the same line a role with one capitalised word is that person's descriptor
    ("Jan Smit, wethouder Eikenrode"), not a new person.
    """
    m = _LEAD_ROLE.match(text)
    if not m:
        return None, None, text
    rest = m.group("rest").strip()
    name = _strip_name(_split_en(rest)[0])[0]
    if not looks_like_name(name) or municipality(name):
        return None, None, text
    p = parse_name(name)
    if p is None or (p.first_only and not new_person and not p.honorific):
        return None, None, text
    word = re.sub(r"\s+", " ", m.group("role").lower())
    plural = word in _PLURAL_ROLES
    role = _PLURAL_ROLES.get(word) if plural else word
    return role, role if plural else None, rest


# "…; voorzitter: de heer K. de Boer": a role with its holder inside a prose attendance list
ROLE_SEGMENT = re.compile(r"^\s*(?P<role>(?:plaatsvervangend\s+)?(?:voorzitter|griffier|secretaris|notulist[e]?|verslag(?:legging)?"
                          r"|ambtelijk\s+secretaris|wethouder|gedeputeerde))\s*:\s*(?P<rest>\S.*)$", re.I | re.S)
# "…, allen vertegenwoordiger van de fractie X": what the list says of all of them
ALL_OF_THEM = re.compile(r",?\s+(?:allen|beiden|alle\s+drie)\s+(?P<desc>[^;]+?)\s*[.;]?\s*$", re.I)
FACTION = re.compile(r"(?i)\b(?:van\s+de\s+fractie|namens(?:\s+de\s+fractie)?|fractie)\s+(?:van\s+)?(?P<org>[^,;()]+)")


# a faction or organisation naming its people: "VVD: A. Jansen", "Gemeente Breda: mevrouw K. Smit"
FACTION_ROW = re.compile(r"\s*[A-Z][\w&'’.+-]*(?:\s+[\w&'’.+-]+){0,3}\s*:\s*(?:[A-Z]|de\s+heer|mevrouw|dhr|mw)")


def parse_attendance_block(block: str, status: str, organisation: str | None = None) -> tuple[list[dict], int]:
    """Attendees from the text of one attendance block; returns (attendees, redacted count).

    Prose lists are read per ";"-segment when they hold a role with its holder ("voorzitter: de heer X")
    or a description of all in the segment ("allen vertegenwoordiger van de fractie Y").
    """
    block = re.sub(r"^\s*(?:namens\s+de\s+)?(?:fracties?|partijen)\s*:\s*", "", block, flags=re.I)
    segments = [seg for seg in re.split(r";\s*", block) if seg.strip()]
    if len(segments) > 1 and sum(1 for seg in segments if FACTION_ROW.match(seg) and not ROLE_SEGMENT.match(seg)) >= 2:
        # "VVD: A. Jansen, B. Pieters; CDA: C. de Boer": one faction's row per segment, as if on lines of their own
        return parse_attendance_block("\n".join(segments), status, organisation)
    if len(segments) > 1 and any(ROLE_SEGMENT.match(seg) or ALL_OF_THEM.search(seg) for seg in segments):
        people: list[dict] = []
        redacted = 0
        for seg in segments:
            role = None
            m = ROLE_SEGMENT.match(seg)
            if m:
                role, seg = m.group("role").lower(), m.group("rest")
            org = organisation
            every = ALL_OF_THEM.search(seg)
            if every:
                seg = seg[:every.start()]
                faction = FACTION.search(every.group("desc"))
                org = faction.group("org").strip() if faction else org
                role = role or (None if faction else every.group("desc").strip())
            found, red = _parse_block(seg, status, org)
            for person in found:
                if role:
                    person["role"] = role
                if org and every:
                    person["organisation"] = org
            people += found
            redacted += red
        return _with_anchored(block, people, status, organisation), redacted
    people, redacted = _parse_block(block, status, organisation)
    # a list that lost its lines: when honorifics name more people than the list reader found, they anchor
    if "\n" not in block.strip() and count_honorifics(block) > len(people) + 1:
        return anchored_people(block, status, organisation), redacted
    # … or names written with initials, the columns of a table read one after the other
    if "\n" not in block.strip() and count_initialed(block) > len(people) + 2:
        return _with_anchored(block, initialed_people(block, status, organisation), status, organisation), redacted
    return _with_anchored(block, people, status, organisation), redacted


def _with_anchored(block: str, people: list[dict], status: str, organisation: str | None) -> list[dict]:
    """The people the list reader passed over, added by their honorifics ("…; voorzitter : de heer J.J. Schrijen
    secretaris/directeur : de heer …")."""
    if not count_honorifics(block):
        return people
    def known(name: str) -> bool:
        last = name.split()[-1].casefold()  # "H.J. Glastra" read short is "H.J. Glastra van Loon" of the list
        return any(compatible(name, q["name"]) or last in q["name"].casefold().split() for q in people)
    return people + [p for p in anchored_people(block, status, organisation) if not known(p["name"])]


def _parse_block(block: str, status: str, organisation: str | None = None) -> tuple[list[dict], int]:
    # typing slips of real lists: "Krommendijk(CDA)" without a space, "(HvB))" with one bracket too many
    block = re.sub(r"(?<=\w)\((?=[^()\n]{1,40}\))", " (", block)
    block = re.sub(r"\(([^()\n]{1,40})\)\)", r"(\1)", block)
    people: list[dict] = []
    redacted = 0
    current: dict | None = None
    list_role: str | None = None
    pending_role: str | None = None
    for piece, new_line, row_org in _split_pieces(block):
        text = re.sub(r"\s+(?:en|&)$", "", piece.strip())
        text = re.sub(r"^(?:alsmede|evenals|benevens|en|&)\s+", "", text, flags=re.I)
        if new_line:
            list_role = None
        if not text:
            # an empty slot between commas is a blanked-out name
            if not new_line:
                redacted += 1
            current = None
            continue
        if is_redacted(text):
            redacted += 1
            current = None
            continue
        if _ROLE_ONLY.fullmatch(text) and (new_line or current is None):
            # "de Commissaris van de Koning, mr. A. Bos": a role phrase as its own piece names the next person's role
            pending_role = re.sub(r"\s+", " ", _ROLE_ONLY.fullmatch(text).group("role").lower())
            current = None
            continue
        lead, plural, rest = _lead_role(text, new_line or current is None)
        if pending_role and lead is None:
            lead, pending_role = pending_role, None
        if plural is not None or (lead and not plural):
            list_role = plural
        if lead is None and plural is None and rest is text and list_role:
            lead = list_role
        subs = _split_en(rest)
        # a later half may carry its own role: "mevrouw A. Bos en wethouder C. Dam"
        sub_leads = [(None, None, subs[0])] + [_lead_role(sub, True) for sub in subs[1:]]
        parsed = [_strip_name(r) for _, _, r in sub_leads]
        sub_roles = [r for r, _, _ in sub_leads]
        names = [p[0] for p in parsed]
        name_like = all(looks_like_name(n) for n in names) and names[0]
        # "Name, role" on one line: the second piece is a descriptor of the first
        if name_like and not (current is not None and not new_line and lead is None and _ROLE_RE.search(names[0])):
            for (n, parens, status_text), sub_role in zip(parsed, sub_roles):
                st = _status_from(status_text)
                descriptors = [p for p in parens if not _status_from(p)]
                entry = {"name": clean_name(n), "raw": n, "descriptors": descriptors, "status": status,
                         "organisation": row_org or organisation, "lead": sub_role or lead, **st}
                people.append(entry)
                current = entry
            continue
        if current is not None and (not new_line or text.startswith("(")) and not re.search(r"[€█■|]", text):
            name_part, parens, status_text = _strip_name(text)
            st = _status_from(status_text)
            if st:
                current.update(st)
            desc = _PAREN.sub(" ", text)
            desc = re.sub(r"\s+", " ", _UNTIL_TIME.sub(" ", desc)).strip(" .")
            if desc and not _status_from(desc) and re.search(r"[a-zA-Z]{3}", desc) and not _REMARK.match(desc):
                current["descriptors"].append(desc)
            current["descriptors"] += [p for p in parens if not _status_from(p)]
        else:
            current = None
    result = []
    stand_ins = []
    for e in people:
        # "Van der Kruijff (wordt vervangen door mw. Van Wenum)": the stand-in was there in their place
        for d in [d for d in e["descriptors"] if STAND_IN.match(d)]:
            e["descriptors"].remove(d)
            who = clean_name(STAND_IN.match(d).group("who"))
            if looks_like_name(who):
                stand_ins.append({"name": who, "role": None, "organisation": e.get("organisation"),
                                  "status": "present", "until": None, "from": None})
    for e in people:
        role, org = _role_org(e.pop("descriptors"))
        lead = e.pop("lead", None)
        if lead:
            role = " / ".join(dict.fromkeys([lead] + ([role] if role else [])))
        st = e["status"]
        a = {"name": e["name"], "role": role, "organisation": org or e.get("organisation"), "status": st,
             "until": e.get("until"), "from": e.get("from")}
        if e.get("absent") and st == "present":
            a["status"] = "absent"
        elif st == "present" and (a["until"] or a["from"] or e.get("until_item") or e.get("from_item")):
            a["status"] = "partial"
        if e.get("until_item"):
            a["until_item"] = e["until_item"]
        if e.get("from_item"):
            a["from_item"] = e["from_item"]
        result.append(a)
    return result + stand_ins, redacted


_STOP_LINE = re.compile(
    r"^\s*(?:(?:ad\s+)?\d{1,2}[a-z]?[.)]?\s+[A-Z]|(?:ad\s+)?\d{1,2}[a-z]?\.?\s*$|nr\.?\s+onderwerp|agenda(?:punt)?\b|"
    r"bijlagen?\s*:|onderwerp\s*:|betreft\s*:|datum\s*:|tijd\s*:|locatie\s*:|opening\b|"
    r"verslag\s+van\s|kopie\s+aan|cc\s*:)", re.I)


def _block_stop(t: str, label_start: int, pos: int, block_end: int, end: int, kind: str,
                first_counts: bool = False) -> int:
    """Where an attendance block that starts at ``pos`` ends: at a stop line, a header field, a blank line
    that ends the list, or (for single-line labels) the next line."""
    nl = t.find("\n", pos, end)
    prev_line = t[label_start:pos] + t[pos: nl if nl != -1 else end]
    first = not first_counts
    blank_run = 0
    # "Notulist:" with the name on the next line: that line is the value
    value_below = not first_counts and not t[pos: nl if nl != -1 else end].strip()
    content = not value_below
    for ls, le, line in _lines(t, pos, block_end):
        if first:
            first = False
            continue
        if value_below and line.strip():
            value_below = False
            if kind in ("chair", "minutes", "role") and not _STOP_LINE.match(line) and not HEADER_FIELD.match(line):
                prev_line = line
                continue
        s = line.strip()
        if not s:
            # "Aanwezig:", a blank line, then the list (or the groups of it): the list has not begun yet
            if not (kind in ("present", "absent") and not content):
                blank_run += 1
            continue
        content = True
        if _STOP_LINE.match(line) or HEADER_FIELD.match(line) and not _LABEL_RE.match(line):
            return ls
        if blank_run:
            # after a blank line only a continuation keeps the block going
            # a group heading ending in a colon ("Wijkplatform:") announces the names below it
            if not (prev_line.rstrip().endswith((",", ";", ":")) or s.startswith("(") or s[:1].islower()
                    or _same_row_shape(prev_line, s)):
                return ls
        if kind in ("chair", "minutes", "role") or (kind == "org" and not prev_line.rstrip().endswith((",", ";", ":"))
                                                    and blank_run):
            return ls
        blank_run = 0
        prev_line = line
    return block_end


def _same_row_shape(prev_line: str, line: str) -> bool:
    """A list typed with blank lines between its rows goes on while each row opens with a title or initials
    ("Dhr. P. Bal", "Mevr. J. Verwei")."""
    label = _LABEL_RE.match(prev_line.strip())
    prev = prev_line.strip()[label.end():].strip() if label else prev_line.strip()
    return bool(_PERSON_START.match(prev) and _PERSON_START.match(line) and not _STOP_LINE.match(line))


def _label_kind(m: re.Match) -> tuple[str, str]:
    return next((ATTENDANCE_LABELS[j][1], m.group(f"k{j}")) for j in range(len(ATTENDANCE_LABELS)) if m.group(f"k{j}"))


def _real_label(t: str, m: re.Match) -> bool:
    """A role word without a colon ("...; secretaris" at a line end) or a label inside a line is no label
    and does not end the block above it."""
    kind, label = _label_kind(m)
    has_colon = t[m.end() - 1: m.end()] == ":"
    if kind in ("chair", "minutes", "role") and not has_colon:
        return False
    if not has_colon and t[m.end():m.end() + 1] in (" ", "\t") and not (
            kind in ("present", "absent") and _fold(label).startswith(INLINE_LABEL_WORDS)):
        return False  # only "Aanwezig"/"Afwezig" open a list of names on their own line without a colon
    mid_line = t[t.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t-•*") != ""
    return not (mid_line and not (has_colon and kind in ("present", "absent")))


def _unstack_labels(t: str, start: int, end: int) -> tuple[str, int | None]:
    """Labels stacked before their values ("Voorzitter: Wethouders: Griffier: Mevrouw A … Mevrouw B …"): a
    two-column table read label column first. Which value goes with which label cannot be told, so the stack is
    read as one "Aanwezig:" list (same length, offsets kept); where a chair label heads the stack, the position
    of its values is returned, so the first person there is taken as chair."""
    stacks: list[list[re.Match]] = []
    for m in _LABEL_RE.finditer(t, start, end):
        if t[m.end() - 1:m.end()] != ":":
            continue
        if stacks and not t[stacks[-1][-1].end():m.start()].strip():
            stacks[-1].append(m)
        else:
            stacks.append([m])
    chair_at = None
    for stack in stacks:
        kinds = [_label_kind(m)[0] for m in stack]
        if "absent" in kinds or sum(k in ("chair", "role", "minutes") for k in kinds) < 2:
            continue  # "Aanwezig:\nVoorzitter: X": a heading over rows, each label with its value
        s0, e0 = stack[0].start(), stack[-1].end()
        value = t[e0:t.find("\n", e0) if "\n" in t[e0:end] else end]
        if not value.strip():
            continue  # the labels stand on their own lines, each over its value: read as rows
        repl = "Aanwezig:".ljust(e0 - s0)
        t = t[:s0] + repl + t[e0:]
        heading = next((k for k in kinds if k != "present"), None)  # "Aanwezig: Voorzitter: …": a heading first
        if heading == "chair" and chair_at is None:
            chair_at = e0
    return t, chair_at


_CELL_END = re.compile(r"(?m)^[ \t]*\|[ \t]*$|[ \t]+\|[ \t]*$")


def _attendance(t: str, start: int, end: int) -> tuple[list[dict], str | None, str | None, int, list[tuple[int, int]]]:
    """Parse every attendance block in [start, end): (attendees, chair, minute taker, redacted, spans)."""
    if "|" in t[start:end]:
        # a table flattened to one cell per line ("aanwezig |", "Jacqueline Aarts |"): the cell ends are read
        # as blanks of the same length, so offsets still point into the text
        t = t[:start] + _CELL_END.sub(lambda m: " " * len(m.group()), t[start:end]) + t[end:]
    t, stacked_chair = _unstack_labels(t, start, end)
    attendees: list[dict] = []
    chair = minute_taker = None
    redacted = 0
    spans: list[tuple[int, int]] = []
    def kind_of(m: re.Match) -> tuple[str, str]:
        return next((ATTENDANCE_LABELS[j][1], m.group(f"k{j}")) for j in range(len(ATTENDANCE_LABELS))
                    if m.group(f"k{j}"))

    def opens_block(m: re.Match) -> bool:
        kind = kind_of(m)[0]
        has_colon = t[m.end() - 1: m.end()] == ":"
        if kind in ("chair", "minutes", "role") and not has_colon:
            return False
        mid_line = t[t.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t-•*") != ""
        return not mid_line or (has_colon and kind in ("present", "absent"))

    # a label that opens no block ("…; voorzitter : de heer X" inside the list) does not end the one before
    labels = [m for m in _LABEL_RE.finditer(t, start, end) if _real_label(t, m) and opens_block(m)]
    open_present = False
    for i, m in enumerate(labels):
        kind, label = kind_of(m)
        has_colon = t[m.end() - 1: m.end()] == ":"
        # the block runs to the next label, a stop line, or a blank line that ends the list
        block_end = labels[i + 1].start() if i + 1 < len(labels) else end
        pos = m.end()
        stop = _block_stop(t, m.start(), pos, block_end, end, kind)
        item = RUN_IN_MARK.search(t, pos, stop)
        if item and t.find("\n", pos, item.start()) == -1 and item.start() > pos:
            stop = item.start()  # "Afwezig: - 1A. OPENING EN …": the list ends where an item runs in
        block = t[pos:stop]
        headed_by_present = open_present
        if kind in ("chair", "minutes", "role") and open_present and stop < block_end:
            # "Aanwezig:" / "Voorzitter: X" / "CDA: Y, Z": the rows after the chair still list who was present
            rest_end = _block_stop(t, stop, stop, block_end, end, "present", first_counts=True)
            if t[stop:rest_end].strip():
                people, red = parse_attendance_block(t[stop:rest_end], "present")
                redacted += red
                attendees.extend(people)
                spans.append((stop, rest_end))
        elif kind in ("present", "absent", "org", "present_support"):
            # a bare "Aanwezig:" heads the labelled rows below it
            open_present = kind == "present" and not block.strip()
        if kind in ("chair", "minutes"):
            block = block.split("\n")[0] if block.split("\n")[0].strip() else block
            people, red = parse_attendance_block(block, "present")
            redacted += red
            if people:
                p = people[0]
                if kind == "chair":
                    chair = chair or p["name"]
                    p["role"] = p["role"] or "voorzitter"
                    attendees.append(p)
                else:
                    # a minute taker named under a label of their own ("Notulist:", "Verslag:") is kept as the
                    # meeting's minute taker, not counted as an attendee; one listed among those present
                    # ("Aanwezig: ..., X (verslag)") stays an attendee
                    minute_taker = minute_taker or p["name"]
            spans.append((m.start(), stop))
            continue
        if kind == "role":
            role = re.sub(r"\s+", " ", label.lower())
            role = _PLURAL_ROLES.get(role, role) or role
            people, red = parse_attendance_block(block.split("\n")[0], "present")
            redacted += red
            for p in people:
                p["role"] = " / ".join(dict.fromkeys([role] + ([p["role"]] if p["role"] else [])))
            attendees.extend(people)
            spans.append((m.start(), stop))
            continue
        status = "absent" if kind == "absent" else "present"
        if kind == "absent" and headed_by_present and i and not t[labels[i - 1].end():m.start()].strip() \
                and _fold(kind_of(labels[i - 1])[1]).startswith("aanwezig"):
            # "Aanwezig:\nAfwezig: A, B, C": the labels' column was read before the lists' column, so the
            # first list belongs to the first label
            status = "present"
        org = m.group("org") if kind == "org" and "org" in m.groupdict() and m.group("org") else None
        if kind == "org":
            org = re.sub(r"\s+", " ", org).strip()
        people, red = parse_attendance_block(block, status, org)
        redacted += red
        item = re.search(r"punt(?:en)?\s+(\d{1,2}[a-z]?)(?:\s*(?:en|t/m|-)\s*(\d{1,2}[a-z]?))?\s*$", label, re.I)
        if item and status == "present":
            # present only for the items the label names
            for p in people:
                if p["status"] == "present":
                    p["status"] = "partial"
                    p["from_item"], p["until_item"] = item.group(1), item.group(2) or item.group(1)
        attendees.extend(people)
        spans.append((m.start(), stop))
    if not attendees:
        attendees, spans = unlabelled_attendance(t, start, end)
    if stacked_chair is not None and not chair:
        found = [(t.find(a["name"].split()[-1], stacked_chair), i) for i, a in enumerate(attendees)
                 if a["status"] != "absent"]
        found = [f for f in found if f[0] >= 0]
        first = attendees[min(found)[1]] if found else None
        if first is not None:
            chair = first["name"]
            first["role"] = first["role"] or "voorzitter"
    for a in attendees:
        if a["role"] and re.search(r"(?:^|/\s*)voorzitter\b", a["role"]) and a["status"] != "absent" and not chair:
            chair = a["name"]
        # "Eline Bos (verslag)", "mw. K. Bos (secretaris, verslag)" took the minutes
        if a["role"] and re.search(r"(?:^|/\s*)notulist\b", a["role"]) and a["status"] != "absent" \
                and not minute_taker:
            minute_taker = a["name"]
    return attendees, chair, minute_taker, redacted, spans


def _dedupe_attendees(attendees: list[dict]) -> list[dict]:
    out: list[dict] = []
    for a in attendees:
        same = next((o for o in out if _fold(o["name"]) == _fold(a["name"])), None)
        if same is None:
            out.append(dict(a))
            continue
        for k, v in a.items():
            if v and not same.get(k):
                same[k] = v
        if a["status"] == "partial" or (a["status"] == "absent" and same["status"] == "present" and not same.get("role")):
            same["status"] = a["status"]
    return out
