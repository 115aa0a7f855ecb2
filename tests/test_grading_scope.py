"""What a negation reaches (session 4 of issue 3).

Each test is a candidate's answer as written, and the verdict a human grader gives it."""
from gradeutil import q

from studyapp.core.grading import grade


def status(g, pid: str) -> str:
    return g.point(pid).status


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


def test_a_measure_called_an_empty_shell_is_not_proposed():
    question = q([("plan", "立即启动应急预案,向上级报告")], prompt="景区突降暴雨,游客被困,你怎么办?")
    g = grade(question, "这说明景区管理有漏洞,应急预案形同虚设。")
    assert g.point("plan").status != "covered"
    g = grade(question, "先启动应急预案,同时向上级报告。")
    assert g.point("plan").status == "covered"


def test_put_outside_what_one_will_consider_is_rejected():
    question = q([("sell", "对接电商平台,打开竹编产品销路")], prompt="竹编工坊招不到徒弟,你怎么办?")
    g = grade(question, "这次的任务是招人,电商销路不在考虑范围内。")
    assert g.point("sell").status == "missed"


def test_i_think_this_shows_is_no_explanation_given():
    # 说明 as "shows", after 我认为 too: nothing is explained to anyone
    question = q([("tell", "向群众说明情况")], prompt="群众对停水有意见,你怎么办?")
    g = grade(question, "我认为这说明供水管理还存在漏洞。")
    assert g.point("tell").status == "missed"
    g = grade(question, "我会向群众说明停水的原因。")
    assert g.point("tell").status == "covered"


def test_what_a_point_calls_not_enough_does_not_make_it():
    # 而不只是图稳定: stability alone is what the point says is not enough
    question = q([("why", "表达服务群众的真实动机,而不只是图稳定")], prompt="你为什么报考公务员?")
    g = grade(question, "公务员工作稳定,离家也近。")
    assert g.point("why").status == "missed"
    assert "不只是图稳定" in g.point("why").missing  # named with its negation, not as 稳定
    g = grade(question, "我想为群众办实事,这是我报考的真实动机。")
    assert g.point("why").status == "covered"


def test_a_negated_word_missing_from_an_answer_is_named_with_its_negation():
    question = q([("calm", "保持冷静,不跟群众赌气顶撞")], prompt="群众来窗口发火,你怎么办?")
    g = grade(question, "先把问题记下来。")
    assert any(m.startswith("不跟") for m in g.point("calm").missing), g.point("calm").missing


def test_leaving_it_to_others_and_that_is_all_is_a_brush_off():
    question = q(
        [("rescue", "组织救援力量,引导游客到安全地带避雨"), ("stop", "暂停售票,劝导游客暂缓进入")],
        prompt="景区突降暴雨,部分游客被困山上,你是值班负责人,怎么办?",
    )
    g = grade(question, "景区没必要停止售票,游客自己注意安全就行,等雨停了自然就下山了。")
    assert g.point("rescue").status == "missed"
    assert g.point("stop").status == "missed"
    # the candidate's own 自己 is no brush-off, nor is a measure with more to it
    g = grade(question, "我自己带队上山,把被困游客引导到安全地带避雨。")
    assert g.point("rescue").status == "covered"


def test_their_own_business_is_a_brush_off_after_their_too():
    # 他们自己散了就行: 们 before 自己 is not the candidate's 我们
    question = q([("explain", "耐心解释限流是为了游客安全")], prompt="景区门口游客不满聚集,你怎么办?")
    g = grade(question, "景区已经按规定限流了,让他们自己散了就行。")
    assert g.point("explain").status == "missed"


def test_the_bare_minimum_after_refusing_the_rest_is_no_plan():
    # 不用…也不用…, 直接…就行: the one thing left is offered instead of the measures
    question = q(
        [("forms", "采用讲座、情景剧、发放读本等多种宣传形式")],
        prompt="单位让你组织一次普法下乡活动,你怎么组织?",
    )
    g = grade(question, "没必要搞什么调研,也不用请律师,直接发几份读本就行。")
    assert g.point("forms").status == "missed"
    g = grade(question, "宣传形式要多样:开讲座、演情景剧、发放通俗读本。")
    assert g.point("forms").status == "covered"


