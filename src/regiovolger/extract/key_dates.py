"""Key dates: announced meetings, events and deadlines.

Read from lists under headings such as "Nog dit jaar geplande bijeenkomsten",
"Rondvraag en belangrijke data", "Lobbymomenten en belangrijke data",
"Vergaderdata", "Volgende vergadering", with one date and title per line
("30 januari Regiocongres (10.00 - 13.00 uur Het Spoorhuis)", "Q1 2025:
Werkbezoek", "* Stuurgroep: dinsdag 1 september en dinsdag 3 november"),
and from sentences announcing the next meeting or a deadline agreed ("De
volgende vergadering is op 12 maart", "een termijn tot eind oktober
afgesproken").  A year left out is completed from the part's (meeting's) date;
"onder voorbehoud", "voorlopig", "P.M." mark a date as tentative; "Q1 2025"
and "eind oktober" keep ``date_text`` with ``date`` null.
"""

from __future__ import annotations

import re

from ..document import Part, Text
from .evidence import evidence
from .key_date_periods import CONFIDENCE as PERIOD_CONFIDENCE, period_key_dates
from .key_date_prose import CONFIDENCE, REPORT_CONFIDENCE, prose_key_dates
from .sentences import When, clean, dates_in, is_blank, lines, parts_of, sentence_spans

# what a meeting is called: "raadsvergadering", "stuurgroep", "Transformatietafel", "AB"
MEETING_NOUN = (r"(?:[\w-]*(?:vergadering|bijeenkomst|overleg|beraad|sessie|stuurgroep|werkgroep|projectgroep|kerngroep|tafel"
                r"|bestuur|commissie|raad|congres|conferentie|symposium|werkbezoek)(?:en|s)?|AB|DB|PHO|BO|PS|GS|AV|ALV)")
# what a planned event or milestone is called: "de opening van het tracé", "de oplevering"
EVENT_NOUN = (r"(?:[\w-]*(?:opening|ingebruikname|lancering|viering|start|ondertekening|presentatie|bijeenkomst|werkbezoek|excursie"
              r"|avond|congres|symposium|conferentie|workshop|oplevering|aftrap|kick-off|markt|festival|feest|afronding"
              r"|livegang|inwerkingtreding|aanbesteding|gunning)|open\s+dag)")
DOC_NOUN = r"(?:[\w-]*(?:rapportage|brief|monitor|update|nieuwsbrief|notitie|evaluatie|begroting|jaarrekening|nota|rapport))"
HEADING = re.compile(
    r"(?i)(?:geplande\s+(?:bijeenkomsten|vergaderingen|overleggen|data)|belangrijke\s+(?:data|datums|momenten)"
    rf"|vergaderdata|vergaderschema|vergaderplanning|volgende?\s+(?-i:{MEETING_NOUN})(?=\s*(?::|$|\d))"
    r"|komende\s+(?:bijeenkomsten|vergaderingen|data|activiteiten)|agenda\s+komende\s+periode|data\s+om\s+te\s+noteren"
    r"|save\s+the\s+date|kalender|jaarplanning|planning\s+(?:vergaderingen|bijeenkomsten)|lobbymomenten|data\s+\d{4}"
    r"|vergaderingen\s+\d{4}|op\s+de\s+volgende\s+(?:dagen|data|datums|momenten)\s*:)")
# "Vervolg" / "Vervolgstappen" / "Planning" heading a list of dates ("- 9 april 2025: bewonersavond")
FOLLOW_UP = re.compile(r"(?i)[ \t]*(?:vervolg(?:stappen|proces|traject)?|planning|tijdpad|tijdlijn|tijdplanning)[ \t]*:?[ \t]*$")
TENTATIVE = re.compile(r"(?i)onder\s+voorbehoud|voorlopig|\bp\.?\s?m\.?(?=\s|$)|n\.?t\.?b\.?|nog\s+te\s+bepalen|o\.?v\.?b\.?"
                       r"|tentatief|onder\s+voorbehoud|datum\s+volgt|\bpm\b")
TIME = re.compile(r"(?<![\d,.])(?P<h>[0-2]?\d)[.:](?P<m>[0-5]\d)(?:\s*(?:-|–|tot)\s*[0-2]?\d[.:][0-5]\d)?\s*(?:uur|u\.)?"
                  r"|(?<![\d,.])(?P<h2>[0-2]?\d)\s*uur")
