"""Chinese line breaking and cleaning text for print, without building a PDF."""

from __future__ import annotations

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
    for token in ("ISO 9001:2015认", "186,400万", "GB/T 19580-2012，", "2024年"):
        assert token in found


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
    lines = break_lines(text, WIDTHS(text), width, squeeze=6.0)
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