def test_what_experts_or_many_people_say_is_their_view_not_the_candidates():
    question = q([("good", "直播带货能拓宽农产品销路,帮助农民增收")], prompt="有干部直播带货卖农产品,你怎么看?")
    for answer in (
        "有专家认为直播带货能拓宽农产品销路,帮助农民增收。但我觉得这种说法太理想化了。",
        "很多人说直播带货能帮农民增收,我看未必。",
    ):
        assert grade(question, answer).point("good").status != "covered", answer
    g = grade(question, "我认为直播带货能拓宽农产品销路,帮助农民增收。")
    assert g.point("good").status == "covered"


def test_the_lack_a_point_names_stays_said_when_its_negation_reaches_on():
    # 无 negates 统筹 (what the point says is lacking) and reaches on to 跟风; the
    # reach must not void the lack that the candidate did name
    question = q(
        [("cause", "根源在于缺乏统筹,各乡镇跟风上项目", [["统筹", "跟风", "一窝蜂"]])],
        prompt="多个乡镇同时上马同类产业项目,结果滞销,你怎么看?",
    )
    for answer in ("因:无统筹跟风上", "原因:无统筹,跟风上"):
        assert grade(question, answer).point("cause").status == "covered", answer
    # a plain 统筹 is still not the lack
    g = grade(question, "要加强统筹。")
    assert g.point("cause").status != "covered"


def test_saying_a_measure_is_of_no_use_rejects_it():
    question = q(
        [("rules", "把门前三包写进村规民约"), ("promo", "用大喇叭宣传垃圾分类")],
        prompt="村里垃圾乱倒,你怎么治理?",
    )
    g = grade(question, "村规民约也管不了什么事;大喇叭宣传也没什么用,罚款最管用。")
    assert g.point("rules").status == "missed"
    assert g.point("promo").status == "missed"
    g = grade(question, "把门前三包写进村规民约;用大喇叭天天宣传垃圾分类。")
    assert g.point("rules").status == "covered"
    assert g.point("promo").status == "covered"


def test_a_no_that_closes_the_sentence_rejects_all_of_it():
    question = q([("shift", "推行弹性上下班")], prompt="单位想缓解早高峰,你怎么看?")
    g = grade(question, "弹性上下班会打乱单位作息,办事群众也找不到人,我不赞成。")
    assert g.point("shift").status == "missed"
    # the reason quotes the rejection with the no that makes it one
    assert g.point("shift").reason == "否定的说法不算答到：「弹性上下班会打乱单位作息,办事群众也找不到人,我不赞成」"
    g = grade(question, "弹性上下班能错开早高峰,我赞成推行。")
    assert g.point("shift").status == "covered"


def test_not_for_a_cause_in_a_point_negates_the_action_not_the_cause():
    # 不因被投诉而放松检查: the point is about not relaxing; 被投诉 is only the occasion
    question = q([("firm", "坚持原则,不因被投诉而放松检查")], prompt="商户投诉你检查太严,你怎么办?")
    g = grade(question, "既然被投诉了,那就放松检查,别得罪人。")
    assert g.point("firm").status != "covered"
    g = grade(question, "不能因为被投诉就放松检查,该查的照样查。")
    assert g.point("firm").status == "covered"


def test_keeping_people_from_what_a_point_would_stop_makes_it():
    # the tutor's keyword 翻护栏 is what the point would stop (劝阻…翻护栏): a no to it is the point
    question = q(
        [("stop", "劝阻游客翻护栏等危险行为", [["劝阻", "制止", "翻护栏"]])],
        prompt="景区悬崖边人多,你是现场工作人员,怎么办?",
    )
    for answer in ("拿喇叭喊话:请不要翻护栏!", "告诉大家不能翻护栏。"):
        assert grade(question, answer).point("stop").status == "covered", answer
    for answer in ("没必要劝阻大家翻护栏,出了事自己负责。", "不用制止他们翻护栏。"):
        assert grade(question, answer).point("stop").status == "missed", answer


def test_what_a_point_says_is_harmed_is_said_by_its_negation():
    # 破坏公平 in the point: 很不公平 in the answer names that harm
    question = q(
        [("harm", "插队抢号破坏公平", [["公平", "秩序"]])],
        prompt="医院挂号处有人插队抢号,你怎么看?",
    )
    g = grade(question, "插队抢号让老老实实排队的人吃亏,很不公平。")
    assert g.point("harm").status == "covered"
    g = grade(question, "没必要管什么公平不公平。")
    assert g.point("harm").status != "covered"


