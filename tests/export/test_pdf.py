"""The demo application exported as the package and as the internal report, read back with pypdf
(text, outline, fonts) and pypdfium2 (the lines): content, order, outline, 目录, fonts, line
breaking, attachments.
"""

from __future__ import annotations

import io
import itertools
import re

import pytest
from pypdf import PdfReader

from qualitydesk.domain.charts import trend_chart
from qualitydesk.export.book import format_value
from qualitydesk.export.graphics import number
from qualitydesk.export.layout import roman
from qualitydesk.export.text import NO_END, NO_START
from qualitydesk.store import readiness
from tests.helpers.pdfcheck import (
    FOOTER,
    body_text,
    fonts_without_file,
    layout_lines,
    markdown_blocks,
    outline,
    page_texts,
    squeeze,
    toc_numbers,
)


@pytest.fixture(scope="module")
def package(package_pdf):
    reader = PdfReader(package_pdf)
    texts = page_texts(reader)
    return reader, texts, body_text(reader, texts)


@pytest.fixture(scope="module")
def internal(internal_pdf):
    reader = PdfReader(internal_pdf)
    texts = page_texts(reader)
    return reader, texts, body_text(reader, texts)


def _titles(reader):
    return [e.title for e in outline(reader)]


# --- size, metadata, fonts ----------------------------------------------------------------------


def test_package_is_a4_small_and_complete(package, package_pdf):
    reader, _, _ = package
    assert package_pdf.stat().st_size < 5 * 1024 * 1024
    assert len(reader.pages) > 60
    for page in reader.pages:
        assert round(float(page.mediabox.width)) == 595
        assert round(float(page.mediabox.height)) == 842


def test_metadata_names_the_application(package, demo):
    meta = package[0].metadata
    assert meta.title == "2026年度苏州市市长质量奖申报材料"
    assert meta.author == demo.field("org_name")
    assert meta.subject == "苏州市市长质量奖（2026年度）申报材料"  # the programme and its year
    assert meta.creator.startswith("质量奖申报助手 QualityDesk")
    assert meta.creation_date is not None


def test_every_font_is_embedded(package, internal):
    for reader, _, _ in (package, internal):
        assert fonts_without_file(reader) == []


# --- order, outline, 目录, page numbers ----------------------------------------------------------


def test_parts_come_in_the_programmes_order(package, demo, forms):
    entries = [e for e in outline(package[0]) if e.level == 0]
    award = forms.award(demo.award_id)
    expected = ["封面", "目录"] + [p.name for p in award.parts]
    assert [e.title for e in entries] == expected
    pages = [e.page for e in entries]
    assert pages == sorted(pages)
    assert pages[0] == 1


def test_outline_has_every_part_item_and_attachment(package, demo, forms):
    titles = _titles(package[0])
    fw = forms.framework(demo.framework_id)
    for category in fw.categories:
        assert f"{category.id} {category.name}" in titles
    for item in fw.items:
        assert f"{item.id} {item.name}" in titles
    for section in fw.profile.sections:
        assert f"{section.id} {section.name}" in titles
    attachments = [t for t in titles if t.startswith("附件")]
    assert len(attachments) == len(demo.attachments())


def test_contents_page_numbers_are_the_real_pages(package):
    reader, texts, _ = package
    entries = outline(reader)
    pages = {e.title: e.page for e in entries}
    contents = next(e.page for e in entries if e.title == "目录")
    first_part = min(e.page for e in entries if e.level == 0 and e.page > contents)
    listed: dict[str, int] = {}
    for text in texts[contents - 1 : first_part - 1]:
        listed |= toc_numbers(text)
    assert len(listed) >= 40
    labels = reader.page_labels  # the printed numbers: the first part is page 1
    assert labels[first_part - 1] == "1"
    assert {title: int(labels[pages[title] - 1]) for title in listed} == listed


