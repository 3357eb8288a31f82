"""Counts as Word's 字数统计 reports them: hand-counted texts, Markdown narratives, and the fast
counts checked against a slow, obvious reference.

Each hand count is written as a sum, East Asian characters (中文字符和朝鲜语单词) first, then
non-Chinese words (非中文单词). LibreOffice Writer, given .docx files holding these texts (Chinese
font and language, as the package is exported), reports the same 字数 for all of them but two,
noted where they are: it takes — and – as word separators and …… as one word, where Word counts
— and … in Chinese text as Chinese characters. The program follows Word, which examiners use.
"""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qualitydesk.domain import textmetrics
from qualitydesk.domain.textmetrics import count, markdown_text, measure, narrative, with_figures

SAMPLE = (
    "公司坚持“质量第一、顾客至上”的方针，2024年通过ISO 9001:2015再认证；营业收入同比增长12.5%。\n"
)


def test_counts_of_a_typical_sentence():
    counts = count(SAMPLE)
    assert counts.hanzi == 29
    assert counts.punctuation == 9  # “ 、 ” ， : ； . % 。
    assert counts.characters == 56
    assert counts.characters_no_punct == 47
    assert counts.latin_words == 4  # 2024, ISO, 9001:2015, 12.5%
    # Word's 字数: 29 汉字 + 6 East Asian punctuation marks + 4 non-Chinese words.
    assert counts.east_asian == 29 + 6
    assert counts.words == 29 + 6 + 4


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # 年 通过 认证 ， ： 。 | 2022, ISO, 9001:2015, e-mail, qa@example.com
        ("2022年通过ISO 9001:2015认证，e-mail：qa@example.com。", (1 + 2 + 2 + 3) + 5),
        # 合格率 ，温度 ，配合间隙 ，。 | 99.46%, 25℃, 2–4μm, Cpk≥1.33: units and symbols stay
        # inside their word (LibreOffice splits 2–4μm at the en dash: 18).
        ("合格率99.46%，温度25℃，配合间隙2–4μm，Cpk≥1.33。", (3 + 1 + 2 + 1 + 4 + 1 + 1) + 4),
        # 质量 管理 体系 | "," "-" "(QMS)": half-width punctuation alone is a word, in Word
        # and in LibreOffice alike
        ("质量,管理 - 体系(QMS)", (2 + 2 + 2) + 3),
        # full-width （ 见 表 ） | 1
        ("（见表1）", 4 + 1),
        # half-width: 见 表 | "(" "1)"
        ("(见表1)", 2 + 2),
        # 详见 。 | the whole address
        ("详见https://example.com/a?b=1&c=2。", (2 + 1) + 1),
        # 点赞 ， 好 | 👍👍 (emoji together are one word, as in Word)
        ("点赞👍👍，好", (2 + 1 + 1) + 1),
        ("hello 🙂 world", 0 + 3),
        # full-width letters and digits are East Asian, one each
        ("ＡＢＣ１２３", 6 + 0),
        # a dash, ellipsis, book-title marks and quotes of Chinese text: one each (LibreOffice:
        # 14, —— being no word and …… one)
        ("——《卓越绩效评价准则》……“对标”", (2 + 1 + 8 + 1 + 2 + 1 + 2 + 1) + 0),
        # 第 条 | "3.2.1" and "GB/T 19580-2012" (two words: GB/T, 19580-2012)
        ("第3.2.1条GB/T 19580-2012", (1 + 1) + 3),
        # Hangul syllables count one each (Word's 朝鲜语单词, as checked in Word by
        # office-wordcount's validation set)
        ("안녕하세요", 5 + 0),
        # spaces, tabs, the ideographic space and line breaks count nothing
        ("质量\t 管理\u3000体系\n\n", 6 + 0),
    ],
)
def test_words_as_word_counts_them(text, words):
    assert count(text).words == words


def test_rare_characters_full_width_letters_and_spaces():
    counts = count("玥堃喆𬭚〇　ＡＢＣ\ta b")
    assert counts.hanzi == 5  # 𬭚 is outside the BMP, 〇 is an ideograph
    assert counts.characters == 10  # the ideographic space and the tab are whitespace
    assert counts.latin_words == 2
    assert counts.words == 5 + 3 + 2  # ＡＢＣ are East Asian


