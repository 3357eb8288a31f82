"""China's divisions: codes, addresses read in order (省→市→区县), names of awards and issuers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qualitydesk.domain import places
from qualitydesk.domain.places import (
    Division,
    division,
    find_division,
    parse_address,
    place_in_name,
    within,
)


def full(found: Division | None) -> str | None:
    return None if found is None else found.full_name


# (address, the division it names — full name — or None)
ADDRESSES = [
    ("上海市黄浦区太仓路100号", "上海市黄浦区"),  # a street named after 太仓 is not 太仓
    ("太仓市城厢镇县府街1号", "江苏省苏州市太仓市"),
    ("苏州工业园区星湖街328号", "江苏省苏州市苏州工业园区"),
    ("苏州市工业园区星湖街218号", "江苏省苏州市苏州工业园区"),
    ("中国（江苏）自由贸易试验区苏州片区苏州工业园区月亮湾路15号", "江苏省苏州市苏州工业园区"),
    ("江苏省苏州市相城区元和街道", "江苏省苏州市相城区"),
    ("苏州市吴中经济技术开发区越溪街道", "江苏省苏州市吴中区"),
    ("苏州市苏相合作区漕湖大道", "江苏省苏州市相城区苏相合作区"),
    ("江苏省苏州市相城区苏相合作区", "江苏省苏州市相城区苏相合作区"),
    ("江苏苏州高新区狮山路", "江苏省苏州市虎丘区"),
    ("苏州高新区科技城", "江苏省苏州市虎丘区"),
    ("昆山市玉山镇", "江苏省苏州市昆山市"),
    ("江苏省太仓市", "江苏省苏州市太仓市"),  # the prefecture may be left out
    ("江苏省常熟市", "江苏省苏州市常熟市"),
    ("张家港市杨舍镇", "江苏省苏州市张家港市"),
    ("苏州市吴江区松陵镇", "江苏省苏州市吴江区"),
    ("苏州市姑苏区人民路", "江苏省苏州市姑苏区"),
    ("住所：江苏省苏州市姑苏区", "江苏省苏州市姑苏区"),
    ("江苏省 苏州市 太仓市", "江苏省苏州市太仓市"),
    ("江苏南通崇川区", "江苏省南通市崇川区"),
    ("北京市海淀区中关村", "北京市海淀区"),
    ("湖北省仙桃市", "湖北省仙桃市"),  # a county-level city directly under its province
    ("广西南宁市青秀区", "广西壮族自治区南宁市青秀区"),
    ("吉林长春", "吉林省长春市"),  # 吉林 alone: the province, not the city
    ("吉林市船营区", "吉林省吉林市船营区"),
    ("延边州延吉市", "吉林省延边朝鲜族自治州延吉市"),  # 延边 + the 州 of 自治州
    ("延边朝鲜族自治州延吉市", "吉林省延边朝鲜族自治州延吉市"),
    ("苏州吴中大道", "江苏省苏州市"),  # 吴中大道 is a street
    ("苏州街1号", None),
    ("江苏路1号", None),
    ("鼓楼区中山路1号", None),  # several cities have a 鼓楼区
    ("南京市鼓楼区中山路1号", "江苏省南京市鼓楼区"),
    ("福建省福州市鼓楼区", "福建省福州市鼓楼区"),
    ("星湖街328号", None),
    ("", None),
]


@pytest.mark.parametrize(
    ("address", "expected"), ADDRESSES, ids=[a or "empty" for a, _ in ADDRESSES]
)
def test_parse_address(address: str, expected: str | None) -> None:
    assert full(parse_address(address)) == expected


NAMES = [
    ("太仓市市长质量奖", "江苏省苏州市太仓市", "county"),
    ("苏州市市长质量奖", "江苏省苏州市", "prefecture"),
    ("江苏省省长质量奖", "江苏省", "province"),
    ("昆山市质量奖", "江苏省苏州市昆山市", "county"),
    ("苏州工业园区质量奖", "江苏省苏州市苏州工业园区", "county"),
    ("苏州工业园区质量管理优秀奖", "江苏省苏州市苏州工业园区", "county"),
    ("南通市市长质量奖", "江苏省南通市", "prefecture"),
    ("上海市质量金奖", "上海市", "province"),
    ("中国质量奖", None, None),  # national: the forms say so, it is not a division
    ("全国五一劳动奖章", None, None),
    ("鲁班奖", None, None),
]


@pytest.mark.parametrize(("name", "expected", "level"), NAMES, ids=[n for n, _, _ in NAMES])
def test_place_in_name(name: str, expected: str | None, level: str | None) -> None:
    found = place_in_name(name)
    assert full(found) == expected
    assert (found.level if found else None) == level


CODES = [
    ("320585", "江苏省苏州市太仓市"),  # a USCC's digits 3–8: 91320585…
    ("320583", "江苏省苏州市昆山市"),
    ("320581", "江苏省苏州市常熟市"),
    ("320582", "江苏省苏州市张家港市"),
    ("320505", "江苏省苏州市虎丘区"),
    ("320506", "江苏省苏州市吴中区"),
    ("320507", "江苏省苏州市相城区"),  # not 苏相合作区, which lies in it without a code
    ("320508", "江苏省苏州市姑苏区"),
    ("320509", "江苏省苏州市吴江区"),
    ("320571", "江苏省苏州市苏州工业园区"),
    ("320594", "江苏省苏州市苏州工业园区"),  # the code registrations in the zone carry
    ("320584", "江苏省苏州市吴江区"),  # 吴江市 became 吴江区 in 2012
    ("320503", "江苏省苏州市姑苏区"),  # 平江区, merged into 姑苏区
    ("320500", "江苏省苏州市"),
    ("320501", "江苏省苏州市"),  # 市辖区
    ("320000", "江苏省"),
    ("310101", "上海市黄浦区"),
    ("310100", "上海市"),
    ("429004", "湖北省仙桃市"),
    ("999999", None),
    ("320599", None),
    ("32058", None),
    ("3205851", None),
    ("abcdef", None),
    ("３２０５８５", None),  # full-width digits are not a code
]


@pytest.mark.parametrize(("code", "expected"), CODES, ids=[c for c, _ in CODES])
def test_division_by_code(code: str, expected: str | None) -> None:
    assert full(division(code)) == expected


FIND = [
    ("苏州市", "江苏省苏州市"),
    ("苏州", "江苏省苏州市"),
    ("太仓", "江苏省苏州市太仓市"),
    ("太仓市", "江苏省苏州市太仓市"),
    ("江苏", "江苏省"),
    ("江苏省苏州市", "江苏省苏州市"),
    ("苏州工业园区", "江苏省苏州市苏州工业园区"),
    ("苏相合作区", "江苏省苏州市相城区苏相合作区"),
    ("苏州高新区", "江苏省苏州市虎丘区"),
    ("320585", "江苏省苏州市太仓市"),
    ("鼓楼区", None),  # only with its city
    ("南京市鼓楼区", "江苏省南京市鼓楼区"),
    ("苏州市星湖街", None),  # not only a division's name
    ("工业园区", None),  # an alias counts only after its city
    ("", None),
]


@pytest.mark.parametrize(("name", "expected"), FIND, ids=[n or "empty" for n, _ in FIND])
def test_find_division(name: str, expected: str | None) -> None:
    assert full(find_division(name)) == expected


def by(name: str) -> Division:
    found = find_division(name)
    assert found is not None, name
    return found


WITHIN = [
    ("太仓市", "苏州市", True),
    ("太仓市", "江苏省", True),
    ("太仓市", "太仓市", True),
    ("苏州市", "太仓市", False),
    ("上海市黄浦区", "苏州市", False),
    ("苏州工业园区", "苏州市", True),
    ("苏相合作区", "苏州工业园区", True),  # administered by it
    ("苏相合作区", "相城区", True),  # lies in it
    ("相城区", "苏州工业园区", False),
    ("苏州工业园区", "相城区", False),
    ("南京市鼓楼区", "福建省", False),
]


@pytest.mark.parametrize(("inner", "outer", "expected"), WITHIN)
def test_within(inner: str, outer: str, expected: bool) -> None:
    assert within(by(inner), by(outer)) is expected


def test_division_properties() -> None:
    taicang = by("太仓市")
    assert (taicang.code, taicang.name, taicang.level) == ("320585", "太仓市", "county")
    assert taicang.prefecture == by("苏州市")
    assert taicang.province == by("江苏省")
    assert taicang.parent == by("苏州市")
    assert str(taicang) == "江苏省苏州市太仓市"
    huangpu = by("上海市黄浦区")
    assert huangpu.prefecture is None  # 直辖市: the district is right under the province
    assert huangpu.province.name == "上海市"
    jiangsu = by("江苏")
    assert jiangsu.province is jiangsu
    assert jiangsu.parent is None
    assert jiangsu.prefecture is None


def test_table_covers_the_country() -> None:
    levels: dict[str, int] = {}
    for found in places.divisions():
        levels[found.level] = levels.get(found.level, 0) + 1
        assert len(found.code) == 6, found
        assert found.code.isdigit(), found
    assert levels["province"] == 34
    assert levels["prefecture"] >= 333
    assert levels["county"] >= 2840
    # every county-level division of Suzhou the awards deal with
    suzhou = {d.name for d in places.divisions() if d.parent == by("苏州市")}
    assert {"虎丘区", "吴中区", "相城区", "姑苏区", "吴江区", "常熟市", "张家港市"} <= suzhou
    assert {"昆山市", "太仓市", "苏州工业园区"} <= suzhou


def test_duplicated_names_resolve_with_their_parent() -> None:
    gulou = [d for d in places.divisions() if d.name == "鼓楼区"]
    assert len(gulou) >= 3
    for d in gulou:
        assert parse_address(d.full_name) == d
        assert parse_address(d.prefecture.name + d.name + "某路1号") == d


def test_the_table_loads_on_first_use_only() -> None:
    """The table is read on the first parse and reused by the later ones.

    Its speed is measured by bench/places.py (loading under 50 ms, a parse under 1 ms).
    """
    places._table.cache_clear()
    assert places._table.cache_info().currsize == 0
    for _ in range(3):
        parse_address("中国（江苏）自由贸易试验区苏州片区苏州工业园区星湖街328号")
    info = places._table.cache_info()
    assert (info.currsize, info.misses) == (1, 1)


SHORT = [
    ("广西", "广西壮族自治区"),
    ("新疆", "新疆维吾尔自治区"),
    ("内蒙古", "内蒙古自治区"),
    ("香港", "香港特别行政区"),
    ("延边", "吉林省延边朝鲜族自治州"),
    ("浦东", "上海市浦东新区"),
    ("神农架", "湖北省神农架林区"),
]


@pytest.mark.parametrize(("name", "expected"), SHORT, ids=[n for n, _ in SHORT])
def test_short_names(name: str, expected: str) -> None:
    assert full(find_division(name)) == expected


def test_table_names_its_source_date_and_licence() -> None:
    from importlib import resources

    data = resources.files("qualitydesk.resources").joinpath("places", "divisions.tsv")
    header = "\n".join(
        line for line in data.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    )
    assert "GB/T 2260" in header
    assert "民政部" in header
    assert "fetched 20" in header
    assert "MIT" in header


def test_the_table_loads_on_first_use_not_on_import() -> None:
    code = (
        "import qualitydesk.domain.places as p; "
        "assert p._table.cache_info().currsize == 0; "
        "p.division('320585'); assert p._table.cache_info().currsize == 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
