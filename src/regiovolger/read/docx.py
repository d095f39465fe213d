"""DOCX: paragraphs, tables and text boxes in document order.

python-docx's paragraph API skips text boxes (Word puts floating
instructions there), so we walk word/document.xml ourselves with lxml.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..errors import ReadError
from .base import RawPages

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}


def _tag(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


class _Writer:
    """Collects lines per page; a page break starts a new page."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]

    def line(self, s: str) -> None:
        self.pages[-1].append(s)

    def page_break(self) -> None:
        if self.pages[-1]:
            self.pages.append([])

    def texts(self) -> list[str]:
        out = ["\n".join(lines).strip("\n") for lines in self.pages]
        return [t for t in out if t.strip()] or [""]


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


def _block(el: etree._Element, out: _Writer) -> None:
    name = _tag(el)
    if name == "p":
        boxes: list[etree._Element] = []
        if el.find(".//w:pPr/w:pageBreakBefore", NS) is not None:
            out.page_break()
        text = _runs_text(el, out, boxes)
        out.line(text)
        for box in boxes:
            for child in box:
                _block(child, out)
    elif name == "tbl":
        for row in el.iterfind("w:tr", NS):
            cells = []
            for cell in row.iterfind("w:tc", NS):
                sub = _Writer()
                for child in cell:
                    _block(child, sub)
                cells.append(" ".join(" ".join(sub.texts()).split()))
            out.line(" | ".join(cells))
        out.line("")
    elif name in ("sdt", "sdtContent", "customXml", "body", "ins", "smartTag"):
        for child in el:
            _block(child, out)


def read_docx(data: bytes) -> RawPages:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("word/document.xml")
            core = zf.read("docProps/core.xml") if "docProps/core.xml" in zf.namelist() else None
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ReadError("corrupt", kind="DOCX", detail=str(exc) or type(exc).__name__) from exc
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise ReadError("corrupt", kind="DOCX", detail=str(exc)) from exc
    body = root.find("w:body", NS)
    out = _Writer()
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
    return RawPages(texts=out.texts(), title=title)
