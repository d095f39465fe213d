"""PDF reader: the text layer through pdfium, columns in reading order, OCR for scans.

pdfium (Apache-2.0/BSD, via pypdfium2) gives each page's text in content-stream
order. Three things are repaired on top of that:

* words broken with a hyphen at a line end are joined again, but real
  compounds ("Noord-Brabant", "zorg- en welzijn") keep their hyphen;
* pages whose content stream interleaves the lines of two or more columns are
  re-read column by column (method ``reordered``);
* pages without a text layer (scans) are rendered and read by Tesseract
  (method ``ocr``).

Headings (font size or weight) and tables (aligned columns) are found from
pdfium's text rectangles on pages read as they stand (see ``pdf_structure``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ReadError
from ..limits import check_page_size, check_pages, render_scale
from .base import RawPages
from .quality import garbage
from .pdf_margins import metadata_margins, page_margins
from .pdf_structure import analyse, headings, page_blocks

# pdfium error code for a missing or wrong password (FPDF_ERR_PASSWORD).
_ERR_PASSWORD = 4
# pdfium's "no error" (FPDF_ERR_SUCCESS): what a failed load of a PDF without pages can report.
_ERR_SUCCESS = 0
# A page tree that counts no pages, and one that counts some.
_EMPTY_PAGE_TREE = re.compile(rb"/Count\s+0(?![\d.])")
_PAGE_COUNT = re.compile(rb"/Count\s+[1-9]")
# Acrobat accepts junk before the header within the first 1024 bytes.
_HEADER_WINDOW = 1024
# A page with fewer visible characters than this counts as "no text layer".
_MIN_TEXT_CHARS = 25

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
_CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_pdf(data: bytes, *, ocr: bool = True, structure: bool = True) -> RawPages:
    """Read every page of a PDF. ``ocr=False`` leaves pages without a text layer empty;
    ``structure=False`` skips headings and tables."""
    import pypdfium2 as pdfium

    if not data:
        raise ReadError("empty")
    if data.find(b"%PDF", 0, _HEADER_WINDOW + 4) < 0:
        raise ReadError("not_pdf")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # pdfium's error code is the last one set in this process: a document it refuses
        # without an error of its own (an empty page tree) reports a stale code, or "Success"
        code = getattr(exc, "err_code", None)
        if code == _ERR_PASSWORD and b"/Encrypt" in data:
            raise ReadError("encrypted") from exc
        if _EMPTY_PAGE_TREE.search(data) and not _PAGE_COUNT.search(data):
            raise ReadError("no_pages") from exc
        if code in (_ERR_SUCCESS, _ERR_PASSWORD):
            raise ReadError("corrupt", kind="PDF", detail=_pdfium_detail("Data format error")) from exc
        raise ReadError("corrupt", kind="PDF", detail=_pdfium_detail(exc)) from exc
    try:
        if b"%%EOF" not in data[-4096:] and b"%%EOF" not in data:
            # pdfium rebuilds a lost cross-reference table silently; a file cut
            # short loses its last pages, so say so instead of reading half.
            # (Checked after opening: a password still takes precedence.)
            raise ReadError("corrupt", kind="PDF", detail="het bestand is afgebroken (einde ontbreekt)")
        if len(pdf) == 0:
            raise ReadError("no_pages")
        check_pages(len(pdf))
        texts: list[str] = []
        methods: list[str] = []
        layouts: list = []
        scans: list[int] = []
        margins = metadata_margins(pdf)  # headers, footers, stamps, metadata: for confidentiality
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                raise ReadError("corrupt", kind="PDF", detail=f"pagina {index + 1} is onleesbaar") from exc
            try:
                check_page_size(index + 1, *page.get_size())
                text, method, layout = _read_page(page, structure)
                margins += page_margins(page, index + 1)
                # no text layer, or one that is garbage (a font without a usable ToUnicode map):
                # the page as it looks is what counts
                if ocr and (_needs_ocr(page, text) or garbage(text)):
                    scans.append(index)
            finally:
                page.close()
            texts.append(text)
            methods.append(method)
            layouts.append(layout)
        confirmed: list[int] = []
        problem = _ocr_pages(pdf, scans, texts, methods, confirmed) if scans else None
        blocks = _structure(layouts, texts, methods) if structure else []
        return RawPages(texts=texts, methods=methods, title=_title(pdf), blocks=blocks, ocr_problem=problem,
                        confirmed=confirmed, margins=margins)
    finally:
        pdf.close()


def _pdfium_detail(exc: Exception) -> str:
    message = str(exc)
    match = re.search(r"PDFium: ([^)]*)", message)
    reason = match.group(1) if match else message
    dutch = {
        "Data format error": "de opbouw van het bestand klopt niet",
        "File access error": "het bestand kan niet worden gelezen",
        "Unknown error": "onbekende fout",
        "Unsupported security scheme": "onbekende beveiliging",
    }
    return dutch.get(reason, reason)


def _title(pdf) -> str | None:
    try:
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    except Exception:  # metadata is optional and sometimes garbled
        return None
    title = _CONTROL.sub("", title).replace("\x02", "").replace("\ufffe", "")
    return title or None


# --------------------------------------------------------------------------- page text


def _read_page(page, structure: bool = True):
    """The page's text, its method, and (for a page read as it stands) its layout for structure."""
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        method = "text"
        layout = _column_layout(textpage)
        if layout is not None:
            raw = layout
            method = "reordered"
        text = clean_text(raw)
        found = None
        if structure and method == "text" and text.strip():
            try:
                found = analyse(textpage, raw, text)
            except Exception:  # structure is a bonus: never lose a page's text over it
                found = None
    finally:
        textpage.close()
    return text, method, found


