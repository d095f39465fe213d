"""Hostile-but-fair input, built inside the tests: small files that stand for huge ones.

The limits are set small in the tests (environment variables), so a few
kilobytes are enough to cross them.
"""

from __future__ import annotations

import io
import zipfile


def raw_pdf(pages: list[tuple[float, float, bytes]], *, to_unicode: bytes | None = None) -> bytes:
    """A PDF written byte by byte: each page (width, height, content stream) in points.

    The text uses Helvetica; ``to_unicode`` gives the font a ToUnicode CMap
    (a wrong one makes a garbage text layer over glyphs that render right).
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    tree = add(b"")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
    if to_unicode is not None:
        cmap = add(b"<< /Length %d >>\nstream\n" % len(to_unicode) + to_unicode + b"\nendstream")
        font += b" /ToUnicode %d 0 R" % cmap
    font_id = add(font + b" >>")
    kids = []
    for width, height, content in pages:
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>"
                        % (tree, _num(width), _num(height), stream, font_id)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def _num(value: float) -> bytes:
    return (b"%d" % value) if float(value).is_integer() else (b"%.2f" % value)


def text_stream(lines: list[str], *, size: float = 14, x: float = 20, top: float = 100) -> bytes:
    """A content stream showing ``lines`` (Latin-1 text) in Helvetica."""
    parts = [b"BT /F1 %s Tf %s TL %s %s Td" % (_num(size), _num(size * 1.3), _num(x), _num(top))]
    for line in lines:
        escaped = line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        parts.append(b"(%s) Tj T*" % escaped)
    parts.append(b"ET")
    return b"\n".join(parts)


def shifted_to_unicode(shift: int = 1) -> bytes:
    """A ToUnicode CMap that maps every printable byte to the character ``shift`` further on:
    the page renders right and its text layer reads as garbage ("Ifu" for "Het")."""
    ranges = b"".join(b"<%02X> <%02X> <%04X>\n" % (c, c, c + shift) for c in range(0x21, 0x7F))
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Shifted def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"%d beginbfrange\n" % (0x7F - 0x21) + ranges + b"endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")


def zip_bomb_docx(inflated_mb: float = 2.0) -> bytes:
    """A DOCX whose document.xml unpacks to ``inflated_mb`` MB of zeros-like XML from a few kB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        body = b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
        padding = b" " * int(inflated_mb * 1048576)
        zf.writestr("word/document.xml", body + padding + b"</w:body></w:document>")
    return buf.getvalue()


def many_entries_zip_docx(entries: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body/></w:document>")
        for i in range(entries):
            zf.writestr(f"word/media/{i}.bin", b"")
    return buf.getvalue()


def nested_html(depth: int) -> bytes:
    return (b"<html><body><p>Het bestuur besluit.</p>" + b"<div>" * depth + b"diep" + b"</div>" * depth
            + b"</body></html>")


def nested_xml_docx(depth: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        inner = b"<w:sdt><w:sdtContent>" * depth + b"</w:sdtContent></w:sdt>" * depth
        zf.writestr("word/document.xml", b"<w:document xmlns:w='http://schemas.openxmlformats.org/"
                    b"wordprocessingml/2006/main'><w:body>" + inner + b"</w:body></w:document>")
    return buf.getvalue()
