"""The tables of a document: the 申请表's tables (rows of cells) and the key indicators.

A table's rows are a change like any other (pending until the document saves, with history);
an indicator is edited as a whole record and written at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from qualitydesk.store import rows as stored_rows
from qualitydesk.store.base import DocumentBase
from qualitydesk.store.errors import DocumentError
from qualitydesk.store.records import FieldValue, Indicator, Row


class TablesMixin(DocumentBase):
    """Table rows and indicators of a document."""

    def rows(self, table_id: str) -> list[dict[str, FieldValue]]:
        """The rows of a table (copies: changing them changes nothing)."""
        found: list[stored_rows.RowData] = self._get("rows", table_id, self._rows.get(table_id, []))
        return [dict(r) for r in found]

    def table_ids(self) -> list[str]:
        """The tables that have rows."""
        return [t for t in self._keys("rows", self._rows) if self.rows(t)]

    def set_rows(self, table_id: str, rows: Sequence[Row]) -> None:
        """Replace the rows of a table."""
        self._set("rows", table_id, [dict(r) for r in rows])

    def indicators(self) -> list[Indicator]:
        """The key indicators, in their order."""
        return list(self._indicators.values())

    def put_indicator(self, indicator: Indicator, position: int | None = None) -> None:
        """Write an indicator at once: a new one last (or at ``position``), a known one in place."""
        self._check_writable()
        if indicator.better not in ("higher", "lower"):
            raise DocumentError(f"指标“{indicator.name}”的改进方向应为 higher 或 lower")
        ids = list(self._indicators)
        if position is None:
            position = ids.index(indicator.id) if indicator.id in ids else len(ids)
        with self._write_now() as db:
            stored_rows.write_indicator(db, indicator, position)
        self._indicators[indicator.id] = indicator

    def remove_indicator(self, indicator_id: str) -> None:
        """Remove an indicator and its values at once."""
        with self._write_now() as db:
            stored_rows.remove_indicator(db, indicator_id)
        self._indicators.pop(indicator_id, None)
