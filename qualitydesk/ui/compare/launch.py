"""文件 → 与往年对比…: choose an earlier application file, show it beside the open one, and from
there export the internal report with 与往年对比 added.

The earlier file is only read (opened read-only); the open application is saved first, so the
comparison and the report show what is on screen. The report is made in the background from a
read-only snapshot, as every export is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, QUrl

from qualitydesk.domain.forms import Forms
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.yearly import year_over_year
from qualitydesk.ui import screen
from qualitydesk.ui.compare.dialog import CompareDialog

if TYPE_CHECKING:
    from qualitydesk.ui.shell.window import MainWindow

FIT = screen.Fit(0.9, QSize(900, 560), QSize(1400, 900))


def compare_with_earlier(window: MainWindow, path: str = "") -> CompareDialog | None:
    """Ask for the earlier file (unless ``path`` is given) and open the comparison beside the
    open application; None when cancelled or the file cannot be compared (the user is told why).
    """
    view = window.view
    if view is None:
        return None
    if not path:
        path = window.messages.open_file(
            window,
            QCoreApplication.translate("CompareDialog", "选择往年的申报文件"),
            str(view.doc.path.parent),
            QCoreApplication.translate("CompareDialog", "申报文件 (*.qdesk)"),
        )
    if not path:
        return None
    if not view.flush():
        window.messages.warning(
            window, QCoreApplication.translate("CompareDialog", "未能保存"), view.last_error
        )
        return None
    try:
        found = year_over_year(path, view.doc, window.forms)
    except DocumentError as exc:
        window.messages.warning(
            window, QCoreApplication.translate("CompareDialog", "无法对比"), str(exc)
        )
        return None
    dialog = CompareDialog(found, window)
    dialog.export_requested.connect(lambda: export_report(window, Path(path), dialog))
    screen.remember_size(dialog, window.settings, "compare", FIT)
    dialog.open()
    return dialog


def export_report(window: MainWindow, old: Path, parent: CompareDialog) -> None:
    """导出到内部报告: ask where, then export the internal report with 与往年对比 in the background."""
    from qualitydesk.ui.jobs import start_job

    view = window.view
    if view is None:
        return
    org = view.doc.field("org_name") or view.doc.path.stem
    report = QCoreApplication.translate("CompareDialog", "内部自评报告")
    suggestion = view.doc.path.with_name(f"{org}-{report}.pdf")
    target = window.messages.save_file(
        parent,
        QCoreApplication.translate("CompareDialog", "导出 PDF"),
        str(suggestion),
        QCoreApplication.translate("CompareDialog", "PDF 文件 (*.pdf)"),
    )
    if not target:
        return
    if not view.flush():
        window.messages.warning(
            parent, QCoreApplication.translate("CompareDialog", "未能保存"), view.last_error
        )
        return
    out = Path(target if target.lower().endswith(".pdf") else target + ".pdf")
    path, forms = view.doc.path, window.forms
    options = (window.exporter.layout, window.exporter.double_sided)  # as 检查与导出 chose them
    job = start_job(
        lambda report: _export(path, old, forms, out, report, options=options),
        parent=parent,
        title=QCoreApplication.translate("CompareDialog", "正在导出 PDF…"),
    )
    parent.job = job
    job.finished.connect(lambda result: _announce(window, parent, result))
    job.failed.connect(
        lambda message: window.messages.warning(
            parent, QCoreApplication.translate("CompareDialog", "导出失败"), message
        )
    )


def _export(
    path: Path,
    old: Path,
    forms: Forms,
    out: Path,
    report: object,
    *,
    options: tuple[str | None, bool] = (None, False),
) -> Path:
    """The internal report of ``path`` compared with ``old``, written to ``out`` in the 版式 and
    双面打印 ``options`` (in a worker).
    """
    from qualitydesk.export.pdf import export_pdf

    with Document.open(path, read_only=True) as snapshot:
        previous = year_over_year(old, snapshot, forms)
        result = export_pdf(
            snapshot,
            forms,
            out,
            kind="internal",
            layout=options[0],
            double_sided=options[1],
            progress=report,  # type: ignore[arg-type]
            force=True,  # the file dialog has asked before choosing an existing file
            previous=previous,
        )
    return result.path


def _announce(window: MainWindow, parent: CompareDialog, path: Path) -> None:
    choice = window.messages.exported(
        parent,
        QCoreApplication.translate("CompareDialog", "导出完成"),
        QCoreApplication.translate("CompareDialog", "已导出：%1").replace("%1", str(path)),
    )
    if choice:
        window.exporter.open_url(QUrl.fromLocalFile(str(path if choice == "file" else path.parent)))
