"""Actions in running prose: sentences of minutes whose subject is to do something.

Reads markers first (``markers``), then, in minutes and action lists, agreed
tasks ("Afspraak: X stuurt … rond", "Afgesproken wordt dat elke gemeente …
aanlevert"), people asked ("De secretaris wordt gevraagd …"), a task per
clause ("Wim maakt een flyer, Greetje legt die neer"), firm present-tense
tasks ("Henk pakt dit op"), a task in a later clause ("…; de directeur werkt
eerst een variant uit") and "X zal …" (the person named before for "Hij zal").
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import BULLET, is_blank, lines, sentence_spans
from .doers import REFERS_BACK, WILL, doer, will_action
from .facts import RECORD_TYPES, make_action, overlaps
from .markers import Reading, marked
from .owners import HONORIFIC, NAME_PATTERN, ROLE, SUBJECT, last_named, owner_ok, split_owners

AGREEMENT_START = re.compile(r"^[ \t]*(?:[•\-–*][ \t]*)?(?:[Aa]fspra(?:ak|ken)\s*:|(?:[Ee]r\s+)?[Aa]fgesproken\s+(?:wordt|is|werd)"
                             r"\s+dat|(?:[Dd]e|[Hh]et)\s+[\w\s-]{2,40}?\s+(?:spreekt|spreken)\s+af\s+dat)\s*")
ASKED = re.compile(rf"^\s*(?P<who>{ROLE}|{HONORIFIC}{NAME_PATTERN})\s+(?:wordt|worden)\s+(?:\w+\s+)?(?:gevraagd|verzocht)\s+(?:om\s+)?"
                   r"(?P<what>.+)", re.S)


def prose(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out: list[dict] = []
    sentences = sentence_spans(t, part.start, part.end)
    # paragraph starts, for pronoun owners
    para_starts = [part.start] + [le for ls, le in lines(t, part.start, part.end) if is_blank(t, ls, le)]
    record = part.type in RECORD_TYPES
    reading = Reading(text, parts, part, sentences, out, taken)
    for idx, (s, e) in enumerate(sentences):
        if overlaps(s, e, taken):
            continue
        sent = t[s:e]
        bullet = BULLET.match(sent)
        if bullet and bullet.end() > 0:
            s += bullet.end()
            sent = t[s:e]
        block_start = max(p for p in para_starts if p <= s)
        if marked(reading, idx, s, e, sent, block_start):
            continue
        if not record:
            continue
        m = AGREEMENT_START.match(sent)
        if m:
            # "Afspraak: X stuurt … rond." / "Afgesproken wordt dat elke gemeente … aanlevert": a task with its owner
            sub = sentence_spans(t, s + m.end(), e) if sent[:m.end()].rstrip().endswith(":") else [(s + m.end(), e)]
            for k, (a, b) in enumerate(sub):
                d = doer(t[a:b])
                if d is None:
                    continue
                owner, _ = d
                start = s if k == 0 else a
                out.append(make_action(text, parts, part, start, b, t[a:b], split_owners(owner) if owner else []))
                taken.append((start, b))
            continue
        m = ASKED.match(sent)
        if m and re.search(r"(?i)\b(?:motie|amendement)\b", t[max(block_start, s - 300):s]):
            continue  # "Het college wordt verzocht …" in a motion is its dictum, not a task of the meeting
        if m and owner_ok(m.group("who")) and not sent.rstrip().endswith("?"):
            out.append(make_action(text, parts, part, s, e, sent, split_owners(m.group("who"))))
            taken.append((s, e))
            continue
        promise = re.search(r"(?i)\bzeg(?:t|gen)\s+(?:\w+\s+){0,4}?toe\b", sent)
        # "Wim maakt een flyer, Greetje legt die neer": a task per clause with its own subject
        cuts = [c.end() for c in re.finditer(r",\s+(?=[A-Z])", sent) if SUBJECT.match(sent[c.end():])]
        if cuts and record and not promise:
            bounds = [0] + cuts + [len(sent)]
            clauses = [(s + a, s + b) for a, b in zip(bounds, bounds[1:])]
            doers = [(a, b, doer(t[a:b].rstrip(" ,"), firm=True)) for a, b in clauses]
            # a "zal"/"gaat" after ", en ook …" belongs to a later clause, not to this one's doer
            if sum(1 for ca, cb, dd in doers if dd and dd[0] and not WILL.search(re.split(r",|\sen\s+(?:ook\s+)?(?:de|het)\s",
                                                                                        t[ca:cb])[0])) >= 2:
                for a, b, dd in doers:
                    if dd and dd[0]:
                        b2 = b - (len(t[a:b]) - len(t[a:b].rstrip(" ,")))
                        out.append(make_action(text, parts, part, a, b2, t[a:b2], split_owners(dd[0])))
                        taken.append((a, b2))
                continue
        d = doer(sent, firm=True) if not promise else None
        if d and (d[0] or d[1]) and not WILL.search(sent):
            owner = d[0]
            body_s = s
            if REFERS_BACK.match(sent) and idx > 0 and sentences[idx - 1][0] >= block_start \
                    and not overlaps(*sentences[idx - 1], taken):
                body_s = sentences[idx - 1][0]  # "Henk pakt dit op": what "dit" is stands in the sentence before
            out.append(make_action(text, parts, part, body_s, e, t[body_s:e], split_owners(owner) if owner else []))
            taken.append((body_s, e))
            continue
        # "Besluit: … aangehouden; de directeur werkt eerst een variant uit": a task in a later clause
        clause = None
        for cm in re.finditer(r";\s+", sent):
            c = doer(sent[cm.end():], firm=True)
            if c and c[0]:
                clause = (s + cm.end(), c[0])
        if clause:
            out.append(make_action(text, parts, part, clause[0], e, t[clause[0]:e], split_owners(clause[1])))
            taken.append((clause[0], e))
            continue
        owner = will_action(sent)
        if owner:
            if owner.lower() in {"hij", "zij", "ze"}:
                owner = last_named(t, sentences, idx, block_start)
                if not owner:
                    continue
            out.append(make_action(text, parts, part, s, e, sent, split_owners(owner)))
            taken.append((s, e))
    return out
