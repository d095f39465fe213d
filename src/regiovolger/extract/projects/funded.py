"""Projects named in running prose with their own money: decision lists, letters, news items.

"Subsidie van € 7.500 aan Stichting X voor het realiseren van een film over …",
"GS verlenen een bijdrage van € 450.000 aan het project ‘Old Smuggler’ in
Valthermond", "de Regio Deal Zeeland", "een krediet van € 2,1 miljoen voor de
herinrichting van de IJsselkade". A sentence yields a project when it names
one: a quoted name after "project", a Regio Deal, or what a grant, subsidy,
contribution or credit is "voor"; the amount must be in the same sentence
unless the name is explicit (quoted, or a Regio Deal). One project per
sentence; the sentence is its evidence and its scope, so the amounts and
municipalities of that sentence are the project's own (not a neighbour's).
"""

from __future__ import annotations

import re

from ..sentences import sentence_spans
from .common import _Context, _Project, _role

QUOTED = re.compile(r"\b(?:project(?:en|plan|voorstel)?|initiatief|deelproject)\s+[‘'\"“„](?P<name>(?:[^’'\"”\n]|[’'](?=[a-z])){3,80})"
                    r"[’'\"”](?![a-z])", re.I)
REGIO_DEAL = re.compile(r"\bRegio[ -]?[Dd]eals?\s+(?P<name>[A-Z][\w'’-]+(?:[ -](?:[A-Z][\w'’-]+|en|aan\s+de))*)")
GRANT = re.compile(r"(?i)\b(?:subsidie|bijdrage|krediet|investering|budget|cofinanciering|financiering)\w*\b"
                   r"(?:(?:[^.;:]|[.,](?=[\d-]))*?)\bvoor\s+(?P<name>(?:het|de|een)\s+[^.;:()“”\"]{6,120}?)"
                   r"(?=\s*(?:[.;:(“”\"]|,\s+(?:dat|die|waarmee|omdat|zodat|waarbij|en\s+(?:de|het))\b|\bte\s+[A-Z]|$))")
# "project FRESHEM-NL", "de pilot Drukdrainage": a capitalised name after the noun ("programma X" names national
# programmes as often as a body's own work, so it is left out)
NAMED = re.compile(r"(?:\b|(?<=[a-z]))(?i:project|pilot|deelproject)\s+(?P<name>[A-Z][\w'’-]*[\w’-](?:[ -](?:[A-Z0-9][\w'’-]*"
                   r"|(?:in|de|van|voor|en|het|der|op|aan)(?=\s+(?:de\s+|het\s+)?[A-Z]))){0,5})")
# a capitalised word after "project" that is no name: a sentence or clause going on
# ("De Parel", "De Kunne" are names: the name pattern only goes on over capitalised words)
NOT_A_NAME = re.compile(r"^(?:De|Het|Een|Dit|Deze|Die|Dat|Wij|We|Ook|In|Op|Voor|Van|Met|Er|Zo)$")
# "Aanvraagformulier project X": the title of a form names the programme it belongs to, not a project
FORM_TITLE = re.compile(r"(?i)(?:formulier|format|sjabloon)\s*$")
# a title line (an agenda item, a heading) that names a project needs no amount: the title is about it
TITLE_LINE = 120
# what a grant is "voor" that is no project: a period, a share, a group of people
NOT_A_PROJECT = re.compile(r"(?i)^(?:het|de|een)\s+(?:jaar|jaren|periode|komende|eerste|tweede|derde|helft|rest|totaal"
                           r"|gemeente|provincie|inwoners|ondernemers|organisatie|uitvoering\s+van\s+(?:de|het)\s+taken)\b")
# "het realiseren van een film": the doing is not the name ("de herinrichting van de kade" keeps its noun)
ACTIVITY = re.compile(r"(?i)^(?:het|de|een)\s+(?:realiseren|realisatie|uitvoeren|ontwikkelen|opstellen|plaatsen|organiseren"
                      r"|maken|bouwen)\s+van\s+")
