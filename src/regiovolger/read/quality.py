"""Text quality: a score per page, glyph-loss detection and lexicon repair.

Some PDFs lose glyphs on extraction: a font subset without a usable
ToUnicode map turns certain letters into gaps. The damage follows one pattern
(observed with pdftotext and mirrored by the tests):

* a run of lost letters inside a word becomes one space ("samenleving" →
  "sa e le i g" when m, n and v are lost);
* a run at the end of a word becomes one space, so the next separator makes a
  double space ("een soort" → "ee  soort");
* a run at the start of a word vanishes into the separator before it
  ("op basis" → "op asis").

:func:`detect_lost_glyphs` infers the lost letters from the text itself,
:func:`repair` restores words only where a Dutch lexicon (``wordfreq``) makes
the restoration unambiguous, and :func:`apply_quality` puts scores, repairs
and shifted page offsets on a :class:`~regiovolger.document.Text`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache

from ..document import Page, Repair, Text

LANG = "nl"

# A fragment is a run of letters; an apostrophe joins letters inside a word (regio's).
_FRAG = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
# Fragments joined by spaces only: the stretch in which glyph loss can be repaired.
_PHRASE = re.compile(r"[^\W\d_]+(?: +[^\W\d_]+)*")
_LETTER_GAP2 = re.compile(r"(?<=[^\W\d_])  +(?=[^\W\d_])")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[^\W\d_]) [,.;:)](?=\s|$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Tokens OCR produces from specks and lines: letters mixed with these symbols.
_OCR_JUNK = re.compile(r"[|~^{}<>\\¦¬«»■□▪●◆♦¤]")

# Candidate letters for detection: what a Dutch font subset can lose.
ALPHABET = "abcdefghijklmnopqrstuvwxyzáàäéèêëíïóöúüç"

KNOWN_ZIPF = 3.0  # a repaired word must be at least this common
OOV_ZIPF = 2.5  # below this a fragment counts as not a word
MARGIN = 1.0  # a repair must beat every other reading by this much (log10 units)
INSERT_COST = 0.5  # per restored run of letters
UNKNOWN_COST = 7.5  # leaving a fragment as an unknown word
DOUBLE_SPACE_COST = 2.5
SPACE_BEFORE_PUNCT_COST = 1.5
SINGLE_LETTER_COST = 2.0  # single letters are frequent in wordfreq, rare as Dutch words
MAX_WORD_FRAGMENTS = 8
MAX_WORD_CHARS = 40


# --- lexicon ----------------------------------------------------------------


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """Dutch word → Zipf frequency (log10 per billion words), from wordfreq."""
    import wordfreq

    return {
        word: round(math.log10(freq) + 9, 2)
        for word, freq in wordfreq.get_frequency_dict(LANG).items()
        if _LETTERS.fullmatch(word)
    }


def zipf(word: str) -> float:
    return lexicon().get(word.lower(), 0.0)


@lru_cache(maxsize=1)
def letter_frequencies() -> dict[str, float]:
    """Share of each letter in running Dutch text, weighted by word frequency."""
    counts: Counter[str] = Counter()
    for word, z in lexicon().items():
        if z < 3.0:
            continue
        weight = 10 ** (z - 3)
        for ch in word:
            counts[ch] += weight
    total = sum(counts.values())
    return {ch: n / total for ch, n in counts.items()}


def damaged_form(word: str, lost: frozenset[str] | set[str]) -> str:
    """How ``word`` looks after losing the letters in ``lost`` (see the module doc)."""
    out: list[str] = []
    in_run = False
    for ch in word:
        if ch in lost:
            if not in_run and out:
                out.append(" ")
            in_run = True
        else:
            in_run = False
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=4)
def _damage_index(lost: frozenset[str]) -> dict[str, list[tuple[str, float, int]]]:
    """Damaged form → [(word, zipf, restored runs)] for every lexicon word."""
    index: dict[str, list[tuple[str, float, int]]] = defaultdict(list)
    table = str.maketrans({ch: " " for ch in lost})
    runs = re.compile(" +")
    for word, z in lexicon().items():
        if z < 1.5:
            continue
        marked = word.translate(table)
        if marked == word:
            index[word].append((word, z, 0))
            continue
        n_runs = len(runs.findall(marked))
        form = runs.sub(" ", marked).lstrip(" ")
        if form.strip():
            index[form].append((word, z, n_runs))
    return dict(index)


# --- page quality -------------------------------------------------------------


def _signals(s: str) -> dict[str, float]:
    lex = lexicon()
    frags = list(_FRAG.finditer(s))
    n = len(frags)
    short_oov = single = 0
    for m in frags:
        w = m.group()
        if not w.islower():
            continue
        if len(w) == 1:
            before = s[m.start() - 1] if m.start() else " "
            after = s[m.end()] if m.end() < len(s) else " "
            # o.a., e-mail, 's, u (formal "you") are real one-letter tokens
            if w != "u" and after not in ".-/&'’" and before not in ".-/&'’":
                single += 1
        elif len(w) <= 4 and lex.get(w, 0.0) < OOV_ZIPF:
            short_oov += 1
    long_oov = sum(
        1 for m in frags if len(m.group()) > 4 and m.group().islower() and lex.get(m.group(), 0.0) < 1.5
    )
    return {
        "words": n,
        "glyph": (short_oov + single + len(_LETTER_GAP2.findall(s)) + len(_SPACE_BEFORE_PUNCT.findall(s))) / n
        if n
        else 0.0,
        "oov": long_oov / n if n else 0.0,
        "chars": len(s),
    }


def _mojibake(s: str) -> int:
    from ftfy.badness import badness

    return badness(s)


def page_quality(s: str) -> float:
    """1.0 for clean text, lower with glyph loss, mojibake, replacement characters or OCR junk.

    Digits and punctuation are neutral: a page that is a table of numbers is not garbage.
    """
    if not s.strip():
        return 1.0
    sig = _signals(s)
    n = sig["words"]
    chars = max(len(s), 1)
    factors = []
    if n >= 5:
        # clean prose sits around 0.02 (abbreviations, stray letters)
        factors.append(1 - min(1.0, max(0.0, sig["glyph"] - 0.04) * 1.6))
        # long non-words: names and compounds are normal, OCR garbage is not
        factors.append(1 - min(0.6, max(0.0, sig["oov"] - 0.15) * 1.5))
    per_k = 1000 / chars
    bad = _mojibake(s) * per_k
    factors.append(1 - min(0.8, bad * 0.15))
    broken = (s.count("\ufffd") + len(_CONTROL.findall(s))) * per_k
    factors.append(1 - min(0.8, broken * 0.1))
    tokens = s.split()
    if tokens:
        junk = sum(1 for t in tokens if _OCR_JUNK.search(t) and any(c.isalpha() for c in t))
        factors.append(1 - min(0.8, max(0.0, junk / len(tokens) - 0.01) * 3))
    q = 1.0
    for f in factors:
        q *= f
    return round(max(0.0, min(1.0, q)), 3)


# --- detection ----------------------------------------------------------------


def _candidates(make, lex: dict[str, float], min_zipf: float) -> list[str]:
    return [c for c in ALPHABET if lex.get(make(c), 0.0) >= min_zipf]


def detect_lost_glyphs(s: str) -> set[str]:
    """The letters this text lost on extraction, inferred from the text alone.

    Two kinds of evidence must agree: split tokens that become a known word when
    one letter is put back (votes per letter), and the absence of that letter in
    the damaged fragments (a lost letter never shows up where the loss occurred).
    """
    lex = lexicon()
    frags = list(_FRAG.finditer(s))
    votes: Counter[str] = Counter()
    damaged: list[str] = []
    events = 0

    def vote(cands: list[str], weight: float, *pieces: str) -> None:
        nonlocal events
        if not cands or len(cands) > 3:
            return
        events += 1
        for c in cands:
            votes[c] += weight / len(cands)
        damaged.extend(pieces)

    for k, m in enumerate(frags):
        a = m.group()
        if not a.islower() or "'" in a or "’" in a:
            continue
        za = lex.get(a, 0.0)
        nxt = frags[k + 1] if k + 1 < len(frags) else None
        gap = s[m.end() : nxt.start()] if nxt else s[m.end() :]
        if nxt is not None and gap == " ":
            b = nxt.group()
            if b.islower() and min(za, lex.get(b, 0.0)) < OOV_ZIPF and lex.get(a + b, 0.0) < KNOWN_ZIPF:
                vote(_candidates(lambda c: a + c + b, lex, KNOWN_ZIPF), 1.0, a, b)
                continue
        if za < OOV_ZIPF and (gap.startswith("  ") or re.match(r" [,.;:]", gap)):
            vote(_candidates(lambda c: a + c, lex, 3.5), 1.0, a)
        elif za < 1.0 and len(a) >= 3 and k and s[m.start() - 1] == " ":
            vote(_candidates(lambda c: c + a, lex, 3.5), 0.5, a)

    if events < 3:
        return set()
    freq = letter_frequencies()
    seen = Counter("".join(damaged))
    total = sum(seen.values())
    lost: set[str] = set()
    for c, v in votes.items():
        expected = total * freq.get(c, 0.0)
        ratio = seen[c] / expected if expected else 1.0
        if v >= 2 and ratio <= 0.2:
            lost.add(c)
    return lost


# --- repair -------------------------------------------------------------------

RepairSpan = tuple[int, int, int, int, str, str]  # old start, old end, new start, new end, old, new


def _restore_case(fragment: str, word: str, lost: frozenset[str]) -> str | None:
    """Spell ``word`` with the case of the visible letters in ``fragment``."""
    visible = [ch for ch in fragment if ch != " "]
    caps = len(visible) > 1 and all(ch.isupper() for ch in visible)
    out: list[str] = []
    i = 0
    for ch in word:
        if ch in lost:
            if not out and visible and visible[0].isupper():
                return None  # a capital was visible, so the word cannot start with a lost letter
            out.append(ch.upper() if caps else ch)
        else:
            if i >= len(visible) or visible[i].lower() != ch:
                return None
            out.append(visible[i])
            i += 1
    return "".join(out) if i == len(visible) else None


def _choose(readings: list[tuple[str, float, int]]) -> tuple[float, tuple[str, float, int] | None]:
    """Best cost of a damaged form, and the reading if it wins by ``MARGIN``."""
    scored = sorted(
        (max(0.0, 8 - z) + INSERT_COST * runs + (SINGLE_LETTER_COST if len(w) == 1 else 0.0), (w, z, runs))
        for w, z, runs in readings
    )
    best_cost, best = scored[0]
    unique = len(scored) == 1 or scored[1][0] - best_cost >= MARGIN
    return best_cost, best if unique else None


def _repair_run(s: str, spans: list[tuple[int, int]], after: str, lost: frozenset[str], index) -> list:
    """Segment one run of fragments (separated by spaces only) into words; return edits."""
    n = len(spans)
    gaps = [spans[k + 1][0] - spans[k][1] for k in range(n - 1)]
    tail = len(after) - len(after.lstrip(" "))
    tail_next = after[tail : tail + 1]
    inf = float("inf")
    best = [inf] * (n + 1)
    back: list[tuple[int, int, tuple | None] | None] = [None] * (n + 1)
    best[0] = 0.0
    for i in range(n):
        if best[i] == inf:
            continue
        for j in range(i, min(n, i + MAX_WORD_FRAGMENTS)):
            if j > i and gaps[j - 1] != 1:
                break
            if spans[j][1] - spans[i][0] > MAX_WORD_CHARS:
                break
            space_after = gaps[j] if j < n - 1 else tail
            for t in (0, 1):
                if t > space_after:
                    continue
                rest = space_after - t
                if j < n - 1:
                    if rest < 1:
                        continue
                    sep = DOUBLE_SPACE_COST if rest >= 2 else 0.0
                elif tail_next in (",", ".", ";", ":", ")", "!", "?"):
                    sep = SPACE_BEFORE_PUNCT_COST * rest
                else:
                    sep = DOUBLE_SPACE_COST if rest >= 2 else 0.0
                start, end = spans[i][0], spans[j][1] + t
                form = s[start:end]
                readings = index.get(form.lower())
                choice = None
                if readings:
                    cost, choice = _choose(readings)
                elif j == i and t == 0:
                    cost = UNKNOWN_COST
                else:
                    continue
                if j == i and t == 0 and not readings:
                    choice = None
                total = best[i] + cost + sep
                if total < best[j + 1]:
                    best[j + 1] = total
                    back[j + 1] = (i, t, (start, end, form, choice))
    edits = []
    k = n
    while k > 0 and back[k] is not None:
        i, _t, (start, end, form, choice) = back[k]
        if choice is not None and choice[2] > 0 and choice[1] >= KNOWN_ZIPF:
            word = _restore_case(form.replace(" ", ""), choice[0], lost)
            if word is not None and word != form:
                edits.append((start, end, form, word))
        k = i
    return edits[::-1]


def _has_evidence(s: str, spans: list[tuple[int, int]], after: str, lex: dict[str, float]) -> bool:
    for k, (a, b) in enumerate(spans):
        w = s[a:b]
        if len(w) == 1 and w != "u" or lex.get(w.lower(), 0.0) < OOV_ZIPF:
            return True
        if k + 1 < len(spans) and spans[k + 1][0] - b >= 2:
            return True
    return after.startswith("  ") or bool(re.match(r" [,.;:]", after))


def repair(s: str, lost: set[str]) -> tuple[str, list[RepairSpan]]:
    """Restore words that lost the letters in ``lost``; leave anything ambiguous alone.

    Returns the repaired text and one tuple per repaired word:
    (start, end) in ``s``, (start, end) in the repaired text, the damaged form and the word.
    """
    lost_set = frozenset(c for c in lost if c.islower())
    if not lost_set:
        return s, []
    index = _damage_index(lost_set)
    lex = lexicon()
    edits: list[tuple[int, int, str, str]] = []
    for m in _PHRASE.finditer(s):
        # fragments holding a lost letter were extracted intact: they split the phrase
        run: list[tuple[int, int]] = []
        frags = [(f.start() + m.start(), f.end() + m.start()) for f in _LETTERS.finditer(m.group())]
        frags.append(None)
        for span in frags:
            if span is not None and not any(ch in lost_set for ch in s[span[0] : span[1]]):
                run.append(span)
                continue
            if run:
                after = s[run[-1][1] : run[-1][1] + 3] if span is None else s[run[-1][1] : span[0]]
                if span is None:
                    after = s[run[-1][1] :][:8]
                if _has_evidence(s, run, after, lex):
                    edits.extend(_repair_run(s, run, after, lost_set, index))
                run = []
    if not edits:
        return s, []
    out: list[str] = []
    spans: list[RepairSpan] = []
    pos = 0
    shift = 0
    for start, end, old, new in edits:
        out.append(s[pos:start])
        out.append(new)
        new_start = start + shift
        spans.append((start, end, new_start, new_start + len(new), old, new))
        shift += len(new) - (end - start)
        pos = end
    out.append(s[pos:])
    return "".join(out), spans


# --- Text ---------------------------------------------------------------------


def _shift(offset: int, spans: list[RepairSpan]) -> int:
    """Where ``offset`` of the unrepaired text lands in the repaired text."""
    delta = 0
    for old_start, old_end, new_start, new_end, _o, _n in spans:
        if old_end <= offset:
            delta += (new_end - new_start) - (old_end - old_start)
        else:
            break
    return offset + delta


def apply_quality(text: Text) -> Text:
    """Score each page and the whole text; detect and repair glyph loss."""
    source = text.text
    pages = text.pages or [Page(number=1, start=0, end=len(source))]
    scored = [replace(p, quality=page_quality(source[p.start : p.end])) for p in pages]
    total = sum(max(p.end - p.start, 1) for p in scored)
    quality = round(sum(p.quality * max(p.end - p.start, 1) for p in scored) / total, 3)
    result = replace(text, pages=scored if text.pages else text.pages, quality=quality)
    if text.original is not None:  # already repaired: never repair twice
        return result
    if max(_signals(source)["glyph"], *(_signals(source[p.start : p.end])["glyph"] for p in pages)) < 0.03:
        return result  # clean text: no glyph-loss hunt
    lost = detect_lost_glyphs(source)
    if not lost:
        return result
    result.glyph_loss = True
    repaired, spans = repair(source, lost)
    if not spans:
        return result
    result.original = source
    result.text = repaired
    result.repairs = [Repair(start=a, end=b, original=o, repaired=n) for _s, _e, a, b, o, n in spans]
    if text.pages:
        result.pages = [replace(p, start=_shift(p.start, spans), end=_shift(p.end, spans)) for p in scored]
    return result
