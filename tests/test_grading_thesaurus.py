"""The grading vocabulary: the built-in thesaurus, a pack's own, how they merge."""
from __future__ import annotations

import pytest

from studyapp.core import thesaurus as th
from studyapp.core.grading import grade
from studyapp.core.model import KeyPoint, Question, Thesaurus


def test_the_built_in_thesaurus_ships_with_the_package_and_is_parsed_once():
    assert th.DATA_FILE.is_file()
    assert th.DATA_FILE.parent.name == "data" and th.DATA_FILE.parent.parent.name == "core"
    first = th.builtin_thesaurus()
    assert first.synonyms, "the built-in thesaurus has synonym groups"
    assert th.builtin_thesaurus() is first  # cached: parsed once per process


def test_built_in_synonyms_are_symmetric_and_folded():
    lex = th.lexicon()
    assert "松绑" in lex.synonyms_of("减负")
    assert "减负" in lex.synonyms_of("松绑")
    assert "减负" in lex.synonyms_of("鬆綁")  # looked up after folding
    assert "减负" not in lex.synonyms_of("减负")


def test_a_pack_thesaurus_is_added_to_the_built_in_one():
    pack = Thesaurus(synonyms=(("接诉即办", "12345快办"),), related=(("网格员", "楼栋长"),))
    lex = th.lexicon(pack)
    assert "12345快办" in lex.synonyms_of("接诉即办")
    assert "楼栋长" in lex.related_of("网格员")
    assert "松绑" in lex.synonyms_of("减负")  # the built-in groups are still there
    assert "12345快办" not in th.lexicon().synonyms_of("接诉即办")  # only for that pack


def test_traditional_and_full_width_terms_in_a_pack_thesaurus_are_folded():
    lex = th.lexicon(Thesaurus(synonyms=(("網格化管理", "ＡＩ巡查"),)))
    assert "ai巡查" in lex.synonyms_of("网格化管理")


def test_an_exact_synonym_is_never_only_related():
    lex = th.lexicon(Thesaurus(synonyms=(("甲方案", "乙方案"),), related=(("甲方案", "乙方案", "丙方案"),)))
    assert "乙方案" in lex.synonyms_of("甲方案")
    assert "乙方案" not in lex.related_of("甲方案")
    assert "丙方案" in lex.related_of("甲方案")


@pytest.mark.parametrize(
    "content",
    [None, "synonyms: [[减负, 松绑]\n", "- just a list\n", "synonyms: 42\nrelated: [[a]]\n"],
    ids=["missing", "broken-yaml", "not-a-mapping", "wrong-shapes"],
)
def test_a_missing_or_broken_built_in_file_gives_an_empty_thesaurus(tmp_path, monkeypatch, content):
    path = tmp_path / "thesaurus.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(th, "DATA_FILE", path)
    th.builtin_thesaurus.cache_clear()
    th.lexicon.cache_clear()
    try:
        assert th.builtin_thesaurus() == Thesaurus()
        # grading still works, from the key point's own words
        q = Question("q", "谈谈看法", (KeyPoint("k", "为基层减负", 1.0, (("减负",),)),))
        assert grade(q, "要为基层减负").points[0].status == "covered"
    finally:
        th.builtin_thesaurus.cache_clear()
        th.lexicon.cache_clear()


def test_a_thesaurus_term_the_segmenter_cuts_apart_in_a_point_still_brings_its_synonyms():
    # 黑臭水体 is cut into 黑臭 / 水体; the built-in group [黑臭水体, 臭水沟, ...] is found whole
    river = Question(
        id="river",
        prompt="村里河道污染严重,群众反映强烈,领导让你负责治理,你怎么做?",
        key_points=(KeyPoint(id="water", point="清理黑臭水体"),
                    KeyPoint(id="source", point="排查污染源头,关停违规排污企业")),
    )
    said = grade(river, "把臭水沟掏干净").point("water")
    assert said.status == "covered"
    assert "黑臭" in said.reason and "水体" in said.reason
    assert grade(river, "先召开村民大会,听取大家的意见。").point("water").status == "missed"


