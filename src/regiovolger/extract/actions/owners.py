"""Who owns an action: role words, names, "allen", and the subject of a sentence.

Reads an owner as written ("de secretaris", "J. de Vries", "iedere gemeente",
"Secretariaat" heading a cell), splits a list of owners ("Jan en Piet",
"A/B"), and finds the subject a sentence opens with ("De projectleider
stuurt …", "Jan en Piet …") or the person a later "Hij zal …" points back to.
"""

from __future__ import annotations

import re

from ..sentences import clean

try:  # the shared name helper (people/meetings); names stay as written without it
    from ..names import NAME_PATTERN, clean_name
except ImportError:  # pragma: no cover
    NAME_PATTERN = r"(?:[A-Z]\.\s?){1,4}\s*(?:(?:van|de|der|den|ter|ten)\s+){0,3}[A-Z][a-z]+|[A-Z][a-z]+"

    def clean_name(raw: str) -> str:
        return clean(raw)

ROLE_WORDS = (
    r"voorzitter|vicevoorzitter|secretaris|secretariaat|griffie|griffier|projectleider|projectleiding|programmamanager"
    r"|programmaleider|programmabureau|projectsecretaris|wethouder|gedeputeerde|burgemeester|portefeuillehouders?"
    r"|provincie|gemeenten?|regio|werkgroep|stuurgroep|projectgroep|kerngroep|kernteam|college|directeur|directie"
    r"|staf|accounthouders?|coördinatoren|coördinator|regiocoördinatoren|verkenner|adviseur|controllers?|penningmeester"
    r"|notulist|bestuurders?|ambtenaren|ambtelijk\s+secretaris|ambtelijke\s+ondersteuning|dagelijks\s+bestuur"
    r"|algemeen\s+bestuur|opdrachtgever|opdrachtnemer|communicatieadviseur|communicatie|beleidsmedewerker"
    r"|organisatie|ondersteuning|gemeentesecretaris|raadsgriffier|teamleider|afdeling|ambtelijk\s+trekker|trekker"
)
ROLE_WORDS += (
    r"|[a-zà-ÿ]{3,}(?:secretaris|voorzitter|griffier|leider|manager|adviseur|coördinator|medewerker|directeur|ambtenaar"
    r"|trekker|houder|controller|notulist|functionaris|regisseur|makelaar)"
    r"|[a-zà-ÿ]{2,}(?:aris|arissen|jurist|juristen|ist|isten|eur|eurs)"
)
ROLE = rf"(?i:(?:de|het|onze|ons)\s+)?(?i:{ROLE_WORDS})(?:\s+(?:van|voor)\s+(?:de\s+|het\s+)?[A-Z][\w-]+|\s+(?!Ter\b|Zal\b)[A-Z][\w-]+)?"
STOP = {
    "dit", "dat", "het", "de", "er", "deze", "die", "daarom", "ook", "wij", "we", "men", "hij", "zij", "ze", "daarna",
    "vervolgens", "verder", "voorts", "tevens", "graag", "alle", "iedere", "een", "in", "op", "na", "bij", "door",
    "voor", "naar", "met", "zo", "dan", "nu", "wel", "niet", "besluit", "actie", "acties", "toelichting", "verslag",
    "mogelijk", "wellicht", "hiervoor", "daarvoor", "hierover", "daarover", "tot", "als", "indien", "waar", "wat",
    "wie", "wanneer", "status", "nr", "agenda", "punt", "ad", "n.b", "nb", "u", "jij", "jullie", "iedereen",
    # sentence adverbs open a sentence the way a name does: "Daarnaast zet het X op de kaart"
    "daarnaast", "bovendien", "daarbij", "hierbij", "hierna", "eerst", "tenslotte", "dus", "echter", "inmiddels",
    "voorlopig", "uiteindelijk", "momenteel", "vooralsnog", "binnenkort", "straks", "vandaag", "morgen", "hiermee",
    "daarmee", "namelijk", "alsnog", "nogmaals", "samen", "zodoende", "vandaar", "tijdens", "sinds",
}
HONORIFIC = r"(?:(?i:dhr|mw|mevr|hr)\.?\s+|(?i:mevrouw|de\s+heer)\s+|(?i:drs|dr|mr|ir|ing)\.\s+)*"
REDACTION = (r"(?:\b5\.1\.\s?\d\s?[a-z]\b|\b10\.\d\.?\s?[a-z]\b|\[[^\]\n]{0,20}\]|[█■▇▆▓]+|\b[xX]{3,}\b|\*{3,}"
             r"|\b(?:geanonimiseerd|weggelakt)\b)")
