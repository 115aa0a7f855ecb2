"""How much one piece of an answer proves: an illustration inside a point is not its
core, one phrase is not the sole evidence of every point it brushes. Answers written
for these tests (none from the eval sets)."""
from __future__ import annotations

from studyapp.core.grading import grade

from gradeutil import q


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


PARKING = q(
    [
        ("check", "马上核实出错的内容"),
        ("phone", "统一答复口径,安排专人接听车主来电"),
        ("fix", "发布更正公告,向车主致歉"),
    ],
    prompt="你单位发布的停车收费公告把收费标准写错了,不少车主来电询问。你怎么办?",
)


def test_the_evidence_of_one_point_is_not_also_an_incidental_word_of_another():
    # 核实 makes the checking point; as a loose relative of 答复 it is one incidental
    # word of the phone point, which it must not half-cover as well
    g = grade(PARKING, "第一步,立即核实。")
    assert g.point("check").status == "covered"
    assert g.point("phone").status == "missed"
    assert "另一点" in g.point("phone").reason


def test_a_point_that_drops_a_step_for_shared_words_still_says_what_was_written():
    # 请专家讲 is the lecture of the format point and the experts' teaching: the format
    # point drops to partial, and its hit is still named as the answer wrote it
    question = q(
        [("experts", "邀请专家、专业人员来授课"), ("format", "形式多样:讲座、亲子活动、线上课堂")],
        prompt="街道要办家长课堂,你怎么组织?",
    )
    g = grade(question, "请专家讲课。")
    fmt = g.point("format")
    assert fmt.status == "partial" and "另一点" not in fmt.reason
    assert len(fmt.written) == len(fmt.matched)  # --json pairs them up
    assert fmt.matched_as_written() == ("讲座（请专家讲）",)


def test_the_other_point_made_in_its_own_words_still_counts():
    g = grade(PARKING, "立即核实;安排专人接电话,统一口径。")
    assert g.point("check").status == "covered" and g.point("phone").status == "covered"


def test_a_tutors_keyword_listed_for_two_points_serves_both():
    both = q(
        [
            ("harm", "失信损害政府公信力", [["失信", "公信力"]]),
            ("punish", "对失信行为追责", [["失信", "追责", "问责"]]),
        ],
        prompt="有企业反映地方政府招商承诺不兑现。你怎么看?",
    )
    g = grade(both, "这是失信。")
    assert g.point("harm").status == "covered" and g.point("punish").status == "covered"


COMPLAINT = q(
    [
        ("report", "及时向领导汇报,把情况说清楚"),
        ("explain", "耐心向群众解释政策的依据"),
    ],
    prompt="新的停车收费政策出台后,群众有意见,到单位反映。领导让你处理。你怎么办?",
)


def test_blaming_others_while_using_the_points_words_covers_nothing():
    g = grade(COMPLAINT, "我会向领导说清楚,是群众不理解政策,责任不在我。")
    assert g.point("report").status == "missed"
    assert g.point("explain").status == "missed"
    assert g.point("report").reason.startswith("推卸或敷衍的态度不算答到")


def test_brushing_people_off_covers_nothing():
    g = grade(COMPLAINT, "这种人不用理会,政策就是政策,直接向领导汇报就行。")
    assert g.point("report").status == "missed"


def test_saying_one_must_not_brush_people_off_is_not_brushing_them_off():
    g = grade(COMPLAINT, "不能说群众无理取闹,我会耐心向群众解释政策依据。")
    assert g.point("explain").status == "covered"


def test_taking_on_what_is_not_ones_job_is_not_brushing_it_off():
    # 不是我的事也要…: granted it is not my job, and I do it anyway (the opposite of a brush-off)
    for answer in (
        "不是我的事也要耐心向群众解释政策依据。",
        "就算不是我的事,我也会耐心向群众解释政策依据。",
        "这不光是窗口一个人的事,我会耐心向群众解释政策依据。",
        "这本来不是我的事,但我理解大家,会耐心向群众解释政策依据。",
    ):
        g = grade(COMPLAINT, answer)
        assert g.point("explain").status == "covered", (answer, g.point("explain"))
    # said plainly, it is still a brush-off
    g = grade(COMPLAINT, "不是我的事,让他去找别的部门,政策依据我不解释。")
    assert g.point("explain").status == "missed"


def test_the_same_points_made_without_blame_count():
    g = grade(COMPLAINT, "我会及时向领导汇报,把情况说清楚;再耐心向群众解释政策依据。")
    assert g.point("report").status == "covered" and g.point("explain").status == "covered"


