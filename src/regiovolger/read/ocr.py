"""OCR of page images with Tesseract (Apache-2.0) and its Dutch model.

One page at a time, at 300 dpi: the resolution Tesseract is trained for, and
a page costs a few seconds of one core.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from ..errors import ReadError

DPI = 300
LANG = "nld"
# Fully automatic page segmentation: finds columns and blocks by itself.
CONFIG = "--psm 3 --oem 1"
# Below this x-height-ish size Tesseract misreads; small scans are enlarged.
_MIN_WIDTH = 1600
# Tesseract's OpenMP threads fight parallel ingest workers for the same cores
# (and made OCR several times slower on a busy machine); one thread per page.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@lru_cache(maxsize=1)
def _problem() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    try:
        import pytesseract
    except ImportError:
        return "pytesseract ontbreekt"
    try:
        pytesseract.get_tesseract_version()
    except Exception:
        return "het programma tesseract is niet gevonden"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception as exc:  # pragma: no cover - depends on the installation
        return f"tesseract geeft geen talen: {exc}"
    if LANG not in languages:
        return f"de taaldata '{LANG}' ontbreekt (tesseract-ocr-{LANG})"
    return None


def available() -> bool:
    return _problem() is None


def check_available() -> None:
    problem = _problem()
    if problem:
        raise ReadError("ocr_unavailable", detail=problem)


def prepare(image):
    """Greyscale, upright, and large enough for Tesseract."""
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    if image.mode != "L":
        image = image.convert("L")
    width, height = image.size
    if width < _MIN_WIDTH:
        factor = _MIN_WIDTH / width
        image = image.resize((round(width * factor), round(height * factor)), Image.LANCZOS)
    return image


# Tesseract cannot tell ' ‘ ’ apart; Dutch elisions and possessives ('s, 't,
# thema's) are typeset with the right single quote, so that is what we write.
_INNER_QUOTE = re.compile(r"(?<=\w)['‘`´](?=\w)")
_ELISION = re.compile(r"(?<![\w’'‘])['‘`´](?=(?:s|t|k|n)\b)")


def normalise_apostrophes(text: str) -> str:
    return _ELISION.sub("’", _INNER_QUOTE.sub("’", text))


def ocr_image(image) -> str:
    """The text Tesseract reads on one page image (raw: no de-hyphenation)."""
    import pytesseract

    from . import ocr_cache

    check_available()
    image = prepare(image)
    key = ocr_cache.key(image, LANG, CONFIG)
    text = ocr_cache.get(key)  # read before (this run or an earlier one): not again
    if text is None:
        try:
            text = pytesseract.image_to_string(image, lang=LANG, config=CONFIG)
        except pytesseract.TesseractError as exc:
            # tesseract is there (checked above): this page defeated it
            raise ReadError("ocr_failed", detail=" ".join(str(exc).split())[:200]) from exc
        ocr_cache.put(key, text)
    text = text.replace("\f", "")
    text = normalise_apostrophes(text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)  # paragraphs keep one blank line
    return text.strip()