def test_invisible_characters_count_as_nothing():
    assert count("质\u200b量\u2060管\ufeff理\u00ad") == count("质量管理")


def test_empty_text():
    counts = count("")
    assert (counts.hanzi, counts.characters, counts.words, counts.latin_words) == (0, 0, 0, 0)


def test_metric_by_name():
    counts = count(SAMPLE)
    assert counts.metric("words") == 39
    assert counts.metric("characters_no_punct") == 47
    with pytest.raises(ValueError, match="unknown text metric"):
        counts.metric("pages")


def test_figures_count_toward_the_limit():
    assert with_figures(49_500, figures=3, figure_chars=300) == 50_400
    assert with_figures(100, figures=0, figure_chars=300) == 100
    with pytest.raises(ValueError, match="negative"):
        with_figures(100, figures=-1, figure_chars=300)


# --- narratives: tables, pictures and captions are counted -----------------------------------

NARRATIVE = """\
**产品与服务。** 主要产品见下表。

表1 主要产品收入占比

| 产品 | 2025年收入占比 |
|---|---|
| 电液伺服阀 | 31.5% |
| 比例阀 | 28.6% |

![一次交检合格率趋势](indicator:first-pass-yield)

## 一、领导

1. 第一条
2. 第二条

表中数据来自ERP。
"""


def test_a_narrative_counts_its_tables_pictures_and_captions():
    found = narrative(NARRATIVE)
    assert (found.figures, found.tables) == (1, 1)
    counts = count(found.text)
    assert counts.words == (
        (5 + 1 + 7 + 1)  # 产品与服务 。 主要产品见下表 。 (bold markers are not text)
        + (1 + 8 + 1)  # the table's title: 表 主要产品收入占比 | 1
        + (2 + 5 + 1)  # header: 产品, 年收入占比 | 2025
        + (5 + 1)  # 电液伺服阀 | 31.5%
        + (3 + 1)  # 比例阀 | 28.6%
        + 9  # the picture's title: 一次交检合格率趋势
        + 4  # heading 一、领导 (# is markup)
        + (3 + 3)  # 第一条, 第二条 (list numbers are not text, as Word's are not)
        + (6 + 1 + 1)  # 表中数据来自 。 | ERP
    )
    assert counts.words == 69


def test_table_text_is_text_under_figures():
    """含图表: a table counts as its text (Word counts it), a picture adds figure_chars.

    The old count dropped the table's text and counted the table as a 300-字 figure.
    """
    table = "| 指标 | 2025年 |\n|---|---|\n| 合格率 | 99.46% |\n"
    counts, figures = measure(table)
    assert counts.words == (2 + 1 + 1) + (3 + 1)  # 指标 年 | 2025 ; 合格率 | 99.46%
    assert figures == 0
    picture = "![客户满意度](indicator:satisfaction)\n"
    counts, figures = measure(picture)
    assert (counts.words, figures) == (5, 1)
    assert with_figures(counts.words, figures, figure_chars=300) == 5 + 300


def test_pictures_in_table_cells_links_and_code():
    markdown = (
        "| 图 | 说明 |\n|---|---|\n| ![趋势](indicator:x) | 见[附件1](attachment:1) |\n\n"
        "代码`SPC-01`：\n\n```\nQC 7 tools\n```\n"
    )
    found = narrative(markdown)
    assert (found.figures, found.tables) == (1, 1)
    assert count(found.text).words == (
        (1 + 2)  # 图 说明
        + 2  # the picture's title 趋势
        + (1 + 2 + 1)  # 见 附件 | 1 (a link counts its text)
        + (2 + 1 + 1)  # 代码 ： | SPC-01
        + 3  # QC, 7, tools
    )


def test_markdown_text_keeps_its_shape():
    text, figures = markdown_text(NARRATIVE)
    assert (text, figures) == (narrative(NARRATIVE).text, 1)
    assert {"电液伺服阀", "一次交检合格率趋势"} <= set(text.split())
    assert re.search(r"\||\*\*|indicator:", text) is None  # markup is not text


