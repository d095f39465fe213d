"""The `projects` and `capacity` commands over one file, and the seed scorer."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from click.testing import CliRunner

from regiovolger.cli import main

from .helpers import SEEDS

SEED000 = str(next(SEEDS.glob("000_*.txt")))
SEED003 = str(next(SEEDS.glob("003_*.txt")))


def test_projects_filters_and_exports(tmp_path):
    runner = CliRunner()
    out = tmp_path / "p.csv"
    r = runner.invoke(main, ["projects", "--file", SEED000, "--bo", "Bruijniks", "--size", "klein",
                             "--csv", str(out)])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter=";"))
    assert [row["name"] for row in rows] == ["Regionaal perspectief op wonen", "Huisvesting bijzondere doelgroepen",
                                             "VANG"]
    assert all(row["size"] == "klein" for row in rows)
    xlsx = tmp_path / "p.xlsx"
    r = runner.invoke(main, ["projects", "--file", SEED000, "--programme", "Klimaatneutraal", "--xlsx", str(xlsx)])
    assert r.exit_code == 0 and xlsx.stat().st_size > 0
    from openpyxl import load_workbook

    ws = load_workbook(xlsx).active
    names = [c.value for c in ws["B"][1:]]
    assert names == ["REKS", "Circulaire Economie", "VANG", "Een Gezond Leisure Klimaat"]


def test_projects_by_former_municipality():
    # "Altena" also finds projects that name Aalburg, Werkendam or Woudrichem; "Uden" finds Pilot Altena too.
    runner = CliRunner()
    r = runner.invoke(main, ["projects", "--file", SEED003, "--municipality", "Uden"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "Pilot Altena" in r.output and "1 projecten" in r.output


def test_capacity_of_seed000():
    runner = CliRunner()
    r = runner.invoke(main, ["capacity", "--file", SEED000], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    line = next(ln for ln in r.output.splitlines() if "Thom Blankers" in ln)
    assert "4–20 uur/week" in line
    assert "Totaal: 24 projecten" in r.output  # the project listed under two themes counts once


def test_scorer_on_seeds():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "score_projects.py"
    spec = importlib.util.spec_from_file_location("score_projects", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    totals = mod.score()["totals"]
    for kind in ("projects", "money"):
        precision, recall = mod.pr(*totals[kind])
        assert precision >= 0.9 and recall >= 0.9, (kind, precision, recall)
