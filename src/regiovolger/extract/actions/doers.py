"""Sentences whose subject is to do something: the verbs of a task.

Reads "X zal …", "X gaat …", "Hiervoor zal de provincie …", "Marjolein licht
toe dat zij … zal", and present-tense tasks ("Pieter neemt contact op",
"de secretaris agendeert dit"); a report ("heeft … verstuurd"), a question,
a passive or a maybe is no task. ``agreed_action`` is also read by the
decisions ("Afgesproken wordt dat de secretaris … agendeert" is an action).
"""

from __future__ import annotations

import re

from .owners import HONORIFIC, NAME_PATTERN, REDACTION, ROLE, SUBJECT, SUBJECTS, owner_ok, subject_of

WILL = re.compile(r"\b(?:zal|zullen|gaat|gaan)\b")
PASSIVE_AGENT = re.compile(rf"\b(?:zal|zullen)\b[^.;?]{{0,100}}?\bworden\s+door\s+(?P<who>(?:{ROLE}|{HONORIFIC}{NAME_PATTERN})"
                           rf"(?:\s*(?:,|\ben\b)\s*(?:{ROLE}|{HONORIFIC}{NAME_PATTERN}))*)")
MAYBE = re.compile(r"(?i)\b(?:wellicht|mogelijk|misschien|waarschijnlijk|vermoedelijk|zou|zouden|eventueel)\b")
PASSIVE_OR_MODAL = re.compile(
    r"\b(?:zal|zullen|gaat|gaan)\b(?:\s+\S+){0,12}?\s+(?:worden|moeten|kunnen|zijn|hebben|blijven|blijken)\b"
    r"|\b(?:wellicht|mogelijk|misschien|waarschijnlijk|vermoedelijk|zou|zouden|eventueel)\b"
    r"|\bgaa?t?n?\s+(?:akkoord|mee|over|uit|in\s+op|niet|om\b|het\b|er\b)", re.I)
SPEECH = r"(?:licht|geeft|meldt|zegt|deelt|antwoordt|vult|stelt|merkt|geven|laat|benadrukt|vertelt|legt)"

# present-tense verbs of doing: "Pieter neemt contact op met …", "de secretaris agendeert dit"
DO_VERB = re.compile(
    r"(?i)\b(?:\w*(?:levert|leveren|stuurt|sturen|agendeert|agenderen|mailt|mailen|belt|bellen|regelt|regelen|organiseert"
    r"|organiseren|zorgt|zorgen|informeert|informeren|plant|plannen|verstuurt|versturen|verzorgt|verzorgen|bereidt|bereiden"
    r"|inventariseert|inventariseren|verkent|verkennen|onderzoekt|onderzoeken|nodigt|nodigen|koppelt|koppelen|checkt|mailt"
    r"|benadert|benaderen|verspreidt|verspreiden|actualiseert|actualiseren|bespreekt|bespreken|schrijft|schrijven)"
    r"|(?:meldt|melden)\s+(?:het|dit|dat|deze)\s+(?:via|bij)\b"
    r"|neemt\s+(?:\w+\s+){0,3}?contact|nemen\s+(?:\w+\s+){0,3}?contact|contact\s+opneemt|contact\s+opnemen"
    r"|(?:stelt|stellen|werkt|werken|zoekt|zoeken|vraagt|vragen|pakt|pakken|legt|leggen|past|passen|maakt|maken|brengt"
    r"|brengen|zet|zetten|deelt|delen|gaat|gaan)\b(?:\s+[^\s.;]+){0,10}?\s+(?:op|uit|na|aan|voor|rond|door|in\s+kaart"
    r"|in\s+beeld|klaar|af)\b(?!\s+(?:de|het|een)\b\s*$)|\w+\s*(?:op|uit|na|aan|rond|door|toe|af)(?:stelt|stuurt|levert|vraagt"
    r"|zoekt|werkt|pakt|past|maakt|neemt|stellen|sturen|leveren|vragen|zoeken|werken|pakken|passen|maken|nemen)\b)")
