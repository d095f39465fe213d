"""Hand-made store rows for the web tests: a public bundle with every kind of fact and a
confidential note whose marker word must never reach an anonymous visitor."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

SECRET = "Kwartelpad"  # appears only in the confidential file

PUBLIC_TEXT = """Verslag Dagelijks Bestuur Samenwerking Heuvelland
Datum: 3 maart 2031, 14.00 uur, gemeentehuis Oosterveld
Aanwezig: Marit Olde Hengel (voorzitter), Teun Vrieling, Sanne Wolters (tot 15.10 uur)
Afwezig: Ilse Rademaker

1. Vaststelling verslag van 2 februari 2031
Het verslag wordt ongewijzigd vastgesteld.

2. Fietsroute langs de beek
Voorstel: in te stemmen met een bijdrage van € 240.000 voor de fietsroute.
Besluit: het bestuur stemt in met de bijdrage van € 240.000.
Actie Teun Vrieling: de gemeente Zutphen vragen om cofinanciering, vóór 1 april 2031.
Actie Sanne Wolters: planning delen met de raden.

3. Toezeggingen
De voorzitter zegt toe de raden voor de zomer te informeren over de voortgang.

Volgende vergadering: 12 mei 2099 om 10.00 uur in het provinciehuis.

Project Groene Schoolpleinen, programmalijn Leefomgeving, middelgroot, bestuurlijk opdrachtgever Teun Vrieling, budget € 85.000, gemeenten Zutphen en Lochem.
Project Slimme Verlichting, programmalijn Energie, groot, bestuurlijk opdrachtgever Marit Olde Hengel, budget € 410.000.
"""

SECRET_TEXT = f"""VERTROUWELIJK
Notitie over het project {SECRET}: aankoop van grond voor € 1.250.000.
Besluit: het bestuur stemt in met de aankoop voor project {SECRET}.
Actie Ilse Rademaker: onderhandelen over {SECRET}.
Afspraak met de verkoper op 20 juni 2099 over {SECRET}.
"""


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def span(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(quote, pos + 1)
    return pos, pos + len(quote)


def make_fact(file, part, kind, data, quote, text, page=1, nth=0):
    from regiovolger.store.models import Fact

    s, e = span(text, quote, nth)
    return Fact.objects.create(file=file, part=part, kind=kind, data=data, page=page, start=s, end=e, quote=quote)


def build_public(path="/tmp/heuvelland-db-2031-03-03.txt", salt=""):
    from regiovolger.store.models import Page, Part, SourceFile

    text = PUBLIC_TEXT
    f = SourceFile.objects.create(sha256=_sha(text + salt), path=path, paths=[path], media_type="text/plain",
                                  size=len(text.encode()), page_count=2, title="Verslag DB Heuvelland 3 maart 2031",
                                  text=text, original_text=text.replace("een", "ee "), text_quality=0.7,
                                  glyph_loss=True, extraction={"schema": "regiovolger.extraction/1"})
    half = text.index("3. Toezeggingen")
    Page.objects.create(file=f, number=1, start=0, end=half)
    Page.objects.create(file=f, number=2, start=half, end=len(text))
    p1 = Part.objects.create(file=f, key="p1", type="minutes", title="Verslag Dagelijks Bestuur", date=dt.date(2031, 3, 3),
                             organisation="Samenwerking Heuvelland", start=0, end=text.index("Project Groene"))
    p2 = Part.objects.create(file=f, key="p2", type="programme", title="Projecten", date=dt.date(2031, 3, 3),
                             organisation="Samenwerking Heuvelland", start=text.index("Project Groene"), end=len(text))
    T = text
    make_fact(f, p1, "meetings", {
        "id": "m1", "document": "p1", "body": "Dagelijks Bestuur", "organisation": "Samenwerking Heuvelland",
        "date": "2031-03-03", "start_time": "14:00", "end_time": None, "location": "gemeentehuis Oosterveld",
        "chair": "Marit Olde Hengel", "minute_taker": None, "attendees": [
            {"name": "Marit Olde Hengel", "role": "voorzitter", "organisation": None, "status": "present"},
            {"name": "Teun Vrieling", "role": None, "organisation": None, "status": "present"},
            {"name": "Sanne Wolters", "role": None, "organisation": None, "status": "partial", "until": "15:10"},
            {"name": "Ilse Rademaker", "role": None, "organisation": None, "status": "absent"}]},
        "Verslag Dagelijks Bestuur Samenwerking Heuvelland", T)
    make_fact(f, p1, "agenda_items", {"id": "a1", "meeting": "m1", "number": "1", "title": "Vaststelling verslag van 2 februari 2031",
                                      "proposal": None, "portfolio_holder": None, "contact": None, "kind": "decision"},
              "1. Vaststelling verslag van 2 februari 2031", T)
    make_fact(f, p1, "agenda_items", {"id": "a2", "meeting": "m1", "number": "2", "title": "Fietsroute langs de beek",
                                      "proposal": "in te stemmen met een bijdrage van € 240.000 voor de fietsroute",
                                      "portfolio_holder": "Teun Vrieling", "contact": None, "kind": "decision"},
              "2. Fietsroute langs de beek", T)
    make_fact(f, p1, "decisions", {"id": "d1", "meeting": "m1", "agenda_item": "a1", "text": "Het verslag wordt ongewijzigd vastgesteld.",
                                   "kind": "adopt", "amount_eur": None}, "Het verslag wordt ongewijzigd vastgesteld.", T)
    make_fact(f, p1, "decisions", {"id": "d2", "meeting": "m1", "agenda_item": "a2", "text": "het bestuur stemt in met de bijdrage van € 240.000",
                                   "kind": "approve", "amount_eur": 240000}, "het bestuur stemt in met de bijdrage van € 240.000", T)
    make_fact(f, p1, "actions", {"id": "x1", "meeting": "m1", "agenda_item": "a2", "text": "de gemeente Zutphen vragen om cofinanciering",
                                 "owners": ["Teun Vrieling"], "due": "2031-04-01"},
              "Actie Teun Vrieling: de gemeente Zutphen vragen om cofinanciering, vóór 1 april 2031.", T)
    make_fact(f, p1, "actions", {"id": "x2", "meeting": "m1", "agenda_item": "a2", "text": "planning delen met de raden",
                                 "owners": ["Sanne Wolters"], "due": None}, "Actie Sanne Wolters: planning delen met de raden.", T)
    make_fact(f, p1, "commitments", {"id": "c1", "text": "de raden voor de zomer informeren over de voortgang",
                                     "made_by": "Marit Olde Hengel", "made_to": "de raden", "date_made": "2031-03-03",
                                     "due": "2031-06-21", "fulfilled_here": False},
              "De voorzitter zegt toe de raden voor de zomer te informeren over de voortgang.", T, page=2)
    make_fact(f, p1, "key_dates", {"date": "2099-05-12", "date_text": "12 mei 2099", "time": "10:00",
                                   "title": "Volgende vergadering", "location": "provinciehuis", "tentative": False},
              "Volgende vergadering: 12 mei 2099 om 10.00 uur in het provinciehuis.", T, page=2)
    make_fact(f, p2, "projects", {"id": "pr1", "name": "Groene Schoolpleinen", "programme": None, "programme_line": "Leefomgeving",
                                  "goal": None, "size": "medium", "administrative_clients": ["Teun Vrieling"], "applicant": None,
                                  "start": None, "end": None, "total_cost_eur": None, "cofinancing_eur": None,
                                  "requested_eur": None, "budget_eur": 85000, "municipalities": ["Zutphen", "Lochem"],
                                  "organisations": []},
              "Project Groene Schoolpleinen", T, page=2)
    make_fact(f, p2, "projects", {"id": "pr2", "name": "Slimme Verlichting", "programme": None, "programme_line": "Energie",
                                  "goal": None, "size": "large", "administrative_clients": ["Marit Olde Hengel"],
                                  "applicant": None, "start": None, "end": None, "total_cost_eur": None,
                                  "cofinancing_eur": None, "requested_eur": None, "budget_eur": 410000,
                                  "municipalities": [], "organisations": []}, "Project Slimme Verlichting", T, page=2)
    make_fact(f, p1, "amounts", {"text": "€ 240.000", "value_eur": 240000, "max_eur": None, "role": "subsidy"}, "€ 240.000", T)
    make_fact(f, p1, "municipalities", {"name": "Zutphen", "cbs_code": "GM0301", "mentions": 2}, "Zutphen", T)
    make_fact(f, p2, "municipalities", {"name": "Lochem", "cbs_code": "GM0262", "mentions": 1}, "Lochem", T, page=2)
    make_fact(f, p1, "people", {"name": "Teun Vrieling", "aliases": ["T. Vrieling"], "roles": [{"role": "wethouder", "organisation": "Zutphen"}]},
              "Teun Vrieling", T)
    make_fact(f, p1, "organisations", {"name": "Samenwerking Heuvelland", "kind": "region", "aliases": []},
              "Samenwerking Heuvelland", T)
    return resolved(f)


def build_secret(path="/tmp/notitie-grond.txt"):
    from regiovolger.store.models import Page, Part, SourceFile

    T = SECRET_TEXT
    f = SourceFile.objects.create(sha256=_sha(T), path=path, paths=[path], media_type="text/plain", size=len(T),
                                  page_count=1, title=f"Notitie {SECRET}", text=T, original_text=None,
                                  text_quality=1.0, glyph_loss=False, extraction={"schema": "regiovolger.extraction/1"})
    Page.objects.create(file=f, number=1, start=0, end=len(T))
    p = Part.objects.create(file=f, key="p1", type="memo", title=f"Notitie over {SECRET}", date=dt.date(2031, 3, 3),
                            organisation="Samenwerking Heuvelland", start=0, end=len(T), confidential=True)
    make_fact(f, p, "decisions", {"id": "d1", "meeting": None, "agenda_item": None,
                                  "text": f"het bestuur stemt in met de aankoop voor project {SECRET}", "kind": "approve",
                                  "amount_eur": 1250000}, f"het bestuur stemt in met de aankoop voor project {SECRET}", T)
    make_fact(f, p, "actions", {"id": "x1", "text": f"onderhandelen over {SECRET}", "owners": ["Ilse Rademaker"], "due": "2031-01-01"},
              f"Actie Ilse Rademaker: onderhandelen over {SECRET}.", T)
    make_fact(f, p, "key_dates", {"date": "2099-06-20", "title": f"Afspraak verkoper {SECRET}", "location": None, "tentative": False},
              f"Afspraak met de verkoper op 20 juni 2099 over {SECRET}.", T)
    make_fact(f, p, "projects", {"id": "pr1", "name": f"Project {SECRET}", "programme_line": "Grond", "size": "large",
                                 "administrative_clients": ["Ilse Rademaker"], "budget_eur": 1250000,
                                 "municipalities": ["Lochem"], "organisations": []}, f"project {SECRET}", T)
    make_fact(f, p, "commitments", {"id": "c1", "text": f"geheimhouding over {SECRET}", "made_by": "Ilse Rademaker",
                                    "made_to": "het bestuur", "date_made": "2031-03-03"}, f"Notitie over het project {SECRET}", T)
    make_fact(f, p, "amounts", {"text": "€ 1.250.000", "value_eur": 1250000, "role": "cost"}, "€ 1.250.000", T)
    make_fact(f, p, "municipalities", {"name": f"{SECRET}stad", "cbs_code": None, "mentions": 1}, SECRET, T)
    make_fact(f, p, "organisations", {"name": f"{SECRET} Grond BV", "kind": "company"}, SECRET, T, nth=1)
    make_fact(f, p, "people", {"name": f"Verkoper {SECRET}", "roles": []}, SECRET, T, nth=2)
    return resolved(f)


def resolved(f):
    """The resolve stage over a hand-built file, as ingest runs it after storing."""
    from regiovolger.store.resolution import resolve_file

    resolve_file(f)
    return f


def reindex_search():
    try:
        from regiovolger.search import reindex
    except ImportError:
        return
    try:
        reindex()
    except Exception:
        pass  # the web layer then falls back to its substring search


@pytest.fixture
def corpus(db):
    pub = build_public()
    sec = build_secret()
    reindex_search()
    return {"public": pub, "secret": sec}


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_user("medewerker", password="geheim-wachtwoord-1", is_staff=True,
                                                 is_superuser=True)


@pytest.fixture
def staff_client(client, staff_user):
    from django.test import Client

    c = Client()
    c.force_login(staff_user)
    return c


@pytest.fixture(scope="session")
def web_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("regiovolger-data")


@pytest.fixture(autouse=True)
def _own_data_dir(settings, web_data_dir):
    # Django is set up before tests/conftest.py can point REGIOVOLGER_DATA_DIR elsewhere,
    # so originals, uploads and the search index are pointed at a temporary folder here.
    settings.DATA_DIR = web_data_dir
