"""Django settings: one place. The database is chosen by one setting.

- DATABASE_URL (e.g. postgres://user@127.0.0.1:5432/regiovolger) → that database;
- otherwise SQLite in the data directory: REGIOVOLGER_DATA_DIR, or
  ``$XDG_DATA_HOME/regiovolger`` (default ``~/.local/share/regiovolger``).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url


def data_dir() -> Path:
    configured = os.environ.get("REGIOVOLGER_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "regiovolger"


DATA_DIR = data_dir()

SECRET_KEY = os.environ.get("REGIOVOLGER_SECRET_KEY", "regiovolger-local-development-only")
DEBUG = os.environ.get("REGIOVOLGER_DEBUG", "") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "regiovolger.store",
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=0)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "regiovolger.sqlite3"),
            "OPTIONS": {
                # WAL lets readers work while ingest writes; the timeout rides out short locks.
                "timeout": 30,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
USE_I18N = True
