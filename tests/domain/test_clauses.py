"""Each eligibility clause as a careful examiner reads it, case by case (issue 12, §1 and §5).

Test ids are the clause's published words and the case. Every case names a verdict the code
before issue 12 got wrong (a false 不符合, a false 符合, or no check at all), except those marked
"guard", which keep a right verdict right.
"""

from __future__ import annotations

from datetime import date

import pytest

from qualitydesk.domain import eligibility
from qualitydesk.domain.eligibility import Application, Status
from qualitydesk.domain.validators import uscc_check_char

APPLIED = date(2026, 3, 15)
PASS, FAIL, UNSURE, NEEDS = Status.PASS, Status.FAIL, Status.UNSURE, Status.NEEDS_DATA


def uscc(region: str) -> str:
    body = f"91{region}MA1XY712K"
    return body + uscc_check_char(body)


def cert(standard: str, valid_until: str = "2028-01-01") -> dict[str, str]:
    return {"standard": standard, "first_issued": "2015-01-01", "valid_until": valid_until}


def honour(name: str, level: str, year: int, **more: object) -> dict[str, object]:
    return {"name": name, "level": level, "year": year, **more}


def where(address: str | None, code: str | None = None) -> dict[str, object]:
    fields = {"registered_address": address} if address else {}
    return {"fields": fields | ({"uscc": uscc(code)} if code else {})}


def certs(*rows: dict[str, str]) -> dict[str, object]:
    return {"tables": {"certifications": list(rows)}}


def honours(*rows: dict[str, object]) -> dict[str, object]:
    return {"tables": {"honours": list(rows)}}


def check(forms, award_id: str, rule_id: str, data: dict[str, object]):
    award = forms.award(award_id)
    app = Application(date=APPLIED, **data)  # type: ignore[arg-type]
    return eligibility.evaluate(award.rule(rule_id), app, forms.form)


QMS = "第十一条（二）通过IS09000质量管理体系认证或者其他相关体系认证"
SIP_QMS = "SIP第十一条（二）通过ISO9000质量管理体系认证或者其他相关体系认证"

CERTIFICATION = [
    pytest.param("suzhou-mayor", certs(cert("FSSC 22000 V5.1")), PASS, id=f"{QMS}：FSSC 22000"),
    pytest.param("suzhou-mayor", certs(cert("HACCP")), PASS, id=f"{QMS}：HACCP"),
    pytest.param(
        "suzhou-mayor", certs(cert("IATF 16949:2016")), PASS, id=f"{QMS}：IATF 16949 guard"
    ),
    pytest.param("suzhou-mayor", certs(cert("ISO 13485:2016")), PASS, id=f"{QMS}：ISO 13485 guard"),
    pytest.param("suzhou-mayor", certs(cert("ISO 9000")), PASS, id=f"{QMS}：ISO 9000"),
    pytest.param("suzhou-mayor", certs(cert("ISO 45001:2018")), PASS, id=f"{QMS}：ISO 45001"),
    pytest.param("suzhou-mayor", certs(cert("ISO 14001:2015")), PASS, id=f"{QMS}：ISO 14001"),
    pytest.param(
        "suzhou-mayor",
        certs(cert("质量管理体系认证（GB/T19001-2016）")),
        PASS,
        id=f"{QMS}：质量管理体系认证（GB/T19001-2016）",
    ),
    pytest.param("suzhou-mayor", certs(cert("GB/T 19001")), PASS, id=f"{QMS}：GB/T 19001 guard"),
    pytest.param(
        "suzhou-mayor",
        certs(cert("ＩＳＯ９００１：２０１５")),
        PASS,
        id=f"{QMS}：全角 ISO9001 guard",
    ),
    pytest.param("suzhou-mayor", certs(cert("IS09001")), PASS, id=f"{QMS}：IS09001（数字零）"),
    pytest.param(
        "suzhou-mayor", certs(cert("SGS-2020 认证")), UNSURE, id=f"{QMS}：不认识的标准→需确认"
    ),
    pytest.param(
        "suzhou-mayor",
        certs(cert("ISO 9001:2015", "2025-12-31"), cert("ISO 14001:2015")),
        PASS,
        id=f"{QMS}：ISO 9001 过期但 ISO 14001 有效",
    ),
    pytest.param(
        "suzhou-mayor",
        certs(cert("ISO 9001:2015", "2025-12-31")),
        FAIL,
        id=f"{QMS}：唯一的证书已过期 guard",
    ),
    pytest.param("sip", certs(cert("FSSC 22000")), PASS, id=f"{SIP_QMS}：FSSC 22000"),
]


