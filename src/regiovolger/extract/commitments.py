"""Commitments (toezeggingen): promises of an administrator to a council, the States or a board.

Forms: "Wethouder X zegt toe ...", "heeft gedeputeerde X toegezegd: - ...
(toezegging gedaan op 02/12/2016)", "heb ik uw Staten toegezegd een overzicht te
sturen", "(conform toezegging aan PS van 29 november 2023)", "In de
Statenvergadering van 24 april 2024 hebben wij toegezegd ...", and registers of
numbered toezeggingen with their date, portfolio holder and status.

``fulfilled_here`` is true when the document says it is itself the promised
thing: "In deze memo geef ik u ...", "Dat hebben wij gedaan door", "geeft
antwoord op bovenstaande toezeggingen", "Hierbij ontvangt u ...".
"""

from __future__ import annotations

import re

from ..document import Part, Text
from .evidence import evidence
from .sentences import clean, dates_in, is_blank, lines, parts_of, sentence_spans

ADMIN = (r"(?:(?:[Dd]e\s+|[Hh]et\s+)?(?:toenmalige?\s+)?(?:wethouder|gedeputeerde|burgemeester|minister|staatssecretaris|portefeuillehouder"
         r"|voorzitter|college|dijkgraaf|commissaris\s+van\s+de\s+koning)(?:\s+van\s+[A-Z][\w&-]*)?"
         r"(?:\s+(?:[A-Z]\.\s?)*(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en)\s+){0,3}[A-Z][\w'’-]+)?)")
BODY = (r"(?:(?:uw|de|het)\s+)?(?<!volgende\s)(?<!komende\s)(?:Provinciale\s+Staten|Staten(?:leden)?|PS\b|(?:gemeente)?raad|raadsleden|Tweede\s+Kamer|Eerste\s+Kamer"
        r"|Kamer(?:lid\s+[A-Z][\w'’-]+)?|commissie(?:\s+[A-Z][\w-]+)?|algemeen\s+bestuur|AB\b|dagelijks\s+bestuur|vergadering"
        r"|fractie(?:\s+van\s+(?:de\s+|het\s+)?[\w!-]+)?)\b")
PROMISE = re.compile(
    r"\bzeg(?:t|gen)\s+(?:\w+\s+){0,4}?toe\b|\btoegezegd\b|\btoezegging\b|\bheeft\s+toegezegd\b|\bbelooft\b|\bbeloofd\b", re.I)
GENERIC = re.compile(r"\btoezeggingen\s+gedaan\b|\bmoties\s+en\s+toezeggingen\b|\bopenstaande\s+toezeggingen\b|\btoegezegd\s+in\s+"
                     r"(?:de\s+)?\w*circulaire\b|^\s*toegezegd\b", re.I)
FULFIL = re.compile(
    r"\bin\s+(?:deze|dit|onderstaande|de\s+voorliggende)\s+(?:memo|brief|notitie|nota|mededeling|overzicht|informatie\w*|rapport\w*|verkenning)"
    r"\s+(?:geef|informeer|stuur|bied|doe|treft|vindt|ontvangt|zend|geven|informeren|sturen|bieden)\w*\b"
    r"|\bhierbij\s+(?:ontvangt|zend|stuur|bied|informeer|geef)\w*\b|\bmet\s+(?:deze|dit)\s+(?:memo|brief|notitie|nota|overzicht)\b"
    r"|\bdat\s+(?:hebben\s+wij|heb\s+ik)\s+gedaan\b|\bgeeft\s+antwoord\s+op\s+(?:de\s+|deze\s+|bovenstaande\s+)?toezegging"
    r"|\b(?:hiermee|daarmee)\s+(?:is|wordt)\s+(?:\w+\s+){0,3}?(?:toezegging|afgedaan|voldaan)\b"
    r"|\b(?:kom|komen)\s+(?:ik|wij|we)\s+(?:hiermee\s+)?tegemoet\s+aan\b|\bvoldoe[n]?\s+(?:ik|wij|we)\s+aan\b"
    r"|\bwaarmee\s+(?:de\s+)?toezegging\b.{0,40}\b(?:is\s+)?afgedaan"
    r"|\b(?:kom|komen)\s+(?:ik|wij|we)\s+(?:hiermee\s+|daarmee\s+)?(?:\w+\s+){0,2}?toezegging(?:en)?\s+na\b"
    r"|\b(?:doe|doen)\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}?toezegging(?:en)?\s+gestand\b"
    r"|\b(?:geef|geven)\s+(?:ik|wij|we)\s+(?:hiermee\s+)?invulling\s+aan\s+(?:de|deze|die|mijn|onze)\s+toezegging", re.I | re.S)
