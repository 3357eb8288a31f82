"""The ``region`` kind: registered inside the programme's area, by address and credit code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from qualitydesk.domain import places
from qualitydesk.domain.eligibility.values import as_text, param_strs
from qualitydesk.domain.eligibility.verdicts import Application, Result, Status
from qualitydesk.domain.forms import FormCatalogue
from qualitydesk.domain.validators import region_code


def _code_in(code: str, outer: str) -> bool:
    """Whether 行政区划码 ``code`` lies in ``outer``: by the division table (zones and the
    divisions that administer them included), else by the code's structure (32 / 3205 / 320585).
    """
    inner_division, outer_division = places.division(code), places.division(outer)
    if inner_division is not None and outer_division is not None:
        return places.within(inner_division, outer_division)
    if outer.endswith("0000"):
        return code[:2] == outer[:2]
    if outer.endswith("00"):
        return code[:4] == outer[:4]
    return code == outer


def region_rule(params: Mapping[str, object], app: Application, _: FormCatalogue | None) -> Result:
    """The ``region`` rule: registered in ``area``, read from the address and the credit code."""
    area = str(params["area"])
    codes, overlaps = param_strs(params, "area_codes"), param_strs(params, "overlaps")
    code = region_code(as_text(app.fields.get("uscc")))
    address = as_text(app.fields.get("registered_address"))
    evidence = tuple(
        e
        for e in (
            f"注册地址：{address}" if address else "",
            f"统一社会信用代码行政区划码：{code}（{_division_name(code)}）" if code else "",
        )
        if e
    )
    code_inside = bool(code) and any(_code_in(code, c) for c in codes)
    # A code in a division the area partly covers does not contradict an address inside it.
    code_agrees = code_inside or (bool(code) and any(_code_in(code, c) for c in overlaps))
    if not address:
        if not code:
            return Result(Status.NEEDS_DATA, f"未填写注册地址，无法判断是否在{area}注册")
        where = "属于" if code_inside else "不属于"
        reason = (
            f"未填写注册地址；统一社会信用代码的行政区划码 {code} {where}{area}，"
            "请填写注册地址（住所）"
        )
        return Result(Status.UNSURE, reason, evidence)
    place = _address_place(address, area, codes, overlaps)
    return _region_verdict(place, area, code, (code_inside, code_agrees), evidence)


def _division_name(code: str) -> str:
    division = places.division(code)
    return division.full_name if division else "行政区划表中无此代码"


def _address_place(
    address: str, area: str, codes: Sequence[str], overlaps: Sequence[str]
) -> tuple[str, str]:
    """(inside | outside | coarse | partly | unknown, description) of the registered address."""
    division = places.parse_address(address)
    if division is None:
        return "unknown", f"无法从注册地址“{address}”识别所在省、市、区县"
    where = division.full_name
    if any(_code_in_division(division, c) for c in codes):
        return "inside", f"注册地址位于{where}，属于{area}"
    if any(_code_in_division(division, c) for c in overlaps):
        return "partly", f"注册地址位于{where}，该地仅部分区域属于{area}，请核对"
    if any(_code_in(c, division.code) for c in codes):
        return "coarse", f"注册地址只写到{where}，无法判断是否在{area}"
    return "outside", f"注册地址位于{where}，不在{area}"


def _code_in_division(division: places.Division, outer: str) -> bool:
    outer_division = places.division(outer)
    if outer_division is not None:
        return places.within(division, outer_division)
    return _code_in(division.code, outer)


def _region_verdict(
    place: tuple[str, str],
    area: str,
    code: str,
    code_fit: tuple[bool, bool],
    evidence: tuple[str, ...],
) -> Result:
    kind, described = place
    code_inside, code_agrees = code_fit
    if kind == "inside":
        if code and not code_agrees:
            note = (
                f"；但统一社会信用代码的行政区划码 {code} 不属于{area}"
                "（迁址后代码不变时常见），请核对营业执照"
            )
            return Result(Status.UNSURE, described + note, evidence)
        return Result(Status.PASS, described, evidence)
    if kind == "outside":
        if code_inside:
            note = f"；但统一社会信用代码的行政区划码 {code} 属于{area}，请核对营业执照住所"
            return Result(Status.UNSURE, described + note, evidence)
        return Result(Status.FAIL, described, evidence)
    if code:
        where = "属于" if code_inside else "不属于"
        described += f"（统一社会信用代码的行政区划码 {code} {where}{area}）"
    return Result(Status.UNSURE, described, evidence)