def test_the_points_own_no_said_again_makes_the_point():
    question = q([
        ("issue", "讲清按指导意见这类证明不应由社区出具"),
        ("other", "主动联系开证明的部门"),
    ], prompt="居民来社区开证明被拒后很生气,你怎么办?")
    # the same no as the point's (a stance), about the same thing
    assert status(grade(question, "这类证明不该由社区出具。"), "issue") == "covered"
    # 不由 says it as 不应由 does, and keeps the words before it (按指导意见)
    g = grade(question, "按指导意见这类证明不由社区出具。")
    assert status(g, "issue") == "covered" and "指导" in "".join(g.point("issue").matched)
    # (不由得, 不由自主 are no no at all)
    assert status(grade(question, "这类证明我不由得想由社区出具。"), "issue") != "covered"
    assert status(grade(question, "我不同意由社区出具这类证明。"), "issue") != "missed"
    # the opposite: the community should issue it
    assert status(grade(question, "这类证明要由社区出具。"), "issue") == "missed"


def test_a_word_inside_the_points_no_may_be_said_with_it_or_without():
    question = q([("free", "告知老人激活和办卡都不收任何费用"), ("other", "现场帮老人设置密码")],
                 prompt="老人不会激活社保卡,担心被收费,你怎么跟他说?")
    assert status(grade(question, "激活不收任何费用。"), "free") == "covered"
    assert status(grade(question, "告诉老人办卡激活都不收费。"), "free") == "covered"


def test_a_no_the_point_says_of_a_state_is_not_a_refusal():
    """没有讲清 (owning up to a fault) is not made by 没必要解释 (refusing to explain)."""
    question = q([("reflect", "反思自己汇报时没有讲清分工"), ("other", "主动找同事沟通")],
                 prompt="领导表扬了同事,同事却说功劳是你抢的,你怎么办?")
    assert status(grade(question, "我反思了一下,汇报时确实没有讲清分工。"), "reflect") == "covered"
    assert status(grade(question, "没必要跟他解释,时间长了他自然明白。"), "reflect") == "missed"


def test_what_follows_but_instead_is_not_negated():
    question = q([("stance", "说明社区不是推诿而是按规定办事", [["按规定", "依规", "依法依规"]])])
    assert status(grade(question, "社区不是推诿,而是按规定办事。"), "stance") == "covered"
    assert status(grade(question, "社区不是推诿而是按规定办事。"), "stance") == "covered"
    assert status(grade(question, "社区没有按规定办事。"), "stance") == "missed"


def test_a_no_that_states_a_condition_leaves_the_step_after_it():
    question = q([("force", "劝说无效时依法采取强制转移措施", [["强制转移", "强制"]])],
                 prompt="台风将至,一位独居老人不肯离开危房,你怎么办?")
    assert status(grade(question, "劝说无效时依法强制转移。"), "force") == "covered"
    assert status(grade(question, "实在劝不动就强制转移。"), "force") == "covered"
    assert status(grade(question, "不能强制转移,只能继续劝。"), "force") == "missed"


def test_a_no_right_before_a_word_inside_the_points_no_still_denies_it():
    question = q([("stop", "提醒他劝群众不评价违反规定", [["违反规定", "违规"]])],
                 prompt="同事为了好评率,劝群众办完事别评价,你怎么办?")
    assert status(grade(question, "提醒他:劝群众不评价违反规定。"), "stop") == "covered"
    assert status(grade(question, "劝群众不评价也不违反规定。"), "stop") == "missed"


def test_a_bare_no_stops_before_a_phrase_that_starts_after_what_it_negates():
    question = q([("leader", "沟通无果时如实向领导汇报"), ("other", "私下与老同事沟通")],
                 prompt="你发现老同事检查时放过了安全隐患,你怎么办?")
    # 不成 is what is negated; 向领导汇报 is the step taken
    assert status(grade(question, "沟通不成向领导汇报。"), "leader") == "covered"
    # a no right before the phrase still negates it, and 同事 is no preposition
    assert status(grade(question, "我不向领导汇报。"), "leader") == "missed"
    helper = q([("help", "必要时请同事协助,分担部分工作"), ("other", "向科长说明困难")],
               prompt="两项急活同时压到你身上,你怎么办?")
    assert status(grade(helper, "也不找同事帮忙,自己熬夜干完。"), "help") == "missed"