ELDER_SHOP = q(
    [
        ("respect", "尊重李大爷,理解他对老店的感情"),
        ("plan", "一起商量改造方案,保留老店的特色"),
    ],
    prompt="老街改造,开了四十年老店的李大爷不愿搬,说改造会毁了老店。你是街道干部,怎么做?",
)


def test_naming_only_what_the_question_already_names_gives_not_even_partial():
    g = grade(ELDER_SHOP, "李大爷的老店确实有年头了。")
    assert g.point("respect").status == "missed"
    assert g.point("plan").status == "missed"


def test_the_prompts_words_with_a_word_of_the_point_still_count():
    g = grade(ELDER_SHOP, "我会先理解李大爷的感情。")
    assert g.point("respect").status != "missed"
    assert grade(ELDER_SHOP, "和李大爷商量方案。").point("plan").status != "missed"


def test_a_tutors_keyword_the_prompt_says_alone_gives_not_even_partial():
    shop = q(
        [
            ("respect", "称呼得体,体谅大爷的不舍", [["李大爷", "老人家", "您老"], ["体谅", "理解", "不舍"]]),
            ("plan", "一起商量改造方案", [["商量", "征求意见"], ["方案"]]),
        ],
        prompt="老街改造,开了四十年老店的李大爷不愿搬。你是街道干部,怎么做?",
    )
    assert grade(shop, "李大爷这个人比较固执。").point("respect").status == "missed"
    assert grade(shop, "李大爷,我理解您的不舍。").point("respect").status == "covered"


NOTICE = q(
    [
        ("correct", "马上撤回原文,发布更正说明"),
        ("system", "事后完善信息发布的审核制度"),
        ("cause", "根源在于审核把关不严"),
    ],
    prompt="你单位公众号发布的招聘公告把报名截止时间写错了,引发质疑。你怎么处理?",
)


def test_what_a_failure_exposed_is_the_problem_not_the_measure():
    g = grade(NOTICE, "这件事暴露出我们的审核环节形同虚设。")
    assert g.point("system").status == "missed"
    assert g.point("system").reason.startswith("说的是问题本身")
    # a point about the problem itself keeps it
    assert grade(NOTICE, "这件事暴露出我们审核把关不严。").point("cause").status == "covered"
    # and a measure said plainly still counts
    assert grade(NOTICE, "事后要健全审核制度。").point("system").status == "covered"


def test_this_shows_is_not_explaining():
    # ,说明… followed by a statement: 'this shows', not the 更正说明 of the point
    g = grade(NOTICE, "出了这种错,说明我们的工作还不够细。")
    assert g.point("correct").status == "missed"
    # explaining something is still explaining
    assert grade(NOTICE, "撤回原文;说明情况,发布更正。").point("correct").status == "covered"


QUEUE = q(
    [
        ("calm", "安抚排队群众的情绪,维持现场秩序"),
        ("fix", "联系技术人员尽快修复系统"),
    ],
    prompt="你在社保窗口值班,系统突然故障,排队的群众越来越多,有人开始吵闹。你怎么办?",
)


def test_agreeing_with_a_reported_view_is_still_that_view():
    g = grade(QUEUE, "同事说把吵得最凶的人请出去,我觉得这样能尽快维持秩序。")
    assert g.point("calm").status == "missed"


def test_taking_over_with_a_view_of_ones_own_still_counts():
    g = grade(QUEUE, "同事说把吵闹的人请出去,我觉得应该先安抚群众情绪,维持好秩序。")
    assert g.point("calm").status == "covered"


def test_calling_a_measure_a_bad_thing_rejects_it():
    hall = q(
        [("sort", "对诉求分类处理,合理的马上办"), ("share", "推动部门之间数据共享")],
        prompt="热线诉求越来越多,基层疲于应付。你怎么看?",
    )
    g = grade(hall, "我看搞诉求分类就是给推诿找借口,数据共享纯属瞎折腾。")
    assert g.point("sort").status == "missed" and g.point("share").status == "missed"
    # a measure said to be against the bad thing is proposed
    g = grade(hall, "诉求分类处理,就是要杜绝推诿。")
    assert g.point("sort").status == "covered"


def test_words_that_look_like_a_brush_off_but_are_not():
    # answering what people do not understand, 'this is no small matter', getting on with real work
    g = grade(COMPLAINT, "针对群众不理解的地方,耐心解释政策依据。")
    assert g.point("explain").status == "covered"
    g = grade(COMPLAINT, "这不是小事,我会及时向领导汇报,把情况说清楚。")
    assert g.point("report").status == "covered"