# a sentence that only refers to the promise it fulfils ("Met deze brief kom ik deze toezegging na")
MAKES_PROMISE = re.compile(r"\bzeg(?:t|gen|de|den)?\s+(?:\w+\s+){0,4}?toe\b|\btoegezegd\b|\bbelo(?:ofd|ofde|ven|ofden|oft)\b"
                           r"|\btoezegging\s*(?::|gedaan|van\s+\w+)|^\W*toezegging\b", re.I)
# "die wij ter kennisneming aan u zenden ... (conform toezegging ...)"
SENDING_NOW = re.compile(r"\b(?:wij|we|ik)\s+(?:\w+\s+){0,4}?(?:aan\s+u\s+)?(?:zenden|sturen|toezenden|bieden|geven|informeren)\b"
                         r"|\b(?:zenden|sturen|geven|bieden)\s+(?:wij|we|ik)\b", re.I)
REGISTER = re.compile(r"(?im)^[ \t]*(?:\d{1,2}[.)]?[ \t]+)?(?:lijst\s+(?:van\s+)?(?:[\w-]+\s+){0,4}?toezeggingen|toezeggingenlijst"
                      r"|(?:raads?|staten|college)?toezeggingen(?:\s*register|lijst)?|overzicht\s+(?:\w+\s+)?toezeggingen"
                      r"|openstaande\s+(?:raads?|staten|college)?toezeggingen)"
                      r"\b[^\n]{0,60}$")
STATUS_DONE = re.compile(r"(?i)\b(?:afgedaan|afgehandeld|afgerond|gereed|voldaan|uitgevoerd|vervallen)\b")
STATUS_OPEN = re.compile(r"(?i)\b(?:open|openstaand|loopt|lopend|in\s+behandeling|in\s+uitvoering|nog\s+niet)\b")
SIGNER = re.compile(r"(?im)^[ \t]*(?:met\s+vriendelijke\s+groet|hoogachtend|namens\s+deze)[ \t,]*\n(?:[ \t]*\n)*[ \t]*(?P<who>[^\n]{3,60})")
SIGNING_BODY = re.compile(r"(?m)^[ \t]*(?P<who>(?:Gedeputeerde\s+Staten|Burgemeester\s+en\s+wethouders|Het\s+college\s+van"
                          r"\s+burgemeester\s+en\s+wethouders|Het\s+dagelijks\s+bestuur)(?:\s+van\s+[A-Z][\w-]+(?:[ -][A-Z][\w-]+)*)?),?[ \t]*$")
STANDARD_BODY = [
    (re.compile(r"(?i)^(?:uw\s+)?(?:provinciale\s+)?staten(?:leden)?$|^ps$"), "Provinciale Staten"),
    (re.compile(r"(?i)^(?:de\s+)?(?:gemeente)?raad(?:sleden)?$"), "de raad"),
    (re.compile(r"(?i)^(?:de\s+)?(?:tweede\s+)?kamer$"), "de Kamer"),
]


