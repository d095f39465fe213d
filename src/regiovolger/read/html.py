"""HTML: main content as text, navigation and other page chrome removed."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from ..structure import Block, Cell, Heading, ListItem, Paragraph, Row, Table
from .base import RawPages
from .plain import decode

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside",
             "form", "button", "iframe", "svg", "canvas", "object", "input", "select", "head"]
# ids/classes that mark site chrome in common CMS templates (including print views)
CHROME = re.compile(
    r"(^|[-_ ])(nav|navbar|navigation|menu|breadcrumbs?|cookie\w*|footer|sidebar|skip\w*|"
    r"social|share|banner|toolbar|printhead|print-head|topbar|searchbox|logo)($|[-_ ])", re.I)
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2",
         "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
         "address", "fieldset", "legend", "caption", "thead", "tbody", "hr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _is_chrome(tag: Tag) -> bool:
    if tag.get("role") in CHROME_ROLES or tag.get("aria-hidden") == "true":
        return True
    names = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
    return bool(names and CHROME.search(names))


def _link_heavy(tag: Tag) -> bool:
    """A list or block that is mostly links (a menu) with little other text."""
    text = tag.get_text(" ", strip=True)
    if not text:
        return False
    link_text = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return link_text / len(text) > 0.6 and len(text) < 400


class _Mark:
    """Where an element starts or ends inside the line being built."""

    __slots__ = ("node", "end")

    def __init__(self, node: "_Node", end: bool) -> None:
        self.node = node
        self.end = end


class _Node:
    """One structural element; ``start``/``end`` become (line, column) once its text is laid out."""

    __slots__ = ("kind", "level", "marker", "start", "end", "children")

    def __init__(self, kind: str, level: int = 0, marker: str = "") -> None:
        self.kind = kind  # heading | paragraph | item | table | row | cell
        self.level = level
        self.marker = marker
        self.start: tuple[int, int] | None = None
        self.end: tuple[int, int] | None = None
        self.children: list[_Node] = []


_WORD = re.compile(r"\S+")


class _Out:
    """The lines of text being built, and where each element's text lands in them.

    ``current`` holds the pieces of the line being built and the marks of the
    elements that start or end among them. A line's text is its pieces with
    whitespace collapsed (``" ".join(s.split())``); a start mark lands on the
    first character written after it, an end mark just after the last one
    written before it, so a mark in a dropped line or in collapsed whitespace
    still lands on the element's own text.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str | _Mark] = []
        self.waiting: list[_Node] = []  # started, no character written since
        self.last: tuple[int, int] | None = None  # just after the last character written
        self.blocks: list[_Node] = []
        self.tables: list[_Node] = []  # open tables, innermost last
        self.rows: list[_Node | None] = []  # open rows, innermost last
        self.lists: list[list] = []  # open lists: [tag name, next number]
        self.inside = 0  # open li, td, th, h1-h6: a <p> in there is not a paragraph of its own

    def raw(self) -> str:
        return "".join(p for p in self.current if isinstance(p, str))

    def add(self, piece: str) -> None:
        self.current.append(piece)

    def open(self, node: _Node) -> None:
        self.current.append(_Mark(node, False))

    def close(self, node: _Node) -> None:
        self.current.append(_Mark(node, True))

    def flush(self, keep) -> None:
        """End the line being built; ``keep(line)`` says whether the line is written."""
        raw = self.raw()
        line = " ".join(raw.split())
        kept = bool(keep(line))
        if kept:
            self.lines.append(line)
        # a line that ends up empty (or only table bars) holds no element text
        written = kept and line.strip(" |") != ""
        self._place(len(self.lines) - 1 if written else None)
        self.current.clear()

    def _place(self, index: int | None) -> None:
        col = 0
        space = False
        for piece in self.current:
            if isinstance(piece, _Mark):
                if piece.end:
                    piece.node.end = self.last
                else:
                    self.waiting.append(piece.node)
                continue
            if index is None:
                continue
            pos = 0
            for m in _WORD.finditer(piece):
                if m.start() > pos:
                    space = True
                if space and col:
                    col += 1
                space = False
                for node in self.waiting:
                    node.start = (index, col)
                self.waiting.clear()
                col += m.end() - m.start()
                self.last = (index, col)
                pos = m.end()
            if pos < len(piece):
                space = True


