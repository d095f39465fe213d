"""Dutch dates as governance documents write them (used by segment and extract).

``find_dates`` returns every date expression with its offsets: full dates
("maandag 6 juli 2020", "18-12-2024", "18.12.2024", "2024-12-18"), dates without
a year ("30 januari", completed from ``default_year`` when given), and vague
ones kept as text with ``date=None`` ("Q1 2025", "eind oktober", "najaar 2024").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:e|ste|de)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

WRITTEN = re.compile(
    rf"(?:(?:{WEEKDAYS}),?\s+)?\b{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?(?!\w)", re.IGNORECASE)
# "januari 2025", "mei 2024 t/m december 2026": a month without its day
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}(?!\w)", re.IGNORECASE)
NUMERIC = re.compile(
    r"(?<![\d.,/€-])(?<!€ )(?P<day>[0-3]?\d)(?P<sep>[-./])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)(?![\d,]|\.\d)")
ISO = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
QUARTER = re.compile(r"\b(?:Q(?P<q>[1-4])|(?P<qn>eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+kwartaal)"
                     r"(?:\s+(?:van\s+)?" + _YEAR + r")?\b", re.IGNORECASE)
VAGUE = re.compile(
    r"\b(?P<when>begin|eind|einde|medio|half|halverwege|voor|na|uiterlijk|vóór)\s+"
    rf"(?:{_MONTH}(?:\s+{_YEAR})?|{_YEAR.replace('year', 'year3')})\b"
    r"|\b(?P<season>voorjaar|zomer|najaar|winter|(?:eerste|tweede)\s+helft)\s+(?:van\s+)?" + _YEAR.replace("year", "year2"),
    re.IGNORECASE)
TENTATIVE = re.compile(r"onder\s+voorbehoud|voorlopig|n\.?t\.?b\.?|nog\s+te\s+bepalen|o\.?v\.?b\.?|tentatief|indicatief",
                       re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    date: dt.date | None  # None when the day is not known
    year: int | None
    month: int | None
    day: int | None
    tentative: bool = False

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _make(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    return y + 2000 if y < 100 else y


def _tentative(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end != -1 else len(text)]
    return bool(TENTATIVE.search(line))


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(m: re.Match, year, month, day, exact: bool = True) -> None:
        s, e = m.span()
        if not free(s, e):
            return
        date = _make(year, month, day) if exact else None
        if exact and date is None and day is not None and year is not None:
            return  # "31-02-2024" is not a date
        taken.append((s, e))
        found.append(DateMatch(s, e, m.group(0), date, year, month, day, _tentative(text, s, e)))

    for m in ISO.finditer(text):
        add(m, int(m["year"]), int(m["month"]), int(m["day"]))
    written = list(WRITTEN.finditer(text))
    # "3 april, 26 juni en 2 oktober 2025": a list of days shares the year written after the last one
    shared: dict[int, int] = {}
    for i in range(len(written) - 1, -1, -1):
        m = written[i]
        if m["year"]:
            continue
        nxt = written[i + 1] if i + 1 < len(written) else None
        # "… en …", and a range "10 februari tot en met 24 maart 2025" / "1 mei t/m 5 juni"
        link = re.fullmatch(r"\s*(?:,|en|&|,\s*en|(?P<range>tot(?:\s+en\s+met)?|t/m|-|–))\s*", text[m.end():nxt.start()]) \
            if nxt else None
        if link:
            year = _year(nxt["year"]) if nxt["year"] else shared.get(i + 1)
            if year and link["range"] and MONTHS[m["month"].lower()] > MONTHS[nxt["month"].lower()]:
                year -= 1  # "15 december tot 10 januari 2025" starts in the year before
            if year:
                shared[i] = year
    for i, m in enumerate(written):
        month = MONTHS[m["month"].lower()]
        year = _year(m["year"]) or shared.get(i) or default_year
        day = int(m["day"])
        if not 1 <= day <= 31:
            continue
        add(m, year, month, day, exact=year is not None)
    for m in NUMERIC.finditer(text):
        month, day = int(m["month"]), int(m["day"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        add(m, _year(m["year"]), month, day)
    for m in MONTH_YEAR.finditer(text):
        add(m, int(m["year"]), MONTHS[m["month"].lower()], None, exact=False)
    for m in QUARTER.finditer(text):
        add(m, _year(m["year"]) or default_year, None, None, exact=False)
    for m in VAGUE.finditer(text):
        month = MONTHS[m["month"].lower()] if m["month"] else None
        add(m, _year(m["year"] or m["year2"] or m["year3"]) or default_year, month, None, exact=False)
    found.sort(key=lambda d: d.start)
    return found


def starts_with_date(s: str) -> bool:
    """True when ``s`` opens with a full written date ("29 januari 2025 ..."), not a numbered item."""
    m = WRITTEN.match(s)
    return bool(m and m["year"])


def parse_date(s: str, default_year: int | None = None) -> dt.date | None:
    """The first full date in ``s`` (e.g. "maandag 6 juli 2020", "18-12-2024"), else None."""
    for match in find_dates(s, default_year):
        if match.date:
            return match.date
    return None


def parse_iso(s: str) -> str | None:
    """The first full date in ``s`` as ``yyyy-mm-dd``, else None."""
    d = parse_date(s)
    return d.isoformat() if d else None
