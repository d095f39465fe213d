"""Sentence candidates ranked by a small trained model: facts the house-style rules miss.

The rules of the fact kinds read the forms they were written for; a body
with another house style writes its decisions, tasks, promises and dates in
sentences those rules never saw. Every sentence of a part is a candidate
(every dated sentence, for key dates); a logistic model over the words of the
sentence and a few signs of its form (a date, an amount, how it opens, the
document type) says how likely it states a fact of each kind. It is a
fallback: in a document where the rules found facts of a kind, its house
style is one they read, and the ranker adds nothing of that kind there.
Elsewhere, candidates above the kind's threshold become facts of their own, with the model's probability as their confidence, so staff see the
uncertain ones on the review page.

The model is data (``data/ranker.json``), built reproducibly by
``eval/ranker/train.py`` from the annotated development sets; this module only
reads it. Setting ``REGIOVOLGER_NO_RANKER=1`` switches the stage off (training
uses that to see what the rules alone find).
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable

import snowballstemmer

from ..document import Part, Text
from .amounts import find_amounts
from .evidence import evidence
from .key_date_prose import FUTURE, LOOKED_BACK, PAST, PERFECT
from .sentences import BULLET, When, clean, dates_in, parts_of, sentence_spans

KINDS = ("decisions", "actions", "commitments", "key_dates", "projects")
SENTENCE_KINDS = KINDS[:3]
MAX_CHARS = 700  # a longer "sentence" is a paragraph the splitter could not cut: not one fact
MIN_WORDS = 3
LABEL_CHARS = 40
WORD = re.compile(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*")
_stemmer = snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)  # pure Python: the same words come back in every sentence


@dataclass
class Candidate:
    start: int
    end: int
    part: Part
    sentence: str
    dates: list[When] = field(default_factory=list)
    label: str = ""  # the short line just above, when there is one: a heading or label ("Besluit:", "Acties")


def candidates(text: Text, parts: list[Part]) -> list[Candidate]:
    """The sentences of every part, with the full dates they name."""
    out = []
    s = text.text
    for part in parts_of(parts, text):
        for start, end in sentence_spans(s, part.start, part.end):
            sentence = clean(s[start:end])
            if len(sentence) > MAX_CHARS or len(WORD.findall(sentence.lower())) < MIN_WORDS:
                continue
            dates = [w for w in dates_in(s, start, end, part) if w.date]
            out.append(Candidate(start, end, part, sentence, dates, _label_above(s, start)))
    return out


def _label_above(s: str, start: int) -> str:
    line_start = s.rfind("\n", 0, start) + 1
    if s[line_start:start].strip():
        return s[line_start:start].strip()[-LABEL_CHARS:]  # the sentence runs on after a label on its line
    above = s[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
    return above if len(above) <= LABEL_CHARS else ""


def sentence_features(c: Candidate) -> list[str]:
    """Words (stemmed), word pairs, how the sentence opens and a few signs of its form."""
    low = c.sentence.lower()
    stems = [_stem(w) for w in WORD.findall(low)]
    feats = [f"w:{w}" for w in set(stems)]
    feats += [f"b:{a}_{b}" for a, b in set(zip(stems, stems[1:]))]
    if stems:
        feats.append(f"first:{stems[0]}")
        feats.append(f"first2:{'_'.join(stems[:2])}")
    feats.append(f"type:{c.part.type}")
    feats += [f"above:{_stem(w)}" for w in set(WORD.findall(c.label.lower()))]
    if BULLET.match(c.sentence):
        feats.append("form:listed")
    if c.sentence.rstrip().endswith(":"):
        feats.append("form:colon")
    if c.sentence.rstrip().endswith("?"):
        feats.append("form:question")
    if c.dates:
        feats.append("form:dated")
    if find_amounts(c.sentence):
        feats.append("form:amount")
    n = len(stems)
    feats.append("len:short" if n < 8 else "len:mid" if n < 25 else "len:long")
    return feats


def date_features(c: Candidate, when: When, text: str) -> list[str]:
    """The sentence's features plus the words around one of its dates and where it lies in time."""
    feats = sentence_features(c)
    before = [_stem(w) for w in WORD.findall(text[max(c.start, when.start - 40):when.start].lower())][-3:]
    after = [_stem(w) for w in WORD.findall(text[when.end:min(c.end, when.end + 40)].lower())][:3]
    feats += [f"pre:{w}" for w in before] + [f"post:{w}" for w in after]
    if before:
        feats.append(f"pre1:{before[-1]}")
    # tense: a date the sentence looks back on ("is op 27 januari gestart", "4 november jl.") is no announcement
    if LOOKED_BACK.match(text, when.end) or PAST.search(c.sentence) or PERFECT.search(c.sentence):
        feats.append("tense:past")
    if FUTURE.search(c.sentence):
        feats.append("tense:future")
    if c.part.date and when.date:
        feats.append("when:later" if when.date > c.part.date else "when:same" if when.date == c.part.date
                     else "when:earlier")
    else:
        feats.append("when:unknown")
    return feats


