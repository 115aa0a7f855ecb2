"""How far two human examiners agree, next to how far the grader agrees with each.

eval/second-examiner/SET.yaml holds a second examiner's verdicts (question ->
answer id -> key point -> 1/0) for a labelled set, written without seeing the
set's own labels. For each set this prints, for keyword and text-only points,
the F1 of *covered* and the false hits of: the second examiner against the
first (the set's labels), the grader against the first, the grader against
the second. The first row is the ceiling any grader can be held to.

    python bench/examiner_agreement.py           # every set that has a second examiner
    python bench/examiner_agreement.py holdout15

The grader is run in-process (studyapp.core.grading), as `studyapp grade` runs it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SECOND = ROOT / "eval" / "second-examiner"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def set_dir(name: str) -> Path:
    for base in (ROOT / "eval" / name, SHARED_EVAL / name):
        if (base / "labels").is_dir():
            return base
    raise SystemExit(f"error: no labelled set named {name!r} (looked in eval/ and ../shared/eval/)")


def tally_set(name: str) -> dict:
    from studyapp.core.grading import Grader
    from studyapp.core.packs import load_pack

    folder = set_dir(name)
    second = yaml.safe_load((SECOND / f"{name}.yaml").read_text(encoding="utf-8"))
    pack = load_pack(folder / "pack").pack
    questions = {q.id: q for q in pack.questions}
    tally: dict = {}
    for f in sorted((folder / "labels").glob("*.yaml")):
        first = yaml.safe_load(f.read_text(encoding="utf-8"))
        q = questions[first["question"]]
        kind = "keyword" if any(kp.keywords for kp in q.key_points) else "text-only"
        grader = Grader(q, thesaurus=pack.thesaurus)
        for answer in first["answers"]:
            covered = {p.id: p.status == "covered" for p in grader.grade(answer["text"]).points}
            other = second[first["question"]][answer["id"]]
            for point, a in answer["gold"].items():
                b = other[point]
                pairs = {
                    "second vs first": (a, b == 1),
                    "grader vs first": (a, covered[point]),
                    "grader vs second": (b, covered[point]),
                }
                for pair, (ref, said) in pairs.items():
                    t = tally.setdefault((pair, kind), {"tp": 0, "fp": 0, "fn": 0, "neg": 0})
                    t["tp"] += ref == 1 and said
                    t["fp"] += ref == 0 and said
                    t["fn"] += ref == 1 and not said
                    t["neg"] += ref == 0
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="set names (default: every file in eval/second-examiner)")
    args = ap.parse_args(argv)
    names = args.sets or sorted(p.stem for p in SECOND.glob("*.yaml"))
    print("| set | pair | keyword F1 | keyword false hits | text-only F1 | text-only false hits |")
    print("|---|---|---|---|---|---|")
    for name in names:
        tally = tally_set(name)
        for pair in ("second vs first", "grader vs first", "grader vs second"):
            cells = []
            for kind in ("keyword", "text-only"):
                t = tally.get((pair, kind))
                if not t:
                    cells += ["–", "–"]
                    continue
                p = t["tp"] / max(1, t["tp"] + t["fp"])
                r = t["tp"] / max(1, t["tp"] + t["fn"])
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                cells += [f"{f1:.3f}", f"{t['fp'] / max(1, t['neg']):.3f}"]
            print(f"| {name} | {pair} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
