"""The trend chart of a key performance indicator, painted with QPainter from a domain spec.

The spec (``qualitydesk.domain.charts.TrendChart``) says what to draw; this widget draws it on
screen: the value axis with its ticks, grid and unit, one label per year, the organisation's values
as a solid line with markers and value labels, and target / competitor / benchmark as dashed lines
of their own colours with a legend. Every size follows the widget's font, so the chart scales with
the system font size and with the widget.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from qualitydesk.domain import numbers
from qualitydesk.domain.charts import Series, TrendChart
from qualitydesk.ui import theme
from qualitydesk.ui.widgets.canvas import Canvas


def format_value(value: float) -> str:
    """A value as people write it: no trailing zeros, thousands separated (180,000; 0.0275)."""
    return numbers.number(value)


def tick_decimals(ticks: tuple[float, ...]) -> int:
    """The fewest decimals that write every tick exactly (0.5 → 1, 0.25 → 2)."""
    for decimals in range(5):
        scale = 10**decimals
        if all(abs(t * scale - round(t * scale)) < 1e-6 for t in ticks):
            return decimals
    return 4


def format_tick(value: float, decimals: int) -> str:
    """A tick label with ``decimals`` decimals and thousands separators."""
    return numbers.decimal(value, decimals)


class TrendChartWidget(Canvas):
    """Paints one ``TrendChart``; ``set_chart(None)`` shows a short message instead."""

    SIZE_HINT = (32.0, 17.0)
    MINIMUM_SIZE = (16.0, 10.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: TrendChart | None = None
        self._empty_text = self.tr("选择一个指标，即可在这里看到它的趋势图。")
        self.setAccessibleName(self.tr("趋势图"))

    # -- public --

    def chart(self) -> TrendChart | None:
        """The chart shown (None: the empty-state message)."""
        return self._chart

    def set_chart(self, chart: TrendChart | None) -> None:
        """Show ``chart`` (None: the empty-state message)."""
        self._chart = chart
        self.setAccessibleDescription(self._describe(chart))
        self.update()

    def set_empty_text(self, text: str) -> None:
        """The message shown when there is nothing to draw."""
        self._empty_text = text
        self.update()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the chart (or the empty-state message) into ``rect``."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Base))
        chart = self._chart
        if chart is None or not chart.years:
            self._paint_empty(painter, rect, chart)
            return
        _TrendPainter(self, painter, rect, chart).paint()

    # -- helpers --

    def direction_text(self, better: str) -> str:
        """Which way is better, as shown beside the title."""
        if better == "lower":
            return self.tr("↓ 越低越好")
        return self.tr("↑ 越高越好")

    def unit_text(self, unit: str) -> str:
        """The unit, as shown above the value axis."""
        return self.tr("单位：%1").replace("%1", unit)

    def _paint_empty(self, painter: QPainter, rect: QRectF, chart: TrendChart | None) -> None:
        text = self._empty_text
        if chart is not None:
            text = self.tr("“%1”还没有任何年份的数值：填入各年数值后，这里即显示趋势图。")
            text = text.replace("%1", chart.title or "")
        painter.setFont(self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = QFontMetricsF(self.font()).height()
        painter.drawText(
            rect.adjusted(margin, margin, -margin, -margin),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            text,
        )

    def _describe(self, chart: TrendChart | None) -> str:
        if chart is None:
            return self._empty_text
        parts = [f"{chart.title}（{chart.unit}），{self.direction_text(chart.better)}"]
        for series in chart.series:
            if series.kind == "actual":
                values = "，".join(f"{y}：{format_value(v)}" for y, v in series.points)
                parts.append(f"{series.name} {values}")
            elif series.points:
                parts.append(f"{series.name} {format_value(series.points[0][1])}")
        return "；".join(parts)


class _TrendPainter:
    """One paint of a trend chart: works out the layout from the font, then draws."""

    def __init__(
        self, widget: TrendChartWidget, painter: QPainter, rect: QRectF, chart: TrendChart
    ):
        self.widget, self.painter, self.chart = widget, painter, chart
        self.palette = widget.palette()
        self.font = QFont(widget.font())
        self.title_font = QFont(self.font)
        self.title_font.setBold(True)
        self.title_font.setPointSizeF(self.font.pointSizeF() * 1.15)
        self.metrics = QFontMetricsF(self.font, painter.device())
        self.title_metrics = QFontMetricsF(self.title_font, painter.device())
        self.line = self.metrics.height()
        self.pad = self.line * 0.6
        self.pen_width = max(1.5, self.line / 7)
        self.rect = rect.adjusted(self.pad, self.pad * 0.6, -self.pad, -self.pad * 0.6)
        self.decimals = tick_decimals(chart.axis.ticks)
        self.plot = QRectF()

    # -- layout --

    def paint(self) -> None:
        top = self._paint_title()
        legend = self._legend_entries()
        legend_lines = self._legend_rows(legend)
        legend_height = len(legend_lines) * self.line * 1.3
        tick_width = max(
            self.metrics.horizontalAdvance(format_tick(t, self.decimals))
            for t in self.chart.axis.ticks
        )
        left = self.rect.left() + tick_width + self.pad * 0.8
        bottom = self.rect.bottom() - legend_height - self.line * 1.4
        self.plot = QRectF(
            QPointF(left, top + self.line * 1.6), QPointF(self.rect.right() - self.pad, bottom)
        )
        if self.plot.height() < self.line * 2 or self.plot.width() < self.line * 4:
            return
        self._paint_axis()
        self._paint_years()
        for series in self.chart.series:
            if series.kind != "actual":
                self._paint_reference(series)
        for series in self.chart.series:
            if series.kind == "actual":
                self._paint_actual(series)
        self._paint_legend(legend_lines, self.rect.bottom() - legend_height)

    def x_of(self, year: float) -> float:
        years = self.chart.years
        inset = min(self.plot.width() * 0.08, self.line * 2.5)
        if len(years) == 1 or years[0] == years[-1]:
            return self.plot.center().x()
        share = (year - years[0]) / (years[-1] - years[0])
        return self.plot.left() + inset + share * (self.plot.width() - 2 * inset)

    def y_of(self, value: float) -> float:
        axis = self.chart.axis
        span = axis.high - axis.low or 1.0
        return self.plot.bottom() - (value - axis.low) / span * self.plot.height()

    # -- parts --

    def _paint_title(self) -> float:
        painter, rect = self.painter, self.rect
        painter.setFont(self.title_font)
        painter.setPen(self.palette.color(QPalette.ColorRole.Text))
        title_height = self.title_metrics.height()
        direction = self.widget.direction_text(self.chart.better)
        direction_width = self.metrics.horizontalAdvance(direction) + self.pad
        title = self.title_metrics.elidedText(
            self.chart.title, Qt.TextElideMode.ElideRight, rect.width() - direction_width
        )
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width() - direction_width, title_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        painter.setFont(self.font)
        painter.setPen(self.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRectF(rect.right() - direction_width, rect.top(), direction_width, title_height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            direction,
        )
        return rect.top() + title_height

    def _grid_colour(self) -> QColor:
        colour = QColor(self.palette.color(QPalette.ColorRole.Text))
        colour.setAlphaF(0.12)
        return colour

    def _paint_axis(self) -> None:
        painter, plot = self.painter, self.plot
        painter.setFont(self.font)
        text_colour = self.palette.color(QPalette.ColorRole.Text)
        for tick in self.chart.axis.ticks:
            y = self.y_of(tick)
            painter.setPen(QPen(self._grid_colour(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            label = QRectF(
                self.rect.left(), y - self.line / 2, plot.left() - self.rect.left(), self.line
            )
            painter.drawText(
                label.adjusted(0, 0, -self.pad * 0.5, 0),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                format_tick(tick, self.decimals),
            )
        axis_colour = QColor(text_colour)
        axis_colour.setAlphaF(0.5)
        painter.setPen(QPen(axis_colour, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        if self.chart.unit:
            painter.setPen(self.palette.color(QPalette.ColorRole.PlaceholderText))
            unit = self.widget.unit_text(self.chart.unit)
            painter.drawText(
                QRectF(
                    self.rect.left(), plot.top() - self.line * 1.5, self.rect.width(), self.line
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                unit,
            )

    def _paint_years(self) -> None:
        painter = self.painter
        painter.setPen(self.palette.color(QPalette.ColorRole.Text))
        years = self.chart.years
        width = max(self.metrics.horizontalAdvance(str(y)) for y in years) + self.pad
        every = 1
        if len(years) > 1:
            room = abs(self.x_of(years[1]) - self.x_of(years[0])) or width
            every = max(1, int(width // room) + 1) if room < width else 1
        for i, year in enumerate(years):
            if i % every and i != len(years) - 1:
                continue
            x = self.x_of(year)
            painter.drawText(
                QRectF(x - width, self.plot.bottom() + self.line * 0.2, width * 2, self.line),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                str(year),
            )

    def _paint_reference(self, series: Series) -> None:
        pen = QPen(
            theme.SERIES.get(series.kind, theme.OTHER_SERIES).color(self.palette), self.pen_width
        )
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.painter.setPen(pen)
        points = [QPointF(self.x_of(y), self.y_of(v)) for y, v in series.points]
        if len(points) == 1:
            points = [
                QPointF(self.plot.left(), points[0].y()),
                QPointF(self.plot.right(), points[0].y()),
            ]
        for start, end in pairwise(points):
            self.painter.drawLine(start, end)

    def _paint_actual(self, series: Series) -> None:
        painter = self.painter
        colour = theme.SERIES["actual"].color(self.palette)
        points = [QPointF(self.x_of(y), self.y_of(v)) for y, v in series.points]
        pen = QPen(colour, self.pen_width * 1.4)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if len(points) > 1:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.drawPath(path)
        radius = self.pen_width * 2.2
        painter.setPen(QPen(self.palette.color(QPalette.ColorRole.Base), self.pen_width * 0.7))
        painter.setBrush(colour)
        for point in points:
            painter.drawEllipse(point, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.palette.color(QPalette.ColorRole.Text))
        for point, (_, value) in zip(points, series.points, strict=True):
            self._paint_value_label(point, value, radius)

    def _paint_value_label(self, point: QPointF, value: float, radius: float) -> None:
        text = format_value(value)
        width = self.metrics.horizontalAdvance(text) + self.pad
        above = QRectF(
            point.x() - width / 2, point.y() - radius - self.line * 1.05, width, self.line
        )
        if above.top() < self.plot.top() - self.line * 0.5:
            above.moveTop(point.y() + radius + self.line * 0.05)
        self.painter.drawText(above, int(Qt.AlignmentFlag.AlignCenter), text)

    # -- legend --

    def _legend_entries(self) -> list[tuple[Series, str]]:
        entries = []
        for series in self.chart.series:
            if series.kind == "actual" or not series.points:
                entries.append((series, series.name))
            else:
                entries.append((series, f"{series.name} {format_value(series.points[0][1])}"))
        return entries

    def _sample_width(self) -> float:
        return self.line * 1.8

    def _legend_rows(
        self, entries: list[tuple[Series, str]]
    ) -> list[list[tuple[Series, str, float]]]:
        rows: list[list[tuple[Series, str, float]]] = [[]]
        used = 0.0
        for series, text in entries:
            width = self._sample_width() + self.pad * 0.4 + self.metrics.horizontalAdvance(text)
            if rows[-1] and used + self.pad * 1.5 + width > self.rect.width():
                rows.append([])
                used = 0.0
            used += (self.pad * 1.5 if rows[-1] else 0) + width
            rows[-1].append((series, text, width))
        return [row for row in rows if row]

    def _paint_legend(self, rows: list[list[tuple[Series, str, float]]], top: float) -> None:
        painter = self.painter
        painter.setFont(self.font)
        for row in rows:
            total = sum(w for _, _, w in row) + self.pad * 1.5 * (len(row) - 1)
            x = self.rect.center().x() - total / 2
            y = top + self.line * 0.65
            for series, text, width in row:
                self._paint_sample(series.kind, x, y)
                painter.setPen(self.palette.color(QPalette.ColorRole.Text))
                text_left = x + self._sample_width() + self.pad * 0.4
                painter.drawText(
                    QRectF(text_left, y - self.line / 2, width, self.line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
                x += width + self.pad * 1.5
            top += self.line * 1.3

    def _paint_sample(self, kind: str, x: float, y: float) -> None:
        colour = theme.SERIES.get(kind, theme.OTHER_SERIES).color(self.palette)
        pen = QPen(colour, self.pen_width * (1.4 if kind == "actual" else 1.0))
        if kind != "actual":
            pen.setStyle(Qt.PenStyle.DashLine)
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x, y), QPointF(x + self._sample_width(), y))
        if kind == "actual":
            radius = self.pen_width * 2.2
            self.painter.setPen(Qt.PenStyle.NoPen)
            self.painter.setBrush(colour)
            self.painter.drawEllipse(QPointF(x + self._sample_width() / 2, y), radius, radius)
            self.painter.setBrush(Qt.BrushStyle.NoBrush)
