"""Precision and recall of projects and their money on the seeds, against facts written by hand.

Run: PYTHONPATH=src python benchmarks/score_projects.py   (exit code 1 when a score is below 0.9)

A project matches when the expected name fragment occurs in an extracted name (case-insensitive),
one extracted project per expected one. Money facts are (project, field, value) triples over the
fields total_cost_eur, cofinancing_eur, requested_eur, budget_eur, plus "subsidy_granted" for a
subsidy amount that was not requested.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from regiovolger.extract.projects import extract_projects  # noqa: E402
from regiovolger.read import read_file  # noqa: E402
from regiovolger.segment import segment  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

# Hand-checked: every project entry of the seeds with a size, BO or amount (000), the application (002)
# and the pilots and initiatives of the memo (003); money per project as the documents state it.
EXPECTED: dict[str, dict[str, dict[str, int]]] = {
    "000": {
        "N261/N269": {"cofinancing_eur": 15000, "budget_eur": 30000},
        "LDD + Schil": {}, "Hotelmarktonderzoek": {}, "Regionaal perspectief op wonen": {},
        "Huisvesting bijzondere doelgroepen": {}, "Stikstof": {}, "Mestbewerking": {},
        "Huisvesting Arbeidsmigranten": {}, "REKS": {},
        "Circulaire Economie": {"budget_eur": 50000},
        "VANG": {}, "Gezond Leisure Klimaat": {}, "Regiobod": {}, "Weer Thuis": {},
        "verward gedrag": {}, "Huiselijk Geweld en Kindermishandling": {},
        "Ieder kind groeit veilig op": {}, "Ieder kind voelt zich thuis op school": {},
        "Ieder kind voelt zich thuis op school#2": {},  # the programme lists it under two themes
        "innovatienetwerk Jeugd": {}, "Zorgen Doen We Samen": {}, "Snel op de juiste plek": {},
        "Wmo-begeleiding contractbeheer": {}, "WerkHart": {},
        "Makes & Moves": {"total_cost_eur": 130_000_000},
        "Smart Mkb": {"cofinancing_eur": 600_000},
        "Zonneparken": {"subsidy_granted": 30_000_000},
        "Netwerksamenwerking regiodeal": {"total_cost_eur": 130_000_000},
    },
    "002": {
        "Service Punt Techniek": {"total_cost_eur": 331876, "cofinancing_eur": 184052, "requested_eur": 147824},
    },
    "003": {
        "Vitaal Buitengebied": {}, "Energietransitie voor Brabanders": {}, "Pilot Altena": {},
        "Proeftuin Sociaal Inkopen": {}, "Veerkrachtdialoog": {}, "Dementievriendelijk Brabant": {},
        "Stérk.Brabant": {}, "Brabant Outcomes Fund": {},
    },
}
MONEY = ("total_cost_eur", "cofinancing_eur", "requested_eur", "budget_eur")


def money_facts(p: dict) -> dict[str, float]:
    facts = {k: p[k] for k in MONEY if p.get(k) is not None}
    for a in p.get("amounts", []):
        if a["role"] == "subsidy" and p.get("requested_eur") is None:
            facts["subsidy_granted"] = a["value_eur"]
    return facts


def score() -> dict:
    totals = {"projects": [0, 0, 0], "money": [0, 0, 0]}  # true positives, extracted, expected
    per_seed = {}
    for seed, expected in EXPECTED.items():
        text = read_file(next(SEEDS.glob(f"{seed}_*.txt")))
        projects = extract_projects(text, segment(text))
        free = list(projects)
        matched: dict[str, dict] = {}
        for key in expected:
            fragment = key.split("#")[0].lower()
            hit = next((p for p in free if fragment in p["name"].lower()), None)
            if hit:
                matched[key] = hit
                free.remove(hit)
        tp_m = sum(1 for key, facts in expected.items() if key in matched
                   for f, v in facts.items() if money_facts(matched[key]).get(f) == v)
        n_extracted_money = sum(len(money_facts(p)) for p in projects)
        n_expected_money = sum(len(f) for f in expected.values())
        row = {"projects": [len(matched), len(projects), len(expected)],
               "money": [tp_m, n_extracted_money, n_expected_money],
               "missing": [k for k in expected if k not in matched], "extra": [p["name"] for p in free]}
        per_seed[seed] = row
        for k in totals:
            totals[k] = [a + b for a, b in zip(totals[k], row[k])]
    return {"per_seed": per_seed, "totals": totals}


def pr(tp: int, extracted: int, expected: int) -> tuple[float, float]:
    return (tp / extracted if extracted else 1.0), (tp / expected if expected else 1.0)


def main() -> int:
    result = score()
    ok = True
    for seed, row in result["per_seed"].items():
        for kind in ("projects", "money"):
            p, r = pr(*row[kind])
            print(f"seed {seed} {kind:8s} precision {p:.2f} recall {r:.2f}  ({row[kind][0]} of {row[kind][2]} "
                  f"expected, {row[kind][1]} extracted)")
        if row["missing"]:
            print("   missing:", row["missing"])
        if row["extra"]:
            print("   extra:", row["extra"])
    for kind, counts in result["totals"].items():
        p, r = pr(*counts)
        ok &= p >= 0.9 and r >= 0.9
        print(f"ALL      {kind:8s} precision {p:.2f} recall {r:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
