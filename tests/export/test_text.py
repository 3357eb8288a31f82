"""Chinese line breaking and cleaning text for print, without building a PDF."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qualitydesk.export.fonts import SERIF, fix_to_unicode, fonts
from qualitydesk.export.text import (
    MISSING,
    NO_END,
    NO_START,
    break_lines,
    char_widths,
    clean,
    normalise,
    quarter_gaps,
    stretch_points,
    strip_format,
    units,
)

WIDTHS = char_widths(SERIF, 12.0)


def lines_of(text: str, width: float = 120.0) -> list[str]:
    return [text[ln.start : ln.end] for ln in break_lines(text, WIDTHS(text), width)]


def test_units_keep_punctuation_with_their_neighbours():
    text = "营业收入（同比增长10.4%）。“澄心致远”模式——"
    assert [text[s:e] for s, e in units(text)] == [
        "营",
        "业",
        "收",
        "入",
        "（同",
        "比",
        "增",
        "长",
        "10.4%）。",
        "“澄",
        "心",
        "致",
        "远”",
        "模",
        "式——",
    ]


def test_latin_words_numbers_and_units_are_one_unit():
    text = "通过ISO 9001:2015认证，收入186,400万元，GB/T 19580-2012，2024年"
    found = [text[s:e] for s, e in units(text)]
    for token in ("ISO 9001:2015认", "186,400万元，", "GB/T 19580-2012，", "2024年"):
        assert token in found


def test_numbers_keep_their_units_and_dates_stay_whole():
    text = "达到3.5万元，2024年5月12日起，25℃，5 MPa，12 %，11.2个百分点，2万名员工，in 2022 the"
    found = [text[s:e] for s, e in units(text)]
    for token in (
        "3.5万元，",
        "2024年5月12日",
        "25℃，",
        "5 MPa，",
        "12 %，",
        "11.2个百分点，",
        "2万名",
    ):
        assert token in found


def test_a_web_address_is_cut_only_after_slash_dot_hyphen_or_question_mark():
    text = "见（https://www.samr.gov.cn/zljds/art-2024.html?id=12）。"
    assert [text[s:e] for s, e in units(text)] == [
        "见",
        "（https://",
        "www.",
        "samr.",
        "gov.",
        "cn/",
        "zljds/",
        "art-",
        "2024.",
        "html?",
        "id=12）。",
    ]
    for width in range(60, 200, 5):
        for line in lines_of(text, width)[:-1]:
            assert line[-1] in "/.-?见", (width, line)


def test_no_paragraph_ends_with_a_single_character():
    text = "一二三四五六七八九十。"
    width = sum(WIDTHS("一二三四五六七八九"))  # "十。" alone on the last line before
    assert lines_of(text, width) == ["一二三四五六七八", "九十。"]
    assert lines_of("一二三\n" + text, width)[-2:] == ["一二三四五六七八", "九十。"]
    assert lines_of("一二三四五。", width) == ["一二三四五。"]


def test_spaces_next_to_full_width_punctuation_go():
    assert normalise(["好。 ", " 下一句 ，（ 注", " ）, a"]) == ["好。", "下一句，（注", "）, a"]
    assert normalise(["ISO 9001 认证"]) == ["ISO 9001 认证"]


def test_a_quarter_em_goes_where_han_meets_latin_without_a_space():
    text = "前3年通过ISO 9001认证，增长12%以上，“A级”"
    assert [text[i - 1 : i + 1] for i in quarter_gaps(text)] == [
        "前3",
        "3年",
        "过I",
        "1认",
        "长1",
        "%以",
        "A级",
    ]


def test_a_quarter_em_is_not_needed_at_the_start_of_a_line():
    text = "一二三四五六七八九十ABC"
    advance = WIDTHS(text)
    lead = [0.0] * len(text)
    lead[10] = 3.0
    advance[10] += 3.0
    width = sum(WIDTHS("一二三四五六七八九十"))
    lines = break_lines(text, advance, width, lead=lead)
    assert [text[ln.start : ln.end] for ln in lines] == ["一二三四五六七八九十", "ABC"]
    assert lines[1].width == pytest.approx(sum(WIDTHS("ABC")))


def test_only_cjk_gaps_and_breakable_spaces_stretch():
    def stretched(text: str) -> list[str]:
        return [text[k : k + 2] for k in stretch_points(text)]

    assert stretched("质量方针") == ["质量", "量方", "方针"]
    assert stretched("于2022年8月，一批") == ["于2", "，一", "一批"]  # not inside "2022年8月，"
    assert stretched("The quick brown fox") == [" q", " b", " f"]
    assert stretched("ISO 4406 18/16/13，") == [" 4", " 1"]  # no other: its own spaces
    assert stretched("https://www.samr.gov.cn/") == []


def test_lines_never_start_or_end_with_forbidden_punctuation():
    text = "公司战略分长期、中期、短期三个层次：长期为五年规划，与国家五年规划同步。" * 8
    for width in range(60, 400, 7):
        for line in lines_of(text, width):
            assert line[0] not in NO_START
            assert line[-1] not in NO_END


def test_a_unit_wider_than_the_line_is_cut_by_character():
    text = "a" * 500
    lines = lines_of(text, 100.0)
    assert "".join(lines) == text
    assert all(sum(WIDTHS(line)) <= 100.0 + 1e-6 for line in lines)


def test_squeezed_punctuation_stays_on_its_line():
    text = "一二三四五六七八九十，"
    width = sum(WIDTHS("一二三四五六七八九十")) + 7  # "，" overflows by 5 pt
    plain = [text[ln.start : ln.end] for ln in break_lines(text, WIDTHS(text), width)]
    squeezed = break_lines(text, WIDTHS(text), width, squeeze=6.0)
    assert len(plain) == 2  # without squeezing "十，" goes over together
    assert [(ln.start, ln.end) for ln in squeezed] == [(0, len(text))]


def test_hard_breaks_end_lines_without_justification():
    text = "第一行\n第二行"
    lines = break_lines(text, WIDTHS(text), 200.0)
    assert [text[ln.start : ln.end] for ln in lines] == ["第一行", "第二行"]
    assert not any(ln.justify for ln in lines)


def test_spaces_at_line_ends_disappear():
    text = "word " * 40
    for line in lines_of(text, 90.0):
        assert line == line.strip()


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [*list("中文字符标点abc123 ，。、；：！？）》」』】”’％（《「『【“‘—…"), "\n"]
        ),
        max_size=300,
    ),
    st.floats(min_value=30.0, max_value=500.0),
)
def test_breaking_keeps_every_character_and_the_rules(text, width):
    advance, lead = WIDTHS(text), [0.0] * len(text)
    for i in quarter_gaps(text):  # as the paragraphs set them
        lead[i] = 3.0
        advance[i] += 3.0
    lines = break_lines(text, advance, width, squeeze=6.0, lead=lead)
    assert all(ln.width <= width + 6.0 + 1e-6 or ln.end - ln.start == 1 for ln in lines)
    printed = "".join(text[ln.start : ln.end] for ln in lines)
    assert printed.replace(" ", "") == text.replace("\n", "").replace(" ", "")
    # a unit wider than the line (a long run of punctuation) is cut: only there may rules bend
    cut = {ln.start for ln in lines} - {s for s, _ in units(text)}
    for ln, following in zip(lines, [*lines[1:], None], strict=True):
        line = text[ln.start : ln.end]
        before, after = text[: ln.start].rstrip(" "), text[ln.end :].lstrip(" ")
        if line and ln.start not in cut and before and not before.endswith("\n"):
            assert line[0] not in NO_START
        if line and (following is None or following.start not in cut) and after:
            assert after.startswith("\n") or line[-1] not in NO_END


def test_clean_removes_format_characters_and_marks_missing_glyphs():
    text = "零\u200b宽\u2060字\ufeff符\u00ad，\u3000全角空格\r\n换行\u2003宽空格😀𬭚𠀀"
    cleaned = clean(text, fonts())
    assert cleaned == f"零宽字符，\u3000全角空格\n换行 宽空格{MISSING}𬭚{MISSING}"
    assert strip_format("a\u200db\u2028c") == "ab\nc"


def test_to_unicode_beyond_the_bmp_uses_surrogate_pairs():
    cmap = "2 beginbfchar\n<01> <4E2D>\n<02> <2CB5A>\nendbfchar"
    assert fix_to_unicode(cmap) == "2 beginbfchar\n<01> <4E2D>\n<02> <D872DF5A>\nendbfchar"
