"""Confidentiality marks: the words (``nl/data/confidentiality.toml``) and where a line carries one.

Two strengths of evidence:

* ``loose`` — text that is only furniture or metadata (a DOCX page header or
  footer, a stamp, a watermark, a title or keywords in the file's properties):
  any mark that is not negated ("niet vertrouwelijk") or answered no
  ("Vertrouwelijk: nee") counts;
* ``stamp`` — a line of the body text (a part's head, the first and last lines
  of a page, a title page): the line must read as a marking — the mark in
  capitals, after a label ("Classificatie: vertrouwelijk"), or nearly the
  whole line — so that prose about confidentiality marks nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..nl import alternation, vocabulary


@lru_cache(maxsize=None)
def _data() -> dict:
    return vocabulary("confidentiality")


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    marks = _data()["marks"]
    mark = re.compile(rf"(?<![\w-])(?:{alternation(marks['words'])})(?![\w-])", re.I)
    negated = re.compile(rf"(?:^|\W)(?:{alternation(marks['negations'])})[\s-]*$", re.I)
    answered_no = re.compile(rf"^\s*[:=]?\s*(?:{alternation(marks['no_answers'])})(?!\w)", re.I)
    labelled = re.compile(rf"^\s*(?:{alternation(marks['labels'])})\s*[:=]?\s*$", re.I)
    return mark, negated, answered_no, labelled


def setting(name: str) -> int:
    return int(_data()["where"][name])


def pdf_stamp_names() -> set[str]:
    return set(_data()["marks"]["pdf_stamps"])


def find_mark(line: str, strength: str = "loose") -> str | None:
    """The mark ``line`` carries as ``strength`` evidence (``loose`` or ``stamp``), or None."""
    s = " ".join(line.split())
    if not s or (strength == "stamp" and len(s) > setting("max_mark_line")):
        return None
    mark, negated, answered_no, labelled = _patterns()
    for m in mark.finditer(s):
        before, after = s[:m.start()], s[m.end():]
        if negated.search(before) or answered_no.match(after):
            continue
        if strength == "loose":
            return m.group(0)
        word = m.group(0)
        rest = re.sub(r"[\W_]+", "", before + after)
        if labelled.match(before) or len(rest) <= 25 or (word.isupper() and len(word) > 3):
            return word
    return None


def mark_anywhere(text: str) -> str | None:
    """A mark in metadata or furniture text of any length (each line looked at on its own)."""
    for line in text.splitlines():
        found = find_mark(line, "loose")
        if found:
            return found
    return None


def solo_mark(line: str) -> bool:
    """A line that is nothing but a mark in capitals: a watermark or stamp wherever it stands."""
    s = line.strip(" \t*-_–—|:.[]()")
    found = find_mark(s, "stamp")
    return bool(found) and found.isupper() and len(re.sub(r"[\W_]+", "", s.replace(found, ""))) == 0
