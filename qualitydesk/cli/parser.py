"""The command line's grammar: every subcommand with its arguments and help (in Chinese)."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from qualitydesk.cli.common import REPLACE_DOCUMENT, REPLACE_OUTPUT, UsageError
from qualitydesk.cli.dispatch import COMMANDS
from qualitydesk.domain.validators import VALIDATORS
from qualitydesk.store.demo import DEMO, demo_names


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are :class:`UsageError` (one line, exit 2), not exit()."""

    def error(self, message: str) -> NoReturn:
        """Raise the parser's complaint as a :class:`UsageError` naming ``--help``."""
        raise UsageError(f"{message}（{self.prog} --help 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand (docs/guide.*.md lists the same, tests/test_docs.py)."""
    parser = Parser(
        prog="qualitydesk",
        description="质量奖申报助手 QualityDesk。不带子命令时启动桌面程序。",
    )
    sub = parser.add_subparsers(
        dest="command", required=True, parser_class=Parser, metavar="|".join(COMMANDS)
    )

    forms = sub.add_parser("forms", help="奖项与评价准则数据（forms/）")
    forms_sub = forms.add_subparsers(dest="forms_command", required=True, metavar="list|check|show")
    listing = forms_sub.add_parser("list", help="列出评价准则和奖项")
    listing.add_argument("--json", action="store_true")
    forms_sub.add_parser("check", help="检查 forms/ 中的全部文件")
    show = forms_sub.add_parser("show", help="显示一个评价准则或奖项")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")

    validator = sub.add_parser("validate", help="校验一个值（统一社会信用代码、电话……）")
    validator.add_argument("kind", choices=sorted(VALIDATORS))
    validator.add_argument("value")

    score = sub.add_parser("score", help="计算自评分：申报文件的，或按给出的百分比")
    score.add_argument("file", nargs="?", help="申报文件（.qdesk）")
    score.add_argument("--framework", help="评价准则编号，如 gbt19580-2012（不给申报文件时）")
    score.add_argument(
        "--pct",
        action="append",
        default=[],
        metavar="ITEM=PCT",
        help="评分项得分百分比，如 4.1.2=65；未给出的评分项按 0 计",
    )
    score.add_argument(
        "--award",
        action="append",
        default=[],
        metavar="ID",
        help="对照该奖项的分数线（可多次给出）",
    )
    score.add_argument("--json", action="store_true")

    new = sub.add_parser("new", help="新建申报文件")
    new.add_argument("file")
    new.add_argument("--award", help="奖项编号，如 suzhou-mayor（用 --from 时不需要）")
    new.add_argument("--org", default="", help="组织名称")
    _add_year_options(new)
    new.add_argument("--force", action="store_true", help=REPLACE_DOCUMENT)

    demo = sub.add_parser("demo", help="生成示例申报文件")
    demo.add_argument("file")
    demo.add_argument("--award", help="奖项编号（默认：示例自己的奖项）")
    which = demo.add_argument(
        "--demo", default=DEMO, choices=demo_names(), help="哪一份示例：%(described)s"
    )
    which.described = _DemoList()  # type: ignore[attr-defined]  # argparse fills %(described)s
    demo.add_argument("--force", action="store_true", help=REPLACE_DOCUMENT)

    check = sub.add_parser("check", help="申报资格、完整性与字数检查；就绪返回 0，有问题返回 1")
    check.add_argument("file")
    check.add_argument("--json", action="store_true")

    _add_compare(sub)

    history = sub.add_parser("history", help="修改历史")
    history.add_argument("file")
    history.add_argument("--json", action="store_true")

    dump = sub.add_parser("dump", help="导出为 JSON（无损）")
    dump.add_argument("file")
    dump.add_argument("-o", "--output", required=True, help="JSON 文件")
    dump.add_argument("--force", action="store_true", help=REPLACE_OUTPUT)

    load = sub.add_parser("load", help="由 JSON 生成新的申报文件")
    load.add_argument("json_file")
    load.add_argument("file")
    load.add_argument("--force", action="store_true", help=REPLACE_DOCUMENT)

    for add in (_add_export, _add_import_docx, _add_team, _add_improvement):
        add(sub)
    return parser


def _add_export(sub: Any) -> None:
    """``export``: the PDF (package or internal report), or the Word copy (.docx)."""
    export = sub.add_parser(
        "export", help="导出可打印的 PDF（申报材料或内部自评报告），或可编辑的 Word 副本（.docx）"
    )
    export.add_argument("file")
    export.add_argument(
        "-o", "--output", required=True, help="PDF 文件；以 .docx 结尾时导出 Word 副本"
    )
    export.add_argument(
        "--kind",
        choices=("package", "internal"),
        default="package",
        help="package：申报材料（默认）；internal：内部自评报告",
    )
    export.add_argument("--double-sided", action="store_true", help="双面打印：装订边左右交替")
    export.add_argument(
        "--layout",
        metavar="版式",
        help="PDF 的版式：标准（standard，默认：固定 28 磅行距，页边距 25–30 mm）或紧凑"
        "（compact：每页多排约四到五成文字）；见 forms/layouts.toml",
    )
    export.add_argument("--force", action="store_true", help=REPLACE_OUTPUT)
    export.add_argument(
        "--compare", metavar="OLD.qdesk", help="内部自评报告增加“与往年对比”：与往年的申报文件对比"
    )
    section = export.add_mutually_exclusive_group()
    section.add_argument("--item", metavar="ID", help="Word 副本只含一个评分项，如 4.1.2")
    section.add_argument("--category", metavar="ID", help="Word 副本只含一个类目，如 4.1")


def _add_year_options(new: argparse.ArgumentParser) -> None:
    new.add_argument("--year", type=int, help="申报年度（默认今年；用 --from 时默认往年的下一年）")
    new.add_argument("--from", dest="source", metavar="OLD.qdesk", help="以往年申报文件为基础新建")


def _add_import_docx(sub: Any) -> None:
    word = sub.add_parser("import-docx", help="把 Word 申报材料按标题导入各评分项")
    word.add_argument("file", help="申报文件（.qdesk）")
    word.add_argument("docx", help="Word 文件（.docx；.doc、.wps 需要 LibreOffice）")
    word.add_argument(
        "--mode",
        choices=("replace", "append", "skip"),
        help="已有内容的评分项：replace 替换、append 追加到后面、skip 跳过（默认跳过；"
        "从本程序导出的单项 Word 文件默认替换回原评分项）",
    )
    word.add_argument("--dry-run", action="store_true", help="只显示导入计划，不写入")


class _DemoList:
    """The demos with their programme and applicant, read from the data (the demo's
    application.toml, the programme's name in forms/) only when the help is shown.
    """

    def __str__(self) -> str:
        import tomllib

        from qualitydesk.domain.forms import applicant_name, load_forms
        from qualitydesk.store.demo import DEMO_AWARD, demo_root

        forms = load_forms()
        shown = []
        for name in demo_names():
            text = demo_root(name).joinpath("application.toml").read_text(encoding="utf-8")
            data = tomllib.loads(text)
            award = forms.awards.get(str(data.get("award", DEMO_AWARD)))
            whom = applicant_name(str(data.get("applicant", "organisation")))
            shown.append(f"{name}（{award.name if award else data.get('award')}，{whom}）")
        return "、".join(shown)


def _add_compare(sub: Any) -> None:
    """``compare OLD NEW [--json]``: two years of an application item by item."""
    compare = sub.add_parser("compare", help="两个年度的申报逐项对比：自评分、文字改动、共同指标")
    compare.add_argument("old", help="较早年度的申报文件")
    compare.add_argument("new", help="较晚年度的申报文件")
    compare.add_argument("--json", action="store_true")


def _add_team(sub: Any) -> None:
    """``team hand-out|collect|status|agree``: the self-assessment team."""
    team = sub.add_parser("team", help="自评小组：分发评分表、汇总评分、查看分歧、记录共识评分")
    verbs = team.add_subparsers(
        dest="team_command", required=True, metavar="hand-out|collect|status|agree"
    )
    hand_out = verbs.add_parser("hand-out", help="为每位评分人写出评分文件和 Excel 评分表")
    hand_out.add_argument("file", help="申报文件（.qdesk）")
    hand_out.add_argument(
        "--assessor", action="append", required=True, metavar="姓名", help="评分人（可多次给出）"
    )
    hand_out.add_argument("-o", "--output", required=True, metavar="FOLDER", help="写入的文件夹")
    hand_out.add_argument("--force", action="store_true", help=REPLACE_OUTPUT)
    collect = verbs.add_parser("collect", help="汇总交回的评分文件或填好的 Excel 评分表")
    collect.add_argument("file", help="申报文件（.qdesk）")
    collect.add_argument("returned", nargs="+", help="交回的 .qdesk-score 或 .xlsx 文件")
    collect.add_argument("--replace", action="store_true", help="评分人已交回过时，用新文件替换")
    status = verbs.add_parser("status", help="每个评分项各评分人的评分、平均、中位与分歧")
    status.add_argument("file", help="申报文件（.qdesk）")
    status.add_argument("--spread", type=int, metavar="N", help="分歧达到 N 个百分点即需讨论")
    status.add_argument("--json", action="store_true")
    agree = verbs.add_parser("agree", help="记录一个评分项的共识评分（作为自评分，留有历史）")
    agree.add_argument("file", help="申报文件（.qdesk）")
    agree.add_argument("item", help="评分项，如 4.1.2")
    agree.add_argument("pct", type=int, help="共识评分百分比，如 55")
    agree.add_argument("--note", default="", help="共识说明")


def _add_improvement(sub: Any) -> None:
    """``feedback import FILE REPORT``: the examiners' 反馈报告; ``actions FILE``: the plan."""
    feedback = sub.add_parser(
        "feedback", help="评审反馈：从 Word 或 PDF 反馈报告导入各评分项的优势和改进机会"
    )
    feedback_sub = feedback.add_subparsers(dest="feedback_command", required=True, metavar="import")
    report = feedback_sub.add_parser("import", help="按评分项标题导入评审反馈报告")
    report.add_argument("file", help="申报文件（.qdesk）")
    report.add_argument("report", help="评审反馈报告（.docx 或 .pdf）")
    report.add_argument("--dry-run", action="store_true", help="只显示导入计划，不写入")
    report.add_argument("--json", action="store_true")
    actions = sub.add_parser("actions", help="改进计划：列出改进措施，或导出为 Excel")
    actions.add_argument("file", help="申报文件（.qdesk）")
    actions.add_argument("--json", action="store_true")
    actions.add_argument("--xlsx", metavar="OUT.xlsx", help="把改进计划导出为 Excel 工作簿")
    actions.add_argument("--force", action="store_true", help=REPLACE_OUTPUT)
