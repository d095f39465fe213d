"""Meetings, attendance and agenda items.

A meeting is read from the head of its minutes ("Verslag ... d.d. maandag 6
juli 2020, 14.00-15.45 uur"; "Datum / Tijd / Locatie / Voorzitter" blocks),
of its agenda, or of a proposal's header ("Vergadering d.d. : ... / Agendapunt
: 3 / Onderwerp : ... / Portefeuillehouder : ..."). The same meeting announced
by an agenda and by each proposal is one meeting (same body and date).

Attendance comes from "Aanwezig", "Namens X:", "Afgemeld", "Afwezig (met
kennisgeving)", "Bericht van verhindering" blocks with roles and
"(tot 15.10 uur)" style limits, and from sentences in the minutes ("X verlaat
de vergadering", "X wordt vervangen door Y", "X is afwezig"). Redacted names
are skipped.

Agenda items are numbered headings ("1. Opening", "3 + 4", "4a", "Ad 3",
"2 | Spreekrecht", a number on its own line followed by the title), chosen as
the longest run of consecutive numbers so that numbered lists inside an item
are not mistaken for items.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..document import Part, Text
from .dates import find_dates
from .evidence import evidence
from .municipalities import lookup as municipality
from .names import NOT_INITIALS, clean_name, cluster_names, compatible, is_redacted, looks_like_name, parse_name

# --------------------------------------------------------------------------- vocabulary

MEETING_PARTS = {"minutes", "decision_list", "action_list", "agenda", "proposal"}
DOC_WORDS = r"(?:verslag|notulen|besluitenlijst|actielijst|actie-\s*en\s*besluitenlijst|agenda|uitnodiging|bundel|vergaderstukken|conceptverslag|concept-verslag|concept|definitief|ontwerp-?agenda)"
ROLE_WORDS = (
    "voorzitter", "vicevoorzitter", "vice-voorzitter", "plv. voorzitter", "secretaris", "wethouder", "gedeputeerde",
    "burgemeester", "loco-burgemeester", "raadslid", "statenlid", "commissaris", "griffier", "notulist", "notulant",
    "accounthouder", "strateeg", "adviseur", "beleidsmedewerker", "beleidsadviseur", "projectleider",
    "programmamanager", "programmaleider", "programmasecretaris", "directeur", "coördinator", "coordinator",
    "regiocoördinator", "portefeuillehouder", "ambtenaar", "medewerker", "lid", "fractievoorzitter", "controller",
    "manager", "teamleider", "secretariaat", "ondersteuning", "gemeentesecretaris", "griffie", "algemeen directeur",
    "regisseur", "programmaregisseur", "verkenner", "voorzitter a.i.", "procesbegeleider", "gast", "toehoorder",
    "dagelijks bestuurder", "bestuurder", "bestuurslid", "minister", "staatssecretaris", "dijkgraaf", "heemraad",
    "ambassadeur", "ambtelijk secretaris", "raadsgriffier", "statengriffier", "wnd.", "waarnemend",
)
_ROLE_RE = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(ROLE_WORDS, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
TIME = r"(?P<h>[0-2]?\d)[.:u](?P<m>[0-5]\d)"
TIME_RANGE = re.compile(
    r"(?<![\d.,])([0-2]?\d)[.:]([0-5]\d)\s*(?:uur\s*)?(?:-|–|—|tot|t/m)\s*([0-2]?\d)[.:]([0-5]\d)(?![\d,])")
ONE_TIME = re.compile(r"(?:aanvang|om|vanaf|tijd\s*:?|start)?\s*(?<![\d.,])([0-2]?\d)[.:]([0-5]\d)\s*(?:uur|u\b)",
                      re.IGNORECASE)

KIND_PHRASES = [
    (re.compile(r"\bter\s+(?:besluitvorming|besluit|vaststelling|goedkeuring|instemming|bekrachtiging|"
                r"beslissing|advisering\s+en\s+besluitvorming)\b", re.I), "decision"),
    (re.compile(r"\bter\s+(?:kennisname|kennisgeving|informatie|info)\b", re.I), "information"),
    (re.compile(r"\bter\s+(?:bespreking|discussie|advisering|consultatie|oriëntatie|orientatie|"
                r"meningsvorming|beeldvorming|oordeelsvorming)\b", re.I), "discussion"),
]
INFO_VERBS = re.compile(r"^\W*(?:kennis\s*(?:te\s+)?nemen|kennisnemen|kennisname|ter\s+kennisname|informeren\s+over|"
                        r"ter\s+informatie|kennis\s+te\s+nemen)", re.I)
DECISION_VERBS = re.compile(
    r"\b(?:vaststellen|vast\s+te\s+stellen|instemmen|in\s+te\s+stemmen|besluiten|te\s+besluiten|benoemen|te\s+benoemen|"
    r"goedkeuren|goed\s+te\s+keuren|bekrachtigen|te\s+bekrachtigen|akkoord\s+(?:gaan|te\s+gaan)|verlenen|te\s+verlenen|"
    r"beschikbaar\s+(?:te\s+)?stellen|aanwijzen|aan\s+te\s+wijzen|deel\s+(?:laten\s+)?nemen|toekennen|toe\s+te\s+kennen|"
    r"vaststelling|zienswijze|wensen\s+en\s+bedenkingen|machtigen|te\s+machtigen|opdracht\s+(?:te\s+)?geven|"
    r"besluit\s+te\s+nemen|aan\s+te\s+gaan|in\s+te\s+dienen|ontslaan|te\s+ontslaan|verklaren|af\s+te\s+wijzen)\b", re.I)
DISCUSS_VERBS = re.compile(r"^\W*(?:bespreken|bespreking|van\s+gedachten\s+wisselen|discussie|spreken\s+over|"
                           r"input\s+(?:leveren|geven)|meedenken)", re.I)
PROPOSAL_START = re.compile(
    r"^\W*(?:kennis\s*(?:te\s+)?nemen|kennisnemen|vaststellen|vast\s+te\s+stellen|instemmen|in\s+te\s+stemmen|"
    r"besluiten|benoemen|goedkeuren|bekrachtigen|akkoord|bespreken|verlenen|beschikbaar\s+stellen|aanwijzen|"
    r"machtigen|toekennen|informeren|ter\s+\w+|het\s+(?:algemeen|dagelijks)\s+bestuur\s+\w+|de\s+raad\s+\w+|"
    r"u\s+wordt\s+(?:gevraagd|voorgesteld))", re.I)

# attendance block labels: (pattern, kind)
ATTENDANCE_LABELS = [
    (r"(?:tevens|voorts|ook|verder)\s+aanwezig(?:\s+(?:zijn|waren|is))?", "present"),
    (r"(?:ambtelijk|ambtelijke\s+ondersteuning|ondersteuning|ambtelijk\s+aanwezig)", "present_support"),
    (r"aanwezig(?:e|en)?(?:\s+(?:zijn|waren|is))?(?:\s+(?:de\s+)?(?:leden|raadsleden|statenleden|personen))?"
     r"(?:\s+namens\s+de\s+(?:fracties|partijen))?", "present"),
    (r"(?:deelnemers|deelname|genodigden|gasten|te\s+gast|presentielijst|leden)", "present"),
    (r"(?:afwezig|niet\s+aanwezig)(?:\s+(?:zijn|waren|is))?(?:\s*[(]?\s*(?:met|zonder)\s+kennisgeving\s*[)]?)?", "absent"),
    (r"(?:met\s+kennisgeving\s+afwezig|afgemeld|afmelding(?:en)?|verhinderd|bericht\s+van\s+verhindering)"
     r"(?:\s+(?:zijn|waren|is|hebben|heeft|van|ontvangen\s+van))*", "absent"),
    (r"(?:voorzitter|voorzitterschap|vz\.?)", "chair"),
    (r"(?:verslaglegging|verslag|notulist[e]?|notulen|notulant|verslaggever|verslaglegger|notulering)", "minutes"),
    (r"(?:aanwezig\s+)?namens\s+(?P<org>[^:\n]{2,80}?)", "org"),
    # a role as label names people who are present in that role ("Griffier: mevrouw A. Bos")
    (r"(?:ambtelijk\s+secretaris|(?:raads|staten|commissie|bestuurs|gemeente|programma)?(?:griffier|secretaris)|"
     r"(?:ambtelijk\s+|beleids)?adviseurs?|plaatsvervangend\s+griffier|controller)", "role"),
]
# a label starts a line, or follows a full stop on the line ("Aanwezig: 23 leden. Afwezig: ...")
_LABEL_RE = re.compile(
    r"(?:^[ \t\-•*]*|(?<=[.;][ \t]))(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(ATTENDANCE_LABELS)) + r")\s*(?::|$)",
    re.IGNORECASE | re.MULTILINE)
HEADER_FIELD = re.compile(
    r"^[ \t]*(?P<label>datum|tijd|tijdstip|aanvang|locatie|plaats|vergaderlocatie|waar|betreft|onderwerp|kenmerk|"
    r"agenda|bijlagen?|vergadering|voorzitter|verslag(?:legging)?|notulist[e]?|secretaris|griffier|aan|van|cc|"
    r"vergadering-id|wachtwoordcode|status|documentnummer|registratienummer)\b\s*:?[ \t]*(?P<value>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _hhmm(h: str, m: str) -> str | None:
    h_, m_ = int(h), int(m)
    return f"{h_:02d}:{m_:02d}" if h_ < 24 and m_ < 60 else None


def kind_of(phrase: str | None) -> str | None:
    """decision / information / discussion from 'ter ...' phrases or a proposal's verb."""
    if not phrase:
        return None
    for rx, kind in KIND_PHRASES:
        if rx.search(phrase):
            return kind
    if INFO_VERBS.search(phrase) and not DECISION_VERBS.search(phrase):
        return "information"
    if DECISION_VERBS.search(phrase):
        return "decision"
    if INFO_VERBS.search(phrase):
        return "information"
    if DISCUSS_VERBS.search(phrase):
        return "discussion"
    return None


