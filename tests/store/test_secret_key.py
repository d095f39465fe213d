"""The secret key is made once per installation, kept private in the data directory, or taken from the environment."""

from __future__ import annotations

import stat

from regiovolger.settings import secret_key


def test_made_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("REGIOVOLGER_SECRET_KEY", raising=False)
    first = secret_key(tmp_path / "data")
    assert len(first) >= 50 and first != "regiovolger-local-development-only"
    assert secret_key(tmp_path / "data") == first
    assert stat.S_IMODE((tmp_path / "data" / "secret_key").stat().st_mode) == 0o600
    assert secret_key(tmp_path / "other") != first


def test_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path) == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()
