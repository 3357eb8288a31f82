from datetime import date

import pytest

from qualitydesk.domain import eligibility
from qualitydesk.domain.eligibility import Application, Status
from qualitydesk.domain.forms import RULE_PARAMS
from qualitydesk.domain.validators import uscc_check_char

APPLIED = date(2026, 3, 15)


def uscc(region: str) -> str:
    body = f"91{region}MA1XY712K"
    return body + uscc_check_char(body)


def app(**kwargs) -> Application:
    kwargs.setdefault("date", APPLIED)
    return Application(**kwargs)


@pytest.fixture(scope="module")
def suzhou(forms):
    return forms.award("suzhou-mayor")


@pytest.fixture(scope="module")
def sip(forms):
    return forms.award("sip")


def finding(award, rule_id, application, forms=None):
    return eligibility.evaluate(award.rule(rule_id), application, forms.form if forms else None)


def test_every_rule_kind_in_the_forms_schema_is_implemented(forms):
    implemented = set(eligibility._KINDS) | {"declaration"}
    assert implemented == set(RULE_PARAMS)
    used = {rule.kind for award in forms.awards.values() for rule in award.rules}
    assert used == set(RULE_PARAMS)  # and the forms exercise every one of them


# --- years since establishment / since the excellence model --------------------------------


def test_three_full_years_since_establishment(suzhou, forms):
    result = finding(
        suzhou, "operating-3-years", app(fields={"established_on": "2023-03-15"}), forms
    )
    assert result.status is Status.PASS
    assert "成立日期 2023-03-15" in result.reason
    assert "满 3 年" in result.reason
    assert result.clause == "第十一条（一）"


def test_one_day_short_of_three_years_fails(suzhou, forms):
    result = finding(
        suzhou, "operating-3-years", app(fields={"established_on": "2023年3月16日"}), forms
    )
    assert result.status is Status.FAIL
    assert "不足要求的 3 年" in result.reason


def test_missing_or_future_establishment_date(suzhou):
    assert finding(suzhou, "operating-3-years", app()).status is Status.NEEDS_DATA
    future = app(fields={"established_on": date(2027, 1, 1)})
    assert finding(suzhou, "operating-3-years", future).status is Status.FAIL


def test_excellence_model_introduced_three_years_before(forms):
    jiangsu = forms.award("jiangsu-governor")
    early = app(fields={"excellence_introduced_on": "2021-06-01"})
    late = app(fields={"excellence_introduced_on": "2024-06-01"})
    assert finding(jiangsu, "excellence-3-years", early, forms).status is Status.PASS
    result = finding(jiangsu, "excellence-3-years", late, forms)
    assert result.status is Status.FAIL
    assert "导入卓越绩效" in result.reason


# --- certification --------------------------------------------------------------------------

ISO = {
    "standard": "ISO9001:2015",
    "number": "04420Q1234",
    "first_issued": "2012-05-01",
    "valid_until": "2027-04-30",
}


def test_valid_iso_9001_passes_whatever_the_spacing(suzhou):
    result = finding(suzhou, "qms-certified", app(tables={"certifications": [ISO]}))
    assert result.status is Status.PASS
    assert "2027-04-30" in result.reason


def test_expired_certificate_fails(suzhou):
    expired = ISO | {"valid_until": "2026-03-14"}
    result = finding(suzhou, "qms-certified", app(tables={"certifications": [expired]}))
    assert result.status is Status.FAIL
    assert "过期" in result.reason


def test_certificate_held_too_briefly_for_jiangsu(forms):
    jiangsu = forms.award("jiangsu-governor")
    recent = ISO | {"first_issued": "2024-01-10"}
    result = finding(jiangsu, "qms-3-years", app(tables={"certifications": [recent]}))
    assert result.status is Status.FAIL
    assert "不足 3 年" in result.reason
    assert (
        finding(jiangsu, "qms-3-years", app(tables={"certifications": [ISO]})).status is Status.PASS
    )


def test_only_other_certificates_fail_for_jiangsu_and_none_needs_data(suzhou, forms):
    jiangsu = forms.award("jiangsu-governor")
    env = {"standard": "ISO 14001:2015", "first_issued": "2015-01-01", "valid_until": "2028-01-01"}
    result = finding(jiangsu, "qms-3-years", app(tables={"certifications": [env]}))
    assert result.status is Status.FAIL  # a known system, but not the ISO 9001 Jiangsu asks for
    assert finding(suzhou, "qms-certified", app()).status is Status.NEEDS_DATA
    undated = {"standard": "GB/T 19001-2016"}
    assert (
        finding(suzhou, "qms-certified", app(tables={"certifications": [undated]})).status
        is Status.NEEDS_DATA
    )


# --- no loss in the last N fiscal years -----------------------------------------------------


def fin(*profits):
    return {"financials": [{"year": y, "profit_total": p} for y, p in profits]}


def test_no_loss_in_the_three_years_before_the_application(suzhou):
    result = finding(
        suzhou, "no-loss-3-years", app(tables=fin((2023, "1200.5"), (2024, 980), (2025, "0.00")))
    )
    assert result.status is Status.PASS
    assert "2023–2025" in result.reason


