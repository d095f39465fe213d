"""The resolve stage per file: people across spellings and files, offices resolved to their holder with
evidence, groups/bodies/municipalities as owners, members of regional bodies, incremental re-resolve and
repair of files a crash left between stages. Facts are built by hand, so only resolve is under test."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from regiovolger.store.models import Entity, EntityRef, Fact, Membership, Part, SourceFile
from regiovolger.store.resolution import forget, repair, resolve_file, unfinished

pytestmark = pytest.mark.django_db


def stored(text: str, facts: list[tuple[str, dict, str]], organisation: str | None = None, name: str = "a.txt"):
    """A stored (not yet resolved) file with one part and the given (kind, data, quote) facts."""
    sha = hashlib.sha256((name + text).encode()).hexdigest()
    f = SourceFile.objects.create(sha256=sha, path=f"/tmp/{name}", paths=[f"/tmp/{name}"], media_type="text/plain",
                                  size=len(text), page_count=1, title=name, text=text, extraction={})
    part = Part.objects.create(file=f, key="p1", type="minutes", title=name, date=dt.date(2031, 3, 3),
                               organisation=organisation, start=0, end=len(text))
    for kind, data, quote in facts:
        start = text.index(quote)
        Fact.objects.create(file=f, part=part, kind=kind, data=data, page=1, start=start, end=start + len(quote),
                            quote=quote)
    return f


def refs(role: str, kind: str | None = None):
    qs = EntityRef.objects.filter(role=role).select_related("entity", "fact")
    return [r for r in qs if kind is None or r.entity.kind == kind]


MINUTES = """Verslag Dagelijks Bestuur
Aanwezig: mevrouw A.B. Jansen (voorzitter), Piet de Wit (wethouder), Karel Smit
Actie de wethouder: de planning delen.
Actie allen: de stukken lezen.
Actie de provincie: subsidie aanvragen.
Actie Zutphen: grond aanbieden.
De voorzitter zegt toe de raad te informeren.
"""


def minutes_file(name="verslag.txt", text=MINUTES, organisation="Regio Heuvelland"):
    meeting = {"id": "m1", "body": "Dagelijks Bestuur", "date": "2031-03-03", "chair": "mevrouw A.B. Jansen",
               "attendees": [{"name": "mevrouw A.B. Jansen", "role": "voorzitter", "status": "present"},
                             {"name": "Piet de Wit", "role": "wethouder", "status": "present"},
                             {"name": "Karel Smit", "role": None, "status": "present"}]}
    return stored(text, [
        ("meetings", meeting, "Verslag Dagelijks Bestuur"),
        ("actions", {"id": "x1", "meeting": "m1", "text": "de planning delen", "owners": ["de wethouder"]},
         "Actie de wethouder: de planning delen."),
        ("actions", {"id": "x2", "meeting": "m1", "text": "de stukken lezen", "owners": ["allen"]},
         "Actie allen: de stukken lezen."),
        ("actions", {"id": "x3", "meeting": "m1", "text": "subsidie aanvragen", "owners": ["de provincie"]},
         "Actie de provincie: subsidie aanvragen."),
        ("actions", {"id": "x4", "meeting": "m1", "text": "grond aanbieden", "owners": ["Zutphen"]},
         "Actie Zutphen: grond aanbieden."),
        ("commitments", {"id": "c1", "text": "de raad informeren", "made_by": "De voorzitter"},
         "De voorzitter zegt toe de raad te informeren."),
    ], organisation=organisation, name=name)


def test_offices_resolve_to_the_holder_the_meeting_names_with_evidence():
    resolve_file(minutes_file())
    owner = {r.fact.data["id"]: r for r in refs("owner")}
    assert owner["x1"].entity.kind == Entity.PERSON and owner["x1"].entity.name == "Piet de Wit"
    assert owner["x1"].surface == "de wethouder"
    assert "Piet de Wit" in str(owner["x1"].evidence), "the passage naming the wethouder is the evidence"
    made = refs("made_by")
    assert len(made) == 1 and made[0].entity.name == "A.B. Jansen" and made[0].evidence


def test_groups_bodies_and_municipalities_as_owners_are_no_people():
    resolve_file(minutes_file())
    owner = {r.fact.data["id"]: r.entity for r in refs("owner")}
    assert owner["x2"].kind == Entity.ORGANISATION and owner["x2"].name == "Dagelijks Bestuur Regio Heuvelland", \
        "'allen' is the meeting's own body"
    assert "x3" not in owner, "'de provincie' with no province in the document links nowhere"
    assert owner["x4"].kind == Entity.MUNICIPALITY and owner["x4"].key == "gm0301"
    people = set(Entity.objects.filter(kind=Entity.PERSON).values_list("name", flat=True))
    assert people == {"A.B. Jansen", "Piet de Wit", "Karel Smit"}


def test_one_person_across_spellings_titles_and_files():
    resolve_file(minutes_file())
    later = stored("Actie A. Jansen: begroting.\nDe heer Jansen licht toe.\n", [
        ("actions", {"id": "x1", "text": "begroting", "owners": ["A. Jansen"]}, "Actie A. Jansen: begroting."),
        ("people", {"name": "Jansen", "aliases": [], "roles": []}, "De heer Jansen")], name="later.txt")
    resolve_file(later)
    jansens = Entity.objects.filter(kind=Entity.PERSON, match_key="jansen")
    assert jansens.count() == 1
    assert {r.file_id for r in jansens.get().refs.all()} == {later.id, SourceFile.objects.get(path="/tmp/verslag.txt").id}


def test_re_resolving_one_file_leaves_the_others_alone():
    first, second = minutes_file(), minutes_file("ander.txt", MINUTES.replace("Karel Smit", "Karin Bos"))
    resolve_file(first)
    resolve_file(second)
    before = EntityRef.objects.filter(file=first).count()
    entities = Entity.objects.count()
    resolve_file(second)
    assert EntityRef.objects.filter(file=first).count() == before
    assert Entity.objects.count() == entities
    forget(second)
    assert not Entity.objects.filter(name="Karin Bos").exists(), "a person only the forgotten file named goes"
    assert Entity.objects.filter(name="Karel Smit").exists()


def test_regional_body_members_from_its_own_document():
    text = MINUTES + "Deelnemers aan de regeling zijn de gemeenten Zutphen, Lochem en Brummen.\n"
    resolve_file(minutes_file(text=text))
    members = set(Membership.objects.filter(body__name="Regio Heuvelland").values_list("member__name", flat=True))
    assert members == {"Zutphen", "Lochem", "Brummen"}


def test_a_file_left_between_stages_is_found_and_repaired():
    f = minutes_file()
    assert f in unfinished() and f.stage == "stored"
    assert repair() == [f.path]
    f.refresh_from_db()
    assert f.stage == "indexed" and not unfinished().exists()
    assert EntityRef.objects.filter(file=f).exists()


def test_a_cooperation_named_with_its_municipalities_anywhere():
    text = ("Uitvoeringsprogramma\nRegio Noorderkwartier is het samenwerkingsverband van drie gemeenten in het "
            "noorden: Zutphen, Lochem en Brummen.\nProject Fietspad, budget 10.000.\n")
    f = stored(text, [("organisations", {"name": "Regio Noorderkwartier", "kind": "region", "mentions": 3},
                       "Regio Noorderkwartier"),
                      ("projects", {"id": "pr1", "name": "Fietspad"}, "Project Fietspad")], name="programma.txt")
    resolve_file(f)
    body = Entity.objects.get(kind=Entity.ORGANISATION, name="Regio Noorderkwartier")
    assert set(body.members.values_list("member__name", flat=True)) == {"Zutphen", "Lochem", "Brummen"}
    project = EntityRef.objects.get(fact__kind="projects", role="body")
    assert project.entity == body, "a programme's projects belong to the regional body it is about"


def test_one_of_several_office_holders_by_the_municipality_the_text_names():
    text = ("Verslag overleg\nAanwezig: Frank Mol (wethouder Zutphen), Ans Kok (wethouder Lochem)\n"
            "Zutphen wil de normen aanpassen.\n- De wethouder zal dit terugkoppelen aan de raad.\n")
    meeting = {"id": "m1", "body": "Bestuurlijk overleg", "date": "2031-05-01", "attendees": [
        {"name": "Frank Mol", "role": "wethouder", "organisation": "Zutphen"},
        {"name": "Ans Kok", "role": "wethouder", "organisation": "Lochem"}]}
    f = stored(text, [("meetings", meeting, "Verslag overleg"),
                      ("actions", {"id": "x1", "meeting": "m1", "text": "terugkoppelen", "owners": ["De wethouder"]},
                       "- De wethouder zal dit terugkoppelen aan de raad.")], name="overleg.txt")
    resolve_file(f)
    owner = refs("owner")
    assert [r.entity.name for r in owner] == ["Frank Mol"]
