"""Boundary candidates, their scores, and the split into parts."""

from __future__ import annotations

import bisect
import difflib
import re

from regiovolger.document import Part, Text

from .classify import _classify_range
from regiovolger.dates import parse_iso as parse_dutch_date
from .lines import _ORG, _PROCEDURAL, PORTAL_HEAD, _Cand, _Doc, _field_word, _Line
from .meta import _confidential, _date, _field_values, _organisation, _title

# Score a head candidate must reach to open a new part on its own.
STRONG = 4.0
# Weaker candidates (e.g. right after a signature) need a change of type too.
WEAK = 2.0
# Parts smaller than this (non-space characters) are merged into a neighbour.
MIN_PART_CHARS = 60
HEAD_ONLY_CHARS = 300


def _support(doc: _Doc, i: int, typ: str | None) -> tuple[float, list[str]]:
    """Evidence in the lines after a head line that a document really starts here."""
    win = doc.next_nb(i, 14)
    score = 0.0
    why: list[str] = []
    tags = [ln.tags for ln in win]
    n_num = sum(1 for t in tags if "numbered" in t)
    n_mfield = sum(1 for t in tags[:8] if "mfield" in t)
    n_label = sum(1 for t in tags[:8] if "label" in t)
    n_form = sum(1 for t in tags if "form" in t)
    n_pkey = sum(1 for t in tags[:10] if "pkey" in t)
    has_att = any("attendance" in t for t in tags)
    if any("page_cont" in t for t in tags[:6]):
        score -= 4
        why.append("continuation page")
    if typ == "agenda":
        if n_num >= 2:
            score += 2
            why.append("numbered items")
        if n_mfield or n_label:
            score += 1
    elif typ in ("minutes", "decision_list", "action_list"):
        if has_att:
            score += 2.5
            why.append("attendance")
        if n_mfield >= 2 or (n_mfield and n_label):
            score += 1.5
            why.append("meeting fields")
        elif n_label:
            score += 0.5
        if n_num >= 2:
            score += 0.5
    elif typ == "proposal":
        if n_pkey:
            score += 2
            why.append("proposal fields")
    elif typ in ("memo", "letter", "parliamentary_letter"):
        if any("aan" in t for t in tags[:8]) and any("van" in t for t in tags[:8]):
            score += 2
            why.append("aan/van")
        elif n_label >= 2:
            score += 1.5
            why.append("labels")
        if any("salutation" in ln.tags for ln in doc.next_nb(i, 30)):
            score += 1.5
            why.append("salutation")
    elif typ in ("application_form", "assessment_report"):
        if n_form >= 3:
            score += 2
            why.append("form fields")
        elif n_form:
            score += 0.5
    elif typ in ("programme", "budget", "policy_report"):
        if n_num >= 2 and not n_form:
            score += 0.5
    return score, why


def _in_listing(doc: _Doc, i: int) -> float:
    """Penalty for a title line that is a reference in a list (agenda attachments, tables of contents)."""
    pen = 0.0
    ln = doc.lines[i]
    if "toc" in ln.tags:
        return -6
    # adjacent document references with no blank line between
    adj = []
    if i > 0 and not doc.lines[i - 1].blank:
        adj.append(doc.lines[i - 1])
    if i + 1 < len(doc.lines) and not doc.lines[i + 1].blank:
        adj.append(doc.lines[i + 1])
    if any(a.title_type for a in adj):
        pen -= 2
    prev = doc.prev_nb(i, 6)
    nxt = doc.next_nb(i, 4)
    if any("numbered" in p.tags for p in prev) and any("numbered" in q.tags for q in nxt):
        pen -= 2
    if any("annexlist" in p.tags for p in doc.prev_nb(i, 6)):
        pen -= 3
    # a meeting portal's agenda: "  2. 2" (list counter, item number) on the line before titles the item
    if prev and re.match(r"\s*\d{1,3}\.\s+\d{1,2}(?:\.?[a-z]|\.\d{1,2})?\s*$", prev[0].s):
        pen -= 4
    if "_" in ln.s or re.search(r"\bversie\b|\.(pdf|docx?)\b", ln.s, re.I):
        pen -= 1
    # an unnumbered agenda: items asking "... Ter bespreking" above and below this line
    if (any("agenda_item" in p.tags for p in doc.prev_nb(i, 6))
            and any("agenda_item" in q.tags for q in doc.next_nb(i, 6))):
        pen -= 3
    return pen