def test_judging_a_reported_view_wrong_is_taking_over():
    g = grade(QUEUE, "同事说把吵闹的人请出去,我觉得这样不妥,应该先安抚群众情绪,维持好秩序。")
    assert g.point("calm").status == "covered"


EATERY = q(
    [
        ("explain", "再次登门向店主致歉,解释检查的政策依据"),
        ("improve", "总结经验,今后入户前先电话告知、讲清要求,改进工作方法,接受社会监督"),
    ],
    prompt="你在市场监管所工作,检查一家小餐馆时因态度生硬被店主投诉。你怎么办?",
)


def test_several_words_that_make_one_point_are_not_free_evidence_of_another():
    # 登门 and 解释 make the apology visit; read as 入户 and 讲清 they are all the
    # improvement point found, so that point is only partly made
    g = grade(EATERY, "第二天登门道歉, 解释政策依据.")
    assert g.point("explain").status == "covered"
    assert g.point("improve").status == "partial"
    # said for the improvement itself, they count
    g = grade(EATERY, "第二天登门道歉,解释政策依据。以后入户前先打电话告知,讲清要求,改进方法。")
    assert g.point("improve").status == "covered"


def test_what_to_add_never_names_a_word_the_answer_already_wrote():
    # the words are there but do not count (a bare list, a no): the reason says why, and
    # 可补充 names only what is not written at all
    question = q(
        [("plan", "讲清流转政策,经营权流转、承包权不变", [["经营权"], ["承包权"]]),
         ("gain", "帮他算账:租金加务工收入", [["算账"], ["租金"]]),
         ("share", "推进部门信息共享", [["信息共享"], ["部门"]])],
        prompt="村民不愿流转土地,你怎么做工作?",
    )
    g = grade(question, "共情 经营权 算账 举例 自愿")
    for pid in ("plan", "gain"):
        assert g.point(pid).status == "missed" and "只罗列了词语" in g.point(pid).reason
    assert g.point("plan").missing == ("承包权",)
    assert g.point("gain").missing == ("租金",)
    g = grade(question, "我觉得没必要搞信息共享。")
    assert "否定" in g.point("share").reason and "信息共享" not in g.point("share").missing


def test_the_candidate_takes_over_after_reporting_what_someone_said():
    # answers to a 应急应变 question often open with the complaint: what follows in the
    # candidate's own voice (我不会…而是…, or after 针对…的情况) is their own action
    chat = q(
        [("private", "单独私聊发牢骚的居民,帮他们联系相关部门办成事", [["私聊", "单独联系"], ["联系部门", "协调部门"]])],
        prompt="居民在业主群里抱怨物业不作为,情绪激动。你是社区工作人员,怎么办?",
    )
    for answer in (
        "群里有人说物业不作为,我不会在群里跟他们争论,而是私聊逐一联系,帮他们协调部门解决。",
        "针对群里有人说物业不作为的情况,我私聊逐一联系,帮他们协调部门解决。",
        "有居民说物业不作为,我先私聊了解情况,再帮他们协调部门解决。",
    ):
        g = grade(chat, answer)
        assert g.point("private").status == "covered", answer
        assert "转述" not in g.point("private").reason
    # agreeing with what was said is still that view, and reporting alone is no action
    g = grade(chat, "有人说应该私聊居民、协调部门,我也觉得这样可以。")
    assert g.point("private").status != "covered"


def test_what_was_hit_is_said_with_the_candidates_own_words():
    # the point's word and, where the answer said it otherwise, the words it used
    question = q(
        [("calm", "先稳定他的情绪", [["安抚", "稳定情绪"]]), ("rule", "说明这是按规定办事,不是推诿", [["不是推诿", "按规定"]])],
        prompt="群众来窗口发火,说你们推诿,你怎么办?",
    )
    g = grade(question, "我先稳住情绪，再告诉他是按规定。")
    calm, rule = g.point("calm"), g.point("rule")
    assert calm.matched[0] == "安抚" and calm.written[0] == "稳住情绪"
    assert calm.matched_as_written()[0] == "安抚（稳住情绪）"
    assert rule.matched_as_written() == ("不是推诿（按规定）",)
    assert rule.reason == "答到：不是推诿（按规定）"
    # the same word written: said once
    assert grade(question, "我会安抚他").point("calm").matched_as_written()[0] == "安抚"


