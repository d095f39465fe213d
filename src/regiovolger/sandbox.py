"""Read and extract each file in a child process under limits, and kill it on excess.

A child process ("worker") takes one file at a time: it runs the Django-free
pipeline under ``RLIMIT_AS`` (memory) and ``RLIMIT_CPU`` (processor time for
this file), and the parent kills it when the file takes longer than the wall
time allowed. A file that kills its worker fails alone, with a reason; the
worker is replaced and the batch goes on.

Workers are started with ``spawn`` (the parent holds database connections a
fork must not share) and kept for the next batch of the same process, so a
program that ingests often pays the start-up once.
"""

from __future__ import annotations

import atexit
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing import connection as mp_connection

from .limits import Limits, current

_FORWARDED = ("OMP_THREAD_LIMIT",)


def _environment() -> dict[str, str]:
    """The settings a worker must share with the parent (limits, language, ...)."""
    return {k: v for k, v in os.environ.items() if k.startswith("REGIOVOLGER_") or k in _FORWARDED}


# --------------------------------------------------------------------------- child side


def _set_environment(env: dict[str, str]) -> None:
    for key in [k for k in os.environ if k.startswith("REGIOVOLGER_") and k not in env]:
        del os.environ[key]
    os.environ.update(env)


def _limit(resource_id: int, soft: float) -> None:
    import resource

    _, hard = resource.getrlimit(resource_id)
    value = int(soft)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    try:
        resource.setrlimit(resource_id, (value, hard))
    except (ValueError, OSError):  # a platform without this limit: the wall time still holds
        pass


def _unlimit(resource_id: int) -> None:
    import resource

    _, hard = resource.getrlimit(resource_id)
    try:
        resource.setrlimit(resource_id, (hard, hard))
    except (ValueError, OSError):
        pass


def _child(conn) -> None:
    """Worker loop: receive (path, environment), send back ("ok", Processed) or ("error", code, reason)."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        os.setpgrp()  # a group of its own: killing it also ends the tesseract it may be running
    except OSError:
        pass
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per worker
    _warm_up()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        path, env = task
        _set_environment(env)
        limits = current()
        used = resource.getrusage(resource.RUSAGE_SELF)
        _limit(resource.RLIMIT_CPU, used.ru_utime + used.ru_stime + limits.cpu_seconds + 1)
        _limit(resource.RLIMIT_AS, limits.memory_mb * 1048576)
        try:
            answer = ("ok", _process(path))
        except BaseException as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            if _out_of_memory(exc):
                answer = ("error", "memory_limit", _message("read.memory_limit", limit_mb=limits.memory_mb))
            else:
                answer = ("error", *reason_of(exc))
        finally:
            _unlimit(resource.RLIMIT_AS)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # of this worker so far
        try:
            conn.send((answer, peak_mb))
        except MemoryError:
            conn.send((("error", "memory_limit", _message("read.memory_limit", limit_mb=limits.memory_mb)),
                       peak_mb))
        except (EOFError, OSError, BrokenPipeError):
            return


def _warm_up() -> None:
    """Import the pipeline before any limit applies: the limits are for a file's work, not for start-up."""
    import importlib

    for name in ("regiovolger.pipeline", "regiovolger.read.pdf", "regiovolger.read.docx", "regiovolger.read.html",
                 "regiovolger.read.plain", "regiovolger.read.image", "regiovolger.read.quality",
                 "charset_normalizer", "pypdfium2", "PIL.Image", "pytesseract"):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the file that needs it will say what is missing
            pass


def _out_of_memory(exc: BaseException) -> bool:
    """A MemoryError, or a library that could not map memory under RLIMIT_AS."""
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower()
    return "cannot allocate memory" in text or "failed to map segment" in text or "out of memory" in text


def _process(path: str):
    from .pipeline import process_file

    return process_file(path)


def _message(key: str, **params) -> str:
    from .messages import message

    return message(key, **params)


def reason_of(exc: BaseException) -> tuple[str, str]:
    """(code, one-line reason) of an exception raised while reading a file."""
    from .errors import ReadError

    if isinstance(exc, ReadError):
        return exc.code, str(exc)
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    return "error", _message("read.internal", detail=f"{type(exc).__name__}: {detail}")


# --------------------------------------------------------------------------- parent side


@dataclass
class Result:
    """What became of one file: ``processed`` or a ``code`` with its ``reason``."""

    path: str
    sha: str
    processed: object | None = None
    code: str | None = None
    reason: str | None = None
    seconds: float = 0.0
    peak_mb: float | None = None  # peak resident memory of the worker (unknown when it was killed)


