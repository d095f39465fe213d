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
from functools import lru_cache

from ..document import Part, Text
from ..nl import compiled, vocabulary
from .evidence import evidence
from .sentences import clean, parts_of, sentence_spans

OUTCOME_ORDER = ("unanimous", "rejected", "withdrawn", "held", "adopted")
# "er wordt aangenomen dat" (assumed) and "aangenomen door" a person (hired) are not votes
NOT_A_VOTE = re.compile(r"\b(?:wordt|werd|kan|mag)\s+(?:\w+\s+){0,2}?aangenomen\s+dat\b|\baangenomen\s+dat\b"
                        r"|\b(?:personeel|medewerkers?|werknemers?|opdracht(?:en)?)\b[^.]{0,40}\baangenomen\b"
                        # "een aangenomen amendement" describes a kind of thing, not this vote
                        r"|\b(?:een|elke|iedere)\s+(?:aangenomen|verworpen)\s+\w+", re.I)
# "Als deze door de raad wordt aangenomen, …" explains what would happen: no vote
CONDITIONAL = re.compile(r"\W*(?:als(?!\s+hamerstuk)|indien|wanneer|zodra|mocht)\b", re.I)
# a bare outcome line: little more than the outcome itself
BARE = re.compile(r"[\W\d_]*(?:(?:besluit|uitslag|resultaat|stemming|conclusie)\s*:\s*)?"
                  r"(?:[\w-]+\s+){0,3}?(?:aangenomen|verworpen|ingetrokken|aangehouden|aanvaard)\b[^\n]{0,60}$", re.I)
# where the subject of a sentence ends and its outcome starts
SUBJECT_END = re.compile(r"\s+(?:wordt|worden|werd|werden|is|zijn|was|waren)\b|(?:\s*[:;,(]|(?<!\w)[–-]|\s[–-])\s*(?=(?:\w+\s+){0,4}?"
                         r"(?:aangenomen|verworpen|ingetrokken|aangehouden|unaniem|met\s+\d))|\s+(?:unaniem|met\s+algemene"
                         r"|met\s+\d+\s+stemmen|aangenomen|verworpen|ingetrokken|aangehouden)\b", re.I)
LEADING = re.compile(r"^(?:[\W\d_]{0,6}|(?:ad|punt|agendapunt)\s+\d+[a-z]?\W*)\s*", re.I)
MAX_SUBJECT = 240
SEATS_AFTER = re.compile(r":[ \t]*(?=[^:\n]*\bvoor\s*\(\d{1,3}\))", re.I)
SAME_MATTER = 1500  # characters within which a second outcome line repeats the vote before it
# an agenda item's own line ("5. 4.1", "3. Jaarstukken 2022") separates one matter from the next
ITEM_LINE = re.compile(r"(?m)^[ \t]*\d{1,2}[.)]?(?:[ \t]+\d{1,2}(?:\.\d{1,2})*[a-z]?)?[ \t]*$|^[ \t]*\d{1,2}[.)][ \t]+[A-Z]")
# who votes is no subject ("Stemming: De raad stemde in met het voorstel")
ACTOR = re.compile(r"(?i)^(?:stemming\s*:\s*)?(?:de|het)\s+(?:gemeente)?(?:raad|vergadering|commissie|staten|bestuur|college"
                   r"|algemeen\s+bestuur|dagelijks\s+bestuur)\W*$")
# a label is no subject ("Besluit", "Stemuitslag", "Voorgesteld besluit")
LABEL_ONLY = re.compile(r"(?i)^(?:voorgesteld\s+)?(?:besluit|stemuitslag|stemming|uitslag|conclusie|resultaat)\W*$")


def outcome_of(s: str) -> tuple[str, re.Match] | None:
    """The strongest outcome written in ``s`` (unanimity beats plain adoption).

    Agreement ("De raad stemde in met het voorstel") is a vote only in a vote
    context: a "Stemming:" label, unanimity or counts in the same sentence.
    """
    for code in OUTCOME_ORDER:
        m = compiled("votes", "outcomes", code).search(s)
        if m:
            return code, m
    m = compiled("votes", "outcomes", "agreed").search(s)
    if m and compiled("votes", "context", "patterns", whole_words=False).search(s):
        return "adopted", m
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
            against = m.group("against") or m.groupdict().get("against2")  # "VVD (17) tegen": the seats first
            return int(m.group("for")), int(against)
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
        if line and not BARE.match(line) and not re.match(r"(?i)(?:(?:aantal\s+)?stemmen\s+)?(?:voor|tegen)\b", line) \
                and not LABEL_ONLY.match(line):
            return line_start, line
        pos = prev
        steps += 1
    return None


# "nam (na een motie) het plan voor X aan", "wees het voorstel af": the object between verb and particle
_SPLIT_VERB = re.compile(r"^(?:nam(?:en)?|wees|wezen|neemt)\s+(?P<object>.+?)\s+(?:aan|af)$", re.I | re.S)
_OBJECT = re.compile(r"\b(?:het|de|een)\s+(?:\w+\s+){0,2}?(?:plan|voorstel|raadsvoorstel|motie|amendement|besluit|"
                     r"verordening|initiatiefvoorstel)\b", re.I)


