"""`regiovolger worker`: read the files uploaded through the site, beside `regiovolger serve`.

Also the worker child that `serve` starts unless ``--no-worker``.
"""

from __future__ import annotations

import os
import subprocess
import sys

import click
from rich.console import Console

console = Console(stderr=True)


def register(main: click.Group) -> None:
    @main.command("worker")
    @click.option("--jobs", type=click.IntRange(1, 64), default=None,
                  help="Uploads tegelijk / uploads read at once (standaard REGIOVOLGER_UPLOAD_JOBS of 2).")
    @click.option("--once", is_flag=True,
                  help="Stop als de wachtrij leeg is / stop when the queue is empty.")
    @click.option("--parent", type=int, default=None, hidden=True)
    @click.pass_context
    def worker_command(ctx: click.Context, jobs: int | None, once: bool, parent: int | None) -> None:
        """Lees geüploade bestanden in, elk in een apart proces met grenzen / ingest uploaded files."""
        from .store.bootstrap import setup

        setup(ctx.obj["data_dir"])
        from .ingest import FAILED
        from .worker import default_jobs, process_queue

        def report(name: str, outcome) -> None:
            if outcome.status == FAILED:
                console.print(f"  mislukt / failed: {name}: {outcome.reason}", highlight=False, markup=False,
                              soft_wrap=True)
            else:
                console.print(f"  klaar / done: {name}", highlight=False, markup=False, soft_wrap=True)

        def waiting() -> None:
            console.print("er draait al een verwerker op deze opslag; wachten tot die stopt / "
                          "another worker runs on this store; waiting until it stops", highlight=False)

        n = jobs or default_jobs()
        console.print(f"regiovolger worker: {n} upload(s) tegelijk / at once (Ctrl-C stopt / stops)",
                      highlight=False)
        count = process_queue(jobs=n, once=once, report=report, waiting=waiting, parent=parent)
        console.print(f"{count} upload(s) ingelezen / read", highlight=False)


def start_child(data_dir: str | None) -> subprocess.Popen:
    """A worker process beside the web server; it stops by itself when the server is gone."""
    command = [sys.executable, "-m", "regiovolger.cli"]
    if data_dir:
        command += ["--data-dir", str(data_dir)]
    command += ["worker", "--parent", str(os.getpid())]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL)


def stop_child(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()  # SIGTERM: the uploads it was reading go back to the queue
        try:
            child.wait(15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
