"""The built-in thesaurus data file (studyapp/core/data/thesaurus.yaml).

These tests check the file itself, as a tutor editing it would break it: the
YAML shape, terms the grader can never match (single characters, traditional
characters, punctuation), groups that say nothing (duplicates, one term), and
groups that contradict each other (one term in two synonyms groups, a pair
listed as both exact synonyms and loose relatives). The grader's behaviour
with these groups is tested with the grader.
"""
from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest
import yaml

import studyapp

DATA = Path(studyapp.__file__).parent / "core" / "data" / "thesaurus.yaml"

# words that carry no meaning of their own: a group containing one would make
# every answer match
STOPWORDS = {
    "我们", "你们", "他们", "自己", "大家", "进行", "开展", "工作", "问题", "方面", "情况", "加强",
    "做好", "相关", "有关", "一个", "一些", "这个", "那个", "可以", "能够", "应该", "需要", "通过",
    "以及", "并且", "或者", "因为", "所以", "但是", "然后", "首先", "其次", "最后", "同时", "另外",
    "此外", "一方面", "另一方面", "什么", "怎么", "如何", "为了", "对于", "关于", "没有", "不是",
    "就是", "还是", "已经", "非常", "比较", "重要", "主要", "积极", "认真", "及时", "全面", "有效",
    "内容", "方式", "方法", "措施", "活动", "领导", "同事", "单位", "部门", "政府", "社会", "发展",
}

TERM_RE = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z]+$")


def _load():
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def data():
    return _load()


@pytest.fixture(scope="module")
def synonyms(data):
    return data["synonyms"]


@pytest.fixture(scope="module")
def related(data):
    return data["related"]


@pytest.fixture(scope="module")
def kinds(data):
    return data["kinds"]


def test_file_has_exactly_the_five_sections(data):
    assert isinstance(data, dict)
    assert set(data) == {"synonyms", "related", "kinds", "english", "spoken"}
    assert all(isinstance(data[k], list) for k in data)


def test_english_groups_are_a_chinese_term_then_lower_case_english_words(data):
    bad, seen = [], {}
    for group in data["english"]:
        head, *words = group
        if not (re.fullmatch(r"[\u4e00-\u9fff]{2,8}", head) and head not in STOPWORDS and words):
            bad.append(group)
        for w in words:
            if not re.fullmatch(r"[a-z]{2,}", w) or w in seen:
                bad.append((group, w, seen.get(w)))
            seen[w] = head
    assert not bad


def test_spoken_groups_are_a_term_then_new_chinese_phrasings(data, synonyms):
    """A spoken phrasing joins its term's group: it must be a matchable Chinese phrase that
    no synonyms group (nor another spoken group) already holds."""
    opencc = pytest.importorskip("opencc")
    conv = opencc.OpenCC("t2s")
    in_groups = {t for g in synonyms for t in g}
    bad, seen = [], {}
    for group in data["spoken"]:
        head, *words = group
        if not (re.fullmatch(r"[\u4e00-\u9fff]{2,8}", head) and head not in STOPWORDS and words):
            bad.append(group)
        for w in words:
            if not (isinstance(w, str) and re.fullmatch(r"[\u4e00-\u9fff0-9]{2,8}", w)) or w in STOPWORDS \
                    or w in in_groups or w in seen or conv.convert(w) != w:
                bad.append((group, w, seen.get(w)))
            seen[w] = head
    assert not bad


def test_size_is_a_real_vocabulary(synonyms, related):
    assert len(synonyms) >= 250
    assert len(related) >= 30


@pytest.mark.parametrize("section", ["synonyms", "related", "kinds"])
def test_every_group_is_two_or_more_distinct_terms(data, section):
    for i, group in enumerate(data[section]):
        where = f"{section}[{i}] {group!r}"
        assert isinstance(group, list), where
        assert len(group) >= 2, where
        assert all(isinstance(t, str) for t in group), where  # YAML did not turn one into a number/bool
        assert len(set(group)) == len(group), f"term repeated in {where}"


@pytest.mark.parametrize("section", ["synonyms", "related", "kinds"])
def test_terms_are_matchable_words(data, section):
    for group in data[section]:
        for t in group:
            assert t == t.strip() and t, f"empty or padded term in {group}"
            assert TERM_RE.match(t), f"{t!r} has spaces or punctuation (in {group})"
            assert len(t) >= 2, f"single character {t!r} matches inside unrelated words (in {group})"
            assert len(t) <= 12, f"{t!r} is a sentence, not a term (in {group})"
            assert any("\u4e00" <= c <= "\u9fff" for c in t), f"{t!r} has no Chinese (in {group})"
            assert t not in STOPWORDS, f"stopword {t!r} in {group}"


