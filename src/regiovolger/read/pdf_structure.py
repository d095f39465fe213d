"""Structure of a PDF page from pdfium's text rectangles: headings and tables.

pdfium splits a page's text into rectangles, one per run of characters drawn
by one text object (in practice a line or a piece of a line), in
content-stream order (the order of ``get_text_range``). For each rectangle this module reads the font size and
weight of its first character and its text, and finds that text in the page
text the reader produced (which may differ a little: words broken at a line
end are joined, ligatures expanded). That gives every rectangle a span of the
finished text without touching the text itself.

* Headings: a line whose font is clearly larger than the document's body
  text, or a short line wholly in bold, standing on a line of its own. Levels
  follow the font sizes, largest first.
* Tables: three or more lines whose pieces leave the same vertical strips
  empty (gutters), with at least two columns. A line with a piece in the
  first column starts a row; lines without one continue the cells above.
  The table is kept only when its rows and cells follow each other in the
  text (content streams that write a table column by column are skipped).

Pages re-read column by column and OCR pages get no structure. Best effort:
what is found is right about its offsets, but a heading or table may be missed.
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
from dataclasses import dataclass, field

from ..structure import Block, Cell, Heading, Row, Table

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_FORCE_BOLD = 1 << 18  # FXFONT_FORCE_BOLD in pdfium's font flags
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
     "\u00a0": " ", "\u202f": " "}
)
_DROP = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\u00ad]")
_SPECIAL = re.compile(r"[\x00-\x1f\x7f\ufffe\u00ad\u00a0\u202f\ufb00-\ufb06]")
# A list marker standing alone in a column: such a "table" is a list with a hanging indent.
_MARKER = re.compile(r"[-\u2013\u2022\u00b7\u25aa\u25cf\u25e6*o\uf0b7]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)]")
_LETTERS = re.compile(r"[^\W\d_]")

SLACK = 16  # characters of whitespace (or a moved word piece) between two runs in the text
HEADING_RATIO = 1.15  # a heading's font is at least this much larger than the body's ...
HEADING_MIN_STEP = 1.0  # ... and at least this many points
HEADING_MAX_CHARS = 150
BOLD_HEADING_MAX_CHARS = 120


@dataclass
class Run:
    """One pdfium text rectangle."""

    order: int
    left: float
    bottom: float
    right: float
    top: float
    size: float = 0.0  # effective font size in points (0 when unknown)
    bold: bool = False
    text: str = ""  # its text, normalised like the page text
    start: int | None = None  # its span in the page text, when found
    end: int | None = None

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    """Runs sharing a baseline, left to right."""

    runs: list[Run]
    size: float = 0.0
    bold: bool = False
    start: int | None = None
    end: int | None = None
    left: float = 0.0
    right: float = 0.0
    mid: float = 0.0

    def __post_init__(self) -> None:
        self.left = min(r.left for r in self.runs)
        self.right = max(r.right for r in self.runs)
        self.mid = (max(r.top for r in self.runs) + min(r.bottom for r in self.runs)) / 2


@dataclass
class PageLayout:
    """What one page contributes to the document's structure (offsets into the page's text)."""

    lines: list[Line] = field(default_factory=list)  # lines found in the text, for headings
    tables: list[Table] = field(default_factory=list)
    weights: dict[float, int] = field(default_factory=dict)  # font size -> characters, for the body size
    bold: int = 0  # characters in bold


# --------------------------------------------------------------------------- runs


_NAME = ctypes.create_string_buffer(128)
_FLAGS = ctypes.c_int(0)
_MATRIX = None
_BOLD_NAMES: dict[bytes, bool] = {}


def _font(raw, index: int) -> tuple[float, bool]:
    """Effective size (points, with the text matrix) and boldness of the font of one character."""
    global _MATRIX
    import pypdfium2.raw as pdfium_c

    if _MATRIX is None:
        _MATRIX = pdfium_c.FS_MATRIX()
    size = pdfium_c.FPDFText_GetFontSize(raw, index)
    if pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(_MATRIX)):
        scale = math.hypot(_MATRIX.c, _MATRIX.d) or math.hypot(_MATRIX.a, _MATRIX.b)
        if scale > 0:
            size *= scale
    _FLAGS.value = 0
    _NAME.value = b""
    pdfium_c.FPDFText_GetFontInfo(raw, index, _NAME, len(_NAME), ctypes.byref(_FLAGS))
    name = _NAME.value
    # The name says it best ("Arial-BoldMT"); some producers give every font a weight of 700.
    if name:
        bold = _BOLD_NAMES.get(name)
        if bold is None:
            bold = _BOLD_NAMES[name] = bool(_BOLD_NAME.search(name.decode("latin-1")))
        bold = bold or bool(_FLAGS.value & _FORCE_BOLD)
    else:
        bold = bool(_FLAGS.value & _FORCE_BOLD) or pdfium_c.FPDFText_GetFontWeight(raw, index) >= 700
    return round(size, 1), bold


def _needle(s: str) -> str:
    """A run's text as it should read in the page text (line ends, odd spaces, ligatures as there)."""
    s = s.strip()
    if _SPECIAL.search(s):
        s = s.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES)
        s = _DROP.sub("", s).strip()
    if len(s) > 1 and s.endswith("-"):
        s = s[:-1]  # a hyphen at a line end may vanish when the word is joined again
    return s