# --------------------------------------------------------------------------- bodies

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
                 r"zaterdag|zondag)\s+)?\d|\s+\d{1,2}[-./ ]|,|\s+aanvang\b|\s+datum\b", title, maxsplit=1, flags=re.I)[0]
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


# --------------------------------------------------------------------------- data

@dataclass
class _Meeting:
    body: str | None
    date: str | None
    start: int  # evidence
    end: int
    span_start: int
    span_end: int
    document: str | None
    source: str  # minutes | agenda | proposal
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    chair: str | None = None
    minute_taker: str | None = None
    attendees: list[dict] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    redacted: int = 0
    adopted_on: str | None = None


def _lines(t: str, start: int, end: int):
    """Yield (line_start, line_end, line) within [start, end)."""
    pos = start
    while pos < end:
        nl = t.find("\n", pos, end)
        stop = end if nl == -1 else nl
        yield pos, stop, t[pos:stop]
        pos = stop + 1


# --------------------------------------------------------------------------- header

TITLE_LINE = re.compile(
    r"^[ \t]*(?:(?:bundel|concept|definitief)\s*[-–:]?\s*)?(?:" + DOC_WORDS + r"|vergadering|overleg|bijeenkomst)\b"
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


def _header(t: str, part_start: int, limit: int) -> dict:
    """Read title, body, date, times, location, chair from a part's head."""
    head = t[part_start:limit]
    info: dict = {"title": None, "title_start": None, "title_end": None}
    for m in TITLE_LINE.finditer(head):
        line = m.group(0).strip()
        if re.search(r"\bter\s+(?:vaststelling|bespreking|kennisname|besluitvorming)\b|\(bijlage", line, re.I):
            continue
        if re.match(r"(?:agenda|bijlagen?|vergadering)\s*(?:punt|nummer)?\s*:", line, re.I):
            continue
        cand = dict(title=line, title_start=part_start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())),
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
            # a generic title continued on the next line: "Agenda bestuurlijk overleg" / "Energiegebied X (Y)"
            nxt = re.match(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<n>[A-Z][^\n:]{2,80})\n", head[m.end():])
            if re.fullmatch(r"(?i)(?:bestuurlijk|ambtelijk)\s+overleg|overleg|vergadering", body) and nxt \
                    and not find_dates(nxt.group("n")) and not _LABEL_RE.match(nxt.group("n")):
                body = f"{body} {nxt.group('n').strip()}"
            info.update(cand, body=body)
            break
    # date: first full date in the head, preferring one on the title line or a "Datum" field
    date = None
    fields = {}
    for m in HEADER_FIELD.finditer(head):
        fields.setdefault(m.group("label").lower(), (m.group("value").strip(), part_start + m.start("value"),
                                                      part_start + m.end("value")))
    cands = []
    if info["title"]:
        cands.append(f"{info['title']} {info.get('title_block') or ''}")
    if "datum" in fields:
        cands.append(fields["datum"][0])
    cands.append(head[:1500])
    for c in cands:
        ds = [d for d in find_dates(c) if d.date]
        if ds:
            date = ds[0].date.isoformat()
            break
    info["date"] = date
    # times
    time_src = " ".join(x for x in [info["title"] or "", info.get("title_block") or "", fields.get("tijd", ("",))[0], fields.get("tijdstip", ("",))[0],
                                    fields.get("datum", ("",))[0], fields.get("aanvang", ("",))[0]] if x)
    m = TIME_RANGE.search(time_src)
    if m:
        info["start_time"], info["end_time"] = _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
    else:
        m = ONE_TIME.search(time_src)
        info["start_time"] = _hhmm(m.group(1), m.group(2)) if m else None
        info["end_time"] = None
    for key in ("locatie", "plaats", "vergaderlocatie", "waar"):
        if key in fields and fields[key][0] and not find_dates(fields[key][0]):
            info["location"] = fields[key][0].strip(" :")
            break
    else:
        info["location"] = None
    return info


