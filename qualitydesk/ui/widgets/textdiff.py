"""A side-by-side difference of two texts as an HTML table, for a QTextBrowser.

Lines (paragraphs, in a narrative) are matched with difflib; a changed pair of lines also shows
which characters changed — in Chinese a paragraph is one long line, so a changed word would
otherwise be lost in it. Long runs of unchanged lines fold to a note, keeping a little context.
All user text is escaped: nothing in it is read as markup.
"""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass

from PySide6.QtGui import QPalette

from qualitydesk.ui import theme


@dataclass(frozen=True)
class Wording:
    """The translated words of the table: column titles and notes."""

    old_title: str
    new_title: str
    folded: str  # "%1" is replaced by the number of unchanged lines not shown
    same: str  # shown above the table when the texts are identical


@dataclass(frozen=True)
class Difference:
    """The table of :func:`side_by_side`, and how many changes it shows."""

    html: str
    changes: int  # changed blocks (a run of removed and/or added lines counts once)


def side_by_side(old: str, new: str, wording: Wording, *, context: int = 2) -> Difference:
    """``old`` on the left, ``new`` on the right, changed lines and characters highlighted."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[str] = []
    changes = 0
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            first, last = index == 0, index == len(opcodes) - 1
            rows += _unchanged(a[i1:i2], wording, context, first=first, last=last)
            continue
        changes += 1
        rows += _changed(a[i1:i2], b[j1:j2])
    head = (
        f"<tr><th width='50%' align='left'>{html.escape(wording.old_title)}</th>"
        f"<th width='50%' align='left'>{html.escape(wording.new_title)}</th></tr>"
    )
    note = "" if changes else f"<p>{html.escape(wording.same)}</p>"
    table = (
        "<table width='100%' cellspacing='0' cellpadding='4' border='0'>"
        + head
        + "".join(rows)
        + "</table>"
    )
    return Difference(note + table, changes)


def _unchanged(
    lines: list[str], wording: Wording, context: int, *, first: bool, last: bool
) -> list[str]:
    """Unchanged lines, folded to ``context`` lines beside each change."""
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if first and last:  # nothing changed: show it all
        keep_head = len(lines)
    if len(lines) <= keep_head + keep_tail + 1:
        return [_row(line, line) for line in lines]
    folded = len(lines) - keep_head - keep_tail
    note = html.escape(wording.folded.replace("%1", str(folded)))
    fold = f"<tr><td colspan='2' style='color:{theme.MUTED.name()}'>… {note} …</td></tr>"
    tail = lines[len(lines) - keep_tail :] if keep_tail else []
    return [_row(x, x) for x in lines[:keep_head]] + [fold] + [_row(x, x) for x in tail]


def _changed(left: list[str], right: list[str]) -> list[str]:
    rows = []
    no_line = theme.role_colour(QPalette.ColorRole.AlternateBase)  # the other side has none
    for k in range(max(len(left), len(right))):
        old = left[k] if k < len(left) else None
        new = right[k] if k < len(right) else None
        if old is not None and new is not None:
            old_html, new_html = _marked(old, new)
        else:
            old_html = "" if old is None else html.escape(old)
            new_html = "" if new is None else html.escape(new)
        rows.append(
            _cells(
                old_html,
                new_html,
                theme.ERROR_BACKGROUND.name() if old is not None else no_line,
                theme.OK_BACKGROUND.name() if new is not None else no_line,
            )
        )
    return rows


def _marked(old: str, new: str) -> tuple[str, str]:
    """Both lines escaped, with the removed and the added characters highlighted."""
    left: list[str] = []
    right: list[str] = []
    removed_shade, added_shade = theme.REMOVED_TEXT.name(), theme.ADDED_TEXT.name()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        removed, added = html.escape(old[i1:i2]), html.escape(new[j1:j2])
        if tag == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<span style='background-color:{removed_shade}'>{removed}</span>")
        if added:
            right.append(f"<span style='background-color:{added_shade}'>{added}</span>")
    return "".join(left), "".join(right)


def _row(old: str, new: str) -> str:
    return _cells(html.escape(old), html.escape(new), "", "")


def _cells(old_html: str, new_html: str, old_colour: str, new_colour: str) -> str:
    def cell(content: str, colour: str) -> str:
        shade = f" bgcolor='{colour}'" if colour else ""
        return (
            f"<td width='50%' valign='top' style='white-space:pre-wrap'{shade}>"
            f"{content or '&nbsp;'}</td>"
        )

    return f"<tr>{cell(old_html, old_colour)}{cell(new_html, new_colour)}</tr>"