def page_runs(textpage, raw_text: str) -> list[Run]:
    """The page's text rectangles with font and text, in content-stream order.

    ``raw_text`` is ``textpage.get_text_range()``: one character per pdfium
    character index. pdfium starts a new rectangle where the text object
    changes, so the number of rectangles over a range of characters tells
    where each one ends; a galloping search finds those ends with a few cheap
    calls per rectangle (asking pdfium for the text inside each rectangle
    instead costs a scan of the whole page per call).
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    total = len(raw_text)
    if total != textpage.count_chars():
        return []  # characters outside the Basic Multilingual Plane shift the indexes: no structure
    count_rects = pdfium_c.FPDFText_CountRects
    left, top, right, bottom = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    runs: list[Run] = []
    start = 0
    while start < total:
        length, fresh = _one_rect(count_rects, raw, raw_text, start, total - start)
        end = start + length
        text = raw_text[start:end]
        if not fresh:
            count_rects(raw, start, length)
        pdfium_c.FPDFText_GetRect(raw, 0, left, top, right, bottom)
        run = Run(len(runs), left.value, bottom.value, right.value, top.value)
        first = start + (len(text) - len(text.lstrip()))
        if first < end and run.right - run.left > 0.01:
            run.size, run.bold = _font(raw, first)
            run.text = _needle(text)
            runs.append(run)
        start = end
    return runs


def _one_rect(count_rects, raw, raw_text: str, start: int, remaining: int) -> tuple[int, bool]:
    """The largest n such that characters ``start .. start + n`` make at most one rectangle, and
    whether pdfium's last rectangles are those of that range.

    A rectangle most often ends with its line, so the line end is tried first.
    """
    good, step = 1, 1  # a single character is one rectangle
    bad = None
    fresh = False
    newline = raw_text.find("\n", start, start + remaining)
    if newline >= 0 and newline + 1 - start > 1:
        probe = newline + 1 - start
        fresh = count_rects(raw, start, probe) <= 1
        if fresh:
            good = probe
        else:
            bad = probe
    while bad is None and good < remaining:
        probe = min(good + step, remaining)
        fresh = count_rects(raw, start, probe) <= 1
        if fresh:
            good, step = probe, step * 2
        else:
            bad = probe
    while bad is not None and bad - good > 1:
        mid = (good + bad) // 2
        fresh = count_rects(raw, start, mid) <= 1
        if fresh:
            good = mid
        else:
            bad = mid
    return good, fresh


def place_runs(runs: list[Run], text: str) -> None:
    """Find each run's text in ``text``, in order, each close after the one before."""
    cursor = 0
    lost = 0  # length of runs not found since the last one that was
    for run in runs:
        needle = run.text
        if not needle:
            continue
        limit = cursor + lost + len(needle) + SLACK
        pos = text.find(needle, cursor, limit)
        if pos >= 0 and _skipped(text, cursor, pos) <= 2 + lost:
            run.start, run.end = pos, pos + len(needle)
        else:
            found = _loose(needle, text, cursor, limit + 40, lost)
            if found is not None:
                run.start, run.end = found
        if run.start is None:
            lost += len(needle)
            continue
        cursor, lost = run.end, 0