def test_a_no_inside_one_outline_item_leaves_the_next_item_alone():
    # items of a quick outline set apart by a space or 、: the 不 of 权责不清 and of 不插话
    # belongs to its own item (one space, two spaces and a comma all read the same)
    question = q(
        [("cause", "原因:权责边界不清,任务层层下压", [["权责不清", "边界不清"], ["层层下压", "往下压"]]),
         ("calm", "先耐心倾听,安抚情绪", [["倾听", "听他说"], ["安抚", "稳住情绪"]])],
        prompt="社区反映上级任务太多、考核太频繁。你怎么看?",
    )
    for sep in (" ", "  ", "、", ","):
        g = grade(question, f"权责不清{sep}层层下压")
        assert status(g, "cause") == "covered", sep
        assert g.point("cause").matched == ("权责不清", "层层下压"), sep
        g = grade(question, f"不插话{sep}倾听{sep}安抚")
        assert status(g, "calm") == "covered" and "倾听" in g.point("calm").matched, sep
    # each item's own no still counts
    assert status(grade(question, "不插话 不倾听 不安抚"), "calm") == "missed"


def test_a_denial_or_a_verdict_reaches_every_item_of_a_space_separated_list():
    question = q(
        [("show", "防止走过场"), ("load", "防止层层加码")],
        prompt="推行网格化管理,你怎么看?",
    )
    g = grade(question, "网格化没什么问题,不存在什么走过场 层层加码的情况。")
    assert status(g, "show") == "missed" and status(g, "load") == "missed"
    question = q(
        [("peak", "推行错峰上下学"), ("walk", "倡导步行上学")],
        prompt="学校门口上下学时段经常拥堵,你会怎么治理?",
    )
    g = grade(question, "什么错峰上下学 步行上学都是花架子,家长不会听的。")
    assert status(g, "peak") == "missed" and status(g, "walk") == "missed"


def test_a_word_the_point_negates_said_plainly_is_explained_with_the_points_own_words():
    # the point is about what does NOT follow the rules; 规定 said plainly is not the opposite
    # of it, only not it: the reason quotes the point's no
    question = q([("stakes", "说明随意开证明不符合规定,群众的事反而办不成"), ("other", "主动联系相关部门")],
                 prompt="同事热心,居民要什么证明都给开。你怎么劝他?")
    g = grade(question, "我会讲清上级的规定。")
    assert g.point("stakes").status == "missed"
    assert g.point("stakes").reason == "要点说的是「不符合规定」，这里不是这个意思：「我会讲清上级的规定」"


PET_OWL = q(
    [
        ("law", "讲清猫头鹰是国家保护动物,私自饲养属于违法", [["违法", "保护动物"]]),
        ("burden", "指出社区负担过重、事务繁杂", [["负担过重", "负担重", "事务繁杂"]]),
        ("power", "向社区放权赋能", [["放权", "赋能"]]),
    ],
    prompt="村民老王在地里捡到一只受伤的猫头鹰,想带回家给孙子养。社区干部说这些事太多管不过来。你怎么看,怎么办?",
)


def test_saying_a_bad_thing_is_not_so_is_not_pointing_it_out():
    for answer in ("这不算违法。", "你想养就养吧,不算违法。"):
        assert status(grade(PET_OWL, answer), "law") == "missed", answer
    assert status(grade(PET_OWL, "私自饲养属于违法。"), "law") == "covered"
    for answer in ("社区负担不重。", "社区负担并不重,谈不上事务繁杂。"):
        assert status(grade(PET_OWL, answer), "burden") == "missed", answer
    assert status(grade(PET_OWL, "社区负担重,事务繁杂。"), "burden") == "covered"


def test_a_clause_that_says_a_measure_does_no_good_rejects_it():
    for answer in ("放权也就是喊喊口号,起不了作用。", "向社区放权只会乱套。"):
        assert status(grade(PET_OWL, answer), "power") == "missed", answer
    assert status(grade(PET_OWL, "向社区放权,让它办得了事。"), "power") == "covered"


def test_the_points_own_no_said_over_a_word_of_the_question_does_not_void_the_clause():
    # the point says 20项证明不应由社区出具; 讲清20项证明不用社区开 says the same no
    question = q(
        [("policy", "讲清六部门已明确20项证明不应由社区出具", [["六部门", "20项"], ["讲清", "解释"]])],
        prompt="张大爷来社区开证明被拒,在大厅发火。你怎么办?",
    )
    assert status(grade(question, "讲清20项证明不用社区开。"), "policy") == "covered"
    # a no that rejects the point's own words still does
    assert status(grade(question, "没必要讲清20项,让他自己去问。"), "policy") == "missed"
