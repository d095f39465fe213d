"""Shared helpers for the meeting tests: read a corpus file once, run my extractors, compare to golden JSON."""

from __future__ import annotations

from pathlib import Path

from regiovolger.document import Part, Text
from regiovolger.extract.meetings import extract_meetings
from regiovolger.extract.people import extract_people
from regiovolger.segment import segment
from tests.meetings._util import corpus_file, golden_file

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
CORPUS = HERE.parents[2] / "shared" / "corpus"

INPUTS = {
    "seed_001": "seeds/001_68d5d2a6072dc2a2.txt",
    "seed_002": "seeds/002_38b91b8ba2dcf276.txt",
    "seed_003": "seeds/003_c496a21ee49fb5b4.txt",
    "seed_004": "seeds/004_d72ba61341b6dc27.txt",
    "real_01": "real/01_denhelder_gemeenteraad_besluitenlijst_2015-06-29.pdf",
    "real_02": "real/02_denhelder_gemeenteraad_agenda_2015-08-31.html",
    "real_06": "real/06_overijssel_bo-energiegebied-att_verslag_2024-03-18.pdf",
    "real_07": "real/07_overijssel_bo-energiegebied-att_verslag_2024-06-20_SCANNED-OCR.pdf",
    "real_09": "real/09_overijssel_statenvoorstel_PS24-000439_instructieregel-wind.pdf",
    "real_13": "real/13_res-west-overijssel_tussenstand-res-2.0_2023.pdf",
    "real_15": "real/15_overijssel_format-aanvraagformulier-windenergie_2024-10-17.docx",
}


def text_of(s: str) -> Text:
    return Text(text=s, pages=[], media_type="text/plain")


def read(rel: str) -> Text:
    return corpus_file(str(CORPUS / rel))[0]  # shares the per-run cache with the other meeting tests


def run(text: Text, parts: list[Part] | None = None) -> dict:
    parts = segment(text) if parts is None else parts
    meetings, items = extract_meetings(text, parts)
    result = {"meetings": meetings, "agenda_items": items, "actions": [], "commitments": []}
    result["people"] = extract_people(text, parts, result)
    return result


def run_str(s: str) -> dict:
    return run(text_of(s))


def compact(result: dict) -> dict:
    """What the golden files hold: every field of my kinds except the long quotes."""
    def ev(e):
        return {"document": e["document"], "start": e["start"], "end": e["end"]}
    return {
        "meetings": [dict({k: v for k, v in m.items() if k != "evidence"}, evidence=ev(m["evidence"]))
                     for m in result["meetings"]],
        "agenda_items": [dict({k: v for k, v in a.items() if k != "evidence"}, evidence=ev(a["evidence"]))
                         for a in result["agenda_items"]],
        "people": [dict({k: v for k, v in p.items() if k != "evidence"}, evidence=ev(p["evidence"]))
                   for p in result["people"]],
    }


def golden(name: str, got: dict) -> dict:
    return golden_file(GOLDEN / f"meetings_{name}.json", got)