@pytest.mark.parametrize(("award_id", "data", "expected"), CERTIFICATION)
def test_certification(forms, award_id, data, expected):
    rule_id = "qms-certified"
    result = check(forms, award_id, rule_id, data)
    assert result.status is expected, result.reason
    assert result.evidence
    assert all(e.startswith("认证标准：") for e in result.evidence)
    assert result.reading


def test_an_unrecognised_standard_is_shown_as_entered(forms):
    result = check(forms, "suzhou-mayor", "qms-certified", certs(cert("SGS-2020 认证")))
    assert "SGS-2020 认证" in result.reason
    assert "IS09000" not in result.reason  # the seed's typo stays in the clause's text only


def test_jiangsu_still_needs_iso_9001_itself(forms):
    env = certs(cert("ISO 14001:2015"))
    assert check(forms, "jiangsu-governor", "qms-3-years", env).status is FAIL
    qms = certs(cert("GB/T 19001-2016 idt ISO 9001:2015"))
    assert check(forms, "jiangsu-governor", "qms-3-years", qms).status is PASS


HONOUR = (
    "第十一条（十）获苏州市级以上质量奖项且在有效期内;"
    "申报前3年内获得过鲁班奖、国优工程、全国五一劳动奖章"
)

HONOURS = [
    pytest.param(honours(honour("中国建设工程鲁班奖", "行业", 2024)), PASS, id=f"{HONOUR}：鲁班奖"),
    pytest.param(
        honours(honour("国家优质工程奖", "行业", 2025)), PASS, id=f"{HONOUR}：国家优质工程奖"
    ),
    pytest.param(
        honours(honour("全国五一劳动奖状", "国家级", 2024)), PASS, id=f"{HONOUR}：全国五一劳动奖状"
    ),
    pytest.param(
        honours(honour("太仓市市长质量奖", "市级", 2025)), FAIL, id=f"{HONOUR}：太仓市市长质量奖"
    ),
    pytest.param(honours(honour("昆山市质量奖", "市级", 2025)), FAIL, id=f"{HONOUR}：昆山市质量奖"),
    pytest.param(
        honours(honour("吴中区区长质量奖", "市级", 2025)), FAIL, id=f"{HONOUR}：吴中区区长质量奖"
    ),
    pytest.param(
        honours(honour("质量管理优秀奖", "市级", 2025)),
        UNSURE,
        id=f"{HONOUR}：质量管理优秀奖（未写授予单位）",
    ),
    pytest.param(
        honours(honour("质量管理优秀奖", "其他", 2025, issuer="苏州市人民政府")),
        PASS,
        id=f"{HONOUR}：质量管理优秀奖（苏州市人民政府授予）",
    ),
    pytest.param(
        honours(honour("无锡市市长质量奖", "市级", 2025)), UNSURE, id=f"{HONOUR}：无锡市市长质量奖"
    ),
    pytest.param(
        honours(honour("苏州市市长质量奖", "市级", 2023)),
        UNSURE,
        id=f"{HONOUR}：2023年获奖未填有效期（3年界限）",
    ),
    pytest.param(
        honours(honour("苏州市名牌产品", "市级", 2025)), UNSURE, id=f"{HONOUR}：认不出的荣誉"
    ),
    pytest.param(
        honours(honour("江苏省省长质量奖", "其他", 2024, valid_until="2027-12-31")),
        PASS,
        id=f"{HONOUR}：江苏省省长质量奖（级别选错也按名称）",
    ),
    pytest.param(
        honours(honour("中国建设工程鲁班奖", "国家级", 2023)),
        UNSURE,
        id=f"{HONOUR}：鲁班奖恰在3年界限",
    ),
    pytest.param(
        honours(honour("苏州市市长质量奖", "市级", 2024)),
        PASS,
        id=f"{HONOUR}：苏州市市长质量奖 guard",
    ),
]


@pytest.mark.parametrize(("data", "expected"), HONOURS)
def test_prior_honour(forms, data, expected):
    result = check(forms, "suzhou-mayor", "prior-honour", data)
    assert result.status is expected, result.reason
    assert result.evidence[0].startswith("获奖荣誉：")
    assert "满足其一" in result.reading  # the ";" read as "or", shown to the user


EXCLUSION = "SIP第十二条已经获评苏州市市长质量奖(含质量管理优秀奖)及以上质量奖项"

