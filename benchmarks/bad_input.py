"""A bad-input corpus at realistic sizes, ingested in one batch beside good files: a table, not a test.

    .venv/bin/python benchmarks/bad_input.py [--seconds 120] [--keep DIR]

Builds the hostile files the hardening issue found (zip bombs, deep nesting,
huge pages, endless lines, special files, symlinks out, garbage text layers,
a long scanned PDF, ...) plus good files, ingests them into a throw-away store
with the default limits (the wall time per file can be lowered with
``--seconds`` so the run stays short) and prints, per file: the verdict, the
seconds its worker spent, and the worker's peak resident memory.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def zip_of(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def image_pdf(pages: int) -> bytes:
    """A scanned-looking PDF: every page one image of a few lines of text."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1240, 400), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(["Het algemeen bestuur stemt in met de begroting.", "De kosten zijn € 12.875."]):
        draw.text((40, 40 + 60 * i), line, fill=0)
    buf = io.BytesIO()
    image.save(buf, "PDF", save_all=True, append_images=[image] * (pages - 1), resolution=150)
    return buf.getvalue()


def zip_bomb(inflated_mb: int) -> bytes:
    """A DOCX whose document.xml inflates to ``inflated_mb`` MB, written in chunks (the builder stays small)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>")
            chunk = b" " * (1 << 20)
            for _ in range(inflated_mb):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return buf.getvalue()


def build(folder: Path) -> None:
    from tests.read import hostile as H

    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    lines = ["Het bestuur stemt in met het voorstel van de", "secretaris om de kosten te verdelen over de",
             "gemeenten naar rato van het aantal inwoners."]
    files: dict[str, bytes] = {
        "zipbom-600mb.docx": zip_bomb(600),
        "zipbom-520mb.docx": zip_bomb(520),
        "zip-100k-onderdelen.docx": H.many_entries_zip_docx(20_000),
        "xlsx-als-docx.docx": zip_of({"xl/workbook.xml": b"<workbook/>"}),
        "diep-genest-1mb.html": H.nested_html(110_000),
        "diep-genest-300.html": H.nested_html(300),
        "diep-genest.docx": H.nested_xml_docx(5_000),
        "pdf-zonder-paginas.pdf": H.raw_pdf([]),
        "pdf-reuzenpagina.pdf": H.raw_pdf([(144_000, 144_000, H.text_stream(["Het bestuur."]))]),
        "pdf-14400pt-pagina.pdf": H.raw_pdf([(14_400, 14_400, H.text_stream(["Het bestuur."]))]),
        "pdf-nulpagina.pdf": H.raw_pdf([(0, 0, H.text_stream(["Het bestuur."]))]),
        "pdf-onzin-tekstlaag.pdf": H.raw_pdf([(400, 120, H.text_stream(lines))], to_unicode=H.shifted_to_unicode()),
        "pdf-3000-paginas.pdf": H.raw_pdf([(300, 120, H.text_stream(lines))] * 3000),
        "pdf-afgebroken.pdf": H.raw_pdf([(400, 120, H.text_stream(lines))])[:300],
        "pdf-geen-pdf.pdf": b"<html>geen pdf</html>",
        "scan-400-paginas.pdf": image_pdf(400),
        "een-regel-5mb.txt": b"woord " * 900_000,
        "een-regel.html": b"<html><body><p>" + b"woord " * 300_000 + b"</p></body></html>",
        "utf16-zonder-bom.txt": "Het dagelijks bestuur besluit de notulen vast te stellen.\n".encode("utf-16-le") * 20,
        "utf16-be-zonder-bom.txt": "De raad stemt in met het voorstel.\n".encode("utf-16-be") * 20,
        "binair.txt": bytes(range(0, 9)) * 3000,
        "programma.exe": b"MZ" + bytes(5000),
        "leeg.docx": b"",
        "onzin.txt": b"Xkrqvb plmwtz qqrvne zxwvut bnmlkj hgfdsq wertyu poiuyt lkjhgf mnbvcx " * 50,
        "png-reuzenbeeld.png": _huge_png(),
        "docx-diep-stijlen.docx": zip_of({"word/document.xml": f"<w:document xmlns:w='{W}'><w:body/></w:document>"
                                          .encode(), "word/styles.xml": b"<a>" * 3000 + b"</a>" * 3000}),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / f"goed-{seed.name}")
    from tests.read import pdf_factory as F

    if F.font_available():
        (folder / "goed-tekst.pdf").write_bytes(F.text_pdf([["Het bestuur stemt in met het voorstel.",
                                                              "De kosten zijn € 12.875."]]))
    os.mkfifo(folder / "fifo")
    outside = folder.parent / "buiten.txt"
    outside.write_text("Dit staat buiten de map.")
    (folder / "link-naar-buiten.txt").symlink_to(outside)
    (folder / "link-naar-etc-passwd").symlink_to("/etc/passwd")
    (folder / "link-kapot.txt").symlink_to(folder / "bestaat-niet.txt")
    (folder / "link-binnen.txt").symlink_to(folder / "goed-tekst.pdf")


def _huge_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (20_000, 20_000), 1).save(buf, "PNG")
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120, help="wall time per file (REGIOVOLGER_MAX_SECONDS)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    os.environ["REGIOVOLGER_MAX_SECONDS"] = str(args.seconds)
    work = Path(tempfile.mkdtemp(prefix="regiovolger-bad-"))
    try:
        folder = work / "map"
        folder.mkdir()
        build(folder)
        from regiovolger.store.bootstrap import setup

        setup(str(work / "data"))
        from regiovolger.ingest import ingest

        start = time.perf_counter()
        report = ingest([str(folder)], workers=args.workers)
        total = time.perf_counter() - start
        print(f"| file | verdict | s | peak RSS MB |\n|---|---|---|---|")
        for o in report.outcomes:
            verdict = o.status if o.status != "failed" else f"{o.code}: {o.reason}"
            seconds = "" if o.seconds is None else f"{o.seconds:.1f}"
            peak = "" if o.peak_mb is None else f"{o.peak_mb:.0f}"
            print(f"| {Path(o.path).name} | {verdict} | {seconds} | {peak} |")
        print(f"\n{len(report.outcomes)} files, {report.count('ingested')} ingested, "
              f"{report.count('unchanged')} unchanged, {report.count('failed')} failed, {total:.0f} s in all")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
