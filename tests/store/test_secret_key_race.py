"""The secret key file is never seen half-made: processes starting at the same moment get one non-empty key."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import regiovolger.settings as settings
from regiovolger.settings import secret_key


def test_a_slow_write_is_never_read_half_made(tmp_path, monkeypatch):
    """The first process is slow writing the key (a busy disk); the second starts meanwhile."""
    monkeypatch.delenv("REGIOVOLGER_SECRET_KEY", raising=False)
    real_fdopen = os.fdopen

    class Slow:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            self.fh.__enter__()
            return self

        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)

        def write(self, text):
            time.sleep(0.4)
            return self.fh.write(text)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Slow(real_fdopen(*a, **k)))
    keys: dict[str, str] = {}

    def start(name: str) -> None:
        keys[name] = secret_key(tmp_path)

    first = threading.Thread(target=start, args=("first",))
    first.start()
    time.sleep(0.15)  # the first one is writing now
    second = threading.Thread(target=start, args=("second",))
    second.start()
    first.join()
    second.join()
    assert keys["first"] and len(keys["first"]) >= 50
    assert keys["second"] == keys["first"] == (tmp_path / "secret_key").read_text().strip()
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary file left behind


def test_many_processes_at_once_agree(tmp_path):
    at = time.time() + 1.5  # all start their key at the same moment
    code = ("import sys, time; from pathlib import Path; import regiovolger.settings as s; "
            f"time.sleep(max(0, {at} - time.time())); print(s.secret_key(Path(sys.argv[1])))")
    env = {k: v for k, v in os.environ.items() if k != "REGIOVOLGER_SECRET_KEY"}
    env["REGIOVOLGER_DATA_DIR"] = str(tmp_path / "settings-dir")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "data")], env=env, stdout=subprocess.PIPE,
                              text=True) for _ in range(8)]
    keys = [p.communicate(timeout=60)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert all(keys) and len(set(keys)) == 1, keys


def test_an_empty_key_file_is_replaced_not_used(tmp_path, monkeypatch):
    monkeypatch.delenv("REGIOVOLGER_SECRET_KEY", raising=False)
    (tmp_path / "secret_key").write_text("\n")  # left by a crash of an older version
    key = secret_key(tmp_path)
    assert len(key) >= 50 and secret_key(tmp_path) == key
    monkeypatch.setenv("REGIOVOLGER_SECRET_KEY", "  ")  # an empty setting is no key either
    assert secret_key(tmp_path) == key
    assert settings.SECRET_KEY