EXCLUDED = [
    pytest.param(
        honours(honour("质量管理优秀奖", "市级", 2023, issuer="苏州市人民政府")),
        FAIL,
        id=f"{EXCLUSION}：苏州市人民政府授予的质量管理优秀奖",
    ),
    pytest.param(
        honours(honour("苏州市市长质量奖质量管理优秀奖", "市级", 2023)),
        FAIL,
        id=f"{EXCLUSION}：苏州市市长质量奖质量管理优秀奖 guard",
    ),
    pytest.param(
        honours(honour("苏州工业园区质量管理优秀奖", "区县级", 2023)),
        PASS,
        id=f"{EXCLUSION}：园区质量管理优秀奖 guard",
    ),
    pytest.param(
        honours(honour("太仓市质量管理优秀奖", "市级", 2023)),
        PASS,
        id=f"{EXCLUSION}：太仓市质量管理优秀奖 guard",
    ),
    pytest.param(
        honours(honour("中国质量奖提名奖", "国家级", 2021)),
        FAIL,
        id=f"{EXCLUSION}：中国质量奖提名奖 guard",
    ),
    pytest.param(
        honours(honour("江苏省质量管理优秀奖", "省级", 2021)),
        FAIL,
        id=f"{EXCLUSION}：江苏省质量管理优秀奖 guard",
    ),
    pytest.param(
        honours(honour("质量管理优秀奖", "其他", 2023)),
        UNSURE,
        id=f"{EXCLUSION}：不知谁授予的质量管理优秀奖",
    ),
    pytest.param(
        honours(honour("无锡市市长质量奖", "市级", 2023)),
        UNSURE,
        id=f"{EXCLUSION}：无锡市市长质量奖",
    ),
    pytest.param(
        honours(honour("苏州市质量奖", "市级", 2024, issuer="苏州市人民政府")),
        PASS,
        id=f"{EXCLUSION}：苏州市质量奖在市长质量奖之下",
    ),
    pytest.param(
        honours(honour("苏州市服务质量奖", "市级", 2024, issuer="苏州市人民政府")),
        UNSURE,
        id=f"{EXCLUSION}：苏州市其他市级质量奖项",
    ),
]


@pytest.mark.parametrize(("data", "expected"), EXCLUDED)
def test_sip_exclusion(forms, data, expected):
    result = check(forms, "sip", "not-already-awarded", data)
    assert result.status is expected, result.reason
    assert result.reading


REGION = "第十一条（一）在苏州市行政区域内依法登记注册"
SIP_REGION = "SIP第十一条（一）在苏州工业园区内依法登记注册"
TAICANG = "在太仓市行政区域内依法登记注册"

REGIONS = [
    pytest.param(
        "taicang-mayor",
        "registered-in-taicang",
        where("上海市黄浦区太仓路100号"),
        FAIL,
        id=f"{TAICANG}：上海市黄浦区太仓路",
    ),
    pytest.param(
        "suzhou-mayor",
        "registered-in-suzhou",
        where("苏州市吴中区东吴北路1号", "310101"),
        UNSURE,
        id=f"{REGION}：地址在苏州、代码在上海",
    ),
    pytest.param(
        "suzhou-mayor",
        "registered-in-suzhou",
        where(None, "320506"),
        UNSURE,
        id=f"{REGION}：只有代码没有住所",
    ),
    pytest.param(
        "suzhou-mayor",
        "registered-in-suzhou",
        where("东吴北路1号", "320506"),
        UNSURE,
        id=f"{REGION}：住所读不出区县",
    ),
    pytest.param(
        "suzhou-mayor",
        "registered-in-suzhou",
        where("江苏省苏州市吴中区东吴北路1号", "320506"),
        PASS,
        id=f"{REGION}：吴中区 guard",
    ),
    pytest.param(
        "sip",
        "registered-in-sip",
        where("苏相合作区春兴路58号"),
        PASS,
        id=f"{SIP_REGION}：苏相合作区",
    ),
    pytest.param(
        "sip",
        "registered-in-sip",
        where("江苏省苏州市相城区漕湖街道春兴路58号"),
        UNSURE,
        id=f"{SIP_REGION}：相城区（可能属苏相合作区）",
    ),
    pytest.param(
        "sip",
        "registered-in-sip",
        where("苏州市吴中区东吴北路1号", "320594"),
        UNSURE,
        id=f"{SIP_REGION}：代码在园区、住所在吴中区",
    ),
    pytest.param(
        "sip",
        "registered-in-sip",
        where("苏州工业园区星湖街328号", "320594"),
        PASS,
        id=f"{SIP_REGION}：星湖街 guard",
    ),
]


@pytest.mark.parametrize(("award_id", "rule_id", "data", "expected"), REGIONS)
def test_region(forms, award_id, rule_id, data, expected):
    result = check(forms, award_id, rule_id, data)
    assert result.status is expected, result.reason
    assert result.evidence


def test_a_disagreeing_code_is_shown_beside_the_address(forms):
    data = where("苏州市吴中区东吴北路1号", "310101")
    result = check(forms, "suzhou-mayor", "registered-in-suzhou", data)
    assert "注册地址：苏州市吴中区东吴北路1号" in result.evidence
    assert any(e.startswith("统一社会信用代码行政区划码：310101") for e in result.evidence)


