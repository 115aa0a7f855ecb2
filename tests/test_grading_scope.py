"""What a negation reaches (session 4 of issue 3).

Each test is a candidate's answer as written, and the verdict a human grader gives it."""
from gradeutil import q

from studyapp.core.grading import grade


def test_denying_that_a_problem_exists_is_not_avoiding_it():
    question = q([("load", "防止层层加码,增加基层负担")], prompt="推行网格化管理,你怎么看?")
    for answer in ("我看不存在层层加码的问题。", "谈不上层层加码,大家都习惯了。"):
        assert grade(question, answer).point("load").status == "missed", answer
    for answer in ("推行中决不能层层加码。", "各级不搞层层加码。"):
        assert grade(question, answer).point("load").status == "covered", answer


def test_a_denial_reaches_every_item_of_the_list_it_opens():
    question = q(
        [("show", "防止走过场"), ("load", "防止层层加码")],
        prompt="推行网格化管理,你怎么看?",
    )
    g = grade(question, "网格化没什么问题,不存在什么走过场、层层加码的情况。")
    assert g.point("show").status == "missed"
    assert g.point("load").status == "missed"


def test_calling_a_list_of_measures_window_dressing_rejects_every_one():
    question = q(
        [("peak", "推行错峰上下学"), ("walk", "倡导步行上学")],
        prompt="学校门口上下学时段经常拥堵,你会怎么治理?",
    )
    g = grade(question, "什么错峰上下学、步行上学都是花架子,家长不会听的。")
    assert g.point("peak").status == "missed"
    assert g.point("walk").status == "missed"
    assert "否定" in g.point("peak").reason
    g = grade(question, "推行错峰上下学,倡导离家近的孩子步行上学。")
    assert g.point("peak").status == "covered"
    assert g.point("walk").status == "covered"


def test_not_worth_it_rejects_what_follows():
    question = q([("ask", "虚心请教老同事")], prompt="你刚入职,对业务不熟悉,怎么办?")
    g = grade(question, "我学历高,犯不着去请教老同事。")
    assert g.point("ask").status == "missed"
    g = grade(question, "多向老同事请教,虚心学习。")
    assert g.point("ask").status == "covered"


def test_a_step_said_not_to_be_needed_after_it_is_named():
    question = q([("sum", "活动结束后写总结报告")], prompt="单位让你组织一次读书会,你怎么组织?")
    g = grade(question, "读书会办完就行,总结也不用写。")
    assert g.point("sum").status == "missed"
    g = grade(question, "活动结束后写一份总结。")
    assert g.point("sum").status == "covered"


def test_what_a_point_says_not_to_do_with_someone_is_what_it_negates():
    # 不跟群众赌气顶撞: 赌气 is negated, not 群众; saying 不赌气 agrees with the point
    question = q([("calm", "保持冷静,不跟群众赌气顶撞")], prompt="群众来窗口发火,你怎么办?")
    for answer in ("不赌气→倒杯水→问清诉求", "我不会跟他赌气,先请他坐下。"):
        assert grade(question, answer).point("calm").status == "covered", answer
    g = grade(question, "他态度不好,我就跟他赌气,看谁耗得过谁。")
    assert g.point("calm").status != "covered"
