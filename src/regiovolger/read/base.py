"""What every format reader returns before the pages are joined."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawPages:
    texts: list[str]
    methods: list[str] = field(default_factory=list)  # per page: text | ocr | reordered
    title: str | None = None  # from file metadata

    def __post_init__(self) -> None:
        if not self.methods:
            self.methods = ["text"] * len(self.texts)