@pytest.mark.parametrize("section", ["synonyms", "related", "kinds"])
def test_terms_are_simplified_chinese(data, section):
    opencc = pytest.importorskip("opencc")
    conv = opencc.OpenCC("t2s")
    for group in data[section]:
        for t in group:
            assert conv.convert(t) == t, f"{t!r} is not simplified: the folded answer never contains it"


def test_a_term_belongs_to_one_synonyms_group(synonyms):
    seen: dict[str, int] = {}
    clashes = []
    for i, group in enumerate(synonyms):
        for t in group:
            if t in seen:
                clashes.append(f"{t!r} in {synonyms[seen[t]]} and {group}")
            seen[t] = i
    assert not clashes, "\n".join(clashes)


def test_no_group_is_a_copy_or_part_of_another(synonyms, related):
    for section, groups in (("synonyms", synonyms), ("related", related)):
        sets = [frozenset(g) for g in groups]
        for a, b in combinations(range(len(sets)), 2):
            assert not (sets[a] <= sets[b] or sets[b] <= sets[a]), (
                f"{section}: {groups[a]} and {groups[b]} overlap entirely"
            )


def test_synonym_groups_stay_narrow(synonyms):
    # the prototype's lesson: broad groups raise false hits
    for group in synonyms:
        assert len(group) <= 18, f"{group[0]}: {len(group)} terms is a topic, not a synonym group"


def test_related_never_repeats_an_exact_synonym_pair(synonyms, related):
    group_of = {t: i for i, g in enumerate(synonyms) for t in g}
    for group in related:
        for a, b in combinations(group, 2):
            ga, gb = group_of.get(a), group_of.get(b)
            assert ga is None or ga != gb, (
                f"related {group}: {a!r} and {b!r} are already exact synonyms in {synonyms[ga]}"
            )


def test_related_links_known_vocabulary(data, synonyms, related, kinds):
    # a related group links terms a grader knows: some term of it has exact synonyms,
    # kinds or spoken phrasings, or it is a pair of terms split out of an exact group
    # (新就业形态 / 新业态)
    known = {t for g in list(synonyms) + list(kinds) + list(data["spoken"]) for t in g}
    for group in related:
        assert any(t in known for t in group) or len(group) == 2, f"related {group} links no known term"


def test_a_kind_is_not_an_exact_synonym_of_its_general_term(synonyms, kinds):
    """A kind that were also an exact synonym would make the general term say it fully."""
    for group in kinds:
        head, narrower = group[0], group[1:]
        same = _group_with(synonyms, head)
        assert not same & set(narrower), f"kinds {group}: {same & set(narrower)} also exact synonyms of {head!r}"


def test_a_general_term_is_known_vocabulary(synonyms, kinds):
    known = {t for g in synonyms for t in g}
    for group in kinds:
        assert group[0] in known, f"kinds {group}: the general term {group[0]!r} is in no synonyms group"


def _group_with(synonyms, term):
    return next((set(g) for g in synonyms if term in g), set())


@pytest.mark.parametrize(
    "term, paraphrase",
    [
        ("减负", "松绑"),  # 给社区松绑
        ("放权", "权往基层放"),
        ("信息共享", "数据打通"),
        ("稳定情绪", "稳情绪"),
        ("调研", "摸底"),
        ("列清单", "拉清单"),
        ("走访", "入户"),
        ("汇报", "请示"),
        ("长效机制", "常态化"),
        ("问责", "追责"),
        ("明察暗访", "暗访"),
        ("复盘", "总结"),
        ("换位思考", "将心比心"),
        ("道歉", "赔礼道歉"),
    ],
)
def test_paraphrases_candidates_write_are_exact_synonyms(synonyms, term, paraphrase):
    assert paraphrase in _group_with(synonyms, term)


@pytest.mark.parametrize(
    "a, b",
    [
        ("监督", "监管"),  # overseeing officials is not regulating a market
        ("调研", "核实"),  # researching a topic is not checking a complaint
        ("宣传", "普法"),  # a kind of publicity, not any publicity
        ("减负", "增加负担"),
        ("信息共享", "信息孤岛"),  # the cure and the disease
        ("沟通", "汇报"),
        ("便民", "为民服务"),
        ("初心", "初衷"),
        ("坐班", "轮流值班"),
    ],
)
def test_neighbouring_concepts_are_kept_apart(synonyms, a, b):
    assert b not in _group_with(synonyms, a)


def test_the_app_loads_the_file_into_its_thesaurus():
    from studyapp.core.thesaurus import builtin_thesaurus

    th = builtin_thesaurus()
    raw = _load()
    assert len(th.synonyms) == len(raw["synonyms"])
    assert len(th.related) == len(raw["related"])
    assert len(th.kinds) == len(raw["kinds"])


