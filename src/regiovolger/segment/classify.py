"""Typing a logical document from weighted cues in its head and body."""

from __future__ import annotations

import re

from regiovolger.document import Text

from .lines import PORTAL_HEAD, _Doc, _field_word, _Line, _rx
from .types import TYPES

_BODY_RULES: list[tuple[str, float, float, re.Pattern]] = [
    # (type, weight per hit, cap, line pattern)
    ("minutes", 3.0, 3.0, _rx(r"^(aanwezig(en)?|afwezig|afgemeld|verhinderd|met kennisgeving afwezig)\b|^(aanw|afw)\.\s*:|"
                              r"(?-i:\s(Aanwezig|Aanw\.|Afwezig|Afw\.)( zijn| waren| de (leden|heren|dames)| met kennisgeving)?\s*:)")),
    ("minutes", 0.6, 2.4, _rx(r"(^|\s)(\(?actie\)?\s*:?\s*[A-Z]|actie(punt)?\s*:)|\(actie\)|\bactie allen\b")),
    ("minutes", 0.5, 2.0, _rx(r"\b(deelt mee|merkt op|licht toe|antwoordt|geeft aan dat|vraagt (of|naar)|constateert|"
                              r"opent de vergadering|sluit de vergadering|het verslag wordt vastgesteld|"
                              r"het verslag is akkoord|stelt aan de orde|ik open (hierbij )?de \w+|(ik )?geef (ik )?het woord aan|"
                              r"het woord is aan|dames en heren)\b")),
    ("minutes", 1.5, 1.5, _rx(r"^(notulist|verslaglegging|voorzitter)\b")),
    ("decision_list", 0.7, 3.5, _rx(r"^(besluit|besloten|besluiten|conclusie)\s*:|\b(aangenomen|verworpen|"
                                    r"unaniem|zonder hoofdelijke stemming|hamerstuk|conform (voorstel|besloten))\b")),
    # the result block of a meeting portal ("Stemuitslag" / "voor 92%") and an outcome label on its own line
    ("decision_list", 2.0, 4.0, _rx(r"^(stemuitslag|uitslag stemming)\s*:?\s*$|^(voor|tegen)\s+\d{1,3}\s*%$")),
    ("decision_list", 0.8, 2.4, _rx(r"^besluit\s*:?\s*$")),
    ("action_list", 0.5, 3.0, _rx(r"^(actie|actiepunt|nr\.?|wie|wat|wanneer|deadline|status|eigenaar|gereed)\b.*"
                                  r"\b(wie|wat|wanneer|deadline|status|eigenaar|actiehouder|gereed)\b")),
    ("agenda", 1.0, 3.0, _rx(r"^(\d{1,2}[.)]?\s*)?(opening|vaststell?ing (van )?de agenda|rondvraag|sluiting|mededelingen|"
                             r"ingekomen stukken|opening en mededelingen|spreekrecht( burgers)?|vragenkwartier)\.?\s*$")),
    ("proposal", 1.5, 4.5, _rx(r"^(voorstel|beslispunten|gevraagd besluit|te nemen besluit|beslissing|ontwerpbesluit|"
                               r"portefeuillehouder|besluit)\s*:|^(beslispunten|gevraagd besluit|te nemen besluit)\b|"
                               r"\b(stelt|stellen) (de raad|provinciale staten|het algemeen bestuur|het dagelijks bestuur|"
                               r"u) voor\b|\b(stellen|stelt) (wij|het college|het dagelijks bestuur) (u|de raad) voor\b|^het college( van [\w& ]{3,50}?)? stelt\b|^(samenvatting van het voorgestelde besluit)")),
    ("memo", 3.0, 3.0, _rx(r"\b(in )?(deze|dit) (memo|notitie|beslisnota|informatienota|nota)\b")),
    ("memo", 1.0, 3.0, _rx(r"^(aanleiding|geadviseerd besluit|kern|advies|krachtenveld|politieke context|"
                           r"ter (besluitvorming|informatie|advisering|kennisname|bespreking))\s*:?\s*$")),
    ("letter", 3.0, 3.0, _rx(r"^(hoog)?geachte?\b|(?-i:\s(Hoog)?Geachte? ([a-z]+ ){0,2}(college|heer|heren|mevrouw|raad|"
                             r"raadsleden|leden|voorzitter|dames|bestuur|commissie)\b)")),
    ("letter", 2.0, 2.0, _rx(r"^(met (vriendelijke|hartelijke) groet(en)?|hoogachtend)\b")),
    ("letter", 0.7, 1.4, _rx(r"^(ons kenmerk|uw kenmerk|uw brief van|betreft)\b|(?-i:\s(Ons|Uw) kenmerk\b)")),
    ("letter", 3.0, 3.0, _rx(r"^(met|in) deze brief (informeren|geven|reageren|antwoorden|sturen|vragen|laten)\b")),
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
    ("budget", 3.0, 3.0, _rx(r"\b(dit|deze|het) (onderdeel|paragraaf|hoofdstuk|bijlage) (van|bij) de (programma|meerjaren)?"
                             r"(begroting|jaarrekening|jaarstukken|voorjaarsnota|najaarsnota)\b")),
    ("budget", 0.4, 3.0, _rx(r"^(lasten|baten|saldo|totaal (lasten|baten)|reserves?|begrotingssaldo|"
                             r"exploitatie|rekening \d{4}|begroting \d{4})\b")),
    ("policy_report", 1.0, 3.0, _rx(r"^(\d{1,2}\.?\s*)?(voorwoord|inleiding|samenvatting|inhoudsopgave|"
                                    r"conclusies?( en aanbevelingen)?|aanbevelingen|hoofdstuk \d+)\s*$")),
    # a press release or news item is no letter, whatever letter it quotes
    ("other", 5.0, 5.0, _rx(r"^(p ?e ?r ?s ?b ?e ?r ?i ?c ?h ?t|nieuwsbericht|persmededeling)\s*:?\s*$")),
    # a news article: a dateline ("ENSCHEDE - Het kabinet …"), people quoted in the third person
    ("other", 3.0, 3.0, _rx(r"(?-i:^[A-Z][A-Z'’.-]{2,25}(?: [A-Z][A-Z'’.-]+){0,2} [-–] +[A-Z])")),
    ("other", 1.5, 3.0, _rx(r"[”\"]\s*,?\s*(zegt|zei|aldus|vertelt|vertelde|reageert|reageerde|schrok|laat \w+ weten)\b"
                            r"|\baldus (?-i:[A-Z])\w+")),
    # a news site's article about a meeting: its byline and sharing lines
    ("other", 4.0, 8.0, _rx(r"^(geschreven door|door (de )?redactie\b|redactie:|gepubliceerd op|lees (ook|meer)\b|"
                            r"deel (dit|deze) (artikel|bericht|pagina)|reacties? \(\d+\)|foto:|(terug )?naar (het )?(nieuws)?overzicht\s*$)")),
    # files that are no governance document: READMEs, licences, code, changelogs
    ("other", 1.0, 4.0, _rx(r"^#{1,6} \S|^```|^\|\s*-{3,}\s*\||^\s*(\$ )?(pip|npm|git|docker|make|cargo) [a-z]")),
    ("other", 6.0, 6.0, _rx(r"permission is hereby granted|licensed under the|(apache|mit|bsd|mozilla public) license|"
                            r"gnu (lesser |affero )?general public license|the software is provided \"as is\"")),
    ("other", 1.0, 5.0, _rx(r"^(def |class \w+[(:]|import \w|from [\w.]+ import |function \w+\(|const \w+ ?=|"
                            r"#include|public (static |class )|package \w)")),
    ("other", 3.0, 6.0, _rx(r"^#* ?(changelog|release notes|unreleased)\b|^(#+ ?\[?v?|\[v?|v)\d+\.\d+(\.\d+)?\]?( - \d{4}-\d\d-\d\d)?\s*$")),
]

