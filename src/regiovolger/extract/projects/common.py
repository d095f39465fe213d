"""Shared pieces of project extraction: size classes, text lines and blocks, the
project record, the per-file context (amounts, municipalities, organisations,
regions, size legend), money roles, and the municipalities and organisations
a project touches.

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

from ...document import Part, Text
from ..amounts import AmountMatch, find_amounts
from ..municipalities import current_successor, find_municipalities
from ..organisations import find_organisations, org_key


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
    excluded: list[tuple[AmountMatch, str | None, str]] = field(default_factory=list)  # set aside, with why
    confidence: float | None = None  # the sentence ranker's probability, for a project only it found


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


def _first_sentence(text: str) -> str:
    t = _clean(text)
    m = re.search(r"(?<=[a-z0-9)\]])[.!?](?=\s+[A-Z(]|$)", t)
    return t[:m.start()] if m else t


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


def _money(p: _Project, counted: dict[tuple[int, int], str] | None = None) -> dict[str, Decimal | None]:
    """The project's money fields, each the sum of its amounts; ``counted`` learns which field took which amount."""
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
        if counted is not None:
            counted[(a.start, a.end)] = key
    return out


_REQUEST_WORDS = re.compile(r"gevraagd|aangevraagd|aanvraag|verzoek|vragen", re.I)
_amount_ctx: dict[int, str] = {}


def _requested(a: AmountMatch) -> bool:
    return bool(_REQUEST_WORDS.search(_amount_ctx.get(a.start, "")))


# --- municipalities and organisations of a project ---------------------------

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
                    from ..municipalities import by_code

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
