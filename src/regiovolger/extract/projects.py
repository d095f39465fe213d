"""Projects, programmes and their money.

Four layouts of Dutch governance writing are read, each by general rules:

* **programme tables** (uitvoeringsprogramma, jaarplan): a project cell holds a
  size class ("Klein project", "Middelgroot project", "Groot project",
  "Omvang: groot") and/or the administrative client ("BO:", "Bestuurlijk
  opdrachtgever:"). PDF extraction flattens such tables so the goal and
  activity columns come first and the cell last; the project's name is found
  on the line before the cell, in a title line opening the row, in a line
  naming a project/programme/pilot, or in the activity's first sentence. Rows
  are bounded by table headers, headings, earlier cells, separator lines and
  the goal text that the table repeats for every row.
* **application forms and assessment reports**: numbered form fields ("Naam
  project", "Aanvrager", "Looptijd", "Totale kosten", "Cofinanciering",
  "Gevraagde subsidie"), criteria answered JA/NEE and a "Besluit:"/"Advies:".
  Proposals whose subject is a project add their portfolio holder and request.
  Parts that describe the same project (same name or abbreviation) merge.
* **memos and reports** that give each pilot or project a title line followed
  by a paragraph that names it again, with the municipalities and partners
  in that paragraph.
* **titled activities with money** in programme documents: an amount in a
  paragraph under a short title line.

Municipalities are resolved with the CBS registry (former ones keep their code
and get their successor); when a document lists the members of a region
("... van negen gemeenten: A, B, ... en I"), a project that speaks of the
region, its region name or "de N gemeenten" touches all of them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from ..document import Part, Text
from .amounts import AmountMatch, find_amounts
from .dates import MONTHS, find_dates
from .evidence import evidence
from .municipalities import current_successor, find_municipalities, lookup
from .organisations import find_organisations, org_key

__all__ = ["extract_projects", "SIZE_HOURS", "size_from_word"]

# Hours per week per size class; a document's own legend overrides these.
SIZE_HOURS: dict[str, dict[str, int | None]] = {
    "small": {"min": 0, "max": 4},
    "medium": {"min": 4, "max": 12},
    "large": {"min": 12, "max": None},
}


def size_from_word(word: str) -> str | None:
    w = word.lower()
    if w.startswith("middel"):
        return "medium"
    if w.startswith("klein"):
        return "small"
    if w.startswith("gro"):
        return "large"
    return None


# --- small text helpers -------------------------------------------------------

def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def _squash(s: str) -> str:
    """Letters and digits only, folded: for "does the body name the title" tests."""
    return re.sub(r"[^a-z0-9]", "", _fold(s))


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _words(s: str) -> list[str]:
    return s.split()


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(s: str, start: int, end: int) -> list[_Line]:
    out = []
    pos = start
    while pos < end:
        nl = s.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append(_Line(pos, stop, s[pos:stop]))
        pos = stop + 1
    return out


@dataclass
class _Block:
    lines: list[_Line]

    @property
    def start(self) -> int:
        return self.lines[0].start + (len(self.lines[0].text) - len(self.lines[0].text.lstrip()))

    @property
    def end(self) -> int:
        return self.lines[-1].start + len(self.lines[-1].text.rstrip())

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _blocks(lines: list[_Line]) -> list[_Block]:
    blocks, cur = [], []
    for line in lines:
        if line.blank:
            if cur:
                blocks.append(_Block(cur))
                cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(_Block(cur))
    return blocks


# --- project record -----------------------------------------------------------

@dataclass
class _Project:
    name: str
    name_start: int
    name_end: int
    start: int  # evidence span
    end: int
    scope: tuple[int, int]  # text whose amounts, municipalities and organisations belong to it
    kind: str = "project"
    layout: str = "table"
    size: str | None = None
    clients: list[dict] = field(default_factory=list)  # {"name", "role"}
    programme_path: list[str] = field(default_factory=list)
    programme: str | None = None
    programme_line: str | None = None
    goal: str | None = None
    applicant: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    amounts: list[tuple[AmountMatch, str | None]] = field(default_factory=list)
    assessment: dict | None = None
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    scope_amounts: bool = True


# --- shared context -----------------------------------------------------------

class _Context:
    def __init__(self, text: Text, parts: list[Part]):
        self.text = text
        self.s = text.text
        self.parts = parts
        self.amounts = find_amounts(self.s)
        self._amount_starts = [a.start for a in self.amounts]
        self.mentions = find_municipalities(self.s)
        self._mention_starts = [m.start for m in self.mentions]
        self.orgs = find_organisations(self.s)
        self._org_starts = [o.start for o in self.orgs]
        self.regions = _regions(self.s, self.mentions)
        self.hours = _size_legend(self.s)

    def amounts_in(self, lo: int, hi: int) -> list[AmountMatch]:
        i = bisect_right(self._amount_starts, lo - 1)
        out = []
        while i < len(self.amounts) and self.amounts[i].start < hi:
            if self.amounts[i].end <= hi:
                out.append(self.amounts[i])
            i += 1
        return out

    def mentions_in(self, lo: int, hi: int):
        i = bisect_right(self._mention_starts, lo - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            out.append(self.mentions[i])
            i += 1
        return out

    def orgs_in(self, lo: int, hi: int):
        i = bisect_right(self._org_starts, lo - 1)
        out = []
        while i < len(self.orgs) and self.orgs[i].start < hi:
            out.append(self.orgs[i])
            i += 1
        return out


_NUMBER_WORDS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
                 "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
                 "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20}
_NUM_WORD = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
# "X is het samenwerkingsverband van negen gemeenten in Y: A, B, ... en I."
_REGION_LIST_RE = re.compile(
    r"(?P<count>" + _NUM_WORD + r")\s+(?:deelnemende\s+|samenwerkende\s+|aangesloten\s+)?gemeenten"
    r"(?P<tail>[^:.\n]{0,60}):\s*(?P<list>[^.]{3,400}?)(?:\.|\n\s*\n)", re.I)
_REGION_NAME_RE = re.compile(r"(?:^|[\n.•]\s*)(?P<name>[A-Z][^\n.:]{2,60}?)\s+(?:is|zijn|vormt|vormen)\s+"
                             r"(?:het|de|een)\s+[^\n.]{0,40}$")


@dataclass
class _Region:
    names: list[str]  # how the document calls the region
    codes: list[str]  # CBS codes of its members
    count: int


def _regions(s: str, mentions) -> list[_Region]:
    regions = []
    starts = [m.start for m in mentions]
    for m in _REGION_LIST_RE.finditer(s):
        raw = m.group("count").lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 0)
        lo, hi = m.start("list"), m.end("list")
        i = bisect_right(starts, lo - 1)
        codes = []
        while i < len(mentions) and mentions[i].start < hi:
            if mentions[i].cbs_code not in codes:
                codes.append(mentions[i].cbs_code)
            i += 1
        if len(codes) < 2 or (count and abs(len(codes) - count) > 1):
            continue
        names = []
        before = s[max(0, m.start() - 200):m.start()]
        nm = _REGION_NAME_RE.search(before)
        if nm:
            names.append(_clean(nm.group("name")).lstrip("• "))
        tail = _clean(m.group("tail"))
        t = re.match(r"(?:in|van|uit)\s+(?:de\s+regio\s+)?([A-Z][\w\- ]+)$", tail)
        if t:
            names.append(t.group(1).strip())
        regions.append(_Region(names, codes, count or len(codes)))
    return regions


_LEGEND_RE = re.compile(
    r"\b(?P<size>klein\w*|middelgro\w*|middel|gro(?:o|t)\w*)\s+(?:project\w*\s*)?"
    r"(?P<op><|>|=|≤|≥|tot|van|minder\s+dan|meer\s+dan)?\s*(?P<a>\d{1,2})\s*(?:[-–—]|tot)?\s*(?P<b>\d{1,2})?"
    r"\s*(?:uur|u\.?)\s*(?:/|per\s+)\s*(?:week|wk)", re.I)


def _size_legend(s: str) -> dict[str, dict[str, int | None]]:
    hours = {k: dict(v) for k, v in SIZE_HOURS.items()}
    for m in _LEGEND_RE.finditer(s):
        size = size_from_word(m.group("size"))
        if not size:
            continue
        a, b = int(m.group("a")), m.group("b")
        op = (m.group("op") or "").lower()
        if b:
            hours[size] = {"min": a, "max": int(b)}
        elif op in ("<", "≤", "tot") or op.startswith("minder"):
            hours[size] = {"min": 0, "max": a}
        elif op in (">", "≥") or op.startswith("meer"):
            hours[size] = {"min": a, "max": None}
    return hours


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


def _first_sentence(text: str) -> str:
    t = _clean(text)
    m = re.search(r"(?<=[a-z0-9)\]])[.!?](?=\s+[A-Z(]|$)", t)
    return t[:m.start()] if m else t


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


def _sentence_around(s: str, start: int, end: int) -> str:
    lo = max(s.rfind(". ", 0, start), s.rfind("\n\n", 0, start), 0)
    hi_candidates = [i for i in (s.find(". ", end), s.find("\n\n", end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(s)
    return s[lo:hi]


# --- money roles -----------------------------------------------------------------

_PART_OF_RE = re.compile(r"^\s*van\s+(?:de|het|een\s+totaal\s+van)\s*$", re.I)
_TOTAL_BEFORE_RE = re.compile(r"\b(?:totale?|totaal)\b[^.\n€]{0,40}$", re.I)


def _role(s: str, a: AmountMatch, label: str | None = None) -> str | None:
    """The amount's role for a project: the form label decides, else the sentence."""
    if label:
        return label
    # "€ 15.000 van de € 30.000": the second is the whole.
    before = s[max(0, a.start - 12):a.start]
    if _PART_OF_RE.search(before) or re.search(r"\bvan\s+de\s*$", before, re.I):
        return "budget"
    if _TOTAL_BEFORE_RE.search(s[max(0, a.start - 60):a.start]):
        return "cost_total"
    return a.role


