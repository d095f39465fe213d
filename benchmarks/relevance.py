"""Relevance of search on the corpus: nDCG@10 over judged Dutch queries, per backend (not a test).

    .venv/bin/python benchmarks/relevance.py [--no-pg] [--verbose]

The seeds and the real files of shared/corpus are ingested into a throw-away
store (embedded: SQLite + tantivy; then PostgreSQL via scripts/pg-tmp), and each
judged query is run through ``regiovolger.search.search``. A judgment names a
file (by the start of its name) and a fragment of the passage that should come
first, with a grade (2 = what the query is about, 1 = relevant). A hit earns the
grade of the first judgment whose file and fragment it holds; each judgment is
earned once, so ten hits on one fragment do not count ten times. The ideal
ranking orders the judgments by grade.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT.parent / "shared" / "corpus"

# query → [(file name start, fragment of the passage, grade)]
JUDGED: dict[str, list[tuple[str, str, int]]] = {
    "instructieregel windenergie": [
        ("09_", "instructieregel windenergie 2024", 2), ("09_", "aanleiding om de instructieregel windenergie aan te passen", 2),
        ("09_", "artikel 4.108", 1)],
    "zienswijze gemeenschappelijke regeling": [
        ("01_", "de zienswijze op de begroting 2016", 2), ("02_", "ontwerpbegroting voor het vaststellen aan te bieden", 2),
        ("01_", "geen zienswijze in te dienen op de jaarstukken 2014", 1)],
    "begroting 2016": [
        ("01_", "voorstel met betrekking tot de begroting 2016", 2), ("01_", "de zienswijze op de begroting 2016", 2),
        ("02_", "ontwerpbegroting 2016", 1)],
    "netcongestie": [("13_", "huidige netcongestie", 2), ("002_", "opgaven rondom netcongestie", 1)],
    "participatie omwonenden": [
        ("09_", "als omwonende van toekomstige windturbines", 2), ("09_", "omwonenden een vergoeding krijgen", 2),
        ("09_", "hebben omwonenden inbreng", 1)],
    "digitalisering economie": [
        ("004_", "ten gunste van de digitale economie", 2), ("004_", "versnelling digitalisering van het mkb", 1),
        ("004_", "strategische verkenning uit te voeren naar het onderwerp digitalisering", 1)],
    "toezeggingen provinciale staten": [
        ("004_", "toezegging gedaan op 02/12/2016", 2), ("004_", "toezegging gedaan bij de behandeling van de begroting 2018", 2),
        ("09_", "conform toezegging aan ps", 1), ("003_", "uw staten toegezegd", 2)],
    "techniekonderwijs": [("004_", "docenten in het techniekonderwijs", 2)],
    "tekort aan technici": [("004_", "vijver van technici is leeggevist", 2), ("004_", "tekort daaraan is momenteel", 1)],
    "uitvoeringsprogramma 2021": [
        ("000_", "ook een uitvoeringsprogramma voor 2021 is uitgewerkt", 2), ("000_", "duiding projectomvang", 1)],
    "motie aangenomen": [("09_", "de motie wind in nationaal landschap", 2)],
    "jaarrekening": [("01_", "jaarverslag inclusief de jaarrekening 2013", 2)],
    "cybersecurity mkb": [
        ("004_", "weerbaarheid en cybersecurity van het mkb", 2), ("004_", "samenwerking rondom cybersecurity", 1)],
    "bestuurlijk overleg energiegebied": [
        ("06_", "verslag bestuurlijk overleg energiegebied", 2), ("06_", "bestuurlijk overleg voortgang energiegebied", 2),
        ("07_", "agenda bestuurlijk overleg energiegebied", 1)],
    "warmtetransitie": [("13_", "vanuit de warmtetransitie", 2)],
    "waterstof als brandstof": [
        ("000_", "waterstof als brandstof in transport", 2), ("000_", "verkenning waterstofstation", 2),
        ("002_", "waterstoftechnologieen", 1)],
    "cofinanciering": [
        ("002_", "cofinanciering vanuit aanvrager", 2), ("000_", "cofinanciering uit dit budget", 1),
        ("000_", "cofinanciering voor beschermd wonen", 1), ("000_", "in cofinanciering met ondernemers", 1)],
    "glasvezel buitengebied": [
        ("004_", "aanleg van nga-netwerken in het buitengebied", 2), ("004_", "glasvezelnetwerken", 2),
        ("004_", "glasvezel wordt aangelegd", 1)],
    "aansluiting onderwijs arbeidsmarkt": [
        ("004_", "aansluiting onderwijs en arbeidsmarkt", 2), ("002_", "aansluiting tussen onderwijs en arbeidsmarkt", 2),
        ("002_", "onderwijs en arbeidsmarkt", 1)],
    "kunstmatige intelligentie": [
        ("004_", "5.4 kunstmatige intelligentie", 2), ("004_", "kunstmatige intelligentie, data science", 1)],
    "verkeersveiligheid": [("000_", "uitvoeringsprogramma verkeersveiligheid", 2)],
    "huisvesting arbeidsmigranten": [
        ("000_", "uitwisselen van lokaal beleid", 2), ("000_", "huisvesting van arbeidsmigranten vormt", 1)],
    "innovatieve woningbouw": [("002_", "innovatieve en duurzame woningbouw", 2), ("002_", "innovatie in bouw en proces", 1)],
    "zoekgebieden wind": [
        ("13_", "hebben zoekgebieden voor wind vastgesteld", 2), ("13_", "zijn er zoekgebieden vastgesteld", 2),
        ("13_", "hebben de zoekgebieden in procedure", 1)],
    "maximum windturbines": [("09_", "maximum van 2,3 twh", 2), ("09_", "door een maximum aan de hoeveelheid", 1)],
    "aanvraagformulier project": [
        ("002_", "aanvraagformulier project", 2), ("15_", "aanvraagformulier", 1)],
    "gevraagde subsidie": [("002_", "gevraagde subsidie", 2)],
    "ontslag wethouder": [("01_", "ontslag van de heer", 2)],
    "jeugdhulp snel op de juiste plek": [("000_", "snel op de juiste plek", 2), ("000_", "uitvoeringsprogramma jeugdhulp", 1)],
    "beschermd wonen": [("000_", "aanpak beschermd wonen", 2), ("000_", "cofinanciering voor beschermd wonen", 1)],
    "veiligheidsregio jaarstukken": [
        ("01_", "jaarstukken 2014 veiligheidsregio", 2), ("01_", "geen zienswijze in te dienen op de jaarstukken", 2)],
    "statutenwijziging stichting": [("01_", "ontwerp statutenwijziging", 2)],
    "circulaire economie": [
        ("000_", "programmamanagement circulaire economie", 2), ("000_", "circulaire economie is een thema", 2),
        ("000_", "werkbudget circulaire economie", 1)],
    "zonne-energie winter": [("13_", "zonne-energie levert relatief weinig op in de winter", 2)],
    "omgevingsfonds": [("09_", "een omgevingsfonds en een omgevingsadviesraad", 2), ("15_", "omgevingsfonds", 1)],
    "50% lokaal eigendom": [
        ("09_", "minimaal 50% lokaal eigendom", 2), ("13_", "borging minimaal 50% lokaal eigendom", 2),
        ("13_", "stand van zaken lokaal eigendom", 1)],
    "geheimhouding bekrachtigen": [
        ("02_", "bekrachtigen van de geheimhouding", 2), ("02_", "onder geheimhouding stukken ter inzage", 2)],
    "smart industry": [
        ("004_", "4.2 smart industry", 2), ("000_", "smart industry-programma", 1), ("000_", "ontwikkeling en vestiging van innovatieve bedrijven", 1)],
    "leven lang ontwikkelen": [
        ("002_", "leven lang ontwikkelen (llo)", 2), ("002_", "leven lang ontwikkelen (scholingstrajecten)", 1),
        ("001_", "leven lang ontwikkelen", 1)],
    "vestigingsklimaat": [
        ("004_", "aantrekkelijkheid van het vestigingsklimaat", 2), ("004_", "randvoorwaarde voor een aantrekkelijk vestigingsklimaat", 2),
        ("001_", "vestigingsklimaat een specifiek", 1)],
    "slimme mobiliteit bereikbaarheid": [
        ("004_", "een goede bereikbaarheid van", 2), ("004_", "slimme mobiliteit", 2),
        ("002_", "mobiliteit & bereikbaarheid", 1)],
    "windturbines woningen afstand": [("09_", "windturbines", 1), ("13_", "windturbines", 1)],
}


def fold(s: str) -> str:
    from regiovolger.search.text import fold as f

    return " ".join(f(s).split())


def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def evaluate(verbose: bool = False) -> dict:
    from regiovolger.search import search
    from regiovolger.store.models import SourceFile

    texts = {f.id: (f.path.rsplit("/", 1)[-1], f.text) for f in SourceFile.objects.all()}
    scores = {}
    for query, judgments in JUDGED.items():
        r = search(query, per_page=10)
        earned: set[int] = set()
        grades = []
        for hit in r.hits:
            name, text = texts[hit.file_id]
            passage = fold(text[hit.start:hit.end])
            grade = 0
            for j, (prefix, fragment, g) in enumerate(judgments):
                if j not in earned and name.startswith(prefix) and fold(fragment) in passage:
                    earned.add(j)
                    grade = g
                    break
            grades.append(grade)
        ideal = dcg(sorted((g for _, _, g in judgments), reverse=True)[:10])
        scores[query] = round(dcg(grades) / ideal, 3) if ideal else 0.0
        if verbose:
            print(f"{scores[query]:.3f}  {query}  {grades}", file=sys.stderr)
    return {"queries": len(scores), "ndcg@10": round(sum(scores.values()) / len(scores), 3), "per_query": scores}


def ingest_corpus() -> None:
    from regiovolger.ingest import ingest
    from regiovolger.store.bootstrap import setup

    setup()
    files = [str(p) for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    files += [str(p) for p in sorted((CORPUS / "real").glob("*")) if p.name != "README.md"]
    ingest(files, workers=1)


def child(args) -> None:
    ingest_corpus()
    print(json.dumps(evaluate(args.verbose)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    work = Path(tempfile.mkdtemp(prefix="rv-relevance-"))
    work.chmod(0o755)  # the PostgreSQL server runs as its own user
    results = {}
    try:
        run_all(args, work, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(JUDGED)} judged queries")
    print(f"{'query':40}" + "".join(f"{n:>12}" for n in results))
    for q in JUDGED:
        print(f"{q[:40]:40}" + "".join(f"{r['per_query'][q]:>12.3f}" for r in results.values()))
    print(f"{'nDCG@10 (mean)':40}" + "".join(f"{r['ndcg@10']:>12.3f}" for r in results.values()))


def run_all(args, work: Path, results: dict) -> None:
    runs = [("embedded", None)] + ([] if args.no_pg else [("postgresql", work / "pg")])
    for name, pgdir in runs:
        env = {**os.environ, "REGIOVOLGER_DATA_DIR": str(work / name)}
        env.pop("DATABASE_URL", None)
        if pgdir:
            env["DATABASE_URL"] = subprocess.check_output([str(ROOT / "scripts/pg-tmp"), "start", str(pgdir)],
                                                          text=True).strip()
        try:
            out = subprocess.run([sys.executable, __file__, "--child"] + (["--verbose"] if args.verbose else []),
                                 env=env, check=True, capture_output=True, text=True)
            sys.stderr.write(out.stderr)
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
        finally:
            if pgdir:
                subprocess.run([str(ROOT / "scripts/pg-tmp"), "stop", str(pgdir)], check=False)


if __name__ == "__main__":
    main()
