"""Agenda items and their sections: numbered headings ("1. Opening", "3 + 4", "4a", "Ad 3",
"2 | Spreekrecht", a number on its own line followed by the title), chosen as the longest run of
consecutive numbers so that numbered lists inside an item are not mistaken for items; unnumbered
headings that end in a kind or look like the usual start of a meeting; each item's kind and proposal."""

from __future__ import annotations

import re
from dataclasses import replace
from dataclasses import dataclass

from ..dates import find_dates
from ..names import clean_name, looks_like_name
from ..tables import tables
from .common import RUN_IN_MARK, _LABEL_RE, _lines, kind_of, under_points_heading
from .decision_headings import decision_headings, decision_points
from .inline_agenda import inline_items, portal_items
from .outline import outline, repeated_ones, sections

PROPOSAL_START = re.compile(
    r"^\W*(?:kennis\s*(?:te\s+)?nemen|kennisnemen|vaststellen|vast\s+te\s+stellen|instemmen|in\s+te\s+stemmen|"
    r"besluiten|benoemen|goedkeuren|bekrachtigen|akkoord|bespreken|verlenen|beschikbaar\s+stellen|aanwijzen|"
    r"machtigen|toekennen|informeren|ter\s+\w+|het\s+(?:algemeen|dagelijks)\s+bestuur\s+\w+|de\s+raad\s+\w+|"
    r"u\s+wordt\s+(?:gevraagd|voorgesteld))", re.I)


ITEM_LINE = re.compile(
    r"^[ \t]*(?P<ad>(?:ad|agendapunt|punt)\.?\s+)?(?P<num>\d{1,2}[a-z]?(?:\s*(?:\+|en|&|/)\s*\d{1,2}[a-z]?)?)"
    r"(?:[.)]|\s*\||\s*:|\s*[-–])?(?:[ \t]+(?P<sub>[a-z])\))?[ \t]+(?P<title>(?:\d+[a-zA-Z]|[A-ZÀ-Ý‘'“\"(])[^\n]{1,200})$", re.MULTILINE | re.IGNORECASE)
# a lettered sub-item under "2. a) …": "b) Verslag van de vergadering van 2 december"
LETTER_LINE = re.compile(r"^[ \t]*(?P<sub>[a-z])\)[ \t]+(?P<title>[A-ZÀ-Ý‘'“\"(][^\n]{1,200})$", re.MULTILINE)
NUM_ALONE = re.compile(r"^[ \t]*(?P<ad>(?:ad|agendapunt|punt|nr|nummer)\.?\s+)?(?P<num>\d{1,2}[a-z]?)[.)]?[ \t]*$",
                       re.MULTILINE | re.IGNORECASE)
# a row of a decision list: "Nr. 3" then "Onderwerp: ..." (and "Portefeuillehouder: ...", "Besluit: ...")
# the time an item starts, in front of its title: "17.05 uur Vaststellen agenda", "20:30 Rondvraag"
START_TIME = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d\s*(?:uur|u\.?)?\s+(?=[A-ZÀ-Ý])")
_SUBJECT_FIELD = re.compile(r"^[ \t]*(?:onderwerp|betreft|titel)[ \t]*:[ \t]*", re.I)
_HOLDER_FIELD = re.compile(r"^[ \t]*(?:portefeuillehouder|portefeuille|verantwoordelijk\s+bestuurder)[ \t]*:[ \t]*"
                           r"(?P<v>[^\n]+?)[ \t]*$", re.I | re.M)
KIND_ENDING = re.compile(r"^(?P<title>[A-ZÀ-Ý][^\n]{3,160}?)\s+(?P<kind>ter\s+(?:vaststelling|bespreking|kennisname|"
                         r"besluitvorming|informatie|besluit|advisering|instemming))\s*$", re.MULTILINE | re.IGNORECASE)


def _num_parts(num: str) -> tuple[int, str, int]:
    nums = re.findall(r"(\d+)([a-z]?)", num.lower())
    first, letter = int(nums[0][0]), nums[0][1]
    return first, letter, int(nums[-1][0])


