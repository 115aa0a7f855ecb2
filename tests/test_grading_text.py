"""Folding and splitting of answers as candidates type them (studyapp.core.text)."""
from __future__ import annotations

import pytest

from studyapp.core.text import clause_spans, fold, item_spans, normalize, split_sentences


def bodies(text: str) -> list[str]:
    f = fold(text)
    return [s.text[s.body:] for s in split_sentences(f)]


def test_folding_keeps_one_character_per_character():
    text = "給社區鬆綁，ＡＰＰ１２３４５；「資訊」共享　OK"
    f = fold(text)
    assert len(f) == len(text)
    assert f == '给社区松绑,app12345;"资讯"共享 ok'
    n = normalize(text)
    assert n.original == text and n.orig(3) == 3 and n.orig(len(f)) == len(text)


@pytest.mark.parametrize(
    "traditional, simplified",
    [
        ("您別著急", "您别着急"),
        ("接著說", "接着说"),
        ("瞭解情況", "了解情况"),
        ("找藉口", "找借口"),
        ("三天內答覆群眾", "三天内答复群众"),
        ("讓群眾反覆跑", "让群众反复跑"),
        ("申請覆核", "申请复核"),
        ("和想像中不一樣", "和想象中不一样"),
        ("學會心肺復甦", "学会心肺复苏"),
        ("小兩口揹債", "小两口背债"),
        # where the character stays what it is
        ("著名的博物館", "著名的博物馆"),
        ("效果顯著", "效果显著"),
        ("一片狼藉", "一片狼藉"),
        ("覆蓋全區", "覆盖全区"),
        ("好像不對", "好像不对"),
    ],
)
def test_characters_opencc_keeps_are_read_as_traditional_text_means_them(traditional, simplified):
    assert fold(traditional) == simplified


def test_characters_met_for_the_first_time_mid_text_are_folded_with_the_rest():
    fold("先稳情绪")  # characters already seen
    # a text mixing seen characters with new traditional and full-width ones
    assert fold("先稳情绪，再鬱悶也要講清楚；ｘ") == "先稳情绪,再郁闷也要讲清楚;x"
    assert fold("鬱悶") == "郁闷"  # and again, from the table


def test_folding_is_stable_and_idempotent():
    text = "一、調研需求：問卷了解社工的短板。"
    assert fold(fold(text)) == fold(text)


def test_lines_and_sentence_ends_split():
    assert bodies("先稳情绪。再讲政策!然后指路子?最后回访;完\n下一行") == [
        "先稳情绪", "再讲政策", "指路子", "回访", "完", "下一行"  # 然后/最后 are sequence words
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1.稳情绪\n2.讲政策\n3.指路子",
        "1、稳情绪 2、讲政策 3、指路子",
        "一、稳情绪\n二、讲政策\n三、指路子",
        "一、稳情绪 二、讲政策 三、指路子",
        "一是稳情绪,二是讲政策,三是指路子",
        "(1)稳情绪(2)讲政策(3)指路子",
        "①稳情绪②讲政策③指路子",
        "第一,稳情绪;第二,讲政策;第三,指路子",
        "- 稳情绪\n- 讲政策\n- 指路子",
    ],
)
def test_numbered_items_become_items_without_their_numbers(text):
    assert [b.strip(",") for b in bodies(text)] == ["稳情绪", "讲政策", "指路子"]


def test_a_pair_of_numbers_is_not_a_list():
    assert bodies("在村里住了三、四天") == ["在村里住了三、四天"]


def test_decimals_are_not_sentence_ends():
    assert bodies("增长1.5倍。好") == ["增长1.5倍", "好"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我不认为这是形式主义.APP打卡要清理", ["我不认为这是形式主义", "app打卡要清理"]),
        ('请大家不要交头接耳."同时盯好考场', ["请大家不要交头接耳", '"同时盯好考场']),
        ("伤得重就打120.入口处停止放人", ["伤得重就打120", "入口处停止放人"]),
        ("共12.5万元.下一步", ["共12.5万元", "下一步"]),
        ("访问www.gov.cn查询", ["访问www.gov.cn查询"]),
    ],
)
def test_a_half_width_full_stop_ends_a_sentence_as_the_full_width_one_does(text, expected):
    assert bodies(text) == expected


@pytest.mark.parametrize("arrow", ["→", " → ", "->", "=>", ">", "—", "——", " - "])
def test_every_arrow_of_a_terse_outline_separates_its_steps(arrow):
    f = fold(arrow.join(["稳情绪", "讲政策", "指路子"]))
    assert [f[a:b].strip() for a, b in clause_spans(f)] == ["稳情绪", "讲政策", "指路子"]


def test_clauses_and_items():
    f = fold("危害-跑腿→根源:怕担责+数据不通,对策、办法")
    cl = [f[a:b] for a, b in clause_spans(f)]
    assert cl == ["危害", "跑腿", "根源", "怕担责", "数据不通", "对策、办法"]
    it = [f[a:b] for a, b in item_spans(f)]
    assert it[-2:] == ["对策", "办法"]


def test_a_hyphen_inside_latin_is_not_a_separator():
    f = fold("e-government平台")
    assert [f[a:b] for a, b in clause_spans(f)] == ["e-government平台"]