def test_a_pack_term_of_several_words_in_a_text_only_point_matches_its_synonym():
    pack = Thesaurus(synonyms=(("流动摊贩", "走鬼"),))  # 流动摊贩 -> 流动 / 摊贩 for the segmenter
    street = Question(
        id="street",
        prompt="老街占道经营严重,你怎么治理?",
        key_points=(KeyPoint(id="vendors", point="为流动摊贩划定疏导区"),
                    KeyPoint(id="notice", point="提前公告整治时间")),
    )
    assert grade(street, "把走鬼安排好", pack).point("vendors").status == "covered"
    assert grade(street, "把走鬼安排好").point("vendors").status == "missed"  # only with that pack
    assert grade(street, "先把路灯修好", pack).point("vendors").status == "missed"


def test_kinds_of_disclosure_are_relatives_of_openness_not_of_one_another():
    """财务公开 (the accounts) and 政务公开 (government affairs) are kinds of 信息公开:
    loosely related to it, not exact synonyms of it or of each other."""
    lex = th.lexicon()
    for kind in ("财务公开", "村务公开", "政务公开"):
        assert kind in lex.related_of("信息公开") and kind not in lex.synonyms_of("信息公开")
    assert "政务公开" not in lex.synonyms_of("财务公开")
    assert "公开透明" in lex.synonyms_of("信息公开")  # openness itself still is


def test_a_kind_says_its_general_term_but_not_the_other_way_round_nor_a_sibling():
    """A pack's kinds: a ramp is a kind of 适老设施. Writing the ramp makes a point about
    适老设施; writing 适老设施 only half makes a point about the ramp; another kind
    (爱心座椅) says nothing of it."""
    pack = Thesaurus(kinds=(("适老设施", "无障碍坡道", "爱心座椅"),))
    general = Question("q", "怎样让服务大厅更方便?", (KeyPoint("p", "增设适老设施", 1.0, (("适老设施",),)),))
    kind = Question("q", "怎样让服务大厅更方便?", (KeyPoint("p", "修建无障碍坡道", 1.0, (("无障碍坡道",),)),))
    assert grade(general, "门口修一条无障碍坡道。", thesaurus=pack).point("p").status == "covered"
    assert grade(general, "门口修一条无障碍坡道。").point("p").status == "missed"  # without the pack's kinds
    assert grade(kind, "增设适老设施。", thesaurus=pack).point("p").status == "partial"
    assert grade(kind, "大厅摆上爱心座椅。", thesaurus=pack).point("p").status == "missed"
    lex = th.lexicon(pack)
    assert "无障碍坡道" in lex.synonyms_of("适老设施") and "适老设施" not in lex.synonyms_of("无障碍坡道")
    assert "适老设施" in lex.related_of("无障碍坡道") and "爱心座椅" not in lex.related_of("无障碍坡道")


def test_one_word_written_fills_one_keyword_group_even_when_it_is_related_to_another():
    # 疏导 is a keyword of the first group and, in this pack's thesaurus, a loose relative of
    # 递纸巾 in the second: said alone it is one of three things, not two of them
    question = Question("q", "孩子在商场走失,家长情绪崩溃,你是值班员,怎么办?", (
        KeyPoint("calm", "先疏导家长情绪,递纸巾请他坐下,耐心听他讲", 1.0,
                 (("疏导", "安慰"), ("递纸巾", "请他坐下"), ("听他讲", "倾听"))),
    ))
    pack = Thesaurus(related=(("疏导", "递纸巾"),))
    g = grade(question, "我会先疏导。", thesaurus=pack)
    assert g.point("calm").status == "partial"
    assert g.point("calm").matched == ("疏导",)  # and not 递纸巾, which was never written
    # said with the second group's own word, both count
    g = grade(question, "我会先疏导,再递纸巾。", thesaurus=pack)
    assert g.point("calm").status == "covered" and g.point("calm").matched == ("疏导", "递纸巾")


