"""The look of QualityDesk in one place: every colour the interface draws, by what it means.

Text and plain backgrounds come from the application's ``QPalette`` (``palette(text)``,
``palette(base)``, ``palette(mid)`` in style sheets): they follow a light or a dark desktop by
themselves. What carries a meaning — 符合 / 不符合, 已保存, a count over its limit, a chart's
series — is a :class:`Tone`: one colour for a light base and one for a dark base, each chosen to
read at 4.5:1 or better against that base and against its own tinted background (so text in
it passes WCAG AA). Colour never carries a meaning alone: signs and words say it too.

Style sheets name tones as ``$error``, ``$ok_background`` …; :func:`style` fills them in for the
palette in use when the widget is built. Nothing here touches Qt at import time.
"""

from __future__ import annotations

from string import Template

from msgspec import Struct
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget


class Tone(Struct, frozen=True):
    """A colour that means something, for a light base and for a dark base."""

    light: str
    dark: str

    def name(self, palette: QPalette | None = None) -> str:
        """The colour as ``#rrggbb`` for ``palette`` (the application's when None)."""
        return self.dark if is_dark(palette) else self.light

    def color(self, palette: QPalette | None = None) -> QColor:
        """The colour for ``palette`` (the application's when None)."""
        return QColor(self.name(palette))


# --- meanings (text and lines) -------------------------------------------------------------------

OK = Tone("#1b5e20", "#81c995")  # 符合, 完成, 已保存, a line reached
WARNING = Tone("#7a4f00", "#f0b44c")  # 进行中, 待补充, over a 参考值, worth a look
ERROR = Tone("#b3261e", "#f2b8b5")  # 不符合, 有问题, over a limit, an invalid entry
ACCENT = Tone("#1f5fa8", "#8ab4f8")  # the program's own marks: focus, score, 已声明
UNSURE = Tone("#6a1b9a", "#d7aefb")  # 需确认: a person has to decide
MUTED = Tone("#5f6368", "#bdc1c6")  # hints, notes, 未开始

# --- tinted backgrounds under text of the same meaning -------------------------------------------

OK_BACKGROUND = Tone("#e6f4ea", "#1e3a26")
WARNING_BACKGROUND = Tone("#fff3d6", "#45340f")
ERROR_BACKGROUND = Tone("#fdecea", "#4a1f1c")
ACCENT_BACKGROUND = Tone("#e3eefb", "#1c3050")
UNSURE_BACKGROUND = Tone("#f3e5f5", "#3b2345")
WARNING_LINE = Tone("#d9a400", "#a67c00")  # the frame of a notice (not text)

# --- a comparison of two texts: the changed characters, stronger than their line ------------------

REMOVED_TEXT = Tone("#f4b4b4", "#7a2e2b")
ADDED_TEXT = Tone("#a6dcae", "#2f6b3a")

# --- charts (lines and marks on the chart's base) ------------------------------------------------

SERIES = {  # one colour per kind of series of a trend chart
    "actual": ACCENT,
    "target": Tone("#2e8b57", "#81c995"),
    "competitor": Tone("#d9822b", "#f5b26b"),
    "benchmark": Tone("#8e44ad", "#d7aefb"),
}
OTHER_SERIES = MUTED  # a series of a kind not listed
SCORE = ACCENT  # the self-score of a radar chart
AWARD_LINES = (  # a radar chart's award lines, highest first
    Tone("#c0392b", "#f28b82"),
    Tone("#d9822b", "#f5b26b"),
    Tone("#7f8c8d", "#bdc1c6"),
)

NAMES: dict[str, Tone] = {
    "ok": OK,
    "warning": WARNING,
    "error": ERROR,
    "accent": ACCENT,
    "unsure": UNSURE,
    "muted": MUTED,
    "ok_background": OK_BACKGROUND,
    "warning_background": WARNING_BACKGROUND,
    "error_background": ERROR_BACKGROUND,
    "accent_background": ACCENT_BACKGROUND,
    "unsure_background": UNSURE_BACKGROUND,
    "warning_line": WARNING_LINE,
}


def palette_in_use(palette: QPalette | None = None) -> QPalette:
    """``palette``, or the application's."""
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the application's when None) draws light text on a dark base."""
    used = palette_in_use(palette)
    base = used.color(QPalette.ColorRole.Base)
    return base.lightnessF() < used.color(QPalette.ColorRole.Text).lightnessF()


def style(template: str, palette: QPalette | None = None) -> str:
    """A style sheet ``template`` with ``$error``, ``$ok_background`` … filled in for ``palette``.

    Style sheets use ``{ }`` for their rules, so the names are ``$`` names (``string.Template``);
    an unknown name raises ``KeyError``.
    """
    return Template(template).substitute({key: tone.name(palette) for key, tone in NAMES.items()})


def colour_text(widget: QWidget, tone: Tone | None) -> None:
    """Draw ``widget``'s text in ``tone`` (for the palette in use), or as its parent does (None).

    Through the widget's palette, not a style sheet: a widget with a style sheet of its own is
    drawn through Qt's style-sheet style, several times the CPU of the plain style.
    """
    palette = QPalette(
        widget.parentWidget().palette() if widget.parentWidget() else palette_in_use()
    )
    if tone is not None:
        colour = tone.color(palette)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, colour)
        widget.setPalette(palette)
    else:
        widget.setPalette(QPalette())  # resolves nothing: inherits again


def role_colour(role: QPalette.ColorRole, palette: QPalette | None = None) -> str:
    """A palette colour as ``#rrggbb``, for HTML that style sheets do not reach."""
    return palette_in_use(palette).color(role).name()


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; 4.5 is enough for body text)."""

    def luminance(colour: QColor) -> float:
        def linear(channel: float) -> float:
            return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

        red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)
