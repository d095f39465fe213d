"""Is resolve incremental? Re-ingesting one file in a store of 100 files versus one of 800 (not a test).

    .venv/bin/python benchmarks/bench_resolve.py [SMALL] [LARGE] [REPEATS] [--rebuild]

The five seed documents are read once; every stored file is a variant of one of
them (its own hash, its meetings moved to another date, its people and bodies
renamed for one in three variants), so the store grows in meetings, people,
bodies and links as a real corpus does. Then, in each store, one file is
ingested again (store -> resolve -> index, the stages after reading) several
times, and the median of each stage is reported with the ratio LARGE / SMALL in
this one run. The target is a ratio of about 1 (within 20 %): the resolve stage
only looks up the natural keys the file touches. With ``--rebuild`` the script
also times a full rebuild (every file resolved again), which grows with the store.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def variant(p, i: int):
    """A different file with the same shape: own hash and path, dates moved, every third one renamed."""
    ex = copy.deepcopy(p.extraction)
    shift = dt.timedelta(days=7 * i)
    suffix = f"{chr(65 + i % 26)}{chr(65 + (i // 26) % 26)}" if i % 3 == 0 else ""
    for m in ex.get("meetings", []):
        if m.get("date"):
            m["date"] = (dt.date.fromisoformat(m["date"]) + shift).isoformat()
        if suffix and m.get("body"):
            m["body"] = f"{m['body']} {suffix}"
        for a in m.get("attendees") or []:
            if suffix and a.get("name"):
                a["name"] = f"{a['name']}{suffix.lower()}"
    for person in ex.get("people", []):
        if suffix:
            person["name"] = f"{person['name']}{suffix.lower()}"
            person["aliases"] = [f"{a}{suffix.lower()}" for a in person.get("aliases") or []]
    sha = hashlib.sha256(f"{p.sha256}-{i}".encode()).hexdigest()
    return replace(p, sha256=sha, path=f"/bench/{i:04d}-{Path(p.path).name}", extraction=ex)


def build(n: int, base: list) -> None:
    from regiovolger.store.resolution import finish
    from regiovolger.store.writer import save

    for i in range(n):
        stored = save(variant(base[i % len(base)], i))
        finish(stored)


def reingest(p, repeats: int) -> dict[str, float]:
    from regiovolger.search import index_file
    from regiovolger.store.resolution import mark_indexed, resolve_file
    from regiovolger.store.writer import save

    times: dict[str, list[float]] = {"store": [], "resolve": [], "index": [], "total": []}
    for _ in range(repeats):
        t0 = time.perf_counter()
        stored = save(p, replace=True)
        t1 = time.perf_counter()
        resolve_file(stored)
        t2 = time.perf_counter()
        index_file(stored)
        mark_indexed(stored)
        t3 = time.perf_counter()
        for k, v in (("store", t1 - t0), ("resolve", t2 - t1), ("index", t3 - t2), ("total", t3 - t0)):
            times[k].append(v)
    return {k: statistics.median(v) for k, v in times.items()}


def measure(n: int, base: list, repeats: int, full_rebuild: bool) -> tuple[dict[str, float], float, dict]:
    from django.db import connection

    from regiovolger.store.models import Entity, Link, ResolvedMeeting, SourceFile
    from regiovolger.store.resolution import rebuild

    for model in (SourceFile, Entity, ResolvedMeeting, Link):
        model.objects.all().delete()
    build(n, base)
    counts = {"files": SourceFile.objects.count(), "meetings": ResolvedMeeting.objects.count(),
              "people": Entity.objects.filter(kind="person").count(), "links": Link.objects.count()}
    # the file re-ingested: a variant that is stored already (its meetings and people join existing ones)
    target = variant(base[1], 1)
    per_stage = reingest(target, repeats)
    full = float("nan")
    if full_rebuild:
        t = time.perf_counter()
        rebuild()
        full = time.perf_counter() - t
    connection.close()
    return per_stage, full, counts


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    small = int(args[0]) if len(args) > 0 else 100
    large = int(args[1]) if len(args) > 1 else 800
    repeats = int(args[2]) if len(args) > 2 else 7
    full_rebuild = "--rebuild" in sys.argv
    os.environ["REGIOVOLGER_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-resolve-")
    from regiovolger.pipeline import process_file
    from regiovolger.store.bootstrap import setup

    setup()
    base = [process_file(str(f)) for f in sorted(SEEDS.glob("*.txt"))]
    results = {}
    for n in (small, large):
        t = time.perf_counter()
        results[n] = measure(n, base, repeats, full_rebuild)
        print(f"store of {n} files built and measured in {time.perf_counter() - t:.0f} s: {results[n][2]}")
    (s, s_full, _), (la, l_full, _) = results[small], results[large]
    print(f"\nre-ingest one file (median of {repeats}), seconds")
    print(f"{'stage':10} {small:>10} {large:>10} {'ratio':>8}")
    for k in ("store", "resolve", "index", "total"):
        print(f"{k:10} {s[k]:>10.4f} {la[k]:>10.4f} {la[k] / s[k]:>8.2f}")
    if full_rebuild:
        print(f"{'rebuild':10} {s_full:>10.2f} {l_full:>10.2f} {l_full / s_full:>8.2f}   (every file resolved again)")
    ok = la["resolve"] / s["resolve"] <= 1.2 and la["total"] / s["total"] <= 1.2
    print(f"\nresolve incremental (ratio <= 1.2): {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
