"""kill -9 trials: an ingest killed at a random moment, run again, must leave what an uninterrupted run leaves.

    .venv/bin/python benchmarks/kill_trials.py [--trials 10] [--seed 14] [--workers 2] [--keep DIR]

The corpus is the seed corpus (shared/corpus/seeds) plus a few generated
files: variants of the seeds (the same meetings, so the cross-file step merges
them), a DOCX and, when the DejaVu font is there, a PDF. One uninterrupted
`regiovolger ingest` into a fresh data directory gives the reference. Each
trial ingests the same corpus into a fresh data directory, kills the process
group with SIGKILL at a random moment (seeded RNG: once a random number of
files is stored, after a further random delay of 0-3 s, so the kills fall in
every stage however loaded the machine is), notes the stage it reached (files
stored, resolved, indexed), runs the same ingest again to the end, and compares with the
reference:

- database: files (sha256, name, pages, parts, facts, stage marks) and facts (kind, span, data);
- search index: the documents indexed, per file (by sha256, not by row id) and in total;
- cross-file entities: resolved meetings with their sources, entities, references, memberships, links.

Row ids differ from run to run, so every comparison is on natural keys (a file by
its sha256, a meeting by its key, an entity by kind and key).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PARTS = ("files", "facts", "index", "meetings", "entities", "refs", "memberships", "links")


# --------------------------------------------------------------------------- corpus


def build_corpus(folder: Path) -> None:
    folder.mkdir(parents=True)
    seeds = sorted(p for p in SEEDS.iterdir() if p.is_file())
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    texts = sorted(SEEDS.glob("*.txt"))
    for i, seed in enumerate(texts[:4]):  # same meetings again, another file: merged by the cross-file step
        (folder / f"kopie-{i}-{seed.name}").write_text(
            seed.read_text(encoding="utf-8") + f"\n\nKopie {i} voor het archief.\n", encoding="utf-8")
    import docx

    d = docx.Document()
    d.add_heading("Besluitenlijst Dagelijks Bestuur Regio Zuidplas", 1)
    d.add_paragraph("Datum: 12 maart 2031, 10.00 uur, gemeentehuis Waddinxveen")
    d.add_paragraph("Aanwezig: Anouk de Bruin (voorzitter), Pieter Verhoef, Fatima El Idrissi")
    d.add_paragraph("1. Besluit: het dagelijks bestuur stemt in met de bijdrage van € 120.000 voor de fietsroute.")
    d.add_paragraph("2. Actie Pieter Verhoef: de gemeenten informeren vóór 1 april 2031.")
    d.save(folder / "besluitenlijst-zuidplas.docx")
    from tests.read import pdf_factory as F

    if F.font_available():
        (folder / "verslag-zuidplas.pdf").write_bytes(F.text_pdf([[
            "Verslag van de vergadering van het Dagelijks Bestuur Regio Zuidplas",
            "Datum: 12 maart 2031", "Aanwezig: Anouk de Bruin (voorzitter), Pieter Verhoef",
            "Het verslag van 12 februari 2031 wordt ongewijzigd vastgesteld.",
            "Besluit: het bestuur stemt in met de begroting 2032."]]))


# --------------------------------------------------------------------------- running ingest


def environment(data: Path) -> dict[str, str]:
    env = dict(os.environ, REGIOVOLGER_DATA_DIR=str(data), PYTHONPATH=str(ROOT / "src"))
    env.pop("DATABASE_URL", None)
    return env


def ingest_command(corpus: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "regiovolger.cli", "ingest", "--workers", str(workers), str(corpus)]


def run_ingest(corpus: Path, data: Path, workers: int) -> tuple[int, float, str]:
    start = time.monotonic()
    done = subprocess.run(ingest_command(corpus, workers), env=environment(data), capture_output=True, text=True)
    return done.returncode, time.monotonic() - start, done.stderr[-2000:]


def counts(data: Path) -> tuple[int, int, int] | None:
    """Files stored, resolved and indexed so far; None before the tables exist."""
    db = data / "regiovolger.sqlite3"
    if not db.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute(
                "select count(*), count(resolved_at), count(indexed_at) from store_sourcefile").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None


def stage(data: Path) -> str:
    """How far a killed run got: files stored, resolved, indexed."""
    found = counts(data)
    if found is None:
        return "vóór de tabellen" if (data / "regiovolger.sqlite3").exists() else "geen database"
    return "opgeslagen {}, resolved {}, geïndexeerd {}".format(*found)


def kill_at_random(proc: subprocess.Popen, data: Path, rng: random.Random, n_files: int) -> tuple[float, bool]:
    """SIGKILL the ingest at a random moment: once a random number of files is stored, after a random delay.

    Drawing the moment in files rather than seconds spreads the kills over every stage
    however loaded the machine is. Returns (seconds since start, finished before the kill).
    """
    start = time.monotonic()
    target = rng.randint(0, n_files - 1)
    delay = rng.uniform(0.0, 3.0)
    while proc.poll() is None:
        found = counts(data)
        if found is not None and found[0] >= target:
            break
        time.sleep(0.05)
    time.sleep(delay)
    finished = proc.poll() is not None
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its readers at once
    except ProcessLookupError:
        pass
    proc.wait()
    return time.monotonic() - start, finished


# --------------------------------------------------------------------------- snapshot (in a child process)


def snapshot(data: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--snapshot", str(data)], env=environment(data),
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)


def _natural(value, sha_of: dict[int, str]):
    """JSON with file row ids replaced by sha256 and other row ids dropped."""
    if isinstance(value, dict):
        result = {}
        for k, v in value.items():
            if k in ("file", "file_id", "source_file", "target_file") and isinstance(v, int):
                result[k] = sha_of.get(v, f"? {v}")
            elif k in ("fact_id", "meeting_id", "entity_id", "pk") and isinstance(v, int):
                continue
            else:
                result[k] = _natural(v, sha_of)
        return result
    if isinstance(value, list):
        return [_natural(v, sha_of) for v in value]
    return value


def _dump(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def take_snapshot() -> dict:
    from regiovolger.store.bootstrap import setup

    setup()
    import tantivy
    from django.conf import settings

    from regiovolger.store.models import (Entity, EntityRef, Fact, Link, MeetingSource, Membership, ResolvedMeeting,
                                          SourceFile)

    sha_of = dict(SourceFile.objects.values_list("id", "sha256"))
    fact_at = {f.id: (sha_of[f.file_id], f.kind, f.start, f.end) for f in Fact.objects.only("id", "file_id", "kind",
                                                                                              "start", "end")}
    meeting_key = dict(ResolvedMeeting.objects.values_list("id", "key"))
    entity_key = {e.id: f"{e.kind}:{e.key}" for e in Entity.objects.only("id", "kind", "key")}
    snap: dict[str, list] = {}
    snap["files"] = sorted(_dump([f.sha256, Path(f.path).name, f.media_type, f.page_count, f.parts.count(),
                                  f.facts.count(), f.resolved_at is not None, f.indexed_at is not None,
                                  f.indexed_at is not None and f.resolved_at is not None
                                  and f.indexed_at >= f.resolved_at])
                           for f in SourceFile.objects.all())
    snap["facts"] = sorted(_dump([sha_of[f.file_id], f.kind, f.start, f.end, f.quote, _natural(f.data, sha_of),
                                  meeting_key.get(f.meeting_id)]) for f in Fact.objects.all())
    path = Path(settings.DATA_DIR) / "search"
    docs = []
    if (path / "meta.json").exists():
        from regiovolger.search.embedded import build_schema

        index = tantivy.Index(build_schema(), path=str(path), reuse=True)
        index.reload()
        searcher = index.searcher()
        total = searcher.num_docs
        hits = searcher.search(tantivy.Query.all_query(), limit=max(total, 1)).hits if total else []
        for _, address in hits:
            d = json.loads(bytes(searcher.doc(address)["doc"][0]))
            docs.append(_dump([sha_of.get(d["file_id"], f"verweesd {d['file_id']}"), d["kind"], d["category"],
                               d["part_key"], d["page"], d["start"], d["end"], d["confidential"]]))
    snap["index"] = sorted(docs)
    snap["meetings"] = sorted(_dump([m.key, m.body, str(m.date), _natural(m.data, sha_of),
                                     sorted(f"{sha_of[s.file_id]}:{s.local_id}" for s in m.sources.all())])
                              for m in ResolvedMeeting.objects.all())
    snap["entities"] = sorted(_dump([e.kind, e.key, e.name, e.type, e.match_key, sorted(e.aliases),
                                     _natural(e.data, sha_of)]) for e in Entity.objects.all())
    snap["refs"] = sorted(_dump([entity_key[r.entity_id], fact_at[r.fact_id], sha_of[r.file_id], r.role, r.surface])
                          for r in EntityRef.objects.all())
    snap["memberships"] = sorted(_dump([entity_key[m.body_id], entity_key[m.member_id],
                                        sha_of.get(m.file_id) if m.file_id else None])
                                 for m in Membership.objects.all())
    snap["links"] = sorted(_dump([k.kind, _natural(k.source, sha_of), _natural(k.target, sha_of),
                                  sha_of.get(k.source_file_id), sha_of.get(k.target_file_id), str(k.target_date)])
                           for k in Link.objects.all())
    assert MeetingSource.objects.count() == sum(len(json.loads(m)[4]) for m in snap["meetings"])
    return snap


def differences(reference: dict, got: dict) -> list[str]:
    found = []
    for part in PARTS:
        a, b = Counter(reference[part]), Counter(got[part])
        if a != b:
            missing, extra = sum((a - b).values()), sum((b - a).values())
            found.append(f"{part} (-{missing}/+{extra})")
    return found


def explain(reference: dict, got: dict, limit: int = 3) -> list[str]:
    lines = []
    for part in PARTS:
        a, b = Counter(reference[part]), Counter(got[part])
        for row in list((a - b).elements())[:limit]:
            lines.append(f"  {part} alleen in referentie: {row[:300]}")
        for row in list((b - a).elements())[:limit]:
            lines.append(f"  {part} alleen na kill: {row[:300]}")
    return lines


# --------------------------------------------------------------------------- trials


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="folder for the corpus and data directories (kept afterwards)")
    parser.add_argument("--verbose", action="store_true", help="show the first rows that differ")
    parser.add_argument("--snapshot", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.snapshot:
        json.dump(take_snapshot(), sys.stdout)
        return
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kill-trials-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    build_corpus(corpus)
    n_files = sum(1 for _ in corpus.iterdir())
    code, seconds, err = run_ingest(corpus, work / "referentie", args.workers)
    if code:
        raise SystemExit(f"the reference ingest failed ({code}): {err}")
    reference = snapshot(work / "referentie")
    print(f"corpus: {n_files} bestanden; referentie: {seconds:.1f} s, {len(reference['files'])} bestanden, "
          f"{len(reference['facts'])} feiten, {len(reference['index'])} indexdocumenten, "
          f"{len(reference['meetings'])} vergaderingen, {len(reference['entities'])} entiteiten, "
          f"{len(reference['links'])} koppelingen")
    rng = random.Random(args.seed)
    rows = []
    for trial in range(1, args.trials + 1):
        data = work / f"proef-{trial:02d}"
        proc = subprocess.Popen(ingest_command(corpus, args.workers), env=environment(data),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        moment, finished = kill_at_random(proc, data, rng, len(reference["files"]))
        reached = "al klaar" if finished else stage(data)
        code, _, err = run_ingest(corpus, data, args.workers)
        got = snapshot(data)
        diff = differences(reference, got)
        if code:
            diff.append(f"herhaling exit {code}: {err.strip().splitlines()[-1] if err.strip() else ''}")
        rows.append((trial, moment, reached, not diff, ", ".join(diff) or "-"))
        print(f"{trial:>5}  {moment:6.2f} s  {reached:<45}  {'ja' if not diff else 'nee':<5} {rows[-1][4]}",
              flush=True)
        if diff and args.verbose:
            print("\n".join(explain(reference, got)))
    equal = sum(1 for r in rows if r[3])
    print()
    print(f"{'proef':>5}  {'kill na':>8}  {'fase bereikt':<45}  {'gelijk':<6} wat verschilde")
    for trial, moment, reached, same, what in rows:
        print(f"{trial:>5}  {moment:6.2f} s  {reached:<45}  {'ja' if same else 'nee':<6} {what}")
    print(f"\n{equal}/{len(rows)} proeven gelijk aan de ononderbroken run (zaad {args.seed})")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if equal == len(rows) else 1)


if __name__ == "__main__":
    main()
