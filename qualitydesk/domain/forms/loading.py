"""Reading forms/: each TOML file validated against its model, then checked across files.

The order: frameworks, the 申请表, the honour ladder, text limits, layouts, awards (each rule's
``params`` against its kind), notices. The first problem stops the load as a
:class:`FormsError` naming the file, the key path and what is allowed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

import msgspec

from qualitydesk.domain.forms import checks
from qualitydesk.domain.forms.award import Award
from qualitydesk.domain.forms.base import FormsError, cited
from qualitydesk.domain.forms.catalogue import FormCatalogue, Limits
from qualitydesk.domain.forms.collection import Forms
from qualitydesk.domain.forms.errors import problem, schema_error
from qualitydesk.domain.forms.framework import Framework
from qualitydesk.domain.forms.ladder import Ladder
from qualitydesk.domain.forms.layouts import Layout, Layouts, layout_problem
from qualitydesk.domain.forms.notice import Notice
from qualitydesk.domain.forms.rules import LADDER_KINDS, PARAMS, Rule

T = TypeVar("T")
Table = dict[str, object]
FORM_FILE = "application-form.toml"
LADDER_FILE = "levels.toml"


def forms_root() -> Traversable:
    """The forms/ folder: QUALITYDESK_FORMS when set, else the copy installed with the package."""
    override = os.environ.get("QUALITYDESK_FORMS")
    return Path(override) if override else resources.files("qualitydesk.forms")


def load_forms(root: Traversable | None = None) -> Forms:
    """Read and check every file under forms/; raise FormsError naming the first problem.

    The program's own forms/ (``root`` not given) is read once and kept until a file of it
    changes (:mod:`~qualitydesk.domain.forms.cache`).
    """
    if root is None:
        found = forms_root()
        if isinstance(found, Path):
            from qualitydesk.domain.forms.cache import cached

            return cached(found, lambda: read_forms(found))
        root = found
    return read_forms(root)


def read_forms(root: Traversable) -> Forms:
    """Read and check every file under ``root`` (a forms/ folder), without the kept copy."""
    frameworks = {
        fw.id: fw for fw in (_framework(root, n) for n in _toml_names(root, "frameworks"))
    }
    form = _read(root, FORM_FILE, FormCatalogue)
    checks.form(FORM_FILE, form)
    ladder = _read(root, LADDER_FILE, Ladder)
    checks.ladder(LADDER_FILE, ladder, form)
    layouts = _layouts(root)
    forms = Forms(
        frameworks,
        {},
        form,
        _read(root, "limits.toml", Limits),
        layouts=layouts.layouts_by_id,
        default_layout=layouts.default,
        ladder=ladder,
    )
    awards: dict[str, Award] = {}
    files: dict[int, str] = {}
    for name in _toml_names(root, "awards"):
        award = _award(root, name, forms)
        if award.order in files:
            raise problem(name, "order", f"{award.order} 与 {files[award.order]} 的 order 相同")
        files[award.order] = name
        awards[award.id] = award
    for i, group in enumerate(form.groups):
        for award_id in group.awards:
            if award_id not in awards:
                raise problem(FORM_FILE, f"groups[{i}].awards", f"没有奖项 {award_id!r}")
    ranked = {a.id: a for a in sorted(awards.values(), key=lambda a: a.order)}
    forms = replace(forms, awards=ranked)
    return replace(forms, notices=_notices(root, forms))


# --- files --------------------------------------------------------------------------------------


def _toml(root: Traversable, relative: str) -> Table:
    import tomllib  # only when forms/ is read afresh (domain/forms/cache.py)

    entry = root.joinpath(*relative.split("/"))
    try:
        return tomllib.loads(entry.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise FormsError(f"{relative}: 找不到文件") from None
    except UnicodeDecodeError as exc:
        raise FormsError(f"{relative}: 不是 UTF-8 文本（{exc.reason}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise FormsError(f"{relative}: 不是有效的 TOML：{exc}") from None


def convert(file: str, data: object, model: type[T], prefix: str = "") -> T:
    """``data`` read as ``model``; a FormsError in Chinese naming ``file`` and the key."""
    try:
        return msgspec.convert(data, model)
    except msgspec.ValidationError as exc:
        raise schema_error(file, prefix, exc, data, model) from None


def _read(root: Traversable, file: str, model: type[T]) -> T:
    return convert(file, _toml(root, file), model)


def _toml_names(root: Traversable, folder: str) -> list[str]:
    directory = root.joinpath(folder)
    if not directory.is_dir():
        raise FormsError(f"{folder}/: 在 {root} 下找不到此文件夹")
    names = sorted(e.name for e in directory.iterdir() if e.name.endswith(".toml"))
    if not names:
        raise FormsError(f"{folder}/: 没有 .toml 文件")
    return [f"{folder}/{name}" for name in names]


def _same_id(file: str, found: str) -> None:
    if found != Path(file).stem:
        raise problem(file, "id", f"{found!r} 与文件名不同")


def _refuse(file: str, data: Mapping[str, object], key: str, path: str = "") -> None:
    """A key the loader fills in itself (not written in the file)."""
    if key in data:
        raise problem(
            file, f"{path}.{key}" if path else key, "未知的键（由程序填写，不写在文件中）"
        )


# --- the kinds of file --------------------------------------------------------------------------


def _framework(root: Traversable, file: str) -> Framework:
    data = _toml(root, file)
    for i, category in enumerate(_tables(data.get("categories"))):
        for j, item in enumerate(_tables(category.get("items"))):
            _refuse(file, item, "category", f"categories[{i}].items[{j}]")
    fw = convert(file, data, Framework)
    _same_id(file, fw.id)
    categories = tuple(
        msgspec.structs.replace(
            c, items=tuple(msgspec.structs.replace(i, category=c.id) for i in c.items)
        )
        for c in fw.categories
    )
    fw = msgspec.structs.replace(fw, categories=categories)
    checks.framework(file, fw)
    return fw


def _tables(value: object) -> list[Table]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


class _Layouts:
    """forms/layouts.toml read and checked: the layouts by id and the default one's id."""

    def __init__(self, file: str, read: Layouts) -> None:
        self.layouts_by_id: dict[str, Layout] = {}
        self.default = read.default
        names: set[str] = set()
        for i, layout in enumerate(read.layouts):
            found = layout_problem(layout)
            if found:
                raise problem(file, f"layouts[{i}].{found[0]}", found[1])
            for name in layout.names():
                if name.casefold() in names:
                    raise problem(file, f"layouts[{i}]", f"名称 {name!r} 与另一版式重复")
            names |= {n.casefold() for n in layout.names()}
            self.layouts_by_id[layout.id] = layout
        if not read.layouts:
            raise problem(file, "layouts", "缺少此项：至少一个 [[layouts]]")
        if read.default not in self.layouts_by_id:
            raise problem(file, "default", f"没有编号为 {read.default!r} 的版式")