def test_what_to_add_never_names_a_word_written_in_another_item_of_the_outline():
    # the verdict rests on the best one or two sentences; a word of the point written in a
    # third item is still written, and is not 'to add'
    question = q(
        [("act", "对策:制定职责清单,清理证明报表,向社区放权赋能",
          [["职责清单", "权责清单"], ["清理证明", "精简报表"], ["放权", "赋能"]])],
        prompt="有人说社区是个筐,什么都往里装。你怎么看?",
    )
    g = grade(question, "对策：一是制定社区职责清单；二是清理不合理的证明；\n\n还有别的。\n\n三是向社区放权赋能。")
    # (清理不合理的证明 says the point's words 清理 and 证明, not its keyword 清理证明)
    assert g.point("act").missing == ("清理证明",)


def test_a_word_of_the_point_itself_is_named_as_written_not_as_its_synonym():
    # 完善 and 改善 are one unit of the point through the thesaurus; the candidate wrote the point's
    # own 完善, and is told so (not 改善（完善）, which reads as a substitution)
    question = q(
        [("measures", "完善扶持政策,改善公共服务"), ("other", "做好宣传引导")],
        prompt="返乡创业青年留不住,你怎么看?",
    )
    verdict = grade(question, "要完善扶持政策。").point("measures")
    assert verdict.status != "missed"
    assert "完善" in verdict.matched and "改善" not in verdict.matched
    assert all("（" not in m for m in verdict.matched_as_written())


def test_a_word_written_once_is_named_once():
    # 人工窗口 written: the point's 人工, 窗口 and 人工窗口 are one name, not four
    question = q([("window", "保留线下人工窗口"), ("other", "开展培训")], prompt="政务服务推行一网通办。你怎么办?")
    verdict = grade(question, "要保留人工窗口。").point("window")
    assert len(verdict.matched) == len(set(verdict.matched))
    assert not any(a != b and a in b for a in verdict.matched for b in verdict.matched)
    assert len(verdict.written) == len(verdict.matched)


def test_a_longer_word_around_a_keyword_is_not_also_a_loose_relative_of_another_part():
    # 维持秩序 says the 秩序 group; the thesaurus only loosely relates it to 其他群众 and 维护,
    # and the candidate is not told they said those
    question = q(
        [("order", "安排同事接待其他群众,维护大厅秩序", [["秩序"], ["其他群众", "同事"]]), ("calm", "安抚情绪")],
        prompt="办事大厅里有位群众大声吵闹。你是值班人员,怎么办?",
    )
    verdict = grade(question, "我会维持秩序。").point("order")
    assert verdict.matched == ("秩序",)
    assert "其他群众" in verdict.missing
    assert grade(question, "我会维持秩序,请同事接待其他群众。").point("order").status == "covered"


def test_what_to_add_is_whole_phrases_of_the_point_not_fragments():
    question = q(
        [("friendly", "对线上平台进行适老化改造,推出大字版和语音播报"),
         ("teach", "开设智能手机培训课,手把手教老年人使用")],
        prompt="政务服务推行一网通办,不少老年人不会用手机。你怎么办?",
    )
    g = grade(question, "我会好好干。")
    friendly, teach = g.point("friendly").missing, g.point("teach").missing
    assert "推出大字版和语音播报" in friendly  # across the little 和
    assert not any(m.startswith("老化") for m in friendly)  # 适 of 适老化 is not cut off
    assert any("适老化改造" in m for m in friendly)
    assert "手把手教老年人使用" in teach  # across the one-character verb 教
    assert not any(len(m) <= 2 for m in friendly + teach), (friendly, teach)


def test_what_to_add_keeps_characters_the_segmenter_split_off_but_not_the_questions_names():
    question = q(
        [("colleague", "与小李坦诚沟通,不指责,一起整改"),
         ("risk", "野生动物可能携带病菌,伤到孩子"),
         ("keep", "活动后建立家长学校,常态化开展服务")],
        prompt="同事小李经手的事项超时,领导批评了你;邻居家孩子捡回一只猫头鹰;街道要办家长课堂。",
    )
    g = grade(question, "我会好好干。")
    assert "坦诚沟通" in g.point("colleague").missing  # not 李坦诚沟通: 小李 is the question's
    assert "伤到孩子" in g.point("risk").missing  # not 到孩子
    assert any(m.startswith("常态化") for m in g.point("keep").missing), g.point("keep").missing  # not 常态


