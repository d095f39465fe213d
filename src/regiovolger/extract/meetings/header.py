"""Meeting heads: title, body (gremium), date, start and end time and location of minutes and agendas
("Verslag ... d.d. maandag 6 juli 2020, 14.00-15.45 uur"; "Datum / Tijd / Locatie" blocks)."""

from __future__ import annotations

import re

from ..dates import find_dates
from .agenda import ITEM_LINE
from .common import DOC_WORDS, HEADER_FIELD, _LABEL_RE, _fold, _hhmm

TIME_RANGE = re.compile(
    r"(?<![\d.,])([0-2]?\d)[.:]([0-5]\d)\s*(?:uur\s*)?(?:-|–|—|tot|t/m)\s*([0-2]?\d)[.:]([0-5]\d)(?![\d,])")
ONE_TIME = re.compile(r"(?:aanvang|om|vanaf|tijd\s*:?|start)?\s*(?<![\d.,])([0-2]?\d)[.:]([0-5]\d)\s*(?:uur|u\b)",
                      re.IGNORECASE)


INVITATION = re.compile(
    r"(?i)\b(?:nodig(?:t|en)?\s+(?:ik|wij|we|het\s+\w+|de\s+\w+)\s+u\s+(?:graag\s+|hierbij\s+|van\s+harte\s+)?uit|"
    r"(?:wordt|worden)\s+u\s+(?:hierbij\s+)?uitgenodigd|uitnodiging)\s+(?:voor|tot|bij)\s+(?P<s>(?:[^.]|\.(?=\d)){0,240})")
DEADLINE_BEFORE = re.compile(r"(?i)\b(?:tot(?:\s+en\s+met)?|t/m|uiterlijk|v[oó]{2}r|deadline|gereed|termijn|"
                             r"vanaf|per|na)\s*(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?$")


def canonical_body(raw: str | None) -> str | None:
    """Clean a gremium name; councils and states get one spelling."""
    if not raw:
        return None
    s = re.sub(r"\s+", " ", raw).strip(" -–:,.;|")
    s = re.sub(r"^(?:van\s+|de\s+|het\s+)+", "", s, flags=re.I)
    if not s or len(s) > 120:
        return None
    f = _fold(s)
    if re.fullmatch(r"(?:openbare\s+|besloten\s+)?(?:gemeente)?raad(?:svergadering)?(?:\s+van\s+.*)?|"
                    r"(?:vergadering\s+van\s+de\s+)?gemeenteraad.*|raadsvergadering.*", f):
        return "gemeenteraad"
    if re.fullmatch(r"(?:provinciale\s+staten|statenvergadering|vergadering\s+van\s+provinciale\s+staten).*", f):
        return "Provinciale Staten"
    if re.fullmatch(r"(?:vergadering\s+(?:van\s+)?)?(?:het\s+)?(?:college(?:vergadering)?\s*(?:van\s+)?)?"
                    r"(?:burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w)(?:\s+(?:van|der|gemeente)\b.*)?|"
                    r"college(?:vergadering)?(?:\s+van\s+(?:b\s*(?:&|en)\s*w|burgemeester\s+en\s+wethouders).*)?|"
                    r"collegevergadering.*", f):
        return "college van burgemeester en wethouders"
    if s.isupper() and len(s) > 4:
        s = s.title()
    return s