def _layouts(root: Traversable) -> _Layouts:
    return _Layouts("layouts.toml", _read(root, "layouts.toml", Layouts))


def _award(root: Traversable, file: str, forms: Forms) -> Award:
    data = _toml(root, file)
    _refuse(file, data, "applicant")
    award = convert(file, data, Award)
    _same_id(file, award.id)
    if award.framework not in forms.frameworks:
        raise problem(file, "framework", f"frameworks/ 中没有评价准则 {award.framework!r}")
    award = msgspec.structs.replace(award, rules=_rules(file, data, award.rules, forms))
    checks.award(file, award)
    checks.rules(file, award.rules, forms.form, forms.ladder)
    if award.layout is not None:
        found = layout_problem(forms.layout_for(award))
        if found:
            raise problem(file, f"layout.{found[0]}", found[1])
    return award


def _rules(file: str, data: Table, rules: tuple[Rule, ...], forms: Forms) -> tuple[Rule, ...]:
    """The rules with each ``params`` read as its kind's parameters (defaults filled in), and
    the honour ladder given to the kinds that place honours on it.
    """
    raw = _tables(data.get("rules"))
    done = []
    for i, (rule, table) in enumerate(zip(rules, raw, strict=True)):
        read = convert(file, table.get("params"), PARAMS[rule.kind], f"rules[{i}].params")
        _refuse(file, table, "ladder", f"rules[{i}]")
        ladder = forms.ladder.ladder if rule.kind in LADDER_KINDS else ()
        params = msgspec.structs.asdict(read)
        done.append(msgspec.structs.replace(rule, params=params, ladder=ladder))
    return tuple(done)