def _structure(layouts: list, texts: list[str], methods: list[str]) -> list[list]:
    """Per page, the headings and tables found (pages read by OCR since get none)."""
    layouts = [lay if method == "text" else None for lay, method in zip(layouts, methods)]
    try:
        per_page = headings(layouts, texts)
    except Exception:  # structure is a bonus: never lose the text over it
        return [[] for _ in texts]
    return [page_blocks(lay, heads) for lay, heads in zip(layouts, per_page)]


def clean_text(raw: str) -> str:
    """Normalise one page's text: line endings, odd spaces, ligatures, broken words."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").translate(_LIGATURES)
    text = _CONTROL.sub("", text)  # also drops form feeds; \x02 is a pdfium hyphen marker
    text = dehyphenate(text)
    text = text.replace("\ufffe", "-").replace("\x02", "-").replace("\u00ad", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip("\n")


# --------------------------------------------------------------------------- hyphens

# A word, a hyphen-like mark that ends a line, and the word it continues with.
# pdfium replaces a hyphen at a line end by U+FFFE (U+0002 at char level) and
# drops the line break itself; U+00AD is a soft hyphen the author's software kept.
_BREAK = re.compile(
    r"(?P<left>\w+)(?:(?P<hard>-)[ \t]*\n|(?P<mark>[\ufffe\u0002\u00ad])[ \t]*(?P<nl>\n?))[ \t]*"
    r"(?P<right>\w+(?:-\w+)*)(?P<tail>[.,;:!?)\]}»”’\"'%]*)(?P<rest>[ \t]*\n?)"
)
# Words after a suspended hyphen: "zorg- en welzijn", "op- of aanmerkingen".
_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch", "dan", "als", "maar", "t/m"})
# Dutch prefixes that are written with a hyphen ("niet-relevant", "oud-burgemeester").
_HYPHEN_PREFIXES = frozenset({"niet", "ex", "oud", "vice", "adjunct", "loco", "non"})
# Vowel pairs that would merge into one sound if written together: Dutch keeps
# the hyphen there ("programma-aanpak", "zee-egel", "informatie-uitwisseling").
_CLASH = frozenset({"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "oe", "oi", "oo", "ou", "ui", "uu"})


@lru_cache(maxsize=50_000)
def _known(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl") > 0


_TREMA = {"a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü"}


def join_word(left: str, right: str, *, compound: bool = False) -> str:
    """The word ``left-`` + ``right`` stood for before it was broken at a line end.

    ``compound`` says ``left`` is itself the tail of a hyphenated word ("zon-op-").
    """
    joined = left + right
    if any(c.isdigit() for c in joined):
        return f"{left}-{right}"  # "120-180", "COVID-19"
    if right[:1].isupper():
        if left.isupper() and right.isupper() and len(right) > 1 and _known(joined.lower()):
            return joined  # a heading in capitals
        return f"{left}-{right}"  # "Noord-Brabant", "niet-EU"
    if len(left) > 1 and sum(c.isupper() for c in left) >= 2:
        return f"{left}-{right}"  # an acronym before the hyphen: "GGD-regio"
    if (left[-1] + right[0]).lower() in _CLASH:
        # Dutch hyphenation drops a trema at the break ("be-eindigen" for
        # "beëindigen"); otherwise vowels that would merge keep their hyphen.
        trema = _TREMA.get(right[0])
        if trema and _known((left + trema + right[1:]).lower()):
            return left + trema + right[1:]
        return f"{left}-{right}"
    if _known(joined.lower()):
        return joined
    if compound or (left.lower() in _HYPHEN_PREFIXES and _known(right.lower())):
        return f"{left}-{right}"
    return joined


def keep_hyphen(left: str, right: str) -> bool:
    """Whether ``left-`` + ``right`` across a line end is a real hyphenated compound."""
    return "-" in join_word(left, right)


def dehyphenate(text: str) -> str:
    """Join words broken at line ends; the line break moves to after the joined word."""

    def repair(m: re.Match) -> str:
        left, right, tail, rest = m["left"], m["right"], m["tail"], m["rest"]
        mark = m["mark"]
        broken_line = bool(m["hard"] or m["nl"] or mark in ("\ufffe", "\u0002"))
        if mark == "\u00ad":
            word = left + right  # the author's own soft hyphen: never part of the word
        elif right.lower() in _CONJUNCTIONS:
            # A suspended compound: the space after the hyphen is real.
            return f"{left}-\n{right}{tail}{rest}" if broken_line else f"{left}- {right}{tail}{rest}"
        else:
            head, _, more = right.partition("-")
            compound = m.start() > 0 and m.string[m.start() - 1] == "-"
            word = join_word(left, head, compound=compound) + (f"-{more}" if more else "")
        word = f"{word}{tail}"
        if not broken_line:
            return word + rest
        # Keep the line a line: end it after the joined word.
        if rest.endswith("\n") or m.end() == len(m.string):
            return word + rest
        return word + "\n"

    return _BREAK.sub(repair, text)


# --------------------------------------------------------------------------- columns


@dataclass
class _Seg:
    order: int  # position in the content stream
    left: float
    bottom: float
    right: float
    top: float

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _segments(textpage) -> list[_Seg]:
    segs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        if right - left > 0.5 and top - bottom > 0.5:
            segs.append(_Seg(i, left, bottom, right, top))
    return segs


def _gutters(segs: list[_Seg], x0: float, x1: float, min_gap: float) -> list[tuple[float, float]]:
    """Vertical strips that (almost) no line of a column crosses.

    Headings wider than a column and short pieces (a page number, the last
    word of a paragraph) are left out: column lines decide. A heading or a
    caption may still cross a gutter, so a few crossings are tolerated.
    """
    width = x1 - x0
    lines = [s for s in segs if 0.12 * width <= s.right - s.left < 0.62 * width]
    allowed = max(1, int(0.05 * len(lines)))
    events = sorted([(s.left, 1) for s in lines] + [(s.right, -1) for s in lines])
    gaps: list[tuple[float, float]] = []
    depth = 0
    opened: float | None = None
    started = False
    for x, step in events:
        before = depth
        depth += step
        if depth > allowed >= before:
            if started and opened is not None and x - opened >= min_gap:
                gaps.append((opened, x))
            started = True
            opened = None
        elif before > allowed >= depth:
            opened = x
    return gaps


def _column_layout(textpage) -> str | None:
    """The page text read column by column, or None when the page needs no reordering."""
    segs = _segments(textpage)
    if len(segs) < 12:
        return None
    x0 = min(s.left for s in segs)
    x1 = max(s.right for s in segs)
    width = x1 - x0
    height = statistics.median(s.height for s in segs)
    gutters = _gutters(segs, x0, x1, max(6.0, 0.8 * height))
    if not gutters:
        return None
    bounds = [x0] + [g for gap in gutters for g in gap] + [x1]
    columns = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]

    def column_of(s: _Seg) -> int | None:
        for a, b in gutters:
            if min(s.right, b) - max(s.left, a) > 0.5 * (b - a):
                return None  # across a gutter: a heading, a footer, a page number
        centre = (s.left + s.right) / 2
        return sum(1 for a, _ in gutters if centre > a)

    placed = [(s, column_of(s)) for s in segs]
    in_cols = [(s, k) for s, k in placed if k is not None]
    per_col = [[s for s, k in in_cols if k == c] for c in range(len(columns))]
    # Prose columns: each at least a fifth of the text width, each with a
    # run of lines that fill the column, line counts of the same order.
    # Tables fail this: a narrow label column, short cells, or few lines beside many.
    counts = []
    min_gap = max(6.0, 0.8 * height)
    for (a, b), col in zip(columns, per_col):
        lines = _lines(col)
        if b - a < 0.2 * width or len(lines) < 5:
            return None
        if _has_inner_gap(col, min_gap):
            return None  # a number or label column beside the cells: a table
        if not _reads_on(textpage, lines):
            return None
        fill = statistics.median((line[-1].right - line[0].left) / (b - a) for line in lines)
        if fill < 0.6:
            return None
        counts.append(len(lines))
    if min(counts) < 0.25 * max(counts):
        return None
    # Interleaved: the content stream keeps jumping between columns. Read in
    # column order it would jump once per column (and per band).
    order = [k for s, k in sorted(in_cols, key=lambda p: p[0].order)]
    switches = sum(1 for a, b in zip(order, order[1:]) if a != b)
    outside_largest = len(order) - max(len(col) for col in per_col)
    if switches < max(4, 1.2 * outside_largest):
        return None
    return _read_columns(textpage, placed, len(columns))


def _has_inner_gap(col: list[_Seg], min_gap: float) -> bool:
    """Whether every line of a column leaves the same strip empty (table cells side by side)."""
    reach = None
    for left, right in sorted((s.left, s.right) for s in col):
        if reach is not None and left - reach >= min_gap:
            return True
        reach = right if reach is None else max(reach, right)
    return False


def _reads_on(textpage, lines: list[list[_Seg]]) -> bool:
    """Whether a column reads as running text: many lines continue a sentence.

    In prose most lines start with a lower-case word; the cells of a table
    start with a capital or a number, row after row.
    """
    starts = []
    for line in lines[1:]:
        s = line[0]
        head = textpage.get_text_bounded(s.left, s.bottom, s.left + 2 * s.height, s.top).strip()
        if head:
            starts.append(head[0])
    letters = [c for c in starts if c.isalpha()]
    return bool(letters) and sum(c.islower() for c in letters) >= 0.4 * len(starts)


def _lines(segs: list[_Seg]) -> list[list[_Seg]]:
    """Group segments into visual lines, top to bottom, each sorted left to right."""
    lines: list[list[_Seg]] = []
    for s in sorted(segs, key=lambda s: -s.mid):
        if lines:
            last = lines[-1]
            ref = last[0]
            if abs(ref.mid - s.mid) < 0.5 * min(ref.height, s.height):
                last.append(s)
                continue
        lines.append([s])
    return [sorted(line, key=lambda s: s.left) for line in lines]


def _read_columns(textpage, placed: list[tuple[_Seg, int | None]], ncols: int) -> str:
    """Text of a column page: full-width lines split it into bands; each band column by column."""
    rows = _lines([s for s, _ in placed])
    column = {id(s): k for s, k in placed}
    out: list[str] = []
    band: list[list[_Seg]] = [[] for _ in range(ncols)]

    def flush() -> None:
        for col in band:
            for line in _lines(col):
                out.append(_line_text(textpage, line))
            col.clear()

    for row in rows:
        if any(column[id(s)] is None for s in row):
            flush()
            out.append(_line_text(textpage, row))
        else:
            for s in row:
                band[column[id(s)]].append(s)
    flush()
    return "\n".join(out)


def _line_text(textpage, line: list[_Seg]) -> str:
    parts = []
    for s in line:
        parts.append(textpage.get_text_bounded(s.left, s.bottom, s.right, s.top).strip())
    return " ".join(p for p in parts if p)


# --------------------------------------------------------------------------- OCR


def _needs_ocr(page, text: str) -> bool:
    if sum(1 for c in text if not c.isspace()) >= _MIN_TEXT_CHARS:
        return False
    import pypdfium2.raw as pdfium_c

    # Only pages that carry an image can be scans; an empty page stays empty.
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        return True
    return False


def _ocr_pages(pdf, indexes: list[int], texts: list[str], methods: list[str], confirmed: list[int]) -> str | None:
    """OCR the pages at ``indexes``: pages without text, and pages whose text layer is garbage.

    A text layer that only looked like garbage (a language or list the lexicon
    does not know) is kept when OCR reads the same words: its index goes to ``confirmed``.
    Returns why OCR could not run when the rest of the document is still worth
    reading (the verdict on garbage pages then falls to ``quality.check_readable``).
    """
    from . import ocr

    try:
        ocr.check_available()
    except ReadError as exc:
        if any(t.strip() for t in texts):
            return exc.details.get("detail") or str(exc)
        raise
    for index in indexes:
        page = pdf[index]
        try:
            scale = render_scale(index + 1, *page.get_size(), dpi=ocr.DPI)
            image = page.render(scale=scale, grayscale=True).to_pil()
        finally:
            page.close()
        found = clean_text(ocr.ocr_image(image))
        layer = texts[index]
        suspect = garbage(layer)
        if suspect and _same_words(layer, found):
            confirmed.append(index)
        elif suspect and not garbage(found) or len(found.strip()) > len(layer.strip()):
            texts[index] = found
            methods[index] = "ocr"
    return None


def _same_words(a: str, b: str) -> bool:
    """Whether two readings of a page share most of their words."""
    words_a, words_b = set(re.findall(r"\w{3,}", a.lower())), set(re.findall(r"\w{3,}", b.lower()))
    return bool(words_a) and len(words_a & words_b) >= 0.6 * len(words_a)
