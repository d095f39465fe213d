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

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from ..document import Page, Repair, Text
from ..structure import shift_block

LANG = "nl"

# A fragment is a run of letters; an apostrophe joins letters inside a word (regio's).
_FRAG = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
# Fragments joined by spaces only: the stretch in which glyph loss can be repaired.
_PHRASE = re.compile(r"[^\W\d_]+(?: +[^\W\d_]+)*")
# exactly two spaces: wider gaps between words are layout (columns, signature blocks)
_LETTER_GAP2 = re.compile(r"(?<=[^\W\d_])  (?=[^\W\d_])")
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
WORD_COST = 1.0  # per word: prefer one compound over two words where both read
UNKNOWN_COST = 7.5  # leaving a fragment as an unknown word
DOUBLE_SPACE_COST = 2.5
INITIAL_GAP_RELIEF = 1.0
SPACE_BEFORE_PUNCT_COST = 1.5
SINGLE_LETTER_COST = 2.0  # single letters are frequent in wordfreq, rare as Dutch words
MAX_WORD_FRAGMENTS = 8
GLYPH_SUSPECT = 0.03  # a page's fragment rate above which glyph loss is looked for
EVIDENCE_WINDOW = 80  # characters either side of a run
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


Reading = tuple[str, float, int, bool]  # word, zipf, restored runs, starts with a lost letter


@lru_cache(maxsize=4)
def _damage_index(lost: frozenset[str]) -> tuple[dict[str, list[Reading]], dict[str, list[Reading]]]:
    """Damaged form → readings, for every lexicon word.

    The second index holds words starting with a lost letter as they look when
    that first letter is a visible capital (capitals are separate glyphs).
    """
    index: dict[str, list[Reading]] = defaultdict(list)
    capital: dict[str, list[Reading]] = defaultdict(list)
    table = str.maketrans({ch: " " for ch in lost})
    runs = re.compile(" +")
    for word, z in lexicon().items():
        if z < 1.5:
            continue
        marked = word.translate(table)
        if marked == word:
            index[word].append((word, z, 0, False))
            continue
        n_runs = len(runs.findall(marked))
        initial = marked[0] == " "
        form = runs.sub(" ", marked).lstrip(" ")
        if form.strip():
            index[form].append((word, z, n_runs, initial))
        if initial:
            rest = runs.sub(" ", word[0] + marked[1:])
            capital[rest].append((word, z, n_runs - (marked[1:2] != " "), False))
    return dict(index), dict(capital)


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
            # o.a., e-mail, 's, 3a, u (formal "you") are real one-letter tokens
            glued = after in ".-/&'’" or before in ".-/&'’" or before.isdigit() or after.isdigit()
            if w != "u" and not glued:
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
    return _score(s, _signals(s))


def _score(s: str, sig: dict[str, float]) -> float:
    if not s.strip():
        return 1.0
    n = sig["words"]
    chars = max(len(s), 1)
    factors = []
    if n >= 5:
        confidence = min(1.0, n / 30)  # a handful of words says little
        # clean prose stays below 0.01; glyph-lost passages reach 0.2-0.6
        factors.append(1 - confidence * min(1.0, max(0.0, sig["glyph"] - 0.02) * 3))
        # long non-words: names and compounds are normal, OCR garbage is not
        factors.append(1 - confidence * min(0.6, max(0.0, sig["oov"] - 0.15) * 1.5))
    per_k = 1000 / chars
    factors.append(1 - min(0.8, _mojibake(s) * per_k * 0.15))
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
        # a lost letter can still be visible as a capital (a separate glyph)
        if i < len(visible) and visible[i].lower() == ch and (ch not in lost or visible[i].isupper()):
            out.append(visible[i])
            i += 1
        elif ch in lost:
            out.append(ch.upper() if caps else ch)
        else:
            return None
    return "".join(out) if i == len(visible) else None


