"""`regiovolger projects` and `regiovolger capacity`: the project portfolio and its capacity.

Both read the projects of every ingested file from the store, or of one file
given with ``--file`` (read and extracted on the spot, no store needed).
"""

from __future__ import annotations

import csv
import sys

import click
from rich.console import Console
from rich.table import Table

from .capacity import capacity, format_range

console = Console()

SIZE_NL = {"small": "klein", "medium": "middelgroot", "large": "groot"}
SIZE_IN = {"klein": "small", "small": "small", "middelgroot": "medium", "middel": "medium", "medium": "medium",
           "groot": "large", "large": "large"}

COLUMNS = [
    ("bestand / file", "file"), ("project", "name"), ("soort / kind", "kind"), ("programma", "programme"),
    ("programmalijn", "programme_line"), ("omvang / size", "size"), ("BO", "administrative_clients"),
    ("aanvrager", "applicant"), ("start", "start"), ("eind / end", "end"),
    ("totale kosten", "total_cost_eur"), ("cofinanciering", "cofinancing_eur"),
    ("gevraagd", "requested_eur"), ("budget", "budget_eur"), ("gemeenten", "municipalities"),
    ("organisaties", "organisations"), ("besluit", "decision"),
]


def euro(value) -> str:
    """Dutch money: € 147.824 (cents only when present)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return "€ " + f"{int(value):,}".replace(",", ".")
    whole, cents = f"{float(value):,.2f}".split(".")
    return "€ " + whole.replace(",", ".") + "," + cents


def _cell(project: dict, key: str, for_table: bool = True) -> str:
    value = project.get(key)
    if key == "size":
        return SIZE_NL.get(value, "") if value else ""
    if key == "decision":
        a = project.get("assessment") or {}
        d = a.get("decision") or {}
        return d.get("text", "") or ""
    if key.endswith("_eur"):
        return euro(value) if for_table else ("" if value is None else str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def load_from_file(path: str) -> list[dict]:
    from .extract.projects import extract_projects
    from .read import read_file
    from .segment import segment

    text = read_file(path)
    projects = extract_projects(text, segment(text))
    for p in projects:
        p["file"] = path
    return projects


def load_from_store(data_dir: str | None) -> list[dict]:
    from .store.bootstrap import setup

    setup(data_dir)
    from .store.models import SourceFile

    projects = []
    for f in SourceFile.objects.all().only("path", "extraction"):
        for p in (f.extraction or {}).get("projects", []):
            projects.append(dict(p, file=f.path))
    return projects


def _municipality_keys(query: str) -> set[str]:
    """The names and codes that answer "projects touching X", former municipalities included."""
    from .extract.municipalities import lookup, registry

    keys = {query.strip().lower()}
    m = lookup(query)
    if m is None:
        return keys
    keys |= {m.name.lower(), m.cbs_code.lower()}
    # Former municipalities that merged into this one count too (a merged municipality finds its predecessors).
    for other in registry():
        succ = registry().current_successor(other.cbs_code)
        if succ is not None and succ.cbs_code == m.cbs_code:
            keys |= {other.name.lower(), other.cbs_code.lower()}
    return keys


def filter_projects(projects: list[dict], programme: str | None = None, bo: str | None = None,
                    municipality: str | None = None, size: str | None = None) -> list[dict]:
    out = []
    muni_keys = _municipality_keys(municipality) if municipality else None
    want_size = SIZE_IN.get(size.lower()) if size else None
    for p in projects:
        if programme:
            hay = " ".join(str(x) for x in [p.get("programme"), p.get("programme_line"),
                                             *(p.get("programme_path") or [])] if x).lower()
            if programme.lower() not in hay:
                continue
        if bo and not any(bo.lower() in c.lower() for c in p.get("administrative_clients") or []):
            continue
        if muni_keys is not None:
            have = {str(x).lower() for x in (p.get("municipalities") or []) + (p.get("municipality_codes") or [])}
            if not have & muni_keys:
                continue
        if size and p.get("size") != want_size:
            continue
        out.append(p)
    return out


from .spreadsheet import safe_cell  # noqa: E402


def write_csv(projects: list[dict], path: str) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow([key for _, key in COLUMNS])
        for p in projects:
            w.writerow([safe_cell(_cell(p, key, for_table=False)) for _, key in COLUMNS])


def write_xlsx(projects: list[dict], path: str) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "projecten"
    ws.append([label for label, _ in COLUMNS])
    for p in projects:
        row = []
        for _, key in COLUMNS:
            if key.endswith("_eur"):
                row.append(p.get(key))
            else:
                row.append(safe_cell(_cell(p, key)))
        ws.append(row)
    for col in ws.iter_cols(min_row=2):
        if col and str(ws.cell(row=1, column=col[0].column).value) in ("totale kosten", "cofinanciering",
                                                                       "gevraagd", "budget"):
            for c in col:
                c.number_format = '€ #,##0'
    wb.save(path)


def _load(ctx: click.Context, file: str | None) -> list[dict]:
    if file:
        return load_from_file(file)
    return load_from_store((ctx.obj or {}).get("data_dir"))


@click.command("projects")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False),
              help="Eén bestand lezen in plaats van de opslag / read one file instead of the store.")
@click.option("--programme", help="Filter op programma of programmalijn / filter by programme or line.")
@click.option("--bo", help="Filter op bestuurlijk opdrachtgever / filter by administrative client.")
@click.option("--municipality", help="Filter op gemeente (naam of CBS-code) / filter by municipality.")
@click.option("--size", type=click.Choice(["klein", "middelgroot", "groot", "small", "medium", "large"],
                                          case_sensitive=False), help="Filter op omvang / filter by size.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Schrijf CSV / write CSV.")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), help="Schrijf Excel / write XLSX.")
@click.pass_context
def projects_command(ctx, file, programme, bo, municipality, size, csv_path, xlsx_path) -> None:
    """Projecten met omvang, opdrachtgever, geld en gemeenten / projects with size, client, money, municipalities."""
    projects = filter_projects(_load(ctx, file), programme, bo, municipality, size)
    if csv_path:
        write_csv(projects, csv_path)
    if xlsx_path:
        write_xlsx(projects, xlsx_path)
    if csv_path or xlsx_path:
        console.print(f"{len(projects)} projecten geschreven / projects written", highlight=False)
        return
    table = Table("project", "programmalijn", "omvang", "BO", "geld / money", "gemeenten", show_lines=False)
    for p in projects:
        money = "; ".join(f"{label} {euro(p[k])}" for label, k in (
            ("kosten", "total_cost_eur"), ("cofin.", "cofinancing_eur"), ("gevraagd", "requested_eur"),
            ("budget", "budget_eur")) if p.get(k) is not None)
        munis = p.get("municipalities") or []
        muni_text = ", ".join(munis[:4]) + (f" (+{len(munis) - 4})" if len(munis) > 4 else "")
        table.add_row(p.get("name", ""), p.get("programme_line") or p.get("programme") or "",
                      _cell(p, "size"), _cell(p, "administrative_clients"), money, muni_text)
    console.print(table)
    console.print(f"{len(projects)} projecten / projects", highlight=False)


@click.command("capacity")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False),
              help="Eén bestand lezen in plaats van de opslag / read one file instead of the store.")
@click.option("--split", is_flag=True, help="Verdeel uren over meerdere BO's / divide hours over several clients.")
@click.option("--programme", help="Alleen dit programma / only this programme.")
@click.pass_context
def capacity_command(ctx, file, split, programme) -> None:
    """Capaciteit per bestuurlijk opdrachtgever en programmalijn / capacity per client and programme line."""
    projects = filter_projects(_load(ctx, file), programme=programme)
    result = capacity(projects, split=split)
    for title, key in (("Per bestuurlijk opdrachtgever", "by_client"), ("Per programmalijn", "by_line")):
        table = Table("", "uren per week / hours per week", "projecten / projects", title=title,
                      title_justify="left")
        for row in result[key]:
            extra = f" (zonder omvang: {len(row['unsized'])})" if row["unsized"] else ""
            table.add_row(row["key"], format_range(row) + extra, "; ".join(row["projects"]))
        console.print(table)
    total = result["total"]
    console.print(f"Totaal: {len(total['projects'])} projecten, {format_range(total)}"
                  + (f" ({len(total['unsized'])} zonder omvang)" if total["unsized"] else ""), highlight=False)
    console.print(result["note"], highlight=False)


def register(main: click.Group) -> None:
    main.add_command(projects_command)
    main.add_command(capacity_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(projects_command())
