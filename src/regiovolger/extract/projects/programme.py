"""Programme documents (uitvoeringsprogramma, jaarplan): programme structure,
execution-programme tables and titled activities with money.

* **programme tables**: a project cell holds a size class ("Klein project",
  "Middelgroot project", "Groot project", "Omvang: groot") and/or the
  administrative client ("BO:", "Bestuurlijk opdrachtgever:"). PDF extraction
  flattens such tables so the goal and activity columns come first and the
  cell last; the project's name is found on the line before the cell, in a
  title line opening the row, in a line naming a project/programme/pilot, or
  in the activity's first sentence. Rows are bounded by table headers,
  headings, earlier cells, separator lines and the goal text that the table
  repeats for every row.
* **titled activities with money**: an amount in a paragraph under a short
  title line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ...document import Part
from .common import (
    _Block,
    _blocks,
    _clean,
    _Context,
    _first_sentence,
    _fold,
    _Line,
    _lines,
    _Project,
    _role,
    _sentence_around,
    _squash,
    size_from_word,
)


# --- programme structure -------------------------------------------------------

_PROGRAMME_LABELS = r"(?:Programma|Deelprogramma|Hoofdprogramma|Domein|Pijler|Fysiek|Sociaal|Economisch|Ruimtelijk)"
_LINE_LABELS = (r"(?:Programmalijn|Programmalijnen|Actielijn|Werklijn|Beleidslijn|Lijn|Thema|Overkoepelend\s+thema"
                r"|Kernprogramma|Toepassingsgebied|Speerpunt|Opgave|Ambitie|Spoor|Prioriteit|Focusgebied)")
_HEADING_RE = re.compile(
    r"^[ \t\f]*(?:(?P<prog>" + _PROGRAMME_LABELS + r")|(?P<line>" + _LINE_LABELS + r"))"
    r"(?:[ \t]+\d{1,2}[a-z]?)?[ \t]*:[ \t]*(?P<value>[^\n:]{2,90}?)[ \t]*$", re.M)


@dataclass
class _Heading:
    start: int
    end: int
    level: str  # programme | line
    label: str
    value: str


def _headings(s: str, lo: int, hi: int) -> list[_Heading]:
    out = []
    for m in _HEADING_RE.finditer(s, lo, hi):
        value = _clean(m.group("value"))
        if len(value.split()) > 14 or value.endswith((".", ",", ";")):
            continue
        level = "programme" if m.group("prog") else "line"
        out.append(_Heading(m.start(), m.end(), level, _clean(m.group("prog") or m.group("line")), value))
    return out


def _path_at(headings: list[_Heading], pos: int, root: str | None) -> tuple[list[str], str | None, str | None]:
    programme = line = None
    for h in headings:
        if h.start >= pos:
            break
        if h.level == "programme":
            programme, line = h.value, None
        else:
            line = h.value
    path = [p for p in (root, programme, line) if p]
    return path, programme, line


# --- layout 1: programme tables -------------------------------------------------

_SIZE_CELL_RE = re.compile(
    r"(?P<size>(?i:klein|kleine|middelgroot|middelgrote|groot|grote))[ \t]*\n?[ \t]*(?i:project|activiteit)\b"
    r"(?P<rest>[^\n]*)")
_SIZE_LABEL_RE = re.compile(r"\b(?i:(?:project)?omvang(?:[ \t]+project)?)[ \t]*:[ \t]*"
                            r"(?P<size>(?i:klein|middelgroot|middel|groot))\b")
_BO_RE = re.compile(r"(?<![\w])(?:BO|Bestuurlijk(?:e)?[ \t]+opdrachtgever(?:s)?|Bestuurlijk[ \t]+trekker"
                    r"|Bestuurlijk[ \t]+eigenaar)[ \t]*:[ \t]*", re.I)
_COLUMN_WORDS = re.compile(r"\b(?:Doelen|Doel|Activiteiten|Activiteit|Thema['’]s|Thema|Instrumenten|Projecten"
                           r"|Omvang|Bestuurlijk|Opdrachtgever|BO|Budget|Planning|Resultaten|Resultaat"
                           r"|Toelichting|Onderwerp|Datum|Stand|Kosten)\b")
_COPILOT_RE = re.compile(r"co-?piloot|tweede|plaatsvervang|vervanger|tevens|ondersteun", re.I)
_MARKER_LINE_RE = re.compile(
    r"^[ \t]*(?:[A-Z]{1,4}[ \t]+)?(?P<marker>Project|Pilot|Proeftuin|Uitvoeringsprogramma|Actieprogramma"
    r"|Deelprogramma|Programma|Regeling|Fonds)\b")
_INLINE_MARKER_RE = re.compile(
    r"\b(?P<marker>[Pp]roject|[Pp]ilot|[Pp]roeftuin|\w*programma)[: ]+(?P<name>(?:[A-Z0-9][\w'’&+\-]*"
    r"(?:[ \t]+(?:van|de|en|voor|op|in|&)(?=[ \t]+[A-Z]))?[ \t]*){1,6})")
_TITLED_RE = re.compile(r"\b(?:getiteld|genaamd|met de naam|onder de naam|werktitel)[ \t]*[:‘'\"“]?[ \t]*"
                        r"(?P<name>[A-Z0-9][^.\n‘’'\"“”]{2,80}?)[’'\"”]?(?=[.,;\n]|$)")
_SEPARATOR_LINE_RE = re.compile(r"^[ \t\u00a0]+$")
_NA_RE = re.compile(r"^\s*n\.?\s*v\.?\s*t\.?", re.I)


@dataclass
class _Cell:
    start: int
    end: int
    size: str | None = None
    size_start: int | None = None
    bo_text: str | None = None


def _is_header_line(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 10:
        return False
    return len(_COLUMN_WORDS.findall(text)) >= 2 and not text.rstrip().endswith(".")


def _bo_value(s: str, lines: list[_Line], pos: int) -> tuple[str, int]:
    """The administrative client text after "BO:", up to a blank line, header or new cell."""
    idx = next(i for i, line in enumerate(lines) if line.start <= pos <= line.end)
    chunks = [s[pos:lines[idx].end]]
    end = lines[idx].end
    for line in lines[idx + 1: idx + 5]:
        t = line.text.strip()
        if not t or _is_header_line(t) or _SIZE_CELL_RE.match(t) or _BO_RE.match(t) or len(t.split()) > 4 \
                or re.search(r"\d|€", t) or t.endswith(".") and not t.endswith(")."):
            break
        chunks.append(line.text)
        end = line.end
    return _clean(" ".join(chunks)), end


def _parse_clients(value: str) -> list[dict]:
    """ "Jan Jansen (Piet de Boer copiloot)" → two clients, the second a co-pilot."""
    if not value or _NA_RE.match(value):
        return []
    clients = []
    main = re.sub(r"\([^)]*\)?", " ", value)
    for par in re.findall(r"\(([^)]*)\)?", value):
        if _COPILOT_RE.search(par):
            name = _clean(_COPILOT_RE.sub(" ", par)).strip(" ,;:-")
            for n in re.split(r",|\s+en\s+|&|/", name):
                n = _clean(n)
                if n:
                    clients.append({"name": n, "role": "copiloot"})
    lead = []
    for n in re.split(r",|;|\s+en\s+|&|/", main):
        n = _clean(n).strip(" .-")
        if n and n[0].isupper() and len(n.split()) <= 6:
            lead.append({"name": n, "role": "opdrachtgever"})
    return lead + clients


def _cells(s: str, lines: list[_Line]) -> list[_Cell]:
    anchors: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, kind, size, bo
    line_starts = [line.start for line in lines]
    for m in _SIZE_CELL_RE.finditer(s, lines[0].start if lines else 0, lines[-1].end if lines else 0):
        rest = m.group("rest").strip()
        if rest and (re.match(r"[<>=≤≥(]|\d|uur|tot\b|van\b", rest) or len(rest.split()) > 3):
            continue  # a legend ("klein project < 4 uur/week") or running prose
        li = bisect_right(line_starts, m.start()) - 1
        before = s[lines[li].start:m.start()]
        if before.strip() and not m.group("size")[0].isupper():
            continue
        anchors.append((m.start(), m.start("rest"), "size", size_from_word(m.group("size")), None))
    for m in _SIZE_LABEL_RE.finditer(s, lines[0].start if lines else 0, lines[-1].end if lines else 0):
        anchors.append((m.start(), m.end(), "size", size_from_word(m.group("size")), None))
    for m in _BO_RE.finditer(s, lines[0].start if lines else 0, lines[-1].end if lines else 0):
        value, end = _bo_value(s, lines, m.end())
        anchors.append((m.start(), end, "bo", None, value))
    anchors.sort()
    cells: list[_Cell] = []
    for start, end, kind, size, bo in anchors:
        prev = cells[-1] if cells else None
        joined = False
        if prev is not None and start >= prev.end:
            gap = s[prev.end:start]
            same_block = not gap.strip() and not re.search(r"\n[ \t]*\n", gap)
            if same_block and ((kind == "bo" and prev.bo_text is None) or (kind == "size" and prev.size is None)):
                joined = True
        if joined:
            prev.end = max(prev.end, end)
            if kind == "bo":
                prev.bo_text = bo
            else:
                prev.size, prev.size_start = size, start
            continue
        if prev is not None and start < prev.end:
            continue
        cells.append(_Cell(start, end, size, start if kind == "size" else None, bo))
    return [c for c in cells if not (c.size is None and (not c.bo_text or _NA_RE.match(c.bo_text)))]


def _is_title_line(block: _Block) -> bool:
    first = block.lines[0].text.strip()
    words = re.sub(r"\([^)]*\)?", " ", first).split()
    if not 1 <= len(words) <= 6 or first.endswith((".", ",", ";", ":")) or not first[0].isupper():
        return False
    if len(block.lines) < 2:
        return False
    nxt = block.lines[1].text.strip()
    return bool(nxt) and (nxt[0].isupper() or nxt[0] in "•-–\"“‘(" or nxt[0].isdigit())


def _dedupe_halves(name: str) -> str:
    """ "Wonen Ouderen Wonen ouderen" (two columns, one name) → once."""
    w = name.split()
    if len(w) % 2 == 0 and len(w) >= 2 and _fold(" ".join(w[: len(w) // 2])) == _fold(" ".join(w[len(w) // 2:])):
        return " ".join(w[: len(w) // 2])
    return name


def _span_of(s: str, lo: int, hi: int, name: str) -> tuple[int, int]:
    """Where the (whitespace-normalised) ``name`` starts in s[lo:hi]."""
    first = re.escape(name.split()[0]) if name.split() else ""
    m = re.search(first, s[lo:hi]) if first else None
    start = lo + m.start() if m else lo
    return start, min(hi, start + len(name))


def _name_for_cell(s: str, blocks: list[_Block], cell: _Cell, lines: list[_Line], row_start: int
                   ) -> tuple[str, int, int, str | None] | None:
    """(name, start, end, goal) for a programme-table cell."""
    line_idx = next(i for i, line in enumerate(lines) if line.start <= cell.start <= line.end)
    anchor_line = lines[line_idx]
    # 1. Text before the cell on its own line: "Project X (zeven gemeenten) Groot project".
    prefix = s[anchor_line.start:cell.start].strip()
    if len(prefix) >= 2 and not prefix.endswith((".", ":")):
        start = anchor_line.start + (len(anchor_line.text) - len(anchor_line.text.lstrip()))
        return prefix, start, start + len(prefix), None
    # 2. Short lines right above the cell in the same block: "N123 Zuid\nMiddelgroot project".
    above = []
    for line in reversed(lines[:line_idx]):
        if line.blank or line.end < row_start:
            break
        above.insert(0, line)
    if above:
        text = _clean(" ".join(line.text for line in above))
        last = above[-1].text.strip()
        if len(text.split()) <= 10 and not text.endswith("."):
            return text, above[0].start + (len(above[0].text) - len(above[0].text.lstrip())), above[-1].end, None
        if len(last.split()) <= 6 and not last.endswith("."):
            return last, above[-1].start + (len(above[-1].text) - len(above[-1].text.lstrip())), above[-1].end, None
    row = [b for b in blocks if b.start >= row_start and b.end <= cell.start and b.end < anchor_line.start]
    if not row:
        return None
    goal_block = row[0]
    # 3. A title line opening the row: "RES\nWe dragen bij aan ...".
    if _is_title_line(goal_block):
        first = goal_block.lines[0]
        title = first.text.strip()
        rest = _clean("\n".join(line.text for line in goal_block.lines[1:]))
        st = first.start + (len(first.text) - len(first.text.lstrip()))
        return title, st, st + len(title), (rest or None)
    goal = _clean(goal_block.text) if len(row) > 1 else None
    # 4. A line that names a project, pilot or programme (nearest first).
    for block in reversed(row):
        for i, line in enumerate(block.lines):
            m = _MARKER_LINE_RE.match(line.text)
            if not m:
                continue
            t = line.text.strip()
            st = line.start + (len(line.text) - len(line.text.lstrip()))
            if t.endswith(":") and i + 1 < len(block.lines):
                nxt = block.lines[i + 1]
                return f"{t} {nxt.text.strip()}".rstrip(" ."), st, nxt.end, goal
            if t.endswith(":"):
                # The title continues in the next block ("... (programmalijn 3 van 4):\n\nIeder kind ...").
                j = blocks.index(block)
                if j + 1 < len(blocks) and blocks[j + 1].start < cell.start:
                    nxt = blocks[j + 1].lines[0]
                    return f"{t} {nxt.text.strip()}".rstrip(" ."), st, nxt.end, goal
            name = _first_sentence(t)
            if len(name.split()) <= 14:
                return name.rstrip(" ."), st, st + len(name), goal
    for block in reversed(row):
        m = _TITLED_RE.search(_clean(block.text))
        if m:
            name = m.group("name").strip()
            a, b = _span_of(s, block.start, block.end, name)
            return name, a, b, goal
        for line in block.lines:
            m = _INLINE_MARKER_RE.search(line.text)
            if m and m.group("marker")[0].islower():
                name = _clean(m.group(0)).rstrip(" .:")
                st = line.start + m.start()
                return name, st, st + len(m.group(0).rstrip()), goal
    # 5. A short lead-in line ending in ":" ("Huisvesting: ..."), else the activity's first sentence.
    for block in row:
        first_line = block.lines[0].text.strip()
        if first_line.endswith(":") and len(first_line.split()) <= 10:
            st = block.lines[0].start + (len(block.lines[0].text) - len(block.lines[0].text.lstrip()))
            name = _dedupe_halves(first_line.rstrip(":").strip())
            return name, st, st + len(name), goal if block is not goal_block else None
    last = row[-1]
    while len(row) > 1 and last.lines[0].text.strip()[:1].islower():
        row = row[:-1]
        last = row[-1]
    first_line = last.lines[0].text.strip()
    st = last.lines[0].start + (len(last.lines[0].text) - len(last.lines[0].text.lstrip()))
    if first_line.endswith(":") and len(first_line.split()) <= 10:
        name = _dedupe_halves(first_line.rstrip(":").strip())
        return name, st, st + len(name), goal
    sentence = _first_sentence(last.text)
    words = sentence.split()
    if len(words) > 14:
        sentence = " ".join(words[:10]) + " …"
    return sentence, st, min(last.end, st + len(sentence)), goal if goal != _clean(last.text) else None


def _table_projects(ctx: _Context, part: Part, headings: list[_Heading]) -> list[_Project]:
    s = ctx.s
    lines = _lines(s, part.start, part.end)
    if not lines:
        return []
    cells = _cells(s, lines)
    if not cells:
        return []
    blocks = _blocks(lines)
    # Row boundaries: table headers, headings, separator lines, repeated goal blocks.
    bounds = [part.start]
    for i, line in enumerate(lines):
        if _is_header_line(line.text):
            end = line.end
            if i + 1 < len(lines) and re.fullmatch(r"[ \t]*[a-z]\w*[ \t]*", lines[i + 1].text):
                end = lines[i + 1].end
            bounds.append(end)
        elif _SEPARATOR_LINE_RE.match(line.text) and i and lines[i - 1].blank and i + 1 < len(lines) \
                and lines[i + 1].blank:
            bounds.append(line.end)
    bounds += [h.end for h in headings]
    seen: dict[str, int] = {}
    for b in blocks:
        key = _squash(b.text)
        if len(key) > 20:
            seen[key] = seen.get(key, 0) + 1
    cell_starts = [c.start for c in cells]
    bounds += [b.start for b in blocks if seen.get(_squash(b.text), 0) >= 2
               and not any(b.start <= cs <= b.end for cs in cell_starts)]
    projects = []
    prev_end = part.start
    for cell in cells:
        row_start = max([b for b in bounds if b < cell.start] + [prev_end])
        found = _name_for_cell(s, blocks, cell, lines, row_start)
        prev_end = cell.end
        if not found:
            continue
        name, n_start, n_end, goal = found
        name = name.strip()
        if not name:
            continue
        name = re.sub(r"^(?:project|pilot|activiteit)\s*:\s*", "", name, flags=re.I)
        block_end = next((b.end for b in blocks if b.start <= cell.end <= b.end), cell.end)
        p = _Project(name=name[0].upper() + name[1:], name_start=n_start, name_end=n_end,
                     start=min(n_start, cell.start), end=cell.end, scope=(row_start, max(cell.end, block_end)),
                     size=cell.size, goal=goal, layout="table")
        p.clients = _parse_clients(cell.bo_text or "")
        projects.append(p)
    # Amounts in a row shared by several cells belong to the cell the sentence names.
    by_scope: dict[tuple[int, int], list[_Project]] = {}
    for p in projects:
        by_scope.setdefault(p.scope, []).append(p)
    rows_sorted = sorted({p.scope for p in projects})
    merged_rows: dict[int, list[_Project]] = {}
    for p in projects:
        merged_rows.setdefault(p.scope[0], []).append(p)
    for row_start, group in merged_rows.items():
        if len(group) > 1:
            for p in group:
                p.scope_amounts = False
            lo, hi = row_start, max(p.end for p in group)
            for a in ctx.amounts_in(lo, hi):
                sent = _sentence_around(s, a.start, a.end)
                named = [p for p in group if _squash(p.name) and _squash(p.name) in _squash(sent)]
                if len(named) == 1:
                    named[0].amounts.append((a, _role(s, a)))
    del by_scope, rows_sorted
    return projects


# --- layout 4: titled activities with money ----------------------------------------

def _titled_amount_projects(ctx: _Context, part: Part, taken: list[tuple[int, int]],
                            headings: list[_Heading]) -> list[_Project]:
    s = ctx.s
    lines = _lines(s, part.start, part.end)
    blocks = _blocks(lines)
    heading_starts = {h.start for h in headings}
    titles = [b for b in blocks if _is_title_line(b)]
    # Column values that PDF extraction glued before many titles ("Innovatie X", "Innovatie Y").
    firsts: dict[str, int] = {}
    for b in titles:
        w = b.lines[0].text.split()
        for n in (1, 2):
            if len(w) > n:
                firsts[" ".join(w[:n])] = firsts.get(" ".join(w[:n]), 0) + 1
    out: dict[int, _Project] = {}
    for a in ctx.amounts_in(part.start, part.end):
        if any(lo <= a.start < hi for lo, hi in taken):
            continue
        bi = next((i for i, b in enumerate(blocks) if b.start <= a.start <= b.end), None)
        if bi is None:
            continue
        title_block = None
        for j in range(bi, max(-1, bi - 4), -1):
            b = blocks[j]
            upto = a.start if j == bi else b.end
            if any(b.start - 2 <= hs < upto for hs in heading_starts):
                break
            if any(_is_header_line(line.text) for line in b.lines if line.start < upto):
                break
            if _is_title_line(b):
                title_block = b
                break
        if title_block is None:
            continue
        first = title_block.lines[0]
        title = first.text.strip()
        st = first.start + (len(first.text) - len(first.text.lstrip()))
        for n in (2, 1):
            w = title.split()
            pre = " ".join(w[:n])
            if len(w) > n + 1 and firsts.get(pre, 0) >= 3:
                cut = title.index(w[n], len(pre))
                title, st = title[cut:], st + cut
                break
        name = re.sub(r"\s*\([^)]*\)\s*$", "", title).strip()
        key = title_block.start
        p = out.get(key)
        if p is None:
            p = out[key] = _Project(name=name, name_start=st, name_end=st + len(name), start=st,
                                    end=st + len(name), scope=(title_block.start, a.end), layout="titled")
            p.scope_amounts = False
        p.scope = (p.scope[0], max(p.scope[1], _block_end(blocks, bi)))
        p.amounts.append((a, _role(s, a)))
    return list(out.values())


def _block_end(blocks: list[_Block], i: int) -> int:
    return blocks[i].end
