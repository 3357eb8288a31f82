"""Export, preview and print from the window: the PDF is made in the background, never freezing.

The export reads its own read-only snapshot of the file (after the window has saved), so the user
can go on typing while it runs. After an export the user can open the file or its folder. 打印
exports the package, asks the system print dialog for printer, pages, copies and duplex, and sends
the package's pages with progress and 取消 (``qualitydesk.ui.printing``). 打印预览 shows the same
pages in a window that fits the screen and remembers its size; from there the package can be
printed or opened in the system's PDF viewer.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from qualitydesk.domain.forms import Forms
from qualitydesk.store.document import Document
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.printing import PrintRun, new_printer, pdf_page_count
from qualitydesk.ui.screen import (
    Fit,
    GeometryStore,
    available_geometry,
    fit_to_screen,
    remember_size,
)
from qualitydesk.ui.widgets.pageview import PageView

KIND_NAMES = {  # in the suggested file name, translated by Exporter.tr
    "package": QT_TRANSLATE_NOOP("Exporter", "申报材料"),
    "internal": QT_TRANSLATE_NOOP("Exporter", "内部自评报告"),
}
PREVIEW_GEOMETRY = "print-preview"


def export_snapshot(
    path: Path,
    forms: Forms,
    out: Path,
    kind: str,
    report: Any,
    *,
    double_sided: bool = False,
    layout: str | None = None,
    notes: list[str] | None = None,
    section: dict[str, str] | None = None,
    missing: list[int] | None = None,
) -> Path:
    """Export ``path`` (opened read-only, so the window keeps its own handle) to ``out``; the
    export's notes on attachments (active content removed, unreadable) are added to ``notes``.

    An existing ``out`` is replaced: the file dialog has asked the user before choosing it (an
    application file, or the document itself, is still refused). ``kind`` "docx" is the Word
    copy: of the package, or of the ``section`` {"item": "4.1.2"} or {"category": "4.1"}.
    ``layout`` is the PDF's 版式 (forms/layouts.toml; None: the programme's default).
    ``missing`` gets the number of characters no font has (printed as 〓).
    """
    from qualitydesk.export.pdf import export_pdf

    with Document.open(path, read_only=True) as snapshot:
        if kind == "docx":
            from qualitydesk.export.docx import export_docx  # python-docx only for Word

            result: Any = export_docx(
                snapshot,
                forms,
                out,
                double_sided=double_sided,
                progress=report,
                force=True,
                **(section or {}),
            )
        else:
            result = export_pdf(
                snapshot,
                forms,
                out,
                kind=kind,
                double_sided=double_sided,
                layout=layout,
                progress=report,
                force=True,
            )
    if notes is not None:
        notes += result.notes
    if missing is not None:
        missing.append(getattr(result, "missing", 0))  # the Word copy keeps every character
    return result.path


class Exporter(QObject):
    """Runs exports, previews and printing for the main window and the 检查与导出 page.

    ``open_url`` opens a file or folder in the system (QDesktopServices); tests replace it.
    """

    def __init__(
        self,
        window: QWidget,
        messages: Messages,
        forms: Forms,
        settings: GeometryStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.messages = messages
        self.forms = forms
        self.settings = settings
        self.last_pdf: Path | None = None
        self.last_docx: Path | None = None
        self.last_notes: list[str] = []  # the last export's notes on attachments
        self.last_missing: list[int] = []  # the last export's count of characters printed as 〓
        self.double_sided = False  # 双面打印: the binding margin alternates
        self.layout: str | None = None  # 版式 of the PDF (a layout id; None: the default)
        self.job: Any = None
        self.printing: PrintRun | None = None
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl

    def _run(
        self, view: Any, kind: str, out: Path, then: Any, section: dict[str, str] | None = None
    ) -> None:
        from qualitydesk.ui.jobs import start_job

        if not view.flush():
            self.messages.warning(self.window, self.tr("未能保存"), view.last_error)
            return
        path, forms, double_sided = view.doc.path, self.forms, self.double_sided
        layout = self.layout
        notes: list[str] = []  # filled by the job before it finishes
        self.last_notes = notes
        missing: list[int] = []
        self.last_missing = missing
        self.job = start_job(
            lambda report: export_snapshot(
                path,
                forms,
                out,
                kind,
                report,
                double_sided=double_sided,
                layout=layout,
                notes=notes,
                section=section,
                missing=missing,
            ),
            parent=self.window,
            title=self.tr("正在导出 Word 副本…") if kind == "docx" else self.tr("正在导出 PDF…"),
        )
        self.job.finished.connect(then)
        self.job.failed.connect(
            lambda message: self.messages.warning(self.window, self.tr("导出失败"), message)
        )

    # -- export --

    def export(self, view: Any, kind: str = "package") -> None:
        """Ask where to save the PDF of ``kind`` (``package`` or ``internal``) and make it there."""
        org = view.doc.field("org_name") or view.doc.path.stem
        suggestion = view.doc.path.with_name(f"{org}-{self.tr(KIND_NAMES[kind])}.pdf")
        target = self.messages.save_file(
            self.window, self.tr("导出 PDF"), str(suggestion), self.tr("PDF 文件 (*.pdf)")
        )
        if target:
            out = Path(target if target.lower().endswith(".pdf") else target + ".pdf")
            self._run(view, kind, out, self._exported)

    def export_word(
        self, view: Any, *, item: str | None = None, category: str | None = None
    ) -> None:
        """导出 Word 副本: the package, or one item or category for a colleague to edit."""
        org = view.doc.field("org_name") or view.doc.path.stem
        what = item or category or self.tr("申报材料")
        suggestion = view.doc.path.with_name(f"{org}-{what}.docx")
        target = self.messages.save_file(
            self.window, self.tr("导出 Word 副本"), str(suggestion), self.tr("Word 文档 (*.docx)")
        )
        if target:
            out = Path(target if target.lower().endswith(".docx") else target + ".docx")
            section = {"item": item} if item else {"category": category} if category else None
            self._run(view, "docx", out, self._word_exported, section)

    def _word_exported(self, path: Path) -> None:
        self.last_docx = path
        self._announce(path)

    def _exported(self, path: Path) -> None:
        self.last_pdf = path
        self._announce(path)

    def _announce(self, path: Path) -> None:
        """导出完成, with the notes on attachments; then open the file or its folder if asked."""
        text = self.tr("已导出：{0}").format(path)
        if self.last_notes:  # what became of attachments: active content removed, unreadable
            text += "\n\n" + self.tr("关于附件：") + "\n" + "\n".join(self.last_notes)
        if sum(self.last_missing):  # characters no font has: printed as 〓
            text += "\n\n" + self.tr(
                "{0} 个字符在内置和本机字体中都没有，已印为“〓”（位置见“检查与导出”）。"
            ).format(sum(self.last_missing))
        choice = self.messages.exported(self.window, self.tr("导出完成"), text)
        if choice == "file":
            self.open_url(QUrl.fromLocalFile(str(path)))
        elif choice == "folder":
            self.open_url(QUrl.fromLocalFile(str(path.parent)))

    # -- preview --

    def preview(self, view: Any, kind: str = "package") -> None:
        """Make the PDF of ``kind`` in a temporary folder and show it in the 打印预览 dialog."""
        out = Path(tempfile.mkdtemp(prefix="qualitydesk-preview-")) / f"{kind}.pdf"
        self._run(view, kind, out, self._show_preview)

    def _show_preview(self, path: Path) -> None:
        self.last_pdf = path
        PreviewDialog(path, self, self.window).open()

    # -- print --

    def print(self, view: Any) -> None:
        """Make the package in a temporary folder, print it, then remove it."""
        out = Path(tempfile.mkdtemp(prefix="qualitydesk-print-")) / "package.pdf"
        self._run(view, "package", out, self._print_and_remove)

    def _print_and_remove(self, path: Path) -> None:
        """Print the package made for printing, then remove it (it holds confidential data)."""
        run = self.print_pdf(path)
        if run is None or not run.running:
            shutil.rmtree(path.parent, ignore_errors=True)
            return
        for ended in (run.finished, run.stopped, run.failed):
            ended.connect(lambda *_: shutil.rmtree(path.parent, ignore_errors=True))

    def print_pdf(self, path: Path, parent: QWidget | None = None) -> PrintRun | None:
        """Print ``path`` as chosen in the system print dialog; None if the user cancelled it."""
        self.last_pdf = path
        printer = new_printer(path, self.tr("申报材料"), double_sided=self.double_sided)
        if not self.messages.print_dialog(parent or self.window, printer, pdf_page_count(path)):
            return None
        return self.send_to_printer(path, printer, parent)

    def send_to_printer(
        self, pdf: Path, printer: QPrinter, parent: QWidget | None = None
    ) -> PrintRun:
        """Print ``pdf``'s pages chosen on ``printer``, with a progress dialog that can cancel."""
        run = PrintRun(pdf, printer, self)
        self.printing = run
        dialog = self._progress_dialog(parent or self.window, run)
        run.failed.connect(
            lambda message: self.messages.warning(self.window, self.tr("无法打印"), message)
        )
        run.stopped.connect(self._print_stopped)
        for ended in (run.finished, run.stopped, run.failed):
            ended.connect(lambda *_: _close_progress(dialog, run))
        run.start()
        return run

    def _progress_dialog(self, parent: QWidget, run: PrintRun) -> QProgressDialog:
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setLabelText(self.tr("正在准备打印……"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(run.cancel)

        def show_progress(sent: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setLabelText(self.tr("已发送到打印机：第 {0} / {1} 页").format(sent, total))
            dialog.setValue(sent)  # (a modal progress dialog processes events here)

        run.progress.connect(show_progress)
        dialog.setValue(0)
        return dialog

    def _print_stopped(self, sent: int, aborted: bool) -> None:
        if not aborted:
            self.messages.information(
                self.window,
                self.tr("打印已停止"),
                self.tr(
                    "已停止发送页面。打印机无法撤回已发送的 {0} 页，它们可能仍会打印出来。"
                ).format(sent),
            )


def _close_progress(dialog: QProgressDialog, run: PrintRun) -> None:
    dialog.canceled.disconnect(run.cancel)
    dialog.hide()
    dialog.deleteLater()


class PreviewDialog(QDialog):
    """打印预览: the exported pages as they print, with zoom, 打印… and 用系统查看器打开; it fits
    the screen, remembers its size and frees the PDF when closed.
    """

    def __init__(self, pdf: Path, exporter: Exporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("打印预览"))
        self.pdf, self.exporter = pdf, exporter
        self.pages = PageView()
        self.pages.open(pdf)
        self.page_label = QLabel()
        self.pages.page_changed.connect(self._show_page_number)
        column = QVBoxLayout(self)
        column.addWidget(self._toolbar())
        column.addWidget(self.pages, 1)
        column.addWidget(self._buttons())
        self._show_page_number(self.pages.current_page, self.pages.page_count)
        self._fit_to_screen()
        self.finished.connect(lambda _result: self.pages.close_pdf())

    def _fit_to_screen(self) -> None:
        """Most of the screen, at most a page's width wider than needed; or the size it had."""
        fit = Fit(0.9, QSize(480, 360), QSize(1000, 1600))
        store = self.exporter.settings
        if store is not None:
            remember_size(self, store, PREVIEW_GEOMETRY, fit)
        else:
            fit_to_screen(self, available_geometry(self), fit)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.previous_action = bar.addAction(self.tr("上一页"), self.pages.previous_page)
        self.next_action = bar.addAction(self.tr("下一页"), self.pages.next_page)
        bar.addSeparator()
        self.zoom_out_action = self._add(bar, self.tr("缩小"), self.pages.zoom_out, "Ctrl+-")
        self.zoom_in_action = self._add(bar, self.tr("放大"), self.pages.zoom_in, "Ctrl+=")
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence.StandardKey.ZoomIn])
        fits = QActionGroup(self)
        fits.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.fit_width_action = self._add(
            bar, self.tr("适合宽度"), lambda: self.pages.set_fit("width"), "Ctrl+0"
        )
        self.fit_page_action = self._add(bar, self.tr("整页"), lambda: self.pages.set_fit("page"))
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
            fits.addAction(action)
        self.fit_width_action.setChecked(self.pages.fit == "width")
        self.pages.zoomed.connect(self._show_fit)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.page_label)
        return bar

    def _add(self, bar: QToolBar, text: str, slot: Callable[[], None], keys: str = "") -> QAction:
        action = bar.addAction(text, slot)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(
                f"{text}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）"
            )
        return action

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.system_button = QPushButton(self.tr("用系统查看器打开(&S)"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.system_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: self.exporter.print_pdf(self.pdf, self))
        self.system_button.clicked.connect(
            lambda: self.exporter.open_url(QUrl.fromLocalFile(str(self.pdf)))
        )
        buttons.rejected.connect(self.reject)
        return buttons

    def _show_fit(self) -> None:
        self.fit_width_action.setChecked(self.pages.fit == "width")
        self.fit_page_action.setChecked(self.pages.fit == "page")

    def _show_page_number(self, index: int, count: int) -> None:
        self.page_label.setText(
            self.tr("第 %1 / %2 页").replace("%1", str(index + 1)).replace("%2", str(count))
        )
        self.previous_action.setEnabled(index > 0)
        self.next_action.setEnabled(index < count - 1)
