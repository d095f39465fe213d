"""The sentence ranker: a shipped model, candidates as facts with evidence, rule facts never doubled."""

from __future__ import annotations

from regiovolger.extract import extract, ranker

from .one_part import one_part


def _features(sentence: str, kind: str = "decision_list", date: str | None = "2024-03-12"):
    text, parts = one_part("Besluitenlijst", sentence, kind, date)
    return ranker.sentence_features(ranker.candidates(text, parts)[-1])


def test_the_model_ships_a_threshold_and_weights_per_kind():
    model = ranker.model()
    assert set(model) == set(ranker.KINDS)
    for kind in ranker.KINDS:
        assert 0 < model[kind]["threshold"] <= 1.01
        assert len(model[kind]["weights"]) > 100


def test_a_deciding_sentence_ranks_above_a_neutral_one():
    deciding = ranker.probability("decisions", _features(
        "Het algemeen bestuur stelt de jaarrekening 2023 ongewijzigd vast en stemt in met het voorstel."))
    neutral = ranker.probability("decisions", _features(
        "Het weer was die avond bijzonder zacht en de zaal zat vol met bezoekers uit de buurt."))
    assert deciding > neutral + 0.3


def test_a_later_deadline_ranks_above_a_date_looked_back_on():
    text, parts = one_part("Verslag 12 maart 2024", "Het rapport moet uiterlijk 1 juni 2024 bij de raad liggen.\n\n"
                           "Op 3 januari 2022 is het vorige rapport verschenen.", "minutes", "2024-03-12")
    cands = [c for c in ranker.candidates(text, parts) if c.dates]
    later, earlier = (ranker.probability("key_dates", ranker.date_features(c, c.dates[0], text.text)) for c in cands)
    assert later > earlier


def test_ranked_facts_carry_evidence_and_do_not_double_a_rule_fact(monkeypatch):
    body = ("Besluit: de raad stelt de verordening vast.\n\n"
            "Daarnaast gaat het bestuur akkoord met de voorgestelde wijziging van de begroting 2025.\n")
    text, parts = one_part("Besluitenlijst van de vergadering van 12 maart 2024", body, "decision_list", "2024-03-12")
    monkeypatch.setitem(ranker.model()["decisions"], "threshold", 0.0)  # every candidate passes
    result = extract(text, parts, {"path": "t.txt"})
    decisions = result["decisions"]
    spans = [(d["evidence"]["start"], d["evidence"]["end"]) for d in decisions]
    for i, (s, e) in enumerate(spans):  # no two decisions share text
        assert not any(s < e2 and s2 < e for j, (s2, e2) in enumerate(spans) if j != i)
    assert len({d["id"] for d in decisions}) == len(decisions)
    for d in decisions:
        ev = d["evidence"]
        assert text.text[ev["start"]:ev["end"]] == ev["quote"]
        assert 0 <= ev["confidence"] <= 1
    assert any("akkoord met de voorgestelde wijziging" in d["text"] for d in decisions)


def test_the_stage_can_be_switched_off(monkeypatch):
    body = "Daarnaast gaat het bestuur akkoord met de voorgestelde wijziging van de begroting 2025.\n"
    text, parts = one_part("Besluitenlijst 12 maart 2024", body, "decision_list", "2024-03-12")
    monkeypatch.setitem(ranker.model()["decisions"], "threshold", 0.0)
    monkeypatch.setenv("REGIOVOLGER_NO_RANKER", "1")
    result = {"decisions": [], "actions": [], "commitments": [], "key_dates": []}
    ranker.add_ranked(text, parts, result)
    assert result["decisions"] == []
    monkeypatch.delenv("REGIOVOLGER_NO_RANKER")
    ranker.add_ranked(text, parts, result)
    assert result["decisions"]


def test_a_project_in_running_prose_becomes_a_project_with_its_money(monkeypatch):
    body = ("De gemeente wil ruim twee miljoen euro investeren in de renovatie van de sporthal in Noorddorp. "
            "Het weer was die avond bijzonder zacht.\n")
    text, parts = one_part("Nieuws", body, "other", "2024-03-12")
    result = extract(text, parts, {"path": "t.txt"})
    assert not any("Noorddorp" in p["name"] for p in result["projects"] or [])  # not a project the rules read
    monkeypatch.setitem(ranker.model()["projects"], "threshold", 0.0)
    projects = extract(text, parts, {"path": "t.txt"})["projects"]
    assert [p["name"] for p in projects] == ["Renovatie van de sporthal in Noorddorp"]  # a sentence without a name is none
    ev = projects[0]["evidence"]
    assert text.text[ev["start"]:ev["end"]] == ev["quote"] and 0 <= ev["confidence"] <= 1
    assert projects[0]["amounts"] and projects[0]["amounts"][0]["value_eur"] == 2_000_000
    monkeypatch.setenv("REGIOVOLGER_NO_RANKER", "1")
    assert extract(text, parts, {"path": "t.txt"})["projects"] == []
