"""Grading as a tutor would check it: each behaviour of a human grader, with
answers written for these tests (none from the eval sets)."""
from __future__ import annotations

import json

import pytest

from studyapp.core.grading import Grader, Grading, PointVerdict, grade
from studyapp.core.model import Thesaurus

from gradeutil import q




def status(g: Grading, pid: str) -> str:
    return g.point(pid).status


def quoted(text: str, v: PointVerdict) -> list[str]:
    return [text[a:b] for a, b in v.evidence]


# A question in the spirit of 综合分析, with tutor keywords.
BURDEN = q(
    [
        ("reduce", "精简考核和台账,切实为基层减负", [["减负"]]),
        ("power", "把权力和资源下放给街道社区", [["放权"]]),
        ("sharing", "部门之间信息共享,不再让居民反复填表", [["信息共享"]]),
        ("formalism", "反对形式主义和官僚主义", [["形式主义", "官僚主义"]]),
    ],
    prompt="街道干部说每天忙于迎检填表。对此你怎么看?",
)


# ---------------------------------------------------------------- paraphrase


@pytest.mark.parametrize(
    "answer, pid",
    [
        ("要给社区松绑,让干部把时间花在居民身上。", "reduce"),
        ("事权往下走,权往基层放。", "power"),
        ("各部门把数据打通,居民办事少跑腿。", "sharing"),
    ],
)
def test_paraphrase_through_the_built_in_thesaurus(answer, pid):
    g = grade(BURDEN, answer)
    assert status(g, pid) == "covered", g.point(pid)


def test_a_pack_thesaurus_adds_its_own_synonyms_and_related_terms_count_less():
    question = q([("visit", "上门走访独居老人", [["走访"]])])
    answer = "每周去探望,看看缺什么。"
    assert status(grade(question, answer), "visit") == "missed"
    exact = Thesaurus(synonyms=(("走访", "探望"),))
    assert status(grade(question, answer, thesaurus=exact), "visit") == "covered"
    loose = Thesaurus(related=(("走访", "探望"),))
    assert status(grade(question, answer, thesaurus=loose), "visit") == "partial"


def test_a_key_point_without_keywords_is_graded_from_its_text():
    question = q(
        [
            ("survey", "入户走访摸清独居老人的健康状况"),
            ("volunteer", "组建志愿者队伍结对帮扶"),
        ],
        prompt="你将如何关爱辖区独居老人?",
    )
    g = grade(question, "先挨家挨户走访,摸清老人身体怎么样;再发动志愿者一对一结对。")
    assert status(g, "survey") == "covered"
    assert status(g, "volunteer") == "covered"
    g = grade(question, "我会认真落实领导的安排,把关爱工作做好。")
    assert status(g, "survey") == "missed"
    assert status(g, "volunteer") == "missed"


# ---------------------------------------------------------------- negation and stance


@pytest.mark.parametrize(
    "answer",
    [
        "我不同意给社区减负",
        "没必要搞信息共享",
        "我认为不用放权,也别减负。",
        "信息共享没必要,成本太高。",
        "放权给社区也有风险,我看不应该推行。",
        "我不认为需要给社区减负,也不觉得要放权。",
        "信息共享成本太高,不考虑。",
        "信息共享我们没办法搞,放权更不可能。",
        "放权给社区,我们办不到。",
        "信息共享更不用考虑。",
        "减负就算了,信息共享也不用了。",
        "这谈不上给社区减负,也称不上放权。",
        "信息共享越搞越乱,减负的作用被夸大了,也不存在放权的问题。",
        "信息共享只会增加成本;给社区减负也是瞎折腾。",
        "减负被夸大了。",
    ],
)
def test_a_negated_proposal_covers_nothing(answer):
    g = grade(BURDEN, answer)
    assert g.score == 0
    for pid in ("reduce", "sharing", "power"):
        assert status(g, pid) == "missed", (pid, g.point(pid))


def test_a_negated_keyword_gives_no_evidence_even_next_to_other_words():
    text = "我不同意给社区减负,基层本来就该多干。"
    v = grade(BURDEN, text).point("reduce")
    assert v.status != "covered"
    assert "减负" not in v.matched
    assert all("减负" not in text[a:b] for a, b in v.evidence)


def test_the_reason_for_a_negated_point_quotes_the_clause():
    g = grade(BURDEN, "我不同意给社区减负。")
    v = g.point("reduce")
    assert v.status == "missed"
    assert v.reason == "否定的说法不算答到：「我不同意给社区减负」"


def test_a_negation_inside_a_de_phrase_does_not_reach_past_it():
    question = q([("return", "把不属于社区的事务退回职能部门", [["退回"]])])
    assert status(grade(question, "不该社区干的事一律退回去。"), "return") == "covered"
    assert status(grade(question, "我不同意把事务退回去。"), "return") == "missed"


def test_only_x_without_y_argues_for_both():
    g = grade(BURDEN, "光放权不减负,基层接不住;光减负不放权,基层也干不成。")
    assert status(g, "reduce") == "covered"
    assert status(g, "power") == "covered"


def test_saying_no_to_a_bad_thing_is_a_positive_stance():
    g = grade(BURDEN, "坚决反对形式主义,不搞官僚主义那一套。")
    assert status(g, "formalism") == "covered"


def test_a_negation_reaches_only_what_it_negates():
    question = q([("check", "上级要明察暗访,检查落实情况", [["检查", "暗访"]])])
    assert status(grade(question, "上级要不打招呼地下去检查。"), "check") == "covered"
    assert status(grade(question, "不断加强检查。"), "check") == "covered"
    assert status(grade(question, "不检查。"), "check") == "missed"
    # 别 and 无 inside ordinary words negate nothing
    assert status(grade(question, "特别是上级要下去检查。"), "check") == "covered"
    assert status(grade(question, "分别检查各个社区。"), "check") == "covered"
    assert status(grade(question, "别检查了。"), "check") == "missed"
    # nor a word that ends in 别 (甄别, 辨别); 千万别 and 可别 still say don't
    sort = q([("sort", "对诉求分类甄别,依法依规处置", [["依法依规", "依法"]])])
    assert status(grade(sort, "对诉求分类甄别、依法处置。"), "sort") == "covered"
    assert status(grade(sort, "真假要辨别清楚,依法处置。"), "sort") == "covered"
    assert status(grade(sort, "千万别依法处置。"), "sort") == "missed"


def test_a_bare_no_reaches_back_no_further_than_its_list_item():
    question = q([("rescue", "教会正确的施救方法:呼救、借助竹竿,不盲目下水", [["呼救", "竹竿", "手拉手"]])])
    # 手拉手 is refused, 呼救 before it in the list is still proposed
    assert status(grade(question, "要呼救、不手拉手。"), "rescue") == "covered"
    assert status(grade(question, "教会大家正确做法(呼救、借物施救、不手拉手)。"), "rescue") == "covered"
    assert status(grade(question, "不呼救、不手拉手。"), "rescue") == "missed"
    # a no that rejects the whole clause still does
    assert status(grade(question, "我不同意呼救、手拉手这些做法。"), "rescue") == "missed"


def test_a_space_between_outline_items_bounds_a_bare_no_as_a_comma_does():
    # typed fast, without punctuation: 不顶撞 is its own item, 接受批评 before it still stands
    question = q([("accept", "当场虚心接受批评,不当众辩解顶撞"), ("fix", "先把超时事项整改到位")],
                 prompt="同事办理的事项超时,领导在会上批评了你。你怎么办?")
    for answer in ("接受批评 不顶撞", "虚心接受批评 不辩解 不顶撞", "虚心接受批评、不辩解、不顶撞"):
        g = grade(question, answer)
        assert status(g, "accept") == "covered", (answer, g.point("accept"))
        assert "否定" not in g.point("accept").reason


def test_a_problem_and_the_measure_that_solves_it_are_told_apart():
    question = q(
        [
            ("cause", "根源在于部门之间信息不共享"),
            ("measure", "推进部门之间信息共享"),
        ],
        prompt="群众办事要反复提交材料,你怎么看?",
    )
    g = grade(question, "症结是各部门信息不共享。")
    assert status(g, "cause") == "covered"
    assert status(g, "measure") != "covered"
    g = grade(question, "要推进各部门信息共享。")
    assert status(g, "measure") == "covered"
    assert status(g, "cause") != "covered"


def test_someone_elses_view_is_not_the_candidates_proposal():
    g = grade(BURDEN, "同事说要搞信息共享,有人认为应该放权。")
    assert status(g, "sharing") == "missed"
    assert status(g, "power") == "missed"
    assert g.point("sharing").reason.startswith("转述别人的观点")
    g = grade(BURDEN, "有人认为减负就是偷懒,但我认为要放权。")
    assert status(g, "reduce") == "missed"
    assert status(g, "power") == "covered"
    # saying no to the view is the candidate taking over too: what follows is their own
    for answer in ("有人认为这是在给社区添乱,我不同意,我觉得应该放权。", "有人说放权没用,我并不赞同,要向社区放权。"):
        g = grade(BURDEN, answer)
        assert status(g, "power") == "covered", (answer, g.point("power").reason)
        assert "转述" not in g.point("power").reason
    assert status(grade(BURDEN, "有人认为要放权,我不同意。"), "power") == "missed"


@pytest.mark.parametrize(
    "answer",
    [
        "网上有人呼吁搞信息共享,但我觉得没那么急。",
        "有人会说先把权放给社区,可这样谁来担责?",
        "有的同志可能会提议信息共享,我看条件还不成熟。",
    ],
)
def test_a_view_reported_with_other_verbs_is_still_someone_elses(answer):
    g = grade(BURDEN, answer)
    assert status(g, "sharing") == "missed"
    assert status(g, "power") == "missed"


FIREFIGHTER = q(
    [
        ("fit", "认识到消防工作辛苦危险,需要能吃苦、反应快、心理素质好"),
        ("plan", "入职后学习消防法规,参加训练"),
    ],
    prompt="你报考的是县消防救援大队的文职岗位,谈谈你为什么适合。",
)


def test_what_friends_family_or_neighbours_all_say_is_their_view_not_the_candidates():
    g = grade(FIREFIGHTER, "邻居们都说我反应快、能吃苦,心理素质好,挺适合。")
    assert status(g, "fit") == "missed"
    assert g.point("fit").reason.startswith("转述别人的观点")
    assert status(grade(FIREFIGHTER, "家里人总说我能吃苦、反应快,心理素质也好。"), "fit") == "missed"
    g = grade(FIREFIGHTER, "我能吃苦、反应快,心理素质好,知道消防工作辛苦危险。")
    assert status(g, "fit") == "covered"


def test_speaking_to_someone_is_the_candidates_own_words():
    g = grade(CALM, "我会走过去跟他说:先别急,我给您讲政策。")
    assert status(g, "explain") == "covered"


# ---------------------------------------------------------------- headings


SURVEY = q(
    [
        ("purpose", "明确调研目的,摸清独居老人的生活状况"),
        ("plan", "制定调研方案,确定调研对象和时间安排"),
        ("methods", "通过问卷、访谈和查阅台账收集情况"),
        ("summary", "形成调研报告,提出改进建议"),
    ],
    prompt="领导让你组织一次独居老人生活状况的调研,你怎么做?",
)


def test_a_bare_heading_is_not_content():
    g = grade(SURVEY, "目的-方案-实施-总结")
    for pid in ("purpose", "plan", "methods", "summary"):
        assert status(g, pid) == "missed", (pid, g.point(pid))
    assert g.score == 0
    assert g.point("plan").reason.startswith("只有标题")
    # numbered headings, one per line or all on one line, are headings too
    for layout in ("一、目的\n二、方案\n三、实施\n四、总结", "一、目的 二、方案 三、实施 四、总结"):
        assert grade(SURVEY, layout).score == 0, layout


def test_a_run_of_labels_that_says_what_to_do_is_content():
    question = q([("after", "活动结束后评估效果,总结经验")], prompt="如何组织一次政策宣传活动?")
    assert status(grade(question, "一、宣传\n二、总结"), "after") == "missed"
    assert status(grade(question, "一、宣传\n二、事后评估总结"), "after") == "covered"


def test_a_word_is_not_found_across_two_words():
    question = q([("purpose", "明确调研目的", [["目的"]])], prompt="如何组织一次调研?")
    assert status(grade(question, "先拿到项目的名单。"), "purpose") == "missed"  # 项目|的
    assert status(grade(question, "先明确这次的目的。"), "purpose") == "covered"


def test_a_short_list_of_methods_is_content():
    g = grade(SURVEY, "问卷+访谈+看台账")
    assert status(g, "methods") == "covered"
    assert quoted("问卷+访谈+看台账", g.point("methods")) == ["问卷", "访谈", "台账"]


