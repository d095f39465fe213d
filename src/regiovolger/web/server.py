"""The production web server: gunicorn (threaded workers) in front of the Django application.

`regiovolger serve` calls :func:`run` after the store is set up; ``--dev`` uses Django's own
development server instead (:func:`run_dev`). Static files are collected (with gzip and brotli
copies) before either starts and served by WhiteNoise, so no separate web server is needed;
behind a reverse proxy see the README.
"""

from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication


def default_workers() -> int:
    """One worker per core plus one, at most four: search is CPU-bound, pages wait on the store."""
    return min(4, (os.cpu_count() or 1) + 1)


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def allow_host(host: str) -> None:
    """Accept requests addressed to the host the server listens on (a wildcard address accepts any)."""
    from django.conf import settings

    if host in ("0.0.0.0", "::"):
        if "*" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS.append("*")
    elif host not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append(host)


def collect_static() -> None:
    """Copy the static files into STATIC_ROOT with compressed copies; quick when nothing changed."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    # the finders were only a stand-in until the first collection
    settings.WHITENOISE_USE_FINDERS = settings.DEBUG


class _Gunicorn(BaseApplication):
    def __init__(self, application, options: dict):
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def run(host: str, port: int, workers: int | None = None, threads: int = 4, access_log: bool = True) -> None:
    """Serve until SIGTERM or Ctrl-C; the workers are forked from this process with the app loaded."""
    from django.db import connections

    from django.urls import get_resolver

    from ..search import warm_up
    from .wsgi import application

    # loaded once here, before the fork, rather than in the first request of every worker
    # (the URL conf imports the API stack; the search lexicon takes half a second)
    get_resolver().url_patterns
    warm_up()
    connections.close_all()  # no database connection may be shared by the forked workers
    options = {
        "bind": [bind_address(host, port)],
        "workers": workers or default_workers(),
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 120,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "proc_name": "regiovolger",
        "control_socket_disable": True,  # no shared socket in the home folder; stop by signal
        # X-Forwarded-* is trusted only from these addresses (gunicorn's FORWARDED_ALLOW_IPS)
        "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"),
    }
    _Gunicorn(application, options).run()


def run_dev(host: str, port: int) -> None:
    """Django's development server, without the autoreloader; static files from the app folders."""
    from django.core.management import call_command

    call_command("runserver", bind_address(host, port), use_reloader=False, insecure_serving=True)