def _money(p: _Project) -> dict[str, Decimal | None]:
    out: dict[str, Decimal | None] = {"total_cost_eur": None, "cofinancing_eur": None, "requested_eur": None,
                                      "budget_eur": None}
    keys = {"cost_total": "total_cost_eur", "cofinancing": "cofinancing_eur", "requested": "requested_eur",
            "subsidy_requested": "requested_eur", "budget": "budget_eur", None: "budget_eur",
            "cost": "total_cost_eur"}
    seen = set()
    periodic = re.compile(r"per\s+(?:jaar|maand|kwartaal)|p\.\s?j\.|/\s?(?:jaar|jr|maand)")
    plain_roles = {role for a, role in p.amounts if not periodic.search(a.text)}
    for a, role in p.amounts:
        if a.value_eur is None or (a.start, a.end) in seen:
            continue
        if periodic.search(a.text) and role in plain_roles:
            continue  # a yearly slice of an amount already counted
        seen.add((a.start, a.end))
        if role == "subsidy" and not _requested(a):
            continue  # a granted subsidy stays in "amounts" only
        if role == "subsidy":
            role = "requested"
        key = keys.get(role)
        if key is None:
            continue
        out[key] = (out[key] or Decimal(0)) + a.value_eur
    return out


_REQUEST_WORDS = re.compile(r"gevraagd|aangevraagd|aanvraag|verzoek|vragen", re.I)
_amount_ctx: dict[int, str] = {}


