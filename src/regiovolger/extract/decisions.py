"""Decisions that were taken, with their kind, amount and vote.

A decision is recorded in minutes and decision lists ("Het verslag is
akkoord", "wordt ongewijzigd vastgesteld", "stemt in met", "neemt kennis
van", "Besloten wordt", "Besluit: ...", "De raad besluit unaniem: ...",
"amendement A1 wordt aangenomen", "in samenspraak wordt een termijn
afgesproken").  A proposal is not a decision: "stelt voor", "Voorstel:",
"U wordt geadviseerd in te stemmen" and an empty "Besluit:" field decide
nothing.  A proposal only records a decision when it is a signed
raadsbesluit/statenbesluit ("Aldus besloten in de openbare vergadering").
"""

from __future__ import annotations

import re

from ..document import Part, Text
from .actions import agreed_action
from .amounts import find_amounts
from .evidence import evidence
from .sentences import BULLET, clean, is_blank, lines, parts_of, sentence_spans


def first_amount(s: str) -> float | int | None:
    for a in find_amounts(s):
        if a.value_eur is not None:
            v = a.value_eur
            return int(v) if v == v.to_integral_value() else float(v)
    return None



# --- decisions ---------------------------------------------------------------

# where decisions are recorded
RECORD_TYPES = {"minutes", "decision_list", "action_list", "other"}

KIND_RULES: list[tuple[str, re.Pattern]] = [
    ("postpone", re.compile(
        r"\b(?:wordt|worden|is|zijn)\s+(?:nog\s+)?niet\s+(?:\w+\s+){0,2}?vastgesteld|\baangehouden\b|\baan\s+te\s+houden\b"
        r"|\bdoorgeschoven\b|\buitgesteld\b|\bon\s*hold\b|\bverdaagd\b|\bterugverwezen\b"
        r"|\bvan\s+de\s+agenda\s+(?:gehaald|afgevoerd|gevoerd)|\bschuift\s+door\b|\bwordt\s+opnieuw\s+geagendeerd"
        r"|\bkomt\s+terug\s+(?:in|op)\s+(?:de|een)\s+volgende", re.I)),
    ("reject", re.compile(
        r"\bverworpen\b|\bafgewezen\b|\bniet\s+aangenomen\b|\bstem(?:t|men|de|den)\s+niet\s+in\b|\bniet\s+in\s+te\s+stemmen"
        r"|\bgaa?t?n?\s+niet\s+akkoord\b|\bniet\s+akkoord\b|\baf\s+te\s+wijzen\b|\bwijst\b.{0,80}\baf\b"
        r"|\bte\s+weigeren\b|\bgeweigerd\b|\bweiger(?:t|en)\b|^\W*niet\s+conform\b", re.I)),
    ("take_note", re.compile(
        r"\bne(?:emt|men)\s+(?:\w+\s+){0,3}?kennis\b|\bkennis\s*(?:ge)?nomen\b|\bkennisgenomen\b|\bkennis\s+te\s+nemen\b"
        r"|\b(?:voor|ter)\s+kennisgeving\s+aan(?:genomen)?\b|\bkennisnemen\b", re.I)),
    ("adopt", re.compile(
        r"\bvastgesteld\b|\bvast\s+te\s+stellen\b|\bvaststellen\b|\bstel(?:t|len|de|den)\b.{0,250}?\bvast\b"
        r"|\bverslag\b.{0,80}\b(?:akkoord|goedgekeurd|ongewijzigd|conform)\b|\bnotulen\b.{0,80}\b(?:akkoord|goedgekeurd)\b",
        re.I | re.S)),
    ("approve", re.compile(
        r"\bstem(?:t|men|de|den)\s+(?:\w+\s+){0,6}?in\b|\bingestemd\b|\bin\s+te\s+stemmen\b|\binstemmen\b|\binstemt\b|\binstemming\b"
        r"|\bakkoord\b|\bgoedgekeurd\b|\bgoed\s+te\s+keuren\b|\bkeurt\b.{0,120}\bgoed\b|\baangenomen\b|\baanvaard(?:t|en)?\b"
        r"|\bte\s+aanvaarden\b|\bhamerstuk\b|\bmeegaan\b|\bgaat\s+mee\b|\bte\s+(?:her)?benoemen\b|\bbenoemd\b"
        r"|\bte\s+onderschrijven\b|\bover\s+te\s+nemen\b|\bbeschikbaar\s+te\s+stellen\b|\bte\s+verlenen\b|\bte\s+bekrachtigen\b"
        r"|\btoe\s+te\s+kennen\b|\btoegekend\b|\bconform\s+(?:het\s+)?(?:voorstel|advies|ontwerpbesluit|preadvies)\b"
        r"|^\W*conform\W*$|\bconform\s+besloten\b",
        re.I | re.S)),
    ("other", re.compile(
        r"\bbesloten\b|\bbesluit\b|\bbesluiten\b|\bafgesproken\b|\bspreken\s+af\b|\bspreekt\s+af\b|\bovereengekomen\b"
        r"|\bkomen\s+overeen\b|\bafspraak\s+is\b|\bconclusie\b", re.I)),
]

