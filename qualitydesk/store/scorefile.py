"""The assessor's file (.qdesk-score): one scorebook as UTF-8 JSON, with a checksum.

The file holds a :class:`~qualitydesk.domain.team.Scorebook` as JSON beside ``"format":
"qualitydesk-score"``, ``"version": 1`` and ``"checksum"``, the SHA-256 of the canonical JSON of
everything else (keys sorted, no spaces, UTF-8 as is). The program recomputes the checksum every
time it saves the file, so a file edited outside it is told from one the program saved.

:func:`read_score_file` refuses, with :class:`ScoreFileError` (a
:class:`~qualitydesk.store.errors.DocumentError`: the store's error, so callers that handle one
handle both) and a Chinese message naming the file, a file that is not JSON or is cut short, not
an assessor's file, written by a newer program, changed outside the program, or scoring an item
the book does not have, an item twice, or a percent outside 0–100 or off the step.
:func:`write_score_file` writes atomically (:mod:`~qualitydesk.store.safewrite`).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualitydesk.domain.scoring import ScoreError, check_pct
from qualitydesk.domain.team import AssessorScore, Scorebook, ScorebookItem
from qualitydesk.store import safewrite
from qualitydesk.store.errors import DocumentError

if TYPE_CHECKING:
    from qualitydesk.domain.forms import Forms
    from qualitydesk.store.document import Document

FORMAT = "qualitydesk-score"
VERSION = 1
SUFFIX = ".qdesk-score"
MAX_BYTES = 20 * 1024 * 1024  # far above a scorebook with every narrative at its limit
_BOOK = ("application", "round", "assessor", "org_name", "award", "framework", "handed_out_at")
_ITEM = ("id", "name", "kind", "narrative")
_REMARKS = ("strengths", "opportunities", "comment")


class ScoreFileError(DocumentError):
    """An assessor's file cannot be used; the message names the file and says why."""


def book_json(book: Scorebook) -> dict[str, object]:
    """``book`` as the JSON of its file, with the format, version and checksum."""
    data: dict[str, object] = {"format": FORMAT, "version": VERSION}
    data |= {key: getattr(book, key) for key in _BOOK}
    data |= {"year": book.year, "step": book.step}
    data["items"] = [
        {"id": i.id, "name": i.name, "points": i.points, "kind": i.kind, "narrative": i.narrative}
        for i in book.items
    ]
    data["scores"] = [
        {"item": s.item, "pct": s.pct} | {key: getattr(s, key) for key in _REMARKS}
        for s in book.scores
    ]
    data["checksum"] = checksum(data)
    return data


