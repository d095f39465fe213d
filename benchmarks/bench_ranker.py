"""Extraction time with and without the sentence ranker over the seeds and the dev corpus (same process, best of
three rounds each, interleaved).  .venv/bin/python benchmarks/bench_ranker.py"""
import os, sys, time, glob
ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from regiovolger.read import read_file
from regiovolger.segment import segment
from regiovolger.extract import extract
from regiovolger.extract.view import reading_view
files = sorted(glob.glob(str(ROOT.parent / "shared/corpus/seeds/*"))) + sorted(glob.glob(str(ROOT.parent / "shared/corpus/dev/*")))
docs = []
for f in files:
    t = read_file(f)
    docs.append((t, segment(reading_view(t))))
def run():
    t0 = time.perf_counter()
    for t, parts in docs:
        extract(t, parts, {"path": "x"})
    return time.perf_counter() - t0
res = {"off": [], "on": []}
for _ in range(3):
    for mode in ("off", "on"):
        if mode == "off": os.environ["REGIOVOLGER_NO_RANKER"] = "1"
        else: os.environ.pop("REGIOVOLGER_NO_RANKER", None)
        res[mode].append(run())
off, on = min(res["off"]), min(res["on"])
print(f"{len(docs)} files; extract without ranker {off:.2f} s, with {on:.2f} s, ratio {on/off:.2f}")
