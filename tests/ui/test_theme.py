"""The theme: colours named by meaning, legible on a light and on a dark desktop.

The key screens are drawn under a light and a dark application palette; every piece of text is
measured in the drawn image (its background is the most common colour of its box, its text the
colour furthest from it) and must reach WCAG AA, 4.5:1.
"""

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from qualitydesk.domain.eligibility import Status as RuleStatus
from qualitydesk.ui import theme
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.pages.eligibility import EligibilityPage
from qualitydesk.ui.shell.navigator import TONES, StepNavigator
from qualitydesk.ui.shell.steps import steps
from qualitydesk.ui.welcome import WelcomeView
from tests.helpers.gui import show

AA = 4.5
UI = Path(__file__).parents[2] / "qualitydesk" / "ui"
DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#404040",
    QPalette.ColorRole.Mid: "#5a5a5a",
    QPalette.ColorRole.Dark: "#202020",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#353535",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def desktop(request, qapp):
    """The application's palette set to a light or a dark desktop's for one test."""
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette() if request.param == "dark" else qapp.style().standardPalette())
    yield request.param
    qapp.setPalette(before)


def drawn_contrast(image: QImage, box: QRect) -> float:
    """The contrast of the text drawn in ``box``: its farthest colour against the commonest."""
    part = image.copy(box)
    counts = Counter(
        part.pixelColor(x, y).rgb() for y in range(part.height()) for x in range(part.width())
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(theme.contrast(QColor.fromRgb(rgb), background) for rgb in counts)


def box_in(widget: QWidget, top: QWidget, inset: int = 0) -> QRect:
    """``widget``'s rectangle in ``top``'s coordinates, ``inset`` pixels inside its edges."""
    corner = widget.mapTo(top, widget.rect().topLeft())
    return QRect(corner, widget.size()).adjusted(inset, inset, -inset, -inset)


def test_no_colour_is_written_outside_the_theme():
    written = [
        f"{path.relative_to(UI)}:{n}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "theme.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#[0-9a-fA-F]{6}\b", line)
    ]
    assert written == []


@pytest.mark.parametrize("dark", [False, True])
def test_every_tone_reads_on_its_base_and_on_its_tint(qapp, dark):
    palette = dark_palette() if dark else qapp.style().standardPalette()
    assert theme.is_dark(palette) is dark
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    for name in ("ok", "warning", "error", "accent", "unsure", "muted"):
        tone = theme.NAMES[name].color(palette)
        assert theme.contrast(tone, base) >= AA, name
        assert theme.contrast(tone, window) >= AA, name
        tint = theme.NAMES.get(f"{name}_background")
        if tint is not None:
            assert theme.contrast(tone, tint.color(palette)) >= AA, name
            text = palette.color(QPalette.ColorRole.Text)
            assert theme.contrast(text, tint.color(palette)) >= AA, name


def test_style_fills_in_the_tones_of_the_palette(qapp):
    dark = dark_palette()
    assert theme.style("QLabel { color: $error; }", dark) == "QLabel { color: #f2b8b5; }"
    light = qapp.style().standardPalette()
    assert theme.style("QLabel { color: $error; }", light) == "QLabel { color: #b3261e; }"
    with pytest.raises(KeyError):
        theme.style("QLabel { color: $red; }", light)


def test_the_navigator_statuses_are_legible(qtbot, context, desktop, tmp_path):
    navigator = StepNavigator(steps(context.framework, context.award), context.framework)
    qtbot.addWidget(navigator)
    keys = ["notice", "form", "eligibility", "profile"]
    for key, status in zip(keys, Status, strict=False):
        navigator.set_status(key, status)
    navigator.resize(360, 600)
    navigator.show()
    qtbot.waitExposed(navigator)
    image = navigator.viewport().grab().toImage()
    image.save(str(tmp_path / f"navigator-{desktop}.png"))
    base = navigator.palette().color(QPalette.ColorRole.Base)
    for key, status in zip(keys, Status, strict=False):
        item = navigator._items[key]
        used = item.foreground(1).color()
        assert used == TONES[status].color(navigator.palette())
        assert theme.contrast(used, base) >= AA, (desktop, status)
        for column in (0, 1):
            box = navigator.visualRect(navigator.indexFromItem(item, column))
            assert drawn_contrast(image, box) >= AA, (desktop, key, column)


def test_an_eligibility_card_is_legible_in_every_status(qtbot, context, empty_doc, desktop):
    page = EligibilityPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    show(qtbot, page, empty_doc)
    finding = next(f for f in page.findings if f.evidence or f.reason)
    card = page.cards[finding.rule.id]
    for status in RuleStatus:  # each status has its own colours
        card.show_finding(replace(finding, status=status))
        image = card.grab().toImage()
        labels = [w for w in card.findChildren(QLabel) if w.isVisibleTo(card) and w.text()]
        assert card.status in labels
        for label in labels:
            assert drawn_contrast(image, box_in(label, card)) >= AA, (desktop, status, label.text())


def test_the_welcome_cards_and_notes_are_legible(qtbot, desktop):
    view = WelcomeView({})
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    cards = [b for b in view.findChildren(QPushButton) if b.property("card")]
    assert len(cards) == 3
    for card in cards:  # inside the frame: the text against the card
        assert drawn_contrast(image, box_in(card, view, inset=4)) >= AA, desktop
    notes = [w for w in view.findChildren(QLabel) if w.objectName() == "welcomeNote"]
    for note in notes:
        if note.isVisibleTo(view):
            assert drawn_contrast(image, box_in(note, view)) >= AA, (desktop, note.text())