# money spent on a named work: "3,5 miljoen euro uitgetrokken voor het baggeren van X", "geeft … uit aan een
# verkenningsstudie voor …", "investeert € 2 miljoen in de aanleg van …"
SPENT = re.compile(r"(?i)(?:€|\beuro\b|\bmiljoen\b|\bmln\b)[^.;:]{0,60}?\b(?:uitgetrokken|gereserveerd|geïnvesteerd|uitgegeven"
                   r"|besteed|beschikbaar(?:\s+gesteld)?|uit)\s+(?:voor|aan|in)\s+"
                   r"(?P<name>(?:het|de|een)\s+[^.;:()“”\"]{6,120}?)(?=\s*(?:[.;:(“”\"]|,\s|\s+(?:en|om|omdat|zodat|waarmee)\s|$))"
                   r"|\b(?:investeert|investeren|steekt|steken)\b[^.;:]{0,60}?(?:€|\beuro\b|\bmiljoen\b)[^.;:]{0,30}?\s+in\s+"
                   r"(?P<name2>(?:het|de|een)\s+[^.;:()“”\"]{6,120}?)(?=\s*(?:[.;:(“”\"]|,\s|\s+(?:en|om|omdat|zodat|waarmee)\s|$))")
MAX_SENTENCE = 500
# a grant given to someone names its project even without a figure ("Stichting X ontvangt een subsidie voor …")
GRANTED = re.compile(r"(?i)\b(?:ontvangt|ontvangen|krijgt|krijgen|toegekend|verleend|verleent|verlenen|kent|kennen"
                     r"|beschikbaar\s+(?:te\s+)?stel)")


def _name(sentence: str) -> tuple[str, int, int, bool] | None:
    """(name, start, end within the sentence, explicit) of the project a sentence names."""
    if sentence.rstrip().endswith("?"):
        return None  # a form's question names no project of its own
    for rx, explicit in ((QUOTED, True), (REGIO_DEAL, False), (NAMED, False), (GRANT, False), (SPENT, False)):
        m = rx.search(sentence)
        if not m or (rx is NAMED and (NOT_A_NAME.match(m.group("name")) or FORM_TITLE.search(sentence[:m.start()]))):
            continue
        group = "name2" if rx is SPENT and m.group("name") is None else "name"
        name = m.group(group).strip(" ’'\"”")
        if rx in (GRANT, SPENT):
            if NOT_A_PROJECT.match(name) or len(name.split()) < 3:
                continue
            name = ACTIVITY.sub("", name)
            name = re.sub(r"^(?:het|de|een)\s+", "", name)
            name = name[0].upper() + name[1:]
        elif rx is REGIO_DEAL:
            name = f"Regio Deal {name}"
        title = rx is NAMED and "\n" not in sentence.strip() and len(sentence) <= TITLE_LINE \
            and not sentence.rstrip().endswith((".", "!", "?"))
        return name, m.start(group), m.end(group), explicit or title or bool(GRANTED.search(sentence))
    return None


def _funded_projects(ctx: _Context, part, taken: list[tuple[int, int]]) -> list[_Project]:
    s = ctx.s
    found: list[_Project] = []
    for a, b in sentence_spans(s, part.start, part.end):
        if b - a > MAX_SENTENCE or any(a < y and b > x for x, y in taken):
            continue
        named = _name(s[a:b])
        if named is None:
            continue
        name, ns, ne, explicit = named
        amounts = ctx.amounts_in(a, b)
        if not amounts and not explicit:
            continue
        if any(p.name.casefold() == name.casefold() for p in found):
            continue  # the same project named again: its first sentence stands
        project = _Project(name=name, name_start=a + ns, name_end=a + ne, start=a, end=b, scope=(a, b),
                           layout="funded" if amounts else "named", scope_amounts=False)
        project.amounts = [(m, _role(s, m)) for m in amounts]
        found.append(project)
    return found


# a list of names with their own money: "Noord-Drenthe € 15 miljoen" / "Regio Waterland € 13 miljoen"
# "- Dorpshuis Herpt: € 250.000", and a credit list's row with its number and what is done with the money:
# "- 71113 snelfietsroute Sittard-Roermond-Venlo: aanvullend krediet € 100.000", "… € 760.000 doorschuiven naar 2021"
LISTED = re.compile(r"(?m)^[ \t]*(?:[-•–*][ \t]*)?(?:(?P<code>\d{3,8})[ \t]+)?(?P<name>[A-Za-z][^€\n\d:]{2,100}?)[ \t]*"
                    r"(?::[ \t]*(?:[a-z][a-z ]{0,40}?[ \t]+)?|[–-][ \t]*)?€[ \t]*\d[\d.,]*(?:[ \t]*(?:mln|miljoen|miljard|k)\b)?[ \t]*"
                    r"(?:[.;,]|[ \t]+[a-z][^\n€]{0,60})?[ \t]*$")