@dataclass
class _Cand:
    start: int  # heading start
    end: int  # heading end
    num: str
    title: str
    title_start: int
    title_end: int


def _table_candidates(t: str, start: int, end: int) -> tuple[list[_Cand], list[tuple[int, int]]]:
    """Items from the rows of tables with a number and a subject column ("Nr. | Onderwerp | Besluit");
    also the spans of all tables with a header, whose numbered rows are no headings of their own."""
    cands: list[_Cand] = []
    spans: list[tuple[int, int]] = []
    for tb in tables(t, start, end):
        if tb.header is None:
            continue
        spans.append((tb.start, tb.end))
        if "nr" not in tb.columns or "subject" not in tb.columns:
            continue
        for row in tb.rows:
            nr, subj = tb.cell(row, "nr"), tb.cell(row, "subject")
            num = re.fullmatch(r"(\d{1,2}[a-z]?)\.?", nr.text) if nr else None
            if not num or not subj:
                continue
            cands.append(_Cand(row.start, subj.end, num.group(1), subj.text, subj.start, subj.end))
    return cands, spans


def _item_candidates(t: str, start: int, end: int, run_in: bool = False) -> list[_Cand]:
    cands, table_spans = _table_candidates(t, start, end)
    in_table = lambda pos: any(a <= pos < b for a, b in table_spans)  # noqa: E731
    for m in ITEM_LINE.finditer(t, start, end):
        if in_table(m.start()) or under_points_heading(t, m.start(), start):
            continue
        title = m.group("title").strip()
        if m.group("title")[:1].islower():
            continue
        num = re.sub(r"\s+", " ", m.group("num")) + (m.group("sub") or "")
        # a second number in the title: "3. Economische visie + 4. Arbeidsmarkt"
        m2 = re.match(r"(?P<a>.+?)\s+\+\s+(?P<n>\d{1,2}[a-z]?)\.?\s+(?P<b>[A-Z].+)$", title)
        if m2:
            num = f"{num} + {m2.group('n')}"
            title = f"{m2.group('a').strip()} + {m2.group('b').strip()}"
        if not re.search(r"[a-zA-Z]{2}", title) or len(title) > 200:
            continue
        if not t[start:m.start()].strip() and re.match(r"\s*\d{1,3}\s", m.group(0)) \
                and re.match(r"(?i)(?:agenda|verslag|notulen|besluitenlijst|actielijst)\b", title):
            continue  # "1 Agenda Algemeen bestuur …": a page number run into the document's title
        title_start = m.start("title")
        clock = START_TIME.match(title)
        if clock:  # "1. 17.05 uur Vaststellen agenda": the item's time is no part of its title
            title, title_start = title[clock.end():], title_start + (len(m.group("title")) - len(m.group("title").lstrip())) + clock.end()
        if re.match(r"^\d+[.,]\d", title) or re.search(r"\b(?:uur|euro)\b", title[:12], re.I):
            continue
        title_end = m.end("title")
        # a row of a pipe table: "2 | Subsidie dorpshuis | Het college besluit ...": the title is one cell
        cell = re.search(r"\s+\|", title)
        if cell:
            title = title[:cell.start()].strip()
            title_end = m.start("title") + len(m.group("title")) - len(m.group("title").lstrip()) + cell.start()
        cands.append(_Cand(m.start(), m.end(), num, title, title_start, title_end))
    for m in NUM_ALONE.finditer(t, start, end):
        if in_table(m.start()):
            continue
        # the title is the next non-empty line (within three lines)
        pos = m.end() + 1
        for _ in range(4):
            nl = t.find("\n", pos, end)
            line_end = end if nl == -1 else nl
            line = t[pos:line_end]
            if line.strip():
                s = line.strip()
                field = _SUBJECT_FIELD.match(line)
                if field and m.group("ad") and len(line) > field.end():
                    off = pos + field.end()
                    cands.append(_Cand(m.start(), line_end, m.group("num"), t[off:line_end].strip(), off,
                                       off + len(t[off:line_end].rstrip())))
                    break
                off = pos + (len(line) - len(line.lstrip()))
                clock = START_TIME.match(s)
                if clock:
                    s, off = s[clock.end():], off + clock.end()
                if (s[:1].isupper() or re.match(r"\d+[a-zA-Z]", s)) and not ITEM_LINE.match(line) \
                        and not NUM_ALONE.match(line) and len(s) <= 200:
                    cands.append(_Cand(m.start(), line_end, m.group("num"), s, off, off + len(s)))
                break
            if nl == -1:
                break
            pos = nl + 1
    cands += _run_on_candidates(t, start, end, {c.start for c in cands})
    if run_in:
        # a heading candidate whose "title" is a heading run into its text is cut at the heading's end
        # ("3. De heer X wordt gevraagd …" is a sentence after a number, no item)
        cands = [_cut_run_in(c) for c in cands if not _SPEAKER_START.match(c.title)]
        cands += _run_in_candidates(t, start, end, {c.start for c in cands})
    cands.sort(key=lambda c: c.start)
    return _with_lettered(t, start, end, cands)


