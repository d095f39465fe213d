"""Is resolve incremental? Re-ingesting one file in a store of 100 files versus one of 800 (not a test).

    .venv/bin/python benchmarks/bench_resolve.py [SMALL] [LARGE] [REPEATS] [ROUNDS]

The five seed documents are read once; every stored file is a variant of one of
them (its own hash, its meetings moved to another date, its people and bodies
renamed for one in three variants), so the store grows in meetings, people,
bodies and links as a real corpus does. Then, in each store, one file is
ingested again (store -> resolve -> index, the stages after reading) several
times; the two stores are measured in turns (each in its own process), so a
change in the machine's load hits both, and the median of each stage is
reported with the ratio LARGE / SMALL in this one run. The target is a ratio of
about 1 (within 20 %): the resolve stage only looks up the natural keys the file
touches. (A full rebuild, ``regiovolger check --resolve-all``, grows with the store.)
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import pickle
import shutil
import statistics
import subprocess
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


def worker_build(n: int) -> None:
    """In its own process (one store per data directory): read the seeds once, build ``n`` files."""
    from regiovolger.pipeline import process_file
    from regiovolger.store.bootstrap import setup

    setup()
    base = [process_file(str(f)) for f in sorted(SEEDS.glob("*.txt"))]
    (Path(os.environ["REGIOVOLGER_DATA_DIR"]) / "seeds.pickle").write_bytes(pickle.dumps(base))
    build(n, base)


def worker_measure(repeats: int) -> None:
    """In its own process: re-ingest one stored file ``repeats`` times; medians per stage as JSON."""
    from regiovolger.store.bootstrap import setup

    setup()
    from regiovolger.store.models import Entity, Link, ResolvedMeeting, SourceFile

    base = pickle.loads((Path(os.environ["REGIOVOLGER_DATA_DIR"]) / "seeds.pickle").read_bytes())
    counts = {"files": SourceFile.objects.count(), "meetings": ResolvedMeeting.objects.count(),
              "people": Entity.objects.filter(kind="person").count(), "links": Link.objects.count()}
    # the file re-ingested: a variant that is stored already (its meetings and people join existing ones)
    print(json.dumps({"stages": reingest(variant(base[1], 1), repeats), "counts": counts}))


def run(args: list[str], data_dir: str) -> str:
    env = {**os.environ, "REGIOVOLGER_DATA_DIR": data_dir}
    return subprocess.run([sys.executable, __file__, *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def main() -> None:
    if sys.argv[1:2] == ["--build"]:
        return worker_build(int(sys.argv[2]))
    if sys.argv[1:2] == ["--measure"]:
        return worker_measure(int(sys.argv[2]))
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    small = int(args[0]) if len(args) > 0 else 100
    large = int(args[1]) if len(args) > 1 else 800
    repeats = int(args[2]) if len(args) > 2 else 5
    rounds = int(args[3]) if len(args) > 3 else 3
    dirs = {n: tempfile.mkdtemp(prefix=f"bench-resolve-{n}-") for n in (small, large)}
    for n, d in dirs.items():
        t = time.perf_counter()
        run(["--build", str(n)], d)
        print(f"store of {n} files built in {time.perf_counter() - t:.0f} s")
    # small and large measured in turns, so a change in the machine's load hits both alike
    samples: dict[int, list[dict]] = {small: [], large: []}
    counts = {}
    for _ in range(rounds):
        for n, d in dirs.items():
            out = json.loads(run(["--measure", str(repeats)], d).strip().splitlines()[-1])
            samples[n].append(out["stages"])
            counts[n] = out["counts"]
    for n in (small, large):
        print(f"store of {n}: {counts[n]}")
    med = {n: {k: statistics.median(x[k] for x in samples[n]) for k in samples[n][0]} for n in samples}
    print(f"\nre-ingest one file, seconds (median of {rounds} rounds x {repeats} runs, stores measured in turns)")
    print(f"{'stage':10} {small:>10} {large:>10} {'ratio':>8}")
    for k in ("store", "resolve", "index", "total"):
        print(f"{k:10} {med[small][k]:>10.4f} {med[large][k]:>10.4f} {med[large][k] / med[small][k]:>8.2f}")
    ok = med[large]["resolve"] / med[small]["resolve"] <= 1.2 and med[large]["total"] / med[small]["total"] <= 1.2
    print(f"\nresolve incremental (ratio <= 1.2): {'yes' if ok else 'NO'}")
    for d in dirs.values():
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