def test_every_page_but_the_cover_has_header_and_footer(package, demo):
    reader, texts, _ = package
    entries = [e for e in outline(reader) if e.level == 0]
    contents = next(e.page for e in entries if e.title == "目录")
    first_part = min(e.page for e in entries if e.page > contents)
    total = len(reader.pages) - first_part + 1  # 共 M 页 counts the body's pages
    for n, text in enumerate(texts[contents - 1 : first_part - 1], contents):
        assert roman(n) in text.split("\n"), n  # the 目录: i, ii … counting the cover
        assert not FOOTER.search(text)
    for n, text in enumerate(texts[first_part - 1 :], 1):
        assert FOOTER.search(text).groups() == (str(n), str(total)), n
        assert demo.field("org_name") in text
    assert not any(FOOTER.search(text) for text in texts[: contents - 1])


# --- content, exact --------------------------------------------------------------------------


def test_narratives_and_profile_are_printed_exactly(package, demo, forms):
    text = package[2]
    fw = forms.framework(demo.framework_id)
    sources = [demo.narrative(i.id) for i in fw.items]
    sources += [demo.profile(s.id) for s in fw.profile.sections]
    blocks = [b for source in sources for b in markdown_blocks(source)]
    assert len(blocks) > 1000
    assert [b for b in blocks if squeeze(b) not in text] == []


def test_items_are_headed_by_clause_and_tables_numbered(package, forms, demo):
    text = package[2]
    for item in forms.framework(demo.framework_id).items:
        assert squeeze(f"{item.id} {item.name}") in text
    assert "表4.2.2-1" in text
    assert "表4.7.4-1" in text


def test_application_form_values_and_tables(package, demo, forms):
    text = package[2]
    for spec in forms.form.fields:
        value = format_value(spec, demo.field(spec.id))
        assert squeeze(value) in text, spec.id
    for row in demo.rows("certifications"):
        assert squeeze(str(row["number"])) in text
        assert squeeze(str(row["body"])) in text
    for row in demo.rows("honours"):
        assert squeeze(str(row["name"])) in text
    financials = sorted(demo.rows("financials"), key=lambda r: r["year"])[-3:]
    for row in financials:
        assert f"{row['year']}年" in text
        assert f"{float(row['revenue']):,.2f}" in text


def test_commitment_lists_every_clause_with_status_and_declarations(package, demo, forms):
    # a tall row divides at a page foot: its text goes on under the 续 heading and the header
    text = package[2].replace("申报资格自查（续）序号条款申报条件自查结果依据与说明", "")
    for finding in readiness.check(demo, forms).eligibility:
        assert squeeze(finding.rule.text) in text
        assert squeeze(finding.reason) in text
    for declaration in demo.declarations().values():
        assert squeeze(declaration.statement) in text
    assert "法定代表人" in text
    assert "申报组织（盖章）" in text


def test_indicators_have_tables_and_numbered_charts(package, demo):
    text = package[2]
    for indicator in demo.indicators():
        assert squeeze(indicator.name) in text
        for value in indicator.values.values():
            assert number(value) in text
    assert "图4.7.2-1" in text
    assert "图4.7.7-1" in text
    assert trend_chart(demo.indicators()[0]).axis.ticks  # charts come from the domain spec


def test_evidence_list_and_recommendation(package, demo):
    text = package[2]
    for attachment in demo.attachments():
        assert squeeze(attachment.caption) in text
        assert attachment.file_name in text
    assert squeeze(str(demo.field("recommender_opinion"))) in text


# --- attachments merged --------------------------------------------------------------------