def checksum(data: Mapping[str, object]) -> str:
    """The SHA-256 (hex) of the canonical JSON of ``data`` without its ``checksum``."""
    rest = {k: v for k, v in data.items() if k != "checksum"}
    text = json.dumps(rest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_score_file(path: str | os.PathLike[str], book: Scorebook, *, force: bool = True) -> Path:
    """Write ``book`` to ``path`` (through a temporary file; all or nothing) with a fresh
    checksum. The book is written as it is: :func:`read_score_file` checks what it reads.
    An existing file is replaced unless ``force`` is False (the scoring-only mode saves over
    its own file; a hand-out never replaces one without being told).
    """
    target = safewrite.check_target(path, force=force)
    text = json.dumps(book_json(book), ensure_ascii=False, indent=1) + "\n"
    safewrite.write_text(target, text, force=force)
    return target


def read_score_file(path: str | os.PathLike[str]) -> Scorebook:
    """The scorebook in an assessor's file; ScoreFileError saying why it cannot be used."""
    data = _parse(Path(path))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ScoreFileError(f"{path}：不是质量奖申报助手的评分文件")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ScoreFileError(
            f"{path}：由更新版本的质量奖申报助手生成（评分文件格式 {version}），"
            "本程序无法读取；请升级本程序后再汇总"
        )
    if version != VERSION:
        raise ScoreFileError(f"{path}：评分文件的格式版本 {version!r} 无效")
    if data.get("checksum") != checksum(data):
        raise ScoreFileError(
            f"{path}：文件在程序之外被修改过（校验值不符），不能汇总；"
            "请让评分人在质量奖申报助手中打开并重新保存，或重新分发评分表"
        )
    try:
        return _book(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ScoreFileError(f"{path}：{_reason(exc)}") from None


def _parse(path: Path) -> object:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ScoreFileError(f"{path}：文件过大，不是评分文件")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScoreFileError(f"{path}：文件不存在") from None
    except IsADirectoryError:
        raise ScoreFileError(f"{path}：是文件夹，不是评分文件") from None
    except OSError as exc:
        raise ScoreFileError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ScoreFileError(
            f"{path}：不是完整的评分文件（内容不完整或已损坏，可能没有保存完或传输时被截断）"
        ) from None


def _book(data: dict[str, Any]) -> Scorebook:
    """The scorebook of checked ``data``; KeyError / TypeError / ValueError on a bad value."""
    for key in _BOOK:
        _text(data, key)
    step = _int(data, "step")
    if not 1 <= step <= 100:
        raise ValueError(f"评分步长 {step} 无效")
    items = tuple(_item(i) for i in _list(data, "items"))
    ids = [i.id for i in items]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"评分项 {'、'.join(repeated)} 出现了不止一次")
    assessor = str(data["assessor"])
    scores = tuple(_score(s, assessor, set(ids), step) for s in _list(data, "scores"))
    scored = [s.item for s in scores]
    repeated = sorted({i for i in scored if scored.count(i) > 1})
    if repeated:
        raise ValueError(f"评分项 {'、'.join(repeated)} 的评分出现了不止一次")
    return Scorebook(
        application=str(data["application"]),
        round=str(data["round"]),
        assessor=assessor,
        org_name=str(data["org_name"]),
        award=str(data["award"]),
        framework=str(data["framework"]),
        year=_int(data, "year"),
        handed_out_at=str(data["handed_out_at"]),
        step=step,
        items=items,
        scores=scores,
    )


def _item(value: object) -> ScorebookItem:
    if not isinstance(value, dict):
        raise TypeError("评分项应为对象")
    for key in _ITEM:
        _text(value, key)
    return ScorebookItem(
        value["id"], value["name"], _int(value, "points"), value["kind"], value["narrative"]
    )


def _score(value: object, assessor: str, items: set[str], step: int) -> AssessorScore:
    if not isinstance(value, dict):
        raise TypeError("评分应为对象")
    item = _text(value, "item")
    if item not in items:
        raise ValueError(f"评分项“{item}”不是分发的评分表中的评分项")
    pct = value.get("pct")
    try:
        check_pct(pct if isinstance(pct, int) else None, step)
    except ScoreError:
        raise ValueError(
            f"评分项 {item} 的评分（%）{json.dumps(pct, ensure_ascii=False)} 无效：应为 0–100 之间 "
            f"{step} 的倍数"
        ) from None
    remarks = [_text(value, key) for key in _REMARKS]
    return AssessorScore(assessor, item, int(pct), *remarks)  # type: ignore[arg-type]


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"“{key}”应为文字")
    return value


def _int(data: dict[str, Any], key: str) -> int:
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"“{key}”应为整数")
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data[key]
    if not isinstance(value, list):
        raise TypeError(f"“{key}”应为列表")
    return value


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"评分文件缺少“{exc.args[0]}”，不能汇总"
    return f"{exc}，不能汇总"


# --- handing out and collecting ------------------------------------------------------------------

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))}
_RESERVED |= {f"LPT{n}" for n in range(1, 10)}


@dataclass(frozen=True)
class Returned:
    """A returned scorebook as collected: whose, from which file, how many items it scores and
    whether it replaced what the assessor had returned before.
    """

    assessor: str
    path: Path
    scored: int
    replaced: bool
    warnings: tuple[str, ...] = ()