# --------------------------------------------------------------------------- attendance

_PAREN = re.compile(r"\(([^()]*)\)")
_UNTIL_TIME = re.compile(r"\b(?:tot|t/m|tot\s+en\s+met|vertrekt\s+om|vertrokken\s+om|weg\s+om)\s+" + TIME + r"\s*(?:uur|u)?",
                         re.I)
_FROM_TIME = re.compile(r"\b(?:vanaf|v\.a\.|aanwezig\s+vanaf|aangeschoven\s+om|komt\s+om)\s+" + TIME + r"\s*(?:uur|u)?",
                        re.I)
_UNTIL_ITEM = re.compile(r"\b(?:tot|t/m|tot\s+en\s+met|tot\s+na)\s+(?:agenda)?punt\s+(\d{1,2}[a-z]?)", re.I)
_FROM_ITEM = re.compile(r"\b(?:vanaf|v\.a\.|bij)\s+(?:agenda)?punt\s+(\d{1,2}[a-z]?)", re.I)
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
_PERSON_START = re.compile(r"^(?:de\s+heer|de\s+heren|de\s+dames|heer|mevrouw|mevr\.|mw\.|dhr\.|(?:[A-Z]\.){1,5}\s?)",
                           re.I)
# a role word (or its plural) in front of a name: "wethouders P. Aalders, S. Kok", "heemraad mevrouw J. Arts"
_PLURAL_ROLES = {"wethouders": "wethouder", "gedeputeerden": "gedeputeerde", "burgemeesters": "burgemeester",
                 "raadsleden": "raadslid", "statenleden": "statenlid", "heemraden": "heemraad",
                 "adviseurs": "adviseur", "bestuurders": "bestuurder", "bestuursleden": "bestuurslid",
                 "commissieleden": "commissielid", "fractievoorzitters": "fractievoorzitter",
                 "portefeuillehouders": "portefeuillehouder", "directeuren": "directeur", "leden": None,
                 "secretarissen": "secretaris", "griffiers": "griffier"}
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
                                             and not _PERSON_START.match(ln))
                      or re.match(r"^[A-Z]\.?$", last) or last.lower() in _JOIN_WORDS
                      or lines[-1].count("(") > lines[-1].count(")")):
            lines[-1] += " " + ln
        else:
            lines.append(ln)
    out: list[tuple[str, bool, str | None]] = []
    group: str | None = None
    for ln in lines:
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
    return re.sub(r"\s+", " ", bare).strip(" .:-–"), parens, status_text


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


def parse_attendance_block(block: str, status: str, organisation: str | None = None) -> tuple[list[dict], int]:
    """Attendees from the text of one attendance block; returns (attendees, redacted count)."""
    people: list[dict] = []
    redacted = 0
    current: dict | None = None
    list_role: str | None = None
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
        lead, plural, rest = _lead_role(text, new_line or current is None)
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
    return result, redacted


_STOP_LINE = re.compile(
    r"^\s*(?:(?:ad\s+)?\d{1,2}[a-z]?[.)]?\s+[A-Z]|(?:ad\s+)?\d{1,2}[a-z]?\.?\s*$|nr\.?\s+onderwerp|agenda(?:punt)?\b|"
    r"bijlagen?\s*:|onderwerp\s*:|betreft\s*:|datum\s*:|tijd\s*:|locatie\s*:|opening\b|"
    r"verslag\s+van\s|kopie\s+aan|cc\s*:)", re.I)