def test_a_section_word_among_steps_with_content_is_a_step_not_a_heading():
    question = q(
        [
            ("publicize", "通过广播、入户宣传活动安排", [["宣传", "动员", "告知"]]),
            ("after", "活动结束后评估效果,总结经验", [["总结", "复盘"]]),
        ],
        prompt="社区要组织一次老年人防诈骗讲座,你怎么做?",
    )
    g = grade(question, "定场地→宣传→请民警+备资料→签到→总结")
    assert status(g, "publicize") == "covered"
    assert status(g, "after") == "covered"
    # a chain of section words only is still an outline of headings
    g = grade(question, "目的→宣传→实施→总结")
    assert status(g, "publicize") == "missed"
    assert status(g, "after") == "missed"


def test_a_heading_followed_by_content_counts_the_content():
    g = grade(SURVEY, "一、目的:摸清老人生活状况。\n二、方案:定对象、定时间。")
    assert status(g, "purpose") == "covered"
    assert status(g, "plan") == "covered"


def test_a_heading_that_names_a_kind_of_thing_is_said_by_the_thing_after_it():
    # 原因:追求完美… gives a cause, whatever words it uses; 原因 alone gives none
    question = q([("cause", "剖析这一不足产生的原因"), ("harm", "分析这一不足带来的危害")],
                 prompt="请谈谈你的一个不足。")
    g = grade(question, "原因:追求完美、不会排优先级。\n危害:拖慢进度、耽误群众办事。")
    assert status(g, "cause") == "covered" and status(g, "harm") == "covered"
    g = grade(question, "原因:\n危害:")
    assert status(g, "cause") == "missed" and status(g, "harm") == "missed"
    # a skeleton typed first, with placeholders under the headings, is still only headings
    for filler in ("还没想好", "暂时没有想好", "说不清楚", "略略略略", "同上同上", "待补充内容"):
        g = grade(question, f"原因:{filler}\n危害:{filler}")
        assert status(g, "cause") == "missed" and status(g, "harm") == "missed", filler
    # a heading with content that is not this point's says so, rather than 'no content'
    other = q([("plan", "制定详细方案,明确分工")], prompt="领导让你组织一次培训,你怎么做?")
    g = grade(other, "方案:天气好就去。")
    assert status(g, "plan") == "missed"
    assert g.point("plan").reason.startswith("标题不算答到，后面写的没有对上这一点"), g.point("plan")


@pytest.mark.parametrize(
    "text",
    [
        "减负 放权 信息共享 形式主义 官僚主义",
        "减负\n放权\n信息共享\n形式主义",
    ],
)
def test_a_bare_list_of_terms_is_not_content(text):
    g = grade(BURDEN, text)
    assert g.score == 0
    assert g.point("reduce").reason.startswith("只罗列了词语")


def test_short_items_that_say_something_still_count():
    g = grade(BURDEN, "给社区松绑\n权往基层放\n数据打通\n反对形式主义")
    assert g.score == 100


# ---------------------------------------------------------------- one phrase, two points; two sentences, one point


def test_one_phrase_can_serve_two_points():
    question = q(
        [
            ("sharing", "部门间信息共享", [["信息共享"]]),
            ("platform", "建设统一的线上平台", [["平台"]]),
        ]
    )
    text = "搭建信息共享平台。"
    g = grade(question, text)
    assert status(g, "sharing") == "covered"
    assert status(g, "platform") == "covered"
    assert quoted(text, g.point("sharing")) == ["信息共享"]
    assert quoted(text, g.point("platform")) == ["平台"]


DRILL = q(
    [
        (
            "prepare",
            "演练前制定预案,明确分工,备好物资",
            [["预案", "方案"], ["分工", "职责"], ["物资", "器材"]],
        ),
        ("review", "演练后总结复盘", [["复盘", "总结"]]),
    ],
    prompt="社区要组织一次防汛应急演练,你怎么做?",
)


def test_a_point_can_be_covered_across_two_adjacent_sentences():
    text = "先把预案写好。每个人的分工要清楚。"
    g = grade(DRILL, text)
    assert status(g, "prepare") == "covered"
    assert quoted(text, g.point("prepare")) == ["预案", "分工"]


def test_parts_of_a_point_far_apart_do_not_add_up():
    text = "先把预案写好。通知到每一户。联系好物业。开个动员会。每个人的分工要清楚。"
    g = grade(DRILL, text)
    assert status(g, "prepare") == "partial"
    assert g.point("prepare").missing  # says what would complete it


# ---------------------------------------------------------------- how candidates write


CALM = q(
    [
        ("calm", "先安抚情绪,稳定局面", [["安抚", "稳情绪"]]),
        ("explain", "耐心解释政策依据", [["讲政策", "解释政策"]]),
        ("way", "帮群众想办法找出路", [["指路子", "想办法", "出路"]]),
    ],
    prompt="群众到窗口吵闹,你怎么处理?",
)


def test_an_outline_with_arrows():
    text = "稳情绪 → 讲政策 → 指路子"
    g = grade(CALM, text)
    assert g.score == 100
    assert quoted(text, g.point("calm")) == ["稳情绪"]
    assert quoted(text, g.point("explain")) == ["讲政策"]
    assert quoted(text, g.point("way")) == ["指路子"]


@pytest.mark.parametrize(
    "text",
    [
        "1. 稳情绪\n2. 讲政策\n3. 指路子",
        "一是稳情绪,二是讲政策,三是指路子。",
        "(1)稳情绪;(2)讲政策;(3)指路子",
        "①稳情绪②讲政策③指路子",
        "首先稳情绪;其次讲政策;最后指路子。",
    ],
)
def test_numbered_lists(text):
    g = grade(CALM, text)
    assert [v.status for v in g.points] == ["covered"] * 3
    assert quoted(text, g.point("way")) == ["指路子"]


def test_traditional_characters_and_evidence_in_the_original_text():
    text = "要給社區鬆綁,各部門資訊共享、數據打通。"
    g = grade(BURDEN, text)
    assert status(g, "reduce") == "covered"
    assert status(g, "sharing") == "covered"
    assert quoted(text, g.point("reduce")) == ["鬆綁"]
    assert "數據打通" in quoted(text, g.point("sharing"))


def test_full_width_and_half_width_punctuation_grade_alike():
    half = "一是稳情绪,二是讲政策;三是指路子."
    full = "一是稳情绪，二是讲政策；三是指路子。"
    assert grade(CALM, half).to_dict()["score"] == grade(CALM, full).to_dict()["score"] == 100


def test_mixed_latin_and_full_width_letters():
    question = q(
        [
            ("hotline", "用好12345热线接诉即办", [["12345", "热线"]]),
            ("app", "开发便民App让群众掌上办", [["app", "小程序"]]),
        ]
    )
    g = grade(question, "打１２３４５反映;下载政务APP就能办。")
    assert status(g, "hotline") == "covered"
    assert status(g, "app") == "covered"
    # a Latin keyword is a whole word: not found inside another one
    g = grade(question, "大家都很happy,号码是123456。")
    assert status(g, "app") == "missed"
    assert status(g, "hotline") == "missed"



# points written only in Chinese, answered by a candidate who mixes in English
CANTEEN = q(
    [
        ("survey", "先做问卷调查,摸清学生需求", []),
        ("report", "形成调研报告报领导审定", [["报告", "调研报告"]]),
        ("review", "活动结束后复盘总结经验", []),
    ],
    prompt="学校让你牵头了解学生对食堂的意见,你怎么做?",
)


def test_english_words_in_an_answer_say_the_chinese_terms():
    text = "先发一个Survey了解需求,然后写report给领导,最后开会review。"
    g = grade(CANTEEN, text)
    assert [status(g, p) for p in ("survey", "report", "review")] == ["covered"] * 3
    assert "问卷调查（Survey）" in g.point("survey").reason
    assert g.point("report").reason == "答到：报告（report）、领导"
    # one English word says both words of the point it stands for (as 臭水沟 says 黑臭 and 水体)
    assert g.point("review").reason == "答到：复盘（review）、总结经验（review）"


def test_an_english_word_with_an_ending_is_still_the_word_but_not_inside_another():
    g = grade(CANTEEN, "每周交reports,活动后reviewed一遍。")
    assert status(g, "report") == "covered"
    assert status(g, "review") == "covered"
    # reporter and preview hold the letters, not the word
    g = grade(CANTEEN, "请reporter来采访,发个preview预告。")
    assert status(g, "report") == "missed"
    assert status(g, "review") == "missed"


def test_an_english_word_is_negated_like_the_chinese_one():
    g = grade(CANTEEN, "没必要写report,也不用review。")
    assert status(g, "report") == "missed"
    assert status(g, "review") == "missed"

# ---------------------------------------------------------------- score and contract


def test_score_is_weighted_covered_one_partial_half():
    question = q(
        [
            ("a", "甲", [["稳情绪"]], 2.0),
            ("b", "乙", [["讲政策"]], 1.0),
            ("c", "丙", [["指路子"]], 1.0),
        ]
    )
    g = grade(question, "稳情绪,讲政策。")
    assert g.score == 75.0
    assert grade(question, "").score == 0


def test_an_empty_answer_misses_everything_with_a_reason():
    g = grade(BURDEN, "")
    assert all(v.status == "missed" and not v.evidence and v.reason for v in g.points)
    assert [v.id for v in g.points] == ["reduce", "power", "sharing", "formalism"]


def test_to_dict_is_plain_json():
    g = grade(CALM, "稳情绪 → 讲政策")
    d = json.loads(json.dumps(g.to_dict(), ensure_ascii=False))
    assert d["score"] == pytest.approx(200 / 3, abs=0.1)
    p = d["points"][0]
    assert set(p) == {"id", "status", "evidence", "matched", "missing", "reason", "written"}
    assert p["id"] == "calm" and p["status"] == "covered"
    assert p["evidence"] == [[0, 3]]
    assert p["matched"] == ["安抚"] or p["matched"]  # names the matched concept
    assert p["written"][0] == "稳情绪" and len(p["written"]) == len(p["matched"])  # … and the words that said it
    assert d["points"][2]["status"] == "missed" and d["points"][2]["missing"]


def test_every_verdict_says_why():
    for text in ("", "稳情绪", "我不同意讲政策", "稳情绪 → 讲政策 → 指路子"):
        for v in grade(CALM, text).points:
            assert v.reason


# ---------------------------------------------------------------- typing


def test_regrading_while_typing_gives_the_same_result_as_grading_afresh():
    grader = Grader(BURDEN)
    final = "我认为,一是给社区松绑;二是权往基层放。同事说没必要信息共享,我不同意。反对形式主义!"
    text = ""
    for ch in final:
        text += ch
        assert grader.grade(text) == grade(BURDEN, text), text
    # deleting and editing in the middle too
    edited = final.replace("松绑", "减负").replace("权往基层放", "")
    assert grader.grade(edited) == grade(BURDEN, edited)


# ---------------------------------------------------------------- short verbs in terse outlines

COMMITTEE = q(
    [
        ("rules", "制定议事规则,明确表决程序"),
        ("venue", "布置会场,调试话筒和投影"),
        ("minutes", "认真倾听业主代表的发言,做好会议记录", [["倾听", "听取"], ["记录", "纪要"]]),
    ],
    prompt="街道让你筹备一次业主委员会选举大会,你怎么组织?",
)


def test_a_verb_shortened_to_one_character_before_its_object_counts_as_the_verb():
    text = "定规则;布会场、调话筒;听发言"
    g = grade(COMMITTEE, text)
    rules = g.point("rules")
    assert "制定" in rules.matched, rules
    assert rules.status == "covered"
    # only the verb's character is its evidence, joined with its object's
    assert quoted(text, rules) == ["定规则"]
    assert status(g, "venue") == "covered"
    assert "倾听" in g.point("minutes").matched


def test_a_shortened_verb_needs_the_object_the_point_gives_it():
    # 定 + a word the point does not pair with 制定, or the object alone, say nothing of the verb
    assert "制定" not in grade(COMMITTEE, "定时间;定人员").point("rules").matched
    assert "制定" not in grade(COMMITTEE, "规则很重要").point("rules").matched


def test_a_shortened_verb_must_start_a_word():
    # 确定规则 holds 定规则, but 定 belongs to 确定 there, not to 制定
    g = grade(COMMITTEE, "确定规则")
    assert "制定" not in g.point("rules").matched


def test_a_doubled_verb_character_is_half_evidence_for_the_verb():
    question = q([("listen", "入户听取老人的诉求")], prompt="社区要为老人做点实事,你怎么做?")
    assert status(grade(question, "我会去老人家里坐坐,听听他们的想法。"), "listen") != "missed"
    assert status(grade(question, "我会常去坐坐,陪他们聊聊天。"), "listen") == "missed"


# ---------------------------------------------------------------- a problem named is not the measure against it

PARKING = q(
    [
        ("share", "推动数据互通,避免信息不通", [["数据互通", "信息共享", "信息孤岛"]]),
        ("duty", "要主动担责,不推诿不扯皮", [["主动担责", "承担责任"], ["不推诿", "推诿", "扯皮"]]),
    ],
    prompt="小区停车难,业主意见很大。你作为街道干部怎么办?",
)