def _loose(needle: str, text: str, cursor: int, limit: int, lost: int) -> tuple[int, int] | None:
    """``needle`` found with any whitespace between its characters (pdfium's text of a rectangle
    can space letters apart, "P aragraaf"), or without its first word piece when that moved up to
    join a word broken on the line before."""
    chars = [c for c in needle if not c.isspace()]
    if not chars:
        return None
    pattern = re.compile(r"\s*".join(re.escape(c) for c in chars))
    m = pattern.search(text, cursor, limit)
    if m and _skipped(text, cursor, m.start()) <= 2 + lost:
        return m.start(), m.end()
    if " " in needle:
        rest = needle.split(" ", 1)[1].strip()
        pos = text.find(rest, cursor, limit) if rest else -1
        if pos >= 0 and _skipped(text, cursor, pos) <= 40 + lost:
            return pos, pos + len(rest)
    return None


def _skipped(text: str, a: int, b: int) -> int:
    return sum(1 for c in text[a:b] if not c.isspace())


# --------------------------------------------------------------------------- lines


def group_lines(runs: list[Run]) -> list[Line]:
    """Runs with a size and a box, grouped into visual lines top to bottom."""
    usable = [r for r in runs if r.right - r.left > 0.3 and r.top - r.bottom > 0.3]
    lines: list[list[Run]] = []
    for run in sorted(usable, key=lambda r: (-r.mid, r.left)):
        if lines:
            last = lines[-1]
            ref = last[0]
            known = [x for x in (ref.size, run.size) if x > 0]  # a font pdfium could not name: 0
            if abs(ref.mid - run.mid) < 0.35 * max(min(known, default=10.0), 1.0):
                last.append(run)
                continue
        lines.append([run])
    out = []
    for group in lines:
        group.sort(key=lambda r: r.left)
        texty = [r for r in group if r.text.strip()]
        if not texty:
            continue
        line = Line(group)
        widths: dict[float, int] = {}
        for r in texty:
            if r.size > 0:
                widths[r.size] = widths.get(r.size, 0) + len(r.text)
        if not widths:
            continue
        line.size = max(widths, key=widths.get)
        lettered = [r for r in texty if r.size > 0 and _LETTERS.search(r.text)]
        line.bold = bool(lettered) and all(r.bold for r in lettered)
        placed = [r for r in texty if r.start is not None]
        if len(placed) == len(texty):
            line.start = min(r.start for r in placed)
            line.end = max(r.end for r in placed)
        out.append(line)
    return out


# --------------------------------------------------------------------------- page


def analyse(textpage, raw_text: str, text: str) -> PageLayout:
    """Runs, lines and tables of one page whose ``text`` (cleaned from ``raw_text``) follows the
    content stream."""
    runs = page_runs(textpage, raw_text)
    place_runs(runs, text)
    layout = PageLayout()
    for r in runs:
        if r.size > 0 and r.text:
            key = round(r.size * 2) / 2
            layout.weights[key] = layout.weights.get(key, 0) + len(r.text)
            layout.bold += len(r.text) if r.bold else 0
    lines = group_lines(runs)
    tables, used = _tables(lines, text)
    layout.tables = tables
    layout.lines = [line for i, line in enumerate(lines) if i not in used and line.start is not None]
    return layout


def body_size(layouts: list[PageLayout]) -> float:
    """The font size most of the document's characters are set in."""
    totals: dict[float, int] = {}
    for layout in layouts:
        for size, n in layout.weights.items():
            totals[size] = totals.get(size, 0) + n
    return max(totals, key=totals.get) if totals else 0.0


def headings(layouts: list[PageLayout | None], texts: list[str]) -> list[list[Heading]]:
    """Per page, the heading lines, with levels from the document's font sizes."""
    pages = [lay for lay in layouts if lay is not None]
    body = body_size(pages)
    chars = sum(n for lay in pages for n in lay.weights.values())
    # when most of the text reads as bold, bold marks nothing
    bold_marks = chars > 0 and sum(lay.bold for lay in pages) < 0.4 * chars
    found: list[list[tuple[Line, str]]] = []
    sizes: set[float] = set()
    for layout, text in zip(layouts, texts):
        picked: list[tuple[Line, str]] = []
        if layout is not None and body > 0:
            for line in layout.lines:
                if picked and picked[-1][1] != "more3" and _continues(picked[-1][0], line, text):
                    # the next line of a heading (three lines at most)
                    kind = {"more": "more2", "more2": "more3"}.get(picked[-1][1], "more")
                else:
                    kind = _heading_kind(line, text, body, bold_marks)
                if kind:
                    picked.append((line, kind))
                    if kind == "size":
                        sizes.add(round(line.size * 2) / 2)
        found.append(picked)
    levels = {s: min(i + 1, 6) for i, s in enumerate(sorted(sizes, reverse=True))}
    bold_level = min(len(levels) + 1, 6)
    out: list[list[Heading]] = []
    for picked in found:
        page: list[Heading] = []
        for line, kind in picked:
            if kind.startswith("more"):
                page[-1] = Heading(page[-1].level, page[-1].start, line.end)
                continue
            level = levels[round(line.size * 2) / 2] if kind == "size" else bold_level
            page.append(Heading(level, line.start, line.end))
        out.append(page)
    return _drop_running(out, texts)


