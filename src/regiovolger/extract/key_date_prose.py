"""Key dates written in running prose, as candidates when the listed forms found none for the day.

Letters, memos and minutes announce what comes in ordinary sentences: "Op 9
oktober besluiten Provinciale Staten over het voorstel", "De PS-agenda wordt
5 december gepubliceerd", "Het project dient uiterlijk 1 maart 2022 te zijn
afgerond", "bespreking in de commissie op 17 juni". A sentence counts when a
date in it lies after the document's own date (or, without one, the sentence
speaks of the future) and it names a meeting, an event, a decision to come or
a deadline. Such facts get a lower confidence than listed dates: staff review
them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..document import Part, Text
from .sentences import ANNOUNCED, When, clean, dates_in, sentence_spans

CONFIDENCE = 0.55
REPORT_CONFIDENCE = 0.45  # in forms, programmes, reports and budgets: staff review each one
FUTURE = re.compile(r"(?i)\b(?:a\.?s\.?|aanstaande|zal|zullen|gaat|gaan|volgt|volgen|gepland|planning|verwacht|uiterlijk"
                    r"|v[óo]{2}r|deadline|termijn|volgende|komende|eerstvolgende|vanaf|per|tot\s+en\s+met|t/m"
                    r"|van\s+kracht|in\s+werking)(?!\w)")
CUE = re.compile(r"(?i)(?:vergader|bijeenkomst|overleg|(?-i:AO|SO|WGO)\b|debat|sessie|commissie|raad\b|staten|bestuur|college|congres|conferentie"
                 r"|werkbezoek|avond|besluit|beslu?iten|behandel|bespre|publicatie|gepubliceerd|vaststell|vastgesteld|indien"
                 r"|ingediend|afgerond|afronding|inwerkingtreding|in\s+werking|oplevering|opening|start|aanvang|deadline"
                 r"|termijn|uiterlijk|inzage|zienswijze|reactie|informeren|terugkoppel|rapportage|evaluatie|openstelling|van\s+kracht|treedt|treden)")
PAST = re.compile(r"(?i)\b(?:heeft|hebben|had|hadden|was|waren|werd|werden|jl\.?|j\.l\.|jongstleden|afgelopen)(?!\w)")
# a perfect tense with "is"/"zijn" looks back ("is op 27 januari gestart"), unless it plans ("is gepland op")
PERFECT = re.compile(r"(?i)\b(?:is|zijn)\b(?:\s+[\w-]+){0,6}?\s+ge[a-z]+(?:d|t|en)\b(?!\s+(?:op|in|voor|om)\b)")
HEADER = re.compile(r"(?i)^\W*(?:aldus|datum|aanvang|tijd|plaats|locatie|kenmerk|verzonden|ons\s+kenmerk|uw\s+kenmerk|onderwerp"
                    r"|vergadering\s+van|verslag|notulen|besluitenlijst|agenda)\b")
MAX_TITLE = 160
HORIZON_MONTHS = 9
RANGE_JOIN = re.compile(r"(?i)\s*(?:tot(?:\s+en\s+met)?|t/m|-|–|en)\s*")
# a date said not to hold: "een termijn tot 31 augustus blijkt moeilijk haalbaar", "de bijeenkomst vervalt"
CALLED_OFF = re.compile(r"(?i)\b(?:niet|moeilijk|lastig|nauwelijks)\s+haalbaar\b|\bvervalt\b|\bvervallen\b|\bgaat\s+niet\s+door\b"
                        r"|\bafgelast\b|\bgeannuleerd\b|\bgeschrapt\b")
# a promise or task with its due date: the date is the commitment's or action's "due", not a key date
OWED = re.compile(r"(?i)\b(?:zeg(?:t|gen)\s+(?:\w+\s+){0,8}?toe|toegezegd|toezegging|actie\s*:|stemt\s+in\s+met|besluit\s*:)")
# "met als nieuwe deadline 1 januari 2023": a date named a deadline is a key date even in a promise
NAMED_DEADLINE = re.compile(r"(?i)\b(?:deadline|uiterste\s+(?:datum|termijn)|fatale\s+termijn)\s*(?:is|van|op|:)?\s*\d")
LOOKED_BACK = re.compile(r"(?i)\s*(?:jl\b|j\.l\.|jongstleden|l\.l\.)")
# "per 9 juli 2015 te herbenoemen": the date a decision takes effect, not an event to follow
EFFECTIVE = re.compile(r"(?i)\b(?:per|met\s+ingang\s+van|m\.i\.v\.?|ingaande)\s+$")


_DAYS_BEFORE = re.compile(r"((?:\d{1,2}\s*,\s*)*\d{1,2})\s+(?:en|&)\s+$")


def _with_enumerated_days(t: str, s: int, found: list) -> list:
    """"Op 15, 16 en 17 mei 2017 vergaderen de commissies": the days before the full date are dates too."""
    out = []
    for w in found:
        m = _DAYS_BEFORE.search(t, max(s, w.start - 40), w.start)
        if w.date and m:
            base = m.start(1)
            for d in re.finditer(r"\d{1,2}", m.group(1)):
                try:
                    iso = dt.date(int(w.date[:4]), int(w.date[5:7]), int(d.group(0))).isoformat()
                except ValueError:
                    continue
                out.append(When(iso, d.group(0), base + d.start(), base + d.end(), w.tentative, None))
        out.append(w)
    return out


def _months_between(a: str, b: str) -> int:
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7])


def _clause(t: str, s: int, e: int, ds: int, de: int) -> str:
    """The clause holding a date: between the colons or semicolons around it."""
    left = max(t.rfind(":", s, ds), t.rfind(";", s, ds))
    rights = [i for i in (t.find(":", de, e), t.find(";", de, e)) if i != -1]
    return t[(left + 1 if left != -1 else s):(min(rights) if rights else e)]


def _title(t: str, s: int, e: int, ds: int, de: int) -> str:
    """The sentence, or when long the words around the date."""
    if len(clean(t[s:e])) <= MAX_TITLE:
        return clean(t[s:e])
    a, b = max(s, ds - MAX_TITLE + 60), min(e, de + 60)
    words = clean(t[a:b])
    return ("… " if a > s else "") + words + (" …" if b < e else "")


def prose_key_dates(text: Text, part: Part, ref: str | None, taken: list[tuple[int, int]], known: set[str]) -> list[tuple]:
    """(When, start, end, title) for dates announced in sentences of ``part`` that no list gave."""
    t = text.text
    dated = replace(part, date=part.date or ref)  # completes "17 juni" with the document's year
    out = []
    for s, e in sentence_spans(t, part.start, part.end):
        if any(s < b and e > a for a, b in taken) or e - s > 300:
            continue
        sentence = t[s:e]
        if HEADER.match(sentence) or sentence.rstrip().endswith("?") or not CUE.search(sentence) \
                or CALLED_OFF.search(sentence) or (OWED.search(sentence) and not NAMED_DEADLINE.search(sentence)):
            continue
        future = FUTURE.search(sentence)
        own_deadline = NAMED_DEADLINE.search(sentence)  # each point's own deadline, even on a day named before
        previous_end, enumerated = None, False
        for w in _with_enumerated_days(t, s, dates_in(t, s, e, dated)):
            range_end = previous_end is not None and RANGE_JOIN.fullmatch(t, previous_end, w.start) and not enumerated
            previous_end, enumerated = w.end, w.match is None
            if w.date is None and not range_end and ANNOUNCED.search(t, w.end, min(e, w.end + 12)) \
                    and not ref and w.text not in known:
                known.add(w.text)  # "op 10 juli a.s." in an undated memo: the day without its year
                out.append((w, s, e, _title(t, s, e, w.start, w.end)))
                continue
            if not w.date or (w.date in known and not own_deadline) or range_end:
                continue  # "van 1 september tot 1 maart": the window opens on its first day
            if ref and (w.date < ref or (w.date == ref and not ANNOUNCED.match(t, w.end, e))):
                continue  # "op 12 december a.s." in a letter of 12 December is that day's meeting still to come
            clause = _clause(t, s, e, w.start, w.end)
            near = t[max(s, w.start - 80):min(e, w.end + 80)]
            if not CUE.search(near) or EFFECTIVE.search(t[max(s, w.start - 12):w.start]):
                continue  # the date must be that of the meeting, event or deadline named beside it
            ahead = bool(ref and w.match is not None and w.match.year and w.date > ref)
            if PAST.search(clause) and not FUTURE.search(clause) and not ahead:
                # "Vrijdag 20 december heeft de Ministerraad … verzonden" looks back; a full date after the
                # document's own ("wij hebben hen gewezen op de vergadering van 18 september 2024") does not
                continue
            scheduled = w.match is not None and w.match.year is None and not PERFECT.search(clause)
            if not ref and not future and not scheduled:
                continue  # without the document's own date, what is written as still to come, or a day of this
                # year in the present tense of a schedule ("Op 22 juni debatteert de raad"; its year from the
                # text's weekdays), not a perfect ("is op 3 maart vastgesteld")
            if LOOKED_BACK.match(t, w.end, e):
                continue  # "4 november jl."
            if ref and w.match is not None and w.match.year is None and not FUTURE.search(clause) \
                    and _months_between(ref, w.date) > HORIZON_MONTHS:
                continue  # a year left out: far-off days are likelier last year's than next year's
            known.add(w.date)
            out.append((w, s, e, _title(t, s, e, w.start, w.end)))
    return out
