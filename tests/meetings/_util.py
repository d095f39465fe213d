"""Helpers for the meeting-fact tests: texts as parts, the corpus files, golden files."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from regiovolger.document import Part, Text

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
from tests.conftest import REAL, SEEDS  # noqa: E402
CORPUS = [SEEDS / n for n in ("001_68d5d2a6072dc2a2.txt", "002_38b91b8ba2dcf276.txt", "003_c496a21ee49fb5b4.txt",
                              "004_d72ba61341b6dc27.txt")] + sorted(p for p in REAL.glob("*") if p.suffix != ".md")


def doc(body: str, type_: str = "minutes", date: str | None = "2024-03-12") -> tuple[Text, list[Part]]:
    """One hand-written document as one part of the given type."""
    return Text(text=body, pages=[], media_type="text/plain"), [
        Part(id="p1", type=type_, title=None, date=date, organisation=None, start=0, end=len(body))]


@functools.lru_cache(maxsize=None)
def corpus_file(path: str) -> tuple[Text, list[Part]]:
    """A corpus file read and segmented once per test run (file 07 goes through OCR)."""
    from regiovolger.read import read_file
    from regiovolger.segment import segment
    text = read_file(path)
    return text, segment(text)


def golden_file(golden: Path, got):
    """The golden content of ``golden``; written from ``got`` only with REGIOVOLGER_REGENERATE_GOLDEN=1."""
    if os.environ.get("REGIOVOLGER_REGENERATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    elif not golden.exists():
        raise AssertionError(f"no golden file {golden.name}; run with REGIOVOLGER_REGENERATE_GOLDEN=1")
    return json.loads(golden.read_text(encoding="utf-8"))


def check_golden(kind: str, path: Path, items: list[dict]) -> None:
    """Compare ``items`` with the golden file, item by item; rewrite it only on purpose."""
    golden = GOLDEN / f"{kind}_{path.name}.json"
    expected = golden_file(golden, items)
    for i, (want, got) in enumerate(zip(expected, items)):
        assert got == want, f"{golden.name} item {i}: {got} != {want}"
    assert len(items) == len(expected), f"{golden.name}: {len(items)} items, golden has {len(expected)}"


def matches(item: dict, want: dict) -> bool:
    for key, value in want.items():
        if key == "text_has":
            if value.lower() not in item["text"].lower():
                return False
        elif key == "title_has":
            if value.lower() not in item["title"].lower():
                return False
        elif item.get(key) != value:
            return False
    return True


def assert_facts(items: list[dict], expected: list[dict]) -> None:
    """Every expected fact is found (partial match), and nothing more."""
    for want in expected:
        assert any(matches(it, want) for it in items), f"missing {want} in {[_short(i) for i in items]}"
    assert len(items) == len(expected), f"{len(items)} found, {len(expected)} expected: {[_short(i) for i in items]}"


def _short(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in ("evidence", "meeting", "agenda_item", "id")}
