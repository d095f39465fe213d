"""Property-based fuzzing of every reader through ``read_bytes``.

Random input and small valid seed files built here (plain text, HTML, a DOCX
from python-docx, PDFs from ``pdf_factory`` and ``hostile``, PNG/JPEG/TIFF scans)
with random byte mutations or mutated inner parts. Every example must end in a
``Text`` or a ``ReadError`` whose reason is one known, non-empty line; any other
exception fails the test. The limits are set small (as in ``test_limits``) so a
mutated page size, page count or nesting depth meets a limit quickly instead of
costing minutes. Reproducible: ``derandomize`` and no example database.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from regiovolger.document import Text
from regiovolger.errors import ReadError
from regiovolger.messages import CATALOGUE
from regiovolger.read import MEDIA_TYPES, read_bytes
from tests.read import hostile as H
from tests.read import pdf_factory as F

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# small limits: a few kilobytes of fuzzed input can cross each of them
SMALL_LIMITS = {
    "REGIOVOLGER_MAX_MB": "2",
    "REGIOVOLGER_MAX_UNZIPPED_MB": "4",
    "REGIOVOLGER_MAX_ZIP_ENTRIES": "200",
    "REGIOVOLGER_MAX_DEPTH": "64",
    "REGIOVOLGER_MAX_PAGES": "4",
    "REGIOVOLGER_MAX_PAGE_CM": "120",
    "REGIOVOLGER_MAX_RENDER_MPX": "4",
    "REGIOVOLGER_MAX_LINE_CHARS": "20000",
}

SENTENCES = [
    "Het algemeen bestuur stemt in met de begrotingswijziging van € 147.824.",
    "De secretaris stuurt het concept-verslag vóór 1 mei naar de deelnemende gemeenten.",
    "Besluit: de jaarrekening wordt vastgesteld, onder voorbehoud van de accountantsverklaring.",
]


@pytest.fixture(autouse=True, scope="module")
def small_limits():
    with pytest.MonkeyPatch.context() as mp:
        for name, value in SMALL_LIMITS.items():
            mp.setenv(name, value)
        yield


def outcome(data: bytes, name: str) -> Text | ReadError:
    """Read ``data``; a result or a proper one-line reason, anything else propagates."""
    try:
        text = read_bytes(data, name)
    except ReadError as error:
        reason = str(error)
        assert f"read.{error.code}" in CATALOGUE, error.code
        assert reason.strip() and "\n" not in reason and len(reason) < 300, reason
        return error
    assert isinstance(text, Text) and text.text.strip()
    assert text.media_type in MEDIA_TYPES.values()
    assert text.pages and all(0 <= p.start <= p.end <= len(text.text) for p in text.pages)
    return text


# --------------------------------------------------------------------------- mutations


@st.composite
def mutated(draw, seed: bytes, max_ops: int = 4) -> bytes:
    """``seed`` with a few random edits: byte flips, inserts, deletions, a cut, a repeated slice."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat", "set"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[at] = draw(st.sampled_from([0, 0xFF, ord("<"), ord(">"), ord("("), ord("/"), ord("0"), ord("9")]))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at: at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
        elif op == "repeat":
            piece = data[at: at + draw(st.integers(1, 256))]
            data[at:at] = bytes(piece) * draw(st.integers(1, 20))
    return bytes(data)


def _text_mutation(seed: str) -> st.SearchStrategy[str]:
    """``seed`` with a random Unicode string spliced in at a random place."""
    return st.tuples(st.integers(0, len(seed)), st.text(max_size=40)).map(lambda t: seed[: t[0]] + t[1] + seed[t[0]:])


# --------------------------------------------------------------------------- seeds


SEED_HTML = (
    "<!doctype html><html><head><title>Besluitenlijst</title></head><body><nav><a href='/'>Home</a></nav>"
    "<main><h1>Besluitenlijst dagelijks bestuur</h1><p>" + SENTENCES[0] + "</p><ul><li>" + SENTENCES[1]
    + "</li></ul><table><tr><th>Punt</th><th>Besluit</th></tr><tr><td>1</td><td>" + SENTENCES[2]
    + "</td></tr></table></main></body></html>"
)