# Non-blank lines at the top of a page that may hold a running header.
HEAD_LINES = 5
# A running header repeats the head of one of the pages just before (a page without it may intervene).
HEAD_LOOKBACK = 3


def _norm_line(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


def _same_line(a: str, b: str) -> bool:
    """Equal up to OCR noise: punctuation, case, a few misread characters."""
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4:
        return False
    if re.findall(r"\b\d+\b", a) != re.findall(r"\b\d+\b", b):
        return False  # numbered series ("Bijlage 3", "Bijlage 4") are different documents
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return m.real_quick_ratio() >= 0.85 and m.quick_ratio() >= 0.85 and m.ratio() >= 0.85


class _PageHeads:
    """The first lines of every page, to recognise running headers."""

    def __init__(self, doc: _Doc):
        starts = sorted(doc.page_starts | ({doc.nonblank[0]} if doc.nonblank else set()))
        self.heads: list[list[tuple[int, str]]] = []
        self.dates: list[set[str]] = []
        self.page_of: dict[int, int] = {}
        for k, p in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(doc.lines)
            lines = [doc.lines[p]] + [ln for ln in doc.next_nb(p, HEAD_LINES - 1) if ln.idx < end]
            head = [(ln.idx, _norm_line(ln.s)) for ln in lines if "page" not in ln.tags]
            self.heads.append(head)
            self.dates.append({d for ln in lines if (d := parse_dutch_date(ln.s))})
            for idx, _ in head:
                self.page_of[idx] = k

    def running(self, i: int) -> bool:
        """True when line ``i`` heads a page and repeats the head of an earlier page: same
        title line, and the same date when both heads carry one (a running header)."""
        k = self.page_of.get(i)
        if not k:
            return False
        head = self.heads[k]
        title = next(t for idx, t in head if idx == i)
        for j in range(k - 1, max(-1, k - 1 - HEAD_LOOKBACK), -1):
            earlier = [t for _, t in self.heads[j]]
            if not any(_same_line(title, t) for t in earlier):
                continue
            if self.dates[k] and self.dates[j] and not self.dates[k] & self.dates[j]:
                continue  # another meeting's document with the same title
            matched = sum(1 for _, t in head if any(_same_line(t, e) for e in earlier))
            if self.dates[k] & self.dates[j] or matched >= 2 or len(title.split()) >= 3:
                return True
        return False


def _back_extend(doc: _Doc, i: int, limit: int = 3) -> int:
    """Move a head start back over short heading lines directly above it ("ALGEMEEN BESTUUR", "Memo")."""
    start = i
    for p in doc.prev_nb(i, limit):
        if p.idx < start - 5:
            break
        s = p.s
        if "closing" in p.tags or "sigextra" in p.tags or "url" in p.tags or "numbered" in p.tags:
            break
        short_heading = len(s) <= 50 and not re.search(r"[.,;]$", s) and (
            s.isupper() or p.title_type or "page_one" in p.tags or "marking" in p.tags or
            _ORG.match(s) or len(s.split()) <= 3)
        if not short_heading:
            break
        if p.idx in doc.page_starts:
            start = p.idx
            break
        start = p.idx
    return start


def _head_material(ln: _Line) -> bool:
    """Lines that belong to a document head: fields, titles, markings, page marks, dates."""
    if ln.tags & {"label", "pfield", "mfield", "page", "marking", "url", "aan", "van"} or ln.title_type:
        return True
    s = ln.s
    if s.startswith(":") or _ORG.match(s) or _PROCEDURAL.match(s):
        return True
    return len(s) <= 40 and "numbered" not in ln.tags and (s.isupper() or bool(parse_dutch_date(s)))


def _candidates(doc: _Doc) -> list[_Cand]:
    lines = doc.lines
    cands: list[_Cand] = []
    seen_pcluster = -10
    seen_lcluster = -10
    header_repeats = _repeated_lines(doc)
    page_heads = _PageHeads(doc)
    for ln in lines:
        if ln.blank:
            continue
        i = ln.idx
        # 1. title lines
        if ln.title_type and "titlelike" in ln.tags and not ln.title_anywhere:
            typ = ln.title_type
            score = ln.title_weight - 1.0
            sup, why = _support(doc, i, typ)
            score += sup
            score += _in_listing(doc, i)
            if doc.blank_before(i):
                score += 0.5
            if i in doc.page_starts:
                score += 1.5
            if parse_dutch_date(ln.s):
                score += 0.5
            if re.search(r"\bvergadering\b", ln.s, re.I) and typ in ("agenda", "minutes", "decision_list"):
                score += 0.5
            if header_repeats.get(ln.s, i) != i:
                score -= 3
            running = page_heads.running(i)
            if running:
                score -= 6
            # a bare title line without supporting head structure must also change the type
            kind = "head" if (why or i in doc.page_starts) else "title"
            cands.append(_Cand(i, score, typ, i, [f"title:{typ}"] + why + (["running header"] if running else []),
                               kind=kind))
        # 2. proposal header fields
        if "pfield" in ln.tags and i - seen_pcluster > 12:
            win = [ln] + doc.next_nb(i, 9)
            fields = {_field_word(w.s) for w in win if "pfield" in w.tags}
            keys = sum(1 for w in win if "pkey" in w.tags)
            if len(fields) >= 3 and keys >= 1:
                seen_pcluster = i
                start = _back_extend(doc, i)
                score = 4.5 + (0.5 if doc.blank_before(start) else 0) + (1.5 if start in doc.page_starts else 0)
                cands.append(_Cand(start, score, "proposal", None, ["proposal fields"]))
        # 3. memo / letter labels
        if ("label" in ln.tags and i - seen_lcluster > 12 and header_repeats.get(ln.s, i) == i
                and not page_heads.running(i)):
            win = [ln] + doc.next_nb(i, 6)
            has_aan = any("aan" in w.tags for w in win)
            has_van = any("van" in w.tags for w in win)
            labels = {re.split(r"[\s:]", w.s.lower())[0] for w in win
                      if "label" in w.tags and header_repeats.get(w.s, w.idx) == w.idx}
            if (has_aan and has_van) or (len(labels) >= 3 and ("datum" in labels or "onderwerp" in labels)):
                seen_lcluster = i
                start = _back_extend(doc, i)
                typ = "memo" if has_aan and has_van else "letter"
                score = 3.5 + (0.5 if doc.blank_before(start) else 0) + (1.5 if start in doc.page_starts else 0)
                if any("page_cont" in w.tags for w in doc.next_nb(i, 8)):
                    score -= 4
                cands.append(_Cand(start, score, typ, None, [f"labels:{typ}"]))
        # 4. salutation without a head nearby: the letter head is the short-line block above
        if "salutation" in ln.tags:
            start = i
            for p in doc.prev_nb(i, 25):
                if len(p.s) > 75 or "closing" in p.tags:
                    break
                start = p.idx
            if start != i:
                cands.append(_Cand(start, 2.5, "letter", None, ["salutation"], kind="closing"))
        # 6. a separator line before a decision head: the proposal ends, the decision it asks for begins
        if _SEPARATOR.match(ln.s):
            start = _decision_after(doc, i)
            if start is not None:
                cands.append(_Cand(start, STRONG + 1.5, "proposal", start, ["separator + decision head"]))
        # 5. after a closing block
        if "closing" in ln.tags:
            j = _after_closing(doc, i)
            if j is not None:
                cands.append(_Cand(j, 2.5, None, None, ["after closing"], kind="closing"))
    return cands


# a line of dashes, underscores, equals signs or stars ("-----", "_ _ _", "* * *")
_SEPARATOR = re.compile(r"^\s*(?:([-_=*~·])\s?)\1?(?:\s?[-_=*~·]){8,}\s*$")
# the head of a council/board decision: "De raad van de gemeente X;", "Provinciale Staten van X,"
_DECISION_HEAD = re.compile(
    r"^(?:de\s+)?(?:gemeente)?raad\s+(?:van\s+(?:de\s+gemeente\s+)?)?\S.*[;,:]?\s*$|"
    r"^(?:provinciale|gedeputeerde)\s+staten\s+van\s+\S.*$|"
    r"^(?:het\s+)?(?:algemeen|dagelijks)\s+bestuur\s+van\s+\S.*$|"
    r"^(?:het\s+college\s+van\s+)?burgemeester\s+en\s+wethouders\s+van\s+\S.*[;:]\s*$|"
    r"^(?:raads|staten|bestuurs)besluit\b.*$", re.I)
_CONSIDERING = re.compile(r"^(?:gelezen|gezien|gelet|overwegende|beschouwende|op\s+voorstel)\b|^besluit\s*:?\s*$|"
                          r"^besluiten\s*:?\s*$|^(?:b\s*e\s*s\s*l\s*u\s*i\s*t)\s*:?\s*$", re.I)


def _decision_after(doc: _Doc, i: int) -> int | None:
    """First line of a decision that follows separator line ``i``: a decision head ("De raad van ...;",
    "Raadsbesluit") within the next lines, then considerations ("gelezen", "gelet op") or "besluit:"."""
    nxt = doc.next_nb(i, 12)
    for k, ln in enumerate(nxt[:3]):
        if _DECISION_HEAD.match(ln.s):
            if any(_CONSIDERING.match(w.s) for w in nxt[k + 1:]):
                return nxt[0].idx
            return None
    return None


def _after_closing(doc: _Doc, i: int) -> int | None:
    """First substantive line after a signature/contact block, or None when none follows."""
    consumed = 0
    for ln in doc.next_nb(i, 14):
        s = ln.s
        t = ln.tags
        signature = "page" in t or "url" in t or "sigextra" in t or "closing" in t
        if not signature and (ln.title_type or t & {"label", "pfield", "marking", "salutation"}):
            return ln.idx
        if "annex" in t:
            return None
        filler = signature or (len(s) <= 60 and not s.endswith("."))
        if not filler:
            return ln.idx
        consumed += 1
        if consumed >= 10:
            return ln.idx
    return None


def _repeated_lines(doc: _Doc) -> dict[str, int]:
    """Running headers and footers: short lines that occur three times or more,
    mapped to the line of their first occurrence (which may be a real head)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for ln in doc.lines:
        if not ln.blank and len(ln.s) <= 100 and not ln.s.isdigit():
            counts[ln.s] = counts.get(ln.s, 0) + 1
            first.setdefault(ln.s, ln.idx)
    return {s: first[s] for s, c in counts.items() if c >= 3 and re.search(r"[A-Za-z]{3}", s)}


def _nonspace(doc: _Doc, a: int, b: int) -> int:
    return sum(len(ln.s) for ln in doc.lines[a:b])


def _head_only(doc: _Doc, a: int, b: int) -> bool:
    """Short lines only (a title, date, time, place, chair): the head of the document that follows.

    Meeting portals print "Raadsvergadering / dinsdag 2 juli 2024 / 16:00 - 23:00 /
    Locatie / Raadzaal" above the agenda of the same meeting.
    """
    lines = [ln.s for ln in doc.lines[a:b] if ln.s]
    return bool(lines) and len(lines) <= 10 and _nonspace(doc, a, b) < HEAD_ONLY_CHARS and all(
        len(s) <= 60 and not re.search(r"[a-z]{2}[.!?]$", s) and not re.match(r"\d{1,2}[.)]?\s+\S", s) for s in lines)


def segment(text: Text) -> list[Part]:
    """Split ``text`` into contiguous, typed document parts covering all of it."""
    doc = _Doc(text)
    lines = doc.lines
    n = len(lines)
    cands = _candidates(doc)
    if PORTAL_HEAD.match(text.text):
        # a meeting portal's page is one document: its items' titles ("Voorstel aan de raad …") and sections
        # ("Toezeggingen") are part of it
        cands = [c for c in cands if c.line == 0]

    # Page starts relocate a head found in the page's first lines to the page start.
    if doc.page_starts:
        for c in cands:
            for p in doc.prev_nb(c.line, 6):
                if p.idx in doc.page_starts and all(
                        len(q.s) <= 90 for q in doc.lines[p.idx:c.line] if not q.blank):
                    c.line = p.idx
                    if c.kind == "head":
                        c.score += 1.0
                    break

    strong = sorted((c for c in cands if c.score >= STRONG and c.kind == "head"), key=lambda c: c.line)
    weak = sorted((c for c in cands if c.kind in ("closing", "title") or WEAK <= c.score < STRONG),
                  key=lambda c: c.line)

    # Merge strong candidates that belong to one head (title line + header fields).
    merged: list[_Cand] = []
    for c in strong:
        if merged:
            last = merged[-1]
            gap = doc.nb_pos.get(c.line, 0) - doc.nb_pos.get(last.line, 0)
            between = [ln for ln in lines[last.line:c.line] if not ln.blank]
            if gap <= 8 and all(_head_material(ln) for ln in between):
                # header fields fix the type; a title below them is the subject line
                structural = any(r.startswith(("labels:", "proposal fields")) for r in last.reasons)
                if c.score > last.score and not structural:
                    last.type_hint = c.type_hint
                last.score = max(last.score, c.score)
                last.title_line = last.title_line if last.title_line is not None else c.title_line
                last.reasons += c.reasons
                continue
        merged.append(c)

    # A signature block right before a strong head: start the part after the signature.
    for c in merged:
        for w in weak:
            if w.kind != "closing" or w.line >= c.line:
                continue
            gap = doc.nb_pos.get(c.line, 0) - doc.nb_pos.get(w.line, -100)
            between = [ln for ln in lines[w.line:c.line] if not ln.blank]
            if 0 < gap <= 8 and all(len(ln.s) <= 160 for ln in between):
                c.line = w.line
                break

    bounds = sorted({c.line for c in merged if c.line > 0})
    info = {c.line: c for c in merged}
    if 0 not in info:
        first_end = bounds[0] if bounds else n
        heads = [c for c in cands if c.line < first_end and doc.nb_pos.get(c.line, 99) < 10 and c.kind != "closing"]
        if heads:
            best = max(heads, key=lambda c: c.score)
            info[0] = _Cand(0, best.score, best.type_hint, best.title_line, best.reasons)

    # Weak candidates become boundaries when the text after them is clearly another kind of document.
    for w in weak:
        if w.line <= 0 or w.line in info:
            continue
        k = bisect.bisect_right(bounds, w.line)
        prev_b = bounds[k - 1] if k else 0
        next_b = bounds[k] if k < len(bounds) else n
        if doc.nb_pos.get(w.line, 0) - doc.nb_pos.get(prev_b, 0) < 8:
            continue
        min_after = 400 if (w.kind == "title" and doc.lines[w.line].title_weight >= 5) else 800
        if _nonspace(doc, prev_b, w.line) < 400 or _nonspace(doc, w.line, next_b) < min_after:
            continue
        prev_c = info.get(prev_b)
        t_before, _ = _classify_range(doc, prev_b, w.line, prev_c.type_hint if prev_c else None)
        t_after, sc_after = _classify_range(doc, w.line, next_b, w.type_hint)
        ranked = sorted(sc_after.values(), reverse=True)
        if w.kind == "title" and w.score < WEAK:
            continue
        if t_after != t_before and t_after != "other" and ranked[0] >= 4 and ranked[0] - ranked[1] >= 1.0:
            bounds.insert(k, w.line)
            w.score = max(w.score, STRONG)
            info[w.line] = w

    # Merge parts that are too small to be a document.
    # A tiny part (a cover line, a stray reference) joins the part after it;
    # a tiny last part joins the one before.
    kept: list[int] = [0]
    for s in bounds:
        if _nonspace(doc, kept[-1], s) < MIN_PART_CHARS or (kept[-1] == 0 and _head_only(doc, 0, s)):
            if kept[-1] == 0:
                if s in info:
                    info[0] = info[s]
            elif info.get(s) and info[s].score > info[kept[-1]].score:
                info[kept[-1]] = info[s]
            continue
        kept.append(s)
    if len(kept) > 1 and _nonspace(doc, kept[-1], n) < MIN_PART_CHARS:
        kept.pop()

    parts: list[Part] = []
    total = len(text.text)
    for k, s in enumerate(kept):
        e = kept[k + 1] if k + 1 < len(kept) else n
        start_off = 0 if k == 0 else lines[s].start
        end_off = total if k + 1 == len(kept) else lines[e].start
        cand = info.get(s)
        typ, _ = _classify_range(doc, s, e, cand.type_hint if cand else None,
                                 lines[cand.title_line].title_weight if cand and cand.title_line is not None else 5.0)
        fields = _field_values(doc, s, e)
        title = _title(doc, s, e, typ, cand, fields)
        parts.append(Part(
            id=f"p{k + 1}",
            type=typ,
            title=title,
            date=_date(doc, s, e, typ, fields, title),
            organisation=_organisation(doc, s, e),
            start=start_off,
            end=end_off,
            confidential=_confidential(doc, s, e),
        ))
    return parts


def explain(text: Text) -> list[dict]:
    """Debugging aid: every boundary candidate with its score and reasons."""
    doc = _Doc(text)
    return [
        {"line": c.line + 1, "score": round(c.score, 2), "type": c.type_hint, "kind": c.kind,
         "text": doc.lines[c.line].s[:80], "why": c.reasons}
        for c in sorted(_candidates(doc), key=lambda c: c.line)
    ]
