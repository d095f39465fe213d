import datetime as dt

import pytest

from regiovolger.extract.dates import find_dates, parse_date

CASES = [
    ("Verslag overleg d.d. maandag 6 juli 2020, 14.00-15.45 uur", "maandag 6 juli 2020", "2020-07-06"),
    ("Datum 18-12-2024 Tijd 10:00 - 11:30", "18-12-2024", "2024-12-18"),
    ("Brief van de minister 18.12.2024", "18.12.2024", "2024-12-18"),
    ("vastgesteld op 2024-12-18", "2024-12-18", "2024-12-18"),
    ("de vergadering van 29 jan. 2025", "29 jan. 2025", "2025-01-29"),
    ("Q1 2025: werkbezoek", "Q1 2025", None),
    ("in het najaar van 2024 volgt", "najaar van 2024", None),
    ("een termijn tot eind oktober", "eind oktober", None),
    ("in de tweede helft van 2025", "tweede helft van 2025", None),
    ("looptijd januari 2025 tot", "januari 2025", None),
]


def test_ranges_keep_both_ends():
    got = [(m.text, m.iso) for m in find_dates("Looptijd: 1 januari 2025- 31 december 2026")]
    assert got == [("1 januari 2025", "2025-01-01"), ("31 december 2026", "2026-12-31")]
    got = [(m.text, m.year, m.month) for m in find_dates("van mei 2024 t/m december 2026")]
    assert got == [("mei 2024", 2024, 5), ("december 2026", 2026, 12)]


@pytest.mark.parametrize("text,quoted,iso", CASES)
def test_find_dates(text, quoted, iso):
    [match] = find_dates(text)
    assert match.text == quoted == text[match.start:match.end]
    assert match.iso == iso


@pytest.mark.parametrize("text", ["artikel 3.2.1", "versie 241024", "31-02-2024", "kosten € 12.10", "tel. 06-12345678"])
def test_not_dates(text):
    assert [m for m in find_dates(text) if m.date] == []


def test_year_from_context_and_tentative():
    [m] = find_dates("Op 3 april (datum nog onder voorbehoud) volgt een congres", default_year=2025)
    assert m.date == dt.date(2025, 4, 3) and m.tentative
    [m] = find_dates("30 januari congres")
    assert m.date is None and (m.month, m.day) == (1, 30)


def test_parse_date():
    assert parse_date("woensdag 29 januari 2025") == dt.date(2025, 1, 29)
    assert parse_date("geen datum") is None
