"""DOCX: paragraphs, tables and text boxes in document order.

python-docx's paragraph API skips text boxes (Word puts floating
instructions there), so we walk word/document.xml ourselves with lxml.

Structure comes along: heading styles ("Heading 1", "Kop 1", an outline
level), list paragraphs (Word numbering, list styles, a typed bullet) with
their marker from word/numbering.xml, and tables row by row and cell by cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from ..errors import ReadError
from ..limits import check_depth, check_zip
from ..structure import Block, Cell, Heading, ListItem, Paragraph, Row, Table
from .base import RawPages
from .docx_margins import docx_margins

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}


def _tag(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


# A bullet typed into the text rather than made by Word's numbering.
_TYPED_BULLET = re.compile(r"([-–•·▪●◦‣⁃■□∙])[ \t\u00a0]+(?=\S)")
_HEADING_NAME = re.compile(r"(?:heading|kop)\s*([1-9])", re.I)
_TITLE_NAMES = {"title", "titel"}
_LIST_NAMES = re.compile(r"^(?:list|lijst|opsomming)", re.I)


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None  # w:outlineLvl, 0-based
    num: tuple[str, int] | None = None  # numId, ilvl from the style's own numbering


@dataclass
class _Context:
    """What the document's parts say about styles and numbering, and the list counters so far."""

    styles: dict[str, _Style] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    levels: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)  # (abstract, ilvl) -> fmt, text, start
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> last number

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen and len(seen) < 12:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                yield style_id, _Style(name=style_id)  # no styles.xml: the id is all we have
                return
            yield style_id, style
            style_id = style.based_on

    def heading_level(self, style_id: str | None, outline: int | None) -> int | None:
        if outline is not None and 0 <= outline < 9:
            return outline + 1
        for sid, style in self.chain(style_id):
            for name in (style.name, sid):
                m = _HEADING_NAME.fullmatch(name.strip())
                if m:
                    return int(m.group(1))
                if name.strip().lower() in _TITLE_NAMES:
                    return 1
            if style.outline is not None and 0 <= style.outline < 9:
                return style.outline + 1
        return None

    def style_num(self, style_id: str | None) -> tuple[str, int] | None:
        for _sid, style in self.chain(style_id):
            if style.num is not None:
                return style.num
        return None

    def list_style(self, style_id: str | None) -> bool:
        return any(_LIST_NAMES.match(style.name.strip() or sid) for sid, style in self.chain(style_id))

    def marker(self, num_id: str, ilvl: int) -> str:
        """The label Word shows for the next item of list ``num_id`` at level ``ilvl``."""
        abstract = self.nums.get(num_id)
        counters = self.counters.setdefault(num_id, {})
        fmt, pattern, start = self.levels.get((abstract, ilvl), ("bullet", "\u2022", 1))
        start = self.overrides.get((num_id, ilvl), start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the levels below it
        if fmt == "bullet":
            return "\u2022" if not pattern or any("\uf000" <= c <= "\uf0ff" for c in pattern) else pattern
        if fmt == "none":
            return ""

        def number(m: re.Match) -> str:
            level = int(m.group(1)) - 1
            lfmt = self.levels.get((abstract, level), ("decimal", "", 1))[0] if level != ilvl else fmt
            value = counters.get(level, self.levels.get((abstract, level), ("", "", 1))[2])
            return _format_number(value, lfmt)

        return re.sub(r"%([1-9])", number, pattern).strip()


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        k = max(n, 1)
        while k:
            k, r = divmod(k - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        pairs = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        s, k = "", max(n, 1)
        for value, letters in pairs:
            while k >= value:
                s, k = s + letters, k - value
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Writer:
    """Collects lines per page; a page break starts a new page.

    Blocks are kept as (page, line, column) places until :meth:`result`
    knows where each page's lines end up in its text.
    """

    def __init__(self, ctx: _Context | None = None) -> None:
        self.pages: list[list[str]] = [[]]
        self.ctx = ctx or _Context()
        self.blocks: list[tuple] = []  # (kind, page, line, a, b, extra) or ("table", page, rows)

    def line(self, s: str) -> tuple[int, int]:
        self.pages[-1].append(s)
        return len(self.pages) - 1, len(self.pages[-1]) - 1

    def page_break(self) -> None:
        if self.pages[-1]:
            self.pages.append([])

    def texts(self) -> list[str]:
        out = ["\n".join(lines).strip("\n") for lines in self.pages]
        return [t for t in out if t.strip()] or [""]

    def result(self) -> tuple[list[str], list[list[Block]]]:
        """The page texts (as :meth:`texts`) and each page's blocks with offsets into its text."""
        texts: list[str] = []
        blocks: list[list[Block]] = []
        kept: dict[int, int] = {}
        places: list[tuple[list[int], int]] = []
        for i, lines in enumerate(self.pages):
            joined = "\n".join(lines)
            text = joined.strip("\n")
            starts, pos = [], -(len(joined) - len(joined.lstrip("\n")))
            for line in lines:
                starts.append(pos)
                pos += len(line) + 1
            places.append((starts, len(text)))
            if text.strip():
                kept[i] = len(texts)
                texts.append(text)
                blocks.append([])
        if not texts:
            return [""], [[]]
        for record in self.blocks:
            page = record[1]
            if page not in kept:
                continue
            starts, length = places[page]

            def at(line: int, col: int) -> int:
                return min(max(starts[line] + col, 0), length)

            kind = record[0]
            if kind == "table":
                rows = [Row(at(line, 0), at(line, end), [Cell(at(line, a), at(line, b)) for a, b in cells])
                        for line, end, cells in record[2]]
                block: Block = Table(rows[0].start, rows[-1].end, rows)
            else:
                _kind, _page, line, a, b, extra = record
                a, b = at(line, a), at(line, b)
                if a >= b:
                    continue
                if kind == "heading":
                    block = Heading(extra, a, b)
                elif kind == "item":
                    block = ListItem(a, b, extra)
                else:
                    block = Paragraph(a, b)
            blocks[kept[page]].append(block)
        return texts, blocks


def _runs_text(p: etree._Element, out: _Writer, boxes: list[etree._Element]) -> str:
    """Text of a paragraph; text boxes met inside it are queued in ``boxes``."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            name = _tag(child)
            if name == "t":
                parts.append(child.text or "")
            elif name == "tab":
                parts.append("\t")
            elif name in ("br", "cr"):
                if child.get(f"{{{W}}}type") == "page":
                    if parts:
                        out.line("".join(parts))
                        parts.clear()
                    out.page_break()
                else:
                    parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "txbxContent":
                boxes.append(child)
            elif name == "Fallback" and child.tag == f"{{{MC}}}Fallback":
                continue  # VML copy of the same drawing: read the Choice only
            elif name in ("delText", "instrText"):
                continue  # deleted revisions and field codes are not text
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(f"{{{W}}}val")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _paragraph_kind(p: etree._Element, text: str, ctx: _Context) -> tuple[str, object, int] | None:
    """What a paragraph is: ("heading", level), ("item", marker), ("paragraph", None), with
    how many leading characters are a typed marker; None for an empty paragraph."""
    if not text.strip():
        return None
    ppr = p.find("w:pPr", NS)
    style_id = _val(ppr.find("w:pStyle", NS)) if ppr is not None else None
    outline = _int(_val(ppr.find("w:outlineLvl", NS))) if ppr is not None else None
    level = ctx.heading_level(style_id, outline)
    numpr = ppr.find("w:numPr", NS) if ppr is not None else None
    num: tuple[str, int] | None = None
    if numpr is not None:
        num_id = _val(numpr.find("w:numId", NS))
        ilvl = _int(_val(numpr.find("w:ilvl", NS)))
        if num_id is not None:
            style_num = ctx.style_num(style_id)
            num = (num_id, ilvl if ilvl is not None else (style_num[1] if style_num else 0))
    else:
        num = ctx.style_num(style_id)
    if num is not None and num[0] == "0":
        num = None  # numId 0 switches numbering off
    if level is not None:
        if num is not None:
            ctx.marker(*num)  # a numbered heading still counts
        return "heading", level, 0
    if num is not None:
        return "item", ctx.marker(*num), 0
    lead = len(text) - len(text.lstrip())
    typed = _TYPED_BULLET.match(text, lead)
    if typed:
        return "item", typed.group(1), typed.end() - lead
    if ctx.list_style(style_id):
        return "item", "", 0
    return "paragraph", None, 0


def _block(el: etree._Element, out: _Writer) -> None:
    name = _tag(el)
    if name == "p":
        boxes: list[etree._Element] = []
        if el.find(".//w:pPr/w:pageBreakBefore", NS) is not None:
            out.page_break()
        text = _runs_text(el, out, boxes)
        page, index = out.line(text)
        kind = _paragraph_kind(el, text, out.ctx)
        if kind is not None:
            what, extra, skip = kind
            a = len(text) - len(text.lstrip()) + skip
            out.blocks.append((what, page, index, a, len(text.rstrip()), extra))
        for box in boxes:
            for child in box:
                _block(child, out)
    elif name == "tbl":
        rows = []
        for row in el.iterfind("w:tr", NS):
            cells = []
            for cell in row.iterfind("w:tc", NS):
                sub = _Writer(out.ctx)
                for child in cell:
                    _block(child, sub)
                cells.append(" ".join(" ".join(sub.texts()).split()))
            line = " | ".join(cells)
            page, index = out.line(line)
            spans, pos = [], 0
            for cell_text in cells:
                spans.append((pos, pos + len(cell_text)))
                pos += len(cell_text) + 3
            rows.append((index, len(line), spans))
        if rows:
            out.blocks.append(("table", page, rows))
        out.line("")
    elif name in ("sdt", "sdtContent", "customXml", "body", "ins", "smartTag"):
        for child in el:
            _block(child, out)


def read_docx(data: bytes) -> RawPages:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf.infolist(), "DOCX")  # before unpacking: a zip bomb unpacks to gigabytes
            xml = zf.read("word/document.xml")
            names = set(zf.namelist())
            core = zf.read("docProps/core.xml") if "docProps/core.xml" in names else None
            styles = zf.read("word/styles.xml") if "word/styles.xml" in names else None
            numbering = zf.read("word/numbering.xml") if "word/numbering.xml" in names else None
            margins = docx_margins(zf)  # headers, footers, watermarks, properties: for confidentiality
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ReadError("corrupt", kind="DOCX", detail=str(exc) or type(exc).__name__) from exc
    for part in (xml, styles, numbering):
        if part:
            check_depth(part, "DOCX")
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise ReadError("corrupt", kind="DOCX", detail=str(exc)) from exc
    body = root.find("w:body", NS)
    out = _Writer(_context(styles, numbering))
    if body is not None:
        for child in body:
            _block(child, out)
    title = None
    if core:
        try:
            node = etree.fromstring(core).find("{http://purl.org/dc/elements/1.1/}title")
            title = (node.text or "").strip() or None if node is not None else None
        except etree.XMLSyntaxError:
            title = None
    texts, blocks = out.result()
    return RawPages(texts=texts, title=title, blocks=blocks, margins=margins)


def _parse(xml: bytes | None) -> etree._Element | None:
    if not xml:
        return None
    try:
        return etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError:
        return None  # structure is a bonus: a broken part never stops the text


def _context(styles_xml: bytes | None, numbering_xml: bytes | None) -> _Context:
    ctx = _Context()
    styles = _parse(styles_xml)
    if styles is not None:
        for st in styles.iterfind("w:style", NS):
            if st.get(f"{{{W}}}type") not in (None, "paragraph"):
                continue
            sid = st.get(f"{{{W}}}styleId")
            if not sid:
                continue
            ppr = st.find("w:pPr", NS)
            numpr = ppr.find("w:numPr", NS) if ppr is not None else None
            num = None
            if numpr is not None and _val(numpr.find("w:numId", NS)) is not None:
                num = (_val(numpr.find("w:numId", NS)), _int(_val(numpr.find("w:ilvl", NS))) or 0)
            ctx.styles[sid] = _Style(
                name=_val(st.find("w:name", NS)) or "",
                based_on=_val(st.find("w:basedOn", NS)),
                outline=_int(_val(ppr.find("w:outlineLvl", NS))) if ppr is not None else None,
                num=num,
            )
    numbering = _parse(numbering_xml)
    if numbering is not None:
        for abstract in numbering.iterfind("w:abstractNum", NS):
            aid = abstract.get(f"{{{W}}}abstractNumId")
            for lvl in abstract.iterfind("w:lvl", NS):
                ilvl = _int(lvl.get(f"{{{W}}}ilvl")) or 0
                ctx.levels[(aid, ilvl)] = (
                    _val(lvl.find("w:numFmt", NS)) or "decimal",
                    _val(lvl.find("w:lvlText", NS)) or "",
                    _int(_val(lvl.find("w:start", NS))) or 1,
                )
        for num in numbering.iterfind("w:num", NS):
            nid = num.get(f"{{{W}}}numId")
            ctx.nums[nid] = _val(num.find("w:abstractNumId", NS))
            for override in num.iterfind("w:lvlOverride", NS):
                start = _int(_val(override.find("w:startOverride", NS)))
                if start is not None:
                    ctx.overrides[(nid, _int(override.get(f"{{{W}}}ilvl")) or 0)] = start
    return ctx
