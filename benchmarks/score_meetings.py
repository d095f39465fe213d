"""Precision and recall of meeting facts against hand-written expected facts.

    .venv/bin/python benchmarks/score_meetings.py [EXPECTED_DIR] [--kinds attendees,agenda_items]
    .venv/bin/python benchmarks/score_meetings.py --expected tests/heldout/expected --docs tests/heldout/docs

``--docs DIR`` resolves each spec's ``file`` against DIR instead of shared/corpus
(for held-out documents kept outside the corpus); ``--expected DIR`` is the same
as the positional EXPECTED_DIR.

Expected facts live in ``tests/meetings/expected/<name>.json``::

    {"file": "seeds/001_68d5d2a6072dc2a2.txt",          # relative to shared/corpus
     "meetings":     [{"body": "Ambtelijk Pact", "date": "2020-07-06"}],
     "attendees":    [{"name": "Rob Koolen", "status": "partial"}],
     "agenda_items": [{"number": "3 + 4", "title": "Economische visie ..."}],
     "people":       [{"name": "Joram van Donk"}],
     ...}                                                 # other kinds: see MATCHERS

Each kind has a getter (facts of that kind from one file's extraction) and a
matching rule (expected fact, extracted fact) -> bool; facts are paired one to
one, greedily in order. Add a kind by adding an entry to ``MATCHERS``; a kind
absent from an expected file is not scored for that file.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from regiovolger.extract.names import compatible, name_key  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EXPECTED = ROOT / "tests" / "meetings" / "expected"


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w€%+ ]+", " ", s)).strip()


def fuzzy(a: str | None, b: str | None, threshold: float = 0.8) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= threshold


def same_name(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return name_key(a) == name_key(b) or compatible(a, b)


def _number(n: str | None) -> str:
    return re.sub(r"[^0-9a-z+]", "", (n or "").lower())


# ---- getters: facts of one kind from one file's extraction
def get_attendees(ex: dict) -> list[dict]:
    return [dict(a, meeting_date=m.get("date")) for m in ex.get("meetings", []) for a in m.get("attendees", [])]


def get(kind: str) -> Callable[[dict], list[dict]]:
    return lambda ex: list(ex.get(kind, []))


# ---- matching rules
def match_meeting(e: dict, g: dict) -> bool:
    if e.get("date") != g.get("date"):
        return False
    if not e.get("body"):
        return True
    body = fold(g.get("body"))
    return fuzzy(e["body"], g.get("body"), 0.8) or (bool(body) and fold(e["body"]) in body)


def match_attendee(e: dict, g: dict) -> bool:
    if not same_name(e["name"], g.get("name")):
        return False
    if e.get("meeting_date") and g.get("meeting_date") and e["meeting_date"] != g["meeting_date"]:
        return False
    return e.get("status", g.get("status")) == g.get("status")


def match_item(e: dict, g: dict) -> bool:
    if e.get("number") is not None and _number(e["number"]) != _number(g.get("number")):
        return False
    return fuzzy(e["title"], g.get("title"), 0.8)


def match_person(e: dict, g: dict) -> bool:
    return same_name(e["name"], g.get("name")) or any(same_name(e["name"], a) for a in g.get("aliases") or [])


def _has(snippet: str | None, text: str | None) -> bool:
    return bool(snippet) and fold(snippet) in fold(text)


def _owner(e: str, got: list[str]) -> bool:
    return any(fold(e) == fold(g) or same_name(e, g) for g in got)


def match_decision(e: dict, g: dict) -> bool:
    """Decisions (and their kind): the expected text is a snippet of the extracted one."""
    return _has(e["text"], g.get("text")) and e.get("kind", g.get("kind")) == g.get("kind")


def match_action(e: dict, g: dict) -> bool:
    return _has(e["text"], g.get("text")) and all(_owner(o, g.get("owners") or []) for o in e.get("owners", []))


def match_commitment(e: dict, g: dict) -> bool:
    if not _has(e["text"], g.get("text")):
        return False
    if "made_to" in e and fold(e["made_to"]) != fold(g.get("made_to")):
        return False
    if "date_made" in e and e["date_made"] != g.get("date_made"):
        return False
    return e.get("fulfilled_here", g.get("fulfilled_here")) == g.get("fulfilled_here")


def match_key_date(e: dict, g: dict) -> bool:
    if e.get("date") != g.get("date"):
        return False
    if e.get("date_text") and fold(e["date_text"]) != fold(g.get("date_text")):
        return False
    return _has(e["title"], g.get("title")) or fuzzy(e["title"], g.get("title"), 0.8)


MATCHERS: dict[str, tuple[Callable[[dict], list[dict]], Callable[[dict, dict], bool]]] = {
    "meetings": (get("meetings"), match_meeting),
    "attendees": (get_attendees, match_attendee),
    "agenda_items": (get("agenda_items"), match_item),
    "people": (get("people"), match_person),
    "decisions": (get("decisions"), match_decision),
    "actions": (get("actions"), match_action),
    "commitments": (get("commitments"), match_commitment),
    "key_dates": (get("key_dates"), match_key_date),
}


def pair(expected: list[dict], got: list[dict], rule) -> tuple[int, list[dict], list[dict]]:
    """Greedy one-to-one pairing: (matched, missed expected, unexpected extracted)."""
    free = list(got)
    missed = []
    hit = 0
    for e in expected:
        j = next((i for i, g in enumerate(free) if rule(e, g)), None)
        if j is None:
            missed.append(e)
        else:
            hit += 1
            free.pop(j)
    return hit, missed, free


def score_file(spec: dict, extraction: dict, kinds: list[str] | None = None) -> dict[str, dict]:
    out = {}
    for kind, (getter, rule) in MATCHERS.items():
        if kind not in spec or (kinds and kind not in kinds):
            continue
        got = getter(extraction)
        hit, missed, extra = pair(spec[kind], got, rule)
        out[kind] = {"expected": len(spec[kind]), "got": len(got), "hit": hit, "missed": missed, "extra": extra}
    return out


def _extraction(path: Path) -> dict:
    from regiovolger.pipeline import process_file

    return process_file(path).extraction


def score_folder(folder: Path, docs: Path = CORPUS, kinds: list[str] | None = None):
    """Per-file results and, per kind, the totals [hit, got, expected] over all files in ``folder``."""
    per_file = []
    totals: dict[str, list[int]] = {}
    for spec_path in sorted(folder.glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        res = score_file(spec, _extraction(docs / spec["file"]), kinds)
        per_file.append((spec_path.stem, res))
        for kind, r in res.items():
            t = totals.setdefault(kind, [0, 0, 0])
            t[0] += r["hit"]
            t[1] += r["got"]
            t[2] += r["expected"]
    return per_file, totals


def main(argv: list[str]) -> int:
    kinds = None
    opts: dict[str, str] = {}
    args: list[str] = []
    it = iter(argv)
    for a in it:
        if a.startswith("--") and "=" in a:
            k, v = a[2:].split("=", 1)
            opts[k] = v
        elif a in ("--docs", "--expected", "--kinds"):
            opts[a[2:]] = next(it, "")
        elif not a.startswith("--"):
            args.append(a)
    if "kinds" in opts:
        kinds = opts["kinds"].split(",")
    folder = Path(opts.get("expected") or (args[0] if args else EXPECTED))
    docs = Path(opts["docs"]) if "docs" in opts else CORPUS
    verbose = "--verbose" in argv
    per_file, totals = score_folder(folder, docs, kinds)
    for name, res in per_file:
        for kind, r in res.items():
            p = r["hit"] / r["got"] if r["got"] else 1.0
            rc = r["hit"] / r["expected"] if r["expected"] else 1.0
            print(f"{name:32s} {kind:14s} P={p:.2f} R={rc:.2f} ({r['hit']}/{r['got']} got, "
                  f"{r['expected']} expected)")
            if verbose:
                for m in r["missed"]:
                    print("      missed:", json.dumps(m, ensure_ascii=False)[:140])
                for x in r["extra"]:
                    print("      extra: ", json.dumps({k: x.get(k) for k in ("name", "number", "title", "status",
                                                                          "body", "date", "text")
                                                      if x.get(k)}, ensure_ascii=False)[:140])
    print("-" * 70)
    for kind, (hit, got, exp) in totals.items():
        p = hit / got if got else 1.0
        r = hit / exp if exp else 1.0
        print(f"{'TOTAL':32s} {kind:14s} P={p:.2f} R={r:.2f} ({hit}/{got} got, {exp} expected)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