ANNOUNCE = re.compile(
    rf"(?i)\b(?:eerst)?volgende?\s+(?P<what>(?-i:{MEETING_NOUN}|{DOC_NOUN})(?:\s+(?-i:[A-Z])[\w-]*){{0,3}})\b"
    r"|\bvolgende\s+(?:vergadering|bijeenkomst|overleg|bespreking|sessie|keer)\b"
    r"|\b(?:termijn|deadline)\s+(?:tot|van|op)\b(?=(?s:.)*\b(?:afgesproken|vastgesteld|besloten|geldt|overeengekomen)\b)"
    r"|\beerst(?:volgende|komende)\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:is\s+)?op\b|\bvindt\s+plaats\s+op\b|\bstaat\s+gepland\s+(?:op|voor)\b|\bis\s+gepland\s+(?:op|voor)\b|\bvolgt\s+een\b")
ITEM_START = re.compile(r"^[ \t]*(?:[•◦▪●\-–*·][ \t]*)?")


def _time(s: str) -> str | None:
    m = TIME.search(s)
    if not m:
        return None
    h = int(m.group("h") or m.group("h2"))
    mi = int(m.group("m") or 0) if m.group("m") else 0
    if h > 23:
        return None
    return f"{h:02d}:{mi:02d}"


def _location(s: str) -> str | None:
    # "(10.00 - 13.00 uur Het Spoorhuis)": the place beside the time; "... in Assen"
    for m in re.finditer(r"\(([^()]*)\)", s):
        inner = m.group(1)
        if TIME.search(inner):
            rest = clean(TIME.sub(" ", inner)).strip(" ,;-")
            if rest and rest[0].isupper() and len(rest.split()) <= 5:
                return rest
        lm = re.search(r"\bin\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*$", inner)
        if lm:
            return lm.group("place")
    m = re.search(r"\b(?:in|te)\s+(?P<place>[A-Z][\w'’-]+)\s*\.?\s*$", s)
    if m:
        return m.group("place")
    m = re.search(r"(?i)\blocatie\s*:\s*(?P<place>[^,;\n]+)", s)
    if m:
        return clean(m.group("place"))
    return None


def _title(s: str) -> str:
    s = re.sub(r"\([^()]*\)", lambda m: "" if TIME.search(m.group(0)) or TENTATIVE.search(m.group(0)) else m.group(0), s)
    # a bare time ("…, 15.30 uur") is the time, not the title
    s = re.sub(r"(?i)^[\s,;:–-]*(?:om\s+)?(?:[0-2]?\d[.:][0-5]\d(?:\s*(?:-|–|tot)\s*[0-2]?\d[.:][0-5]\d)?|[0-2]?\d)\s*(?:uur|u\.)"
               r"(?=[\s,;.]|$)", "", s)
    s = re.sub(r"\s+([.,;:])", r"\1", clean(s)).strip(" :-–,;*•")
    s = re.sub(r"(?i)^(?:p\.?\s?m\.?|o\.?v\.?b\.?)\s+", "", s)
    # the first sentence names the event
    m = re.search(r"(?<=[a-z)])\.\s+[A-Z][a-z]+\s", s)
    if m:
        s = s[:m.start()]
    return s.rstrip(" .:")


def _key_date(text: Text, parts: list[Part], w: When, s: int, e: int, title: str, line: str) -> dict:
    k = {"date": w.date, "date_text": clean(w.text), "time": _time(line.replace(w.text, " ")), "title": title,
         "location": _location(line), "tentative": bool(w.tentative or TENTATIVE.search(line)),
         "evidence": evidence(text, parts, s, e)}
    return k