# items run on in one long line, as a web page or a scan loses the agenda's line breaks:
# "B.Besluitvorming 7. Eerste voortgangsrapportage 2008 8. Tweede tussenbalans 9. Krediet … C.Voorbereiding"
_RUN_ON_MARK = re.compile(r"(?<![\w.,/:€-])(?P<num>\d{1,2})\.[ \t]+(?=[A-ZÀ-Ý])")
_RUN_ON_STOP = re.compile(r"\s[A-H]\.\s?[A-ZÀ-Ý]|\s(?:Geen\s+agendapunten)\b")
_RUN_ON_LINE = 100


def _run_on_candidates(t: str, start: int, end: int, known: set[int]) -> list[_Cand]:
    out = []
    pos = start
    while pos < end:
        le = t.find("\n", pos, end)
        le = end if le == -1 else le
        if le - pos > _RUN_ON_LINE:
            marks = list(_RUN_ON_MARK.finditer(t, pos, le))
            nums = [int(m.group("num")) for m in marks]
            # at least two markers numbered on from each other: a list, not a number in a sentence
            if any(b == a + 1 for a, b in zip(nums, nums[1:])):
                for i, m in enumerate(marks):
                    stop = marks[i + 1].start() if i + 1 < len(marks) else le
                    cut = _RUN_ON_STOP.search(t, m.end(), stop)
                    title_end = cut.start() if cut else stop
                    title = t[m.end():title_end].rstrip(" ,;")
                    if m.start() in known or not re.search(r"[a-zA-Z]{2}", title) or len(title) > 200:
                        continue
                    out.append(_Cand(m.start(), m.end() + len(title), m.group("num"), title, m.end(),
                                     m.end() + len(title)))
        pos = le + 1
    return out


# minutes whose lines were lost run an item's heading into its text (``RUN_IN_MARK``): "1. Opening De voorzitter
# opent …", "2. MEDEDELINGEN. De voorzitter deelt mee …"
_SPEAKER_START = re.compile(r"(?i)(?:de\s+heer|mevrouw|mw\.|dhr\.|de\s+(?:voorzitter|burgemeester|wethouder))\b")
_RUN_IN_STARTS = {"de", "het", "een", "dit", "deze", "die", "er", "wij", "we", "ik", "u", "mevrouw", "voorzitter",
                  "burgemeester", "wethouder", "op", "in", "na", "bij", "naar", "aan", "namens", "zonder", "hierbij",
                  "tot", "mede", "allereerst", "dhr", "mw"}
_RUN_IN_WORDS = 12


def run_in_title(rest: str) -> str | None:
    """The heading at the start of ``rest`` that runs into the item's text: a run of capitals, or the words up to
    a full stop or a capitalised word that starts a sentence; None when no heading ends within a dozen words."""
    words = rest.split(" ")
    caps = []
    for w in words:
        core = w.strip(".,:;()")
        if core and core.upper() == core and re.search(r"[A-ZÀ-Ý]", core):
            caps.append(w)
            if w.endswith("."):
                break
        else:
            break
    if caps and any(len(re.sub(r"\W", "", w)) >= 4 for w in caps) and len(caps) < len(words):
        return " ".join(caps).rstrip(".:; ")
    for i, w in enumerate(words[:_RUN_IN_WORDS + 1]):
        if i and w[:1].isupper() and w.strip(".,:").lower() in _RUN_IN_STARTS:
            return " ".join(words[:i]).rstrip(".:; ")
        if w.endswith(".") and i and not re.fullmatch(r"(?:[A-Z]\.)+|[a-z]{1,4}\.", w):
            return " ".join(words[:i + 1]).rstrip(".:; ")
    return None


