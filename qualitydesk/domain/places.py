"""China's administrative divisions (省 / 市 / 区县): codes, names and addresses read in order.

The table is data: ``resources/places/divisions.tsv`` (installed as qualitydesk.resources), the
official GB/T 2260 行政区划代码 down to the county level as 民政部 publishes them, with the date it
was taken in its header, plus a few hand-kept rows: functional zones that addresses name like a
county (a national development zone with its statistical code, a cooperation zone without a
code), other codes that registrations carry, and other names (苏州高新区 for 虎丘区). Nothing
place-specific is written here.

    division("320585")                    → 太仓市 (county; the USCC's digits 3–8 are such a code)
    parse_address("太仓市城厢镇…")         → 江苏省苏州市太仓市
    parse_address("上海市黄浦区太仓路100号") → 上海市黄浦区 (read in order, never 太仓)
    find_division("江苏")                  → 江苏省
    place_in_name("太仓市市长质量奖")       → 太仓市;  place_in_name("中国质量奖") → None
    within(division("320585"), find_division("苏州市")) → True

Reading an address: from its start, a province (江苏省 / 江苏), then within it a prefecture
(苏州市 / 苏州) or a county directly (江苏省太仓市), then within the prefecture a county (太仓市 /
太仓 / 工业园区 …), then a zone inside that county. Each step accepts only names of the
divisions under what was read so far, so a name later in the address (太仓路) is never taken for
a division. Short names (the name without 省 / 市 / 区 / 县 …) count only where exactly one
division has them in that place and they are not the start of a street name (吴中大道, 江苏路);
names that several divisions share (鼓楼区) count only under their parent. The most specific
division read is the answer; None when the address does not start with one.

Levels: "province" (省级, including 直辖市 and 自治区), "prefecture" (地级: 设区的市, 自治州, 地区,
盟) and "county" (县级: 区, 县级市, 县, 旗, and the functional zones). A division's parent is the
one above it: counties directly under a province (直辖市的区, 省直辖县级市) have the province.

The table loads on first use (about 3,600 rows, a few milliseconds; bench/places.py measures it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"
_LEVEL_RANK = {PROVINCE: 0, PREFECTURE: 1, COUNTY: 2}

# What may stand before the first division and is not part of it: a label (住所：), the country.
_LABEL = re.compile(r"^\s*(?:[^\s：:]{1,8}[：:])?\s*(?:中华人民共和国|中国)?")
# 中国（江苏）自由贸易试验区苏州片区…: the province in brackets, then the 片区's city.
_FREE_TRADE_ZONE = re.compile(r"^[（(]([^）)]{2,12})[）)]自由贸易试验区")
_AREA_WORD = "片区"
# A short name followed by one of these is a street, not a division (江苏路, 吴中东路, 苏州街).
_STREET = re.compile(
    r"[东西南北中]?(?:路|街|道|大道|大街|巷|弄|里|桥|广场|花园|公园|小区|新村|村|大厦|大楼|中心|商城|商场"
    r"|大学|学院|医院|中学|小学|机场|车站|站)"
)
_SEPARATORS = str.maketrans("", "", " \t\u3000/\\-－—·,，、")


@dataclass(frozen=True)
class Division:
    """One division: ``code`` (6 digits), ``name`` (太仓市), ``level`` and its ``parent``.

    ``administered_by`` is set for a zone run by another division than the one it lies in
    (a cooperation zone inside a district, managed by a development zone); ``within`` follows it.
    Two divisions are equal when code, name and level are.
    """

    code: str
    name: str
    level: str
    parent: Division | None = field(default=None, compare=False, repr=False)
    administered_by: Division | None = field(default=None, compare=False, repr=False)

    @property
    def province(self) -> Division:
        """The province-level division this one is in (itself for a province)."""
        return next(d for d in self.lineage() if d.level == PROVINCE)

    @property
    def prefecture(self) -> Division | None:
        """The prefecture this one is in (itself for one); None above it or without one."""
        return next((d for d in self.lineage() if d.level == PREFECTURE), None)

    @property
    def full_name(self) -> str:
        """The names from the province down: 江苏省苏州市太仓市, 上海市黄浦区."""
        return "".join(d.name for d in reversed(list(self.lineage())))

    def lineage(self) -> Iterator[Division]:
        """This division, its parent, and so on up to the province."""
        current: Division | None = self
        while current is not None:
            yield current
            current = current.parent

    def __str__(self) -> str:
        return self.full_name


def division(code: str) -> Division | None:
    """The division with this 6-digit code (GB/T 2260; a USCC's digits 3–8), or None.

    A former code (a county that became a district, merged districts) or another code a zone's
    registrations carry gives the division that holds it now, whose ``code`` is then not the one
    asked for (320584 吴江市 → 320509 吴江区); a 市辖区 code (320501) gives its city. Unknown or
    malformed codes give None.
    """
    code = code.strip()
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return None
    table = _table()
    found = table.by_code.get(code)
    if found is None and code.endswith("01"):  # 市辖区: the city proper
        found = table.by_code.get(code[:4] + "00")
    if found is None and code[2:4] in {"01", "02"} and code.endswith("00"):  # 直辖市的市辖区 / 县
        province = table.by_code.get(code[:2] + "0000")
        found = province if province and not table.children_of(province, PREFECTURE) else None
    return found


def parse_address(text: str) -> Division | None:
    """The most specific division an address names, read from its start in order (省→市→区县).

    "江苏省苏州市相城区…" → 相城区; "苏州工业园区星湖街328号" → 苏州工业园区; "太仓市城厢镇…" →
    太仓市 (its parents 苏州市, 江苏省 follow from the table); "上海市黄浦区太仓路100号" → 黄浦区;
    "鼓楼区…" (several cities have one) → None. A leading label ("住所：") and 中国 are skipped.
    """
    text = text.translate(_SEPARATORS)
    found, _ = _read(text, streets_guarded=True)
    if found is None:  # 住所：…, 中国…
        found, _ = _read(_LABEL.sub("", text, count=1), streets_guarded=True)
    return found


def find_division(name: str) -> Division | None:
    """The division a name means, the whole name read: "苏州市", "太仓", "江苏", "江苏省苏州市".

    A 6-digit code is accepted too. None when the name is not (only) a division's, or when
    several divisions have it (鼓楼区 without its city).
    """
    cleaned = name.translate(_SEPARATORS)
    if cleaned.isascii() and cleaned.isdigit():
        return division(cleaned)
    found, used = _read(cleaned, streets_guarded=False)
    return found if used == len(cleaned) else None


def place_in_name(text: str) -> Division | None:
    """The division an award's or issuer's name starts with, or None.

    "太仓市市长质量奖" → 太仓市 (county), "苏州市市长质量奖" → 苏州市, "江苏省省长质量奖" → 江苏省,
    "苏州工业园区质量奖" → 苏州工业园区; "中国质量奖" → None (the national level is not a division;
    the forms say which names are national).
    """
    found, _ = _read(text.translate(_SEPARATORS), streets_guarded=True)
    return found


def within(inner: Division, outer: Division) -> bool:
    """Whether ``inner`` is ``outer`` or lies in it (following parents, and the division that
    administers a zone: a cooperation zone is within both its district and its managing zone).
    """
    seen: set[str] = set()
    todo = [inner]
    while todo:
        current = todo.pop()
        if current == outer:
            return True
        key = current.code + current.name
        if key in seen:
            continue
        seen.add(key)
        todo.extend(d for d in (current.parent, current.administered_by) if d is not None)
    return False


def divisions() -> tuple[Division, ...]:
    """Every current division (provinces, prefectures, counties, zones), in code order."""
    return _table().all


# --- reading -------------------------------------------------------------------------------------


def _read(text: str, *, streets_guarded: bool) -> tuple[Division | None, int]:
    """The most specific division read from the start of ``text``, and how many characters."""
    table = _table()
    found: Division | None = None
    pos = 0
    zone = _FREE_TRADE_ZONE.match(text)
    if zone:  # 中国（江苏）自由贸易试验区苏州片区: read the bracket, then the 片区 as the city
        inside, _ = _read(zone.group(1), streets_guarded=False)
        if inside is not None:
            found, pos = inside, zone.end()
    while True:
        step = table.match(found, text, pos, streets_guarded=streets_guarded)
        if step is None:
            return found, pos
        found, pos = step
        if text.startswith(_AREA_WORD, pos) and zone:
            pos += len(_AREA_WORD)


Names = dict[str, list[tuple[Division, bool]]]  # name → [(division, whether it is a short name)]


@dataclass
class _Table:
    """The divisions and, for each place an address can be at, the names readable next.

    A scope is "" (the start of the text) or the _key of the division read so far; its names are
    built on first use.
    """

    by_code: dict[str, Division]
    all: tuple[Division, ...]
    shorts: dict[str, list[str]]  # _key → short names
    aliases: dict[str, list[str]]  # _key → other names, read right after the parent
    below: dict[str, list[Division]]  # _key → the divisions right under it or administered by it
    longest: int
    scopes: dict[str, Names] = field(default_factory=dict)

    def children_of(self, parent: Division, level: str) -> list[Division]:
        return [d for d in self.below.get(_key(parent), []) if d.level == level]

    def names(self, scope: str) -> Names:
        """The names readable in a scope: every division under it (江苏省太仓市 skips the city),
        with the aliases of those right under it.
        """
        if scope not in self.scopes:
            names: Names = {}
            todo = list(self.all) if not scope else list(self.below.get(scope, []))
            direct = {_key(d) for d in todo} if scope else set()
            seen: set[str] = set()
            while todo:
                d = todo.pop()
                key = _key(d)
                if key in seen:
                    continue
                seen.add(key)
                names.setdefault(d.name, []).append((d, False))
                for short in self.shorts.get(key, ()):
                    names.setdefault(short, []).append((d, True))
                if key in direct:
                    for alias in self.aliases.get(key, ()):
                        names.setdefault(alias, []).append((d, False))
                if scope:
                    todo.extend(self.below.get(key, []))
            self.scopes[scope] = names
        return self.scopes[scope]

    def match(
        self, scope: Division | None, text: str, pos: int, *, streets_guarded: bool
    ) -> tuple[Division, int] | None:
        """The division whose name starts at ``pos`` among those readable after ``scope``."""
        names = self.names("" if scope is None else _key(scope))
        for size in range(min(self.longest, len(text) - pos), 1, -1):
            candidates = names.get(text[pos : pos + size])
            if not candidates:
                continue
            end = pos + size
            chosen = _choose(candidates)
            if chosen is None:
                return None  # a name several divisions share here: stop rather than guess
            division, short = chosen
            if short and streets_guarded and _STREET.match(text, end):
                continue
            if short and text.startswith(division.name[-1], end):  # 延边州: the 州 of 自治州
                end += 1
            return division, end
        return None


def _choose(candidates: list[tuple[Division, bool]]) -> tuple[Division, bool] | None:
    """One division for a name: full names and aliases before short names, then the highest
    level (吉林 is the province before the city); None when still several.
    """
    best = [c for c in candidates if not c[1]] or candidates
    top = min(_LEVEL_RANK[d.level] for d, _ in best)
    best = [c for c in best if _LEVEL_RANK[c[0].level] == top]
    unique = {(d.code, d.name) for d, _ in best}
    return best[0] if len(unique) == 1 else None


# --- loading -------------------------------------------------------------------------------------


@cache
def _table() -> _Table:
    """The table, read once on first use."""
    data = resources.files("qualitydesk.resources").joinpath("places", "divisions.tsv")
    return _build(data.read_text(encoding="utf-8"))


def _build(source: str) -> _Table:
    """The table from divisions.tsv's text (columns: see the file's header)."""
    rows = [line.split("\t") for line in source.splitlines() if line and line[0] != "#"]
    by_code: dict[str, Division] = {}
    made: list[Division] = []
    shorts: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    below: dict[str, list[Division]] = {}
    longest = 0
    waiting = [row for row in rows if row[2] != "former"]
    while waiting:  # parents first; a zone waits for the division administering it
        later = []
        for code, name, level, parent_code, admin_code, short, alias, *_ in waiting:
            parent = by_code.get(parent_code) if parent_code else None
            admin = by_code.get(admin_code) if admin_code else None
            if (parent_code and parent is None) or (admin_code and admin is None):
                later.append([code, name, level, parent_code, admin_code, short, alias])
                continue
            made_division = Division(
                code, name, COUNTY if level == "zone" else level, parent, admin
            )
            made.append(made_division)
            by_code.setdefault(code, made_division)  # a zone may share its county's code
            key = code + name
            if short:
                shorts[key] = short.split(",")
            if alias:
                aliases[key] = alias.split(",")
                longest = max(longest, *map(len, aliases[key]))
            longest = max(longest, len(name))
            for above in (parent, admin):
                if above is not None:
                    below.setdefault(_key(above), []).append(made_division)
        if len(later) == len(waiting):
            raise ValueError(f"divisions.tsv: no parent for {[row[:2] for row in later]}")
        waiting = later
    for code, _name, level, successor, *_ in rows:
        if level == "former" and successor in by_code:
            by_code.setdefault(code, by_code[successor])
    ordered = tuple(sorted(made, key=lambda d: d.code))
    return _Table(by_code, ordered, shorts, aliases, below, longest)


def _key(division: Division) -> str:
    """A division's key in the reading table (a zone may share a code with a county, not a name)."""
    return division.code + division.name
