"""Key dates written as a period, not a day: "De opening wordt voorzien in het eerste kwartaal van 2018",
"Eind november presenteren provincie en gemeenten de atlas", "In het najaar volgt de definitieve
besluitvorming", "Doel is om eind 2019 met de bouw te beginnen".

News items, letters and minutes announce what comes this way far more often than with a day. Such a
sentence counts when it looks ahead (a future or planning verb, or the present tense of a schedule, and no
past tense) and names an event, a decision or a milestone; the key date has no day (``date`` null) and keeps
the period as written (``date_text``). Reviewed at a lower confidence than dated announcements.
"""

from __future__ import annotations

import re

from ..document import Part, Text
from .dates import MONTHS
from .key_date_prose import CALLED_OFF, HEADER, OWED, PERFECT, _title
from .sentences import When, dates_in, sentence_spans

CONFIDENCE = 0.5
_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_SEASON = r"(?:voorjaar|zomer|najaar|winter|zomervakantie|kerstvakantie|jaarwisseling)"
# "eind 2019", "begin volgend jaar", "in het najaar", "in juli", "in het eerste kwartaal van 2018", "medio 2025",
# "na de zomer", "eind dit jaar", "in de loop van 2024", "eind 2020/begin 2021"
_ONE = (rf"(?:(?:begin|eind|einde|medio|half|halverwege|rond|in\s+de\s+loop\s+van|vanaf|uiterlijk|v[oó]{{2}}r|na)\s+)?"
        rf"(?:(?:het|de)\s+)?(?:(?:eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+(?:kwartaal|helft)(?:\s+van)?\s*|Q[1-4]\s*)?"
        rf"(?:(?:{_MONTH})(?:\s+{_YEAR})?|{_YEAR}|(?:dit|volgend|komend)\s+jaar|(?:(?:dit|komend|volgend)\s+)?{_SEASON}"
        rf"(?:\s+(?:van\s+)?{_YEAR})?)")
PERIOD = re.compile(rf"(?i)(?<![\w/-])(?P<p>{_ONE}(?:\s*(?:/|of|en|tot|-|–)\s*{_ONE})?)(?![\w/-])")
# a period needs a word that makes it one: "in juli", "eind 2019", "Q1 2025"; a bare year ("2019") is no key date
_ANCHOR = re.compile(rf"(?i)^(?:begin|eind|einde|medio|half|halverwege|rond|in\s+de\s+loop|vanaf|uiterlijk|v[oó]{{2}}r|na|"
                     rf"het|de|eerste|tweede|derde|vierde|1e|2e|3e|4e|Q[1-4]|dit|volgend|komend|{_SEASON})\b")
_IN_BEFORE = re.compile(r"(?i)\b(?:in|per|tegen|rond|vanaf|tot)\s+$")
# the sentence looks ahead: a future or planning verb
AHEAD = re.compile(r"(?i)\b(?:zal|zullen|gaat|gaan|volgt|volgen|verwacht|voorzien|gepland|planning|streven|streeft|doel\s+is"
                   r"|moet|moeten|dient|dienen|naar\s+verwachting|wil|willen|komt|komen|start|starten|begint|beginnen"
                   r"|presenteert|presenteren|besluit|besluiten|beslist|beslissen|behandelt|behandelen|opent|openen"
                   r"|wordt|worden|vergadert|vergaderen|bijeen)(?!\w)")
PAST_TENSE = re.compile(r"(?i)\b(?:heeft|hebben|had|hadden|was|waren|werd|werden|jl\.?|afgelopen|vorig(?:e)?)(?!\w)")
# what is to happen: an event, a decision or a milestone
EVENT = re.compile(r"(?i)(?:vergader|bijeenkomst|overleg|debat|sessie|raad\b|staten|bestuur|college|besluit|beslu?it|beslis"
                   r"|behandel|bespre|presente|publicatie|gepubliceerd|vaststell|vastgesteld|ondertek|opening|geopend|open(?:en|t)\b"
                   r"|start|gestart|begin|aanvang|bouw|oplevering|opgeleverd|in\s+gebruik|gereed|klaar|afgerond|afronding|voltooi"
                   r"|bekend|verschijn|inwerking|in\s+werking|van\s+kracht|ingevoerd|invoering|aanbested|gegund|uitgevoerd|uitvoering"
                   r"|werkzaamheden|verhuiz|sluit|informeren|rapport|evaluatie|zienswijze|inzage|aanvra|indienen|ingediend"
                   r"|overgenomen|overname|verwacht|volgt|praten|gesprek)")

