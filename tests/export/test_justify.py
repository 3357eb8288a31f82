"""Justified Chinese text read back from real PDFs with pypdfium2 (character origins) and pypdf:
only CJK gaps stretch, words, numbers with units, dates and web addresses stay whole, a
quarter-em stands between Han and Latin, and no paragraph ends on a single character.
"""

from __future__ import annotations

import ctypes
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from qualitydesk.export.flowables import Para, TextStyle
from qualitydesk.export.fonts import SERIF
from qualitydesk.export.text import NO_START, char_widths, quarter_gaps
from tests.helpers.pdfcheck import Glyph, glyphs, squeeze

SIZE = 12.0
BODY = TextStyle(SERIF, SIZE, 21.0, first_indent=2 * SIZE)
BODY_FLUSH = TextStyle(SERIF, SIZE, 21.0)
EXAMPLE = (
    "以身作则的事例：2022年8月，一批1,260只比例阀出厂检测清洁度为"
    "ISO 4406 18/16/13，符合行业标准但未达到与客户约定的17/15/12，董事长决定全部返工。"
)
URL = "https://www.samr.gov.cn/zljds/tzgg/art/2024/art_3f0e8a7b9c.html?from=notice-list"


def set_pdf(path: Path, texts: list[str], width: float, style: TextStyle = BODY) -> Path:
    """``texts`` as paragraphs ``width`` wide on A4 pages, written to ``path``."""
    margin = (A4[0] - width) / 2 - 6  # the frame pads its text by 6 pt
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=40
    )
    doc.build([Para(text, style) for text in texts])
    return path


def lines_of(path: Path) -> list[list[Glyph]]:
    """The printed characters (spaces left out) grouped by baseline, top to bottom."""
    lines: list[list[Glyph]] = []
    for page in glyphs(path):
        for glyph in page:
            if lines and abs(lines[-1][0].baseline - glyph.baseline) < 0.5:
                lines[-1].append(glyph)
            else:
                lines.append([glyph])
    return lines


def text_of(line: list[Glyph]) -> str:
    return "".join(g.char for g in line)


def advance(char: str) -> float:
    return char_widths(SERIF, SIZE)(char)[0]


def test_digits_of_a_justified_line_keep_their_natural_advance(tmp_path):
    pdf = set_pdf(tmp_path / "digits.pdf", [EXAMPLE], 440.0)
    first = lines_of(pdf)[0]
    assert text_of(first).startswith("以身作则的事例：2022年8月，一批1,260只")
    assert first[-1].x + advance(first[-1].char) == pytest.approx(
        first[0].x + 440.0 - 24.0, abs=0.05
    )
    at = text_of(first).index("2022")
    digits = first[at : at + 4]
    gaps = [b.x - a.x for a, b in pairwise(digits)]
    assert gaps == pytest.approx([advance(g.char) for g in digits[:-1]], abs=0.02)
    at = text_of(first).index("1,260")
    number = first[at : at + 5]
    assert [b.x - a.x for a, b in pairwise(number)] == pytest.approx(
        [advance(g.char) for g in number[:-1]], abs=0.02
    )
    # the CJK gaps take the slack, all alike
    cjk = [b.x - a.x - advance(a.char) for a, b in pairwise(first[:7])]
    assert min(cjk) > 0.5
    assert max(cjk) - min(cjk) < 0.02


def digit_spacing(pdf: Path) -> list[tuple[int, str, float]]:
    """(page, two digits, space between them beyond their advance) for every two digits of
    the bundled serif that follow each other on a line more than 0.05 pt apart (and less than
    a character: a table's next cell is not a gap).
    """
    found = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for number, page in enumerate(document, 1):
            text_page = page.get_textpage()
            before = None
            for index in range(text_page.count_chars()):
                char, font, x, y, size = _char(text_page, index)
                if before and (before[0] + char).isdigit() and before[1] == font:
                    extra = x - before[2] - char_widths(SERIF, size)(before[0])[0]
                    if SERIF in font and abs(y - before[3]) < 0.01 and 0.05 < extra < size:
                        found.append((number, before[0] + char, round(extra, 2)))
                before = (char, font, x, y)
            text_page.close()
            page.close()
    finally:
        document.close()
    return found


def _char(text_page: pdfium.PdfTextPage, index: int) -> tuple[str, str, float, float, float]:
    """A character of a page: itself, its font's name, its origin and its size."""
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    pdfium.raw.FPDFText_GetFontInfo(text_page.raw, index, name, 128, ctypes.byref(flags))
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium.raw.FPDFText_GetCharOrigin(text_page.raw, index, ctypes.byref(x), ctypes.byref(y))
    size = pdfium.raw.FPDFText_GetFontSize(text_page.raw, index)
    return text_page.get_text_range(index, 1), name.value.decode(), x.value, y.value, size


@pytest.mark.slow
def test_no_digits_of_the_package_are_letter_spaced(package_pdf):
    """Issue 14: p. 17 of the demo printed "2 0 2 2" (1,655 such gaps in the package)."""
    assert digit_spacing(package_pdf) == []


