"""Build test PDFs (and scans) inside the suite, from seed text and hand-written Dutch.

Every builder returns ``bytes``. Text PDFs use reportlab with DejaVuSans so
that ë é ï ’ € survive; image PDFs render text with Pillow at 300 dpi.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT = "DejaVuSans"
from tests.conftest import SEEDS  # noqa: E402
VOWELS = set("aeiouyAEIOUYëéïöüèáó")

# A sentence that carries every diacritic the readers must keep, and a real compound.
DIACRITICS = (
    "De financiële bijdrage van € 147.824 is geïnd door de coördinator; "
    "één café in ’s-Hertogenbosch en de regio Noord-Brabant zijn tevreden over het geïnventariseerde overzicht."
)

# Hand-written variants in other house styles (not from the seeds).
OWN_PARAGRAPHS = [
    "Het dagelijks bestuur van de omgevingsdienst heeft op 14 maart besloten de "
    "begrotingswijziging voor te leggen aan het algemeen bestuur. De deelnemende "
    "gemeenten worden gevraagd hun zienswijze vóór 1 mei kenbaar te maken.",
    "De veiligheidsregio rapporteert dat de uitrukttijden in het eerste kwartaal "
    "zijn verbeterd. Tegelijkertijd blijft de bezetting van de vrijwillige posten "
    "een zorgpunt; de commandant zal in juni een voorstel doen.",
    "Actie: de secretaris stuurt het concept-verslag uiterlijk vrijdag rond. "
    "Besluit: het algemeen bestuur stemt in met de jaarrekening en de bestemming "
    "van het resultaat, onder voorbehoud van de accountantsverklaring.",
    "In het programma Gezonde Leefomgeving werken de GGD, de woningcorporaties en "
    "de zorgverzekeraar samen aan preventie. De financiering loopt tot eind 2026; "
    "daarna beslist het bestuur over voortzetting.",
]


def font_available() -> bool:
    return FONT_PATH.exists()


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH)))


def seed_paragraphs(count: int = 12, min_words: int = 25) -> list[str]:
    """Clean prose paragraphs from the seeds (the file with glyph loss is avoided)."""
    out: list[str] = []
    for name in ("003_c496a21ee49fb5b4.txt", "001_68d5d2a6072dc2a2.txt", "000_7d41a99c5d0235de.txt"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        # Seeds keep extraction line breaks; paragraphs are runs of non-blank prose lines.
        for block in re.split(r"\n\s*\n(?=\s*[A-Z•])", text):
            words = block.split()
            if len(words) < min_words or "•" in block:
                continue
            out.append(" ".join(words))
            if len(out) >= count:
                return out
    return out


def tokens(text: str) -> list[str]:
    """Word tokens for recall: letters/digits with inner hyphens, apostrophes, dots and commas."""
    text = text.replace("\u00ad", "")
    return re.findall(r"[€]|[\w’'][\w’'.,\-/]*[\w]|\w", text)


def recall(expected: str, got: str) -> float:
    """Multiset recall of word tokens of ``expected`` found in ``got``."""
    want = Counter(tokens(expected))
    have = Counter(tokens(got))
    total = sum(want.values())
    hit = sum(min(n, have[t]) for t, n in want.items())
    return hit / total if total else 1.0


def wrap(text: str, width: float, size: float = 10) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register_font()
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if stringWidth(trial, FONT, size) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def hyphen_wrap(text: str, width: float, size: float = 10) -> list[str]:
    """Wrap like a typesetter that breaks long words at line ends.

    A word with a real hyphen breaks after that hyphen (``Noord-`` / ``Brabant``);
    other words of 7+ letters get an inserted hyphen (never between two vowels or inside ij),
    both parts at least 3 letters.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register_font()

    def fits(s: str) -> bool:
        return stringWidth(s, FONT, size) <= width

    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if fits(trial) or not line:
            line = trial
            continue
        head = None
        if "-" in word.strip("-")[1:]:
            cut = word.index("-", 1) + 1
            if fits(f"{line} {word[:cut]}"):
                head, tail = word[:cut], word[cut:]
        elif word.isalpha() and len(word) >= 7:
            for cut in range(len(word) - 3, 2, -1):
                # Like Dutch hyphenation: never split two vowels ("ee", "ui", "ie").
                if word[cut - 1] in VOWELS and word[cut] in VOWELS or word[cut - 1 : cut + 1] == "ij":
                    continue
                if fits(f"{line} {word[:cut]}-"):
                    head, tail = word[:cut] + "-", word[cut:]
                    break
        if head:
            lines.append(f"{line} {head}")
            line = tail
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def text_pdf(
    pages: list[list[str]],
    *,
    title: str | None = None,
    size: float = 10,
    encrypt: str | None = None,
    page_numbers: bool = True,
) -> bytes:
    """One PDF page per list of lines (lines are drawn as given)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    if title:
        c.setTitle(title)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        c.setFont(FONT, size)
        y = height - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= size * 1.4
        if page_numbers:
            c.drawCentredString(width / 2, 40, str(number))
        c.showPage()
    c.save()
    return buf.getvalue()


def paragraphs_pdf(pages: list[list[str]], *, width: float = 451, **kw) -> bytes:
    """Pages of paragraphs, wrapped to ``width`` points, a blank line between paragraphs."""
    rendered = []
    for paragraphs in pages:
        lines: list[str] = []
        for p in paragraphs:
            lines.extend(wrap(p, width))
            lines.append("")
        rendered.append(lines[:-1])
    return text_pdf(rendered, **kw)


def two_column_pdf(
    left: list[str],
    right: list[str],
    *,
    heading: str | None = None,
    footer: str | None = None,
    interleave: bool = True,
    size: float = 10,
) -> bytes:
    """A page with two columns of lines on shared baselines.

    With ``interleave`` the content stream alternates left and right lines
    (left 1, right 1, left 2, ...), as some producers write them.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    c.setFont(FONT, size)
    top = height - 72
    if heading:
        c.setFont(FONT, 14)
        c.drawString(56, top, heading)
        c.setFont(FONT, size)
        top -= 30
    lead = size * 1.35
    xs = (56, 56 + 250)
    if interleave:
        for i in range(max(len(left), len(right))):
            for x, col in zip(xs, (left, right)):
                if i < len(col) and col[i]:
                    c.drawString(x, top - i * lead, col[i])
    else:
        for x, col in zip(xs, (left, right)):
            for i, line in enumerate(col):
                if line:
                    c.drawString(x, top - i * lead, line)
    if footer:
        c.drawCentredString(width / 2, 40, footer)
    c.showPage()
    c.save()
    return buf.getvalue()


