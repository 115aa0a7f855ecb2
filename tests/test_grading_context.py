"""What the question already says is not a point made: words of the prompt, the
names of its people, when and where something happens. Answers written for
these tests (none from the eval sets)."""
from __future__ import annotations

from studyapp.core.grading import grade

from gradeutil import q


NEIGHBOUR = q(
    [
        ("greet", "称呼得体,体谅王阿姨的难处", [["王阿姨", "阿姨", "大姐"], ["体谅", "难处", "不容易"]]),
        ("rule", "讲清垃圾分类的规定和好处", [["规定", "好处"]]),
    ],
    prompt="社区推行垃圾分类,居民王阿姨嫌麻烦,总把垃圾混着扔。你是社区工作人员,请现场劝说王阿姨。",
)


def test_naming_the_person_of_the_prompt_does_not_make_a_point_about_them():
    answer = "王阿姨,这个月您已经第三次混扔了,下次要罚款的。"
    assert grade(NEIGHBOUR, answer).point("greet").status != "covered"


def test_a_form_of_address_the_prompt_does_not_use_still_counts_with_the_point():
    assert grade(NEIGHBOUR, "大姐,我知道您一个人带孙子不容易。").point("greet").status == "covered"
    assert grade(NEIGHBOUR, "王阿姨,我知道您一个人带孙子不容易。").point("greet").status == "covered"


ELDER = q(
    [
        ("respect", "尊重老师傅,耐心听取他的想法"),
        ("trial", "先在一个班组试用新设备,看到效果再推开"),
    ],
    prompt="车间引进了一套新设备,老王师傅觉得是“花架子”,不愿意学。你是车间主任,怎么办?",
)


def test_the_prompts_person_shortened_by_a_character_is_still_the_prompts():
    # 老师傅 is 老王师傅 of the prompt: naming him says nothing of respecting him
    g = grade(ELDER, "老师傅年纪大了,观念跟不上,我直接安排年轻人去学。")
    assert g.point("respect").status != "covered"
    g = grade(ELDER, "尊重老师傅,耐心听听他的想法。")
    assert g.point("respect").status == "covered"


MEETING = q(
    [
        ("notes", "会后整理会议纪要,印发给各参会单位"),
        ("venue", "提前布置会场,调试话筒和投影"),
    ],
    prompt="单位要召开一次安全生产工作推进会,领导让你负责会务。你怎么做?",
)


def test_a_word_that_only_says_when_is_no_evidence_alone():
    # 会后 says when the notes are done, not that anything is done
    g = grade(MEETING, "会后大家各自回去,领导讲完话就散了。")
    assert g.point("notes").status == "missed"
    g = grade(MEETING, "会后把纪要整理好,印发各单位。")
    assert g.point("notes").status == "covered"


def test_the_event_a_step_follows_or_first_thing_says_when_not_what():
    question = q(
        [
            ("feedback", "开业后收集就餐者意见,调整菜品"),
            ("verify", "第一时间赶到现场核实情况"),
        ],
        prompt="街道要办一个社区食堂,有居民在网上说饭菜不干净。你怎么做?",
    )
    # 开业 of 开业后 and 第一时间 say when; what is done is the rest
    g = grade(question, "我会确保食堂平稳开业,第一时间向领导汇报。")
    assert g.point("feedback").status == "missed"
    assert g.point("verify").status == "missed"
    g = grade(question, "开业以后问问来吃饭的人意见,菜不好就换;第一时间去现场核实。")
    assert g.point("feedback").status == "covered"
    assert g.point("verify").status == "covered"


SELF = q(
    [
        ("gap", "正视自己的不足,如缺乏工作经验和沟通技巧"),
        ("plan", "制定学习计划,向老同事请教"),
    ],
    prompt="你是新入职的选调生,谈谈你打算怎样尽快适应岗位。",
)


def test_everything_a_lack_cue_reaches_in_the_point_is_lacking():
    # the point admits a lack of experience; piling it up is not admitting it
    assert grade(SELF, "先在这里干几年积累经验,以后再考虑调动。").point("gap").status != "covered"
    assert grade(SELF, "我清楚自己缺少工作经验。").point("gap").status == "covered"
    assert grade(SELF, "不足:缺经验").point("gap").status == "covered"


def test_a_word_with_que_inside_is_not_a_lack_of_what_follows():
    question = q([("accept", "材料不全时先容缺受理,再一次性告知所缺材料")], prompt="窗口来了材料不全的群众。")
    assert grade(question, "一次性告知所缺材料,能容缺受理的先受理。").point("accept").status == "covered"


RUMOUR = q(
    [
        ("reply", "在评论区及时回应网民的质疑,说明真实情况"),
        ("boss", "自己解决不了时向领导汇报"),
    ],
    prompt="单位公众号发布的一篇文章数据有误,引来不少议论。你是负责人,怎么办?",
)


