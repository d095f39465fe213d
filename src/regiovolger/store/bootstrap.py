"""Start Django for the CLI and workers that need the store; migrate on first use.

Two programs started at once on a new store (two ``ingest`` runs, ``serve``
and its worker) would both find the migrations unapplied and both create the
tables; the second fails with ``table ... already exists``. Migrating is
therefore done under a lock: a file lock beside the SQLite database, or a
PostgreSQL advisory lock. The plan is checked again once the lock is held, so
the program that waited finds the work done.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

_ready = False
# any fixed 64-bit number: the advisory lock all regiovolger programs on one PostgreSQL database share
_PG_LOCK_KEY = 0x7265_6769_6F76_6F6C & 0x7FFF_FFFF_FFFF_FFFF


def setup(data_dir: str | None = None) -> None:
    """Configure Django once per process and apply any unapplied migrations."""
    global _ready
    if _ready:
        return
    if data_dir:
        os.environ["REGIOVOLGER_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiovolger.settings")
    import django
    from django.conf import settings

    django.setup()
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    migrate()
    _ready = True


def _unapplied() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@contextlib.contextmanager
def migration_lock() -> Iterator[None]:
    """Held by one program at a time for this store, across processes."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_PG_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_PG_LOCK_KEY])
        return
    import fcntl

    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):  # a database of this process alone
        yield
        return
    lock_path = Path(name).with_name(Path(name).name + ".migrate-lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # released when the file closes, also when the process dies
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def migrate() -> None:
    """Apply unapplied migrations, one program at a time."""
    from django.core.management import call_command
    from django.db import connection

    # the first connection to a new SQLite file switches it to WAL, which needs the file to itself: a program
    # connecting while another migrates would fail with "database is locked", so on SQLite it connects under the lock
    if connection.vendor != "sqlite" and not _unapplied():
        return
    with migration_lock():
        if _unapplied():  # another program may have migrated while this one waited
            call_command("migrate", verbosity=0, interactive=False)
