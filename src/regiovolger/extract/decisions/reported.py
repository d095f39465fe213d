"""Decisions reported as taken, and the deciding body acting in the present tense.

Reads "Gedeputeerde Staten hebben op 17 juli besloten …", "is door GS
vastgesteld", "is de motie … unaniem aangenomen", "hebben een
voorbereidingsbesluit genomen" in letters and other documents, and "Gedeputeerde
Staten verlengen de subsidietermijn …", "Het college kent een subsidie toe …".
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import sentence_spans
from .facts import BACKGROUND, DRAFT_HEADING, NOT_TAKEN, make_decision, overlaps

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
    r"|\b(?:heeft|hebben)\s+(?:[\w.,()-]+\s+){0,8}?in\s+behandeling\s+genomen\b"
    # the simple past of a report: "Het Comité keurde op 14 maart vier projecten goed", "De raad stelde … vast"
    r"|\b(?:keurde|keurden)\b[^.;:?]{0,160}?\bgoed\b|\b(?:stelde|stelden)\b[^.;:?]{0,160}?\bvast\b"
    r"|\b(?:stemde|stemden)\s+(?:\w+\s+){0,4}?in\s+met\b"
    # the body writing about its own policy: "We hebben de beoordelingscriteria aangescherpt"
    r"|\b(?:(?:wij|we)\s+hebben|hebben\s+(?:wij|we))\s+(?:[\w.,‘’'-]+\s+){0,10}?(?:aangepast|aangescherpt|toegevoegd"
    r"|gewijzigd|ingesteld|verlengd|ingetrokken|geschrapt)\b",
    re.I)
NOT_REPORTED = re.compile(r"(?i)\b(?:zal|zullen|zou|zouden|kan|kunnen|moet|moeten|wil|willen|indien|als\s+u|voorstel"
                          r"|afgesproken|gevraagd|verzocht|voornemens|ontwerp|zoals|geen|niet|nog\s+niet)\b|\?\s*$"
                          # "een voorgenomen besluit" is not taken yet; "het voorgenomen beleid vastgesteld" is
                          r"|\bvoorgenomen\s+(?:besluit|besluiten)\b(?!\s+(?:\w+\s+){0,3}?(?:genomen|vastgesteld))")




def reported_decisions(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    found = []
    for s, e in sentence_spans(t, part.start, part.end):
        sent = t[s:e]
        m = REPORTED.search(sent) if not overlaps(s, e, taken) and len(sent) <= 600 else None
        if not m:
            continue
        # the clause that reports the decision must not hedge it; a reason before it may ("Omdat … niet meer
        # voldoet …, heeft de raad besloten …")
        clause_start = max(sent.rfind(",", 0, m.start()), sent.rfind(";", 0, m.start())) + 1
        if NOT_REPORTED.search(sent[clause_start:]) or (clause_start == 0 and NOT_REPORTED.search(sent)):
            continue
        if sent[:1].islower():
            continue  # a fragment of a broken line or a lost bullet, not a sentence of its own
        d = make_decision(text, parts, s, e)
        d["reported"] = True
        found.append(d)
        taken.append((s, e))
    return found



def body_acts(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """"Gedeputeerde Staten kennen … toe", "De provincie draagt … bij": the body acting, in the present tense."""
    t = text.text
    found = []
    for s, e in sentence_spans(t, part.start, part.end):
        sent = t[s:e]
        if overlaps(s, e, taken) or len(sent) > 600 or not BODY_ACTS.match(sent):
            continue
        if NOT_TAKEN.search(sent) or NOT_REPORTED.search(sent) or BACKGROUND.search(sent):
            continue
        if re.search(r"(?i)\bbesluit(?:en)?\s*:", sent) or DRAFT_HEADING.search(t, part.start, s):
            continue  # "De raad besluit:" under "Ontwerpbesluit" is the decision proposed, not taken
        found.append(make_decision(text, parts, s, e))
        taken.append((s, e))
    return found