@lru_cache(maxsize=1)
def model() -> dict:
    path = resources.files("regiovolger").joinpath("data/ranker.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def probability(kind: str, feats: list[str]) -> float:
    m = model().get(kind)
    if not m:
        return 0.0
    weights = m["weights"]
    z = m["bias"] + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def threshold(kind: str) -> float:
    return (model().get(kind) or {}).get("threshold", 1.01)


def enabled() -> bool:
    return not os.environ.get("REGIOVOLGER_NO_RANKER") and bool(model())


def project_candidates(text: Text, parts: list[Part], name_of: Callable[[str], str | None]) -> list[tuple[Candidate, str]]:
    """The sentences that name a project (by ``name_of``, the project readers' name finder), with that name."""
    out = []
    for c in candidates(text, parts):
        name = name_of(c.sentence)
        if name:
            out.append((c, name))
    return out


def ranked_projects(text: Text, parts: list[Part], name_of: Callable[[str], str | None]) -> list[tuple[Candidate, str, float]]:
    """Sentences of running prose the model judges to be about a project of their own, for a document where the
    project readers found none: (sentence, name, probability)."""
    if not enabled() or "projects" not in model():
        return []
    out = []
    seen: set[str] = set()
    for c, name in project_candidates(text, parts, name_of):
        p = probability("projects", sentence_features(c))
        key = name.casefold()
        # "de Regio Deal" after "de Regio Deal Zeeuws-Vlaanderen": the same project named short
        if p >= threshold("projects") and not any(key in other or other in key for other in seen):
            seen.add(key)
            out.append((c, name, p))
    return out


def _taken(result: dict, kind: str) -> list[tuple[int, int]]:
    spans = []
    for fact in result.get(kind) or []:
        ev = fact.get("evidence") or {}
        if "start" in ev:
            spans.append((ev["start"], ev["end"]))
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _fact(kind: str, c: Candidate, text: Text, parts: list[Part], p: float, when: When | None = None) -> dict:
    ev = evidence(text, parts, c.start, c.end)
    due = next((w.date for w in c.dates), None)
    if kind == "decisions":
        fact = {"text": c.sentence, "kind": "other", "amount_eur": None, "meeting": None, "agenda_item": None}
    elif kind == "actions":
        fact = {"text": c.sentence, "owners": [], "due": due, "meeting": None, "agenda_item": None}
    elif kind == "commitments":
        fact = {"text": c.sentence, "made_by": None, "made_to": None, "date_made": c.part.date, "due": due}
    else:
        fact = {"date": when.date, "date_text": when.text, "title": c.sentence, "tentative": when.tentative}
    fact["evidence"] = ev
    fact["confidence"] = round(p, 2)
    return fact


def select(cands: list[Candidate], read: dict[str, bool], others: list[tuple[int, int]], thresholds: dict[str, float],
           p_sentence: Callable[[Candidate, list[str]], dict[str, float]],
           p_date: Callable[[Candidate, When], float]) -> list[tuple[str, Candidate, When | None, float]]:
    """The candidates that become facts, as (kind, candidate, date or None, probability), in text order.

    A sentence becomes a fact of the kind it is most likely to state, among the kinds the rules did not find in
    the document (``read``) and above that kind's threshold; a date, when the rules found no key dates, outside
    the sentences of other facts (``others``), once per date. Training (``eval/ranker/train.py``) runs the same
    choice on out-of-fold probabilities."""
    open_kinds = [kind for kind in SENTENCE_KINDS if not read[kind]]
    dated: set[str] = set()
    out = []
    for c in cands:
        if open_kinds:
            scores = p_sentence(c, open_kinds)
            best = max(((kind, scores[kind]) for kind in open_kinds if scores[kind] >= thresholds[kind]),
                       key=lambda pair: pair[1], default=None)
            if best:
                out.append((best[0], c, None, best[1]))
        if read["key_dates"] or _overlaps(others, c.start, c.end):
            continue  # a date inside another fact's sentence is that fact's (a promise's date, a task's due)
        for when in c.dates:
            p = p_date(c, when)
            if p >= thresholds["key_dates"] and when.date not in dated:
                dated.add(when.date)
                out.append(("key_dates", c, when, p))
    return out


def add_ranked(text: Text, parts: list[Part], result: dict) -> None:
    """Add the candidates each kind's model ranks above its threshold, in documents where the rules found none."""
    if not enabled():
        return
    # a fallback: a document where the rules found facts of a kind is in a house style they read
    read = {kind: bool(result.get(kind)) for kind in KINDS}
    if all(read.values()):
        return
    others = [span for kind in SENTENCE_KINDS for span in _taken(result, kind)]
    thresholds = {kind: threshold(kind) for kind in KINDS}

    def p_sentence(c: Candidate, kinds: list[str]) -> dict[str, float]:
        feats = sentence_features(c)
        return {kind: probability(kind, feats) for kind in kinds}

    def p_date(c: Candidate, when: When) -> float:
        return probability("key_dates", date_features(c, when, text.text))

    found: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for kind, c, when, p in select(candidates(text, parts), read, others, thresholds, p_sentence, p_date):
        found[kind].append(_fact(kind, c, text, parts, p, when))
    prefix = {"decisions": "d", "actions": "a", "commitments": "c"}
    for kind, facts in found.items():
        have = result.get(kind) or []
        for n, fact in enumerate(facts, len(have) + 1):
            if kind in prefix:
                fact["id"] = f"{prefix[kind]}{n}"
        if facts:
            result[kind] = have + facts
