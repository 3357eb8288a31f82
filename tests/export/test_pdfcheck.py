"""The PDF reader the export tests rely on (pypdfium2) finds lines as a reader sees them."""

from reportlab.pdfgen.canvas import Canvas

from qualitydesk.export.fonts import SERIF, fonts
from tests.helpers.pdfcheck import layout_lines


def test_layout_lines_splits_lines_and_cells_and_keeps_a_line_whole(tmp_path):
    fonts()  # registers the bundled faces
    pdf = tmp_path / "lines.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont(SERIF, 12)
    canvas.drawString(72, 700, "第一行文字 ISO 9001")
    canvas.drawString(72, 684, "，第二行以逗号开头")
    canvas.drawString(72, 600, "单元格甲")
    canvas.drawString(300, 600, "单元格乙")
    canvas.drawString(72, 560, "—")
    canvas.drawString(95, 560, "87.5")  # the next cell, most of a character away
    canvas.drawString(72, 520, "一行")
    canvas.drawString(102, 520, "，逗号")  # pdfium makes up a space in the gap before "，"
    canvas.showPage()
    canvas.setFont(SERIF, 12)
    canvas.drawString(72, 700, "第二页")
    canvas.save()
    assert layout_lines(pdf) == [
        "第一行文字 ISO 9001",
        "，第二行以逗号开头",
        "单元格甲",
        "单元格乙",
        "—",
        "87.5",
        "一行 ，逗号",
        "第二页",
    ]
