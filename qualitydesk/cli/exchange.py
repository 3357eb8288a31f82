"""``dump`` and ``load`` (the lossless JSON), and ``import-docx`` (a Word file into the items)."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence

from qualitydesk.cli.common import EXIT_OK, UsageError, open_read_only
from qualitydesk.domain.forms import load_forms
from qualitydesk.store import safewrite
from qualitydesk.store.document import Document


def dump_command(args: argparse.Namespace) -> int:
    """``dump``: the whole application as JSON (lossless)."""
    from qualitydesk.store import interchange  # the JSON schema loads only for dump and load

    out = safewrite.check_target(args.output, source=args.file, force=args.force)
    with open_read_only(args.file) as doc:
        text = interchange.dumps(doc)
    safewrite.write_text(out, text, force=args.force)
    return EXIT_OK


def load_command(args: argparse.Namespace) -> int:
    """``load``: a new application file from a JSON dump, checked first."""
    from qualitydesk.store import interchange

    forms = load_forms()
    # The target first: a wrong one is said before a large file is read and checked.
    safewrite.check_target(args.file, source=args.json_file, force=args.force, document=True)
    data = interchange.read_json(args.json_file)
    interchange.load(data, args.file, forms, source=args.json_file, force=args.force)
    print(f"已由 {args.json_file} 生成 {args.file}")
    return EXIT_OK


def import_docx_command(args: argparse.Namespace) -> int:
    """``import-docx``: a Word file's sections into the items, by their headings."""
    from qualitydesk.store import wordimport  # python-docx loads only for Word

    forms = load_forms()
    with Document.open(args.file, read_only=args.dry_run) as doc:
        if doc.read_only and not args.dry_run:
            raise UsageError(f"{args.file}：{doc.read_only_reason}，不能导入")
        framework = forms.framework_for(forms.award_for(doc.award_id, doc.applicant))
        plan = wordimport.read_plan(args.docx, framework)
        plan.choose_modes(doc, args.mode)
        for line in plan.warnings(doc):
            print(f"注意：{line}")
        rows = wordimport.plan_rows(plan, doc, framework)
        for line in _table(("Word 标题", "评分项", "字数", "图片", "处理"), rows):
            print(line)
        for line in plan.ignored:
            print(f"未导入：{line}")
        for line in plan.notes:
            print(f"注意：{line}")
        if args.dry_run:
            if plan.marker_target:  # a colleague's edited section: show what changes
                for line in wordimport.diff_lines(plan, doc, plan.marker_target):
                    print(line)
            print("试运行：未写入申报文件")
            return EXIT_OK
        result = wordimport.apply(plan, doc)
    for line in result.problems:
        print(f"注意：{line}")
    print(
        f"已导入 {len(result.written)} 项（跳过 {len(result.skipped)} 项），"
        f"图片 {result.placed} 张放入正文、新增附件 {result.attachments} 个；"
        "可在“历史版本”中逐项恢复"
    )
    return EXIT_OK


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows in columns aligned by display width (a Chinese character is two columns)."""

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    table = [header, *rows]
    widths = [max(width(r[i]) for r in table) for i in range(len(header))]
    return [
        "  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in table
    ]