@lru_cache(maxsize=1)
def seed_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Besluitenlijst", 1)
    for sentence in SENTENCES:
        document.add_paragraph(sentence)
    document.add_paragraph(SENTENCES[0], style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Punt", "Besluit"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", SENTENCES[2]
    document.sections[0].header.paragraphs[0].text = "Vertrouwelijk"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rezip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return buf.getvalue()


@lru_cache(maxsize=1)
def seed_pdf() -> bytes:
    return F.text_pdf([[SENTENCES[0], SENTENCES[1]], [SENTENCES[2]]], title="Besluitenlijst")


@lru_cache(maxsize=1)
def seed_raw_pdf() -> bytes:
    """A hand-written PDF with an uncompressed content stream: mutations reach the text operators."""
    return H.raw_pdf([(420, 120, H.text_stream(["Het bestuur stemt in met het voorstel van de",
                                                "secretaris om de kosten te verdelen."], size=11, top=90))])


@lru_cache(maxsize=3)
def seed_image(fmt: str) -> bytes:
    img = F.render_scan(["Het bestuur besluit."], dpi=100, full_page=False)
    buf = io.BytesIO()
    img.save(buf, fmt, dpi=(100, 100))
    return buf.getvalue()


# --------------------------------------------------------------------------- plain text and markdown


TEXT_NAMES = st.sampled_from(["nota.txt", "nota.md", "nota", "nota.csv", "nota.pdf", "nota.docx", "nota.html"])
CODECS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"])


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


@FUZZ
@given(data=st.binary(max_size=3000), name=TEXT_NAMES)
@example(data=b"\x00" * 10, name="nota.txt")
@example(data=b"\xef\xbb\xbf", name="nota.txt")
@example(data=b"\xff\xfe", name="nota.txt")
def test_random_bytes_end_in_a_result_or_a_reason(data, name):
    outcome(data, name)


@FUZZ
@given(text=st.one_of(st.text(max_size=2000), _text_mutation("\n\n".join(SENTENCES))), codec=CODECS,
       name=TEXT_NAMES)
@example(text="a" * 30000, codec="utf-8", name="nota.txt")  # one line over the line limit
@example(text="# Kop\n\n" + SENTENCES[0], codec="utf-16-le", name="nota.md")
def test_plain_text_in_any_encoding(text, codec, name):
    result = outcome(_encode(text, codec), name)
    if isinstance(result, Text) and codec.startswith("utf-8") and name.endswith((".txt", ".md")):
        # what the reader keeps of clean UTF-8 prose is that prose
        assert any(word in result.text for word in text.split()[:3])


@FUZZ
@given(data=mutated(("\n\n".join(SENTENCES) + "\n").encode("utf-8")), name=TEXT_NAMES)
def test_mutated_text(data, name):
    outcome(data, name)


# --------------------------------------------------------------------------- HTML

TAGS = ["div", "p", "span", "h1", "h2", "ul", "ol", "li", "table", "tr", "td", "th", "nav", "main", "section",
        "a", "b", "script", "style", "br", "pre", "header", "footer", "article", "caption", "dl", "dt", "dd"]


def _html_tree() -> st.SearchStrategy[str]:
    leaf = st.one_of(st.sampled_from(SENTENCES), st.text(max_size=20).map(lambda s: s.replace("<", "&lt;")))
    attrs = st.sampled_from(["", "", "", " class='besluit'", " class='menu'", " colspan='2'", " colspan='x'", " rowspan='-3'", " hidden",
                             " href='javascript:void(0)'", " style='display:none'", " role='navigation'"])
    return st.recursive(
        leaf,
        lambda inner: st.tuples(st.sampled_from(TAGS), attrs, st.lists(inner, max_size=4),
                                st.booleans()).map(lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else "")),
        max_leaves=30,
    )


