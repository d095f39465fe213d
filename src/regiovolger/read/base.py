"""What every format reader returns before the pages are joined."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Margin
from ..structure import Block


@dataclass
class RawPages:
    texts: list[str]
    methods: list[str] = field(default_factory=list)  # per page: text | ocr | reordered
    title: str | None = None  # from file metadata
    # per page: structural blocks with offsets into that page's text (empty when none were found)
    blocks: list[list[Block]] = field(default_factory=list)
    ocr_problem: str | None = None  # why pages that needed OCR did not get it
    confirmed: list[int] = field(default_factory=list)  # pages whose text layer OCR read the same
    margins: list[Margin] = field(default_factory=list)  # headers, footers, stamps, metadata (document.Margin)

    def __post_init__(self) -> None:
        if not self.methods:
            self.methods = ["text"] * len(self.texts)
        if not self.blocks:
            self.blocks = [[] for _ in self.texts]
