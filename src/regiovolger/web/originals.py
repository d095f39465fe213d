"""Original file bytes, kept content-addressed in the data directory.

Files, not a BinaryField: originals can be hundreds of megabytes; keeping them
out of the database keeps SQLite and PostgreSQL rows small and backups of the
facts cheap, and the sha256 name deduplicates identical uploads.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from django.conf import settings


def originals_dir() -> Path:
    return Path(settings.DATA_DIR) / "originals"


def original_path(sha256: str) -> Path:
    return originals_dir() / sha256[:2] / sha256


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def keep_original(sender, instance, created: bool = False, **kwargs) -> None:
    """post_save of SourceFile: copy the ingested file's bytes next to the store."""
    if not created:
        return
    target = original_path(instance.sha256)
    if target.exists():
        return
    source = Path(instance.path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    except OSError:
        pass  # the download then falls back to the recorded paths


def find_original(sha256: str, paths: list[str]) -> Path | None:
    """The stored copy, or else a recorded path whose bytes still have this hash."""
    kept = original_path(sha256)
    if kept.exists():
        return kept
    for p in paths:
        candidate = Path(p)
        try:
            if candidate.is_file() and _sha256(candidate) == sha256:
                return candidate
        except OSError:
            continue
    return None