def _list_lines(t: str, start: int, end: int) -> list[tuple[int, int]]:
    """The item lines (with wrapped continuations) of a date list starting after a heading."""
    items: list[list[int]] = []
    blank = False
    prose = 0
    for ls, le in lines(t, start, end):
        if is_blank(t, ls, le):
            blank = True
            continue
        line = t[ls:le]
        lead = ITEM_START.match(line).end()
        body = line[lead:]
        starts_with_date = bool(re.match(
            r"(?i)(?:(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?,?\s+)?"
            r"(?:\d{1,2}(?:e|ste|de)?\s+[a-z]{3,9}|\d{1,2}[-/]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4}|q[1-4]\b|(?:begin|eind|medio|half)\s+[a-z]+"
            r"|(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4}"
            r"|(?:voorjaar|najaar|zomer|winter)\b)", body))
        titled = bool(lead) and bool([w for w in dates_in(body, 0, len(body), None) if w.match and w.match.day])
        if starts_with_date or titled:
            items.append([ls + lead, le])
            blank = False
            prose = 0
            continue
        if re.match(r"[ \t]*(?:\d{1,2}[.)]?\s*$|\d{1,2}[.)]?\s+[A-Z]|vastgesteld\b|ad\s+\d)", line, re.I):
            break  # the next agenda item or the adoption stamp
        if items and not blank and not re.match(r"[ \t]*[A-Z][\w ]{1,25}:", line):
            items[-1][1] = le  # a wrapped line ("Plaats: …" below the list is a field, no continuation)
            continue
        if items:
            break
        prose += 1
        if prose > 25:
            break
        blank = False
    return [(s, e) for s, e in items]


