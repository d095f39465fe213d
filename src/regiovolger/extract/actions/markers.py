"""Actions marked as such: "Actie: X", "Actie J. Jansen", "(actie)", "Actie secretaris: …".

Reads a marker after the sentence it concerns ("… brengen. Actie allen"), a
marker standing alone under it, "(actie)" with its owner read from the
sentence, and a sentence opened by "Actie:" or "Actie <owner>:".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...document import Part, Text
from ..sentences import BULLET
from .doers import owner_in, will_action
from .facts import make_action
from .owners import OWNERS, REDACTION, ROLE_WORDS, last_named, owner_ok, split_owners, subject_of

MARKER_END = re.compile(rf"(?<![\w-])[Aa]ctie(?:s)?\s*:?\s+(?P<owner>{OWNERS})[ \t]*\.?[ \t]*$", re.M)
MARKER_PAREN = re.compile(rf"\(\s*actie(?:\s*:?\s*(?P<owner>{OWNERS}))?\s*\)", re.I)
# "Actie secretaris: concept verzenden", "Actie J. de Vries en P. Smit: …": the owner before the colon
MARKER_OWNER_START = re.compile(rf"^[ \t]*(?:[•\-–*][ \t]*)?[Aa]ctie(?:punt)?[ \t]+(?P<owner>{OWNERS}|[\w-]+)[ \t]*:[ \t]*(?P<body>\S.*)",
                                re.M | re.S)
MARKER_START = re.compile(r"^[ \t]*(?:[•\-–*][ \t]*)?[Aa]ctie(?:punt)?\s*:\s*(?P<body>\S.*)", re.M | re.S)


@dataclass
class Reading:
    """One pass over the sentences of a part: the actions found so far and the spans they take."""
    text: Text
    parts: list[Part]
    part: Part
    sentences: list[tuple[int, int]]
    out: list[dict]
    taken: list[tuple[int, int]]


def marked(r: Reading, idx: int, s: int, e: int, sent: str, block_start: int) -> bool:
    """Read the marked action of sentence ``idx`` (``sent`` = t[s:e]) into ``r``; True when the sentence is done."""
    text, parts, part, sentences, out, taken = r.text, r.parts, r.part, r.sentences, r.out, r.taken
    t = text.text
    # "... brengen. Actie allen" / "Actie P. de Wit" (a sentence of its own)
    m = MARKER_END.search(sent)
    if m and owner_ok(m.group("owner").split()[0]) and re.match(r"\s*[Aa]ctie", sent[:m.start() + 6][m.start():]):
        owner = m.group("owner")
        before = sent[:m.start()].strip()
        if before:
            body_s, body_e = s, s + m.start()
        else:
            # the marker stands alone: the action is the sentence before it
            j = idx - 1
            if j < 0 or sentences[j][0] < block_start:
                return True
            body_s, body_e = sentences[j]
            if len(t[body_s:body_e].split()) < 6 or re.match(r"\s*(?:Dat|Dit|Die|Deze)\b", t[body_s:body_e]):
                if j > 0 and sentences[j - 1][0] >= block_start:
                    body_s = sentences[j - 1][0]
            # drop the "X zal" action already made of that sentence
            out[:] = [a for a in out if not (body_s <= a["evidence"]["start"] < body_e)]
        body = t[body_s:body_e]
        b2 = BULLET.match(body)
        if b2 and b2.end():
            body_s += b2.end()
            body = t[body_s:body_e]
        out.append(make_action(text, parts, part, body_s, s + m.end(), body, split_owners(owner)))
        taken.append((body_s, s + m.end()))
        return True
    m = MARKER_PAREN.search(sent)
    if m:
        body = sent[:m.start()] + sent[m.end():]
        if not body.strip(" .") and idx > 0 and sentences[idx - 1][0] >= block_start:
            # "(actie)" after the sentence it marks
            ps, pe = sentences[idx - 1]
            out[:] = [a for a in out if not (ps <= a["evidence"]["start"] < pe)]
            s, sent, body = ps, t[ps:e], t[ps:pe]
            m = MARKER_PAREN.search(sent)
        owner = m.group("owner") or owner_in(sent[:m.start()])
        if owner in {"hij", "zij", "ze"}:
            owner = last_named(t, sentences, idx, block_start)
        out.append(make_action(text, parts, part, s, e, body, split_owners(owner) if owner else []))
        taken.append((s, e))
        return True
    m = MARKER_OWNER_START.match(sent)
    if m and owner_ok(m.group("owner")) and re.fullmatch(rf"{OWNERS}|(?i:{ROLE_WORDS})(?:-[\w-]+)?", m.group("owner")):
        body_s = s + m.start("body")
        out.append(make_action(text, parts, part, s, e, t[body_s:e], split_owners(m.group("owner"))))
        taken.append((s, e))
        return True
    m = MARKER_START.match(sent)
    if m:
        body = m.group("body")
        owner = None
        om = re.fullmatch(rf"\s*(?P<o>{OWNERS})\s*\.?\s*", body)
        if om and owner_ok(om.group("o")):
            owner = om.group("o")
            j = idx - 1
            if j >= 0 and sentences[j][0] >= block_start:
                bs, be = sentences[j]
                out[:] = [a for a in out if not (bs <= a["evidence"]["start"] < be)]
                out.append(make_action(text, parts, part, bs, e, t[bs:be], split_owners(owner)))
                taken.append((bs, e))
            return True
        owner = subject_of(body) or will_action(body)
        if re.match(rf"\s*{REDACTION}", body):
            owner = None
        owners = split_owners(owner) if owner and owner not in {"hij", "zij", "ze"} else []
        if owners and out and out[-1]["owners"] == owners and not t[out[-1]["evidence"]["end"]:s].strip():
            out.pop()  # "Ria schrijft een concept. Actie: Ria stelt het advies op": one task, as marked
        out.append(make_action(text, parts, part, s, e, body, owners))
        taken.append((s, e))
        return True
    return False