def test_a_bad_thing_in_the_tutors_keywords_counts_only_when_the_answer_opposes_it():
    # the point proposes sharing; 信息孤岛 said as the state of things is the problem
    g = grade(PARKING, "现在各管各的,是一座座孤岛,车位成了信息孤岛。")
    assert status(g, "share") == "missed"
    assert "问题" in g.point("share").reason
    # opposing it is the measure
    assert status(grade(PARKING, "要打破车位的信息孤岛。"), "share") == "covered"


def test_a_good_word_inside_a_bad_one_is_the_bad_one():
    # 担责 inside 怕担责, 推诿 said plainly: a description of the problem
    g = grade(PARKING, "有的单位怕担责,遇事互相推诿。")
    assert status(g, "duty") == "missed"
    assert status(grade(PARKING, "各单位要主动担责,不推诿。"), "duty") == "covered"


def test_a_bad_thing_a_point_without_keywords_speaks_against_is_the_problem_when_said_plainly():
    # the point asks for a first-contact rule to avoid passing the buck; describing the buck-passing
    # is the complaint, not the measure
    question = q(
        [("rule", "建立首问负责制度,防止部门之间互相扯皮"), ("calm", "安抚来访群众的情绪")],
        prompt="群众反映办事时几个窗口互相踢皮球,你作为窗口负责人怎么办?",
    )
    g = grade(question, "这几个窗口就是在扯皮,我会先给群众道个歉。")
    assert status(g, "rule") == "missed"
    assert "问题" in g.point("rule").reason
    assert status(grade(question, "要杜绝扯皮,谁首先接待谁负责到底。"), "rule") != "missed"
    assert status(grade(question, "建立首问负责制度,窗口之间不再扯皮。"), "rule") == "covered"


def test_saying_it_is_someone_elses_business_covers_nothing():
    question = q(
        [("students", "通知学校和家长,让学生留在安全地带"), ("stop", "劝阻村民冒险过桥")],
        prompt="暴雨后漫水桥被淹,对岸有放学的学生。你是村干部,怎么办?",
    )
    assert grade(question, "学生的事是学校的事,让学校自己处理。").score == 0
    assert grade(question, "他非要过桥,出了事也是他自己的责任。").score == 0
    assert status(grade(question, "马上通知学校和家长,让学生留在安全地带。"), "students") == "covered"


def test_the_questions_people_named_shorter_give_nothing_alone():
    question = q(
        [("helper", "为行动不便的老人提供上门帮办服务"), ("window", "保留线下人工窗口")],
        prompt="政务服务推行一网通办,不少老年人不会用手机。你怎么办?",
    )
    assert status(grade(question, "老人很可怜。"), "helper") == "missed"  # the prompt's 老年人
    assert status(grade(question, "给行动不便的老人上门帮办。"), "helper") == "covered"


def test_the_questions_own_words_are_told_as_such_and_not_asked_for_again():
    question = q(
        [("cause", "分析原因:融资贷款难、创业用地难", [["贷款难", "融资难"], ["用地难", "用地"]]),
         ("fix", "完善金融扶持政策")],
        prompt="有返乡青年反映留不住:贷款难、用地难。对此你怎么看?",
    )
    g = grade(question, "原因:贷款难、用地难。")
    assert status(g, "cause") == "missed"
    assert g.point("cause").reason.startswith("复述题目的话不算答到")
    assert "贷款难" not in g.point("cause").missing  # written: not 'to add'
    g = grade(question, "原因:贷款难、用地审批难,村里医院差。")
    assert status(g, "cause") == "missed"
    assert g.point("cause").reason.startswith("题目里已有的词不算答到：贷款难")
    # what to add is a phrasing that counts: 融资难, not the prompt's 贷款难
    assert grade(question, "我会好好干。").point("cause").missing[0] == "融资难"


# ---------------------------------------------------------------- feedback: what to add, and why


def test_missing_names_whole_phrases_of_a_point_graded_from_its_text():
    question = q(
        [("duty", "明确社区法定职责,建立考核台账"), ("other", "开展入户走访")],
        prompt="社区工作者说工作量大,你怎么看?",
    )
    v = grade(question, "要建立考核台账。").point("duty")
    assert v.status != "missed"
    # adjacent missing words come back as the phrase they make, not as fragments
    # (社区, a word of the question, is not worth naming alone but holds the phrase together)
    assert "明确社区法定职责" in v.missing, v.missing
    assert not {"明确", "法定", "职责"} & set(v.missing)


def test_a_word_already_said_does_not_cut_the_phrase_to_add_into_fragments():
    question = q([("fire", "设置安全员防止意外发生"), ("other", "提前制定演练方案")], prompt="单位要组织消防演练,你怎么安排?")
    v = grade(question, "演练时要注意安全,别出意外。").point("fire")
    # 意外 was said; what to add is the phrase around it, not 设置、发生
    assert v.missing == ("设置安全员防止意外发生",), v.missing


def test_missing_names_the_first_alternative_of_each_keyword_group():
    v = grade(BURDEN, "我觉得要多关心基层。").point("sharing")
    assert v.missing == ("信息共享",)
    assert v.reason == "没有答到这一点"


def test_reasons_are_short_chinese_sentences():
    g = grade(BURDEN, "要给社区松绑。有人认为要搞信息共享。")
    assert g.point("reduce").reason.startswith("答到：")
    assert g.point("sharing").reason == "转述别人的观点，不是你的主张：「有人认为要搞信息共享」"


def test_a_verb_shortened_before_a_pronoun_counts_as_the_verb():
    question = q(
        [("persuade", "耐心劝说,讲明利害", [["劝说", "说服"]]), ("family", "联系其家属", [["家属", "子女"]])],
        prompt="一位老人不肯搬离危房,你怎么办?",
    )
    assert status(grade(question, "我会一次次上门劝他,直到他同意。"), "persuade") == "covered"
    # the character must belong to a verb of the point: 说他 is not 劝说's 劝
    assert status(grade(question, "邻居都在说他脾气倔。"), "persuade") == "missed"


def test_a_four_character_term_said_with_a_few_words_inside_it_counts():
    question = q([("calm", "先稳定情绪,再解释政策", [["稳定情绪", "安抚"]])], prompt="居民到窗口吵闹,你怎么办?")
    text = "我会先稳定他的情绪。"
    v = grade(question, text).point("calm")
    assert v.status == "covered"
    assert quoted(text, v) == ["稳定他的情绪"]
    # not across a clause, a negation or a long stretch
    assert status(grade(question, "先稳定秩序,情绪激动的先劝开。"), "calm") == "missed"
    assert status(grade(question, "不必稳定不了的情绪。"), "calm") == "missed"
    assert status(grade(question, "稳定了之后大家的情绪好多了。"), "calm") == "missed"


def test_a_passive_between_the_two_words_turns_them_round():
    question = q([("tell", "向领导如实汇报", [["报告领导", "向领导汇报"]])], prompt="同事抢了你的功劳,你怎么办?")
    assert status(grade(question, "我会报告给领导。"), "tell") == "covered"
    # the report approved by the leader is not reporting to the leader
    assert status(grade(question, "报告能被领导认可就好。"), "tell") == "missed"


def test_the_tutors_verbs_take_their_colloquial_forms_too():
    question = q(
        [("check", "会后逐户核对名单,限期答复", [["核查", "核对"], ["答复", "回复"]])],
        prompt="低保名单公示后有村民质疑,你怎么办?",
    )
    # 查清楚 for 核查: a keyword verb with a result complement
    v = grade(question, "散会后我挨家挨户去查清楚,再给大家回复。").point("check")
    assert v.status == "covered" and "核查" in v.matched, v
    # the character alone is nothing
    assert "核查" not in grade(question, "查无此人。").point("check").matched
    # 量一下 for 测量: a verb's character with 一下
    question = q(
        [("reassess", "请护士重新测量生命体征", [["测量", "评估"]]), ("explain", "解释分诊规则", [["分诊"]])],
        prompt="急诊室一位家属嫌排队太久,和护士吵了起来。你是值班医生,怎么办?",
    )
    assert status(grade(question, "我马上请护士给老人再量一下血压。"), "reassess") == "covered"
    assert status(grade(question, "老人的血压一下子升高了。"), "reassess") == "missed"


def test_a_verb_and_its_object_may_be_said_apart():
    question = q([("sum", "帮他算账,讲清参保划算", [["算账", "算一算"]]), ("other", "手把手帮他办理参保")],
                 prompt="一位外卖骑手觉得交社保不划算,你怎么跟他说?")
    # 算一笔账 is 算账 with its object counted out
    assert status(grade(question, "我帮他算一笔账。"), "sum") == "covered"
    assert status(grade(question, "这笔账算不清。"), "sum") == "missed"


def test_the_verb_inside_a_longer_word_of_the_point_can_be_shortened_too():
    question = q([("stock", "提前准备防汛物资")], prompt="汛期将至,你负责社区的防汛工作,怎么做?")
    v = grade(question, "备物资").point("stock")
    assert "提前准备" in v.matched and v.status != "missed", v


def test_rejecting_a_measure_is_not_describing_the_lack_it_fixes():
    question = q(
        [("cause", "原因在于部门之间信息不共享"), ("fix", "推进部门信息共享")],
        prompt="群众办事要跑多个窗口,你怎么看?",
    )
    # 没必要 rejects sharing; it does not say that information is not shared
    g = grade(question, "我看没必要搞信息共享。")
    assert status(g, "cause") == "missed" and status(g, "fix") == "missed"
    assert g.point("fix").reason.startswith("否定")
    # 不 describes the state of things: the lack itself
    assert status(grade(question, "问题是各部门信息不共享。"), "cause") == "covered"


def test_one_of_the_commonest_words_of_a_keyword_point_alone_is_no_evidence():
    question = q(
        [("inspect", "加强督查,通报整改不力的单位", [["督查", "通报"]]), ("other", "开展培训")],
        prompt="某区多项任务进展缓慢,你怎么看?",
    )
    assert status(grade(question, "各单位都很辛苦。"), "inspect") == "missed"
    # a rarer word of the point still counts (整改, not a word of this prompt)
    assert status(grade(question, "整改不力要说清楚。"), "inspect") != "missed"


def test_a_word_inside_a_stock_phrase_is_not_a_point_made():
    question = q(
        [("effect", "活动后回访居民,评估宣传效果", [["评估", "效果", "回访"]]), ("channel", "利用公众号和宣传栏发布")],
        prompt="社区要开展一次防诈骗宣传,你怎么组织?",
    )
    g = grade(question, "我会高度重视,确保这次宣传圆满成功,取得良好的社会效果。")
    assert status(g, "effect") == "missed"
    assert g.point("effect").reason.startswith("套话")
    # the same word saying something counts
    assert status(grade(question, "活动结束后上门回访,看看效果。"), "effect") == "covered"


def test_an_answer_made_of_stock_phrases_does_not_make_the_point_words_it_holds():
    question = q(
        [
            ("survey", "开放前摸清学生家长的实际需求"),
            ("safety", "落实安全责任,制定应急预案"),
        ],
        prompt="学校要开放暑期托管班,你负责筹备。你怎么做?",
    )
    g = grade(question, "我会高度重视,多措并举,确保托管工作落到实处,切实满足大家的需求。")
    assert status(g, "survey") != "covered"
    assert "套话" in g.point("survey").reason
    g = grade(question, "托管是一项重要的民生工程。我们要多措并举,切实保障孩子安全。")
    assert status(g, "safety") != "covered"
    g = grade(question, "孩子安全无小事,要牢固树立安全意识,为托管工作贡献力量。")
    assert status(g, "safety") != "covered"
    g = grade(question, "我会高标准、严要求,确保孩子们的安全。")
    assert status(g, "safety") != "covered"
    assert "整个回答多是套话" in g.point("safety").reason
    # the same words in a sentence that says what to do
    assert status(grade(question, "开学前发问卷,问清家长的需求。"), "survey") == "covered"
    # a stock opening does not hide a concrete sentence, or a concrete clause, after it
    g = grade(question, "我会高度重视,多措并举。先发问卷问清大家的需求,再定方案。")
    assert status(g, "survey") == "covered"
    g = grade(question, "我会高度重视,先发问卷问清大家的需求,再定方案。")
    assert status(g, "survey") == "covered"


