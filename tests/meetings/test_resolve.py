"""Resolve rules without a database: bodies that are one. The stage across files (meetings joined, minutes
adopted later, actions followed up, commitments fulfilled, people) is tested per file in
tests/store/test_resolve_links.py."""

from __future__ import annotations

from regiovolger.resolve import same_body


def test_same_body():
    assert same_body("Bestuurlijk Overleg Energiegebied Almelo – Tubbergen – Twenterand (BO ATT)",
                     "bestuurlijk overleg Energiegebied Almelo Tubbergen Twenterand (ATT)")
    assert not same_body("Algemeen Bestuur", "Dagelijks Bestuur")
    assert same_body(None, "Algemeen Bestuur")
