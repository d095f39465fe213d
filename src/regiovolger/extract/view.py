"""The text as extractors read it: line structure given back to flattened text.

A web transcription of a PDF, or a flattened table, often arrives as one
enormous line, which defeats every line-anchored rule. ``relined`` turns
single spaces inside such lines into line breaks where a new line evidently
began: before a numbered or lettered item that continues the numbering
("… agenda 2. Verslagen … a. Mededelingen … b. Verslag"), and before a
block label ("Aanwezig:", "Besluit:"). Only spaces become newlines, so every
offset stays the same and evidence is still sliced from the original text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..document import Text
from ..nl import vocabulary

LONG_LINE = 250  # characters; shorter lines keep the layout the reader gave them


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    layout = vocabulary("layout")
    labels = "|".join(f"(?:{p})" for p in layout["labels"])
    label = re.compile(rf"(?<=\S) (?=(?:{labels}))")
    # "1. Opening", "a) Stukken", and the zero-padded numbers of a register ("01 Opening … 02 Besluitenlijst")
    item = re.compile(r"(?<=\S) (?P<marker>(?P<num>\d{1,2})[.)]|(?P<pad>0\d|1\d(?=\s+[A-Z]))|(?P<letter>[a-z])[.)])"
                      r" +(?=[A-ZÀ-Ýa-zà-ÿ‘'“\"(])")
    return label, item, frozenset(layout["not_item_before"])


class _Numbering:
    """The numbering read so far: last item number, letter, and number inside a lettered item."""

    def __init__(self) -> None:
        self.top, self.sub, self.letter = 0, 0, ""
        self.pad_top = 0  # the padded numbering runs on its own: "03 …", "1. … 2. …" inside it, "04 …"


def _item_breaks(line: str, offset: int, state: _Numbering) -> list[int]:
    """Positions of spaces before items that continue a numbering (1, 2, 3 … and a, b, c …)."""
    _, item, not_before = _patterns()
    breaks: list[int] = []
    top, sub, letter = state.top, state.sub, state.letter
    for m in item.finditer(line):
        word = re.search(r"(\w+)\W*$", line[:m.start()])
        if word and not word.group(0).endswith(".") and word.group(1).lower() in not_before and not (
                # "… Bijlage 3. Mededelingen": a column word before the next item of the numbering
                word.group(1)[0].isupper() and m.group("num") and int(m.group("num")) == top + 1 and top):
            continue
        if line[m.end()].islower() and line[m.start() - 1] not in ":;":
            continue  # a point that starts in lower case follows a colon or the previous point's semicolon
        if m.group("pad"):
            n = int(m.group("pad"))
            # a padded number breaks only where it continues a padded numbering: "01", then "02" …
            if not line[m.end()].isupper() or not ((n == 1 and m.group("pad") == "01") or n == state.pad_top + 1 > 1):
                continue
            state.pad_top, sub, letter = n, 0, ""
        elif m.group("num"):
            n = int(m.group("num"))
            if letter and n == sub + 1:  # numbering inside a lettered item goes first
                sub = n
            elif top < n <= top + 2 or n == 1:
                top, sub, letter = n, 0, ""
            else:
                continue
        else:
            if not (m.group("letter") == "a" or (letter and ord(m.group("letter")) == ord(letter) + 1)):
                continue
            letter, sub = m.group("letter"), 0
        breaks.append(offset + m.start())
    state.top, state.sub, state.letter = top, sub, letter
    return breaks


def relined(s: str) -> str:
    """``s`` with line breaks put back into its overlong lines (same length, same offsets)."""
    label, _, _ = _patterns()
    chars: list[str] | None = None
    pos = 0
    numbering = _Numbering()
    for line in s.split("\n"):
        if len(line) >= LONG_LINE:
            breaks = _item_breaks(line, pos, numbering) + [pos + m.start() for m in label.finditer(line)]
            if breaks:
                chars = chars if chars is not None else list(s)
                for b in breaks:
                    chars[b] = "\n"
        pos += len(line) + 1
    return "".join(chars) if chars is not None else s


def reading_view(text: Text) -> Text:
    """The ``Text`` extractors read; the same object when nothing needed relining."""
    view = relined(text.text)
    return text if view is text.text else replace(text, text=view)


def requote(node, original: str) -> None:
    """Every quote under ``node`` sliced from the original text again (the view differs only in line breaks)."""
    if isinstance(node, dict):
        if isinstance(node.get("quote"), str) and isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            node["quote"] = original[node["start"]:node["end"]]
        for value in node.values():
            if isinstance(value, (dict, list)):
                requote(value, original)
    elif isinstance(node, list):
        for value in node:
            requote(value, original)
