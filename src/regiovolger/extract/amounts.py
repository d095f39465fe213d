"""Money amounts in Dutch governance text.

``find_amounts`` scans a text once with one compiled regex and returns every
amount of money with its span, value in euros (``Decimal``), the upper bound
of a range, and a role read from the surrounding sentence or table row.

Forms covered: "€ 147.824,--", "€147.824,-", "EUR 2.500", "2.500 euro",
"€ 130 miljoen", "€ 1,2 miljard", "€ 3,5 mln", "€ 250k", "k€ 350", "2 ton",
"anderhalve ton", "een half miljoen", "200 tot 300K", "€ 10.000 - € 20.000",
"tussen de € 5.000 en € 10.000", "€ 50 à 60 duizend", "€ 4 miljoen per jaar",
"-/- € 5.000". A number only counts as money with a money cue: a currency
sign or word, the scales "k" and "ton" (Dutch for 100.000), or — for bare
"miljoen"/"miljard"/"duizend" — money words in the same sentence.

Table headers like "x € 1.000" declare a unit; they are not reported, and the
amounts below them keep their written value (we do not guess the unit).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from .amount_tables import _decimal, _tidy, table_cells
from .evidence import evidence

__all__ = ["AmountMatch", "find_amounts"]


@dataclass(frozen=True, slots=True)
class AmountMatch:
    start: int
    end: int
    text: str
    value_eur: Decimal | None
    max_eur: Decimal | None
    role: str | None


# --- the amount grammar ------------------------------------------------------

# Horizontal whitespace, optionally one line break (PDF text wraps "€ \n15.000").
_WS = r"[ \t\r\u00a0\u202f]*(?:\n[ \t\r\u00a0\u202f]*)?"
_HS = r"[ \t\u00a0\u202f]*"

_SCALE_WORDS = r"miljard|miljoen|biljoen|mld|mrd|mln|mio|duizend|dzd"
# Digits: "1.250,50", "147.824", "1,2", "2.5" (decimal point only before a scale).
_NUM = (
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![ \u00a0\u202f]?\d)"  # "€ 1 250 000"
    r"|\d+\.\d{1,2}(?=" + _HS + r"(?i:" + _SCALE_WORDS + r")\b)"
    r"|\d+(?:,\d+)?)"
    r"(?![\d%]|[.,]\d|" + _HS + r"(?:%|procent\b))"
)

_WORD_VALUES = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "vijftien": 15, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
    "honderd": 100,
}
_WORDNUM = (
    r"(?:(?:een|één)[ \t]+(?:half|halve|kwart)"
    r"|anderhalf|anderhalve"
    r"|(?:twee|drie|vier|vijf|zes|zeven|acht|negen)(?:ën|en|-en-)(?:half|halve)"
    r"|(?:" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) + r")"
    r"(?:[ \t]+en[ \t]+een[ \t]+(?:half|halve))?)"
)

# "ton" (100.000) only lower case ("TON" and "Ton" are names).
_SCALE = (
    r"(?:(?i:" + _SCALE_WORDS + r")\b"
    r"|[kK](?![\w-])"
    r"|M\b"
    r"|ton\b)"
)
# A currency sign or word after the number; "€" there must not start the next amount.
_SUFFIX = r"(?:(?i:euro(?:['’]s)?)\b|EUR\b|€(?!" + _WS + r"[-\d]))"
_PREFIX = r"(?:[kKM]€|€|(?i:eur)\b\.?)"
_DASH = r",(?:--?|=|—|–)"
_SIGN = r"-/-" + _HS + r"|[-−]" + _HS


def _part(n: int) -> str:
    """One amount (range end point) with numbered groups."""
    return (
        rf"(?:(?P<cur{n}>{_PREFIX}){_WS}(?P<sign{n}>{_SIGN})?)?"
        rf"(?:(?<![\w.,/])(?P<num{n}>{_NUM})"
        rf"|(?<![\w-])(?P<word{n}>{_WORDNUM})(?={_WS}(?:ton|(?i:miljoen|miljard|duizend))\b))"
        rf"(?:{_WS}(?P<scale{n}>{_SCALE})|(?P<dash{n}>{_DASH}))?"
        rf"(?:{_WS}(?P<suf{n}>{_SUFFIX}))?"
    )


_SEP = r"(?:-|–|—|tot(?:[ \t]+en[ \t]+met)?|t/m|à|á|a|en)"
_PERIOD = (
    r"(?:[ \t]+(?:per[ \t]+(?:jaar|maand|kwartaal|week|dag|uur)|p\.[ \t]?j\.|"
    r"/[ \t]?(?:jaar|jr|maand|mnd|uur))\b)"
)

_PERIOD_RE = re.compile(_PERIOD)
_CUE_GROUPS = ("cur1", "suf1", "scale1", "cur2", "suf2", "scale2")
_AMOUNT_RE = re.compile(
    r"(?P<neg>-/-" + _HS + r"|[-−](?=€))?"
    r"(?P<p1>" + _part(1) + r")"
    r"(?:(?P<sep>" + _HS + _SEP + _WS + r")(?P<p2>" + _part(2) + r"))?"
    r"(?P<per>" + _PERIOD + r")?"
)
# A cheap prefilter: every amount contains a digit or a number word.
_START_RE = re.compile(r"[-−€\d]|\b(?:[kKM]€|(?i:eur)\b|" + _WORDNUM + r")")

_SCALE_VALUES = {
    "miljard": 10**9, "mld": 10**9, "mrd": 10**9, "biljoen": 10**12,
    "miljoen": 10**6, "mln": 10**6, "mio": 10**6, "m": 10**6,
    "duizend": 10**3, "dzd": 10**3, "k": 10**3, "ton": 10**5,
}
_PREFIX_SCALE = {"k€": 10**3, "m€": 10**6}
_FRACTION_WORDS = {
    "een half": Decimal("0.5"), "een halve": Decimal("0.5"), "één half": Decimal("0.5"),
    "één halve": Decimal("0.5"), "een kwart": Decimal("0.25"), "één kwart": Decimal("0.25"),
    "anderhalf": Decimal("1.5"), "anderhalve": Decimal("1.5"),
}

# "x € 1.000" / "(in € 1.000)": a unit header, not an amount.
_HEADER_BEFORE_RE = re.compile(
    r"(?:(?<!\w)[x×*]|\(" + _HS + r"in|\bbedragen" + _HS + r"in)" + _HS + r"$", re.I
)

# --- context ----------------------------------------------------------------

_ROLE_RE = re.compile(
    r"\b(?:(?P<cofinancing>co-?financ\w*|\w*?cofinanc\w*|medefinanc\w*|eigen\s+(?:bijdrage|inbreng)\w*)"
    r"|(?P<subsidy>\w*?subsidie\w*|gevraagde\s+bijdrage\w*)"
    r"|(?P<bijdrage>bijdrage\b)"
    r"|(?P<budget>\w*?budget\w*|\w*?begroting\w*|beschikba\w*|reserve\w*|\w*?krediet\w*"
    r"|gereserveerd\w*|uitgetrokken\b)"
    r"|(?P<cost>\w*?kosten\w*|kost\b|invest\w*|geïnvesteerd\b|\w*?uitgaven?\b|uitgegeven\b|lasten\b)"
    r"|(?P<savings>\w*?bespa(?:a?r)\w*|bezuinig\w*|\w*?taakstelling\w*|ombuiging\w*)"
    r"|(?P<revenue>\w*?opbrengst\w*|\w*?inkomsten\w*|baten\b|omzet\w*))",
    re.I,
)
# "een bijdrage van € X wordt gevraagd" is a request for a subsidy.
_REQUEST_RE = re.compile(r"\b(?:aan)?gevraagd\w*|\baanvra\w*|\bverzo(?:ek|cht)\w*|\bvragen\b", re.I)

# Words around a bare "30 miljoen" that make it money.
_MONEY_CUE_RE = re.compile(
    r"€|\beuro|\bEUR\b|\w*budget|\w*begroting|\w*middelen\b|\w*subsidie|\w*kosten|\bkost\b"
    r"|\binvest|\bgeïnvesteerd|\bbedrag|\bgeld|\bwaarde\b|\bomzet|\bfinanci|\bfonds"
    r"|\bbijdrage|\bkrediet|\breserve|\bbespar|\bbezuinig|\bopbrengst|\binkomsten|\buitgaven"
    r"|\btekort|\boverschot|\blening|\bbetaal|\bbetaald|\bprijs|\bbeschikba|\bgereserveerd"
    r"|\breserveren|\buitgetrokken|\buittrekken|\buitgegeven|\buitgeven|\bbeste(?:ed|den)\b",
    re.I,
)
# After a bare "miljoen": a noun other than these makes it a count ("6 miljoen mensen").
_NEXT_WORD_RE = re.compile(r"[^\S\n]*\n?[^\S\n]*([^\W\d_]+)")
_NEXT_OK = frozenset(
    "in voor per aan uit van op te tot om is was wordt werd zijn waren worden gaat gaan zal "
    "zullen kan moet extra beschikbaar bijeen nodig en of mee bij door naar met als "
    "geïnvesteerd uitgetrokken gereserveerd toegekend vrijgemaakt bespaard besteed "
    "ontvangen opgehaald meer minder structureel incidenteel jaarlijks".split()
)
# A "ton" of these is a tonne, not 100.000 euro.
_TONNE_RE = re.compile(
    r"co2|co₂|\bkg\b|\bkilo|staal|afval|uitstoot|emissie|broeikas|stikstof|\bzand\b|grond\b|"
    r"\bhout\b|beton|plastic|kunststof|\bgft\b|\bmest\b|biomassa|materiaal|grondstof|lading|"
    r"vracht|gewicht|\bcement|asfalt|\bglas\b|papier|\bvoedsel|\bgraan|\bijzer|\bkoper",
    re.I,
)

# Text around an amount that role rules may read (sentence, table row labels above).
_LOOK_BEFORE, _LOOK_AFTER = 620, 200
_LETTERS_RE = re.compile(r"[^\W\d_]{2,}")
_ROW_AMOUNT_RE = re.compile(r"€|\d\.\d{3}")
# How far (characters) a role word may stand from its amount in the same sentence.
_ROLE_BEFORE, _ROLE_AFTER = 120, 80
# A role word after the amount belongs to another clause past these: "€ X en op subsidies".
_CLAUSE_BREAK_RE = re.compile(r"[,;(]|\b(?:en|of|maar|terwijl|waarvan|waarna)\b", re.I)
# Another currency just before the number: "$13,7 mrd", "USD 5 miljoen".
_FOREIGN_RE = re.compile(r"(?:[$£¥]|\b(?:US|USD|GBP|CHF|JPY|dollar|pond)\b)[ \t\u00a0]*$", re.I)

_BOUNDARY_RE = re.compile(
    r"(?<=[.!?])[ \t]+(?=[A-Z\u00c0-\u00dd(‘'\"•])|(?<=[.!?])[ \t]*\n|\f"
    # A blank line ends a sentence unless the text goes on in lower case (PDF spacing).
    r"|\n[ \t\r\u00a0]*\n(?!\s*[a-zà-ÿ])"
)


def _word_value(word: str) -> Decimal:
    w = re.sub(r"\s+", " ", word.lower())
    if w in _FRACTION_WORDS:
        return _FRACTION_WORDS[w]
    if w.endswith(("half", "halve")):
        head = re.split(r"ën|-en-| en |en(?=half)", w)[0]
        return Decimal(_WORD_VALUES.get(head, 0)) + Decimal("0.5")
    return Decimal(_WORD_VALUES[w])


@dataclass(slots=True)
class _Point:
    """One parsed end point of an amount."""

    raw: Decimal | None
    scale: int | None  # multiplier from a scale word or "k€"
    scale_word: str | None
    currency: bool
    dotted: bool  # written with thousands separators
    negative: bool
    end: int

    @property
    def value(self) -> Decimal | None:
        if self.raw is None:
            return None
        v = _tidy(self.raw * (self.scale or 1))
        return -v if self.negative else v


def _point(m: re.Match, n: int) -> _Point:
    cur = m.group(f"cur{n}")
    scale_word = m.group(f"scale{n}")
    num = m.group(f"num{n}")
    word = m.group(f"word{n}")
    raw = _decimal(num) if num else _word_value(word)
    scale = None
    if scale_word:
        key = scale_word.lower() if scale_word != "M" else "m"
        scale = _SCALE_VALUES.get(key)
    if cur and cur.lower() in _PREFIX_SCALE:
        scale = (scale or 1) * _PREFIX_SCALE[cur.lower()]
    return _Point(
        raw=raw,
        scale=scale,
        scale_word=(scale_word.lower() if scale_word and scale_word != "M" else scale_word),
        currency=bool(cur or m.group(f"suf{n}")),
        dotted=bool(num and re.search(r"[.\s]\d{3}", num)),
        negative=bool(m.group(f"sign{n}")),
        end=m.end(f"p{n}"),
    )


class _Context:
    """Sentence bounds and money cues of one text, computed once."""

    def __init__(self, text: str):
        self.text = text
        self.bounds = [b.end() for b in _BOUNDARY_RE.finditer(text)]
        self._kw: list[tuple[int, int, str]] | None = None

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.bounds, start)
        s = self.bounds[i - 1] if i else 0
        j = bisect.bisect_left(self.bounds, end)
        e = self.bounds[j] if j < len(self.bounds) else len(self.text)
        return max(s, start - 240), min(e, end + 160)

    def is_bare_money(self, start: int, end: int) -> bool:
        """A bare "30 miljoen": money words nearby and no counted noun after it."""
        nxt = _NEXT_WORD_RE.match(self.text, end)
        if nxt:
            word = nxt.group(1).lower()
            if word not in _NEXT_OK and not _MONEY_CUE_RE.match(word):
                return False
        s, e = self.sentence(start, end)
        before = self.text[max(s, start - 100):start]
        after = self.text[end:min(e, end + 50)]
        return bool(_MONEY_CUE_RE.search(before) or _MONEY_CUE_RE.search(after))

    def is_tonne(self, start: int, end: int) -> bool:
        """"2 ton CO2", "uitstoot van 3 ton": weight, read within the clause."""
        s, e = self.sentence(start, end)
        after = re.split(r"[,;:()]", self.text[end:min(e, end + 30)], maxsplit=1)[0]
        before = re.split(r"[,;:()]", self.text[max(s, start - 40):start])[-1]
        return bool(_TONNE_RE.search(after) or _TONNE_RE.search(before))

    def index_keywords(self, spans: list[tuple[int, int]]) -> None:
        """Index role words near the amounts only: most of a long text holds none."""
        windows: list[list[int]] = []
        for s, e in spans:
            lo, hi = max(0, s - _LOOK_BEFORE), min(len(self.text), e + _LOOK_AFTER)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        self._kw = []
        self._requests = []
        for lo, hi in windows:
            self._kw.extend((k.start(), k.end(), k.lastgroup)
                            for k in _ROLE_RE.finditer(self.text, lo, hi))
            self._requests.extend(r.start() for r in _REQUEST_RE.finditer(self.text, lo, hi))
        self._kw_starts = [k[0] for k in self._kw]
        self._kw_ends = [k[1] for k in self._kw]

    def _kind(self, kind: str, s: int, e: int) -> str | None:
        if kind != "bijdrage":
            return kind
        i = bisect.bisect_left(self._requests, s)
        return "subsidy" if i < len(self._requests) and self._requests[i] < e else None

    def role(self, start: int, end: int) -> str | None:
        if self._kw is None:
            self.index_keywords([(start, end)])
        s, e = self.sentence(start, end)
        best: tuple[float, str] | None = None
        # The nearest role word before the amount, in the same sentence ...
        i = bisect.bisect_right(self._kw_ends, start) - 1
        while i >= 0:
            ks, ke, kind = self._kw[i]
            if ks < s or start - ke > _ROLE_BEFORE:
                break
            kind = self._kind(kind, s, e)
            if kind:
                best = (float(start - ke), kind)
                break
            i -= 1
        # ... or after it, which must be closer: "een bijdrage van € X" is the usual order.
        j = bisect.bisect_left(self._kw_starts, end)
        while j < len(self._kw):
            ks, ke, kind = self._kw[j]
            if ke > e or ks - end > _ROLE_AFTER or _CLAUSE_BREAK_RE.search(self.text, end, ks):
                break
            kind = self._kind(kind, s, e)
            if kind:
                dist = (ks - end) * 1.5 + 5
                if best is None or dist < best[0]:
                    best = (dist, kind)
                break
            j += 1
        if best:
            return best[1]
        return self._row_label_role(start)

    def _row_label_role(self, start: int) -> str | None:
        """A table row: the label sits on the lines above an amount alone on its line."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        if _LETTERS_RE.search(text, line_start, start):
            return None
        pos, seen = line_start - 1, 0
        while pos > 0 and seen < 3 and start - pos < 400:
            prev_start = text.rfind("\n", 0, pos) + 1
            lo, hi = max(prev_start, pos - 200), pos
            pos = prev_start - 1
            if not text[lo:hi].strip():
                continue
            seen += 1
            if _ROW_AMOUNT_RE.search(text, lo, hi):
                return None  # the row above has its own amount
            k = bisect.bisect_right(self._kw_ends, hi) - 1
            while k >= 0 and self._kw[k][0] >= lo:
                kind = self._kind(self._kw[k][2], lo, hi)
                if kind:
                    return kind
                k -= 1
        return None