def test_what_an_answer_says_is_wrong_with_a_thing_is_no_claim_of_it():
    question = q(
        [
            ("strength", "结合专业背景说明能够胜任", [["专业", "所学", "胜任"]]),
            ("family", "安顿好家庭,解决后顾之忧", [["家庭", "后顾之忧"]]),
            ("explain", "向居民说明情况", [["说明情况", "解释"]]),
        ],
        prompt="组织选派你到山区驻村两年。你怎么想?",
    )
    # a speciality that does not fit is no strength
    assert status(grade(question, "我的专业也不对口,去了发挥不了作用。"), "strength") == "missed"
    assert status(grade(question, "我学农学的,专业对口。"), "strength") == "covered"
    # no worries left at home is the worry solved
    assert status(grade(question, "家里安排妥当,没有后顾之忧。"), "family") == "covered"
    # 这件事说明…: "this shows", not explaining anything to anyone
    assert status(grade(question, "这件事说明我们的工作还有短板。"), "explain") == "missed"


def test_denying_a_bad_thing_is_no_claim_that_it_is_there():
    question = q(
        [
            ("problem", "突击整治是形式主义,劳民伤财", [["形式主义", "面子工程"], ["劳民伤财"]]),
            ("fix", "反对形式主义,建立长效机制", [["长效机制", "常态化"]]),
        ],
        prompt="有的城市为了迎接检查,临时清走所有摊贩。你怎么看?",
    )
    assert status(grade(question, "我不认为这是形式主义,检查通过就行。"), "problem") == "missed"
    assert status(grade(question, "这种突击整治就是形式主义。"), "problem") == "covered"
    # rejecting formalism is still a stance against it
    assert status(grade(question, "不搞形式主义,建立长效机制。"), "fix") == "covered"


def test_a_rejection_after_the_word_counts_too():
    question = q([("reflect", "反思自己考虑不周"), ("talk", "主动找同事沟通")], prompt="同事误会你抢了功劳。你怎么办?")
    assert status(grade(question, "我又没做错什么,反思更谈不上。"), "reflect") == "missed"
    assert status(grade(question, "我会反思自己哪里考虑不周。"), "reflect") == "covered"


def test_saying_no_to_what_the_point_asks_to_avoid_makes_the_point():
    question = q(
        [("rational", "理性创业,避免盲目跟风"), ("support", "政府提供创业培训")],
        prompt="越来越多的青年返乡创业。你怎么看?",
    )
    assert status(grade(question, "青年:别跟风。"), "rational") == "covered"
    assert status(grade(question, "千万不要盲目跟风。"), "rational") == "covered"
    # a word of a point that does not ask to avoid it is still rejected when negated
    assert status(grade(question, "不用搞什么创业培训。"), "support") == "missed"


def test_a_word_naming_a_shortcoming_is_a_word_of_the_point():
    # 不足 starts like a negation but names what the point is about
    question = q(
        [("weakness", "坦诚自己的不足,如业务政策不熟悉,并提出改进办法"), ("strength", "结合专业说明优势")],
        prompt="你报考社保窗口岗位。结合自身谈谈你为什么适合。",
    )
    assert status(grade(question, "不足:经验少→多学多问"), "weakness") == "covered"
    assert status(grade(question, "我的不足是社会经验不足。"), "weakness") == "covered"
    assert status(grade(question, "我没有什么不足。"), "weakness") == "missed"


def test_a_negated_phrase_said_with_a_modal_inside_is_the_same_phrase():
    question = q(
        [("attitude", "理解对方,不计较、不争辩", [["不计较", "不往心里去"]]), ("talk", "主动沟通", [["沟通"]])],
        prompt="同事在背后说你抢了他的功劳。你怎么办?",
    )
    assert status(grade(question, "这事我不会往心里去。"), "attitude") == "covered"
    assert status(grade(question, "我从不计较这些。"), "attitude") == "covered"
    assert status(grade(question, "我会跟他计较到底。"), "attitude") == "missed"


def test_a_condition_is_no_rejection():
    question = q(
        [("rectify", "发现隐患限期整改,逾期依法处罚", [["整改"]]), ("check", "上门检查", [["检查"]])],
        prompt="你负责小商铺消防检查。你怎么做?",
    )
    # 不X就Y: if X is not done, Y follows; X is still what is asked
    assert status(grade(question, "限期内不整改就依法处罚。"), "rectify") == "covered"
    assert status(grade(question, "小问题不用整改。"), "rectify") == "missed"


def test_a_light_verb_character_makes_no_spoken_form():
    question = q([("remind", "劝诫提醒他,必要时向组织反映"), ("ask", "问清借钱原因")], prompt="同事又找你借钱。你怎么办?")
    # 提一下 is mentioning something, not 提醒
    assert status(grade(question, "之前借的钱我也会委婉地提一下。"), "remind") == "missed"
    assert status(grade(question, "我会提醒他量入为出。"), "remind") == "covered"


def test_a_verb_form_is_made_only_from_the_verb_of_a_keyword():
    question = q(
        [("research", "摸清老年人受骗的高发类型", [["摸清", "摸底"], ["高发", "受骗类型"]]), ("flyer", "发放宣传资料", [["传单", "折页"]])],
        prompt="社区要给老年人做一次反诈宣传。你怎么组织?",
    )
    # 发发 is no form of 高发
    assert "高发" not in grade(question, "在门口发发传单就行。").point("research").matched


def test_a_set_phrase_the_segmenter_cannot_cut_into_words_is_a_word_of_the_point():
    question = q(
        [("problem", "签而不约、流于形式"), ("fix", "改进考核办法")],
        prompt="有人说家庭医生签约只是走过场。你怎么看?",
    )
    assert status(grade(question, "签而不约的问题确实存在。"), "problem") == "covered"
    assert status(grade(question, "签约以后医生常来随访。"), "problem") == "missed"


def test_a_word_inside_a_named_problem_serves_the_point_about_that_problem():
    question = q(
        [("cause", "原因是部门之间数据不通"), ("fix", "打通部门数据,让数据多跑路", [["打通", "互通", "信息共享"]])],
        prompt="群众办一件事要跑好几个部门,你怎么看?",
    )
    g = grade(question, "根源-数据不通")
    assert status(g, "cause") != "missed"
    # 数据 inside 数据不通 is the problem, not half of 打通部门数据
    assert status(g, "fix") == "missed"


def test_a_rejection_after_the_terms_negates_them():
    g = grade(BURDEN, "我认为减负和放权不能同时搞。")
    assert status(g, "reduce") == "missed" and status(g, "power") == "missed"
    # but 不能搞 + what follows rejects what follows, not the term before it
    assert status(grade(BURDEN, "减负不能搞一刀切。"), "reduce") == "covered"


def test_a_term_that_starts_like_a_list_marker_is_found_whole():
    question = q([("last", "当好服务群众的最后一公里", [["最后一公里"]])], prompt="怎么看社区的作用?")
    text = "最后一公里要靠社区打通。"
    v = grade(question, text).point("last")
    assert v.status == "covered" and quoted(text, v) == ["最后一公里"]
    # a real marker still is one: 最后, 写总结 is content after the marker
    assert status(grade(question, "最后,写总结。"), "last") == "missed"


WINDOW_JOB = q(
    [
        ("strength", "结合实习或工作经历说明自己的沟通能力和服务意识"),
        ("learn", "熟悉业务政策,向老同志学习"),
    ],
    prompt="你报考的是区政务服务中心的窗口岗位,请谈谈你的优势和打算。",
)


def test_claiming_strong_abilities_is_a_template_not_a_strength_shown():
    g = grade(WINDOW_JOB, "我为人热情,具有较强的沟通能力和服务意识,一定努力工作。")
    assert status(g, "strength") == "missed"
    g = grade(WINDOW_JOB, "我在社区实习半年,每天接待居民,沟通能力和服务意识都得到了锻炼。")
    assert status(g, "strength") == "covered"


GARBAGE = q(
    [
        ("clear", "联系环卫部门及时清运积存垃圾", [["清运", "清理"], ["环卫"]]),
        ("explain", "向居民说明原因,公布清运时间", [["说明", "解释"], ["清运时间"]]),
    ],
    prompt="小区垃圾连续三天没人清运,居民在业主群里抱怨。你是社区工作人员,怎么办?",
)


def test_calling_the_matter_another_departments_business_is_a_brush_off():
    g = grade(GARBAGE, "垃圾清运是环卫部门的事,社区管不了。")
    assert status(g, "clear") == "missed"
    assert g.point("clear").reason.startswith("推卸或敷衍")
    g = grade(GARBAGE, "帮居民解决难题是我们的事,我马上联系环卫部门清运。")
    assert status(g, "clear") == "covered"
    g = grade(GARBAGE, "马上联系环卫部门清运垃圾。")
    assert status(g, "clear") == "covered"


def test_a_proposal_put_as_how_about_is_no_negation():
    question = q(
        [("trial", "邀请老板先试行一段时间", [["试行", "先试"]]), ("why", "讲清回收的意义", [["意义", "环保"]])],
        prompt="你去动员快递驿站老板设置回收点,老板说太忙。请你现场模拟。",
    )
    assert status(grade(question, "要不咱们先试一周?"), "trial") == "covered"
    assert status(grade(question, "要不然先試一週看看。"), "trial") == "covered"
    assert status(grade(question, "不用试行,直接铺开。"), "trial") == "missed"


def test_a_point_saying_what_not_to_do_is_covered_by_saying_it_too():
    question = q(
        [("calm", "理解老王的顾虑,不埋怨、不施压,保持耐心"), ("visit", "主动登门沟通,问清他担心什么")],
        prompt="你协调一家单位夜间开放停车位,对方负责人老王一再推脱。你怎么做?",
    )
    assert status(grade(question, "理解不埋怨→登门问顾虑"), "calm") == "covered"
    assert status(grade(question, "不埋怨"), "calm") == "covered"
    assert status(grade(question, "我会当面埋怨他几句"), "calm") == "missed"


def test_a_word_the_segmenter_cuts_into_characters_is_still_a_word_of_the_point():
    # 约谈平台企业 comes out of the segmenter as 约 / 谈 / 平台 / 企业
    question = q(
        [("talk", "约谈平台企业,督促其降低过高抽成"), ("rest", "建设司机休息点")],
        prompt="网约车司机抱怨平台抽成太高。你是交通局工作人员,请现场回应。",
    )
    assert status(grade(question, "我们会找平台约谈。"), "talk") == "covered"
    assert status(grade(question, "抽成太高确实是问题。"), "talk") != "covered"


def test_an_a_not_a_question_is_no_negation():
    question = q(
        [("choice", "尊重老张意愿,让他自己拿主意", [["拿主意", "自愿"]]), ("law", "讲清流转政策", [["政策"]])],
        prompt="村里推进土地流转,老张担心地收不回来,不愿签合同。你怎么劝?",
    )
    assert status(grade(question, "签不签您自己拿主意。"), "choice") == "covered"
    assert status(grade(question, "您愿不愿意,都由您自己拿主意。"), "choice") == "covered"
    assert status(grade(question, "不能让他自己拿主意。"), "choice") == "missed"


def test_either_or_whether_or_and_must_not_overlook_state_the_thing():
    question = q(
        [("cause", "分析原因:人手紧缺、设备老化", [["人手紧缺", "缺人"], ["设备老化", "设备陈旧"]]),
         ("fix", "争取财政投入,招聘专业人员")],
        prompt="某乡镇卫生院看病排长队,群众意见很大。你怎么看?",
    )
    for answer in (
        "无论是人手紧缺还是设备老化,都得解决。",  # whether … or …
        "不管是人手紧缺还是设备老化,根子在投入。",
        "卫生院不是缺人就是设备陈旧。",  # either … or …
        "我们不能忽视人手紧缺和设备老化的问题。",  # must not overlook
    ):
        assert status(grade(question, answer), "cause") == "covered", answer
    # must: 不能不 says to do it
    assert status(grade(question, "不能不争取财政投入,招聘专业人员。"), "fix") == "covered"
    # a plain no still denies
    assert status(grade(question, "这不是人手紧缺,也不是设备老化。"), "cause") == "missed"
    assert status(grade(question, "不能争取财政投入,也不招聘专业人员。"), "fix") == "missed"


def test_a_rejection_reaches_past_the_de_of_a_modifier_of_what_it_rejects():
    question = q(
        [("support", "给予返乡青年贴息贷款和用地支持", [["贴息贷款", "贴息"], ["用地"]]),
         ("mentor", "配备创业导师")],
        prompt="返乡创业青年反映留不住。你怎么看?",
    )
    # 特殊的 / 专门的 modify the thing rejected: the no reaches it
    assert status(grade(question, "政府不应该给返乡青年特殊的贴息贷款。"), "support") == "missed"
    assert status(grade(question, "没必要给他们配专门的创业导师。"), "mentor") == "missed"
    # the 的 that closes what the no is about still ends it
    assert status(grade(question, "不该政府包办的事交给市场,同时给予贴息贷款和用地支持。"), "support") == "covered"