# sentence-level triggers: a decision stated in prose
TRIGGER = re.compile(
    r"\bverslag\b[^.]{0,80}\b(?:is|wordt|worden)\s+(?:[\w.]+\s+){0,12}?(?:akkoord|vastgesteld|goedgekeurd)"
    r"|\b(?:wordt|worden|is|zijn)\s+(?:[\w.]+\s+){0,12}?(?:vastgesteld|goedgekeurd|aangenomen|verworpen|afgewezen|aangehouden"
    r"|doorgeschoven|uitgesteld|verdaagd|aanvaard|afgevoerd|afgedaan)\b|\b(?:blijft|blijven)\s+(?:\w+\s+){0,3}?staan\b"
    r"|\bniet\s+(?:\w+\s+){0,2}?vastgesteld\b"
    r"|\bstem(?:t|men)\s+(?:\w+\s+){0,6}?in\b|\bne(?:emt|men)\s+(?:\w+\s+){0,3}?kennis\s+van\b|\bkennisgenomen\b"
    r"|\bne(?:emt|men)\s+(?:hier|daar)(?:van)?\s+(?:\w+\s+){0,3}?kennis\b|\bne(?:emt|men)\s+(?:met\s+\w+\s+)?kennis\b"
    r"|\b(?:kiest|kiezen|koos|kozen)\s+(?:(?:het|de)\s+[\w-]+\s+|\w+\s+){0,2}?voor\b(?!\s+(?:te|om)\b)"
    r"|(?<!\bhet\s)(?<!\been\s)(?<!\bdit\s)\bbesl(?:uit|uiten)\s+conform\s+(?:het\s+)?(?:voorstel|advies)|^\W*(?:conform|akkoord)\b"
    r"|\bstel(?:t|len)\s+.{0,200}?\bvast\b|\bkeurt\s+.{0,120}?\bgoed\b"
    r"|\b(?:gaa?t|gaan|gegaan|zijn|is)\s+(?:\w+\s+){0,2}?akkoord\b|\bakkoord\s+gegaan\b|\b(?:is|zijn)\s+(?:besproken\s+en\s+)?akkoord\b"
    r"|\b[Bb]esloten\s+wordt\b|\bwordt\s+besloten\b|\b(?:heeft|hebben)\s+besloten\b|(?<!\bhet\s)(?<!\been\s)(?<!\bdit\s)(?<!\bdat\s)(?<!\bzijn\s)(?<!\bhaar\s)\bbesl(?:uit|uiten|oot)\s+(?:[\w€.,-]+\s+){0,14}?(?:om|te)\s"
    r"|\b(?:wordt|worden|is|zijn)\s+(?:\w+\s+){0,9}?afgesproken\b|^\W*(?:er\s+)?afgesproken\s+(?:wordt|is)\b|\baan\s+te\s+houden\b|\bspreken\s+af\b|\bovereengekomen\b|\bkomen\s+overeen\b"
    r"|\bals\s+hamerstuk\b|\bon\s*hold\b|\bkan\s+(?:hierin|daarin|hiermee|daarmee)\s+meegaan\b|\bvoor\s+kennisgeving\s+aangenomen\b"
    r"|^\W*(?:amendement|motie)\b[^:]{0,250}?:\s*(?:aangenomen|verworpen|aangehouden)\b",
    re.I | re.S)
# "Motie M2 (…) "titel": aangenomen …": the outcome line of a motion or amendment, a decision of its own
OUTCOME_LINE = re.compile(r"(?i)(?:amendement|motie)\b[^:\n]{0,250}?:\s*(?:aangenomen|verworpen|aangehouden|ingetrokken)\b")
# a report or a question in an outcome column decides nothing ("Mw. X meldt dat …")
REPORT = re.compile(r"(?i)^\W*(?:[\w.-]+\s+){1,4}?(?:meldt|melden|deelt|delen|vraagt|vragen|informeert|geeft|geven|merkt|wijst"
                    r"|attendeert|licht|memoreert|brengt)\b(?:\s+\w+){0,3}?\s+(?:dat|mee|naar|of|aan|op|toe|in\s+herinnering)\b")

# a proposal, advice, question or opinion decides nothing
NOT_TAKEN = re.compile(
    r"(?<!\bte\s)\bstel(?:t|len)\s+(?:\w+\s+){0,4}?voor\b|\bvoorgesteld\b|^\s*voorstel\b|\bvoorstel\s+is\b|\bgeadviseerd\b|\badviseert\b"
    r"|\bwordt\s+(?:u\s+)?gevraagd\b|\bverzocht\b|\bverzoek\b|\bzou(?:den)?\b|\bmoet(?:en)?\s+nog\b|\bindien\b|\bmits\b"
    r"|\bwordt\s+verwacht\b|\bte\s+zijner\s+tijd\b|\bvoornemens\b|\bvoorgenomen\b|\bbeoogd\b|\bter\s+besluitvorming\b"
    r"|\?\s*$|\bvastgesteld\s+(?:d\.d\.|op)\s|\b(?:gaat|zal|zullen)\s+(?:\w+\s+){0,6}?(?:vaststellen|besluiten|instemmen)\b",
    re.I)
# a later clause that hands the matter on does not undo the decision before it
CLAUSE_BREAK = re.compile(
    r",?\s+(?:en|waarna|maar)\s+(?:\w+\s+){0,2}?(?:legt|leggen|biedt|bieden|zendt|zenden|stuurt|sturen|vraagt|vragen|verzoekt"
    r"|verzoeken|brengt|brengen|geeft|geven|draagt|dragen|wordt|worden|stelt|stellen)\b|;", re.I)
# the advice of an advisory committee is its outcome ("De commissie adviseert het AB …")
ADVICE = re.compile(
    r"\W*(?:de|het)\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:commissie|adviesraad|raad\s+van\s+advies)\s+(?:\w+\s+){0,2}?"
    r"(?:adviseert|adviseren|brengt\s+(?:\w+\s+){0,2}?advies\s+uit|geeft\s+(?:\w+\s+){0,2}?advies\b)", re.I)
