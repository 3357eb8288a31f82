"""Export and preview from the window: in the background, with the PDF checked back.

Printing is in test_printing.py.
"""

import pypdfium2
import pytest
from pypdf import PdfReader

from qualitydesk.ui.exporting import PreviewDialog


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.mark.slow
def test_export_runs_in_the_background_and_writes_the_package(window, messages, tmp_path, qtbot):
    out = tmp_path / "申报材料.pdf"
    messages.files.append(str(out))
    window.view.show_step("preflight")
    page = window.view.pages["preflight"]
    page.buttons["package"].click()
    qtbot.waitUntil(lambda: any(m[0] == "exported" for m in messages.shown), timeout=30000)
    assert out.exists()
    reader = PdfReader(out)
    assert len(reader.pages) > 50
    assert "苏州澄远精密科技有限公司" in reader.pages[0].extract_text()


def test_internal_report_and_a_failure_message(window, messages, tmp_path, qtbot):
    messages.files.append(str(tmp_path / "no-such-folder" / "内部.pdf"))
    window.export("internal")
    qtbot.waitUntil(lambda: any(m[0] == "warning" for m in messages.shown), timeout=30000)
    assert messages.shown[-1][1] == "导出失败"


@pytest.mark.slow
def test_preview_shows_the_exported_pages(window, qtbot):
    window.preview()
    qtbot.waitUntil(lambda: window.exporter.last_pdf is not None, timeout=30000)
    dialog = window.findChild(PreviewDialog)
    assert dialog is not None
    assert dialog.pages.page_count == len(PdfReader(window.exporter.last_pdf).pages)
    qtbot.waitUntil(lambda: dialog.pages.rendered > 0)
    dialog.close()


@pytest.mark.slow
def test_double_sided_moves_the_binding_margin_on_even_pages(window, messages, tmp_path, qtbot):
    window.view.show_step("preflight")
    page = window.view.pages["preflight"]
    page.double_sided.click()
    out = tmp_path / "双面.pdf"
    messages.files.append(str(out))
    page.buttons["package"].click()
    qtbot.waitUntil(lambda: any(m[0] == "exported" for m in messages.shown), timeout=30000)
    pdf = pypdfium2.PdfDocument(str(out))

    def left_edge(index):
        text = pdf[index].get_textpage()
        return round(min(text.get_charbox(i)[0] for i in range(text.count_chars())))

    # The text block keeps its binding margin on the binding edge, left on odd pages and right
    # on even ones, so its left edge moves between facing pages.
    assert left_edge(20) != left_edge(21)
    pdf.close()
