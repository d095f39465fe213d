"""Dutch person names: parse, clean and match them.

Shared by meetings, people, actions and the resolve stage. A name as written
("de heer drs. J. van der Berg MBA", "Jan van Dam", "Sanne") is split into
honorific, titles, initials, first name, particles (tussenvoegsels) and
surname, so that "J. van Dam" and "Jan van Dam" can be recognised as one
person and "Sanne" as "Sanne Jansen" when only one Sanne is known.

Public API:
    parse_name(raw) -> PersonName | None
    clean_name(raw) -> str
    split_titles(raw) -> tuple[str, list[str]]
    is_redacted(s) -> bool
    looks_like_name(s) -> bool
    name_key(raw) -> str
    compatible(a, b) -> bool
    fullest(names) -> str
    cluster_names(names) -> list[list[str]]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

HONORIFICS = re.compile(
    r"^(?:de\s+heer|heer|de\s+heren|heren|de\s+dames|dames|mevrouw|mevr\.?|mw\.?|mr\.\s*en\s*mevr\.?|dhr\.?|hr\.?|de\s+hr\.?|"
    r"de\s+weledelgeleerde|de\s+edelachtbare)\s+",
    re.IGNORECASE)
# academic and professional titles, before or after the name
PRE_TITLES = ("prof", "dr", "drs", "mr", "ir", "ing", "ds", "bc", "kand", "mgr")
POST_TITLES = ("MBA", "MPM", "MSc", "MA", "BSc", "BA", "LLM", "PhD", "MPA", "RA", "RC", "EMIA", "MCM", "EMFC",
               "MMC", "AA", "CPC")
_PRE = re.compile(r"^(?:(?:" + "|".join(PRE_TITLES) + r")\.\s*)+", re.IGNORECASE)
_POST = re.compile(r"(?:[\s,]+(?:" + "|".join(POST_TITLES) + r")\.?)+\s*$")

PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "’t", "in", "op", "von", "la", "le",
             "du", "da", "di", "d'", "del", "vd", "v.d.", "uit", "zu", "dos", "das", "el", "al",
             "v.", "d.", "vd.", "v/d"}  # "J. v.d. Klift", read as "v. d." once dots are spaced

# Woo redaction marks and blanked-out names: never a person
REDACTED = re.compile(
    r"\[\s*(?:\.\.\.|…|x+|geanonimiseerd|weggelakt|naam|anoniem)?\s*\]|\b5\.1\.?\s*\d?\s*\.?\s*[a-z]\b|\b10\.?\s*\d\s*\.?\s*[a-z]\b"
    r"|[█■▇▆▓▒░]+|\b[xX]{3,}\b|\*{3,}|\b(?:geanonimiseerd|weggelakt|zwartgelakt)\b",
    re.IGNORECASE)

# common abbreviations that look like initials
NOT_INITIALS = {"N.B.", "B.V.", "N.V.", "V.O.F.", "C.V.", "U.A.", "E.U.", "O.A.", "T.A.V.", "I.R.T.", "D.D.",
                "P.M.", "A.S.", "Z.S.M.", "I.V.M.", "M.B.T.", "T.B.V.", "E.E.A.", "C.Q.", "V.V.", "N.T.B.",
                "G.S.", "P.S.", "O.V.B.", "S.V.P.", "M.I.V."}

# a double surname may hold particles after its hyphen: "Smit-van der Berg", "Jansen-de Vries"
_HYPHEN_PARTICLES = r"(?:(?:van|de|der|den|ter|ten|te|in|op|het|'t)[ \t])*"
# letters of names written in Latin script beyond Western Europe's ("Baş", "Işik", "Šimić")
UPPER = "A-ZÀ-ÖØ-ÝĲŞŠŽČĆŁŃŚŹŻİĞŘ"
LOWER = "a-zà-öø-ÿĳā-ſ"
_WORD = rf"[{UPPER}][{LOWER}'’]+(?:-{_HYPHEN_PARTICLES}[{UPPER}][{LOWER}'’]+|-[{LOWER}][{LOWER}'’]+)*"
_INITIALS = r"(?:[A-Z](?:[a-z]{1,2})?\.\s?){1,5}"
_PART = r"(?:(?:van|de|der|den|ter|ten|te|het|in|op|von|la|le|du|da|d'|'t|’t)\s+){0,3}"
# a name as found in running text: initials or first name(s), particles, surname
NAME_PATTERN = rf"(?:{_INITIALS}\s*{_PART}{_WORD}|{_WORD}(?:\s+{_WORD})?\s+{_PART}{_WORD}|{_WORD})"


@dataclass
class PersonName:
    raw: str
    name: str  # without honorific and titles
    titles: list[str] = field(default_factory=list)
    honorific: str | None = None
    first: str | None = None  # first name(s) as written
    initials: str = ""  # "J.J.M." as letters "JJM"
    particles: str = ""  # "van der"
    surname: str | None = None

    @property
    def first_only(self) -> bool:
        return self.surname is None and self.first is not None


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


def is_redacted(s: str) -> bool:
    """True when ``s`` is (or holds) a Woo redaction mark instead of a name."""
    return bool(REDACTED.search(s or ""))


def split_titles(raw: str) -> tuple[str, list[str]]:
    """Strip honorifics and academic titles; return (name, titles)."""
    s = re.sub(r"\s+", " ", (raw or "").strip(" ,;:\t\n"))
    if re.search(r"[a-zà-ÿ]{2}\.$", s):  # a sentence full stop, not an initial
        s = s[:-1]
    titles: list[str] = []
    for _ in range(3):
        m = HONORIFICS.match(s)
        if m:
            s = s[m.end():]
        m = _PRE.match(s)
        if m:
            titles += [t.strip() for t in re.findall(r"\w+\.", m.group(0))]
            s = s[m.end():]
    m = _POST.search(s)
    if m and m.start() > 0:
        titles += [t for t in re.split(r"[\s,]+", m.group(0)) if t]
        s = s[:m.start()]
    return s.strip(" ,"), titles


def _honorific(raw: str) -> str | None:
    m = HONORIFICS.match((raw or "").strip())
    if not m:
        return None
    h = _fold(m.group(0))
    return "mevrouw" if h.startswith(("mevr", "mw", "dames", "de dames")) else "de heer"


def _glue_double_surname(tokens: list[str]) -> list[str]:
    """["Smit-van", "Dam"] -> ["Smit-van Dam"]: particles after a hyphen belong to the surname."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if re.search(r"-(?:van|de|der|den|ter|ten|te|in|op|het|'t)$", tok, re.I):
            j = i + 1
            while j < len(tokens) - 1 and _fold(tokens[j]) in PARTICLES:
                j += 1
            if j < len(tokens) and tokens[j][:1].isupper():
                out.append(" ".join(tokens[i:j + 1]))
                i = j + 1
                continue
        out.append(tok)
        i += 1
    return out


def parse_name(raw: str) -> PersonName | None:
    """Parse a person name; None when it is redacted or does not look like a name."""
    if not raw or is_redacted(raw):
        return None
    name, titles = split_titles(raw)
    if not name:
        return None
    tokens = _glue_double_surname(name.replace(".", ". ").split())
    initials = ""
    first_parts: list[str] = []
    i = 0
    while i < len(tokens) and re.fullmatch(r"[A-Z](?:[a-z]{1,2})?\.", tokens[i]):
        initials += tokens[i][0]
        i += 1
    rest = tokens[i:]
    if not rest:
        return None
    # particles sit right before the surname; everything before them is first name(s)
    j = 0
    while j < len(rest) and _fold(rest[j]) not in PARTICLES:
        j += 1
    if j < len(rest):  # a particle was found
        first_parts = rest[:j]
        k = j
        while k < len(rest) - 1 and _fold(rest[k]) in PARTICLES:
            k += 1
        particles = " ".join(rest[j:k])
        surname = " ".join(rest[k:])
    elif initials or len(rest) > 1:
        first_parts = rest[:-1] if not initials else rest[:-1]
        particles = ""
        surname = rest[-1]
    else:  # one word: a first name ("Sanne") or a surname ("Bakker"): decided by the caller
        return PersonName(raw=raw, name=name, titles=titles, honorific=_honorific(raw), first=rest[0])
    if not surname:
        return None
    first = " ".join(first_parts) or None
    if first and not initials:
        initials = "".join(w[0] for w in first.replace("-", " ").split())
    return PersonName(raw=raw, name=name, titles=titles, honorific=_honorific(raw), first=first,
                      initials=initials, particles=particles, surname=surname)


def clean_name(raw: str) -> str:
    """The name without honorific or titles: "De heer drs. J. Jansen" -> "J. Jansen"."""
    p = parse_name(raw)
    return p.name if p else split_titles(raw)[0]


_STOP = {"de", "het", "een", "en", "of", "van", "voor", "met", "namens", "aanwezig", "afwezig", "verslag",
         "provincie", "gemeente", "regio", "staten", "raad", "college", "bestuur", "allen", "iedereen",
         "voorzitter", "secretaris", "wethouder", "gedeputeerde", "burgemeester", "secretariaat", "team",
         "directeur", "griffier", "ambtelijke", "ondersteuning", "overige", "leden", "fractie", "vacature"}


# one word that names a unit, not a person: "Programmabureau", "Projectteam", "Regiogriffie", "Stuurgroep"
_UNIT_WORD = re.compile(r"(?i)\w*(?:bureau|team|secretariaat|afdeling|directie|griffie|groep|dienst|loket|"
                        r"centrum|platform|organisatie|gemeenten|partners|bestuur|college|commissie|overleg)")


def looks_like_name(s: str) -> bool:
    """A cheap test: capitalised words, initials and particles only, at most six tokens."""
    if not s or is_redacted(s):
        return False
    name, _ = split_titles(s)
    if not name or len(name) > 60 or re.search(r"[\d@/()&:;]", name):
        return False
    toks = name.replace(".", ". ").split()
    if not toks or len(toks) > 6:
        return False
    if len(toks) == 1 and _UNIT_WORD.fullmatch(toks[0]):
        return False
    has_cap = False
    for t in toks:
        ft = _fold(t)
        if ft in PARTICLES:
            continue
        if ft.strip(".") in _STOP:
            return False
        if re.fullmatch(r"[A-Z](?:[a-z]{1,2})?\.", t) or re.fullmatch(_WORD, t):
            has_cap = True
            continue
        return False
    if re.fullmatch(r"(?:[A-Z]\.\s?)+", name.strip()) and name.replace(" ", "").upper() in NOT_INITIALS:
        return False
    return has_cap


def name_key(raw: str) -> str:
    """A normalised key for exact comparison: folded, without titles and punctuation."""
    p = parse_name(raw)
    base = p.name if p else raw
    return re.sub(r"[^\w]+", " ", _fold(base)).strip()


def _surname_key(p: PersonName) -> str:
    return _fold(f"{p.particles} {p.surname}".strip()) if p.surname else ""


_DOTTED = re.compile(r"^(?:[A-Z](?:[a-z]{1,2})?\.\s?)+")


def _multiword_surname(pa: PersonName, pb: PersonName) -> bool:
    """'S. Abou Zeid' and 'Abou Zeid' (from 'mevrouw Abou Zeid'): after initials every word is surname."""
    m = _DOTTED.match(pa.name)
    if not m or _DOTTED.match(pb.name) or not pa.first or len(pb.name.split()) < 2:
        return False
    return _fold(pa.name[m.end():]).split() == _fold(pb.name).split()


def _double_surname_part(pa: PersonName, pb: PersonName) -> bool:
    """pa's surname is one half of pb's hyphenated surname, and the first names (or two or more initials) agree."""
    sa, sb = _fold(pa.surname or ""), _fold(f"{pb.particles} {pb.surname}".strip())
    if "-" not in sb or "-" in sa or not sa:
        return False
    halves = [h.strip() for h in sb.split("-")]
    if sa not in halves and _fold(f"{pa.particles} {pa.surname}".strip()) not in halves:
        return False
    if pa.first and pb.first and not _DOTTED.match(pa.name) and not _DOTTED.match(pb.name):
        return _fold(pa.first) == _fold(pb.first)
    ia, ib = pa.initials.upper(), pb.initials.upper()
    return len(ia) >= 2 and ia == ib


def compatible(a: str | PersonName, b: str | PersonName) -> bool:
    """Whether two full-ish names can denote the same person.

    Surnames (with particles) must agree; first names or initials must not
    contradict. Single-word names are only compatible with an equal first name
    or an equal surname (the caller decides whether that is unambiguous).
    """
    pa = a if isinstance(a, PersonName) else parse_name(a)
    pb = b if isinstance(b, PersonName) else parse_name(b)
    if not pa or not pb:
        return False
    if pa.first_only or pb.first_only:
        one, other = (pa, pb) if pa.first_only else (pb, pa)
        word = _fold(one.first or "")
        if other.first_only:
            return word == _fold(other.first or "")
        return word == _fold((other.first or "").split()[0]) if other.first else word == _fold(other.surname or "")
    if _multiword_surname(pa, pb) or _multiword_surname(pb, pa):
        return True
    if _surname_key(pa) != _surname_key(pb):
        # one part of a double surname ("Ria Kamphuis" for "Ria Kamphuis-Smit") with the same first name
        if _double_surname_part(pa, pb) or _double_surname_part(pb, pa):
            return True
        # tolerate a dropped particle ("Vries" vs "de Vries") only when initials agree strongly
        if _fold(pa.surname or "") != _fold(pb.surname or ""):
            return False
    if pa.first and pb.first:
        fa, fb = _fold(pa.first).split()[0], _fold(pb.first).split()[0]
        if fa != fb and not (fa.startswith(fb) or fb.startswith(fa)):
            return False
    ia, ib = pa.initials.upper(), pb.initials.upper()
    if ia and ib and not (ia.startswith(ib) or ib.startswith(ia)):
        return False
    return True


def _score(name: str) -> tuple:
    p = parse_name(name)
    if not p:
        return (0, 0, 0)
    return (1 if p.surname else 0, 1 if p.first else 0, len(p.initials) if not p.first else 0, len(p.name))


def fullest(names: list[str]) -> str:
    """The most complete form: a first name beats initials, a surname beats none."""
    cleaned = [clean_name(n) for n in names if n]
    return max(cleaned, key=_score) if cleaned else ""


def cluster_names(names: list[str]) -> list[list[str]]:
    """Group name strings that denote one person.

    Full names are grouped when compatible; a single word ("Sanne", "Bakker")
    joins the one group whose first name or surname it is, and stays apart
    when that is ambiguous.
    """
    groups: list[list[str]] = []
    parsed: list[list[PersonName]] = []
    singles: list[tuple[str, PersonName]] = []
    order = sorted(dict.fromkeys(n for n in names if n), key=lambda n: _score(n), reverse=True)
    for n in order:
        p = parse_name(n)
        if not p:
            continue
        if p.first_only:
            singles.append((n, p))
            continue
        hits = [i for i, g in enumerate(parsed) if all(compatible(p, q) for q in g)]
        # an initial-only form that fits two different people stays apart
        if len(hits) == 1 or (hits and p.first):
            groups[hits[0]].append(n)
            parsed[hits[0]].append(p)
        elif not hits:
            groups.append([n])
            parsed.append([p])
        else:
            groups.append([n])
            parsed.append([p])
    for n, p in singles:
        word = _fold(p.first or "")
        by_first = [i for i, g in enumerate(parsed)
                    if any(q.first and _fold(q.first.split()[0]) == word for q in g)]
        by_surname = [i for i, g in enumerate(parsed) if any(q.surname and _fold(q.surname) == word for q in g)]
        hits = by_first or by_surname
        if len(set(hits)) == 1:
            groups[hits[0]].append(n)
            parsed[hits[0]].append(p)
        else:
            same = [i for i, g in enumerate(parsed) if all(q.first_only and _fold(q.first or "") == word for q in g)]
            if same:
                groups[same[0]].append(n)
                parsed[same[0]].append(p)
            else:
                groups.append([n])
                parsed.append([p])
    return groups
