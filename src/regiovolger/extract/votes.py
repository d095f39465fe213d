"""Votes: proposals, motions and amendments with their outcome, counts and factions.

Written in general terms of Dutch minutes and decision lists (vocabulary in
``nl/data/votes.toml``): "Motie 3 wordt met 16 stemmen voor en 14 tegen
aangenomen", "Het amendement wordt verworpen", an outcome line
("Aangenomen.", "Unaniem aangenomen") under the proposal it belongs to, and
rows of a vote table. A sentence with an outcome word counts as a vote when
it names what was voted on, gives counts, or is a bare outcome line; the
subject is then the text before the outcome or the heading above.
"""

from __future__ import annotations

import re

from ..document import Part, Text
from ..nl import compiled, vocabulary
from .evidence import evidence
from .sentences import clean, parts_of, sentence_spans

OUTCOME_ORDER = ("unanimous", "rejected", "withdrawn", "held", "adopted")
# "er wordt aangenomen dat" (assumed) and "aangenomen door" a person (hired) are not votes
NOT_A_VOTE = re.compile(r"\b(?:wordt|werd|kan|mag)\s+(?:\w+\s+){0,2}?aangenomen\s+dat\b|\baangenomen\s+dat\b"
                        r"|\b(?:personeel|medewerkers?|werknemers?|opdracht(?:en)?)\b[^.]{0,40}\baangenomen\b", re.I)
# a bare outcome line: little more than the outcome itself
BARE = re.compile(r"[\W\d_]*(?:(?:besluit|uitslag|resultaat|stemming|conclusie)\s*:\s*)?"
                  r"(?:[\w-]+\s+){0,3}?(?:aangenomen|verworpen|ingetrokken|aangehouden|aanvaard)\b[^\n]{0,60}$", re.I)
# where the subject of a sentence ends and its outcome starts
SUBJECT_END = re.compile(r"\s+(?:wordt|worden|werd|werden|is|zijn|was|waren)\b|\s*[:;,(–-]\s*(?=(?:\w+\s+){0,4}?"
                         r"(?:aangenomen|verworpen|ingetrokken|aangehouden|unaniem|met\s+\d))|\s+(?:unaniem|met\s+algemene"
                         r"|met\s+\d+\s+stemmen|aangenomen|verworpen|ingetrokken|aangehouden)\b", re.I)
LEADING = re.compile(r"^(?:[\W\d_]{0,6}|(?:ad|punt|agendapunt)\s+\d+[a-z]?\W*)\s*", re.I)
MAX_SUBJECT = 240


def outcome_of(s: str) -> tuple[str, re.Match] | None:
    """The strongest outcome written in ``s`` (unanimity beats plain adoption)."""
    for code in OUTCOME_ORDER:
        m = compiled("votes", "outcomes", code).search(s)
        if m:
            return code, m
    return None


def subject_kind(s: str) -> str | None:
    for code in ("amendment", "motion", "proposal"):
        if compiled("votes", "subjects", code).search(s):
            return code
    return None


def counts_of(s: str) -> tuple[int | None, int | None]:
    for pattern in vocabulary("votes")["counts"]["for_against"]:
        m = re.search(pattern, s, re.I)
        if m:
            return int(m.group("for")), int(m.group("against"))
    return None, None


def groups_of(s: str, key: str) -> list[str]:
    for pattern in vocabulary("votes")["counts"][key]:
        m = re.search(pattern, s, re.I)
        if m:
            who = re.split(r"\s*(?:,|\ben\b|/|\+)\s*", m.group("who"))
            return [clean(w) for w in who if 1 < len(clean(w)) < 60 and not re.match(r"\d", clean(w))]
    return []


def _heading_above(t: str, start: int, floor: int) -> tuple[int, str] | None:
    """The nearest non-blank line above ``start`` that is not itself an outcome line."""
    pos = t.rfind("\n", floor, start)
    steps = 0
    while pos > floor and steps < 4:
        prev = t.rfind("\n", floor, pos)
        line_start = floor if prev == -1 else prev + 1
        line = t[line_start:pos].strip()
        if line and not BARE.match(line) and not re.match(r"(?i)(?:voor|tegen)\b", line):
            return line_start, line
        pos = prev
        steps += 1
    return None


def _subject(sentence: str, outcome: re.Match) -> str:
    head = sentence[:outcome.start()]
    m = SUBJECT_END.search(head)
    subject = head[:m.start()] if m else head
    subject = LEADING.sub("", clean(subject))
    subject = re.sub(r"^(?:de|het)\s+(?=(?:motie|amendement|voorstel|raadsvoorstel|statenvoorstel)\b)", "",
                     subject, flags=re.I)
    return subject[:MAX_SUBJECT].strip(" :,.-")


def extract_votes(text: Text, parts: list[Part]) -> list[dict]:
    t = text.text
    out: list[dict] = []
    for part in parts_of(parts, text):
        for s, e in sentence_spans(t, part.start, part.end):
            sentence = t[s:e]
            found = outcome_of(sentence)
            if not found or NOT_A_VOTE.search(sentence):
                continue
            code, m = found
            kind = subject_kind(sentence)
            votes_for, votes_against = counts_of(sentence)
            # a bare outcome line names nothing before its outcome ("Unaniem aangenomen.")
            bare = (BARE.match(sentence) is not None and len(sentence.split()) <= 12
                    and subject_kind(sentence[:m.start()]) is None)
            if code == "rejected" and m.group(0).lower().startswith("afgewezen") and kind not in ("motion", "amendment"):
                continue  # "de aanvraag is afgewezen" is an answer, not a vote
            if code in ("withdrawn", "held") and kind not in ("motion", "amendment", "proposal") and not bare:
                continue
            subject = _subject(sentence, m) if not bare else ""
            quote_start = s
            if len(subject.split()) < 2:
                above = _heading_above(t, s, part.start)
                if above is None:
                    continue
                quote_start, subject = above[0], LEADING.sub("", clean(above[1]))[:MAX_SUBJECT]
                kind = kind or subject_kind(subject)
            elif kind is None and votes_for is None:
                continue  # an outcome word without anything voted on
            window = t[s:min(part.end, e + 300)]
            out.append({
                "subject": subject,
                "subject_kind": kind or "proposal",
                "outcome": code,
                "votes_for": votes_for,
                "votes_against": votes_against,
                "groups_for": groups_of(window, "groups_for"),
                "groups_against": groups_of(window, "groups_against"),
                "meeting": None,
                "agenda_item": None,
                "evidence": evidence(text, parts, quote_start, e),
            })
    for n, vote in enumerate(out, 1):
        vote["id"] = f"v{n}"
    return out
