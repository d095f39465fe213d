"""Entity URL keys follow the canonical name, so the same files give the same keys in any order; a key an
entity had before a fuller name came in still finds it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from regiovolger.store.entity_store import by_key
from regiovolger.store.models import Entity, ResolvedMeeting, SourceFile
from regiovolger.store.resolution import resolve_file

from .test_resolve_entities import stored

pytestmark = pytest.mark.django_db

HERE = Path(__file__).resolve().parents[1]
# one burgemeester written "A. Meulenbelt" in one file and "A.F. Meulenbelt" in the other
TWO_FILES = [HERE / "heldout" / "docs" / "05_waterschap_lingemeden_commissie.txt",
             HERE / "heldout2" / "docs" / "07_college_besluitenlijst.txt"]

FILES = {
    "a.txt": ("Actie A. Meulenbelt: de notitie sturen.\nRegio WB organiseert de avond.\n", [
        ("actions", {"id": "x1", "text": "de notitie sturen", "owners": ["A. Meulenbelt"]},
         "Actie A. Meulenbelt: de notitie sturen."),
        ("organisations", {"name": "Regio WB"}, "Regio WB")]),
    "b.txt": ("Actie A.F. Meulenbelt: de raad informeren.\nRegio West-Brabant betaalt mee.\n", [
        ("actions", {"id": "x1", "text": "de raad informeren", "owners": ["A.F. Meulenbelt"]},
         "Actie A.F. Meulenbelt: de raad informeren."),
        ("organisations", {"name": "Regio West-Brabant"}, "Regio West-Brabant")]),
    "c.txt": ("De heer Meulenbelt licht toe.\nDe Regio WB stemt in.\n", [
        ("people", {"name": "Meulenbelt", "aliases": [], "roles": []}, "De heer Meulenbelt"),
        ("organisations", {"name": "Regio WB"}, "Regio WB")]),
}


def wipe() -> None:
    SourceFile.objects.all().delete()
    ResolvedMeeting.objects.all().delete()
    Entity.objects.all().delete()


def entities() -> set[tuple[str, str, str]]:
    return set(Entity.objects.values_list("kind", "key", "name"))


def test_same_keys_in_every_order_of_the_files():
    seen = {}
    for order in itertools.permutations(FILES):
        wipe()
        for name in order:
            text, facts = FILES[name]
            resolve_file(stored(text, facts, name=name))
        seen[order] = entities()
    assert len(set(map(frozenset, seen.values()))) == 1, seen
    keys = {(k, key) for k, key, _ in next(iter(seen.values()))}
    assert ("person", "a-f-meulenbelt") in keys and ("organisation", "regio-west-brabant") in keys
    assert ("person", "a-meulenbelt") not in keys and ("organisation", "regio-wb") not in keys


def test_a_former_key_still_finds_the_entity():
    for name in ("a.txt", "b.txt"):  # the short forms first: their keys are made, then replaced
        text, facts = FILES[name]
        resolve_file(stored(text, facts, name=name))
    person = by_key("person", "a-meulenbelt")
    body = by_key("organisation", "regio-wb")
    assert person is not None and person.key == "a-f-meulenbelt" and "a-meulenbelt" in person.data["former_keys"]
    assert body is not None and body.key == "regio-west-brabant" and body.name == "Regio West-Brabant"
    assert by_key("organisation", "wb") is None  # a part of a former key is no key
    assert by_key("person", "a-f-meulenbelt") == person


def test_ingest_in_two_orders_gives_two_stores_the_same_keys(tmp_path):
    from regiovolger.ingest import ingest
    from regiovolger.search import get_backend

    results = []
    for order in (TWO_FILES, TWO_FILES[::-1]):
        wipe()
        get_backend().clear()
        for path in order:
            assert ingest([str(path)], workers=1).count("ingested") == 1
        results.append(entities())
    get_backend().clear()
    assert results[0] == results[1]
    assert ("person", "a-f-meulenbelt", "A.F. Meulenbelt") in results[0]
