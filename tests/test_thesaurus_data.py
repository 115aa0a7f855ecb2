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


def test_file_has_exactly_the_two_sections(data):
    assert isinstance(data, dict)
    assert set(data) == {"synonyms", "related"}
    assert isinstance(data["synonyms"], list) and isinstance(data["related"], list)


def test_size_is_a_real_vocabulary(synonyms, related):
    assert len(synonyms) >= 250
    assert len(related) >= 30


@pytest.mark.parametrize("section", ["synonyms", "related"])
def test_every_group_is_two_or_more_distinct_terms(data, section):
    for i, group in enumerate(data[section]):
        where = f"{section}[{i}] {group!r}"
        assert isinstance(group, list), where
        assert len(group) >= 2, where
        assert all(isinstance(t, str) for t in group), where  # YAML did not turn one into a number/bool
        assert len(set(group)) == len(group), f"term repeated in {where}"


@pytest.mark.parametrize("section", ["synonyms", "related"])
def test_terms_are_matchable_words(data, section):
    for group in data[section]:
        for t in group:
            assert t == t.strip() and t, f"empty or padded term in {group}"
            assert TERM_RE.match(t), f"{t!r} has spaces or punctuation (in {group})"
            assert len(t) >= 2, f"single character {t!r} matches inside unrelated words (in {group})"
            assert len(t) <= 12, f"{t!r} is a sentence, not a term (in {group})"
            assert any("\u4e00" <= c <= "\u9fff" for c in t), f"{t!r} has no Chinese (in {group})"
            assert t not in STOPWORDS, f"stopword {t!r} in {group}"


@pytest.mark.parametrize("section", ["synonyms", "related"])
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


def test_related_links_known_vocabulary(synonyms, related):
    # a related group is useful only if it touches the synonyms vocabulary
    known = {t for g in synonyms for t in g}
    for group in related:
        assert any(t in known for t in group), f"related {group} links no term of the synonyms"


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
