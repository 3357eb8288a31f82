"""The narratives' one Markdown reader: figures are found by parsing, never by patterns."""

from qualitydesk.domain.markdown import figure_refs, inline_text, parser


def test_figures_are_the_pictures_placed_not_text_that_looks_like_them():
    text = (
        "# 4.7.2 产品和服务结果\n\n"
        "![一次交检合格率](indicator:first-pass-yield)\n\n"
        "| 年度 | 图 |\n| --- | --- |\n| 2025 | ![现场](attachment:12) |\n\n"
        "代码 `![假图](indicator:in-code)` 与转义 \\![假图](indicator:escaped) 不是图；"
        "[链接](indicator:a-link) 也不是。\n"
    )
    assert figure_refs(text, "indicator") == {"first-pass-yield"}
    assert figure_refs(text, "attachment") == {"12"}
    assert figure_refs("![空](indicator:)", "indicator") == set()


def test_inline_text_is_what_the_markdown_reads_as():
    assert (
        inline_text("**产品**。2025年 `ISO 9001` \\*不是强调\\*")
        == "产品。2025年 ISO 9001 *不是强调*"
    )


def test_one_parser_is_made_once():
    assert parser() is parser()
    assert parser().parse("| a |\n| - |\n| b |\n")[0].type == "table_open"