def _requested(a: AmountMatch) -> bool:
    return bool(_REQUEST_WORDS.search(_amount_ctx.get(a.start, "")))


# --- layout 2: forms, assessments, proposals ------------------------------------

_FIELD_LABELS: list[tuple[str, str]] = [
    ("name", r"(?:naam\s+(?:van\s+(?:het\s+)?)?project|projectnaam|titel\s+(?:van\s+(?:het\s+)?)?project|projecttitel)"),
    ("applicant", r"(?:aanvrager|aanvragende\s+organisatie|penvoerder|indiener)"),
    ("period", r"(?:looptijd(?:\s+van\s+het\s+project)?|projectperiode|uitvoeringsperiode|periode)"),
    ("start", r"(?:startdatum|begindatum|aanvang)"),
    ("end", r"(?:einddatum|afronding)"),
    ("line", r"(?:(?:primaire|betrokken)\s+thematafel(?:\(s\))?|thematafel|programmalijn|thema|speerpunt)"),
    ("goal", r"(?:doel(?:/effect)?\s+van\s+het\s+project|doelstelling|projectdoel)"),
]
_MONEY_LABELS: list[tuple[str, str]] = [
    ("cost_total", r"totale\s+(?:project)?kosten|totaal\s+(?:project)?kosten|projectkosten\s+totaal|totale\s+begroting"),
    ("cofinancing", r"co-?financiering|eigen\s+bijdrage|bijdrage\s+(?:van\s+)?(?:partners|derden)"),
    ("requested", r"gevraagde\s+(?:subsidie|bijdrage)|aangevraagd(?:e)?\s+(?:bedrag|subsidie)|subsidieaanvraag"
                  r"|gevraagd\s+bedrag"),
]
_FIELD_RE = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)]?[ \t]+|[a-z][.)][ \t]+)?(?P<label>" + "|".join(f"(?P<{k}>{v})" for k, v in _FIELD_LABELS)
    + r")\b[ \t]*(?P<rest>[^\n]*)$", re.M | re.I)
