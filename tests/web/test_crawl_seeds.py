"""The seed corpus ingested end to end (store -> resolve -> index), then every public page reachable from
the home page crawled: no internal link is broken. And the people list, checked by hand against the sources:
no groups, bodies, offices, municipalities or word fragments, and no one twice."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')
SKIP = ("/static/", "/beheer/", "/uitloggen/", "/i18n/", "/inloggen/", "/api/schema/")
MAX_PAGES = 1500

# Every person the five seed documents name, read from the documents themselves (attendance lists,
# "BO:" lines of the programme, signatures, portfolio holders, contacts). A page may show fewer
# (extraction misses some), never another one.
SEED_PEOPLE = {
    # 000 programme: administrative clients (BO) and the persons in brackets after them
    "Aletta van der Veen", "Ariane Zwarts", "Berend de Vries", "Dilek Odabasi", "Frank van Wel", "Gerard Bruijniks",
    "Gerrit Overmans", "Jan Brekelmans", "Marcelle Hendrikx", "Marijo Immink", "Mario Jacobs", "Peter van Steen",
    "Petra Lepolder", "Piet Poos", "Rolph Dols", "Stefanie Vatta", "Ted van de Loo", "Theo Weterings",
    "Thom Blankers",
    # 001 minutes of the Ambtelijk Pact: chair, minute taker, attendees
    "André van Gils", "Astrid Persons", "Bernie Spronk", "Emely Jonkers", "Erik Lubbers", "Frank Tuerlings",
    "Irene Rouwenhorst", "Kitty Schijven", "Marjolein Schooleman", "Nicole Westerterp", "Patty Claassens",
    "Peter van Ierland", "Rob Koolen", "Roy Willems",
    # 002 board bundle: chair, portfolio holders, attendees, contacts, signatories, the minister's letter
    "A. Peppelman", "A. Schutten", "A. Stapelkamp", "Alexandra Arens", "Arjan Tolkamp", "E. Bomers", "H. Zoet",
    "H. de Vries", "J. Bengevoord", "J. van Oostrum", "J.J.M. Uitermark", "Joram van Donk", "L. Dennenberg",
    "M. Maasdam", "M. Zemmelink", "M. van der Tas", "Mark Boumans", "O. van Dijk", "P. van Domburg", "W.Pelgrom",
    "Wilma Stortelder",
    # 003 memo to the States: the deputy who signs
    "H.A.J.M. Swinkels",
    # 004 strategy report: the deputy who made the commitments, and the names in its colophon
    "Bert Pauli", "M.C.G. Keijzer",
}
NOT_PEOPLE = {"allen", "iedereen", "de provincie", "de wethouder", "de voorzitter", "het college", "Tilburg",
              "Daarbij", "T. Shared", "Initiatiefnemers", "De initiatiefnemer", "Procedureondersteuning"}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    from regiovolger.ingest import ingest
    from regiovolger.store.models import SourceFile

    with django_db_blocker.unblock():
        folder = tmp_path_factory.mktemp("seeds")
        for f in sorted(SEEDS.glob("*.txt")):
            (folder / f.name).write_bytes(f.read_bytes())
        report = ingest([str(folder)], workers=2)
        assert report.count("ingested") == len(list(SEEDS.glob("*.txt")))
        yield
        SourceFile.objects.all().delete()
        from regiovolger.store.models import Entity, ResolvedMeeting

        Entity.objects.all().delete()
        ResolvedMeeting.objects.all().delete()


def crawl(client) -> tuple[dict[str, int], dict[str, str]]:
    """Status per internal URL reachable from the home page, and the page each was first linked from."""
    status: dict[str, int] = {}
    found_on: dict[str, str] = {"/": "(start)"}
    queue = deque(["/"])
    while queue and len(status) < MAX_PAGES:
        url = queue.popleft()
        if url in status:
            continue
        response = client.get(url)
        status[url] = response.status_code
        if response.status_code != 200 or response.streaming or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode("utf-8", "replace")):
            href = urldefrag(urljoin(url, href.replace("&amp;", "&")))[0]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not href.startswith("/") or href.startswith(SKIP):
                continue
            if "format=" in parts.query or "pagina=" in parts.query and not parts.query.startswith("pagina="):
                continue
            if href not in status and href not in found_on:
                found_on[href] = url
                queue.append(href)
    return status, found_on


def test_every_reachable_public_page_resolves(client, seeded):
    status, found_on = crawl(client)
    broken = {url: (code, found_on.get(url)) for url, code in status.items() if code != 200}
    assert len(status) > 100, "the crawl reaches the entity, meeting, fact and document pages"
    assert any(u.startswith("/personen/") and u != "/personen/" for u in status)
    assert any(u.startswith("/organisaties/") and u != "/organisaties/" for u in status)
    assert any(u.startswith("/gemeenten/gm") for u in status)
    assert broken == {}, f"{len(broken)} broken internal links (url: (status, linked from)): {broken}"


def test_people_list_holds_people_only_and_each_once(client, seeded):
    data = client.get("/personen/?format=json").json()
    names = [r["name"] for r in data["personen"]]
    assert len(names) == len(set(names)), "no name twice"
    assert not set(names) & NOT_PEOPLE
    strangers = set(names) - SEED_PEOPLE
    assert not strangers, f"not a person of the seed documents: {sorted(strangers)}"
    assert len(set(names) & SEED_PEOPLE) >= 0.9 * len(SEED_PEOPLE)
    # one person under several spellings is one row
    from regiovolger.extract.names import compatible

    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not (compatible(a, b) and a.split()[-1] == b.split()[-1]), f"{a} and {b} look like one person"
