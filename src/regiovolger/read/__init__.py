"""read: bytes → Text (pages, character offsets, quality score).

``read_file`` sniffs the format from the bytes (the name only breaks ties),
dispatches to one reader per format, joins the pages and scores the text.
Every failure is a :class:`~regiovolger.errors.ReadError` with a one-line reason.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

from ..document import Text, join_pages
from ..errors import ReadError
from ..structure import move_blocks, sort_blocks
from .base import RawPages


MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "markdown": "text/markdown",
    "text": "text/plain",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "tiff": "image/tiff",
}

TEXT_SUFFIXES = {".txt", ".text", ".csv", ".tsv", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg", b"II*\x00": "tiff", b"MM\x00*": "tiff"}
# Formats people will bring that we name rather than call "unknown".
KNOWN_UNSUPPORTED = {
    b"\xd0\xcf\x11\xe0": "Word/Excel 97-2003 (OLE)",
    b"{\\rtf": "RTF",
    b"GIF8": "GIF",
    b"\x7fELF": "ELF executable",
    b"MZ": "Windows executable",
    b"\x1f\x8b": "gzip",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7-Zip",
}


def max_bytes() -> int:
    from ..limits import current

    return int(current().max_mb * 1024 * 1024)


def sniff(data: bytes, name: str = "") -> str:
    """The format of ``data``: pdf, docx, html, markdown, text, png, jpeg or tiff."""
    suffix = Path(name).suffix.lower()
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF" in data[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise ReadError("not_pdf")
    for magic, kind in IMAGE_MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith(b"PK\x03\x04"):
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except zipfile.BadZipFile as exc:
            raise ReadError("corrupt", kind="ZIP/DOCX", detail=str(exc)) from exc
        names = [i.filename for i in infos]
        from ..limits import check_zip

        check_zip(infos, "DOCX" if "word/document.xml" in names else "ZIP")
        if "word/document.xml" in names:
            return "docx"
        kind = "ZIP"
        if any(n.startswith("xl/") for n in names):
            kind = "Excel (.xlsx)"
        elif any(n.startswith("ppt/") for n in names):
            kind = "PowerPoint (.pptx)"
        elif "content.xml" in names:
            kind = "OpenDocument"
        raise ReadError("unsupported", kind=kind)
    if suffix == ".docx":
        raise ReadError("corrupt", kind="DOCX", detail="geen ZIP-container / not a ZIP container")
    for magic, kind in KNOWN_UNSUPPORTED.items():
        if data.startswith(magic):
            raise ReadError("unsupported", kind=kind)
    if _utf16_codec(data):
        return "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    if _looks_binary(data):
        raise ReadError("unsupported", kind=f"binair bestand / binary file{' ' + suffix if suffix else ''}")
    lowered = head[:512].lower()
    if suffix in HTML_SUFFIXES or lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _utf16_codec(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a byte order mark, else None.

    Latin text in UTF-16 has a NUL byte in every other position (the high byte);
    the other bytes are mostly printable.
    """
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8 or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.05 * len(chars):
            text = sample.decode(codec, errors="replace")
            if sum(c.isprintable() or c in "\r\n\t\f" for c in text) >= 0.95 * len(text):
                return codec
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes by nature
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return control > len(sample) * 0.05


def read_raw(data: bytes, kind: str) -> RawPages:
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data)
    if kind == "html":
        from .html import read_html

        return read_html(data)
    if kind in ("png", "jpeg", "tiff"):
        from .image import read_image

        return read_image(data)
    from .plain import read_markdown, read_plain

    return read_markdown(data) if kind == "markdown" else read_plain(data)


def read_bytes(data: bytes, name: str = "") -> Text:
    if not data:
        raise ReadError("empty")
    limit = max_bytes()
    if len(data) > limit:
        raise ReadError("too_large", size_mb=len(data) / 1048576, limit_mb=limit / 1048576)
    kind = sniff(data, name)
    raw = read_raw(data, kind)
    if not any(t.strip() for t in raw.texts):
        raise ReadError("no_text")
    joined, pages = join_pages(raw.texts, raw.methods)
    from ..limits import check_lines

    check_lines(joined)
    blocks = [b for page, page_blocks in zip(pages, raw.blocks) for b in move_blocks(page_blocks, page.start)]
    text = Text(text=joined, pages=pages, media_type=MEDIA_TYPES[kind], title=raw.title,
                blocks=sort_blocks(blocks), margins=raw.margins)
    from .quality import apply_quality, check_readable

    return check_readable(apply_quality(text), raw)


def open_regular(path: str | os.PathLike):
    """``path`` opened for reading in binary; a FIFO, device or socket is refused without blocking."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as exc:
        raise ReadError("not_found", path=str(path)) from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "apparaat/device"
        if stat.S_ISDIR(mode):
            kind = "map/folder"
        raise ReadError("special", kind=kind)
    if hasattr(os, "O_NONBLOCK"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def load(path: str | os.PathLike) -> bytes:
    """The bytes of ``path``, refusing missing, special and oversized files before reading them."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        limit = max_bytes()
        if size > limit:  # refuse before reading a huge file into memory
            raise ReadError("too_large", size_mb=size / 1048576, limit_mb=limit / 1048576)
        return fh.read()


def read_file(path: str | os.PathLike) -> Text:
    return read_bytes(load(path), Path(path).name)
