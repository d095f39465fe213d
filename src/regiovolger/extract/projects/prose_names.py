"""The name of the project a sentence of running prose is about, when it names one.

News items, letters and reports name projects without the titles, tables or
quoted names the other project readers need: "de gemeente wil twee miljoen
euro investeren in renovatie van de sporthal", "komt er een fietspad langs de
Ruinerweg in Echten", "uit het Leefbaarheidsfonds". Whether such a sentence
is about a project of the body is for the sentence ranker (``extract/ranker.py``)
to judge; this module only finds the name. Its words are data
(``nl/data/projects.toml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...nl import alternation, vocabulary
from .funded import _name

_STOP = r"(?=\s*(?:[,.;:()!?“”\"]|$)|\s+(?:voor|met|die|dat|om|omdat|waarvoor|waarmee|zodat|kost|kosten|is|wordt|worden|werd|zijn|gaat|moet|komt|krijgt|wil|te|door|na|nu|al|ook|omdat)\b)"
# capitalised at a sentence's start, never part of a name
_FUNCTION_WORDS = r"(?:De|Het|Een|Dit|Deze|Dat|Die|In|Op|Voor|Met|Uit|Van|Naar|Bij|Via|Ook|En|Zo|Wij|We|Ons|Onze)"
_PLACE = r"(?:de\s+|het\s+)?[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|in|te|aan\s+de))*"


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern]:
    words = vocabulary("projects")["prose"]
    works, objects, endings = (alternation(words[k]) for k in ("works", "objects", "name_endings"))
    return [
        # "renovatie van de sporthal en nieuwbouw van de gymzaal in Zuidwolde"
        # ("dijkversterking bij Uitdam": a compound work, with its place)
        re.compile(rf"(?i)\b(?P<name>(?:{works})\s+(?:van|aan)\s+(?-i:[^,.;:()!?“”\"\n]){{3,110}}?){_STOP}"),
        re.compile(rf"\b(?P<name>(?i:[a-z]{{3,}}(?:{works}))\s+(?i:bij|in|op|langs|te)\s+{_PLACE})"),
        # "herinrichting en vergroening Sneekermeer en Lauwersmeer": works named by their place alone
        re.compile(rf"\b(?P<name>(?i:{works})(?:[ \t]+(?i:en)[ \t]+(?i:{works}))?[ \t]+(?!(?:De|Het)\b)[A-ZÀ-Ý][\w'’-]+"
                   rf"(?:[ \t]+(?:en[ \t]+)?[A-ZÀ-Ý][\w'’-]+)*)"),
        # "een fietspad langs de Ruinerweg in Echten", "de nieuwe sporthal op Ter Specke"
        re.compile(rf"\b(?i:een|de|het)\s+(?P<name>(?i:nieuwe?\s+|tweede\s+)?(?:[\w-]+-)?(?i:{objects})"
                   rf"\s+(?i:langs|in|op|aan|bij|van|voor|te)\s+{_PLACE})"),
        # "het Leefbaarheidsfonds", "de Regio Deal", "Programma Energietransitie 2020 – 2025"
        re.compile(rf"\b(?P<name>(?:(?!{_FUNCTION_WORDS}\b)[A-ZÀ-Ý][\w'’-]+\s+){{0,2}}(?=[A-ZÀ-Ý])[\w'’-]*?(?i:{endings})\b(?:\s+[A-ZÀ-Ý][\w'’-]*){{0,3}}"
                   rf"(?:\s+\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?)\b"),
    ]


_NOT_NAMES = re.compile(r"(?i)^(?:bestemmingsplan|plan|programma|project|agenda|fonds|regeling|deal|"
                        r"raadsprogramma|collegeprogramma|coalitieprogramma|werkprogramma|vergaderagenda)$")


def prose_names(sentence: str) -> list[str]:
    """Every work or built thing a sentence names, in order: "de aanleg van een piekberging in de X, het ontwerpen
    van een piekberging in de Y en de verbetering van de sluizen in Z" names three."""
    if sentence.rstrip().endswith("?"):
        return []
    spans: list[tuple[int, int, str]] = []
    for rx in _patterns()[:4]:  # works and built things; a fund's name stands alone
        for m in rx.finditer(sentence):
            name = re.sub(r"\s+", " ", m.group("name")).strip(" -–")
            if len(name) < 6 or _NOT_NAMES.match(name) or any(a < m.end("name") and m.start("name") < b for a, b, _ in spans):
                continue
            # an enumeration read as one name ends at its next work: "aanleg van X, het ontwerpen van Y"
            name = re.split(r",\s+|\s+en\s+(?=(?:het|de|een)\s)", name)[0]
            spans.append((m.start("name"), m.start("name") + len(name), name[0].upper() + name[1:]))
    return [n for _, _, n in sorted(spans)]


def prose_name(sentence: str) -> str | None:
    """The project name in one sentence: what the project readers find, else a work, a built thing with its
    place, or a fund or programme named as such."""
    if sentence.rstrip().endswith("?"):
        return None  # a form's question names no project of its own
    named = _name(sentence)
    if named:
        return named[0]
    for rx in _patterns():
        for m in rx.finditer(sentence):
            name = re.sub(r"\s+", " ", m.group("name")).strip(" -–")
            if len(name) < 6 or _NOT_NAMES.match(name):
                continue
            return name[0].upper() + name[1:]
    return None