def table_pdf(rows: list[tuple[str, ...]], *, col_x: tuple[float, ...] = (56, 130, 300), size: float = 10) -> bytes:
    """A table drawn row by row: the cells of one row share a baseline."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    _, height = A4
    c.setFont(FONT, size)
    y = height - 72
    for row in rows:
        for x, cell in zip(col_x, row):
            c.drawString(x, y, cell)
        y -= size * 1.5
    c.showPage()
    c.save()
    return buf.getvalue()


def render_scan(
    lines: list[str], *, dpi: int = 300, size_pt: float = 11, margin_in: float = 0.9, full_page: bool = True
):
    """A Pillow image of an A4 page with ``lines`` typed on it, as a scanner would deliver.

    ``full_page=False`` crops the page below the last line (a strip, cheaper to OCR).
    """
    from PIL import Image, ImageDraw, ImageFont

    w, h = int(8.27 * dpi), int(11.69 * dpi)
    if not full_page:
        h = int((2 * margin_in + len(lines) * size_pt * 1.5 / 72) * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_PATH), int(size_pt * dpi / 72))
    x = y = int(margin_in * dpi)
    step = int(size_pt * 1.5 * dpi / 72)
    for line in lines:
        draw.text((x, y), line, font=font, fill=0)
        y += step
    return img


def scan_wrap(text: str, *, dpi: int = 300, size_pt: float = 11, margin_in: float = 0.9) -> list[str]:
    """Wrap ``text`` to the width ``render_scan`` has available."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(FONT_PATH), int(size_pt * dpi / 72))
    avail = (8.27 - 2 * margin_in) * dpi
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if font.getlength(trial) <= avail or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def image_pdf(pages: list[list[str]], *, dpi: int = 300) -> bytes:
    """A PDF of page images only (no text layer), like a scanned letter."""
    images = [render_scan(lines, dpi=dpi).convert("RGB") for lines in pages]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def image_bytes(lines: list[str], fmt: str = "PNG", *, dpi: int = 300) -> bytes:
    img = render_scan(lines, dpi=dpi, full_page=False)
    buf = io.BytesIO()
    img.save(buf, fmt, dpi=(dpi, dpi))
    return buf.getvalue()


def multipage_tiff(pages: list[list[str]], *, dpi: int = 300) -> bytes:
    images = [render_scan(lines, dpi=dpi, full_page=False) for lines in pages]
    buf = io.BytesIO()
    images[0].save(buf, "TIFF", save_all=True, append_images=images[1:], dpi=(dpi, dpi), compression="tiff_deflate")
    return buf.getvalue()
