"""Limits on every input: how much time, memory and structure one file may cost.

Each limit has a default that no real governance document comes near, and an
environment variable to change it (documented in README.md). Readers check the
structural limits (pages, page size, nesting, ZIP contents, line length) before
doing the expensive work; ingest enforces time and memory on the child process
that reads one file (see :mod:`regiovolger.sandbox`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields

from .errors import ReadError


@dataclass(frozen=True)
class Limits:
    max_mb: float = 200  # file size on disk
    seconds: float = 600  # wall time to read and extract one file
    cpu_seconds: float = 600  # CPU time for one file
    memory_mb: float = 3072  # address space of the child process that reads one file
    unzipped_mb: float = 500  # DOCX/ZIP: sum of the declared sizes of the entries
    zip_entries: int = 10_000  # DOCX/ZIP: number of entries
    depth: int = 256  # HTML/XML: nesting of elements
    pages: int = 2_000  # PDF pages (and TIFF frames)
    page_cm: float = 508  # PDF page side (the PDF format itself stops at 200 inches)
    render_mpx: float = 120  # pixels of one page image for OCR (A0 at 300 dpi is 140 Mpx)
    line_chars: int = 100_000  # characters on one line of text
    upload_mb: float = 100  # a file uploaded through the site, refused while it arrives


# field → environment variable
ENV = {
    "max_mb": "REGIOVOLGER_MAX_MB",
    "seconds": "REGIOVOLGER_MAX_SECONDS",
    "cpu_seconds": "REGIOVOLGER_MAX_CPU_SECONDS",
    "memory_mb": "REGIOVOLGER_MAX_MEMORY_MB",
    "unzipped_mb": "REGIOVOLGER_MAX_UNZIPPED_MB",
    "zip_entries": "REGIOVOLGER_MAX_ZIP_ENTRIES",
    "depth": "REGIOVOLGER_MAX_DEPTH",
    "pages": "REGIOVOLGER_MAX_PAGES",
    "page_cm": "REGIOVOLGER_MAX_PAGE_CM",
    "render_mpx": "REGIOVOLGER_MAX_RENDER_MPX",
    "line_chars": "REGIOVOLGER_MAX_LINE_CHARS",
    "upload_mb": "REGIOVOLGER_MAX_UPLOAD_MB",
}


def current() -> Limits:
    """The limits in force: the defaults, overridden by the environment (a bad value keeps the default)."""
    values = {}
    for f in fields(Limits):
        raw = os.environ.get(ENV[f.name])
        if raw is None or not raw.strip():
            continue
        try:
            value = float(raw)
        except ValueError:
            continue
        if value > 0:
            values[f.name] = int(value) if f.type in ("int", int) else value
    return Limits(**values)


# --------------------------------------------------------------------------- checks


def check_zip(infos, kind: str) -> None:
    """Refuse a ZIP container before unpacking it when its entries are too many or too large.

    ``infos`` is ``ZipFile.infolist()``; zipfile never inflates an entry beyond
    its declared size, so the declared sizes bound what unpacking can cost.
    """
    limits = current()
    if len(infos) > limits.zip_entries:
        raise ReadError("zip_entries", kind=kind, count=len(infos), limit=limits.zip_entries)
    total = sum(max(i.file_size, 0) for i in infos)
    if total > limits.unzipped_mb * 1048576:
        raise ReadError("zip_too_large", kind=kind, size_mb=total / 1048576, limit_mb=limits.unzipped_mb)


# an element's start or end tag; comments, declarations and processing instructions are skipped
_TAG = re.compile(rb"<(/?)([A-Za-z][\w:.-]*)(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")
# HTML elements that never hold others, or that the parser closes by itself when the next one opens
_HTML_FLAT = frozenset(
    b"area base br col embed hr img input link meta param source track wbr "
    b"p li dt dd td th tr option optgroup thead tbody tfoot colgroup rb rt rp".split())


def nesting_depth(data: bytes, html: bool = False, stop: int | None = None) -> int:
    """The deepest nesting of elements in markup (an estimate for HTML, exact for well-formed XML).

    Scanning the bytes costs milliseconds where building a tree of a hostile
    file costs minutes; ``stop`` ends the scan as soon as the depth reaches it.
    """
    depth = deepest = 0
    for m in _TAG.finditer(data):
        if m.group(3):
            continue  # <empty/>
        name = m.group(2).lower() if html else m.group(2)
        if html and name in _HTML_FLAT:
            continue
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop is not None and deepest >= stop:
                    break
    return deepest


def check_depth(data: bytes, kind: str, html: bool = False) -> None:
    limit = current().depth
    found = nesting_depth(data, html=html, stop=limit + 1)
    if found > limit:
        raise ReadError("too_deep", kind=kind, limit=limit)


def check_pages(count: int, kind: str = "PDF") -> None:
    limit = current().pages
    if count > limit:
        raise ReadError("too_many_pages", kind=kind, count=count, limit=limit)


POINTS_PER_CM = 72 / 2.54


def check_page_size(number: int, width_pt: float, height_pt: float) -> None:
    limit = current().page_cm
    if max(width_pt, height_pt) > limit * POINTS_PER_CM or min(width_pt, height_pt) <= 0:
        raise ReadError("page_too_large", page=number, width_cm=width_pt / POINTS_PER_CM,
                        height_cm=height_pt / POINTS_PER_CM, limit_cm=limit)


def render_scale(number: int, width_pt: float, height_pt: float, dpi: int, min_dpi: int = 100) -> float:
    """The scale to render a page at for OCR: ``dpi``, or less so the image stays within the render limit.

    A page so large that even ``min_dpi`` exceeds the limit cannot be read.
    """
    limit = current().render_mpx * 1e6
    pixels = (width_pt / 72 * dpi) * (height_pt / 72 * dpi)
    if pixels <= limit:
        return dpi / 72
    fitted = dpi * (limit / pixels) ** 0.5
    if fitted < min_dpi:
        raise ReadError("render_too_large", page=number, mpx=pixels / 1e6, limit_mpx=current().render_mpx)
    return fitted / 72


def check_lines(text: str) -> None:
    """Refuse text with a line longer than the limit (rules that read lines would stall on it)."""
    limit = current().line_chars
    if len(text) <= limit:
        return
    lengths = [len(line) for line in text.split("\n")]
    longest = max(lengths)
    if longest > limit:
        raise ReadError("line_too_long", line=lengths.index(longest) + 1, chars=longest, limit=limit)