def test_feedback_names_what_the_candidate_wrote_and_not_the_questions_people():
    question = q(
        [("calm", "上前安抚张大爷,请他坐下倒杯水", [["安抚", "安抚情绪"], ["倒杯水", "倒水"]]),
         ("policy", "讲清新规定", [["讲清", "解释"]])],
        prompt="张大爷来社区开证明被拒,在大厅里发火,说要投诉。你怎么办?",
    )
    # 安抚情绪 fills the 安抚 group; the thesaurus's loose 安抚 ~ 倒杯水 does not make it 倒水 too
    calm = grade(question, "一、先安抚情绪。").point("calm")
    assert "倒杯水" not in calm.matched and not any("倒" in m for m in calm.matched_as_written())
    # the question's 张大爷 beside the point's own words is not named as a hit
    calm = grade(question, "先安抚大爷,给他倒杯水。").point("calm")
    assert calm.status == "covered" and "大爷" not in calm.matched and "张大爷" not in calm.matched


def test_the_frame_of_an_analysis_and_a_promised_manner_are_stock_phrases():
    question = q(
        [("harm", "网售处方药可能危害用药安全", [["危害", "用药安全"]]),
         ("greet", "热情接待:请坐倒水、安抚情绪", [["热情接待", "请坐", "倒水"]])],
        prompt="有的平台先卖药后补处方;有群众走错部门来办事。你怎么看,怎么办?",
    )
    g = grade(question, "要辩证看待,既要看到积极的一面,也要看到消极的一面。我会热情周到地做好接待服务工作。")
    assert g.point("harm").status == "missed" and g.point("greet").status == "missed", g
    g = grade(question, "这样卖药危害用药安全。群众来了先请坐、倒杯水。")
    assert g.point("harm").status == "covered" and g.point("greet").status == "covered"


def test_what_to_add_after_a_no_or_a_word_said_is_the_whole_phrase():
    question = q(
        [("stop", "劝阻游客翻越护栏"), ("harm", "危害：群众来回跑腿"),
         ("cause", "分析原因：考核过多过滥"), ("admit", "承认这项工作枯燥单调"),
         ("reflect", "反思自己的不足，如解释不够耐心")],
        prompt="景区山体落石,有游客要翻护栏拍照;窗口工作枯燥,群众抱怨。你怎么办?",
    )
    # the candidate waved the step away: what to add is the step, not its other words
    stop = grade(question, "没必要劝阻。").point("stop")
    assert stop.status == "missed" and stop.missing == ("劝阻游客翻越护栏",), stop.missing
    # a word said stays in its phrase: 群众来回跑腿, not 群众来回
    assert grade(question, "危害-跑腿").point("harm").missing == ("群众来回跑腿",)
    g = grade(question, "我会好好干。")
    assert g.point("cause").missing == ("考核过多过滥",)  # not the fragment 过多过
    assert g.point("admit").missing == ("承认这项工作枯燥单调",)  # no overlapping pieces
    assert g.point("reflect").missing == ("反思自己的不足",)  # the illustration is not a thing to add


def test_a_word_reached_only_through_the_questions_own_word_is_not_named_as_a_hit():
    # 商户 is the question's word; it is a loose relative of the point's 超市: beside 协调 and
    # 抢修 it is not named as if the candidate had said 超市
    question = q([("save", "协调附近超市冰柜临时转存冻品,联系供电部门抢修"), ("calm", "安抚商户情绪")],
                 prompt="菜市场冷库断电,几十户商户的冻品开始化冻,商户聚集在办公室门口。你怎么办?")
    verdict = grade(question, "我会协调各方,联系供电部门抢修,维护商户的权益。").point("save")
    assert verdict.status == "covered"
    assert not any("商户" in w for w in verdict.matched_as_written()), verdict.matched_as_written()


def test_what_to_add_for_a_keyword_the_point_negates_carries_the_no():
    # [辩解] on 不急于辩解: after 当面辩解清楚 the candidate is told 不急于辩解, not 辩解
    question = q([("calm", "不急于辩解", [["辩解"]]), ("help", "帮困难居民想办法解决看病问题"),
                  ("state", "不轻易表态", [["不轻易表态"]])],
                 prompt="同事在背后议论你。你怎么办?")
    g = grade(question, "我会找他当面辩解清楚。")
    assert g.point("calm").status == "missed" and g.point("calm").missing == ("不急于辩解",)
    assert grade(question, "我会好好干。").point("help").missing == ("帮困难居民想办法解决看病问题",)
    # the no on how reaches the doing in a keyword too: 不表态 makes 不轻易表态
    assert grade(question, "不表态。").point("state").status == "covered"
