"""Actions: who is to do what, by when.

Forms: "Actie J. Jansen" / "Actie allen" / "Actie: secretariaat" after the
sentence it concerns, "(actie)" with its owner read from the sentence, "X zal
...", "X gaat ...", "Hij zal ..." (the person named before), "Hiervoor zal de
provincie ...", and sections headed "Actiepunten", "Actielijst",
"Vervolgafspraken": bullet lists or tables (Nr / Actie / Wie / Wanneer /
Status), also when PDF extraction flattened the table into lines.
Due dates: "voor 1 oktober", "uiterlijk week 12", "eind oktober" (due null
when the day is unknown; the text is kept in ``due_text``); ``status``
(open/done) when the document says so.
"""

from __future__ import annotations

import re

from ..document import Part, Text
from .evidence import evidence
from .sentences import BULLET, clean, dates_in, is_blank, lines, parts_of, sentence_spans
from .tables import tables

try:  # the shared name helper (people/meetings); names stay as written without it
    from .names import NAME_PATTERN, clean_name
except ImportError:  # pragma: no cover
    NAME_PATTERN = r"(?:[A-Z]\.\s?){1,4}\s*(?:(?:van|de|der|den|ter|ten)\s+){0,3}[A-Z][a-z]+|[A-Z][a-z]+"

    def clean_name(raw: str) -> str:
        return clean(raw)

from .action_prose import CONFIDENCE as REQUEST_CONFIDENCE, prose_actions  # noqa: E402

RECORD_TYPES = {"minutes", "decision_list", "action_list", "other"}
MARKER_TYPES = RECORD_TYPES | {"agenda"}

ROLE_WORDS = (
    r"voorzitter|vicevoorzitter|secretaris|secretariaat|griffie|griffier|projectleider|projectleiding|programmamanager"
    r"|programmaleider|programmabureau|projectsecretaris|wethouder|gedeputeerde|burgemeester|portefeuillehouders?"
    r"|provincie|gemeenten?|regio|werkgroep|stuurgroep|projectgroep|kerngroep|kernteam|college|directeur|directie"
    r"|staf|accounthouders?|coördinatoren|coördinator|regiocoördinatoren|verkenner|adviseur|controllers?|penningmeester"
    r"|notulist|bestuurders?|ambtenaren|ambtelijk\s+secretaris|ambtelijke\s+ondersteuning|dagelijks\s+bestuur"
    r"|algemeen\s+bestuur|opdrachtgever|opdrachtnemer|communicatieadviseur|communicatie|beleidsmedewerker"
    r"|organisatie|ondersteuning|gemeentesecretaris|raadsgriffier|teamleider|afdeling|ambtelijk\s+trekker|trekker"
)
ROLE_WORDS += (
    r"|[a-zà-ÿ]{3,}(?:secretaris|voorzitter|griffier|leider|manager|adviseur|coördinator|medewerker|directeur|ambtenaar"
    r"|trekker|houder|controller|notulist|functionaris|regisseur|makelaar)"
    r"|[a-zà-ÿ]{2,}(?:aris|arissen|jurist|juristen|ist|isten|eur|eurs)"
)
ROLE = rf"(?i:(?:de|het|onze|ons)\s+)?(?i:{ROLE_WORDS})(?:\s+(?:van|voor)\s+(?:de\s+|het\s+)?[A-Z][\w-]+|\s+(?!Ter\b|Zal\b)[A-Z][\w-]+)?"
STOP = {
    "dit", "dat", "het", "de", "er", "deze", "die", "daarom", "ook", "wij", "we", "men", "hij", "zij", "ze", "daarna",
    "vervolgens", "verder", "voorts", "tevens", "graag", "alle", "iedere", "een", "in", "op", "na", "bij", "door",
    "voor", "naar", "met", "zo", "dan", "nu", "wel", "niet", "besluit", "actie", "acties", "toelichting", "verslag",
    "mogelijk", "wellicht", "hiervoor", "daarvoor", "hierover", "daarover", "tot", "als", "indien", "waar", "wat",
    "wie", "wanneer", "status", "nr", "agenda", "punt", "ad", "n.b", "nb", "u", "jij", "jullie", "iedereen",
}
HONORIFIC = r"(?:(?i:dhr|mw|mevr|hr)\.?\s+|(?i:mevrouw|de\s+heer)\s+|(?i:drs|dr|mr|ir|ing)\.\s+)*"
REDACTION = (r"(?:\b5\.1\.\s?\d\s?[a-z]\b|\b10\.\d\.?\s?[a-z]\b|\[[^\]\n]{0,20}\]|[█■▇▆▓]+|\b[xX]{3,}\b|\*{3,}"
             r"|\b(?:geanonimiseerd|weggelakt)\b)")
QUANT_OWNER = r"(?i:iedere|elke|alle)\s+(?:[a-zà-ÿ][\w-]+)"
OWNER = rf"(?:allen|iedereen|{ROLE}|{HONORIFIC}{NAME_PATTERN})"
OWNERS = rf"{OWNER}(?:\s*(?:,|\ben\b|&|/|\+)\s*{OWNER})*"

MARKER_END = re.compile(rf"(?<![\w-])[Aa]ctie(?:s)?\s*:?\s+(?P<owner>{OWNERS})[ \t]*\.?[ \t]*$", re.M)
MARKER_PAREN = re.compile(rf"\(\s*actie(?:\s*:?\s*(?P<owner>{OWNERS}))?\s*\)", re.I)
# "Actie secretaris: concept verzenden", "Actie J. de Vries en P. Smit: …": the owner before the colon
MARKER_OWNER_START = re.compile(rf"^[ \t]*(?:[•\-–*][ \t]*)?[Aa]ctie(?:punt)?[ \t]+(?P<owner>{OWNERS}|[\w-]+)[ \t]*:[ \t]*(?P<body>\S.*)",
                                re.M | re.S)
MARKER_START = re.compile(r"^[ \t]*(?:[•\-–*][ \t]*)?[Aa]ctie(?:punt)?\s*:\s*(?P<body>\S.*)", re.M | re.S)
AGREEMENT_START = re.compile(r"^[ \t]*(?:[•\-–*][ \t]*)?(?:[Aa]fspra(?:ak|ken)\s*:|(?:[Ee]r\s+)?[Aa]fgesproken\s+(?:wordt|is|werd)"
                             r"\s+dat|(?:[Dd]e|[Hh]et)\s+[\w\s-]{2,40}?\s+(?:spreekt|spreken)\s+af\s+dat)\s*")
