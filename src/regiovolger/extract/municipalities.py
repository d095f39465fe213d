"""Dutch municipalities: the CBS code registry and finding municipalities in text.

The registry is read from ``regiovolger/data/municipalities.csv`` (current and
former municipalities with CBS codes, successors and aliases; see
``MUNICIPALITIES_SOURCE.md`` there). Text search uses one compiled regular
expression built as a trie over every name and alias, so a 150 kB text is
scanned once; longer names win ("Bergen op Zoom" over a shorter name).

A match only counts as a mention when the text gives evidence that a
municipality is meant:

* the name is capitalised (all-caps headings count for names of five letters
  or more);
* names that are also ordinary words or names of other things (column
  ``common_word``: "Best", "Putten", "Buren", ...) need strong evidence: a
  preceding "gemeente"/"gemeenten", or capitalised in the middle of a sentence
  (not after a surname particle, not followed by another capitalised word),
  or a place in a list next to names that do count;
* a name that is also a province name ("Utrecht") is the province
  after "provincie", "provincies" or "Staten van";
* inflected forms ("Zwolse", "Utrechts"), hyphen compounds
  ("Zwolle-Zuid") and surnames ("J. van Lochem") are not mentions.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .evidence import evidence

__all__ = [
    "Municipality",
    "MunicipalityMention",
    "Registry",
    "registry",
    "lookup",
    "by_code",
    "current_successor",
    "find_municipalities",
    "summarise",
]

_CSV_NAME = "municipalities.csv"


@dataclass(frozen=True)
class Municipality:
    cbs_code: str  # GMxxxx
    name: str  # official CBS name, e.g. "Bergen (NH.)", "'s-Gravenhage"
    province: str  # province at the time (for former municipalities: when they ceased)
    ceased: int | None = None  # year the municipality ceased to exist; None when current
    successor_code: str | None = None  # CBS code of the municipality it went into
    common_word: bool = False  # the name is also an ordinary word or another thing's name
    aliases: tuple[str, ...] = ()

    @property
    def current(self) -> bool:
        return self.ceased is None


@dataclass(frozen=True)
class MunicipalityMention:
    start: int  # offsets into the text that was searched
    end: int
    surface: str  # the text as written, text[start:end]
    name: str  # official name of the municipality meant
    cbs_code: str


# --- normalisation -----------------------------------------------------------

_QUOTES = "\u2018\u2019\u201b\u00b4`\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """A one-character-to-one-character table: lower case, no diacritics.

    Being length-preserving, folded text keeps the offsets of the original.
    """
    table: dict[int, str] = {}
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        low = base.lower()
        if len(low) == 1 and low != ch:
            table[cp] = low
    for q in _QUOTES:
        table[ord(q)] = "'"
    for d in _DASHES:
        table[ord(d)] = "-"
    table[0xA0] = " "
    return table


def _fold(text: str) -> str:
    return text.translate(_fold_table())


_SEP = re.compile(r"[\s\-]+")


def _key(name: str) -> str:
    """Lookup key: folded, runs of spaces and hyphens as one space."""
    return _SEP.sub(" ", _fold(name)).strip()


# --- registry ----------------------------------------------------------------


def _read_csv() -> str:
    try:
        path = resources.files("regiovolger.data").joinpath(_CSV_NAME)
        return path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, TypeError):
        return resources.files("regiovolger").joinpath("data", _CSV_NAME).read_text(encoding="utf-8")


class Registry:
    """All municipalities, indexed by CBS code and by (folded) name and alias."""

    def __init__(self, municipalities: list[Municipality]):
        self.municipalities = municipalities
        self._by_code = {m.cbs_code: m for m in municipalities}
        # Current municipalities win a shared name; among former ones the latest.
        rank = sorted(municipalities, key=lambda m: (m.current, m.ceased or 0))
        self._by_key: dict[str, Municipality] = {}
        for m in rank:
            for form in (m.name, *m.aliases):
                self._by_key[_key(form)] = m
        self.provinces = frozenset(_key(m.province) for m in municipalities)
        self._pattern: re.Pattern[str] | None = None

    @classmethod
    def from_csv(cls, text: str) -> Registry:
        items = []
        for row in csv.DictReader(io.StringIO(text)):
            items.append(
                Municipality(
                    cbs_code=row["cbs_code"],
                    name=row["name"],
                    province=row["province"],
                    ceased=int(row["ceased"]) if row["ceased"] else None,
                    successor_code=row["successor_code"] or None,
                    common_word=row["common_word"] == "1",
                    aliases=tuple(a for a in row["aliases"].split("|") if a),
                )
            )
        return cls(items)

    def __len__(self) -> int:
        return len(self.municipalities)

    def __iter__(self):
        return iter(self.municipalities)

    def by_code(self, code: str) -> Municipality | None:
        code = code.strip().upper()
        if re.fullmatch(r"\d{1,4}", code):
            code = "GM%04d" % int(code)
        return self._by_code.get(code)

    def lookup(self, name_or_alias: str) -> Municipality | None:
        """The municipality with this name, alias or CBS code (case- and diacritic-insensitive)."""
        if not name_or_alias:
            return None
        if re.fullmatch(r"\s*[Gg][Mm]\d{4}\s*", name_or_alias):
            return self.by_code(name_or_alias)
        key = _key(name_or_alias)
        found = self._by_key.get(key)
        if found is None:
            stripped = re.sub(r"^gemeenten?\s+", "", key)
            found = self._by_key.get(stripped)
        return found

    def current_successor(self, code: str) -> Municipality | None:
        """Follow successor links from ``code`` to the municipality that exists now."""
        m = self.by_code(code)
        seen: set[str] = set()
        while m is not None and not m.current:
            if m.cbs_code in seen or not m.successor_code:
                return None
            seen.add(m.cbs_code)
            m = self._by_code.get(m.successor_code)
        return m

    def search_keys(self) -> dict[str, Municipality]:
        return dict(self._by_key)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = _compile(self._by_key.keys())
        return self._pattern


def _trie_regex(node: dict) -> str:
    alternatives = []
    optional = False
    for ch in sorted(node):
        if ch == "":
            optional = True
            continue
        atom = r"[\s\-]+" if ch == " " else re.escape(ch)
        alternatives.append(atom + _trie_regex(node[ch]))
    if not alternatives:
        return ""
    if len(alternatives) == 1 and not optional:
        return alternatives[0]
    group = "(?:" + "|".join(alternatives) + ")"
    return group + "?" if optional else group


def _compile(keys) -> re.Pattern[str]:
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    # Not inside a word or hyphen compound; not followed by an inflection,
    # a compound ("Zwolle-Zuid") or a possessive "'s".
    return re.compile(r"(?<![\w'\-])" + _trie_regex(trie) + r"(?![\w])(?!-\w)(?!'s\b)")


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry from the packaged CSV, loaded once."""
    return Registry.from_csv(_read_csv())


