"""The Content-Security-Policy in a real browser: the site's own pages (public, staff and the
Django admin) load without a single CSP violation, so the policy breaks nothing."""

from __future__ import annotations

import pytest

from .test_browser import CHROMIUM, browser, login, page, site  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (scripts/setup installs it)"),
]

WATCH = """() => { window.__csp = window.__csp || [];
  document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI)); }"""


def _visit(page, url: str, console: list[str]) -> list[str]:  # noqa: F811
    page.goto(url)
    page.wait_for_load_state("load")
    found = page.evaluate("() => window.__csp || []")
    return found + [m for m in console if "Content Security Policy" in m]


def test_pages_load_without_csp_violations(page, site, staff_user):  # noqa: F811
    console: list[str] = []
    page.on("console", lambda msg: console.append(msg.text))
    page.add_init_script(script=f"({WATCH})()")
    problems = {}
    for url in ("/", "/zoeken/?q=fietsroute", "/acties/", "/inloggen/"):
        found = _visit(page, site + url, console)
        if found:
            problems[url] = found
    page.goto(site + "/")
    csp = page.evaluate("async () => (await fetch('/')).headers.get('content-security-policy')")
    assert csp and "default-src 'self'" in csp  # the policy is really in force on these pages
    login(page, site, staff_user)
    for url in ("/toevoegen/", "/te-controleren/", "/beheer/", "/beheer/auth/user/"):
        found = _visit(page, site + url, console)
        if found:
            problems[url] = found
    assert not problems, problems
