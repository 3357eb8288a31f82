"""The demo application is complete, believable and ready for the 苏州市市长质量奖."""

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from qualitydesk.domain.textmetrics import count, markdown_text, narrative
from qualitydesk.domain.validators import check_uscc, region_code
from qualitydesk.store import interchange, readiness
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document


@pytest.fixture(scope="module")
def demo(tmp_path_factory, forms):
    path = tmp_path_factory.mktemp("demo") / "demo.qdesk"
    build_demo(path, forms).close()
    with Document.open(path) as doc:
        yield doc


def test_demo_is_ready_for_the_suzhou_mayor_award(demo, forms):
    result = readiness.check(demo, forms)
    assert [
        f"{f.rule.id}: {f.reason}"
        for f in result.eligibility
        if f.status.value not in ("pass", "declared")
    ] == []
    assert result.completeness == []
    assert all(c.ok for c in result.limits)
    assert result.ready


def test_every_application_form_field_is_filled_and_valid(demo, forms):
    fields = demo.fields()
    catalogue = forms.form.for_award(forms.award_for(demo.award_id))  # the organisation's form
    assert {f.id for f in catalogue.fields} == set(fields)
    uscc = check_uscc(str(fields["uscc"]))
    assert uscc.ok
    assert region_code(uscc.value).startswith("3205")
    assert len(demo.rows("financials")) >= 3
    assert demo.rows("certifications")
    assert demo.rows("honours")


def test_narratives_are_substantial_and_varied(demo, forms):
    fw = forms.framework(demo.framework_id)
    texts = [demo.narrative(item.id) for item in fw.items]
    assert all(texts)
    hanzi = sum(count(markdown_text(t)[0]).hanzi for t in texts)
    assert hanzi >= 30_000
    tables = sum(narrative(t).tables for t in texts)
    assert tables >= 8
    assert sum("\n- " in t or "\n1. " in t for t in texts) >= 8  # lists
    assert len(set(texts)) == len(texts)  # no item repeats another
    first_lines = {t.strip().splitlines()[0] for t in texts}
    assert len(first_lines) == len(texts)


def test_profile_fits_its_limit(demo, forms):
    fw = forms.framework(demo.framework_id)
    assert all(demo.profile(s.id) for s in fw.profile.sections)
    (profile,) = [c for c in readiness.check(demo, forms).limits if c.part == "profile"]
    assert 2000 < profile.count <= profile.limit == 3000


def test_scores_sit_around_the_600_line(demo, forms):
    card = readiness.scorecard(demo, forms)
    assert 580 <= card.total <= 640
    assert len(demo.scores()) == 23
    assert all(s.strengths and s.opportunities for s in demo.scores().values())


def test_indicators_have_years_and_comparisons(demo):
    indicators = demo.indicators()
    assert len(indicators) >= 12
    assert all(3 <= len(i.values) <= 5 for i in indicators)
    assert sum(i.benchmark is not None or i.competitor is not None for i in indicators) >= 10
    assert {i.item for i in indicators} == {"4.7.2", "4.7.3", "4.7.4", "4.7.5", "4.7.6", "4.7.7"}


def test_attachments_are_real_images_and_a_real_pdf(demo):
    attachments = demo.attachments()
    kinds = {a.media_type for a in attachments}
    assert kinds == {"image/png", "application/pdf"}
    for a in attachments:
        data = demo.attachment_data(a.id)
        if a.media_type == "image/png":
            with Image.open(io.BytesIO(data)) as image:
                assert image.size == (900, 640)
        else:
            reader = PdfReader(io.BytesIO(data))
            assert len(reader.pages) == 2
            assert "利润总额" in reader.pages[0].extract_text()


def test_demo_round_trips_through_json(demo, forms, tmp_path):
    first = interchange.dumps(demo)
    interchange.load(interchange.dump(demo), tmp_path / "copy.qdesk", forms)
    with Document.open(tmp_path / "copy.qdesk") as copy:
        assert interchange.dumps(copy) == first


def test_demo_for_another_programme(forms, tmp_path):
    with build_demo(tmp_path / "sip.qdesk", forms, "sip") as doc:
        assert doc.award_id == "sip"
        assert set(doc.declarations()) <= {r.id for r in forms.award("sip").rules}


def test_check_reports_a_wrong_table_cell(demo, forms, tmp_path):
    rows = demo.rows("certifications")
    rows[0] = rows[0] | {"valid_until": "2027-02-30"}
    with build_demo(tmp_path / "cell.qdesk", forms) as doc:
        doc.set_rows("certifications", rows)
        problems = [m.problem for m in readiness.check(doc, forms).completeness]
    assert any("管理体系认证第 1 行" in p and "不存在" in p for p in problems)
