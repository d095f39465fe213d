"""Organisations named in Dutch governance text.

General rules only: a legal-form or government prefix ("Gemeente X",
"Provincie X", "Waterschap X", "Ministerie van X", "Stichting X", "ROC X",
"Hogeschool X", "Regio X"), a legal-form suffix ("X B.V.", "X N.V.") or an
education suffix ("X College", "X University"), and an abbreviation in
parentheses after such a name ("Logistiek Netwerk Zuid (LNZ)") as its alias.
``find_organisations`` works on a plain string; ``extract_organisations``
builds the contract entries, one per organisation, with all spellings merged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..document import Part, Text
from .evidence import evidence

__all__ = ["OrgMention", "find_organisations", "extract_organisations", "org_key"]


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str  # normalised display name, e.g. "Provincie Utrecht"
    kind: str
    alias: str | None = None  # abbreviation given in parentheses


# One capitalised name token ("Noord-Holland", "’s-Hertogenbosch", "MOED", "5G").
_TOK = r"(?:['’]s-)?[A-ZÀ-Ý][\w'’&+.\-]*(?<![.\-])"
_LATER_TOK = r"(?:['’]s-)?(?:[A-ZÀ-Ý][\w'’&+.\-]*(?<![.\-])|\d+[A-Za-z][\w.\-]*)"
# Small words that may join capitalised tokens inside one name ("en" only in ministries:
# elsewhere it joins two organisations).
_JOIN = r"(?:van|de|der|den|het|voor|&|'t)"
_NAME = rf"{_TOK}(?:[ \t]+(?:{_JOIN}[ \t]+)*{_LATER_TOK}){{0,5}}"
_MIN_NAME = rf"{_TOK}(?:[ \t]+(?:(?:{_JOIN}|en)[ \t]+)*{_LATER_TOK}){{0,5}}"
_ABBR = r"[ \t]*\((?P<abbr>[A-Z][A-Z0-9&\-]{1,9})\)"

_PREFIXES: list[tuple[str, str, str]] = [
    # (regex for the prefix, display prefix, kind)
    (r"[Gg]emeente", "Gemeente", "municipality"),
    (r"[Pp]rovincie", "Provincie", "province"),
    (r"(?:[Ww]aterschap|[Hh]oogheemraadschap)", "", "water_board"),
    (r"[Mm]inisterie[ \t]+van", "Ministerie van", "national_government"),
    (r"(?:[Vv]eiligheidsregio|GGD|[Oo]mgevingsdienst|Regio)", "", "region"),
    (r"[Ss]tichting", "Stichting", "foundation"),
    (r"(?:[Vv]ereniging|[Cc]oöperatie|[Cc]ooperatie)", "", "association"),
    (r"(?:ROC|[Hh]ogeschool|[Uu]niversiteit(?:[ \t]+van)?)", "", "education"),
]
_PREFIX_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _, _) in enumerate(_PREFIXES)) + r")"
    r"[ \t]+(?P<name>" + _NAME + r")(?:" + _ABBR + r")?"
)
_MINISTRY_RE = re.compile(r"(?<![\w-])[Mm]inisterie[ \t]+van[ \t]+(?P<name>" + _MIN_NAME + r")(?:" + _ABBR + r")?")
_SUFFIX_RE = re.compile(
    r"(?<![\w-])(?P<name>" + _NAME + r")[ \t]+(?P<suffix>B\.V\.|BV|N\.V\.|NV|College|University|Academie)(?![\w])"
    r"(?:" + _ABBR + r")?"
)
# "Netwerk Slimme Zorg (NSZ)": a name with an organisation noun and an abbreviation.
_ORG_NOUNS = (r"Community|Centrum|Center|Centre|Raad|Dienst|Bureau|Fonds|Netwerk|Instituut|Agentschap"
              r"|Kamer|Bank|Groep|Federatie|Bond|Platform|Maatschappij|Corporatie|Coalitie|Alliantie")
_ABBR_NAME_RE = re.compile(r"(?<![\w-])(?P<name>" + _NAME + r")" + _ABBR)
_ORG_NOUN_RE = re.compile(rf"\b(?:{_ORG_NOUNS})\b")

# Words that end a name: a name never swallows these even when capitalised.
_STOP_WORDS = frozenset("De Het Een In Op Met Voor Van Aan Bij Deze Dit Dat Die Wij We Zij Er Als Om Naar En "
                        "Ook Door Uit Over Tot Na Per Zo Daarnaast".split())
# A "Regio Deal" is a programme, not an organisation.
_NOT_AFTER_REGIO = frozenset("Deal Deals".split())
_NOT_BEFORE_REGIO = frozenset("elke iedere ieder deze die onze uw hun een welke".split())


def org_key(name: str) -> str:
    """Comparison key: lower case, no diacritics, single spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", folded.replace("’", "'")).strip().lower()


