"""Reading speed of the text-layer PDFs in the shared corpus, against bare pdfium (not a test).

    .venv/bin/python benchmarks/bench_read.py [--runs N]

In one run, on the same files (the PDFs of shared/corpus/real and
shared/corpus/dev that have a text layer), it measures pages per second of

* bare pypdfium2: ``PdfDocument(data)[i].get_textpage().get_text_range()`` per page;
* the full reader, ``read_bytes`` (what ``regiovolger text`` does: pdfium, column
  reordering, dehyphenation, OCR of pages that are only an image, structure
  (headings, tables), quality scoring and glyph repair);
* the PDF reader alone with and without structure, and without OCR, to show
  where the time goes;

each the best of N rounds (all variants in turn each round) after one
warm-up (which loads the lexicon and Tesseract), and prints the ratio of each
to bare pdfium. A ratio is what to
compare across machines; the absolute figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("real", "dev")


def bare(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def text_layer_pdfs() -> list[tuple[str, bytes, int]]:
    """PDFs where most pages carry a text layer (a scan without one is left out)."""
    import pypdfium2 as pdfium

    out = []
    for folder in FOLDERS:
        for path in sorted((CORPUS / folder).glob("*.pdf")):
            data = path.read_bytes()
            pdf = pdfium.PdfDocument(data)
            try:
                texty = 0
                for i in range(len(pdf)):
                    page = pdf[i]
                    textpage = page.get_textpage()
                    if sum(1 for c in textpage.get_text_range() if not c.isspace()) >= 25:
                        texty += 1
                    textpage.close()
                    page.close()
                pages = len(pdf)
            finally:
                pdf.close()
            if texty * 2 >= pages:
                out.append((f"{folder}/{path.name}", data, pages))
    return out


def best_of_each(variants, files, runs: int) -> list[tuple[str, float]]:
    """Best time of each variant over ``runs`` rounds; every round runs all variants in turn,
    so that a machine getting busier or quieter during the run does not favour one of them."""
    best = {label: float("inf") for label, _fn in variants}
    for _ in range(runs):
        for label, fn in variants:
            t = time.perf_counter()
            for _name, data, _pages in files:
                fn(data)
            best[label] = min(best[label], time.perf_counter() - t)
    return [(label, best[label]) for label, _fn in variants]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from regiovolger.read import read_bytes
    from regiovolger.read.pdf import read_pdf

    files = text_layer_pdfs()
    if not files:
        print(f"no text-layer PDFs under {CORPUS}")
        return
    pages = sum(p for _n, _d, p in files)
    print(f"{len(files)} text-layer PDFs, {pages} pages:")
    for name, _data, n in files:
        print(f"  {name} ({n} p.)")

    variants = [
        ("bare pypdfium2 get_text_range", bare),
        ("full reader (read_bytes)", lambda d: read_bytes(d, "x.pdf")),
        ("read_pdf", read_pdf),
        ("read_pdf, no structure", lambda d: read_pdf(d, structure=False)),
        ("read_pdf, no OCR", lambda d: read_pdf(d, ocr=False)),
        ("read_pdf, no OCR, no structure", lambda d: read_pdf(d, ocr=False, structure=False)),
    ]
    for _label, fn in variants:  # warm-up: lexicon, Tesseract, file cache
        for _name, data, _pages in files:
            fn(data)
    results = best_of_each(variants, files, args.runs)
    base = results[0][1]
    print(f"\nbest of {args.runs} rounds")
    print(f"{'reader':34} {'s':>8} {'pages/s':>9} {'× bare time':>12}")
    for label, secs in results:
        print(f"{label:34} {secs:8.3f} {pages / secs:9.1f} {secs / base:12.1f}")
    full = dict(results)["full reader (read_bytes)"]
    print(f"\nratio full reader / bare pdfium: {full / base:.1f}× the time "
          f"({pages / full:.1f} vs {pages / base:.1f} pages/s)")
    with_s = dict(results)["read_pdf, no OCR"]
    without = dict(results)["read_pdf, no OCR, no structure"]
    print(f"structure (headings, tables) costs {100 * (with_s - without) / without:.0f}% "
          f"of the PDF reader's time without OCR")


if __name__ == "__main__":
    main()