@pytest.mark.parametrize(
    "a, b",
    [
        ("调研", "问卷"),  # purpose of a survey vs its methods: separate key points
        ("方案", "预案"),  # plan the drill vs revise the contingency plan afterwards
        ("劝说", "子女"),  # persuade the old man vs call his family
        ("疏散", "安置点"),
        ("数字鸿沟", "适老化"),  # the problem vs one of its remedies
        ("道歉", "补救"),
        ("原因", "对策"),
        ("形式主义", "痕迹主义"),  # the harm vs its cause in a 综合分析 answer
    ],
)
def test_neighbouring_steps_are_not_even_related(synonyms, related, a, b):
    # weak evidence between two steps of one task credits one key point for another
    for group in list(synonyms) + list(related):
        assert not (a in group and b in group), f"{a} and {b} linked by {group}"


# ------------------------------------------------------------ spoken forms
# What candidates say out loud in a structured interview, for the word a key
# point is written in. Each pair is one a strict examiner accepts.


@pytest.mark.parametrize(
    "term, spoken",
    [
        ("走访", "上门看看"),
        ("调研", "摸个底"),
        ("掌握情况", "心里有数"),
        ("信息共享", "数据连起来"),
        ("跑腿", "来回奔波"),
        ("沟通", "唠唠"),
        ("帮助", "搭把手"),
        ("汇报", "跟领导说"),
        ("冷静", "沉住气"),
        ("倾听", "把话说完"),
        ("甩锅", "推来推去"),
        ("原因", "问题出在"),
        ("辩证看待", "正反两方面"),
        ("对接进度", "碰个头"),
        ("成立小组", "搭班子"),
        ("明确分工", "落实到人"),
        ("对策", "破解之道"),
        ("赶赴现场", "赶到现场"),
        ("吸取教训", "长记性"),
        ("简化流程", "减环节"),
        ("以身作则", "做表率"),
        ("台账", "建台账"),
        ("调整心态", "想得开"),
        ("答复", "给个说法"),
    ],
)
def test_spoken_forms_are_exact_synonyms(synonyms, term, spoken):
    assert spoken in _group_with(synonyms, term)


@pytest.mark.parametrize(
    "ordinary, group",
    [
        # matching is by substring: a term must not hide inside everyday phrases
        ("长江水位超过警戒线", "保护现场"),
        ("绿化隔离带", "保护现场"),
        ("设立法律顾问", "完善立法"),
        ("建立法治思维", "完善立法"),
        ("保障道路畅通", "畅通渠道"),
        ("不能孤立地看问题", "排挤"),
        ("这件事情特别急", "安抚"),
        ("给年轻人的机会太多", "文山会海"),
        ("搭建群众参与的平台", "微信群"),
        ("群众找上门来反映问题", "走访"),
        ("开展心理疏导", "维持秩序"),
        ("立即改变工作方式", "整改"),
        ("调查实际情况", "核实"),
        ("调查证明材料的来源", "核实"),
        ("拿手机扫码办理", "优势"),
        ("加强项目管理", "优势"),
        ("延长项目工期", "优势"),
        ("缩短处理时间", "短板"),
        ("在一定时间内完成", "时间节点"),
        ("教育才是根本", "培养"),
        ("给老人倒杯水解渴", "贴近实际"),
        ("组织企业开展自查", "反思"),
        ("社区开展工作群众不配合", "微信群"),
        ("提出路径", "对策"),
        ("同时限期整改", "时间节点"),
        ("以上课程内容", "授课"),
        ("感谢绝大多数群众的理解", "礼貌拒绝"),
        ("明确考核对象", "核实"),
        ("防止损害群众利益", "补救"),
        ("按照应急预案处置", "照顾"),
        ("村党支部书记下基层", "记录"),
        ("利用开会沟通情况", "沟通能力"),
        ("增加公交班次", "加班加点"),
        ("便民服务中心细化服务", "细致"),
        ("确保密切配合", "保密意识"),
        ("试图解决问题", "一图读懂"),
        ("把服务资源往基层推进", "推给基层"),  # pushing resources down is the cure, not the burden
        ("楼下给电动车充电", "加强学习"),  # 充电 of a battery is not 学习充电
        ("景区新增网红打卡点", "堵点"),  # 卡点 sits in 打卡点
        ("保护消费者合法权益", "促进消费"),  # bare 消费 sits in 消费者
        ("改善农村医疗条件", "乡村医生"),  # 村医 sits in 农村医疗
        ("完善配套保障措施", "骗保"),  # 套保 sits in 配套保障
        ("统计旅游人数", "游客"),  # 游人 sits in 旅游人数
        ("多吃当季节水果", "节约用水"),  # 节水 sits in 季节水果
        ("他钻研学问很刻苦", "研学旅行"),  # 研学 sits in 钻研学问
        ("感谢大家风雨同舟", "家教家风"),  # 家风 sits in 大家风雨
    ],
)
def test_terms_do_not_hide_inside_everyday_phrases(synonyms, ordinary, group):
    hidden = [t for t in _group_with(synonyms, group) if t in ordinary]
    assert not hidden, f"{hidden} of the {group} group found inside {ordinary!r}"


