"""Importing the examiners' 反馈报告 from Word and PDF: plan, stage scores, refusals, applying."""

from decimal import Decimal

import pytest
from docx import Document as new_word  # noqa: N813 (a factory function)

from qualitydesk.store.feedbackimport import FeedbackImportError, apply, read_feedback
from qualitydesk.store.records import Feedback
from tests.helpers.word_files import bold


@pytest.fixture
def framework(forms):
    return forms.framework("gbt19580-2012")


def feedback_docx(path):
    """A feedback report as an award office writes it: styled item headings, 优势 / 改进机会
    sub-headings (one styled, one bold, one inline), a stage score line and a closing remark.
    """
    word = new_word()
    word.add_paragraph("苏州某某有限公司质量奖评审反馈报告")
    word.add_paragraph("材料评审得分：612.5 分")
    word.add_paragraph("现场评审成绩为 640")
    word.add_heading("一、领导", level=1)
    word.add_heading("4.1.2 高层领导的作用（50分）", level=2)
    word.add_paragraph("本条款总体较好。")
    word.add_heading("优势", level=3)
    word.add_paragraph("1. 高层领导亲自主持战略研讨会。", style="List Number")
    word.add_paragraph("2. 建立了质量文化宣贯机制。")
    word.add_heading("改进机会", level=3)
    word.add_paragraph("未见对领导绩效的系统评价。")
    word.add_paragraph("未见对领导绩效的系统评价")  # a repeat, folded
    word.add_heading("4.1.3 组织治理", level=2)
    bold(word, "主要优势")
    word.add_paragraph("董事会、监事会运作规范。")
    word.add_paragraph("不足：内部审计发现问题的整改跟踪不足。")
    word.add_heading("总体评价", level=1)
    word.add_paragraph("希望企业持续改进。")
    word.save(path)
    return path


def test_a_word_report_is_cut_into_items_strengths_and_opportunities(tmp_path, framework):
    plan = read_feedback(feedback_docx(tmp_path / "反馈.docx"), framework)
    assert list(plan.items) == ["4.1.2", "4.1.3"]
    leader = plan.items["4.1.2"]
    assert leader.heading == "4.1.2 高层领导的作用（50分）"
    assert leader.strengths == ["高层领导亲自主持战略研讨会。", "建立了质量文化宣贯机制。"]
    assert leader.opportunities == ["未见对领导绩效的系统评价。"]
    governance = plan.items["4.1.3"]
    assert governance.strengths == ["董事会、监事会运作规范。"]
    assert governance.opportunities == ["内部审计发现问题的整改跟踪不足。"]
    assert plan.stages == {"materials": Decimal("612.5"), "onsite": Decimal("640")}
    left_out = [(u.where, u.text) for u in plan.unmatched]
    assert ("标题之前", "苏州某某有限公司质量奖评审反馈报告") in left_out
    assert ("4.1.2 高层领导的作用（50分）", "本条款总体较好。") in left_out
    assert ("评分项之外", "希望企业持续改进。") in left_out
    assert not any("612.5" in text for _, text in left_out)


def test_applying_writes_every_item_at_once_and_not_the_stage_scores(tmp_path, framework, new_doc):
    doc = new_doc()
    doc.set_feedback("4.1.3", Feedback("旧的优势", "旧的改进机会"))
    doc.set_feedback("4.2.2", Feedback("", "不在报告中的条目保持不变"))
    plan = read_feedback(feedback_docx(tmp_path / "反馈.docx"), framework)
    assert plan.replaces(doc) == ["4.1.3"]
    assert apply(plan, doc) == ["4.1.2", "4.1.3"]
    doc.close()
    with type(doc).open(doc.path, read_only=True) as again:
        stored = again.feedback()
        assert stored["4.1.2"].strengths == "高层领导亲自主持战略研讨会。\n建立了质量文化宣贯机制。"
        assert stored["4.1.2"].source == "反馈.docx"
        assert stored["4.1.2"].entered_at
        assert stored["4.1.3"].opportunities == "内部审计发现问题的整改跟踪不足。"
        assert stored["4.2.2"].opportunities == "不在报告中的条目保持不变"
        assert again.stage_score("materials") is None


