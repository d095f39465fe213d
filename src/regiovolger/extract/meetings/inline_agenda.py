"""Agenda items in two layouts the line-by-line outline cannot read.

Meeting portals number their agenda twice: the web list's own counter and the item's number, each
item's title or description on the lines below ("  3. 3\n  Hamerstukken", "  5. 4.1\n\n  Het college
legt …"). And text that lost its line structure (a web transcription, a PDF read as one line) runs
its items on in one line ("De agenda ziet er als volgt uit: 1. Opening 2. Mededelingen: a. … 3. …").
Both give OutlineItems, so the agenda reader treats them like any outline.
"""

from __future__ import annotations

import re

from .outline import OutlineItem

# "  5. 4.1" — a list counter, then the item's own number, alone on the line
_PORTAL = re.compile(r"^[ \t]*(?P<k>\d{1,3})\.[ \t]+(?P<num>\d{1,2}(?:\.?[a-z]|\.\d{1,2})?)[ \t]*$", re.M)
# lines that label an item's text rather than title it
_LABEL = re.compile(r"^(?:besluit(?:en)?|behandelvoorstel|voorgesteld\s+besluit|voorstel|toelichting|"
                    r"bespreekpunten?|samenvatting|advies|mondeling)\s*:?\s*$", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)])[.:;](?=\s|$)")
_MAX_WORDS = 14


def _title_of(text: str) -> tuple[int, int] | None:
    """(start, end) within text of the title: the first line that is no label, to its first sentence end."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not _LABEL.match(stripped):
            start = pos + line.index(stripped[0])
            m = _SENTENCE_END.search(stripped)
            title = stripped[: m.start()] if m else stripped
            words = title.split()
            if len(words) > _MAX_WORDS:
                title = " ".join(words[:_MAX_WORDS])
            return start, start + len(title)
        pos += len(line) + 1
    return None


# "  1. 001. Rondvraag": the counter, the item's own number and its title on one line
_PORTAL_TITLED = re.compile(r"^[ \t]*(?P<k>\d{1,3})\.[ \t]+(?P<num>\d{2,3}(?:\.\d{1,2})?)\.?[ \t]+(?P<title>[A-ZÀ-Ý][^\n]{1,150})$", re.M)


def portal_items(t: str, start: int, end: int) -> list[OutlineItem]:
    """Items of a portal's double-numbered list; empty unless at least two counters follow each other."""
    titled = list(_PORTAL_TITLED.finditer(t, start, end))
    if any(int(b.group("k")) == int(a.group("k")) + 1 for a, b in zip(titled, titled[1:])):
        return [OutlineItem(number=m.group("num"), level=1, title=m.group("title").rstrip(), start=m.start(),
                            title_start=m.start("title"), title_end=m.start("title") + len(m.group("title").rstrip()))
                for m in titled]
    marks = list(_PORTAL.finditer(t, start, end))
    if not any(int(b.group("k")) == int(a.group("k")) + 1 for a, b in zip(marks, marks[1:])):
        return []
    items: list[OutlineItem] = []
    for i, m in enumerate(marks):
        body_end = marks[i + 1].start() if i + 1 < len(marks) else end
        span = _title_of(t[m.end():body_end])
        if span is None:
            continue  # a number without any text: nothing to show
        s, e = m.end() + span[0], m.end() + span[1]
        num = m.group("num")
        level = 2 if re.search(r"[.a-z]", num) else 1
        items.append(OutlineItem(number=num, level=level, title=t[s:e], start=m.start(), title_start=s, title_end=e))
    return items


# an item marker inside running text: "1. Opening", "7 Planning" — a number before a capital or a digit
_INLINE = re.compile(r"(?<![\w.,/:€-])(?P<num>\d{1,2})\.?[ \t]+(?=[A-ZÀ-Ý0-9])")
_SUB = re.compile(r"(?<![\w.])(?P<letter>[a-h])[.)][ \t]+(?=[A-ZÀ-Ý])")
# where an inline title stops: a sentence starting, a bullet, a kind of treatment
_TITLE_STOP = re.compile(r"\n|\s(?:o|•|-)\s|:|\s(?=(?:De|Het|Een|Dit|Deze|Er|Wij|Hij|Zij|Mevrouw|Ter|Na|Namens|Met|N\.a\.v\.)\s)")


def _chain(marks: list[re.Match]) -> list[re.Match]:
    """The longest run 1, 2, 3, … (one number may be missing) in text order."""
    best: list[list[re.Match]] = []
    for m in marks:
        n = int(m.group("num"))
        options = [c for c in best if 1 <= n - int(c[-1].group("num")) <= 2]
        if options:
            # ties go to the latest start: "1 Terneuzen, …" (a page number) loses to the "1. Opening" after it
            best.append(max(options, key=lambda c: (len(c), c[-1].start())) + [m])
        elif n in (0, 1):
            best.append([m])
    return max(best, key=len, default=[])


def inline_items(t: str, start: int, end: int, minimum: int = 3) -> list[OutlineItem]:
    """Items numbered 1, 2, 3 … within running text; empty unless the run is at least `minimum` long."""
    chain = _chain(list(_INLINE.finditer(t, start, end)))
    if len(chain) < minimum:
        return []
    items: list[OutlineItem] = []
    for i, m in enumerate(chain):
        body_end = chain[i + 1].start() if i + 1 < len(chain) else min(end, m.end() + 300)
        stop = _TITLE_STOP.search(t, m.end(), body_end)
        title_end = stop.start() if stop else body_end
        words = t[m.end():title_end].split()
        if len(words) > _MAX_WORDS:
            title_end = m.end() + len(" ".join(t[m.end():title_end].split()[:_MAX_WORDS]))
        title = t[m.end():title_end].rstrip(" .,")
        if not title:
            continue
        items.append(OutlineItem(number=m.group("num"), level=1, title=title, start=m.start(),
                                 title_start=m.end(), title_end=m.end() + len(title)))
        # lettered sub-items written on: "2. Ingekomen stukken: a. … b. …"
        letter = "a"
        for sub in _SUB.finditer(t, title_end, body_end):
            if sub.group("letter") != letter:
                break
            stop = _TITLE_STOP.search(t, sub.end(), body_end)
            nxt = _SUB.search(t, sub.end(), body_end)
            sub_end = min(x for x in (stop.start() if stop else body_end, nxt.start() if nxt else body_end))
            sub_title = t[sub.end():sub_end].rstrip(" .,")
            if sub_title:
                items.append(OutlineItem(number=m.group("num") + letter, level=2, title=sub_title, start=sub.start(),
                                         title_start=sub.end(), title_end=sub.end() + len(sub_title)))
            letter = chr(ord(letter) + 1)
    return items