def test_not_only_x_still_does_x_unless_the_point_itself_says_not_only():
    question = q(
        [("stop", "劝阻村民上桥,设置警戒", [["劝阻", "拦住"], ["警戒", "警戒线"]]),
         ("assess", "考核不唯满意率", [["不唯满意率"]])],
        prompt="暴雨后漫水桥被淹,有村民要骑车过桥。你是村干部,怎么办?",
    )
    g = grade(question, "不能只拦住村民,还要在桥头拉警戒线。")
    assert status(g, "stop") == "covered" and "否定" not in g.point("stop").reason
    g = grade(question, "不能只顾着拦住村民,更要紧的是对岸的孩子。")
    assert status(g, "stop") != "missed" and "否定" not in g.point("stop").reason
    # the point's own "not only": 不能只看满意率 is 不唯满意率
    assert status(grade(question, "考核不能只看满意率。"), "assess") == "covered"
    assert status(grade(question, "不能拦住村民。"), "stop") == "missed"


def test_asking_whether_something_is_there_is_no_negation():
    question = q(
        [("check", "重点查看消防通道和灭火器", [["灭火器", "消防通道"]]), ("fix", "限期整改", [["整改"]])],
        prompt="你带队检查一批小商铺的消防安全。你怎么做?",
    )
    # 有没有 asks; it does not say the thing is missing, and the other items of the list stand
    answer = "逐家看通道是否畅通、有没有配灭火器,发现问题当场限期整改。"
    assert status(grade(question, answer), "check") == "covered"
    assert status(grade(question, "通道是否畅通不重要,没有必要查灭火器。"), "check") == "missed"


def test_a_keyword_the_point_says_is_lacking_counts_when_the_answer_says_it_is_lacking():
    question = q(
        [
            ("cause", "根源在于缺乏统一规划,各村一哄而上", [["规划", "一哄而上", "跟风"]]),
            ("plan", "编制发展规划,引导错位经营", [["错位", "差异化"]]),
        ],
        prompt="各村扎堆建采摘园,不少园子没人来。你怎么看?",
    )
    # 缺少規劃 says the cause, as the point does; it does not void 跟风 said beside it
    assert status(grade(question, "問題出在大家跟風、缺少規劃。"), "cause") == "covered"
    assert status(grade(question, "大家都在跟风,没有人做规划。"), "cause") == "covered"
    # proposing a plan is the remedy, not the cause
    assert status(grade(question, "要做好规划。"), "cause") == "missed"


def test_a_phrasing_that_carries_the_negation_of_a_negative_point_makes_it():
    question = q(
        [("unfair", "这种做法对老实人不公平"), ("rule", "建立公开透明的评选规则")],
        prompt="单位评优只看关系。你怎么看?",
    )
    # 有失公平 / 双重标准 say 不公平 without a 不 of their own
    assert status(grade(question, "这样做有失公平。"), "unfair") == "covered"
    assert status(grade(question, "这是搞双重标准。"), "unfair") == "covered"
    assert status(grade(question, "这样评很公平。"), "unfair") == "missed"


def test_a_term_that_holds_its_own_negation_is_not_negated_by_it():
    question = q(
        [("greet", "称呼得体,安抚情绪", [["阿姨"], ["别着急", "消消气"]]), ("explain", "解释异地就医备案政策", [["备案"]])],
        prompt="王阿姨来医保窗口,很生气地说异地不能直接结算。请你现场模拟。",
    )
    assert status(grade(question, "阿姨,您别着急。"), "greet") == "covered"
    assert status(grade(question, "阿姨,您別著急。"), "greet") == "covered"  # traditional


def test_a_short_negation_stops_at_the_de_of_its_phrase():
    question = q(
        [("record", "倾听诉求,登记问题楼栋和住户", [["登记", "记下"]]), ("fix", "督促供热公司排查管网", [["排查"]])],
        prompt="小区暖气不热,居民聚集到供热营业厅。你怎么处理?",
    )
    # 不 negates 热, not the 楼栋 it describes, nor the 登记 before it
    assert status(grade(question, "逐一登记不热的楼栋和户号。"), "record") == "covered"
    assert status(grade(question, "不用登记,让他们回去等。"), "record") == "missed"


def test_a_short_negation_stops_at_the_zhe_that_makes_its_phrase_a_person():
    question = q([("account", "建立考核问责机制,对失职者追责", [["问责", "追责"]])], prompt="有人说河长制是挂名,你怎么看?")
    # 不力者: those who do not do their duty are held to account; the no is theirs, not the candidate's
    assert status(grade(question, "对履职不力者严肃问责。"), "account") == "covered"
    assert status(grade(question, "我不会问责他们。"), "account") == "missed"


def test_the_opposite_of_a_minor_word_voids_only_its_own_step():
    question = q(
        [
            ("stop", "提醒他劝群众不评价违反规定,及时纠正", [["纠正", "制止"]]),
            ("comfort", "安慰同事,讲清评价制度的本意", [["安慰"]]),
        ],
        prompt="同事被群众差评后,劝办事群众不要评价。你怎么办?",
    )
    # 评价 said plainly is the opposite of the point's 不评价, but only in its own step
    assert status(grade(question, "安慰→讲清制度→纠正→鼓励群众评价"), "stop") == "covered"
    # and 评价, a word of the prompt and of another point, is too minor to void anything
    assert status(grade(question, "安慰→纠正劝阻评价→申诉"), "stop") == "covered"


def test_a_negation_before_a_phrase_negates_the_verb_after_it():
    question = q(
        [("calm", "保持冷静,不与租客争执"), ("id", "出示证件,说明来意")],
        prompt="你是社区网格员,入户更新信息时租客拒绝开门,还说你骚扰。你怎么处理?",
    )
    assert status(grade(question, "不争执→亮证件"), "calm") == "covered"
    assert status(grade(question, "我会跟租客争执到底"), "calm") == "missed"
    assert status(grade(question, "租客不开门我就走"), "calm") == "missed"


def test_a_word_of_the_point_that_a_keyword_reaches_only_loosely_still_counts_as_the_point_s_own():
    question = q(
        [("survey", "盘清辖区犬只底数", [["走访排查"]]), ("publicity", "上门宣传文明养犬", [["宣传"]])],
        prompt="辖区养犬投诉多,街道让你牵头整治。你怎么组织?",
    )
    loose = Thesaurus(synonyms=(), related=(("盘清", "走访排查"),))
    # 盘清 is only a loose relative of the keyword, but it is the point's own word
    assert grade(question, "先盘清辖区有多少条狗。", loose).point("survey").status == "covered"
    assert grade(question, "先把辖区的狗数一数。", loose).point("survey").status != "covered"


def test_an_answer_typed_in_traditional_characters_grades_as_in_simplified():
    question = q([("reply", "限期答复群众,避免群众反复跑腿", [["答复", "回复"], ["反复跑", "跑腿"]])],
                 prompt="群众反映办事要跑好几趟,你怎么办?")
    simplified = grade(question, "三天内答复群众,不让群众反复跑。")
    traditional = grade(question, "三天內答覆群眾,不讓群眾反覆跑。")
    assert simplified.point("reply").status == traditional.point("reply").status == "covered"
    assert simplified.score == traditional.score


@pytest.mark.parametrize(
    "opening, closing",
    [
        ("各位考官好,下面我来回答这道题。", "以上是我的回答,谢谢考官。"),
        ("考官您好。这道题考察的是组织协调能力和应变能力,我从以下几个方面来回答。", "回答完毕。"),
    ],
)
def test_the_manners_of_the_exam_room_are_not_content(opening, closing):
    """A greeting, talk about what the question tests, and a closing thank-you change no verdict."""
    question = q(
        [
            ("respond", "第一时间在群里回应居民关切"),
            ("coordinate", "协调相关部门联合处置"),
            ("thank", "感谢居民提出的意见"),
        ],
        prompt="居民在业主群里抱怨物业不作为,情绪激动,你是社区工作人员,怎么办?",
    )
    for answer in ("我会高度重视,多措并举,确保问题得到妥善解决。", "先在群里回应大家,再协调物业和城管一起处置。", ""):
        plain = grade(question, answer)
        framed = grade(question, opening + "\n" + answer + "\n" + closing)
        assert [p.status for p in framed.points] == [p.status for p in plain.points], answer


def test_the_question_said_again_is_no_answer_to_it():
    question = q(
        [
            ("needs", "前期调研培训需求,了解社区工作者的能力短板"),
            ("plan", "制定培训方案,确定时间地点和师资"),
            ("follow", "形成总结报告,建立常态化培训机制"),
        ],
        prompt="单位安排你组织一次社区工作者培训,提升他们的服务能力。你会怎么组织?",
    )
    answer = "训前摸需求;训后出总结,建长效机制"
    plain = grade(question, answer)
    assert plain.point("needs").status == "covered"
    for said_again in (question.prompt, "单位安排我组织一次社区工作者培训,提升他们的服务能力。"):
        restated = grade(question, said_again + "\n" + answer)
        assert [p.status for p in restated.points] == [p.status for p in plain.points], said_again
    # a sentence that only uses some of the question's words is still the candidate's own
    own = grade(question, "培训前先到各社区调研,了解社区工作者的能力短板。")
    assert own.point("needs").status == "covered"


def test_the_question_said_again_with_its_short_last_sentence_is_no_answer():
    """你怎么办? is too short to look like the question on its own; after the question's
    other sentences it is the question too, and an empty promise stays empty."""
    question = q(
        [("calm", "广播喊话稳定读者情绪"), ("evacuate", "打开应急照明,分批有序疏散")],
        prompt="图书馆晚上九点多突然全馆停电,馆内还有一百多名读者,有人开始慌乱地往外挤。你怎么办?",
    )
    promise = "我会沉着冷静,按照应急预案妥善处置,确保读者安全。"
    plain = [p.status for p in grade(question, promise).points]
    assert [p.status for p in grade(question, question.prompt + "\n" + promise).points] == plain
    # a short sentence of the candidate's own that the question happens to hold still counts
    assert grade(question, "先广播喊话,稳定情绪。").point("calm").status == "covered"


def test_an_empty_answer_that_opens_with_i_think_is_still_empty():
    question = q(
        [("problem", "签而不约,群众获得感不强"), ("value", "家庭医生让群众看病更方便"), ("measure", "建立签约服务考核机制")],
        prompt="有居民说家庭医生签了约却找不到人,你怎么看?",
    )
    slogans = "要坚持以人民为中心,把好事办好、把实事办实,切实提升群众的健康获得感和满意度。"
    assert grade(question, slogans).point("problem").status == "partial"  # stock phrases count half
    assert [p.status for p in grade(question, "我认为," + slogans).points] == [
        p.status for p in grade(question, slogans).points
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "核实\n发布\n保障\n处理\n机制",  # bare terms one per line
        "河长制 四乱 考核 绿水青山 长效机制",  # bare terms on one line
        "我热爱这份事业,愿意为人民服务,一定会在岗位上发光发热,不辜负组织的信任。",  # mostly stock
    ],
    ids=["lines", "one-line", "stock"],
)
def test_i_think_before_a_list_of_terms_or_stock_phrases_changes_nothing(answer):
    """我认为, opens a view and says nothing: the terms after it are still only listed,
    the stock phrases still mostly stock."""
    question = q(
        [("verify", "立即核实情况,向群众发布权威信息"), ("check", "把考核结果与评优挂钩"),
         ("motive", "有为民服务的情怀,甘于平凡岗位")],
        prompt="谈谈你的想法。",
    )
    plain = [p.status for p in grade(question, answer).points]
    assert [p.status for p in grade(question, "我认为," + answer).points] == plain


def test_what_was_matched_is_named_once_and_evidence_side_by_side_is_one_quote():
    text = "第一,推动部门信息共享;第二,精简考核。"
    g = grade(BURDEN, text)
    sharing = g.point("sharing")
    assert sharing.status == "covered"
    # 信息 and 共享 are words of the point too, but 信息共享 already names them
    assert "信息共享" in sharing.matched
    assert "信息" not in sharing.matched and "共享" not in sharing.matched
    reduce = g.point("reduce")
    assert quoted(text, reduce) == ["精简考核"]  # 精简 + 考核, one piece of the answer


def test_a_brush_off_stops_where_the_candidate_turns_to_what_to_do():
    question = q(
        [("friendly", "推出大字版、语音播报的适老化服务"), ("teach", "开设培训班,手把手教老年人使用智能手机")],
        prompt="政务服务推行一网通办,不少老年人不会用手机。你怎么办?",
    )
    g = grade(question, "适老化服务也没必要,老人学会了就行,所以重点是办培训班教老人用智能手机。")
    assert status(g, "teach") == "covered"
    assert status(g, "friendly") == "missed"
    assert g.point("friendly").reason.endswith("「适老化服务也没必要,老人学会了就行」")
    # without a turn, the whole sentence is the brush-off
    assert status(grade(question, "老人自己学会用智能手机就行了。"), "teach") == "missed"


