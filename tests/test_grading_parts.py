"""Which parts of a key point's words may stand for them (session 4 of issue 3).

Each test is a candidate's answer as written, and the verdict a human grader gives it."""
from gradeutil import q

from studyapp.core.grading import grade


def test_a_word_across_two_words_of_the_point_is_no_part_of_it():
    # 防止游客发生意外: 生意 sits across 发生|意外, it is not a part of the point
    question = q([("safe", "防止游客发生意外")], prompt="景区要开放夜游,你会怎么组织?")
    g = grade(question, "夜游开放以后景区生意会更好。")
    assert g.point("safe").status == "missed"
    g = grade(question, "安排安全员巡逻,防止出现意外。")
    assert g.point("safe").status == "covered"


def test_a_common_word_inside_a_longer_word_of_the_point_is_half_of_it():
    # 环境 of 周边环境: said alone, of something else, it does not make the point
    question = q([("site", "整治学校周边环境")], prompt="学校门口摊贩多,你怎么看?")
    g = grade(question, "要把生态环境保护好。")
    assert g.point("site").status != "covered"
    g = grade(question, "联合城管把校门口周边环境整治好。")
    assert g.point("site").status == "covered"


def test_give_alone_does_not_stand_for_pushing_onto_someone():
    # 推给楼长: 给楼长配齐人手 pushes nothing onto anyone
    question = q([("pass", "防止把各部门的工作都推给楼长")], prompt="街道推行楼长制,你怎么看?")
    g = grade(question, "要给楼长配齐人手。")
    assert g.point("pass").status != "covered"
    g = grade(question, "不能把各部门的工作都推给楼长。")
    assert g.point("pass").status == "covered"


def test_two_words_of_a_point_said_by_one_character_each_count():
    # outlines shorten 谣言来源 to 谣源, 临时停车 to 临停
    question = q(
        [("source", "查明谣言来源,依法处理造谣者"), ("park", "在周边设置临时停车点")],
        prompt="网上传言小区水源被污染,群众恐慌抢购瓶装水;学校门口接送车辆拥堵。你怎么办?",
    )
    g = grade(question, "检测核实→发布辟谣→追查谣源→设临停点")
    assert g.point("source").status == "covered"
    assert g.point("park").status == "covered"


def test_a_four_character_word_of_the_point_said_by_one_character_of_each_half_counts():
    # 节约用水 is one word to the segmenter, and outlines still say 节水; 公共交通 is 公交
    question = q(
        [("save", "日常节约用水,随手关灯"), ("travel", "坚持绿色出行,多乘坐公共交通")],
        prompt="作为公务员,你在生活中怎样践行低碳理念?",
    )
    g = grade(question, "节水→坐公交")
    assert g.point("save").status == "covered", g.point("save")
    assert g.point("travel").status == "covered", g.point("travel")
    assert "公共交通（公交）" in g.point("travel").reason


def test_such_a_pair_inside_another_word_is_not_it():
    # 说实 of 说实话 is no abbreviation of 说明实情
    question = q([("tell", "向群众说明实情")], prompt="群众对停水有意见,你怎么办?")
    g = grade(question, "说实话,这件事我也很着急。")
    assert g.point("tell").status == "missed"


def test_a_list_of_bare_terms_is_one_even_when_it_starts_with_a_words_like_a_list_marker():
    # 最后一公里 starts like 最后 (finally): the list is still four bare terms, nothing said
    question = q([("why", "社区是服务群众的最后一公里,我想在这里办实事"), ("hard", "知道社区工作辛苦,愿意吃苦扎根")],
                 prompt="你为什么愿意到社区工作?")
    g = grade(question, "最后一公里 办实事 吃苦 扎根")
    assert [p.status for p in g.points] == ["missed", "missed"]
    assert "只罗列了词语" in g.point("why").reason


def test_a_small_number_of_a_keyword_counts_in_words_or_set_off_by_a_space():
    question = q(
        [("list", "落实20项减负清单", [["20项", "减负清单"]]), ("time", "3天内给出答复", [["3天内", "限时答复"]])],
        prompt="社区工作者抱怨证明太多、答复太慢。你怎么看?",
    )
    for answer in ("落实20项。", "落实二十项。", "落实 20 项。"):
        assert grade(question, answer).point("list").status == "covered", answer
    assert grade(question, "三天内答复群众。").point("time").status == "covered"
    # a number of its own is not the keyword's
    assert grade(question, "落实120项。").point("list").status == "missed"


def test_a_points_frame_verb_alone_is_not_the_point():
    # 提出/取得/表明 only frame what the point asks for (提出改进措施, 取得的改进)
    question = q(
        [("measure", "提出具体可行的改进措施,如列清单、设截止时间"),
         ("progress", "说明已经取得的进步"),
         ("attitude", "表明正视缺点、持续提升的态度")],
        prompt="请谈谈你的一个缺点。",
    )
    g = grade(question, "我提出了一个问题。他取得了好成绩。他表明了身份。")
    assert [p.status for p in g.points] == ["missed", "missed", "missed"]
    g = grade(question, "改进上,我每天列清单、设截止时间;现在进步明显。我会正视缺点。")
    assert [p.status for p in g.points] == ["covered", "covered", "covered"]


def test_an_adverb_a_preposition_or_a_mis_cut_of_the_point_is_not_its_word():
    question = q(
        [("admit", "承认这个岗位确实辛苦、压力大"),
         ("recheck", "按期复查,跟踪整改情况"),
         ("patrol", "巡查展位,及时下架侵权商品")],
        prompt="你报考的是安全生产执法岗,展会期间还要管知识产权。请谈谈你的认识。",
    )
    # 确实 is 'indeed'; 跟她 is 'with her', not 跟踪; 时下 ('nowadays') is a mis-cut of 及时下架
    for answer, pid in (("确实是这样。", "admit"), ("我回家跟她好好唠唠。", "recheck"),
                        ("时下很流行直播带货。", "patrol")):
        assert grade(question, answer).point(pid).status == "missed", (answer, grade(question, answer).point(pid))
    g = grade(question, "这个岗位很辛苦,压力大。过两周去复查。发现侵权商品及时下架。")
    assert [p.status for p in g.points] == ["covered", "covered", "covered"]


def test_a_conjunction_character_inside_a_word_does_not_split_the_point():
    # 及 of 及时, 与 of 参与, 和 of 和谐 are no 'and': 快速处理、及时下架 is not 快速处理 + 时下架
    question = q([("patrol", "展会期间开展巡查,对侵权投诉快速处理、及时下架"),
                  ("join", "组织宣传、群众参与"), ("harmony", "化解矛盾、邻里和谐")],
                 prompt="你负责一次展会的知识产权保护,怎么做?")
    def status(text, pid):
        return grade(question, text).point(pid).status
    assert status("时下很流行直播带货。", "patrol") == "missed"
    assert status("发现假货及时下架。", "patrol") == "covered"
    assert status("让群众都来参与。", "join") == "covered"
    assert status("邻里之间更和谐了。", "harmony") == "covered"
