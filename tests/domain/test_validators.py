import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qualitydesk.domain import validators as v

HUAWEI = "914403001922038216"


def test_huawei_published_code_is_valid():
    check = v.check_uscc(HUAWEI)
    assert check.ok
    assert check.value == HUAWEI
    assert check.warning == ""


def test_huawei_code_with_wrong_check_character_is_refused():
    check = v.check_uscc("914403001922038217")
    assert not check.ok
    assert "第 18 位应为 6" in check.message


def test_check_character_worked_example():
    # S = 831, 831 mod 31 = 25, 31 - 25 = 6 (../shared/reference/uscc.md)
    assert v.uscc_check_char(HUAWEI[:17]) == "6"
    assert v.USCC_WEIGHTS[:6] == (1, 3, 9, 27, 19, 26)


def test_full_width_lower_case_and_spaces_are_normalised():
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in HUAWEI)
    assert v.check_uscc(full_width).value == HUAWEI
    assert v.check_uscc(f"  {HUAWEI[:6]} {HUAWEI[6:]} ").ok
    code = "91320594MA1MFL3Y9N"[:17]
    code += v.uscc_check_char(code)
    assert v.check_uscc(code.lower()).value == code


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "请填写"),
        ("91440300192203821", "18 位"),
        ("9144030019220382166", "18 位"),
        ("9144030019220382I6", "不允许的字符"),
        ("91AB03001922038216", "行政区划码"),
    ],
)
def test_bad_codes_say_what_is_wrong(code, message):
    check = v.check_uscc(code)
    assert not check.ok
    assert message in check.message


def test_org_code_mismatch_is_a_warning_not_an_error():
    body = "91320500" + "12345678" + "0"  # org code 12345678 has check digit 8, not 0
    code = body + v.uscc_check_char(body)
    check = v.check_uscc(code)
    assert check.ok
    assert "组织机构代码校验位" in check.warning


def test_region_code():
    assert v.region_code(HUAWEI) == "440300"
    assert v.region_code("bad") == ""


def _chars(alphabet: str, n: int):
    return st.text(alphabet=alphabet, min_size=n, max_size=n)


# 登记管理部门 + 机构类别, a 6-digit 行政区划码, then the 9-character 主体标识码.
USCC_BODY = st.builds(
    str.__add__,
    st.builds(str.__add__, _chars(v.USCC_CHARSET, 2), _chars(string.digits, 6)),
    _chars(v.USCC_CHARSET, 9),
)


@given(body=USCC_BODY)
def test_computed_check_character_always_validates(body):
    assert v.check_uscc(body + v.uscc_check_char(body)).ok


@given(body=USCC_BODY, wrong=st.sampled_from(v.USCC_CHARSET))
def test_any_other_check_character_is_refused(body, wrong):
    assume(wrong != v.uscc_check_char(body))
    assert not v.check_uscc(body + wrong).ok


@given(body=USCC_BODY, position=st.integers(0, 16), replacement=st.sampled_from(v.USCC_CHARSET))
def test_a_single_changed_character_is_caught(body, position, replacement):
    assume(body[position] != replacement)
    code = body + v.uscc_check_char(body)
    typo = code[:position] + replacement + code[position + 1 :]
    assume(typo[2:8].isdigit())
    assert not v.check_uscc(typo).ok


@given(st.text(max_size=30))
def test_uscc_never_crashes_on_any_text(text):
    check = v.check_uscc(text)
    assert check.ok or check.message


@pytest.mark.parametrize(
    ("text", "ok", "value"),
    [
        ("13912345678", True, "13912345678"),
        ("+86 139-1234-5678", True, "13912345678"),
        ("139 1234 567", False, ""),
        ("23912345678", False, ""),
        ("", False, ""),
    ],
)
def test_mobile(text, ok, value):
    check = v.check_mobile(text)
    assert check.ok is ok
    assert not ok or check.value == value


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("0512-66881234", True),
        ("(0512) 6688 1234", True),
        ("010-12345678转801", True),
        ("4008123123", True),
        ("13912345678", True),
        ("66881234", False),
        ("12345", False),
        ("０５１２－６６８８１２３４", True),
    ],
)
def test_phone(text, ok):
    check = v.check_phone(text)
    assert check.ok is ok
    assert ok or "区号" in check.message


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("quality@example.com", True),
        ("zhang.san+qa@sz-factory.com.cn", True),
        ("a@b", False),
        ("no-at.example.com", False),
        ("a..b@example.com", False),
        ("张三@example.com", False),
    ],
)
def test_email(text, ok):
    assert v.check_email(text).ok is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("215000", True),
        ("２１５０２１", True),
        ("21500", False),
        ("2150000", False),
        ("21500a", False),
    ],
)
def test_postcode(text, ok):
    assert v.check_postcode(text).ok is ok


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2016-12-01", "2016-12-01"),
        ("2016/12/1", "2016-12-01"),
        ("2016.12.01", "2016-12-01"),
        ("2016年12月1日", "2016-12-01"),
        ("2016 年 2 月 29 日", "2016-02-29"),
    ],
)
def test_dates_in_the_ways_people_write_them(text, value):
    check = v.check_date(text)
    assert check.ok
    assert check.value == value


def test_impossible_and_garbled_dates():
    assert "不存在" in v.check_date("2015-02-29").message
    assert "格式" in v.check_date("去年").message
    assert "请填写" in v.check_date("").message


@pytest.mark.parametrize(
    ("text", "ok", "value"),
    [
        ("1234.5", True, "1234.50"),
        ("1,234.56", True, "1234.56"),
        ("0", True, "0.00"),
        ("12万元", True, "12.00"),
        ("１２.３", True, "12.30"),
        ("-5", False, ""),
        ("1.234", False, ""),
        ("abc", False, ""),
        ("", False, ""),
    ],
)
def test_money_in_wan_yuan(text, ok, value):
    check = v.check_money(text)
    assert check.ok is ok
    assert not ok or check.value == value


def test_signed_money_allows_a_loss():
    assert v.check_signed_money("-120.5").value == "-120.50"
    assert "负数" in v.check_money("-120.5").message


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("12.5", True),
        ("108.35%", True),
        ("0", True),
        ("-3", False),
        ("12.345", False),
        ("百分之十", False),
    ],
)
def test_percent(text, ok):
    assert v.check_percent(text).ok is ok


def test_validate_dispatches_by_name_and_refuses_unknown_names():
    assert v.validate("uscc", HUAWEI).ok
    assert set(v.VALIDATORS) >= {"uscc", "phone", "mobile", "email", "postcode", "date"}
    with pytest.raises(ValueError, match="unknown validator"):
        v.validate("iban", "x")


@given(st.text(alphabet=string.printable + "０１２３４５６７８９，。万元％", max_size=20))
def test_number_validators_never_crash(text):
    for name in ("money", "signed_money", "percent", "date", "phone", "postcode", "email"):
        check = v.validate(name, text)
        assert check.ok or check.message