def test_a_keyword_group_made_only_of_prompt_words_is_neither_evidence_nor_to_add():
    question = q(
        [("reply", "逐一回应业主的抱怨", [["抱怨", "不满"], ["回应", "答复"]]),
         ("water", "协调送水车临时供水", [["送水车", "临时供水"]])],
        prompt="小区停水三天,业主在群里抱怨不满。你是物业经理,怎么办?",
    )
    g = grade(question, "对业主的抱怨逐一回应。")
    assert status(g, "reply") == "covered"  # the group that counts is made
    assert "抱怨" not in g.point("reply").matched
    g = grade(question, "协调送水车临时供水。")
    assert "抱怨" not in g.point("reply").missing and "不满" not in g.point("reply").missing
    assert grade(question, "业主很抱怨,很不满。").point("reply").status == "missed"


def test_looking_into_a_bad_thing_is_a_step_not_the_problem():
    question = q(
        [("verify", "先核对原始材料、确认数据确实有误", []), ("fix", "及时更正并向领导说明", [])],
        prompt="你发现同事报送的材料里数据有问题,你怎么办?",
    )
    # 确认错误: confirming the error is the step the point asks for
    assert status(grade(question, "我会先核实确认错误。"), "verify") == "covered"
    # the error itself, with no step taken, makes nothing
    assert status(grade(question, "这份材料出现错误。"), "verify") == "missed"


def test_what_an_answer_says_was_exposed_makes_a_point_about_the_cause():
    question = q(
        [("cause", "根源在于重建设轻运营,没有从群众需求出发", [["重建设轻运营", "重建轻用", "面子工程"]]),
         ("fix", "保留人工服务兜底", [["人工服务", "人工窗口"]])],
        prompt="某地政务大厅的AI导办答非所问,群众找不到人工。你怎么看?",
    )
    text = "答非所问暴露出重建设轻运营的问题。"
    # the cause, named as what the failure exposed, is the cause point
    assert status(grade(question, text), "cause") == "covered"
    # a measure is still not made by a problem named after 暴露
    assert status(grade(question, "暴露出人工服务太少的问题。"), "fix") != "covered"


def test_a_no_that_makes_an_adjective_of_a_kind_negates_nothing_after_it():
    question = q(
        [("lead", "机关事业单位带头取消不合理的年龄限制", [["带头", "率先"], ["取消", "放宽"]])],
        prompt="有人说35岁门槛是就业歧视,你怎么看?",
    )
    # 不合理限制: the unreasonable limits are what is lifted, the lifting is proposed
    assert status(grade(question, "机关事业单位带头放宽不合理限制。"), "lead") == "covered"
    # a plain no still rejects the step
    assert status(grade(question, "机关不能带头放宽限制。"), "lead") == "missed"


def test_a_stock_phrase_still_makes_the_point_that_is_made_of_it():
    question = q(
        [("dialectic", "辩证看待,技术替代的是岗位而不是人,不必过度恐慌", [["辩证", "理性", "两面"]]),
         ("harm", "短期内冲击部分岗位,带来结构性失业", [["冲击", "失业"]])],
        prompt="有人担心人工智能会抢走饭碗,你怎么看?",
    )
    # the stock phrase is the point about a dialectic view
    assert status(grade(question, "应辩证看待,加强职业技能培训。"), "dialectic") == "covered"
    # and says nothing of the harm, nor makes an answer of nothing but frame
    text = "对此要辩证看待,既要看到积极的一面,也要看到消极的一面。"
    assert status(grade(question, text), "harm") == "missed"
    assert status(grade(question, text), "dialectic") != "covered"


def test_a_pronoun_of_the_point_is_no_evidence():
    question = q([("fit", "说明自身条件适合这个岗位", [])], prompt="你报考的岗位要常驻乡镇,你怎么看?")
    # 这个 and 自身 stand for whatever the sentence is about
    assert status(grade(question, "这个我没想过,自身也说不好。"), "fit") == "missed"
    assert status(grade(question, "我的条件很适合。"), "fit") == "covered"


def test_a_no_said_after_its_topic_rejects_the_topic():
    # spoken Chinese names the thing first and says no after it
    question = q(
        [("warn", "在落石前后设置警示标志,提醒过往车辆", [["警示牌", "警示标志", "提醒"]]),
         ("publicity", "通过居民群、海报宣传回收活动", [["宣传", "海报"]]),
         ("follow", "事后回访,看整改情况", [["回访", "再去看看"]]),
         ("help", "帮忙联系亲戚寄养", [["寄养", "帮忙联系"]]),
         ("road", "出发前了解路况", [["路况", "天气"]])],
        prompt="下乡途中遇到落石,车上还有宣传物资,你怎么办?",
    )
    for text, pid in (("警示牌也不用设。", "warn"), ("宣传就不搞了。", "publicity"), ("回访我就不来了。", "follow"),
                      ("寄养的事我帮不了您。", "help"), ("路况不用查。", "road")):
        assert status(grade(question, text), pid) == "missed", text
    # the same words said as a plan still count
    for text, pid in (("我会设警示牌,提醒司机别超速。", "warn"), ("多宣传,居民就不用跑了。", "publicity"),
                      ("过两天再去回访。", "follow")):
        assert status(grade(question, text), pid) == "covered", text


def test_a_no_after_the_topic_that_keeps_a_fault_away_or_describes_a_state_is_no_rejection():
    question = q(
        [("face", "正视问题,不回避矛盾", [["正视问题", "不回避"]]),
         ("old", "帮老人学会使用智能手机", [["老人", "智能手机"]]),
         ("risk", "防止二次落石", [["二次落石", "落石"]])],
        prompt="你怎么看基层工作的难处?",
    )
    assert status(grade(question, "问题我不回避。"), "face") == "covered"
    assert status(grade(question, "老人不会用,我们就手把手地教。"), "old") == "covered"  # the person is the doer
    # calling a risk not worth a thought does not avoid it
    assert status(grade(question, "二次落石的风险不用考虑。"), "risk") == "missed"


def test_questions_that_mean_must_are_no_negation():
    question = q(
        [("check", "平台审核退款理由,防止恶意退款", [["审核", "把关"]]),
         ("warn", "设置警示标志", [["警示牌", "警示标志"]])],
        prompt="有人说仅退款规则偏向买家,你怎么看?",
    )
    for text, pid in (("退款得看看理由靠不靠谱,平台要审核。", "check"), ("平台难道不该审核退款理由吗?", "check"),
                      ("不设警示牌怎么行?", "warn"), ("怎么能不设警示牌呢?", "warn")):
        assert status(grade(question, text), pid) == "covered", text
    assert status(grade(question, "平台不该审核退款理由。"), "check") == "missed"
    assert status(grade(question, "这个方案不靠谱,审核就算了。"), "check") == "missed"


def test_someone_raising_a_matter_is_not_a_view_reported():
    question = q([("neighbor", "说明邻居也是为大家好,促进邻里和睦", [["邻里", "和睦", "和气"]])],
                 prompt="邻居投诉你在楼道养鸡,你作为社区工作人员去劝说,怎么说?")
    # 他们说这事: they raised it; what follows is the candidate's own view
    assert status(grade(question, "王大爷他们说这事,也是怕您被熏着,邻里之间和气最要紧。"), "neighbor") == "covered"
    assert status(grade(question, "王大爷他们说邻里之间要和气。"), "neighbor") == "missed"


def test_conceding_the_questions_own_word_owns_up_to_it():
    question = q(
        [("admit", "承认这项工作枯燥单调,需要耐心和细心"), ("value", "档案工作有价值,为群众查档服务")],
        prompt="如果你被录用到县档案馆从事档案整理工作,工作比较单调,你怎么看?",
    )
    for text in ("这份工作确实单调。", "虽然单调,但我坐得住。", "单调是单调,我心里有数。"):
        v = grade(question, text).point("admit")
        assert v.status == "covered", (text, v)
    # the question's word said plainly is still only the question repeated
    assert status(grade(question, "工作单调。"), "admit") == "missed"
    # and a concession owns up only on a point that asks to
    assert status(grade(question, "工作确实单调。"), "value") == "missed"


def test_a_doubled_character_inside_a_word_is_not_a_short_form():
    question = q([("work", "踏实做好本职工作,用实绩证明自己", [["本职", "踏实"], ["实绩", "业绩"]])],
                 prompt="你的科长是你的大学同学,同事们议论纷纷。你怎么办?")
    v = grade(question, "本职工作嘛,我就踏踏实实干好。").point("work")
    # 实实 of 踏踏实实 is the 踏实 the candidate means, not 实绩
    assert "实绩" not in v.matched and v.status == "covered", v
    # nor is the 实实 of 实实在在 (a word doubled as a whole)
    assert "实绩" not in grade(question, "我们要实实在在地为群众办事。").point("work").matched


def test_a_terse_point_whose_object_the_question_names_is_made_by_its_verb():
    # the tutor wrote 稳情绪 / 讲政策; the question says 情绪很激动 and names the 政策
    question = q([("calm", "稳情绪"), ("policy", "讲政策")],
                 prompt="新出台的停车收费政策引来一位群众到窗口质问,他情绪很激动。你怎么办?")
    for text, pid in (("稳情绪", "calm"), ("我会先安抚他。", "calm"), ("讲政策", "policy"),
                      ("耐心讲解收费政策。", "policy")):
        assert status(grade(question, text), pid) == "covered", text
    # the question's words alone are still the question
    assert status(grade(question, "他情绪很激动。"), "calm") == "missed"


def test_more_ways_of_waving_a_step_away():
    question = q(
        [("learn", "虚心向老同志请教", [["请教", "学习"]]),
         ("material", "印发通俗易懂的宣传手册", [["手册", "小册子"]]),
         ("ondesk", "现场设帮办窗口", [["帮办", "代办"]]),
         ("temp", "协助办理临时身份证明", [["临时身份证明", "临时身份证"]]),
         ("risk", "提醒注意人身安全风险", [["安全风险", "风险"]])],
        prompt="你负责一次公积金政策进企业宣讲,你怎么做?",
    )
    for text, pid in (("请教就免了。", "learn"), ("向他请教就不必了。", "learn"), ("印个小册子有什么用?", "material"),
                      ("帮办业务不在这次宣讲的范围内。", "ondesk"), ("临时身份证明是公安的事。", "temp"),
                      ("安全风险被夸大了。", "risk")):
        assert status(grade(question, text), pid) == "missed", text
    assert status(grade(question, "印一些小册子发给职工。"), "material") == "covered"


def test_the_problem_someone_pointed_out_is_no_view_reported():
    question = q([("reflect", "对照问题自查,反思不足", [["自查", "反思"]])],
                 prompt="返聘的老同志当众挑你台账的毛病,你怎么办?")
    # 他指出的问题: the problems he pointed out, a noun phrase; the 自查 is the candidate's
    assert status(grade(question, "对照他指出的问题自查。"), "reflect") == "covered"
    assert status(grade(question, "他说的问题我会认真自查。"), "reflect") == "covered"
    assert status(grade(question, "他说我应该自查。"), "reflect") == "missed"


def test_rhetorical_questions_say_no_or_must_as_they_mean():
    question = q(
        [("learn", "虚心向老同志请教", [["请教", "学习"]]),
         ("material", "印发通俗易懂的宣传手册", [["手册", "小册子"]]),
         ("platform", "平台严格审核", [["审核", "把关"]]),
         ("fix", "对照问题改正", [["改正", "纠正"]])],
        prompt="返聘的老同志当众挑你台账的毛病,你怎么办?",
    )
    for text, pid in (("请教他?他那套早过时了。", "learn"), ("编手册?谁看啊。", "material"),
                      ("难道印一本谁也看不懂的小册子就算宣传到位了?", "material"), ("平台哪会认真审核。", "platform")):
        v = grade(question, text).point(pid)
        assert v.status == "missed", (text, v)
    assert grade(question, "请教他?他那套早过时了。").point("learn").reason.startswith("反问的说法不算答到")
    # a question meaning must, and a question the candidate will ask, still say it
    for text, pid in (("平台难道不该审核吗?", "platform"), ("我有什么理由不改正?", "fix"),
                      ("我会问他:是不是要请教一下老同志?", "learn")):
        assert status(grade(question, text), pid) == "covered", text


def test_the_patterns_made_to_skip_find_what_they_found_before():
    # _skipping adds a look-ahead of the characters a match can start with; it must never
    # lose a match. Compared with the plain pattern on every labelled answer of the bundled set.
    import re
    from pathlib import Path

    import yaml

    from studyapp.core import grading as g
    from studyapp.core.text import fold

    texts = []
    for f in sorted((Path(__file__).resolve().parent.parent / "eval" / "bundled" / "labels").glob("*.yaml")):
        texts += [fold(a["text"]) for a in yaml.safe_load(f.read_text(encoding="utf-8"))["answers"]]
    assert len(texts) > 50
    for name in ("_DISMISS", "_MINIMAL", "_STANCE_HINT", "_CONDEMN_HINT", "_LABEL_WORD", "_LABEL_ITEM",
                 "_NEG_AFTER", "_CUE_RE", "_BAD_WORD", "_BOILER_HINT", "_FORMULA", "_STOCK", "_TURN",
                 "_DISMISS_DENIED", "_AVOID_SAID", "_SCOPE_END", "_OPPOSE_ANY", "_DENIAL"):
        quick = getattr(g, name)
        assert quick.pattern.startswith("(?=["), name  # it does skip
        plain = re.compile(quick.pattern[quick.pattern.index("])(?:") + 5:-1])
        for t in texts:
            assert [m.span() for m in quick.finditer(t)] == [m.span() for m in plain.finditer(t)], (name, t)
    # a pattern whose start cannot be told is left as it is
    assert g._skipping(re.compile(r"[^,]{0,3}x")).pattern == r"[^,]{0,3}x"


