"""The query language, parsed into a small tree; anything malformed is repaired (no Django).

Supported: words (all must match), "phrases", -exclusion (of a word or a
phrase), OR (also ``|``) between alternatives, prefix* . A query never fails:
an unclosed quote is closed, a dangling OR or a lone '-' or '*' is dropped,
brackets are ignored, and a query of exclusions only is taken literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import STOPWORDS, fold, words

MIN_PREFIX = 2  # shorter prefixes would expand to most of the vocabulary


@dataclass(frozen=True)
class Term:
    """One alternative: a word, a prefix or a phrase, as folded words."""

    words: tuple[str, ...]
    prefix: bool = False
    exact: bool = False  # words are index terms (stems) already: a fuzzy replacement
    shown: str | None = None  # how to show it, when not its words

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1

    def render(self) -> str:
        if self.shown:
            return self.shown
        if self.phrase:
            return '"' + " ".join(self.words) + '"'
        return self.words[0] + ("*" if self.prefix else "")


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)  # AND of ORs
    excluded: list[Term] = field(default_factory=list)
    repaired: bool = False

    @property
    def empty(self) -> bool:
        return not self.groups

    def render(self) -> str:
        parts = [" OR ".join(t.render() for t in g) for g in self.groups]
        parts += ["-" + t.render() for t in self.excluded]
        return " ".join(parts)

    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]


# a quoted phrase (possibly unclosed), an operator, or a run of other characters
_LEXER = re.compile(r'(?P<neg>-+)?"(?P<phrase>[^"]*)(?P<close>"?)|(?P<op>\||\bOR\b|\bOF\b)|(?P<and>\bAND\b|\bEN\b|&+)|(?P<word>[^\s"|]+)')
_BRACKETS = re.compile(r"[()\[\]{}]")


def _term(raw: str, prefix: bool) -> Term | None:
    ws = tuple(w for w, _, _ in words(raw))
    if not ws:
        return None
    if len(ws) > 1:  # "Noord-Holland", "147.824": a phrase
        return Term(ws)
    if prefix and len(ws[0]) < MIN_PREFIX:
        prefix = False
    return Term(ws, prefix)


def parse(text: str) -> Query:
    q = Query()
    if _BRACKETS.search(text or ""):
        q.repaired = True
        text = _BRACKETS.sub(" ", text)
    items: list[tuple[str, Term | None, bool]] = []  # (kind, term, negated); kind: term | or
    for m in _LEXER.finditer(text or ""):
        if m.group("and"):  # AND is what words do anyway
            continue
        if m.group("op"):
            items.append(("or", None, False))
            continue
        if m.group("phrase") is not None:
            if not m.group("close"):
                q.repaired = True  # unclosed quote: closed at the end
            ws = tuple(w for w, _, _ in words(m.group("phrase")))
            if not ws:
                q.repaired = q.repaired or bool(m.group("phrase").strip())
                continue
            items.append(("term", Term(ws), bool(m.group("neg"))))
            continue
        raw = m.group("word")
        neg = raw.startswith("-")
        body = raw.lstrip("-")
        prefix = body.endswith("*")
        body = body.rstrip("*")
        if "*" in body:  # a star inside a word: taken literally
            q.repaired = True
            body = body.replace("*", " ")
        term = _term(body, prefix)
        if term is None:
            if raw.strip("-*") == "" or prefix or neg:
                q.repaired = True  # a lone '-' or '*'
            continue
        if prefix and not term.prefix and not term.phrase:
            q.repaired = True  # prefix too short: the word itself
        items.append(("term", term, neg))

    groups: list[list[Term]] = []
    pending_or = False
    for kind, term, neg in items:
        if kind == "or":
            if not groups or pending_or:
                q.repaired = True  # OR with nothing before it
            pending_or = True
            continue
        assert term is not None
        if neg:
            q.excluded.append(term)
            if pending_or:
                q.repaired = True  # "a OR -b": b is excluded, a stands alone
                pending_or = False
            continue
        if pending_or and groups:
            if term not in groups[-1]:
                groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    if pending_or:
        q.repaired = True  # trailing OR

    if not groups and q.excluded:
        # only exclusions: nothing to search for, so take them as words
        groups = [[t] for t in q.excluded]
        q.excluded = []
        q.repaired = True
    # plain stop words add nothing to an AND query (PostgreSQL's 'dutch' drops them too)
    content = [g for g in groups if not (len(g) == 1 and not g[0].phrase and not g[0].prefix
                                         and g[0].words[0] in STOPWORDS)]
    q.groups = content or groups
    return q


def normalise_value(value: str) -> str:
    return fold(value).strip()
