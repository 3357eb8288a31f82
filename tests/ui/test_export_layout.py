"""检查与导出 → 版式: the layout chosen next to 双面打印 reaches the exported PDF and is kept
for the file.
"""

from collections import Counter
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from reportlab.lib.units import mm

from tests.helpers.pdfcheck import glyphs


def _preflight(window):
    window.view.show_step("preflight")
    return window.view.pages["preflight"]


def _body(pdf):
    """The commonest baseline step and the leftmost origin (mm) of the 小四 body text."""
    steps: Counter = Counter()
    lefts = []
    for page in glyphs(pdf, range(15, 25)):  # 自评报告 pages
        body = [g for g in page if g.size == 12.0]
        baselines = sorted({g.baseline for g in body}, reverse=True)
        steps.update(round(a - b, 1) for a, b in pairwise(baselines))
        lefts += [g.x for g in body]
    return steps.most_common(1)[0][0], round(min(lefts) / mm, 1)


def test_choosing_compact_reaches_the_exported_pdf(demo_window, messages, tmp_path, qtbot):
    page = _preflight(demo_window)
    box = page.layout_choice
    assert box.currentText() == "标准（行距 28 磅）"  # the programme's default
    assert "行距固定 28 磅" in box.toolTip()
    QTest.keyClick(demo_window, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # 版式(&Y)
    assert box.hasFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == "紧凑（行距 21 磅）"
    assert "行距固定 21 磅" in box.toolTip()
    path = demo_window.view.doc.path
    assert demo_window.settings.export_options(path) == ("compact", False)
    out = tmp_path / "紧凑.pdf"
    messages.files.append(str(out))
    page.buttons["package"].click()
    qtbot.waitUntil(lambda: any(m[0] == "exported" for m in messages.shown), timeout=30000)
    assert _body(out) == (21.0, 25.0)  # 21 pt leading, binding 25 mm


def test_the_choice_is_kept_for_the_file(demo_window, demo_copy, qtbot):
    page = _preflight(demo_window)
    page.layout_choice.setFocus()
    QTest.keyClick(page.layout_choice, Qt.Key.Key_Down)
    page.double_sided.click()
    assert demo_window.close_document()
    assert demo_window.exporter.layout == "compact"
    assert demo_window.open_path(demo_copy)
    assert (demo_window.exporter.layout, demo_window.exporter.double_sided) == ("compact", True)
    page = _preflight(demo_window)
    assert page.layout_choice.currentData() == "compact"
    assert page.double_sided.isChecked()
