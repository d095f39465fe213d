"""Dutch text analysis shared by indexing, querying and highlighting (no Django).

Every backend sees the same tokens: words are split on non-word characters,
lower-cased and folded to ASCII ("financiële" → "financiele"), then stemmed
with Snowball ``dutch_porter`` — the algorithm PostgreSQL's 'dutch'
configuration uses, so both backends agree on what a word matches (Snowball's
newer ``dutch`` folds gemeente/mening/gemeen into one stem).

Compounds. Dutch writes compounds as one word ("woningbouwafspraken"), so a
search for "woningbouw" or "afspraken" would miss it. We decompound at index
time, driven by a lexicon (the Dutch word list that ships with ``wordfreq``):
a word is split where both sides are frequent Dutch words (with the linking
"s" allowed), recursively, and the stems of all constituents are indexed in a
separate, lower-weighted field. The query side is not decompounded, so a
query for the whole compound still ranks exact matches first. We chose this
over prefix matching on stems because it also reaches the *head* of a compound
("afspraken" finds "woningbouwafspraken"), which prefix matching cannot, and it
costs nothing at query time. Splits whose left side is a verb particle or
preposition ("voorstel", "overleg", "uitvoering") are not made: those are
derivations, not compounds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+", re.UNICODE)

_stemmer = snowballstemmer.stemmer("dutch_porter")

# Dutch function words: the Snowball Dutch stop list (as PostgreSQL's 'dutch'
# configuration uses it). Dropped from plain-word queries, kept in phrases.
STOPWORDS = frozenset("""
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
na reeds wil kon niets uw iemand geweest andere
""".split())

# Left parts that make derivations rather than compounds (particles, prepositions).
_NOT_A_MODIFIER = frozenset(
    "aan af achter bij binnen boven buiten door in mee na naar om onder op over rond samen tegen terug "
    "toe tussen uit voor voorbij weg ver be ge ont her er mis".split())

# Right parts that are derivational suffixes or particles, not heads of a compound.
_NOT_A_HEAD = _NOT_A_MODIFIER | frozenset(
    "heid heden ende enden ing ingen lijk lijke lijkheid baar bare schap schappen achtig achtige "
    "loos loze zaam zame tjes atie aties isch ische".split())

_MIN_HEAD = 4  # shortest right-hand constituent
_MIN_MODIFIER = 3  # shortest left-hand constituent
_MIN_COMPOUND = 8  # shorter words are not split
_MIN_ZIPF = 2.8  # how common a constituent must be (wordfreq's Zipf scale)


def fold(s: str) -> str:
    """Lower-case and strip diacritics: 'Financiële' → 'financiele', 'ĳ' → 'ij'."""
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def words(s: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of ``s``; offsets index ``s``."""
    return [(fold(m.group()), m.start(), m.end()) for m in WORD.finditer(s)]


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """The dutch_porter stem of a folded word."""
    return _stemmer.stemWord(word)


def tokens(s: str) -> list[str]:
    """Folded words of ``s`` (for PostgreSQL, which stems them itself)."""
    return [w for w, _, _ in words(s)]


def stems(s: str) -> list[str]:
    return [stem(w) for w, _, _ in words(s)]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    import math

    import wordfreq

    out: dict[str, float] = {}
    for w, f in wordfreq.get_frequency_dict("nl", wordlist="best").items():
        z = math.log10(f) + 9 if f > 0 else 0.0  # wordfreq's Zipf scale
        if z >= _MIN_ZIPF and w.isalpha():
            key = fold(w)
            out[key] = max(z, out.get(key, 0.0))
    return out


def _score(w: str) -> float | None:
    return _lexicon().get(w)


@lru_cache(maxsize=200_000)
def _split(word: str) -> tuple[str, ...]:
    """The best split of ``word`` into constituents (one element when none)."""
    if len(word) < _MIN_COMPOUND or not word.isalpha():
        return (word,)
    best: tuple[float, tuple[str, ...]] | None = None
    for i in range(_MIN_MODIFIER, len(word) - _MIN_HEAD + 1):
        left, right = word[:i], word[i:]
        right_score = _score(right)
        if right_score is None or right in _NOT_A_HEAD:
            continue
        candidates = [left]
        if left.endswith("s") and len(left) > _MIN_MODIFIER:
            candidates.append(left[:-1])  # linking s: bestemming-s-plan
        for mod in candidates:
            if mod in _NOT_A_MODIFIER or len(mod) < _MIN_MODIFIER:
                continue
            mod_score = _score(mod)
            if mod_score is not None:
                left_parts: tuple[str, ...] = (mod,)
            else:
                left_parts = _split(mod) if len(mod) >= _MIN_COMPOUND else (mod,)
                if len(left_parts) == 1:
                    continue
                mod_score = min(_score(p) or 0 for p in left_parts)
            # prefer two long, common constituents over many short ones
            score = min(mod_score, right_score) - 0.7 * (len(left_parts) - 1)
            if best is None or score > best[0]:
                best = (score, (*left_parts, right))
    return best[1] if best else (word,)


@lru_cache(maxsize=200_000)
def constituents(word: str) -> tuple[str, ...]:
    """Constituents of a folded compound and its inner compounds, without the word itself.

    'woningbouwafspraken' → ('woningbouw', 'woning', 'bouw', 'afspraken').
    """
    parts = _split(word)
    if len(parts) == 1:
        return ()
    out: list[str] = []
    if len(parts) > 2:  # the modifier as a whole when it was itself split
        out.append("".join(parts[:-1]))
    for p in parts:
        out.append(p)
        out.extend(constituents(p))  # woningbouw → woning, bouw
    seen: list[str] = []
    for p in out:
        if p != word and p not in seen:
            seen.append(p)
    return tuple(seen)


@lru_cache(maxsize=500_000)
def analyse_word(word: str) -> tuple[str, tuple[str, ...]]:
    """(stem, stems of its compound constituents) of a folded word."""
    return stem(word), tuple(stem(p) for p in constituents(word))


def analyse(s: str) -> tuple[list[str], list[str]]:
    """Stems of ``s`` in order (for positions) and the stems of compound constituents."""
    body: list[str] = []
    parts: list[str] = []
    for w, _, _ in words(s):
        st, cs = analyse_word(w)
        body.append(st)
        parts.extend(cs)
    return body, parts


def analyse_folded(s: str) -> tuple[list[str], list[str]]:
    """Folded words of ``s`` and the folded constituents of its compounds (PostgreSQL stems both)."""
    body: list[str] = []
    parts: list[str] = []
    for w, _, _ in words(s):
        body.append(w)
        parts.extend(constituents(w))
    return body, parts
