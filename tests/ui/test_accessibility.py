"""Every input on every step has an accessible name, and text inputs a label buddy too."""

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from qualitydesk.ui.shell.steps import create_page

INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)


def _inputs(page: QWidget) -> list[QWidget]:
    found = []
    for kind in INPUTS:
        for widget in page.findChildren(kind):
            if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the line edit inside a combo box or spin box
            if not widget.isVisibleTo(page) or widget.objectName() == "qt_spinbox_lineedit":
                continue
            found.append(widget)
    return found


STEPS = [
    "form",
    "eligibility",
    "profile",
    "report",
    "item:4.1.2",
    "item:4.7.4",
    "indicators",
    "evidence",
    "summary",
    "preflight",
]


@pytest.mark.parametrize("key", STEPS)
def test_inputs_are_named_and_labelled(qtbot, context, demo_doc, key):
    page = create_page(key, context)
    qtbot.addWidget(page)
    page.load(demo_doc)
    page.resize(1100, 680)
    page.show()
    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy() is not None}
    unnamed = [
        f"{type(w).__name__} {w.objectName()}" for w in _inputs(page) if not w.accessibleName()
    ]
    assert unnamed == []
    unlabelled = [
        w.accessibleName()
        for w in _inputs(page)
        if isinstance(w, (QLineEdit, QPlainTextEdit))
        and w not in buddies
        and not isinstance(w.parent(), QAbstractButton)
    ]
    assert unlabelled == []
