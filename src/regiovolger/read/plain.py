"""Plain text and Markdown in any common encoding."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes
from markdown_it import MarkdownIt

from .base import RawPages


WESTERN = ("cp1252", "latin_1", "iso8859_15")


def decode(data: bytes) -> str:
    """Bytes to str: UTF-8 (with or without BOM) first, else the detected encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(codec, errors="replace")
    from . import _utf16_codec

    codec = _utf16_codec(data)  # before UTF-8: its NUL bytes are valid UTF-8 too
    if codec:
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        return data.decode("cp1252", errors="replace")
    best = matches[0]
    # Dutch text that is not UTF-8 is nearly always Windows-1252/Latin-1; the detector can
    # rank a Central-European code page first on a few accented letters ("geïnd" → "geďnd").
    western = [m for m in matches if m.encoding in WESTERN and m.chaos <= best.chaos + 0.05]
    return str(western[0] if western else best)


def _normalise(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n")


def read_plain(data: bytes) -> RawPages:
    text = _normalise(decode(data))
    # a form feed is a page break in plain text, as pdftotext writes it
    pages = [p.strip("\n") for p in text.split("\f")] if "\f" in text else [text]
    return RawPages(texts=pages)


def read_markdown(data: bytes) -> RawPages:
    """Markdown as the text a reader sees: markup removed, one block per line group."""
    source = _normalise(decode(data))
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    lines: list[str] = []
    row: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type == "inline":
            text = "".join(
                child.content if child.type in ("text", "code_inline") else
                ("\n" if child.type in ("softbreak", "hardbreak") else "")
                for child in tok.children or []
            )
            if i and tokens[i - 1].type in ("th_open", "td_open"):
                row.append(text)
            else:
                lines.append(text)
        elif tok.type in ("fence", "code_block"):
            lines.append(tok.content.rstrip("\n"))
        elif tok.type == "tr_close":
            lines.append(" | ".join(row))
            row = []
        elif tok.type in ("paragraph_close", "heading_close", "table_close", "bullet_list_close",
                          "ordered_list_close") and tok.level == 0:
            lines.append("")
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return RawPages(texts=[text])

