"""What a decision is: its kind, amount and vote, and the words that decide nothing.

Reads the kind of a decision (postpone, reject, take note, adopt, approve,
other), the first amount in euros, the vote ("unaniem", "met 16 stemmen voor
en 14 tegen", "Tegen het voorstel stemde: …" on the line after) and whether
it is about a motion or an amendment; holds the shared tests that a
proposal, advice, question or background report decides nothing; builds the
decision fact with its evidence.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..actions import agreed_action
from ..amounts import find_amounts
from ..evidence import evidence
from ..sentences import clean

# where decisions are recorded
RECORD_TYPES = {"minutes", "decision_list", "action_list", "other"}

def first_amount(s: str) -> float | int | None:
    for a in find_amounts(s):
        if a.value_eur is not None:
            v = a.value_eur
            return int(v) if v == v.to_integral_value() else float(v)
    return None


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
# agreements reported as background ("dit is ook afgesproken in de Board")
BACKGROUND = re.compile(r"\b(?:ook|eerder|reeds|al|destijds|eerdere)\s+(?:\w+\s+){0,2}?(?:afgesproken|besloten|vastgesteld)\b"
                        r"|\b(?:afgesproken|besloten|vastgesteld)\s+(?:in|door)\s+(?:de|het)\s+[A-Z]"
                        r"|\bzoals\s+(?:\w+\s+){0,4}?(?:afgesproken|besloten|vastgesteld)\b|\bvastgestelde\b", re.I)
VOTE = re.compile(
    r"\bunaniem\b|\bmet\s+algemene\s+stemmen\b|\bbij\s+acclamatie\b|\bin\s+meerderheid\b|\bzonder\s+(?:hoofdelijke\s+)?stemming\b"
    r"|\bals\s+hamerstuk\b|(?:met\s+)?(?P<for>\d+)\s+stemmen\s+voor\s+en\s+(?P<against>\d+)\s+(?:stemmen\s+)?tegen"
    r"|(?P<for2>\d+)\s+voor\s*(?:,|en|/)\s*(?P<against2>\d+)\s+tegen", re.I)
AGAINST_BY = re.compile(r"(?im)^[ \t]*tegen\s+(?:het\s+\w+|de\s+\w+|dit\s+\w+)\s+stemde(?:n)?\s*:?\s*(?P<who>[^\n]+)")
FRACTION_SUBJECT = re.compile(r"\bbesl(?:uit|uiten|oot)\s+de\s+fractie|\bde\s+fractie\b[^.]{0,60}\bbesl(?:uit|uiten|oot)", re.I)
# a decision point is an infinitive clause: "… vast te stellen", "akkoord te gaan met …"
INFINITIVE = re.compile(r"\bte\s+[a-zà-ÿ]+|\bin\s+te\s+stemmen\b", re.I)
DRAFT_HEADING = re.compile(r"(?im)^[ \t]*(?:ontwerp-?\s*besluit|(?:voorgesteld|concept)\s+besluit|beslispunten|besluitpunten)\b")


def against_line(t: str, pos: int, end: int) -> re.Match | None:
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



def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n\f\xa0:":
        s += 1
    while e > s and text[e - 1] in " \t\n\f\xa0":
        e -= 1
    return s, e


def make_decision(text: Text, parts: list[Part], s: int, e: int, kind: str | None = None, context: str = "") -> dict:
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



def overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < b and e > a for a, b in taken)


def clause_end(sent: str, pos: int) -> int:
    """End of the clause holding the trigger: "… stemt in met X en legt het ter besluitvorming voor aan …"."""
    m = CLAUSE_BREAK.search(sent, pos)
    return m.start() if m else len(sent)


def is_agreed_action(clause: str) -> bool:
    return agreed_action(clause) is not None
