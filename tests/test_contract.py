"""`regiovolger extract --json` on every corpus file validates against the contract,
and every evidence quote is exactly its slice of the text `regiovolger text` prints."""

from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest
from click.testing import CliRunner

from regiovolger.cli import main
from regiovolger.pipeline import process_file
from tests.conftest import REAL, SEEDS

CORPUS = sorted(p for p in [*SEEDS.iterdir(), *REAL.iterdir()] if p.name != "README.md")
OCR_READY = shutil.which("tesseract") and "nld" in subprocess.run(
    ["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()


def evidences(node):
    if isinstance(node, dict):
        if {"start", "end", "quote"} <= node.keys() and "document" in node:
            yield node
        for value in node.values():
            yield from evidences(value)
    elif isinstance(node, list):
        for value in node:
            yield from evidences(value)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_contract_valid_and_quotes_exact(path, schema):
    if "SCANNED" in path.name and not OCR_READY:
        pytest.skip("tesseract with Dutch data is not installed")
    processed = process_file(path)
    result = json.loads(json.dumps(processed.extraction))
    jsonschema.Draft202012Validator(schema).validate(result)
    text = processed.text.text
    ids = {d["id"] for d in result["documents"]}
    assert result["documents"], "every file has at least one part"
    assert result["documents"][0]["span"]["start"] == 0
    assert result["documents"][-1]["span"]["end"] == len(text)
    for ev in evidences(result):
        assert text[ev["start"]:ev["end"]] == ev["quote"]
        assert ev["document"] in ids


def test_cli_text_is_what_offsets_index(tmp_path):
    seed = next(SEEDS.glob("003_*.txt"))
    runner = CliRunner()
    printed = runner.invoke(main, ["text", str(seed)])
    assert printed.exit_code == 0
    out = runner.invoke(main, ["extract", str(seed), "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    for ev in evidences(result):
        assert printed.output[ev["start"]:ev["end"]] == ev["quote"]


def test_cli_text_pages_marks_boundaries(tmp_path):
    f = tmp_path / "twee.txt"
    f.write_text("eerste pagina\n\ftweede pagina\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["text", "--pages", str(f)])
    assert "=== pagina 1" in out.output and "=== pagina 2" in out.output


def test_cli_bad_file_one_line_error(tmp_path):
    f = tmp_path / "kapot.pdf"
    f.write_bytes(b"junk")
    out = CliRunner().invoke(main, ["extract", str(f), "--json"])
    assert out.exit_code == 1
    assert out.output.count("\n") == 1 and "%PDF" in out.output
