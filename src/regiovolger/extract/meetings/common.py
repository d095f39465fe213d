"""Vocabulary and small helpers shared by the meeting readers: document and role words, attendance
labels, header fields, the item kind of a 'ter ...' phrase, and the meeting record being built."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...nl import vocabulary
from ..sentences import INFINITIVE_CLAUSE, LIST_MARKER

DOC_WORDS = r"(?:verslag|notulen|besluitenlijst|actielijst|actie-\s*en\s*besluitenlijst|agenda|uitnodiging|bundel|vergaderstukken|conceptverslag|concept-verslag|concept|definitief|ontwerp-?agenda)"
ROLE_WORDS = (
    "voorzitter", "vicevoorzitter", "vice-voorzitter", "plv. voorzitter", "secretaris", "wethouder", "gedeputeerde",
    "burgemeester", "loco-burgemeester", "secretaris-directeur", "directeur-bestuurder", "raadslid", "statenlid", "commissaris van de koning", "commissaris", "griffier", "notulist", "notulant",
    "accounthouder", "strateeg", "adviseur", "beleidsmedewerker", "beleidsadviseur", "projectleider",
    "programmamanager", "programmaleider", "programmasecretaris", "directeur", "coördinator", "coordinator",
    "regiocoördinator", "portefeuillehouder", "ambtenaar", "medewerker", "lid", "fractievoorzitter", "controller",
    "manager", "teamleider", "secretariaat", "ondersteuning", "gemeentesecretaris", "griffie", "algemeen directeur",
    "regisseur", "programmaregisseur", "verkenner", "voorzitter a.i.", "procesbegeleider", "gast", "toehoorder",
    "dagelijks bestuurder", "bestuurder", "bestuurslid", "minister", "staatssecretaris", "dijkgraaf", "heemraad",
    "ambassadeur", "ambtelijk secretaris", "raadsgriffier", "statengriffier", "wnd.", "waarnemend",
    "penningmeester", "commissiegriffier", "wijkagent", "wijkmanager", "gebiedsregisseur",
)
_ROLE_RE = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(ROLE_WORDS, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
TIME = r"(?P<h>[0-2]?\d)[.:u](?P<m>[0-5]\d)"

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

# attendance block labels: (pattern, kind)
# attendance labels and the status of those listed under them: nl/data/attendance.toml
ATTENDANCE_LABELS = [(entry["pattern"], entry["status"]) for entry in vocabulary("attendance")["label"]]
# a label without its colon, followed on its line by names in a list ("Afwezig Lona Huisman, Jan de Vries")
_NAMES_ON_LINE = (r"(?=[ \t]+(?-i:(?:de\s+heer\s+|mevrouw\s+|dhr\.\s*|mw\.\s*)?[A-ZÀ-Ý][\w.'’-]*"
                  r"(?:[ \t]+[\w.'’-]+){0,3}[ \t]*(?:,|[ \t]en[ \t])[ \t]*(?:de\s+heer\s+|mevrouw\s+)?[A-ZÀ-Ý]))")
INLINE_LABEL_WORDS = ("aanwezig", "afwezig", "afgemeld", "verhinderd", "tevens aanwezig", "niet aanwezig")
# a label starts a line, follows a full stop on the line ("Aanwezig: 23 leden. Afwezig: ..."), or, capitalised and
# with its colon, ends a heading that lost its line break ("Verslag bijeenkomst 19 februari 2014 Aanw.: ...")
_LABEL_RE = re.compile(
    r"(?:^[ \t\-•*]*|(?<=[.;][ \t])|(?<=\S[ \t])(?=(?-i:[A-Z])[\w.]{2,12}[ \t]*:))(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(ATTENDANCE_LABELS)) + r")\s*(?::|$|" + _NAMES_ON_LINE + ")",
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


# the points of a decision under their heading are no agenda items ("Beslispunten" / "1. In te stemmen met …")
POINTS_HEADING = re.compile(r"(?i)[ \t]*(?:beslispunten|besluitpunten|besluit(?:en)?|(?:voorgesteld|gevraagd)\s+besluit"
                            r"|ontwerp-?besluit)[ \t]*:?[ \t]*$")


def under_points_heading(t: str, pos: int, start: int) -> bool:
    """Whether the list line at ``pos`` is a decision clause ("… te stemmen met") of a list opened by a
    decision's points heading; the next agenda item after such a list ("2. Verslag") is not."""
    nl = t.find("\n", pos)
    if not INFINITIVE_CLAUSE.search(t[pos:nl if nl != -1 else len(t)]):
        return False
    for _ in range(30):
        if pos <= start:
            return False
        ls = t.rfind("\n", start, pos - 1) + 1
        line = t[ls:pos - 1] if t[pos - 1:pos] == "\n" else t[ls:pos]
        pos = ls
        if not line.strip() or LIST_MARKER.match(line):
            continue
        if POINTS_HEADING.match(line):
            return True
        if not line.startswith((" ", "\t")):
            return False  # an unindented line of prose or a heading: the list is not a decision's points
    return False


# an item heading run into the text before it when minutes lost their lines: "… Afwezig: - 1A. OPENING EN …",
# "… welkom. 2. Vaststelling agenda De heer …"
RUN_IN_MARK = re.compile(r"(?:^|(?<=[.:;!?][ \t])|(?<=[ \t]-[ \t]))[ \t]*(?P<num>\d{1,2}[A-Za-z]?)[.)][ \t]+(?=[A-ZÀ-Ý])",
                         re.MULTILINE)
