"""The shared Dutch language layer: vocabularies as data, loaded once.

Extractors read their words from ``nl/data/*.toml`` through ``vocabulary``;
a house style that needs other words changes data, not code.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def vocabulary(name: str) -> dict:
    """The parsed ``nl/data/<name>.toml``."""
    with (DATA / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def alternation(patterns: list[str]) -> str:
    """One regular-expression alternation of whole-word patterns, longest first."""
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


@lru_cache(maxsize=None)
def compiled(name: str, section: str, key: str, whole_words: bool = True) -> re.Pattern:
    """The patterns of one vocabulary entry as a compiled, case-insensitive regex."""
    body = alternation(vocabulary(name)[section][key])
    return re.compile(rf"\b(?:{body})\b" if whole_words else body, re.I)