QUANT_OWNER = r"(?i:iedere|elke|alle)\s+(?:[a-zà-ÿ][\w-]+)"
OWNER = rf"(?:allen|iedereen|{ROLE}|{HONORIFIC}{NAME_PATTERN})"
OWNERS = rf"{OWNER}(?:\s*(?:,|\ben\b|&|/|\+)\s*{OWNER})*"


def owner_ok(raw: str) -> bool:
    words = raw.split()
    if not words:
        return False
    if re.fullmatch(QUANT_OWNER, raw.strip()):
        return True  # "iedere gemeente", "alle deelnemers"
    if words[0].lower().strip(".,") in STOP and not re.match(rf"(?i){ROLE}$", raw):
        return raw.lower() in {"allen", "iedereen"}
    return True


def split_owners(raw: str) -> list[str]:
    raw = clean(raw).strip(" .,:;")
    parts = re.split(r"\s*(?:,|\ben\b|&|/|\+)\s*", raw)
    out = []
    for p in parts:
        p = p.strip(" .,:;()")
        if not p or re.fullmatch(REDACTION, p):
            continue  # a blanked-out name: the action stays, its owner is unknown
        if re.fullmatch(QUANT_OWNER, p):
            out.append(p[0].lower() + p[1:])
        elif re.fullmatch(rf"(?i:{ROLE_WORDS})(?:-[\w-]+)?", p):
            out.append(p[0].lower() + p[1:])  # "Secretariaat" heading a table cell is a role, not a name
        elif re.match(rf"(?i){ROLE}$", p) or p.lower() in {"allen", "iedereen"}:
            out.append(re.sub(r"^(?:De|Het)\b", lambda m: m.group(0).lower(), p))
        else:
            out.append(clean_name(p))
    return out



SUBJECT = re.compile(rf"^\s*(?P<subj>{QUANT_OWNER}|{ROLE}|{HONORIFIC}{NAME_PATTERN}|hij|zij|ze)\s+(?=\S)")


SUBJECTS = re.compile(rf"^\s*(?P<subj>(?:{ROLE}|{HONORIFIC}{NAME_PATTERN})(?:\s*(?:,|\ben\b)\s*(?:{ROLE}|{HONORIFIC}{NAME_PATTERN}))+)"
                      r"\s+(?=[a-zà-ÿ])")


def subject_of(sentence: str) -> str | None:
    many = SUBJECTS.match(sentence)
    if many and all(owner_ok(p) for p in re.split(r"\s*(?:,|\ben\b)\s*", many.group("subj")) if p):
        return many.group("subj")
    m = SUBJECT.match(sentence)
    if not m:
        return None
    subj = m.group("subj")
    if subj.lower() in {"hij", "zij", "ze"}:
        return subj.lower()
    if not owner_ok(subj):
        return None
    return subj


def last_named(text: str, sentences: list[tuple[int, int]], idx: int, block_start: int) -> str | None:
    """The person who began one of the previous sentences of the same paragraph ("Hij zal ...")."""
    for s, e in reversed(sentences[max(0, idx - 4):idx]):
        if s < block_start:
            break
        subj = subject_of(text[s:e])
        if subj and subj not in {"hij", "zij", "ze"} and not re.match(rf"(?i){ROLE}$", subj):
            return subj
    return None