@FUZZ
@given(body=_html_tree(), name=st.sampled_from(["pagina.html", "pagina.htm", "pagina"]), codec=CODECS)
@example(body="<div>" * 500 + "diep", name="pagina.html", codec="utf-8")  # deeper than the limit
@example(body="<td colspan='999999999'>x</td>" + SENTENCES[0], name="pagina.html", codec="utf-8")
def test_generated_html(body, name, codec):
    outcome(_encode(f"<html><body>{body}</body></html>", codec), name)


@FUZZ
@given(data=st.one_of(mutated(SEED_HTML.encode("utf-8")), _text_mutation(SEED_HTML).map(str.encode)),
       name=st.sampled_from(["pagina.html", "pagina.txt", "pagina"]))
def test_mutated_html(data, name):
    outcome(data, name)


# --------------------------------------------------------------------------- DOCX


@FUZZ
@given(data=st.deferred(lambda: mutated(seed_docx())), name=st.sampled_from(["besluit.docx", "besluit"]))
def test_mutated_docx_bytes(data, name):
    outcome(data, name)


DOCX_PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml",
              "docProps/core.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]


@FUZZ
@given(part=st.sampled_from(DOCX_PARTS), edit=st.data())
def test_docx_with_a_mutated_part(part, edit):
    """The ZIP stays sound; one XML part inside is mutated, dropped or replaced, so the XML readers see it."""
    parts = docx_parts(seed_docx())
    how = edit.draw(st.sampled_from(["mutate", "drop", "text", "mutate"]))
    if how == "drop":
        parts.pop(part, None)
    elif how == "text":
        parts[part] = edit.draw(st.text(max_size=200)).encode("utf-8")
    else:
        parts[part] = edit.draw(mutated(parts.get(part, b"<x/>"), max_ops=3))
    outcome(rezip(parts), "besluit.docx")


# --------------------------------------------------------------------------- PDF


@FUZZ
@given(data=st.deferred(lambda: st.one_of(mutated(seed_pdf()), mutated(seed_raw_pdf()))),
       name=st.sampled_from(["besluit.pdf", "besluit"]))
def test_mutated_pdf(data, name):
    outcome(data, name)


_LATIN = st.text(st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), max_size=60)
_SIDE = st.one_of(st.floats(-50, 3000, allow_nan=False), st.sampled_from([0, 1, 1e6, 14400]))


@FUZZ
@given(pages=st.lists(st.tuples(_SIDE, _SIDE, st.lists(_LATIN, max_size=4), st.floats(0.1, 200)), max_size=5),
       stream=st.one_of(st.none(), st.binary(max_size=120)))
@example(pages=[], stream=None)  # no pages at all
@example(pages=[(0, 0, ["Het bestuur besluit."], 12)], stream=None)  # a page without area
def test_generated_pdf(pages, stream):
    """PDFs written byte by byte with random page sizes, page counts, text and (maybe) a junk content stream."""
    built = []
    for i, (width, height, lines, size) in enumerate(pages):
        content = stream if stream is not None and i == 0 else H.text_stream(lines, size=size, top=max(height - 20, 0))
        built.append((width, height, content))
    outcome(H.raw_pdf(built), "gegenereerd.pdf")


# --------------------------------------------------------------------------- images (OCR)


def png_with_bytes_inside_idat() -> bytes:
    """Found by this fuzz test: three bytes inserted in the image data shift the next chunk header,
    and Pillow's ``load`` raised ``SyntaxError: broken PNG file`` (now a "beschadigd PNG" reason)."""
    seed = seed_image("PNG")
    at = seed.index(b"IEND") - 40  # inside the IDAT chunk's compressed data
    return seed[:at] + b"\x02\x08\x02" + seed[at:]


_IMAGES = st.sampled_from(["PNG", "JPEG", "TIFF"]).flatmap(
    lambda fmt: mutated(seed_image(fmt), max_ops=2).map(lambda data: (fmt, data)))


@FUZZ
@given(case=_IMAGES)
@example(case=("PNG", png_with_bytes_inside_idat()))
def test_mutated_image(case):
    """Mutated scans: a corrupt image gets its reason, one that still decodes is read by OCR (when installed)."""
    fmt, data = case
    outcome(data, f"scan.{fmt.lower()}")