class _Worker:
    def __init__(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(target=_child, args=(child_conn,), daemon=True, name="regiovolger-lezer")
        self.process.start()
        child_conn.close()
        self.task: tuple[str, str] | None = None
        self.started = 0.0

    def give(self, path: str, sha: str) -> None:
        self.task = (path, sha)
        self.started = time.monotonic()
        self.conn.send((path, _environment()))

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        self.kill_group()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def kill_group(self) -> None:
        """Kill the worker and what it started (tesseract), which a kill of the worker alone would orphan."""
        pid = self.process.pid
        if pid is None:
            return
        try:  # a group whose id is the worker's pid can only be the worker's own
            os.killpg(pid, signal.SIGKILL)
        except OSError:  # no such group (any more)
            pass

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.process.join(2)
        self.kill()


_idle: list[_Worker] = []
_idle_lock = threading.Lock()


def _take(n: int) -> list[_Worker]:
    with _idle_lock:
        taken = [w for w in _idle[:n] if w.alive()]
        del _idle[:n]
    return taken + [_Worker() for _ in range(n - len(taken))]


def _give_back(workers: list[_Worker]) -> None:
    keep = os.cpu_count() or 1
    with _idle_lock:
        for w in workers:
            if w.task is None and w.alive() and len(_idle) < keep:
                _idle.append(w)
            else:
                w.kill()


@atexit.register
def shutdown() -> None:
    """Stop the idle workers (also called at exit)."""
    with _idle_lock:
        workers = list(_idle)
        _idle.clear()
    for w in workers:
        w.stop()


def _death_reason(worker: _Worker, limits: Limits) -> tuple[str, str]:
    worker.process.join(5)
    worker.kill_group()  # what the worker left running
    code = worker.process.exitcode
    if code is not None and code < 0 and -code == getattr(signal, "SIGXCPU", -1):
        return "cpu_limit", _message("read.cpu_limit", seconds=limits.cpu_seconds)
    return "crashed", _message("read.crashed")


def run(todo: list[tuple[str, str]], workers: int,
        refill: Callable[[int], list[tuple[str, str]]] | None = None) -> Iterator[Result]:
    """Yield a :class:`Result` for each (path, sha) of ``todo`` as soon as its worker is done.

    ``refill(n)``, when given, is asked for up to ``n`` more tasks whenever workers are
    free (a queue that fills while the batch runs); the run ends when nothing is
    pending, nothing is busy and ``refill`` has nothing more.
    Stopping the iteration early (an exception, Ctrl-C) kills the workers that are busy.
    """
    if not todo and refill is None:
        return
    limits = current()
    pending = deque(todo)
    pool = _take(max(1, workers if refill else min(workers, len(todo))))
    try:
        while True:
            if refill is not None and not pending:
                free = sum(1 for w in pool if w.task is None)
                if free:
                    pending.extend(refill(free))
            if not pending and not any(w.task for w in pool):
                break
            for i, w in enumerate(pool):
                if w.task is None and pending:
                    if not w.alive():
                        w.kill()
                        pool[i] = w = _Worker()
                    w.give(*pending.popleft())
            busy = [w for w in pool if w.task]
            now = time.monotonic()
            timeout = max(0.0, min(w.started + limits.seconds for w in busy) - now)
            # with a queue to watch, look at it again every second
            ready = mp_connection.wait([w.conn for w in busy], timeout=min(timeout, 1.0 if refill else 5.0))
            for w in busy:
                path, sha = w.task
                peak_mb = None
                if w.conn in ready:
                    try:
                        answer, peak_mb = w.conn.recv()
                    except (EOFError, OSError):
                        answer = ("error", *_death_reason(w, limits))
                elif time.monotonic() - w.started > limits.seconds:
                    answer = ("error", "time_limit", _message("read.time_limit", seconds=limits.seconds))
                    w.kill_group()
                    w.process.kill()
                else:
                    continue
                seconds = time.monotonic() - w.started
                w.task = None
                if answer[0] == "ok":
                    yield Result(path, sha, processed=answer[1], seconds=seconds, peak_mb=peak_mb)
                else:
                    yield Result(path, sha, code=answer[1], reason=answer[2], seconds=seconds, peak_mb=peak_mb)
    finally:
        for w in pool:
            if w.task is not None:
                w.kill()  # busy when the run stopped: its answer would come too late
        _give_back(pool)


def run_ordered(todo: list[tuple[str, str]], workers: int, window: int | None = None) -> Iterator[Result]:
    """Like :func:`run`, but yield the results in the order of ``todo``, whichever worker finishes first.

    Storing files in one fixed order makes a batch's outcome independent of timing:
    the cross-file step sees the files in the same order in every run, and a run
    killed half-way has stored a prefix of that order, which the next run continues.
    At most ``window`` files (default four per worker) are handed out ahead of the
    first one not yet yielded, so a slow file holds back a bounded number of results.
    """
    if not todo:
        return
    window = window or 4 * max(1, workers)
    index = {path: i for i, (path, _) in enumerate(todo)}
    if len(index) != len(todo):
        raise ValueError("run_ordered: every path once")
    given = 0
    first = 0  # the first result not yet yielded
    held: dict[int, Result] = {}

    def refill(n: int) -> list[tuple[str, str]]:
        nonlocal given
        batch = todo[given:min(given + n, first + window)]
        given += len(batch)
        return batch

    for result in run([], max(1, min(workers, len(todo))), refill=refill):
        held[index[result.path]] = result
        while first in held:
            yield held.pop(first)
            first += 1
