"""The right of the 证实性材料 page: the selected attachment's preview over its caption and links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Attachment
from qualitydesk.ui.pages.base import PageContext
from qualitydesk.ui.widgets.link_editor import LinkEditor
from qualitydesk.ui.widgets.preview import AttachmentPreview


class AttachmentSide(QSplitter):
    """The preview (上) and the caption and links editor (下) of one attachment."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.preview = AttachmentPreview()
        preview_label = QLabel(self.tr("预览(&V)"))
        preview_label.setBuddy(self.preview)
        upper = QWidget()
        box = QVBoxLayout(upper)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(preview_label)
        box.addWidget(self.preview, 1)
        self.editor = LinkEditor(context)
        self.addWidget(upper)
        self.addWidget(self.editor)

    def show_attachment(
        self, doc: Document | None, attachment: Attachment | None, caption: str, empty: bool
    ) -> None:
        """Preview ``attachment`` and edit its ``caption`` and links; with none, say how to add
        files when the document has ``empty`` no attachments.
        """
        self.editor.show_attachment(attachment, caption)
        if attachment is None or doc is None:
            self.preview.clear(
                self.tr("尚未添加材料：把文件拖到本页，或点击“添加文件”。") if empty else ""
            )
            return
        try:
            data = doc.attachment_data(attachment.id)
        except DocumentError as exc:
            self.preview.clear(str(exc))
            return
        self.preview.show_data(data, attachment.media_type)
