#!/usr/bin/env python3
"""How fast grading is: the figures docs/benchmarks.md ("Grading") reports.

    python bench/bench_grading.py            # all figures
    python bench/bench_grading.py --quick    # fewer repetitions

1. grade a 1,500-character answer against an 8-point question (the bundled
   pack's question with the most key points), nothing cached: median. The answer
   is the question's reference and then the pack's other references, with no
   sentence twice (a sentence said twice would be analysed once);
2. grade again after one more character is typed (the live meter's case;
   per-sentence work for the unchanged sentences is reused): median;
3. ``studyapp grade --json`` on 200 answer files in one call, start-up
   included (fresh processes): median wall time, and whether Textual was
   imported (it must not be).
Targets (issue 3): <= 2 ms, <= 1 ms, <= 2 s.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyapp.core.grading import Grader  # noqa: E402
from studyapp.core.packs import bundled_pack_dir, load_pack  # noqa: E402

TYPED = "我认为应当加强统筹协调推进信息共享为基层减负放权赋能让群众满意。"


def pick_question():
    pack = load_pack(bundled_pack_dir()).pack
    assert pack is not None and pack.questions, "the bundled pack has no questions"
    q = max(pack.questions, key=lambda q: (len(q.key_points), len(q.reference or "")))
    return pack, q


def make_answer(q, n_chars: int = 1500, others=()) -> str:
    """A long answer with no sentence in it twice: the question's reference, then the
    other questions' references (``others``), cut at ``n_chars``.

    (A sentence said twice is analysed once per grade, so an answer made by repeating
    the reference would be graded faster than a real one of the same length.)
    """
    seen: set[str] = set()
    parts: list[str] = []
    size = 0
    for ref in [q.reference or "。".join(kp.point for kp in q.key_points)] + [o.reference or "" for o in others]:
        for line in ref.strip().splitlines():
            for sentence in re.split(r"(?<=[。！？])", line):
                key = sentence.strip()
                if key and key in seen:
                    sentence = ""
                seen.add(key)
                parts.append(sentence)
                size += len(sentence)
            parts.append("\n")
            size += 1
            if size >= n_chars:
                break
        if size >= n_chars:
            break
    text = "".join(parts)
    assert len(text) >= n_chars, "the pack's references are shorter than the answer asked for"
    return text[:n_chars]


def bench_answer(pack, q) -> str:
    """The benchmark's answer to ``q``: its reference, then the pack's other references."""
    return make_answer(q, others=[o for o in pack.questions if o.id != q.id])


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_cold(grader: Grader, answer: str, reps: int) -> float:
    times = []
    for _ in range(reps):
        grader.clear_cache()  # nothing remembered: the whole answer is read again
        t = time.perf_counter()
        grader.grade(answer)
        times.append(time.perf_counter() - t)
    return median_ms(times)


def bench_keystroke(grader: Grader, answer: str, reps: int) -> float:
    grader.clear_cache()
    text = answer
    grader.grade(text)
    times = []
    for i in range(reps):
        text += TYPED[i % len(TYPED)]
        t = time.perf_counter()
        grader.grade(text)
        times.append(time.perf_counter() - t)
    return median_ms(times)


def bench_cli(pack, q, answer: str, runs: int) -> tuple[float, bool]:
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(200):
            p = Path(tmp) / f"answer-{i:03d}.txt"
            # different answers: each a different slice and length of the long one
            start = (i * 37) % max(1, len(answer) - 300)
            p.write_text(answer[start: start + 300 + (i * 53) % 1200], encoding="utf-8")
            files.append(str(p))
        argv = [sys.executable, "-m", "studyapp", "grade", "--pack", str(pack.root), "--question", q.id, "--json", *files]
        # as installed (pip compiles bytecode): where the environment forbids writing .pyc files,
        # edited modules would be compiled at every start; one warm-up run writes them
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(argv, capture_output=True, text=True, env=env)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            proc = subprocess.run(argv, capture_output=True, text=True, env=env)
            times.append(time.perf_counter() - t)
            if proc.returncode != 0:
                raise SystemExit(f"studyapp grade failed: {proc.stderr}")
            assert len(json.loads(proc.stdout)) == 200
        probe = (
            "import sys, io, contextlib\nfrom studyapp import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    cli.main({argv[3:]!r})\n"
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
        )
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        textual = out.stdout.strip().splitlines()[-1] == "True" if out.stdout.strip() else True
    return statistics.median(times), textual


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    reps = 200 if args.quick else 1000
    runs = 3 if args.quick else 7

    pack, q = pick_question()
    answer = bench_answer(pack, q)
    t = time.perf_counter()
    grader = Grader(q, thesaurus=pack.thesaurus)
    prep_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    grader2 = Grader(q, thesaurus=pack.thesaurus)
    prep2_ms = (time.perf_counter() - t) * 1000
    del grader2
    g = grader.grade(answer)

    print(f"python {platform.python_version()} on {platform.machine()} ({os.cpu_count()} CPUs)")
    print(f"question: {q.id} ({len(q.key_points)} key points), answer: {len(answer)} characters,"
          f" score {g.score}")
    print(f"prepare a question (first, incl. vocabulary load): {prep_ms:.1f} ms; again: {prep2_ms:.2f} ms")
    cold = bench_cold(grader, answer, reps)
    print(f"grade 1,500 chars x {len(q.key_points)} points, nothing cached: median {cold:.3f} ms (target <= 2 ms)")
    key = bench_keystroke(grader, answer, reps)
    print(f"regrade after one more typed character:       median {key:.3f} ms (target <= 1 ms)")
    total, textual = bench_cli(pack, q, answer, runs)
    print(f"studyapp grade --json, 200 files, one call:   median {total:.3f} s (target <= 2 s),"
          f" textual imported: {'yes' if textual else 'no'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