def _cut_run_in(c: _Cand) -> _Cand:
    title = run_in_title(c.title) if len(c.title) > _RUN_ON_LINE else None
    return replace(c, title=title, title_end=c.title_start + len(title), end=c.title_start + len(title)) if title else c


def _run_in_candidates(t: str, start: int, end: int, known: set[int]) -> list[_Cand]:
    out = []
    for m in RUN_IN_MARK.finditer(t, start, end):
        if m.start() in known or any(abs(m.end() - k) < 8 for k in known):
            continue
        le = t.find("\n", m.end(), end)
        rest = t[m.end():end if le == -1 else le]
        title = run_in_title(rest)
        if not title or not re.search(r"[a-zA-Z]{3}", title) or _SPEAKER_START.match(title):
            continue
        out.append(_Cand(m.start(), m.end() + len(title), m.group("num").lower(), title, m.end(), m.end() + len(title)))
    return out


def _with_lettered(t: str, start: int, end: int, cands: list[_Cand]) -> list[_Cand]:
    """Sub-items written with their letter only ("b) …") numbered after the lettered item above them ("2a")."""
    extra = []
    for m in LETTER_LINE.finditer(t, start, end):
        above = [c for c in cands + extra if c.start < m.start()]
        if not above:
            continue
        prev = max(above, key=lambda c: c.start)
        nm = re.fullmatch(r"(\d{1,2})([a-z])", prev.num)
        if nm and ord(m.group("sub")) == ord(nm.group(2)) + 1:
            title = m.group("title").strip()
            extra.append(_Cand(m.start(), m.end(), nm.group(1) + m.group("sub"), title, m.start("title"),
                               m.start("title") + len(title)))
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands


def _best_chain(cands: list[_Cand], min_len: int = 2) -> list[_Cand]:
    """The longest run of consecutive item numbers, in text order."""
    n = len(cands)
    if not n:
        return []
    parts = [_num_parts(c.num) for c in cands]
    padded = [bool(re.match(r"0\d", c.num or "")) for c in cands]
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        fi, li, _ = parts[i]
        for j in range(i):
            fj, lj, lastj = parts[j]
            ok = (fi == lastj + 1 and li in ("", "a")) or (fi == fj and li > lj and fj == lastj) \
                or (padded[i] and padded[j] and lastj < fi <= lastj + 4 and li in ("", "a"))
            # zero-padded numbers ("01A", "04", "05") are a register's: a published decision list skips items
            if ok and cands[j].end <= cands[i].start and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    # chains must start low: 0, 1, 2 or 3
    scored = []
    for i in range(n):
        j = i
        while prev[j] != -1:
            j = prev[j]
        if parts[j][0] <= 3:
            scored.append((best[i], -cands[j].start, i))
    if not scored:
        return []
    length, _, i = max(scored)
    if length < min_len:
        return []
    chain = []
    while i != -1:
        chain.append(cands[i])
        i = prev[i]
    return chain[::-1]


SENTENCE_START = {"het", "de", "een", "dit", "deze", "die", "er", "in", "op", "bij", "voor", "na", "met", "wij", "we",
                  "u", "zij", "hij", "ze", "men", "naar", "door", "als", "ook", "daarnaast", "verder", "besluit",
                  "besloten", "voorstel", "toelichting", "conclusie"}


