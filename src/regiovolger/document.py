"""Typed boundary models shared by the pipeline stages.

``read`` produces a :class:`Text`; ``segment`` turns it into :class:`Part` s;
``extract`` turns parts into facts whose evidence points into ``Text.text``.
Offsets are Python ``str`` indices into ``Text.text``, exactly the string that
``regiovolger text FILE`` prints. ``Text.blocks`` (headings, paragraphs, list
items, tables; see :mod:`regiovolger.structure`) are spans of that same string.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .structure import Block, Cell, Heading, ListItem, Paragraph, Row, Table  # noqa: F401 (re-exported)

# Pages are joined with a form feed on a line of its own, as pdftotext does, so
# that line-anchored rules still see every page's first line.
PAGE_SEPARATOR = "\n\f\n"


@dataclass
class Page:
    number: int  # 1-based, as printed in the source
    start: int
    end: int
    method: str = "text"  # text | ocr | reordered (columns re-read in reading order)
    quality: float | None = None


@dataclass
class Repair:
    """One word repaired after glyph loss; ``start``/``end`` index the repaired text."""

    start: int
    end: int
    original: str
    repaired: str


@dataclass
class Margin:
    """Text the body does not hold: a page header or footer, a stamp, a watermark, file metadata.

    ``page`` is the page it belongs to, or None when it belongs to the whole file
    (metadata, a DOCX header that every section may repeat).
    """

    page: int | None
    where: str  # header | footer | stamp | watermark | metadata
    text: str


@dataclass
class Text:
    text: str
    pages: list[Page]
    media_type: str
    title: str | None = None  # from file metadata, when present (not always trustworthy)
    quality: float | None = None
    glyph_loss: bool = False
    original: str | None = None  # the text before repairs, when any were made
    repairs: list[Repair] = field(default_factory=list)
    # Structure the reader found, in document order; offsets index ``text`` like evidence does.
    blocks: list[Block] = field(default_factory=list)
    # Headers, footers, stamps, watermarks and metadata the reader found beside the body text.
    margins: list[Margin] = field(default_factory=list)

    def block_text(self, block: Block | Row | Cell) -> str:
        """The text of a block, row or cell: ``text[start:end]``."""
        return self.text[block.start:block.end]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def page_at(self, offset: int) -> int | None:
        """The page number holding ``offset`` (the nearest earlier page on a separator)."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number


def join_pages(page_texts: list[str], methods: list[str] | None = None) -> tuple[str, list[Page]]:
    """Join page texts into one string and record each page's span."""
    pages: list[Page] = []
    chunks: list[str] = []
    pos = 0
    for i, page_text in enumerate(page_texts):
        if i:
            chunks.append(PAGE_SEPARATOR)
            pos += len(PAGE_SEPARATOR)
        chunks.append(page_text)
        method = methods[i] if methods else "text"
        pages.append(Page(number=i + 1, start=pos, end=pos + len(page_text), method=method))
        pos += len(page_text)
    return "".join(chunks), pages


@dataclass
class Part:
    """One logical document inside a file (a bundle holds several)."""

    id: str
    type: str  # the schema's documents.type vocabulary
    title: str | None
    date: str | None  # ISO yyyy-mm-dd
    organisation: str | None
    start: int
    end: int
    confidential: bool = False

    def as_contract(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "date": self.date,
            "organisation": self.organisation,
            "span": {"start": self.start, "end": self.end},
            "confidential": self.confidential,
        }