_MONEY_RE = re.compile(r"(?P<label>" + "|".join(f"(?P<{k}>{v})" for k, v in _MONEY_LABELS) + r")", re.I)
_CRITERIA_HEAD_RE = re.compile(r"(?:toetsings|beoordelings)?criteri(?:a|um)\b", re.I)
_ANSWER_RE = re.compile(r"(?:^|(?<=:)|(?<=:\s))[ \t]*(?P<ans>JA|NEE|Ja|Nee)(?![\w])", re.M)
_DECISION_RE = re.compile(r"^[ \t]*(?P<label>Besluit|Advies|Eindoordeel|Conclusie|Oordeel)[ \t]*:[ \t]*(?P<value>\S[^\n]*)",
                          re.M)
_POSITIVE_RE = re.compile(r"\b(?:instemm\w*|akkoord|positie\w*|toe\s*kennen|toekenn\w*|honorer\w*|goedkeur\w*|"
                          r"goedgekeurd|verlenen)\b", re.I)
_NEGATIVE_RE = re.compile(r"\b(?:afwijz\w*|afgewezen|negatie\w*|niet\s+(?:honoreren|toekennen|instemmen)|weiger\w*)\b",
                          re.I)
_MONTH_YEAR_RE = re.compile(r"\b(?P<month>" + "|".join(sorted((m for m in MONTHS if len(m) > 2), key=len, reverse=True))
                            + r")\.?\s+(?P<year>(?:19|20)\d{2})\b", re.I)
_YEAR_RANGE_RE = re.compile(r"\b(?P<a>(?:19|20)\d{2})\s*(?:[-–—]|t/m|tot(?:\s+en\s+met)?)\s*(?P<b>(?:19|20)\d{2})\b")


def _field_value(s: str, lines: list[_Line], m: re.Match, hi: int) -> tuple[str, int, int] | None:
    """The value of a form field: on the label line after ":" or on the next content line."""
    rest = m.group("rest")
    label_end = m.end("label")
    # Skip an instruction in parentheses that may run over lines: "(dit moet een\nrechtspersoon zijn)".
    after = s[label_end:hi]
    skip = re.match(r"[ \t]*(?:\([^)]*\)[ \t]*)?[:]?[ \t]*", after)
    pos = label_end + (skip.end() if skip else 0)
    if rest.count("(") > rest.count(")"):
        close = s.find(")", label_end, hi)
        if close < 0:
            return None
        pos = close + 1
    line_end = s.find("\n", pos)
    line_end = hi if line_end < 0 or line_end > hi else line_end
    same = s[pos:line_end].strip(" \t:")
    if same and not re.fullmatch(r"\([^)]*\)", same):
        st = pos + (len(s[pos:line_end]) - len(s[pos:line_end].lstrip(" \t:")))
        return _clean(same), st, st + len(same)
    for line in lines:
        if line.start <= line_end or line.start >= hi:
            continue
        t = line.text.strip()
        if not t or re.fullmatch(r"\(.*\)", t):
            continue
        if _FIELD_RE.match(line.text) or re.match(r"\d{1,2}[.)]?\s+[A-Z]", t):
            return None
        st = line.start + (len(line.text) - len(line.text.lstrip()))
        return _clean(t), st, st + len(t)
    return None


def _period(value: str) -> tuple[str | None, str | None]:
    dates = find_dates(value)
    full = [d for d in dates if d.year]
    if len(dates) >= 2:
        first, last = dates[0], dates[-1]
        own = re.match(r"[ \t]*((?:19|20)\d{2})\b", value[first.end:])
        y1 = first.year or (int(own.group(1)) if own else last.year)
        start = _ymd(y1, first.month, first.day, begin=True)
        end = _ymd(last.year, last.month, last.day, begin=False)
        if start or end:
            return start, end
    months = list(_MONTH_YEAR_RE.finditer(value))
    if len(months) >= 2:
        a, b = months[0], months[-1]
        return (_ymd(int(a.group("year")), MONTHS[a.group("month").lower()], None, True),
                _ymd(int(b.group("year")), MONTHS[b.group("month").lower()], None, False))
    yr = _YEAR_RANGE_RE.search(value)
    if yr:
        return f"{yr.group('a')}-01-01", f"{yr.group('b')}-12-31"
    if len(full) == 1:
        d = full[0]
        return _ymd(d.year, d.month, d.day, True), None
    return None, None


