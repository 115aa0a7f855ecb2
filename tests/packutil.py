"""Build small packs on disk for tests: a valid baseline, then break one file."""
from __future__ import annotations

from pathlib import Path

PACK_YAML = """\
id: demo
title: 演示包
version: "1.0"
language: zh-CN
authors: [李老师]
"""

TOPIC_MD = """\
---
id: burden
title: 为社区减负
tags: [社区治理, 基层减负]
date: 2024-05-01
sources:
  - 人民日报
---
引言一段。

## 热点概况

社区承担了过多事务。

```text
## 代码块里的井号不是标题
```

### 小节

仍属热点概况。

## 主流观点

观点一。
"""

QUESTION_YAML = """\
id: q1
prompt: 谈谈你对社区减负的看法。
type: 综合分析
topic: burden
reference: |
  **减负**与放权并举，精简考核评比。
time: {think: 60, answer: 180}
key_points:
  - id: k1
    point: 精简考核评比。
    keywords: [考核, [减负, 松绑]]
  - id: k2
    point: 放权赋能。
    weight: 2
"""

QUESTION2_YAML = """\
id: q2
prompt: 你如何组织一次社区减负调研？
type: 组织管理
key_points:
  - id: k1
    point: 明确调研目的。
"""


def write_pack(root: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the baseline pack to ``root``, overridden by ``files``
    (relative path -> text or bytes; None deletes a baseline file)."""
    base: dict[str, str | bytes | None] = {
        "pack.yaml": PACK_YAML,
        "topics/burden.md": TOPIC_MD,
        "questions/q1.yaml": QUESTION_YAML,
        "questions/q2.yaml": QUESTION2_YAML,
    }
    base.update(files or {})
    for rel, content in base.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def where(result, root: Path) -> list[tuple[str, int | None, str]]:
    """Each problem as (path relative to root, line, severity)."""
    return [(p.path.relative_to(root).as_posix(), p.line, p.severity) for p in result.problems]
