"""The REST API against its own OpenAPI description, exercised by schemathesis."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from regiovolger.web.wsgi import application  # noqa: E402

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def api_corpus(corpus):
    # as Django's test client does: keep the test's connection open across the WSGI calls
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield corpus
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_description(case, api_corpus):
    case.call_and_validate()


def test_schema_lists_the_read_only_endpoints(client, db):
    doc = client.get("/api/schema/?format=json").json()
    paths = doc["paths"]
    assert {"/api/documents/", "/api/documents/{slug}/", "/api/parts/", "/api/facts/", "/api/facts/{id}/"} <= set(paths)
    methods = {m for p in paths.values() for m in p}
    assert methods <= {"get", "parameters"}, methods
    assert client.post("/api/documents/", {}).status_code == 405
