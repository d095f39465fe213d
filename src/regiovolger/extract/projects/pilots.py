"""Memos and reports that give each pilot or project a title line followed by a
paragraph that names it again, with the municipalities and partners in that
paragraph.
"""

from __future__ import annotations

import re

from ...document import Part
from .common import _clean, _Context, _first_sentence, _lines, _Project, _squash


# --- layout 3: memo sections ----------------------------------------------------

_NON_PROJECT_TITLES = re.compile(r"^(?:overig\w*|tot\s+slot|conclusie\w*|inleiding|aanleiding|samenvatting|"
                                 r"achtergrond|vervolg\w*|bijlage\w*|toelichting|voorstel|besluit|advies|"
                                 r"financi\w*|planning|communicatie|risico\w*|met\s+vriendelijke)\b", re.I)
_PILOT_RE = re.compile(r"\b(?:pilot\w*|proeftuin\w*|experiment\w*|try-?out)\b", re.I)
_PROJECT_SIGNAL_RE = re.compile(r"\b(?:pilot|proeftuin|project|programma|initiatief|fonds|netwerk|aanpak|"
                                r"experiment|leerproject|regeling)\w*", re.I)
_CLOSING_RE = re.compile(r"^[ \t]*(?:met\s+vriendelijke\s+groet|hoogachtend|namens\s+\w+)", re.I | re.M)


def _memo_projects(ctx: _Context, part: Part) -> list[_Project]:
    s = ctx.s
    closing = _CLOSING_RE.search(s, part.start, part.end)
    hi = closing.start() if closing else part.end
    lines = _lines(s, part.start, hi)
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    titles: list[int] = []
    for k, i in enumerate(content):
        t = lines[i].text.strip()
        words = t.split()
        if not 1 <= len(words) <= 12 or len(t) > 100 or not (t[0].isupper() or t[0].isdigit()):
            continue
        if t.endswith((".", ",", ";", ":")) or re.search(r"\b(?:en|of|van|de|het|een|met|voor|in|op|te)$", t):
            continue
        if k == 0 or i - content[k - 1] < 2:
            continue  # a title stands after a blank line
        prev = lines[content[k - 1]].text.rstrip()
        if not prev.endswith((".", ":", "!", "?", ")")):
            continue
        if k + 1 >= len(content):
            continue
        nxt = lines[content[k + 1]].text.strip()
        if not nxt or not (nxt[0].isupper() or nxt[0] in "“‘\"'"):
            continue
        titles.append(k)
    projects = []
    for n, k in enumerate(titles):
        i = content[k]
        title_line = lines[i]
        body_end_line = content[titles[n + 1]] if n + 1 < len(titles) else None
        body_hi = lines[body_end_line].start if body_end_line is not None else hi
        body_lo = title_line.end
        title = title_line.text.strip()
        if _NON_PROJECT_TITLES.match(title):
            continue
        core = _clean(re.sub(r"\([^)]*\)", "", title)).rstrip(" ,")
        body = s[body_lo:body_hi]
        key = _squash(core)
        if len(key) < 4 or key not in _squash(body):
            # The body must name the title again; a title with a leading "Pilot" may drop it.
            alt = _squash(re.sub(r"^(?:pilot|proeftuin|project|programma)\s+", "", core, flags=re.I))
            if len(alt) < 6 or alt not in _squash(body):
                continue
        if not _PROJECT_SIGNAL_RE.search(title + " " + body):
            continue
        st = title_line.start + (len(title_line.text) - len(title_line.text.lstrip()))
        kind = "pilot" if _PILOT_RE.search(title) or _PILOT_RE.search(_first_sentence(body)) else "project"
        p = _Project(name=core, name_start=st, name_end=st + len(core), start=st, end=st + len(title),
                     scope=(st, body_hi), kind=kind, layout="memo")
        projects.append(p)
    if len(projects) < 2:
        return []  # one titled paragraph is a memo's heading, not a list of projects
    return projects


def _memo_programme(s: str, part: Part) -> str | None:
    """The programme a memo reports on: the most named "programma X" (capitalised)."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for m in re.finditer(r"\bprogramma\s+(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,5}(?:\s+\([A-Z]{2,8}\))?)",
                         s[part.start:part.end]):
        name = _clean(m.group("name"))
        key = _squash(re.sub(r"\([^)]*\)", "", name))
        counts[key] = counts.get(key, 0) + 1
        if len(name) > len(first.get(key, "")):
            first[key] = name
    if not counts:
        return None
    # "programma Sterke Wijken Samen" and "programma Wijken Samen" are one programme.
    total = {k: sum(n for k2, n in counts.items() if k in k2 or k2 in k) for k in counts}
    best = max(total, key=lambda k: (total[k], len(k)))
    return first[best] if total[best] >= 2 else None
