"""Reading an attachment for the preview, safe in a worker thread: images and PDF pages.

Images are read upright (EXIF orientation) and decoded at no more than :data:`MAX_PIXELS`;
PDF pages are measured and rendered with pypdfium2 (imported only when a PDF is shown) under the
program's one pdfium lock, :data:`~qualitydesk.ui.pdfium_lock.PDFIUM`. Everything returns
``QImage`` (never ``QPixmap``), which a worker thread may make.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QSizeF
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from qualitydesk.ui.pdfium_lock import PDFIUM

if TYPE_CHECKING:
    from qualitydesk.ui.jobs import Report

MAX_PIXELS = 16_000_000  # device pixels of the picture drawn at the largest zoom (64 MB)


def _reader(data: bytes) -> QImageReader:
    """A reader of ``data`` that turns the image upright (EXIF orientation); it owns its buffer."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    reader._buffer = buffer  # type: ignore[attr-defined]  # kept alive with the reader
    return reader


def declared_size(data: bytes) -> QSize:
    """The size the image in ``data`` is shown at (read from its header), invalid if unknown."""
    reader = _reader(data)
    size = reader.size()
    if (
        size.isValid()
        and reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90
    ):
        size.transpose()
    return size


def decode(data: bytes, size: QSize) -> QImage:
    """The image in ``data``, upright, decoded at no more than :data:`MAX_PIXELS` pixels.

    Safe in a worker thread (QImage, not QPixmap). ``size`` is its upright size.
    """
    reader = _reader(data)
    area = size.width() * size.height()
    if size.isValid() and area > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / area)
        stored = reader.size()  # the scaled size applies before the image is turned upright
        reader.setScaledSize(
            QSize(max(1, int(stored.width() * scale)), max(1, int(stored.height() * scale)))
        )
    return reader.read()


def pdf_page_sizes(data: bytes, report: Report) -> list[QSizeF] | None:
    """The size in points of each page of the PDF in ``data`` (empty if a page's is unknown),
    or None if pdfium cannot open it. Safe in a worker thread.
    """
    import pypdfium2

    sizes: list[QSizeF] = []
    with PDFIUM:
        _still_wanted(report)
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:
            return None
        try:
            for index in range(len(pdf)):
                try:
                    sizes.append(QSizeF(*pdf.get_page_size(index)))
                except pypdfium2.PdfiumError:
                    sizes.append(QSizeF())
        finally:
            pdf.close()
    return sizes


def render_pdf_page(data: bytes, index: int, scale: float, report: Report) -> QImage:
    """Page ``index`` of the PDF in ``data`` at ``scale`` pixels per point; a null image if it
    cannot be rendered. Safe in a worker thread: the document is opened and closed here.
    """
    import pypdfium2

    with PDFIUM:
        _still_wanted(report)
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:
            return QImage()
        try:
            page = pdf[index]
            try:
                bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
                try:
                    return _to_qimage(bitmap)
                finally:
                    bitmap.close()
            finally:
                page.close()
        except pypdfium2.PdfiumError:  # a damaged page: the others may still show
            return QImage()
        finally:
            pdf.close()


def _still_wanted(report: Report) -> None:
    """Stop a job dropped while it waited for pdfium (the user went on to another file)."""
    from qualitydesk.ui.jobs import JobCancelled

    if not report(0, 0, ""):
        raise JobCancelled


def _to_qimage(bitmap: Any) -> QImage:
    """A QImage owning a copy of a pypdfium2 RGBx bitmap."""
    image = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        QImage.Format.Format_RGBX8888,
    )
    return image.copy()
