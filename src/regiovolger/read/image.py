"""Scanned pages delivered as images (PNG, JPEG, TIFF): every frame is one page, read by OCR."""

from __future__ import annotations

import io
import re

from ..errors import ReadError
from .base import RawPages

_KINDS = {"PNG": "PNG", "JPEG": "JPEG", "TIFF": "TIFF", "MPO": "JPEG", "GIF": "GIF", "BMP": "BMP", "WEBP": "WEBP"}
_SUPPORTED = {"PNG", "JPEG", "TIFF", "MPO"}


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "PNG"
    if data.startswith(b"\xff\xd8"):
        return "JPEG"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    return "afbeelding"


def read_image(data: bytes) -> RawPages:
    """OCR every page (frame) of a PNG, JPEG or (multi-page) TIFF scan."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from . import ocr
    from .pdf import clean_text

    if not data:
        raise ReadError("empty")
    kind = _sniff(data)
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        from ..limits import current

        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        mpx = int(pixels.group(1)) / 1e6 if pixels else Image.MAX_IMAGE_PIXELS * 2 / 1e6
        raise ReadError("render_too_large", page=1, mpx=mpx, limit_mpx=current().render_mpx) from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise ReadError("corrupt", kind=kind, detail="de afbeelding kan niet worden geopend") from exc
    if image.format not in _SUPPORTED:
        raise ReadError("unsupported", kind=_KINDS.get(image.format or "", image.format or kind))
    kind = _KINDS[image.format]
    from ..limits import check_pages, current

    check_pages(getattr(image, "n_frames", 1), kind)
    limit = current().render_mpx
    if image.width * image.height > limit * 1e6:  # checked on the header, before decoding the pixels
        image.close()
        raise ReadError("render_too_large", page=1, mpx=image.width * image.height / 1e6, limit_mpx=limit)
    ocr.check_available()
    texts: list[str] = []
    try:
        for frame in ImageSequence.Iterator(image):
            try:
                frame.load()
                page = _at_300_dpi(frame.copy())
            except (OSError, ValueError, SyntaxError) as exc:  # Pillow: SyntaxError for a broken PNG chunk
                raise ReadError(
                    "corrupt", kind=kind, detail=f"pagina {len(texts) + 1} is beschadigd of afgebroken"
                ) from exc
            texts.append(clean_text(ocr.ocr_image(page)))
    finally:
        image.close()
    return RawPages(texts=texts, methods=["ocr"] * len(texts))


def _at_300_dpi(image):
    """Scale a scan whose stated resolution is known to the resolution Tesseract expects."""
    from PIL import Image

    from .ocr import DPI

    dpi = image.info.get("dpi")
    try:
        x_dpi = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        x_dpi = 0.0
    # Only enlarge low-resolution scans; shrinking good ones loses detail.
    if 50 <= x_dpi < DPI * 0.8:
        if image.mode == "1":
            image = image.convert("L")  # interpolate grey, not black-and-white blocks
        factor = DPI / x_dpi
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.LANCZOS)
    return image
