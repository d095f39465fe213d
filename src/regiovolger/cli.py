"""The `regiovolger` command. Each command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .errors import ReadError
from .messages import message

console = Console()
err_console = Console(stderr=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", envvar="REGIOVOLGER_DATA_DIR", type=click.Path(file_okay=False),
              help="Map voor de ingebouwde opslag / folder of the embedded store "
                   "(standaard ~/.local/share/regiovolger; DATABASE_URL kiest PostgreSQL).")
@click.version_option(package_name="regiovolger")
@click.pass_context
def main(ctx: click.Context, data_dir: str | None) -> None:
    """regiovolger: lees documenten van het openbaar bestuur en volg wat erin staat.

    regiovolger: read Dutch governance documents and follow what they say.
    """
    ctx.obj = {"data_dir": data_dir}


def _fail(exc: ReadError) -> None:
    err_console.print(f"[red]fout / error:[/red] {exc}", highlight=False, soft_wrap=True)
    sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--pages", is_flag=True, help="Markeer paginagrenzen / mark page boundaries.")
@click.option("--original", is_flag=True, help="Tekst vóór herstel van weggevallen tekens / text before glyph repair.")
@click.option("--blocks", is_flag=True,
              help="Overzicht van koppen, alinea's, lijstitems en tabellen (tabellen rij voor rij) / "
                   "summary of headings, paragraphs, list items and tables (tables row by row).")
def text(file: str, pages: bool, original: bool, blocks: bool) -> None:
    """Print de tekst waar alle offsets naar verwijzen / print the text all offsets refer to."""
    from .read import read_file

    try:
        result = read_file(file)
    except ReadError as exc:
        _fail(exc)
    if blocks:
        sys.stdout.write(blocks_summary(result))
        return
    body = result.original if original and result.original is not None else result.text
    if not pages or original:
        sys.stdout.write(body)
        if body and not body.endswith("\n"):
            sys.stdout.write("\n")
        return
    for page in result.pages:
        sys.stdout.write(f"=== pagina {page.number} ({page.method}, offsets {page.start}-{page.end}) ===\n")
        sys.stdout.write(result.text[page.start:page.end].rstrip("\n") + "\n")


def blocks_summary(result) -> str:
    """Counts of each kind of block, the headings as an outline, and every table row by row."""
    from .structure import summary

    counts = summary(result)
    out = [f"koppen/headings: {counts['headings']}, alinea's/paragraphs: {counts['paragraphs']}, "
           f"lijstitems/list items: {counts['list_items']}, tabellen/tables: {counts['tables']}"]

    def flat(s: str) -> str:
        return " ".join(s.split())

    for block in result.headings:
        out.append(f"{'  ' * (block.level - 1)}h{block.level} [{block.start}-{block.end}] {flat(result.block_text(block))}")
    for number, table in enumerate(result.tables, 1):
        width = max(len(row.cells) for row in table.rows)
        out.append(f"tabel/table {number}: {len(table.rows)} × {width} [{table.start}-{table.end}]")
        for row in table.rows:
            out.append("  " + " | ".join(flat(result.block_text(cell)) for cell in row.cells))
    return "\n".join(out) + "\n"


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Het JSON-contract / the JSON contract.")
def extract(file: str, as_json: bool) -> None:
    """Lees één bestand en toon wat eruit gehaald is / extract facts from one file."""
    from .pipeline import process_file

    try:
        processed = process_file(file)
    except ReadError as exc:
        _fail(exc)
    result = processed.extraction
    if as_json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    src = result["source"]
    console.print(f"[bold]{src['path']}[/bold]  {src['media_type']}  {src['pages']} p.  "
                  f"kwaliteit/quality {src['text_quality']}", highlight=False)
    table = Table("id", "soort/type", "titel/title", "datum/date", "offsets")
    for doc in result["documents"]:
        table.add_row(doc["id"], doc["type"], doc["title"] or "", doc["date"] or "",
                      f"{doc['span']['start']}-{doc['span']['end']}")
    console.print(table)
    counts = {k: len(v) for k, v in result.items() if isinstance(v, list) and k != "documents"}
    console.print(", ".join(f"{k}: {n}" for k, n in counts.items()), highlight=False)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=int, default=None, help="Aantal processen / worker processes (standaard: alle kernen).")
@click.option("--force", is_flag=True,
              help="Lees ook opgeslagen bestanden opnieuw (na een upgrade) / re-read stored files too.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], workers: int | None, force: bool) -> None:
    """Lees bestanden, mappen en globs in de opslag in / ingest files, folders and globs."""
    from .ingest import FAILED, INGESTED, UNCHANGED, ingest as run_ingest
    from .store.bootstrap import setup

    setup(ctx.obj["data_dir"])
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=False) as bar:
        task = bar.add_task(message("ingest.title"), total=None)

        def progress(outcome) -> None:
            bar.advance(task)
            if outcome.status == FAILED:  # the reason the moment it is known, not only at the end
                bar.console.print(f"  {message('ingest.failed')}: {outcome.path}: {outcome.reason}",
                                  highlight=False, markup=False, soft_wrap=True)

        report = run_ingest(paths, workers=workers, force=force,
                            on_total=lambda n: bar.update(task, total=n), progress=progress)
    if report.interrupted:
        err_console.print(message("ingest.interrupted", done=len(report.outcomes), total=report.total))
    elif not report.outcomes:
        err_console.print(message("ingest.none", paths=", ".join(paths)))
        sys.exit(1)
    table = Table(message("ingest.status"), message("ingest.count"))
    for status in (INGESTED, UNCHANGED, FAILED):
        table.add_row(message(f"ingest.{status}"), str(report.count(status)))
    console.print(table)
    if report.failed:
        # one line per failed file, never wrapped, so the reason can be grepped and read whole
        console.print(f"[bold]{message('ingest.failed')}:[/bold]")
        for outcome in report.failed:
            console.print(f"  {outcome.path}: {outcome.reason}", highlight=False, markup=False, soft_wrap=True)
    if report.interrupted:
        sys.exit(130)
    if report.failed:
        sys.exit(1)


@main.command()
@click.pass_context
def summary(ctx: click.Context) -> None:
    """Overzicht van wat er in de opslag staat / summary of the store."""
    from .store.bootstrap import setup

    setup(ctx.obj["data_dir"])
    from .store.queries import store_summary  # models import only after Django is set up

    s = store_summary()
    console.print(f"[bold]{message('summary.title')}[/bold]  ({message('summary.store')}: {s['database']})",
                  highlight=False)
    totals = Table("", message("ingest.count"))  # one row per total: fits a narrow terminal
    for key in ("files", "pages", "parts", "facts", "meetings", "people", "links", "failures"):
        totals.add_row(message(f"summary.{key}"), str(s[key]))
    console.print(totals)
    by_type = Table("soort / type", message("ingest.count"), title=message("summary.by_type"))
    for kind, n in s["parts_by_type"]:
        by_type.add_row(kind, str(n))
    console.print(by_type)
    by_kind = Table("soort / kind", message("ingest.count"), title=message("summary.by_kind"))
    for kind, n in s["facts_by_kind"]:
        by_kind.add_row(kind, str(n))
    console.print(by_kind)
    files = Table(message("ingest.file"), "type", message("summary.pages"), message("summary.parts"),
                  "kwaliteit / quality")
    for row in s["file_rows"]:
        files.add_row(Path(row["path"]).name, row["media_type"], str(row["page_count"]), str(row["parts"]),
                      f"{row['text_quality']:.2f}" if row["text_quality"] is not None else "")
    console.print(files)
    if s["failure_rows"]:
        console.print(f"[bold]{message('summary.failures')}:[/bold]")
        for row in s["failure_rows"]:
            console.print(f"  {row['path']}: {row['reason']}", highlight=False, markup=False, soft_wrap=True)


@main.command("search")
@click.argument("query", required=False, default="")
@click.option("--type", "types", multiple=True, help="Soort document, bv. agenda, minutes, memo (herhaalbaar).")
@click.option("--organisation", "organisations", multiple=True, help="Organisatie of orgaan (herhaalbaar).")
@click.option("--year", "years", type=int, multiple=True, help="Jaar (herhaalbaar).")
@click.option("--municipality", "municipalities", multiple=True, help="Gemeente (herhaalbaar).")
@click.option("--person", "persons", multiple=True, help="Persoon (herhaalbaar).")
@click.option("--kind", "kinds", multiple=True,
              help="passage, fact of een soort feit: decisions, actions, commitments, projects, key_dates.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", help="Volgorde van de treffers.")
@click.option("--page", type=int, default=1, help="Pagina van de resultaten.")
@click.option("--per-page", type=int, default=10, help="Treffers per pagina.")
@click.option("--json", "as_json", is_flag=True, help="Resultaten als JSON.")
@click.pass_context
def search_command(ctx: click.Context, query: str, types, organisations, years, municipalities, persons, kinds,
                   sort: str, page: int, per_page: int, as_json: bool) -> None:
    """Zoek in documenten en feiten / search documents and facts.

    Woorden moeten allemaal voorkomen; "een zin" tussen aanhalingstekens, -woord sluit uit,
    OR geeft alternatieven, woord* zoekt op begin van een woord.
    """
    from rich.text import Text as RichText

    from .search import search as run_search
    from .store.bootstrap import setup

    setup(ctx.obj["data_dir"])
    filters = {"type": list(types), "organisation": list(organisations), "year": list(years),
               "municipality": list(municipalities), "person": list(persons), "kind": list(kinds)}
    results = run_search(query, filters=filters, sort=sort, page=page, per_page=per_page)
    if as_json:
        json.dump(results.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if results.fuzzy:
        console.print(f"Geen treffers voor [bold]{query}[/bold]; gezocht naar: [bold]{results.interpreted}[/bold]",
                      highlight=False)
    elif results.repaired:
        console.print(f"Zoekvraag hersteld tot: [bold]{results.interpreted}[/bold]", highlight=False)
    first = (results.page - 1) * results.per_page + 1
    last = first + len(results.hits) - 1
    console.print(f"{results.total} treffers" + (f", {first}–{last} getoond" if results.hits else ""),
                  highlight=False)
    if results.hits:
        table = Table("fragment", "bestand", "pagina", "soort", "datum", show_lines=True)
        for hit in results.hits:
            snippet = RichText(hit.snippet)
            for start, end in hit.highlights:
                snippet.stylize("bold yellow", start, end)
            kind = hit.part_type if hit.kind == "passage" else f"{hit.fact_kind} ({hit.part_type})"
            table.add_row(snippet, hit.file_path, str(hit.page or ""), kind, hit.date or "")
        console.print(table)
    labels = {"type": "soort document", "organisation": "organisatie", "year": "jaar",
              "municipality": "gemeente", "person": "persoon", "kind": "soort treffer"}
    for name, values in results.facets.items():
        if values:
            console.print(f"[bold]{labels[name]}[/bold]: " + ", ".join(f"{v.value} ({v.count})" for v in values[:10]),
                          highlight=False)


@main.command("check")
@click.option("--resolve-all", is_flag=True, help="Alle bestanden opnieuw resolven / resolve every file again.")
@click.pass_context
def check_command(ctx: click.Context, resolve_all: bool) -> None:
    """Maak bestanden af die half verwerkt zijn (opgeslagen, niet geresolved of geïndexeerd) / finish files a
    crash left between stages."""
    from .store.bootstrap import setup

    setup(ctx.obj["data_dir"])
    from .store.resolution import rebuild, repair

    if resolve_all:
        with console.status("alle bestanden opnieuw resolven…"):
            totals = rebuild()
        console.print(f"opnieuw geresolved: {totals}", highlight=False)
    done = repair()
    for path in done:
        console.print(f"  afgemaakt / finished: {path}", highlight=False, markup=False, soft_wrap=True)
    console.print(f"{len(done)} bestand(en) afgemaakt / file(s) finished", highlight=False)
    from .store.resolution import unfinished

    left = unfinished().count()
    if left:
        # e.g. the search index still refuses a file: say so, and fail, so a cron job or script notices
        console.print(f"{left} bestand(en) nog niet af (zie de log) / file(s) still unfinished", highlight=False)
        ctx.exit(1)


@main.command("reindex")
@click.pass_context
def reindex_command(ctx: click.Context) -> None:
    """Bouw de zoekindex opnieuw op uit de opslag / rebuild the search index."""
    from .search import reindex as run_reindex
    from .store.bootstrap import setup

    setup(ctx.obj["data_dir"])
    with console.status("zoekindex opbouwen…"):
        n = run_reindex()
    console.print(f"zoekindex opnieuw opgebouwd: {n} fragmenten en feiten", highlight=False)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres / address to listen on.")
@click.option("--port", default=8000, type=int, show_default=True, help="Poort / port.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Aantal werkprocessen / worker processes (standaard kernen + 1, hoogstens 4).")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Draden per werkproces / threads per worker.")
@click.option("--no-access-log", is_flag=True, help="Geen regel per verzoek / no line per request.")
@click.option("--dev", is_flag=True, help="Django-ontwikkelserver in plaats van gunicorn / development server.")
@click.option("--no-worker", is_flag=True,
              help="Geen verwerker voor uploads starten (draai `regiovolger worker` apart) / start no upload worker.")
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, workers: int | None, threads: int,
                  no_access_log: bool, dev: bool, no_worker: bool) -> None:
    """Start de website op de ingestelde opslag / run the web site on the configured store."""
    from .cli_worker import start_child, stop_child
    from .store.bootstrap import setup

    setup(ctx.obj["data_dir"])
    from .web import server

    server.allow_host(host)
    server.collect_static()
    console.print(f"regiovolger: http://{server.bind_address(host, port)}/  (Ctrl-C stopt / stops)",
                  highlight=False)
    child = None if no_worker else start_child(ctx.obj["data_dir"])  # uploads are read there, never here
    try:
        if dev:
            server.run_dev(host, port)
        else:
            server.run(host, port, workers=workers, threads=threads, access_log=not no_access_log)
    finally:
        if child is not None:
            stop_child(child)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def manage(ctx: click.Context, args: tuple[str, ...]) -> None:
    """Django-beheeropdrachten op de ingestelde opslag, bv. createsuperuser / Django management commands."""
    from .store.bootstrap import setup

    setup(ctx.obj["data_dir"])
    from django.core.management import execute_from_command_line

    execute_from_command_line(["regiovolger manage", *args])


# commands that live in their own modules
from .cli_projects import register as _register_projects  # noqa: E402
from .cli_worker import register as _register_worker  # noqa: E402

_register_projects(main)
_register_worker(main)


if __name__ == "__main__":
    main()
