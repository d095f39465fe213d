"""Train the sentence ranker (src/regiovolger/data/ranker.json) on the annotated development sets.

    .venv/bin/python eval/ranker/train.py [--out PATH] [--report PATH] [--sets realset realset2 realset3]

Needs scikit-learn (``pip install -e .[train]``); regiovolger itself only reads the JSON it writes.

1. Every development document is read and extracted with the ranker switched off: the rules' facts.
2. Its sentences (and the full dates in them, for key dates) are the candidates; a candidate is
   positive for a kind when, as a fact, it would match a gold fact of that kind under the shared
   matcher (``shared/tools/factscore.py``).
3. Cross-validation by document (5 folds, a document never in its own training fold) gives every
   candidate a probability from a model that did not see its document; for each kind the threshold
   is the one that gives the best F1 of rules + ranked candidates together, with precision kept at
   or above the rules' own precision (or ``MIN_PRECISION``, when the rules do better than that), less
   ``PRECISION_SLACK``. The figures are written to the report.
4. The final model is trained on all candidates and written as plain weights (no pickle), features
   seen in fewer than ``MIN_DOCS`` documents left out so that no name of one document is learnt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
os.environ["REGIOVOLGER_NO_RANKER"] = "1"

import factscore as fs  # noqa: E402
from regiovolger.extract import ranker  # noqa: E402
from regiovolger.extract.projects.prose_names import prose_name  # noqa: E402
from regiovolger.pipeline import process_file  # noqa: E402

SENTENCE_KINDS = ranker.SENTENCE_KINDS
MIN_DOCS = int(os.environ.get("RANKER_MIN_DOCS", 3))
C = float(os.environ.get("RANKER_C", 0.3))
# a candidate the model holds likelier false than true is never a fact: thresholds from 0.5
THRESHOLDS = [round(t, 2) for t in np.arange(0.5, 0.96, 0.05)]
# Ranked decisions and key dates were not borne out on documents of new bodies (set 5, held out in the fifth
# session: decision precision fell at 0.8, ranked key dates were mostly wrong at 0.65; lower thresholds also put
# false decisions and key dates in the design corpus): no lower threshold for them.
MIN_THRESHOLD = {"decisions": float(os.environ.get("RANKER_MIN_DECISIONS", 0.8)),
                 "key_dates": float(os.environ.get("RANKER_MIN_KEY_DATES", 0.8))}
MIN_PRECISION = float(os.environ.get("RANKER_MIN_PRECISION", 0.85))
# how far below that floor a threshold may go: a point or three of precision for the recall of a house style
PRECISION_SLACK = float(os.environ.get("RANKER_PRECISION_SLACK", 0.02))


def documents(sets: list[str]) -> list[tuple[str, Path, dict]]:
    out = []
    for name in sets:
        here = ROOT / "eval" / name
        for gold_path, src in fs.pairs_in(here / "gold", here / "docs"):
            out.append((f"{name}/{src.stem}", src, json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def as_fact(kind: str, c: ranker.Candidate, when=None) -> dict:
    if kind == "key_dates":
        return {"date": when.date, "date_text": when.text, "title": c.sentence, "quote": c.sentence}
    return {"text": c.sentence, "quote": c.sentence}


def examples(docs):
    """Per document: rule facts, candidates, and per kind the rows (features, label, candidate, date)."""
    out = []
    for key, src, gold in docs:
        processed = process_file(src)
        text, parts = processed.text, processed.parts
        view = ranker.candidates(text, parts)
        rows = {k: [] for k in ranker.KINDS}
        for c in view:
            feats = ranker.sentence_features(c)
            for kind in SENTENCE_KINDS:
                f, th = fs.sim_for(kind)
                label = any(f(as_fact(kind, c), g) >= th for g in fs.items(gold, kind))
                rows[kind].append((feats, label, c, None))
            f, th = fs.sim_for("key_dates")
            for when in c.dates:
                label = any(f(as_fact("key_dates", c, when), g) >= th for g in fs.items(gold, "key_dates"))
                rows["key_dates"].append((ranker.date_features(c, when, text.text), label, c, when))
        f, th = fs.sim_for("projects")
        for c, name in ranker.project_candidates(text, parts, prose_name):
            label = any(f({"name": name, "quote": c.sentence}, g) >= th for g in fs.items(gold, "projects"))
            rows["projects"].append((ranker.sentence_features(c), label, c, name))
        out.append({"key": key, "gold": gold, "rules": processed.extraction, "rows": rows})
        print(f"read {key}: {len(view)} sentences", file=sys.stderr)
    return out


def frequent(docs, kind: str) -> set[str]:
    seen = Counter()
    for d in docs:
        seen.update({f for feats, *_ in d["rows"][kind] for f in feats})
    return {f for f, n in seen.items() if n >= MIN_DOCS}


def fit(rows, keep: set[str]):
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in feats if f in keep} for feats, *_ in rows])
    y = np.array([label for _, label, *_ in rows])
    clf = LogisticRegression(C=C, max_iter=2000, class_weight=os.environ.get("RANKER_WEIGHT", "") or None)
    clf.fit(X, y)
    return vec, clf


def out_of_fold(docs, kind: str, keep: set[str]) -> list[np.ndarray]:
    """Per document, the probabilities its candidates get from a model trained without it."""
    groups = np.arange(len(docs))
    probs: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for train, test in GroupKFold(n_splits=5).split(groups, groups=groups):
        rows = [r for i in train for r in docs[i]["rows"][kind]]
        if not any(label for _, label, *_ in rows):
            continue
        vec, clf = fit(rows, keep)
        for i in test:
            feats = [{f: 1 for f in r[0] if f in keep} for r in docs[i]["rows"][kind]]
            probs[i] = clf.predict_proba(vec.transform(feats))[:, 1] if feats else np.zeros(0)
    return probs


def combined(doc, probs: dict, thresholds: dict) -> dict:
    """The rules' facts plus the candidates ranked above their kind's threshold, chosen by ``ranker.select``."""
    pred = {k: list(doc["rules"].get(k) or []) for k in ranker.KINDS}
    read = {k: bool(pred[k]) for k in ranker.KINDS}
    others = [(f["evidence"]["start"], f["evidence"]["end"]) for k in SENTENCE_KINDS for f in pred[k]]
    cands = [c for _, _, c, _ in doc["rows"]["decisions"]]
    index = {id(c): i for i, c in enumerate(cands)}
    dated = {(id(c), when.start): p for (_, _, c, when), p in zip(doc["rows"]["key_dates"], probs["key_dates"])}
    chosen = ranker.select(cands, read, others, thresholds,
                           lambda c, kinds: {k: probs[k][index[id(c)]] for k in kinds},
                           lambda c, when: dated[(id(c), when.start)])
    for kind, c, when, _ in chosen:
        pred[kind].append(as_fact(kind, c, when))
    if not read["projects"]:  # as ranker.ranked_projects: once per name, where the rules found no project
        seen = set()
        for (_, _, c, name), p in zip(doc["rows"]["projects"], probs["projects"]):
            if p >= thresholds["projects"] and name.casefold() not in seen:
                seen.add(name.casefold())
                pred["projects"].append({"name": name, "quote": c.sentence})
    return pred


def totals(docs, preds, kind: str, only: str | None = None) -> tuple[int, int, int]:
    m = p = g = 0
    for doc, pred in zip(docs, preds):
        if (only and not doc["key"].startswith(only + "/")) or not fs.annotated(doc["gold"], kind):
            continue
        a, b, c = fs.match(pred[kind], fs.items(doc["gold"], kind), kind)
        m, p, g = m + a, p + b, g + c
    return m, p, g


def prf(m: int, p: int, g: int) -> tuple[float, float, float]:
    prec = m / p if p else 1.0
    rec = m / g if g else 1.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def choose_thresholds(docs, probs) -> tuple[dict, list[str]]:
    """Per kind, the threshold with the best cross-validated F1 of rules + ranker, precision kept near the rules'."""
    chosen = {k: 1.01 for k in ranker.KINDS}
    lines = []
    for kind in ranker.KINDS:
        trials = []
        for t in [t for t in THRESHOLDS if t >= MIN_THRESHOLD.get(kind, 0)] + [1.01]:
            preds = [combined(d, {k: probs[k][i] for k in ranker.KINDS}, {**chosen, kind: t})
                     for i, d in enumerate(docs)]
            trials.append((t, prf(*totals(docs, preds, kind))))
        print(kind, " ".join(f"{t:.2f}:{p:.2f}/{r:.2f}/{f:.2f}" for t, (p, r, f) in trials), file=sys.stderr)
        # the ranker may add recall but not cost precision: below the rules' own precision (or the target) is out
        floor = min(MIN_PRECISION, trials[-1][1][0]) - PRECISION_SLACK
        good = [x for x in trials if x[1][0] >= floor] or trials
        # of thresholds as good as the best (within half a point of F1), the highest: the fewest false facts
        top = max(x[1][2] for x in good)
        best = max((x for x in good if x[1][2] >= top - 0.005), key=lambda x: x[0])
        chosen[kind] = best[0]
        rules = trials[-1][1]
        lines.append(f"| {kind} | {rules[0]:.2f}/{rules[1]:.2f}/{rules[2]:.2f} | {best[0]:.2f} | "
                     f"{best[1][0]:.2f}/{best[1][1]:.2f}/{best[1][2]:.2f} |")
    return chosen, lines


