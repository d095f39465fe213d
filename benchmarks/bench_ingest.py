"""Reading and ingest throughput on this machine, reported as figures (not a test).

    .venv/bin/python benchmarks/bench_ingest.py [CORPUS]

Reports: pages/s of the PDF text layer, seconds per stage for each corpus file,
and ingest wall time with 1 worker versus all cores on copies of the corpus
(the ratio is what matters on a shared, noisy machine), plus peak memory.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    from regiovolger.extract import extract
    from regiovolger.read import load, read_bytes
    from regiovolger.segment import segment

    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "README.md")
    print(f"{'file':58} {'pages':>5} {'read s':>7} {'segm s':>7} {'extr s':>7}")
    pdf_pages = pdf_time = 0.0
    for f in files:
        data = load(f)
        text, t_read = timed(read_bytes, data, f.name)
        parts, t_seg = timed(segment, text)
        _, t_ext = timed(extract, text, parts, {"path": str(f), "sha256": "0" * 64, "media_type": text.media_type})
        if f.suffix == ".pdf" and not any(p.method == "ocr" for p in text.pages):
            pdf_pages += len(text.pages)
            pdf_time += t_read
        print(f"{f.name[:58]:58} {len(text.pages):>5} {t_read:>7.2f} {t_seg:>7.2f} {t_ext:>7.2f}")
    if pdf_time:
        print(f"\nPDF text layer: {pdf_pages:.0f} pages in {pdf_time:.2f} s = {pdf_pages / pdf_time:.1f} pages/s")

    # ingest: text-layer files copied 4 times with a distinguishing byte so each is new
    work = Path(tempfile.mkdtemp(prefix="rv-bench-"))
    src = work / "docs"
    src.mkdir()
    for i in range(4):
        for f in files:
            if "SCANNED" in f.name:
                continue  # OCR would dominate; measured above
            data = f.read_bytes()
            suffix = b"\n" if f.suffix in (".txt", ".html") else b"\n%" + str(i).encode() + b"\n"
            if f.suffix == ".docx":
                continue  # a zip cannot take a trailing byte and stay identical in content
            (src / f"{i}_{f.name}").write_bytes(data + suffix)
    import subprocess

    results = {}
    for workers in (1, os.cpu_count() or 1):
        env = dict(os.environ, REGIOVOLGER_DATA_DIR=str(work / f"data{workers}"))
        env.pop("DATABASE_URL", None)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "regiovolger.cli", "ingest", "--workers", str(workers), str(src)],
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results[workers] = time.perf_counter() - t
    n = len(list(src.iterdir()))
    for workers, secs in results.items():
        print(f"ingest {n} files with {workers} worker(s): {secs:.1f} s ({n / secs:.2f} files/s)")
    if len(results) == 2:
        a, b = results.values()
        print(f"speed-up with all cores: {a / b:.2f}x")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