def _lists(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out = []
    for ls, le in lines(t, part.start, part.end):
        line = t[ls:le]
        hm = HEADING.search(line) or FOLLOW_UP.match(line)
        # a heading is short; a sentence that ends in a colon may introduce the list too
        if not hm or len(line.strip()) > (200 if line.rstrip().endswith(":") else 90):
            continue
        # the heading may carry the first item itself ("Volgende vergadering: 12 maart 2025")
        rest = line[hm.end():]
        if dates_in(rest, 0, len(rest), part) and not any(ls < b and le > a for a, b in taken):
            w = dates_in(t, ls + hm.end(), le, part)[0]
            label = t[ls:w.start]
            if ":" in label:
                title = _title(label[:label.rfind(":")])  # "Volgend overleg: vrijdag 5 juli, 9.30 uur, …"
            else:
                title = _title(t[ls:le].replace(w.text, " ")) or clean(hm.group(0))
            title = re.sub(r"(?i)^(?:volgende|komende)\s+", lambda m: m.group(0), title)
            out.append(_key_date(text, parts, w, ls, le, title, line))
            taken.append((ls, le))
            continue
        for s, e in _list_lines(t, le + 1, part.end):
            if any(s < b and e > a for a, b in taken):
                continue
            item = t[s:e]
            ws = dates_in(t, s, e, part)
            if not ws:
                continue
            first = ws[0]
            if first.start - s <= 2 and not re.match(r"[^:]{2,60}:\s*\S", item[: first.start - s + 1]):
                # "30 januari Congres ..." / "Q1 2025: Werkbezoek ..."
                title = _title(t[first.end:e]) or _title(line)  # "- 3 oktober 2024, 15.30 uur" under "Vergaderschema …"
                out.append(_key_date(text, parts, first, s, e, title, item))
            else:
                # "Stuurgroep: dinsdag 1 september en dinsdag 3 november"
                title = _title(item[: item.find(":")]) if ":" in item[: first.start - s] else _title(t[s:first.start])
                for w in ws:
                    out.append(_key_date(text, parts, w, s, e, title, item))
            taken.append((s, e))
    return out


FIELD_LABEL = re.compile(r"(?i)(?:datum|vergaderdatum|tijd|aanvang|locatie|plaats|aanwezig|afwezig|verslag|notulen|onderwerp"
                         r"|kenmerk|zaaknummer|vergadering(?:\s+d\.?d\.?)?|bijeenkomst|overleg)$")
BODY_LINE = re.compile(rf"[ \t]*(?:[•\-–*][ \t]*)?(?P<title>[A-Z][\w'’ -]{{1,40}}?)[ \t]*:[ \t]*(?=\S)")


def reference_date(t: str, part: Part) -> str | None:
    """The document's own date: the part's, else the first full date in its head."""
    if part.date:
        return part.date
    head = dates_in(t, part.start, min(part.end, part.start + 800), part)
    # (a date written with its year: one whose year was inferred is no reference)
    return next((w.date for w in head if w.date and (w.match is None or w.match.year)), None)


def _body_lines(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """"Algemeen bestuur: woensdag 26 juni 2024." — a body and a later date on a line of its own."""
    t = text.text
    ref = reference_date(t, part)
    if not ref:
        return []
    out = []
    for ls, le in lines(t, part.start, part.end):
        m = BODY_LINE.match(t, ls, le)
        if not m or any(ls < b and le > a for a, b in taken) or le - ls > 120:
            continue
        title = clean(m.group("title"))
        if FIELD_LABEL.match(title) or not re.search(rf"\b{MEETING_NOUN}\b", title, re.I):
            continue
        ws = dates_in(t, m.end(), le, part)
        if not ws or ws[0].start - m.end() > 14 or not ws[0].date or ws[0].date <= ref:
            continue
        out.append(_key_date(text, parts, ws[0], ls, le, title, t[ls:le]))
        # "AB: 3 april, 26 juni en 2 oktober 2025": every date of the list
        for prev, w in zip(ws, ws[1:]):
            if not re.fullmatch(r"\s*(?:,|en|&|,\s*en)\s*", t[prev.end:w.start]) or not w.date:
                break
            out.append(_key_date(text, parts, w, ls, le, title, t[ls:le]))
        taken.append((ls, le))
    return out


# "aan het AB van 14 december", "tot de collegevergadering van 16 april": a later meeting named by its date
REF_BEFORE = re.compile(r"\b(?i:in|tijdens|op|voor|tot|aan|naar|bij)\s+(?i:de|het)\s+(?P<title>[^,.;:()\n]{2,60}?)\s+van\s+$")
EVENT_BEFORE = re.compile(rf"(?i)\b(?:de|het|een)\s+(?P<title>{EVENT_NOUN}(?:\s+(?:van|voor)\s+[^,.;:()]{{1,50}}?)?)\s+(?:op|van)\s+$"
                          rf"|\b(?:de|het|een)\s+(?P<title2>{EVENT_NOUN})\b[^.;:()]{{1,60}}?,?\s+op\s+$")
# "De raden kunnen tot 1 april 2025 een zienswijze indienen": a deadline to respond
RESPONSE = re.compile(r"(?i)\b(?P<what>(?:zienswijze|reactie|inspraakreactie|bezwaar|wensen\s+en\s+bedenkingen)(?:n|s)?"
                      # what it is about: "reactie op de concept-zoekgebieden", "zienswijzen van de raden op de begroting"
                      r"(?:\s+van\s+(?:de|het)\s+[\w-]+)?(?:\s+(?:op|over)\s+(?:de|het|een)\s+[\w-]+)?)"
                      r"(?=[^.;:]{0,100}?\b(?:in\s+(?:te\s+)?dienen|indienen|ingediend|kenbaar|geven|naar\s+voren|insturen|sturen"
                      r"|maken|verwacht|tegemoet\s+gezien|ontvangen)\b)")
# "… ligt ter inzage van 10 februari tot en met 24 maart 2025": the day it opens
INSPECTION_BEFORE = re.compile(r"(?i)\bter\s+inzage\s+(?:van(?:af)?|per|op)\s+$")
INSPECTED = re.compile(r"(?i)(?P<what>\b(?:het|de)\s+[^,.;:]{2,60}?)\s+(?:ligt|liggen|wordt|worden)\s+(?:\w+\s+)?ter\s+inzage")
# "Het uitje wordt 17 mei (bowlen).": an event set on a day
SET_ON = re.compile(r"(?i)^\W*(?:het|de)\s+(?P<title>[\w-]{3,30})\s+(?:wordt|is|valt)\s+(?:op\s+)?$")
# "De nieuwe regeling … gaat in vanaf 1 juli", "Die komt er vanaf 1 juni weer": a start date
STARTS = re.compile(r"(?i)^\W*(?P<subj>(?:de|het)\s+[^,.;:]{2,80}?|die|deze|dit|dat)\s+(?:gaat|gaan|treedt|treden)\s+in\s+(?:per|vanaf|op)\s+$"
                    r"|^\W*(?P<subj2>(?:de|het)\s+[^,.;:]{2,80}?|die|deze|dit|dat)\s+(?:komt|komen|start|starten|begint|beginnen|geldt|gelden)"
                    r"\s+(?:er\s+)?(?:weer\s+|opnieuw\s+)?(?:per|vanaf)\s+$")
DEADLINE_BEFORE = re.compile(r"(?i)\b(?:tot(?:\s+en\s+met)?|t/m|voor|vóór|uiterlijk)\s+(?:\w+dag\s+)?$")
SHIFT_BEFORE = re.compile(
    rf"(?i)\b(?:de|het)\s+(?P<title>{EVENT_NOUN}(?:\s+(?:van|voor)\s+[^,.;:()]{{1,50}}?)?)\s+(?:schuift|verschuift"
    r"|is\s+verschoven|wordt\s+verschoven|is\s+voorzien|staat\s+gepland|is\s+gepland|wordt\s+verwacht|volgt)"
    r"(?:\s+(?:naar|in|voor|op|rond))?\s+(?:het\s+|de\s+)?$")


PAST = re.compile(r"(?i)\b(?:heeft|hebben|had|hadden|was|waren|werd|werden)\b")


def _references(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    ref = reference_date(t, part)
    out = []
    spans = sentence_spans(t, part.start, part.end)
    for idx, (s, e) in enumerate(spans):
        if any(s < b and e > a for a, b in taken) or t[s:e].rstrip().endswith("?"):
            continue
        sent = t[s:e]
        if part.type in {"minutes", "decision_list", "action_list"} and re.match(r"(?i)\W*aldus\s+(?:vastgesteld|besloten)\b", sent):
            continue  # the signature formula under minutes names the meeting that adopted them
        for w in dates_in(t, s, e, part):
            before = clean(t[s:w.start]) + " "
            if w.date and ref and w.date > ref:
                rm = RESPONSE.search(sent)
                if rm and DEADLINE_BEFORE.search(before):
                    out.append(_key_date(text, parts, w, s, e, clean(rm.group("what")).lower(), sent))
                    continue
                if INSPECTION_BEFORE.search(before):
                    im = INSPECTED.search(before)
                    title = f"{clean(im.group('what'))} ter inzage" if im else "ter inzage"
                    out.append(_key_date(text, parts, w, s, e, title[0].lower() + title[1:], sent))
                    continue
                sm = SET_ON.match(before)
                if sm and re.match(r"\s*(?:\([^()\n]*\))?\s*[.;,]?\s*$", t[w.end:e]) and not FIELD_LABEL.match(sm.group("title")):
                    out.append(_key_date(text, parts, w, s, e, sm.group("title").lower(), sent))
                    continue
                st = STARTS.search(before)
                if st and not PAST.search(before):
                    subj = clean(st.group("subj") or st.group("subj2"))
                    if re.fullmatch(r"(?i)die|deze|dit|dat", subj) and idx > 0:
                        # the thing named in the sentence before ("… over de nieuwe regeling voor de energietoeslag.")
                        prev = clean(t[spans[idx - 1][0]:spans[idx - 1][1]])
                        nm = re.search(r"(?i)\b(?:over|voor|van|met)\s+((?:de|het)\s+[^,.;:]{2,80}?)\s*[.,;]?\s*$", prev)
                        subj = clean(nm.group(1)) if nm else ""
                    if subj:
                        out.append(_key_date(text, parts, w, s, e, re.sub(r"^(?:De|Het)\b", lambda x: x.group(0).lower(), subj), sent))
                        continue
            m = SHIFT_BEFORE.search(before)
            if m and (w.date is None or not ref or w.date > ref):
                out.append(_key_date(text, parts, w, s, e, clean(m.group("title")), sent))
                continue
            if not w.date or not ref or w.date <= ref:
                continue  # only later meetings and events are announced
            if re.match(r"(?i)\s*(?:jl\b|j\.l\.|jongstleden|l\.l\.)", t[w.end:e]) or PAST.search(sent):
                continue  # "in het overleg van 4 november jl. heeft …" looks back
            m = EVENT_BEFORE.search(before)
            if m:
                out.append(_key_date(text, parts, w, s, e, clean(m.group("title") or m.group("title2")), sent))
                continue
            rm = RESPONSE.search(sent)
            if rm and DEADLINE_BEFORE.search(before):
                out.append(_key_date(text, parts, w, s, e, rm.group("what").lower(), sent))
                continue
            m = REF_BEFORE.search(before)
            if m and re.search(rf"\b{MEETING_NOUN}\b", m.group("title")) and len(m.group("title").split()) <= 5:
                title = re.sub(r"^(?:[a-z][\w-]*\s+)*?(?=(?:[A-Z]|[\w-]*(?:vergadering|overleg|bijeenkomst)))", "",
                               clean(m.group("title")))
                out.append(_key_date(text, parts, w, s, e, title or clean(m.group("title")), sent))
    return out


def _sentences(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out = []
    for s, e in sentence_spans(t, part.start, part.end):
        if any(s < b and e > a for a, b in taken):
            continue
        sent = t[s:e]
        am = ANNOUNCE.search(sent)
        if not am or sent.rstrip().endswith("?"):
            continue
        ws = [w for w in dates_in(t, s, e, part)]
        if not ws:
            continue
        # the date closest after the cue
        after = [w for w in ws if w.start >= s + am.start()] or ws
        w = after[0]
        if am.group("what"):
            what = clean(am.group("what"))
            title = what if re.fullmatch(rf"{DOC_NOUN}.*", what, re.I) else clean(am.group(0)).capitalize()
            title = re.sub(r"^(?i:eerstvolgende|volgende?)\s+", lambda x: x.group(0).capitalize(), title)
        elif re.search(r"(?i)\b(?:termijn|deadline)\b", am.group(0)):
            title = clean(sent)
        elif re.search(r"(?i)eerst(?:volgende|komende)", am.group(0)):
            title = re.sub(r"(?i)^eerst(?:volgende|komende)\s+|\s+(?:is\s+)?op$", "", clean(am.group(0)))
        elif re.search(r"(?i)volgende", am.group(0)):
            title = clean(am.group(0)).capitalize()
        else:
            vm = re.search(r"(?i)\bvolgt\s+een\s+(?P<what>[^.,;(]+)", sent)
            title = clean(vm.group("what")) if vm else clean(sent)
        out.append(_key_date(text, parts, w, s, e, title, sent))
        taken.append((s, e))
    return out


def extract_key_dates(text: Text, parts: list[Part]) -> list[dict]:
    """Key dates in ``text``, in text order."""
    out: list[dict] = []
    prose_seen: set[str] = set()  # a day announced in prose once per file
    for part in parts_of(parts, text):
        taken: list[tuple[int, int]] = []
        # forms, programmes, reports and budgets list planned dates of their own content (project phases,
        # milestones): their lists are not read as announcements; their prose is, at review confidence
        listing = part.type not in {"application_form", "programme", "policy_report", "budget"}
        found = _lists(text, parts, part, taken) if listing else []
        if part.type in {"minutes", "decision_list", "action_list", "agenda", "proposal", "memo", "letter", "other"}:
            found += _body_lines(text, parts, part, taken)
            listed = {k["date"] for k in found if k["date"]}
            for k in _sentences(text, parts, part, taken) + _references(text, parts, part, taken):
                # one key date per day: the list or the announcement, not the passing mention as well
                if not k["date"] or k["date"] not in listed:
                    found.append(k)
                    if k["date"]:
                        listed.add(k["date"])
        # what no listed form gave, from running prose (any document type), as a reviewed candidate
        listed = {k["date"] for k in out + found if k["date"]} | prose_seen
        taken = taken + [(k["evidence"]["start"], k["evidence"]["end"]) for k in found]
        for w, s, e, title in prose_key_dates(text, part, reference_date(text.text, part), taken, listed):
            k = _key_date(text, parts, w, s, e, title, text.text[s:e])
            k["confidence"] = CONFIDENCE if listing else REPORT_CONFIDENCE
            found.append(k)
            prose_seen.add(w.date)
        taken = taken + [(k["evidence"]["start"], k["evidence"]["end"]) for k in found]
        for w, s, e, title in period_key_dates(text, part, taken, reference_date(text.text, part)):
            k = _key_date(text, parts, w, s, e, title, text.text[s:e])
            k["confidence"] = PERIOD_CONFIDENCE
            found.append(k)
        out += found
    out.sort(key=lambda k: (k["evidence"]["start"], k["date_text"]))
    return out
