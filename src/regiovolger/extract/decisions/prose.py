"""Decisions stated in the sentences of minutes and decision lists.

Reads "Het verslag wordt ongewijzigd vastgesteld", "stemt in met", "neemt
kennis van", "Besloten wordt", "in samenspraak wordt een termijn afgesproken",
the outcome line of a motion, an advisory committee's advice and a
conclusion; an agreed task ("Afgesproken wordt dat de secretaris …
agendeert") is left to the actions.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import BULLET, clean, sentence_spans
from .facts import (BACKGROUND, FRACTION_SUBJECT, NOT_TAKEN, against_line, clause_end, is_agreed_action, kind_of,
                    make_decision, overlaps)
from .reported import BODY_ACTS, REPORTED

# sentence-level triggers: a decision stated in prose
TRIGGER = re.compile(
    r"\bverslag\b[^.]{0,80}\b(?:is|wordt|worden)\s+(?:[\w.]+\s+){0,12}?(?:akkoord|vastgesteld|goedgekeurd)"
    r"|\b(?:wordt|worden|is|zijn)\s+(?:[\w.]+\s+){0,12}?(?:vastgesteld|goedgekeurd|aangenomen|aange\s+nomen|verworpen|afgewezen|aangehouden"
    r"|doorgeschoven|uitgesteld|verdaagd|aanvaard|afgevoerd|afgedaan)\b|\b(?:blijft|blijven)\s+(?:\w+\s+){0,3}?staan\b"
    r"|\bniet\s+(?:\w+\s+){0,2}?vastgesteld\b"
    r"|\bstem(?:t|men)\s+(?:\w+\s+){0,6}?in\b|\bne(?:emt|men)\s+(?:\w+\s+){0,3}?kennis\s+van\b|\bkennisgenomen\b"
    r"|\bne(?:emt|men)\s+(?:hier|daar)(?:van)?\s+(?:\w+\s+){0,3}?kennis\b|\bne(?:emt|men)\s+(?:met\s+\w+\s+)?kennis\b"
    r"|\b(?:kiest|kiezen|koos|kozen)\s+(?:(?:het|de)\s+[\w-]+\s+|\w+\s+){0,2}?voor\b(?!\s+(?:te|om)\b)"
    r"|(?<!\bhet\s)(?<!\been\s)(?<!\bdit\s)\bbesl(?:uit|uiten)\s+conform\s+(?:het\s+)?(?:voorstel|advies)|^\W*(?:conform|akkoord)\b"
    r"|\bstel(?:t|len)\s+.{0,200}?\bvast\b|\bkeurt\s+.{0,120}?\bgoed\b"
    r"|\b(?:gaa?t|gaan|gegaan|ging|gingen|zijn|is)\s+(?:\w+\s+){0,6}?akkoord\b|\bakkoord\s+gegaan\b|\b(?:is|zijn)\s+(?:besproken\s+en\s+)?akkoord\b"
    r"|\bbesl(?:uit|uiten|oot|oten)\s+(?:het|de)\s+(?:[\w-]+\s+){0,4}?(?:dat|om|tot)\s"  # "Vervolgens besluit het AB dat …"
    r"|\b[Bb]esloten\s+wordt\b|\bwordt\s+besloten\b|\b(?:heeft|hebben)\s+besloten\b|(?<!\bhet\s)(?<!\been\s)(?<!\bdit\s)(?<!\bdat\s)(?<!\bzijn\s)(?<!\bhaar\s)\bbesl(?:uit|uiten|oot)\s+(?:[\w€.,-]+\s+){0,14}?(?:om|te)\s"
    r"|\b(?:wordt|worden|is|zijn)\s+(?:\w+\s+){0,9}?afgesproken\b|^\W*(?:er\s+)?afgesproken\s+(?:wordt|is)\b|\baan\s+te\s+houden\b|\bspreken\s+af\b|\bovereengekomen\b|\bkomen\s+overeen\b"
    r"|\bals\s+hamerstuk\b|\bon\s*hold\b|\bkan\s+(?:hierin|daarin|hiermee|daarmee)\s+meegaan\b|\bvoor\s+kennisgeving\s+aangenomen\b"
    r"|^\W*(?:amendement|motie)\b[^:]{0,250}?:\s*(?:aangenomen|verworpen|aangehouden)\b",
    re.I | re.S)
# the advice of an advisory committee is its outcome ("De commissie adviseert het AB …")
ADVICE = re.compile(
    r"\W*(?:de|het)\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:commissie|adviesraad|raad\s+van\s+advies)\s+(?:\w+\s+){0,2}?"
    r"(?:adviseert|adviseren|brengt\s+(?:\w+\s+){0,2}?advies\s+uit|geeft\s+(?:\w+\s+){0,2}?advies\b)", re.I)
CONCLUDES = re.compile(r"\b(?:concludeert|concluderen|constateert|constateren)\s+dat\b", re.I)
AGREED = re.compile(r"\W*(?:er\s+)?(?:afgesproken|overeengekomen)\s+(?:wordt|is|werd)\s+dat\s+|\W*(?:afspraak|afspraken)\s*:\s*"
                    r"|\W*(?:de|het)\s+[\w\s-]{2,40}?\s+(?:spreekt|spreken)\s+af\s+dat\s+", re.I)



def decided_sentences(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    found = []
    for s, e in sentence_spans(t, part.start, part.end):
        if overlaps(s, e, taken):
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
        if agreed and is_agreed_action(sent[agreed.end():]):
            continue  # "Afgesproken wordt dat de secretaris … agendeert": an action
        if advice:
            if BACKGROUND.search(sent) or sent.rstrip().endswith("?"):
                continue
            d = make_decision(text, parts, s, e, "other")
            found.append(d)
            taken.append((s, e))
            continue
        scope = sent[:clause_end(sent, m.end())] if m else sent
        if NOT_TAKEN.search(scope) or BACKGROUND.search(sent):
            continue
        if FRACTION_SUBJECT.search(sent) and not re.search(r"\b(?:aan\s+te\s+houden|in\s+te\s+trekken|trekt\b)", sent, re.I):
            continue
        if re.match(r"(?i)\s*vastgesteld\s+(?:d\.d\.|op|in)\b", sent):
            continue
        d = make_decision(text, parts, s, e)
        if m:
            # "De agenda wordt gewijzigd vastgesteld: punt 9 wordt afgevoerd" is an adoption
            cs = max((x.end() for x in re.finditer(r"[:;]\s", sent[:m.start()])), default=0)
            ce = next((x.start() for x in re.finditer(r"[:;]\s", sent) if x.start() >= m.end()), len(sent))
            clause_kind = kind_of(sent[cs:ce])
            if clause_kind != "other":
                d["kind"] = clause_kind
        against = against_line(t, e, part.end)
        if against and "vote" not in d:
            d["vote"] = {"text": "", "for": None, "against": None, "unanimous": False,
                         "against_by": clean(against.group("who")).rstrip(".")}
        found.append(d)
        taken.append((s, e))
    return found

