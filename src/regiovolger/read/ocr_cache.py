"""OCR results kept on disk, so a page image is given to Tesseract once.

Tesseract costs seconds per page; the same page comes back when a file is read
again (``ingest --force`` after an upgrade, the same scan under another name,
the many tests that read one scanned PDF). The key is the page image itself as
Tesseract gets it (so the file, the page and the render settings are all in it)
with the language, the Tesseract options and the Tesseract version: any change
gives other keys. What is kept is Tesseract's raw output; the clean-up after it
runs each time. A failed OCR is not kept.

The folder: ``REGIOVOLGER_OCR_CACHE``, else ``ocr-cache`` in the data directory
(``REGIOVOLGER_DATA_DIR``, which the store setup and the ingest workers have);
``REGIOVOLGER_OCR_CACHE=off`` or no data directory: no cache. The folder holds at most
``REGIOVOLGER_OCR_CACHE_MB`` megabytes (default 500): after each new entry the pages used longest ago
(a hit renews a page) go until it is back under nine tenths of that.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

VERSION = "1"
DEFAULT_MB = 500


def folder() -> Path | None:
    configured = os.environ.get("REGIOVOLGER_OCR_CACHE", "").strip()
    if configured.lower() in ("off", "0", "no", "nee"):
        return None
    if configured:
        return Path(configured).expanduser()
    data = os.environ.get("REGIOVOLGER_DATA_DIR", "").strip()
    return Path(data).expanduser() / "ocr-cache" if data else None


@lru_cache(maxsize=1)
def _tesseract_version() -> str:
    try:
        import pytesseract

        return str(pytesseract.get_tesseract_version())
    except Exception:  # noqa: BLE001 - no version, no cache hit on a stale entry either
        return "?"


def key(image, lang: str, config: str) -> str:
    h = hashlib.sha256()
    h.update(f"{VERSION}|{lang}|{config}|{_tesseract_version()}|{image.mode}|{image.size}|".encode())
    h.update(image.tobytes())
    return h.hexdigest()


def _path(base: Path, k: str) -> Path:
    return base / k[:2] / f"{k}.txt"


def get(k: str) -> str | None:
    base = folder()
    if base is None:
        return None
    path = _path(base, k)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        os.utime(path)  # used now: the last to go when the folder is pruned
    except OSError:
        pass
    return text


def limit_bytes() -> int:
    try:
        mb = float(os.environ.get("REGIOVOLGER_OCR_CACHE_MB", "") or DEFAULT_MB)
    except ValueError:
        mb = DEFAULT_MB
    return max(0, int(mb * 1024 * 1024))


def prune(base: Path, limit: int) -> int:
    """Remove the entries used longest ago until the folder holds at most nine tenths of ``limit``; the count removed."""
    entries = []
    total = 0
    for sub in base.iterdir() if base.is_dir() else ():
        if not sub.is_dir():
            continue
        for f in os.scandir(sub):
            if f.name.endswith(".txt") and f.is_file():
                st = f.stat()
                entries.append((st.st_mtime, st.st_size, f.path))
                total += st.st_size
    if total <= limit:
        return 0
    removed = 0
    for _mtime, size, path in sorted(entries):
        if total <= limit * 0.9:
            break
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
        removed += 1
    return removed


def put(k: str, text: str) -> None:
    """Keep ``text`` under ``k``; written whole or not at all, and never an error for the reader."""
    base = folder()
    if base is None:
        return
    target = _path(base, k)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".ocr.", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        prune(base, limit_bytes())
    except OSError:
        pass  # a full or read-only disk: OCR still works, only not kept