def test_a_web_address_breaks_only_after_a_slash_dot_hyphen_or_question_mark(tmp_path):
    text = f"通知原文见{URL}，请按要求填报。"
    first, last = text.index(URL), text.index(URL) + len(URL)
    for width in (150.0, 190.0, 230.0):
        pdf = set_pdf(tmp_path / f"url{width:.0f}.pdf", [text], width, BODY_FLUSH)
        lines = [text_of(line) for line in lines_of(pdf)]
        assert "".join(lines) == text
        ends = [len("".join(lines[: i + 1])) for i in range(len(lines) - 1)]
        inside = [end for end in ends if first < end < last]
        assert inside, lines  # the address is too long for one line
        assert [text[end - 1] for end in inside if text[end - 1] not in "/.-?"] == [], lines


@pytest.mark.parametrize(
    "token", ["12%", "12 %", "3.5万元", "2024年5月12日", "25℃", "5 MPa", "11.2个百分点"]
)
def test_a_number_stays_with_its_unit_at_every_width(tmp_path, token):
    """On one line and not spaced out: each character at its advance from the one before
    (plus the space typed inside, plus the quarter-em where a digit meets Han).
    """
    text = f"经测算，各车间全年的关键指标平均为{token}，并在下一年度继续改进。"
    whole = squeeze(token)
    steps = []
    for i, char in enumerate(token[:-1]):
        if char != " ":
            after = token[i + 1 :]
            space = advance(" ") if after.startswith(" ") else 0.0
            quarter = SIZE / 4 if i + 1 + (space > 0) in quarter_gaps(token) else 0.0
            steps.append(advance(char) + space + quarter)
    for width in range(130, 260, 6):
        lines = lines_of(set_pdf(tmp_path / f"n{width}.pdf", [text], width))
        line = next((line for line in lines if whole in text_of(line)), None)
        assert line is not None, (token, [text_of(line) for line in lines])
        at = text_of(line).index(whole)
        glyphs = line[at : at + len(whole)]
        assert [b.x - a.x for a, b in pairwise(glyphs)] == pytest.approx(steps, abs=0.02), width


def test_no_paragraph_ends_with_one_character_alone(tmp_path):
    chars = "质量是企业的生命线全员参与持续改进不断提升顾客满意程度"
    texts = [chars[: n % len(chars) + 1] * (1 + n // len(chars)) + "。" for n in range(20, 60)]
    pdf = set_pdf(tmp_path / "lone.pdf", texts, 200.0)
    lines = [text_of(line) for line in lines_of(pdf)]
    ends = [line for line, following in pairwise([*lines, ""]) if line.endswith("。")]
    assert len(ends) == len(texts)
    lone = [line for line in ends if len(line.rstrip(NO_START)) == 1]
    assert lone == []


def test_a_quarter_em_stands_between_han_and_latin(tmp_path):
    style = TextStyle(SERIF, SIZE, 21.0, align="left")
    pdf = set_pdf(tmp_path / "gap.pdf", ["申报前3年内通过ISO认证，2024年。"], 400.0, style)
    line = lines_of(pdf)[0]
    assert text_of(line) == "申报前3年内通过ISO认证，2024年。"
    gaps = {a.char + b.char: b.x - a.x - advance(a.char) for a, b in pairwise(line)}
    for pair in ("前3", "3年", "过I", "O认", "4年"):
        assert gaps[pair] == pytest.approx(SIZE / 4, abs=0.05), pair
    for pair in ("申报", "IS", "20", "，2"):
        assert gaps[pair] == pytest.approx(0.0, abs=0.05), pair


def test_spaces_after_full_width_punctuation_are_removed(tmp_path):
    pdf = set_pdf(tmp_path / "spaces.pdf", ["第一句。 第二句， 第三句 ；完。"], 400.0)
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0].get_textpage()
        chars = [page.get_text_range(i, 1) for i in range(page.count_chars())]
        generated = [bool(pdfium.raw.FPDFText_IsGenerated(page.raw, i)) for i in range(len(chars))]
    finally:
        document.close()
    typed = "".join(c for c, gen in zip(chars, generated, strict=True) if not gen)
    assert typed.strip() == "第一句。第二句，第三句；完。"


def test_extraction_gives_the_text_back_with_words_whole(tmp_path):
    texts = [EXAMPLE, f"通知原文见{URL}，请按要求填报。", "依据ISO 9001:2015持续改进，增长12%。"]
    pdf = set_pdf(tmp_path / "extract.pdf", texts, 240.0)
    document = pdfium.PdfDocument(str(pdf))
    try:
        by_pdfium = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    by_pypdf = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for extracted in (by_pdfium, by_pypdf):
        assert squeeze(extracted) == squeeze("".join(texts))
        for word in ("2022", "1,260", "ISO 4406 18/16/13", "17/15/12", "9001:2015", "12%"):
            assert word in extracted, word
