"""Key dates announced in running prose (hand-made variants of letters and minutes)."""

from __future__ import annotations

import pytest

from regiovolger.extract.key_dates import extract_key_dates
from tests.extract.one_part import one_part


def key_dates(body: str, date: str | None = "2024-05-28", kind: str = "letter") -> list[dict]:
    return extract_key_dates(*one_part("Brief aan Provinciale Staten", body, kind, date))


@pytest.mark.parametrize("body,date", [
    ("Op 9 oktober 2024 besluiten Provinciale Staten over het voorstel.", "2024-10-09"),
    ("De PS-agenda wordt 5 december gepubliceerd op de website.", "2024-12-05"),
    ("Het project dient uiterlijk 1 maart 2025 te zijn afgerond.", "2025-03-01"),
    ("Dit stuk komt ter bespreking in de commissie Bestuur op 17 juni.", "2024-06-17"),
    ("De gemeente heeft de data van het kwartaaloverleg doorgegeven: 18 juli, 16 september en 2 december.", "2024-07-18"),
])
def test_announcements_in_prose(body, date):
    found = key_dates(body)
    assert date in [k["date"] for k in found]
    assert all(k["evidence"]["quote"] in body for k in found)


@pytest.mark.parametrize("body", [
    "Op 17 april 2024 heeft het college het beleid vastgesteld.",  # before the letter
    "In het overleg van 4 november jl. is dit besproken.",
    "Een termijn tot 31 augustus blijkt moeilijk haalbaar voor de gemeenten.",
    "De heer Braas wordt per 1 juli 2024 herbenoemd als lid van de commissie.",
    "Vrijdag 20 december heeft de Ministerraad de brief verzonden.",
])
def test_not_announcements(body):
    assert key_dates(body) == []


def test_a_window_opens_on_its_first_day():
    found = key_dates("De openstelling voor aanvragen loopt van 1 september 2024 tot 1 maart 2025.")
    assert [k["date"] for k in found] == ["2024-09-01"]


def test_an_undated_memo_announces_a_day_without_its_year():
    found = key_dates("Het presidium streeft naar besluitvorming in de raad op 10 juli a.s. over de werkwijze.", date=None)
    assert [(k["date"], k["date_text"]) for k in found] == [(None, "10 juli")]


def test_a_report_is_read_too_at_review_confidence():
    [k] = key_dates("Op 9 oktober 2024 besluiten Provinciale Staten over de tussenstand.", kind="policy_report")
    assert k["date"] == "2024-10-09" and k["confidence"] < 0.5