def _is_year(p: _Point) -> bool:
    return (not p.currency and p.scale is None and not p.dotted and p.raw is not None
            and p.raw == p.raw.to_integral_value() and 1900 <= p.raw <= 2100)


def _money_cue(p: _Point, ctx: _Context, start: int, end: int) -> bool:
    if p.currency:
        return True
    if p.scale_word in ("k", "ton"):
        return p.scale_word != "ton" or not ctx.is_tonne(start, end)
    if p.scale_word in (None, "M"):
        return False
    return ctx.is_bare_money(start, end)


def _range(m: re.Match, p1: _Point, p2: _Point, ctx: _Context, start: int) -> tuple | None:
    """Validate "A tot B"; returns (low, high) or None."""
    sep = m.group("sep").strip().lower()
    text = ctx.text
    if sep == "en" and not re.search(r"\btussen\b[^\d€\n]{0,12}\n?[^\d€\n]{0,4}$",
                                     text[max(0, start - 30):start], re.I):
        return None
    if sep in ("a", "á") and not m.group("sep").startswith((" ", "\t")):
        return None
    if not (p1.currency or p2.currency or p1.scale or p2.scale):
        return None
    # A bare first number takes its cue from a scale or currency word after the second,
    # never from a "€" that starts the second ("2021 - € 5.000").
    if not p1.currency and not p1.scale and m.group("cur2"):
        return None
    if _is_year(p1) or (p1.currency and _is_year(p2)):
        return None
    if p1.dotted != p2.dotted and not (p1.scale or p2.scale):
        if (p1.raw or 0) >= 1000 or (p2.raw or 0) >= 1000:
            return None  # "€ 1.000 - 2020": mixed styles, not one range
    if p1.scale is None and p2.scale is not None and not p1.dotted and p1.raw is not None \
            and p1.raw < 1000:
        p1.scale = p2.scale  # "200 tot 300K", "€ 50 à 60 duizend"
    if p2.scale is None and p1.scale is not None and not p2.dotted:
        p2.scale = p1.scale  # "k€ 300 - 400"
    if p1.negative and not p2.negative:
        return None
    low, high = p1.value, p2.value
    if low is None or high is None or not high > low:
        return None
    return low, high