ASKED = re.compile(rf"^\s*(?P<who>{ROLE}|{HONORIFIC}{NAME_PATTERN})\s+(?:wordt|worden)\s+(?:\w+\s+)?(?:gevraagd|verzocht)\s+(?:om\s+)?"
                   r"(?P<what>.+)", re.S)
WILL = re.compile(r"\b(?:zal|zullen|gaat|gaan)\b")
PASSIVE_OR_MODAL = re.compile(
    r"\b(?:zal|zullen|gaat|gaan)\b(?:\s+\S+){0,12}?\s+(?:worden|moeten|kunnen|zijn|hebben|blijven|blijken)\b"
    r"|\b(?:wellicht|mogelijk|misschien|waarschijnlijk|vermoedelijk|zou|zouden|eventueel)\b"
    r"|\bgaa?t?n?\s+(?:akkoord|mee|over|uit|in\s+op|niet|om\b|het\b|er\b)", re.I)
SPEECH = r"(?:licht|geeft|meldt|zegt|deelt|antwoordt|vult|stelt|merkt|geven|laat|benadrukt|vertelt|legt)"
SECTION = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[.)]?[ \t]+)?(?P<head>(?i:actiepunten(?:lijst)?|actielijst|acties|openstaande\s+acties"
    r"|lijst\s+(?:van\s+)?(?:acties|actiepunten)|vervolgafspraken|afspraken|vervolgacties|to\s*do'?s?))"
    r"\b(?:[ \t]+(?!(?i:van|voor|met|die|dat|en|over)\b)[\w.-]+){0,3}(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*:?[ \t]*$")
HEADER_WORDS = re.compile(
    r"(?i)^(?:nr\.?|nummer|#|no\.?|actie(?:punt)?|wat|omschrijving|onderwerp|wie|eigenaar|actiehouder|verantwoordelijk(?:e)?"
    r"|trekker|door|wanneer|datum(?:\s+gereed)?|deadline|termijn|gereed\s+op|status|stand(?:\s+van\s+zaken)?|opmerking(?:en)?"
    r"|afspraak|toelichting|voortgang)$")
STATUS_DONE = re.compile(r"(?i)\b(?:afgerond|gereed|afgehandeld|afgedaan|uitgevoerd|voltooid|gedaan|done|vervallen|vervalt)\b")
STATUS_OPEN = re.compile(r"(?i)\b(?:open|loopt|lopend|in\s+behandeling|in\s+uitvoering|nog\s+niet\s+gestart|nieuw|doorlopend|pm)\b")
DUE_CUE = re.compile(r"(?i)\b(?:vóór|voor|uiterlijk|deadline|gereed|klaar|op|eind|einde|begin|medio|in|per|v\.?o\.?o\.?r)\s*:?\s*$")
DUE_FREE = re.compile(
    r"(?i)\b(?:(?:uiterlijk|voor|vóór|in|eind|begin)\s+)?week\s+\d{1,2}\b|\bz\.?s\.?m\.?(?=\W|$)|\bzo\s+snel\s+mogelijk\b"
    r"|\b(?:voor|vóór|in|tijdens|op)\s+de\s+volgende\s+(?:vergadering|bijeenkomst|overleg)\b|\bbinnen\s+\w+\s+(?:dagen|weken|maanden)\b")


def _owner_ok(raw: str) -> bool:
    words = raw.split()
    if not words:
        return False
    if re.fullmatch(QUANT_OWNER, raw.strip()):
        return True  # "iedere gemeente", "alle deelnemers"
    if words[0].lower().strip(".,") in STOP and not re.match(rf"(?i){ROLE}$", raw):
        return raw.lower() in {"allen", "iedereen"}
    return True


def split_owners(raw: str) -> list[str]:
    raw = clean(raw).strip(" .,:;")
    parts = re.split(r"\s*(?:,|\ben\b|&|/|\+)\s*", raw)
    out = []
    for p in parts:
        p = p.strip(" .,:;()")
        if not p or re.fullmatch(REDACTION, p):
            continue  # a blanked-out name: the action stays, its owner is unknown
        if re.fullmatch(QUANT_OWNER, p):
            out.append(p[0].lower() + p[1:])
        elif re.fullmatch(rf"(?i:{ROLE_WORDS})(?:-[\w-]+)?", p):
            out.append(p[0].lower() + p[1:])  # "Secretariaat" heading a table cell is a role, not a name
        elif re.match(rf"(?i){ROLE}$", p) or p.lower() in {"allen", "iedereen"}:
            out.append(re.sub(r"^(?:De|Het)\b", lambda m: m.group(0).lower(), p))
        else:
            out.append(clean_name(p))
    return out


def due_of(s: str, part: Part | None) -> tuple[str | None, str | None]:
    """(due ISO date, due text as written) from an action's text."""
    for w in dates_in(s, 0, len(s), part):
        before = s[max(0, w.start - 12):w.start]
        vague = re.match(r"(?i)(?:voor|vóór|uiterlijk|eind|einde|begin|medio|na)\b", w.text)
        if vague or DUE_CUE.search(before):
            text = w.text
            if not vague:
                cue = DUE_CUE.search(before)
                text = clean(before[cue.start():] + w.text) if cue else w.text
            return w.date, text
    m = DUE_FREE.search(s)
    if m:
        return None, clean(m.group(0))
    return None, None


def status_of(s: str) -> str | None:
    if STATUS_DONE.search(s):
        return "done"
    if STATUS_OPEN.search(s):
        return "open"
    return None


def _action(text: Text, parts: list[Part], part: Part, s: int, e: int, body: str, owners: list[str],
            status: str | None = None, due_cell: str | None = None) -> dict:
    if due_cell:
        ws = dates_in(due_cell, 0, len(due_cell), part)
        due = ws[0].date if ws else None
        due_text = clean(due_cell) or None
    else:
        due, due_text = due_of(body, part)
    a = {"id": "", "meeting": None, "agenda_item": None, "text": clean(body), "owners": owners, "due": due,
         "evidence": evidence(text, parts, s, e)}
    if due_text and (due is None or due_text != due):
        a["due_text"] = due_text
    if status:
        a["status"] = status
    return a


# --- owners read from a sentence ----------------------------------------------

SUBJECT = re.compile(rf"^\s*(?P<subj>{QUANT_OWNER}|{ROLE}|{HONORIFIC}{NAME_PATTERN}|hij|zij|ze)\s+(?=\S)")


SUBJECTS = re.compile(rf"^\s*(?P<subj>(?:{ROLE}|{HONORIFIC}{NAME_PATTERN})(?:\s*(?:,|\ben\b)\s*(?:{ROLE}|{HONORIFIC}{NAME_PATTERN}))+)"
                      r"\s+(?=[a-zà-ÿ])")


def _subject(sentence: str) -> str | None:
    many = SUBJECTS.match(sentence)
    if many and all(_owner_ok(p) for p in re.split(r"\s*(?:,|\ben\b)\s*", many.group("subj")) if p):
        return many.group("subj")
    m = SUBJECT.match(sentence)
    if not m:
        return None
    subj = m.group("subj")
    if subj.lower() in {"hij", "zij", "ze"}:
        return subj.lower()
    if not _owner_ok(subj):
        return None
    return subj


def _last_named(text: str, sentences: list[tuple[int, int]], idx: int, block_start: int) -> str | None:
    """The person who began one of the previous sentences of the same paragraph ("Hij zal ...")."""
    for s, e in reversed(sentences[max(0, idx - 4):idx]):
        if s < block_start:
            break
        subj = _subject(text[s:e])
        if subj and subj not in {"hij", "zij", "ze"} and not re.match(rf"(?i){ROLE}$", subj):
            return subj
    return None


# present-tense verbs of doing: "Pieter neemt contact op met …", "de secretaris agendeert dit"
DO_VERB = re.compile(
    r"(?i)\b(?:\w*(?:levert|leveren|stuurt|sturen|agendeert|agenderen|mailt|mailen|belt|bellen|regelt|regelen|organiseert"
    r"|organiseren|zorgt|zorgen|informeert|informeren|plant|plannen|verstuurt|versturen|verzorgt|verzorgen|bereidt|bereiden"
    r"|inventariseert|inventariseren|verkent|verkennen|onderzoekt|onderzoeken|nodigt|nodigen|koppelt|koppelen|checkt|mailt"
    r"|benadert|benaderen|verspreidt|verspreiden|actualiseert|actualiseren|bespreekt|bespreken|schrijft|schrijven)"
    r"|(?:meldt|melden)\s+(?:het|dit|dat|deze)\s+(?:via|bij)\b"
    r"|neemt\s+(?:\w+\s+){0,3}?contact|nemen\s+(?:\w+\s+){0,3}?contact|contact\s+opneemt|contact\s+opnemen"
    r"|(?:stelt|stellen|werkt|werken|zoekt|zoeken|vraagt|vragen|pakt|pakken|legt|leggen|past|passen|maakt|maken|brengt"
    r"|brengen|zet|zetten|deelt|delen|gaat|gaan)\b(?:\s+[^\s.;]+){0,10}?\s+(?:op|uit|na|aan|voor|rond|door|in\s+kaart"
    r"|in\s+beeld|klaar|af)\b(?!\s+(?:de|het|een)\b\s*$)|\w+\s*(?:op|uit|na|aan|rond|door|toe|af)(?:stelt|stuurt|levert|vraagt"
    r"|zoekt|werkt|pakt|past|maakt|neemt|stellen|sturen|leveren|vragen|zoeken|werken|pakken|passen|maken|nemen)\b)")
# in running prose only unmistakable tasks count ("neemt contact op", "stuurt … rond", "agendeert")
FIRM_DO = re.compile(
    r"(?i)^(?:(?:neemt|nemen)\s+(?:\w+\s+){0,3}?contact\s+op|(?:stuurt|sturen)\s+[^.;?]{0,80}?\s+(?:rond|door|na|toe)\b"
    r"|(?:zorgt|zorgen)\s+(?:ervoor|voor)\b|(?:agendeert|agenderen|verstuurt|versturen|mailt|mailen|belt|bellen|regelt|regelen"
    r"|inventariseert|inventariseren)\b|(?:plant|plannen)\s+[^.;?]{0,80}?\s+in\b|(?:nodigt|nodigen)\s+[^.;?]{0,80}?\s+uit\b"
    r"|(?:levert|leveren)\s+[^.;?]{0,80}?\s+aan\b|(?:pakt|pakken)\s+[^.;?]{0,80}?\s+op\b"
    r"|(?:zoekt|zoeken|werkt|werken)\s+(?:[^.;?]{0,80}?\s+)?uit\b|(?:gaat|gaan)\s+na\b|(?:vraagt|vragen)\s+[^.;?]{0,80}?\s+na\b"
    r"|(?:neemt|nemen)\s+(?:het|de|dit|dat|die|deze|een)\b[^.;?]{0,60}?\s+mee\s+(?:naar|in|bij)\b"
    r"|(?:legt|leggen|hangt|hangen)\s+[^.;?]{1,80}?\s+(?:neer|op)\b|(?:maakt|maken)\s+(?:een|de|het)\s+(?!(?:opmerking|kanttekening"
    r"|punt|vergelijking|compliment|grap|fout|onderscheid|einde|indruk|probleem|punten|opmerkingen)\b)[\w-]+"
    r"|(?:komt|komen)\s+(?:hier|daar|er)(?:op\s+|\b[^.;?]{0,60}?\bop\s+)terug\b"
    r"|(?:koppelt|koppelen)\s+[^.;?]{0,80}?\s+terug\b|(?:stelt|stellen)\s+(?:een|de|het)\s+[^.;?]{0,80}?\s+op\b"
    r"|(?:zet|zetten)\s+(?:het|dit|de|een|deze)\b[^.;?]{0,60}?\s+op\s+(?:de|het|een)\b"
    r"|(?:meldt|melden)\s+(?:het|dit|dat|deze)\s+(?:via|bij)\b"
    r"|(?:bespreekt|bespreken)\s+(?:het|de|dit|een|deze)\s+[^.;?]{0,60}?\s+met\s+(?:de|het|een|[A-Z])"
    r"|(?:schrijft|schrijven)\s+(?:het|de|een|dit)\s+"
    # "De secretaris past de tekst aan", "vraagt om opheldering bij de gemeente", "bereidt het voor"
    r"|(?:past|passen)\s+[^.;?]{1,80}?\s+aan\b|(?:vraagt|vragen)\s+om\s+(?!het\s+woord)|(?:bereidt|bereiden)\s+[^.;?]{0,80}?\s+voor\b"
    r"|(?:biedt|bieden)\s+aan\s+[^.;?]{0,80}?\bte\s+\w+|(?:benadert|benaderen|organiseert|organiseren|verzorgt|verzorgen"
    r"|controleert|controleren|checkt|checken)\s+(?!of\b))")
NOT_DOING = re.compile(r"(?i)\bkennis\b|\bopent\b|\bsluit\b|\bheet\b|\bwelkom\b|\bmeldt\b(?!\s+(?:het|dit|dat|deze)\s+(?:via|bij)\b)|\bvraagt\s+(?:of|naar|hoe|wat|waarom)\b"
                       r"|\bgeeft\s+aan\b|\blicht\b|\bvertelt\b|\bpresenteert\b"
                       r"|\bsluit\s+(?:de\s+)?(?:vergadering|overleg)|\bvraagt\s+aandacht\b")


# an auxiliary in the main clause makes a report, not a task ("… heeft de brief verstuurd"); one in a
# clause after "uit of / hoe / wat" belongs to that clause ("zoekt uit of er een vergunning nodig is")
AUX = re.compile(r"(?i)\b(?:had|heeft|hebben|is|zijn|was|waren)\b")
SUBCLAUSE = re.compile(r"(?i)\b(?:of|hoe|wat|welke|waarom|wanneer|waar|wie)\b")


# a short task whose object points back: "Henk pakt dit op", "Sjoukje regelt dat"
REFERS_BACK = re.compile(rf"^\s*(?:{HONORIFIC}{NAME_PATTERN}|{ROLE})\s+\w+\s+(?:dit|dat|deze|die)\b[^.;]{{0,40}}[.;]?\s*$")


def _doer(clause: str, firm: bool = False) -> tuple[str | None, bool] | None:
    """(owner, redacted) when ``clause`` has someone as subject who is to do something, else None."""
    m = re.match(rf"\s*(?P<red>{REDACTION})(?:\s*\([^)\n]*\))?\s+(?=\S)", clause)
    if m:
        rest = clause[m.end():]
        owner, redacted = None, True
    else:
        many = SUBJECTS.match(clause)
        m = many if many and all(_owner_ok(p) for p in re.split(r"\s*(?:,|\ben\b)\s*", many.group("subj")) if p) \
            else SUBJECT.match(clause)
        if not m or m.group("subj").lower() in {"hij", "zij", "ze"} or not _owner_ok(m.group("subj")):
            return None
        rest = clause[m.end():]
        owner, redacted = m.group("subj"), False
    if PASSIVE_OR_MODAL.search(rest):
        return None
    if re.match(r"\s*(?:zal|zullen)\b", rest):
        return (owner, redacted) if not PASSIVE_OR_MODAL.search(rest) else None
    if firm and not FIRM_DO.match(rest.lstrip()):
        return None
    if not firm and not DO_VERB.search(rest):
        return None
    if NOT_DOING.search(rest) or rest.rstrip().endswith("?"):
        return None
    head = rest[:m2.start()] if (m2 := SUBCLAUSE.search(rest)) and FIRM_DO.match(rest.lstrip()) else rest
    if AUX.search(head):
        return None
    return owner, redacted


def agreed_action(clause: str) -> str | None:
    """The owner ("" when blanked out) when an agreed clause is a task: "(Afgesproken wordt dat) de secretaris … agendeert"."""
    d = _doer(clause)
    if d is None:
        return None
    owner, redacted = d
    return "" if redacted else owner


def _will_action(sent: str) -> str | None:
    """The owner when ``sent`` says someone will do something, else None."""
    if not WILL.search(sent) or PASSIVE_OR_MODAL.search(sent) or sent.rstrip().endswith("?"):
        return None
    m = re.match(rf"^\s*(?P<subj>{ROLE}|{HONORIFIC}{NAME_PATTERN}|hij|zij|ze)\s+(?:zal|zullen|gaat|gaan)\s+(?P<rest>.+)", sent, re.S)
    if m and (_owner_ok(m.group("subj")) or m.group("subj").lower() in {"hij", "zij", "ze"}):
        if len(m.group("rest").split()) >= 2:
            return m.group("subj")
    # "de wethouder heeft de brief ontvangen en zal voor 1 mei reageren"
    m = re.match(rf"^\s*(?:[A-Z]\w+\s*:\s*)?(?P<subj>{ROLE}|{HONORIFIC}{NAME_PATTERN})\s+(?:heeft|is|neemt|krijgt)\b[^.;:]{{3,160}}?"
                 r",?\s+en\s+(?:zal|zullen)\s+(?P<rest>\S+\s+\S+)", sent, re.S)
    if m and _owner_ok(m.group("subj")):
        return m.group("subj")
    # "Hiervoor zal de provincie een format delen"
    m = re.match(rf"^\s*(?:\w+\s+){{1,3}}?(?:zal|zullen)\s+(?P<subj>{ROLE}|(?:[A-Z]\.\s?)+\s*{NAME_PATTERN})\s+\S+", sent)
    if m and _owner_ok(m.group("subj")):
        return m.group("subj")
    # "Marjolein licht toe dat zij ... zal gaan delen"
    m = re.match(rf"^\s*(?P<subj>{NAME_PATTERN})\s+{SPEECH}\b[^.]*?\bdat\s+(?:hij|zij|ze)\b[^.]*?\bzal\b", sent)
    if m and _owner_ok(m.group("subj")):
        return m.group("subj")
    return None


def _owner_in(sent: str) -> str | None:
    """Owner of an "(actie)" sentence: its subject, else the person it is put to ("voorgelegd aan Rob")."""
    subj = _subject(sent)
    if subj and subj not in {"hij", "zij", "ze"}:
        return subj
    m = re.search(rf"\b(?:aan|door|bij)\s+(?P<who>{ROLE}|{NAME_PATTERN})", sent)
    if m and _owner_ok(m.group("who")):
        return m.group("who")
    return None


# --- sections: Actiepunten / Actielijst / Vervolgafspraken ---------------------

def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t+|\s*\|\s*|\s{2,}", line.strip()) if c.strip()]


def _header(line: str) -> list[str] | None:
    cells = _cells(line)
    if len(cells) >= 2 and sum(bool(HEADER_WORDS.match(c)) for c in cells) >= 2:
        return [c.lower().rstrip(".") for c in cells]
    words = line.split()
    if 2 <= len(words) <= 7 and all(HEADER_WORDS.match(w.strip("/|")) or w in "/|" for w in words):
        return [w.lower().rstrip(".") for w in words if w not in "/|"]
    return None


def _col(header: list[str], *names: str) -> int | None:
    for i, h in enumerate(header):
        if any(h.startswith(n) for n in names):
            return i
    return None


TRAIL_OWNER = re.compile(rf"\s(?P<owner>{OWNERS})\s*$")
LEAD_OWNER = re.compile(rf"^(?P<owner>{OWNERS})\s*[:\-–]?\s+(?=\S)")


def _row_fields(body: str, header: list[str] | None) -> tuple[str, str | None, str | None, str | None]:
    """(what, owner, due cell, status) from one row whose cells may be single-spaced."""
    cells = _cells(body)
    if header and len(cells) == len(header):
        get = lambda *n: cells[i] if (i := _col(header, *n)) is not None else None  # noqa: E731
        what = get("actie", "wat", "omschrijving", "onderwerp", "afspraak") or body
        owner = get("wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker", "door")
        due = get("wanneer", "datum", "deadline", "termijn", "gereed")
        status = get("status", "stand", "voortgang")
        return what, owner, due, status
    status = None
    m = re.search(r"(?i)\s(?P<st>afgerond|gereed|afgehandeld|afgedaan|uitgevoerd|done|open|loopt|lopend|in\s+behandeling"
                  r"|in\s+uitvoering|vervallen|doorlopend)\s*\.?$", body)
    if m:
        status, body = m.group("st"), body[:m.start()]
    due = None
    dm = re.search(r"(?i)\s(?P<due>(?:(?:vóór|voor|uiterlijk|eind|begin|medio)\s+)?(?:\d{1,2}[-./]\d{1,2}(?:[-./]\d{2,4})?"
                   r"|\d{1,2}\s+[a-z]{3,9}\.?(?:\s+\d{4})?|week\s+\d{1,2}|q[1-4](?:\s+\d{4})?|z\.?s\.?m\.?|n\.?t\.?b\.?"
                   r"|[a-z]{3,9}\s+\d{4}))\s*$", body)
    if dm and not re.fullmatch(r"(?i)[a-z]+\s+\d{4}", dm.group("due")) or (dm and re.match(
            r"(?i)(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)", dm.group("due"))):
        due, body = dm.group("due"), body[:dm.start()]
    owner = None
    who_col = _col(header, "wie", "eigenaar", "actiehouder", "trekker") if header else None
    what_col = _col(header, "actie", "wat", "omschrijving") if header else None
    wie_first = who_col is not None and what_col is not None and who_col < what_col
    if wie_first:
        om = LEAD_OWNER.match(body.strip())
        if om and _owner_ok(om.group("owner")):
            owner, body = om.group("owner"), body.strip()[om.end():]
    else:
        om = TRAIL_OWNER.search(body.rstrip())
        if om and _owner_ok(om.group("owner")) and om.start() > 0 and body[:om.start()].strip():
            prev = body[:om.start()].rstrip()
            # a lowercase word before a capitalised owner: the action text ends there
            if prev and (prev[-1].islower() or prev[-1] in ".)") or re.match(rf"(?i){ROLE}$", om.group("owner").strip()):
                owner, body = om.group("owner"), prev
    return body.strip(" -–:;"), owner, due, status


NR_CELL = re.compile(r"(?:[A-Z]{1,3}[-.]?)?\d{1,4}(?:[-./]\d{1,4})?[.)]?")
DUE_CELL = re.compile(r"(?i)\d|\bweek\b|\bq[1-4]\b|kwartaal|z\.?s\.?m|n\.?t\.?b|\bpm\b|volgende|doorlopend|continu|\b(?:voorjaar|zomer"
                      r"|najaar|winter|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b")


def _vertical(text: Text, parts: list[Part], part: Part, start: int, taken: list[tuple[int, int]]) -> list[dict] | None:
    """An action table flattened one cell per line: "Nr / Actie / Wie / Wanneer / Status", then the rows.

    Rows start at their number; a wrapped action text takes several lines, so the
    single-line fields are read from the end of the row (status, due, owner).
    """
    t = text.text
    body = [(ls, le) for ls, le in lines(t, start, part.end) if not is_blank(t, ls, le)]
    header: list[str] = []
    k = 0
    while k < len(body) and HEADER_WORDS.match(t[body[k][0]:body[k][1]].strip()):
        header.append(t[body[k][0]:body[k][1]].strip().lower().rstrip("."))
        k += 1
    if len(header) < 3 or not re.match(r"(?:nr|nummer|#|no)$", header[0]):
        return None
    what_col = _col(header, "actie", "wat", "omschrijving", "onderwerp", "afspraak")
    if what_col is None:
        return None
    after = header[what_col + 1:]
    rows: list[list[tuple[int, int]]] = []
    for ls, le in body[k:]:
        line = t[ls:le].strip()
        if NR_CELL.fullmatch(line):
            rows.append([(ls, le)])
        elif rows and len(line) <= 80 and not SECTION.match(t[ls:le]) and not re.match(
                r"(?i)(?:\d{1,2}[.)]\s+[A-Z]|rondvraag|sluiting|volgende\s+vergadering)", line):
            rows[-1].append((ls, le))
        else:
            break
    out = []
    for row in rows:
        cells = [clean(t[a:b]) for a, b in row[1:]]
        fields: dict[str, str | None] = {}
        for name in reversed(after):
            if not cells or len(cells) <= 1:
                break
            last = cells[-1]
            if name.startswith(("status", "stand", "voortgang")):
                ok = bool(STATUS_DONE.search(last) or STATUS_OPEN.search(last))
            elif name.startswith(("wanneer", "datum", "deadline", "termijn", "gereed")):
                ok = bool(DUE_CELL.search(last))
            elif name.startswith(("wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker", "door")):
                ok = len(last.split()) <= 5 and _owner_ok(last)
            else:
                ok = True
            if ok:
                fields[name] = cells.pop()
        what = " ".join(cells)
        if not what:
            continue
        owner = next((v for n, v in fields.items() if n.startswith(("wie", "eigenaar", "actiehouder", "verantwoordelijk",
                                                                     "trekker", "door"))), None)
        due = next((v for n, v in fields.items() if n.startswith(("wanneer", "datum", "deadline", "termijn", "gereed"))), None)
        status = next((v for n, v in fields.items() if n.startswith(("status", "stand", "voortgang"))), None)
        s, e = row[1][0], row[-1][1]
        a = _action(text, parts, part, s, e, what, split_owners(owner) if owner else [], status_of(status) if status else None,
                    due if due and not re.match(r"(?i)n\.?t\.?b\.?$|-$", due) else None)
        out.append(a)
        taken.append((row[0][0], e))
    return out


def _sections(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out = []
    starts = [sm.end() for sm in SECTION.finditer(t, part.start, part.end)]
    # an action table without a heading: "Wie | Wat | Wanneer", "Actie   Eigenaar   Deadline"
    for ls, le in lines(t, part.start, part.end):
        head = _header(t[ls:le]) if len(t[ls:le]) < 160 else None
        if head and _col(head, "wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker") is not None \
                and _col(head, "actie", "wat", "omschrijving") is not None \
                and not any(p <= ls <= p + 1 or (p < ls and is_blank(t, p, ls)) for p in starts):
            starts.append(ls - 1 if ls > part.start else ls)
    # a flattened table without a heading: "Nr." then a header word per line, an owner column among them
    spans = [sp for sp in lines(t, part.start, part.end) if not is_blank(t, *sp)]
    for k, (ls, le) in enumerate(spans):
        if re.fullmatch(r"(?i)\s*(?:nr|nummer|#|no)\.?\s*", t[ls:le]):
            heads = []
            for hs, he in spans[k + 1:k + 7]:
                if not HEADER_WORDS.match(t[hs:he].strip()):
                    break
                heads.append(t[hs:he].strip().lower().rstrip("."))
            if len(heads) >= 2 and _col(heads, "wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker") is not None \
                    and not any(p <= ls <= p + 1 or (p < ls and is_blank(t, p, ls)) for p in starts):
                starts.append(ls - 1 if ls > part.start else ls)
    for pos in sorted(starts):
        if pos >= part.end or any(a <= pos + 1 < b for a, b in taken):
            continue
        vertical = _vertical(text, parts, part, pos, taken)
        if vertical:
            out += vertical
            continue
        header: list[str] | None = None
        rows: list[list[int]] = []
        blank_run = 0
        numbered = False
        for ls, le in lines(t, pos + 1 if pos < part.end and t[pos] == "\n" else pos, part.end):
            if is_blank(t, ls, le):
                blank_run += 1
                if rows and blank_run >= 2:
                    break
                continue
            line = t[ls:le]
            if rows and blank_run and not (BULLET.match(line) and BULLET.match(line).end() > 0) and not numbered:
                break
            blank_run = 0
            if header is None and not rows and _header(line):
                header = _header(line)
                continue
            if SECTION.match(line) or re.match(r"(?i)^[ \t]*(?:\d{1,2}[.)]?[ \t]+)?(?:rondvraag|sluiting|besluiten"
                                                 r"|besluitenlijst|toezeggingen|volgende\s+vergadering)\b", line):
                break
            b = re.match(r"[ \t]*(?:[•◦▪●\-–*][ \t]*|(?P<nr>\d{1,3}[a-z]?|[A-Z]{1,3}[-.]?\d{1,3})[.)]?[ \t]+)", line)
            if b and b.group("nr"):
                numbered = True
            if b or not rows or (header and not numbered):
                rows.append([ls + (b.end() if b else len(line) - len(line.lstrip())), le])
            else:
                rows[-1][1] = le  # a wrapped cell
        for s, e in rows:
            body = t[s:e]
            if _overlaps(s, e, taken):
                continue
            what, owner, due_cell, status = _row_fields(body if header else clean(body), header)
            if not header:
                # a list item: "Jan: bellen", "Secretariaat stuurt ...", "... (Jan, 1 okt)"
                pm = re.search(rf"\((?P<o>{OWNERS})(?:\s*,\s*(?P<d>[^)]+))?\)\s*\.?$", what)
                lm = re.match(rf"^(?P<o>{OWNERS})\s*:\s*(?P<rest>.+)", what, re.S)
                if lm and _owner_ok(lm.group("o")):
                    owner, what = lm.group("o"), lm.group("rest")
                elif pm and _owner_ok(pm.group("o")):
                    owner, due_cell = pm.group("o"), pm.group("d") or due_cell
                    what = what[:pm.start()]
                elif not owner:
                    owner = _subject(what) or _will_action(what)
                    if owner in {"hij", "zij", "ze"}:
                        owner = None
            st = status_of(status) if status else status_of(body) if header else None
            a = _action(text, parts, part, s, e, what, split_owners(owner) if owner else [], st,
                        due_cell if due_cell and not re.match(r"(?i)n\.?t\.?b\.?$|-$", due_cell.strip()) else None)
            if a["text"]:
                out.append(a)
                taken.append((s, e))
    return out


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < b and e > a for a, b in taken)


PAGE_FOOTER = re.compile(r"(?i)\b(?:pag(?:ina)?\.?|blad|blz\.?|page)\s*\d+|^\s*\d+\s*/\s*\d+\s*$")


def _tables(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Tables the section reader did not take: the Actie column beside a Besluit column
    ("Secretaris: memo aan AB vóór 31 januari", "Dhr. Kok informeert de gebiedscommissie"),
    and action tables flattened one cell per line under a combined header ("Afspraak / actie")."""
    t = text.text
    out = []
    for table in tables(t, part.start, part.end):
        cols = table.columns
        if "action" not in cols or not table.rows or _overlaps(table.start, table.end, taken):
            continue
        beside_decision = "decision" in cols
        if not beside_decision and "who" not in cols:
            continue
        for row in table.rows:
            if any(PAGE_FOOTER.search(c.text) for c in row.cells[-1:]) and len(row.cells) < len(table.header.cells if
                                                                                               table.header else row.cells):
                continue
            cell = table.cell(row, "action")
            if cell is None or _overlaps(cell.start, cell.end, taken):
                continue
            what, owner, due_cell, status = cell.text, None, None, None
            s, e = cell.start, cell.end
            if beside_decision:
                lm = re.match(r"(?P<o>[^:]{2,40}?)\s*:\s*(?P<rest>\S.*)", what, re.S)
                if lm and _owner_ok(lm.group("o")) and not WILL.search(lm.group("o")) and len(lm.group("o").split()) <= 4:
                    owner, what = lm.group("o"), lm.group("rest")
                    s = t.find(":", s, e) + 1
                    s, e = s + len(t[s:e]) - len(t[s:e].lstrip()), e
                else:
                    owner = _subject(what)
                    if owner in {"hij", "zij", "ze"}:
                        owner = None
            else:
                who, when, st = table.cell(row, "who"), table.cell(row, "when"), table.cell(row, "status")
                owner = who.text if who else None
                due_cell = when.text if when else None
                status = status_of(st.text) if st else None
                e = max(c.end for c in row.cells)
            a = _action(text, parts, part, s, e, what if beside_decision else t[cell.start:cell.end],
                        split_owners(owner) if owner else [], status,
                        due_cell if due_cell and not re.match(r"(?i)n\.?t\.?b\.?$|-$", due_cell.strip()) else None)
            a["_table"] = True
            out.append(a)
            taken.append((row.start, row.end))
    return out


def _content(words: str, owners: list[str]) -> set[str]:
    """Content words of an action (6-letter stems), without its owners' words."""
    own = {w[:6] for o in owners for w in re.findall(r"\w{4,}", o.lower())}
    return {w[:6] for w in re.findall(r"\w{4,}", words.lower())} - own - {"voor", "over", "naar", "met", "door"}


def _same_task(a: dict, b: dict) -> bool:
    """A bullet in the minutes that repeats a row of the action list (same owner, mostly the same words)."""
    oa = {re.sub(r"^(?:de|het)\s+", "", o.lower()) for o in a["owners"]}
    ob = {re.sub(r"^(?:de|het)\s+", "", o.lower()) for o in b["owners"]}
    if oa and ob and not oa & ob:
        return False
    ca, cb = _content(a["text"], a["owners"]), _content(b["text"], b["owners"])
    shared = ca & cb
    return len(shared) >= 2 and len(shared) * 2 >= min(len(ca), len(cb))


# --- the prose rules --------------------------------------------------------------

def _prose(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out: list[dict] = []
    sentences = sentence_spans(t, part.start, part.end)
    # paragraph starts, for pronoun owners
    para_starts = [part.start] + [le for ls, le in lines(t, part.start, part.end) if is_blank(t, ls, le)]
    record = part.type in RECORD_TYPES
    for idx, (s, e) in enumerate(sentences):
        if _overlaps(s, e, taken):
            continue
        sent = t[s:e]
        bullet = BULLET.match(sent)
        if bullet and bullet.end() > 0:
            s += bullet.end()
            sent = t[s:e]
        block_start = max(p for p in para_starts if p <= s)
        # "... brengen. Actie allen" / "Actie P. de Wit" (a sentence of its own)
        m = MARKER_END.search(sent)
        if m and _owner_ok(m.group("owner").split()[0]) and re.match(r"\s*[Aa]ctie", sent[:m.start() + 6][m.start():]):
            owner = m.group("owner")
            before = sent[:m.start()].strip()
            if before:
                body_s, body_e = s, s + m.start()
            else:
                # the marker stands alone: the action is the sentence before it
                j = idx - 1
                if j < 0 or sentences[j][0] < block_start:
                    continue
                body_s, body_e = sentences[j]
                if len(t[body_s:body_e].split()) < 6 or re.match(r"\s*(?:Dat|Dit|Die|Deze)\b", t[body_s:body_e]):
                    if j > 0 and sentences[j - 1][0] >= block_start:
                        body_s = sentences[j - 1][0]
                # drop the "X zal" action already made of that sentence
                out[:] = [a for a in out if not (body_s <= a["evidence"]["start"] < body_e)]
            body = t[body_s:body_e]
            b2 = BULLET.match(body)
            if b2 and b2.end():
                body_s += b2.end()
                body = t[body_s:body_e]
            out.append(_action(text, parts, part, body_s, s + m.end(), body, split_owners(owner)))
            taken.append((body_s, s + m.end()))
            continue
        m = MARKER_PAREN.search(sent)
        if m:
            body = sent[:m.start()] + sent[m.end():]
            if not body.strip(" .") and idx > 0 and sentences[idx - 1][0] >= block_start:
                # "(actie)" after the sentence it marks
                ps, pe = sentences[idx - 1]
                out[:] = [a for a in out if not (ps <= a["evidence"]["start"] < pe)]
                s, sent, body = ps, t[ps:e], t[ps:pe]
                m = MARKER_PAREN.search(sent)
            owner = m.group("owner") or _owner_in(sent[:m.start()])
            if owner in {"hij", "zij", "ze"}:
                owner = _last_named(t, sentences, idx, block_start)
            out.append(_action(text, parts, part, s, e, body, split_owners(owner) if owner else []))
            taken.append((s, e))
            continue
        m = MARKER_OWNER_START.match(sent)
        if m and _owner_ok(m.group("owner")) and re.fullmatch(rf"{OWNERS}|(?i:{ROLE_WORDS})(?:-[\w-]+)?", m.group("owner")):
            body_s = s + m.start("body")
            out.append(_action(text, parts, part, s, e, t[body_s:e], split_owners(m.group("owner"))))
            taken.append((s, e))
            continue
        m = MARKER_START.match(sent)
        if m:
            body = m.group("body")
            owner = None
            om = re.fullmatch(rf"\s*(?P<o>{OWNERS})\s*\.?\s*", body)
            if om and _owner_ok(om.group("o")):
                owner = om.group("o")
                j = idx - 1
                if j >= 0 and sentences[j][0] >= block_start:
                    bs, be = sentences[j]
                    out[:] = [a for a in out if not (bs <= a["evidence"]["start"] < be)]
                    out.append(_action(text, parts, part, bs, e, t[bs:be], split_owners(owner)))
                    taken.append((bs, e))
                continue
            owner = _subject(body) or _will_action(body)
            if re.match(rf"\s*{REDACTION}", body):
                owner = None
            owners = split_owners(owner) if owner and owner not in {"hij", "zij", "ze"} else []
            if owners and out and out[-1]["owners"] == owners and not t[out[-1]["evidence"]["end"]:s].strip():
                out.pop()  # "Ria schrijft een concept. Actie: Ria stelt het advies op": one task, as marked
            out.append(_action(text, parts, part, s, e, body, owners))
            taken.append((s, e))
            continue
        if not record:
            continue
        m = AGREEMENT_START.match(sent)
        if m:
            # "Afspraak: X stuurt … rond." / "Afgesproken wordt dat elke gemeente … aanlevert": a task with its owner
            sub = sentence_spans(t, s + m.end(), e) if sent[:m.end()].rstrip().endswith(":") else [(s + m.end(), e)]
            for k, (a, b) in enumerate(sub):
                d = _doer(t[a:b])
                if d is None:
                    continue
                owner, _ = d
                start = s if k == 0 else a
                out.append(_action(text, parts, part, start, b, t[a:b], split_owners(owner) if owner else []))
                taken.append((start, b))
            continue
        m = ASKED.match(sent)
        if m and re.search(r"(?i)\b(?:motie|amendement)\b", t[max(block_start, s - 300):s]):
            continue  # "Het college wordt verzocht …" in a motion is its dictum, not a task of the meeting
        if m and _owner_ok(m.group("who")) and not sent.rstrip().endswith("?"):
            out.append(_action(text, parts, part, s, e, sent, split_owners(m.group("who"))))
            taken.append((s, e))
            continue
        promise = re.search(r"(?i)\bzeg(?:t|gen)\s+(?:\w+\s+){0,4}?toe\b", sent)
        # "Wim maakt een flyer, Greetje legt die neer": a task per clause with its own subject
        cuts = [c.end() for c in re.finditer(r",\s+(?=[A-Z])", sent) if SUBJECT.match(sent[c.end():])]
        if cuts and record and not promise:
            bounds = [0] + cuts + [len(sent)]
            clauses = [(s + a, s + b) for a, b in zip(bounds, bounds[1:])]
            doers = [(a, b, _doer(t[a:b].rstrip(" ,"), firm=True)) for a, b in clauses]
            # a "zal"/"gaat" after ", en ook …" belongs to a later clause, not to this one's doer
            if sum(1 for ca, cb, dd in doers if dd and dd[0] and not WILL.search(re.split(r",|\sen\s+(?:ook\s+)?(?:de|het)\s",
                                                                                        t[ca:cb])[0])) >= 2:
                for a, b, dd in doers:
                    if dd and dd[0]:
                        b2 = b - (len(t[a:b]) - len(t[a:b].rstrip(" ,")))
                        out.append(_action(text, parts, part, a, b2, t[a:b2], split_owners(dd[0])))
                        taken.append((a, b2))
                continue
        d = _doer(sent, firm=True) if not promise else None
        if d and (d[0] or d[1]) and not WILL.search(sent):
            owner = d[0]
            body_s = s
            if REFERS_BACK.match(sent) and idx > 0 and sentences[idx - 1][0] >= block_start \
                    and not _overlaps(*sentences[idx - 1], taken):
                body_s = sentences[idx - 1][0]  # "Henk pakt dit op": what "dit" is stands in the sentence before
            out.append(_action(text, parts, part, body_s, e, t[body_s:e], split_owners(owner) if owner else []))
            taken.append((body_s, e))
            continue
        # "Besluit: … aangehouden; de directeur werkt eerst een variant uit": a task in a later clause
        clause = None
        for cm in re.finditer(r";\s+", sent):
            c = _doer(sent[cm.end():], firm=True)
            if c and c[0]:
                clause = (s + cm.end(), c[0])
        if clause:
            out.append(_action(text, parts, part, clause[0], e, t[clause[0]:e], split_owners(clause[1])))
            taken.append((clause[0], e))
            continue
        owner = _will_action(sent)
        if owner:
            if owner.lower() in {"hij", "zij", "ze"}:
                owner = _last_named(t, sentences, idx, block_start)
                if not owner:
                    continue
            out.append(_action(text, parts, part, s, e, sent, split_owners(owner)))
            taken.append((s, e))
    return out


# a decision that charges someone: "het college opdracht te geven ... uiterlijk 1 oktober ... aan te bieden"
CHARGE = re.compile(
    rf"(?P<owner>{ROLE}(?:\s+van\s+(?:[\w&]+\s+){{0,3}}?[\w&]+)?)\s+(?:opdracht\s+te\s+geven|op\s+te\s+dragen|te\s+verzoeken)\s+"
    r"(?P<what>[^;]+?)(?=;|\.\s*(?:\n|$)|\n\s*\n|\n\s*(?:\d{1,2}|[A-Z])[.)]\s)", re.S)


def _charges(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out = []
    for m in CHARGE.finditer(t, part.start, part.end):
        s, e = m.start(), m.end()
        if _overlaps(s, e, taken):
            continue
        owner = re.sub(r"^(?:Het|De)\b", lambda x: x.group(0).lower(), clean(m.group("owner")))
        out.append(_action(text, parts, part, s, e, m.group("what"), [owner]))
        taken.append((s, e))
    return out


def _requests(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Requests and intentions in letters and memos, as reviewed candidates."""
    found = []
    for s, e in sentence_spans(text.text, part.start, part.end):
        if _overlaps(s, e, taken) or e - s > 400:
            continue
        hit = prose_actions(text.text[s:e], part.type)
        if hit:
            a = _action(text, parts, part, s, e, hit[1], [hit[0]])
            a["confidence"] = REQUEST_CONFIDENCE
            found.append(a)
            taken.append((s, e))
    return found


def extract_actions(text: Text, parts: list[Part]) -> list[dict]:
    """Actions in ``text``, in text order, ids "a1", "a2", …"""
    out: list[dict] = []
    for part in parts_of(parts, text):
        taken: list[tuple[int, int]] = []
        found: list[dict] = []
        if part.type in MARKER_TYPES:
            found = _sections(text, parts, part, taken)
            for a in found:
                a["_table"] = True
            found += _tables(text, parts, part, taken)
        if part.type in RECORD_TYPES:
            found += _charges(text, parts, part, taken)
        # prose is read in every document type ("De minister zal … sturen" in a letter is an action too);
        # outside minutes and action lists its confidence is lower (data/confidence.toml)
        found += _prose(text, parts, part, taken)
        # requests, intentions and announced steps, in every type, as reviewed candidates
        found += _requests(text, parts, part, taken)
        out += found
    listed = [a for a in out if a.get("_table")]
    out = [a for a in out if a.get("_table") or not any(_same_task(a, b) for b in listed)]
    for a in out:
        a.pop("_table", None)
    out.sort(key=lambda a: a["evidence"]["start"])
    for i, a in enumerate(out, 1):
        a["id"] = f"a{i}"
    return out
