"""Cold grading, this checkout against another commit, timed in one process.

    python bench/ab_grading.py REV [--rounds N]

Run from the repository root. Separate runs of bench_grading.py move by
±5 % on a shared machine, more than most changes to the grader; here both
versions of the grader live in one process (the commit's ``studyapp`` copied
under another name) and grade the benchmark answer in alternating blocks of
50, so that load and clock speed fall on both alike. Prints each median and
their ratio (this checkout / REV).
"""
from __future__ import annotations

import argparse
import importlib
import io
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def _copy_as(src: Path, dest: Path, name: str) -> None:
    """The ``studyapp`` package at ``src`` copied to ``dest/name``, its imports renamed."""
    shutil.copytree(src, dest / name)
    for f in (dest / name).rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        text = re.sub(r"\bstudyapp\.", name + ".", text)
        text = re.sub(r"\b(from|import) studyapp\b", r"\1 " + name, text)
        f.write_text(text, encoding="utf-8")


def _grader(name: str, pack_root: Path, qid: str, answer: str):
    grading = importlib.import_module(name + ".core.grading")
    packs = importlib.import_module(name + ".core.packs")
    pack = packs.load_pack(pack_root).pack
    question = next(q for q in pack.questions if q.id == qid)
    g = grading.Grader(question, thesaurus=pack.thesaurus)
    g.grade(answer)
    return g


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the commit to compare with (e.g. HEAD, main~3)")
    ap.add_argument("--rounds", type=int, default=30, help="alternations of 50 gradings each (default 30)")
    args = ap.parse_args()

    import bench_grading  # the benchmark's question and answer

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        archive = subprocess.run(
            ["git", "archive", args.rev, "studyapp"], cwd=ROOT, capture_output=True, check=False
        )
        if archive.returncode != 0:
            print(archive.stderr.decode(errors="replace"), file=sys.stderr)
            return 2
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(tmp_path / "rev", **safe)
        _copy_as(tmp_path / "rev" / "studyapp", tmp_path, "studyapp_rev")
        _copy_as(ROOT / "studyapp", tmp_path, "studyapp_here")
        sys.path.insert(0, tmp)

        pack, q = bench_grading.pick_question()
        answer = bench_grading.bench_answer(pack, q)
        graders = {
            args.rev: _grader("studyapp_rev", pack.root, q.id, answer),
            "this checkout": _grader("studyapp_here", pack.root, q.id, answer),
        }
        times: dict[str, list[float]] = {k: [] for k in graders}
        for _ in range(args.rounds):
            for label, g in graders.items():
                for _ in range(50):
                    g.clear_cache()
                    t = time.perf_counter()
                    g.grade(answer)
                    times[label].append(time.perf_counter() - t)

    medians = {k: statistics.median(v) * 1000 for k, v in times.items()}
    print(f"question: {q.id}, answer: {len(answer)} characters, {args.rounds * 50} gradings each")
    for label, ms in medians.items():
        print(f"{label:>16}: median {ms:.3f} ms")
    print(f"ratio this checkout / {args.rev}: {medians['this checkout'] / medians[args.rev]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
