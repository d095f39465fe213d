"""Django settings: one place. The database is chosen by one setting.

- DATABASE_URL (e.g. postgres://user@127.0.0.1:5432/regiovolger) → that database;
- otherwise SQLite in the data directory: REGIOVOLGER_DATA_DIR, or
  ``$XDG_DATA_HOME/regiovolger`` (default ``~/.local/share/regiovolger``).
"""

from __future__ import annotations

import contextlib
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

def secret_key(directory: Path) -> str:
    """REGIOVOLGER_SECRET_KEY, else a key made once for this installation and kept in the data directory.

    The key file appears whole or not at all: it is written and synced under a temporary name, then
    linked to its place, which fails when another process got there first (that one's key is then read).
    So a process starting at the same moment never reads a file that exists but is not yet written, and
    an empty key is never used (an empty file, left by a crash of an older version, is replaced).
    """
    configured = os.environ.get("REGIOVOLGER_SECRET_KEY", "").strip()
    if configured:
        return configured
    path = directory / "secret_key"
    key = _read_key(path)
    if key:
        return key
    import secrets
    import tempfile

    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".secret_key.", dir=directory)  # mode 0600: the owner only
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_urlsafe(50))
            fh.flush()
            os.fsync(fh.fileno())
        if _empty_file(path):
            os.replace(tmp, path)  # an empty file: replaced whole
        else:
            try:
                os.link(tmp, path)  # the first process wins; the file is complete the moment it appears
            except FileExistsError:
                pass
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    key = _read_key(path)
    if not key:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"geheime sleutel in {path} is leeg / the secret key in {path} is empty")
    return key


def _empty_file(path: Path) -> bool:
    """Whether ``path`` is there and empty, read in one step: a file that is missing now may be linked by another
    process a moment later, and must then not be replaced by this one's key."""
    try:
        return not path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return False


def _read_key(path: Path) -> str | None:
    """The key kept in ``path``; None when there is no file or it is empty."""
    try:
        return path.read_text(encoding="ascii").strip() or None
    except FileNotFoundError:
        return None


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on", "ja")


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated environment variable as a list; unset or empty gives the default."""
    items = [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]
    return items or list(default)


SECRET_KEY = secret_key(DATA_DIR)
DEBUG = os.environ.get("REGIOVOLGER_DEBUG", "") == "1"
ALLOWED_HOSTS = env_list("REGIOVOLGER_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("REGIOVOLGER_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.admin",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "regiovolger.store",
    "regiovolger.web",
    "regiovolger.search",
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

# --- web layer (regiovolger.web) ---
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "regiovolger.web.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]
WSGI_APPLICATION = "regiovolger.web.wsgi.application"
STATIC_URL = "/static/"
STATIC_ROOT = str(DATA_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # collectstatic (run by `regiovolger serve`) writes gzip and brotli copies that WhiteNoise serves
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
try:
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    _collected = any(Path(STATIC_ROOT).iterdir())
except OSError:
    _collected = False
# before the first collectstatic (tests, `manage runserver`) the app folders are served directly
WHITENOISE_USE_FINDERS = DEBUG or not _collected

# --- security headers (see README: "Achter een reverse proxy") ---
HTTPS = env_flag("REGIOVOLGER_HTTPS")  # the site is reached over https (directly or through a proxy)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = not env_flag("REGIOVOLGER_NO_SSL_REDIRECT")
    # the proxy in front sets X-Forwarded-Proto (and must overwrite one sent by the client)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("REGIOVOLGER_HSTS_SECONDS") or 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = not env_flag("REGIOVOLGER_HSTS_NO_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = not env_flag("REGIOVOLGER_HSTS_NO_PRELOAD")
# the site's own pages have no inline script or style and load nothing from elsewhere
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    },
}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 200 * 1024 * 1024
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # a file, not memory: the live-server and background-ingest threads of the tests share it;
    # one per test process, in the temp dir, so parallel runs never share or touch the real store
    import tempfile

    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"regiovolger-test-{os.getpid()}.sqlite3")}
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "regiovolger API",
    "DESCRIPTION": "Alleen-lezen API over documenten, delen en feiten / read-only API over documents, parts and facts.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}