HEADER_FIELD = re.compile(r"(?i)\s*(?:onderwerp|betreft|kenmerk|titel|inzake)\s*:")
STATUS_LINE = re.compile(r"(?i)\s*(?:deze|die|de(?:ze)?\s+laatste|de)\s+toezegging\s+(?:staat|is|blijft|wordt)\s+(?:nog\s+|hiermee\s+|daarmee\s+)?"
                         r"(?:open|openstaand|afgedaan|afgehandeld|afgerond|lopend|niet\s+afgedaan|voldaan)\b[^.]{0,60}\.?\s*$"
                         # "Deze toezegging blijft (daarmee) op de lijst staan": still open
                         r"|\s*(?:deze|die|de)\s+toezegging\s+(?:blijft|staat)\s+(?:\w+\s+){0,2}?(?:op\s+de\s+lijst|open)"
                         r"(?:\s+staan)?\s*\.?\s*$")
MADE_NOW = re.compile(r"(?i)\bzeg(?:t|gen)\s+(?:\w+\s+){0,4}?toe\b|\bbelooft\b|\bbeloven\b")
MEETING_RECORDS = {"minutes", "decision_list", "action_list"}
# a letter's writer promising its addressee what comes next: "Ik zal uw Kamer voor de zomer informeren over …",
# "Voor 1 januari stuur ik u een nieuwe rapportage", "Wij informeren uw raad vóór 1 maart" — a toezegging in form
LETTER_TYPES = {"letter", "parliamentary_letter", "memo"}
_TO_READER = r"(?:uw\s+(?:kamer|raad|staten|commissie|vergadering|bestuur)|u)"
_INFORM = (r"(?:informeren|informeer|sturen|stuur|toesturen|zenden|zend|toezenden|rapporteren|rapporteer|berichten|bericht"
           r"|op\s+de\s+hoogte\s+(?:stellen|houden|brengen)|terugkomen|kom|komen)")
_WILL_INFORM = re.compile(rf"(?i)\b(?:ik|wij|we)\s+(?:zal|zullen)\s+{_TO_READER}\b[^.;?]{{0,160}}?\b{_INFORM}\b")
_NOW_INFORM = re.compile(rf"(?i)\b{_INFORM}\s+(?:ik|wij|we)\s+{_TO_READER}\b|\b(?:ik|wij|we)\s+{_INFORM}\s+{_TO_READER}\b")
_AHEAD = re.compile(r"(?i)\b(?:v[óo]{2}r|voor\s+(?:de|het|\d)|uiterlijk|binnenkort|zo\s+spoedig|na\s+de\s+zomer|medio|eind"
                    r"|in\s+(?:het|de)\s+(?:voorjaar|najaar|zomer|loop\s+van)|volgend\w*|komend\w*)\b")
LETTER_PROMISE_CONFIDENCE = 0.55  # under the publication threshold: staff review each one


def letter_promise(sent: str) -> bool:
    """The will-form promises by itself; the present tense ("stuur ik u") only with a time still ahead."""
    return bool(_WILL_INFORM.search(sent) or (_AHEAD.search(sent) and _NOW_INFORM.search(sent)))


def _head_date(t: str, part: Part, parts: list[Part] | None = None) -> str | None:
    """The meeting's date from the head of its minutes ("gehouden op woensdag 9 oktober 2024").

    A date after "verslag/notulen/besluitenlijst … van" names an earlier meeting (an item title);
    when the head has no other date, the date of the minutes part before this one is the meeting's.
    """
    head = dates_in(t, part.start, min(part.end, part.start + 400), part)
    for w in head:
        before = t[max(part.start, w.start - 60):w.start]
        if w.date and not re.search(r"(?i)\b(?:verslag|notulen|besluitenlijst|actielijst|vergadering)\b[^\n]{0,40}\b(?:van|d\.d\.)\s*$",
                                    before):
            return w.date
    earlier = [p for p in parts or [] if p.end <= part.start and p.type in MEETING_RECORDS and p.date]
    if earlier:
        return earlier[-1].date
    return next((w.date for w in head if w.date), None)


