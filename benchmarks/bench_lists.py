"""List pages at scale: latency and query count of every list page, with and without filters (not a test).

    .venv/bin/python benchmarks/bench_lists.py [--facts 100000] [--requests 30] [--store DIR] [--only NAME]
        [--profile NAME]

``--store DIR`` keeps the built store in DIR and reuses it on the next run (same facts);
``--only`` measures the pages whose name contains NAME; ``--profile NAME`` prints a
cProfile of one unfiltered request of that page instead of the table.

A throw-away SQLite store gets FACTS synthetic facts (bulk_create), spread over
files of 100 facts and over the kinds as a governance corpus has them (amounts,
people, agenda items and municipalities most; decisions ~10 %, projects and votes
a few %), each with its queryable columns, its body, person and municipality
refs, as the resolve stage leaves them; a few parts are confidential, a few facts
below the publication confidence, one file in fifty is a README (typed other).
Each list page is requested REQUESTS times through Django's test client as an
anonymous visitor; the table gives the median and p95 in ms and the number of
queries of one request. Target: < 100 ms per list page at 100,000 facts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARE = {"amounts": 18, "people": 11, "agenda_items": 12, "municipalities": 10, "organisations": 8, "decisions": 10,
         "actions": 8, "meetings": 3, "key_dates": 5, "commitments": 4, "projects": 5, "votes": 6}
PER_FILE = 100


def build(n_facts: int, seed: int = 7) -> dict:
    from regiovolger.store.models import Entity, EntityRef, Fact, FactMunicipality, Part, SourceFile
    from regiovolger.store.resolve_columns import own_columns

    rnd = random.Random(seed)
    bodies = [Entity(kind="organisation", key=f"gremium-{i}", name=f"Algemeen Bestuur Regio {i}", type="board",
                     match_key=f"ab regio {i}") for i in range(30)]
    people = [Entity(kind="person", key=f"persoon-{i}", name=f"Persoon {i} Jansen", match_key=f"jansen {i}")
              for i in range(300)]
    munis = [Entity(kind="municipality", key=f"gm{i:04d}", name=f"Gemeente {i}", match_key=f"GM{i:04d}")
             for i in range(1, 81)]
    Entity.objects.bulk_create(bodies + people + munis)
    kinds = [k for k, n in SHARE.items() for _ in range(n)]
    n_files = max(1, n_facts // PER_FILE)
    files = [SourceFile(sha256=hashlib.sha256(f"bench-{i}".encode()).hexdigest(), path=f"/bench/{i}.pdf",
                        paths=[f"/bench/{i}.pdf"], media_type="application/pdf", size=1000, page_count=3,
                        title=f"Document {i}", text="x" * 4000, extraction={}) for i in range(n_files)]
    SourceFile.objects.bulk_create(files, batch_size=500)
    parts = []
    for i, f in enumerate(files):
        other = i % 50 == 49
        day = dt.date(2018, 1, 1) + dt.timedelta(days=rnd.randrange(3000))
        parts.append(Part(file=f, key="p1", type="other" if other else rnd.choice(["minutes", "agenda", "proposal"]),
                          title=f"Deel {i}", date=day, start=0, end=3000, confidential=(i % 40 == 13)))
        parts.append(Part(file=f, key="p2", type="other" if other else "programme", title=f"Programma {i}", date=day,
                          start=3000, end=4000))
    Part.objects.bulk_create(parts, batch_size=1000)
    facts = []
    for i, f in enumerate(files):
        p1, p2 = parts[2 * i], parts[2 * i + 1]
        day = p1.date
        for j in range(PER_FILE):
            kind = rnd.choice(kinds)
            d = {"id": f"{kind[:2]}{j}", "meeting": "m0", "text": f"Tekst {j} van document {i} over onderwerp {rnd.randrange(999)}"}
            if kind == "meetings":
                d.update(id=f"m{j}", body="Algemeen Bestuur", date=day.isoformat(), attendees=[])
            elif kind == "decisions":
                d.update(kind=rnd.choice(["approve", "adopt", "take_note", "reject"]),
                         amount_eur=rnd.choice([None, rnd.randrange(10**4, 10**7)]))
            elif kind == "actions":
                d.update(owners=[f"Persoon {rnd.randrange(300)} Jansen"],
                         due=(day + dt.timedelta(days=rnd.randrange(-30, 400))).isoformat())
            elif kind == "commitments":
                d.update(made_by="Persoon 1 Jansen", date_made=day.isoformat(), fulfilled_here=rnd.random() < 0.2)
            elif kind == "key_dates":
                d.update(date=(dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(1500))).isoformat(),
                         title=f"Vergadering {j}", tentative=rnd.random() < 0.3)
            elif kind == "projects":
                d.update(name=f"Project {i}-{j}", programme_line=rnd.choice(["Energie", "Wonen", "Mobiliteit"]),
                         size=rnd.choice(["small", "medium", "large"]), budget_eur=rnd.randrange(10**4, 10**6),
                         administrative_clients=[f"Persoon {rnd.randrange(300)} Jansen"])
            elif kind == "votes":
                d.update(subject=f"Motie {j}", subject_kind="motion", outcome=rnd.choice(["adopted", "rejected"]))
            elif kind == "amounts":
                d.update(text="€ 10.000", value_eur=10000, role="budget")
            part = p2 if kind == "projects" else p1
            cols = own_columns(kind, d, part.date, {"m0": day.isoformat()})
            facts.append(Fact(file=f, part=part, kind=kind, data=d, page=1, start=j * 30, end=j * 30 + 20,
                              quote=f"passage {i}-{j}", key=f"{f.sha256[:16]}.{j:012x}",
                              confidence=rnd.choice([None, 0.9, 0.95, 0.99, 0.4]), listed=part.type != "other",
                              body=bodies[i % len(bodies)], person=None, **cols))
    Fact.objects.bulk_create(facts, batch_size=2000)
    facts = list(Fact.objects.only("id", "kind", "file_id").order_by("id"))
    refs, fm = [], []
    for x in facts:
        body = bodies[(x.file_id) % len(bodies)]
        refs.append(EntityRef(entity=body, fact_id=x.id, file_id=x.file_id, role="body", surface=body.name))
        if x.kind in ("actions", "commitments", "projects", "meetings"):
            p = people[rnd.randrange(len(people))]
            role = {"actions": "owner", "commitments": "made_by", "projects": "administrative_client",
                    "meetings": "chair"}[x.kind]
            refs.append(EntityRef(entity=p, fact_id=x.id, file_id=x.file_id, role=role, surface=p.name))
            x.person = p
        for m in rnd.sample(munis, rnd.randrange(0, 3)):
            fm.append(FactMunicipality(fact_id=x.id, code=m.match_key, municipality=m))
    EntityRef.objects.bulk_create(refs, batch_size=5000)
    FactMunicipality.objects.bulk_create(fm, batch_size=5000)
    Fact.objects.bulk_update([x for x in facts if x.person_id], ["person"], batch_size=2000)
    return {"body": bodies[3].key, "person": people[7].key, "municipality": munis[5].match_key}


def measure(client, url: str, n: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], len(ctx), r.status_code


# the keys build() returns (the same for every store it makes, by its seed)
KEYS = {"body": "gremium-3", "person": "persoon-7", "municipality": "GM0006"}


def profile(client, pages, what: str) -> None:
    import cProfile
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    name, _, query = what.partition("?")
    url = next(u for n, u, _q in pages if n == name) + (f"?{query}" if query else "")
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        prof = cProfile.Profile()
        prof.enable()
        client.get(url)
        prof.disable()
    for q in ctx.captured_queries:
        print(f"{float(q['time']) * 1000:8.1f} ms  {q['sql'][:300]}")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(40)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--store", help="build the store here, or reuse the one built here before")
    ap.add_argument("--only", default="", help="measure only the pages whose name contains this")
    ap.add_argument("--profile", default="", help="profile one request of this page (name, or name?query)")
    args = ap.parse_args()
    tmp = args.store or tempfile.mkdtemp(prefix="bench-lists-")
    reuse = bool(args.store) and (Path(tmp) / "regiovolger.sqlite3").exists()
    os.environ["REGIOVOLGER_DATA_DIR"] = tmp
    os.environ.pop("DATABASE_URL", None)
    from regiovolger.store.bootstrap import setup

    setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    t = time.perf_counter()
    from regiovolger.store.models import Fact

    keys = KEYS if reuse else build(args.facts)

    print(f"store: {Fact.objects.count():,} facts in {time.perf_counter() - t:.1f} s ({tmp})")
    b, p, m = keys["body"], keys["person"], keys["municipality"]
    pages = [
        ("besluiten", "/besluiten/", f"?gremium={b}&jaar=2020&gemeente={m}&status=approve"),
        ("acties", "/acties/", f"?gremium={b}&persoon={p}&status=alle"),
        ("toezeggingen", "/toezeggingen/", f"?jaar=2021&gemeente={m}&status=open"),
        ("kalender", "/kalender/", f"?periode=alle&gremium={b}&jaar=2025&status=tentative"),
        ("stemmingen", "/stemmingen/", f"?gremium={b}&jaar=2019&status=adopted"),
        ("vergaderingen", "/vergaderingen/", f"?gremium={b}&jaar=2022"),
        ("projecten", "/projecten/", f"?lijn=Energie&gemeente={m}&persoon={p}"),
        ("documenten", "/documenten/", f"?soort=minutes&gremium={b}&jaar=2020"),
    ]
    client = Client()
    if args.profile:
        profile(client, pages, args.profile)
        return
    pages = [p for p in pages if args.only in p[0]]
    print(f"\n{'page':<14} {'filters':<8} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'status':>7}")
    worst = 0.0
    for name, url, query in pages:
        for label, full in (("none", url), ("all", url + query)):
            med, p95, nq, status = measure(client, full, args.requests)
            worst = max(worst, med)
            print(f"{name:<14} {label:<8} {med:>10.1f} {p95:>8.1f} {nq:>8} {status:>7}")
    print(f"\nslowest median: {worst:.1f} ms (target < 100 ms at 100,000 facts)")


if __name__ == "__main__":
    main()
