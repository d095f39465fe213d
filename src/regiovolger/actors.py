"""Who is meant: a person, an office ("de wethouder"), a group ("allen"), a body or a municipality.

Pure functions, no database: the resolve stage calls them for every name a
fact carries (action owners, commitment makers, portfolio holders,
administrative clients, attendees, meeting bodies). Vocabularies live in
``nl/data/actors.toml`` and ``nl/data/bodies.toml``.

- :func:`classify` tells what a name as written is;
- :func:`body_type` tells the type of a body from its name;
- :func:`canonical_body` gives the one name of an organisation across its
  spellings (abbreviations, old ministry names, a trailing abbreviation in
  brackets, a cut-off word) and the owner a meeting body belongs to
  ("Gemeenteraad Den Helder").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .nl import vocabulary

PERSON, ROLE, GROUP, BODY, MUNICIPALITY, OTHER = "person", "role", "group", "body", "municipality", "other"

_ARTICLE = re.compile(r"^(?:de|het|een|'t)\s+")
_QUALIFIER = re.compile(r"^(?:toenmalige?|huidige?|betrokken|verantwoordelijke?|nieuwe?)\s+")


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    return re.sub(r"\s+", " ", s).strip()


def _bare(s: str) -> str:
    """Folded, without a leading article or qualifier: 'de toenmalig minister' -> 'minister'."""
    s = fold(s).strip(" .,:;")
    for _ in range(2):
        s = _ARTICLE.sub("", s)
        s = _QUALIFIER.sub("", s)
    return s


@dataclass(frozen=True)
class Actor:
    kind: str  # person, role, group, body, municipality, other
    name: str  # the person's name, the canonical role, the body's name, the municipality's name
    role: str | None = None  # for a person named with an office ("wethouder Wagner"): the office
    body_type: str | None = None  # for a body or group
    cbs_code: str | None = None  # for a municipality
    everyone: bool = False  # "allen": the meeting's own body


@lru_cache(maxsize=1)
def _vocab() -> tuple[set[str], set[str], dict[str, str], dict[str, str]]:
    v = vocabulary("actors")
    return (set(v["everyone"]), set(v["group_nouns"]), dict(v["roles"]), dict(v["bodies"]))


@lru_cache(maxsize=1)
def _role_prefix() -> re.Pattern:
    words = sorted(_vocab()[2], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?=\S)")


def classify(raw: str | None, context_org: str | None = None) -> Actor | None:
    """What the name ``raw`` as written denotes; None for empty or unreadable text."""
    from .extract.municipalities import lookup
    from .extract.names import clean_name, looks_like_name

    text = " ".join((raw or "").split()).strip(" .,;:")
    if not text:
        return None
    everyone, groups, roles, bodies = _vocab()
    bare = _bare(text)
    if bare in everyone:
        return Actor(GROUP, text, everyone=True, body_type="group")
    if bare in roles:
        return Actor(ROLE, roles[bare])
    if bare in groups:
        return Actor(GROUP, text[0].upper() + text[1:] if not text[:1].isupper() else text, body_type="group")
    if bare in bodies:
        return Actor(BODY, text, body_type=bodies[bare])
    muni = lookup(text)
    if muni is not None:
        return Actor(MUNICIPALITY, muni.name, cbs_code=muni.cbs_code)
    # an office followed by its holder: "wethouder Wagner", "de portefeuillehouder De Bree"
    m = _role_prefix().match(bare)
    rest = ""
    if m:
        rest = " ".join(text.split()[len(bare[:m.end()].split()) + len(text.split()) - len(bare.split()):])
        if rest and looks_like_name(rest):
            return Actor(PERSON, clean_name(rest), role=roles[m.group(0).strip()])
    kind = body_type(text) or _organisation_kind(text)
    if kind == "municipality":
        muni = lookup(re.sub(r"(?i)^gemeente\s+", "", text))
        if muni is not None:
            return Actor(MUNICIPALITY, muni.name, cbs_code=muni.cbs_code)
    if kind:
        office = re.search(r"(?i)\bminister\s+van\s+(.+)$", text)
        if kind == "ministry" and office:  # "de minister van EZ": the ministry acts
            return Actor(BODY, f"Ministerie van {office.group(1)}", body_type=kind)
        return Actor(BODY, text, body_type=kind)
    if m:
        return Actor(ROLE, roles[m.group(0).strip()])
    if looks_like_name(text):
        return Actor(PERSON, clean_name(text))
    return Actor(OTHER, text)


def _organisation_kind(text: str) -> str | None:
    """An organisation by its form ("X University", "X B.V."), as the organisation extractor reads it."""
    from .extract.organisations import find_organisations

    found = find_organisations(text)
    if found and found[0].start == 0 and found[0].end >= len(text.rstrip(" .")) - 1:
        return vocabulary("bodies")["kinds"].get(found[0].kind, "other")
    return None


@lru_cache(maxsize=1)
def _types() -> list[tuple[str, re.Pattern]]:
    return [(kind, re.compile(pattern)) for kind, pattern in vocabulary("bodies")["types"]]


def body_type(name: str | None, kind: str | None = None) -> str | None:
    """The type of a body from its name (or from an extractor's kind when the name does not tell)."""
    folded = fold(name)
    for t, pattern in _types():
        if folded and pattern.search(folded):
            return t
    return vocabulary("bodies")["kinds"].get(kind or "", None) if kind else None


_BRACKET = re.compile(r"\s*\(([^()]{1,20})\)\s*$")


def canonical_body(name: str) -> tuple[str, list[str]]:
    """(canonical name, aliases) of an organisation as written.

    "Bestuurlijk Overleg X (BO X)" -> ("Bestuurlijk Overleg X", ["BO X"]);
    "Ministerie van EZ" -> ("Ministerie van Economische Zaken", ["Ministerie van EZ"]).
    """
    text = " ".join(name.split()).strip(" .,;:")
    text = re.sub(r"(?i)^(?:de|het)\s+(?=\S)", "", text)  # "de provincie Overijssel" = "Provincie Overijssel"
    aliases: list[str] = []
    m = _BRACKET.search(text)
    if m and len(text) > m.end() - m.start() + 3:
        aliases.append(m.group(1).strip())
        text = text[:m.start()].strip()
    # dashes between places are spaces in another spelling: "A – B – C" = "A B C"
    text = re.sub(r"\s+[–—-]\s+", " ", text)
    province = re.match(r"(?i)provincie\s+(\S+)", text)
    if province:
        word = fold(province.group(1)).rstrip("'s")
        names = [p for p in vocabulary("bodies")["provinces"] if fold(p) == word or
                 (len(word) >= 5 and fold(p).startswith(word))]
        if len(names) == 1 and fold(text) != fold(f"provincie {names[0]}"):
            aliases.append(text)
            text = f"Provincie {names[0]}"
    known = vocabulary("bodies")["aliases"]
    target = known.get(fold(text))
    if target:
        aliases.append(text)
        text = target
    text = text[:1].upper() + text[1:]
    return text, [a for a in aliases if fold(a) != fold(text)]


def body_key(name: str | None) -> str:
    """Comparison key of a body name: canonical, folded, words only."""
    if not name:
        return ""
    canonical, _ = canonical_body(name)
    return re.sub(r"[^a-z0-9]+", " ", fold(canonical)).strip()


_PARTICLE = {"van", "de", "der", "den", "het", "voor", "en", "&", "'t"}


def initialism(name: str) -> str:
    """The first word and the initials of the rest: "Veiligheidsregio Noord-Holland Noord" and
    "Veiligheidsregio NHN" both give "veiligheidsregio nhn", so an abbreviation finds its full name."""
    words = canonical_body(name)[0].split()
    if len(words) < 2:
        return ""
    rest = words[1:]
    if len(rest) == 1 and re.fullmatch(r"[A-Z]{2,6}", rest[0]):
        return f"{fold(words[0])} {rest[0].lower()}"
    parts = [p for w in rest for p in w.split("-") if p and fold(p) not in _PARTICLE]
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return ""
    return f"{fold(words[0])} {''.join(p[0] for p in parts).lower()}"


def owner_of(name: str | None) -> tuple[str | None, str | None]:
    """(municipality name, cbs code) a meeting body belongs to when its name says so ("Gemeenteraad Den Helder")."""
    from .extract.municipalities import lookup

    if not name:
        return None, None
    folded = fold(name)
    m = re.search(r"(?:gemeenteraad|raad|college van [a-z& ]+?|gemeente)\s+(?:van\s+(?:de\s+gemeente\s+)?)?(?P<place>.+)$",
                  folded)
    if not m:
        return None, None
    muni = lookup(m.group("place").strip())
    return (muni.name, muni.cbs_code) if muni else (None, None)


__all__ = ["Actor", "classify", "body_type", "canonical_body", "body_key", "initialism", "owner_of", "fold"]