@pytest.mark.parametrize(
    "answer, pid",
    [
        ("社区事情太多,压力大。", "busy"),  # 事情太多 for 事务繁杂
        ("领导说我,我就听着,不争辩。", "calm"),  # 不争辩 for 不辩解
        ("老王,你心肠好,这是积德的事。", "praise"),  # 心肠好 for 爱心
        ("让每家摊主都写个保证书。", "pledge"),  # 保证书 for 承诺书
        ("您把手机号留给我。", "contact"),  # 手机号 for 联系方式
        ("我妈那边我也会沟通一下。", "family"),  # 我妈 for 母亲
    ],
)
def test_plain_spoken_phrasings_a_coach_accepts(answer, pid):
    # (and not inside an everyday phrase: 这件事情多亏了… says nothing of 事务繁杂)
    question = Question(
        id="q", topic="t", type="综合分析", prompt="请谈谈你的看法。", reference="",
        key_points=(
            KeyPoint(id="busy", point="指出社区事务繁杂", keywords=(("事务繁杂", "任务多"),)),
            KeyPoint(id="calm", point="当场不辩解", keywords=(("不辩解",),)),
            KeyPoint(id="praise", point="肯定老王的爱心", keywords=(("爱心",),)),
            KeyPoint(id="pledge", point="组织参展商签订承诺书", keywords=(("承诺书",),)),
            KeyPoint(id="contact", point="留下群众的联系方式", keywords=(("联系方式",),)),
            KeyPoint(id="family", point="做好母亲的思想工作", keywords=(("母亲",),)),
        ),
    )
    assert grade(question, answer).point(pid).status == "covered"
    if pid == "busy":
        assert grade(question, "这件事情多亏了街道支持。").point(pid).status == "missed"


def test_a_packs_english_term_is_a_whole_word_with_its_endings():
    question = Question(
        id="q", topic="t", type="组织管理", prompt="如何组织一次活动?", reference="",
        key_points=(KeyPoint(id="r", point="活动后复盘", keywords=(("复盘",),)),),
    )
    own = Thesaurus(synonyms=(("复盘", "debrief"),))
    assert grade(question, "活动后开个debrief。", thesaurus=own).point("r").status == "covered"
    assert grade(question, "活动后做两次debriefs。", thesaurus=own).point("r").status == "covered"
    assert grade(question, "请debriefer来看看。", thesaurus=own).point("r").status == "missed"


@pytest.mark.parametrize(
    "answer, pid",
    [
        ("楼里的老大爷我挨个打电话。", "elderly"),  # 老大爷 for 老人, through 老年人's group
        ("这事我先跟领导打个招呼。", "report"),  # for 汇报
        ("咱们得留后手,有备无患。", "plan"),  # for 预案
        ("过几天我再去串门,听听他们的难处。", "visit"),  # 串门 for 走访
    ],
)
def test_the_spoken_list_says_its_term_and_the_terms_synonyms(answer, pid):
    question = Question(
        id="q", topic="t", type="组织管理", prompt="社区要组织一次高温天的安全检查,你怎么做?", reference="",
        key_points=(
            KeyPoint(id="elderly", point="重点关注独居老年人", keywords=(("老年人",),)),
            KeyPoint(id="report", point="及时向领导汇报进展", keywords=(("汇报",),)),
            KeyPoint(id="plan", point="制定应急预案", keywords=(("预案",),)),
            KeyPoint(id="visit", point="入户走访了解困难", keywords=(("走访",),)),
        ),
    )
    assert grade(question, answer).point(pid).status == "covered"
    # each phrasing is the term's, not every point's
    others = [p.id for p in grade(question, answer).points if p.id != pid and p.status == "covered"]
    assert others == []


def test_spoken_phrasings_join_their_terms_group_in_the_lexicon():
    lex = th.lexicon()
    assert "老大爷" in lex.synonyms_of("老年人") and "长者" in lex.synonyms_of("老大爷")