def lookup(name_or_alias: str) -> Municipality | None:
    return registry().lookup(name_or_alias)


def by_code(code: str) -> Municipality | None:
    return registry().by_code(code)


def current_successor(code: str) -> Municipality | None:
    return registry().current_successor(code)


# --- finding mentions -------------------------------------------------------

_GEMEENTE_BEFORE = re.compile(r"\bgemeenten?[\s:]+$")
_PROVINCE_WORD = re.compile(r"\b(?:provincies?|staten\s+van|(?:gs|ps)\s+van)\b")
_PARTICLE_BEFORE = re.compile(r"\b(?:de|den|der|het|ter|ten|van)\s+$")
# Surnames: "J. van Lochem", "mevrouw Van Raalte".
_INITIALS_BEFORE = re.compile(r"(?:\b[A-Z][a-z]?\.\s*)+(?:(?:van|de|den|der|ter|ten|Van|De|Den|Ter|Ten)\s+)*$")
_TITLE_BEFORE = re.compile(r"\b(?:heer|mevrouw|meneer|mw|dhr)\.?\s+(?:(?:van|de|den|der|ter|ten)\s+)*$")
# A capitalised word before "van"/"de" is a first name ("Jan van Lochem") unless
# it is one of these nouns ("Burgemeester van Lochem").
_NAME_PARTICLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:van|de|den|der|ter|ten)(?:\s+(?:de|den|der))?\s+$")
_NOUNS_BEFORE_VAN = frozenset(
    "gemeente gemeenten burgemeester college raad gemeenteraad inwoners wethouder wethouders regio "
    "provincie stad centrum bestuur gebied omgeving buurt kern kernen dorp dorpen noorden zuiden "
    "oosten westen zuidoosten noordoosten zuidwesten noordwesten".split()
)
_CAPITAL_PARTICLE_BEFORE = re.compile(r"(?<!\w)(Van|De|Den|Der|Ter|Ten)(?:\s+(?:de|den|der))?\s+$")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_LIST_GAP = re.compile(r"\s*(?:,|;|/|&|\ben\b|\bof\b|,\s*en\b|,\s*of\b)\s*")
_SENTENCE_CONTINUES = set(",;&/'\"")


def _previous_char(text: str, start: int) -> str | None:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else None


def _sentence_initial(text: str, start: int) -> bool:
    prev = _previous_char(text, start)
    return prev is None or not (prev.isalnum() or prev in _SENTENCE_CONTINUES)