def _subject(sentence: str, outcome: re.Match) -> str:
    split = _SPLIT_VERB.match(outcome.group(0))
    if split:
        objects = list(_OBJECT.finditer(split.group("object")))
        if objects:  # the last one: "nam na een motie en de amendementen het plan voor X aan"
            return clean(split.group("object")[objects[-1].start():])[:MAX_SUBJECT].strip(" :,.-")
    head = sentence[:outcome.start()]
    head = SEATS_AFTER.split(head, 1)[0]  # "M1 Title: CU en SGP voor (11), CDA tegen (8): aangenomen"
    m = SUBJECT_END.search(head)
    subject = head[:m.start()] if m else head
    subject = LEADING.sub("", clean(subject))
    subject = re.sub(r"^(?:de|het)\s+(?=(?:motie|amendement|voorstel|raadsvoorstel|statenvoorstel)\b)", "",
                     subject, flags=re.I)
    return subject[:MAX_SUBJECT].strip(" :,.-")


@lru_cache(maxsize=None)
def _rx(key: str) -> re.Pattern:
    return re.compile(vocabulary("votes")["result_block"][key], re.I | re.M)


def _first_sentence(t: str, start: int, end: int) -> tuple[int, int] | None:
    """The first non-blank line's first sentence in ``t[start:end]``."""
    for ls, le in ((m.start(), m.end()) for m in re.finditer(r"[^\n]+", t[start:end])):
        line = t[start + ls:start + le]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            stop = re.search(r"(?<=[a-z)])\.(?:\s|$)", line)
            if stop is None and line.rstrip().endswith(":"):
                nxt = _first_sentence(t, start + le + 1, end)  # "De raad besluit unaniem:" and what follows
                return (start + ls + lead, nxt[1]) if nxt else (start + ls + lead, start + le)
            return start + ls + lead, start + (ls + stop.end() - 1 if stop else le)
    return None


def _result_blocks(text: Text, parts: list[Part], part: Part) -> list[dict]:
    """Result blocks of meeting portals: "Stemuitslag", shares per side, and the groups per side with seats."""
    t = text.text
    out = []
    for label in _rx("label").finditer(t, part.start, part.end):
        pos, stop = label.end(), label.end()
        shares: dict[str, int] = {}
        groups: dict[str, list[tuple[str, int]]] = {"voor": [], "tegen": []}
        side = None
        for _ in range(12):
            nl = t.find("\n", pos + 1, part.end)
            line_end = part.end if nl == -1 else nl
            line = t[pos + 1:line_end] if t[pos:pos + 1] == "\n" else t[pos:line_end]
            line_start = line_end - len(line)
            if _rx("share").match(line):
                m = _rx("share").match(line)
                shares[m.group("side").lower()] = int(m.group("pct"))
                stop = line_end
            elif _rx("side").match(line):
                side = _rx("side").match(line).group("side").lower()
                stop = line_end
            elif side and _rx("seats").search(line):
                groups[side] += [(clean(m.group("group")), int(m.group("n"))) for m in _rx("seats").finditer(line)]
                stop, side = line_end, None
            elif line.strip():
                break
            if nl == -1:
                break
            pos = nl
        if not shares and not groups["voor"] and not groups["tegen"]:
            continue
        seats_for = sum(n for _, n in groups["voor"]) or None
        seats_against = sum(n for _, n in groups["tegen"]) or None
        pct_for = shares.get("voor", 100 if seats_for and not seats_against else None)
        if pct_for is None and seats_for is not None:
            pct_for = round(100 * seats_for / (seats_for + (seats_against or 0)))
        if pct_for is None:
            continue
        outcome = "unanimous" if pct_for == 100 else ("adopted" if pct_for > 50 else "rejected")
        # the subject: the decision written under the result, else the first sentence above the label
        subject = None
        after = _rx("decision").search(t, stop, min(part.end, stop + 400))
        span = _first_sentence(t, after.end(), min(part.end, after.end() + 600)) if after else None
        if span is None:
            above = _heading_above(t, label.start(), part.start)
            span = (above[0], above[0] + len(above[1])) if above else None
        if span:
            subject = clean(t[span[0]:span[1]])[:MAX_SUBJECT]
        out.append({
            "subject": subject or clean(label.group(0)), "subject_kind": subject_kind(subject or "") or "proposal",
            "outcome": outcome, "votes_for": seats_for, "votes_against": seats_against,
            "groups_for": [g for g, _ in groups["voor"]], "groups_against": [g for g, _ in groups["tegen"]],
            "meeting": None, "agenda_item": None,
            "evidence": evidence(text, parts, label.start() + len(label.group(0)) - len(label.group(0).lstrip()), stop),
        })
    return out


# "Aangenomen moties:", "De volgende amendementen zijn verworpen:", "Verworpen:" — a heading over a list of matters
OUTCOME_HEADING = re.compile(
    r"(?im)^[ \t]*(?:de\s+volgende\s+)?(?:(?P<kind1>moties|amendementen|(?:raads|staten)?voorstellen)\s+(?:zijn|werden)\s+)?"
    r"(?P<out>aangenomen|verworpen|ingetrokken|aangehouden)(?:\s+(?P<kind2>moties|amendementen|(?:raads|staten)?voorstellen))?"
    r"[ \t]*:?[ \t]*$")