CONCLUDES = re.compile(r"\b(?:concludeert|concluderen|constateert|constateren)\s+dat\b", re.I)
AGREED = re.compile(r"\W*(?:er\s+)?(?:afgesproken|overeengekomen)\s+(?:wordt|is|werd)\s+dat\s+|\W*(?:afspraak|afspraken)\s*:\s*"
                    r"|\W*(?:de|het)\s+[\w\s-]{2,40}?\s+(?:spreekt|spreken)\s+af\s+dat\s+", re.I)

# agreements reported as background ("dit is ook afgesproken in de Board")
BACKGROUND = re.compile(r"\b(?:ook|eerder|reeds|al|destijds|eerdere)\s+(?:\w+\s+){0,2}?(?:afgesproken|besloten|vastgesteld)\b"
                        r"|\b(?:afgesproken|besloten|vastgesteld)\s+(?:in|door)\s+(?:de|het)\s+[A-Z]"
                        r"|\bzoals\s+(?:\w+\s+){0,4}?(?:afgesproken|besloten|vastgesteld)\b|\bvastgestelde\b", re.I)
# "De raad besluit unaniem:", "Besluit:", "Het college besluit:" opening a block
BLOCK_OPEN = re.compile(
    r"(?im)(?:^[ \t]*|(?P<mid>(?<=\s)(?=(?-i:Besl))))(?:(?P<label>besluit(?:en)?|besloten|besluitvorming|conclusie(?:s)?|afspra(?:ak|ken)|uitkomst|b\s*e\s*s\s*l\s*u\s*i\s*t)"
    r"(?:[ \t]+(?:van\s+(?:het\s+|de\s+)?)?(?:college|b\s*(?:&|en)\s*w|d\.?b\.?|a\.?b\.?|dagelijks\s+bestuur|algemeen\s+bestuur"
    r"|bestuur|raad|gs|ps|directie))?[ \t]*:"
    r"|(?P<lead>[^\n:.]{0,80}?\b(?-i:besl)(?:uit|uiten|oot|oten)\b[^\n:.]{0,80}?:|[^\n:]{0,60}?\b(?-i:besl)(?:uit|uiten|oot)\b"
    r"(?:[ \t]+(?:unaniem|in\s+meerderheid|bij\s+acclamatie|met\s+algemene\s+stemmen|zonder\s+(?:hoofdelijke\s+)?stemming))"
    r"?[ \t]*\([^)\n]*\)[ \t]*$))")
VOTE = re.compile(
    r"\bunaniem\b|\bmet\s+algemene\s+stemmen\b|\bbij\s+acclamatie\b|\bin\s+meerderheid\b|\bzonder\s+(?:hoofdelijke\s+)?stemming\b"
    r"|\bals\s+hamerstuk\b|(?:met\s+)?(?P<for>\d+)\s+stemmen\s+voor\s+en\s+(?P<against>\d+)\s+(?:stemmen\s+)?tegen"
    r"|(?P<for2>\d+)\s+voor\s*(?:,|en|/)\s*(?P<against2>\d+)\s+tegen", re.I)
AGAINST_BY = re.compile(r"(?im)^[ \t]*tegen\s+(?:het\s+\w+|de\s+\w+|dit\s+\w+)\s+stemde(?:n)?\s*:?\s*(?P<who>[^\n]+)")
FRACTION_SUBJECT = re.compile(r"\bbesl(?:uit|uiten|oot)\s+de\s+fractie|\bde\s+fractie\b[^.]{0,60}\bbesl(?:uit|uiten|oot)", re.I)
SIGNED_DECISION = re.compile(r"\baldus\s+(?:besloten|vastgesteld)\b", re.I)
AGENDA_HEADING = re.compile(r"^[ \t]*(?:\d{1,2}[a-z]?[.)]?|ad\s+\d+[a-z]?\.?)[ \t]+\S", re.I)
ITEM_HEADING = re.compile(r"(?i)(?:agendapunt|punt|ad|item|onderwerp)\s+\d{1,2}[a-z]?\b[.:]?\s+\S"
                          r"|(?:hamerstukken|bespreekstukken|ingekomen\s+stukken|sluiting|rondvraag)\s*:?\s*$")
ROW_NUMBER = re.compile(r"(?i)(?:nr\.?|nummer|punt|agendapunt)\s*\d{1,3}[a-z]?\s*$")
LABEL_LINE = re.compile(r"^[ \t]*(?:[A-Z][\w ]{1,30}):[ \t]*$")


ACTION_LIKE = re.compile(r"\s*(?:(?:de|het)\s+)?[\w.\- ]{1,40}?\s+(?:zal|zullen)\s+(?!(?:\w+\s+){0,8}?worden\b)", re.I)


def _against(t: str, pos: int, end: int) -> re.Match | None:
    """"Tegen het voorstel stemden ..." on the first line after a decision."""
    m = re.compile(r"[ \t\n\f]*").match(t, pos)
    nxt = m.end() if m else pos
    if nxt >= end:
        return None
    return AGAINST_BY.match(t, t.rfind("\n", 0, nxt) + 1 if t.rfind("\n", 0, nxt) >= pos else nxt, end)


def kind_of(s: str) -> str:
    for kind, rule in KIND_RULES:
        if rule.search(s):
            return kind
    return "other"