def test_pdf_attachments_are_merged_page_by_page(package, demo):
    reader, texts, _ = package
    pdfs = [a for a in demo.attachments() if a.media_type == "application/pdf"]
    assert [a.file_name for a in pdfs] == ["financial-statements.pdf"]
    entries = outline(reader)
    for attachment in pdfs:
        source = PdfReader(io.BytesIO(demo.attachment_data(attachment.id)))
        entry = next(e for e in entries if e.title.endswith(attachment.caption))
        number, count = entry.title.split("\u3000")[0], len(source.pages)  # 附件4, its pages
        for i, page in enumerate(source.pages):
            stamp = (
                f"{entry.title}文件：{attachment.file_name}（共{count}页）"
                if i == 0
                else f"{number}（续）第{i + 1}页，共{count}页"
            )
            # under the running header and footer: the stamp, then the page's own text, whole
            printed = squeeze(texts[entry.page - 1 + i])
            assert printed.endswith(squeeze(stamp + page.extract_text()))


def test_page_count_includes_the_attachment_pages(package, demo):
    reader, _, _ = package
    entries = [e for e in outline(reader) if e.title.startswith("附件")]
    spans = [b.page - a.page for a, b in itertools.pairwise(entries)]
    pdfs = [a for a in demo.attachments() if a.media_type == "application/pdf"]
    pages = sum(len(PdfReader(io.BytesIO(demo.attachment_data(a.id))).pages) for a in pdfs)
    # one page per image attachment, as many as it has for each PDF
    assert sum(spans) + 1 == len(entries) - len(pdfs) + pages


# --- line breaking ----------------------------------------------------------------------------


def test_no_line_starts_or_ends_with_forbidden_punctuation(package, package_pdf, demo):
    lines = layout_lines(package_pdf)
    # every page is read: from the cover's first line to the last page's last
    assert lines[0] == "2026 年度苏州市市长质量奖"
    assert squeeze(lines[-1]) == squeeze(package[1][-1].splitlines()[-1])
    units = tuple(i.unit for i in demo.indicators())  # a cell "%↑" starts with its unit
    checked = [
        line
        for line in lines
        if line != "—"  # an empty value in a table cell
        and not set(line) <= set(" .0123456789")  # dot leaders of the 目录
        and not line.startswith(units)
    ]
    bad = [line for line in checked if line[0] in NO_START or line[-1] in NO_END]
    assert bad == []


def test_latin_words_and_numbers_stay_whole(package_pdf, demo):
    printed = "\n".join(squeeze(line) for line in layout_lines(package_pdf))
    source = "\n".join(demo.narratives().values())
    tokens = set(re.findall(r"[0-9A-Za-z]+(?:[.,:/-][0-9A-Za-z]+)+%?|[0-9]{3,}%?", source))
    tokens |= {squeeze(t) for t in re.findall(r"\b(?:ISO|IATF|GB/T) [0-9]+", source)}
    assert len(tokens) > 300
    assert sorted(t for t in tokens if t not in printed) == []


# --- the internal report ----------------------------------------------------------------------


def test_internal_report_is_marked_on_every_page(internal):
    _, texts, _ = internal
    printed = [text for text in texts if text.strip()]  # blank back pages print nothing at all
    assert len(printed) < len(texts)
    assert all("内部资料" in text for text in printed)


def test_internal_report_has_scores_lines_strengths_and_gaps(internal, demo, forms):
    reader, _, text = internal
    card = readiness.scorecard(demo, forms)
    assert f"自评总分{number(card.total)}分" in text
    assert "市长质量奖" in text
    assert "不低于600分" in text
    for category in card.categories:
        assert squeeze(f"{category.category.id} {category.category.name}") in text
    for score in demo.scores().values():
        assert squeeze(score.strengths) in text
        assert squeeze(score.opportunities) in text
    assert "提分空间" in text
    assert "图1" in text
    titles = _titles(reader)
    assert "一、评分汇总" in titles
    assert "三、提分空间（差距清单）" in titles


def test_double_sided_parts_start_on_odd_pages(internal):
    reader, _, _ = internal
    for entry in outline(reader):
        if entry.level == 0 and entry.title != "封面":
            assert entry.page % 2 == 1, entry