def _ymd(year, month, day, begin: bool) -> str | None:
    import calendar

    if not year:
        return None
    if not month:
        month = 1 if begin else 12
    if not day:
        day = 1 if begin else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def _form_project(ctx: _Context, part: Part) -> _Project | None:
    s = ctx.s
    lines = _lines(s, part.start, part.end)
    fields: dict[str, tuple[str, int, int]] = {}
    for m in _FIELD_RE.finditer(s, part.start, part.end):
        key = next(k for k, _ in _FIELD_LABELS if m.group(k))
        if key in fields:
            continue
        got = _field_value(s, lines, m, part.end)
        if got:
            fields[key] = got
    money: list[tuple[AmountMatch, str]] = []
    for m in _MONEY_RE.finditer(s, part.start, part.end):
        key = next(k for k, _ in _MONEY_LABELS if m.group(k))
        # The label must start a line or a table cell, not be a word in prose.
        line_start = s.rfind("\n", 0, m.start()) + 1
        if len(s[line_start:m.start()].split()) > 1:
            continue
        nxt = _MONEY_RE.search(s, m.end(), part.end)
        hi = min(m.end() + 250, nxt.start() if nxt else part.end)
        amounts = ctx.amounts_in(m.end(), hi)
        if amounts and not any(a is x for x, _ in money for a in amounts[:1]):
            money.append((amounts[0], key))
    # A blank form: placeholders ("|", "....") or instructions instead of values.
    for key in list(fields):
        value = fields[key][0]
        if len(re.findall(r"[^\W\d_]", value)) < 2 or (key in ("name", "applicant") and len(value.split()) > 12):
            del fields[key]
    if "name" not in fields and not money:
        return None
    if "name" in fields:
        name, n_start, n_end = fields["name"]
    else:
        name, n_start, n_end = part.title or "", part.start, part.start
        if not name:
            return None
    p = _Project(name=name, name_start=n_start, name_end=n_end, start=n_start, end=n_end,
                 scope=(part.start, part.end), layout=part.type, kind="project")
    p.scope_amounts = False
    p.amounts = list(money)
    if "applicant" in fields:
        p.applicant = fields["applicant"][0]
    if "line" in fields:
        p.programme_line = fields["line"][0]
    if "goal" in fields:
        p.goal = fields["goal"][0]
    for key in ("period", "start", "end"):
        if key in fields:
            a, b = _period(fields[key][0])
            if key == "period":
                p.start_date, p.end_date = p.start_date or a, p.end_date or b
            elif key == "start":
                p.start_date = p.start_date or a
            else:
                p.end_date = p.end_date or a or b
    p.programme = _form_programme(part.title)
    if p.programme:
        p.programme_path = [p.programme] + ([p.programme_line] if p.programme_line else [])
    if part.type == "assessment_report" or _CRITERIA_HEAD_RE.search(s, part.start, part.end):
        p.assessment = _assessment(s, part)
    p.extra_spans = [(n_start, n_end)]
    return p


def _form_programme(title: str | None) -> str | None:
    """ "Aanvraagformulier project Visie 2030 – deel I" → "Visie 2030"."""
    if not title:
        return None
    t = re.sub(r"^(?:aanvraagformulier|rapport\s+van\s+bevindingen|beoordelings(?:formulier|rapport)|"
               r"subsidieaanvraag|projectaanvraag)\s*", "", title, flags=re.I)
    for _ in range(3):
        t = re.sub(r"^(?:projecten|project|subsidie|programma)\s+", "", t, flags=re.I)
    t = re.sub(r"\s*[–-]\s*deel\s+\w+.*$|\s*\(versie.*$", "", t, flags=re.I).strip()
    return t or None