def test_answering_someones_view_is_the_candidates_own_action():
    # 网友质疑 is what is answered here, not a view the candidate reports
    v = grade(RUMOUR, "在评论区及时回应网友质疑,把真实情况说清楚。").point("reply")
    assert v.status == "covered" and "质疑" in v.matched
    # while reporting the view still is someone else's
    g = grade(RUMOUR, "网友质疑我们不回应,说明我们心虚。")
    assert g.point("reply").status != "covered"



def test_if_that_fails_is_a_condition_not_a_rejection():
    g = grade(RUMOUR, "先自己想办法,实在不行向领导汇报。")
    assert g.point("boss").status == "covered"
    assert grade(RUMOUR, "这种小事不用向领导汇报。").point("boss").status != "covered"


def test_a_doubled_verb_character_must_not_straddle_two_words():
    question = q([("split", "合理分工,把任务落实到人")], prompt="科室要在一周内完成一项调研报告。你怎么安排?")
    # 工工 in 员工|工作 is not the doubled 工 of 分工
    assert grade(question, "科室员工工作量都很大。").point("split").status == "missed"


def test_a_new_word_the_segmenter_does_not_know_is_content_a_fragment_is_not():
    question = q(
        [("tour", "推动古镇与文旅、文创产业融合"), ("ask", "走访商户时要倾听意见")],
        prompt="某古镇游客越来越少,你是镇里的干部,有什么办法?",
    )
    g = grade(question, "把古镇和文旅结合起来,开发文创。")
    assert g.point("tour").status == "covered"
    assert "文旅" in g.point("tour").matched
    # 时要 (时 + 要, two words of grammar) is not a word of the point: never offered on its own
    # (inside the phrase it holds together, 走访商户时要倾听意见, it is the point's own wording)
    missing = grade(question, "").point("ask").missing
    assert not any(m.startswith("时要") or m.endswith("时要") for m in missing), missing


def test_a_negation_inside_a_word_of_the_point_negates_nothing():
    # 无 in 三无 (no licence, no label, no maker) does not make the point about a lack of food
    question = q(
        [("check", "重点查过期和三无食品"), ("fine", "发现问题依法处罚")],
        prompt="你负责检查学校周边的小卖部,怎么查?",
    )
    g = grade(question, "重点查过期食品。")
    assert g.point("check").status == "covered", g.point("check")


def test_a_term_that_holds_a_negation_is_said_whole():
    # 无 of 无理诉求 negates the 诉求 inside it, not the term around it
    question = q(
        [("unreasonable", "正视群众诉求中的无理诉求,依法依规解释", [["无理诉求", "不合理诉求"]]),
         ("fast", "群众诉求快速回应", [["快速回应", "马上办"]])],
        prompt="有的城市对热线诉求一律限时办结。对此你怎么看?",
    )
    assert grade(question, "无理诉求、过度诉求要区分开").point("unreasonable").status == "covered"


def test_a_verb_shortened_before_a_general_noun_still_counts():
    question = q(
        [("collect", "提前收集问题清单"), ("host", "会上把控发言节奏")],
        prompt="领导让你组织一次居民议事会。你怎么组织?",
    )
    # 收问题: 收集 shortened before its object 问题 (a general noun, but the point's own)
    assert grade(question, "会前先收问题").point("collect").status == "covered"
    assert grade(question, "会前先收拾会场").point("collect").status == "missed"


def test_one_item_of_a_point_that_is_a_list_said_plainly_makes_it():
    listing = q(
        [("forms", "宣传形式:发放手册、设咨询台、开讲座、拍短视频"), ("time", "选在赶集日开展")],
        prompt="司法所让你在乡里组织一次普法宣传。你怎么组织?",
    )
    # graders credit a point that lists things for one of them said plainly
    assert grade(listing, "在集市口设咨询台").point("forms").status == "covered"
    assert grade(listing, "设咨询台,开讲座").point("forms").status == "covered"
    assert grade(listing, "赶集那天人多").point("forms").status == "missed"
    clause = q(
        [("plan", "制定演练方案,明确疏散路线、集合点、各组职责"), ("time", "演练后复盘总结")],
        prompt="单位让你组织一次消防疏散演练。你怎么组织?",
    )
    # 制定演练方案 is a clause of its own: saying it fully is making the point
    assert grade(clause, "先制定方案").point("plan").status == "covered"


def test_a_wish_that_people_be_pleased_is_a_slogan_not_a_measure():
    question = q(
        [("parents", "向家长通报检查结果,请家长监督", [["家长"], ["通报", "公开", "监督"]]),
         ("canteen", "检查食堂后厨卫生", [["后厨", "卫生"]])],
        prompt="开学前,教育局让你带队检查学校食堂。你怎么做?",
    )
    slogan = "我会严格把关,让家长放心。"
    assert grade(question, slogan).point("parents").status == "missed"
    assert "套话" in grade(question, slogan).point("parents").reason
    assert grade(question, "检查结果向家长公开,让家长监督。").point("parents").status == "covered"


