"""Split a file's text into its logical documents and type each one.

A meeting bundle holds an agenda, proposals, letters, forms, reports and the
previous minutes one after another, often without page breaks surviving in the
text.  :func:`segment` finds the boundaries from the way Dutch governance
documents *begin* (title lines, header fields such as "Vergadering d.d." or
"Aan:/Van:", salutations) and *end* (signatures, "Met vriendelijke groet",
contact footers), scores each candidate, and types every part from weighted
cues in its head and body.

All rules describe Dutch governance writing in general; nothing here names a
body, person or project.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field

from regiovolger.document import Part, Text

__all__ = ["segment", "classify", "parse_dutch_date", "TYPES"]

TYPES = (
    "agenda",
    "minutes",
    "decision_list",
    "action_list",
    "proposal",
    "letter",
    "memo",
    "application_form",
    "assessment_report",
    "programme",
    "budget",
    "policy_report",
    "parliamentary_letter",
    "other",
)

# Score a head candidate must reach to open a new part on its own.
STRONG = 4.0
# Weaker candidates (e.g. right after a signature) need a change of type too.
WEAK = 2.0
# Parts smaller than this (non-space characters) are merged into the previous one.
MIN_PART_CHARS = 60

# ---------------------------------------------------------------------------
# Dates

_MONTHS = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2, "febr": 2,
    "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RES = [
    # 29 januari 2025, 6 juli 2020, 1 okt. 2024
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:e\s+)?({_MONTH_ALT})\.?\s+(\d{{4}})(?!\d)", re.I), "dmy_text"),
    # 2025-01-29
    (re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"), "ymd"),
    # 18-12-2024, 18.12.2024, 18/12/2024
    (re.compile(r"(?<![\d.-])(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?![\d-])"), "dmy"),
]


def _find_dates(s: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for rx, kind in _DATE_RES:
        for m in rx.finditer(s):
            try:
                if kind == "dmy_text":
                    d = _dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
                elif kind == "ymd":
                    d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                else:
                    d = _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
            if 1900 <= d.year <= 2100:
                found.append((m.start(), d.isoformat()))
    found.sort()
    return found


def parse_dutch_date(s: str) -> str | None:
    """The first full date in ``s`` as ISO ``yyyy-mm-dd`` ("29 januari 2025", "18-12-2024")."""
    found = _find_dates(s)
    return found[0][1] if found else None


# ---------------------------------------------------------------------------
# Line-level patterns

def _rx(p: str) -> re.Pattern:
    return re.compile(p, re.I)


# Title keywords, matched at the start of a normalised title-like line.
# (type, weight, pattern)
_TITLE_RULES: list[tuple[str, float, re.Pattern]] = [
    ("parliamentary_letter", 6, _rx(r"kamerbrief\b")),
    ("decision_list", 6, _rx(r"(concept[- ]?)?besluitenlijst|besluiten(- en actielijst| en acties)\b")),
    ("action_list", 6, _rx(r"(concept[- ]?)?(actie(punten)?lijst|lijst (van )?(openstaande )?(acties|actiepunten|toezeggingen)"
                           r"|toezeggingenlijst|overzicht (van )?(openstaande )?(acties|actiepunten|toezeggingen))\b")),
    ("minutes", 5, _rx(r"(concept[- ]?)?(verslag|notulen|conceptverslag|conceptnotulen|vergaderverslag|"
                       r"besluitenverslag)\b(?!\s+(is|wordt|werd|zijn|van de vorige))")),
    ("agenda", 5, _rx(r"(concept[- ]?|voorlopige |definitieve )?(vergader)?agenda\b(?!\s*(punt|'s|digitalisering))")),
    ("agenda", 3, _rx(r"(uitnodiging|oproep)\b.*\b(vergadering|overleg|bijeenkomst)\b|(openbare )?vergadering\b(?! d\.?d)")),
    ("proposal", 6, _rx(r"(raads|staten|college|bestuurs|ab-?|db-?|aanbiedings|initiatief)voorstel\b|voorstel (aan|voor) (de|het) "
                        r"(raad|gemeenteraad|staten|provinciale staten|college|algemeen bestuur|dagelijks bestuur)\b"
                        r"|ontwerp-?besluit\b|raadsbesluit\b")),
    ("proposal", 3, _rx(r"voorstel\b")),
    ("memo", 5, _rx(r"(memo|memorandum|notitie|beslisnota|informatienota|collegenota|adviesnota|raadsnotitie|"
                    r"nota)\b(?! (actief|openbaar|van beantwoording|van wijziging))")),
    ("letter", 4, _rx(r"(brief|raadsinformatiebrief|statenbrief|informatiebrief|raadsbrief|statenmededeling)\b")),
    ("application_form", 6, _rx(r"(aanvraagformulier|aanmeldformulier|subsidieaanvraag|projectaanvraag|"
                                r"aanvraag (subsidie|bijdrage|project)|aanvraag\b.*\bformulier|formulier\b)")),
    ("assessment_report", 5, _rx(r"(rapport van bevindingen|beoordeling(srapport|sformulier|snotitie)?|"
                                 r"toetsing(srapport|sformulier)?|toetsingsadvies|adviesrapport)\b")),
    ("assessment_report", 3.5, _rx(r"advies\b")),
    ("programme", 6, _rx(r"(uitvoerings|jaar|werk|meerjaren|activiteiten)programma\b|jaarplan\b|werkplan\b|"
                         r"uitvoeringsplan\b|uitvoeringsagenda\b|programmaplan\b|jaaragenda\b")),
    ("budget", 6, _rx(r"(programma|ontwerp|concept|meerjaren)?begroting\b|begrotingswijziging|jaarrekening|jaarstukken|"
                      r"kadernota|voorjaarsnota|najaarsnota|perspectiefnota|bestuursrapportage|(tussen|bestuurs)rapportage "
                      r"financi")),
    ("policy_report", 4, _rx(r"((strategische|verkennende) )?(verkenning|visie|strategie|rapport|rapportage|onderzoek|"
                             r"evaluatie|monitor|tussenstand|voortgangsrapportage|beleidsnota|beleidsplan|beleidskader|"
                             r"plan van aanpak|jaarverslag|eindrapport|tussenrapport|position paper|routekaart)\b")),
]

_SECTION_WORDS = _rx(r"^(\d+\.?\s*)?(voorwoord|inleiding|samenvatting|inhoud|inhoudsopgave|colofon|leeswijzer|"
                     r"aanleiding|toelichting|conclusies?|bijlagen?)\b")
_NUMBERED = re.compile(r"^\d{1,2}[.)]?\s+\S|^\d{1,2}[.)](?=[A-Za-z])")
_PAGE_MARK = _rx(r"^(pagina|blz\.?|page)\s*(\d+)(\s*(van|/|of)\s*(\d+))?\b|^-?\s*\d{1,3}\s*-?$|^\d{1,3}\s*/\s*\d{1,3}$")
_URL = _rx(r"^(https?://|www\.)\S+$")
_TOC_LINE = re.compile(r"(\.{4,}|…{2,}|\s{3,})\s*\d{1,3}\s*$")

# Header fields of a proposal ("Vergadering d.d. : 29 januari 2025").
_PROPOSAL_FIELD = _rx(r"^(vergadering( d\.?d\.?)?|datum vergadering|vergaderdatum|agendapunt|agendanummer|onderwerp|"
                      r"portefeuillehouder|registratienummer|zaaknummer|raadsvergadering|commissievergadering|"
                      r"voorstelnummer|programma|begrotingsprogramma|behandelend ambtenaar|steller|"
                      r"gedeputeerde(\(n\))?|inlichtingen bij)\b\s*:?")
_PROPOSAL_KEY = _rx(r"^(vergadering( d\.?d\.?)?|datum vergadering|agendapunt|agendanummer|portefeuillehouder|"
                    r"registratienummer|voorstelnummer|raadsvergadering)\b")
# Memo and letter header labels.
_LABEL = _rx(r"^(aan|van|datum|onderwerp|betreft|cc|kopie( aan)?|kenmerk|ons kenmerk|uw kenmerk|onze referentie|"
             r"uw brief van|bijlage\(n\)|doorkiesnummer|behandeld door|classificatie)\b\s*(:|\s)")
_AAN = re.compile(r"^(Aan|AAN)\s*(:\s*|\s+)\S")
_VAN = re.compile(r"^(Van|VAN)\s*(:\s*|\s+)\S")
_MINUTES_FIELD = _rx(r"^(aanwezig(en)?|afwezig|afgemeld|verhinderd|met kennisgeving afwezig|voorzitter|notulist|"
                     r"verslaglegging|verslag(legger)?|tijd|locatie|plaats)\b\s*(zijn|is)?\s*:?")
_ATTENDANCE = _rx(r"^(aanwezig(en)?|afwezig|afgemeld|verhinderd|met kennisgeving afwezig|present)\b")
_SALUTATION = _rx(r"^(hoog)?geachte\b|^(beste|lieve)\s+\w+\s*,\s*$")
_CLOSING = _rx(r"^(hoogachtend|met (vriendelijke|hartelijke|collegiale) groet(en)?|vriendelijke groet(en)?|"
               r"nadere informatie( bij)?\b|informatie die niet openbaar gemaakt kan worden|paraaf\b|handtekening\b|"
               r"de (minister|staatssecretaris) (van|voor)\b.*,\s*$|"
               r"(gedeputeerde staten|burgemeester en wethouders|de raad|provinciale staten|het algemeen bestuur|"
               r"het dagelijks bestuur) (van|der)\b.*,\s*$|"
               r"(de )?(griffier|secretaris|voorzitter|burgemeester|secretaris/directeur)\s*,?\s*$)")
_SIGNATURE_EXTRA = _rx(r"^(tel(\.|efoon)?(\s*nr\.?)?|e-?mail|mail|mobiel|telefoonnummer)\b|@")
_ANNEX = _rx(r"^(bijlage|bijlagen|annex|lijst van bijlagen)\b")
_FORM_FIELD = _rx(r"^(\d{1,2}(\.\d{1,2})*\.?\s+)?(naam|aanvrager|projectnaam|project|contactpersoon|adres|"
                  r"correspondentieadres|postcode|telefoon(nummer)?|e-?mail(adres)?|mailadres|kvk|iban|looptijd|"
                  r"start(datum)?|einddatum|doel|doelstelling|resultaten?|begroting|kosten|cofinanciering|"
                  r"gevraagde (bijdrage|subsidie)|handtekening|paraaf|datum indiening|plaats|functie|"
                  r"rechtsvorm|organisatie|penvoerder|partners?|thematafel|betrokken)\b[^.]{0,60}$")
_MARKING = _rx(r"^(status|classificatie|rubricering|markering)?\s*:?\s*(strikt\s+)?(vertrouwelijk|geheim|"
               r"niet[- ]openbaar|confidentieel|staatsgeheim)\b[^.]{0,50}$|^openbaar\s*:?\s*nee\b")
_ORG = re.compile(
    r"^(?!regio ?deal)(?:(?:gemeente|provincie|waterschap|hoogheemraadschap|veiligheidsregio|omgevingsdienst|ggd|regio|"
    r"ministerie van|gemeenteraad van|provinciale staten van|gedeputeerde staten van|"
    r"(?:het )?college van (?:burgemeester en wethouders|b&w|b en w) van)\s+)"
    r"[A-ZÀ-Ý’'][\w’'.&-]*(?:[ -][\w’'.&-]+){0,5}$",
    re.I,
)
_SIGNED_ORG = _rx(r"^(de (minister|staatssecretaris) (van|voor) .+|gedeputeerde staten van .+|"
                  r"burgemeester en wethouders van .+|het algemeen bestuur van .+|het dagelijks bestuur van .+)\s*,\s*$")
_PROCEDURAL = _rx(r"^(ter (besluitvorming|informatie|kennisname|advisering|bespreking|vaststelling)|"
                  r"nota actief openbaar|actief openbaar|ja|nee|openbaar|concept|versie\b.*)\s*:?\s*$")
_MEETING_DATE_LABEL = _rx(r"^(vergadering\s*d\.?\s*d\.?|datum vergadering|vergaderdatum|datum|d\.\s?d\.|datum en tijd)\s*:?\s*")


def _field_word(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip().split(" ")[0]


def _norm_title(s: str) -> str:
    t = s.replace("_", " ")
    t = re.sub(r"\s+", " ", t).strip(" \t-–—:|*•·")
    # leading file-name dates and annex numbers ("2025-01-29 ", "Bijlage 3: ")
    t = re.sub(r"^\d{4}-\d{2}-\d{2}\s+", "", t)
    t = re.sub(r"^(bijlage|annex)\s+[\dIVX]+[a-z]?\s*[.:\-–]?\s*", "", t, flags=re.I)
    return t


@dataclass
class _Line:
    idx: int
    start: int
    end: int
    s: str  # stripped text
    blank: bool
    title_type: str | None = None
    title_weight: float = 0.0
    title_anywhere: bool = False
    tags: set[str] = field(default_factory=set)


def _title_match(s: str) -> tuple[str | None, float, bool]:
    """Best title keyword rule for a line: (type, weight, matched_not_at_start)."""
    t = _norm_title(s)
    if not t or len(t) > 120:
        return None, 0.0, False
    best: tuple[str | None, float, bool] = (None, 0.0, False)
    for typ, w, rx in _TITLE_RULES:
        if rx.match(t):
            if w > best[1]:
                best = (typ, w, False)
    if best[0] is None and len(t) <= 70 and len(t.split()) <= 9:
        # File-name style references ("AB memo lobby", "... Agenda"): keyword inside.
        for typ, w, rx in _TITLE_RULES:
            if w < 4:
                continue
            m = re.search(r"(?:^|\s)(" + rx.pattern + r")", t, re.I)
            if m and w - 1.5 > best[1]:
                best = (typ, w - 1.5, True)
    return best


def _split_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        end = pos + len(raw)
        s = raw.replace("\f", "").strip()
        out.append(_Line(i, pos, end, s, not s))
        pos = end + 1
    return out


def _is_titlelike(lines: list[_Line], i: int) -> bool:
    ln = lines[i]
    s = ln.s
    if ln.blank or len(s) < 3 or len(s) > 120:
        return False
    if s[-1] in ",;?" or (s.endswith(".") and len(s.split()) >= 4):
        return False
    if s.endswith(":") and len(s.split()) > 1:
        return False
    # titles start with a capital or a digit, never mid-sentence
    first = re.sub(r"^[\W_]+", "", s)[:1]
    if first.islower():
        return False
    # continuation of a wrapped paragraph above
    above = next((lines[j] for j in range(i - 1, max(i - 4, -1), -1) if not lines[j].blank), None)
    if above is not None and len(above.s) >= 60 and len(above.s.split()) >= 6 and not re.search(r"[.:!?;)”\"’']\s*$", above.s):
        return False
    if _URL.match(s) or _PAGE_MARK.match(s) or _TOC_LINE.search(s):
        return False
    if not re.search(r"[A-Za-zÀ-ÿ]{3}", s):
        return False
    # prose wrap: the next line continues the sentence in lower case
    nxt = next((lines[j] for j in range(i + 1, min(i + 4, len(lines))) if not lines[j].blank), None)
    if nxt is not None and nxt.s[0].islower() and len(s) > 40 and not re.match(r"d\.\s?d\.", nxt.s):
        return False
    # first line of a prose paragraph (a long line followed by another long line)
    if (len(s) > 60 and nxt is not None and len(nxt.s) > 60 and not re.match(r"^[\W\d]", nxt.s)
            and not _title_match(s)[0]):
        return False
    return True


def _tag_lines(lines: list[_Line]) -> None:
    n = len(lines)
    toc_until = -1
    for ln in lines:
        if ln.blank:
            continue
        s = ln.s
        tags = ln.tags
        if _NUMBERED.match(s) and len(s) <= 140 and not _DATE_RES[0][0].match(s):
            tags.add("numbered")
        if re.match(r"^(bijlagen|meegezonden|ter inzage|bijlage\s*\d+\s*:|bijlage\(n\))\s*:?\s*$", s, re.I):
            tags.add("annexlist")
        if _PAGE_MARK.match(s):
            tags.add("page")
            m = _PAGE_MARK.match(s)
            if m.group(2) and m.group(5) and int(m.group(2)) > 1:
                tags.add("page_cont")
            if m.group(2) and int(m.group(2)) == 1:
                tags.add("page_one")
        if _URL.match(s):
            tags.add("url")
        if _PROPOSAL_FIELD.match(s):
            tags.add("pfield")
            if _PROPOSAL_KEY.match(s):
                tags.add("pkey")
        if (_LABEL.match(s) and s[0].isupper()) or s.lower() in ("datum", "onderwerp", "betreft", "kenmerk", "ons kenmerk",
                                              "onze referentie", "aan", "van"):
            tags.add("label")
        if _AAN.match(s) and len(s) <= 80:
            tags.add("aan")
        if _VAN.match(s) and len(s) <= 80:
            tags.add("van")
        if _MINUTES_FIELD.match(s) and len(s) <= 200:
            tags.add("mfield")
        if _ATTENDANCE.match(s):
            tags.add("attendance")
        if _SALUTATION.match(s):
            tags.add("salutation")
        if _CLOSING.match(s) and len(s) <= 120:
            tags.add("closing")
        if _SIGNATURE_EXTRA.search(s) and len(s) <= 80:
            tags.add("sigextra")
        if _ANNEX.match(s):
            tags.add("annex")
        if _FORM_FIELD.match(s) and len(s) <= 90 and not s.endswith("."):
            tags.add("form")
        if _MARKING.match(s) and len(s) <= 70:
            tags.add("marking")
        if re.match(r"^(inhoud|inhoudsopgave)\s*$", s, re.I):
            toc_until = ln.idx + 60
            tags.add("toc")
        elif ln.idx <= toc_until and (_TOC_LINE.search(s) or len(s) <= 90):
            tags.add("toc")
        elif ln.idx <= toc_until:
            toc_until = -1
        if _TOC_LINE.search(s):
            tags.add("toc")
    for ln in lines:
        if ln.blank or "toc" in ln.tags or "page" in ln.tags or "url" in ln.tags or "numbered" in ln.tags:
            continue
        if _is_titlelike(lines, ln.idx):
            ln.tags.add("titlelike")
            typ, w, anywhere = _title_match(ln.s)
            if typ:
                ln.title_type, ln.title_weight, ln.title_anywhere = typ, w, anywhere
                ln.tags.add("docref")
    if n and lines[-1].blank:
        pass


# ---------------------------------------------------------------------------
# Candidates

@dataclass
class _Cand:
    line: int  # first line of the new part
    score: float
    type_hint: str | None
    title_line: int | None
    reasons: list[str] = field(default_factory=list)
    kind: str = "head"  # head | closing


class _Doc:
    def __init__(self, text: Text):
        self.text = text
        self.lines = _split_lines(text.text)
        _tag_lines(self.lines)
        self.nonblank = [ln.idx for ln in self.lines if not ln.blank]
        # position of each line in the non-blank list
        self.nb_pos = {idx: k for k, idx in enumerate(self.nonblank)}
        self.page_starts: set[int] = set()
        if text.pages and len(text.pages) > 1:
            starts = [ln.start for ln in self.lines]
            for p in text.pages[1:]:
                k = bisect.bisect_left(starts, p.start)
                # first non-blank line of the page
                while k < len(self.lines) and self.lines[k].blank:
                    k += 1
                if k < len(self.lines):
                    self.page_starts.add(k)

    # neighbours among non-blank lines
    def next_nb(self, i: int, count: int) -> list[_Line]:
        k = bisect.bisect_right(self.nonblank, i)
        return [self.lines[j] for j in self.nonblank[k:k + count]]

    def prev_nb(self, i: int, count: int) -> list[_Line]:
        k = bisect.bisect_left(self.nonblank, i)
        return [self.lines[j] for j in self.nonblank[max(0, k - count):k][::-1]]

    def blank_before(self, i: int) -> bool:
        return i == 0 or self.lines[i - 1].blank or i in self.page_starts


def _support(doc: _Doc, i: int, typ: str | None) -> tuple[float, list[str]]:
    """Evidence in the lines after a head line that a document really starts here."""
    win = doc.next_nb(i, 14)
    score = 0.0
    why: list[str] = []
    tags = [ln.tags for ln in win]
    n_num = sum(1 for t in tags if "numbered" in t)
    n_mfield = sum(1 for t in tags[:8] if "mfield" in t)
    n_label = sum(1 for t in tags[:8] if "label" in t)
    n_form = sum(1 for t in tags if "form" in t)
    n_pkey = sum(1 for t in tags[:10] if "pkey" in t)
    has_att = any("attendance" in t for t in tags)
    if any("page_cont" in t for t in tags[:6]):
        score -= 4
        why.append("continuation page")
    if typ == "agenda":
        if n_num >= 2:
            score += 2
            why.append("numbered items")
        if n_mfield or n_label:
            score += 1
    elif typ in ("minutes", "decision_list", "action_list"):
        if has_att:
            score += 2.5
            why.append("attendance")
        if n_mfield >= 2 or (n_mfield and n_label):
            score += 1.5
            why.append("meeting fields")
        elif n_label:
            score += 0.5
        if n_num >= 2:
            score += 0.5
    elif typ == "proposal":
        if n_pkey:
            score += 2
            why.append("proposal fields")
    elif typ in ("memo", "letter", "parliamentary_letter"):
        if any("aan" in t for t in tags[:8]) and any("van" in t for t in tags[:8]):
            score += 2
            why.append("aan/van")
        elif n_label >= 2:
            score += 1.5
            why.append("labels")
        if any("salutation" in ln.tags for ln in doc.next_nb(i, 30)):
            score += 1.5
            why.append("salutation")
    elif typ in ("application_form", "assessment_report"):
        if n_form >= 3:
            score += 2
            why.append("form fields")
        elif n_form:
            score += 0.5
    elif typ in ("programme", "budget", "policy_report"):
        if n_num >= 2 and not n_form:
            score += 0.5
    return score, why


def _in_listing(doc: _Doc, i: int) -> float:
    """Penalty for a title line that is a reference in a list (agenda attachments, tables of contents)."""
    pen = 0.0
    ln = doc.lines[i]
    if "toc" in ln.tags:
        return -6
    # adjacent document references with no blank line between
    adj = []
    if i > 0 and not doc.lines[i - 1].blank:
        adj.append(doc.lines[i - 1])
    if i + 1 < len(doc.lines) and not doc.lines[i + 1].blank:
        adj.append(doc.lines[i + 1])
    if any(a.title_type for a in adj):
        pen -= 2
    prev = doc.prev_nb(i, 6)
    nxt = doc.next_nb(i, 4)
    if any("numbered" in p.tags for p in prev) and any("numbered" in q.tags for q in nxt):
        pen -= 2
    if any("annexlist" in p.tags for p in doc.prev_nb(i, 6)):
        pen -= 3
    if "_" in ln.s or re.search(r"\bversie\b|\.(pdf|docx?)\b", ln.s, re.I):
        pen -= 1
    return pen


def _back_extend(doc: _Doc, i: int, limit: int = 3) -> int:
    """Move a head start back over short heading lines directly above it ("ALGEMEEN BESTUUR", "Memo")."""
    start = i
    for p in doc.prev_nb(i, limit):
        if p.idx < start - 5:
            break
        s = p.s
        if "closing" in p.tags or "sigextra" in p.tags or "url" in p.tags or "numbered" in p.tags:
            break
        short_heading = len(s) <= 50 and not re.search(r"[.,;]$", s) and (
            s.isupper() or p.title_type or "page_one" in p.tags or "marking" in p.tags or
            _ORG.match(s) or len(s.split()) <= 3)
        if not short_heading:
            break
        if p.idx in doc.page_starts:
            start = p.idx
            break
        start = p.idx
    return start


def _head_material(ln: _Line) -> bool:
    """Lines that belong to a document head: fields, titles, markings, page marks, dates."""
    if ln.tags & {"label", "pfield", "mfield", "page", "marking", "url", "aan", "van"} or ln.title_type:
        return True
    s = ln.s
    if s.startswith(":") or _ORG.match(s) or _PROCEDURAL.match(s):
        return True
    return len(s) <= 40 and "numbered" not in ln.tags and (s.isupper() or bool(parse_dutch_date(s)))


def _candidates(doc: _Doc) -> list[_Cand]:
    lines = doc.lines
    cands: list[_Cand] = []
    seen_pcluster = -10
    seen_lcluster = -10
    header_repeats = _repeated_lines(doc)
    for ln in lines:
        if ln.blank:
            continue
        i = ln.idx
        # 1. title lines
        if ln.title_type and "titlelike" in ln.tags and not ln.title_anywhere:
            typ = ln.title_type
            score = ln.title_weight - 1.0
            sup, why = _support(doc, i, typ)
            score += sup
            score += _in_listing(doc, i)
            if doc.blank_before(i):
                score += 0.5
            if i in doc.page_starts:
                score += 1.5
            if parse_dutch_date(ln.s):
                score += 0.5
            if re.search(r"\bvergadering\b", ln.s, re.I) and typ in ("agenda", "minutes", "decision_list"):
                score += 0.5
            if ln.s in header_repeats:
                score -= 3
            # a bare title line without supporting head structure must also change the type
            kind = "head" if (why or i in doc.page_starts) else "title"
            cands.append(_Cand(i, score, typ, i, [f"title:{typ}"] + why, kind=kind))
        # 2. proposal header fields
        if "pfield" in ln.tags and i - seen_pcluster > 12:
            win = [ln] + doc.next_nb(i, 9)
            fields = {_field_word(w.s) for w in win if "pfield" in w.tags}
            keys = sum(1 for w in win if "pkey" in w.tags)
            if len(fields) >= 3 and keys >= 1:
                seen_pcluster = i
                start = _back_extend(doc, i)
                score = 4.5 + (0.5 if doc.blank_before(start) else 0) + (1.5 if start in doc.page_starts else 0)
                cands.append(_Cand(start, score, "proposal", None, ["proposal fields"]))
        # 3. memo / letter labels
        if "label" in ln.tags and i - seen_lcluster > 12 and ln.s not in header_repeats:
            win = [ln] + doc.next_nb(i, 6)
            has_aan = any("aan" in w.tags for w in win)
            has_van = any("van" in w.tags for w in win)
            labels = {re.split(r"[\s:]", w.s.lower())[0] for w in win if "label" in w.tags and w.s not in header_repeats}
            if (has_aan and has_van) or (len(labels) >= 3 and ("datum" in labels or "onderwerp" in labels)):
                seen_lcluster = i
                start = _back_extend(doc, i)
                typ = "memo" if has_aan and has_van else "letter"
                score = 3.5 + (0.5 if doc.blank_before(start) else 0) + (1.5 if start in doc.page_starts else 0)
                if any("page_cont" in w.tags for w in doc.next_nb(i, 8)):
                    score -= 4
                cands.append(_Cand(start, score, typ, None, [f"labels:{typ}"]))
        # 4. salutation without a head nearby: the letter head is the short-line block above
        if "salutation" in ln.tags:
            start = i
            for p in doc.prev_nb(i, 25):
                if len(p.s) > 75 or "closing" in p.tags:
                    break
                start = p.idx
            if start != i:
                cands.append(_Cand(start, 2.5, "letter", None, ["salutation"], kind="closing"))
        # 5. after a closing block
        if "closing" in ln.tags:
            j = _after_closing(doc, i)
            if j is not None:
                cands.append(_Cand(j, 2.5, None, None, ["after closing"], kind="closing"))
    return cands


def _after_closing(doc: _Doc, i: int) -> int | None:
    """First substantive line after a signature/contact block, or None when none follows."""
    consumed = 0
    for ln in doc.next_nb(i, 14):
        s = ln.s
        t = ln.tags
        if ln.title_type or "label" in t or "pfield" in t or "marking" in t or "salutation" in t:
            return ln.idx
        if "annex" in t:
            return None
        filler = ("page" in t or "url" in t or "sigextra" in t or "closing" in t or
                  (len(s) <= 60 and not s.endswith(".")))
        if not filler:
            return ln.idx
        consumed += 1
        if consumed >= 10:
            return ln.idx
    return None


def _repeated_lines(doc: _Doc) -> set[str]:
    """Running headers and footers: short lines that occur three times or more."""
    counts: dict[str, int] = {}
    for ln in doc.lines:
        if not ln.blank and len(ln.s) <= 100 and not ln.s.isdigit():
            counts[ln.s] = counts.get(ln.s, 0) + 1
    return {s for s, c in counts.items() if c >= 3 and re.search(r"[A-Za-z]{3}", s)}


# ---------------------------------------------------------------------------
# Classification

_BODY_RULES: list[tuple[str, float, float, re.Pattern]] = [
    # (type, weight per hit, cap, line pattern)
    ("minutes", 3.0, 3.0, _rx(r"^(aanwezig(en)?|afwezig|afgemeld|verhinderd|met kennisgeving afwezig)\b")),
    ("minutes", 0.6, 2.4, _rx(r"(^|\s)(\(?actie\)?\s*:?\s*[A-Z]|actie(punt)?\s*:)|\(actie\)|\bactie allen\b")),
    ("minutes", 0.5, 2.0, _rx(r"\b(deelt mee|merkt op|licht toe|antwoordt|geeft aan dat|vraagt (of|naar)|constateert|"
                              r"opent de vergadering|sluit de vergadering|het verslag wordt vastgesteld|"
                              r"het verslag is akkoord)\b")),
    ("minutes", 1.5, 1.5, _rx(r"^(notulist|verslaglegging|voorzitter)\b")),
    ("decision_list", 0.7, 3.5, _rx(r"^(besluit|besloten|besluiten|conclusie)\s*:|\b(aangenomen|verworpen|"
                                    r"unaniem|zonder hoofdelijke stemming|hamerstuk|conform (voorstel|besloten))\b")),
    ("action_list", 0.5, 3.0, _rx(r"^(actie|actiepunt|nr\.?|wie|wat|wanneer|deadline|status|eigenaar|gereed)\b.*"
                                  r"\b(wie|wat|wanneer|deadline|status|eigenaar|actiehouder|gereed)\b")),
    ("agenda", 1.0, 3.0, _rx(r"^(\d{1,2}[.)]?\s*)?(opening|vaststell?ing (van )?de agenda|rondvraag|sluiting|mededelingen|"
                             r"ingekomen stukken|opening en mededelingen|spreekrecht( burgers)?|vragenkwartier)\.?\s*$")),
    ("proposal", 1.5, 4.5, _rx(r"^(voorstel|beslispunten|gevraagd besluit|te nemen besluit|beslissing|ontwerpbesluit|"
                               r"portefeuillehouder|besluit)\s*:|^(beslispunten|gevraagd besluit|te nemen besluit)\b|"
                               r"\b(stelt|stellen) (de raad|provinciale staten|het algemeen bestuur|het dagelijks bestuur|"
                               r"u) voor\b|^het college stelt\b|^(samenvatting van het voorgestelde besluit)")),
    ("memo", 3.0, 3.0, _rx(r"\b(in )?(deze|dit) (memo|notitie|beslisnota|informatienota|nota)\b")),
    ("memo", 1.0, 3.0, _rx(r"^(aanleiding|geadviseerd besluit|kern|advies|krachtenveld|politieke context|"
                           r"ter (besluitvorming|informatie|advisering|kennisname|bespreking))\s*:?\s*$")),
    ("letter", 3.0, 3.0, _rx(r"^(hoog)?geachte\b")),
    ("letter", 2.0, 2.0, _rx(r"^(met (vriendelijke|hartelijke) groet(en)?|hoogachtend)\b")),
    ("letter", 0.7, 1.4, _rx(r"^(ons kenmerk|uw kenmerk|uw brief van|betreft)\b")),
    ("parliamentary_letter", 5.0, 5.0, _rx(r"aan de voorzitter van de (tweede|eerste) kamer|"
                                           r"(tweede|eerste) kamer der staten-generaal")),
    ("parliamentary_letter", 0.7, 3.5, _rx(r"\buw kamer\b|\bde kamer (te )?informeren\b")),
    ("parliamentary_letter", 2.0, 2.0, _rx(r"\b(deze|in de|dit is een) kamerbrief\b")),
    ("parliamentary_letter", 2.0, 2.0, _rx(r"^de (minister|staatssecretaris) (van|voor) .*,\s*$")),
    ("application_form", 0.5, 4.0, _rx(r"^(\d{1,2}(\.\d{1,2})*\.?\s+)?(naam (project|aanvrager|organisatie)|aanvrager|"
                                       r"projectnaam|contactpersoon|looptijd|gevraagde (bijdrage|subsidie)|"
                                       r"cofinanciering|datum indiening|handtekening|rechtsvorm|kvk)\b")),
    ("application_form", 1.5, 3.0, _rx(r"\b(dit|het) (aanvraag)?formulier\b|\bin te vullen door\b|"
                                       r"\bformulier (volledig )?in te vullen\b")),
    ("assessment_report", 1.0, 3.0, _rx(r"^(\d+\.?\s*)?(bevindingen|beoordeling|toetsing|score|eindoordeel|"
                                        r"conclusie en advies|advies (aan|van) )")),
    ("programme", 0.6, 3.0, _rx(r"^(programmalijn|activiteiten|projecten|bestuurlijk opdrachtgever|doelen|"
                                r"resultaten \d{4}|planning|mijlpalen)\b|\bbestuurlijk opdrachtgever\b")),
    ("budget", 0.4, 3.0, _rx(r"^(lasten|baten|saldo|totaal (lasten|baten)|reserves?|begrotingssaldo|"
                             r"exploitatie|rekening \d{4}|begroting \d{4})\b")),
    ("policy_report", 1.0, 3.0, _rx(r"^(\d{1,2}\.?\s*)?(voorwoord|inleiding|samenvatting|inhoudsopgave|"
                                    r"conclusies?( en aanbevelingen)?|aanbevelingen|hoofdstuk \d+)\s*$")),
]


def classify(text: str) -> tuple[str, dict[str, float]]:
    """Type of one logical document from its text: (type, scores per type)."""
    doc = _Doc(Text(text=text, pages=[], media_type="text/plain"))
    return _classify_range(doc, 0, len(doc.lines), None)


def _classify_range(doc: _Doc, a: int, b: int, hint: str | None) -> tuple[str, dict[str, float]]:
    scores = {t: 0.0 for t in TYPES}
    lines = doc.lines[a:b]
    nb = [ln for ln in lines if not ln.blank]
    # title window: the first title-like lines
    seen = 0
    after_fields = False
    for ln in nb[:8]:
        if "page" in ln.tags or "url" in ln.tags:
            continue
        seen += 1
        if "label" in ln.tags or "pfield" in ln.tags:
            after_fields = True  # a title below header fields is the subject, not the document kind
        if ln.title_type and "titlelike" in ln.tags and not ln.title_anywhere:
            w = ln.title_weight * (1.0 if seen <= 4 and not after_fields else 0.6)
            scores[ln.title_type] = max(scores[ln.title_type], w)
        elif ln.title_type and "titlelike" in ln.tags:
            scores[ln.title_type] = max(scores[ln.title_type], ln.title_weight * 0.6)
    head = nb[:30]
    tags = [ln.tags for ln in head]
    pf = {_field_word(ln.s) for ln in head if "pfield" in ln.tags}
    if any("pkey" in t for t in tags) and len(pf) >= 3:
        scores["proposal"] += 4
    if any("aan" in t for t in tags[:15]) and any("van" in t for t in tags[:15]):
        scores["memo"] += 3
    if any("salutation" in ln.tags for ln in nb[:60]):
        scores["letter"] += 1
    if sum(1 for t in tags if "mfield" in t) >= 2:
        scores["minutes"] += 1.5
    hits: dict[tuple[int, str], float] = {}
    for ln in nb:
        for k, (typ, w, cap, rx) in enumerate(_BODY_RULES):
            if rx.search(ln.s):
                key = (k, typ)
                if hits.get(key, 0.0) < cap:
                    hits[key] = min(cap, hits.get(key, 0.0) + w)
    for (_, typ), v in hits.items():
        scores[typ] += v
    # agenda: many short numbered items with little text between them
    items = [ln for ln in nb if "numbered" in ln.tags and len(ln.s) <= 100]
    chars = sum(len(ln.s) for ln in nb)
    if len(items) >= 3 and chars / (len(items) + 1) < 260:
        scores["agenda"] += 2
    # form: many label-only lines
    form = sum(1 for ln in nb if "form" in ln.tags)
    if form >= 4:
        scores["application_form"] += min(3.0, form * 0.3)
    # long chaptered text is a report
    chapters = sum(1 for ln in nb if re.match(r"^\d{1,2}(\.\d{1,2})?\.?\s+[A-Z][^.]{3,80}$", ln.s) and len(ln.s) <= 90)
    if chars > 15000:
        scores["policy_report"] += 1.5
        if chapters >= 5:
            scores["policy_report"] += 1
    # a parliamentary letter is a letter too
    if scores["parliamentary_letter"] >= 3:
        scores["parliamentary_letter"] += scores["letter"] * 0.5
    if hint:
        scores[hint] += 2.5
    scores["other"] = 1.5
    best = max(TYPES, key=lambda t: (scores[t], -TYPES.index(t)))
    return best, scores


# ---------------------------------------------------------------------------
# Part metadata

def _field_values(doc: _Doc, a: int, b: int) -> dict[str, str]:
    """Header fields in a part's head: inline "Label: value" and column layouts
    (labels on consecutive lines, then the values each starting with ':')."""
    nb = [ln for ln in doc.lines[a:b] if not ln.blank][:40]
    vals: dict[str, str] = {}
    k = 0
    while k < len(nb):
        ln = nb[k]
        m = re.match(r"^([A-Za-zÀ-ÿ().\s-]{2,40}?)\s*:\s*(\S.*)$", ln.s) or re.match(
            r"^(datum|betreft|onderwerp|kenmerk|ons kenmerk|uw kenmerk|onze referentie)\s+(\S.*)$", ln.s, re.I)
        if m:
            key = m.group(1).strip().lower()
            vals.setdefault(key, m.group(2).strip())
            k += 1
            continue
        # column layout
        labels = []
        j = k
        while j < len(nb) and re.match(r"^[A-Za-zÀ-ÿ().\s-]{2,40}$", nb[j].s) and ("pfield" in nb[j].tags or
                                                                                 "label" in nb[j].tags):
            labels.append(nb[j].s.strip().lower())
            j += 1
        if len(labels) >= 2:
            values = []
            while j < len(nb) and nb[j].s.startswith(":") and len(values) < len(labels):
                values.append(nb[j].s[1:].strip())
                j += 1
            if len(values) == len(labels):
                for lab, v in zip(labels, values):
                    vals.setdefault(lab, v)
                k = j
                continue
        # label on its own line, value on the next ("Datum\n20 december 2024")
        if ln.s.lower() in ("datum", "onderwerp", "betreft", "kenmerk", "ons kenmerk") and k + 1 < len(nb):
            vals.setdefault(ln.s.lower(), nb[k + 1].s)
            k += 2
            continue
        k += 1
    return vals


def _clean_title(s: str) -> str:
    t = s.replace("_", " ")
    t = re.sub(r"\s+", " ", t).strip(" \t-–—:|*•·")
    return t


def _title(doc: _Doc, a: int, b: int, typ: str, cand: _Cand | None, fields: dict[str, str]) -> str | None:
    if typ in ("proposal", "memo", "letter", "parliamentary_letter"):
        for key in ("onderwerp", "betreft"):
            v = fields.get(key)
            if v and 2 < len(v) <= 160:
                return _clean_title(v)
    if cand and cand.title_line is not None and a <= cand.title_line < b:
        return _clean_title(doc.lines[cand.title_line].s)
    seen = 0
    options: list[_Line] = []
    for ln in doc.lines[a:b]:
        if ln.blank:
            continue
        seen += 1
        if seen > 8:
            break
        t = ln.tags
        if "page" in t or "url" in t or "marking" in t or "label" in t or "pfield" in t:
            continue
        if ("mfield" in t and ":" in ln.s) or ln.s.startswith("(") or ("form" in t and not ln.title_type):
            continue
        if _PROCEDURAL.match(ln.s) or _ORG.match(ln.s) or _SECTION_WORDS.match(ln.s):
            continue
        if "numbered" in t and not ln.title_type:
            continue
        if "titlelike" in t and len(ln.s) <= 120:
            options.append(ln)
        elif len(ln.s) > 60:
            break
    if not options:
        return None
    first = options[0]
    if first.idx == next((ln.idx for ln in doc.lines[a:b] if not ln.blank), -1) and (
            first.title_type or parse_dutch_date(first.s)):
        return _clean_title(first.s)
    for ln in options:
        if ln.title_type and not ln.title_anywhere:
            return _clean_title(ln.s)
    return _clean_title(first.s)


def _date(doc: _Doc, a: int, b: int, typ: str, fields: dict[str, str], title: str | None) -> str | None:
    for key in ("vergadering d.d.", "vergadering dd", "datum vergadering", "vergaderdatum", "vergadering",
                "raadsvergadering", "datum"):
        v = fields.get(key)
        if v:
            d = parse_dutch_date(v)
            if d:
                return d
    if title:
        d = parse_dutch_date(title)
        if d:
            return d
    nb = [ln for ln in doc.lines[a:b] if not ln.blank]
    meeting = typ in ("agenda", "minutes", "decision_list", "action_list", "proposal")
    for k, ln in enumerate(nb[:12]):
        if "toc" in ln.tags:
            continue
        head_line = k < 6 and "|" not in ln.s and "\t" not in ln.s and "numbered" not in ln.tags
        if (_MEETING_DATE_LABEL.match(ln.s) or re.search(r"\bd\.\s?d\.", ln.s)
                or (meeting and head_line and len(ln.s) <= 80)):
            d = parse_dutch_date(ln.s)
            if d:
                return d
    if typ in ("letter", "memo", "parliamentary_letter", "application_form", "assessment_report"):
        for k, ln in enumerate(nb):
            low = ln.s.lower()
            if low.startswith("datum"):
                d = parse_dutch_date(ln.s)
                if not d and low.strip(" :") == "datum" and k + 1 < len(nb):
                    d = parse_dutch_date(nb[k + 1].s)
                if d:
                    return d
            elif re.search(r"\bdatum\s*:", low):
                d = parse_dutch_date(ln.s[low.index("datum"):])
                if d:
                    return d
    # a line that is just a date, or "Plaats, 12 maart 2024"
    for ln in nb[:15]:
        if re.match(r"^([A-Z][\w' -]{1,30},\s*)?(\w+dag\s+)?\d{1,2}\s+[a-z]+\.?\s+\d{4}\s*$", ln.s):
            d = parse_dutch_date(ln.s)
            if d:
                return d
    return None


def _organisation(doc: _Doc, a: int, b: int) -> str | None:
    nb = [ln for ln in doc.lines[a:b] if not ln.blank]
    for ln in nb[:10]:
        if len(ln.s) <= 70 and _ORG.match(ln.s):
            return _clean_title(ln.s)
    for ln in nb[-40:]:
        m = _SIGNED_ORG.match(ln.s)
        if m:
            s = ln.s.rstrip(" ,")
            mm = re.match(r"^de (minister|staatssecretaris) (van|voor) (.+)$", s, re.I)
            if mm and mm.group(2).lower() == "van":
                return "Ministerie van " + mm.group(3)
            if mm:
                continue
            s = re.sub(r"^(het )", "", s, flags=re.I)
            return s[0].upper() + s[1:]
    return None


def _confidential(doc: _Doc, a: int, b: int) -> bool:
    nb = [ln for ln in doc.lines[a:b] if not ln.blank][:15]
    for ln in nb:
        if "marking" in ln.tags:
            return True
        if re.search(r"\b(VERTROUWELIJK|GEHEIM|NIET OPENBAAR)\b", ln.s) and len(ln.s) <= 80:
            return True
    return False


# ---------------------------------------------------------------------------
# Segmentation


def _nonspace(doc: _Doc, a: int, b: int) -> int:
    return sum(len(ln.s) for ln in doc.lines[a:b])


def segment(text: Text) -> list[Part]:
    """Split ``text`` into contiguous, typed document parts covering all of it."""
    doc = _Doc(text)
    lines = doc.lines
    n = len(lines)
    cands = _candidates(doc)

    # Page starts relocate a head found in the page's first lines to the page start.
    if doc.page_starts:
        for c in cands:
            for p in doc.prev_nb(c.line, 6):
                if p.idx in doc.page_starts and all(
                        len(q.s) <= 90 for q in doc.lines[p.idx:c.line] if not q.blank):
                    c.line = p.idx
                    if c.kind == "head":
                        c.score += 1.0
                    break

    strong = sorted((c for c in cands if c.score >= STRONG and c.kind == "head"), key=lambda c: c.line)
    weak = sorted((c for c in cands if c.kind in ("closing", "title") or WEAK <= c.score < STRONG),
                  key=lambda c: c.line)

    # Merge strong candidates that belong to one head (title line + header fields).
    merged: list[_Cand] = []
    for c in strong:
        if merged:
            last = merged[-1]
            gap = doc.nb_pos.get(c.line, 0) - doc.nb_pos.get(last.line, 0)
            between = [ln for ln in lines[last.line:c.line] if not ln.blank]
            if gap <= 8 and all(_head_material(ln) for ln in between):
                # header fields fix the type; a title below them is the subject line
                structural = any(r.startswith(("labels:", "proposal fields")) for r in last.reasons)
                if c.score > last.score and not structural:
                    last.type_hint = c.type_hint
                last.score = max(last.score, c.score)
                last.title_line = last.title_line if last.title_line is not None else c.title_line
                last.reasons += c.reasons
                continue
        merged.append(c)

    # A signature block right before a strong head: start the part after the signature.
    for c in merged:
        for w in weak:
            if w.kind != "closing" or w.line >= c.line:
                continue
            gap = doc.nb_pos.get(c.line, 0) - doc.nb_pos.get(w.line, -100)
            between = [ln for ln in lines[w.line:c.line] if not ln.blank]
            if 0 < gap <= 8 and all(len(ln.s) <= 160 for ln in between):
                c.line = w.line
                break

    bounds = sorted({c.line for c in merged if c.line > 0})
    info = {c.line: c for c in merged}
    if 0 not in info:
        first_end = bounds[0] if bounds else n
        heads = [c for c in cands if c.line < first_end and doc.nb_pos.get(c.line, 99) < 10 and c.kind != "closing"]
        if heads:
            best = max(heads, key=lambda c: c.score)
            info[0] = _Cand(0, best.score, best.type_hint, best.title_line, best.reasons)

    # Weak candidates become boundaries when the text after them is clearly another kind of document.
    for w in weak:
        if w.line <= 0 or w.line in info:
            continue
        k = bisect.bisect_right(bounds, w.line)
        prev_b = bounds[k - 1] if k else 0
        next_b = bounds[k] if k < len(bounds) else n
        if doc.nb_pos.get(w.line, 0) - doc.nb_pos.get(prev_b, 0) < 8:
            continue
        if _nonspace(doc, prev_b, w.line) < 600 or _nonspace(doc, w.line, next_b) < 800:
            continue
        prev_c = info.get(prev_b)
        t_before, _ = _classify_range(doc, prev_b, w.line, prev_c.type_hint if prev_c else None)
        t_after, sc_after = _classify_range(doc, w.line, next_b, w.type_hint)
        ranked = sorted(sc_after.values(), reverse=True)
        if w.kind == "title" and w.score < WEAK:
            continue
        if t_after != t_before and t_after != "other" and ranked[0] >= 4 and ranked[0] - ranked[1] >= 1.0:
            bounds.insert(k, w.line)
            w.score = max(w.score, STRONG)
            info[w.line] = w

    # Merge parts that are too small to be a document.
    # A tiny part (a cover line, a stray reference) joins the part after it;
    # a tiny last part joins the one before.
    kept: list[int] = [0]
    for s in bounds:
        if _nonspace(doc, kept[-1], s) < MIN_PART_CHARS:
            if kept[-1] == 0:
                if s in info:
                    info[0] = info[s]
            elif info.get(s) and info[s].score > info[kept[-1]].score:
                info[kept[-1]] = info[s]
            continue
        kept.append(s)
    if len(kept) > 1 and _nonspace(doc, kept[-1], n) < MIN_PART_CHARS:
        kept.pop()

    parts: list[Part] = []
    total = len(text.text)
    for k, s in enumerate(kept):
        e = kept[k + 1] if k + 1 < len(kept) else n
        start_off = 0 if k == 0 else lines[s].start
        end_off = total if k + 1 == len(kept) else lines[e].start
        cand = info.get(s)
        typ, _ = _classify_range(doc, s, e, cand.type_hint if cand else None)
        fields = _field_values(doc, s, e)
        title = _title(doc, s, e, typ, cand, fields)
        parts.append(Part(
            id=f"p{k + 1}",
            type=typ,
            title=title,
            date=_date(doc, s, e, typ, fields, title),
            organisation=_organisation(doc, s, e),
            start=start_off,
            end=end_off,
            confidential=_confidential(doc, s, e),
        ))
    return parts


def explain(text: Text) -> list[dict]:
    """Debugging aid: every boundary candidate with its score and reasons."""
    doc = _Doc(text)
    return [
        {"line": c.line + 1, "score": round(c.score, 2), "type": c.type_hint, "kind": c.kind,
         "text": doc.lines[c.line].s[:80], "why": c.reasons}
        for c in sorted(_candidates(doc), key=lambda c: c.line)
    ]
