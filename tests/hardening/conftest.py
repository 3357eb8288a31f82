"""A small but complete document, saved once per module: the seed the mutation tests start from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qualitydesk.store.document import Document
from qualitydesk.store.records import Declaration, Indicator, Link, Score


def fill(doc: Document) -> None:
    """Something in every part: fields, a table, texts, a score, a declaration, KPIs, a file."""
    doc.set_field("org_name", "苏州澄远精密科技有限公司")
    doc.set_field("commitment_signed", True)
    doc.set_rows("honours", [{"name": "苏州市质量奖", "level": "市级", "year": "2024"}])
    doc.set_narrative("4.4.2", "| 指标 | 2025 |\n|---|---|\n| 培训时数 | 56 |\n\n😀 与 𬭚\n")
    doc.set_profile("B.2.1", "竞争环境")
    doc.set_score("4.4.2", Score(60, {"A": "a", "D": "d"}, "优势", "改进"))
    doc.set_declaration("no-major-accident", Declaration(True, "无事故", "证明"))
    doc.save()
    doc.put_indicator(
        Indicator("csi", "顾客满意度", "分", "higher", "4.7.3", {2024: 88.5, 2025: 90.1})
    )
    doc.add_attachment(
        b"%PDF-1.4 demo" * 50, "审计报告.pdf", links=(Link("checklist", "financial-statements"),)
    )


def new_document(path: Path) -> Document:
    return Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )


@pytest.fixture(scope="module")
def small_file(tmp_path_factory) -> Path:
    """A closed .qdesk file holding :func:`fill`'s content."""
    path = tmp_path_factory.mktemp("seed") / "small.qdesk"
    with new_document(path) as doc:
        fill(doc)
    return path
