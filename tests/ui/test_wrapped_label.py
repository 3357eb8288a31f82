"""A word-wrapped label answers its height at a width as QLabel does, working it out once."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from qualitydesk.ui.widgets.wrapped import WrappedLabel

HINT = "填写营业执照上的18位代码（数字和大写字母，不含 I、O、S、V、Z），第3–8位为注册地行政区划码"


def _plain(text, font=None):
    label = QLabel(text)
    label.setWordWrap(True)
    if font is not None:
        label.setFont(font)
    return label


def test_its_heights_are_qlabels_and_follow_the_text(qtbot):
    label = WrappedLabel(HINT)
    qtbot.addWidget(label)
    plain = _plain(HINT)
    qtbot.addWidget(plain)
    widths = (120, 240, 391, 660, 120)  # asked again: the kept answer
    assert [label.heightForWidth(w) for w in widths] == [plain.heightForWidth(w) for w in widths]
    assert label.heightForWidth(120) > label.heightForWidth(660)  # it wraps

    longer = HINT * 3
    label.setText(longer)
    plain.setText(longer)
    assert label.heightForWidth(391) == plain.heightForWidth(391)
    assert label.heightForWidth(391) > _plain(HINT).heightForWidth(391)


def test_a_new_font_is_measured_afresh(qtbot):
    label = WrappedLabel(HINT)
    qtbot.addWidget(label)
    before = label.heightForWidth(391)
    big = QFont(label.font())
    big.setPointSizeF(label.font().pointSizeF() * 2)
    label.setFont(big)

    assert label.heightForWidth(391) == _plain(HINT, big).heightForWidth(391)
    assert label.heightForWidth(391) > before
