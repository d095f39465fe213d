"""Start Django for the CLI and workers that need the store; migrate on first use."""

from __future__ import annotations

import os

_ready = False


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


def migrate() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", verbosity=0, interactive=False)