# the body rules an agenda with attendance and narrative (minutes after all) is told by
_ATTENDANCE_RULE, _NARRATIVE_RULE = 0, 2

# Outcomes recorded per agenda item: an agenda carrying them is the record of the meeting.
_OUTCOME_LABEL = _rx(r"(?:^|[\s.;(])(besluit|besloten|afspraak|afspraken|afgesproken|actie|actiepunt|conclusie|uitkomst)"
                     r"\s*:\s*(\S.*)")
# the label after these words asks for a decision rather than recording one
_REQUESTED = _rx(r"(voorgesteld|gevraagd|te nemen|ontwerp-?|concept-?|beoogd)\s*$")
_OUTCOME_VERB = _rx(r"\b(is|wordt|worden|zijn|werd|werden)\s+(\w+\s+)?(vastgesteld|aangenomen|besloten|afgesproken|"
                    r"goedgekeurd|verworpen|ingestemd)\b|\b(afgesproken|besloten) (wordt|is|dat)\b|"
                    r"\bconform (voorstel|besloten)\b|\bhamerstuk\b")
_NARRATIVE = _rx(r"\b(heeft|hebben|is|zijn|wordt|werd)\b.*\b(toegelicht|gevraagd|gegeven|besproken|aangegeven|"
                 r"opgemerkt|gemeld|benadrukt)\b|\b(licht toe|geeft aan|merkt op|vraagt|antwoordt|deelt mee)\b")