# a target or a measured figure for a year ("30% innovatieve woningbouw in 2026", "1,8 TWh in 2030")
TARGET = re.compile(r"(?i)\d\s*(?:%|procent\b|twh\b|gwh\b|mw\b|ha\b|hectare\b|woningen\b|banen\b)")
# a perfect with a separable verb looks back: "is in 2017 opgestart", "zijn eind 2019 afgerond"
DONE = re.compile(r"(?i)\b(?:is|zijn)\b(?:\s+[\w/-]+){0,6}?\s+(?:[a-z]{2,6})?ge[a-z]{2,}(?:d|t)\b(?!\s+(?:op|in|voor|om)\b)")


def _periods(sentence: str) -> list[re.Match]:
    out = []
    for m in PERIOD.finditer(sentence):
        p = m.group("p")
        anchored = _ANCHOR.match(p) or _IN_BEFORE.search(sentence[max(0, m.start() - 8):m.start()])
        if not anchored or re.fullmatch(_YEAR, p.strip()) and not _IN_BEFORE.search(sentence[max(0, m.start() - 8):m.start()]):
            continue
        if re.fullmatch(rf"(?i){_YEAR}", p.strip()) and re.match(r"\s*[-–/]\s*\d", sentence[m.end():]):
            continue  # "2019-2023": a span of years, not a moment
        if re.fullmatch(rf"(?i)(?:v[oó]{{2}}r|na)\s+{_YEAR}", p.strip()):
            continue  # "het budget voor 2018", "na 2018 ook structureel": a year spoken of, not a moment
        if re.fullmatch(rf"(?i)(?:v[oó]{{2}}r|na)\s+(?:{_MONTH})", p.strip()):
            continue  # "de periode na april": a month spoken of
        if re.search(r"\d[ \t]*$", sentence[:m.start()]):
            continue  # "1 januari": a day, read with the days
        out.append(m)
    return out


def period_key_dates(text: Text, part: Part, taken: list[tuple[int, int]], ref: str | None) -> list[tuple]:
    """(When, start, end, title) for periods announced in sentences of ``part`` that no other reader took;
    ``ref`` is the document's own date, when known (a period in an earlier year lies behind it)."""
    t = text.text
    out: list[tuple] = []
    seen: dict[str, tuple] = {}
    for s, e in sentence_spans(t, part.start, part.end):
        if any(s < b and e > a for a, b in taken) or e - s > 300:
            continue
        sentence = t[s:e]
        if HEADER.match(sentence) or sentence.rstrip().endswith("?") or CALLED_OFF.search(sentence) \
                or OWED.search(sentence) or PAST_TENSE.search(sentence) or PERFECT.search(sentence):
            continue
        if not (AHEAD.search(sentence) and EVENT.search(sentence)) or TARGET.search(sentence) \
                or DONE.search(sentence):
            continue
        # a day without a year the text cannot tell ("6 juni gaan we …") is kept as written, like a period
        days = [w for w in dates_in(t, s, e, part) if w.date is None and w.match is not None and w.match.day]
        found = [(s + m.start("p"), s + m.end("p")) for m in _periods(sentence)] + [(w.start, w.end) for w in days]
        if not found:
            continue
        for ps, pe in sorted(found):
            years = [int(y) for y in re.findall(_YEAR, t[ps:pe])]
            if ref and years and max(years) < int(ref[:4]):
                continue
            article = re.match(r"(?i)(?:het|de)\s+", t[ps:pe])
            ps += article.end() if article else 0
            item = (When(None, t[ps:pe], ps, pe, True, None), s, e, _title(t, s, e, ps, pe))
            key = re.sub(r"\W+", " ", t[ps:pe].casefold()).strip()
            if key in seen:
                # a headline and its sentence name the same period: the sentence (the longer) is kept
                if e - s > seen[key][2] - seen[key][1]:
                    out[out.index(seen[key])] = seen[key] = item
                continue
            seen[key] = item
            out.append(item)
    return out