def _trim(name: str) -> str:
    """Drop trailing stop words and joiners a greedy match took along."""
    words = name.split()
    while len(words) > 1 and (words[-1] in _STOP_WORDS or re.fullmatch(_JOIN, words[-1])):
        words.pop()
    # A sentence-initial word after the first one starts a new clause.
    for i, w in enumerate(words[1:], 1):
        if w in _STOP_WORDS:
            words = words[:i]
            break
    return " ".join(words)


def find_organisations(text: str) -> list[OrgMention]:
    """Organisation mentions in ``text``, in order, without overlaps (longest first)."""
    found: list[OrgMention] = []
    matches = [(m, None) for m in _PREFIX_RE.finditer(text)]
    matches += [(m, 3) for m in _MINISTRY_RE.finditer(text)]
    for m, fixed in matches:
        i = fixed if fixed is not None else next(
            int(k[1:]) for k, v in m.groupdict().items() if k.startswith("p") and v)
        regex, display, kind = _PREFIXES[i]
        name = _trim(m.group("name"))
        if not name or name.split()[0] in _STOP_WORDS:
            continue
        prefix = m.group(f"p{i}") if fixed is None else "Ministerie van"
        if kind == "region" and name.split()[0] in _NOT_AFTER_REGIO:
            continue
        # "Elke Regio …", "onze regio …": a quantifier or possessive before it makes it no name
        before = text[max(0, m.start() - 12):m.start()].split()
        if kind == "region" and before and before[-1].lower() in _NOT_BEFORE_REGIO:
            continue
        shown = f"{display} {name}" if display else f"{prefix[0].upper()}{prefix[1:]} {name}"
        end = m.start("name") + len(name)
        if text[end:end + 1] == "-":  # "Regio Noord- en Zuid-Limburg": a cut-off compound
            continue
        alias = m.group("abbr") if m.group("abbr") and end == m.start("name") + len(m.group("name")) else None
        if alias:
            end = m.end()
        found.append(OrgMention(m.start(), end, re.sub(r"\s+", " ", shown), kind, alias))
    for m in _SUFFIX_RE.finditer(text):
        name = _trim(m.group("name"))
        words = name.split()
        # Keep only the capitalised tail right before the suffix ("... met Enpuls B.V." → "Enpuls").
        tail: list[str] = []
        for w in reversed(words):
            if w in _STOP_WORDS or re.fullmatch(_JOIN, w):
                break
            tail.insert(0, w)
        while tail and re.fullmatch(_JOIN, tail[0]):
            tail.pop(0)
        if not tail:
            continue
        suffix = m.group("suffix")
        kind = "education" if suffix in ("College", "University", "Academie") else "company"
        shown = " ".join(tail) + " " + suffix
        start = m.end("suffix") - len(shown)
        found.append(OrgMention(max(start, m.start()), m.end(), shown, kind, m.group("abbr")))
    for m in _ABBR_NAME_RE.finditer(text):
        name = _trim(m.group("name"))
        if not _ORG_NOUN_RE.search(name) or len(name.split()) < 2:
            continue
        start = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        found.append(OrgMention(start, m.end(), name, "other", m.group("abbr")))
    found.sort(key=lambda o: (o.start, -(o.end - o.start)))
    result: list[OrgMention] = []
    for o in found:
        if result and o.start < result[-1].end:
            continue
        result.append(o)
    return result


def _kind_of(name: str) -> str | None:
    for o in find_organisations(name):
        if o.start == 0:
            return o.kind
    return None


def extract_organisations(text: Text, parts: list[Part], result: dict) -> list[dict]:
    """One entry per organisation: name, kind, aliases, mentions and the evidence of its first mention."""
    entries: dict[str, dict] = {}
    by_alias: dict[str, str] = {}
    for o in find_organisations(text.text):
        key = org_key(o.name)
        if key in by_alias and key not in entries:
            key = by_alias[key]
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = {
                "name": o.name,
                "kind": o.kind,
                "aliases": [],
                "mentions": 0,
                "evidence": evidence(text, parts, o.start, o.end),
            }
        entry["mentions"] += 1
        surface = re.sub(r"\s+", " ", text.text[o.start:o.end])
        if o.alias and o.alias not in entry["aliases"]:
            entry["aliases"].append(o.alias)
            by_alias[org_key(o.alias)] = key
        bare = re.sub(r"\s*\([^)]*\)$", "", surface)
        if bare != entry["name"] and org_key(bare) == key and bare not in entry["aliases"] and bare[:1].isupper():
            pass  # same name in other case: not an alias worth listing
    # Issuing organisations of the document parts, when not found in the text itself.
    for part in parts:
        org = part.organisation
        if org and org_key(org) not in entries and org_key(org) not in by_alias:
            entries[org_key(org)] = {"name": org, "kind": _kind_of(org), "aliases": [], "mentions": 1,
                                     "evidence": evidence(text, parts, part.start, part.start)}
    return sorted(entries.values(), key=lambda e: org_key(e["name"]))
