"""Does the grader give the same verdicts when an answer is written another way?

Each transformation rewrites every answer of the labelled sets in a way that should
not change what it says (traditional characters, other punctuation, a greeting and a
thank-you around it, the question said again at its head ...). The script grades the
answer as written and as rewritten and counts the key points whose status differs.
No human verdict is used, only the answers, so it can run on any set:

    python bench/metamorphic.py                      # the sets read for development
    python bench/metamorphic.py eval/holdout17 ...   # or the sets named
    python bench/metamorphic.py --show 5             # and the first changes of each

Figures: docs/benchmarks.md ("Writing the same answer another way").
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyapp.core.grading import VALUE, Grader  # noqa: E402
from studyapp.core.packs import load_pack  # noqa: E402

READ = ["../shared/eval/dev", "../shared/eval/extra", "eval/bundled"] + [
    f"eval/holdout{n}" for n in ("", 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 14, 17, 18)
]

_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})
_HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")", "。": "."})
_NUMBERED = re.compile(r"(?m)^(\s*)([1-9])[.、．]\s*")
_CN = "一二三四五六七八九"
_ARROW = re.compile(r"\s*→\s*")
_ITEM_MARK = re.compile(r"(?<=[\u4e00-\u9fff])(?<![一二三四五六七八九十])、(?=[\u4e00-\u9fff])")  # not 一、


def _traditional():
    import opencc

    return opencc.OpenCC("s2t").convert


def transformations(question):
    to_traditional = _traditional()
    return {
        "traditional characters": to_traditional,
        "full-width punctuation": lambda t: t.translate(_FULL),
        "half-width punctuation": lambda t: t.translate(_HALF),
        "blank lines and spaces": lambda t: "  " + t.replace("\n", "\n\n") + "\n",
        "all on one line": lambda t: t.replace("\n", " ").strip(),
        "1. numbering as ①": lambda t: _NUMBERED.sub(lambda m: m.group(1) + "①②③④⑤⑥⑦⑧⑨"[int(m.group(2)) - 1], t),
        "1. numbering as 一、": lambda t: _NUMBERED.sub(lambda m: m.group(1) + _CN[int(m.group(2)) - 1] + "、", t),
        "1. numbering as 第一,": lambda t: _NUMBERED.sub(lambda m: m.group(1) + "第" + _CN[int(m.group(2)) - 1] + ",", t),
        "; as 。": lambda t: t.replace(";", "。").replace("；", "。"),
        # list items set apart by a space, as in a quick outline (倾听 安抚 倒水)
        "、 as a space": lambda t: _ITEM_MARK.sub(" ", t),
        "arrows → as ->": lambda t: _ARROW.sub("->", t),
        "arrows → as >": lambda t: _ARROW.sub(">", t),
        "arrows → as ——": lambda t: _ARROW.sub("——", t),
        "a greeting before": lambda t: "各位考官好,下面我来回答这道题。\n" + t,
        "a thank-you after": lambda t: t.rstrip() + "\n以上是我的回答,谢谢考官。",
        "talk about the question before": lambda t: "这道题考察的是我的组织协调能力和应变能力,我从以下几个方面来回答。\n" + t,
        "the question said again before": lambda t: question.prompt.strip() + "\n" + t,
        "我认为, before": lambda t: "我认为," + t,
        "said twice": lambda t: t.rstrip() + "\n" + t,
        # an outline's lines in the other order: each point is made or not wherever it stands
        # (neighbouring lines stay neighbours, so a point made across two lines still is)
        "lines in reverse order": lambda t: "\n".join(reversed(t.strip().split("\n"))),
        # not a rewriting: a model answer to another question (ancient books) after the answer.
        # It shares only the interview's common words (问题, 原因, 资金, 机制, 宣传 ...) with
        # the questions; every verdict it raises is credit for vocabulary
        "+ an unrelated model answer": lambda t: t.rstrip() + "\n" + UNRELATED,
    }


UNRELATED = (
    "古籍是中华文明的重要载体。当前一些古籍存在破损、虫蛀等问题,原因在于修复人才不足、资金投入不够。"
    "对此,一要加大投入,设立专项资金;二要培养修复人才,完善激励机制;三要推进数字化,让古籍活起来;"
    "四要加强宣传,提高公众的保护意识。"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", help="labelled set folders (default: the sets read for development)")
    ap.add_argument("--show", type=int, default=0, help="print this many changed verdicts per transformation")
    args = ap.parse_args()
    folders = [Path(s) if Path(s).is_absolute() else ROOT / s for s in (args.sets or READ)]
    counts: dict[str, list[int]] = {}
    shown: dict[str, list[str]] = {}
    for folder in folders:
        if not (folder / "labels").is_dir():
            print(f"skipped (no labels/): {folder}", file=sys.stderr)
            continue
        pack = load_pack(folder / "pack").pack
        for f in sorted((folder / "labels").glob("*.yaml")):
            labels = yaml.safe_load(f.read_text(encoding="utf-8"))
            question = pack.question(labels["question"])
            grader = Grader(question, thesaurus=pack.thesaurus)
            for name, change in transformations(question).items():
                tally = counts.setdefault(name, [0, 0, 0])
                for answer in labels["answers"]:
                    text = answer["text"]
                    other = change(text)
                    if other == text:
                        continue
                    before = grader.grade(text).points
                    after = grader.grade(other).points
                    for a, b in zip(before, after):
                        tally[0] += 1
                        if a.status != b.status:
                            tally[1] += 1
                            tally[2] += VALUE[b.status] > VALUE[a.status]
                            if len(shown.setdefault(name, [])) < args.show:
                                shown[name].append(f"    {folder.name}/{question.id}/{answer['id']}/{a.id}: {a.status} -> {b.status}")
    width = max(len(n) for n in counts)
    print(f"{'rewriting':<{width}}  verdicts  changed  (raised)")
    for name, (n, changed, raised) in counts.items():
        print(f"{name:<{width}}  {n:>8}  {changed:>7}  {raised:>8}")
        for line in shown.get(name, []):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