def vote_of(s: str) -> dict | None:
    m = VOTE.search(s)
    if not m:
        return None
    for_, against = m.group("for") or m.group("for2"), m.group("against") or m.group("against2")
    word = clean(m.group(0)).lower()
    return {"text": clean(m.group(0)), "for": int(for_) if for_ else None,
            "against": int(against) if against else None,
            "unanimous": word in {"unaniem", "met algemene stemmen", "bij acclamatie", "als hamerstuk"}}


def about_of(s: str) -> str | None:
    if re.search(r"\bamendement", s, re.I):
        return "amendment"
    if re.search(r"\bmotie", s, re.I):
        return "motion"
    return None


def _next_point(text: str, pos: int, end: int, seen: int) -> bool:
    """Is the next non-blank line the next numbered point ("2." after "1.")? Double-spaced lists go on."""
    m = re.compile(r"\s*(\d{1,2})[.)]\s+\S").match(text, pos, end)
    return bool(m) and int(m.group(1)) == seen + 1


def _block_end(text: str, start: int, end: int, label: bool) -> int:
    """Where the body of a "Besluit:" block ends.

    A decision body runs on over wrapped lines and its own numbered points
    (1., 2., A., B.); it ends at a blank line (after some text), a vote line,
    the next agenda heading (a number beyond the points seen), or a label.
    """
    seen = 0
    has_text = bool(text[start:text.find("\n", start, end) if text.find("\n", start, end) != -1 else end].strip())
    pos = start
    last = start
    first_line = True
    for ls, le in lines(text, start, end):
        line = text[ls:le]
        if first_line:
            first_line = False
            last = le
            continue
        if is_blank(text, ls, le):
            if has_text and not _next_point(text, le, end, seen):
                return last
            continue
        stripped = line.strip()
        if label and re.match(r"(?i)(?:besluit(?:en)?|besloten|conclusies?|afspra(?:ak|ken)|uitkomst|actie(?:punt)?s?"
                              r"|onderwerp|voorstel|portefeuillehouder|agendapunt)\b[^:\n]{0,20}:", stripped):
            return last  # the next labelled block or row field
        if label and ROW_NUMBER.match(stripped):
            return last  # "Nr. 2" opening the next row of a college list
        if ITEM_HEADING.match(stripped):
            return last  # "Agendapunt 5  Wijziging …", "Ad 4.", "Hamerstukken"
        if OUTCOME_LINE.match(stripped):
            return last  # "Motie M1 (…): aangenomen" is a decision of its own
        if re.match(r"(?i)(?:tegen|voor)\s+(?:het|de|dit)\s+\w+\s+stemde|over\s+(?:het|de)\s+\w+\s+is\s+(?:hoofdelijk\s+)?gestemd"
                    r"|aldus\s+(?:besloten|vastgesteld)|de\s+(?:raad|vergadering)\s+besluit|vastgesteld\s+(?:d\.d\.|op|in)", stripped):
            return last
        num = re.match(r"(\d{1,2})[.)]?\s+\S", stripped)
        if num:
            n = int(num.group(1))
            if n == seen + 1 or (seen == 0 and n == 1):
                seen = n
            elif n > seen + 1 or n <= seen:
                # a new agenda item or table row; nested lists restart at 1
                if n == 1:
                    seen = 1
                else:
                    return last
        elif label and LABEL_LINE.match(line):
            return last
        elif label and re.match(r"(?i)(?:ter(?:\s+(?:kennisname|bespreking|besluitvorming|vaststelling|info))?|wvttk)\b\W*$",
                                stripped):
            return last
        has_text = True
        last = le
        pos = le
    return last if last > start else end


def _bullets(text: str, start: int, end: int, numbered: bool = False) -> list[tuple[int, int]]:
    """Split a block into its bullet items (or numbered points "1. … 2. …") when it is a list, else one span."""
    items: list[list[int]] = []
    marker = r"[ \t]*(?:[•◦▪●○■\-–—*·]|\d{1,2}[.)]|[a-z]\))[ \t]+" if numbered else r"[ \t]*[•◦▪●○■\-–—*·][ \t]+"
    for ls, le in lines(text, start, end):
        if is_blank(text, ls, le):
            continue
        line = text[ls:le]
        m = re.match(marker, line)
        if m:
            items.append([ls + m.end(), le])
        elif items:
            items[-1][1] = le
        else:
            items.append([ls, le])
    if len(items) <= 1:
        return [(start, end)]
    return [(s, e) for s, e in items]


def _row_subject(t: str, start: int, pos: int) -> str | None:
    """The "Onderwerp:" field of the row a short "Besluit college: conform" closes."""
    for ls, le in reversed(lines(t, start, pos)[-8:]):
        if is_blank(t, ls, le):
            return None
        m = re.match(r"[ \t]*(?i:onderwerp)\s*:\s*(\S.*)", t[ls:le])
        if m:
            return clean(m.group(1))
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n\f\xa0:":
        s += 1
    while e > s and text[e - 1] in " \t\n\f\xa0":
        e -= 1
    return s, e


def _decision(text: Text, parts: list[Part], s: int, e: int, kind: str | None = None, context: str = "") -> dict:
    quote = text.text[s:e]
    body = clean(quote)
    d = {
        "id": "",
        "meeting": None,
        "agenda_item": None,
        "text": body,
        "kind": kind or kind_of(body),
        "amount_eur": first_amount(quote),
        "evidence": evidence(text, parts, s, e),
    }
    vote = vote_of(quote) or (vote_of(context) if context else None)
    if vote:
        d["vote"] = vote
    about = about_of(body) or about_of(context)
    if about:
        d["about"] = about
    return d


