"""The site in a real browser: Playwright driving Debian's Chromium against a live server.

Screenshots of the main pages go to test-artifacts/screenshots/; axe-core
(web-tests/node_modules, installed by scripts/setup) checks each of them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "web-tests" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (scripts/setup installs it)"),
]


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself are safe
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(60000)  # a busy machine is slow, not wrong
    yield pg
    ctx.close()


@pytest.fixture
def site(live_server, transactional_db, corpus):
    return live_server.url


def login(page, site, staff_user):
    page.goto(site + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(site + "/")


def axe_check(page, name: str) -> list:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if not AXE.exists():
        pytest.skip("axe-core is not installed: npm install --prefix web-tests axe-core")
    # evaluated through the DevTools protocol: the site's CSP rightly refuses an injected <script>
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_search_document_highlighted_fact(page, site):
    page.goto(site + "/")
    page.get_by_label("Zoek in alle documenten en feiten").fill("fietsroute")
    page.get_by_label("Zoek in alle documenten en feiten").press("Enter")
    page.wait_for_url("**/zoeken/**")
    hits = page.locator("ol.hits li.hit h3 a")
    assert hits.count() >= 1
    assert page.locator("ol.hits mark").first.inner_text().lower().startswith("fietsroute")
    hits.first.click()
    page.wait_for_url("**/documenten/**")
    page.locator(".factlist a", has_text="planning delen met de raden").click()
    target = page.locator("mark:target")
    assert target.count() == 1 and "planning delen met de raden" in target.inner_text()
    assert target.is_visible()


def test_meeting_page(page, site):
    page.goto(site + "/vergaderingen/")
    page.locator("#tabel-vergaderingen tbody a").first.click()
    page.wait_for_url("**/vergaderingen/*.*/")
    assert "Dagelijks Bestuur" in page.locator("h1").inner_text()
    att = page.locator("#tabel-aanwezigheid").inner_text()
    assert "deels aanwezig" in att and "tot 15:10" in att and "afwezig" in att
    assert page.locator("ol.agenda > li").count() == 2
    assert "het bestuur stemt in met de bijdrage" in page.locator("ol.agenda").inner_text()


def test_mark_action_done(page, site, staff_user):
    login(page, site, staff_user)
    page.goto(site + "/acties/")
    row = page.locator("#tabel-acties tbody tr", has_text="planning delen met de raden")
    row.get_by_label("Notitie bij").fill("verstuurd")
    row.get_by_role("button", name="Markeer afgerond").click()
    page.wait_for_load_state()
    assert "Actie bijgewerkt" in page.locator(".messages").inner_text()
    assert page.locator("#tabel-acties tbody tr", has_text="planning delen met de raden").count() == 0
    page.goto(site + "/acties/?status=done")
    done = page.locator("#tabel-acties tbody tr", has_text="planning delen met de raden")
    assert "afgerond" in done.inner_text() and "verstuurd" in done.inner_text()


def test_export_download(page, site, tmp_path):
    page.goto(site + "/besluiten/")
    with page.expect_download() as info:
        page.locator("p.exports a", has_text="CSV").first.click()
    path = tmp_path / "besluiten.csv"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8-sig")
    assert text.startswith("Datum;Besluit") and "het bestuur stemt in met de bijdrage" in text
    with page.expect_download() as info:
        page.locator("p.exports a", has_text="Excel").first.click()
    assert info.value.suggested_filename == "besluiten.xlsx"


def test_review_accept_in_one_click(page, site, staff_user):
    from regiovolger.store.models import Fact

    Fact.objects.filter(kind="decisions", data__id="d2").update(confidence=0.3)
    page.goto(site + "/besluiten/")
    assert "het bestuur stemt in met de bijdrage" not in page.locator("main").inner_text()
    login(page, site, staff_user)
    page.get_by_role("link", name="Te controleren").click()
    page.wait_for_url("**/te-controleren/")
    row = page.locator("#tabel-te-controleren tbody tr", has_text="het bestuur stemt in met de bijdrage")
    assert "0,30" in row.inner_text()
    row.get_by_role("button", name="Accepteren").click()
    page.wait_for_load_state()
    assert "Geaccepteerd" in page.locator(".messages").inner_text()
    assert page.locator("#tabel-te-controleren tbody tr", has_text="het bestuur stemt in met de bijdrage").count() == 0


def test_upload_appears(page, site, staff_user, tmp_path):
    login(page, site, staff_user)
    doc = tmp_path / "memo-ijsbaan.txt"
    doc.write_text("Memo aan het college\nDatum: 2 december 2030\n\nHet college besluit de ijsbaan te openen "
                   "op 20 december 2030. De kosten bedragen € 12.500.\n", encoding="utf-8")
    page.goto(site + "/toevoegen/")
    page.get_by_label("Bestand (PDF, DOCX, HTML, tekst)").set_input_files(str(doc))
    page.get_by_role("button", name="Uploaden en inlezen").click()
    page.wait_for_url("**/toevoegen/*/")
    from regiovolger.worker import process_queue

    process_queue(jobs=1, once=True)  # the upload worker, a process of its own beside serve
    page.get_by_role("link", name="Bekijk het document").wait_for(timeout=60000)  # the meta refresh reloads
    page.get_by_role("link", name="Bekijk het document").click()
    assert "ijsbaan" in page.locator(".doctext").inner_text()
    page.goto(site + "/documenten/")
    assert "memo-ijsbaan.txt" in page.locator("#tabel-documenten").inner_text() or \
        "Memo aan het college" in page.locator("#tabel-documenten").inner_text()


def test_main_pages_accessible_and_screenshotted(page, site, staff_user):
    from regiovolger.store.models import Fact
    from regiovolger.web import facts as F

    pub = Fact.objects.filter(kind="meetings").select_related("file").first()
    slug = F.doc_slug(pub.file.sha256)
    project = Fact.objects.filter(kind="projects", file=pub.file).first()
    pages = {
        "home": "/", "zoeken": "/zoeken/?q=bestuur", "documenten": "/documenten/", "document": f"/documenten/{slug}/",
        "vergadering": f"/vergaderingen/{F.fact_key(pub.file.sha256, 'meetings', pub.quote)}/",
        "acties": "/acties/", "besluiten": "/besluiten/", "toezeggingen": "/toezeggingen/", "projecten": "/projecten/",
        "project": f"/projecten/{F.fact_key(pub.file.sha256, 'projects', project.quote)}/",
        "gemeente": "/gemeenten/gm0301/", "persoon": "/personen/teun-vrieling/",
        "organisatie": "/organisaties/samenwerking-heuvelland/", "kalender": "/kalender/", "inloggen": "/inloggen/",
    }
    problems = {}
    for name, url in pages.items():
        page.goto(site + url)
        found = axe_check(page, name)
        if found:
            problems[name] = found
    Fact.objects.filter(kind="decisions", file=pub.file).update(confidence=0.3)  # something to review
    login(page, site, staff_user)
    for name, url in {"acties-medewerker": "/acties/", "toevoegen": "/toevoegen/",
                      "te-controleren": "/te-controleren/"}.items():
        page.goto(site + url)
        found = axe_check(page, name)
        if found:
            problems[name] = found
    assert not problems, problems