def test_spoken_phrasings_do_not_hide_inside_everyday_phrases(data):
    # the sentences of the synonym groups' check, and ones for the spoken list
    ordinary = [
        m.args[1] for m in test_terms_do_not_hide_inside_everyday_phrases.pytestmark if m.name == "parametrize"
    ][0]
    sentences = [o for o, _ in ordinary] + ["从事先进制造业"]
    hidden = [(w, o) for g in data["spoken"] for w in g[1:] for o in sentences if w in o]
    assert not hidden


@pytest.mark.parametrize(
    "a, b",
    [
        ("冷静", "安抚"),  # keeping one's own head vs calming the other person
        ("道歉", "承认错误"),  # related, not the same step
        ("赶赴现场", "实地查看"),  # rushing to an emergency vs inspecting for research
        ("合理安排时间", "加班加点"),
        ("维护威信", "顾及面子"),
        ("传帮带", "请教"),  # teaching the newcomer vs asking the old hand
        ("通俗易懂", "贴近实际"),
    ],
)
def test_spoken_forms_keep_neighbours_apart(synonyms, a, b):
    assert b not in _group_with(synonyms, a)


@pytest.mark.parametrize(
    "point, answer",
    [
        ("入户走访困难群众", "挨个上门看看,问问他们缺什么"),
        ("认真倾听群众诉求", "先让他把话说完,耐心听"),
        ("辩证看待这一现象", "我觉得要从正反两方面看"),
        ("保持冷静", "我会沉住气,不急不躁"),
        ("吸取教训,避免再犯", "这次要长记性,引以为戒"),
        ("看望慰问困难老人", "逢年过节上门探望"),
    ],
)
def test_a_point_said_in_spoken_words_is_covered(point, answer):
    from studyapp.core.grading import Grader
    from studyapp.core.model import KeyPoint, Question

    q = Question(id="q", prompt="请谈谈你会怎么做", key_points=(KeyPoint(id="k", point=point),))
    assert Grader(q).grade(answer).points[0].status == "covered"
    # and the same words negated cover nothing
    assert Grader(q).grade("我不会" + answer.split(",")[0]).points[0].status != "covered"


@pytest.mark.parametrize(
    "keyword, answer",
    [
        ("黑臭水体", "先把村口那条臭水沟治理好"),
        ("校外培训", "规范课外补习班"),
        ("骗保", "严厉打击欺诈骗保"),
        ("挂号难", "很多老人挂不上号"),
        ("电动车进楼", "禁止电瓶车上楼"),
        ("欠薪", "帮农民工讨回被拖欠的工资"),
        ("占道经营", "引导马路市场入市经营"),
        ("残疾人", "为残障人士提供便利"),
        ("假冒伪劣", "打击山寨货"),
        ("微腐败", "严查群众身边的腐败"),
        ("停车位", "利用机关单位闲置泊位"),
        ("高空抛物", "劝阻从楼上往下扔东西"),
        ("停车难", "小区里晚上找不到车位"),
        ("课后服务", "学校提供放学后托管"),
        ("同质化", "各地古镇千篇一律"),
    ],
)
def test_policy_domain_words_said_plainly_are_covered(keyword, answer):
    from studyapp.core.grading import Grader
    from studyapp.core.model import KeyPoint, Question

    q = Question(id="q", prompt="请谈谈你会怎么做",
                 key_points=(KeyPoint(id="k", point="要点", keywords=((keyword,),)),))
    assert Grader(q).grade(answer).points[0].status == "covered"


@pytest.mark.parametrize(
    "keyword, everyday",
    [
        ("双减", "双方减少摩擦"),
        ("禁渔", "禁止渔船进港"),
        ("医保", "社区卫生服务中心"),
        ("加强学习", "楼下给电动车充电"),
        ("网格员", "划分网格"),
        ("残疾人", "疾病预防"),
        ("执法人员", "执法记录仪"),
    ],
)
def test_policy_domain_words_do_not_match_everyday_sentences(keyword, everyday):
    from studyapp.core.grading import Grader
    from studyapp.core.model import KeyPoint, Question

    q = Question(id="q", prompt="请谈谈你会怎么做",
                 key_points=(KeyPoint(id="k", point="要点", keywords=((keyword,),)),))
    assert Grader(q).grade(everyday).points[0].status == "missed"
