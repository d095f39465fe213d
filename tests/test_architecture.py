"""The pipeline core runs without Django."""

import subprocess
import sys

CORE = ["regiovolger.read", "regiovolger.segment", "regiovolger.extract", "regiovolger.pipeline",
        "regiovolger.ingest"]


def test_core_does_not_import_django():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_machine_specific_paths():
    """CI clones the project elsewhere: tests and code find shared/ relative to themselves."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = [
        str(p.relative_to(root))
        for folder in ("src", "tests", "benchmarks", "scripts")
        for p in (root / folder).rglob("*")
        if p.is_file() and p.suffix in {".py", ".sh", ""} and "/work/" in p.read_text(errors="ignore")
        and p.name != "test_architecture.py"
    ]
    assert offenders == []
