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
from ..nl import vocabulary
from .dates import MONTHS
from .key_date_prose import CALLED_OFF, HEADER, OWED, _title
from .sentences import When, clean, dates_in, sentence_spans

CONFIDENCE = 0.5
MAX_TITLE = 300  # the whole sentence tells what happens in the period
_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "mei"), key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_WORDS = vocabulary("key_dates")["periods"]
_SEASON = "(?:" + "|".join(_WORDS["seasons"]) + ")"
# "eind 2019", "begin volgend jaar", "in het najaar", "in juli", "in het eerste kwartaal van 2018", "medio 2025",
# "na de zomer", "eind dit jaar", "in de loop van 2024", "eind 2020/begin 2021"
_ONE = (rf"(?:(?:begin|eind|einde|medio|half|halverwege|rond|in\s+de\s+loop\s+van|vanaf|uiterlijk|v[oó]{{2}}r|na)\s+)?"
        rf"(?:(?:het|de)\s+)?(?:(?:eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+(?:kwartaal|helft)(?:\s+van)?\s*|Q[1-4]\s*)?"
        rf"(?:(?:{_MONTH})(?:\s+{_YEAR})?|{_YEAR}|(?:dit|volgend|komend)e?\s+jaar|(?:eerste|laatste)\s+maanden\s+van\s+{_YEAR}|(?:(?:dit|komend|volgend)\s+)?{_SEASON}"
        rf"(?:\s+(?:van\s+)?{_YEAR})?)")
PERIOD = re.compile(rf"(?i)(?<![\w/-])(?P<p>{_ONE}(?:\s*(?:/|of|en|tot|-|–)\s*{_ONE})?)(?![\w/-])")
# a period needs a word that makes it one: "in juli", "eind 2019", "Q1 2025"; a bare year ("2019") is no key date
_ANCHOR = re.compile(rf"(?i)^(?:begin|eind|einde|medio|half|halverwege|rond|in\s+de\s+loop|vanaf|uiterlijk|v[oó]{{2}}r|na|"
                     rf"het|de|eerste|laatste|tweede|derde|vierde|1e|2e|3e|4e|Q[1-4]|dit|volgend|komend|{_SEASON})\b")
_IN_BEFORE = re.compile(r"(?i)\b(?:in|per|tegen|rond|vanaf|tot)\s+$")
# the sentence looks ahead: a future or planning verb
AHEAD = re.compile(r"(?i)\b(?:" + "|".join(_WORDS["ahead"]) + r")(?!\w)")
PAST_TENSE = re.compile(r"(?i)\b(?:heeft|hebben|had|hadden|was|waren|werd|werden|jl\.?|afgelopen|vorig(?:e)?)(?!\w)")
# what is to happen: an event, a decision or a milestone
EVENT = re.compile(r"(?i)(?:" + "|".join(_WORDS["events"]) + ")")

# a target or a measured figure for a year ("30% innovatieve woningbouw in 2026", "1,8 TWh in 2030")
TARGET = re.compile(r"(?i)\d\s*(?:" + "|".join(_WORDS["target_units"]) + r")|[$€£]\s*\d")
# a perfect with a separable verb looks back: "is in 2017 opgestart", "zijn eind 2019 afgerond"
DONE = re.compile(r"(?i)\b(?:is|zijn)\b(?:\s+[\w/-]+){0,6}?\s+(?!gepland|geagendeerd|voorzien)(?:[a-z]{2,6})?ge[a-z]{2,}(?:d|t)\b"
                  r"(?!\s+(?:op|in|voor|om)\b)")
# "moeten uiterlijk in 2025 zijn verleend": a perfect under a modal looks ahead
MODAL = re.compile(r"(?i)\b(?:moet|moeten|zal|zullen|dient|dienen)\b")
# an event named with its period needs no verb: "Tijdens de partnermeeting in mei 2025", "het congres in september"
EVENT_IN = re.compile(r"(?i)(?:" + "|".join(_WORDS["event_nouns"]) + r")\s+(?:in|op|rond)\s+$")


