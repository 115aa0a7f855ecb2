"""Grade an answer against a question's key points (采分点), offline and explainably.

How it works (docs/grading.md says the same for users and tutors):

1. Both the answer and the key points are folded (traditional -> simplified,
   full-width -> half-width, one character per character, so offsets found
   in the folded text are offsets in what the candidate typed).
2. Every key point is split into *units*: its keyword groups when the tutor
   gave keywords, else the content words of the point's text. A unit matches
   through any of its terms or their exact synonyms (built-in thesaurus + the
   pack's); loose relatives count as weak evidence. Units that also appear in
   the prompt (whole, or with one more character inside: 老支书 for 老村支书;
   for the tutor's keywords, term by term: 老张 of [张叔, 老张]; a part of a
   longer word of the point: 岗位 of 岗位责任) or in many key
   points weigh less: they say little about which point the candidate made,
   and so do words that only say when (会后, 会上) and words that only
   illustrate the point (after 如/比如/例如/像/包括: 不足,如解释不够耐心). A verb of the point also
   matches in its short and spoken forms (定方案 for 制定方案, 劝他 for 劝说, 查清楚 for 核查, 听听
   for 听取), and a four-character term of two words with a few characters
   between them (稳定他的情绪).
3. The answer is cut into sentences / list items, each into clauses. A term
   found in a clause does not count when the clause negates it (我不同意…,
   没必要…, 不用…, …不能同时搞; not 实在不行…, nor the 无 inside 无理诉求), when
   it reports someone else's view (有人认为…, 同事说…, 朋友都说…; not 回应网友质疑;
   still when the candidate only agrees: 我觉得这样影响最小), when the
   sentence brushes the matter off or blames others (不用理会, 责任不在我,
   是排水部门的事),
   when it calls the measure a bad thing (就是给推诿找借口) or names what a
   failure exposed (暴露出审核把关不严),
   when it is only a bare section label in a list made mostly of them
   (目的-方案-实施-总结; not 宣传 in 摸底→宣传→分区布点) or sits in a
   stock phrase (确保…圆满成功, 有较强的学习能力). Negating a bad thing (反对形式主义) is a
   positive statement and counts; naming a bad thing plainly (信息孤岛, 怕担责)
   describes the problem, not the measure against it, and rejecting a measure
   (没必要搞信息共享) is not describing the lack it fixes.
4. A point's coverage is the weight of its units found within a window of one
   or two adjacent sentences, saturating: a couple of strong units is enough.
   Covered / partial / missed come from that coverage; words the prompt
   already says, alone and however many, give nothing, and a point whose
   words found all lie in the evidence of another, covered point (and are
   incidental to this one) drops a step. The score is the weighted share of points (covered 1,
   partial 0.5).

Work per sentence is cached by the sentence's text, so regrading after a
keystroke only looks again at the sentence that changed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from studyapp.core.model import KeyPoint, Question, Thesaurus
from studyapp.core.text import (
    Sentence,
    clause_spans,
    fold,
    fold_term,
    is_cjk,
    split_sentences,
)
from studyapp.core.thesaurus import Lexicon, lexicon


def _first_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with (None: any, or not known)."""
    try:
        from re import _constants as C
        from re import _parser as P
    except ImportError:  # (a Python without them: the pattern is used as it is)
        return None

    def seq(items):
        out: set[str] = set()
        for op, av in items:
            f, may_be_empty = one(op, av)
            if f is None:
                return None
            out |= f
            if not may_be_empty:
                return out
        return None  # the whole sequence may match nothing: any character may follow

    def one(op, av):
        if op is C.LITERAL:
            return {chr(av)}, False
        if op is C.IN:
            chars = set()
            for o, a in av:
                if o is C.LITERAL:
                    chars.add(chr(a))
                elif o is C.RANGE and a[1] - a[0] < 512:
                    chars |= {chr(x) for x in range(a[0], a[1] + 1)}
                else:
                    return None, False
            return chars, False
        if op is C.BRANCH:
            chars = set()
            for branch in av[1]:
                f = seq(list(branch))
                if f is None:
                    return None, False
                chars |= f
            return chars, False
        if op is C.SUBPATTERN:
            return seq(list(av[3])), False
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            f = seq(list(av[2]))
            return f, av[0] == 0
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return set(), True  # looks around, takes no character
        return None, False

    try:
        return seq(list(P.parse(pattern)))
    except Exception:  # (an unknown construct: the pattern is used as it is)
        return None


def _skipping(rx: re.Pattern) -> re.Pattern:
    """``rx`` with a look-ahead of the characters its matches start with: a search skips
    to them in C (a long alternation of words is otherwise tried at every position: 2x
    quicker on the benchmark's sentences). The same matches, group numbers unchanged."""
    chars = _first_chars(rx.pattern)
    if not chars or len(chars) > 400:
        return rx
    return re.compile("(?=[" + "".join(sorted(re.escape(c) for c in chars)) + "])(?:" + rx.pattern + ")", rx.flags)

COVERED = "covered"
PARTIAL = "partial"
MISSED = "missed"
VALUE = {COVERED: 1.0, PARTIAL: 0.5, MISSED: 0.0}

# coverage thresholds on the saturated share of a point's unit weight
COVER_AT = 0.75
PARTIAL_AT = 0.35
# how much found weight saturates a point: one keyword group, one specific word
SATURATE_KEYWORDS = 1.0
# ... or this share of its keyword groups, when it has many (3 groups: 1.5)
KEYWORD_SHARE = 0.5
SATURATE_TEXT = 1.0
# units weighing less than this (prompt words shared by other points) add nothing
CONTEXT = 0.15
# this many bare terms in a row, with nothing said about them, are a list of words, not content
LIST_OF_TERMS = 4
# a word of a keyword point's text more frequent than this (单位, 部门, 领导, 时间) is one
# of the commonest words of Chinese: alone, with none of the tutor's keywords, it is no evidence
COMMON_FREQ = 10000
# a character this frequent as a word of its own (要 156,581, 时 103,736) is grammar: a two-character
# word the segmenter does not know and that holds one is a fragment (时要), not a new word (文旅)
GRAMMAR_CHAR_FREQ = 50000
# a word of a keyword point's text at most this frequent in jieba's dictionary counts like a keyword
RARE_FREQ = 300
# weight of the point's own words next to the tutor's keywords (0: keywords only)
TEXT_WITH_KEYWORDS = 0.7
# a four-character term made of two words, said with up to GAP - 1 characters between
# (稳定他的情绪 for 稳定情绪), counts this much
GAPPED = 0.9
# the one a goal is for (老人 of 让老人少排队): alone, at most partial
BENEFICIARY = 0.5
GAP = 4
# (nor across 被: 报告能被领导认可 is the leader approving the report, not 报告领导)
_GAP_STOP = "不没无未非别勿莫甭被,;:。、"
# after 不, the one a thing is (not) done with or before (不和他争执, 不当面顶撞)
_NOT_WITH = "和跟与向给当"
# evidence strengths
EXACT = 1.0
WEAK = 0.5  # a loose relative from the thesaurus
PART = 0.8  # a part of a longer word of the point (总结 for 总结报告)
COMMON_PART = 0.6  # … times this when the part is a common word (发生 of 发生意外, 环境 of 周边环境)
PROMPT = 0.35  # a word the prompt already has says little about which point was made
# a tutor's keyword group made only of the prompt's words ([停水] on a question about 停水): context,
# neither evidence nor named as what to add (validate warns about it)
PROMPT_GROUP = 0.1
# a word of the point that says when (会后 in 会后梳理意见) weighs this share: alone it is no evidence
WHEN = 0.3
# a sentence, or a whole answer, made mostly of stock phrases (高度重视、多措并举、确保…落到实处)
# says little: when they make at least STOCK_SHARE of it, the words of key points in it count STOCK_SCALE
STOCK_SHARE = 0.35
STOCK_SCALE = 0.5
ANSWER_SHARE = 0.25
# a word that only illustrates the point (after 如 / 比如, before 等) weighs this share:
# alone it is at most partial
EXAMPLE = 0.5
# a word this long or longer is also the prompt's when the prompt has it with one more
# character inside (老支书 for 老村支书)
MIN_SHORTENED = 3


# --------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class PointVerdict:
    id: str
    status: str  # covered | partial | missed
    evidence: tuple[tuple[int, int], ...] = ()  # offsets into the original answer, end exclusive
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    reason: str = ""
    weight: float = 1.0
    # for each matched term, the answer's own words that said it (琐碎 for 千条线)
    written: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "evidence": [[s, e] for s, e in self.evidence],
            "matched": list(self.matched),
            "missing": list(self.missing),
            "reason": self.reason,
            "written": list(self.written),
        }

    def matched_as_written(self) -> tuple[str, ...]:
        """The matched terms as a candidate reads them: 千条线（琐碎） where other words said it
        (宣传 alone where the words hold it: 宣传引导)."""
        return tuple(
            m if not w or m in fold(w) else f"{m}（{' '.join(w.split())}）"
            for m, w in zip(self.matched, self.written or ("",) * len(self.matched))
        )


