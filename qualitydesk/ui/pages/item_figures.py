"""The figures an item's narrative shows: indicator trend charts and pictures from Word.

The narrative refers to a chart as ``indicator:ID`` and to a picture as ``attachment:N``; the
editor asks ``NarrativeFigures.figure`` for the image. Pictures are read from the document once
and again only when the attachment is replaced; charts are drawn from the indicators' values as
last loaded, and redrawn in the text when the values change.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from qualitydesk.domain.charts import trend_chart
from qualitydesk.domain.markdown import figure_refs
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Attachment, Indicator
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit
from qualitydesk.ui.widgets.trend_chart import TrendChartWidget

FIGURE_SIZE = (560, 300)  # a chart placed in the narrative, in pixels


class NarrativeFigures:
    """The images behind the figures of one narrative: charts by indicator, pictures by id."""

    def __init__(self) -> None:
        self._indicators: dict[str, Indicator] = {}
        self._pictures: dict[str, tuple[str, bytes]] = {}  # attachment id -> (sha256, data)
        self._chart = TrendChartWidget()  # never shown: draws the charts placed in the text

    def figure(self, scheme: str, ref: str) -> QImage | None:
        """The trend chart an ``indicator:ID`` figure in the narrative stands for, or the picture
        an ``attachment:N`` one shows (at most as wide as a chart).
        """
        if scheme == "attachment":
            image = QImage.fromData(self._pictures.get(ref, ("", b""))[1])
            if image.isNull():
                return None
            if image.width() > FIGURE_SIZE[0]:
                image = image.scaledToWidth(
                    FIGURE_SIZE[0], Qt.TransformationMode.SmoothTransformation
                )
            return image
        indicator = self._indicators.get(ref) if scheme == "indicator" else None
        if indicator is None:
            return None
        self._chart.set_chart(trend_chart(indicator))
        return self._chart.render_to_image(QSize(*FIGURE_SIZE))

    def load_pictures(self, doc: Document, text: str, attachments: list[Attachment]) -> None:
        """The pictures the text shows (from a Word import); read again only when replaced."""
        digests = {str(a.id): a.sha256 for a in attachments}
        pictures = {}
        for ref in figure_refs(text, "attachment") & set(digests):
            cached = self._pictures.get(ref)
            if cached is not None and cached[0] == digests[ref]:
                pictures[ref] = cached
                continue
            try:
                pictures[ref] = (digests[ref], doc.attachment_data(int(ref)))
            except DocumentError:
                continue  # a lost picture shows as missing; the export says so too
        self._pictures = pictures

    def load_indicators(self, indicators: list[Indicator], editor: MarkdownEdit) -> None:
        """Take the indicators' values and redraw the charts already in ``editor``'s text."""
        self._indicators = {i.id: i for i in indicators}
        document = editor.editor.document()
        for ref in figure_refs(editor.markdown(), "indicator"):
            image = self.figure("indicator", ref)
            if image is not None:
                url = QUrl(f"indicator:{ref}")
                document.addResource(QTextDocument.ResourceType.ImageResource.value, url, image)
        editor.editor.viewport().update()
