"""The QPainter charts: drawn into images, checked pixel by pixel."""

from collections import Counter

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPalette

from qualitydesk.domain.charts import radar_chart, trend_chart
from qualitydesk.domain.indicators import Indicator
from qualitydesk.ui import theme
from qualitydesk.ui.widgets.radar_chart import RadarChartWidget
from qualitydesk.ui.widgets.trend_chart import TrendChartWidget, format_value, tick_decimals

YIELD = Indicator(
    "first-pass-yield",
    "产品一次交检合格率",
    "%",
    "higher",
    "4.7.2",
    {2021: 98.62, 2022: 98.85, 2023: 99.12, 2024: 99.31, 2025: 99.46},
    target=99.5,
    competitor=99.05,
    competitor_source="竞争对手A 年报",
    benchmark=99.7,
    benchmark_source="标杆B 报告",
)
CATEGORIES = [
    ("4.1 领导", 71.0, 110),
    ("4.2 战略", 54.0, 90),
    ("4.3 顾客与市场", 56.5, 90),
    ("4.4 资源", 78.0, 130),
    ("4.5 过程管理", 62.5, 100),
    ("4.6 测量、分析与改进", 46.0, 80),
    ("4.7 结果", 240.0, 400),
]


def pixels(image: QImage) -> Counter:
    """How many pixels of each ARGB value the image has."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return Counter(memoryview(image.constBits()).cast("I"))


def rgba(colour: str) -> int:
    return QColor(colour).rgba()


@pytest.fixture
def trend(qtbot, context):
    widget = TrendChartWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def radar(qtbot, context):
    widget = RadarChartWidget()
    qtbot.addWidget(widget)
    return widget


def test_trend_chart_draws_every_series_in_its_colour(trend):
    trend.set_chart(trend_chart(YIELD))
    image = trend.render_to_image(QSize(600, 360))
    counts = pixels(image)
    background = trend.palette().color(QPalette.ColorRole.Base).rgba()
    assert counts[background] > 600 * 360 * 0.6  # mostly background
    for kind, tone in theme.SERIES.items():  # the line (and markers) of each series
        assert counts[rgba(tone.name(trend.palette()))] > 40, kind
    assert image.pixelColor(2, 2).rgba() == background  # corners stay empty
    assert image.pixelColor(597, 357).rgba() == background
    assert "99.46" in trend.accessibleDescription()
    assert "越高越好" in trend.accessibleDescription()


def test_trend_chart_scales_with_size_and_shows_direction(trend):
    lower = Indicator(
        "ppm", "现场故障率", "PPM", "lower", "4.7.2", {2023: 455, 2024: 448, 2025: 335}
    )
    trend.set_chart(trend_chart(lower))
    small = pixels(trend.render_to_image(QSize(320, 220)))
    large = pixels(trend.render_to_image(QSize(900, 520)))
    actual = rgba(theme.SERIES["actual"].name(trend.palette()))
    assert large[actual] > small[actual] > 20
    target = rgba(theme.SERIES["target"].name(trend.palette()))
    assert target not in large  # no target: no target line
    assert "越低越好" in trend.accessibleDescription()


def test_trend_chart_empty_states(trend):
    background = trend.palette().color(QPalette.ColorRole.Base).rgba()
    actual = rgba(theme.SERIES["actual"].name(trend.palette()))
    trend.set_chart(None)
    counts = pixels(trend.render_to_image(QSize(400, 240)))
    assert actual not in counts
    assert counts[background] < 400 * 240  # the message is drawn
    trend.set_chart(trend_chart(Indicator("new", "新指标", "", "higher", "4.7.2")))
    counts = pixels(trend.render_to_image(QSize(400, 240)))
    assert actual not in counts
    trend.resize(trend.sizeHint())
    trend.show()
    trend.repaint()  # the paint event draws without warnings as well
    assert trend.minimumSizeHint().width() < trend.sizeHint().width()


def test_number_formats():
    assert format_value(180000.0) == "180,000"
    assert format_value(0.0275) == "0.0275"
    assert format_value(99.5) == "99.5"
    assert tick_decimals((98.5, 98.75, 99.0)) == 2
    assert tick_decimals((0.0, 50000.0, 100000.0)) == 0


def test_radar_chart_draws_score_polygon_and_award_rings(radar):
    radar.set_chart(radar_chart(CATEGORIES, [("600 分线", 0.6), ("500 分线", 0.5)]))
    image = radar.render_to_image(QSize(520, 420))
    counts = pixels(image)
    background = radar.palette().color(QPalette.ColorRole.Base).rgba()
    score, lines = theme.SCORE.name(radar.palette()), theme.AWARD_LINES
    assert counts[rgba(score)] > 100  # the polygon's outline and markers
    assert counts[rgba(lines[0].name(radar.palette()))] > 40  # the 600 line
    assert counts[rgba(lines[1].name(radar.palette()))] > 40  # the 500 line
    assert image.pixelColor(2, 2).rgba() == background
    assert image.pixelColor(517, 2).rgba() == background
    description = radar.accessibleDescription()
    assert "4.1 领导：65%" in description
    assert "600 分线" in description


def test_radar_chart_empty_and_zero(radar):
    score = rgba(theme.SCORE.name(radar.palette()))
    radar.set_chart(None)
    assert score not in pixels(radar.render_to_image(QSize(300, 300)))
    zero = [(label, 0.0, points) for label, _, points in CATEGORIES]
    radar.set_chart(radar_chart(zero))
    counts = pixels(radar.render_to_image(QSize(300, 260)))  # small: labels wrap, no crash
    assert counts[score] > 0
    radar.resize(radar.sizeHint())
    radar.show()
    radar.repaint()
