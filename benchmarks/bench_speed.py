"""Speed of the text-level stages, reported as figures (not a test).

    .venv/bin/python benchmarks/bench_speed.py

These figures used to be asserted by tests, which failed on a busy machine.
They are measured here instead, each the best of three runs, together with a
reference loop on the same machine in the same run, so that the ratio
(stage time / reference time) can be compared across machines and loads.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def best_of(fn, *args, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t)
    return best


def reference(text: str) -> None:
    """A plain regex scan over the same text: the machine's own yardstick."""
    re.findall(r"\b\w+\b", text)


def main() -> None:
    from regiovolger.document import Page, Text
    from regiovolger.extract.amounts import find_amounts
    from regiovolger.extract.municipalities import find_municipalities
    from regiovolger.segment import segment

    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))
    text150 = seeds[:150_000]
    ref = best_of(reference, text150)
    rows = []

    find_amounts(text150[:2000])
    rows.append(("amounts, 150 kB of seed text", best_of(find_amounts, text150)))

    municipal = ("In de gemeenten Oss, Uden en Bernheze is het beste beleid gemaakt door de buren. " * 2000)[:150_000]
    find_municipalities("warm up")
    rows.append(("municipalities, 150 kB", best_of(find_municipalities, municipal)))

    seed002 = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    doc = Text(text=seed002, pages=[Page(1, 0, len(seed002))], media_type="text/plain")
    rows.append(("segment, seed 002 (130 kB)", best_of(segment, doc)))

    try:
        from tests.read import pdf_factory as F
        from regiovolger.read.pdf import read_pdf

        if F.font_available():
            paras = F.seed_paragraphs(8)
            pages = [[paras[i % len(paras)], paras[(i + 1) % len(paras)], F.OWN_PARAGRAPHS[i % 4]] for i in range(60)]
            data = F.paragraphs_pdf(pages)
            secs = best_of(read_pdf, data)
            rows.append((f"PDF text layer, 60 pages ({60 / secs:.0f} pages/s)", secs))
    except ImportError as exc:  # reportlab is a test dependency
        print(f"PDF reading skipped: {exc}")

    print(f"reference regex scan of 150 kB: {ref * 1000:.1f} ms")
    print(f"{'stage':48} {'ms':>9} {'× reference':>12}")
    for name, secs in rows:
        print(f"{name:48} {secs * 1000:9.1f} {secs / ref:12.1f}")


if __name__ == "__main__":
    main()
