"""regiovolger worker: ingest the files uploaded through the site, in a process of its own.

The upload page only checks an upload's size and type, saves it in the data
directory and adds an :class:`~regiovolger.web.models.Upload` row in the state
"queued": the web server never reads a document. This worker takes queued
uploads, up to ``jobs`` at a time, and reads each in a child process under the
limits of :mod:`regiovolger.limits` (:mod:`regiovolger.sandbox`); it stores,
resolves and indexes what was read (:func:`regiovolger.ingest.settle`) and
records the upload's state ("done", or "failed" with its one-line reason).

One worker per data directory holds ``worker.lock`` there; a second one waits
until the first stops. Uploads a killed worker left "running" are queued again
when the next one starts. The store must be set up (``store.bootstrap.setup``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from . import sandbox
from .errors import ReadError
from .ingest import FAILED, INGESTED, Outcome, terminate_as_interrupt, refusal, settle
from .messages import message
from .pipeline import sha256_file

JOBS_ENV = "REGIOVOLGER_UPLOAD_JOBS"


def default_jobs() -> int:
    """Uploads read at once: REGIOVOLGER_UPLOAD_JOBS, else 2."""
    try:
        return max(1, int(os.environ.get(JOBS_ENV, "2")))
    except ValueError:
        return 2


def lock_path() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / "worker.lock"


@contextlib.contextmanager
def worker_lock(waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Held by the one worker of this data directory; ``waiting`` is called when another holds it."""
    path = lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                waiting()
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def is_running() -> bool:
    """True when a worker holds the lock of this data directory (for the upload page)."""
    try:
        with open(lock_path(), "rb") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(fh, fcntl.LOCK_UN)
            return False
    except OSError:
        return False


class Queue:
    """The uploads this worker has taken from the queue, by path (each upload has a folder of its own)."""

    def __init__(self, report: Callable[[str, Outcome], None] | None = None) -> None:
        self.claimed: dict[str, int] = {}
        self.report = report

    def claim(self, n: int) -> list[tuple[str, str]]:
        """Take up to ``n`` queued uploads that need reading, oldest first, as (path, sha256).

        An upload that can be settled at once (file gone or special, content stored already) is
        settled here and not counted.
        """
        from .web.models import Upload

        tasks: list[tuple[str, str]] = []
        while len(tasks) < n:
            ids = list(Upload.objects.filter(status=Upload.QUEUED).order_by("id")
                       .values_list("id", flat=True)[: n - len(tasks)])
            if not ids:
                break
            for pk in ids:
                # taken by this worker only if still queued: the update is the claim
                if Upload.objects.filter(pk=pk, status=Upload.QUEUED).update(status=Upload.RUNNING, message=""):
                    task = self._prepare(Upload.objects.get(pk=pk))
                    if task:
                        tasks.append(task)
        return tasks

    def _prepare(self, up) -> tuple[str, str] | None:
        from .store.writer import known

        path = Path(up.path)
        refused = refusal(path)
        if refused:
            self._finish(up.id, Outcome(str(path), FAILED, refused[1], refused[0]))
            return None
        try:
            sha = sha256_file(path)
        except (ReadError, OSError) as exc:
            code = exc.code if isinstance(exc, ReadError) else "not_found"
            self._finish(up.id, Outcome(str(path), FAILED, str(exc), code))
            return None
        type(up).objects.filter(pk=up.id).update(sha256=sha)
        if known(sha, str(path)):
            self._finish(up.id, Outcome(str(path), "unchanged"))
            return None
        self.claimed[str(path)] = up.id
        return str(path), sha

    def settle(self, result: sandbox.Result) -> Outcome:
        """Keep what a child read (store, resolve, index), or its reason; record the upload's state."""
        try:
            outcome = settle(result)
        except Exception as exc:  # noqa: BLE001 - shown on the upload page rather than ending the worker
            outcome = Outcome(result.path, FAILED, sandbox.reason_of(exc)[1], "error")
        self._finish(self.claimed.pop(result.path), outcome, result.sha)
        return outcome

    def _finish(self, upload_id: int, outcome: Outcome, sha: str | None = None) -> None:
        from django.utils import timezone

        from .store.writer import record_failure
        from .web.models import Upload

        if outcome.status == FAILED:
            record_failure(outcome.path, outcome.code or "error", outcome.reason or "", sha)
            status, text = Upload.FAILED, outcome.reason or ""
        else:
            status = Upload.DONE
            # stored: empty, or the note that the search index still lacks it (a later run finishes it)
            text = (outcome.reason or "") if outcome.status == INGESTED else message("ingest.unchanged")
        Upload.objects.filter(pk=upload_id).update(status=status, message=text[:2000], finished_at=timezone.now())
        if self.report:
            self.report(Upload.objects.get(pk=upload_id).name, outcome)

    def release(self) -> None:
        """Put the uploads still being read back in the queue (the worker is stopping)."""
        from .web.models import Upload

        Upload.objects.filter(pk__in=list(self.claimed.values()), status=Upload.RUNNING).update(status=Upload.QUEUED)
        self.claimed.clear()


def requeue_stale() -> int:
    """Uploads left "running" by a worker that died: queued again (call with the worker lock held)."""
    from .web.models import Upload

    return Upload.objects.filter(status=Upload.RUNNING).update(status=Upload.QUEUED)


def process_queue(jobs: int | None = None, once: bool = False, poll: float = 1.0,
                  report: Callable[[str, Outcome], None] | None = None,
                  waiting: Callable[[], None] | None = None, parent: int | None = None) -> int:
    """Read queued uploads until stopped (Ctrl-C, SIGTERM), or with ``once`` until the queue is empty.

    ``parent``: stop when this process is no longer the parent (``serve`` that started the worker died).
    Returns the number of uploads read.
    """
    from django.db import close_old_connections

    from .store.resolution import repair
    from .web.models import Upload

    jobs = jobs or default_jobs()
    count = 0
    with worker_lock(waiting), terminate_as_interrupt():
        requeue_stale()
        repair()  # files a crash left between stages
        queue = Queue(report)
        try:
            while parent is None or os.getppid() == parent:
                first = queue.claim(jobs)
                if first:
                    for result in sandbox.run(first, jobs, refill=queue.claim):
                        queue.settle(result)
                        count += 1
                    continue
                if once and not Upload.objects.filter(status=Upload.QUEUED).exists():
                    break
                close_old_connections()  # a long-lived process: no stale connection to a restarted server
                time.sleep(poll)
        except KeyboardInterrupt:
            pass
        finally:
            queue.release()
    return count