# in running prose only unmistakable tasks count ("neemt contact op", "stuurt … rond", "agendeert")
FIRM_DO = re.compile(
    r"(?i)^(?:(?:neemt|nemen)\s+(?:\w+\s+){0,3}?contact\s+op|(?:stuurt|sturen)\s+[^.;?]{0,80}?\s+(?:rond|door|na|toe)\b"
    r"|(?:zorgt|zorgen)\s+(?:ervoor|voor)\b|(?:agendeert|agenderen|verstuurt|versturen|mailt|mailen|belt|bellen|regelt|regelen"
    r"|inventariseert|inventariseren)\b|(?:plant|plannen)\s+[^.;?]{0,80}?\s+in\b|(?:nodigt|nodigen)\s+[^.;?]{0,80}?\s+uit\b"
    r"|(?:levert|leveren)\s+[^.;?]{0,80}?\s+aan\b|(?:pakt|pakken)\s+[^.;?]{0,80}?\s+op\b"
    r"|(?:zoekt|zoeken|werkt|werken)\s+(?:[^.;?]{0,80}?\s+)?uit\b|(?:gaat|gaan)\s+na\b|(?:vraagt|vragen)\s+[^.;?]{0,80}?\s+na\b"
    r"|(?:neemt|nemen)\s+(?:het|de|dit|dat|die|deze|een)\b[^.;?]{0,60}?\s+mee\s+(?:naar|in|bij)\b"
    r"|(?:legt|leggen|hangt|hangen)\s+[^.;?]{1,80}?\s+(?:neer|op)\b|(?:maakt|maken)\s+(?:een|de|het)\s+(?!(?:opmerking|kanttekening"
    r"|punt|vergelijking|compliment|grap|fout|onderscheid|einde|indruk|probleem|punten|opmerkingen)\b)[\w-]+"
    r"|(?:komt|komen)\s+(?:hier|daar|er)(?:op\s+|\b[^.;?]{0,60}?\bop\s+)terug\b"
    r"|(?:koppelt|koppelen)\s+[^.;?]{0,80}?\s+terug\b|(?:stelt|stellen)\s+(?:een|de|het)\s+[^.;?]{0,80}?\s+op\b"
    r"|(?:zet|zetten)\s+(?:het|dit|de|een|deze)\b[^.;?]{0,60}?\s+op\s+(?:de|het|een)\b"
    r"|(?:meldt|melden)\s+(?:het|dit|dat|deze)\s+(?:via|bij)\b"
    r"|(?:bespreekt|bespreken)\s+(?:het|de|dit|een|deze)\s+[^.;?]{0,60}?\s+met\s+(?:de|het|een|[A-Z])"
    r"|(?:schrijft|schrijven)\s+(?:het|de|een|dit)\s+"
    # "De secretaris past de tekst aan", "vraagt om opheldering bij de gemeente", "bereidt het voor"
    r"|(?:past|passen)\s+[^.;?]{1,80}?\s+aan\b|(?:vraagt|vragen)\s+om\s+(?!het\s+woord)|(?:bereidt|bereiden)\s+[^.;?]{0,80}?\s+voor\b"
    r"|(?:biedt|bieden)\s+aan\s+[^.;?]{0,80}?\bte\s+\w+|(?:benadert|benaderen|organiseert|organiseren|verzorgt|verzorgen"
    r"|controleert|controleren|checkt|checken)\s+(?!of\b))")
NOT_DOING = re.compile(r"(?i)\bkennis\b|\bopent\b|\bsluit\b|\bheet\b|\bwelkom\b|\bmeldt\b(?!\s+(?:het|dit|dat|deze)\s+(?:via|bij)\b)|\bvraagt\s+(?:of|naar|hoe|wat|waarom)\b"
                       r"|\bgeeft\s+aan\b|\blicht\b|\bvertelt\b|\bpresenteert\b"
                       r"|\bsluit\s+(?:de\s+)?(?:vergadering|overleg)|\bvraagt\s+aandacht\b")


# an auxiliary in the main clause makes a report, not a task ("… heeft de brief verstuurd"); one in a
# clause after "uit of / hoe / wat" belongs to that clause ("zoekt uit of er een vergunning nodig is")
AUX = re.compile(r"(?i)\b(?:had|heeft|hebben|is|zijn|was|waren)\b")
SUBCLAUSE = re.compile(r"(?i)\b(?:of|hoe|wat|welke|waarom|wanneer|waar|wie)\b")


# a short task whose object points back: "Henk pakt dit op", "Sjoukje regelt dat"
REFERS_BACK = re.compile(rf"^\s*(?:{HONORIFIC}{NAME_PATTERN}|{ROLE})\s+\w+\s+(?:dit|dat|deze|die)\b[^.;]{{0,40}}[.;]?\s*$")


