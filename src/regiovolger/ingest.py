"""ingest: files, folders and globs → store, in parallel, never stopping on a bad file.

Workers run the Django-free pipeline (read → segment → extract) and return
plain data; only this process writes to the database, one transaction per file.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadError
from .messages import message
from .pipeline import Processed, process_file, sha256_file

INGESTED, UNCHANGED, FAILED = "ingested", "unchanged", "failed"


@dataclass
class Outcome:
    path: str
    status: str
    reason: str | None = None
    code: str | None = None


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == FAILED]


def expand(paths: Iterable[str]) -> list[Path]:
    """Files named, files under folders (recursively, skipping hidden ones) and glob matches,
    each once, as sorted absolute paths."""
    found: set[Path] = set()

    def add(p: Path) -> None:
        # absolute paths: the store records where a file came from, wherever ingest ran
        p = p.absolute()
        if p.is_dir():
            for sub in p.rglob("*"):
                if sub.is_file() and not any(part.startswith(".") for part in sub.relative_to(p).parts):
                    found.add(sub)
        else:
            found.add(p)

    for raw in paths:
        matches = glob.glob(raw, recursive=True) if glob.has_magic(raw) else [raw]
        for m in matches:
            add(Path(m))
    return sorted(found, key=str)


def _work(path: str) -> Processed | ReadError | Exception:
    """Runs in a worker: returns the result or the error, never raises."""
    try:
        return process_file(path)
    except ReadError as exc:
        return exc
    except Exception as exc:  # a reader bug must not stop the batch
        return exc


def _reason(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, ReadError):
        return exc.code, str(exc)
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    return "error", message("read.internal", detail=f"{type(exc).__name__}: {detail}")


def ingest(paths: Iterable[str], workers: int | None = None,
           progress: Callable[[Outcome], None] | None = None,
           on_total: Callable[[int], None] | None = None, force: bool = False) -> Report:
    """Ingest ``paths``; the store must be set up (``store.bootstrap.setup``).

    ``force`` reads files that are stored already once more (after an upgrade of
    the readers or extractors) and replaces what was extracted from them.
    """
    from .store.writer import known, record_failure, save

    report = Report()
    files = expand(paths)
    if on_total:
        on_total(len(files))

    def done(outcome: Outcome, sha: str | None = None) -> None:
        if outcome.status == FAILED:
            record_failure(outcome.path, outcome.code or "error", outcome.reason or "", sha)
        report.outcomes.append(outcome)
        if progress:
            progress(outcome)

    todo: list[tuple[str, str]] = []
    for f in files:
        path = str(f)
        try:
            sha = sha256_file(f)
        except OSError as exc:
            done(Outcome(path, FAILED, message("read.not_found", path=path) if isinstance(
                exc, FileNotFoundError) else str(exc), "not_found"))
            continue
        if known(sha, path) and not force:
            done(Outcome(path, UNCHANGED))
        else:
            todo.append((path, sha))

    workers = workers or os.cpu_count() or 1
    for path, sha, result in _run_pool(todo, workers):
        if isinstance(result, Processed):
            stored = save(result, replace=force)
            done(Outcome(path, INGESTED if stored else UNCHANGED))
        else:
            code, reason = _reason(result)
            done(Outcome(path, FAILED, reason, code), sha)
    if report.count(INGESTED):
        from .store.resolution import rebuild

        rebuild()  # meetings, people and links look across files: refresh them
    return report


def _run_pool(todo: list[tuple[str, str]], workers: int):
    """Yield (path, sha, result) as workers finish; survives a worker that dies hard."""
    if workers == 1 or len(todo) <= 1:
        for path, sha in todo:
            yield path, sha, _work(path)
        return
    # spawn, not fork: the parent holds database connections a fork must not share
    context = multiprocessing.get_context("spawn")
    retry: list[tuple[str, str]] = []
    with ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=context) as pool:
        futures = {pool.submit(_work, path): (path, sha) for path, sha in todo}
        for fut in as_completed(futures):
            path, sha = futures[fut]
            try:
                result = fut.result()
            except BrokenProcessPool:
                retry.append((path, sha))
                continue
            yield path, sha, result
    # A worker died (segfault, out of memory) and took the pool down: run each
    # unfinished file alone, so only the file that kills its reader fails.
    for path, sha in retry:
        yield path, sha, _work_isolated(path, context)


def _work_isolated(path: str, context) -> Processed | Exception:
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        try:
            return pool.submit(_work, path).result()
        except BrokenProcessPool:
            return ReadError("crashed")