def feedback_pdf(path):
    """A feedback report printed to PDF: plain numbered lines, points wrapped over lines and
    over a page (with its page number between), a score line, a sentence naming a stage.
    """
    from reportlab.pdfgen.canvas import Canvas

    from qualitydesk.export.fonts import SERIF, fonts

    fonts()  # registers the bundled faces
    pages = [
        [
            "质量奖评审反馈报告",
            "材料评审得分：598.75；陈述答辩得分：610",
            "4.2 战略（90分）",
            "4.2.2 战略制定",
            "优势：",
            "1. 战略制定过程系统，考虑了",
            "内外部环境的变化。",
            "2. 设定了长短期目标，",
        ],
        [
            "并逐年滚动修订。",
            "改进空间：",
            "战略目标与关键绩效指标的对应关系不够清晰。",
            "4.2.3 战略部署",
            "【改进机会】资源配置与战略的联系不足。",
            "现场评审 3 天内未见部署落实的记录。",
        ],
    ]
    canvas = Canvas(str(path))
    for number, lines in enumerate(pages, 1):
        canvas.setFont(SERIF, 11)
        for n, line in enumerate(lines):
            canvas.drawString(72, 760 - 18 * n, line)
        canvas.drawString(280, 40, f"第 {number} 页")
        canvas.showPage()
    canvas.save()
    return path


def test_a_pdf_report_is_read_by_its_numbered_lines(tmp_path, framework):
    plan = read_feedback(feedback_pdf(tmp_path / "反馈.pdf"), framework)
    assert list(plan.items) == ["4.2.2", "4.2.3"]
    strategy = plan.items["4.2.2"]
    assert strategy.strengths == [
        "战略制定过程系统，考虑了内外部环境的变化。",
        "设定了长短期目标，并逐年滚动修订。",
    ]
    assert strategy.opportunities == ["战略目标与关键绩效指标的对应关系不够清晰。"]
    assert plan.items["4.2.3"].opportunities == [
        "资源配置与战略的联系不足。",
        "现场评审 3 天内未见部署落实的记录。",  # names a stage, states no score
    ]
    assert plan.stages == {"materials": Decimal("598.75"), "defence": Decimal("610")}
    assert [u.text for u in plan.unmatched] == ["质量奖评审反馈报告"]


def test_a_report_without_item_headings_is_refused(tmp_path, framework):
    word = new_word()
    word.add_paragraph("优势：管理规范。")
    word.add_paragraph("改进机会：加强创新。")
    word.save(tmp_path / "无标题.docx")
    with pytest.raises(FeedbackImportError, match="没有找到评分项标题"):
        read_feedback(tmp_path / "无标题.docx", framework)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("反馈.txt", "4.1.2 高层领导的作用\n优势：好".encode(), "不是 Word（.docx）或 PDF 文件"),
        ("反馈.pdf", b"%PDF-1.4\nnot really a pdf", "PDF"),
        ("空.docx", b"", "不是 Word（.docx）或 PDF 文件"),
    ],
)
def test_files_that_are_not_a_report_are_refused_with_a_reason(
    tmp_path, framework, name, data, reason
):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FeedbackImportError, match=reason) as refused:
        read_feedback(path, framework)
    assert str(path) in str(refused.value)


def test_a_sentence_that_starts_with_a_marker_word_is_text(tmp_path, framework):
    word = new_word()
    word.add_heading("4.1.2 高层领导的作用", level=2)
    word.add_paragraph("改进机会")
    word.add_paragraph("优势明显的方面未能持续。")
    word.save(tmp_path / "句子.docx")
    plan = read_feedback(tmp_path / "句子.docx", framework)
    assert plan.items["4.1.2"].opportunities == ["优势明显的方面未能持续。"]
    assert plan.items["4.1.2"].strengths == []


# --- the command line -----------------------------------------------------------------------


def run(capsys, *argv):
    from qualitydesk.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_previews_then_imports(tmp_path, new_doc, capsys):
    import json

    doc = new_doc()
    doc.close()
    report = feedback_docx(tmp_path / "反馈.docx")
    code, out, _ = run(capsys, "feedback", "import", str(doc.path), str(report), "--dry-run")
    assert code == 0
    assert "4.1.2 高层领导的作用（50分）" in out
    assert "材料评审 612.5" in out
    assert "试运行" in out
    code, out, _ = run(capsys, "feedback", "import", str(doc.path), str(report), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["written"] == ["4.1.2", "4.1.3"]
    assert data["stages"] == {"materials": "612.5", "onsite": "640"}
    with type(doc).open(doc.path, read_only=True) as again:
        assert list(again.feedback()) == ["4.1.2", "4.1.3"]


def test_the_command_line_refuses_a_report_and_changes_nothing(tmp_path, new_doc, capsys):
    doc = new_doc()
    doc.close()
    before = doc.path.read_bytes()
    bad = tmp_path / "反馈.xlsx"
    bad.write_bytes(b"PK\x03\x04 not a report")
    code, out, err = run(capsys, "feedback", "import", str(doc.path), str(bad))
    assert code == 2
    assert out == ""
    assert err.startswith(f"qualitydesk: {bad}：")
    assert err.count("\n") == 1  # one line, no traceback
    assert doc.path.read_bytes() == before