def _drop_running(pages: list[list[Heading]], texts: list[str]) -> list[list[Heading]]:
    """Leave out a running head: the same line opening or closing three pages or more."""
    edges: dict[str, int] = {}
    for page, text in zip(pages, texts):
        stripped = text.strip()
        for h in page:
            s = text[h.start:h.end]
            if stripped.startswith(s) or stripped.endswith(s):
                edges[s] = edges.get(s, 0) + 1
    running = {s for s, n in edges.items() if n >= 3}
    if not running:
        return pages
    return [[h for h in page if text[h.start:h.end] not in running] for page, text in zip(pages, texts)]


def _continues(previous: Line, line: Line, text: str) -> bool:
    """Whether ``line`` is the next line of the heading on ``previous``: same font, right below it."""
    if line.start is None or previous.end is None or line.start < previous.end:
        return False
    between = text[previous.end:line.start]
    if between != "\n" or "\n" in text[line.start:line.end]:
        return False
    if abs(line.size - previous.size) > 0.25 or line.bold != previous.bold:
        return False
    return not _rest_of_line(text, line.start, line.end).strip() and previous.mid - line.mid < 1.8 * line.size


def _rest_of_line(text: str, start: int, end: int) -> str:
    """What shares the text line of ``text[start:end]`` before and after it."""
    head = text.rfind("\n", 0, start) + 1
    tail = text.find("\n", end)
    return text[head:start] + text[end:tail if tail >= 0 else len(text)]


def _heading_kind(line: Line, text: str, body: float, bold_marks: bool = True) -> str | None:
    s = text[line.start:line.end]
    if "\n" in s or not s.strip():
        return None
    # a line of its own in the text
    if _rest_of_line(text, line.start, line.end).strip():
        return None
    letters = len(_LETTERS.findall(s))
    if letters < 2 or letters < 0.4 * len(s.replace(" ", "")):
        return None
    first = s.lstrip()[:1]
    if not (first.isupper() or first.isdigit()):
        return None
    if line.size >= body * HEADING_RATIO and line.size >= body + HEADING_MIN_STEP:
        return "size" if len(s) <= HEADING_MAX_CHARS else None
    if bold_marks and line.bold and line.size >= body * 0.95 and len(s) <= BOLD_HEADING_MAX_CHARS:
        if s.rstrip().endswith((":", ",", ";")):
            return None  # a label ("Aanwezig:"), not a heading
        return "bold"
    return None


# --------------------------------------------------------------------------- tables


@dataclass
class _Chunk:
    runs: list[Run]
    left: float
    right: float


def _chunks(line: Line) -> list[_Chunk]:
    """A line's runs merged where only a word space (or less) separates them."""
    out: list[_Chunk] = []
    for run in line.runs:
        if not run.text:
            continue
        if out and run.left - out[-1].right < 0.3 * max(line.size, 1.0):
            out[-1].runs.append(run)
            out[-1].right = max(out[-1].right, run.right)
        else:
            out.append(_Chunk([run], run.left, run.right))
    return out


