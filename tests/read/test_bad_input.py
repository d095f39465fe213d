"""Bad input gets a clear one-line reason with a stable code."""

from __future__ import annotations

import io
import zipfile

import pytest

from regiovolger.errors import ReadError
from regiovolger.read import read_bytes


def xlsx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


CASES = [
    ("leeg.pdf", b"", "empty"),
    ("rommel.pdf", b"dit is geen pdf maar gewoon tekst", "not_pdf"),
    ("rommel2.pdf", bytes(range(256)) * 10, "not_pdf"),
    ("programma.exe", b"MZ\x90\x00" + bytes(200), "unsupported"),
    ("begroting.xlsx", xlsx_bytes(), "unsupported"),
    ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unsupported"),
    ("kapot.docx", b"PK\x03\x04 afgebroken", "corrupt"),
    ("geen-zip.docx", b"gewoon tekst met een verkeerde naam", "corrupt"),
    ("binair.txt", bytes(range(0, 9)) * 300, "unsupported"),
]


@pytest.mark.parametrize("name,data,code", CASES, ids=[c[0] for c in CASES])
def test_bad_input_has_code_and_one_line_reason(name, data, code):
    with pytest.raises(ReadError) as info:
        read_bytes(data, name)
    assert info.value.code == code
    reason = str(info.value)
    assert reason and "\n" not in reason and len(reason) < 200


def test_size_limit_from_environment(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_MB", "0.001")  # about 1 kB
    with pytest.raises(ReadError) as info:
        read_bytes(b"a" * 5000, "groot.txt")
    assert info.value.code == "too_large"
    assert "MB" in str(info.value)


def test_english_messages_on_request(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_LANG", "en")
    with pytest.raises(ReadError) as info:
        read_bytes(b"", "x.pdf")
    assert str(info.value) == "empty file (0 bytes)"