def per_set(docs, probs, thresholds, sets) -> list[str]:
    off = {k: 1.01 for k in ranker.KINDS}
    lines = []
    for name in sets:
        for kind in ranker.KINDS:
            a = prf(*totals(docs, [combined(d, {k: probs[k][i] for k in ranker.KINDS}, off)
                                   for i, d in enumerate(docs)], kind, name))
            b = prf(*totals(docs, [combined(d, {k: probs[k][i] for k in ranker.KINDS}, thresholds)
                                   for i, d in enumerate(docs)], kind, name))
            lines.append(f"| {name} | {kind} | {a[0]:.2f}/{a[1]:.2f}/{a[2]:.2f} | {b[0]:.2f}/{b[1]:.2f}/{b[2]:.2f} |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="+", default=["realset", "realset2", "realset3", "realset4", "realset5", "realset6"])
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "regiovolger" / "data" / "ranker.json")
    ap.add_argument("--report", type=Path, default=ROOT / "eval" / "ranker" / "REPORT.md")
    args = ap.parse_args()
    docs = examples(documents(args.sets))
    keep = {k: frequent(docs, k) for k in ranker.KINDS}
    probs = {k: out_of_fold(docs, k, keep[k]) for k in ranker.KINDS}
    thresholds, lines = choose_thresholds(docs, probs)
    model = {}
    for kind in ranker.KINDS:
        vec, clf = fit([r for d in docs for r in d["rows"][kind]], keep[kind])
        weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-3}
        model[kind] = {"bias": round(float(clf.intercept_[0]), 4), "threshold": thresholds[kind],
                       "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    positives = {k: sum(label for d in docs for _, label, *_ in d["rows"][k]) for k in ranker.KINDS}
    report = [
        "# Sentence ranker: cross-validated figures", "",
        f"Sets: {', '.join(args.sets)} ({len(docs)} documents). Positives per kind: {positives}.",
        "Five folds by document: every probability comes from a model that did not see the document.", "",
        "| kind | rules alone P/R/F | threshold | rules + ranker P/R/F |", "|---|---|---|---|", *lines, "",
        "Per set (same out-of-fold probabilities, chosen thresholds):", "",
        "| set | kind | rules alone P/R/F | rules + ranker P/R/F |", "|---|---|---|---|",
        *per_set(docs, probs, thresholds, args.sets), "",
    ]
    args.report.write_text("\n".join(report), encoding="utf-8")
    print("\n".join(report))


if __name__ == "__main__":
    main()
