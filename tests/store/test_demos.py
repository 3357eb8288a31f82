"""A demo per programme family, each passing its own eligibility check and exporting."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from qualitydesk.export.pdf import export_pdf
from qualitydesk.store import readiness
from qualitydesk.store.demo import build_demo, demo_names


def test_every_programme_family_has_a_demo():
    assert {"demo", "demo-china", "demo-person"} <= set(demo_names())


@pytest.mark.parametrize("name", ["demo", "demo-china", "demo-person"])
def test_each_demo_is_ready_to_submit(name, forms, tmp_path):
    with build_demo(tmp_path / f"{name}.qdesk", forms, demo=name) as doc:
        result = readiness.check(doc, forms)
    assert [f for f in result.eligibility if f.status.value not in ("pass", "declared")] == []
    assert result.completeness == []
    assert result.ready


def _pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.slow
def test_the_china_quality_package_presents_the_quality_model(forms, tmp_path):
    with build_demo(tmp_path / "china.qdesk", forms, demo="demo-china") as doc:
        assert doc.applicant == "organisation"
        export_pdf(doc, forms, tmp_path / "china.pdf")
    text = _pdf_text(tmp_path / "china.pdf")
    for heading in ("质量管理模式介绍", "M.2 模式的内涵", "M.6 推广价值与推广情况", "申报主体类型"):
        assert heading in text
    assert "1000" not in text
    assert "分数线" not in text
    assert "附录：GB/T 19580 自评" not in text  # the optional appendix left empty stays out


def test_the_person_s_package_has_the_person_s_parts(forms, tmp_path):
    with build_demo(tmp_path / "person.qdesk", forms, demo="demo-person") as doc:
        assert doc.applicant == "individual"
        export_pdf(doc, forms, tmp_path / "person.pdf")
    text = _pdf_text(tmp_path / "person.pdf")
    for words in ("个人事迹材料", "韩立诚", "从事质量工作年限", "本人自愿申报"):
        assert words in text
    assert "组织概述" not in text
    assert "统一社会信用代码" not in text
    cover = PdfReader(tmp_path / "person.pdf").pages[0].extract_text()
    # The person is his own contact: one 联系电话 (his mobile), the 推荐单位 kept.
    assert cover.count("联系电话") == 1, cover
    assert "推荐单位" in cover
    assert "13861120347" in cover
