"""Blind evaluation of project extraction against hand annotations in tests/projects/expected_blind/<seed>.json.

Run: PYTHONPATH=src python benchmarks/score_projects_blind.py [-v]

Reuses money_facts() and pr() of score_projects.py. Differences from that scorer:
- fragments (key without '#n', plus aliases) must match on word boundaries; among candidates the extracted
  name most similar to the annotated name wins;
- items of tier "acceptable" are neither required (recall) nor counted as spurious (precision); the
  strict project precision counts them as spurious;
- besides projects and money it scores size, administrative clients (BO), municipalities and start/end.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_projects import SEEDS, extract_projects, money_facts, pr, read_file, segment  # noqa: E402

EXPECTED_DIR = Path(__file__).resolve().parents[1] / "tests" / "projects" / "expected_blind"


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = s.replace("\u2019", "'").replace("meijerijstad", "meierijstad")
    s = re.sub(r"^(de heer|mevrouw|mw\.?|dhr\.?)\s+", "", s.strip())
    return re.sub(r"\s+", " ", s)


def contains(fragment: str, name: str) -> bool:
    f, n = norm(fragment), norm(name)
    return re.search(r"(?<![a-z0-9])" + re.escape(f) + r"(?![a-z0-9])", n) is not None


def same_person(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if a == b or a in b or b in a:
        return True
    # "M. Boumans" vs "Boumans" vs "Martin Boumans": compare surnames
    return a.split()[-1] == b.split()[-1] and len(a.split()[-1]) > 3


def name_hits(expected: list[str], ok: list[str], got: list[str], same) -> tuple[int, int, int, list, list]:
    """(found expected, extracted names that are right or acceptable, extracted, missing, wrong)."""
    found = [e for e in expected if any(same(e, g) for g in got)]
    right = [g for g in got if any(same(e, g) for e in expected + ok)]
    return (len(found), len(right), len(got), [e for e in expected if e not in found],
            [g for g in got if g not in right])


def match(expected: list[dict], projects: list[dict]):
    free = list(projects)
    matched: dict[str, dict] = {}
    for tier in ("core", "acceptable"):
        for item in (e for e in expected if e["tier"] == tier):
            frags = [item["key"].split("#")[0], *item["aliases"]]
            cands = [p for p in free if any(contains(f, p["name"]) for f in frags)]
            if not cands:
                continue
            best = max(cands, key=lambda p: difflib.SequenceMatcher(None, norm(item["name"]), norm(p["name"])).ratio())
            matched[(tier, item["key"])] = best
            free.remove(best)
    return matched, free


def score(verbose: bool = False) -> dict:
    kinds = ("projects", "projects_strict", "size", "bo", "money", "municipalities", "dates")
    tot = {k: [0, 0, 0] for k in kinds}
    tot["bo_right"] = tot["mun_right"] = 0
    report = {}
    for f in sorted(EXPECTED_DIR.glob("*.json")):
        doc = json.loads(f.read_text())
        seed, expected = doc["seed"], doc["projects"]
        text = read_file(next(SEEDS.glob(f"{seed}_*.txt")))
        projects = extract_projects(text, segment(text))
        matched, free = match(expected, projects)
        core = [e for e in expected if e["tier"] == "core"]
        acc_hits = [e["key"] for e in expected if e["tier"] != "core" and (e["tier"], e["key"]) in matched]
        row = {k: [0, 0, 0] for k in kinds}
        row["bo_right"] = row["mun_right"] = 0
        lines = []
        core_hit = [e for e in core if ("core", e["key"]) in matched]
        row["projects"] = [len(core_hit), len(core_hit) + len(free), len(core)]
        row["projects_strict"] = [len(core_hit), len(projects), len(core)]
        for e in core:
            if ("core", e["key"]) not in matched:
                lines.append(f"  MISSING project {e['key']!r} ({e['name']})")
                row["size"][2] += e["size"] is not None
                row["bo"][2] += len(e["administrative_clients"])
                row["money"][2] += len(e["money"])
                row["municipalities"][2] += len(e["municipalities"])
                row["dates"][2] += (e["start"] is not None) + (e["end"] is not None)
                continue
            p = matched[("core", e["key"])]
            tag = f"{e['key']!r} -> {p['name']!r}"
            # size
            if e["size"] is not None:
                row["size"][2] += 1
            if p.get("size") is not None:
                row["size"][1] += 1
                if p["size"] == e["size"]:
                    row["size"][0] += 1
                else:
                    lines.append(f"  size {tag}: got {p['size']}, expected {e['size']}")
            elif e["size"] is not None:
                lines.append(f"  size {tag}: missing, expected {e['size']}")
            # administrative clients
            found, right, n, miss, wrong = name_hits(e["administrative_clients"], e["administrative_clients_acceptable"],
                                                     p.get("administrative_clients") or [], same_person)
            row["bo"] = [row["bo"][0] + found, row["bo"][1] + n, row["bo"][2] + len(e["administrative_clients"])]
            if miss or wrong:
                lines.append(f"  BO {tag}: missing {miss}, wrong {wrong}")
            # precision counts right-or-acceptable names, recall counts expected names found
            row["bo_right"] += right
            # money
            got = money_facts(p)
            for fld, v in e["money"].items():
                if got.get(fld) == v:
                    row["money"][0] += 1
                else:
                    lines.append(f"  money {tag}: {fld} got {got.get(fld)}, expected {v}")
            for fld, v in got.items():
                if e["money"].get(fld) != v:
                    lines.append(f"  money {tag}: extra {fld}={v}")
            row["money"][1] += len(got)
            row["money"][2] += len(e["money"])
            # municipalities
            found, right, n, miss, wrong = name_hits(e["municipalities"], e["municipalities_acceptable"],
                                                     p.get("municipalities") or [], lambda a, b: norm(a) == norm(b))
            row["municipalities"] = [row["municipalities"][0] + found, row["municipalities"][1] + n,
                                     row["municipalities"][2] + len(e["municipalities"])]
            row["mun_right"] += right
            if miss or wrong:
                lines.append(f"  municipalities {tag}: missing {miss}, wrong {wrong}")
            # dates
            for k in ("start", "end"):
                if e[k] is not None:
                    row["dates"][2] += 1
                    row["dates"][0] += p.get(k) == e[k]
                if p.get(k) is not None:
                    row["dates"][1] += 1
                    if p.get(k) != e[k]:
                        lines.append(f"  {k} {tag}: got {p.get(k)}, expected {e[k]}")
        for p in free:
            lines.append(f"  SPURIOUS {p['name']!r} (size={p.get('size')}, BO={p.get('administrative_clients')}, "
                         f"money={money_facts(p)}, mun={p.get('municipalities')})")
        report[seed] = {"row": row, "lines": lines, "acceptable_hits": acc_hits,
                        "matches": {f"{t}:{k}": v["name"] for (t, k), v in matched.items()}}
        for k in kinds:
            tot[k] = [a + b for a, b in zip(tot[k], row[k])]
        tot["bo_right"] += row["bo_right"]
        tot["mun_right"] += row["mun_right"]
    return {"seeds": report, "totals": tot}


def fmt(kind: str, counts: list[int], right: int | None = None) -> str:
    tp, ext, exp = counts
    p = (right if right is not None else tp) / ext if ext else 1.0
    r = tp / exp if exp else 1.0
    return f"{kind:15s} precision {p:.2f} recall {r:.2f}  (hit {tp} of {exp} expected, {ext} extracted)"


def main() -> int:
    verbose = "-v" in sys.argv
    res = score(verbose)
    for seed, rep in res["seeds"].items():
        row = rep["row"]
        print(f"== seed {seed}")
        for kind in ("projects", "projects_strict", "size", "bo", "money", "municipalities", "dates"):
            right = row.get("bo_right") if kind == "bo" else row.get("mun_right") if kind == "municipalities" else None
            print("  " + fmt(kind, row[kind], right))
        print("  acceptable (not required, not spurious) matched:", rep["acceptable_hits"])
        for line in rep["lines"]:
            print(line)
        if verbose:
            for k, v in rep["matches"].items():
                print(f"    match {k!r} -> {v!r}")
    print("== ALL")
    t = res["totals"]
    for kind in ("projects", "projects_strict", "size", "bo", "money", "municipalities", "dates"):
        right = t.get("bo_right") if kind == "bo" else t.get("mun_right") if kind == "municipalities" else None
        print("  " + fmt(kind, t[kind], right))
    return 0


if __name__ == "__main__":
    sys.exit(main())
