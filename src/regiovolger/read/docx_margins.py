"""DOCX text outside the body: page headers and footers (with watermarks), and file properties.

Word keeps headers and footers in ``word/header*.xml`` / ``word/footer*.xml``;
a watermark is a VML or DrawingML shape in a header whose text is the
``string`` attribute of ``v:textpath`` (or ordinary ``w:t`` in a text box).
Properties are ``docProps/core.xml`` (title, subject, keywords, category,
status, description) and ``docProps/custom.xml`` (name: value pairs such as
"Classificatie: Vertrouwelijk"). None of it is body text; it is kept as
:class:`~regiovolger.document.Margin` s for the confidentiality check.
"""

from __future__ import annotations

import re
import zipfile

from lxml import etree

from ..document import Margin

_PART = re.compile(r"^word/(header|footer)\d*\.xml$")
_CORE_FIELDS = ("title", "subject", "keywords", "category", "contentStatus", "description")
_MAX_PART = 2 * 1024 * 1024  # a header is small; a huge one is not read for marks
_MAX_TEXT = 2000


def _parse(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=False))
    except etree.XMLSyntaxError:
        return None


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _furniture(root: etree._Element) -> tuple[list[str], list[str]]:
    """The lines of a header or footer part (paragraph by paragraph) and its watermark texts."""
    lines, marks = [], []
    for el in root.iter():
        name = _local(el)
        if name == "p":
            text = "".join(t.text or "" for t in el.iter() if _local(t) == "t" and _local(t.getparent()) == "r")
            if text.strip():
                lines.append(text.strip())
        elif name == "textpath" and el.get("string"):
            marks.append(el.get("string").strip())
    return lines, marks


def docx_margins(zf: zipfile.ZipFile) -> list[Margin]:
    """Headers, footers, watermarks and properties of an open DOCX (sizes were checked before)."""
    out: list[Margin] = []
    for info in zf.infolist():
        m = _PART.match(info.filename)
        if not m or info.file_size > _MAX_PART:
            continue
        root = _parse(zf.read(info))
        if root is None:
            continue
        lines, marks = _furniture(root)
        if lines:
            out.append(Margin(None, m.group(1), "\n".join(lines)[:_MAX_TEXT]))
        out.extend(Margin(None, "watermark", w[:_MAX_TEXT]) for w in marks)
    out.extend(_properties(zf))
    return out


def _properties(zf: zipfile.ZipFile) -> list[Margin]:
    names = set(zf.namelist())
    values: list[str] = []
    if "docProps/core.xml" in names:
        root = _parse(zf.read("docProps/core.xml"))
        if root is not None:
            values += [(el.text or "").strip() for el in root if _local(el) in _CORE_FIELDS]
    if "docProps/custom.xml" in names:
        root = _parse(zf.read("docProps/custom.xml"))
        if root is not None:
            for prop in root:
                value = " ".join((v.text or "").strip() for v in prop)
                values.append(f"{prop.get('name', '')}: {value}".strip())
    return [Margin(None, "metadata", v[:_MAX_TEXT]) for v in values if v.strip(" :")]