def test_the_steps_of_a_problem_solving_template_are_headings():
    question = q(
        [("review", "事后总结经验,完善值班制度", [["总结", "复盘"], ["完善", "制度"]]),
         ("fix", "当场解决群众的急事", [["急事", "当场"]])],
        prompt="你值班时,办事大厅的叫号系统出了故障。你怎么办?",
    )
    skeleton = "发现问题→分析原因→解决问题→总结提升"
    assert grade(question, skeleton).point("review").status == "missed"
    assert grade(question, "事后总结提升,完善值班制度").point("review").status == "covered"


def test_a_point_that_starts_with_a_section_label_is_not_made_by_the_label():
    # the tutor wrote the points the way pack-format.md shows (分析原因:…, 提出对策:…); an outline of
    # the same labels is headings only, and the label is never what to add
    question = q(
        [("stance", "表明态度:夜市经济值得支持"),
         ("cause", "分析原因:摊位占道,噪音扰民"),
         ("measures", "提出对策:划定经营区域,限定营业时间,安排专人保洁")],
        prompt="某市放开夜市摆摊,有居民投诉噪音和占道。你怎么看?",
    )
    g = grade(question, "首先,表明态度。其次,分析原因。最后,提出对策。")
    assert g.score == 0
    assert all(m not in ("提出对策", "提出", "对策", "分析原因") for p in g.points for m in p.missing)
    g = grade(question, "对策:划定经营区域,限定营业时间,安排专人保洁。")
    assert g.point("measures").status == "covered"


def test_a_manner_with_nothing_to_apply_it_to_is_a_slogan():
    question = q(
        [("roles", "安排专人负责签到和引导"), ("after", "会后整理意见上报")],
        prompt="领导让你组织一次居民听证会。你怎么组织?",
    )
    assert grade(question, "我会精心组织、周密安排,确保会议开好。").point("roles").status == "missed"
    assert grade(question, "周密安排专人负责签到。").point("roles").status == "covered"


TAX_OFFICE = q(
    [
        ("duty", "认识到办税服务岗位责任重大,要耐心细致、依法办事"),
        ("learn", "系统学习税收政策和业务流程"),
    ],
    prompt="你报考的是市税务局的办税服务岗位。请谈谈你打算怎样做好这份工作。",
)


def test_a_part_of_a_longer_word_that_the_prompt_has_is_a_prompt_word_too():
    # 岗位 of 岗位责任 is the 岗位 the question names; with 办税 and 服务 (also the
    # prompt's) it says nothing of knowing the job's responsibility
    g = grade(TAX_OFFICE, "办税服务岗位我觉得和别的岗位没什么区别,按时上下班就行。")
    assert g.point("duty").status == "missed"
    assert g.point("duty").evidence == ()
    g = grade(TAX_OFFICE, "这个岗位责任重大,我会耐心细致,依法办事。")
    assert g.point("duty").status == "covered"


def test_prompt_words_alone_never_cover_a_point_however_many():
    # every word found is the prompt's: the point is missed, not covered or partial
    g = grade(TAX_OFFICE, "市税务局办税服务岗位,做好这份工作。")
    assert g.point("duty").status == "missed"
    g = grade(TAX_OFFICE, "办税服务岗位责任很重,每一笔都不能出错,要耐心细致。")
    assert g.point("duty").status == "covered"


def test_a_word_whose_synonym_the_prompt_names_is_the_prompts_topic():
    # the question is about 政务公开; 村务公开 of 村务公开栏 is the same topic, and so
    # are its other phrasings (公开出来): saying them does not name the channel point
    question = q(
        [
            ("channel", "用好新媒体和村务公开栏等多种渠道"),
            ("focus", "主动公开补贴、资金等群众关心的信息"),
        ],
        prompt="有人说一些地方的政务公开只公开会议新闻,群众想看的看不到。你怎么看?",
    )
    g = grade(question, "要把群众关心的补贴发放公开出来。")
    assert g.point("channel").status != "covered"
    g = grade(question, "公众号、村口公开栏都要用起来,多渠道发布。")
    assert g.point("channel").status == "covered"


def test_a_promise_made_of_stock_phrases_makes_no_point():
    question = q(
        [("stance", "表明态度,承诺三天内给答复"), ("check", "到现场核实漏水情况")],
        prompt="居民到社区反映楼上漏水,物业不管,情绪激动。你怎么处理?",
    )
    promise = "我会本着对居民高度负责的态度,妥善处理此事,给大家一个满意的交代。"
    assert grade(question, promise).point("stance").status != "covered"
    g = grade(question, "先表明态度:这事社区管到底,三天内给您答复;再去现场核实漏水情况。")
    assert g.point("stance").status == "covered"
    assert g.point("check").status == "covered"