def _blocks(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Decisions opened by "Besluit:" or "De raad besluit (unaniem):"."""
    t = text.text
    found = []
    region = t[part.start:part.end]
    signed = bool(SIGNED_DECISION.search(region))
    for m in BLOCK_OPEN.finditer(region):
        ms, me = part.start + m.start(), part.start + m.end()
        if _overlaps(me - 1, me, taken):
            continue  # inside a table row already read
        opener = clean(m.group(0))
        label = m.group("label")
        if part.type == "proposal" and not signed:
            continue
        if part.type not in RECORD_TYPES | {"proposal", "agenda"}:
            continue
        if label and label.lower().startswith(("conclusie", "afspra", "uitkomst")) and part.type not in RECORD_TYPES:
            continue
        if not label:
            if NOT_TAKEN.search(opener) or re.search(r"\b(?:zal|zullen|gaat|gaan|kan|kunnen|moet|moeten)\b", opener, re.I):
                continue
            if FRACTION_SUBJECT.search(opener):
                continue
        if m.group("mid") is not None and label:
            nl = t.find("\n", me, part.end)
            body_end = part.end if nl == -1 else nl  # a table cell: only the rest of its line is reliable
        else:
            body_end = _block_end(t, me, part.end, bool(label) or opener.endswith(":"))
        bs, be = _trim(t, me, body_end)
        if be <= bs:
            continue  # an empty Besluit field decides nothing
        body = clean(t[bs:be])
        if label and NOT_TAKEN.search(body[:_clause_end(body, 0)]) and not re.search(r"\b(?:vastgesteld|akkoord|aangenomen|ingestemd)\b", body, re.I):
            continue
        field = re.match(r"[ \t]*[A-Z][\w ]{1,30}:", t[bs:be])
        if field and not re.match(r"(?i)\s*(?:besluit|b\s*e\s*s)", t[bs:be]) and not re.search(r"\bbesl", field.group(0)):
            continue  # the next field label, not a body
        # the vote stated in the opener or in the lines after the block
        against = _against(t, be, part.end)
        context = opener
        # "Het college heeft besloten:" followed by numbered points: each point is a decision of its own
        listed = bool(label) or opener.endswith(":")
        spans = _bullets(t, bs, be, numbered=not label or label.lower().startswith("besl")) if listed else [(bs, be)]
        if not label and len(spans) > 1 and not all(INFINITIVE.search(t[a:b]) for a, b in spans):
            spans = [(bs, be)]  # points that are not decision clauses (research questions, considerations) stay one
        if label and label.lower().startswith("afspra"):
            # "Afspraak: X stuurt … rond. Y zal …": each sentence on its own, actions left to the actions
            spans = [sp for a, b in spans for sp in sentence_spans(t, a, b)]
            spans = [(a, b) for a, b in spans if not _agreed_action(t[a:b])]
        for s, e in spans:
            s, e = _trim(t, s, e)
            if e <= s:
                continue
            if label and ACTION_LIKE.match(t[s:e]):
                continue  # "De wethouder zal dit terugkoppelen": an action, not a decision
            kind = kind_of(clean(t[s:e]))
            if kind == "other" and not label:
                kind = kind_of(opener + " " + clean(t[s:e]))
            if label or (listed and len(spans) > 1):
                d = _decision(text, parts, s, e, kind, context)
            else:
                lead_start = ms + len(t[ms:me]) - len(t[ms:me].lstrip())
                d = _decision(text, parts, lead_start, e, kind, context)
            if against and not re.search(r"(?i)\bstemden\s*:", against.group(0)):
                d.setdefault("vote", {"text": "", "for": None, "against": None, "unanimous": False})
                d["vote"]["against_by"] = clean(against.group("who")).rstrip(".")
            if len(clean(t[s:e]).split()) <= 3:
                # "Besluit: vastgesteld" — say what was decided on
                line_start = max(part.start, t.rfind("\n", part.start, ms) + 1)
                same_line = clean(t[line_start:ms])
                prev_start = max(part.start, t.rfind("\n", part.start, max(line_start - 1, part.start)) + 1)
                prev_line = clean(t[prev_start:line_start])
                subject = same_line if same_line and not same_line.endswith(".") else prev_line
                row_subject = _row_subject(t, part.start, line_start)
                if row_subject:
                    subject = row_subject
                if subject:
                    d["subject"] = subject
            if label and "subject" not in d:
                row_subject = _row_subject(t, part.start, max(part.start, t.rfind("\n", part.start, ms) + 1))
                if row_subject:
                    d["subject"] = row_subject
            found.append(d)
            taken.append((d["evidence"]["start"], d["evidence"]["end"]))
        if listed and len(spans) > 1:
            taken.append((ms, me))  # the opener of the points is no decision of its own
    return found


CELL_SEP = re.compile(r"[ \t]*\|[ \t]*|\t+")
OUTCOME_HEADER = re.compile(r"(?i)(?:besluit(?:en)?|besluitvorming|uitkomst|afhandeling|conclusie|resultaat|genomen\s+besluit)$")
SUBJECT_HEADER = re.compile(r"(?i)(?:onderwerp|titel|omschrijving|agendapunt|voorstel|stuk)$")


def _cells_at(t: str, ls: int, le: int) -> list[list[int]]:
    """[start, end] of each cell of a pipe or tab separated line."""
    cells, pos = [], ls
    for m in CELL_SEP.finditer(t, ls, le):
        cells.append([pos, ls + (m.start() - ls)])
        pos = m.end()
    cells.append([pos, le])
    if t[ls:le].lstrip().startswith("|"):
        cells = cells[1:]
    if t[ls:le].rstrip().endswith("|") and len(cells) > 1 and not t[cells[-1][0]:cells[-1][1]].strip():
        cells = cells[:-1]
    return cells


def _tables(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Decision lists as pipe or tab tables: "Nr | Onderwerp | Besluit", a cell wrapping onto the next lines."""
    t = text.text
    found: list[dict] = []
    spans = lines(t, part.start, part.end)
    i = 0
    while i < len(spans):
        ls, le = spans[i]
        i += 1
        if not CELL_SEP.search(t, ls, le):
            continue
        header = [t[a:b].strip() for a, b in _cells_at(t, ls, le)]
        outcome = next((k for k, h in enumerate(header) if OUTCOME_HEADER.match(h)), None)
        if outcome is None or len(header) < 2:
            continue
        subject_col = next((k for k, h in enumerate(header) if SUBJECT_HEADER.match(h)), outcome - 1 if outcome else None)
        rows: list[list[list[int]]] = []
        while i < len(spans):
            rs, re_ = spans[i]
            if is_blank(t, rs, re_):
                nxt = next((sp for sp in spans[i + 1:] if not is_blank(t, *sp)), None)
                if not rows or not nxt or not CELL_SEP.search(t, *nxt):
                    break
                i += 1
                continue
            if CELL_SEP.search(t, rs, re_):
                rows.append(_cells_at(t, rs, re_))
            elif rows and not re.match(r"(?i)\s*(?:pagina|blz\.?|page)\s+\d", t[rs:re_]):
                rows[-1][-1][1] = re_  # a cell wrapped onto the next line
            else:
                break
            i += 1
        for cells in rows:
            if len(cells) <= outcome:
                continue
            s, e = _trim(t, *cells[outcome])
            if e <= s:
                continue  # an empty Besluit cell decides nothing
            body = clean(t[s:e])
            if NOT_TAKEN.search(body) and not re.search(r"(?i)\b(?:vastgesteld|akkoord|aangenomen|ingestemd)\b", body):
                continue
            if REPORT.match(body) and not TRIGGER.search(body):
                continue  # "Dhr. X deelt mee dat …" in the Besluit column of the rondvraag
            d = _decision(text, parts, s, e)
            if subject_col is not None and subject_col < len(cells) and subject_col != outcome:
                subject = clean(t[cells[subject_col][0]:cells[subject_col][1]])
                if subject:
                    d["subject"] = subject
            found.append(d)
            taken.append((cells[0][0], e))
    return found


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < b and e > a for a, b in taken)