def test_a_loss_in_one_year_fails_and_names_it(suzhou):
    result = finding(
        suzhou, "no-loss-3-years", app(tables=fin((2023, 10), (2024, "-120.5"), (2025, 30)))
    )
    assert result.status is Status.FAIL
    assert "2024 年利润总额 -120.50 万元" in result.reason


def test_a_missing_year_needs_data_and_older_years_do_not_count(suzhou):
    result = finding(suzhou, "no-loss-3-years", app(tables=fin((2022, -5), (2023, 10), (2025, 30))))
    assert result.status is Status.NEEDS_DATA
    assert "2024" in result.reason


# --- place of registration ------------------------------------------------------------------


def test_a_code_without_an_address_is_not_enough(suzhou, sip):
    wuzhong = app(fields={"uscc": uscc("320506")})
    result = finding(suzhou, "registered-in-suzhou", wuzhong)
    assert result.status is Status.UNSURE
    assert "未填写注册地址" in result.reason
    assert finding(sip, "registered-in-sip", app()).status is Status.NEEDS_DATA


def test_address_decides_and_a_disagreeing_code_asks(sip, forms):
    moved = app(fields={"uscc": uscc("320506"), "registered_address": "苏州工业园区星湖街 328 号"})
    result = finding(sip, "registered-in-sip", moved)
    assert result.status is Status.UNSURE
    assert any("320506" in e for e in result.evidence)
    assert any("星湖街" in e for e in result.evidence)
    agreeing = app(
        fields={"uscc": uscc("320594"), "registered_address": "苏州工业园区星湖街 328 号"}
    )
    assert finding(sip, "registered-in-sip", agreeing).status is Status.PASS
    nantong = forms.award("nantong-city")
    rule = next(r for r in nantong.rules if r.kind == "region")
    in_nantong = app(fields={"uscc": uscc("320602"), "registered_address": "南通市崇川区工农路"})
    assert eligibility.evaluate(rule, in_nantong).status is Status.PASS
    assert eligibility.evaluate(rule, wuzhong_app()).status is Status.FAIL


def wuzhong_app():
    return app(fields={"uscc": uscc("320506"), "registered_address": "苏州市吴中区"})


# --- awards held ----------------------------------------------------------------------------


def test_sip_refuses_holders_of_the_suzhou_mayor_award(sip):
    held = app(tables={"honours": [{"name": "苏州市市长质量奖", "level": "市级", "year": 2022}]})
    result = finding(sip, "not-already-awarded", held)
    assert result.status is Status.FAIL
    assert "苏州市市长质量奖" in result.reason
    assert "2022" in result.reason
    own = app(
        tables={
            "honours": [{"name": "苏州工业园区质量管理优秀奖", "level": "区县级", "year": 2023}]
        }
    )
    assert finding(sip, "not-already-awarded", own).status is Status.PASS


def test_suzhou_requires_a_recent_honour(suzhou):
    recent = {"name": "苏州市质量奖", "level": "市级", "year": 2024, "valid_until": "2027-12-31"}
    old = recent | {"year": 2019, "valid_until": "2022-12-31"}
    county = recent | {"name": "吴中区区长质量奖", "level": "市级"}
    assert finding(suzhou, "prior-honour", app(tables={"honours": [recent]})).status is Status.PASS
    assert finding(suzhou, "prior-honour", app(tables={"honours": [old]})).status is Status.FAIL
    assert finding(suzhou, "prior-honour", app(tables={"honours": [county]})).status is Status.FAIL
    assert finding(suzhou, "prior-honour", app()).status is Status.NEEDS_DATA


# --- declarations ---------------------------------------------------------------------------


def test_declarations_need_an_explicit_affirmation(suzhou):
    assert finding(suzhou, "no-major-accident", app()).status is Status.NEEDS_DATA
    affirmed = app(declared=frozenset({"no-major-accident"}))
    result = finding(suzhou, "no-major-accident", affirmed)
    assert result.status is Status.DECLARED
    assert result.status.label == "已声明"


def test_a_declaration_stands_in_for_missing_data_but_not_against_it(suzhou):
    declared = frozenset({"no-loss-3-years"})
    missing = finding(suzhou, "no-loss-3-years", app(declared=declared))
    assert missing.status is Status.DECLARED
    loss = app(declared=declared, tables=fin((2023, 1), (2024, -1), (2025, 1)))
    assert finding(suzhou, "no-loss-3-years", loss).status is Status.FAIL


def test_evaluate_all_gives_one_finding_per_clause(suzhou, forms):
    findings = eligibility.evaluate_all(suzhou, app(), forms.form)
    assert [f.rule.id for f in findings] == [r.id for r in suzhou.rules]
    assert all(f.reason for f in findings)
    # an empty application: nothing to go on, or (the bars on earlier awards) nothing against
    assert {f.status for f in findings if f.rule.kind != "reapply"} == {Status.NEEDS_DATA}
    assert {f.status for f in findings if f.rule.kind == "reapply"} == {Status.PASS}
