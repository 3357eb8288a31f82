"""The charts of the year-over-year view, painted with QPainter: both years' percent per item as
paired bars, and an indicator's series of both applications on one line chart.

The earlier year is drawn grey (dashed, square marks), this year in the accent colour (solid,
round marks), so the two tell apart without colour too. Every size follows the widget's font.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from qualitydesk.domain.charts import nice_axis
from qualitydesk.domain.numbers import number
from qualitydesk.ui import theme
from qualitydesk.ui.widgets.canvas import Canvas

Row = tuple[str, int | None, int | None]  # item, earlier percent, this year's percent


class _Look:
    """Fonts, colours and line sizes of one paint."""

    def __init__(self, widget: QWidget, painter: QPainter) -> None:
        self.palette = widget.palette()
        self.font = QFont(widget.font())
        self.small = QFont(self.font)
        self.small.setPointSizeF(self.font.pointSizeF() * 0.85)
        self.metrics = QFontMetricsF(self.font, painter.device())
        self.line = self.metrics.height()
        self.text = self.palette.color(QPalette.ColorRole.Text)
        self.new = theme.ACCENT.color(self.palette)
        self.old = theme.MUTED.color(self.palette)
        self.old.setAlphaF(0.75)
        self.grid = QColor(self.text)
        self.grid.setAlphaF(0.12)

    def legend(self, painter: QPainter, x: float, y: float, names: Sequence[str]) -> None:
        """Two legend entries from ``x`` on the line at ``y``: the earlier year, then this."""
        painter.setFont(self.font)
        for name, colour in zip(names, (self.old, self.new), strict=False):
            painter.fillRect(
                QRectF(x, y - self.line * 0.3, self.line * 0.9, self.line * 0.6), colour
            )
            painter.setPen(self.text)
            painter.drawText(QPointF(x + self.line * 1.2, y + self.line * 0.3), name)
            x += self.line * 2 + self.metrics.horizontalAdvance(name)


class ItemBarsChart(Canvas):
    """Both years' self-score percent of every item as two bars side by side."""

    SIZE_HINT = (40.0, 16.0)
    MINIMUM_SIZE = (20.0, 10.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._names: tuple[str, str] = ("", "")
        self._changed: set[str] = set()
        self.selected = ""
        self.setAccessibleName(self.tr("两个年度各评分项得分率"))

    def set_rows(self, rows: Sequence[Row], names: tuple[str, str], changed: set[str]) -> None:
        """Show ``rows``; ``names`` name the two years; ``changed`` items are labelled bold."""
        self._rows, self._names, self._changed = list(rows), names, set(changed)
        self.setAccessibleDescription(
            "；".join(f"{i} {_pct(a)} → {_pct(b)}" for i, a, b in self._rows)
        )
        self.update()

    def rows(self) -> list[Row]:
        """The rows shown."""
        return list(self._rows)

    def select(self, item: str) -> None:
        """Shade the column of ``item`` (the one selected in the list)."""
        self.selected = item
        self.update()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the bars (nothing without rows)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Base))
        if not self._rows:
            return
        look = _Look(self, painter)
        pad = look.line * 0.6
        look.legend(painter, rect.left() + pad * 4, rect.top() + look.line, self._names)
        tick_w = look.metrics.horizontalAdvance("100%") + pad
        plot = QRectF(
            QPointF(rect.left() + tick_w + pad, rect.top() + look.line * 2.2),
            QPointF(rect.right() - pad, rect.bottom() - look.line * 2.6),
        )
        if plot.height() < look.line * 2 or plot.width() < look.line * 4:
            return
        self._axis(painter, look, plot)
        slot = plot.width() / len(self._rows)
        for n, (item, old, new) in enumerate(self._rows):
            left = plot.left() + n * slot
            if item == self.selected:
                painter.fillRect(QRectF(left, plot.top(), slot, plot.height()), look.grid)
            bar = slot * 0.34
            for k, (pct, colour) in enumerate(((old, look.old), (new, look.new))):
                if pct is not None:
                    top = plot.bottom() - plot.height() * pct / 100
                    x = left + slot * 0.14 + k * bar
                    painter.fillRect(QRectF(x, top, bar, plot.bottom() - top), colour)
            top = plot.bottom() + (n % 2 + 0.1) * look.line  # staggered: room for each label
            self._label(painter, look, item, QRectF(left - slot, top, slot * 3, look.line))

    def _axis(self, painter: QPainter, look: _Look, plot: QRectF) -> None:
        painter.setFont(look.small)
        for pct in range(0, 101, 20):
            y = plot.bottom() - plot.height() * pct / 100
            painter.setPen(QPen(look.grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(look.text)
            box = QRectF(plot.left() - look.line * 4, y - look.line / 2, look.line * 3.6, look.line)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{pct}%"
            )

    def _label(self, painter: QPainter, look: _Look, item: str, box: QRectF) -> None:
        font = QFont(look.small)
        font.setBold(item in self._changed)
        painter.setFont(font)
        painter.setPen(look.new if item in self._changed else look.text)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), item)


