"""The yearly 申报通知 as a layer over the 办法: the user's values, the notice, then the rules."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from qualitydesk.domain import notices
from qualitydesk.domain.forms import REFERENCE, load_forms
from qualitydesk.domain.notices import NO_NOTICE, USER_SOURCE, Origin, UserNotice
from qualitydesk.store import readiness
from qualitydesk.store.document import Document

REPO_FORMS = Path(__file__).parents[2] / "forms"

NOTICE_2026 = """
year = 2026
title = "关于开展2026年度市长质量奖申报工作的通知（测试）"
issuer = "评定委员会办公室（测试）"
document_number = "测评〔2026〕1号"
date = 2026-03-02
source = "测试用的通知"
deadline = 2026-05-29
channel = "网上申报系统"

[[limits]]
part = "report"
limit = 40000

[[rules]]
id = "policy-compliance"
citation = "通知第二条"
text = "符合国家和本市产业、环保、质量政策（通知的写法）"
kind = "declaration"
params = {}

[[rules]]
id = "digital-transformation"
citation = "通知第三条"
text = "已开展数字化转型"
kind = "declaration"
params = {}

[[attachments]]
id = "digital-proof"
name = "数字化转型情况说明"
required = true
rules = ["digital-transformation"]

[[facts]]
text = "今年另设专项名额（测试）"
"""


@pytest.fixture(scope="module")
def layered(tmp_path_factory):
    """forms/ with a 2026 notice for 苏州市市长质量奖 (the demo's programme)."""
    root = tmp_path_factory.mktemp("notices") / "forms"
    shutil.copytree(REPO_FORMS, root)
    folder = root / "awards" / "suzhou-mayor" / "notices"
    folder.mkdir(parents=True)
    (folder / "2026.toml").write_text(NOTICE_2026, encoding="utf-8")
    return load_forms(root)


def _effective(forms, user=None, year=2026, award="suzhou-mayor"):
    return notices.effective(forms, forms.award(award), user or UserNotice(), year)


def test_without_a_notice_the_rules_hold_and_invented_limits_are_suggestions(forms):
    this_year = _effective(forms, year=2030)
    award = forms.award("suzhou-mayor")
    assert this_year.notice is None
    assert this_year.award.rules == award.rules
    assert {this_year.origin(r.id) for r in award.rules} == {Origin.RULES}
    report = this_year.limit("report")
    assert (report.limit, report.source, report.origin) == (50000, REFERENCE, Origin.RULES)
    assert report.reference
    assert report.figure_chars == 300
    assert this_year.deadline is None
    assert this_year.channel == ""


def test_the_notice_of_the_application_year_is_used_until_the_user_chooses(layered):
    assert _effective(layered).notice.year == 2026
    assert _effective(layered, UserNotice(choice=NO_NOTICE)).notice is None
    assert _effective(layered, UserNotice(choice="2026"), year=2027).notice.year == 2026
    assert _effective(layered, year=2027).notice is None  # no notice published for 2027


def test_the_notice_sets_limits_rules_attachments_deadline_channel_and_facts(layered):
    this_year = _effective(layered)
    report = this_year.limit("report")
    assert (report.limit, report.origin, report.reference) == (40000, Origin.NOTICE, False)
    assert (
        report.source
        == "关于开展2026年度市长质量奖申报工作的通知（测试）（测评〔2026〕1号，2026-03-02）"
    )
    assert report.figure_chars == 300  # 含图表 as the 办法 says: the notice did not change it
    assert this_year.limit("profile").source == REFERENCE  # the notice left the profile alone
    ids = [r.id for r in this_year.award.rules]
    base = [r.id for r in layered.award("suzhou-mayor").rules]
    assert ids == [*base, "digital-transformation"]  # replaced in place, the new one after
    assert this_year.award.rule("policy-compliance").citation == "通知第二条"
    assert this_year.origin("policy-compliance") is Origin.NOTICE
    assert this_year.origin("digital-transformation") is Origin.NOTICE
    assert this_year.origin("no-loss-3-years") is Origin.RULES
    assert this_year.award.attachments[-1].id == "digital-proof"
    assert this_year.attachment_origins["digital-proof"] is Origin.NOTICE
    assert (this_year.deadline, this_year.deadline_origin) == (date(2026, 5, 29), Origin.NOTICE)
    assert (this_year.channel, this_year.channel_origin) == ("网上申报系统", Origin.NOTICE)
    assert this_year.facts[-1].text == "今年另设专项名额（测试）"
    assert this_year.facts[-1].source.startswith("关于开展2026年度")
    assert this_year.facts[:-1] == layered.award("suzhou-mayor").facts


def test_the_users_values_win_over_the_notice(layered):
    user = UserNotice(
        deadline=date(2026, 6, 10), channel="纸质报送", limits={"report": 60000, "profile": 5000}
    )
    this_year = _effective(layered, user)
    report = this_year.limit("report")
    assert (report.limit, report.origin, report.source) == (60000, Origin.USER, USER_SOURCE)
    assert not report.reference
    assert this_year.limit("profile").limit == 5000
    assert (this_year.deadline, this_year.deadline_origin) == (date(2026, 6, 10), Origin.USER)
    assert (this_year.channel, this_year.channel_origin) == ("纸质报送", Origin.USER)


def test_jiangsus_cycle_is_the_notices_with_the_conflict_noted(forms):
    award = forms.award("jiangsu-governor")
    (notice,) = forms.notices_of("jiangsu-governor")
    assert (notice.year, award.cycle, notice.cycle) == (2025, "每年", "每两年")
    this_year = _effective(forms, year=2025, award="jiangsu-governor")
    assert this_year.cycle == "每两年"
    assert this_year.cycle_conflict
    assert "每年" in this_year.cycle_note
    assert "苏政办规〔2023〕2号" in this_year.cycle_note
    assert not _effective(forms, year=2024, award="jiangsu-governor").cycle_conflict
    assert _effective(forms, year=2024, award="jiangsu-governor").cycle == "每年"


def test_checks_read_this_years_notice_and_the_users_limit(layered, tmp_path):
    doc = Document.create(
        tmp_path / "a.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 4, 1),
    )
    with doc:
        result = readiness.check(doc, layered)
        assert "digital-transformation" in {f.rule.id for f in result.eligibility}
        missing = {m.key for m in result.completeness if m.part == "evidence"}
        assert "digital-proof" in missing
        doc.set_notice_value("choice", NO_NOTICE)
        doc.set_limit("report", 45000)
        assert "digital-transformation" not in {
            f.rule.id for f in readiness.check(doc, layered).eligibility
        }
        (report,) = [
            c
            for c in readiness.limits(doc, layered, layered.award("suzhou-mayor"))
            if c.part == "report"
        ]
        assert (report.limit, report.reference, report.source) == (45000, False, USER_SOURCE)


def _jiangsu_2025(path) -> Document:
    """A new 江苏省省长质量奖 application for 2025 (the year of the shipped notice)."""
    return Document.create(
        path,
        award="jiangsu-governor",
        framework="gbt19580-2012",
        year=2025,
        application_date=date(2025, 4, 1),
    )


def test_the_users_notice_is_kept_in_the_file_and_survives_dump_and_load(forms, tmp_path):
    from qualitydesk.store import interchange

    path = tmp_path / "a.qdesk"
    with _jiangsu_2025(path) as doc:
        doc.set_notice_value("choice", "2025")
        doc.set_notice_value("deadline", "2025-06-30")
        doc.set_notice_value("channel", "  江苏省质量奖申报系统 ")
        doc.set_notice_value("notes", "另附视频材料\n一式三份")
        doc.set_limit("report", 30000)
        doc.save()
    with Document.open(path) as doc:
        user = doc.user_notice()
        data = interchange.dump(doc)
    assert user == UserNotice(
        "2025",
        date(2025, 6, 30),
        "江苏省质量奖申报系统",
        "另附视频材料\n一式三份",
        {"report": 30000},
    )
    interchange.load(data, tmp_path / "b.qdesk", forms)
    with Document.open(tmp_path / "b.qdesk") as copy:
        assert copy.user_notice() == user


def test_a_renewed_file_starts_without_last_years_notice(forms, tmp_path):
    from qualitydesk.store.renew import renew

    old = tmp_path / "2025.qdesk"
    with _jiangsu_2025(old) as doc:
        doc.set_notice_value("choice", "2025")
        doc.set_notice_value("deadline", "2025-06-30")
        doc.set_limit("report", 30000)
        doc.save()
    renew(old, tmp_path / "2027.qdesk", forms, year=2027)
    with Document.open(tmp_path / "2027.qdesk") as doc:
        assert doc.user_notice() == UserNotice()