LIST_LINE = re.compile(r"[ \t]*(?:[-•–*▪][ \t]*|\d{1,2}[.)][ \t]+)?(?P<s>\S[^\n]{3,300})")
OUTCOME_CODE = {"aangenomen": "adopted", "verworpen": "rejected", "ingetrokken": "withdrawn", "aangehouden": "held"}


def _outcome_lists(text: Text, parts: list[Part], part: Part) -> tuple[list[dict], list[tuple[int, int]]]:
    """Each line under an outcome heading is a vote with that outcome (a news item's or a result page's lists);
    also the headings' spans, which are no votes of their own."""
    t = text.text
    out: list[dict] = []
    headings: list[tuple[int, int]] = []
    for head in OUTCOME_HEADING.finditer(t, part.start, part.end):
        before = len(out)
        kind_word = (head.group("kind1") or head.group("kind2") or "").lower()
        pos = head.end() + 1
        while pos < part.end:
            nl = t.find("\n", pos, part.end)
            line_end = part.end if nl == -1 else nl
            line = t[pos:line_end]
            m = LIST_LINE.fullmatch(line)
            if not line.strip():
                if out and out[-1]["evidence"]["end"] > head.end():
                    break  # a blank line after the list ends it
                pos = line_end + 1
                continue
            if m is None or OUTCOME_HEADING.fullmatch(line) or (line.rstrip().endswith(".") and len(line.split()) > 25):
                break
            subject = clean(m.group("s"))[:MAX_SUBJECT]
            kind = subject_kind(subject) or subject_kind(kind_word) or "proposal"
            out.append({"subject": subject, "subject_kind": kind, "outcome": OUTCOME_CODE[head.group("out").lower()],
                        "votes_for": None, "votes_against": None, "groups_for": [], "groups_against": [],
                        "meeting": None, "agenda_item": None,
                        "evidence": evidence(text, parts, pos + m.start("s"), pos + m.end("s"))})
            pos = line_end + 1
        if len(out) > before:
            headings.append((head.start(), head.end()))
    return out, headings


def _same_matter(t: str, previous: dict | None, start: int) -> bool:
    """Does an outcome without a subject of its own at ``start`` repeat the vote just before it?"""
    if previous is None:
        return False
    end = previous["evidence"]["end"]
    return 0 <= start - end <= SAME_MATTER and not ITEM_LINE.search(t, end, start)


def extract_votes(text: Text, parts: list[Part]) -> list[dict]:
    t = text.text
    out: list[dict] = []
    for part in parts_of(parts, text):
        listed, headings = _outcome_lists(text, parts, part)
        blocks = _result_blocks(text, parts, part) + listed
        taken = [(v["evidence"]["start"], v["evidence"]["end"]) for v in blocks] + headings
        found: list[dict] = list(blocks)
        for s, e in sentence_spans(t, part.start, part.end):
            sentence = t[s:e]
            if any(s < b and e > a for a, b in taken):
                continue
            hit = outcome_of(sentence)
            if not hit or NOT_A_VOTE.search(sentence) or CONDITIONAL.match(sentence):
                continue
            code, m = hit
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
            if len(subject.split()) < 2 or LABEL_ONLY.match(subject) or ACTOR.match(subject):
                previous = max((v for v in found if v["evidence"]["end"] <= s), key=lambda v: v["evidence"]["end"],
                               default=None)
                above = _heading_above(t, s, part.start)
                new_subject = (above is not None and previous is not None and above[0] >= previous["evidence"]["end"]
                               and subject_kind(above[1]) is not None)
                if _same_matter(t, previous, s) and not new_subject:
                    continue  # "Besluit: Aangenomen." under a result already read
                if above is None:
                    continue
                quote_start, subject = above[0], LEADING.sub("", clean(above[1]))[:MAX_SUBJECT]
                kind = kind or subject_kind(subject)
                if votes_for is None:  # counts on the lines between the subject and its outcome
                    votes_for, votes_against = counts_of(t[quote_start:e])
            elif kind is None and votes_for is None and code != "unanimous":
                continue  # an outcome word without anything voted on
            window = t[s:min(part.end, e + 300)]
            # the sentence's own factions before those on the lines after it; a unanimous vote has no sides
            sides = {key: [] if code == "unanimous" else groups_of(sentence, key) or groups_of(window, key)
                     for key in ("groups_for", "groups_against")}
            found.append({
                "subject": subject,
                "subject_kind": kind or "proposal",
                "outcome": code,
                "votes_for": votes_for,
                "votes_against": votes_against,
                "groups_for": sides["groups_for"],
                "groups_against": sides["groups_against"],
                "meeting": None,
                "agenda_item": None,
                "evidence": evidence(text, parts, quote_start, e),
            })
        out += sorted(found, key=lambda v: v["evidence"]["start"])
    for n, vote in enumerate(out, 1):
        vote["id"] = f"v{n}"
    return out
