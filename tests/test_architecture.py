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
