"""The fixed split of the real-document set, decided before any score was looked at.

Every third document of each annotator's slice (NN = 03, 06) is in the test
part; the rest is the development part. The test part is scored at the start
and at the end of a work session and never fixed against.

    python eval/realset/split.py dev|test|all OUT_DIR   # links gold files of one part into OUT_DIR

From 2026-12-07 (second session) on, eval/realset2 is the held-out measure and this whole set,
test part included, is development material and a regression floor ("all").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def part_of(stem: str) -> str:
    m = re.match(r"h\d+_(\d+)_", stem)
    return "test" if m and int(m.group(1)) % 3 == 0 else "dev"


def main() -> None:
    which, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.gold.json"):
        old.unlink()
    n = 0
    for gold in sorted((HERE / "gold").glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        if which == "all" or part_of(stem) == which:
            (out / gold.name).symlink_to(gold)
            n += 1
    print(f"{n} {which} documents in {out}")


if __name__ == "__main__":
    main()