def _continue_title(t: str, c: _Cand, limit: int) -> tuple[str, int]:
    """Titles wrapped over more lines: continue while a line is long and has no final stop."""
    title, tend = c.title, c.title_end
    line_end = t.find("\n", tend, limit)
    if t[tend:limit if line_end == -1 else line_end].strip():
        return title, tend  # the title is one cell of a row; the rest of the row is not title
    for _ in range(2):
        nl = t.find("\n", tend, limit)
        nxt = t[nl + 1:(t.find("\n", nl + 1, limit) + 1 or limit + 1) - 1] if nl != -1 else ""
        if re.fullmatch(r"[ \t]*\([^()\n]{3,100}\)[ \t]*", nxt) and not title.rstrip().endswith((".", ":")):
            # a bracketed remark wrapped onto its own line: "(windmolens op bedrijventerreinen)"
            title = title.rstrip() + " " + nxt.strip()
            tend = nl + 1 + len(nxt.rstrip())
            continue
        if len(title) < 70 or title.rstrip().endswith((".", ":", "?", "!")):
            break
        nl = t.find("\n", tend, limit)
        if nl == -1:
            break
        nxt_end = t.find("\n", nl + 1, limit)
        nxt_end = limit if nxt_end == -1 else nxt_end
        nxt = t[nl + 1:nxt_end]
        if not nxt.strip() or ITEM_LINE.match(nxt) or len(nxt.strip()) > 120:
            break
        # "Besluit: verworpen ...", "Toelichting: ..." under a title is the item's body
        if re.match(r"[ \t]*[A-ZÀ-Ý][\w ]{1,30}:(?:\s|$)", nxt):
            break
        first_word = nxt.strip().split()[0]
        last_word = title.rstrip().split()[-1]
        # a capital after a name or acronym continues it ("GGD / Hollands Noorden"); a sentence start does not
        if first_word[:1].isupper() and (not last_word[:1].isupper() or first_word.lower() in SENTENCE_START):
            break
        title = title.rstrip() + " " + nxt.strip()
        tend = nl + 1 + len(nxt.rstrip())
    return title, tend


def _clean_title(title: str) -> tuple[str, str | None]:
    """Strip a trailing 'ter ...' kind and a final full stop; return (title, kind)."""
    kind = None
    m = re.search(r"\s*[-–(]?\s*\b(ter\s+(?:vaststelling|bespreking|kennisname|besluitvorming|informatie|besluit|"
                  r"advisering|instemming|kennisgeving|discussie))\b\)?\s*$", title, re.I)
    if m and m.start() > 3:
        kind = kind_of(m.group(1))
        title = title[:m.start()]
    title = re.sub(r"\s+", " ", title).strip(" .;:|-–")
    return title, kind


def _section_kind(t: str, s: int, e: int) -> str | None:
    """A 'Ter kennisname' cell of a flattened table, or such a line, inside an item's section."""
    body = re.sub(r"\bTer\s*\n\s*", "Ter ", t[s:e], flags=re.I)
    for line in body.split("\n"):
        ln = line.strip()
        if re.match(r"^ter\s+\w+", ln, re.I) and len(ln) <= 40:
            k = kind_of(ln)
            if k:
                return k
    return None


_ATTACH_LINE = re.compile(r"^[ \t]*(?:bijlage|bijlagen|stukken|documenten)\b", re.I)


def _proposal_in(t: str, s: int, e: int) -> str | None:
    """The proposal in an agenda item's body: a 'Voorstel:' paragraph, a verb-first paragraph or 'stelt voor'."""
    body = t[s:e]
    m = re.search(r"(?:^|\n)[ \t]*(?:voorstel|voorgesteld\s+besluit|gevraagd\s+besluit|beslispunt(?:en)?|"
                  r"besluitpunt(?:en)?|ontwerpbesluit)\s*:[ \t]*\n?(?P<p>(?:[^\n]*\S[^\n]*\n?){1,8})", body, re.I)
    if m:
        para = re.split(r"\n[ \t]*\n", m.group("p"))[0]
        return re.sub(r"\s+", " ", para).strip() or None
    paras = [p for p in re.split(r"\n[ \t]*\n", body) if p.strip()]
    # attachment file names ("Verslag_Algemeen Bestuur_18 december") end a paragraph
    paras = [re.split(r"\n[^\n]*_[^\n]*(?:\n|$)", p)[0] for p in paras]
    for para in paras[:2]:
        p = re.sub(r"\s+", " ", para).strip()
        if PROPOSAL_START.match(p) or re.match(r"^1[.)]\s+\S", p):
            return p[:600]
    m = re.search(r"[^.\n]*\b(?:stelt|stellen)\b[^.]*\bvoor\b[^.]*\.", body)
    if m:
        return re.sub(r"\s+", " ", m.group(0)).strip()
    return None