def _assessment(s: str, part: Part) -> dict | None:
    head = _CRITERIA_HEAD_RE.search(s, part.start, part.end)
    criteria = []
    if head:
        lo = s.find("\n", head.end()) + 1
        nxt = re.compile(r"^[ \t]*\d{1,2}\.[ \t]+[A-Z]", re.M).search(s, lo, part.end)
        hi = nxt.start() if nxt else part.end
        lines = _lines(s, lo, hi)
        for m in _ANSWER_RE.finditer(s, lo, hi):
            line_start = s.rfind("\n", 0, m.start()) + 1
            same = s[line_start:m.start()].strip()
            if same:
                crit = same
            else:
                idx = next((i for i, line in enumerate(lines) if line.start == line_start), None)
                if idx is None:
                    continue
                chunk: list[str] = []
                i = idx - 1
                while i >= 0 and lines[i].blank:
                    i -= 1
                while i >= 0 and not lines[i].blank and not _CRITERIA_HEAD_RE.search(lines[i].text):
                    chunk.insert(0, lines[i].text)
                    i -= 1
                # A criterion broken by a blank line continues in lower case.
                if chunk and chunk[0].strip()[:1].islower():
                    while i >= 0 and lines[i].blank:
                        i -= 1
                    while i >= 0 and not lines[i].blank and not _CRITERIA_HEAD_RE.search(lines[i].text):
                        chunk.insert(0, lines[i].text)
                        i -= 1
                crit = _clean(" ".join(chunk))
            crit = crit.rstrip(" :")
            if crit:
                criteria.append({"criterion": crit, "met": m.group("ans").lower() == "ja"})
    decision = None
    d = _DECISION_RE.search(s, part.start, part.end)
    if d:
        text = d.group("value")
        rest = s[d.end():part.end]
        cont = re.match(r"\s*\n\s*([a-z][^\n]*(?:\n[ \t]*[^\n\s][^\n]*)*)", rest)
        if cont:
            text += " " + cont.group(1)
        text = _clean(text)
        outcome = "negative" if _NEGATIVE_RE.search(text) else "positive" if _POSITIVE_RE.search(text) else None
        decision = {"text": text, "outcome": outcome, "label": d.group("label")}
    if not criteria and not decision:
        return None
    return {"criteria": criteria, "decision": decision}


_HEADER_LABELS = ("onderwerp", "portefeuillehouder", "agendapunt")


def _header_fields(s: str, part: Part) -> dict[str, tuple[str, int, int]]:
    """ "Onderwerp : X" inline, or a run of labels followed by a run of ": value" lines."""
    head_hi = min(part.end, part.start + 2500)
    out: dict[str, tuple[str, int, int]] = {}
    for m in re.finditer(r"^[ \t]*(?P<label>Onderwerp|Portefeuillehouder)[ \t]*:[ \t]*(?P<v>\S[^\n]*)$",
                         s[part.start:head_hi], re.M | re.I):
        st = part.start + m.start("v")
        out.setdefault(m.group("label").lower(), (_clean(m.group("v")), st, st + len(m.group("v").rstrip())))
    lines = [ln for ln in _lines(s, part.start, head_hi) if not ln.blank]
    i = 0
    while i < len(lines):
        if lines[i].text.lstrip().startswith(":"):
            j = i
            while j < len(lines) and lines[j].text.lstrip().startswith(":"):
                j += 1
            values = lines[i:j]
            labels = lines[max(0, i - len(values)):i]
            if len(labels) == len(values):
                for lab, val in zip(labels, values):
                    key = lab.text.strip().lower()
                    if key in _HEADER_LABELS:
                        v = val.text.strip()[1:].strip()
                        st = val.start + val.text.find(v) if v else val.start
                        out.setdefault(key, (v, st, st + len(v)))
            i = j
        else:
            i += 1
    return out


_SUBJECT_PROJECT_RE = re.compile(r"^(?:project|pilot|proeftuin|subsidieaanvraag|projectaanvraag)\b[ \t:]*", re.I)
_SALUTATION_RE = re.compile(r"^(?:de\s+heer|mevrouw|mevr\.|mw\.|dhr\.|wethouder|gedeputeerde|burgemeester)\s+", re.I)


