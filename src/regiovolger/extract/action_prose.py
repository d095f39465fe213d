"""Actions that letters and memos announce or ask for, as reviewed candidates.

Outside minutes an action is written as a request or an intention: "Wij
verzoeken de initiatiefnemer de effecten inzichtelijk te maken", "We vragen
uw gemeenteraad om uw zienswijze in te dienen", "Tevens ben ik voornemens de
wijzigingen te publiceren", "De veiligheidsregio gaat hierover met het bestuur
in gesprek", "We gaan e.e.a. uitzoeken en komen er later op terug". The owner
is the one asked, else the one who writes. These facts get a lower confidence
than marked actions: staff review them.
"""

from __future__ import annotations

import re

from ..nl import alternation, vocabulary
from .sentences import clean

CONFIDENCE = 0.45  # under the publication threshold: staff review each one
# "Wij verzoeken/vragen <addressee> (om) … te <verb>"
REQUEST = re.compile(r"(?i)\b(?:wij|we|ik|het\s+college|gedeputeerde\s+staten|het\s+bestuur)\s+(?:verzoeken|verzoekt|vragen|vraagt"
                     r"|verzoek)\s+(?P<owner>(?:u|uw\s+[\w-]+|de\s+[\w-]+|het\s+[\w-]+|[A-Z][\w-]+))"
                     r"\b(?=[^.?!]{0,200}\bte\s+\w+)")
# "ben ik voornemens … te …", "zijn wij van plan … te …"
INTENT = re.compile(r"(?i)\b(?:ben|is|zijn)\s+(?P<owner>ik|wij|we|het\s+college)\s+(?:voornemens|van\s+plan)\b(?=[^.?!]{0,200}\bte\s+\w+)")
# "<subject> gaat/gaan … <verb>" (a plan), "<subject> komt/komen (er/hier) (later) op terug"
GOING = re.compile(r"(?i)^\W*(?P<owner>wij|we|ik|(?:de|het)\s+[\w-]+|[A-Z][\w&-]{1,20})\s+(?:gaat|gaan)\s+"
                   r"(?!het\b|er\s+(?:van\s+)?uit|ervan\s+uit|om\b|over\s+(?:de|het)\s+\w+\s*[.]$)(?=(?:[^.?!]|\.(?=\w|\s+[a-z]))*\b(?:in\s+gesprek|uitzoeken|"
                   r"onderzoeken|uitwerken|organiseren|regelen|bekijken|contact|informeren|aanpassen|opstellen|na|terug)\b)")
RETURN = re.compile(r"(?i)\b(?P<owner>wij|we|ik|(?:de|het)\s+[\w-]+)\s+(?:kom(?:t|en)?|zal|zullen)\s+(?:er|hier|daar)\s+"
                    r"(?:\w+\s+){0,3}?(?:op\s+terug|op\s+terugkomen)\b")
_WORDS = vocabulary("actions")
# "Wij sturen u het voorstel vóór 1 maart", "Op de website plaatsen we een overzicht zodra …"
ANNOUNCE = re.compile(rf"(?i)\b(?:(?P<owner>wij|we)\s+(?:{alternation(_WORDS['announce_verbs'])})\b"
                      rf"|(?:{alternation(_WORDS['announce_verbs'])})\s+(?P<owner2>wij|we)\b)")
FUTURE = re.compile(rf"(?i)\b(?:{alternation(_WORDS['future_markers'])})\b")
# "De griffie neemt hierin het voortouw", "Het secretariaat pakt dit op"
TAKES_ON = re.compile(rf"^\W*(?P<owner>(?i:de|het)\s+[\w-]+|[A-Z][\w&-]{{1,20}})\s+(?i:{alternation(_WORDS['takes_on'])})")
NOT_AN_ACTION = re.compile(r"(?i)\?\s*$|\b(?:indien|als\s+u|mocht|zou|zouden|eerder|vorig\w*|al\s+eerder)\b")


def prose_actions(sentence: str, part_type: str = "letter") -> tuple[str, str] | None:
    """(owner, text) of an action a letter's sentence announces or asks for."""
    if NOT_AN_ACTION.search(sentence):
        return None
    for rx in (REQUEST, INTENT, GOING, RETURN, TAKES_ON):
        m = rx.search(sentence)
        if m:
            owner = clean(m.group("owner"))
            return owner[0].upper() + owner[1:], clean(sentence)
    m = ANNOUNCE.search(sentence) if part_type in _WORDS["announce_in"] else None
    if m and FUTURE.search(sentence):
        owner = m.group("owner") or m.group("owner2")
        return owner[0].upper() + owner[1:], clean(sentence)
    return None
