"""The radar chart of the self-score, painted with QPainter from a domain spec.

One axis per category (label at its end), grid rings at 20 / 40 / 60 / 80 / 100 %, the filled
polygon of the categories' shares of their maximum, and the award lines (``600 分线`` at 60 %) as
dashed rings with their labels. Sizes follow the widget's font and size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from qualitydesk.domain.charts import RadarChart
from qualitydesk.domain.numbers import fraction_percent
from qualitydesk.ui import theme
from qualitydesk.ui.widgets.canvas import Canvas

GRID_SHARES = (0.2, 0.4, 0.6, 0.8, 1.0)


class RadarChartWidget(Canvas):
    """Paints one ``RadarChart``; ``set_chart(None)`` (or no categories) shows a message."""

    SIZE_HINT = (26.0, 20.0)
    MINIMUM_SIZE = (16.0, 13.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: RadarChart | None = None
        self.setAccessibleName(self.tr("各类目得分率雷达图"))

    def chart(self) -> RadarChart | None:
        """The chart shown (None: the empty-state message)."""
        return self._chart

    def set_chart(self, chart: RadarChart | None) -> None:
        """Show ``chart`` (None or no categories: a short message)."""
        self._chart = chart
        self.setAccessibleDescription(self._describe(chart))
        self.update()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the chart (or the empty-state message) into ``rect``."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Base))
        if self._chart is None or not self._chart.labels:
            painter.setFont(self.font())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.tr("还没有可显示的类目得分。"),
            )
            return
        _RadarPainter(self, painter, rect, self._chart).paint()

    def _describe(self, chart: RadarChart | None) -> str:
        if chart is None:
            return ""
        parts = [
            f"{label}：{fraction_percent(value)}"
            for label, value in zip(chart.labels, chart.values, strict=False)
        ]
        parts += [f"{label}（{fraction_percent(share)}）" for label, share in chart.rings]
        return "；".join(parts)


class _RadarPainter:
    """One paint of a radar chart: lays the labels out around the largest circle that fits."""

    def __init__(
        self, widget: RadarChartWidget, painter: QPainter, rect: QRectF, chart: RadarChart
    ):
        self.painter, self.chart = painter, chart
        self.palette = widget.palette()
        self.score_name = QCoreApplication.translate("RadarChartWidget", "得分率")
        self.font = QFont(widget.font())
        self.small = QFont(self.font)
        self.small.setPointSizeF(self.font.pointSizeF() * 0.85)
        self.metrics = QFontMetricsF(self.font, painter.device())
        self.small_metrics = QFontMetricsF(self.small, painter.device())
        self.line = self.metrics.height()
        self.gap = self.line * 0.4
        self.pen_width = max(1.5, self.line / 7)
        count = len(chart.labels)
        self.angles = [math.radians(-90 + i * 360 / count) for i in range(count)]
        self.legend = self._legend_entries()
        legend_height = self.line * 1.6
        self.rect = rect.adjusted(self.gap, self.gap, -self.gap, -self.gap - legend_height)
        self.legend_top = self.rect.bottom() + self.gap
        self.labels, self.radius, self.centre = self._layout()

    # -- layout --

    def _layout(self) -> tuple[list[list[str]], float, QPointF]:
        """Labels on one line, or split after the first space when that leaves a larger circle."""
        one_line = [[label] for label in self.chart.labels]
        split = [label.split(" ", 1) if " " in label else [label] for label in self.chart.labels]
        radius_one = self._radius_for(one_line)
        radius_split = self._radius_for(split)
        labels, radius = one_line, radius_one
        if radius_split > radius_one * 1.1:
            labels, radius = split, radius_split
        box = self._extent(labels, radius)
        centre = QPointF(
            self.rect.center().x() - box.center().x(), self.rect.center().y() - box.center().y()
        )
        return labels, radius, centre

    def _label_size(self, lines: list[str]) -> tuple[float, float]:
        width = max(self.metrics.horizontalAdvance(text) for text in lines)
        return width, self.line * len(lines)

    def _label_box(self, angle: float, lines: list[str], radius: float) -> QRectF:
        """The label's box, relative to the centre, for a circle of ``radius``."""
        width, height = self._label_size(lines)
        reach = radius + self.gap
        x, y = reach * math.cos(angle), reach * math.sin(angle)
        return QRectF(
            _start(x, math.cos(angle), width), _start(y, math.sin(angle), height), width, height
        )

    def _extent(self, labels: list[list[str]], radius: float) -> QRectF:
        """Everything drawn (circle and labels), relative to the centre."""
        box = QRectF(-radius, -radius, 2 * radius, 2 * radius)
        for angle, lines in zip(self.angles, labels, strict=True):
            box = box.united(self._label_box(angle, lines, radius))
        return box

    def _radius_for(self, labels: list[list[str]]) -> float:
        """The largest radius whose circle and labels fit in the rectangle (by bisection)."""
        low, high = 0.0, min(self.rect.width(), self.rect.height()) / 2
        for _ in range(24):
            middle = (low + high) / 2
            box = self._extent(labels, middle)
            if box.width() <= self.rect.width() and box.height() <= self.rect.height():
                low = middle
            else:
                high = middle
        return max(low, self.line)

    def point(self, angle: float, share: float) -> QPointF:
        r = self.radius * share
        return QPointF(self.centre.x() + r * math.cos(angle), self.centre.y() + r * math.sin(angle))

    # -- drawing --

    def paint(self) -> None:
        self._paint_grid()
        self._paint_score()
        self._paint_rings()
        self._paint_labels()
        self._paint_legend()

    def _paint_grid(self) -> None:
        painter = self.painter
        grid = QColor(self.palette.color(QPalette.ColorRole.Text))
        grid.setAlphaF(0.15)
        painter.setPen(QPen(grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for share in GRID_SHARES:
            painter.drawEllipse(self.centre, self.radius * share, self.radius * share)
        for angle in self.angles:
            painter.drawLine(self.centre, self.point(angle, 1.0))
        painter.setFont(self.small)
        painter.setPen(self.palette.color(QPalette.ColorRole.PlaceholderText))
        height = self.small_metrics.height()
        for share in GRID_SHARES:
            y = self.centre.y() - self.radius * share
            painter.drawText(
                QRectF(self.centre.x() + self.gap * 0.5, y, self.line * 3, height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                fraction_percent(share),
            )

    def _paint_score(self) -> None:
        painter = self.painter
        colour = theme.SCORE.color(self.palette)
        fill = QColor(colour)
        fill.setAlphaF(0.22)
        points = [
            self.point(angle, min(max(value, 0.0), 1.0))
            for angle, value in zip(self.angles, self.chart.values, strict=False)
        ]
        painter.setPen(QPen(colour, self.pen_width * 1.3))
        painter.setBrush(fill)
        painter.drawPolygon(QPolygonF(points))
        painter.setPen(QPen(self.palette.color(QPalette.ColorRole.Base), self.pen_width * 0.6))
        painter.setBrush(colour)
        radius = self.pen_width * 2
        for point in points:
            painter.drawEllipse(point, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _ring_pen(self, index: int) -> QPen:
        pen = QPen(
            theme.AWARD_LINES[index % len(theme.AWARD_LINES)].color(self.palette), self.pen_width
        )
        pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _paint_rings(self) -> None:
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        for index, (_, share) in enumerate(self.chart.rings):
            self.painter.setPen(self._ring_pen(index))
            self.painter.drawEllipse(self.centre, self.radius * share, self.radius * share)

    def _paint_labels(self) -> None:
        painter = self.painter
        painter.setFont(self.font)
        painter.setPen(self.palette.color(QPalette.ColorRole.Text))
        for angle, lines in zip(self.angles, self.labels, strict=True):
            box = self._label_box(angle, lines, self.radius).translated(self.centre)
            align = Qt.AlignmentFlag.AlignHCenter
            if math.cos(angle) > 0.3:
                align = Qt.AlignmentFlag.AlignLeft
            elif math.cos(angle) < -0.3:
                align = Qt.AlignmentFlag.AlignRight
            painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), "\n".join(lines))

    # -- legend --

    def _legend_entries(self) -> list[tuple[str, int]]:
        """(text, ring index; -1 for the score polygon)."""
        return [(self.score_name, -1)] + [
            (label, i) for i, (label, _) in enumerate(self.chart.rings)
        ]

    def _paint_legend(self) -> None:
        painter = self.painter
        painter.setFont(self.font)
        sample = self.line * 1.6
        widths = [sample + self.gap + self.metrics.horizontalAdvance(t) for t, _ in self.legend]
        total = sum(widths) + self.line * (len(widths) - 1)
        x = self.rect.center().x() - total / 2
        y = self.legend_top + self.line * 0.7
        for (text, index), width in zip(self.legend, widths, strict=True):
            if index < 0:
                score = theme.SCORE.color(self.palette)
                fill = QColor(score)
                fill.setAlphaF(0.22)
                painter.setPen(QPen(score, self.pen_width))
                painter.setBrush(fill)
                painter.drawRect(QRectF(x, y - self.line * 0.3, sample, self.line * 0.6))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(self._ring_pen(index))
                painter.drawLine(QPointF(x, y), QPointF(x + sample, y))
            painter.setPen(self.palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                QRectF(x + sample + self.gap, y - self.line / 2, width, self.line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            x += width + self.line


def _start(anchor: float, direction: float, size: float) -> float:
    """Where a label of ``size`` starts along one axis, placed outward from ``anchor``."""
    if direction > 0.3:
        return anchor
    if direction < -0.3:
        return anchor - size
    return anchor - size / 2