def _pct(pct: int | None) -> str:
    return "—" if pct is None else f"{pct}%"


class TwoYearsChart(Canvas):
    """An indicator's values as both applications report them, over every year either has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[Mapping[int, float], Mapping[int, float]] = ({}, {})
        self._names: tuple[str, str] = ("", "")
        self._title = ""
        self.setAccessibleName(self.tr("两个年度的指标数值"))

    def set_series(
        self,
        title: str,
        old: Mapping[int, float],
        new: Mapping[int, float],
        names: tuple[str, str],
    ) -> None:
        """Show the indicator ``title``: ``old`` and ``new`` (year -> value), named ``names``."""
        self._title, self._series, self._names = title, (dict(old), dict(new)), names
        parts = [
            f"{name}：" + "，".join(f"{y} {number(v)}" for y, v in sorted(values.items()))
            for name, values in zip(names, self._series, strict=True)
        ]
        self.setAccessibleDescription(f"{title}；" + "；".join(parts))
        self.update()

    def series(self) -> tuple[Mapping[int, float], Mapping[int, float]]:
        """The two series shown: the earlier application's and this one's."""
        return self._series

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw both lines with the value axis, the years and a legend."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Base))
        old, new = self._series
        years = sorted(set(old) | set(new))
        if not years:
            return
        look = _Look(self, painter)
        pad = look.line * 0.6
        title = QFont(look.font)
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(look.text)
        painter.drawText(QPointF(rect.left() + pad, rect.top() + look.line), self._title)
        look.legend(painter, rect.left() + pad, rect.top() + look.line * 2.2, self._names)
        values = [*old.values(), *new.values()]
        low, high = min(values), max(values)
        axis = nice_axis(0.0 if 0 <= low < high - low else low, high)
        tick_w = max(look.metrics.horizontalAdvance(number(t)) for t in axis.ticks) + pad
        plot = QRectF(
            QPointF(rect.left() + tick_w + pad, rect.top() + look.line * 3.4),
            QPointF(rect.right() - pad * 2, rect.bottom() - look.line * 1.6),
        )
        if plot.height() < look.line * 2 or plot.width() < look.line * 4:
            return
        step = plot.width() / len(years)

        def at(year: int, value: float) -> QPointF:
            share = (value - axis.low) / ((axis.high - axis.low) or 1.0)
            return QPointF(
                plot.left() + step * (years.index(year) + 0.5),
                plot.bottom() - share * plot.height(),
            )

        painter.setFont(look.small)
        for tick in axis.ticks:
            y = at(years[0], tick).y()
            painter.setPen(QPen(look.grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(look.text)
            box = QRectF(rect.left(), y - look.line / 2, tick_w, look.line)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number(tick)
            )
        for year in years:
            x = at(year, axis.low).x()
            box = QRectF(x - step / 2, plot.bottom() + pad * 0.3, step, look.line)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), str(year))
        self._line(painter, look, [at(y, v) for y, v in sorted(old.items())], look.old, False)
        points = [at(y, v) for y, v in sorted(new.items())]
        self._line(painter, look, points, look.new, True)
        painter.setPen(look.text)
        for point, (_, value) in zip(points, sorted(new.items()), strict=True):
            box = QRectF(point.x() - step / 2, point.y() - look.line * 1.3, step, look.line)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), number(value))

    def _line(
        self, painter: QPainter, look: _Look, points: list[QPointF], colour: QColor, solid: bool
    ) -> None:
        pen = QPen(colour, max(1.5, look.line / 7) * (1.4 if solid else 1.0))
        if not solid:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for start, end in pairwise(points):
            painter.drawLine(start, end)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = max(3.0, look.line / 4)
        for point in points:
            if solid:
                painter.drawEllipse(point, radius * 1.3, radius * 1.3)  # over an equal old one
            else:
                painter.drawRect(
                    QRectF(point.x() - radius, point.y() - radius, radius * 2, radius * 2)
                )
        painter.setBrush(Qt.BrushStyle.NoBrush)