def _reading_cost(reading: Reading, wide_gap: bool) -> float:
    word, z, runs, initial = reading
    cost = WORD_COST + max(0.0, 8 - z) + INSERT_COST * runs
    if len(word) == 1:
        cost += SINGLE_LETTER_COST
    if wide_gap:
        # a lost first letter sometimes widens the gap before a word
        cost += DOUBLE_SPACE_COST - (INITIAL_GAP_RELIEF if initial else 0.0)
    return cost


class _Chooser:
    """Best reading of a damaged form, cached per (form, capitalised, wide gap)."""

    def __init__(self, lost: frozenset[str]):
        self.index, self.capital = _damage_index(lost)
        self.cache: dict[tuple[str, bool, bool], tuple[float, Reading | None] | None] = {}

    def __call__(self, form: str, wide_gap: bool) -> tuple[float, Reading | None] | None:
        capitalised = form[0].isupper()
        key = (form, capitalised, wide_gap)
        if key in self.cache:
            return self.cache[key]
        low = form.lower()
        readings = self.index.get(low, [])
        if capitalised:  # a visible capital cannot follow a lost first letter
            readings = [r for r in readings if not r[3]] + self.capital.get(low, [])
        result = None
        if readings:
            scored = sorted((_reading_cost(r, wide_gap), r) for r in readings)
            best_cost, best = scored[0]
            unique = len(scored) == 1 or scored[1][0] - best_cost >= MARGIN
            result = (best_cost, best if unique else None)
        self.cache[key] = result
        return result


def _known_enough(word: str, z: float) -> bool:
    # long words are rarely ambiguous, so a rarer long word may still be restored
    return z >= max(KNOWN_ZIPF - 0.1 * max(0, len(word) - 8), 1.8)


def _repair_run(s: str, spans: list[tuple[int, int]], after: str, lost: frozenset[str], choose: _Chooser) -> list:
    """Segment one run of fragments (separated by spaces only) into words; return edits.

    Dynamic programming over (fragment index, spaces left before it), so that a
    word may take a trailing space as its lost last letter.
    """
    n = len(spans)
    gaps = [spans[k + 1][0] - spans[k][1] for k in range(n - 1)]
    tail = len(after) - len(after.lstrip(" "))
    tail_next = after[tail : tail + 1]
    inf = float("inf")
    # best[(k, wide)] where wide means two or more spaces precede fragment k
    best: dict[tuple[int, bool], float] = {(0, False): 0.0}
    back: dict[tuple[int, bool], tuple] = {}
    for i in range(n):
        for wide in (False, True):
            base = best.get((i, wide), inf)
            if base == inf:
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
                        sep = 0.0
                    elif tail_next in (",", ".", ";", ":", ")", "!", "?"):
                        sep = SPACE_BEFORE_PUNCT_COST * rest
                    else:
                        sep = DOUBLE_SPACE_COST if rest >= 2 else 0.0
                    start, end = spans[i][0], spans[j][1] + t
                    form = s[start:end]
                    found = choose(form, wide)
                    if found is not None:
                        cost, reading = found
                    elif j == i:  # an unknown word, perhaps missing its last letter
                        cost = WORD_COST + UNKNOWN_COST + INSERT_COST * t + (DOUBLE_SPACE_COST if wide else 0.0)
                        reading = None
                    else:
                        continue
                    state = (j + 1, rest >= 2)
                    total = base + cost + sep
                    if total < best.get(state, inf):
                        best[state] = total
                        back[state] = ((i, wide), start, end, form, reading)
    finals = [k for k in ((n, False), (n, True)) if k in best]
    if not finals:
        return []
    state = min(finals, key=lambda k: best[k])
    edits = []
    while state in back:
        prev, start, end, form, reading = back[state]
        if reading is not None and reading[2] > 0 and _known_enough(reading[0], reading[1]):
            restored_only_initial = reading[3] and reading[2] == 1 and end == start + len(form.rstrip())
            if not (restored_only_initial and len(form) < 2):
                word = _restore_case(form.replace(" ", ""), reading[0], lost)
                if word is not None and word != form:
                    edits.append((start, end, form, word))
        state = prev
    return edits[::-1]


