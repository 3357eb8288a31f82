"""``export``: the printable PDF (the package or the internal report), or the Word copy."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualitydesk.cli.common import EXIT_OK, UsageError, open_read_only
from qualitydesk.domain import numbers
from qualitydesk.domain.forms import load_forms

if TYPE_CHECKING:
    from qualitydesk.domain.forms import Forms
    from qualitydesk.store.document import Document
    from qualitydesk.store.yearly import YearOverYear


def export_command(args: argparse.Namespace) -> int:
    """``export``: the PDF (package or internal report), or the Word copy for ``.docx``."""
    from qualitydesk.export.pdf import export_pdf  # reportlab loads only for export

    if Path(args.output).suffix.lower() == ".docx":
        return _export_docx(args)
    if args.item or args.category:
        raise UsageError("--item 和 --category 只用于导出 Word 副本（-o 以 .docx 结尾）")
    if args.compare and args.kind != "internal":
        raise UsageError("--compare 只用于内部自评报告（--kind internal）")
    result = _exported(
        args,
        lambda doc, forms: export_pdf(
            doc,
            forms,
            Path(args.output),
            kind=args.kind,
            double_sided=args.double_sided,
            layout=args.layout,
            force=args.force,
            previous=_previous(args, doc, forms),
        ),
    )
    size = numbers.file_size(result.size)
    print(f"已导出 {result.path}（{numbers.integer(result.pages)} 页，{size}）")
    for note in result.notes:  # attachments: active content removed, or unreadable
        print(f"注意：{note}")
    if result.missing:
        print(
            f"注意：{numbers.integer(result.missing)} 个字符在内置字体和本机字体中都没有，"
            f"已印为“〓”（qualitydesk check 列出位置）"
        )
    return EXIT_OK


def _previous(args: argparse.Namespace, doc: Document, forms: Forms) -> YearOverYear | None:
    """The comparison with ``--compare OLD.qdesk`` (None without it)."""
    from qualitydesk.store.yearly import year_over_year

    return year_over_year(args.compare, doc, forms) if args.compare else None


def _export_docx(args: argparse.Namespace) -> int:
    from qualitydesk.export.docx import export_docx  # python-docx only for Word

    if args.kind != "package":
        raise UsageError("Word 副本只有申报材料一种；内部自评报告请导出为 PDF")
    if args.layout:
        raise UsageError("--layout 只用于 PDF；Word 副本的版式在 Word 中调整")
    if args.compare:
        raise UsageError("--compare 只用于内部自评报告（PDF）")
    result = _exported(
        args,
        lambda doc, forms: export_docx(
            doc,
            forms,
            Path(args.output),
            item=args.item,
            category=args.category,
            double_sided=args.double_sided,
            force=args.force,
        ),
    )
    what = result.scope.title or "申报材料"
    print(f"已导出 Word 副本 {result.path}（{what}，{numbers.file_size(result.size)}）")
    for note in result.notes:
        print(f"注意：{note}")
    return EXIT_OK


def _exported(args: argparse.Namespace, write: Any) -> Any:
    """``write(doc, forms)`` on a read-only snapshot of ``args.file``; a failure is one line."""
    from qualitydesk.export.pdf import ExportError  # the PDF and the Word copy share it

    forms = load_forms()
    with open_read_only(args.file) as doc:
        try:
            return write(doc, forms)
        except ExportError as exc:
            raise UsageError(str(exc)) from None