def _gutters(covered: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    return [(a[1], b[0]) for a, b in zip(covered, covered[1:]) if b[0] - a[1] >= min_gap]


def _cover(covered: list[tuple[float, float]], chunks: list[_Chunk]) -> list[tuple[float, float]]:
    spans = sorted(covered + [(c.left, c.right) for c in chunks])
    merged: list[tuple[float, float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _tables(lines: list[Line], text: str) -> tuple[list[Table], set[int]]:
    """Tables among ``lines`` (top to bottom) and the indexes of the lines they use."""
    chunks = [_chunks(line) for line in lines]
    multi = [len(c) >= 2 for c in chunks]
    if sum(multi) < 3:
        return [], set()
    size = statistics.median(line.size for line in lines) or 10.0
    candidates = []
    for i in range(len(lines)):
        if not multi[i]:
            continue
        covered = _cover([], chunks[i])
        j = i
        widest = 0.0  # the largest line step inside the table so far
        while j + 1 < len(lines):
            nxt = _cover(covered, chunks[j + 1])
            step = lines[j].mid - lines[j + 1].mid
            limit = max(3 * max(lines[j].size, lines[j + 1].size), 1.6 * widest)
            if step > limit or not _gutters(nxt, 0.35 * size):
                break
            # a line across a column gutter the lines so far agree on ends the table
            after = _gutters(nxt, 0.35 * size)
            killed = [(a, b) for a, b in _gutters(covered, 0.35 * size)
                      if not any(ga < b and a < gb for ga, gb in after)]
            if killed and _supported(killed, chunks[i:j + 1]):
                break
            covered, j = nxt, j + 1
            widest = max(widest, step)
        gutters = _supported(_gutters(covered, 0.35 * size), chunks[i:j + 1])
        if not gutters:
            continue
        rows = sum(1 for k in range(i, j + 1) if len({_column(c, gutters) for c in chunks[k]}) >= 2)
        if rows >= 3:
            candidates.append((rows, i, j, gutters))
    tables: list[Table] = []
    used: set[int] = set()
    for _rows, i, j, gutters in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if any(k in used for k in range(i, j + 1)):
            continue
        table = _build(lines[i:j + 1], chunks[i:j + 1], gutters, text)
        if table is not None:
            tables.append(table)
            used.update(range(i, j + 1))
    tables.sort(key=lambda t: t.start)
    return tables, used


def _supported(gutters, chunks: list[list[_Chunk]]) -> list[tuple[float, float]]:
    """Gutters with text on both sides on at least two lines (not just one line's word gap)."""
    kept = []
    for a, b in gutters:
        sides = sum(1 for line in chunks
                    if any(c.right <= a for c in line) and any(c.left >= b for c in line))
        if sides >= 2:
            kept.append((a, b))
    return kept


def _column(chunk: _Chunk, gutters: list[tuple[float, float]]) -> int:
    centre = (chunk.left + chunk.right) / 2
    return sum(1 for a, _b in gutters if centre > a)


def _build(lines: list[Line], chunks: list[list[_Chunk]], gutters, text: str) -> Table | None:
    ncols = len(gutters) + 1
    rows: list[list[list[_Chunk]]] = []
    ends: list[int] = []  # where each row's text found so far ends
    for line_chunks in chunks:
        cols = [_column(c, gutters) for c in line_chunks]
        starts = [r.start for c in line_chunks for r in c.runs if r.start is not None]
        # a line in the first column starts a row, unless the text puts it before the end of
        # the row above: then it is that row's first cell going on (a cell on two lines)
        if not rows or (0 in cols and not (starts and min(starts) < ends[-1])):
            rows.append([[] for _ in range(ncols)])
            ends.append(-1)
        for c, k in zip(line_chunks, cols):
            rows[-1][k].append(c)
        ends[-1] = max([ends[-1]] + [r.end for c in line_chunks for r in c.runs if r.end is not None])
    # a column of nothing but list markers makes a list with a hanging indent, not a table
    for k in range(ncols):
        pieces = [" ".join(r.text for c in row[k] for r in c.runs) for row in rows if row[k]]
        if pieces and sum(bool(_MARKER.fullmatch(p.strip())) for p in pieces) >= 0.6 * len(pieces):
            return None
    built: list[Row] = []
    for row in rows:
        cells: list[tuple[int, int] | None] = []
        for col in row:
            pieces = [r for c in col for r in c.runs if r.text]
            spans = [(r.start, r.end) for r in pieces if r.start is not None]
            if pieces and not spans:
                return None  # the cell's text is not found in the text
            cells.append((min(a for a, _ in spans), max(b for _, b in spans)) if spans else None)
        found = [c for c in cells if c is not None]
        if not found:
            continue
        start, end = min(a for a, _ in found), max(b for _, b in found)
        at = start
        out: list[Cell] = []
        for cell in cells:
            if cell is None:
                out.append(Cell(at, at))
                continue
            if cell[0] < at:
                return None  # cells out of order: the content stream is not row by row
            out.append(Cell(*cell))
            at = cell[1]
        if built and start < built[-1].end:
            return None
        built.append(Row(start, end, out))
    if len(built) < 2:
        return None
    return Table(built[0].start, built[-1].end, built)


def page_blocks(layout: PageLayout | None, page_headings: list[Heading]) -> list[Block]:
    if layout is None:
        return []
    return [*page_headings, *layout.tables]
