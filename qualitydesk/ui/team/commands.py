"""The 评分 menu's commands on the main window's open application: 分发评分表, 汇总评分,
共识会议. The menu imports this module when one is first chosen.

The dialogs and the consensus window belong to the open application's view, so they close with
it; they write through its session. After a consensus is agreed the page shown loads again if
it shows the item's score, so that no page holds the score it showed before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qualitydesk.ui.team.collect import CollectDialog
from qualitydesk.ui.team.consensus import ConsensusWindow
from qualitydesk.ui.team.handout import HandOutDialog

if TYPE_CHECKING:
    from qualitydesk.ui.shell.window import MainWindow
    from qualitydesk.ui.shell.wizard import WizardView


def hand_out(window: MainWindow) -> HandOutDialog | None:
    """评分 → 分发评分表: the dialog, its folder offered beside the application file."""
    view = window.view
    if view is None:
        return None
    folder = str(Path(view.doc.path).parent)
    dialog = HandOutDialog(view.session, window.forms, window.messages, folder, view)
    dialog.open()
    return dialog


def collect(window: MainWindow) -> CollectDialog | None:
    """评分 → 汇总评分: the dialog that takes the returned files."""
    view = window.view
    if view is None:
        return None
    dialog = CollectDialog(view.session, window.forms, window.messages, view)
    dialog.open()
    return dialog


def consensus(window: MainWindow) -> ConsensusWindow | None:
    """评分 → 共识会议: the consensus window of the open application (the one open already,
    brought to the front, if any).
    """
    view = window.view
    if view is None:
        return None
    found = view.findChild(ConsensusWindow)
    if found is None:
        found = ConsensusWindow(view.session, view.context.framework, window.messages, view)
        found.agreed.connect(lambda item: _agreed(view, item))
    else:
        found.refresh()
    found.show()
    found.activateWindow()
    return found


def _agreed(view: WizardView, item: str) -> None:
    """After an agreement: the page shown loads again if it shows the item's score (a later
    edit there would otherwise save the score it showed before); the other pages load again
    when next shown, as after any change to the file.
    """
    if view.current_key in (f"item:{item}", "summary"):
        view.reload()
