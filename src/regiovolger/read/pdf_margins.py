"""PDF text outside the flow of the body: running headers and footers, stamps, metadata.

The text layer already holds a page's header and footer lines, but in
content-stream order they may sit anywhere in the page's text; the strips at
the top and bottom of the page are read again by position. Stamp, watermark
and free-text annotations are no part of the text layer at all; the document
information dictionary (title, subject, keywords) is file metadata. Kept as
:class:`~regiovolger.document.Margin` s for the confidentiality check.
"""

from __future__ import annotations

import ctypes

from ..document import Margin

_STRIP = 0.08  # the top and bottom eighth-ish of a page: where running headers and footers stand
_METADATA = ("Title", "Subject", "Keywords")
_MAX_TEXT = 2000
_MAX_ANNOTS = 200


def metadata_margins(pdf) -> list[Margin]:
    try:
        meta = pdf.get_metadata_dict()
    except Exception:  # metadata is optional and sometimes garbled
        return []
    values = [str(meta.get(key) or "").strip() for key in _METADATA]
    return [Margin(None, "metadata", v[:_MAX_TEXT]) for v in values if v]


def page_margins(page, number: int) -> list[Margin]:
    """The header and footer strips of one page, and its stamp and watermark annotations."""
    out: list[Margin] = []
    textpage = None
    try:
        textpage = page.get_textpage()
        width, height = page.get_size()
        top = textpage.get_text_bounded(0, height * (1 - _STRIP), width, height).strip()
        bottom = textpage.get_text_bounded(0, 0, width, height * _STRIP).strip()
    except Exception:  # furniture is a bonus: never lose a page over it
        top = bottom = ""
    finally:
        if textpage is not None:
            textpage.close()
    if top:
        out.append(Margin(number, "header", top[:_MAX_TEXT]))
    if bottom:
        out.append(Margin(number, "footer", bottom[:_MAX_TEXT]))
    out.extend(_annotations(page, number))
    return out


def _annotations(page, number: int) -> list[Margin]:
    import pypdfium2.raw as c

    from ..segment.marks import pdf_stamp_names

    kinds = {c.FPDF_ANNOT_STAMP: "stamp", c.FPDF_ANNOT_WATERMARK: "watermark", c.FPDF_ANNOT_FREETEXT: "stamp"}
    out: list[Margin] = []
    try:
        count = min(c.FPDFPage_GetAnnotCount(page.raw), _MAX_ANNOTS)
    except Exception:
        return out
    for i in range(count):
        annot = c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            kind = kinds.get(c.FPDFAnnot_GetSubtype(annot))
            if kind is None:
                continue
            for key in ("Contents", "Name"):
                value = _string(c, annot, key)
                if key == "Name" and value:
                    value = "confidential" if value in pdf_stamp_names() else ""
                if value:
                    out.append(Margin(number, kind, value[:_MAX_TEXT]))
        finally:
            c.FPDFPage_CloseAnnot(annot)
    return out


def _string(c, annot, key: str) -> str:
    """An annotation's string (or name) value; pdfium hands it out as UTF-16LE."""
    size = c.FPDFAnnot_GetStringValue(annot, key.encode(), None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    c.FPDFAnnot_GetStringValue(annot, key.encode(), ctypes.cast(buffer, ctypes.POINTER(c.FPDF_WCHAR)), size)
    return buffer.raw[:size - 2].decode("utf-16-le", errors="replace").strip()