SZ_REAPPLY = "第三十条获得市长质量奖满3年的获奖组织…可重新申报"
SIP_REAPPLY = "SIP第三十三条获得苏州工业园区质量奖满3年的组织…可重新申报"
SIP_REVOKED = "SIP第三十条、第三十一条撤销其称号…5年内不接受其申报"
REVOKED = {"revoked": "已撤销"}

BARS = [
    pytest.param(
        "suzhou-mayor",
        "reapply-after-3-years",
        honours(honour("苏州市市长质量奖", "市级", 2024)),
        FAIL,
        id=f"{SZ_REAPPLY}：2024年获奖",
    ),
    pytest.param(
        "suzhou-mayor",
        "reapply-after-3-years",
        honours(honour("苏州市市长质量奖", "市级", 2023)),
        UNSURE,
        id=f"{SZ_REAPPLY}：2023年获奖（恰3年）",
    ),
    pytest.param(
        "suzhou-mayor",
        "reapply-after-3-years",
        honours(honour("苏州市市长质量奖", "市级", 2022)),
        PASS,
        id=f"{SZ_REAPPLY}：2022年获奖",
    ),
    pytest.param(
        "suzhou-mayor",
        "reapply-after-3-years",
        honours(honour("苏州市市长质量奖质量管理优秀奖", "市级", 2025)),
        PASS,
        id=f"{SZ_REAPPLY}：质量管理优秀奖不受限",
    ),
    pytest.param(
        "sip",
        "reapply-after-3-years",
        honours(honour("苏州工业园区质量奖", "区县级", 2024)),
        FAIL,
        id=f"{SIP_REAPPLY}：2024年获奖",
    ),
    pytest.param(
        "sip",
        "revoked-5-years",
        honours(honour("苏州工业园区质量管理优秀奖", "区县级", 2020, revoked_year=2023, **REVOKED)),
        FAIL,
        id=f"{SIP_REVOKED}：2023年撤销",
    ),
    pytest.param(
        "sip",
        "revoked-5-years",
        honours(honour("苏州工业园区质量奖", "区县级", 2015, revoked_year=2019, **REVOKED)),
        PASS,
        id=f"{SIP_REVOKED}：2019年撤销",
    ),
    pytest.param(
        "sip",
        "revoked-5-years",
        honours(honour("苏州工业园区质量奖", "区县级", 2015, **REVOKED)),
        NEEDS,
        id=f"{SIP_REVOKED}：未填撤销年份",
    ),
]


@pytest.mark.parametrize(("award_id", "rule_id", "data", "expected"), BARS)
def test_bars_on_earlier_awards(forms, award_id, rule_id, data, expected):
    result = check(forms, award_id, rule_id, data)
    assert result.status is expected, result.reason
    assert result.rule.citation in rule_id_citations(forms, award_id)


def rule_id_citations(forms, award_id: str) -> set[str]:
    return {r.citation for r in forms.award(award_id).rules if r.kind == "reapply"}


def test_the_honours_are_entered_once_for_both_clauses(forms):
    """苏州 第十一条（十）and SIP 第十二条 read the same table: one row serves both verdicts."""
    data = honours(honour("苏州市市长质量奖", "市级", 2024))
    assert check(forms, "suzhou-mayor", "prior-honour", data).status is PASS
    assert check(forms, "sip", "not-already-awarded", data).status is FAIL


OTHER = [
    pytest.param(
        "no-loss-3-years",
        {"tables": {"financials": [{"year": 2023, "profit_total": "盈利"}]}},
        UNSURE,
        id="第十一条（六）最近3年未发生亏损：利润总额写成文字",
    ),
    pytest.param(
        "operating-3-years",
        {"fields": {"established_on": "二〇一〇年春"}},
        UNSURE,
        id="第十一条（一）从事合法生产经营3年以上：成立日期读不出",
    ),
]


@pytest.mark.parametrize(("rule_id", "data", "expected"), OTHER)
def test_free_text_never_fails(forms, rule_id, data, expected):
    assert check(forms, "suzhou-mayor", rule_id, data).status is expected


def test_an_unsure_finding_affirmed_is_declared(forms):
    award = forms.award("suzhou-mayor")
    app = Application(
        date=APPLIED, declared=frozenset({"qms-certified"}), **certs(cert("SGS-2020 认证"))
    )
    result = eligibility.evaluate(award.rule("qms-certified"), app, forms.form)
    assert result.status is Status.DECLARED
    assert Status.UNSURE.label == "需确认"
