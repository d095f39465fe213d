"""What gets indexed: passages of parts and facts with their evidence (no Django).

A passage is a few hundred characters of one part on one page, cut at
paragraph (else line, else sentence) boundaries, so that a hit opens the right
page. Every entry carries the part's metadata for filters and facets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..extract.registry import PEOPLE_FIELDS, SEARCH_FIELDS

TARGET = 500  # characters a passage grows to
MAX = 800  # a longer paragraph is cut at lines, then sentences
HEADING_MAX = 90

_PARAGRAPH = re.compile(r"\n[ \t\f]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")

# which fields of a fact describe it, and which name people: from the one list of fact kinds
FACT_FIELDS = SEARCH_FIELDS
PERSON_FIELDS = PEOPLE_FIELDS


@dataclass
class Entry:
    key: str
    kind: str  # passage | fact
    category: str  # passage, or the fact's kind (decisions, actions, ...)
    file_id: int
    file_path: str
    part_id: int | None
    part_key: str | None
    type: str
    part_title: str | None
    heading: str
    page: int | None
    start: int
    end: int
    text: str  # what the snippet is cut from
    date: str | None
    organisation: str | None
    confidential: bool
    fact_id: int | None = None
    municipalities: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def title_text(self) -> str:
        return " ".join(t for t in (self.part_title, self.heading) if t)

    def display(self) -> dict:
        """The stored fields a hit is built from."""
        return {k: getattr(self, k) for k in (
            "key", "kind", "category", "file_id", "file_path", "part_id", "part_key", "type", "part_title",
            "heading", "page", "start", "end", "text", "date", "organisation", "confidential", "fact_id")}


def _units(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Paragraph spans in text[start:end]; over-long ones cut at lines, then sentences, then spaces."""
    pos = start
    for m in list(_PARAGRAPH.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        yield from _cut(text, pos, stop)
        pos = m.end() if m else end


_SPLITTERS = (re.compile(r"\n"), _SENTENCE_END)


def _cut(text: str, s: int, e: int, level: int = 0) -> Iterable[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return
    if e - s <= MAX:
        yield s, e
        return
    if level < len(_SPLITTERS):
        pos = s
        for m in list(_SPLITTERS[level].finditer(text, s, e)) + [None]:
            stop = m.start() if m else e
            yield from _cut(text, pos, stop, level + 1)
            pos = m.end() if m else e
        return
    while s < e:  # no boundary at all: cut at a space near TARGET
        stop = min(e, s + TARGET)
        if stop < e:
            space = text.rfind(" ", s + TARGET // 2, stop)
            stop = space if space > s else stop
        yield s, stop
        s = stop
        while s < e and text[s].isspace():
            s += 1


def _is_heading(line: str) -> bool:
    line = line.strip()
    return (0 < len(line) <= HEADING_MAX and "\n" not in line and line[-1] not in ".,;:" and
            (line[0].isupper() or line[0].isdigit()) and sum(c.isalpha() for c in line) >= 3)


def passages(text: str, start: int, end: int, pages: list[tuple[int, int, int]]) -> list[tuple[int | None, int, int, str]]:
    """(page number, start, end, heading) of each passage of text[start:end]; pages are (number, start, end)."""
    segments = [(n, max(start, ps), min(end, pe)) for n, ps, pe in pages if ps < end and pe > start]
    if not segments:
        segments = [(None, start, end)]
    out: list[tuple[int | None, int, int, str]] = []
    heading = ""
    for number, s, e in segments:
        cur: list[tuple[int, int]] = []
        cur_heading = heading

        def flush() -> None:
            if cur:
                out.append((number, cur[0][0], cur[-1][1], cur_heading))
                cur.clear()

        for us, ue in _units(text, s, e):
            unit = text[us:ue]
            if _is_heading(unit):
                flush()
                heading = cur_heading = " ".join(unit.split())
            elif cur and ue - cur[0][0] > TARGET:
                flush()
                cur_heading = heading
            cur.append((us, ue))
        flush()
    return out


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def fact_text(kind: str, data: dict) -> str | None:
    """The words that describe a fact, or None for facts that are not searched (amounts, municipalities)."""
    fields = FACT_FIELDS.get(kind)
    if fields is None:
        value = data.get("text")
        # other kinds with running text; short values like "€ 1.000" are not worth a hit
        if isinstance(value, str) and len(value.split()) >= 4:
            return value
        return None
    chunks = [" ".join(_names(data.get(f))) for f in fields]
    text = " — ".join(c for c in chunks if c)
    return text or None


def _mentioned(names: Iterable[str], text: str) -> list[str]:
    out = []
    for name in names:
        if name and name not in out and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            out.append(name)
    return out


def build(file: Any, pages: list[tuple[int, int, int]], parts: list[Any], facts: list[Any]) -> list[Entry]:
    """All entries of one stored file (a SourceFile, its Page spans, Parts and Facts, or look-alikes)."""
    text: str = file.text
    extraction: dict = file.extraction or {}
    municipality_names = [m.get("name") for m in extraction.get("municipalities") or [] if isinstance(m, dict)]
    people = []
    for p in extraction.get("people") or []:
        if isinstance(p, dict) and p.get("name"):
            people.append((p["name"], [p["name"], *_names(p.get("aliases"))]))
    bodies = {}
    for m in extraction.get("meetings") or []:
        if isinstance(m, dict) and m.get("document") and m.get("body"):
            bodies.setdefault(m["document"], m["body"])

    out: list[Entry] = []
    part_meta: dict[int | None, dict] = {}
    spans = [(p, p.start, p.end) for p in parts] or [(None, 0, len(text))]
    for part, ps, pe in spans:
        part_text = text[ps:pe]
        persons = [name for name, forms in people if _mentioned(forms, part_text)]
        meta = dict(
            file_id=file.id, file_path=file.path,
            part_id=part.id if part else None, part_key=part.key if part else None,
            type=(part.type if part else "") or "", part_title=part.title if part else (file.title or None),
            date=part.date.isoformat() if part and part.date else None,
            organisation=(part.organisation or bodies.get(part.key)) if part else None,
            confidential=bool(part.confidential) if part else False,
            municipalities=_mentioned(municipality_names, part_text), persons=persons,
        )
        part_meta[meta["part_id"]] = meta
        for i, (page, s, e, heading) in enumerate(passages(text, ps, pe, pages)):
            out.append(Entry(key=f"{file.id}:{meta['part_id'] or 0}:{i}", kind="passage", category="passage",
                             heading=heading, page=page, start=s, end=e, text=text[s:e], **meta))

    default_meta = part_meta.get(None) or next(iter(part_meta.values()))
    for fact in facts:
        description = fact_text(fact.kind, fact.data or {})
        if description is None:
            continue
        meta = dict(part_meta.get(fact.part_id, default_meta))
        named = [n for f in PERSON_FIELDS for n in _names((fact.data or {}).get(f))]
        meta["persons"] = list(dict.fromkeys([*meta["persons"], *named]))
        quote = " ".join((fact.quote or "").split())
        shown = description if quote in description else f"{description}\n{quote}"
        out.append(Entry(key=f"{file.id}:f{fact.id}", kind="fact", category=fact.kind, heading="",
                         page=fact.page, start=fact.start, end=fact.end, text=shown, fact_id=fact.id, **meta))
    return out