def _outcomes(nb: list[_Line]) -> tuple[float, int]:
    """(weight of recorded outcomes, number of lines reporting discussion) in a part's lines."""
    score = 0.0
    narrative = 0
    for ln in nb:
        for m in _OUTCOME_LABEL.finditer(ln.s):
            if _REQUESTED.search(ln.s[:m.start(1)]):
                continue
            if re.search(r"\bte \w+en\b", m.group(2)):  # "Besluit: ... vast te stellen" is a proposal
                continue
            score += 1
        if _OUTCOME_VERB.search(ln.s):
            score += 0.5
        if _NARRATIVE.search(ln.s):
            narrative += 1
    return score, narrative


# A page flattened to one line is read as its sentences, so that line-start cues still count.
_FLAT_LINE = 400
_SENTENCE_BREAK = re.compile(r"(?<=[.!?:;])\s+(?=[\"“'‘(]?[A-Z0-9])")


def _rule_hits(ln: _Line) -> tuple[tuple[int, int], ...]:
    """(body rule index, times) for each rule a line matches, computed once per line.
    A flattened line counts each of its sentences that holds the cue."""
    if ln.body_hits is None:
        pieces = _SENTENCE_BREAK.split(ln.s) if len(ln.s) > _FLAT_LINE else [ln.s]
        hits = []
        for k, rule in enumerate(_BODY_RULES):
            times = sum(1 for piece in pieces if rule[3].search(piece))
            if times:
                hits.append((k, times))
        ln.body_hits = tuple(hits)
    return ln.body_hits


def classify(text: str) -> tuple[str, dict[str, float]]:
    """Type of one logical document from its text: (type, scores per type)."""
    doc = _Doc(Text(text=text, pages=[], media_type="text/plain"))
    return _classify_range(doc, 0, len(doc.lines), None)


def _classify_range(doc: _Doc, a: int, b: int, hint: str | None, hint_weight: float = 5.0) -> tuple[str, dict[str, float]]:
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
    hits = [0.0] * len(_BODY_RULES)
    for ln in nb:
        for k, times in _rule_hits(ln):
            hits[k] = min(_BODY_RULES[k][2], hits[k] + _BODY_RULES[k][1] * times)
    for k, v in enumerate(hits):
        scores[_BODY_RULES[k][0]] += v
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
        # a weak title ("Vergadering 9 februari") hints less than a named kind ("Agenda", "Verslag")
        scores[hint] += 2.5 if hint_weight >= 4 else 1.0
    scores["other"] = max(scores["other"], 1.5)
    if a < len(doc.lines) and PORTAL_HEAD.match(doc.text.text, doc.lines[a].start):
        # a meeting portal's page lists the items; with a "Besluit" under items it records what was decided
        # ("Besluit" on a line of its own, or a button label glued to the item's title: "… vast te stellen.  Besluit")
        decided = any(re.fullmatch(r"besluit\s*:?", ln.s, re.I) or re.search(r"\S {2,}besluit\s*:?$", ln.s, re.I)
                      for ln in nb)
        kind = "decision_list" if decided else "agenda"
        scores[kind] = max(scores.values()) + 1
    best = max(TYPES, key=lambda t: (scores[t], -TYPES.index(t)))
    if best == "agenda":
        # an agenda whose items carry their outcome ("Besluit: vastgesteld") records the meeting:
        # minutes when it also reports the discussion, else a decision list
        outcome, narrative = _outcomes(nb)
        attendance = hits[_ATTENDANCE_RULE] > 0 and hits[_NARRATIVE_RULE] > 0  # who was there, what they said or did
        if attendance and not outcome >= 2:
            best = "minutes"
            scores[best] = scores["agenda"] + 1
        elif outcome >= 2:
            best = "minutes" if narrative >= 2 or scores["minutes"] >= 2 else "decision_list"
            scores[best] = scores["agenda"] + 1
    return best, scores