def _render(node: Tag, out: _Out) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "CData", "ProcessingInstruction"):
                continue
            out.add(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            out.flush(lambda line: True)
            continue
        if name in ("td", "th"):
            out.add(" | " if out.raw().strip() else "")
            cell = _Node("cell")
            row = out.rows[-1] if out.rows else None
            if row is not None:
                row.children.append(cell)
            out.open(cell)
            out.inside += 1
            _render(child, out)
            out.inside -= 1
            out.close(cell)
            continue
        block = name in BLOCK
        if block and out.raw().strip():
            out.flush(lambda line: True)
        structure = _structure(child, out)
        if name == "li":
            out.add("- ")
        if structure is not None:
            out.open(structure)
        _render(child, out)
        if structure is not None:
            out.close(structure)
        _leave(child, out)
        if block:
            out.flush(lambda line: bool(line) and line != "-")


def _structure(tag: Tag, out: _Out) -> _Node | None:
    """The structural element ``tag`` opens, if any (registered with its parent)."""
    name = tag.name
    if name in HEADINGS:
        node = _Node("heading", level=int(name[1]))
        out.inside += 1
    elif name == "p":
        if out.inside:
            return None
        node = _Node("paragraph")
    elif name in ("ul", "ol"):
        try:
            first = int(tag.get("start", 1))
        except ValueError:
            first = 1
        out.lists.append([name, first])
        return None
    elif name == "li":
        marker = "-"
        if out.lists and out.lists[-1][0] == "ol":
            try:
                out.lists[-1][1] = int(tag.get("value", out.lists[-1][1]))
            except ValueError:
                pass
            marker = f"{out.lists[-1][1]}."
            out.lists[-1][1] += 1
        node = _Node("item", marker=marker)
        out.inside += 1
    elif name == "table":
        node = _Node("table")
        out.tables.append(node)
        out.rows.append(None)  # a cell belongs to a row of its own table only
        out.blocks.append(node)
        return node
    elif name == "tr":
        if not out.tables:
            return None
        node = _Node("row")
        out.tables[-1].children.append(node)
        out.rows[-1] = node
        return node
    else:
        return None
    out.blocks.append(node)
    return node


def _leave(tag: Tag, out: _Out) -> None:
    """Undo what :func:`_structure` set up for ``tag``."""
    name = tag.name
    if name in HEADINGS or name == "li":
        out.inside -= 1
    elif name in ("ul", "ol"):
        out.lists.pop()
    elif name == "table":
        out.tables.pop()
        out.rows.pop()
    elif name == "tr" and out.rows:
        out.rows[-1] = None


def read_html(data: bytes) -> RawPages:
    from ..limits import check_depth

    markup = decode(data)
    # a deeply nested page costs minutes and gigabytes in the parser and the walk below
    check_depth(markup.encode("utf-8", "replace"), "HTML", html=True)
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(strip=True) if soup.title else None
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:  # inside chrome removed a moment ago
            continue
        if _is_chrome(tag) or (tag.name in ("ul", "ol", "div") and _link_heavy(tag)):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    out = _Out()
    _render(root, out)
    out.flush(lambda line: bool(line))
    # collapse runs of empty lines that the markup's <br><br> leave behind
    lines = ["" if not line.strip(" |") else line for line in out.lines]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return RawPages(texts=[text], title=title, blocks=[_blocks(out, lines, text)])


def _blocks(out: _Out, lines: list[str], text: str) -> list[Block]:
    """The elements met while rendering, as spans of the finished ``text``."""
    starts: dict[int, int] = {}
    pos = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        if not text.startswith(line, pos):
            return []  # cannot happen: the lines are the text; never guess
        starts[i] = pos
        pos += len(line)

    def span(node: _Node) -> tuple[int, int] | None:
        if node.start is None or node.end is None:
            return None
        a, b = starts[node.start[0]] + node.start[1], starts[node.end[0]] + node.end[1]
        return (a, b) if a < b else None

    blocks: list[Block] = []
    for node in out.blocks:
        found = span(node)
        if found is None:
            continue
        a, b = found
        if node.kind == "heading":
            blocks.append(Heading(node.level, a, b))
        elif node.kind == "paragraph":
            blocks.append(Paragraph(a, b))
        elif node.kind == "item":
            blocks.append(ListItem(a, b, node.marker))
        elif node.kind == "table":
            rows: list[Row] = []
            for child in node.children:
                row = _row(child, span)
                # malformed markup can nest a row in a row: keep rows one after another
                if row is not None and a <= row.start and row.end <= b and (not rows or row.start >= rows[-1].end):
                    rows.append(row)
            if rows:
                blocks.append(Table(a, b, rows))
    return blocks


def _row(node: _Node, span) -> Row | None:
    found = span(node)
    if found is None:
        return None  # a row without text (a spacer) is not in the text either
    a, b = found
    cells: list[Cell] = []
    at = a
    for cell in node.children:
        got = span(cell)
        if got is None:  # an empty cell: an empty span where it would be
            cells.append(Cell(at, at))
        elif at <= got[0] and got[1] <= b:  # (malformed markup can nest cells)
            cells.append(Cell(*got))
            at = got[1]
    return Row(a, b, cells)