# --- the fast counts agree with a slow, obvious reference ------------------------------------

_EAST_ASIAN = re.compile(f"[{textmetrics.EAST_ASIAN}]")


def _is_han(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return ch == "〇" or name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _reference(text: str) -> tuple[int, int, int, int, int]:
    """hanzi, characters, punctuation, East Asian characters, non-Asian words: one by one."""
    text = textmetrics.strip_invisible(text)
    visible = [ch for ch in text if not ch.isspace()]
    punct = [ch for ch in visible if unicodedata.category(ch)[0] in "PS" or ch == "_"]
    hanzi = [ch for ch in visible if _is_han(ch)]
    east_asian = words = 0
    in_word = False
    for ch in text:
        if ch.isspace() or _EAST_ASIAN.match(ch):
            east_asian += not ch.isspace()
            in_word = False
        elif not in_word:
            words += 1
            in_word = True
    return len(hanzi), len(visible), len(punct), east_asian, words


TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            "质量管理体系卓越绩效，。、；：！？（）《》“”‘’—…·〇玥𬭚　 \n\t\x1cA1%.-_–μ≥℃👍ＡＢ한"
        ),
        # Assigned characters only: the counts follow Unicode blocks, the reference follows names.
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cn")),
    ),
    max_size=200,
)


@given(TEXT)
def test_fast_counts_match_the_reference(text):
    counts = count(text)
    hanzi, characters, punctuation, east_asian, words = _reference(text)
    assert counts.hanzi == hanzi
    assert counts.characters == characters
    assert counts.punctuation == punctuation
    assert counts.characters_no_punct == characters - punctuation
    assert (counts.east_asian, counts.latin_words) == (east_asian, words)
    assert counts.words == east_asian + words


@given(
    st.lists(TEXT, min_size=textmetrics.LINES_PER_PIECE, max_size=3 * textmetrics.LINES_PER_PIECE)
)
def test_texts_long_enough_to_count_in_pieces_match_the_reference(lines):
    text = "\n".join(lines)
    counts = count(text)
    assert (counts.hanzi, counts.characters, counts.punctuation) == _reference(text)[:3]
    assert (counts.east_asian, counts.latin_words) == _reference(text)[3:]


@given(TEXT)
def test_counts_are_consistent(text):
    counts = count(text)
    assert 0 <= counts.hanzi <= counts.characters <= len(text)
    assert counts.east_asian >= counts.hanzi
    twice = count(f"{text}\n{text}")  # counts add up over paragraphs
    assert twice.words == 2 * counts.words
    assert twice.characters == 2 * counts.characters


def test_a_narrative_measured_again_is_not_parsed_again(monkeypatch):
    from qualitydesk.domain import markdown

    parses = []
    real = markdown.parser
    monkeypatch.setattr(markdown, "parser", lambda: parses.append(1) or real())
    text = "## 领导\n\n高层领导每季度主持经营分析会。\n\n| 指标 | 值 |\n|---|---|\n| 营收 | 12 |\n"
    narrative.cache_clear()
    first = measure(text)
    assert measure(text) == first
    assert measure(text + "新增。") != first
    assert len(parses) == 2  # once per distinct text
    assert (
        first[0].words == count("领导\n高层领导每季度主持经营分析会。\n指标\n值\n营收\n12\n").words
    )


def test_a_long_text_is_counted_in_pieces_as_a_whole():
    lines = [f"{i}、质量管理体系覆盖 ISO 9001:2015 的要求（第{i}条）。" for i in range(1, 1001)]
    text = "\n".join(lines)
    assert count(text) == count(text + "\n")  # a line break counts nothing, wherever it falls
    counts = count(text)
    assert (counts.hanzi, counts.characters, counts.punctuation) == _reference(text)[:3]
    assert (counts.east_asian, counts.latin_words) == _reference(text)[3:]

    before = textmetrics._piece_counts.cache_info().misses
    typed = text.replace("500、质量", "500、质量质", 1)
    assert count(typed).hanzi == counts.hanzi + 1
    assert textmetrics._piece_counts.cache_info().misses == before + 1  # the piece typed in