def test_obeying_the_organisation_is_the_point_that_asks_for_it():
    question = q([("obey", "服从安排", []), ("write", "多读多写,提高写材料的能力", [])],
                 prompt="你是理工科毕业生,被分到宣传科写材料,你怎么看?")
    # 服从组织安排 is what the point asks, not an empty phrase
    assert status(grade(question, "我服从组织安排。"), "obey") == "covered"
    assert status(grade(question, "我服从组织安排。"), "write") == "missed"


def test_a_measure_word_and_a_person_are_no_individual():
    question = q([("self", "增强个人安全意识,保护个人隐私", [["个人隐私", "个人信息", "个人"]])],
                 prompt="年轻人流行找搭子,你怎么看?")
    # 有个人陪着: someone to keep you company, not 个人 ('the individual')
    assert status(grade(question, "下了班有个人陪着说说话。"), "self") == "missed"
    assert status(grade(question, "要保护好个人信息。"), "self") == "covered"


def test_four_claims_of_the_docs_hold():
    # from a tester checking docs/grading.md's examples (explore-s11g)
    question = q(
        [("hearing", "召开听证会,听取意见", [["听证会", "听证"]]),
         ("plan", "制定应急预案", []),
         ("food", "查处三无食品", []),
         ("sign", "防止签而不约", [])],
        prompt="你负责一项惠民工作的落实,你怎么做?",
    )
    for text, pid in (("我们没办法召开听证会。", "hearing"), ("听证会已经开得够多了。", "hearing"),
                      ("应急预案成了摆设。", "plan"), ("防止", "sign"), ("杜绝浪费", "sign")):
        assert status(grade(question, text), pid) == "missed", text
    # 三无 is a word: its 无 negates nothing
    assert status(grade(question, "三无食品要依法查处。"), "food") == "covered"
    assert status(grade(question, "制定应急预案。"), "plan") == "covered"


def test_this_and_that_with_a_measure_word_are_not_words_of_a_point():
    # 这项 of 承认这项工作枯燥单调 points at the work; an answer saying 这项任务 says nothing of it
    question = q([("admit", "承认这项工作枯燥单调"), ("plan", "制定学习计划")],
                 prompt="你被安排到档案室整理旧档案,你怎么看?")
    assert grade(question, "这项任务我一定完成好。").point("admit").status == "missed"
    assert grade(question, "这份工作确实有些单调枯燥。").point("admit").status != "missed"


def test_a_negated_keyword_is_said_with_no_need_before_its_verb():
    # 不花钱 said as 不用花钱 / 无需花钱 (a point typed out as the answer makes itself)
    question = q([("free", "说明体检不花钱", [["不花钱", "不收费"]]), ("care", "陪同老人")],
                 prompt="镇里开展健康体检,王大爷的家人不愿让他去。请你现场劝说。")
    assert grade(question, "大爷,这次体检不用花钱。").point("free").status == "covered"
    assert grade(question, "体检无需花钱。").point("free").status == "covered"


def test_a_no_before_a_verb_is_said_with_the_other_person_between():
    # 不争执 said as 不和老支书争执, 不跟他争执: the one it is not done with sits between
    question = q([("calm", "不争执,事后单独沟通", [["不争执", "不计较"], ["单独沟通", "私下沟通"]]),
                  ("report", "向镇里汇报")],
                 prompt="你到村里推进工作,老支书当着村民的面说你不懂农村。你怎么办?")
    assert "不争执" in grade(question, "我不和老支书争执,事后单独沟通。").point("calm").matched
    assert "不争执" in grade(question, "当场不跟他争执。").point("calm").matched
    # …but a no on something else is not it: 不和他商量就争执 is no 不争执
    assert "不争执" not in grade(question, "他不和我商量,我们就争执起来了。").point("calm").matched


def test_unnecessary_before_a_noun_names_a_kind_of_thing_and_rejects_nothing():
    # 代替不必要的会议: 不必要的 picks out some meetings; it is no verdict on 视频会议, and the
    # question's own 会议 said plainly is no opposite of the point's 不必要的会议
    question = q([("alt", "用视频会议代替不必要的会议", [["视频会议", "线上会议"]]), ("doc", "精简文件")],
                 prompt="单位会议太多,大家疲于应付。你怎么看?")
    for answer in ("用视频会议代替不必要的会议。", "用视频会议替代一些会议。", "开视频会议,减少不必要的环节。"):
        assert grade(question, answer).point("alt").status == "covered", answer
    # …while a verdict on it still rejects it
    assert grade(question, "视频会议是不必要的。").point("alt").status == "missed"


def test_a_word_that_only_says_when_makes_no_point_alone():
    # 期间 of 驻村期间:干好驻村工作 says when; 在驻村期间 alone says nothing of the work
    question = q([("work", "驻村期间:干好驻村工作,珍惜锻炼机会"), ("learn", "向村干部请教")],
                 prompt="你被选派驻村一年,有同事说你是去镀金。你怎么看?")
    assert grade(question, "在驻村期间,我会严格要求自己。").point("work").status == "missed"
    assert grade(question, "驻村这一年我会珍惜锻炼机会。").point("work").status == "covered"


def test_fei_of_an_outline_is_a_no_but_not_inside_ordinary_words():
    question = q([("motive", "不把考公当作退路"), ("duty", "踏实做好本职")],
                 prompt="你考研失利后报考公务员,有人说你是没考上研究生才来的。你怎么看?")
    assert grade(question, "考公非退路").point("motive").status == "covered"
    assert grade(question, "考公就是我的退路").point("motive").status == "missed"
    # 非常 is 'very', not a no: the duty is still said
    assert grade(question, "我非常想踏实做好本职。").point("duty").status == "covered"


def test_a_no_on_how_a_thing_is_done_reaches_the_verb():
    # 不急于辩解: 不辩解 agrees with it, 当面辩解 says the opposite
    question = q([("calm", "不计较、不急于辩解"), ("reflect", "反思自己的不足")],
                 prompt="你借调到市里工作,原单位同事议论你攀高枝。你怎么办?")
    assert grade(question, "不计较不辩解").point("calm").status == "covered"
    assert grade(question, "我不辩解。").point("calm").status == "covered"
    assert grade(question, "我会找他们当面辩解清楚。").point("calm").status == "missed"


def test_a_way_of_working_named_with_nothing_to_apply_it_to_is_stock():
    question = q([("talk", "主动与同事沟通交流,消除误会"), ("mind", "调整心态,正视不足")],
                 prompt="你被调到新科室,老同事对你有看法。你怎么办?")
    g = grade(question, "我会加强沟通交流,严格要求自己,保持积极乐观的心态。")
    assert g.point("talk").status == "missed" and g.point("mind").status == "missed", g
    assert grade(question, "我会主动和老同事沟通交流。").point("talk").status == "covered"
    # 心态 alone is no 调整心态 (心态崩了 is the opposite); 心态放正 is
    assert grade(question, "考前心态崩了。").point("mind").status != "covered"
    assert grade(question, "先把心态放正。").point("mind").status != "missed"


def test_a_general_term_is_the_points_word_when_the_question_names_one_kind_of_it():
    # the question describes a hazard (占用消防通道, a kind of 安全隐患); the point's 安全隐患 is
    # what the candidate must call it, not the question's word said again
    question = q([("principle", "坚持原则,安全隐患不能放过"), ("report", "向领导汇报")],
                 prompt="你和老同事去检查一家小作坊,发现老板占用消防通道堆货。老同事说算了。你怎么办?")
    assert grade(question, "这是安全隐患,必须处理。").point("principle").status == "covered"


def test_who_a_goal_is_for_is_not_the_goal():
    # 让老人少排队: 老人 alone (a survey of the elderly's needs) is not fewer queues for them
    question = q([("queue", "让老人少排队、不白跑"), ("doctors", "请医院专家坐诊")],
                 prompt="社区要办一次中医义诊。你怎么组织?")
    assert grade(question, "先入户了解老人的健康需求。").point("queue").status != "covered"
    assert grade(question, "让老人少排队,来了就能看上。").point("queue").status == "covered"


def test_ones_own_failing_said_as_not_done_agrees_with_a_point_that_names_it():
    # 交接不到位 named by the point; 没交接清楚 is the candidate owning up to it, not a no to 交接
    question = q([("reflect", "反思自己工作交接不到位"), ("duty", "做好借调工作")],
                 prompt="你借调到市里,原单位同事议论你。你怎么办?")
    assert grade(question, "是我走之前没交接清楚。").point("reflect").status == "covered"
    # …but on a point that names no failing, a no is still a no
    question = q([("hand", "做好工作交接"), ("duty", "做好借调工作")], prompt="你借调到市里。你怎么办?")
    assert grade(question, "我没交接清楚。").point("hand").status == "missed"


def test_a_step_put_off_or_called_outdated_after_it_is_waved_away():
    question = q([("report", "及时向领导汇报"), ("learn", "向老同志学习"), ("fix", "严厉打击号贩子")],
                 prompt="医院门口有号贩子倒号。你是卫健部门工作人员,怎么办?")
    for answer, point in (("向领导汇报那是以后的事。", "report"), ("汇报以后再说。", "report"),
                          ("向老同志学习那一套早过时了。", "learn"), ("打击号贩子治标不治本。", "fix"),
                          ("打击号贩子作用不大。", "fix")):
        assert grade(question, answer).point(point).status == "missed", answer
    # …but a step taken now, with something else left for later, is taken
    assert grade(question, "先向领导汇报,以后再说细节。").point("report").status == "covered"


def test_not_letting_someone_do_a_step_is_a_no_to_it_but_not_letting_a_bad_thing_happen_is_good():
    question = q([("respond", "请相关部门当场作出回应"), ("errand", "让群众少跑腿")],
                 prompt="政企座谈会上,一位企业老板当众抱怨审批慢。你是主持人,怎么办?")
    assert grade(question, "我会打断他,不让相关部门当场回应。").point("respond").status == "missed"
    assert grade(question, "请相关部门当场回应。").point("respond").status == "covered"
    assert grade(question, "以后不让群众多跑腿。").point("errand").status == "covered"


def test_a_no_reaches_past_the_de_of_other_or_new():
    # 不会帮他想别的办法: 别的 and 新的 modify what is rejected; the 的 does not end the no
    question = q([("alt", "帮领导想合规的办法,如补齐手续"), ("x", "向纪委反映")],
                 prompt="领导让你把一笔招待费列入会议费报销。你怎么办?")
    for answer in ("我也不会帮他想别的办法。", "我不会帮他想新的办法。"):
        assert grade(question, answer).point("alt").status == "missed", answer
    assert grade(question, "我会帮领导想个合规的办法。").point("alt").status == "covered"


def test_a_topic_put_off_in_the_clause_after_it_is_waved_away():
    question = q([("care", "活动后给献血干部安排补休"), ("garden", "建设共享菜园")],
                 prompt="单位组织无偿献血,社区有人在绿地种菜。你怎么办?")
    for answer, point in (("至于补休,等以后再说,现在工作这么忙。", "care"),
                          ("共享菜园的事,等以后再说吧。", "garden"),
                          ("建设共享菜园,等上面有文件再说。", "garden")):
        assert grade(question, answer).point(point).status == "missed", answer
    # 再说 as 'besides' puts nothing off; a step taken before the rest is put off is taken
    assert grade(question, "建设共享菜园,再说也方便群众。").point("garden").status == "covered"
    assert grade(question, "先给献血干部安排补休,其他的以后再说。").point("care").status == "covered"


def test_laying_the_blame_on_someone_else_is_a_brush_off():
    question = q([("duty", "干一行爱一行,对工作负责", [["负责", "责任", "担当"]]), ("learn", "向同事学习")],
                 prompt="你从企业辞职报考公务员。谈谈你对这份工作的认识。")
    assert grade(question, "出了问题是产品经理的责任。").point("duty").status == "missed"
    # …but one's own is not
    assert grade(question, "出了问题是我的责任。").point("duty").status == "covered"


