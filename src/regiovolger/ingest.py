"""ingest: files, folders and globs → store, in parallel, never stopping on a bad file.

Workers run the Django-free pipeline (read → segment → extract) in child
processes under the limits of :mod:`regiovolger.limits` (see
:mod:`regiovolger.sandbox`) and return plain data; only this process writes to
the database, one transaction per file, in the order of the paths (whichever
worker finishes first), so the cross-file step sees the files in one order in
every run. A file is done when stored, resolved and indexed, each stage marked
on its row; a run first finishes what an earlier (killed) run left between
stages. Special files and symbolic links out of the folder given are refused
without being opened.
"""

from __future__ import annotations

import contextlib
import glob
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import sandbox
from .errors import ReadError
from .messages import message
from .pipeline import sha256_file

INGESTED, UNCHANGED, FAILED = "ingested", "unchanged", "failed"


@dataclass
class Outcome:
    path: str
    status: str
    reason: str | None = None
    code: str | None = None
    seconds: float | None = None  # read and extract, in the worker
    peak_mb: float | None = None  # peak resident memory of the worker that read it


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    total: int = 0
    interrupted: bool = False  # Ctrl-C or SIGTERM stopped the run before every file was done

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == FAILED]


_SPECIAL = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "apparaat/device"), (stat.S_ISBLK, "apparaat/device"),
            (stat.S_ISSOCK, "socket"))


def refusal(path: Path, root: Path | None = None) -> tuple[str, str] | None:
    """Why ``path`` is not opened at all, as (code, reason), or None when it may be read.

    Special files (FIFO, device, socket) are refused: opening one can block for ever.
    Inside a folder (``root``, resolved) a symbolic link is followed only when it
    points inside that folder.
    """
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve()
            if root is not None and not target.is_relative_to(root):
                return "symlink_outside", message("read.symlink_outside", target=str(target))
            info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError, RuntimeError):  # RuntimeError: a symlink loop
        return "not_found", message("read.not_found", path=str(path))
    except OSError as exc:
        return "error", message("read.internal", detail=str(exc))
    for test, kind in _SPECIAL:
        if test(info.st_mode):
            return "special", message("read.special", kind=kind)
    return None


def scan(paths: Iterable[str]) -> list[tuple[Path, tuple[str, str] | None]]:
    """Files named, files under folders (recursively, skipping hidden ones) and glob matches,
    each once, as sorted absolute paths, each with its :func:`refusal` (None when it may be read)."""
    found: dict[Path, tuple[str, str] | None] = {}

    def add(p: Path) -> None:
        # absolute paths: the store records where a file came from, wherever ingest ran
        p = p.absolute()
        if not p.is_dir():
            found.setdefault(p, refusal(p))
            return
        root = p.resolve()
        # symlinked folders are not entered: what they point to inside the folder is walked anyway
        for folder, dirs, names in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if not name.startswith("."):
                    sub = Path(folder) / name
                    found.setdefault(sub, refusal(sub, root))

    for raw in paths:
        matches = glob.glob(raw, recursive=True) if glob.has_magic(raw) else [raw]
        for m in matches:
            add(Path(m))
    return sorted(found.items(), key=lambda item: str(item[0]))


def expand(paths: Iterable[str]) -> list[Path]:
    """The files of :func:`scan` that may be read."""
    return [p for p, refused in scan(paths) if refused is None]


@contextlib.contextmanager
def terminate_as_interrupt():
    """SIGTERM stops a run like Ctrl-C does: the summary of what was done is still given."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def settle(result: sandbox.Result, force: bool = False) -> Outcome:
    """What a worker returned, kept: stored, then resolved and indexed; or its reason, as an Outcome.

    The caller records a failure (``store.writer.record_failure``).
    """
    from .store.resolution import finish
    from .store.writer import save

    if result.processed is None:
        return Outcome(result.path, FAILED, result.reason, result.code, seconds=result.seconds,
                       peak_mb=result.peak_mb)
    stored = save(result.processed, replace=force)
    # resolve, then index: the stages after store; a failed index write leaves the file unfinished
    # (stored and resolved, not indexed) for the end of this run, the next run or `regiovolger check`
    pending = stored is not None and not finish(stored)
    return Outcome(result.path, INGESTED if stored else UNCHANGED, seconds=result.seconds, peak_mb=result.peak_mb,
                   reason=message("ingest.index_pending") if pending else None)


def ingest(paths: Iterable[str], workers: int | None = None,
           progress: Callable[[Outcome], None] | None = None,
           on_total: Callable[[int], None] | None = None, force: bool = False) -> Report:
    """Ingest ``paths``; the store must be set up (``store.bootstrap.setup``).

    ``force`` reads files that are stored already once more (after an upgrade of
    the readers or extractors) and replaces what was extracted from them.
    """
    from .store.resolution import repair
    from .store.writer import known, record_failure

    report = Report()
    entries = scan(paths)
    report.total = len(entries)
    if on_total:
        on_total(len(entries))

    def done(outcome: Outcome, sha: str | None = None) -> None:
        # recorded and reported the moment it is known: a killed run loses nothing already done
        if outcome.status == FAILED:
            record_failure(outcome.path, outcome.code or "error", outcome.reason or "", sha)
        report.outcomes.append(outcome)
        if progress:
            progress(outcome)

    with terminate_as_interrupt():
        try:
            repair()  # first what an earlier run left between stages (stored, not resolved or indexed)
            todo: list[tuple[str, str]] = []
            for f, refused in entries:
                path = str(f)
                if refused:
                    done(Outcome(path, FAILED, refused[1], refused[0]))
                    continue
                try:
                    sha = sha256_file(f)
                except ReadError as exc:
                    done(Outcome(path, FAILED, str(exc), exc.code))
                    continue
                except OSError as exc:
                    done(Outcome(path, FAILED, message("read.not_found", path=path) if isinstance(
                        exc, FileNotFoundError) else str(exc), "not_found"))
                    continue
                if known(sha, path) and not force:
                    done(Outcome(path, UNCHANGED))
                else:
                    todo.append((path, sha))

            # stored in the order of the paths, however the workers finish: the cross-file step sees
            # the files in one order, and a killed run has stored a prefix of it that the next continues
            for result in sandbox.run_ordered(todo, workers or os.cpu_count() or 1):
                done(settle(result, force), result.sha)
        except KeyboardInterrupt:
            report.interrupted = True
    repair()  # and what this run left there, if it was interrupted between stages
    return report