def _proposal_project(ctx: _Context, part: Part) -> _Project | None:
    s = ctx.s
    fields = _header_fields(s, part)
    subject = fields.get("onderwerp")
    if not subject or not _SUBJECT_PROJECT_RE.match(subject[0]):
        return None
    name, st, en = subject
    p = _Project(name=name, name_start=st, name_end=en, start=st, end=en, scope=(part.start, part.end),
                 layout="proposal")
    p.scope_amounts = False
    holder = fields.get("portefeuillehouder")
    if holder and holder[0]:
        p.clients = [{"name": _SALUTATION_RE.sub("", holder[0]).strip(), "role": "portefeuillehouder"}]
    for a in ctx.amounts_in(part.start, part.end):
        sent = _sentence_around(s, a.start, a.end)
        if _REQUEST_WORDS.search(sent) and a.role in ("subsidy", None, "budget"):
            p.amounts.append((a, "requested"))
            break
    m = re.search(r"looptijd[^:\n]*:\s*([^\n]+)", s[part.start:part.end], re.I)
    if m:
        p.start_date, p.end_date = _period(m.group(1))
    return p


def _acronym(name: str) -> str | None:
    m = re.search(r"\(([A-Z][A-Z0-9&\-]{1,9})\)", name)
    return m.group(1) if m else None


def _same_project(a: _Project, b: _Project) -> bool:
    if _acronym(a.name) and _acronym(a.name) == _acronym(b.name):
        return True
    ka = _squash(re.sub(r"\([^)]*\)", "", a.name))
    kb = _squash(re.sub(r"\([^)]*\)", "", b.name))
    if len(ka) >= 8 and len(kb) >= 8 and (ka in kb or kb in ka):
        return True
    strip = re.compile(r"^(?:project|pilot|continueren|voortzetten|vervolg|uitvoering)", re.I)
    ka2, kb2 = strip.sub("", ka), strip.sub("", kb)
    return len(ka2) >= 8 and len(kb2) >= 8 and (ka2 in kb2 or kb2 in ka2)


def _merge(into: _Project, other: _Project) -> None:
    if other.layout == "application_form" and into.layout != "application_form":
        into.name, into.name_start, into.name_end = other.name, other.name_start, other.name_end
        into.start, into.end = other.start, other.end
    for attr in ("applicant", "start_date", "end_date", "programme", "programme_line", "goal", "assessment", "size"):
        if getattr(into, attr) in (None, [], "") and getattr(other, attr):
            setattr(into, attr, getattr(other, attr))
    if not into.programme_path and other.programme_path:
        into.programme_path = other.programme_path
    have_roles = {role for _, role in into.amounts}
    for a, role in other.amounts:
        if role not in have_roles:
            into.amounts.append((a, role))
    names = {c["name"] for c in into.clients}
    into.clients += [c for c in other.clients if c["name"] not in names]
    into.extra_spans += [(other.start, other.end)] + other.extra_spans


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


# --- assembly ---------------------------------------------------------------------

_REGION_WORD_RE = re.compile(r"\bregio(?:'s|gemeenten|breed|nale?|bod|budget)?\b|\bregiogemeenten\b", re.I)


def _municipalities(ctx: _Context, p: _Project) -> tuple[list[str], list[str], dict, list[str]]:
    lo, hi = p.scope
    names, codes = [], []
    for m in ctx.mentions_in(lo, hi):
        if re.search(r"\b(?:plaats|te)\s*:?\s*$", ctx.s[max(0, m.start - 12):m.start], re.I):
            continue  # where a form was signed, not where the project works
        if m.cbs_code not in codes:
            codes.append(m.cbs_code)
            names.append(m.name)
    via = []
    scope_text = ctx.s[lo:hi]
    for region in ctx.regions:
        hit = any(n and re.search(re.escape(n), scope_text) for n in region.names)
        count_words = [k for k, v in _NUMBER_WORDS.items() if v == region.count] + [str(region.count)]
        hit = hit or bool(re.search(r"\b(?:alle|de)\s+(?:" + "|".join(count_words) + r")\s+gemeenten\b",
                                    scope_text, re.I))
        hit = hit or bool(_REGION_WORD_RE.search(scope_text))
        if hit and len(ctx.regions) == 1 or (hit and any(n and n in scope_text for n in region.names)):
            via.append(region.names[0] if region.names else "regio")
            for code in region.codes:
                if code not in codes:
                    codes.append(code)
                    from .municipalities import by_code

                    mm = by_code(code)
                    names.append(mm.name if mm else code)
    successors = {}
    for code in codes:
        succ = current_successor(code)
        if succ and succ.cbs_code != code:
            successors[code] = succ.cbs_code
    return names, codes, successors, via