def _attendance(t: str, start: int, end: int) -> tuple[list[dict], str | None, str | None, int, list[tuple[int, int]]]:
    """Parse every attendance block in [start, end): (attendees, chair, minute taker, redacted, spans)."""
    attendees: list[dict] = []
    chair = minute_taker = None
    redacted = 0
    spans: list[tuple[int, int]] = []
    labels = list(_LABEL_RE.finditer(t, start, end))
    for i, m in enumerate(labels):
        kind, label = next((ATTENDANCE_LABELS[j][1], m.group(f"k{j}")) for j in range(len(ATTENDANCE_LABELS))
                           if m.group(f"k{j}"))
        has_colon = t[m.end() - 1: m.end()] == ":"
        if kind in ("chair", "minutes", "role") and not has_colon:
            continue
        mid_line = t[t.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t-•*") != ""
        if mid_line and not (has_colon and kind in ("present", "absent")):
            continue
        # the block runs to the next label, a stop line, or a blank line that ends the list
        block_end = labels[i + 1].start() if i + 1 < len(labels) else end
        pos = m.end()
        stop = block_end
        prev_line = t[m.start():m.end()] + t[m.end(): t.find("\n", m.end(), end) if t.find("\n", m.end(), end) != -1 else end]
        first = True
        blank_run = 0
        for ls, le, line in _lines(t, pos, block_end):
            if first:
                first = False
                continue
            s = line.strip()
            if not s:
                blank_run += 1
                continue
            if _STOP_LINE.match(line) or HEADER_FIELD.match(line) and not _LABEL_RE.match(line):
                stop = ls
                break
            if blank_run:
                # after a blank line only a continuation keeps the block going
                if not (prev_line.rstrip().endswith((",", ";")) or s.startswith("(") or s[:1].islower()):
                    stop = ls
                    break
            if kind in ("chair", "minutes", "role") or (kind == "org" and not prev_line.rstrip().endswith((",", ";", ":"))
                                               and blank_run):
                stop = ls
                break
            blank_run = 0
            prev_line = line
        block = t[pos:stop]
        if kind in ("chair", "minutes"):
            block = block.split("\n")[0] if block.split("\n")[0].strip() else block
            people, red = parse_attendance_block(block, "present")
            redacted += red
            if people:
                p = people[0]
                if kind == "chair":
                    chair = chair or p["name"]
                    p["role"] = p["role"] or "voorzitter"
                else:
                    minute_taker = minute_taker or p["name"]
                    if p["role"] and not p["organisation"]:
                        p["organisation"] = p["role"]
                    elif p["role"] and p["organisation"]:
                        p["organisation"] = f"{p['role']} {p['organisation']}"
                    p["role"] = "notulist"
                attendees.append(p)
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
        org = m.group("org") if kind == "org" and "org" in m.groupdict() and m.group("org") else None
        if kind == "org":
            org = re.sub(r"\s+", " ", org).strip()
        people, red = parse_attendance_block(block, status, org)
        redacted += red
        attendees.extend(people)
        spans.append((m.start(), stop))
    for a in attendees:
        if a["role"] and re.search(r"(?:^|/\s*)voorzitter\b", a["role"]) and a["status"] != "absent" and not chair:
            chair = a["name"]
        # "Eline Bos (verslag)", "mw. K. Bos (secretaris, verslag)" took the minutes
        if a["role"] and re.search(r"(?:^|/\s*)notulist\b", a["role"]) and a["status"] != "absent" \
                and not minute_taker:
            minute_taker = a["name"]
    return attendees, chair, minute_taker, redacted, spans


NAME_TOKEN = re.compile(r"^(?:[A-Z](?:[a-z]{1,2})?\.(?:[A-Z]\.)*|[A-ZÀ-ÝĲ][\wà-ÿ'’-]+|van|de|der|den|ter|ten|te|het|'t|in|op)$")


def name_before(t: str, pos: int, floor: int = 0) -> tuple[str, int] | None:
    """The person name that ends right before ``pos`` (same sentence), with its start offset."""
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


def _events(t: str, start: int, end: int, attendees: list[dict], speakers: bool) -> list[dict]:
    """Attendance read from sentences in the minutes' body."""
    added: list[dict] = []

    def find(name: str) -> dict | None:
        pool = attendees + added
        exact = [a for a in pool if _fold(a["name"]) == _fold(clean_name(name))]
        if exact:
            return exact[0]
        hits = [a for a in pool if compatible(a["name"], clean_name(name))]
        return hits[0] if len(hits) == 1 else None

    def role_prefix(pos: int) -> str | None:
        m = ROLE_PREFIX.search(t[max(start, pos - 25):pos])
        if not m:
            return None
        w = m.group(0).strip().lower()
        return None if w in ("de heer", "mevrouw", "mw.", "dhr.") else w

    seg = t[start:end]
    for m in re.finditer(r"\b(?:verlaat|verliet|vertrekt|verlaten)\s+(?:de\s+)?(?:vergadering|bijeenkomst|overleg)"
                         r"(?:\s+(?:om|na)\s+(?:" + TIME + r"|(?:agenda)?punt\s+(?P<item>\d{1,2}[a-z]?)))?", seg, re.I):
        nb = name_before(t, start + m.start(), start)
        if not nb:
            continue
        a = find(nb[0])
        if a is None:
            a = {"name": clean_name(nb[0]), "role": None, "organisation": None, "status": "present",
                 "until": None, "from": None}
            added.append(a)
        if a["status"] != "absent":
            a["status"] = "partial"
            if m.group("h"):
                a["until"] = _hhmm(m.group("h"), m.group("m"))
            if m.group("item"):
                a["until_item"] = m.group("item")
    for m in re.finditer(r"\b(?:komt|schuift)\s+(?:binnen|aan)(?:\s+(?:om|bij|vanaf)\s+(?:" + TIME +
                         r"|(?:agenda)?punt\s+(?P<item>\d{1,2}[a-z]?)))?", seg, re.I):
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
        if m.group("item"):
            a["from_item"] = m.group("item")
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


# --------------------------------------------------------------------------- agenda items

ITEM_LINE = re.compile(
    r"^[ \t]*(?P<ad>(?:ad|agendapunt|punt)\.?\s+)?(?P<num>\d{1,2}[a-z]?(?:\s*(?:\+|en|&|/)\s*\d{1,2}[a-z]?)?)"
    r"(?:[.)]|\s*\||\s*:|\s*[-–])?[ \t]+(?P<title>(?:\d+[a-zA-Z]|[A-ZÀ-Ý‘'“\"(])[^\n]{1,200})$", re.MULTILINE | re.IGNORECASE)
NUM_ALONE = re.compile(r"^[ \t]*(?P<ad>(?:ad|agendapunt|punt)\.?\s+)?(?P<num>\d{1,2}[a-z]?)[.)]?[ \t]*$",
                       re.MULTILINE | re.IGNORECASE)
KIND_ENDING = re.compile(r"^(?P<title>[A-ZÀ-Ý][^\n]{3,160}?)\s+(?P<kind>ter\s+(?:vaststelling|bespreking|kennisname|"
                         r"besluitvorming|informatie|besluit|advisering|instemming))\s*$", re.MULTILINE | re.IGNORECASE)


def _num_parts(num: str) -> tuple[int, str, int]:
    nums = re.findall(r"(\d+)([a-z]?)", num.lower())
    first, letter = int(nums[0][0]), nums[0][1]
    return first, letter, int(nums[-1][0])


@dataclass
class _Cand:
    start: int  # heading start
    end: int  # heading end
    num: str
    title: str
    title_start: int
    title_end: int


def _item_candidates(t: str, start: int, end: int) -> list[_Cand]:
    cands: list[_Cand] = []
    for m in ITEM_LINE.finditer(t, start, end):
        title = m.group("title").strip()
        if m.group("title")[:1].islower():
            continue
        num = re.sub(r"\s+", " ", m.group("num"))
        # a second number in the title: "3. Economische visie + 4. Arbeidsmarkt"
        m2 = re.match(r"(?P<a>.+?)\s+\+\s+(?P<n>\d{1,2}[a-z]?)\.?\s+(?P<b>[A-Z].+)$", title)
        if m2:
            num = f"{num} + {m2.group('n')}"
            title = f"{m2.group('a').strip()} + {m2.group('b').strip()}"
        if not re.search(r"[a-zA-Z]{2}", title) or len(title) > 200:
            continue
        if re.match(r"^\d+[.,]\d", title) or re.search(r"\b(?:uur|euro)\b", title[:12], re.I):
            continue
        title_end = m.end("title")
        # a row of a pipe table: "2 | Subsidie dorpshuis | Het college besluit ...": the title is one cell
        cell = re.search(r"\s+\|", title)
        if cell:
            title = title[:cell.start()].strip()
            title_end = m.start("title") + len(m.group("title")) - len(m.group("title").lstrip()) + cell.start()
        cands.append(_Cand(m.start(), m.end(), num, title, m.start("title"), title_end))
    for m in NUM_ALONE.finditer(t, start, end):
        # the title is the next non-empty line (within three lines)
        pos = m.end() + 1
        for _ in range(4):
            nl = t.find("\n", pos, end)
            line_end = end if nl == -1 else nl
            line = t[pos:line_end]
            if line.strip():
                s = line.strip()
                if (s[:1].isupper() or re.match(r"\d+[a-zA-Z]", s)) and not ITEM_LINE.match(line) \
                        and not NUM_ALONE.match(line) and len(s) <= 200:
                    off = pos + (len(line) - len(line.lstrip()))
                    cands.append(_Cand(m.start(), line_end, m.group("num"), s, off, off + len(s)))
                break
            if nl == -1:
                break
            pos = nl + 1
    cands.sort(key=lambda c: c.start)
    return cands


def _best_chain(cands: list[_Cand], min_len: int = 2) -> list[_Cand]:
    """The longest run of consecutive item numbers, in text order."""
    n = len(cands)
    if not n:
        return []
    parts = [_num_parts(c.num) for c in cands]
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        fi, li, _ = parts[i]
        for j in range(i):
            fj, lj, lastj = parts[j]
            ok = (fi == lastj + 1 and li in ("", "a")) or (fi == fj and li > lj and fj == lastj)
            if ok and cands[j].end <= cands[i].start and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    # chains must start low: 0, 1, 2 or 3
    scored = []
    for i in range(n):
        j = i
        while prev[j] != -1:
            j = prev[j]
        if parts[j][0] <= 3:
            scored.append((best[i], -cands[j].start, i))
    if not scored:
        return []
    length, _, i = max(scored)
    if length < min_len:
        return []
    chain = []
    while i != -1:
        chain.append(cands[i])
        i = prev[i]
    return chain[::-1]


SENTENCE_START = {"het", "de", "een", "dit", "deze", "die", "er", "in", "op", "bij", "voor", "na", "met", "wij", "we",
                  "u", "zij", "hij", "ze", "men", "naar", "door", "als", "ook", "daarnaast", "verder", "besluit",
                  "besloten", "voorstel", "toelichting", "conclusie"}


def _continue_title(t: str, c: _Cand, limit: int) -> tuple[str, int]:
    """Titles wrapped over more lines: continue while a line is long and has no final stop."""
    title, tend = c.title, c.title_end
    line_end = t.find("\n", tend, limit)
    if t[tend:limit if line_end == -1 else line_end].strip():
        return title, tend  # the title is one cell of a row; the rest of the row is not title
    for _ in range(2):
        if len(title) < 70 or title.rstrip().endswith((".", ":", "?", "!")):
            break
        nl = t.find("\n", tend, limit)
        if nl == -1:
            break
        nxt_end = t.find("\n", nl + 1, limit)
        nxt_end = limit if nxt_end == -1 else nxt_end
        nxt = t[nl + 1:nxt_end]
        if not nxt.strip() or ITEM_LINE.match(nxt) or len(nxt.strip()) > 120:
            break
        # "Besluit: verworpen ...", "Toelichting: ..." under a title is the item's body
        if re.match(r"[ \t]*[A-ZÀ-Ý][\w ]{1,30}:(?:\s|$)", nxt):
            break
        first_word = nxt.strip().split()[0]
        last_word = title.rstrip().split()[-1]
        # a capital after a name or acronym continues it ("GGD / Hollands Noorden"); a sentence start does not
        if first_word[:1].isupper() and (not last_word[:1].isupper() or first_word.lower() in SENTENCE_START):
            break
        title = title.rstrip() + " " + nxt.strip()
        tend = nl + 1 + len(nxt.rstrip())
    return title, tend


def _clean_title(title: str) -> tuple[str, str | None]:
    """Strip a trailing 'ter ...' kind and a final full stop; return (title, kind)."""
    kind = None
    m = re.search(r"\s*[-–(]?\s*\b(ter\s+(?:vaststelling|bespreking|kennisname|besluitvorming|informatie|besluit|"
                  r"advisering|instemming|kennisgeving|discussie))\b\)?\s*$", title, re.I)
    if m and m.start() > 3:
        kind = kind_of(m.group(1))
        title = title[:m.start()]
    title = re.sub(r"\s+", " ", title).strip(" .;:|-–")
    return title, kind


def _section_kind(t: str, s: int, e: int) -> str | None:
    """A 'Ter kennisname' cell of a flattened table, or such a line, inside an item's section."""
    body = re.sub(r"\bTer\s*\n\s*", "Ter ", t[s:e], flags=re.I)
    for line in body.split("\n"):
        ln = line.strip()
        if re.match(r"^ter\s+\w+", ln, re.I) and len(ln) <= 40:
            k = kind_of(ln)
            if k:
                return k
    return None


_ATTACH_LINE = re.compile(r"^[ \t]*(?:bijlage|bijlagen|stukken|documenten)\b", re.I)


def _proposal_in(t: str, s: int, e: int) -> str | None:
    """The proposal in an agenda item's body: a 'Voorstel:' paragraph, a verb-first paragraph or 'stelt voor'."""
    body = t[s:e]
    m = re.search(r"(?:^|\n)[ \t]*(?:voorstel|voorgesteld\s+besluit|gevraagd\s+besluit|beslispunt(?:en)?|"
                  r"besluitpunt(?:en)?|ontwerpbesluit)\s*:[ \t]*\n?(?P<p>(?:[^\n]*\S[^\n]*\n?){1,8})", body, re.I)
    if m:
        para = re.split(r"\n[ \t]*\n", m.group("p"))[0]
        return re.sub(r"\s+", " ", para).strip() or None
    paras = [p for p in re.split(r"\n[ \t]*\n", body) if p.strip()]
    # attachment file names ("Verslag_Algemeen Bestuur_18 december") end a paragraph
    paras = [re.split(r"\n[^\n]*_[^\n]*(?:\n|$)", p)[0] for p in paras]
    for para in paras[:2]:
        p = re.sub(r"\s+", " ", para).strip()
        if PROPOSAL_START.match(p) or re.match(r"^1[.)]\s+\S", p):
            return p[:600]
    m = re.search(r"[^.\n]*\b(?:stelt|stellen)\b[^.]*\bvoor\b[^.]*\.", body)
    if m:
        return re.sub(r"\s+", " ", m.group(0)).strip()
    return None


_FIRST_HEADING = re.compile(r"(?i)(?:opening|welkom|mededelingen|vaststell\w*\s+(?:van\s+de\s+)?agenda|agenda)\b")
_USUAL_HEADING = re.compile(r"(?i)(?:opening|welkom|mededelingen|rondvraag|sluiting|afsluiting|verslag|notulen|"
                            r"actielijst|ingekomen\s+stukken|wat\s+verder\s+ter\s+tafel\s+komt)\b")


def _headings_in(t: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Unnumbered headings of minutes: a short line of its own after a blank line, followed by prose.

    Only trusted as agenda items when there are at least three and the first ones look like the usual
    start of a meeting ("Opening", "Mededelingen"); otherwise ordinary short lines would become items.
    """
    lines = list(_lines(t, start, end))
    heads: list[tuple[int, int, str]] = []
    for i, (ls, le, line) in enumerate(lines):
        s = line.strip()
        if not s or (i > 0 and lines[i - 1][2].strip()) or i + 1 >= len(lines):
            continue
        nxt = lines[i + 1][2].strip()
        if not nxt or len(s) > 90 or len(s.split()) > 10 or not s[:1].isupper():
            continue
        if s.endswith((".", ":", ";", ",", "!")) or re.search(r":\s", s) or "|" in s \
                or (looks_like_name(s) and len(s.split()) > 1):
            continue
        if _LABEL_RE.match(line) or ITEM_LINE.match(line) or NUM_ALONE.match(line) or (
                find_dates(s) and not re.search(r"[a-z]{4,}\s", s.split("(")[0])):
            continue
        # the heading is followed by prose, not by another short line of a list
        if len(nxt.split()) < 3 and not nxt.endswith("."):
            continue
        lead = len(line) - len(line.lstrip())
        heads.append((ls + lead, ls + lead + len(s), s))
    if len(heads) < 3 or not any(_FIRST_HEADING.match(h[2]) for h in heads[:2]) \
            or sum(1 for h in heads if _USUAL_HEADING.match(h[2])) < 2:
        return []
    return heads


def _items_in(t: str, start: int, end: int, allow_single: bool, with_proposal: bool,
              headings: bool = False) -> list[dict]:
    """Agenda items between start and end, each with heading evidence span and section."""
    chain = _best_chain(_item_candidates(t, start, end), 1 if allow_single else 2)
    items: list[dict] = []
    if chain:
        for i, c in enumerate(chain):
            sec_end = chain[i + 1].start if i + 1 < len(chain) else end
            title, tend = _continue_title(t, c, sec_end)
            title, kind = _clean_title(title)
            kind = kind or _section_kind(t, c.start, sec_end)
            proposal = _proposal_in(t, tend, sec_end) if with_proposal else None
            kind = kind or kind_of(proposal) or _title_kind(title)
            items.append({"number": c.num, "title": title, "proposal": proposal, "portfolio_holder": None,
                          "contact": None, "kind": kind, "_ev": (c.start, tend), "section": (c.start, sec_end)})
        return items
    # unnumbered headings that end in a kind: "Verslag ... 21 mei 2024 (bijlage 1) Ter vaststelling"
    heads = list(KIND_ENDING.finditer(t, start, end))
    if not heads and headings:
        found = _headings_in(t, start, end)
        for i, (hs, he, title) in enumerate(found):
            sec_end = found[i + 1][0] if i + 1 < len(found) else end
            title, kind = _clean_title(title)
            items.append({"number": None, "title": title, "proposal": None, "portfolio_holder": None,
                          "contact": None, "kind": kind or _title_kind(title), "_ev": (hs, he),
                          "section": (hs, sec_end)})
        return items
    for i, m in enumerate(heads):
        sec_end = heads[i + 1].start() if i + 1 < len(heads) else end
        title, _ = _clean_title(m.group("title"))
        items.append({"number": None, "title": title, "proposal": None, "portfolio_holder": None, "contact": None,
                      "kind": kind_of(m.group("kind")), "_ev": (m.start(), m.end()), "section": (m.start(), sec_end)})
    return items


def _title_kind(title: str) -> str | None:
    if re.match(r"^(?:voorstel\s+(?:tot|om|met|inzake|over)|vaststell|vaststellen|benoeming|bekrachtig|instemm)",
                title, re.I):
        return "decision"
    return None


# --------------------------------------------------------------------------- proposal header

PROPOSAL_LABELS = [
    ("date", r"(?:vergadering\s+(?:d\.?\s?d\.?|van|datum)|vergaderdatum|datum\s+vergadering|datum\s+(?:ab|db|raad|bestuur)"
             r"(?:vergadering)?|(?:ab|db)-?vergadering)"),
    ("number", r"(?:agendapunt|agendanummer|agenda\s+nr\.?|punt)"),
    ("title", r"(?:onderwerp)"),
    ("holder", r"(?:portefeuillehouder|portefeuillehouders|verantwoordelijk\s+bestuurder|bestuurlijk\s+opdrachtgever|"
               r"bestuurder)"),
    ("kind", r"(?:status|ter|soort\s+voorstel|aard\s+van\s+het\s+voorstel|behandeling)"),
]
_PLABEL = re.compile(r"^[ \t]*(?:" + "|".join(f"(?P<{k}>{p})" for k, p in PROPOSAL_LABELS) +
                     r")[ \t]*(?P<inline>:[^\n]*)?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def proposal_header(t: str, start: int, end: int) -> dict | None:
    """Fields of a proposal header, inline ("Agendapunt : 3") or as a label block then a value block."""
    limit = min(end, start + 2500)
    found: list[tuple[str, int, int, str | None, int | None]] = []
    for m in _PLABEL.finditer(t, start, limit):
        key = next(k for k, _ in PROPOSAL_LABELS if m.group(k))
        inline = m.group("inline")
        if inline is not None and inline.strip(" :"):
            v = inline.strip()[1:].strip()
            found.append((key, m.start(), m.end(), v, m.start("inline") + inline.index(inline.strip()[1:].strip()[:1] or ":")))
        else:
            found.append((key, m.start(), m.end(), None, None))
    keys = {f[0] for f in found}
    if not ({"date", "number"} <= keys or {"number", "title"} <= keys or {"date", "title"} <= keys):
        return None
    missing = [f for f in found if f[3] is None]
    if missing:
        # the values follow as a block of ": value" lines
        after = max(f[2] for f in found)
        vals = [m for m in re.finditer(r"^[ \t]*:[ \t]*(?P<v>[^\n]*)$", t[after:limit], re.MULTILINE)]
        filled = []
        vi = 0
        for f in found:
            if f[3] is None and vi < len(vals):
                v = vals[vi]
                filled.append((f[0], f[1], f[2], v.group("v").strip(), after + v.start("v")))
                vi += 1
            else:
                filled.append(f)
        found = filled
    out: dict = {"_start": found[0][1], "_end": max((f[4] or f[2]) + len(f[3] or "") for f in found)}
    for key, _, _, value, vstart in found:
        if value and key not in out:
            out[key] = value
            out["_" + key] = (vstart, vstart + len(value))
    return out


def _labelled_after(t: str, start: int, end: int, label: str) -> tuple[str, int, int] | None:
    """The value after a label: on the same line, else the next non-empty line."""
    m = re.search(r"(?:^|\n)[ \t]*(?:" + label + r")\s*:?[ \t]*(?P<v>[^\n]*)", t[start:end], re.I)
    if not m:
        return None
    v = m.group("v").strip()
    vs = start + m.start("v")
    if not v:
        nxt = re.search(r"\S[^\n]*", t[start + m.end(): end])
        if not nxt:
            return None
        v = nxt.group(0).strip()
        vs = start + m.end() + nxt.start()
    return v, vs, vs + len(v)


# --------------------------------------------------------------------------- main

def _title_body_before(t: str, pos: int, floor: int) -> str | None:
    """The body printed above a proposal header ("ALGEMEEN BESTUUR")."""
    seg = t[max(floor, pos - 300):pos]
    lines = [ln.strip() for ln in seg.split("\n") if ln.strip()]
    for ln in reversed(lines[-3:]):
        if len(ln) <= 60 and re.search(r"(?:bestuur|raad|staten|overleg|commissie|stuurgroep|"
                                       r"vergadering|college|team)\b", ln, re.I):
            return canonical_body(ln)
    return None


def _classify_head(t: str, part: Part) -> str:
    head = t[part.start: min(part.end, part.start + 1500)]
    if proposal_header(t, part.start, part.end):
        return "proposal"
    first = next((ln.strip() for ln in head.split("\n") if ln.strip()), "")
    if re.match(r"(?:concept\s*[-:]?\s*)?(?:verslag|notulen|besluitenlijst|actielijst)\b", first, re.I):
        return "minutes"
    if re.match(r"(?:agenda|uitnodiging)\b", first, re.I):
        return "agenda"
    return part.type


def extract_meetings(text: Text, parts: list[Part]) -> tuple[list[dict], list[dict]]:
    t = text.text
    if not parts:
        parts = [Part(id="p1", type="other", title=None, date=None, organisation=None, start=0, end=len(t))]
    meetings: list[_Meeting] = []
    last: _Meeting | None = None

    def merge_or_add(m: _Meeting) -> _Meeting:
        for other in meetings:
            same_date = m.date and other.date == m.date
            same_body = body_key(m.body) == body_key(other.body) or not m.body or not other.body \
                or body_key(m.body) in body_key(other.body) or body_key(other.body) in body_key(m.body)
            if same_date and same_body:
                other.body = other.body or m.body
                for k in ("start_time", "end_time", "location", "chair", "minute_taker"):
                    if not getattr(other, k) and getattr(m, k):
                        setattr(other, k, getattr(m, k))
                other.span_start = min(other.span_start, m.span_start)
                other.span_end = max(other.span_end, m.span_end)
                other.documents += [d for d in m.documents if d not in other.documents]
                other.sources += [s for s in m.sources if s not in other.sources]
                other.attendees += m.attendees
                other.items += m.items
                other.redacted += m.redacted
                return other
        meetings.append(m)
        return m

    for part in parts:
        kind = part.type if part.type in MEETING_PARTS else _classify_head(t, part)
        if kind == "minutes" and part.type == "minutes":
            # a part that starts at an agenda item ("Verslag ... (bijlage 1) Ter vaststelling") is no new minutes
            first = next((ln for ln in t[part.start:part.end].split("\n") if ln.strip()), "")
            if re.search(r"\bter\s+(?:vaststelling|bespreking|kennisname)|\(bijlage", first, re.I) and last:
                kind = "continuation"
        if kind == "proposal" and part.type != "proposal":
            kind = "proposal"
        if kind == "continuation" or (kind in ("agenda", "minutes", "decision_list", "action_list")
                                      and last is not None and last.span_end >= part.start - 2
                                      and not _header(t, part.start, min(part.end, part.start + 1200)).get("title")):
            if last is not None:
                last.span_end = max(last.span_end, part.end)
                last.documents.append(part.id)
                last.items += _items_in(t, part.start, part.end, True, last.source == "agenda")
            continue
        if kind in ("minutes", "decision_list", "action_list", "agenda"):
            m = _from_head(t, part, "agenda" if kind == "agenda" else "minutes")
            if m is None:
                continue
            last = merge_or_add(m)
        elif kind == "proposal":
            m = _from_proposal(t, part, meetings)
            if m is not None:
                last = merge_or_add(m)

    # ---- assemble
    out_meetings: list[dict] = []
    out_items: list[dict] = []
    meetings.sort(key=lambda m: m.start)
    for mi, m in enumerate(meetings, 1):
        mid = f"m{mi}"
        attendees = _dedupe_attendees(m.attendees)
        if m.chair:
            same = [a for a in attendees if _fold(a["name"]) == _fold(m.chair) or compatible(a["name"], m.chair)]
            if not same:
                attendees.insert(0, {"name": m.chair, "role": "voorzitter", "organisation": None, "status": "present",
                                     "until": None, "from": None})
            elif not same[0].get("role"):
                same[0]["role"] = "voorzitter"
        out_meetings.append({
            "id": mid, "document": m.document, "body": m.body, "organisation": None, "date": m.date,
            "start_time": m.start_time, "end_time": m.end_time, "location": m.location, "chair": m.chair,
            "minute_taker": m.minute_taker, "attendees": attendees,
            "evidence": evidence(text, parts, m.start, m.end),
            "span": {"start": m.span_start, "end": m.span_end},
            "documents": m.documents, "sources": m.sources, "redacted_attendees": m.redacted,
            "adopted_on": m.adopted_on,
        })
        merged_items: list[dict] = []
        for it in m.items:
            same = next((o for o in merged_items if it["number"] and o["number"] == it["number"]), None)
            if same is None and it["number"] is None:
                same = next((o for o in merged_items if o["title"] == it["title"]), None)
            if same:
                for k in ("proposal", "portfolio_holder", "contact", "kind"):
                    if not same.get(k) and it.get(k):
                        same[k] = it[k]
                if it.get("_from_proposal"):
                    same["proposal_section"] = {"start": it["section"][0], "end": it["section"][1]}
                continue
            merged_items.append(it)
        merged_items.sort(key=lambda it: it["_ev"][0])
        seen: dict[str, int] = {}
        for k, it in enumerate(merged_items, 1):
            num = it["number"]
            key = re.sub(r"\W+", "", num) if num else str(k)
            seen[key] = seen.get(key, 0) + 1
            iid = f"{mid}-a{key}" + (f"-{seen[key]}" if seen[key] > 1 else "")
            s, e = it["_ev"]
            item = {"id": iid, "meeting": mid, "number": num, "title": it["title"], "proposal": it["proposal"],
                    "portfolio_holder": it["portfolio_holder"], "contact": it["contact"], "kind": it["kind"],
                    "evidence": evidence(text, parts, s, e),
                    "section": {"start": it["section"][0], "end": it["section"][1]}}
            if "proposal_section" in it:
                item["proposal_section"] = it["proposal_section"]
            out_items.append(item)
    return out_meetings, out_items


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


def _from_head(t: str, part: Part, source: str) -> _Meeting | None:
    head_end = min(part.end, part.start + 2500)
    info = _header(t, part.start, head_end)
    title = info.get("title")
    body = info.get("body")
    date = info.get("date") or part.date
    if not (title or date):
        return None
    ev_start = info["title_start"] if title else part.start
    ev_end = info["title_end"] if title else part.start
    # the evidence covers the header: title line through the date/time lines
    m = _Meeting(body=body, date=date, start=ev_start, end=ev_end, span_start=part.start, span_end=part.end,
                 document=part.id, source=source, start_time=info.get("start_time"), end_time=info.get("end_time"),
                 location=info.get("location"), documents=[part.id], sources=[source])
    # chair from a header table line "Voorzitter Ingrid Boer"
    chair_line = re.search(r"^[ \t]*voorzitter\s*:?[ \t]+(?P<v>[^\n]+)$", t[part.start:head_end], re.I | re.M)
    attendees, chair, minute_taker, redacted, spans = _attendance(t, part.start, head_end)
    if chair_line and not chair:
        cand = clean_name(chair_line.group("v").split(",")[0])
        if looks_like_name(cand):
            chair = cand
    m.attendees, m.chair, m.minute_taker, m.redacted = attendees, chair, minute_taker, redacted
    items_start = max([part.start] + [e for _, e in spans])
    if info.get("title_end"):
        items_start = max(items_start, info["title_end"])
    m.items = _items_in(t, items_start, part.end, source == "agenda", source == "agenda", source == "minutes")
    body_start = m.items[0]["section"][0] if m.items else items_start
    m.attendees += _events(t, body_start, part.end, m.attendees, speakers=not attendees)
    m.attendees += _roll_call(t, body_start, part.end, m.attendees)
    if not m.chair:
        m.chair = _chair_from_opening(t, items_start, part.end, m.attendees)
    if source == "minutes":
        ad = re.search(r"\b(?:vastgesteld|goedgekeurd)\s+(?:in\s+de\s+vergadering\s+van|d\.?\s?d\.?|op|:)?\s*:?\s*"
                       r"(?P<d>[^\n]{6,40})", t[part.start:part.end], re.I)
        if ad:
            ds = [d for d in find_dates(ad.group("d")) if d.date]
            m.adopted_on = ds[0].date.isoformat() if ds else None
    return m


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


def _from_proposal(t: str, part: Part, meetings: list[_Meeting]) -> _Meeting | None:
    h = proposal_header(t, part.start, part.end)
    if not h:
        return None
    date = None
    if h.get("date"):
        ds = [d for d in find_dates(h["date"]) if d.date]
        date = ds[0].date.isoformat() if ds else None
    date = date or part.date
    body = _title_body_before(t, h["_start"], part.start)
    if not body:
        same = [m for m in meetings if m.date == date]
        body = same[0].body if same else None
    holder = clean_name(h["holder"]) if h.get("holder") else None
    contact = _labelled_after(t, part.start, part.end, r"nadere\s+informatie\s+bij|inlichtingen\s+bij|"
                                                        r"contactpersoon|informatie\s+bij|meer\s+informatie")
    contact_name = None
    if contact:
        c = clean_name(re.split(r",|\s+tel\b|\(", contact[0], flags=re.I)[0])
        contact_name = c if looks_like_name(c) else None
    proposal = _proposal_in(t, h["_end"], part.end)
    kind = kind_of(h.get("kind")) or kind_of(proposal)
    ev_s, ev_e = h["_start"], h["_end"]
    number = re.sub(r"\s+", " ", h["number"]).strip(" .") if h.get("number") else None
    title = h.get("title") or part.title or ""
    m = _Meeting(body=body, date=date, start=ev_s, end=ev_e, span_start=part.start, span_end=part.end,
                 document=part.id, source="proposal", documents=[part.id], sources=["proposal"])
    if title:
        item_ev = h.get("_number") or h.get("_title") or (ev_s, ev_e)
        m.items = [{"number": number, "title": title, "proposal": proposal, "portfolio_holder": holder,
                    "contact": contact_name, "kind": kind, "_ev": (ev_s, ev_e), "section": (part.start, part.end),
                    "_from_proposal": True}]
        del item_ev
    return m