def _periods(sentence: str) -> list[re.Match]:
    out = []
    for m in PERIOD.finditer(sentence):
        p = m.group("p").strip()
        before, after = sentence[:m.start()], sentence[m.end():]
        after_in = _IN_BEFORE.search(before[-8:])
        bare_year = re.fullmatch(_YEAR, p)
        if not (after_in if bare_year else _ANCHOR.match(p) or after_in):
            continue  # a bare year counts only after "in", "per", "tot" …
        if bare_year and (re.match(r"\s*[-–/]\s*\d", after)  # "2019-2023": a span of years, not a moment
                          or re.search(r"(?i)\bvan\s+(?:\S+\s+){0,4}?$|\btot\s+$", before)
                          and re.search(rf"(?i)\bvan\b.*{_YEAR}.*\btot\b", sentence)):  # "een groei van 2016 tot 2025"
            continue
        if re.fullmatch(rf"(?i)(?:v[oó]{{2}}r|na)\s+(?:{_YEAR}|{_MONTH})", p):
            continue  # "het budget voor 2018", "de periode na april": a year or month spoken of, not a moment
        if re.match(rf"(?i){_MONTH}", p) and re.search(r"\d[ \t]*$", before):
            continue  # "1 januari": a day, read with the days
        out.append(m)
    return out


def _clause(t: str, s: int, e: int, ps: int, pe: int) -> str:
    """The clause around a period: between the commas, semicolons and colons around it (a relative clause
    "die eind 2025 gereed moet zijn" keeps its antecedent)."""
    left = max(t.rfind(x, s, ps) for x in ",;:")
    rights = [i for i in (t.find(x, pe, e) for x in ",;:") if i != -1]
    return t[(left + 1 if left != -1 else s):(min(rights) if rights else e)]


def _headline(t: str, s: int, e: int) -> bool:
    return e - s <= 120 and not t[s:e].rstrip().endswith((".", "!", "?"))


def period_key_dates(text: Text, part: Part, taken: list[tuple[int, int]], ref: str | None) -> list[tuple]:
    """(When, start, end, title) for periods announced in sentences of ``part`` that no other reader took;
    ``ref`` is the document's own date, when known (a period in an earlier year lies behind it)."""
    t = text.text
    out: list[tuple] = []
    seen: dict[str, tuple] = {}
    for s, e in sentence_spans(t, part.start, part.end):
        if any(s < b and e > a for a, b in taken) or e - s > 800:
            continue
        sentence = t[s:e]
        if HEADER.match(sentence) or sentence.rstrip().endswith("?") or CALLED_OFF.search(sentence) \
                or OWED.search(sentence) or TARGET.search(sentence):
            continue
        eventful = AHEAD.search(sentence) and EVENT.search(sentence)
        title = clean(sentence)
        # a day without a year the text cannot tell ("6 juni gaan we …") is kept as written, like a period
        days = [w for w in dates_in(t, s, e, part) if w.date is None and w.match is not None and w.match.day]
        found = [(s + m.start("p"), s + m.end("p")) for m in _periods(sentence)] + [(w.start, w.end) for w in days]
        for ps, pe in sorted(found):
            # the clause around the period must look ahead to an event: "Begin 2025 moeten we het proces
            # oplijnen, dit is ook afgesproken" announces, whatever its other clause says
            clause = _clause(t, s, e, ps, pe)
            if PAST_TENSE.search(clause) or (DONE.search(clause) and not MODAL.search(clause)):
                continue
            if not eventful and not EVENT_IN.search(t[max(s, ps - 40):ps]):
                continue
            years = [int(y) for y in re.findall(_YEAR, t[ps:pe])]
            if ref and years and max(years) < int(ref[:4]):
                continue
            article = re.match(r"(?i)(?:in\s+)?(?:het|de)\s+", t[ps:pe])
            ps += article.end() if article else 0
            item = (When(None, t[ps:pe], ps, pe, True, None), s, e,
                    title if len(title) <= MAX_TITLE else _title(t, s, e, ps, pe))
            key = re.sub(r"\W+", " ", t[ps:pe].casefold()).strip()
            if key in seen and _headline(t, seen[key][1], seen[key][2]):
                # a headline and its lead name the same period: the lead is kept
                out[out.index(seen[key])] = seen[key] = item
                continue
            seen[key] = item
            out.append(item)
    return out
