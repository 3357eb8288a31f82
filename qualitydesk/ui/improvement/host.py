"""What the 评审与改进 window needs of the main window's open application (its ``WizardView``).

The window edits the examiners' feedback and the actions itself (the store writes them at once);
for the rest it asks the host: save what the pages hold before reading the self-scores, show the
pages again after the stage scores changed, show a page (评分汇总) when asked.
"""

from __future__ import annotations

from typing import Protocol

from qualitydesk.store.document import Document
from qualitydesk.ui.pages.base import PageContext


class Host(Protocol):
    """The open application as the main window shows it."""

    doc: Document
    context: PageContext

    @property
    def last_error(self) -> str:
        """Why the last save failed; empty after a save that worked."""

    def flush(self) -> bool:
        """Save every change of the pages now; False (and ``last_error``) on failure."""

    def reload(self) -> None:
        """Load every page again from the document."""

    def navigate(self, key: str, anchor: str = "") -> None:
        """Show step ``key`` and bring ``anchor`` into view there."""