def find_amounts(text: str) -> list[AmountMatch]:
    """Every money amount in ``text``, in order of appearance."""
    ctx = _Context(text)
    found: list[tuple[int, int, Decimal | None, Decimal | None]] = []
    pos, n = 0, len(text)
    match = _AMOUNT_RE.match
    while pos < n:
        hint = _START_RE.search(text, pos)
        if not hint:
            break
        pos = hint.start()
        m = match(text, pos)
        if not m:
            pos += 1
            continue
        start = m.start()
        if not any(m.group(g) for g in _CUE_GROUPS):
            # A plain number ("12.875", "2021 - 2022"): skip it whole.
            pos = m.end("p1")
            continue
        if not m.group("cur1") and _FOREIGN_RE.search(text, max(0, start - 8), start):
            pos = m.end("p1")
            continue
        p1 = _point(m, 1)
        negative = bool(m.group("neg"))
        if m.group("p2"):
            p2 = _point(m, 2)
            rng = None
            if _money_cue(p1, ctx, start, p1.end) or _money_cue(p2, ctx, m.start("p2"), p2.end):
                rng = _range(m, p1, p2, ctx, start)
            if rng:
                low, high = rng
                if negative:
                    low, high = -high, -low
                found.append((start, m.end(), low, high))
                pos = m.end()
                continue
        # A single amount (or the first end point of a rejected range).
        end = p1.end
        if _money_cue(p1, ctx, m.start("p1"), end) and not _header(text, m, p1):
            if m.group("p2"):
                per = _PERIOD_RE.match(text, end)
                if per:
                    end = per.end()
            else:
                end = m.end()
            value = p1.value
            if negative and value is not None:
                value = -value
            found.append((start, end, value, None))
            pos = end
            continue
        pos = m.end("num1") if m.group("num1") else max(m.end("p1"), pos + 1)
    cells = table_cells(text, {s for s, _, _, _ in found})
    if cells:
        found = sorted(found + cells, key=lambda f: f[0])
    if found:
        ctx.index_keywords([(s, e) for s, e, _, _ in found])
    return [AmountMatch(s, e, text[s:e], lo, hi, ctx.role(s, e)) for s, e, lo, hi in found]


def _header(text: str, m: re.Match, p: _Point) -> bool:
    """"x € 1.000", "(in € 1.000)", "bedragen x € 1 miljoen": a unit, not an amount."""
    if not p.currency or p.value not in (Decimal(1000), Decimal(10**6)):
        return False
    return bool(_HEADER_BEFORE_RE.search(text[max(0, m.start() - 12):m.start()]))


# --- the contract ---------------------------------------------------------------

def _number(value) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def extract_amounts(text, parts) -> list[dict]:
    return [
        {
            "text": m.text,
            "value_eur": _number(m.value_eur),
            "max_eur": _number(m.max_eur),
            "role": m.role,
            "evidence": evidence(text, parts, m.start, m.end),
        }
        for m in find_amounts(text.text)
    ]