def safe_file_name(name: str) -> str:
    """``name`` as a file name on every system: no folder separators, reserved characters or
    device names (CON …); trailing dots and spaces dropped.
    """
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    if not cleaned:
        return "评分人"
    return f"_{cleaned}" if cleaned.split(".")[0].upper() in _RESERVED else cleaned


def hand_out_files(
    doc: Document,
    forms: Forms,
    names: Sequence[str],
    folder: str | os.PathLike[str],
    *,
    force: bool = False,
) -> list[Path]:
    """Hand out a scorebook to each of ``names`` in a new round: ``<folder>/<name>.qdesk-score``
    and, where the program can write Excel scorebooks, ``<name>.xlsx`` beside it. Returns the
    files written. Every target is checked before anything is registered or written; an
    existing file is replaced only with ``force``.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ScoreFileError(f"{folder}：文件夹不存在；请先建立该文件夹，或换一个位置")
    excel = _excel_writer()
    stems: list[str] = []
    for name in names:
        stem = safe_file_name(name.strip())
        while stem.casefold() in {s.casefold() for s in stems}:
            stem += "_"
        stems.append(stem)
    suffixes = (SUFFIX, ".xlsx") if excel else (SUFFIX,)
    targets = [folder / f"{stem}{suffix}" for stem in stems for suffix in suffixes]
    for target in targets:
        safewrite.check_target(target, force=force)
    doc.hand_out(names)
    written = []
    for name, stem in zip(names, stems, strict=True):
        book = doc.scorebook(name.strip(), forms)
        written.append(write_score_file(folder / f"{stem}{SUFFIX}", book, force=force))
        if excel:
            excel(folder / f"{stem}.xlsx", book, force=force)
            written.append(folder / f"{stem}.xlsx")
    return written


def read_returned(path: str | os.PathLike[str]) -> tuple[Scorebook, tuple[str, ...]]:
    """The scorebook of a returned file (an assessor's file or a filled Excel scorebook) and
    what was ignored while reading it (sheets an assessor added …), in Chinese.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return read_score_file(path), ()
    try:
        from qualitydesk.store.scorebookread import read_scorebook
    except ImportError:
        raise ScoreFileError(f"{path}：本程序不能读取 Excel 评分表") from None
    read = read_scorebook(path)  # ScorebookError (a DocumentError) names the cell
    return read.book, read.warnings


def collect(
    doc: Document,
    forms: Forms,
    paths: Sequence[str | os.PathLike[str]],
    *,
    replace: bool = False,
) -> list[Returned]:
    """Record the scores of the returned files ``paths`` (assessor's files or Excel scorebooks).

    Every file is read and checked before any is recorded: one that cannot be used, or two of
    the same assessor, refuse the whole collection with ScoreFileError / DocumentError naming
    the file, and nothing changes. The books' narratives are never read into the application.
    """
    framework = forms.framework(doc.framework_id)
    books: list[tuple[Scorebook, Returned]] = []
    seen: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        book, warnings = read_returned(path)
        if book.assessor in seen:
            raise ScoreFileError(
                f"{path}：与 {seen[book.assessor].name} 同是{book.assessor}的评分表，请只选其中一份"
            )
        seen[book.assessor] = path
        try:
            who, _ = doc.check_returned(book, replace=replace, framework=framework)
        except ScoreFileError:
            raise
        except DocumentError as exc:
            raise ScoreFileError(f"{path}：{exc}") from None
        books.append(
            (book, Returned(who.name, path, len(book.scores), bool(who.returned_at), warnings))
        )
    for book, returned in books:
        doc.record_returned(book, returned.path.name, replace=replace, framework=framework)
    return [returned for _, returned in books]


def _excel_writer() -> Callable[..., Path] | None:
    """The Excel scorebook writer, when the program has it."""
    try:
        from qualitydesk.export.scorebook import write_scorebook
    except ImportError:
        return None
    return write_scorebook