def _in_province_context(folded: str, start: int) -> bool:
    window = folded[max(0, start - 80) : start]
    window = re.split(r"[.!?\n]", window)[-1]
    last = None
    for last in _PROVINCE_WORD.finditer(window):
        pass
    if last is None:
        return False
    tail = window[last.end() :]
    return bool(re.fullmatch(r"[\w\s,\-']*", tail)) and len(tail.split()) <= 8


@dataclass
class _Candidate:
    start: int
    end: int
    municipality: Municipality
    accepted: bool = False
    list_ok: bool = False  # may be accepted when it stands in a list of accepted names


def _judge(text: str, folded: str, c: _Candidate, provinces: frozenset[str]) -> None:
    m = c.municipality
    surface = text[c.start : c.end]
    before = text[max(0, c.start - 40) : c.start]
    folded_before = folded[max(0, c.start - 40) : c.start]
    gemeente = bool(_GEMEENTE_BEFORE.search(folded_before))
    letters = [ch for ch in surface if ch.isalpha()]
    all_caps = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    # "De wijk" is not "De Wijk": an article's capital does not count.
    rest = re.sub(r"^(?:de|het|den|'s|'t)[\s\-]+", "", surface, flags=re.IGNORECASE)
    capitalised = any(ch.isupper() for ch in rest)

    if not gemeente and (_INITIALS_BEFORE.search(before) or _TITLE_BEFORE.search(folded_before)):
        return
    first_name = _NAME_PARTICLE_BEFORE.search(before)
    if not gemeente and first_name and first_name.group(1).lower() not in _NOUNS_BEFORE_VAN:
        return
    particle = _CAPITAL_PARTICLE_BEFORE.search(before)
    if particle and not _sentence_initial(text, c.start - len(before) + particle.start(1)):
        return
    if _key(m.name) in provinces or any(_key(a) in provinces for a in m.aliases):
        if m.ceased is not None:  # a former municipality named like a province
            c.accepted = gemeente
            return
        if not gemeente and _in_province_context(folded, c.start):
            return
    if gemeente:
        c.accepted = True
        return
    if not capitalised:
        return
    if not m.common_word:
        c.accepted = not all_caps or len(letters) >= 5
        c.list_ok = True
        return
    # Common words need strong evidence.
    c.list_ok = True
    if all_caps or _sentence_initial(text, c.start):
        return
    if _PARTICLE_BEFORE.search(folded_before):
        return
    if _CAPITALISED_NEXT.match(text, c.end):
        return
    c.accepted = True


def find_municipalities(text: str) -> list[MunicipalityMention]:
    """Mentions of Dutch municipalities in ``text``, in order, with offsets into ``text``."""
    reg = registry()
    folded = _fold(text)
    keys = reg.search_keys()
    candidates: list[_Candidate] = []
    for match in reg.pattern.finditer(folded):
        m = keys.get(_key(match.group()))
        if m is None:
            continue
        candidates.append(_Candidate(match.start(), match.end(), m))
    for c in candidates:
        _judge(text, folded, c, reg.provinces)
    # Names in a list ("de gemeenten Ermelo, Putten en Nijkerk") lend each other evidence.
    changed = True
    while changed:
        changed = False
        for i, c in enumerate(candidates):
            if c.accepted or not c.list_ok:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(candidates) and candidates[j].accepted:
                    a, b = (candidates[j], c) if j < i else (c, candidates[j])
                    if _LIST_GAP.fullmatch(folded, a.end, b.start):
                        c.accepted = changed = True
                        break
    return [
        MunicipalityMention(c.start, c.end, text[c.start : c.end], c.municipality.name, c.municipality.cbs_code)
        for c in candidates
        if c.accepted
    ]


def summarise(mentions: list[MunicipalityMention]) -> list[dict]:
    """The contract's ``municipalities`` entries: name, CBS code and count, sorted by name."""
    counts = Counter((m.name, m.cbs_code) for m in mentions)
    return [
        {"name": name, "cbs_code": code, "mentions": n}
        for (name, code), n in sorted(counts.items(), key=lambda item: (_key(item[0][0]), item[0][1]))
    ]


# --- the contract ---------------------------------------------------------------

def extract_municipalities(text, parts) -> list[dict]:
    """One entry per municipality, with the evidence of its first mention and its successor."""
    mentions = find_municipalities(text.text)
    first = {}
    for m in mentions:
        first.setdefault(m.cbs_code, m)
    entries = summarise(mentions)
    for entry in entries:
        m = first[entry["cbs_code"]]
        successor = current_successor(m.cbs_code)
        entry["successor"] = successor.cbs_code if successor and successor.cbs_code != m.cbs_code else None
        entry["evidence"] = evidence(text, parts, m.start, m.end)
    return entries
