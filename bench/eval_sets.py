"""Grading quality on every labelled set, as one Markdown table.

Runs the shared measuring script (../shared/eval/score_eval.py, which calls
`studyapp grade --json` as a user would) on each set and prints one row per
set: keyword-point F1, text-only F1, false hits (keyword / text-only), rank,
and the right verdicts: key points where the grader's covered agrees with the
human's 1 and its partial or missed with the human's 0 (the count the notes
compare from commit to commit), with a total for all the sets measured.

    python bench/eval_sets.py                        # dev, extra and every eval/* set
    python bench/eval_sets.py eval/holdout13 ../shared/eval/dev
    python bench/eval_sets.py --score-eval PATH      # another copy of score_eval.py

Needs `studyapp` on PATH (the project installed in the active environment).
A set the script cannot measure gets a row saying why; the others still run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def default_sets() -> list[Path]:
    sets = [SHARED_EVAL / "dev", SHARED_EVAL / "extra"]
    ours = [p for p in (ROOT / "eval").iterdir() if (p / "labels").is_dir()]

    def order(p: Path):  # holdout, holdout2 … holdout14 in number order
        digits = "".join(c for c in p.name if c.isdigit())
        return (p.name.rstrip("0123456789"), int(digits or 1))

    return sets + sorted(ours, key=order)


def right_verdicts(set_dir: Path) -> int:
    """Verdicts where covered / not covered agrees with the human's 1 / 0."""
    import yaml

    from studyapp.core.grading import Grader
    from studyapp.core.packs import load_pack

    pack = load_pack(set_dir / "pack").pack
    right = 0
    for f in sorted((set_dir / "labels").glob("*.yaml")):
        labels = yaml.safe_load(f.read_text(encoding="utf-8"))
        grader = Grader(pack.question(labels["question"]), thesaurus=pack.thesaurus)
        for answer in labels["answers"]:
            statuses = {v.id: v.status for v in grader.grade(answer["text"]).points}
            right += sum((statuses[k] == "covered") == (gold == 1) for k, gold in answer["gold"].items())
    return right


def measure(script: Path, set_dir: Path, tally: list[int] | None = None) -> str:
    if not (set_dir / "labels").is_dir() or not (set_dir / "pack").is_dir():
        return f"| {set_dir.name} | not measured: no pack/ and labels/ in {set_dir} | | | | |"
    try:
        run = subprocess.run(
            [sys.executable, str(script), str(set_dir), "--json"],
            capture_output=True, text=True, encoding="utf-8", check=False,
        )
    except OSError as exc:
        return f"| {set_dir.name} | not measured: {exc} | | | | |"
    try:
        figures = json.loads(run.stdout)
    except ValueError:
        tail = (run.stderr.strip().splitlines() or ["no output"])[-1]
        return f"| {set_dir.name} | not measured: {tail} | | | | |"
    kw, txt, all_ = figures.get("keywords", {}), figures.get("text-only", {}), figures.get("all", {})

    def f(d: dict, key: str) -> str:
        return f"{d[key]:.3f}" if d.get("points") and key in d else "–"

    verdicts = all_.get("points", 0)
    right = right_verdicts(set_dir)
    if tally is not None:
        tally[0] += right
        tally[1] += verdicts
    return (f"| {set_dir.name} ({verdicts}) | {f(kw, 'f1')} | {f(txt, 'f1')} | "
            f"{f(kw, 'false_hits')} / {f(txt, 'false_hits')} | {f(all_, 'rank')} | {right} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path, help="labelled set folders (default: all)")
    ap.add_argument("--score-eval", type=Path, default=SHARED_EVAL / "score_eval.py")
    args = ap.parse_args(argv)
    if not args.score_eval.is_file():
        print(f"error: {args.score_eval} not found (use --score-eval PATH)", file=sys.stderr)
        return 2
    print("| set (verdicts) | keyword F1 | text-only F1 | false hits kw / text | rank | right verdicts |")
    print("|---|---|---|---|---|---|")
    tally = [0, 0]
    for s in args.sets or default_sets():
        print(measure(args.score_eval, s, tally), flush=True)
    print(f"| all measured ({tally[1]}) | | | | | {tally[0]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
