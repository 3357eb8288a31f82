"""The main window's 导出 commands: the PDF, the Word copy, preview and print, and the 版式 and
双面打印 chosen on 检查与导出, remembered for each file.

The :class:`~qualitydesk.ui.exporting.Exporter` that runs them is made on first use, not when the
window opens: it brings in the print support and the page view, which the start need not wait for.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from qualitydesk.domain.forms import Forms
    from qualitydesk.ui.exporting import Exporter
    from qualitydesk.ui.messages import Messages
    from qualitydesk.ui.settings import Settings
    from qualitydesk.ui.shell.wizard import WizardView


class ExportCommands:
    """The export commands of :class:`~qualitydesk.ui.shell.window.MainWindow` (a base of it)."""

    forms: Forms
    settings: Settings
    messages: Messages
    view: WizardView | None
    _export_options: tuple[str | None, bool] = (None, False)  # 版式 (None: the default), 双面

    @cached_property
    def exporter(self) -> Exporter:
        """What runs the exports, previews and printing (made on first use)."""
        from qualitydesk.ui.exporting import Exporter

        exporter = Exporter(self, self.messages, self.forms, self.settings)  # type: ignore[arg-type]
        exporter.layout, exporter.double_sided = self._export_options
        return exporter

    def _use_export_options(self, layout: str | None, double_sided: bool) -> None:
        """The 版式 and 双面打印 of the exports from now on."""
        self._export_options = (layout, double_sided)
        if "exporter" in self.__dict__:  # made already
            self.exporter.layout, self.exporter.double_sided = layout, double_sided

    def _wire_export_page(self, key: str, page: QWidget) -> None:
        """Connect a new page's export requests: 检查与导出's buttons and options, an item's
        导出 Word.
        """
        if key == "preflight":
            page.action_requested.connect(self._page_action)  # type: ignore[attr-defined]
            if self.view is not None:  # the file's remembered 版式 and 双面打印
                options = self.settings.export_options(self.view.doc.path)
                page.set_export_options(*options)  # type: ignore[attr-defined]

            def remember(*_: object) -> None:
                self._set_export_options(page)

            page.double_sided.toggled.connect(remember)  # type: ignore[attr-defined]
            page.layout_choice.currentIndexChanged.connect(remember)  # type: ignore[attr-defined]
        elif key.startswith("item:"):
            page.export_word_requested.connect(  # type: ignore[attr-defined]
                lambda item: self.export_word(item=item)
            )

    def _set_export_options(self, page: QWidget) -> None:
        """版式 and 双面打印 as chosen on 检查与导出: for the exports, and kept for this file."""
        layout = page.layout_id()  # type: ignore[attr-defined]
        double = page.double_sided.isChecked()  # type: ignore[attr-defined]
        self._use_export_options(layout or None, double)
        if self.view is not None:
            self.settings.set_export_options(self.view.doc.path, layout, double)

    def _restore_export_options(self, path: Path) -> None:
        """The options last chosen for this file, before its 检查与导出 page is built."""
        layout, double = self.settings.export_options(path)
        known = layout in self.forms.layouts  # a layout since removed from forms/: the default
        self._use_export_options(layout if known else None, double)

    def _page_action(self, action: str) -> None:
        {
            "package": lambda: self.export("package"),
            "internal": lambda: self.export("internal"),
            "preview": self.preview,
            "print": self.print_document,
        }[action]()

    def export(self, kind: str) -> None:
        """导出申报材料 PDF (``package``) or 导出内部自评报告 (``internal``)."""
        if self.view is not None:
            self.exporter.export(self.view, kind)

    def export_word(self, *, item: str | None = None) -> None:
        """导出 Word 副本: the package, or (from an item page) that one item."""
        if self.view is not None:
            self.exporter.export_word(self.view, item=item)

    def preview(self) -> None:
        """打印预览: the package as it will print."""
        if self.view is not None:
            self.exporter.preview(self.view)

    def print_document(self) -> None:
        """打印: the package on the system printer."""
        if self.view is not None:
            self.exporter.print(self.view)
