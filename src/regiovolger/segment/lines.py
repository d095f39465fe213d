"""Lines of a text, tagged with the line-level cues of Dutch governance documents."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from regiovolger.document import Text

from regiovolger.dates import starts_with_date

def _rx(p: str) -> re.Pattern:
    return re.compile(p, re.I)


# Title keywords, matched at the start of a normalised title-like line.
# (type, weight, pattern)
_TITLE_RULES: list[tuple[str, float, re.Pattern]] = [
    ("parliamentary_letter", 6, _rx(r"kamerbrief\b")),
    # a press release or news item is none of the governance types
    ("other", 7, _rx(r"(persbericht|nieuwsbericht|persverklaring)\b")),
    ("decision_list", 6, _rx(r"(concept[- ]?)?((gs|b&w|b en w|college|raads|ab|db|pho)[- ]?)?besluitenlijst|besluiten(- en actielijst| en acties)\b"
                             r"|(college|raads|bestuurs|gs|d&h|db|ab)[- ]?besluiten\b|(korte )?aantekeningen\b(?= (van )?(de )?(vergadering|overleg))")),
    ("action_list", 6, _rx(r"(concept[- ]?)?(actie(punten)?lijst|lijst (van )?(openstaande )?(acties|actiepunten|toezeggingen)"
                           r"|toezeggingenlijst|overzicht (van )?(openstaande )?(acties|actiepunten|toezeggingen)"
                           r"|(openstaande |lijst )?(raads|staten|bestuurlijke )?toezeggingen( en (moties|acties))?(?=\s|$))\b")),
    ("minutes", 5, _rx(r"(concept[- ]?|(samenvattend|beknopt|kort|woordelijk|zakelijk|openbaar|integraal)e?s? )?(verslag|notulen|conceptverslag|conceptnotulen|vergaderverslag|"
                       r"besluitenverslag)\b(?!\s+(is|wordt|werd|zijn|van de vorige))")),
    # "Openbare vergadering van de raad …, gehouden op maandag 23 december": a meeting held, so its record
    ("minutes", 6, _rx(r"(openbare |besloten )?vergadering\b.{0,160}\bgehouden\s+(op|in|te|ten)\b")),
    ("agenda", 5, _rx(r"(concept[- ]?|voorlopige |definitieve )?(vergader)?agenda\b(?!\s*(punt|'s|digitalisering|documenten|stukken))")),
    ("agenda", 3, _rx(r"(uitnodiging|oproep)\b.*\b(vergadering|overleg|bijeenkomst)\b|(openbare )?vergadering\b(?!-\w| d\.?d)")),
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
    ("budget", 6, _rx(r"specificatie\b.*\b(reserves?|voorzieningen|kredieten|budgetten)\b|(programma|ontwerp|concept|meerjaren)?begroting\b|begrotingswijziging|jaarrekening|jaarstukken|"
                      r"kadernota|subsidieplafonds?\b|voorjaarsnota|najaarsnota|perspectiefnota|bestuursrapportage|(tussen|bestuurs)rapportage "
                      r"financi")),
    ("policy_report", 4, _rx(r"((strategische|verkennende) )?(verkenning|visie|strategie|rapport|rapportage|onderzoek|"
                             r"evaluatie|monitor|tussenstand|voortgangsrapportage|beleidsnota|beleidsplan|beleidskader|"
                             r"plan van aanpak|jaarverslag|eindrapport|tussenrapport|position paper|routekaart)\b")),
]

# A news headline names a document and says what happened to it ("Ontwerpbegroting 2020 akkoord"): a news item,
# not a document of the kind it names.
_HEADLINE = _rx(r"\s(akkoord|goedgekeurd|vastgesteld|aangenomen|verworpen|gestart|geopend|gepresenteerd|"
                r"bekend|rond|klaar|van start|ondertekend|gepubliceerd|verschenen)\s*[.!]?$")

# a headline whose subject acts in the present tense ("Gemeenteraad behandelt op 3 maart rapport X",
# "Waterschap investeert € 4 miljoen in dijken"): news about a document, not the document
_NEWS_VERB = _rx(r"^(?:[\w&'’-]+\s+){1,3}(behandelt|bespreekt|kiest|investeert|presenteert|krijgt|ontvangt|opent|start|"
                 r"wil|gaat|steunt|trekt|zet|maakt|pakt)\s+\S")

_SECTION_WORDS = _rx(r"^(\d+\.?\s*)?(voorwoord|inleiding|samenvatting|inhoud|inhoudsopgave|colofon|leeswijzer|"
                     r"aanleiding|toelichting|conclusies?|bijlagen?)\b")
_NUMBERED = re.compile(r"^\d{1,2}[.)]?\s+\S|^\d{1,2}[.)](?=[A-Za-z])")
_PAGE_MARK = _rx(r"^(pagina|blz\.?|page)\s*(\d+)(\s*(van|/|of)\s*(\d+))?\b|^-?\s*\d{1,3}\s*-?$|^\d{1,3}\s*/\s*\d{1,3}$")
_URL = _rx(r"^(https?://|www\.)\S+$")
_TOC_LINE = re.compile(r"(\.{4,}|…{2,}|\s{3,})\s*\d{1,3}\s*$")

# The head of a meeting portal's page (iBabs, Notubiz): a title, the weekday and date, the hours
# ("Raadsvergadering / donderdag 24 november 2022 / 19:30 - 21:35")
PORTAL_HEAD = re.compile(
    r"\s*(?:[^\n]{3,80}\n\s*){1,2}(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?\d{1,2}\s+"
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4}"
    r"\s*(?:\n\s*)?\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}", re.I)

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
_SALUTATION = _rx(r"^(hoog)?geachte?\b|^(beste|lieve)\s+\w+\s*,\s*$")
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
    r"^(?:(?:gemeente|provincie|waterschap|hoogheemraadschap|veiligheidsregio|omgevingsdienst|ggd|regio|"
    r"ministerie van|gemeenteraad van|provinciale staten van|gedeputeerde staten van|"
    r"(?:het )?college van (?:burgemeester en wethouders|b&w|b en w) van)\s+)"
    r"[A-ZÀ-Ý’'][\w’'.&-]*(?:[ -][\w’'.&-]+){0,5}$",
    re.I,
)
_SIGNED_ORG = _rx(r"^(de (minister|staatssecretaris) (van|voor) .+|gedeputeerde staten van .+|"
                  r"burgemeester en wethouders van .+|het algemeen bestuur van .+|het dagelijks bestuur van .+)\s*,\s*$")
_PROCEDURAL = _rx(r"^(ter (besluitvorming|informatie|kennisname|advisering|bespreking|vaststelling)|"
                  r"nota actief openbaar|actief openbaar|ja|nee|openbaar|concept|versie\b.*)\s*:?\s*$")
# An agenda item, not a document head: it ends with the treatment asked ("... Ter vaststelling")
# or refers to an attachment ("Verslag 3 maart (bijlage 2)", "zie bijlage").
_AGENDA_KIND = _rx(r"\S.*[\s(–-]\(?ter (vaststelling|bespreking|besluitvorming|kennisname|informatie|advisering|"
                   r"consultatie|instemming|goedkeuring|discussie|bespreking en besluitvorming)\)?\.?\s*$")
_ATTACHMENT_REF = _rx(r"\S.*(\((zie )?bijlagen?\b[^)]{0,40}\)|\bzie bijlagen?\b)")
_MEETING_DATE_LABEL = _rx(r"^(vergadering\s*d\.?\s*d\.?|datum vergadering|vergaderdatum|datum|d\.\s?d\.|datum en tijd)\s*:?\s*")


def _field_word(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip().split(" ")[0]


def _norm_title(s: str) -> str:
    t = s.replace("_", " ")
    t = re.sub(r"\s+", " ", t).strip(" \t-–—:|*•·")
    # a title set in spaced capitals ("P E R S B E R I C H T")
    if re.fullmatch(r"(?:\w ){3,}\w", t):
        t = t.replace(" ", "")
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
    body_hits: tuple[tuple[int, int], ...] | None = None  # cache for the classifier: (rule, times)


def _title_match(s: str) -> tuple[str | None, float, bool]:
    """Best title keyword rule for a line: (type, weight, matched_not_at_start)."""
    t = _norm_title(s)
    if not t or len(t) > 120:
        return None, 0.0, False
    if _HEADLINE.search(t) or (_NEWS_VERB.match(t) and not t.rstrip().endswith((":", "."))):
        return "other", 5.0, False
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
    if re.match(r"[•·▪◦●○■\-–*]\s", s):
        return False  # a bullet point is an item of a list, not the title of a document
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


def _tag_items_below_numbers(lines: list[_Line]) -> None:
    """An agenda whose numbers stand on lines of their own ("1" / "17.00 uur Opening"): the line under each
    number is an item, not a title, once three numbers count up (a lone page number does not)."""
    nonblank = [ln for ln in lines if not ln.blank]
    pairs = [(int(a.s.strip(" .")), b) for a, b in zip(nonblank, nonblank[1:])
             if b.idx == a.idx + 1 and re.fullmatch(r"\d{1,2}\.?", a.s.strip())
             and not re.fullmatch(r"\d{1,2}\.?", b.s.strip())]
    numbers = [n for n, _ in pairs]
    if sum(1 for x, y in zip(numbers, numbers[1:]) if y == x + 1) >= 2:
        for _, item in pairs:
            if len(item.s) <= 140:
                item.tags.add("numbered")


def _tag_lines(lines: list[_Line]) -> None:
    toc_until = -1
    for ln in lines:
        if ln.blank:
            continue
        s = ln.s
        tags = ln.tags
        if _NUMBERED.match(s) and len(s) <= 140 and not starts_with_date(s):
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
        if _AGENDA_KIND.match(s) and len(s) <= 140:
            tags.add("agenda_item")
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
    _tag_items_below_numbers(lines)
    first = next((ln for ln in lines if not ln.blank), None)
    if first is not None and ("numbered" in first.tags or len(first.s) > 120):
        # the title of a transcribed page: a page number run into it ("1 Agenda Algemeen bestuur …"), a long
        # first line that is one title ("Korte aantekeningen vergadering commissies … van 23 november 2021"),
        # or the first sentence of a page flattened to one line ("1 VERSLAG van de vergadering van … op
        # donderdag 17 juni 2004 … Aanwezig …")
        m = re.match(r"^\d{1,3}\s+(?=[A-Z])", first.s)
        head = first.s[m.end():] if m else first.s
        if len(head) > 120:
            head = re.split(r"(?<=[.!?])\s", head, maxsplit=1)[0]
            head = head if len(head) <= 120 else head[:120].rsplit(" ", 1)[0]
        typ, w, anywhere = _title_match(head) if (m or len(first.s) > 120) else (None, 0.0, True)
        if typ and not anywhere:
            first.tags.discard("numbered")
            first.tags.add("titlelike")
            first.title_type, first.title_weight, first.title_anywhere = typ, w, False
    for ln in lines:
        if ln.blank or "toc" in ln.tags or "page" in ln.tags or "url" in ln.tags or "numbered" in ln.tags:
            continue
        if _is_titlelike(lines, ln.idx):
            ln.tags.add("titlelike")
            if "agenda_item" in ln.tags or _ATTACHMENT_REF.match(ln.s):
                ln.tags.add("agenda_item")
                continue
            typ, w, anywhere = _title_match(ln.s)
            if typ:
                ln.title_type, ln.title_weight, ln.title_anywhere = typ, w, anywhere
                ln.tags.add("docref")


@dataclass
class _Cand:
    line: int  # first line of the new part
    score: float
    type_hint: str | None
    title_line: int | None
    reasons: list[str] = field(default_factory=list)
    kind: str = "head"  # head | title (bare title line) | closing (after a signature)


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
