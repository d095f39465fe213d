"""Structural blocks of a :class:`~regiovolger.document.Text`: headings, paragraphs, list items, tables.

Every block is a span of ``Text.text`` (``start``/``end`` are ``str`` indices,
the same offsets evidence uses), so ``text[block.start:block.end]`` is the
block's text. The readers find blocks where the format says so (HTML elements,
Word styles and tables, PDF font sizes and aligned columns); the text itself
never changes for them. Blocks may nest: a list item can hold a paragraph's
span, a table holds rows and rows hold cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Union

if TYPE_CHECKING:
    from .document import Text


def _source(text: "Text | str") -> str:
    return text if isinstance(text, str) else text.text


class _Span:
    """What every block and cell shares: ``start``/``end`` in ``Text.text``."""

    start: int
    end: int

    def text_in(self, text: "Text | str") -> str:
        """This span's text in ``text`` (a :class:`Text` or its string)."""
        return _source(text)[self.start:self.end]


@dataclass(frozen=True)
class Heading(_Span):
    level: int  # 1 is the top level, as h1 and "Kop 1"
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph(_Span):
    start: int
    end: int


@dataclass(frozen=True)
class ListItem(_Span):
    start: int
    end: int
    # The item's label in the source: "-" where the text shows a dash, "•", "1.", "a)".
    # Word's automatic numbering is not part of the text, so the marker may not be
    # either; the span never includes it.
    marker: str = ""


@dataclass(frozen=True)
class Cell(_Span):
    start: int
    end: int


@dataclass(frozen=True)
class Row(_Span):
    start: int
    end: int
    cells: list[Cell] = field(default_factory=list)


@dataclass(frozen=True)
class Table(_Span):
    start: int
    end: int
    rows: list[Row] = field(default_factory=list)

    def grid(self, text: "Text | str") -> list[list[str]]:
        """The cells' text, row by row."""
        source = _source(text)
        return [[source[c.start:c.end] for c in row.cells] for row in self.rows]


Block = Union[Heading, Paragraph, ListItem, Table]


def cell_text(text: "Text | str", cell: Cell) -> str:
    """A cell's text (any span's, in fact)."""
    return cell.text_in(text)


def sort_blocks(blocks: list[Block]) -> list[Block]:
    """Document order; an outer block before the blocks it holds."""
    return sorted(blocks, key=lambda b: (b.start, -b.end))


def shift_block(block: Block, shift: Callable[[int], int]) -> Block:
    """The same block with every offset mapped through ``shift``."""
    from dataclasses import replace

    if isinstance(block, Table):
        rows = [
            Row(shift(r.start), shift(r.end), [Cell(shift(c.start), shift(c.end)) for c in r.cells])
            for r in block.rows
        ]
        return Table(shift(block.start), shift(block.end), rows)
    return replace(block, start=shift(block.start), end=shift(block.end))


def move_blocks(blocks: list[Block], delta: int) -> list[Block]:
    """Blocks with page-local offsets moved by ``delta`` (the page's start)."""
    if not delta:
        return list(blocks)
    return [shift_block(b, lambda o: o + delta) for b in blocks]


def check_blocks(blocks: list[Block], length: int) -> None:
    """Raise ``ValueError`` when a block does not lie inside ``[0, length]`` or nests badly."""

    def inside(s: _Span, lo: int, hi: int) -> None:
        if not lo <= s.start <= s.end <= hi:
            raise ValueError(f"{s!r} outside {lo}-{hi}")

    for b in blocks:
        inside(b, 0, length)
        if isinstance(b, Table):
            last = b.start
            for r in b.rows:
                inside(r, max(last, b.start), b.end)
                last = r.end
                cell_last = r.start
                for c in r.cells:
                    inside(c, cell_last, r.end)
                    cell_last = c.end


def summary(text: "Text") -> dict[str, int]:
    """How many blocks of each kind ``text`` holds."""
    kinds = {"headings": Heading, "paragraphs": Paragraph, "list_items": ListItem, "tables": Table}
    return {name: sum(isinstance(b, kind) for b in text.blocks) for name, kind in kinds.items()}