def _has_evidence(s: str, spans: list[tuple[int, int]], after: str, lex: dict[str, float]) -> bool:
    """Whether a run of fragments, or the text around it, shows signs of glyph loss."""
    for k, (a, b) in enumerate(spans):
        w = s[a:b]
        if len(w) == 1 and w != "u" or lex.get(w.lower(), 0.0) < OOV_ZIPF:
            return True
        if k + 1 < len(spans) and spans[k + 1][0] - b >= 2:
            return True
    if after.startswith("  ") or re.match(r" [,.;:]", after):
        return True
    # damage comes in stretches: a word-word double space nearby counts too
    window = s[max(0, spans[0][0] - EVIDENCE_WINDOW) : spans[-1][1] + EVIDENCE_WINDOW]
    return bool(_LETTER_GAP2.search(window))


def _fixed(s: str, a: int, b: int, lost: frozenset[str], first: bool, last: bool) -> bool:
    """Whether fragment ``s[a:b]`` must stay as it is."""
    if any(ch in lost for ch in s[a:b]):
        return True  # it holds a lost letter, so it was extracted intact
    if first and a and s[a - 1] not in " \n\t\f([{\"'‘“„":
        return True  # glued to a symbol or digit: part of a code or abbreviation (V&D, G/G)
    return last and b < len(s) and (s[b] in "&/@-'’" or s[b].isdigit())


def _repair_if_damaged(s, run, after, lost, choose, lex) -> list:
    return _repair_run(s, run, after, lost, choose) if _has_evidence(s, run, after, lex) else []


def repair(s: str, lost: set[str]) -> tuple[str, list[RepairSpan]]:
    """Restore words that lost the letters in ``lost``; leave anything ambiguous alone.

    Returns the repaired text and one tuple per repaired word:
    (start, end) in ``s``, (start, end) in the repaired text, the damaged form and the word.
    """
    lost_set = frozenset(c for c in lost if c.islower())
    if not lost_set:
        return s, []
    choose = _Chooser(lost_set)
    lex = lexicon()
    edits: list[tuple[int, int, str, str]] = []
    for m in _PHRASE.finditer(s):
        frags = [(f.start() + m.start(), f.end() + m.start()) for f in _LETTERS.finditer(m.group())]
        run: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(frags):
            if not _fixed(s, a, b, lost_set, k == 0, k == len(frags) - 1):
                run.append((a, b))
                continue
            if run:
                edits.extend(_repair_if_damaged(s, run, s[run[-1][1] : a], lost_set, choose, lex))
            run = []
        if run:
            edits.extend(_repair_if_damaged(s, run, s[run[-1][1] : run[-1][1] + 8], lost_set, choose, lex))
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


def _shifter(spans: list[RepairSpan]):
    """Map an offset of the unrepaired text to the repaired text."""
    ends = [old_end for _a, old_end, *_rest in spans]
    deltas = list(accumulate((nb - na) - (ob - oa) for oa, ob, na, nb, _o, _n in spans))

    def shift(offset: int) -> int:
        k = bisect.bisect_right(ends, offset)  # repairs that end at or before offset
        return offset + (deltas[k - 1] if k else 0)

    return shift