_FIRST_HEADING = re.compile(r"(?i)(?:opening|welkom|mededelingen|vaststell\w*\s+(?:van\s+de\s+)?agenda|agenda)\b")
_CLOSING_HEADING = re.compile(r"(?i)(?:\w+\s+)?(?:sluiting|afsluiting|sluit\s+de\s+vergadering)\b")
_USUAL_HEADING = re.compile(r"(?i)(?:opening|welkom|mededelingen|rondvraag|sluiting|afsluiting|verslag|notulen|"
                            r"actielijst|ingekomen\s+stukken|wat\s+verder\s+ter\s+tafel\s+komt)\b")


def _headings_in(t: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Unnumbered headings of minutes: a short line of its own after a blank line, followed by prose.

    Only trusted as agenda items when there are at least three and the first ones look like the usual
    start of a meeting ("Opening", "Mededelingen"); otherwise ordinary short lines would become items.
    """
    lines = list(_lines(t, start, end))
    heads: list[tuple[int, int, str]] = []
    for i, (ls, le, line) in enumerate(lines):
        s = line.strip()
        if not s or (i > 0 and lines[i - 1][2].strip()) or i + 1 >= len(lines):
            continue
        # what follows, over one blank line ("Opening" / blank / "De voorzitter opent …")
        nxt = next((ln[2].strip() for ln in lines[i + 1:i + 3] if ln[2].strip()), "")
        if not nxt or len(s) > 90 or len(s.split()) > 10 or not s[:1].isupper():
            continue
        usual_label = s.endswith(":") and _USUAL_HEADING.match(s)  # "Ingekomen stukken / mededelingen:"
        if (s.endswith((".", ";", ",", "!")) or (s.endswith(":") and not usual_label)) or re.search(r":\s", s) or "|" in s \
                or (looks_like_name(s) and len(s.split()) > 1):
            continue
        if _LABEL_RE.match(line) or ITEM_LINE.match(line) or NUM_ALONE.match(line) or (
                find_dates(s) and not re.search(r"[a-z]{4,}\s", s.split("(")[0])):
            continue
        closing = _CLOSING_HEADING.match(s)
        # the heading is followed by prose, not by another short line of a list
        if len(nxt.split()) < 3 and not nxt.endswith(".") and not closing and not re.match(r"[•·*–-]\s", nxt):
            continue
        lead = len(line) - len(line.lstrip())
        heads.append((ls + lead, ls + lead + len(s.rstrip(":")), s.rstrip(": ")))
        if closing:
            break  # what follows the closing is no agenda item (a notice, a reply form)
    if len(heads) < 3 or not any(_FIRST_HEADING.match(h[2]) for h in heads[:2]) \
            or sum(1 for h in heads if _USUAL_HEADING.match(h[2])) < 2:
        return []
    return heads


SUBJECT_BELOW = re.compile(r"[ \t]*\n[ \t]*(?i:onderwerp|titel|omschrijving)[ \t]*:?[ \t]*\n[ \t]*(?P<title>[^\n]{3,200})")


def _items_in(t: str, start: int, end: int, allow_single: bool, with_proposal: bool,
              headings: bool = False) -> list[dict]:
    """Agenda items between start and end, each with heading evidence span and section."""
    # points under "Het college heeft besloten:" are the decision's, not agenda items
    cands = [c for c in _item_candidates(t, start, end, run_in=headings) if not decision_points(t, c.start, start)]
    chain = _best_chain(cands, 1 if allow_single else 2)
    items: list[dict] = []
    levels = portal_items(t, start, end) or [o for o in outline(t, start, end) if not decision_points(t, o.start, start)]
    if sum(1 for o in levels if o.level == 1) < 2:
        levels = repeated_ones(t, start, end) or levels
    if len(chain) < 2 and sum(1 for o in levels if o.level == 1) < 2:
        # no list by lines: items numbered on within running text
        inline = [o for o in inline_items(t, start, end) if not decision_points(t, o.start, start)]
        levels = inline if sum(1 for o in inline if o.level == 1) >= 3 else levels
    if len(levels) > len(chain) and sum(1 for o in levels if o.level == 1) >= 2:
        # an agenda with sub-items ("2a", "2a.1", "3.1") read level by level
        for i, (o, (sec_start, sec_end)) in enumerate(zip(levels, sections(levels, end))):
            body_end = levels[i + 1].start if i + 1 < len(levels) else end
            below = SUBJECT_BELOW.match(t, o.title_end, body_end)
            if below:  # a record row with its subject under an "Onderwerp" label
                o = replace(o, title=below.group("title").strip(), title_end=below.end("title"))
            title, kind = _clean_title(o.title)
            proposal = _proposal_in(t, o.title_end, body_end) if with_proposal else None
            items.append({"number": o.number, "title": title, "proposal": proposal,
                          "portfolio_holder": _holder_in(t, o.title_end, body_end), "contact": None,
                          "kind": kind or _section_kind(t, o.start, body_end) or kind_of(proposal) or _title_kind(title),
                          "_ev": (o.start, o.title_end), "section": (sec_start, sec_end)})
        return items
    if chain:
        for i, c in enumerate(chain):
            sec_end = chain[i + 1].start if i + 1 < len(chain) else end
            title, tend = _continue_title(t, c, sec_end)
            below = SUBJECT_BELOW.match(t, tend, sec_end)
            if below:  # a record row ("2 2008-004398 WVV Van Haaren") with its subject under an "Onderwerp" label
                title, tend = below.group("title").strip(), below.end("title")
            title, kind = _clean_title(title)
            kind = kind or _section_kind(t, c.start, sec_end)
            proposal = _proposal_in(t, tend, sec_end) if with_proposal else None
            kind = kind or kind_of(proposal) or _title_kind(title)
            items.append({"number": c.num, "title": title, "proposal": proposal,
                          "portfolio_holder": _holder_in(t, tend, sec_end),
                          "contact": None, "kind": kind, "_ev": (c.start, tend), "section": (c.start, sec_end)})
        return items
    # unnumbered headings that end in a kind: "Verslag ... 21 mei 2024 (bijlage 1) Ter vaststelling"
    heads = list(KIND_ENDING.finditer(t, start, end))
    if not heads and headings:
        found = _headings_in(t, start, end) or decision_headings(t, start, end)
        for i, (hs, he, title) in enumerate(found):
            sec_end = found[i + 1][0] if i + 1 < len(found) else end
            title, kind = _clean_title(title)
            items.append({"number": None, "title": title, "proposal": None, "portfolio_holder": None,
                          "contact": None, "kind": kind or _title_kind(title), "_ev": (hs, he),
                          "section": (hs, sec_end)})
        return items
    for i, m in enumerate(heads):
        sec_end = heads[i + 1].start() if i + 1 < len(heads) else end
        title, _ = _clean_title(m.group("title"))
        items.append({"number": None, "title": title, "proposal": None, "portfolio_holder": None, "contact": None,
                      "kind": kind_of(m.group("kind")), "_ev": (m.start(), m.end()), "section": (m.start(), sec_end)})
    return items


def _holder_in(t: str, s: int, e: int) -> str | None:
    """The portfolio holder named in an item's own section ("Portefeuillehouder: dhr. G. Smit")."""
    m = _HOLDER_FIELD.search(t, s, e)
    if not m:
        return None
    name = clean_name(re.split(r"\s*[,;(]", m.group("v"))[0])
    return name if looks_like_name(name) else None


def _title_kind(title: str) -> str | None:
    if re.match(r"^(?:voorstel\s+(?:tot|om|met|inzake|over)|vaststell|vaststellen|benoeming|bekrachtig|instemm)",
                title, re.I):
        return "decision"
    return None
