"""`regiovolger worker`: read the files uploaded through the site, beside `regiovolger serve`.

Also the worker child that `serve` starts unless ``--no-worker``, and starts again when it dies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

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


def child_command(data_dir: str | None) -> list[str]:
    """The worker beside this process; it stops by itself when this process is gone (``--parent``)."""
    command = [sys.executable, "-m", "regiovolger.cli"]
    if data_dir:
        command += ["--data-dir", str(data_dir)]
    return [*command, "worker", "--parent", str(os.getpid())]


class Supervisor:
    """The upload worker beside the web server, started again whenever it dies while the server runs.

    A thread of the server process watches the child. A child that dies soon after its start is
    started again after a pause that doubles each time (``min_delay`` up to ``max_delay``), so a
    worker that cannot start does not spin; one that ran ``stable`` seconds resets the pause.
    """

    def __init__(self, command: list[str], min_delay: float = 1.0, max_delay: float = 60.0, stable: float = 30.0):
        self.command = command
        self.min_delay, self.max_delay, self.stable = min_delay, max_delay, stable
        self.child: subprocess.Popen | None = None
        self.started = 0.0
        self.restarts = 0
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._watch, name="regiovolger-worker-wacht", daemon=True)

    def start(self) -> Supervisor:
        self._spawn()
        self._thread.start()
        return self

    def _spawn(self) -> None:
        self.child = subprocess.Popen(self.command, stdin=subprocess.DEVNULL)
        self.started = time.monotonic()

    def _watch(self) -> None:
        delay = self.min_delay
        while True:
            child = self.child
            while child is not None and child.poll() is None:
                if self._stopping.wait(0.5):
                    return
            if self._stopping.is_set():
                return
            if time.monotonic() - self.started >= self.stable:
                delay = self.min_delay
            console.print(f"verwerker gestopt (code {child.returncode if child else '?'}); over {delay:g} s opnieuw "
                          f"gestart / upload worker stopped; restarting in {delay:g} s", highlight=False)
            if self._stopping.wait(delay):
                return
            delay = min(self.max_delay, delay * 2)
            with self._lock:
                if self._stopping.is_set():
                    return
                self._spawn()
                self.restarts += 1

    def stop(self) -> None:
        """Stop watching, then stop the child (its uploads go back to the queue)."""
        self._stopping.set()
        with self._lock:
            child = self.child
        if self._thread.is_alive():
            self._thread.join(5)
        if child is not None:
            stop_process(child)


def start_child(data_dir: str | None) -> Supervisor:
    """The upload worker beside ``serve``, restarted when it dies (see :class:`Supervisor`)."""
    return Supervisor(child_command(data_dir)).start()


def stop_child(child: Supervisor) -> None:
    child.stop()


def stop_process(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()  # SIGTERM: the uploads it was reading go back to the queue
        try:
            child.wait(15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
