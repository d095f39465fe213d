"""Two ingests started at once on a brand-new store: one migrates, the other waits for it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs its own SQLite store")
def test_two_ingests_on_a_new_store_both_succeed(tmp_path):
    seeds = sorted(SEEDS.glob("00[01]_*.txt"))
    folders = []
    for i, seed in enumerate(seeds):
        folder = tmp_path / f"docs{i}"
        folder.mkdir()
        (folder / seed.name).write_bytes(seed.read_bytes())
        folders.append(folder)
    data = tmp_path / "data"  # does not exist yet: both programs find a store without tables
    env = dict(os.environ, REGIOVOLGER_DATA_DIR=str(data))
    env.pop("DATABASE_URL", None)
    procs = [subprocess.Popen([sys.executable, "-m", "regiovolger.cli", "ingest", "--workers", "1", str(folder)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in folders]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    for returncode, stderr in results:
        assert "already exists" not in stderr and "duplicate column" not in stderr, stderr
        assert returncode == 0, stderr
    con = sqlite3.connect(data / "regiovolger.sqlite3")
    try:
        stored = sorted(os.path.basename(p) for (p,) in con.execute("select path from store_sourcefile"))
        applied = con.execute("select count(*) from django_migrations").fetchone()[0]
        distinct = con.execute("select count(distinct app || name) from django_migrations").fetchone()[0]
    finally:
        con.close()
    assert stored == sorted(s.name for s in seeds)
    assert applied == distinct  # each migration recorded once