def test_there_is_frames_a_point_and_is_not_one_of_its_words():
    question = q([("problem", "行业缺乏资质准入,收费不透明,存在医托风险"), ("fix", "建立准入标准")],
                 prompt="陪诊师成了新职业,有人点赞有人担忧。你怎么看?")
    assert grade(question, "陪诊师也存在一些问题。").point("problem").status == "missed"
    assert grade(question, "现在收费不透明,还有医托。").point("problem").status == "covered"


def test_the_service_number_of_a_phrase_keyword_is_said_alone():
    # the tutor wrote a phrase (拨打120急救电话); candidates say 打120
    question = q([("call", "立即拨打电话,说清所在位置", [["拨打120急救电话"]]), ("calm", "安抚其他老人", [["安抚"]])],
                 prompt="你带社区老人秋游,途中一位老人突然晕倒。你怎么办?")
    assert grade(question, "马上打120。").point("call").status == "covered"
    assert grade(question, "这次秋游每人交1200元。").point("call").status == "missed"


def test_more_ways_of_saying_no_after_the_step_and_their_look_alikes():
    question = q([("publicity", "通过公众号和海报做好宣传"), ("doctor", "联系医院落实医生和药品"),
                  ("survey", "提前摸排居民需求")],
                 prompt="社区要办一次义诊。你怎么组织?")
    for answer, point in (
        ("提前摸排居民需求有意义吗?来的都是那几个老人。", "survey"),
        ("宣传的事交给物业去弄,我们不管。", "publicity"),
        ("宣传可有可无。", "publicity"),
        ("宣传这一步可以省了。", "publicity"),
        ("宣传,我们统统不打算做。", "publicity"),
        ("联系医院落实医生和药品?那是卫健委的事,轮得到我吗?", "doctor"),
        ("落实医生和药品,到时候看情况再说。", "doctor"),
        ("摸排需求的事跟我们没关系。", "survey"),
    ):
        assert grade(question, answer).point(point).status == "missed", answer
    # …while a concession, a condition or a no to something else still makes the step
    for answer, point in (
        ("虽然宣传很麻烦,但还是要做好宣传。", "publicity"),
        ("不急着定时间,先摸排居民需求。", "survey"),
        ("如果医院联系不上,我再找卫生服务中心。先联系医院落实医生和药品。", "doctor"),
    ):
        assert grade(question, answer).point(point).status == "covered", answer


def test_still_more_ways_of_saying_no_and_their_look_alikes():
    question = q([("survey", "提前摸排居民需求"), ("follow", "建立健康档案,做好回访"),
                  ("harm", "过度包装浪费资源、污染环境"), ("calm", "安抚考生情绪")],
                 prompt="社区要办一次义诊,月饼包装越来越豪华,一位考生忘带准考证。你怎么看,怎么办?")
    for answer, point in (
        ("查出问题的居民让他们自己去医院,我们就不回访了。", "follow"),
        ("回访就打个电话走个过场。", "follow"),
        ("摸排需求太耽误时间,直接把医生请来就行。", "survey"),
        ("居民需求去年已经调研过了,这次不用再摸排。", "survey"),
        ("至于浪费资源、污染环境这些问题,我认为并不存在。", "harm"),
        ("包装多几层不见得就是浪费,也未必会污染环境。", "harm"),
        ("说什么浪费、污染,那都是瞎操心。", "harm"),
        ("安抚情绪就算了,时间这么紧,哪有空安慰他。", "calm"),
        ("×回访 ×建档", "follow"),
    ):
        assert grade(question, answer).point(point).status == "missed", answer
    for answer, point in (
        ("不光要安抚考生情绪,还要联系家长。", "calm"),
        ("过度包装既浪费资源,又污染环境。", "harm"),
        ("我们不能不回访,要建立健康档案。", "follow"),
    ):
        assert grade(question, answer).point(point).status == "covered", answer


def test_a_list_of_steps_put_off_in_the_next_clause_is_waved_away_but_not_the_rest_put_off():
    question = q([("hard", "能适应倒班、驻守口岸等艰苦工作"), ("learn", "加强业务学习")],
                 prompt="你为什么报考海关?谈谈你的认识。")
    for answer in ("倒班、驻守口岸这些,等考上了再考虑。", "倒班、驻守口岸这些,入职再说。",
                   "倒班、驻守口岸,这些可以以后再说。"):
        assert grade(question, answer).point("hard").status == "missed", answer
    assert grade(question, "倒班、驻守口岸我都能适应,其他再说。").point("hard").status == "covered"


def test_look_alikes_of_todays_no_rules_still_make_their_point():
    # explore-s12k: naming whose responsibility it is, then pressing it; 说什么也要; 不能走个过场;
    # a number that counts people is no hotline
    question = q([("call", "立即拨打电话,说清所在位置", [["拨打120急救电话"]]),
                  ("duty", "压实平台主体责任"), ("follow", "做好回访")],
                 prompt="你带老人秋游,一位老人晕倒;另有群众反映外卖平台的食品安全问题。你怎么办?")
    assert grade(question, "食品安全是平台的责任,要压实平台主体责任。").point("duty").status == "covered"
    assert grade(question, "出了问题是平台的责任。").point("duty").status == "missed"
    assert grade(question, "说什么也要做好回访。").point("follow").status == "covered"
    assert grade(question, "回访不能走个过场,要逐户上门。").point("follow").status == "covered"
    assert grade(question, "回访就走个过场。").point("follow").status == "missed"
    assert grade(question, "现场有120个人。").point("call").status == "missed"
    assert grade(question, "马上打120。").point("call").status == "covered"


def test_denying_any_shortcoming_is_no_reflection_on_them():
    # 我没有什么不足 denies what the point asks to own up to (the own-failing rule is for steps
    # not done, 没交接清楚, not for the failing itself denied)
    question = q([("reflect", "反思自己的不足,如解释不够耐心"), ("hand", "反思自己工作交接不到位")],
                 prompt="群众投诉你态度不好。你怎么办?")
    assert grade(question, "我没有什么不足。").point("reflect").status == "missed"
    assert grade(question, "我的不足是不够耐心。").point("reflect").status == "covered"
    assert grade(question, "是我走之前没交接清楚。").point("hand").status == "covered"


def test_a_step_handed_off_and_then_not_taken_is_no_step():
    question = q([("doctor", "联系医院落实医生、药品和设备"), ("publicity", "做好宣传")],
                 prompt="社区要办一次义诊。你怎么组织?")
    assert grade(question, "医生、药品、设备让医院他们自己安排,我们不去落实。").point("doctor").status == "missed"
    # …while a step not taken that is not this one leaves it made
    assert grade(question, "联系医院落实医生和药品,宣传我们不去管。").point("doctor").status == "covered"


def test_a_step_named_like_a_heading_then_waved_away_is_told_as_a_no():
    question = q([("publicity", "通过公告栏和微信群做好宣传"), ("doctor", "联系医院")],
                 prompt="社区要办一次义诊。你怎么组织?")
    verdict = grade(question, "宣传,没那个必要。").point("publicity")
    assert verdict.status == "missed" and verdict.reason.startswith("否定的说法"), verdict.reason
    assert grade(question, "一、宣传 二、联系医院").point("publicity").reason.startswith("只有标题")


def test_cannot_and_not_used_to_after_a_step_say_no_to_it():
    question = q([("respect", "理解他的爱好,肯定他勤劳"), ("hard", "能适应倒班等艰苦工作"), ("clear", "帮他清运泥土")],
                 prompt="你是社区干部,李大爷在楼顶种菜。你怎么劝说?")
    for answer, point in (("他种菜的爱好我理解不了,也不想理解。", "respect"),
                          ("倒班我可能不太适应,希望能分到机关。", "hard"),
                          ("清运泥土是您自己的事。", "clear")):
        assert grade(question, answer).point(point).status == "missed", answer
    assert grade(question, "我理解他的爱好,他确实勤劳。").point("respect").status == "covered"


def test_a_word_of_the_question_said_anywhere_holds_the_phrase_to_add_together():
    # 培训 is the question's word and every point's: no evidence, but said, it is not
    # cut off the phrase to add (培训内容贴近实际, not 内容贴近实际), wherever it was said
    question = q(
        [("content", "培训内容贴近实际"), ("test", "培训后组织考试检验效果"), ("ask", "培训前调研学员需求")],
        prompt="单位让你组织一次青年干部培训,你怎么做?",
    )
    for answer in ("我会认真完成任务,确保培训取得实效。", "我会认真对待。确保培训取得实效。最后考试。"):
        v = grade(question, answer).point("content")
        assert v.status == "missed"
        assert v.missing == ("培训内容贴近实际",), (answer, v.missing)


def test_a_pronoun_is_no_word_of_a_point():
    # 他们 of 帮他们联系相关部门 says nothing of the point: 帮他们 is no answer to it, and a
    # reason never says the answer 'only mentioned 他们'
    question = q(
        [("help", "单独联系发牢骚的居民,帮他们联系相关部门找到办理途径", [["单独", "私聊", "一对一"], ["联系部门", "找部门"]]),
         ("calm", "在群里发消息安抚大家的情绪", [["安抚", "稳定情绪"]])],
        prompt="社区微信群里有居民发牢骚,你怎么处理?",
    )
    for answer in ("帮他们。", "我会告诉他们去哪里办。", "跟她们讲清楚。"):
        v = grade(question, answer).point("help")
        assert v.status == "missed", (answer, v)
        assert "他们" not in v.matched and "她们" not in v.matched and "他们" not in v.reason, (answer, v.reason)
    v = grade(question, "私聊发牢骚的居民,帮他们找部门问清楚怎么办。").point("help")
    assert v.status == "covered" and "他们" not in v.matched


def test_what_to_add_names_a_keyword_as_the_tutor_wrote_it():
    # 问卷，座谈会 with a full-width comma is one keyword (validate warns); shown folded, with an
    # ASCII comma, it reads as two words to add
    question = q([("ways", "用问卷和座谈会了解需求", [["问卷，座谈会", "入户走访"]]), ("other", "制定方案", [["方案"]])])
    v = grade(question, "我会制定方案。").point("ways")
    assert v.missing == ("问卷，座谈会",), v.missing


def test_a_step_named_then_waved_away_with_its_verb_is_rejected():
    # 至于X,没必要准备 / X,我们不打算邀请: the clause after the topic says no to doing it
    question = q(
        [("plan", "提前准备应急预案", [["应急预案", "预案"]]), ("check", "邀请第三方检测机构检测", [["第三方检测", "第三方"]]),
         ("calm", "安抚群众情绪")],
        prompt="小区居民担心新建基站有辐射,社区要组织一次说明会,你怎么做?",
    )
    for answer, pid in (("至于应急预案,没必要准备。", "plan"), ("第三方检测,我们不打算邀请。", "check"),
                        ("至于第三方检测,没必要去请。", "check")):
        v = grade(question, answer).point(pid)
        assert v.status == "missed" and v.reason.startswith("否定的说法不算答到"), (answer, v)
    # a no to a feeling is no no to the step, and 不能 + a verb is a must
    assert status(grade(question, "应急预案,大家没必要担心,我们都准备好了。"), "plan") == "covered"
    assert status(grade(question, "应急预案,一刻也不能放松。"), "plan") == "covered"


def test_living_up_to_the_trust_is_a_stock_phrase_not_a_no():
    question = q([("report", "必要时向领导汇报,争取支持"), ("talk", "主动找同事沟通")],
                 prompt="同事对你的工作安排有意见,你怎么办?")
    v = grade(question, "我会认真完成任务,不辜负领导的信任。").point("report")
    assert v.status == "missed" and not v.reason.startswith("否定"), v.reason


def test_what_to_add_keeps_the_lack_said_after_a_word():
    # 沟通不够 / 了解不足: without the lack, the advice reads as the opposite of the point
    question = q([("own", "反思自己考虑不周、沟通不够"), ("gap", "坦诚说出不足,如对基层情况了解不足")],
                 prompt="你组织的活动出了差错,领导批评了你,你怎么看?")
    missing = grade(question, "我会认真总结。").point("own").missing
    assert any(m.endswith("沟通不够") for m in missing), missing
    missing = grade(question, "我会认真总结。").point("gap").missing
    assert any(m.endswith("了解不足") for m in missing) and not any(m.endswith("了解") for m in missing), missing


def test_one_word_written_counts_for_one_part_of_a_point():
    # 联系 is a loose relative of the tutor's [单独, 打电话 …] group and the point's own word:
    # written once, it is one of them (its strongest reading), not both (a whole point from 联系。)
    question = q(
        [("one", "单独联系发牢骚的居民,帮他们联系相关部门找到办理途径",
          [["单独", "私聊", "打电话", "一对一"], ["联系部门", "协调", "办理途径"]]),
         ("calm", "在群里回应,安抚大家", [["回应", "安抚"]])],
        prompt="社区微信群里有居民发牢骚,你怎么处理?",
    )
    v = grade(question, "联系。").point("one")
    assert v.status != "covered", v
    assert grade(question, "私聊发牢骚的居民,帮他联系相关部门。").point("one").status == "covered"
