"""One file through read → segment → extract, with no database and no Django.

This is what an ingest worker runs; it returns plain data or raises ReadError.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .document import Part, Text
from .extract import extract
from .extract.view import reading_view
from .read import load, open_regular, read_bytes
from .segment import segment


@dataclass
class Processed:
    path: str
    sha256: str
    size: int
    text: Text
    parts: list[Part]
    extraction: dict


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open_regular(path) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def process_bytes(data: bytes, path: str) -> Processed:
    sha = hashlib.sha256(data).hexdigest()
    text = read_bytes(data, Path(path).name)
    # segmentation reads the same line structure as extraction (offsets are shared)
    parts = segment(reading_view(text))
    source = {
        "path": path,
        "sha256": sha,
        "media_type": text.media_type,
        "pages": len(text.pages),
        "text_quality": None if text.quality is None else round(text.quality, 3),
        "glyph_loss": text.glyph_loss,
        "repairs": len(text.repairs),
    }
    return Processed(path, sha, len(data), text, parts, extract(text, parts, source))


def process_file(path: str | os.PathLike) -> Processed:
    return process_bytes(load(path), str(path))
