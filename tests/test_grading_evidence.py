"""How much one piece of an answer proves: an illustration inside a point is not its
core, one phrase is not the sole evidence of every point it brushes. Answers written
for these tests (none from the eval sets)."""
from __future__ import annotations

from studyapp.core.grading import grade
from studyapp.core.model import KeyPoint, Question


def q(points, prompt):
    kps = []
    for pid, text, *rest in points:
        keywords = tuple(tuple(g) for g in (rest[0] if rest else ()))
        kps.append(KeyPoint(pid, text, 1.0, keywords))
    return Question("q", prompt, tuple(kps))


CLINIC = q(
    [
        ("reflect", "反省自己服务中的短板,比如讲解不够细致、语气生硬"),
        ("follow", "事后回访患者家属,听取改进建议"),
    ],
    prompt="你是医院导诊员,一位患者家属投诉你态度不好,在大厅吵闹。你怎么处理?",
)


def test_a_word_that_only_illustrates_the_point_does_not_cover_it():
    # 讲解 is one of the point's examples (after 比如), not its core (反省…短板)
    g = grade(CLINIC, "我会耐心给家属讲解就诊流程。")
    assert g.point("reflect").status != "covered"


def test_the_core_of_a_point_with_examples_covers_it():
    assert grade(CLINIC, "我会反省自己工作中的短板。").point("reflect").status == "covered"


def test_admitting_the_fault_an_example_names_still_counts():
    # the fault itself (讲解不够细致), admitted, is the candidate facing a shortcoming
    g = grade(CLINIC, "我承认自己讲解不够细致,语气生硬。")
    assert g.point("reflect").status == "covered"


def test_if_at_the_start_of_a_point_is_a_condition_not_an_example():
    cond = q([("fix", "如确实有错,立即纠正并公开道歉")], prompt="群众反映你发布的通知有误。")
    assert grade(cond, "确实有错的话我马上纠正。").point("fix").status == "covered"
