"""Would a model learned from the labelled sets decide *covered* better than the grader's rules?

An experiment, not part of the app (it needs numpy and scikit-learn, which the app
does not depend on):

    pip install numpy scikit-learn
    python bench/calibration_probe.py                 # the sets read for development
    python bench/calibration_probe.py --sets eval/holdout17 eval/holdout18 ...

For every key point of every labelled answer it takes what the grader reports
(status, how many words matched, how much text is evidence, whether a tutor's
keyword matched) and, separately, facts about the whole answer (its length, the share
of the other points it covers). A gradient-boosted classifier is trained on all sets
but one and decides covered / not covered on the set left out (leave one set out), so
every figure is on questions the model never saw. Printed: right verdicts (the
model's or the rules' covered agreeing with the human's 1, anything else with 0) and
F1 / false hits, for the evidence features alone and with the answer-level ones.

Finding (session 5, docs/benchmarks.md): the evidence features alone gain nothing
over the rules; the gain comes from the answer's length and how much of it the grader
already credits, i.e. from crediting weak evidence in long answers. That would make a
point's verdict depend on unrelated text elsewhere in the answer, so it is not used.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyapp.core.grading import Grader  # noqa: E402
from studyapp.core.packs import load_pack  # noqa: E402

# the sets read while the grader was developed (eval/README.md)
READ = ["../shared/eval/dev", "../shared/eval/extra", "eval/bundled"] + [
    f"eval/holdout{n}" for n in ("", 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 14, 17, 18)
]
EVIDENCE = ["covered", "partial", "matched", "evidence_chars", "keyword_matched", "keyword_question", "points"]
ANSWER = ["answer_chars", "others_covered"]


def rows(set_dir: Path):
    pack = load_pack(set_dir / "pack").pack
    questions = {q.id: q for q in pack.questions}
    for f in sorted((set_dir / "labels").glob("*.yaml")):
        lab = yaml.safe_load(f.read_text(encoding="utf-8"))
        q = questions[lab["question"]]
        grader = Grader(q, pack.thesaurus)
        kw_question = any(kp.keywords for kp in q.key_points)
        for a in lab["answers"]:
            g = grader.grade(a["text"])
            covered = sum(p.status == "covered" for p in g.points)
            for kp, p in zip(q.key_points, g.points):
                keywords = {t for group in kp.keywords for t in group}
                yield {
                    "gold": int(a["gold"][kp.id]),
                    "rule": p.status == "covered",
                    "kw": kw_question,
                    "covered": p.status == "covered",
                    "partial": p.status == "partial",
                    "matched": len(p.matched),
                    "evidence_chars": sum(e - s for s, e in p.evidence),
                    "keyword_matched": any(m in keywords for m in p.matched),
                    "keyword_question": kw_question,
                    "points": len(q.key_points),
                    "answer_chars": math.log1p(len(a["text"])),
                    "others_covered": (covered - (p.status == "covered")) / max(1, len(q.key_points) - 1),
                }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=READ)
    args = ap.parse_args()
    try:
        import numpy as np
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError:
        print("needs numpy and scikit-learn: pip install numpy scikit-learn", file=sys.stderr)
        return 2
    data = []
    for s in args.sets:
        d = (ROOT / s).resolve()
        if (d / "labels").is_dir():
            data += [dict(r, set=d.name) for r in rows(d)]
    sets = np.array([r["set"] for r in data])
    y = np.array([r["gold"] for r in data])
    rule = np.array([r["rule"] for r in data])
    kw = np.array([r["kw"] for r in data])

    def figures(pred):
        out = []
        for k, name in ((True, "keyword"), (False, "text-only")):
            m = kw == k
            tp = int((pred & (y == 1) & m).sum())
            fp = int((pred & (y == 0) & m).sum())
            fn = int((~pred & (y == 1) & m).sum())
            neg = int(((y == 0) & m).sum())
            out.append(f"{name} F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f} false hits {fp / max(1, neg):.3f}")
        return f"right {int((pred == y).sum())} of {len(y)}; " + "; ".join(out)

    print(f"{len(set(sets))} sets, {len(y)} verdicts")
    print("rules:                 ", figures(rule))
    for name, cols in (("evidence features:    ", EVIDENCE), ("evidence + answer:    ", EVIDENCE + ANSWER)):
        X = np.array([[float(r[c]) for c in cols] for r in data])
        pred = np.zeros(len(y), bool)
        for s in sorted(set(sets)):
            test = sets == s
            model = HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05, random_state=0)
            model.fit(X[~test], y[~test])
            pred[test] = model.predict_proba(X[test])[:, 1] >= 0.5
        print(name, figures(pred))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
