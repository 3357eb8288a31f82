"""Adding a programme is a TOML file: it loads, is listed, its clauses are evaluated, and the
cover of its package prints its own seal boxes and copies note.
"""

import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from qualitydesk.domain.eligibility import Application, Status, evaluate_all
from qualitydesk.domain.forms import load_forms
from qualitydesk.export.pdf import export_pdf
from qualitydesk.store.document import Document
from tests.conftest import REPO_FORMS

NEW_PROGRAMME = """
id = "test-county"
name = "测试县县长质量奖"
name_en = "Test County Quality Award"
level = "县级市"
order = 75
issuer = "测试县人民政府"
document = "测试县县长质量奖管理办法"
framework = "gbt19580-2012"
scored = true
cycle = "每年"
categories = ["工业"]
source = "测试"
check_notice = true
tiers = []
attachments = []

[[facts]]
text = "每年评选一次。"
source = "测试办法"

[[rules]]
id = "years"
citation = "测试条款"
text = "成立满3年。"
kind = "years_since"
params = { field = "established_on", years = 3 }

[[rules]]
id = "no-loss"
citation = "测试条款"
text = "近3年未亏损。"
kind = "no_loss"
params = { years = 3 }

[[parts]]
id = "form"
name = "测试县县长质量奖申请表"
counts_figures = false
limit_editable = false

[[parts]]
id = "profile"
name = "组织概述"
limit = 3000
limit_source = "参考值 — 按当年申报通知核对"
counts_figures = false
limit_editable = true

[cover]
copies = "一式两份"
source = "测试办法"

[[cover.seals]]
label = "申报单位盖章"

[[cover.seals]]
label = "县质监局盖章"
"""


@pytest.fixture
def with_programme(tmp_path, monkeypatch) -> Path:
    """A copy of forms/ with one more programme, which QUALITYDESK_FORMS points at."""
    root = tmp_path / "forms"
    shutil.copytree(REPO_FORMS, root)
    (root / "awards" / "test-county.toml").write_text(NEW_PROGRAMME, encoding="utf-8")
    monkeypatch.setenv("QUALITYDESK_FORMS", str(root))
    return root


def test_a_new_programme_loads_and_is_listed(with_programme, capsys):
    from qualitydesk.cli import main

    forms = load_forms(with_programme)
    award = forms.award("test-county")
    assert [p.id for p in award.parts] == ["form", "profile"]
    assert list(forms.awards).index("test-county") == list(forms.awards).index("nantong-city") + 1
    assert main(["forms", "list"]) == 0
    assert "测试县县长质量奖" in capsys.readouterr().out


def test_a_new_programmes_clauses_are_evaluated(with_programme):
    award = load_forms(with_programme).award("test-county")
    app = Application(
        date(2026, 5, 1),
        fields={"established_on": "2020-01-01"},
        tables={
            "financials": [
                {"year": y, "profit_total": -5 if y == 2024 else 10} for y in (2023, 2024, 2025)
            ]
        },
    )
    found = {f.rule.id: f.status for f in evaluate_all(award, app)}
    assert found == {"years": Status.PASS, "no-loss": Status.FAIL}


def test_a_new_programmes_cover_prints_its_own_seals(with_programme, tmp_path):
    forms = load_forms(with_programme)
    path = tmp_path / "new.qdesk"
    doc = Document.create(
        path,
        award="test-county",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 1),
        org_name="测试有限公司",
    )
    with doc:
        result = export_pdf(doc, forms, tmp_path / "new.pdf")
    cover = PdfReader(result.path).pages[0].extract_text()
    assert "申报单位盖章" in cover
    assert "县质监局盖章" in cover
    assert "一式两份" in cover
    assert "推荐单位盖章" not in cover
    assert "一式三份" not in cover


def test_a_programme_whose_rules_give_no_cover_prints_no_seals(with_programme, tmp_path):
    file = with_programme / "awards" / "test-county.toml"
    file.write_text(NEW_PROGRAMME.split("[cover]", maxsplit=1)[0], encoding="utf-8")
    forms = load_forms(with_programme)
    assert forms.award("test-county").seals == ()
    doc = Document.create(
        tmp_path / "bare.qdesk",
        award="test-county",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 1),
    )
    with doc:
        result = export_pdf(doc, forms, tmp_path / "bare.pdf")
    cover = PdfReader(result.path).pages[0].extract_text()
    assert "测试县县长质量奖" in cover
    for seal in ("申报单位盖章", "申报组织盖章", "推荐单位盖章", "一式"):
        assert seal not in cover