def _clause_end(sent: str, pos: int) -> int:
    """End of the clause holding the trigger: "… stemt in met X en legt het ter besluitvorming voor aan …"."""
    m = CLAUSE_BREAK.search(sent, pos)
    return m.start() if m else len(sent)


def _agreed_action(clause: str) -> bool:
    return agreed_action(clause) is not None


def _sentences(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    found = []
    for s, e in sentence_spans(t, part.start, part.end):
        if _overlaps(s, e, taken):
            continue
        sent = t[s:e]
        # the outcome line of a motion under an agenda heading it was joined with
        om = re.search(r"(?im)^[ \t]*(?=(?:amendement|motie)\b[^:]{0,250}?:\s*(?:aangenomen|verworpen|aangehouden)\b)", sent)
        if om and om.start() > 0:
            s += om.start()
            sent = t[s:e]
        m = TRIGGER.search(sent) or REPORTED.search(sent) or BODY_ACTS.match(sent)
        advice = ADVICE.match(sent)
        concluded = CONCLUDES.search(sent)
        if concluded and kind_of(sent) == "other":
            concluded = None  # "concludeert dat er nog vragen zijn" records no outcome
        if not (m or advice or concluded):
            continue
        # a list marker or agenda number in front is not part of the decision
        bullet = BULLET.match(sent)
        if bullet and (not m or bullet.end() <= m.start()):
            s += bullet.end()
            sent = t[s:e]
            m = TRIGGER.search(sent)
        agreed = AGREED.match(sent)
        if agreed and _agreed_action(sent[agreed.end():]):
            continue  # "Afgesproken wordt dat de secretaris … agendeert": an action
        if advice:
            if BACKGROUND.search(sent) or sent.rstrip().endswith("?"):
                continue
            d = _decision(text, parts, s, e, "other")
            found.append(d)
            taken.append((s, e))
            continue
        scope = sent[:_clause_end(sent, m.end())] if m else sent
        if NOT_TAKEN.search(scope) or BACKGROUND.search(sent):
            continue
        if FRACTION_SUBJECT.search(sent) and not re.search(r"\b(?:aan\s+te\s+houden|in\s+te\s+trekken|trekt\b)", sent, re.I):
            continue
        if re.match(r"(?i)\s*vastgesteld\s+(?:d\.d\.|op|in)\b", sent):
            continue
        d = _decision(text, parts, s, e)
        if m:
            # "De agenda wordt gewijzigd vastgesteld: punt 9 wordt afgevoerd" is an adoption
            cs = max((x.end() for x in re.finditer(r"[:;]\s", sent[:m.start()])), default=0)
            ce = next((x.start() for x in re.finditer(r"[:;]\s", sent) if x.start() >= m.end()), len(sent))
            clause_kind = kind_of(sent[cs:ce])
            if clause_kind != "other":
                d["kind"] = clause_kind
        against = _against(t, e, part.end)
        if against and "vote" not in d:
            d["vote"] = {"text": "", "for": None, "against": None, "unanimous": False,
                         "against_by": clean(against.group("who")).rstrip(".")}
        found.append(d)
        taken.append((s, e))
    return found


# a decision point is an infinitive clause: "… vast te stellen", "akkoord te gaan met …"
INFINITIVE = re.compile(r"\bte\s+[a-zà-ÿ]+|\bin\s+te\s+stemmen\b", re.I)
# a decision list's paragraph whose subject is the deciding body, in the present tense:
# "Gedeputeerde Staten verlengen de subsidietermijn …", "Het college kent een subsidie toe …"
BODY_ACTS = re.compile(
    r"\W*(?:het\s+college(?:\s+van\s+(?:[\w&]+\s+){1,4}?(?=\w+\s))?|gedeputeerde\s+staten|provinciale\s+staten|gs|b\s*&\s*w"
    r"|(?:het\s+)?(?:dagelijks|algemeen)\s+bestuur|de\s+(?:gemeente)?raad|burgemeester\s+en\s+wethouders|de\s+provincie|provincie\s+(?-i:[A-Z])[\w-]+)\s+"
    r"(?:kent|kennen|verleent|verlenen|verlengt|verlengen|besluit|besluiten|stemt|stemmen|keurt|keuren|wijst|wijzen|benoemt"
    r"|benoemen|draagt|dragen|trekt|trekken|tekent|tekenen|stelt|stellen|neemt|nemen|geeft|geven|gaat|gaan)\b(?!\s+(?:voor|aan)\b[^.]*\bvoor\s*[.]?$)",
    re.I)
# a decision reported as taken: "hebben (op 13 februari 2024) besloten", "heb ik besloten", "is door GS vastgesteld"
REPORTED = re.compile(
    r"\b(?:heeft|hebben|heb|hebt)\s+(?:[\w.,-]+\s+){9,16}?besloten\b(?!\s+(?:dat|of|wat|hoe)\b)"
    r"|\b(?:heeft|hebben|heb|hebt)\s+(?:[\w.,-]+\s+){0,8}?(?:besloten|vastgesteld|ingestemd|goedgekeurd|toegekend|verleend"
    r"|bekrachtigd|aangenomen|afgewezen)\b(?!\s+(?:dat|of|wat|hoe)\b)"
    r"|\b(?:is|zijn|werd|werden)\s+(?:op\s+[\w\s]{4,20}?\s+)?(?:door\s+(?:de|het)?\s*[\w\s&-]{2,60}?\s+)?(?:besloten|vastgesteld"
    r"|goedgekeurd|toegekend|bekrachtigd)\b"
    r"|(?<![Hh]et\s)\b(?:besluit|besluiten|besloot|besloten)\s+(?:\w+\s+){0,3}?(?:om\s|tot\s|in\s+te\s+stemmen|akkoord)"
    # "Op 8 november is de motie … unaniem aangenomen", "hebben een voorbereidingsbesluit genomen"
    r"|\b(?:is|werd)\s+(?:de|het)\s+(?:motie|amendement|voorstel|raadsvoorstel|statenvoorstel|initiatiefvoorstel)\b[^.;]{0,150}?"
    r"\b(?:aangenomen|verworpen)\b"
    r"|\b(?:heeft|hebben)\s+(?:[\w.,()-]+\s+){0,8}?(?:een\s+|het\s+)?\w*besluit(?:\s+\w+)?\s+genomen\b"
    r"|\b(?:heeft|hebben)\s+(?:[\w.,()-]+\s+){0,8}?in\s+behandeling\s+genomen\b",
    re.I)
NOT_REPORTED = re.compile(r"(?i)\b(?:zal|zullen|zou|zouden|kan|kunnen|moet|moeten|wil|willen|indien|als\s+u|voorstel"
                          r"|afgesproken|gevraagd|verzocht|voornemens|ontwerp|zoals|geen|niet|nog\s+niet)\b|\?\s*$"
                          # "een voorgenomen besluit" is not taken yet; "het voorgenomen beleid vastgesteld" is
                          r"|\bvoorgenomen\s+(?:besluit|besluiten)\b(?!\s+(?:\w+\s+){0,3}?(?:genomen|vastgesteld))")


def _reported(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    found = []
    for s, e in sentence_spans(t, part.start, part.end):
        sent = t[s:e]
        if _overlaps(s, e, taken) or len(sent) > 600 or not REPORTED.search(sent) or NOT_REPORTED.search(sent):
            continue
        if sent[:1].islower():
            continue  # a fragment of a broken line or a lost bullet, not a sentence of its own
        d = _decision(text, parts, s, e)
        d["reported"] = True
        found.append(d)
        taken.append((s, e))
    return found


# a proposed decision under its heading, adopted by the outcome after it ("Voorgesteld besluit" … "Besluit: Aangenomen.")
PROPOSED_HEADING = re.compile(r"(?im)^[ \t]*(?:voorgesteld\s+besluit|ontwerp-?\s*besluit|beslispunten|besluitpunten)\s*:?[ \t]*$")
OUTCOME_HEADING = re.compile(r"(?im)^[ \t]*(?:besluit|uitkomst|besluitvorming|stemuitslag)\s*:?[ \t]*$")
ADOPTED = re.compile(r"(?i)^\W*(?:aangenomen|conform(?:\s+(?:voorstel|besloten|vastgesteld))?|akkoord|vastgesteld"
                     r"|unaniem|(?:het\s+)?voorstel\s+is\s+(?:\w+\s+){0,4}?aangenomen|als\s+hamerstuk)\b")
REJECTED = re.compile(r"(?i)\b(?:verworpen|aangehouden|ingetrokken|afgewezen|niet\s+aangenomen|uitgesteld|van\s+de\s+agenda)\b")


def _adopted_proposals(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """The points of a proposed decision that the outcome under it adopts, each a decision of its own."""
    t = text.text
    found = []
    for m in PROPOSED_HEADING.finditer(t, part.start, part.end):
        body_end = _block_end(t, m.end(), part.end, True)
        outcome = OUTCOME_HEADING.search(t, body_end, min(part.end, body_end + 400))
        if not outcome:
            continue
        after = t[outcome.end():min(part.end, outcome.end() + 200)].strip()
        if not ADOPTED.match(after) or REJECTED.search(after.split("\n")[0]):
            continue
        for a, b in _bullets(t, m.end(), body_end, numbered=True):
            a, b = _trim(t, a, b)
            if b - a < 8 or _overlaps(a, b, taken):
                continue
            found.append(_decision(text, parts, a, b))
            taken.append((a, b))
        taken.append((outcome.start(), outcome.end() + len(after)))  # "Aangenomen." is said of these points
    return found


DRAFT_HEADING = re.compile(r"(?im)^[ \t]*(?:ontwerp-?\s*besluit|(?:voorgesteld|concept)\s+besluit|beslispunten|besluitpunten)\b")


def _body_acts(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """"Gedeputeerde Staten kennen … toe", "De provincie draagt … bij": the body acting, in the present tense."""
    t = text.text
    found = []
    for s, e in sentence_spans(t, part.start, part.end):
        sent = t[s:e]
        if _overlaps(s, e, taken) or len(sent) > 600 or not BODY_ACTS.match(sent):
            continue
        if NOT_TAKEN.search(sent) or NOT_REPORTED.search(sent) or BACKGROUND.search(sent):
            continue
        if re.search(r"(?i)\bbesluit(?:en)?\s*:", sent) or DRAFT_HEADING.search(t, part.start, s):
            continue  # "De raad besluit:" under "Ontwerpbesluit" is the decision proposed, not taken
        found.append(_decision(text, parts, s, e))
        taken.append((s, e))
    return found


def extract_decisions(text: Text, parts: list[Part]) -> list[dict]:
    """Decisions taken in ``text``, in text order, ids "d1", "d2", …"""
    out: list[dict] = []
    for part in parts_of(parts, text):
        taken: list[tuple[int, int]] = []
        found = _tables(text, parts, part, taken) if part.type in RECORD_TYPES else []
        found += _adopted_proposals(text, parts, part, taken)  # any type: the outcome under it says it was taken
        found += _blocks(text, parts, part, taken)
        # minutes and decision lists record decisions in many forms; every other document is read as
        # well, for decisions it reports in the perfect tense ("Gedeputeerde Staten hebben op 17 juli
        # besloten …"), with a lower confidence (data/confidence.toml)
        if part.type in RECORD_TYPES:
            found += _sentences(text, parts, part, taken)
        else:
            # the type shifts confidence, it does not switch reading off: a paragraph of a proposal or
            # letter whose subject is the deciding body in the present tense is read too
            found += _reported(text, parts, part, taken)
            if part.type != "proposal":  # a proposal's "Provinciale Staten stellen … vast" is what it proposes
                found += _body_acts(text, parts, part, taken)
        found += _points_after(text, parts, part, found, taken)
        out += found
    out.sort(key=lambda d: d["evidence"]["start"])
    for i, d in enumerate(out, 1):
        d["id"] = f"d{i}"
    return out


# a point of a list: "- toezeggingen … als "voldaan" aan te merken;", "a. het plan vast te stellen"
POINT = re.compile(r"(?m)^[ \t]*(?:[-•–*▪]|[a-z][.)]|\d{1,2}[.)])[ \t]+(?P<body>\S[^\n]*)$")
# the sentence opening such a list decides: "… besluiten zij als volgt:", "De raad besluit:"
DECIDING_LEAD = re.compile(r"(?i)\b(?:besl(?:uit|uiten|oot|oten)|stem(?:t|men|de|den)\s+(?:\w+\s+){0,3}?in|gaat|gaan"
                           r"|ging|gingen)\b[^.\n]{0,80}:\s*$")


def _points_after(text: Text, parts: list[Part], part: Part, found: list[dict],
                  taken: list[tuple[int, int]]) -> list[dict]:
    """The points of a list opened by a deciding sentence ("… besluiten zij als volgt: - … aan te merken;
    - … te blijven beschouwen"): each point that is a decision clause (an infinitive) is a decision."""
    t = text.text
    ends = {d["evidence"]["end"] for d in found}
    out = []
    pos = part.start
    while True:
        m = POINT.search(t, pos, part.end)
        if m is None:
            break
        run = [m]
        while True:
            nxt = POINT.match(t, run[-1].end() + 1) if run[-1].end() + 1 < part.end else None
            if nxt is None:
                break
            run.append(nxt)
        pos = run[-1].end()
        points = [p for p in run if INFINITIVE.search(p.group("body"))]
        if len(points) < 2 or len(points) < len(run) / 2:
            continue
        lead = t[max(part.start, m.start() - 300):m.start()].rstrip()
        after_decision = any(0 <= m.start() - e <= 3 for e in ends)
        if not (after_decision or DECIDING_LEAD.search(lead)) or DRAFT_HEADING.search(t, part.start, m.start()):
            continue
        for p in points:
            a, b = p.start("body"), p.end("body")
            if not _overlaps(a, b, taken):
                out.append(_decision(text, parts, a, b))
                taken.append((a, b))
    return out
