"""Application forms, assessment reports and proposals about one project.

Numbered form fields ("Naam project", "Aanvrager", "Looptijd", "Totale
kosten", "Cofinanciering", "Gevraagde subsidie"), criteria answered JA/NEE and
a "Besluit:"/"Advies:". Proposals whose subject is a project add their
portfolio holder and request. Parts that describe the same project (same name
or abbreviation) merge.
"""

from __future__ import annotations

import re

from ...document import Part
from ..amounts import AmountMatch
from ..dates import MONTHS, find_dates
from .common import (
    _REQUEST_WORDS,
    _clean,
    _Context,
    _Line,
    _lines,
    _Project,
    _sentence_around,
    _squash,
)


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
    """ "Aanvraagformulier project Groene Daken – deel I" → "Groene Daken"."""
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