def doer(clause: str, firm: bool = False) -> tuple[str | None, bool] | None:
    """(owner, redacted) when ``clause`` has someone as subject who is to do something, else None."""
    m = re.match(rf"\s*(?P<red>{REDACTION})(?:\s*\([^)\n]*\))?\s+(?=\S)", clause)
    if m:
        rest = clause[m.end():]
        owner, redacted = None, True
    else:
        many = SUBJECTS.match(clause)
        m = many if many and all(owner_ok(p) for p in re.split(r"\s*(?:,|\ben\b)\s*", many.group("subj")) if p) \
            else SUBJECT.match(clause)
        if not m or m.group("subj").lower() in {"hij", "zij", "ze"} or not owner_ok(m.group("subj")):
            return None
        rest = clause[m.end():]
        owner, redacted = m.group("subj"), False
    if PASSIVE_OR_MODAL.search(rest):
        return None
    if re.match(r"\s*(?:zal|zullen)\b", rest):
        return (owner, redacted) if not PASSIVE_OR_MODAL.search(rest) else None
    if firm and not FIRM_DO.match(rest.lstrip()):
        return None
    if not firm and not DO_VERB.search(rest):
        return None
    if NOT_DOING.search(rest) or rest.rstrip().endswith("?"):
        return None
    head = rest[:m2.start()] if (m2 := SUBCLAUSE.search(rest)) and FIRM_DO.match(rest.lstrip()) else rest
    if AUX.search(head):
        return None
    return owner, redacted


def agreed_action(clause: str) -> str | None:
    """The owner ("" when blanked out) when an agreed clause is a task: "(Afgesproken wordt dat) de secretaris … agendeert"."""
    d = doer(clause)
    if d is None:
        return None
    owner, redacted = d
    return "" if redacted else owner


def will_action(sent: str) -> str | None:
    """The owner when ``sent`` says someone will do something, else None."""
    if sent.rstrip().endswith("?"):
        return None
    # a passive with its doer: "De rest van de website zal ingevuld worden door Arie en Yvonne"
    m = PASSIVE_AGENT.search(sent)
    if m and not MAYBE.search(sent) and all(owner_ok(p) for p in re.split(r"\s*(?:,|\ben\b)\s*", m.group("who")) if p):
        return m.group("who")
    if not WILL.search(sent) or PASSIVE_OR_MODAL.search(sent):
        return None
    m = re.match(rf"^\s*(?P<subj>{ROLE}|{HONORIFIC}{NAME_PATTERN}|hij|zij|ze)\s+(?:zal|zullen|gaat|gaan)\s+(?P<rest>.+)", sent, re.S)
    if m and (owner_ok(m.group("subj")) or m.group("subj").lower() in {"hij", "zij", "ze"}):
        if len(m.group("rest").split()) >= 2:
            return m.group("subj")
    # "de wethouder heeft de brief ontvangen en zal voor 1 mei reageren"
    m = re.match(rf"^\s*(?:[A-Z]\w+\s*:\s*)?(?P<subj>{ROLE}|{HONORIFIC}{NAME_PATTERN})\s+(?:heeft|is|neemt|krijgt)\b[^.;:]{{3,160}}?"
                 r",?\s+en\s+(?:zal|zullen)\s+(?P<rest>\S+\s+\S+)", sent, re.S)
    if m and owner_ok(m.group("subj")):
        return m.group("subj")
    # "Hiervoor zal de provincie een format delen", "Met betrekking tot de website zal Marc de verslagen sturen"
    m = re.match(rf"^\s*(?:\w+\s+){{1,3}}?(?:zal|zullen)\s+(?P<subj>{ROLE}|(?:[A-Z]\.\s?)+\s*{NAME_PATTERN})\s+\S+", sent) \
        or re.match(rf"^\s*(?:[^\s.;:?]+\s+){{3,12}}?(?:zal|zullen)\s+(?P<subj>{ROLE}|{HONORIFIC}{NAME_PATTERN})\s+"
                    r"(?:de|het|een|dit|deze|die|zijn|haar|hun|[a-z]+\s+(?:de|het|een))\b", sent)
    if m and owner_ok(m.group("subj")):
        return m.group("subj")
    # "Marjolein licht toe dat zij ... zal gaan delen"
    m = re.match(rf"^\s*(?P<subj>{NAME_PATTERN})\s+{SPEECH}\b[^.]*?\bdat\s+(?:hij|zij|ze)\b[^.]*?\bzal\b", sent)
    if m and owner_ok(m.group("subj")):
        return m.group("subj")
    return None


def owner_in(sent: str) -> str | None:
    """Owner of an "(actie)" sentence: its subject, else the person it is put to ("voorgelegd aan Rob")."""
    subj = subject_of(sent)
    if subj and subj not in {"hij", "zij", "ze"}:
        return subj
    m = re.search(rf"\b(?:aan|door|bij)\s+(?P<who>{ROLE}|{NAME_PATTERN})", sent)
    if m and owner_ok(m.group("who")):
        return m.group("who")
    return None
