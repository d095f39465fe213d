"""Decisions in blocks opened by "Besluit:", "De raad besluit (unaniem):", "Het college heeft besloten:".

Reads where the block's body ends (wrapped lines and its own numbered points
run on; a blank line, a vote line, the next agenda heading or label ends it),
splits a listed body into its points, and names the subject of a short
"Besluit: vastgesteld" from the line before or the row's "Onderwerp:" field.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import clean, is_blank, lines, sentence_spans
from .facts import (FRACTION_SUBJECT, INFINITIVE, NOT_TAKEN, RECORD_TYPES, against_line, clause_end, is_agreed_action,
                    kind_of, make_decision, overlaps, trim)

# "De raad besluit unaniem:", "Besluit:", "Het college besluit:" opening a block
BLOCK_OPEN = re.compile(
    r"(?im)(?:^[ \t]*|(?P<mid>(?<=\s)(?=(?-i:Besl))))(?:(?P<label>besluit(?:en)?|besloten|besluitvorming|conclusie(?:s)?|afspra(?:ak|ken)|uitkomst|b\s*e\s*s\s*l\s*u\s*i\s*t)"
    r"(?:[ \t]+(?:van\s+(?:het\s+|de\s+)?)?(?:college|b\s*(?:&|en)\s*w|d\.?b\.?|a\.?b\.?|dagelijks\s+bestuur|algemeen\s+bestuur"
    r"|bestuur|raad|gs|ps|directie))?[ \t]*:"
    r"|(?P<lead>[^\n:.]{0,80}?\b(?-i:besl)(?:uit|uiten|oot|oten)\b[^\n:.]{0,80}?:|[^\n:]{0,60}?\b(?-i:besl)(?:uit|uiten|oot)\b"
    r"(?:[ \t]+(?:unaniem|in\s+meerderheid|bij\s+acclamatie|met\s+algemene\s+stemmen|zonder\s+(?:hoofdelijke\s+)?stemming))"
    r"?[ \t]*\([^)\n]*\)[ \t]*$))")
SIGNED_DECISION = re.compile(r"\baldus\s+(?:besloten|vastgesteld)\b", re.I)
ITEM_HEADING = re.compile(r"(?i)(?:agendapunt|punt|ad|item|onderwerp)\s+\d{1,2}[a-z]?\b[.:]?\s+\S"
                          r"|(?:hamerstukken|bespreekstukken|ingekomen\s+stukken|sluiting|rondvraag)\s*:?\s*$")
ROW_NUMBER = re.compile(r"(?i)(?:nr\.?|nummer|punt|agendapunt)\s*\d{1,3}[a-z]?\s*$")
LABEL_LINE = re.compile(r"^[ \t]*(?:[A-Z][\w ]{1,30}):[ \t]*$")
# "Motie M2 (…) "titel": aangenomen …": the outcome line of a motion or amendment, a decision of its own
OUTCOME_LINE = re.compile(r"(?i)(?:amendement|motie)\b[^:\n]{0,250}?:\s*(?:aangenomen|verworpen|aangehouden|ingetrokken)\b")


ACTION_LIKE = re.compile(r"\s*(?:(?:de|het)\s+)?[\w.\- ]{1,40}?\s+(?:zal|zullen)\s+(?!(?:\w+\s+){0,8}?worden\b)", re.I)


def _next_point(text: str, pos: int, end: int, seen: int) -> bool:
    """Is the next non-blank line the next numbered point ("2." after "1.")? Double-spaced lists go on."""
    m = re.compile(r"\s*(\d{1,2})[.)]\s+\S").match(text, pos, end)
    return bool(m) and int(m.group(1)) == seen + 1


def block_end(text: str, start: int, end: int, label: bool) -> int:
    """Where the body of a "Besluit:" block ends.

    A decision body runs on over wrapped lines and its own numbered points
    (1., 2., A., B.); it ends at a blank line (after some text), a vote line,
    the next agenda heading (a number beyond the points seen), or a label.
    """
    seen = 0
    has_text = bool(text[start:text.find("\n", start, end) if text.find("\n", start, end) != -1 else end].strip())
    pos = start
    last = start
    first_line = True
    for ls, le in lines(text, start, end):
        line = text[ls:le]
        if first_line:
            first_line = False
            last = le
            continue
        if is_blank(text, ls, le):
            if has_text and not _next_point(text, le, end, seen):
                return last
            continue
        stripped = line.strip()
        if label and re.match(r"(?i)(?:besluit(?:en)?|besloten|conclusies?|afspra(?:ak|ken)|uitkomst|actie(?:punt)?s?"
                              r"|onderwerp|voorstel|portefeuillehouder|agendapunt)\b[^:\n]{0,20}:", stripped):
            return last  # the next labelled block or row field
        if label and ROW_NUMBER.match(stripped):
            return last  # "Nr. 2" opening the next row of a college list
        if ITEM_HEADING.match(stripped):
            return last  # "Agendapunt 5  Wijziging …", "Ad 4.", "Hamerstukken"
        if OUTCOME_LINE.match(stripped):
            return last  # "Motie M1 (…): aangenomen" is a decision of its own
        if re.match(r"(?i)(?:tegen|voor)\s+(?:het|de|dit)\s+\w+\s+stemde|over\s+(?:het|de)\s+\w+\s+is\s+(?:hoofdelijk\s+)?gestemd"
                    r"|aldus\s+(?:besloten|vastgesteld)|de\s+(?:raad|vergadering)\s+besluit|vastgesteld\s+(?:d\.d\.|op|in)", stripped):
            return last
        num = re.match(r"(\d{1,2})[.)]?\s+\S", stripped)
        if num:
            n = int(num.group(1))
            if n == seen + 1 or (seen == 0 and n == 1):
                seen = n
            elif n > seen + 1 or n <= seen:
                # a new agenda item or table row; nested lists restart at 1
                if n == 1:
                    seen = 1
                else:
                    return last
        elif label and LABEL_LINE.match(line):
            return last
        elif label and re.match(r"(?i)(?:ter(?:\s+(?:kennisname|bespreking|besluitvorming|vaststelling|info))?|wvttk)\b\W*$",
                                stripped):
            return last
        has_text = True
        last = le
        pos = le
    return last if last > start else end


def bullets(text: str, start: int, end: int, numbered: bool = False) -> list[tuple[int, int]]:
    """Split a block into its bullet items (or numbered points "1. … 2. …") when it is a list, else one span."""
    items: list[list[int]] = []
    marker = r"[ \t]*(?:[•◦▪●○■\-–—*·]|\d{1,2}[.)]|[a-z]\))[ \t]+" if numbered else r"[ \t]*[•◦▪●○■\-–—*·][ \t]+"
    for ls, le in lines(text, start, end):
        if is_blank(text, ls, le):
            continue
        line = text[ls:le]
        m = re.match(marker, line)
        if m:
            items.append([ls + m.end(), le])
        elif items:
            items[-1][1] = le
        else:
            items.append([ls, le])
    if len(items) <= 1:
        return [(start, end)]
    return [(s, e) for s, e in items]


def _row_subject(t: str, start: int, pos: int) -> str | None:
    """The "Onderwerp:" field of the row a short "Besluit college: conform" closes."""
    for ls, le in reversed(lines(t, start, pos)[-8:]):
        if is_blank(t, ls, le):
            return None
        m = re.match(r"[ \t]*(?i:onderwerp)\s*:\s*(\S.*)", t[ls:le])
        if m:
            return clean(m.group(1))
    return None



def decision_blocks(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Decisions opened by "Besluit:" or "De raad besluit (unaniem):"."""
    t = text.text
    found = []
    region = t[part.start:part.end]
    signed = bool(SIGNED_DECISION.search(region))
    for m in BLOCK_OPEN.finditer(region):
        ms, me = part.start + m.start(), part.start + m.end()
        if overlaps(me - 1, me, taken):
            continue  # inside a table row already read
        opener = clean(m.group(0))
        label = m.group("label")
        if part.type == "proposal" and not signed:
            continue
        if part.type not in RECORD_TYPES | {"proposal", "agenda"}:
            continue
        if label and label.lower().startswith(("conclusie", "afspra", "uitkomst")) and part.type not in RECORD_TYPES:
            continue
        if not label:
            if NOT_TAKEN.search(opener) or re.search(r"\b(?:zal|zullen|gaat|gaan|kan|kunnen|moet|moeten)\b", opener, re.I):
                continue
            if FRACTION_SUBJECT.search(opener):
                continue
        if m.group("mid") is not None and label:
            nl = t.find("\n", me, part.end)
            body_end = part.end if nl == -1 else nl  # a table cell: only the rest of its line is reliable
        else:
            body_end = block_end(t, me, part.end, bool(label) or opener.endswith(":"))
        bs, be = trim(t, me, body_end)
        if be <= bs:
            continue  # an empty Besluit field decides nothing
        body = clean(t[bs:be])
        if label and NOT_TAKEN.search(body[:clause_end(body, 0)]) and not re.search(r"\b(?:vastgesteld|akkoord|aangenomen|ingestemd)\b", body, re.I):
            continue
        field = re.match(r"[ \t]*[A-Z][\w ]{1,30}:", t[bs:be])
        if field and not re.match(r"(?i)\s*(?:besluit|b\s*e\s*s)", t[bs:be]) and not re.search(r"\bbesl", field.group(0)):
            continue  # the next field label, not a body
        # the vote stated in the opener or in the lines after the block
        against = against_line(t, be, part.end)
        context = opener
        # "Het college heeft besloten:" followed by numbered points: each point is a decision of its own
        listed = bool(label) or opener.endswith(":")
        spans = bullets(t, bs, be, numbered=not label or label.lower().startswith("besl")) if listed else [(bs, be)]
        if not label and len(spans) > 1 and not all(INFINITIVE.search(t[a:b]) for a, b in spans):
            spans = [(bs, be)]  # points that are not decision clauses (research questions, considerations) stay one
        if label and label.lower().startswith("afspra"):
            # "Afspraak: X stuurt … rond. Y zal …": each sentence on its own, actions left to the actions
            spans = [sp for a, b in spans for sp in sentence_spans(t, a, b)]
            spans = [(a, b) for a, b in spans if not is_agreed_action(t[a:b])]
        for s, e in spans:
            s, e = trim(t, s, e)
            if e <= s:
                continue
            if label and ACTION_LIKE.match(t[s:e]):
                continue  # "De wethouder zal dit terugkoppelen": an action, not a decision
            kind = kind_of(clean(t[s:e]))
            if kind == "other" and not label:
                kind = kind_of(opener + " " + clean(t[s:e]))
            if label or (listed and len(spans) > 1):
                d = make_decision(text, parts, s, e, kind, context)
            else:
                lead_start = ms + len(t[ms:me]) - len(t[ms:me].lstrip())
                d = make_decision(text, parts, lead_start, e, kind, context)
            if against and not re.search(r"(?i)\bstemden\s*:", against.group(0)):
                d.setdefault("vote", {"text": "", "for": None, "against": None, "unanimous": False})
                d["vote"]["against_by"] = clean(against.group("who")).rstrip(".")
            if len(clean(t[s:e]).split()) <= 3:
                # "Besluit: vastgesteld" — say what was decided on
                line_start = max(part.start, t.rfind("\n", part.start, ms) + 1)
                same_line = clean(t[line_start:ms])
                prev_start = max(part.start, t.rfind("\n", part.start, max(line_start - 1, part.start)) + 1)
                prev_line = clean(t[prev_start:line_start])
                subject = same_line if same_line and not same_line.endswith(".") else prev_line
                row_subject = _row_subject(t, part.start, line_start)
                if row_subject:
                    subject = row_subject
                if subject:
                    d["subject"] = subject
            if label and "subject" not in d:
                row_subject = _row_subject(t, part.start, max(part.start, t.rfind("\n", part.start, ms) + 1))
                if row_subject:
                    d["subject"] = row_subject
            found.append(d)
            taken.append((d["evidence"]["start"], d["evidence"]["end"]))
        if listed and len(spans) > 1:
            taken.append((ms, me))  # the opener of the points is no decision of its own
    return found
