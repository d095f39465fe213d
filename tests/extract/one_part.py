"""A one-part document for extractor tests: a head line, the body, and the part around both."""

from __future__ import annotations

from regiovolger.document import Page, Part, Text


def one_part(head: str, body: str, kind: str, date: str | None) -> tuple[Text, list[Part]]:
    s = f"{head}\n\n{body}\n"
    part = Part(id="p1", type=kind, title=None, date=date, organisation=None, start=0, end=len(s))
    return Text(text=s, pages=[Page(1, 0, len(s))], media_type="text/plain"), [part]