def _organisations(ctx: _Context, p: _Project) -> list[str]:
    out, keys = [], set()
    for o in ctx.orgs_in(*p.scope):
        if org_key(o.name) not in keys:
            keys.add(org_key(o.name))
            out.append(o.name)
    return out


def _number(v: Decimal | None):
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else float(v)


def _to_contract(ctx: _Context, p: _Project, n: int) -> dict:
    text, parts = ctx.text, ctx.parts
    if p.scope_amounts:
        seen = {(a.start, a.end) for a, _ in p.amounts}
        for a in ctx.amounts_in(*p.scope):
            if (a.start, a.end) not in seen:
                p.amounts.append((a, _role(ctx.s, a)))
    for a, _ in p.amounts:
        _amount_ctx[a.start] = _sentence_around(ctx.s, a.start, a.end)
    money = _money(p)
    names, codes, successors, via = _municipalities(ctx, p)
    hours = ctx.hours.get(p.size) if p.size else None
    role_names = {"cost_total": "cost", "requested": "subsidy", "subsidy_requested": "subsidy"}
    item = {
        "id": f"pr{n}",
        "name": _clean(p.name),
        "kind": p.kind,
        "programme": p.programme,
        "programme_line": p.programme_line,
        "programme_path": p.programme_path,
        "goal": p.goal,
        "size": p.size,
        "hours_per_week": dict(hours) if hours else None,
        "administrative_clients": [c["name"] for c in p.clients],
        "administrative_client_roles": p.clients,
        "applicant": p.applicant,
        "start": p.start_date,
        "end": p.end_date,
        **{k: _number(v) for k, v in money.items()},
        "amounts": [
            {"text": a.text, "value_eur": _number(a.value_eur), "max_eur": _number(a.max_eur),
             "role": role_names.get(role, role) if role else None,
             "evidence": evidence(text, parts, a.start, a.end)}
            for a, role in sorted(p.amounts, key=lambda x: x[0].start)
        ],
        "municipalities": names,
        "municipality_codes": codes,
        "municipality_successors": successors,
        "municipalities_via_region": via,
        "organisations": _organisations(ctx, p),
        "evidence": evidence(text, parts, p.start, p.end),
    }
    if p.assessment:
        item["assessment"] = p.assessment
    extra = [evidence(text, parts, a, b) for a, b in p.extra_spans if (a, b) != (p.start, p.end)]
    if extra:
        item["evidence_more"] = extra
    return item


def extract_projects(text: Text, parts: list[Part]) -> list[dict]:
    """Every project, pilot or funded activity in the file, as contract ``projects`` items."""
    ctx = _Context(text, parts)
    s = ctx.s
    found: list[_Project] = []
    forms: list[_Project] = []
    for part in parts:
        headings = _headings(s, part.start, part.end)
        root = part.title.strip() if part.title and part.type == "programme" else None
        table = _table_projects(ctx, part, headings)
        for p in table:
            p.programme_path, p.programme, p.programme_line = _path_at(headings, p.start, root)
        found += table
        if part.type in ("application_form", "assessment_report"):
            fp = _form_project(ctx, part)
            if fp:
                forms.append(fp)
        elif part.type == "proposal":
            pp = _proposal_project(ctx, part)
            if pp:
                forms.append(pp)
        if part.type in ("memo", "letter", "policy_report", "other", "parliamentary_letter") and not table:
            memo = _memo_projects(ctx, part)
            programme = _memo_programme(s, part)
            for p in memo:
                p.programme = programme
                p.programme_path = [programme] if programme else []
            found += memo
        if part.type in ("programme", "budget", "policy_report", "other") or table:
            taken = [p.scope for p in found if p.scope[0] >= part.start and p.scope[1] <= part.end]
            titled = _titled_amount_projects(ctx, part, taken, headings)
            for p in titled:
                p.programme_path, p.programme, p.programme_line = _path_at(headings, p.start, root)
            found += titled
    # Parts about one project (form, assessment, proposal) become one record.
    merged: list[_Project] = []
    order = {"application_form": 0, "assessment_report": 1, "proposal": 2}
    for p in sorted(forms, key=lambda x: order.get(x.layout, 3)):
        target = next((m for m in merged if _same_project(m, p)), None)
        if target:
            _merge(target, p)
        else:
            merged.append(p)
    found += merged
    found.sort(key=lambda p: p.start)
    _amount_ctx.clear()
    return [_to_contract(ctx, p, i) for i, p in enumerate(found, 1)]