# the words above such a list that say its rows are projects, deals or awards (not budget lines)
LISTED_LEAD = re.compile(r"(?i)\b(?:projecten|project|regio\s*deals?|deals|voorstellen|aanvragen|initiatieven|toegekend"
                         r"|toekenning|ontvangen|ontvangt|subsidies?|bijdragen|ronde|kredieten|investeringen)\b")
NOT_A_ROW_NAME = re.compile(r"(?i)^(?:totaal|subtotaal|saldo|lasten|baten|begroting|budget|rest|overig|reserve)\b")


def _listed_projects(ctx: _Context, part, taken: list[tuple[int, int]]) -> list[_Project]:
    """Rows of a list that gives each named project, deal or award its own amount (at least three rows)."""
    s = ctx.s
    rows = [m for m in LISTED.finditer(s, part.start, part.end) if not NOT_A_ROW_NAME.match(m.group("name"))
            and (m.group("name")[:1].isupper() or m.group("code"))]
    runs: list[list[re.Match]] = []
    for m in rows:
        if runs and not s[runs[-1][-1].end():m.start()].strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    spans: list[list[tuple[int, int, int]]] = []  # per run: (name start, name end, row end)
    for run in runs:
        if len(run) >= 3 and LISTED_LEAD.search(s, max(part.start, run[0].start() - 400), run[0].start()):
            spans.append([(m.start("name"), m.start("name") + len(m.group("name").rstrip(" -–:")), m.end()) for m in run])
    spans += _inline_rows(s, part)
    found: list[_Project] = []
    for run in spans:
        for ns, ne, b in run:
            if any(ns < y and b > x for x, y in taken) or NOT_A_ROW_NAME.match(s[ns:ne]):
                continue
            project = _Project(name=s[ns:ne], name_start=ns, name_end=ne, start=ns, end=b, scope=(ns, b),
                               layout="funded", scope_amounts=False)
            project.amounts = [(x, _role(s, x)) for x in ctx.amounts_in(ns, b)]
            found.append(project)
    return found


ROW_AMOUNT = re.compile(r"€[ \t]*\d[\d.,]*(?:[ \t]*(?:mln|miljoen|miljard)\b)?")
MAX_ROW_NAME = 100


def _inline_rows(s: str, part) -> list[list[tuple[int, int, int]]]:
    """The same list run on in one line ("… Noord-Drenthe € 15 miljoen Noordoost-Fryslân € 18 miljoen …")."""
    runs = []
    for line in re.finditer(r"[^\n]{150,}", s[part.start:part.end]):
        lo, hi = part.start + line.start(), part.start + line.end()
        amounts = list(ROW_AMOUNT.finditer(s, lo, hi))
        rows, prev_end = [], None
        for m in amounts:
            if prev_end is None:
                before = s[max(lo, m.start() - MAX_ROW_NAME):m.start()]
                lower = list(re.finditer(r"(?:^|\s)[a-zà-ÿ][\w’'-]*", before))
                ns = m.start() - len(before) + (lower[-1].end() if lower else 0)
            else:
                ns = prev_end
            name = s[ns:m.start()]
            ns += len(name) - len(name.lstrip(" -–:,;"))
            ne = m.start() - (len(name) - len(name.rstrip(" -–:,;")))
            if ne - ns < 3 or ne - ns > MAX_ROW_NAME or not s[ns].isupper() or re.search(r"[.;]\s", s[ns:ne]):
                runs += _led(s, part, rows)
                rows, prev_end = [], m.end()
                continue
            rows.append((ns, ne, m.end()))
            prev_end = m.end()
        runs += _led(s, part, rows)
    return runs


def _led(s: str, part, rows: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """``rows`` as one run when there are three or more and the words before them speak of projects or awards."""
    return [rows] if len(rows) >= 3 and LISTED_LEAD.search(s, max(part.start, rows[0][0] - 400), rows[0][0] + 1) else []