@dataclass(frozen=True)
class Grading:
    score: float  # 0-100
    points: tuple[PointVerdict, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {"score": self.score, "points": [p.to_dict() for p in self.points]}

    def point(self, point_id: str) -> PointVerdict | None:
        return next((p for p in self.points if p.id == point_id), None)


# --------------------------------------------------------------------------
# vocabulary of stance (general language, not any question's vocabulary)

# cues that negate the rest of their clause
_NEG_STRONG = (
    "不同意", "不赞成", "不赞同", "不认同", "不认为", "不觉得", "不支持", "反对", "没必要", "没有必要", "不必要", "不必",
    "不用", "无需", "无须", "不需要", "不需", "用不着", "不要", "不应该", "不应当", "不应", "不该",
    "不能", "不会", "不可以", "不宜", "不准", "不许", "拒绝", "别再", "别", "不想", "不愿", "懒得",
    "没用", "不会去", "并非", "而不是", "不是", "缺乏", "缺少", "欠缺", "不可能", "不考虑",
    "谈不上", "算不上", "称不上", "不存在", "犯不着",
    "哪会", "哪管", "难道",  # 平台哪会认真审核; 难道印本小册子就算宣传到位了? (难道…不… is a must)
    "没办法", "没有办法",  # 我们没办法召开听证会
    "未必", "不见得", "说什么", "有什么好", "凭什么", "哪有空", "哪有时间", "哪有工夫", "哪顾得上",
    "不让",  # 不让相关部门当场回应 (a no to a bad thing, 不让群众多跑腿, still opposes it)
    "不由",  # 不由社区出具: not by whom, as 不应由 (but not 不由得, 不由自主)
    "不算", "并不算", "算不得",  # 这不算违法: it is not so
)
# of those, the ones that reject a proposal rather than describe a state of things:
# 没必要搞信息共享 rejects sharing, it does not say 信息不共享
_STANCE = frozenset((
    "不同意", "不赞成", "不赞同", "不认同", "不认为", "不觉得", "不支持", "反对", "没必要", "没有必要", "不必要", "不必",
    "不用", "无需", "无须", "不需要", "不需", "用不着", "不要", "不应该", "不应当", "不应", "不该",
    "不可以", "不宜", "不准", "不许", "拒绝", "别再", "别", "不想", "不愿", "懒得", "没用", "不会去",
    "不可能", "不考虑", "犯不着", "不由", "哪会", "哪管", "难道",
))
# of the others, the ones that say a thing is not so (不存在层层加码): no way of
# avoiding it (不搞层层加码, 不能层层加码 are)
_DENY = frozenset(("不存在", "谈不上", "算不上", "称不上", "并非", "不是", "没有", "没", "未", "无", "不算", "并不算", "算不得"))
# a term that starts with 不 (不计较) is said with these in its place too (不会计较, 从不计较)
_NEG_FORMS = ("不会", "不要", "不去", "从不", "绝不", "决不", "不用", "无需", "不必", "不需")
# a negation right before one of these negates the verb after its phrase (不与租客争执)
_PREPOSITIONS = frozenset("与和跟同对向给把被由")
# rhetorical questions that mean "must": 怎么能不…, 不…怎么行 / 不…可不行 / 不…不行
# a short sentence that only echoes a step as a question (请教他? 搞宣传? 向领导报告?)
_ECHO = re.compile(
    r"(?!.*(?:是不是|有没有|为什么|为啥|啥|什么|怎么|怎样|如何|哪|吗|呢|能不能|要不要|会不会|谁|多少|几|可不可以|行不行|好不好))"
    r"\s*(?:那|至于|还要|还得|要我)?[\u4e00-\u9fff]{1,12}$"
)
# 难道 + a no soon after it asks a question that means must (难道不该审核吗, 难道平台就不管吗)
_MUST_AFTER = re.compile(r"[^,;:。!?]{0,4}?[不没别]")
_HOW_COULD_NOT = re.compile(r"(?:怎么能|怎能|哪能|岂能|怎么可以|怎么可能|有什么理由|没有理由|没理由)$")
_NOT_OK_END = re.compile(r"(?:怎么行|怎么能行|那哪行|哪行|可不行|不行)[吗呢啊吧]?[?!。\s]*$")
# adjectives that 不 makes into a kind of thing before a noun (不合理限制, 不正当竞争)
_KIND_ADJECTIVES = frozenset(("合理", "正当", "规范", "文明", "合规", "合格", "健康", "安全"))
# cues that negate only what follows closely (a few characters)
_NEG_WEAK = ("没有", "不", "没", "未", "无", "甭", "勿", "莫", "缺", "非", "×", "✗", "✘")
_NEG_WEAK_REACH = 3
# cues that say something is lacking (缺乏基层经验和方法: all of it is lacking)
_LACK = frozenset(("缺乏", "缺少", "欠缺"))
# words that start like a negation but are not one
_NOT_NEG = (
    "不断", "不仅", "不但", "不少", "不管", "不论", "不足", "不良", "不法", "不错", "不久", "不时",
    "不得不", "不可或缺", "不容忽视", "不可忽视", "不光", "不只", "不止", "不外乎", "不折不扣",
    "不遗余力", "不懈", "不忘", "不停", "不定期", "不同", "不一", "不妨", "不失", "不禁", "不过",
    "不然", "不如", "不仅要", "无论", "无疑", "无不", "无缝", "无障碍", "无纸", "无死角", "无人",
    "无偿", "无私", "无微不至", "未来", "没想到", "毫不", "不怕", "不厌其烦", "不辞", "不畏",
    "未雨绸缪", "无论如何", "不打折扣", "不留死角", "不漏", "不落", "决不", "绝不",
    "不仅仅", "不少于", "不低于", "不超过", "不多于", "不大于", "不由得", "不由自主", "不由分说",
    # 不辜负领导的信任, 不负众望: living up to it, a stock resolution, not a no to the leader
    "不辜负", "不负",
    # 别 / 无 inside ordinary words
    "特别", "分别", "区别", "个别", "类别", "级别", "识别", "别人", "别的", "别处", "告别", "差别",
    "鉴别", "辨别", "性别", "派别", "无数", "无限", "无形", "无比", "无偿", "三无", "四无", "五无",
    # 非 of an outline (考公非退路) is 不是; inside these words it is not
    "非常", "是非", "非法", "非遗", "非得", "非要", "无非", "莫非", "除非", "非但", "非凡", "非同",
    "非物质", "非典", "非洲", "非议", "非机动车", "非农", "非公", "非税", "非标", "非对称",
    # 说什么也要做好回访: no matter what, not a no
    "说什么也", "说什么都",
    # 要不 (how about) proposes: 要不咱们先试一周
    "要不", "要不要", "要不然",
    # 'if that fails' is a condition, not a rejection of the next step (实在不行找领导)
    "实在不行", "如果不行", "要是不行", "还不行", "再不行", "不行的话",
    # 缺 inside words that name a thing, not a lack of what follows
    "容缺", "所缺", "缺口", "缺点", "缺陷", "缺席", "缺憾", "空缺", "残缺", "或缺", "补缺", "缺位",
    # … and after what is lacking (资金短缺还是配套不足: 短缺 closes its own phrase)
    "短缺", "紧缺", "稀缺",
    # must not be overlooked, must (不能忽视资金短缺的问题, 不能不提供贷款)
    "不能忽视", "不能忽略", "不可小觑", "不容小觑", "不能小看", "不能轻视", "不能不", "不可不",
)
# "not only" (不能只拦住村民,还要…): the thing is done, and more besides; only a point that
# itself says "not only" (不唯满意率) is made by the no
_NEG_ONLY = ("不能只", "不能光", "不能仅", "不能单靠", "不要只", "不应只", "不应该只", "不能一味", "不能仅仅")
# a whole clause that only rejects what came before it (…, 不应该推行)
_NEG_TAIL = re.compile(
    r"^(?:我看|我认为|我觉得|个人认为|其实|这次|这回|现阶段|目前|暂时|这些|这些事)?\s*(?:我们|我|咱们)?(?:也|都|就|则|更|还|这|这样|这种做法|这个|那)?\s*(?:是)?\s*(?:可以)?"
    r"(?:不应该|不应当|不应|不该|不能|没必要|没有必要|不必|不用|不需要|无需|不要|不可取|不可行|不行|"
    r"行不通|不现实|不合适|不妥|没用|没意义|没有意义|是错误的|是不对的|不对|多余|搞不得|要不得|"
    r"不考虑|不予考虑|不用考虑|不划算|(?:就|也)?不用了|(?:就)?算了(?=[吧啊]?$)|办不到|做不到|不可能|"
    r"不赞成|不同意|不支持|不认同|不看好|反对|不靠谱|起不了(?:什么|啥|多大)?作用|"
    r"只会(?:乱套|添乱|帮倒忙|适得其反|坏事|误事)|"
    # 至于补休,等以后再说 / 共享菜园的事,以后再说吧: the topic put off in the clause after it
    r"(?:等)?以后再说|(?:是|都是)以后的事|先放一放|放一放再说|等[^,;:。!?]{1,10}?再(?:说|考虑)|[^,;:。!?]{0,6}?看看再说|"
    r"(?:到时候|到时)[^,;:。!?]{0,6}?再说|(?!其他|其余|其它|别的|剩下|细节)[^,;:。!?]{1,6}?再说(?:吧)?|没(?:那个|这个|啥)必要|(?:这些|这些事)?(?:我们|我)?(?:统统|都|全)?不打算(?:做|搞|弄|办)?|"
    r"纯属白费(?:劲|力气)|甭费(?:那)?劲|(?:我|我们)?(?:就)?不(?:说|管|掺和|操心|出面)了?|"
    # …,我认为并不存在 / 我看不是这么回事 / 纯属扣帽子 / 喊了这么多年有啥用? / 暂不予考虑 / 我们就不回访了
    r"(?:并|根本)不存在|不是这么回事|不是那么回事|纯属(?:扣帽子|瞎操心|吓唬人|胡说|无稽之谈)|"
    r"[^,;:。!?]{0,8}?有(?:什么|啥)用(?:处)?[吗呢啊?]*|暂不(?:予)?考虑|(?:就|也)?不(?:再)?[\u4e00-\u9fff]{1,2}了|"
    # …让医院他们自己安排,我们不去落实: the step handed off, and not taken
    r"(?:就|也)?不去[\u4e00-\u9fff]{1,3}|"
    # 至于应急预案,没必要准备 / 第三方检测,我们不打算邀请: no need to do it, with the verb said
    # (not a feeling: 没必要担心 waves the worry away, not the step; and not 不能/不要 + a verb:
    # 安全工作,不能放松 is a must)
    r"(?:没必要|没有必要|不必|不用|不需要|无需|不打算|不准备)(?:专门|特别|再|去)?"
    r"(?!担心|害怕|怕|紧张|着急|急|慌|客气|介意|在意|计较|操心|顾虑|犹豫|多想|多虑|惊慌|害羞|难过|生气|自责)"
    r"[\u4e00-\u9fff]{1,2})"
    r"(?:推行|推广|实行|执行|实施|采用|提倡|鼓励|支持|去做|这样做|这么做|搞|做|办|了|的|啊|吧|再[\u4e00-\u9fff]{1,2})?$"
)
# …of them, one that says the thing is not so (…这些问题,我认为并不存在)
_DENIED_TAIL = re.compile(
    r"^(?:我看|我认为|我觉得|个人认为|其实)?\s*(?:这些|这)?(?:都)?(?:并|根本)?(?:不存在|不是这么回事|不是那么回事|"
    r"谈不上|算不上|纯属(?:扣帽子|瞎操心|吓唬人|胡说|无稽之谈))"
)
# a clause that closes a sentence with the candidate's own no (…,我不赞成)
_STANCE_TAIL = re.compile(
    r"^(?:所以|因此|总之)?(?:我|我个人|我们)(?:是|坚决|并|对此)?(?:不赞成|不同意|不支持|不认同|不看好|反对)"
    r"(?:这种做法|这样做|这么做|这个做法|这个办法|这种办法)?[的啊吧]?$"
)
# (a term) 没必要 / 不可取 … after the term in the same clause
_CONDEMN = (
    r"(?:就是|等于|无异于|纯属|纯粹是|完全是|更是|也是|都是|只是)在?(?:(?!要|杜绝|防止|避免|反对|破除|打破|消除|克服|治理|整治|减少|遏制|"
    r"纠正|摒弃|告别|拒绝|不)[^,;:。!?]){0,4}?"
    r"(?:找借口|借口|形式主义|官僚主义|走过场|瞎折腾|折腾|浪费|作秀|花架子|添乱|推诿|甩锅)"
)
_NEG_AFTER = re.compile(
    r"没必要|没有必要|不必要|不可取|不可行|行不通|不现实|不合适|不妥|没用|没意义|"
    r"没有意义|是错误的|是不对的|要不得|搞不得|不需要|意义不大|用处不大|多此一举|"
    # 总结也不用写, 意见就不必征求了
    r"(?:也|都|就|更)?(?:不用|不必|用不着|犯不着)(?:再)?(?:搞|做|写|弄|办|开|交|填|报|管|找|请|去|征求|考虑)|"
    r"不考虑|不予考虑|不用考虑|不划算|(?:就|也)?不用了|(?:就)?算了(?=[吧啊]?$)|(?:我们|我)?没(?:有)?办法|"
    # 越解释越乱, 被夸大了: the measure makes things worse, the worry is overblown
    r"越(?:乱|糟|糟糕|麻烦|被动|说不清)|被夸大|言过其实|夸大其词|(?:更|也|就)?(?:谈不上|算不上)|"
    r"只会(?:增加|加重|带来|造成|浪费|拖慢|影响|乱套|添乱|帮倒忙|适得其反|坏事|误事|变成|沦为)|"
    r"(?:不|没)(?:对口|匹配|管用|好使|顶用)|没(?:什么|啥|多大|太大)(?:用|意义|效果|作用)|不靠谱|"
    # 村规民约也管不了什么事, 起不了作用
    r"管不了(?:什么|啥)?(?:事|用)?|起不了(?:什么|啥|多大)?作用|"
    r"办不到|做不到|不可能|(?:已经)?够多了|"
    # 能源结构调整那是以后的事, 汇报以后再说: put off; 治标不治本, 作用不大, 那一套早过时了
    r"(?:那|这)?(?:是|都是)以后的事|(?:等)?以后再说|先放一放|放一放再说|治标不治本|(?:作用|效果|用处)不大|"
    # 有意义吗?, 可有可无, 倒也不必, 暂不予考虑, 从略, 没那个必要, 这一步可以省了, 再去查处也不迟
    r"有(?:什么|啥)?(?:意义|必要)吗|可有可无|(?:倒)?也不必|不一定需要|无所谓|没(?:那么|多)重要|暂不(?:予)?考虑|"
    r"不作要求|从略|没(?:那个|这个|啥)必要|(?:可以|能)(?:省|免)(?:了|掉)|也不迟|白费(?:劲|力气|功夫)|"
    r"(?:统统|都|全)?不打算(?:做|搞|弄|办)?|"
    # 走个过场, 应付一下检查, 太耽误时间: done for show, or not worth the time
    r"(?<![不别])(?<!不能)(?<!不要)(?<!不会)(?:走个|走走)过场|(?<![不别])(?<!不能)(?<!不要)应付(?:一下)?(?:检查|上级|了事)|"
    r"(?<![不别])装装样子|(?<![不别])太(?:耽误|浪费|费)时间|"
    # 安慰也白搭, 倒班我可能不太适应, 他的爱好我理解不了
    r"白搭|不(?:太)?适应|(?<=[\u4e00-\u9fff])不了(?=[,;:。!?]|$)|"
    r"(?:太|早就?|已经)(?:老套|过时)|"
    # 销路问题不在考虑范围内, 帮办业务不在宣讲范围内
    r"不在[^,;:。!?]{0,6}?范围|"
    # 请教就免了, 向他请教就不必了; 印个小册子有什么用?
    r"(?:就|也)(?:不必|免|省)了|(?:有|又)?(?:什么|啥)用(?:处)?(?=[吗呢啊?]*$)|不成(?=[吗呢啊?]*$)|"
    r"(?:不能|不该|不应该|不应|不要|不宜)(?:同时|一起|再|随便|轻易)?(?:搞|推行|推广|实行|执行|实施|下放)(?=[了的啊吧呢]?$)|"
    # 搞分类甄别就是给推诿找借口, 信息共享纯属瞎折腾: the measure called a bad thing
    + _CONDEMN
)
_NEG_AFTER_REACH = 6  # characters between the term and such a verdict
# "only X, not Y" (光卸担子不给权): an argument that both are needed, not a rejection
_ONE_SIDED = re.compile(r"\s*(?:如果|要是|若|假如)?(?:光|只|仅|单靠|单纯|一味)")
# bad things: saying no to them is a good stance (反对形式主义)
_BAD = (
    "主义", "推诿", "扯皮", "懒政", "怠政", "庸政", "不作为", "乱作为", "腐败", "浪费", "拖延",
    "敷衍", "走过场", "一刀切", "加码", "弄虚作假", "造假", "虚假", "留痕", "文山会海", "甩锅",
    "负担", "谣言", "违规", "违法", "风险", "隐患", "冲突", "麻烦", "折腾", "跑腿", "乱", "怕担责",
    "不担", "不共享", "孤岛", "不通", "推卸", "刁难", "歧视", "投诉", "失职", "渎职",
    "错误", "漏洞", "私利", "作秀", "摆拍", "内卷", "躺平", "冷漠", "拖沓", "低效", "繁琐",
    "烦琐", "重复", "攀比", "特权", "不严", "不力", "不到位", "垄断", "污染", "事故", "伤亡", "损失", "恐慌", "焦虑",
    "后顾之忧", "形同虚设", "摆设",
)
# someone else's view, not the candidate's proposal
_ATTRIB = re.compile(
    # (the look-ahead on the first characters lets the engine skip to them: 2x quicker)
    r"(?=[一不专他别同她学家对很旁有朋某网老舆许邻部])"
    r"(?<![跟对和向给与同找让请叫])(?:有人|有的人|有些人|一些人|部分人|某些人|有观点|有声音|有同事|同事|他们|他|她|对方|网友|"
    r"有群众|有领导|老同志|有的同志|朋友|家人|家里人|邻居|别人|旁人|有专家|专家|有学者|学者|不少人|很多人|许多人|舆论)"
    r"(?:们)?(?:就|还|也|都|曾|一直|总|会|可能|可能会|常|经常|往往)?(?:认为|说(?!这事|这件事|这个事|这话|的)|觉得|提出(?!的)|主张|表示|建议|称|抱怨|质疑|"
    r"呼吁|提议|声称|宣称|指出(?!的)|议论|吐槽)"
)
# verbs that take someone's view as their object (回应网友质疑, 解答群众疑问): answering
# a view is the candidate's own action, not a report of the view
_ANSWER_VIEW = re.compile(r"(?:回应|回复|答复|解答|解释|澄清|面对|针对|倾听|听取|收集|关注|重视|正视|化解|处理|[a-z])\s*$")


def _attribution(text: str, body: int):
    """Where someone else's view starts in the sentence (有人认为…, 同事说…), or None."""
    for m in _ATTRIB.finditer(text, body):
        if not _ANSWER_VIEW.search(text, max(body, m.start() - 4), m.start()):
            return m
    return None


# the candidate brushing the matter off or blaming others (不用理会, 不用管他, 无理取闹,
# 责任不在我, 是群众不理解, 我们也没办法): the whole sentence is that stance, and the
# words of a point it uses (方案, 上级, 说清楚) are not the point made
_DISMISS = re.compile(
    # (the look-ahead on the first characters lets the engine skip to them: 3x faster)
    r"(?=[不无胡责跟和与是怪都因我社单直硬强自就])(?:"
    r"不(?:用|必|需要|去|予)?(?:理会|理睬|搭理|管他|管他们|用管|必管)|不理(?:他|她|他们|她们)|无理取闹|胡搅蛮缠|"
    r"责任不在(?:我|我们|社区|单位)|不是我(?:们)?的(?:责任|问题|事)|不关我(?:们)?的事|与我(?:们)?无关|"
    r"(?:跟|和)我(?:们)?没(?:有)?关系|不归我(?:们)?\S{0,4}?管|"
    r"是(?!我|大家|咱)[^,;:。!?]{0,6}?(?:部门|单位|物业|公司|他们|别人|学校|家长|医院|企业|商家|平台|个人|"
    r"公安|派出所|警察|法院|领导|上面|上级|政府|街道|居委会|村委会|消防|城管)(?:自己)?的事(?!情况)|"
    # 出了事也是他自己的责任
    r"是(?:他|她|他们|她们|对方|个人|您|你|你们)自己的(?:责任|事|问题)|"
    # 宣传的事交给物业去弄,我们不管 / 跟我们执勤的没关系
    r"(?:我|我们)(?:就|也|可|都)?(?:不管|不操心|不掺和|不出面|帮不上)了?(?=[,;:。!?]|$)|"
    r"(?:跟|和|与)(?:我|我们|社区|咱们)[^,;:。!?]{0,4}?(?:没(?:有)?(?:什么|啥)?关系|无关)|"
    # 出了问题是产品经理的责任: someone else's to answer for
    r"(?<=出了问题|出了事情|出了差错)(?:也|都)?是(?!我|大家|咱|自己|每个|全社会|共同|各方|双方|我们)[^,;:。!?]{1,6}?的责任(?!心|感)|"
    r"(?<=出了事|出事了)(?:也|都)?是(?!我|大家|咱|自己|每个|全社会|共同|各方|双方|我们)[^,;:。!?]{1,6}?的责任(?!心|感)|"
    r"(?:是|怪|都怪|因为)(?:群众|他们|居民|村民|对方|老百姓)(?:自己)?不理解(?!的)|"
    r"(?:我|我们|社区|单位)也没(?:有)?办法|直接干(?=[,;。!?]|$)|硬推|强行推|(?<!不)是(?:件)?小事|"
    r"自然(?:就)?(?:会)?平息|就没人(?:关注|管|提)了|"
    # 游客自己注意安全就行, 让施工单位自己报个情况就行: someone else's to do, and that is all
    r"(?<!我)(?<!我们)(?<!咱们)自己[^,;:。!?]{0,12}?就(?:行|好|可以|得了)(?:了|啦)?(?=[,;:。!?]|$))"
)
# …said of the stance itself (不能说群众无理取闹, 不是不用理会): not the candidate's
_DISMISS_DENIED = re.compile(
    r"(?:不能|不要|不会|不该|不应|别|绝不|决不|不是|不可|不可以|反对|避免|不光|不只|不仅|不单)(?:说|认为|觉得|把)?\S{0,3}$"
    # 就算不是我的事, 即使是物业的事: granted, and then the candidate does it anyway
    r"|(?:就算|即使|哪怕|纵然|虽然|虽说)\S{0,3}$"
)
# …and then taken on anyway (不是我的事也要引导到位, 不是我们的问题,我们也会帮忙)
_DISMISS_ANYWAY = re.compile(
    r"\s*[,;]?\s*(?:(?:我|我们|咱们)?(?:也|都|还|照样)(?:要|会|得|应该|该|必须)"
    # 填表本来不是我的事,但我理解科长的工作需要: granted, and then taken on
    r"|(?:但|但是|可是|可|不过)(?!我不|我们不|不)[^,;:。!?]{0,3}?(?:我|我们)?(?:也|还|都|理解|愿意|会|要|主动))"
)


# 不用搞调研,也不用考核,直接请个专家讲一上午就行: the bare minimum offered instead of the rest
_MINIMAL = re.compile(
    r"(?:不用|不必|没必要|没有必要|用不着|无需)[^。!?]*?[,;]\s*(?:直接|只要|只需|就)?[^,;:。!?]{0,14}?就(?:行|可以|好)(?:了|啦)?(?=[,;:。!?]|$)"
)


def _dismissal(text: str, body: int):
    """Where the candidate brushes the matter off or blames others in the sentence, or None."""
    for m in _DISMISS.finditer(text, body):
        if not _DISMISS_DENIED.search(text[max(body, m.start() - 8):m.start()]) \
                and not _DISMISS_ANYWAY.match(text, m.end()):
            return m
    if "就行" in text or "就可以" in text or "就好" in text:
        return _MINIMAL.search(text, body)
    return None


# the candidate agreeing with the view just reported (同事建议…,我觉得这样影响最小): still that view
_ENDORSE = re.compile(
    r"^(?:我觉得|我认为|我想|我看)(?:也|倒|确实)?(?:这样|这个|这种|这么|这也|可以|有道理|没错|对|挺好|不错|行|在理)"
)
# someone's view named as what the candidate responds to: 针对有人说…的情况, 面对…的质疑
_FRAMED = re.compile(
    r"^(?:针对|对于|面对|关于|就)[^,;:。!?]*(?:的情况|的问题|的说法|的声音|的现象|的质疑|的议论|的误解|的看法|的观点|的疑问)$"
)
# a clause where the candidate takes over after someone else's view: a but, 而是 (not X but
# Y, said by the candidate), the candidate speaking of themselves (我不会在群里争论, 我私聊…),
# or saying no to the view (…,我不同意,我理解…)
_OWN_VIEW = re.compile(
    r"^(?:但|但是|可是|然而|不过|其实|实际上|事实上|而是|我认为|我觉得|我想|我会|我们要|我要|我的看法"
    r"|我(?:们)?(?:不会|不能|不该|不应|也会|还会|将|先|再|就|立即|马上|首先|主动|一定|可以|打算|准备|需要|应该|应当)"
    # …,我不同意,我理解…: the candidate answers the view with a no of their own
    r"|我(?:们)?(?:并)?(?:不同意|不赞同|不赞成|不认同|不这么看|不这样看|不这么认为|不这样认为|反对这种|反对这个))"
)

# generic section labels: a list item made only of these is a heading, not content
_LABELS = (
    "目的", "意义", "目标", "背景", "方案", "计划", "实施", "执行", "总结", "小结", "准备", "筹备",
    "组织", "开展", "落实", "原因", "根源", "危害", "影响", "后果", "表现", "现象", "问题", "对策",
    "措施", "办法", "方法", "建议", "做法", "思路", "分析", "评估", "评价", "反馈", "保障", "宣传",
    "前期", "中期", "后期", "事前", "事中", "事后", "开头", "结尾", "开篇", "总体", "观点", "态度",
    "表态", "认识", "内容", "形式", "方式", "步骤", "流程", "环节", "效果", "成效", "结果", "重点",
    "难点", "要点", "亮点", "关键", "总", "分", "一", "二", "三", "四", "五", "首先", "其次",
    "然后", "最后", "第一", "第二", "第三", "第四", "阶段", "部分", "提纲", "框架", "结论", "看法",
    "定调", "破题", "收尾", "升华", "总述", "分述", "调研", "实践", "善后", "处置", "应对", "预案",
    "提升", "解决", "发现", "表明", "亮明", "提出",
)
_LABEL_WORD = re.compile("|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True)))
# anything that could start a negation or a rejection; without one a sentence is taken as said
_STANCE_HINT = re.compile(
    r"[不没无未非别甭勿莫缺瞎×✗✘]|反对|拒绝|懒得|多余|错误|多此一举|用处不大|欠缺|算了|被夸大|言过其实|夸大其词|越[乱糟麻被]|只会"
    r"|免了|省了|什么用|啥用|范围|多虑|杞人|危言|哪会|哪管|难道|够多|以后的事|再说|再考虑|白搭|适应|放一放|老套|过时|意义吗|必要吗|可有可无|从略|省了|省掉|免掉|白费|甭费|到时|说什么|凭什么|有什么好|哪有|过场|应付一下|应付检查|应付上级|应付了事|耽误|费时间|扣帽子|啥用|什么用"
)
_CONDEMN_HINT = re.compile(_CONDEMN)  # kept apart: as one more branch of the hint it cost 0.6 µs a sentence
# a whole list item made of section labels: starts after a separator (or the start),
# ends before one (or the end)
_SEP = r",:、+→|/\-…;>=.\s"
_LABEL_ITEM = re.compile(
    r"(?<![^" + _SEP + r"])((?:" + "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True))
    + r"|[的和与及])+)(?=\s*(?:[" + _SEP + r"]|$))"
)


_ITEM_SPLIT = re.compile("[" + _SEP + "]+")
# a key point's text that starts with a bare section label (提出对策:…, 分析原因:…, 表明态度:…):
# the label names the kind of point, and an answer's heading of the same words is no content
_POINT_LABEL = re.compile(
    r"\s*(?:提出|分析|表明|阐述|谈谈|说明|指出|给出|亮明)?(?:"
    + "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True))
    + r")+\s*:(?=\s*\S)"
)


# labels that name a kind of thing, so that what follows them is one (原因:…, 危害:…)
_KIND_LABELS = frozenset(("原因", "根源", "目的", "意义", "危害", "影响", "后果", "表现", "对策", "措施", "办法", "建议", "做法"))
_CONTENT_AFTER = re.compile(r"\s*[\u4e00-\u9fff]{4}")
# …but not a placeholder (原因:还没想好, 危害:说不清楚, 影响:同上, 对策:略略略略, 待补充)
_PLACEHOLDER = re.compile(
    r"没想好|没想到|没想出|不知道|不清楚|说不清|想不出|待定|待补充|待填|暂无|暂时没|还没|同上|^略|省略|空着|[xX]{2}|(.)\1\1"
)


def _said_after(text: str, at: int) -> bool:
    """Content follows a kind label's colon at ``at``: four Chinese characters or more, and
    its first item no placeholder (还没想好, 同上, 略略略略)."""
    return bool(_CONTENT_AFTER.match(text, at)) and not _PLACEHOLDER.search(
        _ITEM_SPLIT.split(text[at:].strip(), 1)[0][:6]
    )


def _label_items(text: str, body: int) -> list[tuple[int, int]]:
    """Spans of the items of a sentence that are bare section labels (目的-方案-实施, 一、危害).

    A label or two (对策建议), or any run of them before a colon (事前准备:), is a
    heading; a longer run inside a sentence (事后评估总结) says what to do.
    """
    if not _LABEL_WORD.search(text, body):
        return []
    out = []
    sub = text[body:]
    bare = 0
    for m in _LABEL_ITEM.finditer(sub):
        a, b = m.span(1)
        colon = sub[b:].lstrip().startswith(":")
        if colon and m.group(1) in _KIND_LABELS and _said_after(sub, sub.index(":", b) + 1):
            continue  # 原因:追求完美、不会排优先级: what follows is one, so the label is said
        if b - a <= 4 or colon:
            out.append((body + a, body + b, colon))
            bare += not colon
    if bare and 2 * bare < len(_ITEM_SPLIT.split(sub.strip())):
        # 摸底→宣传→分区布点→总结: among steps with content, a bare 宣传 is a step too
        return [(a, b) for a, b, colon in out if colon]
    return [(a, b) for a, b, _ in out]



# words that carry no point-specific content (used for text-only key points)
_STOP = frozenset(
    """的 了 和 与 及 以及 并 并且 或 或者 等 等等 在 对 对于 把 将 被 让 使 由 从 向 以 为 为了 于
    中 上 下 时 后 前 里 之 其 其中 这 那 这些 那些 各 每 该 此 要 应 应当 应该 需要 需 能 能够 可 可以
    会 是 有 也 都 还 就 再 又 更 最 很 较 比较 进一步 一 一个 一些 一次 一定 多 多种 各种 各类 各项
    不同 相关 有关 主要 重要 必要 充分 切实 认真 积极 及时 全面 有效 有序 合理 科学 具体 实际 真正
    通过 进行 开展 做好 做到 加强 提高 提升 强化 注重 坚持 确保 保证 推动 推进 落实 完善 形成 建立
    采用 采取 运用 利用 结合 围绕 针对 根据 按照 依据 作为 成为 属于 方面 工作 问题 情况 方式 方法
    情形 内容 问题 事项 过程 环节 活动 措施 我们 我 你 他 她 大家 自己 如何 怎么 怎样 什么 哪些 为什么
    因为 所以 因此 但是 但 而 而且 同时 另外 此外 然后 首先 其次 最后 如果 即使 虽然 不再 再次
    就是 没有 值得 避免 两者 二者 下面 上面 还是 已经 正在 能否 是否 不仅 而是 只有 才能 这种 那种
    此类 这类 一种 之间 以上 以下 所谓 其他 其它 所有 任何 可能 需要 必须 一定 这样 那样 怎么样
    比如 例如 包括 一方面 另一方面 不是 只是 还要 也要 都要 就要 要求 做出 作出 给予 给出 起来
    在于 由于 之所以 以便 以免 从而 进而 及其 有的 有些 直接 马上 立即 尽快 立刻 随时
    认为 觉得 以为 看来 谈谈 谈一谈 阐述 提出 取得 表明 确实 这个 那个 自身 本身 防止 杜绝
    这项 那项 该项 此项 本项 这次 那次 此次 本次 这件 那件 这位 那位 这名 该名 这批 那批 这份 那份
    存在 具有 存在着 他们 她们 它 它们 你们 您 咱 咱们""".split()
)
_seg = None


def _segmenter():
    global _seg
    if _seg is None:
        try:
            import rjieba  # type: ignore

            _seg = rjieba.cut
        except Exception:  # pragma: no cover - fall back to runs of CJK, cut in twos
            _seg = _fallback_cut
    return _seg


def _fallback_cut(text: str) -> list[str]:
    out = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[a-z0-9]+", text):
        if run.isascii():
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(0, len(run), 2))
    return out


# --------------------------------------------------------------------------
# preparing a question


@dataclass
class _Unit:
    name: str
    terms: dict  # folded term -> strength
    weight: float
    keyword: bool
    part: int = 0  # units of one part of the point (one item of a list) add up to one part at most
    negative: bool = False  # negated in the point itself (共享 in 信息不共享): matches only negated
    against: set = field(default_factory=set)  # bad things named plainly (甩锅) on a point against them
    short: set = field(default_factory=set)  # terms like 定方案 (制定 shortened before its object): only 定 is evidence
    prompt: bool = False  # the prompt says it (老支书 in a question about 老支书)
    affirm: set = field(default_factory=set)  # terms of a negative unit that carry the negation (有失公平)
    # a keyword's terms that the point's own text says are lacking (规划 in 缺乏科学规划):
    # they match only negated, as the words of a negative unit do
    lacking: set = field(default_factory=set)
    # the point asks to avoid it (跟风 in 避免盲目跟风): saying no to it (别跟风) makes the point;
    # or says it is harmed (公平 in 破坏公平): saying it is not there (不公平) makes the point
    avoid: str = ""  # "" | AVOIDED | HARMED
    # a keyword's terms that the point asks to avoid or says are harmed (套子 of [劝阻, 套子]
    # in 劝阻村民私设套子) -> AVOIDED / HARMED
    avoid_terms: dict = field(default_factory=dict)
    abbreviations: set = field(default_factory=set)  # 谣源 for 谣言 and 来源 side by side
    # how the point's own no reaches it (see _content_words): "stance" (出具 of 不应由社区出具)
    # or "state" (讲清 of 没有讲清) when it negates it; "stance-scoped" / "state-scoped" inside
    # its reach without being what it negates (社区 of 不应由社区出具): an answer may say that
    # with the same kind of no or without
    neg_kind: str = ""
    scoped_terms: dict = field(default_factory=dict)  # a keyword's terms that are scoped (违反规定)


@dataclass
class _Point:
    kp: KeyPoint
    units: list
    saturate: float
    full: float = 0.0  # what finding every unit would give
    # where each word unit sits in the point's text: (unit, start, end), in text order;
    # runs of adjacent missing words are named together (明确法定职责, not 明确、法定、职责)
    layout: tuple = ()
    # per unit: (weight, part), or None for a context word (worked out once, for _found)
    counted: list = field(default_factory=list)
    # units by weight, heaviest first; each unit name -> the longer names of the point that
    # hold it (信息 -> {信息共享}): worked out once, for naming what was matched and missed
    order: tuple = ()
    inside: dict = field(default_factory=dict)
    text: str = ""  # the point's text, folded (worked out once)
    prompt_units: frozenset = frozenset()  # the units that are the question's own words
    weights: tuple = ()  # each unit's weight


# (the conjunction, not a character of a word: 及时, 参与, 和谐, 缓和, 或许, 不可或缺)
_ENUM_LAST = re.compile(r"(?:以及|(?<![温缓调总附柔祥暖])和(?![谐睦气解平善])|及(?![时早格])|(?<![参给])与(?![会其])|(?<!可)或(?![许缺]))")


def _point_pieces(text: str) -> tuple[list[str], bool]:
    """The pieces of a key point's text (its clauses and list items) and whether it is a list.

    培训内容贴近实际:政策解读、群众工作方法、信息化办公技能 -> [培训内容贴近实际, 政策解读,
    群众工作方法, 信息化办公技能], a list (three or more items joined by 、, and nothing
    but a lead-in before a colon besides them).
    """
    pieces: list[str] = []
    enum = False
    for clause in re.split(r"[,;:。!?()]", text):
        items = [x for x in clause.split("、")]
        if len(items) >= 2:
            last = _ENUM_LAST.split(items[-1], maxsplit=1)
            items = items[:-1] + [x for x in last if x]
            if len(items) >= 3:
                enum = True
        pieces.extend(x for x in items if x.strip())
    if enum and sum(1 for c in re.split(r"[,;。!?()]", text) if c.strip()) > 1:
        # the list is one clause of several (制定演练方案,明确场景、流程、职责): the point
        # is its clauses, not the list's items
        enum = False
    return pieces, enum


def _known_word(word: str, lex: Lexicon) -> bool:
    if word in lex.synonyms or word in lex.related:
        return True
    try:
        import rjieba  # type: ignore

        return bool(rjieba.has_word(word))
    except Exception:  # pragma: no cover
        return True


def _fragment(word: str) -> bool:
    """A two-character word the segmenter does not know is a fragment when one of its
    characters is a word of grammar on its own (时要, 乱要: 要); 文旅, 文创 are new words."""
    return any(_frequency(c) > GRAMMAR_CHAR_FREQ for c in word)


def _thesaurus_terms(piece: str, tokens: list, lex: Lexicon) -> dict[int, str]:
    """Thesaurus terms the segmenter cut apart in ``piece``: token index -> the term
    it is part of (整治/黑臭/水体 -> {1: 黑臭水体, 2: 黑臭水体}).

    A term counts only when it starts and ends where words of ``piece`` do
    (节水 is not in 季节/水果); the longest term at a word wins.
    """
    if not lex.starts or len(tokens) < 2 or "".join(tokens) != piece:
        return {}
    bounds = []
    pos = 0
    for w in tokens:
        bounds.append(pos)
        pos += len(w)
    ends = {b + len(w): k for k, (b, w) in enumerate(zip(bounds, tokens))}
    out: dict[int, str] = {}
    k = 0
    while k < len(tokens):
        for t in lex.terms_at(piece, bounds[k]):
            last = ends.get(bounds[k] + len(t))
            if last is not None and last > k:
                out.update((j, t) for j in range(k, last + 1))
                k = last
                break
        k += 1
    return out


def _join_singles(tokens: list[str], lex: Lexicon) -> list[str]:
    """Two single characters the segmenter left apart that make a known word are that
    word (约/谈 of 约谈平台企业 -> 约谈)."""
    if len(tokens) < 2:
        return tokens
    out: list[str] = []
    k = 0
    while k < len(tokens):
        a = tokens[k]
        if (k + 2 < len(tokens) and len(a) == 1 and len(tokens[k + 1]) == 2 and len(tokens[k + 2]) == 1
                and all(is_cjk(c) for c in a + tokens[k + 1] + tokens[k + 2])):
            # 及/时下/架 -> 及时 下架: a word cut across the two it overlaps, when both are words
            left, right = a + tokens[k + 1][0], tokens[k + 1][1] + tokens[k + 2]
            if _known_word(left, lex) and _known_word(right, lex):
                out += [left, right]
                k += 3
                continue
        if k + 1 < len(tokens) and len(a) == 1 and len(tokens[k + 1]) == 1 and is_cjk(a) and is_cjk(tokens[k + 1]):
            w = a + tokens[k + 1]
            if w[1] not in _WEAK_VERB_CHARS and _known_word(w, lex):  # (not 选好: a verb and its result)
                out.append(w)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


@lru_cache(maxsize=1024)
def _named_lack(word: str) -> bool:
    """A word that starts like a negation and names a shortcoming (不足, 缺点, 缺陷, 不良):
    content of a point (坦诚自己的不足), not a stance."""
    if _CUE_KIND.get(word) != "not" or word in ("不同", "不久", "不错", "个别", "无人"):
        return False
    tags = _tag(word)
    return len(tags) == 1 and tags[0][1][:1] in ("n", "a")


_NOT_ONLY = re.compile(r"而?不(?:只|仅仅|仅|光|单)是")


_NOT_FOR = re.compile(r"不(?:会|能|得|要|可)?因(?:为)?")


def _negated_for_cause(piece: str, tokens: list[str]) -> set[int]:
    """不因未认证停发养老金, 不因被投诉而放松原则: what is negated is the action (停发, 放松),
    not its cause; the indices of those tokens."""
    out: set[int] = set()
    for m in _NOT_FOR.finditer(piece):
        pos, spans = 0, []
        for k, w in enumerate(tokens):
            at = piece.find(w, pos)
            pos = at + len(w) if at >= 0 else pos
            if at >= m.end():
                spans.append((k, at, w))
        i = piece.find("而", m.end())
        if i >= 0:  # 不因X而V: the verb after 而
            verbs = [k for k, at, w in spans if at > i and _is_verb(w.strip())][:1]
        else:  # 不因XV: the last verb
            verbs = [k for k, at, w in spans if _is_verb(w.strip())][-1:]
        out.update(verbs)
    return out


# how a thing is done, before the verb (急于辩解): a no on it reaches the verb
_MANNER = frozenset(("急于", "急着", "轻易", "随意", "随便", "盲目", "一味", "贸然", "擅自", "私自", "过早", "刻意", "故意"))


_CAUSED = re.compile(r"让|使")
# a service number inside a phrase keyword (拨打120急救电话, 12345热线)
_HOTLINE = re.compile(r"(?<![0-9])(?:110|119|120|122|12315|12345|12348|12356|12369|95598|96110)(?![0-9])")
# how well a thing was done, in a point that names a failing by its no (计划不科学, 交接不到位)
_DONE_WELL = frozenset(("科学", "到位", "充分", "周全", "周到", "细致", "合理", "清楚", "明确", "规范", "完善",
                        "及时", "扎实", "严谨", "全面", "准确", "够"))
_FAILING = re.compile(r"(?:不|没有?|未)(?:够|太)?(?:" + "|".join(sorted(_DONE_WELL, key=len, reverse=True)) + ")")
# (a step, not a thing: 没规划好, 没交接清楚, never 没有什么不足, which denies the failing)
_DONE_RESULT = frozenset("好清完全透")
# …and the candidate's own failing said as not done (没规划好, 没交接清楚)
_NOT_DONE = re.compile(r"没有?|未")


def _content_words(text: str, lex: Lexicon) -> list[tuple[str, tuple[str, ...], int, bool, str, str]]:
    """Content words of a key point's text: (word, its shorter parts, piece index, negated
    there, the thesaurus term it is part of or "", how the point's own no reaches it:
    "stance" / "state" when it negates the word, "stance-scoped" / "state-scoped" when the
    word is inside its reach without being what it negates, or "").

    总结报告 -> parts 总结, 报告; the piece is the clause / list item the word is in;
    黑臭 and 水体 of 整治黑臭水体 are parts of the thesaurus term 黑臭水体.
    """
    seg = _segmenter()
    words = []
    seen = set()
    label = _POINT_LABEL.match(text)
    if label:
        text = text[label.end():]  # 提出对策:完善扶持政策… -> 完善扶持政策…: the label says what kind of point
    pieces, _ = _point_pieces(text)
    for pi, piece in enumerate(pieces):
        tokens = _join_singles(seg(piece), lex)
        cues = _cues(piece)
        own_cues = len(cues)
        # 真实动机,而不只是图稳定: in a key point, what comes after 不只是 is not enough on its
        # own (in an answer 不只是X,还要Y keeps X)
        cues += [(m.start(), m.end(), "strong", len(piece)) for m in _NOT_ONLY.finditer(piece)]
        if cues and "".join(tokens) == piece:
            # a cue inside a word negates nothing (无 in 三无食品)
            starts, pos = set(), 0
            for w in tokens:
                starts.add(pos)
                pos += len(w)
            own_cues = sum(1 for c in cues[:own_cues] if c[0] in starts)
            cues = [c for c in cues if c[0] in starts]
        whole = _thesaurus_terms(piece, tokens, lex)
        before = len(words)
        because = _negated_for_cause(piece, tokens)
        pos = 0
        prev_negated = None
        for k, w in enumerate(tokens):
            at = piece.find(w, pos)
            pos = at + len(w) if at >= 0 else pos
            # 信息不共享, 缺乏沟通: the point is about a lack; the word counts only when negated too
            # (缺乏基层经验和工作方法: everything a cue of lack reaches is lacking)
            negating = next((
                (a, b) for a, b, _, reach in cues
                if at >= 0 and (
                    (b <= at <= b + 1 and piece[b:b + 1] not in _PREPOSITIONS)
                    or (piece[a:b] in _LACK and b <= at < reach)
                    # 不与租客争执: the verb after the phrase is what is negated, not 租客
                    or (piece[b:b + 1] in _PREPOSITIONS and b + 2 <= at < reach
                        and (_is_verb(w.strip()) or (k >= 2 and piece[b:b + 1] != tokens[k - 1])))
                )
            ), None)
            negative = negating is not None or k in because
            if not negative and k and prev_negated is not None and tokens[k - 1].strip() in _MANNER:
                # 不急于辩解, 不轻易表态: the no on how it is done is a no on doing it
                negating, negative = prev_negated, True
            prev_negated = negating if negative else None
            w = w.strip()
            if negative and _named_lack(w):
                negative = False  # 缺乏经验等不足: the shortcoming is named, not lacking
                negating = None
            # how the point says no to it: rejecting it (不应由社区出具) or saying it is not so
            # (没有讲清); 社区 of 不应由社区出具, 费用 of 不收任何费用 are inside the reach of
            # that no without being what it negates (an answer may say them with the same no or
            # without). Not within a lack (缺乏经验等不足), where all is lacking or named.
            if not negative and at >= 0:
                negating = next((
                    (a, b) for a, b, _, reach in cues[:own_cues]
                    if b <= at <= reach and piece[a:b] not in _LACK and not _named_lack(w)
                ), None)
            kind = ""
            if negating is not None:
                kind = ("stance" if piece[negating[0]:negating[1]] in _STANCE else "state") + (
                    "" if negative else "-scoped"
                )
            # 通过考核 -> 考核: drop a leading function word glued to the content
            for stop in ("通过", "进行", "加强", "做好", "采取", "及时", "积极", "认真"):
                if w.startswith(stop) and len(w) - len(stop) >= 2:
                    w = w[len(stop):]
            if w == "时间" and k and tokens[k - 1] == "第一":
                continue  # 第一时间: at once, one time word (the other half is a time anchor)
            if len(w) < 2 or w in _STOP or w in seen or (w in _CUE_KIND and not _named_lack(w)):
                continue  # 缺乏, 反对, 不断 …: stance words, not content
            if not all(is_cjk(c) or c.isalnum() for c in w):
                continue
            if w.isdigit():
                continue
            if len(w) == 2 and ((w[0] in "不没无未非别" and not _named_lack(w)) or (not _known_word(w, lex) and _fragment(w))):
                continue  # a negation, or a two-character fragment the segmenter guessed (时要, 乱要)
            seen.add(w)
            parts: tuple[str, ...] = ()
            if len(w) >= 3 and all(is_cjk(c) for c in w):
                parts = tuple(x for x in _aligned_parts(w) if x not in _STOP)
            words.append((w, parts, pi, negative, whole.get(k, ""), kind))
        set_phrase = piece.strip()
        if len(words) == before and len(set_phrase) == 4 and all(is_cjk(c) for c in set_phrase):
            # 签而不约: a set phrase the segmenter cuts into pieces that are no words
            # (签而 / 不约) is a word of the point as a whole
            seen.add(set_phrase)
            words.append((set_phrase, (), pi, False, "", ""))
    return words


def _tag(text: str) -> list[tuple[str, str]]:
    """Words of ``text`` with their part of speech (v verb, n noun, a adjective ...)."""
    try:
        import rjieba  # type: ignore

        return list(rjieba.tag(text))
    except Exception:  # pragma: no cover
        return [(w, "v") for w in _fallback_cut(text)]


@lru_cache(maxsize=4096)
def _is_word(chars: str) -> bool:
    """``chars`` is a word of the segmenter's dictionary (确定, 指导)."""
    try:
        import rjieba  # type: ignore

        return bool(rjieba.has_word(chars))
    except Exception:  # pragma: no cover
        return False


def _frequency(word: str) -> int:
    """How common a word is in general Chinese: jieba's dictionary frequency (-1 if unknown).

    消防 259, 失信 101 are rare and specific to a point; 部门 16543, 群众 17850 are not.
    """
    try:
        import rjieba  # type: ignore

        return int(rjieba.suggest_freq(word))
    except Exception:  # pragma: no cover
        return -1


def _search_parts(word: str) -> list[str]:
    try:
        import rjieba  # type: ignore

        return list(rjieba.cut_for_search(word))
    except Exception:  # pragma: no cover
        return [word[i:i + 2] for i in range(0, len(word) - 1, 2)]


def _aligned_parts(word: str) -> list[str]:
    """The shorter words inside ``word`` that sit on its word boundaries: 发生 and 意外
    of 发生意外, not 生意 across them; 信息, 共享, 平台 and 信息共享 of 信息共享平台."""
    parts = [x for x in dict.fromkeys(_search_parts(word)) if x != word and len(x) >= 2 and x in word]
    starts: dict[int, list[str]] = {}
    for x in parts:
        starts.setdefault(word.find(x), []).append(x)
    bounds, i = {0, len(word)}, 0
    while i < len(word):  # tile the word with its shortest parts, left to right
        here = starts.get(i)
        if here:
            i += min(len(x) for x in here)
            bounds.add(i)
        else:
            i += 1
    return [x for x in parts if word.find(x) in bounds and word.find(x) + len(x) in bounds]


def _expand(term: str, lex: Lexicon, strength: float, terms: dict, prompt: str = "", related: bool = True) -> None:
    """Add ``term`` and its synonyms (same strength) and relatives (weak, unless not
    ``related``) to ``terms``.

    A synonym or relative that the prompt itself contains says little (调研 in a
    question about organising a 调研): it counts as much as a prompt word.
    """
    t = fold_term(term)
    if not t:
        return
    terms[t] = max(terms.get(t, 0), strength)
    own_in_prompt = t in prompt
    synonyms = lex.synonyms_of(t)
    for s in synonyms:
        v = strength * (PROMPT if s in prompt and not own_in_prompt else 1.0)
        if terms.get(s, 0) < v:
            terms[s] = v
    relatives = lex.related_of(t) if related else ()
    for r in relatives:
        v = WEAK * strength * (PROMPT if r in prompt and not own_in_prompt else 1.0)
        if terms.get(r, 0) < v:
            terms[r] = v
    # 20项 said as 二十项 or 20 项: a small number in words, or set off by a space
    for x in [x for x in (t, *synonyms) if _SMALL_NUMBER.search(x)]:
        for y in _number_forms(x):
            if terms.get(y, 0) < terms[x]:
                terms[y] = terms[x]
    # 不计较 said as 不会计较, 不往心里去 as 不会往心里去: a negated term with a modal inside
    # (for the terms this call added; earlier calls did theirs)
    for x in [x for x in (t, *synonyms, *relatives) if len(x) >= 3 and x[0] == "不" and x[1] not in "会要去太用能是"]:
        for cue in _NEG_FORMS:
            y = cue + x[1:]
            if terms.get(y, 0) < terms[x]:
                terms[y] = terms[x]
        if x[1:3] in _MANNER and len(x) >= 5:
            y = "不" + x[3:]  # 不轻易表态 said as 不表态: the no on how reaches the doing
            if terms.get(y, 0) < terms[x]:
                terms[y] = terms[x]


_SMALL_NUMBER = re.compile(r"(?<![0-9])([0-9]{1,2})(?=[\u4e00-\u9fff])")
_DIGIT_WORDS = "零一二三四五六七八九"


def _in_words(n: int) -> str:
    """1-99 in Chinese numerals (12 -> 十二, 20 -> 二十, 35 -> 三十五)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _DIGIT_WORDS[tens] + "十"
    return head + (_DIGIT_WORDS[ones] if ones or not tens else "")


def _number_forms(term: str) -> list[str]:
    """Other ways of writing a term's small numbers before a Chinese word: 20项 as 二十项 and
    20 项, 2天 as 两天 too (a number of three digits or more, 12345, is said as it is)."""
    out = []
    for m in _SMALL_NUMBER.finditer(term):
        n = int(m.group(1))
        if n == 0:
            continue
        a, b = m.span()
        words = [_in_words(n)] + (["两"] if n == 2 else [])
        out += [term[:a] + w + term[b:] for w in words]
        out.append(term[:b] + " " + term[b:])
    return out


def _layout(text: str, units: list) -> tuple:
    """Positions of the point's own words in its text, in order (keyword groups have none)."""
    out = []
    pos = 0
    for ui, u in enumerate(units):
        if u.keyword:
            continue
        at = text.find(u.name, pos)
        if at < 0:
            at = text.find(u.name)
        if at < 0:
            continue
        out.append((ui, at, at + len(u.name)))
        pos = at + len(u.name)
    return tuple(sorted(out, key=lambda x: x[1]))


def _negation_start(text: str, start: int) -> int:
    """Where the negation of the word at ``start`` begins, in its clause (不 of 不与同事赌气)."""
    lo = max(0, start - 6)
    for c in ",;:。、，；：":
        lo = max(lo, text.rfind(c, lo, start) + 1)
    return next((i for i in range(lo, start) if text[i] in "不没无未非别"), start)


_PHRASE_BREAK = frozenset(",;:。!?、()\"'“”‘’ \n，；：！？（）「」《》【】　")
# one-character words that stand between phrases rather than belong to them
_LITTLE = frozenset("的和与及或并对在把将被向从为以于给让使由等了着过也都还就又再而且是有")


@lru_cache(maxsize=1024)
def _orphans(text: str) -> frozenset:
    """Where a lone content character the segmenter split off ends (适 of 适/老化/改造)."""
    out, pos = set(), 0
    for w in _segmenter()(text):
        pos += len(w)
        if len(w) == 1 and is_cjk(w) and w not in _LITTLE and w not in _STOP:
            out.add(pos)
    return frozenset(out)


_SUFFIXES = frozenset("化性者式型率度感力员")


@lru_cache(maxsize=1024)
def _filler(text: str) -> bool:
    """Whether ``text`` is only words that are no point's words (这项工作 of 承认这项工作枯燥单调)."""
    return all(w in _STOP or w in _LITTLE for w in _segmenter()(text))


# a lack said after what is lacking (沟通不够, 了解不足): part of the phrase to add
_LACK_AFTER = ("不到位", "不充分", "不及时", "不够", "不足", "不周", "不清", "不力", "不当", "不细", "欠缺")


def _missing_phrases(p: "_Point", found, said: str, limit: int = 4, prompt: str = "") -> tuple[str, ...]:
    """What to add, for a point graded from its text: its missing words, adjacent ones
    joined back into the phrase they make (明确法定职责, 轮流值班), the weightiest first
    chosen, shown in the point's order.

    A word already said (or the question's own) is not named alone, but it holds a phrase
    together, before or after the missing words: 劝阻游客翻护栏 after 没必要劝阻 (not 翻护栏
    alone, as if adding that would do), 群众来回跑腿 when 跑腿 was said."""
    text = p.kp.point or ""
    runs: list[list] = []  # [start, end, weight, negative]
    last_end = -1
    chain = ""  # what last_end closes: "run" (the last run), "said" (words already said), ""
    said_from = -1  # where the words already said start, when chain is "said"
    orphans = _orphans(text)

    def joins(a: int) -> bool:
        # next to the last word (or inside it: two units over the same characters), or a
        # little word away (推出大字版和语音播报, 手把手教老年人, 反思自己的不足)
        if not chain or last_end < 0:
            return False
        if a <= last_end:
            return True
        gap = text[last_end:a]
        return not any(c in _PHRASE_BREAK for c in gap) and (
            len(gap) <= 2 or (len(gap) == 3 and gap[-1] in _LITTLE) or (len(gap) <= 4 and _filler(gap))
        )

    for ui, a, b in p.layout:
        u = p.units[ui]
        start = a
        while start > max(last_end, 0) and start in orphans:
            start -= 1  # characters the segmenter left alone belong to the word after them (适 of 适老化, 伤到 of 伤到孩子)
        if start < a and (a - start < 2 or joins(start) or not (prompt and text[start:a] in prompt)):
            a = start  # (but a phrase does not open with the question's 小李: 坦诚沟通, not 李坦诚沟通)
        if b + 1 in orphans and (text[b] in _SUFFIXES or b + 1 == len(text) or text[b + 1] in _PHRASE_BREAK):
            b += 1  # … and a suffix to the word before it (化 of 常态化), and a last one to its phrase (滥 of 过多过滥)
        was_said = ui in found or u.name in said
        if u.weight < 0.2 or was_said:
            # a word of the question itself (演练) is not worth naming alone, and a word
            # already said needs no adding, but either holds a phrase together:
            # 制定演练方案, 了解社区工作者 (not 了解、工作者 when 社区 was said)
            if joins(a):
                if chain == "run":
                    runs[-1][1] = max(runs[-1][1], b)
                last_end = max(last_end, b)
            elif was_said:
                chain, said_from, last_end = "said", a, b
            else:
                chain = ""
            continue
        if chain == "run" and joins(a):
            runs[-1][1] = max(runs[-1][1], b)
            runs[-1][2] = max(runs[-1][2], u.weight)
            runs[-1][3] = runs[-1][3] or u.negative
            last_end = max(last_end, b)
        elif chain == "said" and joins(a):
            runs.append([said_from, b, u.weight, u.negative])
            last_end = max(last_end, b)
        else:
            runs.append([a, b, u.weight, u.negative])
            last_end = b
        chain = "run"
    for r in runs:
        if r[3]:
            # a word the point negates is named with its negation: add 不与同事赌气争执, not 赌气
            r[0] = _negation_start(text, r[0])
        lack = next((w for w in _LACK_AFTER if text.startswith(w, r[1])), None)
        if lack and (r[1] + len(lack) == len(text) or text[r[1] + len(lack)] in _PHRASE_BREAK):
            # …and with the lack said after it: 沟通不够, 基层实际情况了解不够 (without it, the
            # advice reads as the opposite, as if the point asked for the thing)
            r[1] += len(lack)
    for r in runs:
        # (and a word of no weight that closes the phrase: 解决看病问题, not 解决看病)
        tail = text[r[1]:r[1] + 2]
        if len(tail) == 2 and tail in _STOP and (r[1] + 2 == len(text) or text[r[1] + 2] in _PHRASE_BREAK):
            r[1] += 2
    if len(runs) > 1:
        # an illustration (如解释不够耐心) is not a thing to add beside the point itself
        core = [r for r in runs if not any(text.startswith(c, r[0]) for c in _EXAMPLE_CUES)]
        runs = core or runs
    chosen = sorted(sorted(runs, key=lambda r: -r[2])[:limit], key=lambda r: r[0])
    return tuple(dict.fromkeys(text[a:b] for a, b, *_ in chosen))


@lru_cache(maxsize=8192)
def _in_prompt(term: str, prompt: str) -> bool:
    """The prompt says ``term``, whole or with one more character inside (老支书 in 老村支书)."""
    if term in prompt:
        return True
    n = len(term)
    if n < 2 or not all(is_cjk(c) for c in term):
        return False
    i = prompt.find(term[0])
    while i >= 0:
        w = prompt[i:i + n + 1]
        if len(w) == n + 1 and w[-1] == term[-1] and all(is_cjk(c) for c in w):
            if any(w[:k] + w[k + 1:] == term for k in range(1, n)) and (n >= MIN_SHORTENED or _is_word(w)):
                return True  # (老人 for the 老年人 of the prompt: a word of its own there)
        i = prompt.find(term[0], i + 1)
    return False


# cues that start an illustration of what the point says (不足,如缺乏经验; 包括政策解读)
_EXAMPLE_CUES = frozenset(("比如", "例如", "譬如", "诸如", "包括", "如", "像"))
_EXAMPLE_ANYWHERE = frozenset(("比如", "例如", "譬如", "诸如", "包括"))  # 如 / 像 only open a clause


def _illustrations(text: str) -> set[str]:
    """Words of a key point that only illustrate it: after 如/比如/例如/像/包括 to the end
    of the clause (反思…不足,如解释不够耐心). The point's core is the rest; a word said
    elsewhere in the point is core too.

    The items before 等 (邀请律师、法官等专业人员) are left alone: they name instances of
    the point's own category, and graders count naming one (measured: treating them as
    illustrations lost more right verdicts than it fixed)."""
    if not text or (_point_pieces(text)[1]):
        return set()  # a point that is a list (专家授课、案例研讨等多种形式): its items are the point
    seg = _segmenter()
    inside: set[str] = set()
    outside: set[str] = set()
    for ci, clause in enumerate(re.split(r"[,;:。!?()]", text)):
        tokens = [t for t in seg(clause) if t.strip()]
        mark = [False] * len(tokens)
        for k, t in enumerate(tokens):
            if t in _EXAMPLE_CUES and (t in _EXAMPLE_ANYWHERE or (k == 0 and ci > 0)):
                for j in range(k + 1, len(tokens)):
                    mark[j] = True
                break
        for t, m in zip(tokens, mark):
            (inside if m else outside).add(t)
    return inside - outside


def _prepare(question: Question, lex: Lexicon) -> list[_Point]:
    prompt = fold(question.prompt or "")
    points_text = [fold(kp.point or "") for kp in question.key_points]
    points = []
    for i, kp in enumerate(question.key_points):
        units = []
        have: set = set()  # the keywords and their exact synonyms: the point's text adds them no more
        words = _content_words(points_text[i], lex)
        if kp.keywords:
            # (not in a phrase that says when something else applies: 无法兑现的 of 无法兑现的依法补偿)
            negated_words = [
                w for w, _, _, negative, _, _ in words if negative and w + "的" not in points_text[i]
            ]
            scoped_words = [(w, kind) for w, _, _, _, _, kind in words if kind.endswith("-scoped")]
            for group in kp.keywords:
                terms: dict = {}
                lacking: set = set()
                scoped_terms: dict = {}
                avoid_terms: dict = {}
                for term in group:
                    _expand(term, lex, EXACT, terms, prompt)
                    t = fold_term(term)
                    for number in _HOTLINE.findall(t) if len(t) > 4 else ():
                        # 拨打120急救电话 said as 打120, 马上打120: the number is the phrase's point
                        if number != t and number not in prompt:
                            terms.setdefault(number, EXACT)
                    if any(t in w for w in negated_words):
                        lacking |= {t} | set(lex.synonyms_of(t)) | set(lex.related_of(t))
                    elif (kind := next((k for w, k in scoped_words if t in w), "")):
                        # 违反规定 of 劝群众不评价违反规定: inside the point's no, not what it negates
                        scoped_terms.update((x, kind) for x in {t} | set(lex.synonyms_of(t)))
                    elif not _is_bad(t) and (kind := _avoided(t, points_text[i])):
                        avoid_terms.update((x, kind) for x in {t} | set(lex.synonyms_of(t)))
                    have.add(t)
                    have |= lex.synonyms_of(t)
                if not terms:
                    continue
                in_prompt = all(t in prompt for t in terms)
                if not in_prompt:
                    # 老张 in a group [张叔, 老张] when the prompt is about 老张: naming the
                    # prompt's person or thing is not making the point
                    for t in terms:
                        if _in_prompt(t, prompt):
                            terms[t] = min(terms[t], PROMPT)
                units.append(
                    _Unit(fold_term(group[0]), terms, PROMPT_GROUP if in_prompt else 1.0, True, part=-1 - len(units),
                          prompt=in_prompt, lacking=lacking, avoid_terms=avoid_terms, scoped_terms=scoped_terms)
                )
            # (a group the prompt says is context, and not one of the groups to be found)
            saturate = max(SATURATE_KEYWORDS, KEYWORD_SHARE * len([u for u in units if not u.prompt]))
        if not kp.keywords or TEXT_WITH_KEYWORDS:
            scale = TEXT_WITH_KEYWORDS if kp.keywords else 1.0
            examples = _illustrations(points_text[i])
            anchors = _time_anchors(points_text[i])
            # pieces of a terse point (稳情绪, 稳情绪、讲政策): a verb and its object in a few characters
            label = _POINT_LABEL.match(points_text[i])
            terse = [len(x) <= 4 and len(points_text[i]) <= 9
                     for x in _point_pieces(points_text[i][label.end():] if label else points_text[i])[0]]
            for w, parts, piece, negative, whole, neg_kind in words:
                if w in have:
                    continue
                terms = {}
                affirm: set = set()
                if whole and not kp.keywords:
                    # 黑臭 of 黑臭水体: an exact synonym of the whole term (臭水沟) makes every
                    # part of it, as the whole term itself does. Not on keyword points: there the
                    # tutor's keywords say what counts, and a synonym of a side phrase of the text
                    # (异地结算 for 异地就医 in 先办理异地就医备案) tipped missed points over
                    _expand(whole, lex, EXACT, terms, prompt, related=False)
                    if negative and _cues(whole):
                        # 有失公平 for the 不公平 of a point: the whole term carries the
                        # negation, so its synonyms say it as they stand
                        affirm = set(terms)
                for part in parts:
                    # 岗位 of 岗位责任 when the question names the 岗位: a prompt word
                    strength = PART * (PROMPT if part in prompt else 1.0)
                    if _frequency(part) > COMMON_FREQ:
                        strength *= COMMON_PART  # 环境 of 周边环境 alone may be any 环境
                    _expand(part, lex, strength, terms, prompt)
                _expand(w, lex, EXACT, terms, prompt)
                weight = 1.0
                # 情绪 of a point 稳情绪 on a question where 情绪很激动: the point is the whole term
                # (a verb the question does not say, with its object), not the question's word
                said_whole = bool(whole) and whole != w and not kp.keywords and terse[piece] \
                    and not _in_prompt(whole, prompt)
                in_prompt = not said_whole and _in_prompt(w, prompt)
                if said_whole:
                    # …and the object alone (政策, 情绪) stays the question's word
                    for t in {w} | set(lex.synonyms_of(w)):
                        if t in terms:
                            terms[t] = min(terms[t], PROMPT)
                if in_prompt or (not said_whole and any(
                    len(x) >= 3 and x in prompt and w not in lex.related_of(x) for x in lex.synonyms_of(w)
                )):
                    # (村务公开 when the question is about 政务公开: its synonym names the topic;
                    # but 安全隐患 when the question describes one kind of it, 灭火器过期, is the point's)
                    weight *= PROMPT
                others = sum(1 for j, pt in enumerate(points_text) if j != i and w in pt)
                if not kp.keywords and _CAUSED.search(points_text[i]) and re.search(
                        r"(?:让|使得?)" + re.escape(w) + r"(?!的)", points_text[i]) and not _is_verb(w):
                    # 老人 of 让老人少排队: who the goal is for, not the goal
                    weight *= BENEFICIARY
                weight /= 1 + others
                if _is_time_word(w) or w in anchors:
                    weight *= WHEN  # 会后, 会上, 当天: when something is done, not what
                if w in examples and not negative:
                    # (a fault it names, 不够耐心, still counts when the answer admits it)
                    weight *= EXAMPLE  # 解释 in 不足,如解释不够耐心: an illustration, not the point
                if kp.keywords and 0 <= _frequency(w) <= RARE_FREQ:
                    scale = 1.0  # a rare, specific word of the point says as much as a keyword
                else:
                    scale = TEXT_WITH_KEYWORDS if kp.keywords else 1.0
                avoid = "" if negative else _avoided(w, points_text[i])
                units.append(_Unit(w, terms, weight * scale, False, part=piece, negative=negative,
                                   prompt=in_prompt, affirm=affirm, avoid=avoid, neg_kind=neg_kind))
            if not kp.keywords:
                # a point that lists things (专家授课、案例研讨、现场观摩等) is covered by one
                # of them said plainly, as any other point by one of its parts: graders
                # credit 去做得好的社区实地参观 for it (wanting two cost right verdicts in every set)
                saturate = SATURATE_TEXT
        if _speaks_against(points_text[i]):
            for u in units:
                if u.keyword and not _unopposed_bad(u.name):
                    u.against = {t for t in u.terms if _unopposed_bad(t)}
                elif not kp.keywords and not u.keyword and not u.negative and _unopposed_bad(u.name):
                    u.against = {t for t in u.terms if _unopposed_bad(t)}
        _add_short_verbs(units, points_text[i], lex)
        if _ADMIT_POINT.match(points_text[i]):
            _add_concessions(units)
        _add_abbreviations(units, points_text[i])
        total = sum(u.weight for u in units)
        point = _Point(kp, units, min(saturate, total) if total else 1.0)
        point.counted = [(u.weight, u.part) if u.weight >= CONTEXT else None for u in units]
        point.full = _found(point, {u: (EXACT, 2 * u, 2 * u + 1) for u in range(len(units))})
        point.layout = _layout(points_text[i], units)
        point.order = tuple(sorted(range(len(units)), key=lambda u: -units[u].weight))
        point.text = points_text[i]
        point.prompt_units = frozenset(u for u in range(len(units)) if units[u].prompt)
        point.weights = tuple(u.weight for u in units)
        names = {u.name for u in units}
        point.inside = {n: frozenset(m for m in names if m != n and n in m) for n in names}
        points.append(point)
    return points


_PRONOUNS = ("他", "她", "大家", "对方", "您")
# verbs of saying and doing in general: 说他, 让他, 给他 say nothing of 劝说, 让步, 给予
_SAY_CHARS = "说讲看想让给找叫把被使请带用告"
# characters too common in verbs to stand for one alone (进行 -> 行, 做好 -> 好)
_WEAK_VERB_CHARS = "出好行成到过来去上下起入开于进作做加会要能可发提给"


# (期间 is tagged as a word of place, as 线上 is: these say when)
_WHEN_WORDS = frozenset(("期间", "其间", "以来"))


@lru_cache(maxsize=4096)
def _is_time_word(word: str) -> bool:
    """A word that says when (会后, 会上, 事前, 当天, 期间): the segmenter tags most of them t."""
    tags = _tag(word)
    return word in _WHEN_WORDS or (len(tags) == 1 and tags[0][1] == "t")


# a word followed by one of these says when the point happens (开业后, 培训前, 施工期间)
_WHEN_AFTER = frozenset(("后", "前", "时", "之后", "之前", "以后", "以前", "期间", "过后", "结束后"))


def _time_anchors(text: str) -> set[str]:
    """Words of a key point that only say when (开业 of 开业后收集意见, 第一 of
    第一时间赶到现场): what the candidate must do is the rest."""
    out: set[str] = set()
    seg = _segmenter()
    for clause in re.split(r"[,;:。!?()、]", text):
        tokens = [t for t in seg(clause) if t.strip()]
        for k in range(len(tokens) - 1):
            if tokens[k + 1] in _WHEN_AFTER and len(tokens[k]) >= 2:
                out.add(tokens[k])
            if tokens[k] == "第一" and tokens[k + 1] == "时间":
                out.add("第一")  # (时间 right after it is no word of its own: see _content_words)
    return out


@lru_cache(maxsize=8192)
def _is_noun(word: str) -> bool:
    """``word`` is a plain noun (问题, 情况) for the segmenter."""
    tags = _tag(word)
    return len(tags) == 1 and tags[0][1] == "n"


@lru_cache(maxsize=8192)
def _is_verb(word: str) -> bool:
    tags = _tag(word)
    return len(tags) == 1 and tags[0][1][:1] == "v"


# what may come between a verb and its object in a verb-object word (算一笔账, 帮个忙, 开了会)
_VO_GAPS = ("个", "一个", "一笔", "一次", "了", "了个", "过", "好")


def _verb_forms(unit, v: str) -> None:
    """Colloquial forms of the two-character verb ``v`` made with one of its characters c:
    cc / c一c (听听 for 听取; half evidence), c + a pronoun (劝他 for 劝说), c清楚 / c明白 / c一下
    (问清楚 for 询问, 查清楚 for 调查, 量一下 for 测量)."""
    terms = unit.terms
    if len(v) == 2 and all(is_cjk(c) for c in v) and not (set(v) & set("不没无未非别")):
        # a verb and its object said apart (算一笔账 for 算账, 把好关 for 把关, 碰个头 for 碰头)
        for gap in _VO_GAPS:
            t = v[0] + gap + v[1]
            if t not in terms:
                terms[t] = EXACT
    for c in dict.fromkeys(v):
        if c in _GRAMMAR or c in _WEAK_VERB_CHARS or c in "不没无未非别":
            continue
        for t in (c + c, c + "一" + c):
            if t not in terms:
                terms[t] = PART
        forms = ("清楚", "明白", "一下")
        if c not in _SAY_CHARS and c not in _PREPOSITIONS:
            forms += _PRONOUNS  # (not 跟她 for 跟踪: 跟 before a person is 'with')
        for tail in forms:
            t = c + tail
            if t not in terms:
                terms[t] = EXACT
                unit.short.add(t)


def _add_short_verbs(units: list, text: str, lex: Lexicon) -> None:
    """Terse outlines shorten a two-character verb to one of its characters before
    the object: 定方案 for 制定方案, 改方案 for 修改完善方案, 听意见 for 听取意见.

    For every two-character word V of a piece of the point followed (in that
    piece) by a content word O, ``c`` + O (c a character of V) becomes a term of
    V's unit; only ``c`` is evidence for V (O is found as O). The pairs come from
    the point itself, so an object on its own never stands for the verb.
    """
    if not units:
        return
    owner: dict[str, int] = {}
    for ui, u in enumerate(units):
        for t, st in u.terms.items():
            if st >= EXACT and len(t) == 2 and t not in owner:
                owner[t] = ui
    if not owner:
        return
    long_owner = {u.name: ui for ui, u in enumerate(units) if not u.keyword and len(u.name) >= 3}
    # the tutor's two-character verbs (and their exact synonyms) take the colloquial forms too
    for ui, u in enumerate(units):
        if u.keyword:
            for t, st in list(u.terms.items()):
                if st >= EXACT and len(t) == 2 and t not in u.short and _is_verb(t):
                    _verb_forms(u, t)
    pieces, _ = _point_pieces(text)
    for piece in pieces:
        tagged = [(w, t) for w, t in _tag(piece) if len(w) >= 2 and all(is_cjk(c) for c in w)]
        words = [w for w, _ in tagged]
        for k, (word, tag) in enumerate(tagged):
            # the verb: a two-character word (制定, 明确), or the verb inside a longer
            # word of the point (准备 in 提前准备, counting as a part of it)
            ui = owner.get(word)
            if ui is not None and tag[:1] in ("v", "a"):
                verbs = [(word, EXACT)]
            elif len(word) >= 3 and word in long_owner:
                ui = long_owner[word]
                verbs = [(x, PART) for x in _search_parts(word) if len(x) == 2 and x in word and _is_verb(x)]
            else:
                continue  # a noun (领导, 会后)
            for v, strength in verbs:
                if strength == EXACT:
                    _verb_forms(units[ui], v)
                for o in words[k + 1:k + 4]:  # its object: one of the next three words
                    # a general noun is still the verb's object (收集问题清单 -> 收问题)
                    if o == v or (o in _STOP and not _is_noun(o)) or o in _CUE_KIND:
                        continue
                    objects = {o} | {x for x in lex.synonyms_of(o) if len(x) >= 2}
                    if len(o) >= 3:  # 具体意见 -> 意见
                        objects.update(
                            x for x in _search_parts(o) if len(x) >= 2 and (x not in _STOP or _is_noun(x))
                        )
                    for c in dict.fromkeys(v):
                        if c in _GRAMMAR or c in _WEAK_VERB_CHARS or c in "不没无未非别":
                            continue
                        for obj in objects:
                            t = c + obj
                            if t in units[ui].terms:
                                continue
                            units[ui].terms[t] = strength
                            units[ui].short.add(t)


ABBR_COMMON = 1000  # a dictionary word more frequent than this is a word of its own (开车)


# a point that asks the candidate to own up to something (承认岗位辛苦, 正视自身不足)
_ADMIT_POINT = re.compile(r"(?:承认|坦承|坦然承认|正视|清楚|清醒认识到|认识到|明白)")
# … which a concession of the question's own word makes (这份工作确实单调, 虽然单调, 单调是单调)
_CONCEDE = ("确实", "的确", "虽然", "虽说", "承认", "是有点", "是挺", "是比较", "是很", "确实很",
            "确实有点", "确实比较", "的确很", "虽然很", "虽然有点")


def _add_concessions(units: list) -> None:
    """On a point that asks to own up to something, the question's own words of it said as
    a concession (确实单调, 虽然单调, 单调是单调) are the candidate's admission, not a repeat of
    the question: they join as a unit of their own, with the prompt unit's part."""
    for u in list(units):
        if not u.prompt and not any(st <= PROMPT for st in u.terms.values()):
            continue
        said = [t for t, st in u.terms.items() if len(t) >= 2 and all(is_cjk(c) for c in t)
                and (u.prompt or st <= PROMPT) and st >= PROMPT * PART]
        if not said:
            continue
        terms = {}
        for t in said:
            for c in _CONCEDE:
                terms[c + t] = EXACT
            terms[t + "是" + t] = EXACT
        units.append(_Unit(u.name, terms, 1.0 if u.keyword else u.weight / PROMPT if u.prompt else 1.0,
                           u.keyword, part=u.part))


def _add_abbreviations(units: list, text: str) -> None:
    """Two words of the point side by side said by one character of each, as outlines
    shorten them (谣言来源 -> 谣源, 摸排堵点 -> 摸堵, 临时停车 -> 临停): a term of both
    words' units, at a part's strength; found only where it is a word of the answer."""
    by_name = {
        u.name: u for u in units if not u.keyword and not u.prompt and len(u.name) == 2 and u.weight >= CONTEXT
    }
    for a, ua in by_name.items():
        for b, ub in by_name.items():
            if a == b or a + b not in text:
                continue
            for cc in (a[0] + b[0], a[0] + b[1]):
                if cc in text or any(c in _GRAMMAR or c in "不没无未非别" for c in cc):
                    continue
                if _is_word(cc) and _frequency(cc) > ABBR_COMMON:
                    continue  # 开车, 不用: a word of its own
                for u in (ua, ub):
                    if cc not in u.terms:
                        u.terms[cc] = PART
                        u.abbreviations.add(cc)
    # 节约用水 -> 节水: a four-character word of two words, said by one character of each
    for u in units:
        w = u.name
        if u.keyword or u.prompt or len(w) != 4 or u.weight < CONTEXT or not all(is_cjk(c) for c in w):
            continue
        a, b = w[:2], w[2:]
        if not (_is_word(a) and _is_word(b)):
            continue
        for cc in (a[0] + b[0], a[0] + b[1]):
            if cc in text or any(c in _GRAMMAR or c in "不没无未非别" for c in cc):
                continue
            if _is_word(cc) and _frequency(cc) > ABBR_COMMON:
                continue
            if cc not in u.terms:
                u.terms[cc] = PART
                u.abbreviations.add(cc)


# --------------------------------------------------------------------------
# reading the answer


_CUE_KIND: dict[str, str] = {}
for _w in _NEG_WEAK:
    _CUE_KIND[_w] = "weak"
for _w in _NEG_STRONG:
    _CUE_KIND[_w] = "strong"
for _w in _NEG_ONLY:
    _CUE_KIND[_w] = "only"
for _w in _NOT_NEG:
    _CUE_KIND.setdefault(_w, "not")
_CUE_RE = re.compile("|".join(map(re.escape, sorted(_CUE_KIND, key=len, reverse=True))))


@lru_cache(maxsize=8192)
def _is_bad(term: str) -> bool:
    return any(b in term for b in _BAD)


# words that set one against a bad thing right before it (杜绝推诿, 打破信息孤岛, 不甩锅)
_OPPOSE = re.compile(
    r"(?:不|没|无|别|勿|莫|少|杜绝|防止|避免|反对|拒绝|破除|打破|消除|克服|解决|治理|整治|化解|遏制|"
    r"减少|减轻|降低|纠正|根治|摒弃|打击|惩治|严惩|去除|告别|改变|扭转|防范|警惕|不再|不能|不要|不让|"
    r"不搞|不许|不准|严禁|禁止|清除|铲除|消灭|打通)\s*$"
)
_OPPOSE_ANY = re.compile(_OPPOSE.pattern[: -len("\\s*$")])
# looking into a bad thing or putting it right (核实确认错误, 查明隐患, 更正错误) is not having it:
# the words before it are the step taken, not the problem itself
_LOOKED_INTO = re.compile(r"(?:核实|核查|核对|查明|查清|排查|确认|改正|更正|修正|弥补)\s*$")
_BAD_WORD = re.compile("|".join(sorted((re.escape(b) for b in _BAD if len(b) >= 2), key=len, reverse=True)))


def _bad_at(term: str) -> int:
    """Where the bad thing starts in ``term`` (-1: none)."""
    m = _BAD_WORD.search(term)
    return m.start() if m else -1


def _opposed(text: str, start: int, floor: int = 0) -> bool:
    """The bad thing at ``start`` is opposed by the words right before it (不甩锅, 打破…孤岛)."""
    return bool(_OPPOSE.search(text[max(floor, start - 6):start]))


def _unopposed_bad(term: str) -> bool:
    """``term`` names a bad thing without opposing it (信息孤岛, 甩锅; not 不推诿, 减轻负担)."""
    at = _bad_at(term)
    return at >= 0 and not _opposed(term, at)


def _speaks_against(text: str) -> bool:
    """A key point that opposes every bad thing it names (不推诿不甩锅; 避免…信息不通):
    a measure, so the bad things themselves, said plainly, are the problem, not the point."""
    seen = False
    for m in _BAD_WORD.finditer(text):
        seen = True
        a = m.start()
        clause_start = max(text.rfind(c, 0, a) for c in ",;:。、") + 1
        if not _OPPOSE_ANY.search(text, clause_start, a) and not _cues(text[clause_start:a]):
            return False
    return seen


# denying that a bad thing is there (我不认为这是形式主义, 谈不上推诿): the clause up to the term
_DENIAL = re.compile(
    r"(?:不认为|不觉得|并不认为|并不觉得|谈不上|算不上|称不上|不存在|不算|并不算|算不得|未必|不见得|不一定|说什么)(?:这|这是|这就是|是|什么|有|会|就是)?"
    # (and the next items of a list: 不存在什么走过场、层层加码, or 走过场 层层加码)
    r"(?:[^,;:。!?、]{1,8}?[、\s])*\S{0,2}$"
)


# what follows a bad thing to say it is not so (负担不重, 风险并不大, 隐患没那么严重)
_NOT_SO_AFTER = re.compile(
    r"\s*(?:也|都|其实|并|倒|还|就)?(?:不|没|没有)(?:那么|太|很|算|怎么)?(?:重|大|多|严重|突出|明显|繁重|存在)"
    r"(?![要能会用])"
    # 安全风险被夸大了, 风险什么的都是瞎担心
    r"|[^,;:。!?]{0,6}?(?:被夸大|言过其实|夸大其词|危言耸听|是瞎担心|瞎操心|杞人忧天|多虑了)"
)


# a key point asking to avoid something (避免盲目跟风, 防止一刀切, 不搞…) or saying it is
# harmed (破坏公平, 损害公信力): the verb, then the word at most four characters on
_AVOID_VERB = re.compile(r"避免|防止|杜绝|谨防|严禁|禁止|拒绝|反对|不搞|不要|切忌|劝阻|制止|阻止|劝止")
_HARM_VERB = re.compile(r"(?:破坏|损害|扰乱|削弱|丧失|失去)了?")
_GAP_BREAK = frozenset(",;:。!?、")
AVOIDED, HARMED = "avoided", "harmed"


@lru_cache(maxsize=256)
def _verb_ends(point: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the verbs of avoiding and of harm end in a key point's text."""
    return (tuple(m.end() for m in _AVOID_VERB.finditer(point)),
            tuple(m.end() for m in _HARM_VERB.finditer(point)))


def _avoided(word: str, point: str) -> str:
    """AVOIDED when the point asks to avoid ``word`` (避免盲目跟风), HARMED when it says the
    thing is harmed (破坏公平), else "": the word starts at most four characters after
    such a verb, with no punctuation between. (Worked out from the verbs' positions, not
    by a pattern per word: compiling one per word cost ~40 ms of a first grading.)"""
    avoid_ends, harm_ends = _verb_ends(point)
    for kind, ends in ((AVOIDED, avoid_ends), (HARMED, harm_ends)):
        for e in ends:
            i = point.find(word, e, e + 4 + len(word))
            if i >= 0 and not any(c in _GAP_BREAK for c in point[e:i]):
                return kind
    return ""


# the answer says no to the avoiding itself (没必要劝阻他们下套子, 不用制止)
_AVOID_SAID = re.compile(r"(?:不|没|别|甭|无需|无须)[^,;:。!?、]{0,3}?(?:避免|防止|杜绝|劝阻|制止|阻止|劝止|禁止|拦)")


# what follows a bare 不 / 没 in "不X就Y" (不整改就处罚): a condition
# where a negation's reach ends: what is so instead (而是), or the end of the condition it
# states (…无效时, …不动就, …不了的话)
_INSTEAD = re.compile(r"而是|而要|而应|而在")
_ITEM_BREAK = re.compile(r"[、\s]")
_SCOPE_END = re.compile(r"而是|而要|而应|而在|的时候|的话|时|就|则")
# modifiers whose 的 sits inside the thing a no rejects (特殊的贴息贷款, 专门的人工窗口), not at
# the end of a phrase that names what the no is about (不该社区干的事)
_ATTRIBUTIVE = frozenset((
    "特殊", "专门", "额外", "更多", "过多", "太多", "大量", "多余", "单独", "特别", "优惠", "任何",
    "所有", "一切", "各种", "这样", "那样", "这种", "那种", "所谓", "新", "专项", "特定", "统一",
    "别", "其他", "其它", "什么", "啥",
))
# a clause where the candidate turns from a brush-off to what to do (所以重点是…, 而是…)
_TURN = re.compile(r"[,;:]\s*(?=(?:所以|因此|关键是|重点是|而是|但是|不过|我会|我们会|我要|我将))")
_EITHER_OR = re.compile(r"[^,;:。!?]{1,10}?就是")
_IF_NOT = re.compile(r"[^,;:。!?就]{1,6}?就(?:要|会|得|必须|该|应|予以|依法|立即|马上)")


def _cues(clause: str) -> list[tuple[int, int, str, int]]:
    """Negation cues in a clause: (start, end, "strong"|"weak", reach); look-alikes (不断) skipped.

    A strong cue reaches to the end of the clause, or to the 的 that closes the
    phrase it is in (不该社区干的事一律退回去: 退回 is proposed, not rejected);
    a weak one only a few characters.
    """
    out = []
    for m in _CUE_RE.finditer(clause):
        kind = _CUE_KIND[m.group()]
        if kind == "not":
            continue
        a, b = m.start(), m.end()
        if clause[a:b] == "别" and 0 < a and clause[a - 1] not in "可万" and _is_word(clause[a - 1:b]):
            continue  # 甄别, 辨别, 送别: a word ending in 别, not 'don't' (可别, 千万别 are)
        if b - a == 1 and 0 < a and b < len(clause) and clause[a - 1] == clause[b] and is_cjk(clause[b]):
            continue  # 签不签, 去没去: a question (A-not-A), not a negation
        if clause[a:b] == "没有" and 0 < a and clause[a - 1] == "有":
            continue  # 有没有安装报警器: a question too
        if clause[a:b] == "不" and clause[b:b + 2] in _KIND_ADJECTIVES and is_cjk(clause[b + 2:b + 3] or ",") \
                and clause[b + 2] not in "的了地得":
            continue  # 放宽不合理限制, 查处不正当竞争: a kind of thing named, nothing after it negated
        if "难道" in clause[:a] or _HOW_COULD_NOT.search(clause, max(0, a - 6), a) or (
            _NOT_OK_END.search(clause, b) and not _NOT_OK_END.match(clause, a)
        ):
            continue  # 难道不该审核吗, 怎么能不管呢, 不设警示牌怎么行: a question that means "must"
        if kind == "weak" and _IF_NOT.match(clause, b):
            continue  # 到期不更新就要追责: a condition (if not X, then Y), not a rejection of X
        if clause[a:b] == "难道" and _MUST_AFTER.match(clause, b):
            continue  # 难道不该审核吗: the no after it is the question's, and means must
        if clause[a:b] == "不是" and clause[a - 1:a] == "是":
            continue  # 谁知道是不是骗子: a question (是不是), not a no
        if clause[a:b] == "不是" and _EITHER_OR.match(clause, b):
            continue  # 不是缺钱就是缺经验: either … or …, both said
        if clause[a:b] == "难道":
            out.append((a, b, kind, len(clause)))  # 难道…就算宣传到位了?: the whole question
            continue
        if kind != "weak":
            de = clause.find("的", m.end())
            while de >= 0 and (clause[max(m.end(), de - 2):de] in _ATTRIBUTIVE
                               or (de > m.end() and clause[de - 1] in _ATTRIBUTIVE)):
                de = clause.find("的", de + 1)  # 不应该给他们特殊的贷款: the 的 of a modifier of what is rejected
            reach = de if de >= 0 else len(clause)
        else:
            reach = m.end() + _NEG_WEAK_REACH
            # a bare no stays in its own list item: 职责不清、层层下压 and 不打断 倾听 (items
            # of an outline set apart by 、 or a space) leave the next item alone
            sep = _ITEM_BREAK.search(clause, m.end() + 1, reach + 1)
            if sep is not None:
                reach = sep.start()
            elif clause[m.end():m.end() + 1] in _PREPOSITIONS:
                reach += 4  # 不与租客争执: across the phrase to the verb it negates
            else:
                # 沟通不成向领导汇报: a phrase that starts after what the no negates is not negated
                for p in range(m.end() + 1, min(reach, len(clause))):
                    if clause[p] in _PREPOSITIONS and not _is_word(clause[p - 1:p + 1]) \
                            and not _is_word(clause[p:p + 2]):  # (not 同事, 对象: words of their own)
                        reach = p - 1  # (a term reached starts at or before reach)
                        break
            de = clause.find("的", m.end(), reach)
            if de >= 0:
                reach = de  # 不热的楼栋: 不 negates 热, not the 楼栋 its 的-phrase describes
            de = clause.find("者", m.end(), reach)
            if de >= 0:
                reach = de  # 对履职不力者问责: 者 closes the phrase as 的 does
        # 不是推诿而是按规定办事: 而是 says what is so; 劝说无效时强制转移, 劝不动就强制转移:
        # a bare no is the condition, what follows it the step taken (a strong one reaches on:
        # 不能因为被投诉就放松检查, 不要在人多时挤)
        ends = _SCOPE_END if kind == "weak" else _INSTEAD
        stop = ends.search(clause, m.end(), reach + 1)
        while stop is not None and stop.group() == "时" and (
            _is_word(clause[stop.start() - 1:stop.end()]) or _is_word(clause[stop.start():stop.end() + 1])
        ):
            stop = ends.search(clause, stop.end(), reach + 1)  # 及时, 时间: a word, not 'when'
        if stop is not None and stop.start() > m.end():
            reach = stop.start()
        out.append((m.start(), m.end(), kind, reach))
    return out


# a clause that ends by saying no to what it opened with, the topic first and the no after
# it, as people talk (警示牌也不用设, 宣传就不搞了, 寄养的事我帮不了您, 居民愿不愿意无所谓)
_POSTPOSED_NO = re.compile(
    r"(?:(?:我|您|你|咱|咱们|我们|他|他们|大家|人家)?(?:也|就|都|更|还|可|倒|压根|根本|暂时|肯定)?(?:就|也|都)?"
    r"(?:不用|不必|不会|不想|不打算|没法|甭|别|不)(?:再|给您|给你|跟您|跟你|跟他|跟大家|和您)?"
    r"(?P<v>[\u4e00-\u9fff]{1,2}?)"
    r"|(?:我|您|你|咱们|我们)?(?:也|就|都|可)?(?P<pv>[\u4e00-\u9fff]{1,2}?)不(?:了|来|动))"
    r"(?:了|啦)?(?:您|你|他|他们|大家)?(?:吧|啊|呢|嘛)?[。!?.…~\s]*$"
    r"|(?:我|也|都|我也)?(?:无所谓|跟我无关|与我无关|和我无关|跟我没关系|和我没关系|不关我的事|不归我管)[。!?.…~\s]*$"
)
# … but not a no to a bad thing or a fault (问题不回避, 吃苦我不怕: those are the point)
_NO_TO_FAULT = frozenset((
    "怕", "怵", "嫌", "躲", "逃", "推", "拖", "瞒", "骗", "慌", "急", "闹", "吵", "怪", "烦", "乱", "嫌弃",
    "计较", "回避", "推诿", "推脱", "退缩", "后悔", "在乎", "介意", "马虎", "含糊", "松懈", "放松",
    "放过", "护短", "包庇", "上交", "敷衍", "偷懒", "埋怨", "抱怨", "生气", "着急", "放弃", "冲动",
    "耽误", "打扰", "添乱", "超速", "违规", "违法", "出事", "出村", "出门", "动摇", "妥协", "让步",
    "退让", "懈怠", "走样", "变形", "打折", "落下", "掉队", "遗漏", "漏掉", "服输", "气馁", "在意",
))
# one-character verbs of doing something with the topic (警示牌不用设, 宣传不搞了, 120不打了)
_DOING = frozenset("设搞做打来去讲说听管弄办查写开找用提请叫报交装建修买送发贴挂派帮跟理改干收拿放搬教学问")
# what may stand between the topic's terms and the no: grammar, pronouns, the topic's
# markers (这些, 这事, 那边), a list's separators
_TOPIC_FILLER = frozenset("的和与及、这那些个种类样事块边方面嘛呢啊吧我您你他她们咱大家也就都更还可倒其实说到至于对")
# a topic that is a person (老人不会用): the doer, not what the no is about
_PERSON_END = frozenset("人民众长生员户者工客属女子孩姨叔婶爷奶姐哥弟妹爸妈伯")


def _postposed_no(text: str, a: int, b: int, found) -> int:
    """Where the no that closes the clause text[a:b] starts, when all before it is its
    topic: terms found there (``found``: (term, start, end, scale)) and grammar (0: not so)."""
    m = _POSTPOSED_NO.search(text, a, b)
    if m is None or m.start() <= a:
        return 0
    v = m.group("v") or m.group("pv") or ""
    if v in _NO_TO_FAULT or _is_bad(v) or _is_bad(text[m.start():b]):
        return 0  # (平台审核不严: a fault of the topic, described)
    if v and not (v in _DOING if len(v) == 1 else _is_verb(v) or v in ("关心", "理会", "同意", "过问")):
        return 0  # 知情权都没了, 就没意思了, 对法律条文还不熟: a state, not a no to doing it
    at = m.start()
    covered = [False] * (at - a)
    last = None  # the topic's last term (the longest of those ending last)
    for t, s, e, _ in found:
        if a <= s and e <= at:
            for i in range(s - a, e - a):
                covered[i] = True
            if last is None or (e, e - s) > (last[2], last[2] - last[1]):
                last = (t, s, e)
    if last is None or last[0][-1] in _PERSON_END:
        return 0
    if not covered[-1] and text[at - 1] not in _TOPIC_FILLER:
        return 0  # 大家都跑不出去: a verb's own no (跑不出去), not a no after its topic
    if text[at - 1] in "、 " or any(not c and text[a + i] in "不没别" for i, c in enumerate(covered)):
        return 0  # 接受批评、不辩解、不顶撞: a list of things done and not done, each its own item
    # (a short verb of the topic may stay unread: 提高查档效率跟我无关)
    if sum(1 for i, c in enumerate(covered) if not c and text[a + i] not in _TOPIC_FILLER) > 2:
        return 0
    return at


def _negated_after(text: str, end: int, clause_end: int) -> str:
    """(a term) 没必要 / 不可取 / 是错误的 … a few characters after it, in its clause: the
    verdict said ("" if none)."""
    m = _NEG_AFTER.search(text, end, clause_end)
    while m is not None and text.startswith("的", m.end()) and is_cjk(text[m.end() + 1:m.end() + 2] or "."):
        # 用视频会议代替不必要的会议, 减少不必要的环节: a kind of thing named, not a verdict
        m = _NEG_AFTER.search(text, m.end(), clause_end)
    if m is None:
        return ""
    if m.group()[0] == "不" and len(m.group()) == 3 and text[m.start() - 1:m.start()] == m.group()[1]:
        return ""  # 理由靠不靠谱, 合不合适: a question (A-not-A), not a verdict
    if m.start() - end <= _NEG_AFTER_REACH:
        return m.group()
    # the next items of a list between (预约班车、客货邮融合都是花架子, or 预约班车 客货邮融合…)
    items = _ITEM_BREAK.split(text[end:m.start()])
    if len(items) > 1 and all(len(x) <= 8 for x in items[:-1]) and len(items[-1]) <= _NEG_AFTER_REACH:
        return m.group()
    return ""


# verdicts after a term that call it unnecessary, not wrong: 二次落石的风险不用考虑 does not
# avoid the 二次落石 a point warns of (盲目跟风不可取 does)
_NEEDLESS = re.compile(r"没必要|没有必要|不必要|不需要|不用|不必|用不着|犯不着|不考虑|不予考虑|算了|不划算")


def _negation_before(cues: list[tuple[int, int, str, int]], upto: int):
    """The cue before ``upto`` that reaches it (None if none does)."""
    for cue in cues:
        a, b, kind, reach = cue
        if b > upto:
            break
        if upto <= reach:
            return cue
    return None


# stock phrases of an answer that says nothing (确保…圆满成功, 取得良好的社会效果,
# 认真完成领导交给的任务, 不辜负领导信任): a word inside one is not a point made
_BOILER_HINT = re.compile(r"确保|取得|完成|辜负|高度重视|放心|满意|安心|温暖|精心|周密|妥善|较强|很强|良好的|一面|辩证|热情周到|耐心细致|统筹协调|沟通交流|团结协作|增进理解|加强引导|要求自己|心态|了很多|成长很多|收获很多|进步很多|受益|相关工作|各项工作")
_BOILER = re.compile(
    r"确保[^,;:。!?]{0,12}?(?:圆满成功|圆满完成|取得实效|取得良好|取得成效|顺利开展|顺利完成|落到实处|万无一失)"
    r"|取得(?:良好|圆满|理想|显著)的?[^,;:。!?]{0,6}?(?:效果|成效|成果)"
    r"|认真完成[^,;:。!?]{0,12}?任务"
    r"|不辜负[^,;:。!?]{0,8}?(?:信任|期望|期待|重托|培养|厚望)"
    r"|高度重视"
    # 让家长放心, 让群众满意, 让返乡青年感受到党和政府的温暖: a wish, not a measure
    r"|让[^,;:。!?]{0,8}?(?:放心|满意|安心|舒心)(?=[,;:。!?]|$)"
    r"|感受到[^,;:。!?]{0,8}?温暖"
    # 有较强的学习能力, 具备良好的沟通能力: a self-description every template answer claims
    r"|(?:有|具有|具备)(?:较强|很强|良好)的[^,;:。!?]{0,10}?(?:能力|精神|意识|素质)"
    r"(?:(?:和|与|及|、)[^,;:。!?、]{0,8}?(?:能力|精神|意识|素质))*"
    # 精心组织、周密安排, 妥善处置: a manner with nothing to apply it to
    r"|(?:精心|周密|妥善)(?:组织|安排|部署|准备|处置|处理|策划)(?=[,、;:。!?]|$)"
    # 辩证看待,既要看到积极的一面,也要看到消极的一面: the frame of any 综合分析 answer, with nothing in it
    r"|辩证(?:地)?看待|一分为二|(?:看到|看待|正视)?[^,;:。!?]{0,4}?(?:积极|有利|好|消极|不利|坏)的一面"
    # 热情周到地做好接待服务工作: a manner promised, no act of it
    r"|(?:热情周到|耐心细致|热情耐心)(?:地)?(?:做好|搞好|提供)[^,;:。!?]{0,8}?(?:工作|服务)(?=[,、;:。!?]|$)"
    # 加强沟通交流, 统筹协调, 形成合力: a way of working named, with nothing to apply it to
    r"|(?:(?:加强|做好|注重|强化)(?:统筹协调|沟通交流|团结协作)|增进理解|加强引导)(?=[,、;:。!?]|$)"
    # 严格要求自己, 保持积极乐观的心态, 成长了很多, 做好后续相关工作: a resolution of any answer
    r"|严格要求自己|(?:保持|树立|拥有)[^,;:。!?]{0,4}?(?:积极乐观|积极向上|良好|阳光|平和)的?心态"
    r"|(?:成长|收获|进步)了?很多(?=[,;:。!?]|$)|受益匪浅|做好[^,;:。!?]{0,6}?(?:相关|各项)工作(?=[,;:。!?]|$)"
)
# the manners of the exam room: 各位考官好, 下面我来回答这道题, 以上是我的回答,谢谢考官
# (words inside count for nothing, as inside the stock phrases above)
_FORMULA = re.compile(
    r"(?:各位|尊敬的)?考官(?:们|您|你们)?(?:好|上午好|下午好)?"
    r"|下面(?:由)?我(?:来|就)?(?:回答|作答|谈谈|说说|简要)[^,;:。!?]{0,10}"
    r"|(?:以上|这)(?:就)?是我(?:的|对[^,;:。!?]{0,8}的)?(?:全部)?(?:回答|作答|答题)"
    r"|(?:我的)?(?:回答|作答|答题)(?:完毕|结束|到此结束)"
    r"|谢谢(?:各位)?考官"
    # talk about the question, not an answer to it: 这道题考察的是组织协调能力, 我从以下几个方面来回答
    r"|(?:这道题目?|这个题目?|这题|本题|该题|此题|题目)(?:主要)?(?:是在?)?(?:考察|考查|考核|考)[^,;:。!?]{0,30}"
    r"|(?:我)?(?:将|会|就|主要|想)?从(?:以下|下面|如下|这)?[几两三四五六七八]?(?:个)?方面(?:来|进行)?"
    r"(?:回答|作答|谈|说|阐述|展开|分析)?"
)


def _formula_spans(text: str, body: int) -> list:
    """Where the sentence holds the manners of the exam room (a cheap look first)."""
    if "官" not in text and "答" not in text and "题" not in text and "面" not in text:
        return []
    if not ("考官" in text or "回答" in text or "作答" in text or "答题" in text or "方面" in text
            or "道题" in text or "题目" in text or "本题" in text or "该题" in text or "此题" in text
            or "这题" in text or "个题" in text):
        return []
    return [m.span() for m in _FORMULA.finditer(text, body)]



# 暴露出 / 暴露了: what follows, to the end of the clause, is a problem found
# a key point about the problem itself: its cause, its harm, what it shows
_PROBLEM_FRAME = re.compile(
    r"(?:其)?(?:根源|原因|根本原因|深层原因|问题|症结|根子|危害|弊端|实质|本质)(?:主要)?(?:在于|是|有)|暴露(?:出)?|反映(?:出)?"
)
_EXPOSE = re.compile(r"暴露(?:出来|出|了)?")
_CLAUSE_END = re.compile(r"[,;:。!?]")
# 说明 / 表明 opening a clause (这说明, ,也说明) and followed by a statement (…还存在,
# …不到位) says 'this shows'; 说明情况, 说明原因 are still explaining
_SHOWS = re.compile(r"(?:^|[,;:。!?])\s*(?:我觉得|我认为|我看)?(?:这|这也|也|就|正|更|足以|充分|这件事|这次|此事|这种情况|这个问题)?(?:也|就|正|恰恰)?$")
_SHOWN = re.compile(r"(?:了)?[^,;:。!?]{0,10}?(?:还|仍|存在|不|没|是|有(?!关)|已经|亟需|亟待)")


def _empty_phrases(hits: list, spans: list, own: frozenset = frozenset()) -> list:
    """Hits inside a stock phrase (确保宣传活动圆满成功) or the manners of the exam room
    (``spans``: where the sentence has them) count for nothing, but for the terms ``own``
    that a point's own text says in such a phrase."""
    out = []
    for h in hits:
        span = None if h[0] in own else next(((a, b) for a, b in spans if a <= h[1] and h[2] <= b), None)
        out.append((h[0], h[1], h[2], "empty", span, h[5]) if span and not h[3] else h)
    return out


# stock phrases of the interview genre (套话): how much of a sentence they make up
_STOCK = re.compile(
    r"统筹推进|统筹各方|沉着冷静|冷静应对|"
    r"迅速反应|科学处置|全力以赴|积极配合|担当作为|真抓实干|扎实推进|狠抓落实|落到实处|落细落实|取得实效|"
    r"多措并举|综合施策|多方发力|形成合力|凝聚合力|共同努力|提高认识|加强领导|压实责任|强化保障|"
    r"问题导向|目标导向|系统工程|以人民为中心|以患者为中心|人民至上|生命至上|全心全意|为人民服务|初心使命|"
    r"高质量发展|好事办好|实事办实|降到最低|不辜负|饱满的热情|昂扬向上|精神状态|责任感|使命感|"
    r"国之大者|重要举措|重要内容|重要载体|重大战略|重要意义|民生工程|千家万户|牢固树立|发展理念|"
    r"营造[^,;:。!?]{0,8}氛围|文化自信|中国故事|获得感|幸福感|圆满完成|圆满成功|"
    r"满意的答复|满意的交代|放在心上|干一行爱一行|排忧解难|切实|坚决|始终|"
    r"无小事|树立[^,;:。!?]{0,6}意识|合法权益|贡献[^,;:。!?]{0,4}力量|的指导下|"
    r"确保[^,;:。!?]{0,8}安全|高标准|严要求|落地见效|蔚然成风|重要任务|"
    r"本着[^,;:。!?]{0,12}(?:态度|原则|精神)|高度负责|妥善处理|稳妥处理|依法依规处理好"
)


def _stock(text: str, body: int, empty: list = ()) -> tuple[float, bool]:
    """How much of a sentence stock phrases make: (their share of its characters,
    whether every clause of it holds one; an empty sentence is neither stock nor content).
    ``empty``: where it has the empty phrases of _BOILER and the exam room's manners,
    which count as stock too."""
    n = len(text) - body
    spans = [m.span() for m in _STOCK.finditer(text, body)] + list(empty)
    if not spans or n <= 0:
        return 0.0, n <= 0
    spans.sort()
    covered, end = 0, 0
    for a, b in spans:
        if b > end:
            covered += b - max(a, end)
            end = b
    clauses = None
    openers: list = []
    if _OPENER_HINT.search(text, body):
        # (我认为, 在我看来: a clause that only opens a view is neither)
        clauses = clause_spans(text, body)
        openers = [(a, b) for a, b in clauses if b - a >= 3 and _OPENER.fullmatch(text, a, b)]
        if openers:
            for a, b in openers:
                while b < len(text) and text[b] in ",:、 ":
                    b += 1  # and the comma after it: 我认为, adds nothing to the sentence
                n -= b - a
            if n <= 0:
                return 0.0, True
    share = covered / n
    every = share >= ANSWER_SHARE and all(
        b - a < 3 or any(a < y and x < b for x, y in spans) or (a, b) in openers
        for a, b in (clauses if clauses is not None else clause_spans(text, body))
    )
    return share, every


# a clause that only opens a view (我认为, 在我看来, 对此): it neither adds to stock phrases
# nor makes the rest of the sentence content
_OPENER_HINT = re.compile(r"认为|觉得|我看|我想|看法|观点|看来|对此|这个问题")
_OPENER = re.compile(
    r"\s*(?:所以|因此|总之|总的来说|综上)?\s*(?:我(?:个人)?(?:认为|觉得|看|想|的看法是|的观点是)|个人认为|在我看来|依我看|"
    r"对此|对于这个问题|关于这个问题|这个问题)\s*"
)

# the same clause with its comma, at the head of a sentence
_OPENS = re.compile(_OPENER.pattern + r"[,:]\s*")


def _right_after_cue(text: str, at: int) -> bool:
    """A negation ends right before ``at`` (不 of 不违反规定, 没有 of 没有落实) — not one
    that ends in its preposition (不由社区出具 negates 出具, by way of 社区, as 不应由 does)."""
    return any(
        _CUE_KIND.get(text[at - n:at]) in ("weak", "strong") and text[at - 1] not in _PREPOSITIONS
        for n in (3, 2, 1) if at >= n
    )


# the first sentences of an answer are where candidates say the question again
RESTATED_FIRST = 4
# ... and a sentence is the question said again when this share of its characters are runs
# of three or more of the prompt's
RESTATED_SHARE = 0.7


def _restates(text: str, body: int, prompt: str, chars: frozenset) -> bool:
    """The sentence is mostly the prompt's own words, in runs of three characters or more."""
    head = text[body:body + 10]
    if len(head) < 6 or len([c for c in head if c in chars]) < 6:
        return False  # (most sentences: they do not open with the prompt's characters)
    own = set(text[body:])
    if len(own & chars) < RESTATED_SHARE * len(own):
        return False
    n = sum(1 for c in text[body:] if is_cjk(c))
    if n < 6:
        return False
    covered, i, end = 0, body, len(text)
    while i < end:
        run = 0
        while i + run + 1 <= end and text[i:i + run + 1] in prompt:
            run += 1
        if run >= 3:
            covered += sum(1 for c in text[i:i + run] if is_cjk(c))
            i += run
        else:
            i += 1
    return covered >= RESTATED_SHARE * n


def _item_start(text: str, clause_start: int, at: int) -> int:
    """Where the list item holding ``at`` starts: after the last 、 of its clause before it,
    or the last space (a quick outline's items: 接受批评 不顶撞)."""
    i = max(text.rfind("、", clause_start, at), text.rfind(" ", clause_start, at))
    return clause_start if i < 0 else i + 1


_NEXT = 1 << 30


_INFLECTION = re.compile(r"(?:s|es|ed|d|ing)(?![a-z0-9])")


def _inflected(text: str, start: int, end: int) -> int:
    """Where a Latin term said with an English ending ends (reports, checked,
    planning is not plan): 0 when it is not the term at all (app inside happy)."""
    if start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        return 0
    m = _INFLECTION.match(text, end)
    return m.end() if m else 0


def _whole_word(text: str, start: int, end: int) -> bool:
    """A Latin term stands on its own: no Latin letter or digit right before or after it."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after in _QUANTITY and text[start:end].isdigit():
        return False  # 现场有120个人: a quantity, not the 120 hotline
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


# what follows a number that counts something (120个人, 110元, 12345米)
_QUANTITY = frozenset("个人名元块米分秒天岁辆户家次多余万千百斤位条件台场%")


_GRAMMAR = "的了是在有和不一上个中地得着与为也就都"


_BECAME = frozenset(("成了", "变成", "变成了", "成为", "沦为", "沦为了", "就成了", "都成了"))
_WINDOW = 8  # characters either side of a hit whose words are checked
# what a measure word 个 follows (有个人, 找个人, 一个人, 这个人): 个人 there is no 'individual'
_COUNTING = frozenset("有约找一这那几每叫请派两三四五六七八九十半整某哪")


def _not_across_words(text: str, found: list, risky: set, abbreviations: set = frozenset()) -> list:
    """Drop hits of ``risky`` terms that straddle two words of the sentence (目的 in 项目的,
    工工 in 员工工作), and of ``abbreviations`` that do not start a word or sit inside a
    longer one (说实 in 说实话)."""
    starts: dict[int, str] = {}  # where each word of the sentence starts
    seg = _segmenter()
    if len(text) <= 3 * _WINDOW:
        pos = 0
        for w in seg(text):
            starts[pos] = w
            pos += len(w)
    else:
        # (a long sentence is cut only around the hits to check: its words there come out
        # the same, and the segmenter's time goes with the length it is given)
        windows: list[list[int]] = []
        for a, b in sorted(
            (max(0, h[1] - _WINDOW), min(len(text), h[2] + _WINDOW))
            for h in found if h[0] in abbreviations or h[0] in risky
        ):
            if windows and a <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], b)
            else:
                windows.append([a, b])
        for a, b in windows:
            pos = a
            for w in seg(text[a:b]):
                if pos > a or a == 0:  # (a window's first word may be cut: its start is not known)
                    starts[pos] = w
                pos += len(w)
    out = []
    for h in found:
        if h[0] in abbreviations:
            word = starts.get(h[1])
            if word is None or (len(word) > h[2] - h[1] and _is_word(word)):
                continue
        elif h[0] in risky and h[1] not in starts and (
            h[0][0] == h[0][1] or any(j in starts for j in range(h[1] + 1, h[2]))
        ):
            # starts inside one word and ends in the next; or a doubled character inside a
            # word (实实 of 踏踏实实 is no 实绩)
            continue
        elif h[0] in risky and h[0][0] == h[0][1] and text[h[2]:h[2] + 1] and text[h[2]:h[2] + 1] == text[h[2] + 1:h[2] + 2]:
            continue  # 实实在在: a word doubled as a whole (AABB), not a verb said twice
        out.append(h)
    return out


# flags of a point's words that were written, but not in a way that counts: not 'to add'
_UNSAID = frozenset(("listed", "heading", "negated", "denied", "rejected", "dismissed", "restated", "questioned"))


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans with overlapping or touching ones joined (信息 + 信息共享 -> 信息共享,
    信息 + 共享 -> 信息共享)."""
    out: list[list[int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


def _as_written(p: "_Point", term: str) -> str:
    """A keyword as the tutor wrote it (问卷，座谈会 with its full-width comma, not the folded
    问卷,座谈会), for what to add; a term that is no keyword as it is."""
    for group in p.kp.keywords:
        for alt in group:
            if fold_term(alt) == term:
                return " ".join(str(alt).split())
    return term


def _found(p: _Point, units: dict) -> float:
    """Weight found, each part of the point counting for at most one."""
    counted = p.counted
    if len(units) == 1:  # (the common case, without the dictionary)
        for u, v in units.items():
            c = counted[u]
            if c is None:
                return 0.0
            w = c[0] * v[0]
            return w if w < 1.0 else 1.0
    by_part: dict[int, float] = {}
    for u, v in units.items():
        c = counted[u]
        if c is None:
            continue  # a word of the prompt or of every point: context, not evidence
        w, part = c
        if part in by_part:
            by_part[part] += w * v[0]
        else:
            by_part[part] = w * v[0]
    found = 0.0
    for v in by_part.values():
        found += v if v < 1.0 else 1.0
    return found


class Grader:
    """Grades answers to one question; prepares the key points once."""

    def __init__(self, question: Question, thesaurus: Thesaurus | None = None) -> None:
        self.question = question
        own = thesaurus and (thesaurus.synonyms or thesaurus.related or thesaurus.kinds)
        self.lexicon = lexicon(thesaurus if own else None)
        self._points = _prepare(question, self.lexicon)
        self._prompt = fold(question.prompt or "")
        self._prompt_chars = frozenset(self._prompt)
        # term -> [(point index, unit index, strength, matches only when negated)]
        self._where: dict[str, list[tuple[int, int, float, bool]]] = {}
        for pi, p in enumerate(self._points):
            for ui, u in enumerate(p.units):
                for t, s in u.terms.items():
                    self._where.setdefault(t, []).append(
                        (pi, ui, s, (u.negative or t in u.lacking) and not _is_bad(t) and t not in u.affirm,
                         t in u.short, t in u.against, u.avoid or u.avoid_terms.get(t, ""),
                         u.scoped_terms.get(t, u.neg_kind), u.keyword)
                    )
        # a term in two or more keyword groups of one point (安抚 in its own, and in 倒杯水's as a
        # loose relative): its hits go through the one-group-per-span check, no other term does
        for t, entries in self._where.items():
            groups = [e[0] for e in entries if e[8]]
            if len(groups) == len(set(groups)):
                self._where[t] = [e[:8] + (False,) for e in entries]
        # terms whose every reading is plain (not negative, not a short form, not against a bad
        # thing, not avoided, no scoped no, not shared among groups): said plainly, they only
        # add their strength (the quick path of _analyse)
        # (a context word's readings, a word of the question or of every point, are left out: they
        # are no evidence, and 社区 on a question about 社区 has one on every point)
        self._plain = {
            t: tuple((e[0], e[1], e[2]) for e in entries if self._points[e[0]].counted[e[1]] is not None)
            for t, entries in self._where.items()
            if not any(e[3] or e[4] or e[5] or e[6] or e[7] or e[8] for e in entries)
        }
        # each point's context words, with their terms: said anywhere in an answer, they hold
        # a phrase of what to add together (培训内容贴近实际 when 培训 was said)
        self._context_terms = [
            tuple((ui, tuple(u.terms)) for ui, u in enumerate(p.units) if p.counted[ui] is None)
            for p in self._points
        ]
        # terms by the pair of characters they start with (the automaton below is built from them)
        by_pair: dict[str, list[str]] = {}
        self._single: set[str] = set()
        for t in sorted(self._where, key=len, reverse=True):
            if len(t) == 1:
                self._single.add(t)
                continue
            by_pair.setdefault(t[:2], []).append(t)
        # (and terms that open with a number: 20项 is not inside 120项)
        latin = {t for t in self._where if t.isascii() or t[:1].isdigit()}
        # points about a bad thing itself (根源在于部门怕担责): a word inside it is theirs
        # (or a point that names a problem's cause or harm, 根源在于重建设轻运营: what an answer
        # says was exposed or went wrong is what such a point asks for)
        # points that name a failing by a state's no (复习计划不科学, 交接不到位)
        self._failing_points = {
            pi for pi, p in enumerate(self._points)
            if not p.kp.keywords and _FAILING.search(p.text)
        }
        self._problem_points = {
            pi for pi, p in enumerate(self._points)
            if (_BAD_WORD.search(p.text) or _PROBLEM_FRAME.match(p.text)) and not _speaks_against(p.text)
        }
        # four-character terms made of two words (稳定情绪) also match with words between
        split: dict[str, list[tuple[str, str]]] = {}
        if GAPPED:
            for t in self._where:
                if len(t) == 4 and all(is_cjk(c) for c in t):
                    a, b = t[:2], t[2:]
                    if a not in _STOP and b not in _STOP and _is_word(a) and _is_word(b):
                        split.setdefault(a, []).append((t, b))
                # …and a no before a verb (不争执) said with the one it is not done with between:
                # 不和老支书争执, 不跟同事争吵, 不当面顶撞
                if len(t) == 3 and t[0] == "不" and all(is_cjk(c) for c in t) and _is_word(t[1:]):
                    for with_ in _NOT_WITH:
                        split.setdefault("不" + with_, []).append((t, t[1:]))
        # both by the pair they start with: (whole terms, longest first, with their length
        # and whether they are Latin; split terms with their second word)
        pairs: dict[str, tuple[tuple, tuple]] = {
            pair: (
                tuple((t, len(t), t in latin) for t in by_pair.get(pair, ())),
                tuple(split.get(pair, ())),
            )
            for pair in set(by_pair) | set(split)
        }
        # …found in one pass over a sentence (an Aho-Corasick automaton, in C): each term and
        # each split term's first word, with where it goes in the order of the pair's lookup
        # (by start; at one start the whole terms longest first, then the split ones)
        self._terms = ahocorasick.Automaton()
        for pair, (whole, parts) in pairs.items():
            for rank, (t, k, is_latin) in enumerate(whole):
                self._terms.add_word(t, (rank, t, k, is_latin, ()))
            if parts:
                # (with the characters their second words start with: most windows have none)
                parts = (frozenset(second[0] for _, second in parts), parts)
                if pair in self._terms:
                    rank, t, k, is_latin, _ = self._terms.get(pair)
                    self._terms.add_word(pair, (rank, t, k, is_latin, parts))
                else:
                    self._terms.add_word(pair, (-1, pair, 2, False, parts))
        self._terms.make_automaton()
        # two-character words made with a grammar character (目的): 项目的 holds 目的
        # without saying it, so such hits are checked against the sentence's words
        self._risky = {t for t in self._where if len(t) == 2 and (t[0] in _GRAMMAR or t[1] in _GRAMMAR)}
        # so are doubled verb characters (听听 for 听取): 工工 in 员工工作 is not 分工
        self._risky |= {t for t in self._where if len(t) == 2 and t[0] == t[1]}
        # and so are abbreviations (谣源): 说实 in 说实话 is no 说明实情
        self._abbreviations = {t for p in self._points for u in p.units for t in u.abbreviations}
        self._risky |= self._abbreviations
        # words of a stock phrase that a point itself is made of (辩证 of 辩证看待,技术替代的是岗位…):
        # said in that phrase they still make that point
        self._own_stock = frozenset(
            t for p in self._points for m in _BOILER.finditer(p.text) for u in p.units for t in u.terms
            if t in m.group()
        )
        self._cache: dict[str, tuple] = {}
        self._weights: dict[int, dict] = {}
        self._lines: dict[str, list[Sentence]] = {}

    # -- one sentence ------------------------------------------------------
    def _analyse(self, text: str, body: int) -> tuple:
        """Per-sentence work (cached by text): (ok, rejected, found weight) keyed by point
        index, whether every clause is stock phrases, whether they make most of it."""
        key = f"{body}\x00{text}"
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        hits = self._find(text, body)
        formulas = _formula_spans(text, body)
        boiler = [m.span() for m in _BOILER.finditer(text, body)] if _BOILER_HINT.search(text, body) else []
        if hits and (formulas or boiler):
            hits = _empty_phrases(hits, formulas + boiler, self._own_stock)
        share, all_stock = _stock(text, body, formulas + boiler)
        stocky = share >= STOCK_SHARE
        if hits and stocky:
            hits = [(t, a, b, f, c, sc * STOCK_SCALE) for t, a, b, f, c, sc in hits]
        ok: dict[int, dict[int, tuple[float, int, int]]] = {}
        rejected: dict[int, list[tuple]] = {}
        where = self._where
        bad_words = []
        if hits:
            bad_words = [
                m.span() for m in _BAD_WORD.finditer(text, body)
                if not _opposed(text, m.start(), body)
                and not _LOOKED_INTO.search(text, max(body, m.start() - 6), m.start())
            ]
            if bad_words:
                # the whole of a term that names a bad thing (数据不通, not only 不通)
                bad_words += [
                    (h[1], h[2]) for h in hits
                    if any(a < h[2] and h[1] < b for a, b in bad_words) and _unopposed_bad(h[0])
                ]
                # and what the bad thing is said of, right before it (数据 in 数据不通), or
                # said to have become it (应急预案成了摆设)
                bad_words += [
                    (h[1], b) for h in hits for a, b in list(bad_words)
                    if h[1] < a and (h[2] == a or text[h[2]:a] in _BECAME)
                ]
            if "说明" in text or "表明" in text:
                # ,说明政务新媒体还存在…: 'this shows', not explaining anything to anyone
                hits = [
                    h for h in hits
                    if not (
                        text[h[1]:h[2]] in ("说明", "表明")
                        and _SHOWS.search(text[max(body, h[1] - 6):h[1]] if h[1] - 6 >= body else "," + text[body:h[1]])
                        and _SHOWN.match(text, h[2])
                    )
                ]
            if "暴露" in text:
                # 暴露出审核把关不严: what a failure exposed is the problem, to the end of its clause
                for m in _EXPOSE.finditer(text, body):
                    stop = _CLAUSE_END.search(text, m.end())
                    bad_words.append((m.start(), stop.start() if stop else len(text)))
        clauses = None
        own_negation = set()
        claimed: dict = {}  # (point, start, end) -> the keyword group that span fills
        for h in hits:
            term, start, end, said_flag, _, scale = h
            inside_bad = bad_words and not _is_bad(term) and any(
                x <= start and end <= y and (x, y) != (start, end) for x, y in bad_words
            )
            if not said_flag and not inside_bad:
                plain = self._plain.get(term)
                if plain is not None:
                    # said plainly, read plainly: each reading adds its strength (as below)
                    for pi, ui, s in plain:
                        if scale != 1.0:
                            s *= scale
                        units = ok.setdefault(pi, {})
                        cur = units.get(ui)
                        if cur is None or s > cur[0]:
                            units[ui] = (s, start, end)
                    continue
            for pi, ui, s, negative, short, against, avoid, neg_kind, shared in where[term]:
                e = end
                flag = said_flag
                if flag == "only":
                    # 不能只看满意率 makes 不唯满意率; 不能只拦住村民 still stops the villager
                    flag = "negated" if negative else ""
                if avoid and flag in (("negated", "rejected") if avoid == AVOIDED else ("negated", "denied")) \
                        and not _AVOID_SAID.search(text, h[4][0], start):
                    # 别跟风 for 避免盲目跟风: saying no to what the point avoids;
                    # 很不公平 for 破坏公平: saying it is not there (but 没必要讲公平 rejects it)
                    flag = ""
                elif flag == "topic-no":
                    # (a no said after its topic rejects it: 二次落石的风险不用考虑 does not avoid it)
                    flag = "rejected"
                if against and not flag and not _OPPOSE_ANY.search(text, h[4][0], start + _bad_at(term)):
                    # 信息孤岛 said as a problem, on a point that proposes 信息共享
                    rejected.setdefault(pi, []).append((term, start, e, "problem", h[4], scale))
                    continue
                if inside_bad and not negative and not flag and pi not in self._problem_points:
                    # 担责 inside 怕担责, 共享 inside 不共享: the bad thing, not the point
                    rejected.setdefault(pi, []).append((term, start, e, "problem", h[4], scale))
                    continue
                if short:
                    # 定方案 for 制定方案: the verb's character is the evidence, and it
                    # must start a word (not 确定方案, 指导意见)
                    if start > 0 and is_cjk(text[start - 1]) and _is_word(text[start - 1:start + 1]):
                        continue
                    e = start + 1
                if scale != 1.0:
                    s *= scale
                if not negative and flag in ("negated", "denied") and not neg_kind and pi in self._failing_points \
                        and _NOT_DONE.search(text, max(h[4][0], start - 4), start) \
                        and (_is_verb(term) or term[-1:] in _DONE_RESULT or text[end:end + 1] in _DONE_RESULT):
                    # 没规划好 on 复习计划不科学, 没交接清楚 on 交接不到位: the failing the point
                    # names, said as the candidate says it
                    flag = ""
                if negative and (flag == "denied" or (flag == "rejected" and neg_kind == "stance")):
                    # 信息没有共享 for 信息不共享, 不该社区出具 for 不应由社区出具: the point's own no
                    # (but 没必要解释 is not the 没有讲清 a point asks to own up to)
                    flag = "negated"
                elif neg_kind and flag and neg_kind.endswith("-scoped") and not _right_after_cue(text, start) and (
                    flag == "rejected" if neg_kind == "stance-scoped" else flag in ("negated", "denied")
                ):
                    # 社区 in 不应由社区出具, 费用 in 不收任何费用, as the point has it
                    # (but 不违反规定 denies 违反规定, and 不用天天看管 is not 不到无人看管的水域)
                    flag = ""
                if flag != ("negated" if negative else ""):
                    # not flag: 信息共享 said, while the point is about 信息不共享
                    scope = h[4]
                    unit = self._points[pi].units[ui]
                    if ((unit.weight < CONTEXT or unit.prompt) and not flag) or (
                        flag and neg_kind.endswith("-scoped") and (unit.weight < CONTEXT or unit.prompt)
                    ):
                        # a context word of the point (or the question's own, 会议 of 代替不必要的
                        # 会议 on a question about meetings) said plainly: neither way; nor with a no
                        # where the point itself has one over it (讲清20项证明不用社区开, for
                        # 20项证明不应由社区出具, still explains the 20 items)
                        continue
                    if not flag:
                        # the opposite of one part voids the rest of its own clause only
                        # (纠正劝阻评价 in 安慰→…→纠正劝阻评价→申诉)
                        if clauses is None:
                            clauses = clause_spans(text, body)
                        scope = next(((a, b) for a, b in clauses if a <= start < b), scope)
                    rejected.setdefault(pi, []).append(
                        (term, start, e, flag or "opposite", scope, scale)
                    )
                    continue
                units = ok.setdefault(pi, {})
                if shared:
                    # one word written fills one of the tutor's keyword groups, the one it says
                    # best: 安抚 is not also 倒杯水 through a loose relative
                    other = claimed.get((pi, start, e))
                    if other is not None and other[0] != ui:
                        held = units.get(other[0])
                        mine = held is not None and held[1:] == (start, e)
                        # the stronger reading wins; between equals, the group with no other
                        # word yet (减负 fills the first group, so 砍掉 goes to the one it names).
                        # A span the other group does not hold as its evidence is free.
                        if mine and (other[1] > s or (other[1] == s and ui in units)):
                            continue
                        if mine:
                            del units[other[0]]  # (its best from another span is lost: rare)
                    claimed[(pi, start, e)] = (ui, s)
                cur = units.get(ui)
                if cur is None or s > cur[0]:
                    units[ui] = (s, start, e)
                if negative:
                    own_negation.add((pi, ui, start))
        for pi, hs in rejected.items():
            # a clause that negates one part of a point says nothing for its other parts
            # (信息不共享 is not half of 推进信息共享)
            # (from the clause's start to the end of the negated term: 信息 in 信息不共享,
            # but not 退回 in 不该社区干的事一律退回去)
            # (but not a longer term found around the negated one: 无理诉求 around the 诉求 its 无 negates)
            # A bare no (不, 没, 无) or a part said the opposite way reaches back no further
            # than its own list item: 要呼救、不手拉手 still says 呼救
            scopes = [
                (_item_start(text, h[4][0], h[1]) if h[3] in ("negated", "denied", "opposite") else h[4][0], h[1], h[2])
                for h in hs if h[3] in ("negated", "denied", "rejected", "opposite", "dismissed")
            ]
            # 信息 inside 信息孤岛 said as a problem is part of the problem
            problems = [(h[1], h[2]) for h in hs if h[3] == "problem"]
            if (scopes or problems) and pi in ok:
                ok[pi] = {
                    u: v for u, v in ok[pi].items()
                    # 规划 of 缺乏规划 said as 无规划: a negation the point asks for is not voided by
                    # the same cue reaching on (无规划盲目上)
                    if (pi, u, v[1]) in own_negation
                    or not any(
                        a <= v[1] < b and not (v[1] <= x and b <= v[2] and v[2] - v[1] > b - x)
                        for a, x, b in scopes
                    )
                    and not any(a <= v[1] and v[2] <= b for a, b in problems)
                }
                if not ok[pi]:
                    del ok[pi]
        points = self._points
        single = {}
        for pi, units in ok.items():
            single[pi] = _found(points[pi], units)
        result = (ok, rejected, single, all_stock, stocky)
        if len(self._cache) > 20000:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _find(self, text: str, body: int) -> list[tuple]:
        """Terms found in a sentence: (term, start, end, flag, clause, scale); flag "" when it counts."""
        single = self._single
        # a list marker glued to a term is the term's start (最后一公里 is not 最后 + 一公里)
        first = 0 if body and is_cjk(text[body - 1]) else body
        hits = []
        for last, (rank, t, k, is_latin, parts) in self._terms.iter(text, first):
            i = last - k + 1
            if rank >= 0 and (i >= body or last >= body):
                end = last + 1
                if is_latin and not _whole_word(text, i, end):
                    end = _inflected(text, i, end)
                    if not end:
                        rank = -1  # app inside happy
                if rank >= 0:
                    hits.append((i, rank, t, end, 1.0))
            if parts and not parts[0].isdisjoint(text[i + 3:i + 3 + GAP]):
                for rank2, (t2, second) in enumerate(parts[1]):
                    # 稳定他的情绪 for 稳定情绪, 信息要共享 for 信息共享: a few plain characters between
                    j = text.find(second, i + 3, i + 3 + GAP)
                    if j > 0 and all(is_cjk(c) and c not in _GAP_STOP for c in text[i + 2:j]):
                        hits.append((i, 10_000 + rank2, t2, j + len(second), GAPPED))
        if len(hits) > 1:
            hits.sort()
        found = [(t, i, end, sc) for i, _, t, end, sc in hits]
        if "个" in text and found:
            # 有个人陪着, 约个人聊聊, 一个人: a measure word and a noun, not 个人 ('individual')
            found = [h for h in found if not (text.startswith("个", h[1]) and text[h[1] - 1:h[1]] in _COUNTING)]
        if self._risky and found and not self._risky.isdisjoint([h[0] for h in found]):
            found = _not_across_words(text, found, self._risky, self._abbreviations)
        if single:
            found.extend((c, i, i + 1, 1.0) for i, c in enumerate(text) if i >= body and c in single)
        if not found:
            return []
        m = _OPENS.match(text, first)  # 我认为,河长制 四乱 水生态 …: still a list of terms
        # (from ``first``: a marker glued to a term is the term's start, 最后一公里 办实事 …)
        if self._is_term_list(text[m.end() if m else first:].split()):
            # 最后一公里 万能章 减负 放权 …: terms listed, nothing said about them
            whole = (min([body] + [h[1] for h in found]), len(text))
            return [(t, s, e, "listed", whole, scale) for t, s, e, scale in found]
        labels = _label_items(text, body)
        m = _attribution(text, body)
        # (found is in order of start, and only a term glued to a list marker starts before body)
        whole = (found[0][1] if found[0][1] < body else body, len(text))
        d = _dismissal(text, body)
        if d and not (m and m.start() < d.start()):
            # 我会坚持方案,这是上级定的任务,不用管他同不同意: a brush-off, whatever words it uses,
            # up to a clause where the candidate turns to what to do instead (…老人学会了就行,
            # 所以重点是办培训班教老人用手机)
            turn = _TURN.search(text, d.end())
            if turn is not None:
                cut = turn.end()
                return [
                    (t, s, e, "dismissed", (whole[0], turn.start()), scale) for t, s, e, scale in found if s < cut
                ] + self._find(text, cut)
            return [(t, s, e, "dismissed", whole, scale) for t, s, e, scale in found]
        if not m and not _STANCE_HINT.search(text, body) and not _CONDEMN_HINT.search(text, body):
            # nothing negated, nobody else's view: only headings to set apart
            if not labels:
                return [(t, s, e, "", whole, scale) for t, s, e, scale in found]
            out = []
            for t, s, e, scale in found:
                label = next(((a, b) for a, b in labels if a <= s and e <= b), None)
                out.append((t, s, e, "heading" if label else "", label or whole, scale))
            return out
        clauses = clause_spans(text, body)
        # attribution: from a cue to the end of the sentence, unless the candidate takes over
        attributed_from = None
        own_from = None
        if m:
            attributed_from = m.start()
            for a, b in clauses:
                if a <= attributed_from < b and _FRAMED.match(text[a:b].strip()):
                    # 针对群里有人说…的情况,我私聊…: the view is the topic the candidate
                    # answers; what follows its clause is the candidate's own
                    own_from = b
                    break
                if a > attributed_from and _OWN_VIEW.match(text[a:b].strip()):
                    if _ENDORSE.match(text[a:b].strip()) and not _STANCE_HINT.search(text, a, b):
                        continue  # 我觉得这样影响最小: agreeing with the view (not 我觉得这样不妥)
                    own_from = a
                    break
        out = []
        starts = [a for a, _ in clauses]
        # inside a bad thing's name (一刀 in 一刀切) is the bad thing too
        bad_spans = [(s, e) for t, s, e, _ in found if _is_bad(t)]
        # per clause: its negation cues, whether a rejection follows it (…,不应该推行) or sits in it
        info: dict[int, tuple] = {}
        closing = None  # the sentence ends with the candidate's own no (worked out once)
        for t, s, e, scale in found:
            ci = bisect_right(starts, s) - 1
            if ci >= 0 and s < clauses[ci][1]:
                scope = clauses[ci]
            else:
                ci, scope = -1, whole
            flag = ""
            if labels and any(a <= s and e <= b for a, b in labels):
                flag = "heading"
                if 0 <= ci < len(clauses) - 1:
                    na, nb = clauses[ci + 1]
                    if _NEG_TAIL.match(text[na:nb].strip()):
                        # 宣传,没那个必要: not a heading but a step waved away in the clause after it
                        flag, scope = "rejected", (scope[0], nb)
            elif attributed_from is not None and s >= attributed_from and (own_from is None or s < own_from):
                flag = "attributed"
            else:
                a, b = scope
                ci_info = info.get(ci)
                if ci_info is None:
                    tail = 0  # where the clause that rejects this one ends (0: none does)
                    denied_after = False  # …,我认为并不存在: the clause after says it is not so
                    if 0 <= ci < len(clauses) - 1:
                        na, nb = clauses[ci + 1]
                        tail = nb if _NEG_TAIL.match(text[na:nb].strip()) else 0
                        denied_after = bool(tail) and bool(_DENIED_TAIL.match(text[na:nb].strip()))
                        if not tail:
                            # …太麻烦,会让病人排更长的队,我不赞成: a stance that closes the
                            # sentence rejects all of it
                            if closing is None:
                                na, nb = clauses[-1]
                                closing = nb if _STANCE_TAIL.match(text[na:nb].strip()) else 0
                            tail = closing
                    cues = _cues(text[a:b])
                    if cues and _ONE_SIDED.match(text, a, b):
                        cues = []  # 光卸担子不给权: "X without Y is not enough", not a rejection
                    post = _postposed_no(text, a, b, found) if cues else 0
                    ci_info = info[ci] = (cues, bool(_NEG_AFTER.search(text, a, b)), tail, post, denied_after)
                cues, after, tail, post, denied_after = ci_info
                if cues and _is_bad(t) and _DENIAL.search(text, a, s):
                    # 我不认为这是形式主义: the bad thing denied, not opposed
                    flag = "denied"
                elif _is_bad(t) and (_NOT_SO_AFTER.match(text, e) or denied_after):
                    flag = "denied"  # 社区负担不重, 风险并不大: said not to be so (…这些问题,我认为并不存在)
                elif (cues or after or tail or post) and not (
                    _is_bad(t) or any(x <= s and e <= y for x, y in bad_spans)
                ):
                    cue = _negation_before(cues, s - a) if cues else None
                    if cue and s <= a + cue[0] and a + cue[1] <= e:
                        cue = None  # the term holds its own negation (别着急, 不争执)
                    if cue:
                        # 没必要 / 不同意 reject a proposal; 不 / 缺乏 describe a state (信息不共享)
                        said = text[a + cue[0]:a + cue[1]]
                        flag = "rejected" if said in _STANCE else "denied" if said in _DENY else \
                            "only" if said in _NEG_ONLY else "negated"
                    elif after and (said := _negated_after(text, e, b)):
                        flag = "topic-no" if _NEEDLESS.search(said) else "rejected"
                    elif tail:
                        flag = "rejected"
                        scope = (a, tail)  # quoted in the reason up to the no that rejects it
                    elif post and e <= post:
                        flag = "topic-no"  # 警示牌也不用设: what the clause opened with, said no to
            out.append((t, s, e, flag, scope, scale))
        return out

    # -- the whole answer --------------------------------------------------
    def _bare_term(self, token: str) -> bool:
        """A single word or known term, nothing around it (核实, 吹哨报到)."""
        if not 2 <= len(token) <= 6 or not all(is_cjk(c) for c in token):
            return False
        if token in self._where:
            return True
        return len(_segmenter()(token)) == 1

    def _is_term_list(self, tokens: list[str]) -> bool:
        if len(tokens) < LIST_OF_TERMS:
            return False
        return sum(1 for t in tokens if self._bare_term(t)) >= 0.8 * len(tokens)

    def _unlist(self, sentences, per) -> list:
        """Lines that each hold one bare term, four or more in a row, say nothing:
        their terms become rejected evidence (reason: only terms listed)."""
        bare = []
        for s in sentences:
            m = _OPENS.match(s.text, s.body)  # 我认为,核实 is the bare term 核实
            said = s.text[m.end() if m else s.body:]
            bare.append(" " not in said and self._bare_term(said))
        out = list(per)
        i = 0
        while i < len(sentences):
            j = i
            while j < len(sentences) and bare[j]:
                j += 1
            if j - i >= LIST_OF_TERMS:
                for k in range(i, j):
                    ok, rejected, _, all_stock, stocky = per[k]
                    s = sentences[k]
                    scope = (s.body, len(s.text))
                    listed = {pi: list(rejected.get(pi, [])) for pi in rejected}
                    for pi, units in ok.items():
                        for _, a, b in units.values():
                            listed.setdefault(pi, []).append((s.text[a:b], a, b, "listed", scope, 1.0))
                    out[k] = ({}, listed, {}, all_stock, stocky)
            i = max(j, i + 1)
        return out

    def clear_cache(self) -> None:
        """Forget the per-line and per-sentence work (the next grade starts from nothing)."""
        self._cache.clear()
        self._lines.clear()

    def _sentences(self, text: str) -> tuple[list[Sentence], str]:
        """The answer's sentences, and the answer folded (as long as the answer: the
        offsets of one are the other's); each line is folded and split once (cached by its text)."""
        out: list[Sentence] = []
        folded = []
        base = 0
        cache = self._lines
        lines = text.split("\n")
        new = [line for line in lines if line and line not in cache]
        if len(new) > 1:
            # (lines not seen yet are folded and split together, as one text: sentences never
            # run across a line, and one pass over many lines is quicker than one per line)
            if len(cache) > 5000:
                cache.clear()
            new = list(dict.fromkeys(new))
            joined = fold("\n".join(new))
            split = split_sentences(joined)
            k, start = 0, 0
            for line in new:
                end = start + len(line)
                mine = []
                while k < len(split) and split[k].start < end:
                    x = split[k]
                    mine.append(Sentence(x.start - start, x.end - start, x.text, x.body))
                    k += 1
                cache[line] = (joined[start:end], mine)
                start = end + 1
        for line in lines:
            if line:
                hit = cache.get(line)
                if hit is None:
                    if len(cache) > 5000:
                        cache.clear()
                    f = fold(line)
                    hit = cache[line] = (f, split_sentences(f))
                f, split = hit
                folded.append(f)
                if base:
                    out.extend(Sentence(base + x.start, base + x.end, x.text, x.body) for x in split)
                else:
                    out.extend(split)
            else:
                folded.append("")
            base += len(line) + 1
        return out, "\n".join(folded)

    def grade(self, text: str) -> Grading:
        sentences, folded = self._sentences(text or "")
        per = [self._analyse(s.text, s.body) for s in sentences]
        restating = False
        for k, s in enumerate(sentences[:RESTATED_FIRST]):
            if _restates(s.text, s.body, self._prompt, self._prompt_chars) or (
                restating and s.text[s.body:] in self._prompt  # …,有人开始往外挤。你怎么办?
            ):
                # 单位安排我组织一次社区工作者培训: the question said again is no answer to it
                # (no point found, all stock; its words are written, but only as the question's:
                # the reason says so, and they are not 'to add')
                scope = (s.body, len(s.text))
                said_again = {
                    pi: [(s.text[h[1]:h[2]], h[1], h[2], "restated", scope, 1.0) for h in hs]
                    for pi, hs in per[k][1].items()
                }
                for pi, units in per[k][0].items():
                    said_again.setdefault(pi, []).extend(
                        (s.text[a:b], a, b, "restated", scope, 1.0) for _, a, b in units.values()
                    )
                per[k] = ({}, said_again, {}, True, True)
                restating = True
            else:
                restating = False
        for k, s in enumerate(sentences):
            if folded[s.end:s.end + 1] == "?" and (per[k][0] or per[k][1]) and _ECHO.match(s.text, s.body) \
                    and k + 1 < len(sentences):
                # 请教他? 他那套早过时了: a step echoed as a question, to wave it away (a question
                # about it, 要不要请教他吗, and a heading, 原因? 人手不够, are not this)
                scope = (s.body, len(s.text))
                asked = {pi: [(h[0], h[1], h[2], "questioned", scope, 1.0) for h in hs] for pi, hs in per[k][1].items()}
                for pi, units in per[k][0].items():
                    asked.setdefault(pi, []).extend(
                        (s.text[a:b], a, b, "questioned", scope, 1.0) for _, a, b in units.values()
                    )
                per[k] = ({}, asked, {}, per[k][3], per[k][4])
        if len(sentences) >= LIST_OF_TERMS:
            per = self._unlist(sentences, per)
        seen: set[str] = set()
        for k, s in enumerate(sentences):
            said = s.text[s.body:]
            if said in seen and per[k][0]:
                # a sentence said again adds nothing: it must not join its new neighbour
                # into a two-sentence window that the answer said once does not have
                per[k] = ({}, per[k][1], {}, per[k][3], per[k][4])
            seen.add(said)
        verdicts = []
        found: list[dict] = []
        # an answer made mostly of stock phrases (我会高度重视,精心组织,确保…取得实效) is an
        # empty promise: whatever point words it holds count STOCK_SCALE
        # (every sentence and every clause of it: a concrete clause after a stock opening
        # is an answer)
        empty = bool(per) and all(x[3] for x in per)
        # per point, its words written where they do not count as they stand (listed bare, a
        # heading, said with a no): what to add leaves them out, the reason says why. (Not a
        # word said the opposite way: 稳定 for 不只是图稳定 still asks for the point's words.)
        unsaid: dict[int, list[str]] = {}
        for s, x in zip(sentences, per):
            if x[1]:
                for pi, hs in x[1].items():
                    for h in hs:
                        if h[3] in _UNSAID:
                            unsaid.setdefault(pi, []).append(s.text[h[1]:h[2]])
        holding: dict[int, list[int]] = {}  # point -> the sentences with evidence for it
        for i, x in enumerate(per):
            for pi in x[0]:
                holding.setdefault(pi, []).append(i)
        for pi, p in enumerate(self._points):
            verdicts.append(self._verdict(pi, p, sentences, per, text, folded, found, empty, unsaid, holding))
        if len(verdicts) > 1:
            self._shared_evidence(verdicts, found)
        total_w = 0.0
        got = 0.0
        for p, v in zip(self._points, verdicts):
            total_w += p.kp.weight
            got += p.kp.weight * VALUE[v.status]
        score = round(100.0 * got / total_w, 1) if total_w else 0.0
        return Grading(score, tuple(verdicts))

    def _shared_evidence(self, verdicts: list, found: list) -> None:
        """One phrase as the sole evidence of several points: it may serve two points
        (信息共享平台 for sharing and for the platform), but when the words that make a
        covered point A are all that was found of a longer point B (核实 for 核实…; 焦虑
        and 教育 of 根源是家长焦虑、教育资源不均 for a point about 教育评价 and 缓解焦虑),
        B does not get them for free: B drops one step (covered -> partial, partial ->
        missed).

        Incidental: every word found of B lies inside A's evidence, none is a tutor's
        keyword of B, what B found is less than half of what B could find, and a smaller
        share of B than of A."""
        points = self._points
        for bi, vb in enumerate(verdicts):
            ub = found[bi]
            if vb.status == MISSED or not ub:
                continue
            pb = points[bi]
            if any(pb.units[u].keyword for u in ub):
                continue  # a tutor's keyword is never incidental to its point
            share_b = _found(pb, ub) / pb.full if pb.full else 1.0
            if share_b >= 0.5:
                continue
            for ai, va in enumerate(verdicts):
                if ai == bi or va.status != COVERED:
                    continue
                pa = points[ai]
                inside: dict = {}
                for _, a, b in ub.values():
                    overlap = {x: v for x, v in found[ai].items() if a <= v[2] - 1 and v[1] < b}
                    if not overlap:
                        break
                    inside.update(overlap)
                else:
                    got_a = _found(pa, inside)
                    if got_a < COVER_AT * pa.saturate or got_a / pa.full <= share_b:
                        continue  # the phrase alone does not make A, or means no more to A than to B
                    status = PARTIAL if vb.status == COVERED else MISSED
                    # (named as written: 反映（汇报）, not 反映 when the answer said 汇报)
                    names = {pb.units[u].name for u in ub}
                    name = "、".join(dict.fromkeys(
                        w for m, w in zip(vb.matched, vb.matched_as_written()) if m in names
                    )) or "、".join(dict.fromkeys(pb.units[u].name for u in ub))
                    reason = (
                        "只答到一部分：" + name if status == PARTIAL
                        else "只提到" + name + "（已算作答到另一点），不足以答到这一点"
                    )
                    verdicts[bi] = PointVerdict(
                        vb.id, status, vb.evidence if status != MISSED else (),
                        vb.matched if status != MISSED else (), vb.missing, reason, vb.weight,
                        vb.written if status != MISSED else (),
                    )
                    break

    def _verdict(self, pi: int, p: _Point, sentences, per, original: str, folded: str, found_out=None,
                 empty=False, unsaid=None, holding=None) -> PointVerdict:
        # windows of one sentence, or two adjacent ones, that hold evidence for this point
        hits = [i for i in range(len(sentences)) if pi in per[i][0]] if holding is None else holding.get(pi, ())
        best_found, best_i, best_pair = 0.0, -1, False
        for i in hits:  # one sentence: its found weight was worked out with the sentence
            f = per[i][2][pi]
            if f > best_found + 1e-9:
                best_found, best_i = f, i
        if best_found < p.full - 1e-9:
            for i in hits:  # two sentences: only where they could do better than one
                if i + 1 >= len(sentences) or pi not in per[i + 1][0]:
                    continue
                if per[i][2][pi] + per[i + 1][2][pi] <= best_found + 1e-9:
                    continue
                pair = dict(per[i][0][pi])
                for u, (s, a, b) in per[i + 1][0][pi].items():
                    if u not in pair or s > pair[u][0]:
                        pair[u] = (s, a + _NEXT, b + _NEXT)  # keep the two sentences' spans apart
                f = _found(p, pair)
                if f > best_found + 1e-9:
                    best_found, best_i, best_pair = f, i, True
        units = {}
        if best_i >= 0:
            for j in (best_i, best_i + 1) if best_pair else (best_i,):
                base = sentences[j].start
                for u, (s, a, b) in per[j][0][pi].items():
                    if u not in units or s > units[u][0]:
                        units[u] = (s, base + a, base + b)
        if len(units) > 1:
            # a longer word around one that fills a keyword group is not also a loose reading of
            # another part: 维持秩序 says 秩序, and is not a relative of 其他群众 or of the point's 维护
            weights = p.weights
            loose = [u for u, v in units.items() if v[0] < weights[u]]
            if loose:
                inner = [v for u, v in units.items() if p.units[u].keyword]
                drop = [
                    u for u in loose
                    if any(a2 < units[u][2] and units[u][1] < b2 and (a2, b2) != units[u][1:]
                           and s2 > units[u][0] for s2, a2, b2 in inner)
                ]
                if drop:
                    units = {u: v for u, v in units.items() if u not in drop}
                    best_found = _found(p, units)
        if len(units) > 1 and len({v[1:] for v in units.values()}) < len(units):
            # one word written counts for one part of the point: 联系 is not both the 单独 group
            # (through its loose relative 打电话) and the point's own 联系 (its strongest reading)
            counted = p.counted
            by_span: dict = {}
            for u, v in units.items():
                if counted[u] is not None:
                    by_span.setdefault(v[1:], []).append(u)
            drop = []
            for us in by_span.values():
                if len(us) > 1 and len({counted[u][1] for u in us}) > 1:
                    keep = max(us, key=lambda u: (counted[u][0] * units[u][0], -u))
                    drop += [u for u in us if counted[u][1] != counted[keep][1]]
            if drop:
                units = {u: v for u, v in units.items() if u not in drop}
                best_found = _found(p, units)
        best = (best_found, best_i, units)
        found, _, units = best
        if empty:
            found *= STOCK_SCALE
        coverage = min(1.0, found / p.saturate) if p.saturate else 0.0
        status = COVERED if coverage >= COVER_AT else PARTIAL if coverage >= PARTIAL_AT else MISSED
        if status == PARTIAL and p.kp.keywords:
            real = [u for u in units if p.units[u].weight >= CONTEXT]
            if len(real) == 1 and not p.units[real[0]].keyword and _frequency(p.units[real[0]].name) > COMMON_FREQ:
                status = MISSED  # 单位 alone says nothing of 曝光惩处乱要证明的单位
        prompt_only = False
        counted = p.counted  # (None for a context word: weight below CONTEXT)
        if status != MISSED and all(
            p.units[u].prompt or (b - a >= 2 and _in_prompt(folded[a:b], self._prompt))
            for u, (_, a, b) in units.items() if counted[u] is not None
        ):
            status = MISSED  # 老支书 alone says nothing of 尊重老支书,理解他的顾虑: the question named him
            prompt_only = True
        # context words (prompt words of every point) are neither evidence nor worth naming
        units = {u: v for u, v in units.items() if counted[u] is not None}
        counted_units = units  # (what the point rests on, for the evidence shared between points)
        if status != MISSED and not prompt_only and not p.prompt_units.isdisjoint(units):
            # …nor, beside words of the point's own, the question's people and things (大爷 for
            # 张大爷): they helped a little, but naming them reads as if they were the point
            units = {u: v for u, v in units.items() if u not in p.prompt_units}
        if status != MISSED and not prompt_only and len(units) > 1:
            # …nor a word of the point reached only through the question's own word (超市 said as
            # the question's 商户, a loose relative): the other words are what counted
            prompt = self._prompt
            # (such a word counts at most a prompt word's strength: only those are looked at)
            theirs = [u for u, v in units.items()
                      if v[0] <= PROMPT + 1e-9 and v[2] - v[1] >= 2 and p.units[u].name not in folded[v[1]:v[2]]
                      and _in_prompt(folded[v[1]:v[2]], prompt)]
            if theirs and len(theirs) < len(units):
                units = {u: v for u, v in units.items() if u not in theirs}
        evidence = _merge(sorted({(a, b) for _, a, b in units.values()}))
        spans: dict[str, tuple] = {}  # each name's first evidence, in the answer's order
        for u in sorted(units, key=lambda u: units[u][1]):
            if p.units[u].name not in spans:
                spans[p.units[u].name] = units[u]
        # a name inside a longer one found is said by it (信息共享, not 信息共享、信息、共享)
        inside = p.inside
        matched = tuple(n for n in spans if not (inside[n] and not inside[n].isdisjoint(spans)))
        if len(matched) > 1:
            # …and so is a word written inside another one's words (服务 and 群众 of the 服务群众
            # that said 最后一公里: named once, as 最后一公里（服务群众）)
            # (one pass in the answer's order: the furthest-reaching span so far, from its earliest start)
            inner = set()
            far, near = -1, -1
            for n in sorted(matched, key=lambda n: (spans[n][1], -spans[n][2])):
                a, b = spans[n][1], spans[n][2]
                if far >= b and far - near > b - a:
                    inner.add(n)
                if b > far:
                    far, near = b, a
            if inner:
                matched = tuple(n for n in matched if n not in inner)
        written = tuple(original[spans[n][1]:spans[n][2]] for n in matched)
        said_as = tuple(folded[spans[n][1]:spans[n][2]] for n in matched)
        # (as matched_as_written() says them, from the folded answer: no folding again here)
        shown = tuple(
            n if n in f else f"{n}（{w if w.isprintable() else ' '.join(w.split())}）"
            for n, w, f in zip(matched, written, said_as)
        )
        if shown != matched:
            # a word of the point itself, written as the point has it, is named as it is (完善 for
            # 完善扶持政策, not 改善（完善）, where the thesaurus put both in one unit)
            # (a tutor's keyword group keeps its name: 不是推诿（按规定）)
            point_text = p.text
            groups = {u.name for u in p.units if u.keyword}
            named = tuple(
                f if n not in f and n not in groups and len(f) >= 2 and f in point_text else n
                for n, f in zip(matched, said_as)
            )
            if named != matched:
                # (each named once: 人工窗口 written for 人工, 窗口 and 保留线下人工窗口 is one name)
                renamed = {x for x, m in zip(named, matched) if x != m}
                keep = [
                    k for k, x in enumerate(named)
                    if x not in named[:k] and not any(x != y and x in y for y in (named if x in renamed else renamed))
                ]
                shown = tuple(named[k] if named[k] != matched[k] else shown[k] for k in keep)
                written = tuple(written[k] for k in keep)
                matched = tuple(named[k] for k in keep)
        order = p.order
        said = "\n".join(folded[a:b] for a, b in evidence) if evidence else ""
        # words of the point the answer says where they do not count (listed bare, negated,
        # named as the problem) are not 'to add' either: the reason says why they did not count
        if unsaid and status != COVERED and pi in unsaid:
            said = "\n".join([said, *unsaid[pi]])
        # a word of the point said elsewhere in the answer (三是向社区放权, two items below the
        # best window) is not 'to add' either: it is written, only apart from the rest
        # (nor is a context word said anywhere, a word of the question or of every point: it holds
        # a phrase of what to add together, 培训内容贴近实际 when 培训 was said)
        anywhere = units
        if holding is not None and len(holding.get(pi, ())) > 1:
            anywhere = set().union(*[per[i][0][pi] for i in holding[pi]])
        if not p.kp.keywords and self._context_terms[pi]:
            context = [ui for ui, terms in self._context_terms[pi] if any(t in folded for t in terms)]
            if context:
                anywhere = set(anywhere).union(context)
        if p.kp.keywords:  # the tutor's keyword groups, by their first alternative
            missing = tuple(
                self._to_add(p, u)
                for u in order
                if u not in anywhere
                and p.units[u].weight >= 0.2
                and p.units[u].keyword
                and p.units[u].name not in said  # 担责 inside 怕担责
            )
        else:
            missing = _missing_phrases(p, anywhere, said, prompt=self._prompt)
        reason = self._reason(
            pi, status, units, sentences, per, original,
            tuple(dict.fromkeys(said_as)) if prompt_only else shown, missing, empty, prompt_only,
        )
        if found_out is not None:
            found_out.append(counted_units if status != MISSED else {})
        if status == MISSED:
            evidence = ()
        return PointVerdict(p.kp.id, status, evidence, matched if status != MISSED else (), missing,
                            reason, p.kp.weight, written if status != MISSED else ())

    def _to_add(self, p: _Point, u: int) -> str:
        """A keyword group named as what to add: its first alternative the question does not
        already say (融资难 of [贷款难, 融资难] when the prompt quotes 贷款难: the prompt's word
        earns nothing said again)."""
        unit = p.units[u]
        if unit.lacking and unit.name in unit.lacking:
            # [辩解] on 不急于辩解: what to add is the point's no with it, not the word it forbids
            text = p.text
            at = text.find(unit.name)
            if at >= 0:
                start = _negation_start(text, at)
                if start < at:
                    return text[start:at + len(unit.name)]
        if unit.prompt or not _in_prompt(unit.name, self._prompt):
            return _as_written(p, unit.name)
        group = p.kp.keywords[-1 - unit.part] if unit.part < 0 else ()
        return _as_written(p, next((t for t in map(fold_term, group) if not _in_prompt(t, self._prompt)), unit.name))

    def _term_weights(self, pi: int) -> dict:
        """Term -> the most it can weigh for point ``pi`` (worked out once per point)."""
        cached = self._weights.get(pi)
        if cached is None:
            cached = {}
            units = self._points[pi].units
            for u in units:
                for t, st in u.terms.items():
                    w = u.weight * st
                    if w > cached.get(t, 0.0):
                        cached[t] = w
            self._weights[pi] = cached
        return cached

    def _negated_phrase(self, pi: int, term: str) -> str:
        """The point's own words with the no it puts on ``term`` (不符合规定 for 规定), or ""."""
        p = self._points[pi]
        text = fold(p.kp.point or "")
        for u in p.units:
            if u.negative and term in u.terms:
                i = text.find(u.name)
                if i >= 0:
                    a = _negation_start(text, i)
                    if a < i:
                        return text[a:i + len(u.name)]
        return ""

    def _reason(self, pi, status, units, sentences, per, original, matched, missing, empty=False,
                prompt_only=False) -> str:
        """One short sentence saying why (Chinese, as the candidate reads it)."""
        if status == COVERED:
            return "答到：" + "、".join(matched)
        if prompt_only and matched:
            return "题目里已有的词不算答到：" + "、".join(matched)
        stock = "（整个回答多是套话）" if empty else ""
        if units and not empty and any(
            s.start <= a < s.end and per[i][4]
            for _, a, _ in units.values() for i, s in enumerate(sentences)
        ):
            stock = "（所在的句子多是套话）"
        if status == PARTIAL:
            return "只答到一部分：" + "、".join(matched) + stock
        # the rejected piece of the answer that mattered most for this point
        weight_of = self._term_weights(pi)
        best = None
        for i, s in enumerate(sentences):
            for h in per[i][1].get(pi, ()):
                w = weight_of.get(h[0], 0.0)
                if w >= PARTIAL_AT * self._points[pi].saturate and (best is None or w > best[0]):
                    a, b = h[4]
                    # (whether anything but more labels follows: 目的-方案-实施-总结 is all heading)
                    after = _ITEM_SPLIT.sub("", _LABEL_WORD.sub("", fold(original[s.start + b:s.end])))
                    best = (w, h[3], original[s.start + a:s.start + b].strip(), h[0], after)
        if best is not None:
            _, flag, clause, term, after = best
            clause = "「" + " ".join(clause.split()) + "」"
            if flag in ("negated", "denied", "rejected"):
                return "否定的说法不算答到：" + clause
            if flag == "attributed":
                return "转述别人的观点，不是你的主张：" + clause
            if flag == "heading":
                if after:
                    # 原因：追求完美、不会排优先级: there is content, only not this point's
                    return "标题不算答到，后面写的没有对上这一点：" + clause
                return "只有标题，没有内容：" + clause
            if flag == "opposite":
                said = self._negated_phrase(pi, term)
                if said:
                    # 规定 said plainly, on a point about 不符合规定: not 'the opposite', only not it
                    return f"要点说的是「{said}」，这里不是这个意思：" + clause
                return "说的是相反的情况：" + clause
            if flag == "problem":
                return "说的是问题本身，不是对策：" + clause
            if flag == "dismissed":
                return "推卸或敷衍的态度不算答到：" + clause
            if flag == "empty":
                return "套话，没有具体内容：" + clause
            if flag == "listed":
                return "只罗列了词语，没有展开：" + clause
            if flag == "restated":
                return "复述题目的话不算答到：" + clause
            if flag == "questioned":
                return "反问的说法不算答到：" + clause
        if matched:
            return "只提到" + "、".join(matched) + "，不足以答到这一点" + stock
        return "没有答到这一点"


# the patterns searched in every sentence, made to skip to where a match can start
_DISMISS = _skipping(_DISMISS)
_MINIMAL = _skipping(_MINIMAL)
_STANCE_HINT = _skipping(_STANCE_HINT)
_CONDEMN_HINT = _skipping(_CONDEMN_HINT)
_LABEL_WORD = _skipping(_LABEL_WORD)
_LABEL_ITEM = _skipping(_LABEL_ITEM)
_NEG_AFTER = _skipping(_NEG_AFTER)
_CUE_RE = _skipping(_CUE_RE)
_BAD_WORD = _skipping(_BAD_WORD)
_BOILER_HINT = _skipping(_BOILER_HINT)
_FORMULA = _skipping(_FORMULA)
_STOCK = _skipping(_STOCK)
_TURN = _skipping(_TURN)
_DISMISS_DENIED = _skipping(_DISMISS_DENIED)
_AVOID_SAID = _skipping(_AVOID_SAID)
_SCOPE_END = _skipping(_SCOPE_END)
_OPPOSE_ANY = _skipping(_OPPOSE_ANY)
_DENIAL = _skipping(_DENIAL)


def grade(question: Question, text: str, thesaurus: Thesaurus | None = None) -> Grading:
    """Grade ``text`` against ``question`` (one-off; use ``Grader`` to grade repeatedly)."""
    return Grader(question, thesaurus=thesaurus).grade(text)


__all__ = ["COVERED", "MISSED", "PARTIAL", "Grader", "Grading", "PointVerdict", "grade"]
