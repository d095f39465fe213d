"""`regiovolger serve`: the production server in a subprocess on 127.0.0.1, its security headers,
compressed static files, and `check --deploy` in both modes. No timing asserts: the port is
awaited with a generous deadline, the server is stopped by its PID."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import regiovolger.web as web_package

pytestmark = pytest.mark.slow

TEMPLATES = Path(web_package.__file__).parent / "templates"
STATIC = Path(web_package.__file__).parent / "static"
HTTPS_WARNINGS = {"security.W004", "security.W008", "security.W012", "security.W016"}


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("REGIOVOLGER_", "DJANGO_")) and k != "DATABASE_URL"}
    env.update(REGIOVOLGER_DATA_DIR=str(tmp), REGIOVOLGER_LANG="nl", **extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(port: int, path: str, headers: dict[str, str] | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp, resp.read()
    finally:
        conn.close()


class Server:
    def __init__(self, **env: str):
        self.tmp = Path(tempfile.mkdtemp(prefix="regiovolger-serve-"))
        self.port = _free_port()
        self.log = open(self.tmp / "serve.log", "w+b")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "regiovolger.cli", "serve", "--port", str(self.port),
             "--workers", "1", "--threads", "2"],
            env=_env(self.tmp, **env), stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, deadline_s: float = 180) -> None:
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                pytest.fail(f"serve stopped early (rc {self.proc.returncode}):\n{self.output()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        pytest.fail(f"serve did not listen within {deadline_s} s:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        return (self.tmp / "serve.log").read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=60)
        self.log.close()


@pytest.fixture(scope="module")
def plain_server():
    server = Server()
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def https_server():
    server = Server(REGIOVOLGER_HTTPS="1", REGIOVOLGER_ALLOWED_HOSTS="regio.example,127.0.0.1")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_home_page_from_the_production_server_with_security_headers(plain_server):
    resp, body = _request(plain_server.port, "/")
    assert resp.status == 200, body[:500]
    assert resp.getheader("Server", "").startswith("gunicorn")
    csp = resp.getheader("Content-Security-Policy", "")
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";") if part.strip())
    assert directives.get("default-src") == "'self'"
    assert directives.get("script-src") == "'self'"
    assert directives.get("frame-ancestors") == "'none'"
    assert "unsafe-inline" not in csp
    assert resp.getheader("X-Content-Type-Options") == "nosniff"
    assert resp.getheader("Referrer-Policy") == "same-origin"
    assert resp.getheader("X-Frame-Options") == "DENY"
    # plain http: no HSTS, no secure-only cookies
    assert resp.getheader("Strict-Transport-Security") is None
    assert "Secure" not in (resp.getheader("Set-Cookie") or "")
    assert b"web/site.css" in body


def test_static_files_are_served_compressed(plain_server):
    original = (STATIC / "web" / "site.css").read_bytes()
    resp, body = _request(plain_server.port, "/static/web/site.css", {"Accept-Encoding": "gzip"})
    assert resp.status == 200
    assert resp.getheader("Content-Type", "").startswith("text/css")
    assert resp.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == original
    resp, body = _request(plain_server.port, "/static/web/site.css")
    assert resp.status == 200 and body == original
    resp, _ = _request(plain_server.port, "/static/admin/css/base.css")
    assert resp.status == 200
    resp, _ = _request(plain_server.port, "/static/web/bestaat-niet.css")
    assert resp.status == 404


def test_unknown_host_is_refused(plain_server):
    resp, _ = _request(plain_server.port, "/", {"Host": "elders.example"})
    assert resp.status == 400


def test_https_mode_behind_a_proxy(https_server):
    resp, _ = _request(https_server.port, "/", {"Host": "regio.example"})
    assert resp.status == 301
    assert resp.getheader("Location") == "https://regio.example/"
    resp, body = _request(https_server.port, "/", {"Host": "regio.example", "X-Forwarded-Proto": "https"})
    assert resp.status == 200, body[:500]
    hsts = resp.getheader("Strict-Transport-Security", "")
    assert re.fullmatch(r"max-age=\d{7,}; includeSubDomains; preload", hsts), hsts
    assert "upgrade-insecure-requests" in resp.getheader("Content-Security-Policy", "")
    cookie = resp.getheader("Set-Cookie") or ""
    assert "csrftoken=" in cookie and "Secure" in cookie


def _check_deploy(**env: str) -> subprocess.CompletedProcess:
    tmp = Path(tempfile.mkdtemp(prefix="regiovolger-check-"))
    return subprocess.run([sys.executable, "-m", "regiovolger.cli", "manage", "check", "--deploy"],
                          env=_env(tmp, **env), capture_output=True, text=True, timeout=600)


def test_check_deploy_clean_with_https():
    out = _check_deploy(REGIOVOLGER_HTTPS="1")
    assert out.returncode == 0, out.stderr
    assert "no issues" in out.stdout + out.stderr, out.stdout + out.stderr


def test_check_deploy_on_plain_http_warns_only_about_https_settings():
    out = _check_deploy()
    found = set(re.findall(r"\((\w+\.[WE]\d+)\)", out.stdout + out.stderr))
    assert found == HTTPS_WARNINGS, out.stdout + out.stderr


def test_templates_have_no_inline_script_or_style():
    """The CSP allows scripts and styles from the site's own static files only."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", r"<style\b",
                        r"\sstyle\s*=", r"\son[a-z]+\s*=", r"javascript:"):
            if re.search(pattern, text, re.IGNORECASE):
                offenders.append(f"{path.relative_to(TEMPLATES)}: {pattern}")
    assert offenders == []