def _body(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = clean(raw)
    for rule, name in STANDARD_BODY:
        if rule.match(raw):
            return name
    return raw


def _signer(t: str, part: Part) -> str | None:
    region = t[part.start:part.end]
    m = SIGNER.search(region)
    if m:
        return clean(m.group("who")).rstrip(",")
    m = SIGNING_BODY.search(region)
    if m:
        return clean(m.group("who"))
    return part.organisation


def _made_by(sent: str, t: str, part: Part) -> str | None:
    m = re.search(rf"(?i:heeft|hebben|zegt|zeggen|was|door)\s+(?P<who>{ADMIN})", sent)
    if not m:
        m = re.search(rf"(?P<who>{ADMIN})\s+(?:\w+\s+){{0,12}}?(?i:heeft|zegt|zeggen)\b", sent)
    if not m:
        m = re.search(rf"(?:^|[\s(])(?P<who>(?:[Ww]ethouder|[Gg]edeputeerde|[Bb]urgemeester|[Mm]inister|[Ss]taatssecretaris)"
                      rf"(?:\s+van\s+[A-Z][\w&-]*)?(?:\s+(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en)\s+){{0,3}}[A-Z][\w'’-]+)?)\b", sent)
    if m:
        who = clean(m.group("who"))
        return re.sub(r"^(?:De|Het)\b", lambda x: x.group(0).lower(), who)
    if re.search(r"(?i)\b(?:ik|wij|we)\b", sent):
        return _signer(t, part)
    return None


ADMIN_NAMED = re.compile(r"(?:^|[\s(])(?:[Ww]ethouder|[Gg]edeputeerde|[Bb]urgemeester|[Mm]inister|[Ss]taatssecretaris|[Pp]ortefeuillehouder"
                         r"|[Dd]ijkgraaf|[Hh]eemraad)\s+(?:[A-Z]\.\s?)*(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en)\s+){0,3}[A-Z][\w'’-]+")
SALUTATION = re.compile(r"(?im)^[ \t]*(?:geachte|beste)\s+(?:leden\s+van\s+)?(?P<to>(?:de\s+|het\s+)?[^\n,]{2,60}?)\s*,?[ \t]*$")


def _addressee(t: str, part: Part) -> str | None:
    m = SALUTATION.search(t, part.start, min(part.end, part.start + 3000))
    if not m:
        return None
    to = m.group("to")
    if re.search(r"(?i)\bstaten\b", to):
        return "Provinciale Staten"
    if re.search(r"(?i)\braad\b", to):
        return "de raad"
    if re.search(r"(?i)\bkamer\b", to):
        return "de Kamer"
    if re.search(r"(?i)\bcommissie\b|\bbestuur\b", to):
        return clean(to)
    return None


def _made_to(sent: str, part: Part, t: str = "") -> str | None:
    m = re.search(rf"\b(?:toegezegd|toezegging|zegt|zeggen|beloofd|belooft)\b[^.]{{0,40}}?\b(?:aan\s+)?(?P<to>{BODY})", sent)
    if not m:
        m = re.search(rf"\b(?:aan|heb\s+ik|hebben\s+wij)\s+(?P<to>{BODY})\s+(?:\w+\s+){{0,3}}?(?:toegezegd|beloofd)", sent)
    if not m:
        m = re.search(rf"\b(?:aan|tegenover)\s+(?P<to>{BODY})", sent)
    if not m:
        m = re.search(rf"(?P<to>{BODY})\s+(?:\w+\s+){{0,4}}?(?:gevraagd|tegemoet\s+kan\s+zien|te\s+informeren)", sent)
    if not m:
        m = re.search(rf"\b(?P<to>de\s+raad|uw\s+Staten|Provinciale\s+Staten|de\s+Kamer)\b", sent)
    if m:
        return _body(m.group("to"))
    if re.search(r"(?i)\bstatenvergadering\b|\buw\s+staten\b", sent):
        return "Provinciale Staten"
    if re.search(r"(?i)\braadsvergadering\b", sent):
        return "de raad"
    if re.search(r"(?i)\bcommissiedebat\b|\bkamerdebat\b", sent):
        return "de Kamer"
    if t and re.search(r"(?i)\b(?:u|uw)\b", sent):
        return _addressee(t, part)
    return None


def _date_made(sent: str, part: Part) -> tuple[str | None, str | None]:
    ws = dates_in(sent, 0, len(sent), part, past=True)
    # the date after "toezegging gedaan op ..." / "toegezegd ... op ...", else the first one before the promise
    promise = PROMISE.search(sent)
    pos = promise.start() if promise else 0
    after = [w for w in ws if w.start >= pos and re.search(r"(?i)(?:op|van|d\.d\.)\s*$", sent[max(0, w.start - 6):w.start])]
    before = [w for w in ws if w.start < pos and not re.match(r"(?i)(?:voor|uiterlijk|eind)", w.text)]
    pick = after[0] if after else (before[0] if before else None)
    if not pick:
        return None, None
    return pick.date, pick.text


def _due(sent: str, part: Part) -> tuple[str | None, str | None]:
    promise = PROMISE.search(sent)
    for w in dates_in(sent, 0, len(sent), part):
        if promise and w.start < promise.start():
            continue  # when it was promised, not when it is due
        head = sent[max(0, w.start - 14):w.start]
        if re.search(r"(?i)(?:voor|vóór|uiterlijk|in|tijdens|na)\s+(?:het\s+|de\s+)?$", head) or re.match(
                r"(?i)(?:voor|vóór|uiterlijk|eind|begin|medio|najaar|voorjaar)", w.text):
            if re.search(r"(?i)(?:toezegging|toegezegd)[^.]{0,80}\b(?:op|d\.d\.)\s+$", sent[:w.start]):
                continue
            return w.date, w.text
    return None, None


def _commitment(text: Text, parts: list[Part], part: Part, s: int, e: int, body: str, sent: str) -> dict:
    t = text.text
    date, date_text = _date_made(sent, part)
    due, due_text = _due(body, part)
    c = {"id": "", "text": clean(body), "made_by": _made_by(sent, t, part), "made_to": _made_to(sent, part, t),
         "date_made": date, "due": due, "fulfilled_here": False, "evidence": evidence(text, parts, s, e)}
    if date_text and not date:
        c["date_made_text"] = date_text
    if due_text and not due:
        c["due_text"] = due_text
    return c


def _fulfilled(t: str, part: Part, s: int, e: int, sent: str) -> bool:
    if SENDING_NOW.search(sent) or FULFIL.search(sent):
        return True
    window = t[e: min(part.end, e + 1500)]
    return bool(FULFIL.search(window))


def _list_items(t: str, start: int, end: int) -> list[tuple[int, int]]:
    """The bullet items of a list that follows a colon (a promise with several points)."""
    items: list[list[int]] = []
    for ls, le in lines(t, start, end):
        if is_blank(t, ls, le):
            continue
        line = t[ls:le]
        m = re.match(r"[ \t]*(?:[•\-–*·]|\d{1,2}[.)]|[a-z][.)])[ \t]+", line)
        if m:
            items.append([ls + m.end(), le])
        elif items and not re.search(r"[.;]\s*$", t[items[-1][0]:items[-1][1]]):
            items[-1][1] = le
        else:
            break
    return [(s, e) for s, e in items]


COLUMN_CELL = re.compile(r"\S+(?: \S+)*")
ROW_NUMBER = re.compile(r"(?:[A-Z]{1,3}[-.]?)?\d{1,4}(?:[-./]\d{1,4}){0,2}[.)]?$")
ADMIN_HEADER = re.compile(r"(?i)(?:wethouder|gedeputeerde|portefeuillehouder|bestuurder|burgemeester|minister|lid\s+gs|door)$")


def _columns(text: Text, parts: list[Part], part: Part, start: int, made_to: str | None,
             taken: list[tuple[int, int]]) -> list[dict] | None:
    """A register laid out in columns side by side, cells wrapping within their column.

    Each word run is put in the column whose header starts at or just left of it;
    a row starts where the number column is filled.
    """
    t = text.text
    body = [(ls, le) for ls, le in lines(t, start, part.end)]
    filled = [k for k, (ls, le) in enumerate(body) if not is_blank(t, ls, le)][:3]
    for first in filled:  # the header, perhaps under a line such as "Stand per 1 februari"
        hs, he = body[first]
        # header cells are separated by two or more spaces
        heads = [(m.start() - hs, m.group().lower().rstrip(".")) for m in COLUMN_CELL.finditer(t, hs, he)]
        if len(heads) >= 3 and any(h.startswith(("toezegging", "omschrijving")) for _, h in heads) \
                and re.match(r"(?:nr|nummer|#|no|kenmerk|code)$", heads[0][1]):
            break
    else:
        return None
    starts = [p for p, _ in heads]
    names = [h for _, h in heads]
    rows: list[dict] = []
    blank = 0
    for ls, le in body[first + 1:]:
        if is_blank(t, ls, le):
            blank += 1
            if rows and blank >= 2:
                break
            continue
        blank = 0
        cells = []
        for m in COLUMN_CELL.finditer(t, ls, le):
            pos, cell = m.start() - ls, m.group()
            # two cells glued by a single space across a column start: split them there
            for p in starts[1:]:
                cut = cell.rfind(" ", 0, p - pos + 2)
                if pos < p < pos + len(cell) and cut > 0 and p - pos - 3 <= cut:
                    cells.append((pos, cell[:cut]))
                    pos, cell = pos + cut + 1, cell[cut + 1:]
            cells.append((pos, cell))
        col_of = [max((i for i, p in enumerate(starts) if p <= pos + 2), default=0) for pos, _ in cells]
        if cells and col_of[0] == 0 and cells[0][0] < starts[1] - 1:
            if not ROW_NUMBER.match(cells[0][1].split()[0]):
                break  # a footnote under the table
            rows.append({"start": ls, "end": le, "cols": {}})
        elif not rows:
            return None
        row = rows[-1]
        row["end"] = le
        for (pos, cell), i in zip(cells, col_of):
            row["cols"].setdefault(names[i], []).append(cell)
    out = []
    for row in rows:
        col = {n: clean("\n".join(v)) for n, v in row["cols"].items()}
        get = lambda *keys: next((v for n, v in col.items() if n.startswith(keys)), None)  # noqa: E731
        what = get("toezegging", "omschrijving")
        if not what:
            continue
        who_name = next((n for n in col if ADMIN_HEADER.match(n)), None)
        who = f"{who_name} {col[who_name]}" if who_name and who_name != "door" else (col[who_name] if who_name else None)
        forum = get("vergadering", "commissie", "gremium", "orgaan", "toegezegd aan", "aan")
        to = _body(forum) if forum else made_to
        if to and re.fullmatch(r"(?i)ps|provinciale\s+staten|staten", to):
            to = "Provinciale Staten"
        when = get("datum", "toegezegd op", "vergaderdatum")
        ws = dates_in(when, 0, len(when), part) if when else []
        due, _ = _due(what, part)
        if not due and get("termijn", "deadline", "uiterlijk", "afdoening"):
            cell = get("termijn", "deadline", "uiterlijk", "afdoening")
            dws = dates_in(cell, 0, len(cell), part)
            due = dws[0].date if dws else None
        status_cell = get("status", "stand", "afgedaan", "voortgang") or ""
        c = {"id": "", "text": what, "made_by": who, "made_to": to or made_to,
             "date_made": ws[0].date if ws else None, "due": due, "fulfilled_here": False,
             "evidence": evidence(text, parts, row["start"], row["end"])}
        if STATUS_DONE.search(status_cell):
            c["status"] = "done"
        elif STATUS_OPEN.search(status_cell):
            c["status"] = "open"
        out.append(c)
        taken.append((row["start"], row["end"]))
    taken.append((hs, he))
    return out


def _register(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Numbered rows of a toezeggingen register, one commitment each."""
    t = text.text
    out = []
    for rm in REGISTER.finditer(t, part.start, part.end):
        heading = rm.group(0)
        made_to = None
        mt = re.search(rf"\baan\s+(?P<to>{BODY})", heading)
        if mt:
            made_to = _body(mt.group("to"))
        columns = _columns(text, parts, part, rm.end() + 1, made_to, taken)
        if columns is not None:
            out += columns
            continue
        rows: list[list[int]] = []
        blank = 0
        titled = False  # a meeting portal's list: a "Titel" head, then one promise per line, unnumbered
        for ls, le in lines(t, rm.end() + 1, part.end):
            if is_blank(t, ls, le):
                blank += 1
                if rows and blank >= 2:
                    break
                continue
            after_blank, blank = blank > 0, 0
            line = t[ls:le]
            if re.search(r"(?i)\b(?:pagina|blad|blz\.?|page)\s+\d+\b|\|[^|\n]*\|", line):
                break  # a page footer ("… | Besluitenlijst | pagina 1 van 1") ends the register
            num = re.match(r"[ \t]*(?:[A-Z]{1,3}[-.]?)?\d{1,4}(?:[-./]\d{1,4})?[.)]?[ \t]+(?=\S)", line)
            if titled:
                if num or after_blank or len(line.strip()) > 120:
                    break  # the next agenda item ("5. B.4") or a paragraph ends the list
                rows.append([ls + len(line) - len(line.lstrip()), le])
                continue
            if num and not re.match(r"[ \t]*\d{1,2}[-./]\d{1,2}[-./]\d{2,4}", line):
                rows.append([ls + num.end(), le])
            elif rows and after_blank and not line[:1].isspace():
                break  # a paragraph after the register
            elif rows:
                rows[-1][1] = le
            elif len(rows) == 0 and re.search(r"(?i)\b(?:nr|toezegging|datum|status|portefeuillehouder)\b", line):
                taken.append((ls, le))
                continue  # the table header
            elif len(rows) == 0 and re.fullmatch(r"(?i)[ \t]*(?:titel|omschrijving|onderwerp)[ \t]*", line):
                titled = True
                taken.append((ls, le))
                continue
            else:
                break
        for s, e in rows:
            row = clean(t[s:e])
            status = "done" if STATUS_DONE.search(row) else "open" if STATUS_OPEN.search(row) else None
            body = re.sub(r"(?i)\s+(?:afgedaan|afgehandeld|afgerond|gereed|voldaan|uitgevoerd|vervallen|open|loopt|lopend"
                          r"|in\s+behandeling)\s*\.?$", "", row)
            ws = dates_in(t, s, e, part)
            # a date inside the sentence ("… voor 1 juli te informeren") is no column of its own
            prose = [w for w in ws if re.search(r"(?i)\b(?:voor|vóór|uiterlijk|na|in|op|van|per|tot)\s+$", t[max(s, w.start - 12):w.start])]
            ws = [w for w in ws if w not in prose]
            date = ws[0].date if ws else None
            due = ws[1].date if len(ws) > 1 else None
            if due is None:
                due = next((w.date for w in prose if re.search(r"(?i)\b(?:voor|vóór|uiterlijk)\s+$", t[max(s, w.start - 12):w.start])), None)
            by = re.search(r"(?:^|\s)(?P<who>(?:[Ww]ethouder|[Gg]edeputeerde|[Bb]urgemeester|[Pp]ortefeuillehouder)"
                           r"(?:\s+(?:[A-Z]\.\s?)*(?:(?:van|de|der|den)\s+){0,2}[A-Z][\w'’-]+)?)", row)
            if not by:
                by = re.search(r"(?:^|\s)(?P<who>(?:[A-Z]\.\s?){1,4}\s*(?:(?:van|de|der|den)\s+){0,2}[A-Z][\w'’-]+)", row)
            for w in ws:  # dates are columns, not part of what was promised
                body = body.replace(clean(w.text), " ")
            if by:
                body = body.replace(by.group("who"), " ")
            if date is None and part.type in MEETING_RECORDS and MADE_NOW.search(row):
                date = part.date or _head_date(t, part, parts)  # "X zegt toe …" listed under the minutes: made in this meeting
            c = {"id": "", "text": clean(body).strip(" -|;,"), "made_by": by.group("who").strip() if by else None,
                 "made_to": made_to, "date_made": date, "due": due, "fulfilled_here": False,
                 "evidence": evidence(text, parts, s, e)}
            if status:
                c["status"] = status
            out.append(c)
            taken.append((s, e))
    return out


def extract_commitments(text: Text, parts: list[Part]) -> list[dict]:
    """Commitments in ``text``, in text order, ids "c1", "c2", …"""
    t = text.text
    out: list[dict] = []
    for part in parts_of(parts, text):
        taken: list[tuple[int, int]] = []
        out += _register(text, parts, part, taken)
        spans = sentence_spans(t, part.start, part.end)
        for s, e in spans:
            if any(s < b and e > a for a, b in taken):
                continue
            sent = t[s:e]
            if STATUS_LINE.match(sent):
                # "Deze toezegging staat nog open.": the status of the promise just before
                if out and out[-1]["evidence"]["end"] <= s and s - out[-1]["evidence"]["end"] < 400:
                    out[-1]["status"] = "done" if STATUS_DONE.search(sent) and not re.search(r"(?i)\bniet\b|\bopen", sent) else "open"
                taken.append((s, e))
                continue
            if HEADER_FIELD.match(sent):
                continue  # "Onderwerp: Afdoening toezegging …" names the subject, it promises nothing
            promised_by_form = part.type in LETTER_TYPES and not PROMISE.search(sent) and letter_promise(sent)
            if (not PROMISE.search(sent) and not promised_by_form) or GENERIC.search(sent) or len(sent.split()) < 5:
                continue
            if re.search(r"(?i)\bnaar\s+aanleiding\s+van\s+de\s+toezegging\b", sent):
                continue  # refers back to a promise recorded elsewhere in the text
            if FULFIL.search(sent) and not MAKES_PROMISE.search(sent):
                continue  # "Hiermee kom ik mijn toezegging na": fulfils the one before, promises nothing new
            fulfilled = _fulfilled(t, part, s, e, sent)
            if sent.rstrip().endswith(":"):
                items = _list_items(t, e, part.end)
                if items:
                    window_end = items[-1][1]
                    fulfilled = fulfilled or bool(FULFIL.search(t[window_end: min(part.end, window_end + 800)]))
                    for s2, e2 in items:
                        item = t[s2:e2]
                        c = _commitment(text, parts, part, s2, e2, item, sent + " " + item)
                        if c["made_by"] is None:
                            c["made_by"] = _made_by(sent, t, part)
                        c["fulfilled_here"] = fulfilled
                        out.append(c)
                        taken.append((s2, e2))
                    continue
            c = _commitment(text, parts, part, s, e, sent, sent)
            if c["made_by"] is None and re.match(r"\s*(?:Hij|Zij|Ze)\b", sent):
                # "Zij zegt toe …": the administrator named in the sentences before
                for ps, pe in reversed([sp for sp in spans if sp[1] <= s][-3:]):
                    who = _made_by(t[ps:pe], t, part) if re.search(ADMIN_NAMED, t[ps:pe]) else None
                    if who:
                        c["made_by"] = who
                        break
            c["fulfilled_here"] = fulfilled
            if promised_by_form:
                c["made_by"] = c["made_by"] or _signer(t, part)
                c["made_to"] = c["made_to"] or _addressee(t, part)
                c["confidence"] = LETTER_PROMISE_CONFIDENCE  # a promise by its form, not by the word: staff review it
            meeting_date = part.date or _head_date(t, part, parts) if part.type in MEETING_RECORDS else None
            if c["date_made"] is None and meeting_date and MADE_NOW.search(sent):
                c["date_made"] = meeting_date  # promised during the meeting these minutes record
                c.pop("date_made_text", None)
            out.append(c)
            taken.append((s, e))
    out.sort(key=lambda c: c["evidence"]["start"])
    for i, c in enumerate(out, 1):
        c["id"] = f"c{i}"
    return out