def apply_quality(text: Text) -> Text:
    """Score each page and the whole text; detect and repair glyph loss.

    Scores describe the extracted text as it came out (before repairs).
    """
    source = text.text
    pages = text.pages or [Page(number=1, start=0, end=len(source))]
    signals = [_signals(source[p.start : p.end]) for p in pages]
    scored = [replace(p, quality=_score(source[p.start : p.end], sig)) for p, sig in zip(pages, signals)]
    weights = [max(p.end - p.start, 1) for p in scored]
    quality = round(sum(p.quality * w for p, w in zip(scored, weights)) / sum(weights), 3)
    result = replace(text, pages=scored if text.pages else [], quality=quality)
    if text.original is not None:  # already repaired: never repair twice
        return result
    if max(sig["glyph"] for sig in signals) < GLYPH_SUSPECT:
        return result  # clean text: no glyph-loss hunt
    lost = detect_lost_glyphs(source)
    if not lost:
        return result
    result.glyph_loss = True
    repaired, spans = repair(source, lost)
    if not spans:
        return result
    shift = _shifter(spans)
    result.original = source
    result.text = repaired
    result.repairs = [Repair(start=a, end=b, original=o, repaired=n) for _s, _e, a, b, o, n in spans]
    result.pages = [replace(p, start=shift(p.start), end=shift(p.end)) for p in result.pages]
    result.blocks = [shift_block(b, shift) for b in result.blocks]
    return result


# --- garbage text layers ---------------------------------------------------------

# Characters a text layer holds when a font's codes do not map to Unicode.
_ODD = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ue000-\uf8ff\ufffd\ufffe\uffff]")
GARBAGE_KNOWN = 0.3  # below this share of known words a page's text is garbage
GARBAGE_MIN_WORDS = 8  # fewer judged words say nothing
GARBAGE_SAMPLE = 400  # words looked at per page


def _plausible(token: str, lex: dict[str, float]) -> bool | None:
    """True for a known word, False for a non-word, None for a token that proves nothing (names, acronyms)."""
    lower = token.lower()
    if lex.get(lower, 0.0) >= 1.0:
        return True
    if token[0].isupper() and token[1:].islower() or token.isupper() and len(token) <= 6:
        return None
    return False


def garbage(s: str) -> bool:
    """Whether a page's text layer is garbage: codes that are not the glyphs shown.

    Two signs, each needing enough text to judge: many characters no text holds
    (private-use code points, control characters), or words that are mostly not
    words (random glyphs, or text shifted by a wrong ToUnicode map: "Ifu cftuvvs").
    Names, acronyms, numbers and tables are neutral.
    """
    visible = len(s) - sum(1 for c in s if c.isspace())
    if visible < 20:
        return False
    if len(_ODD.findall(s)) > 0.3 * visible:
        return True
    lex = lexicon()
    good = bad = 0
    for i, m in enumerate(_LETTERS.finditer(s)):
        if i >= GARBAGE_SAMPLE:
            break
        token = m.group()
        if len(token) < 4:
            continue  # short letter runs are "words" of some lexicon nearly always
        verdict = _plausible(token, lex)
        if verdict is True:
            good += 1
        elif verdict is False:
            bad += 1
    judged = good + bad
    return judged >= GARBAGE_MIN_WORDS and good < GARBAGE_KNOWN * judged


def check_readable(text: Text, raw) -> Text:
    """``text``, or a ReadError "unreadable" when most pages of the reader's ``raw`` pages are garbage.

    Pages whose text layer OCR confirmed are not judged again. The reason says
    whether OCR was tried.
    """
    from ..errors import ReadError
    from ..messages import message

    confirmed = set(raw.confirmed)
    with_text = bad = 0
    for index, page in enumerate(raw.texts):
        if not page.strip():
            continue
        with_text += 1
        if index not in confirmed and garbage(page):
            bad += 1
    if not bad or bad * 2 < with_text:
        return text
    if raw.ocr_problem:
        detail = message("read.ocr_unavailable", detail=raw.ocr_problem)
    elif text.media_type in ("application/pdf", "image/png", "image/jpeg", "image/tiff"):
        detail = message("read.unreadable_ocr")
    else:
        detail = message("read.unreadable_other")
    raise ReadError("unreadable", pages=bad, total=with_text, detail=detail)