# --- yearly notices ------------------------------------------------------------------------------


def _notices(root: Traversable, forms: Forms) -> dict[str, tuple[Notice, ...]]:
    """awards/<id>/notices/*.toml for every award that has them, oldest first."""
    found: dict[str, tuple[Notice, ...]] = {}
    for entry in sorted(root.joinpath("awards").iterdir(), key=lambda e: e.name):
        if not entry.is_dir() or entry.name.startswith(("_", ".")):
            continue
        folder = f"awards/{entry.name}"
        if entry.name not in forms.awards:
            raise FormsError(f"{folder}/: 没有奖项 {entry.name!r}（awards/{entry.name}.toml）")
        for inner in entry.iterdir():
            if inner.name != "notices" and not inner.name.startswith(("_", ".")):
                raise FormsError(f"{folder}/{inner.name}: 未知（这里只放 notices/）")
        if not entry.joinpath("notices").is_dir():
            continue
        names = sorted(
            f"{folder}/notices/{e.name}"
            for e in entry.joinpath("notices").iterdir()
            if e.name.endswith(".toml")
        )
        award = forms.awards[entry.name]
        notices = [_notice(root, name, award, forms) for name in names]
        found[award.id] = tuple(sorted(notices, key=lambda n: n.year))
    return found


def _notice(root: Traversable, file: str, award: Award, forms: Forms) -> Notice:
    """One round's notice, checked against its award; facts and limits cite it by default."""
    data = _toml(root, file)
    _refuse(file, data, "award")
    notice = convert(file, data, Notice)
    if str(notice.year) != Path(file).stem:
        raise problem(file, "year", f"{notice.year} 与文件名不同")
    source = cited(notice.title, notice.document_number, notice.issued)
    notice = msgspec.structs.replace(
        notice,
        award=award.id,
        rules=_rules(file, data, notice.rules, forms),
        limits=tuple(msgspec.structs.replace(n, source=n.source or source) for n in notice.limits),
        facts=tuple(msgspec.structs.replace(f, source=f.source or source) for f in notice.facts),
    )
    checks.unique(file, "limits", (limit.part for limit in notice.limits))
    checks.unique(file, "rules", (r.id for r in notice.rules))
    checks.unique(file, "attachments", (a.id for a in notice.attachments))
    rule_ids = {r.id for r in award.rules} | {r.id for r in notice.rules}
    checks.attachments_prove_rules(
        file, msgspec.structs.replace(award, attachments=notice.attachments), rule_ids
    )
    for i, limit in enumerate(notice.limits):
        part = award.part(limit.part)
        if part is None:
            raise problem(file, f"limits[{i}].part", f"{award.id} 没有 {limit.part!r} 这一部分")
        counts = part.counts_figures if limit.counts_figures is None else limit.counts_figures
        if counts and limit.figure_chars is None and part.figure_chars is None:
            where = f"limits[{i}].figure_chars"
            raise problem(file, where, "缺少此项：counts_figures 须说明一张图表计多少字")
    _cycle(file, notice, award)
    checks.rules(file, notice.rules, forms.form, forms.ladder)
    return notice


def _cycle(file: str, notice: Notice, award: Award) -> None:
    """A notice that changes the 办法's cycle must say so (``cycle_note``): it is a conflict."""
    if notice.cycle_note and notice.cycle is None:
        raise problem(file, "cycle_note", "没有 cycle，不应给出 cycle_note")
    if notice.cycle is not None and notice.cycle != award.cycle and not notice.cycle_note:
        raise problem(
            file,
            "cycle_note",
            f"缺少此项：通知的评选周期 {notice.cycle!r} 与办法的 {award.cycle!r} 不同，"
            "须写明冲突及以哪个为准",
        )
