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
    "ingest.title": ("Inlezen", "Ingesting"),
    "ingest.ingested": ("ingelezen", "ingested"),
    "ingest.unchanged": ("ongewijzigd", "unchanged"),
    "ingest.failed": ("mislukt", "failed"),
    "ingest.reason": ("reden", "reason"),
    "ingest.file": ("bestand", "file"),
    "ingest.status": ("status", "status"),
    "ingest.count": ("aantal", "count"),
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
