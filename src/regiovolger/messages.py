"""User-facing messages in Dutch (default) and English.

The CLI speaks Dutch unless REGIOVOLGER_LANG=en asks for English.
The web layer will use Django's gettext; this small catalogue serves the
framework-free pipeline and CLI.
"""

from __future__ import annotations

import os

CATALOGUE: dict[str, tuple[str, str]] = {
    "read.empty": ("leeg bestand (0 bytes)", "empty file (0 bytes)"),
    "read.too_large": (
        "bestand te groot: {size_mb:.1f} MB, de grens is {limit_mb:.0f} MB",
        "file too large: {size_mb:.1f} MB, the limit is {limit_mb:.0f} MB",
    ),
    "read.not_pdf": (
        "geen PDF: de naam eindigt op .pdf maar de inhoud begint niet met %PDF",
        "not a PDF: the name ends in .pdf but the content does not start with %PDF",
    ),
    "read.encrypted": (
        "PDF is met een wachtwoord beveiligd",
        "PDF is password-protected",
    ),
    "read.corrupt": ("beschadigd {kind}-bestand: {detail}", "corrupt {kind} file: {detail}"),
    "read.unsupported": (
        "niet ondersteund bestandstype: {kind}",
        "unsupported file type: {kind}",
    ),
    "read.no_text": (
        "geen tekst gevonden (ook niet met OCR)",
        "no text found (not even with OCR)",
    ),
    "read.ocr_unavailable": (
        "OCR niet beschikbaar: installeer tesseract met Nederlandse taaldata ({detail})",
        "OCR unavailable: install tesseract with Dutch language data ({detail})",
    ),
    "read.internal": ("fout bij het lezen: {detail}", "error while reading: {detail}"),
    "read.crashed": (
        "de lezer liep vast op dit bestand (proces afgebroken)",
        "the reader crashed on this file (process died)",
    ),
    "read.not_found": ("bestand niet gevonden: {path}", "file not found: {path}"),
    "read.special": (
        "geen gewoon bestand ({kind}): niet geopend",
        "not a regular file ({kind}): not opened",
    ),
    "read.symlink_outside": (
        "snelkoppeling naar een plek buiten de opgegeven map ({target}): niet gevolgd",
        "symbolic link to a place outside the folder given ({target}): not followed",
    ),
    "read.zip_entries": (
        "{kind} bevat {count} onderdelen, de grens is {limit} (mogelijk een zip-bom)",
        "{kind} holds {count} entries, the limit is {limit} (possibly a zip bomb)",
    ),
    "read.zip_too_large": (
        "{kind} wordt uitgepakt {size_mb:.0f} MB, de grens is {limit_mb:.0f} MB (mogelijk een zip-bom)",
        "{kind} unpacks to {size_mb:.0f} MB, the limit is {limit_mb:.0f} MB (possibly a zip bomb)",
    ),
    "read.too_deep": (
        "{kind} is dieper genest dan {limit} niveaus",
        "{kind} is nested deeper than {limit} levels",
    ),
    "read.too_many_pages": (
        "{kind} heeft {count} pagina's, de grens is {limit}",
        "{kind} has {count} pages, the limit is {limit}",
    ),
    "read.page_too_large": (
        "pagina {page} is onredelijk groot: {width_cm:.0f} × {height_cm:.0f} cm, de grens is {limit_cm:.0f} cm",
        "page {page} is unreasonably large: {width_cm:.0f} × {height_cm:.0f} cm, the limit is {limit_cm:.0f} cm",
    ),
    "read.render_too_large": (
        "pagina {page} is te groot om te lezen met OCR: {mpx:.0f} megapixel, de grens is {limit_mpx:.0f}",
        "page {page} is too large for OCR: {mpx:.0f} megapixels, the limit is {limit_mpx:.0f}",
    ),
    "read.line_too_long": (
        "regel {line} is {chars} tekens lang, de grens is {limit}",
        "line {line} is {chars} characters long, the limit is {limit}",
    ),
    "read.no_pages": ("PDF zonder pagina's", "PDF without pages"),
    "read.unreadable": (
        "onleesbaar: de tekst is onzin op {pages} van {total} pagina's; {detail}",
        "unreadable: the text is garbage on {pages} of {total} pages; {detail}",
    ),
    "read.unreadable_ocr": ("OCR gaf ook geen leesbare tekst", "OCR gave no readable text either"),
    "read.unreadable_other": ("het bestand heeft geen andere tekst", "the file holds no other text"),
    "read.ocr_failed": ("OCR mislukt: {detail}", "OCR failed: {detail}"),
    "read.time_limit": (
        "tijdslimiet overschreden: na {seconds:g} s afgebroken",
        "time limit exceeded: stopped after {seconds:g} s",
    ),
    "read.cpu_limit": (
        "rekentijd overschreden: na {seconds:g} s processortijd afgebroken",
        "CPU time exceeded: stopped after {seconds:g} s of processor time",
    ),
    "read.memory_limit": (
        "geheugengrens overschreden ({limit_mb:.0f} MB): afgebroken",
        "memory limit exceeded ({limit_mb:.0f} MB): stopped",
    ),
    "ingest.interrupted": (
        "onderbroken: {done} van {total} bestanden verwerkt",
        "interrupted: {done} of {total} files processed",
    ),
    "ingest.title": ("Inlezen", "Ingesting"),
    "ingest.ingested": ("ingelezen", "ingested"),
    "ingest.unchanged": ("ongewijzigd", "unchanged"),
    "ingest.failed": ("mislukt", "failed"),
    "ingest.reason": ("reden", "reason"),
    "ingest.file": ("bestand", "file"),
    "ingest.status": ("status", "status"),
    "ingest.count": ("aantal", "count"),
    "ingest.index_pending": (
        "opgeslagen, maar nog niet in de zoekindex: `regiovolger check` of de volgende run maakt het af",
        "stored, but not yet in the search index: `regiovolger check` or the next run finishes it",
    ),
    "ingest.none": ("geen bestanden gevonden in {paths}", "no files found in {paths}"),
    "summary.title": ("Overzicht van de opslag", "Store summary"),
    "summary.files": ("bestanden", "files"),
    "summary.pages": ("pagina's", "pages"),
    "summary.parts": ("documentdelen", "document parts"),
    "summary.facts": ("feiten", "facts"),
    "summary.meetings": ("vergaderingen", "meetings"),
    "summary.people": ("personen", "people"),
    "summary.links": ("koppelingen", "links"),
    "summary.failures": ("mislukte bestanden", "failed files"),
    "summary.by_type": ("documentdelen per soort", "document parts by type"),
    "summary.by_kind": ("feiten per soort", "facts by kind"),
    "summary.store": ("opslag", "store"),
}


def language() -> str:
    # Only our own variable: a machine's LANG=en_US must not turn Dutch off.
    value = os.environ.get("REGIOVOLGER_LANG", "nl")
    return "en" if value.lower().startswith("en") else "nl"


def message(key: str, **params: object) -> str:
    nl, en = CATALOGUE.get(key, (key, key))
    template = en if language() == "en" else nl
    try:
        return template.format(**params)
    except (KeyError, ValueError, IndexError):
        return template
