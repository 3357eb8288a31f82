"""Word files for the import tests, made with python-docx the way Word and WPS users make them."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as new_word  # noqa: N813 (a factory function)
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from PIL import Image

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
TEXT_BOX = "文本框里的说明文字"


def png(colour: str = "red", size: tuple[int, int] = (60, 40)) -> bytes:
    """A PNG of one colour, ``size`` pixels."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def bold(word: WordDocument, text: str) -> Paragraph:
    """A heading typed as a bold paragraph (no heading style), as many 自评报告 are."""
    paragraph = word.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def rich(word: WordDocument, *parts: tuple[str, str]) -> Paragraph:
    """A paragraph of runs: ("b", text) bold, ("i", text) italic, ("", text) plain."""
    paragraph = word.add_paragraph()
    for kind, text in parts:
        run = paragraph.add_run(text)
        run.bold = kind == "b" or None
        run.italic = kind == "i" or None
    return paragraph


def text_box(word: WordDocument, text: str = TEXT_BOX) -> None:
    """A paragraph holding a text box (raw XML: python-docx cannot make one)."""
    run = parse_xml(
        f'<w:r {NAMESPACES}><mc:AlternateContent><mc:Choice Requires="v"><w:pict>'
        '<v:shape id="box1" style="width:120pt;height:40pt"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Choice></mc:AlternateContent></w:r>"
    )
    word.add_paragraph()._p.append(run)


def toc_field(word: WordDocument, entries: list[str]) -> None:
    """A 目录 as Word makes it: a TOC field whose result lists the headings."""
    paragraphs = [word.add_paragraph() for _ in entries]
    begin, instr, separate = OxmlElement("w:r"), OxmlElement("w:r"), OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "begin")
    begin.append(char)
    code = OxmlElement("w:instrText")
    code.text = ' TOC \\o "1-3" \\h \\z \\u '
    instr.append(code)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "separate")
    separate.append(char)
    for element in (begin, instr, separate):
        paragraphs[0]._p.append(element)
    for paragraph, entry in zip(paragraphs, entries, strict=True):
        paragraph.add_run(f"{entry}\t3")
    end = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end.append(char)
    paragraphs[-1]._p.append(end)


def styled_application(path: Path) -> Path:
    """A 自评报告 with Word heading styles, a cover, a 目录, a header and footer, lists, a table,
    a picture with its caption and a text box.
    """
    word = new_word()
    word.sections[0].header.paragraphs[0].text = "苏州澄远液压科技有限公司 自评报告"
    word.sections[0].footer.paragraphs[0].text = "第 1 页"
    bold(word, "2026年苏州市市长质量奖")
    word.add_paragraph("申报材料")
    word.add_paragraph("申报单位：苏州澄远液压科技有限公司")
    toc_field(word, ["4.1 领导", "4.1.2 高层领导的作用", "4.1.3 组织治理"])
    word.add_heading("4.1 领导（110分）", 1)
    word.add_paragraph("公司高层领导以身作则。")
    word.add_heading("4.1.2 高层领导的作用", 2)
    rich(
        word, ("", "高层领导包括"), ("b", "董事长“沈建平”"), ("", "和"), ("i", "总经理"), ("", "。")
    )
    word.add_heading("a) 确定方向", 3)
    word.add_paragraph("愿景：跻身第一梯队", style="List Bullet")
    word.add_paragraph("价值观：诚信、精准", style="List Bullet")
    word.add_paragraph("每年评审一次", style="List Number")
    word.add_paragraph("每季度通报", style="List Number")
    word.add_paragraph("表1 沟通渠道", style="Caption")
    table = word.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("渠道", "频次", "覆盖"),
            ("职代会", "每年1次", "96人"),
            ("接待日", "每月", "全员|含子公司"),
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    word.add_paragraph().add_run().add_picture(io.BytesIO(png()))
    word.add_paragraph("图1 组织架构图", style="Caption")
    text_box(word)
    word.add_heading("4.1.3 组织治理", 2)
    footnoted = word.add_paragraph("公司按《公司法》建立治理结构。1. 这不是列表，*也不是强调*。")
    footnoted._p.append(parse_xml(f'<w:r {NAMESPACES}><w:footnoteReference w:id="1"/></w:r>'))
    word.add_heading("附件清单", 1)
    word.add_paragraph("附件1 营业执照")
    word.save(path)
    return path


def bold_application(path: Path) -> Path:
    """The same kind of report with Chinese numbering in bold paragraphs and no heading styles."""
    word = new_word()
    word.add_paragraph("苏州澄远液压科技有限公司")
    bold(word, "一、领导")
    bold(word, "（一）高层领导的作用")
    word.add_paragraph("高层领导把六项职责写入工作规范。")
    bold(word, "1. 确定方向")  # a numbered bold line inside the item: its text, not a new item
    word.add_paragraph("每年修订一次战略地图。")
    bold(word, "（二）组织治理")
    word.add_paragraph("董事会下设战略、审计、薪酬三个专门委员会。")
    bold(word, "战略")  # a bold word on its own line: the category's name, but no number
    word.add_paragraph("战略委员会每季度开会。")
    bold(word, "二、战略")
    bold(word, "4.2.2 战略制定")
    word.add_paragraph("战略制定采用SWOT分析。")
    word.save(path)
    return path