def body_key(body: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", _fold(body or ""))


_LEADING_GENERIC = re.compile(
    r"^(?:(?:" + DOC_WORDS + r"|van|voor|de|het|der|een|digitaal|digitale?|fysieke?|online|hybride|openbare|besloten|extra|"
    r"ingelaste|reguliere|vergadering|overleg|bijeenkomst|sessie|d\.?d\.?|[-–:|])\s*)+", re.I)


def body_from_title(title: str) -> str | None:
    """'Verslag digitaal overleg Dagelijks Bestuur d.d. maandag ...' -> 'Dagelijks Bestuur'."""
    s = re.split(r"\s+(?:d\.?\s?d\.?|op|van|gehouden\s+op|dd)\s*:?\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|"
                 r"zaterdag|zondag)\s+)?\d|\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?"
                 r"\d{1,2}[-./ ]|,|\s+aanvang\b|\s+datum\b", title, maxsplit=1, flags=re.I)[0]
    s = re.sub(r"\s+\d{4}\s*$", "", s)
    whole = s.strip()
    s = _LEADING_GENERIC.sub("", whole)
    if not s:
        # "Vergadering" / "Bestuurlijk overleg" style titles: the generic word is the body
        m = re.search(r"(bestuurlijk\s+overleg|ambtelijk\s+overleg|raadsvergadering|statenvergadering)", whole, re.I)
        return canonical_body(m.group(1)) if m else None
    # keep "Bestuurlijk Overleg" when the title is just that
    if re.match(r"(?:bestuurlijk|ambtelijk|portefeuillehouders)", whole, re.I) is None:
        m = re.search(r"\b((?:bestuurlijk|ambtelijk|portefeuillehouders)[\w-]*\s+(?:overleg|team)\b.*)", whole, re.I)
        if m and len(m.group(1)) >= len(s):
            s = m.group(1)
    return canonical_body(s)


TITLE_LINE = re.compile(
    r"^(?:\A[ \t]*\d{1,3}[ \t]+)?"  # a page number run into the first line: "1 Notulen van de …"
    r"[ \t]*(?:(?:bundel|concept|definitief|definitieve|openbare|openbaar|besloten|vertrouwelijke?)\s*[-–:]?\s*)?(?:"
    + DOC_WORDS + r"|vergadering|overleg|bijeenkomst)\b"
    r"[^\n]{0,200}$", re.IGNORECASE | re.MULTILINE)


def _title_block(head: str, pos: int) -> str:
    """Lines that continue a title: wrapped ("gehouden op dinsdag / 8 oktober 2024, aanvang 20.00 uur"), or the
    body under a bare heading ("AGENDA / Bestuurscommissie Werk"); labelled fields end it."""
    title = head[head.rfind("\n", 0, pos) + 1:pos].strip()
    bare = re.fullmatch(r"(?i)(?:concept[- ]?)?" + DOC_WORDS, title) is not None
    out: list[str] = []
    for line in head[pos:].split("\n")[1:3]:
        s = line.strip()
        if not s or re.match(r"[\w .()/-]{2,40}:", s) or _LABEL_RE.match(line) or len(s) > 120 \
                or (ITEM_LINE.match(line) and not find_dates(s[:30])):
            break
        if not (s[:1].islower() or s[:1].isdigit() or (bare and not out)):
            break
        if bare and not out and s[:1].isupper() and (s.endswith(".") or len(s.split()) > 10):
            break  # prose under the heading, not the body's name
        out.append(s)
        if s.endswith("."):
            break
    return " ".join(out)


_NOT_BODY_ABOVE = re.compile(r"(?i)^(?:(?:gemeente|provincie|waterschap)\s+[\w'’-]+|aan\b.*|van\b.*|postbus\b.*|"
                             r"pagina\b.*|www\..*|.*@.*)$")


def _body_above(head: str, title_pos: int) -> str | None:
    """A gremium printed on its own line above a title that names none ("Cliëntenraad X" over "VERSLAG van
    de openbare vergadering van ...")."""
    lines = [ln.strip() for ln in head[:title_pos].split("\n") if ln.strip()]
    if not lines:
        return None
    ln = lines[-1]
    if len(ln) > 80 or len(ln.split()) > 8 or not ln[:1].isupper() or re.search(r"[:;|]|\d", ln) \
            or ln.endswith((".", ",")) or _NOT_BODY_ABOVE.match(ln) or _LABEL_RE.match(ln) \
            or re.match(r"(?i)" + DOC_WORDS + r"\b", ln):
        return None
    return canonical_body(ln)


MEETING_DATE_FIELD = re.compile(r"(?im)^[ \t]*(?:vergaderdatum|datum\s+(?:van\s+de\s+)?vergadering|vergadering\s+d\.?\s?d\.?)"
                                r"[ \t]*:?[ \t]*(?P<v>[^\n]{6,60})$")


# a meeting portal's field naming who meets, its value on the same or the next line ("Orgaan:\nGemeenteraad")
BODY_FIELD = re.compile(r"(?im)^[ \t]*(?:orgaan|gremium|bestuursorgaan|vergaderorgaan)[ \t]*:[ \t]*\n?[ \t]*(?P<v>[^\n:]{3,80})$")


def _in_item_line(head: str, pos: int) -> bool:
    """Whether pos lies on an agenda item's line (not the first line: "1 Notulen van … 3 maart" is a page
    number run into the title)."""
    line_start = head.rfind("\n", 0, pos) + 1
    return bool(head[:line_start].strip()) and bool(ITEM_LINE.match(head, line_start))


def _header(t: str, part_start: int, limit: int) -> dict:
    """Read title, body, date, times, location, chair from a part's head."""
    head = t[part_start:limit]
    info: dict = {"title": None, "title_start": None, "title_end": None}
    # the head proper ends at the first attendance label or numbered item: a later "Overleg met ..." or
    # "Verslag en actielijst van ..." line is body text or an item, not the title
    first_item = ITEM_LINE.search(head)
    first_label = _LABEL_RE.search(head)
    head_end = min([x.start() for x in (first_item, first_label) if x] + [len(head)])
    for m in TITLE_LINE.finditer(head):
        line = re.sub(r"^\d{1,3}[ \t]+", "", m.group(0).strip())
        if m.start() > head_end and (info["title"] is not None or m.start() > head_end + 600):
            break  # a title line deep inside the items is an item's text, not the head's title
        # "Notulen: Bep Jansen", "Actielijst: actiepunt 4 ...": a label with its value, no title
        if re.match(r"(?i)" + DOC_WORDS + r"\s*:\s*\S", line):
            continue
        if re.search(r"\bter\s+(?:vaststelling|bespreking|kennisname|besluitvorming)\b|\(bijlage", line, re.I):
            continue
        if re.match(r"(?:agenda|bijlagen?|vergadering)\s*(?:punt|nummer)?\s*:", line, re.I):
            continue
        cand = dict(title=line, title_start=part_start + m.start() + m.group(0).find(line),
                    title_end=part_start + m.end())
        block = _title_block(head, m.end())
        if info["title"] is None:
            info.update(cand, title_block=block)
        body = body_from_title(line)
        if not body and block:
            # "BESLUITENLIJST / van de vergadering van de raad van ..." or "AGENDA / Bestuurscommissie X"
            body = body_from_title(f"{line} {block}")
            if body and len(body.split()) > 8:
                body = None  # a sentence, not a name
            if body:
                cand["title_block"] = block
        if body:
            # a generic title continued on the next line: "Agenda bestuurlijk overleg" / "Programma X (Y)"
            nxt = re.match(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<n>[A-Z][^\n:]{2,80})\n", head[m.end():])
            if re.fullmatch(r"(?i)(?:bestuurlijk|ambtelijk)\s+overleg|overleg|vergadering", body) and nxt \
                    and not find_dates(nxt.group("n")) and not _LABEL_RE.match(nxt.group("n")):
                body = f"{body} {nxt.group('n').strip()}"
            info.update(cand, body=body)
            break
    if info["title"] and not info.get("body"):
        info["body"] = _body_above(head, info["title_start"] - part_start)
    organ = BODY_FIELD.search(head)
    if organ and (not info.get("body") or len(info["body"].split()) > 8):
        info["body"] = organ.group("v").strip()  # a meeting portal's "Orgaan:" / "Gremium:" field
    # date: first full date in the head, preferring one on the title line or a "Datum" field
    date = None
    fields = {}
    for m in HEADER_FIELD.finditer(head):
        fields.setdefault(m.group("label").lower(), (m.group("value").strip(), part_start + m.start("value"),
                                                      part_start + m.end("value")))
    cands = []
    # "Vergaderdatum: 4 juli 2023" under a title that carries the publication date
    held = MEETING_DATE_FIELD.search(head)
    if held:
        cands.append((held.group("v"), "field"))
    below = re.search(r"(?im)^[ \t]*(?:datum|vergaderdatum)[ \t]*:[ \t]*\n[ \t]*(?P<v>[^\n]{6,40})$", head)
    if below:
        cands.append((below.group("v"), "field"))  # a portal's field with its value on the next line
    if info["title"]:
        cands.append((f"{info['title']} {info.get('title_block') or ''}", "title"))
    invite = INVITATION.search(head)
    if invite:
        # a letter convening a meeting: the meeting's date is in the invitation, the letter's own date is not
        cands.append((invite.group("s"), "invitation"))
        if not info.get("body"):
            b = re.search(r"\bvergadering\s+van\s+(?:het\s+|de\s+)?(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})",
                          invite.group("s"))
            info["body"] = canonical_body(b.group("b")) if b else None
    if "datum" in fields:
        cands.append((fields["datum"][0], "field"))
    cands.append((head[:1500], "head"))
    info["date_source"] = None
    # "vergadering op maandag 17 september" in a letter dated 7 september 2018: the year is the letter's
    head_year = next((d.date.year for d in find_dates(head[:1500]) if d.date), None)
    for c, source in cands:
        ds = [d for d in find_dates(c, head_year if source in ("invitation", "title") else None) if d.date]
        if source == "head":
            # "hebben tot 1 april 2025", "uiterlijk 15 mei": a deadline, not the meeting's date
            ds = [d for d in ds if not DEADLINE_BEFORE.search(c[max(0, d.start - 30):d.start])]
            if first_item is not None and first_item.start() < 40:
                # a part that opens with its items ("1. Opening … 4. Vaststellen notulen 22 april 2008"):
                # a date inside an item is that item's, not the meeting's
                ds = [d for d in ds if not _in_item_line(c, d.start)]
        if ds:
            date = ds[0].date.isoformat()
            info["date_source"] = source
            break
    info["invitation"] = invite.group("s") if invite else None
    info["date"] = date
    # times
    # "Plaats: dorpshuis, aanvang 20.00 uur": a start time inside the place field
    place_times = [re.search(r"\baanvang\b.*", fields[k][0], re.I) for k in ("plaats", "locatie") if k in fields]
    time_src = " ".join(x for x in [info["title"] or "", info["invitation"] or "", info.get("title_block") or "", fields.get("tijd", ("",))[0], fields.get("tijdstip", ("",))[0],
                                    fields.get("datum", ("",))[0], fields.get("aanvang", ("",))[0]]
                        + [pt.group(0) for pt in place_times if pt] if x)
    m = TIME_RANGE.search(time_src)
    if m:
        info["start_time"], info["end_time"] = _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
    else:
        m = ONE_TIME.search(time_src)
        info["start_time"] = _hhmm(m.group(1), m.group(2)) if m else None
        info["end_time"] = None
    for key in ("locatie", "plaats", "vergaderlocatie", "waar"):
        if key in fields and fields[key][0] and not find_dates(fields[key][0]):
            info["location"] = re.sub(r"(?i),?\s*\baanvang\b.*$", "", fields[key][0]).strip(" :,") or None
            break
    else:
        info["location"] = None
    return info
