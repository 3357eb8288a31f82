"""The seed programmes other than 苏州/园区/中国, read from the real forms/ with the real engine.

江苏省省长质量奖 checks its date conditions (存续 5 年, ISO 9001 3 年, 卓越绩效 3 年) from the
application's dates; 苏州市质量奖, 太仓市市长质量奖 and 南通市市长质量奖 publish no rule text in the
seeds, so every one of their rules must send the user to the year's notice and none may pass for
a clause of its own taken from the 苏州市市长质量奖 办法.
"""

from datetime import date

import pytest

from qualitydesk.domain.eligibility import Application, Status, evaluate_all

APPLIED = date(2026, 3, 15)
CITY_PROGRAMMES = ("suzhou-city", "taicang-mayor", "nantong-city")
SEED_PROGRAMMES = ("jiangsu-governor", *CITY_PROGRAMMES)


def verdict(forms, award_id: str, rule_id: str, **data):
    """The finding on ``rule_id`` when the whole programme is evaluated for ``data``."""
    award = forms.award(award_id)
    findings = evaluate_all(award, Application(date=APPLIED, **data), forms.form)
    return next(f for f in findings if f.rule.id == rule_id)


def iso_9001(first_issued: str) -> dict[str, list[dict[str, str]]]:
    row = {"standard": "ISO 9001:2015", "first_issued": first_issued, "valid_until": "2028-12-31"}
    return {"certifications": [row]}


# --- 江苏省省长质量奖: conditions read from dates --------------------------------------------


@pytest.mark.parametrize(
    ("established", "status"),
    [("2021-04-15", Status.FAIL), ("2021-03-16", Status.FAIL), ("2021-03-15", Status.PASS)],
    ids=["存续4年11个月", "差一天满5年", "存续满5年"],
)
def test_jiangsu_five_years_in_existence(forms, established, status):
    result = verdict(
        forms, "jiangsu-governor", "in-existence-5-years", fields={"established_on": established}
    )
    assert result.status is status
    assert established in result.reason
    assert APPLIED.isoformat() in result.reason
    if status is Status.FAIL:
        assert "满 4 年" in result.reason
        assert "不足要求的 5 年" in result.reason


@pytest.mark.parametrize(
    ("first_issued", "status"),
    [("2024-03-15", Status.FAIL), ("2023-03-16", Status.FAIL), ("2023-03-15", Status.PASS)],
    ids=["ISO9001取证2年", "差一天满3年", "ISO9001取证满3年"],
)
def test_jiangsu_iso_9001_held_three_years(forms, first_issued, status):
    result = verdict(forms, "jiangsu-governor", "qms-3-years", tables=iso_9001(first_issued))
    assert result.status is status
    assert first_issued in result.reason


@pytest.mark.parametrize(
    ("introduced", "status"),
    [("2023-03-16", Status.FAIL), ("2023-03-15", Status.PASS)],
    ids=["导入卓越绩效差一天满3年", "导入卓越绩效满3年"],
)
def test_jiangsu_excellence_model_three_years(forms, introduced, status):
    fields = {"excellence_introduced_on": introduced}
    result = verdict(forms, "jiangsu-governor", "excellence-3-years", fields=fields)
    assert result.status is status
    assert introduced in result.reason


def test_jiangsu_tiers_have_no_published_line(forms):
    jiangsu = forms.award("jiangsu-governor")
    assert [t.name for t in jiangsu.tiers] == ["省长质量奖", "省长质量奖提名奖"]
    assert all(t.line is None and t.comparison is None for t in jiangsu.tiers)
    assert all(t.quota == 10 for t in jiangsu.tiers)


def test_jiangsu_rules_cite_the_notice_or_say_what_they_follow(forms):
    jiangsu = forms.award_for("jiangsu-governor", "organisation")
    assert all(rule.check_notice for rule in jiangsu.rules)  # the reference marks it [verify]
    cited = {r.id for r in jiangsu.rules if r.citation.startswith("2025年申报通知")}
    assert {"registered-in-jiangsu", "in-existence-5-years", "qms-3-years"} <= cited
    assert {"excellence-3-years", "legal-person", "industry-leading"} <= cited
    for rule in jiangsu.rules:
        assert rule.id in cited or "参照" in rule.citation, rule.id


# --- 苏州市质量奖, 太仓市市长质量奖, 南通市市长质量奖 -----------------------------------------


def test_nantong_is_named_as_its_mayor_award_under_the_old_id(forms):
    nantong = forms.award("nantong-city")
    assert nantong.name == "南通市市长质量奖"
    assert [t.name for t in nantong.tiers] == ["市长质量奖", "市长质量奖提名奖"]
    assert nantong.check_notice


def test_taicang_has_two_tiers_without_lines(forms):
    taicang = forms.award("taicang-mayor")
    assert [t.name for t in taicang.tiers] == ["市长质量奖", "质量管理优秀奖"]
    assert all(t.line is None for t in taicang.tiers)
    assert all("待核对" in t.citation for t in taicang.tiers)


@pytest.mark.parametrize("award_id", CITY_PROGRAMMES)
def test_no_borrowed_clause_passes_for_the_programmes_own(forms, award_id):
    award = forms.award_for(award_id, "organisation")  # a person's rules: test_applicants
    suzhou_citations = {r.citation for r in forms.award("suzhou-mayor").rules}
    assert award.check_notice
    for rule in award.rules:
        assert rule.check_notice, rule.id
        assert rule.citation not in suzhou_citations, rule.id  # never "第十一条（一）" bare
        assert "参照苏州市市长质量奖" in rule.citation, rule.id


@pytest.mark.parametrize("award_id", SEED_PROGRAMMES)
def test_seed_programme_region_rule_accepts_a_firm_of_its_place(forms, award_id):
    address = {
        "jiangsu-governor": "江苏省南通市崇川区工农路1号",
        "suzhou-city": "江苏省苏州市吴中区东吴北路1号",
        "taicang-mayor": "江苏省苏州市太仓市上海东路1号",
        "nantong-city": "江苏省南通市崇川区工农路1号",
    }[award_id]
    award = forms.award(award_id)
    region = next(r for r in award.rules if r.kind == "region")
    result = verdict(forms, award_id, region.id, fields={"registered_address": address})
    assert result.status is Status.PASS, result.reason
    shanghai = verdict(
        forms, award_id, region.id, fields={"registered_address": "上海市黄浦区太仓路1号"}
    )
    assert shanghai.status is not Status.PASS, shanghai.reason
