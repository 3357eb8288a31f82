"""Lossless JSON interchange: ``dump`` a document to JSON and ``load`` it back into a new file.

dump → load → dump gives identical JSON: every value, timestamp, attachment (base64, with its
sha256 checked on load) and history entry is carried. ``load`` validates the whole JSON against
one schema built from forms/ (:mod:`qualitydesk.store.dumpschema`) before anything is written and
reports every problem with its JSON path; it writes a temporary file and moves it into place only
when everything is in, so a failed load leaves nothing behind. :func:`read_json` refuses a file
over :data:`MAX_JSON_BYTES` before reading it, and text that is not UTF-8 or not JSON.
"""

from __future__ import annotations

import base64
import codecs
import json
import os
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pydantic_core
from msgspec.structs import asdict
from pydantic import JsonValue

from qualitydesk.domain.forms import Forms
from qualitydesk.domain.numbers import file_size, integer
from qualitydesk.store import dumpschema, dumpteam, rows, safewrite, schema, sizes
from qualitydesk.store.document import DEFAULT_MAX_ATTACHMENT, Document, DocumentError
from qualitydesk.store.errors import reading
from qualitydesk.store.jsonpath import json_path
from qualitydesk.store.records import Attachment, Declaration, Indicator, Link, Revision, Score

FORMAT = dumpschema.FORMAT
# The same limit as a file opened for the document (an attachment): 100 MB.
MAX_JSON_BYTES = DEFAULT_MAX_ATTACHMENT
MAX_SHOWN_PROBLEMS = 20


class InterchangeError(DocumentError):
    """The JSON cannot be loaded; ``problems`` lists each one with its JSON path.

    The message names the first :data:`MAX_SHOWN_PROBLEMS`, one a line, then how many more.
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        if len(problems) == 1:
            super().__init__(f"{source}：无法导入（{problems[0]}）")
            return
        lines = [f"{source}：无法导入，有 {len(problems)} 处问题（请按位置修正，或重新导出）："]
        lines += [f"  {p}" for p in problems[:MAX_SHOWN_PROBLEMS]]
        if len(problems) > MAX_SHOWN_PROBLEMS:
            lines.append(f"  还有 {len(problems) - MAX_SHOWN_PROBLEMS} 处")
        super().__init__("\n".join(lines))


def dump(doc: Document) -> dict[str, object]:
    """The whole document as JSON-ready data (saved state and pending changes)."""
    attachments = []
    for a in doc.attachments():
        attachments.append(
            {
                "id": a.id,
                "file_name": a.file_name,
                "media_type": a.media_type,
                "size": a.size,
                "sha256": a.sha256,
                "caption": a.caption,
                "added_at": a.added_at,
                "links": [{"kind": link.kind, "target": link.target} for link in a.links],
                "data": base64.b64encode(doc.attachment_data(a.id)).decode("ascii"),
            }
        )
    return {
        "format": FORMAT,
        "schema": schema.SCHEMA_VERSION,
        "meta": dict(sorted(doc.meta.items())),
        "fields": doc.fields(),
        "tables": {t: doc.rows(t) for t in doc.table_ids()},
        "declarations": {r: _plain(d) for r, d in doc.declarations().items()},
        "profile": doc.profiles(),
        "narratives": doc.narratives(),
        "scores": {i: _plain(s) for i, s in doc.scores().items()},
        "indicators": [_indicator_json(i) for i in doc.indicators()],
        "attachments": attachments,
        "history": [
            {"id": r.id, "kind": r.kind, "key": r.key, "value": r.value, "at": r.at}
            for r in reversed(doc.history())
        ],
        **_team(doc),
    }


def _team(doc: Document) -> dict[str, list[dict[str, Any]]]:
    with reading(doc.path, "自评小组与改进计划"):
        return dumpteam.team_json(doc.conn)


def dumps(doc: Document) -> str:
    """The dump of ``doc`` as JSON text (keys sorted, two-space indent, UTF-8 as is)."""
    return json.dumps(dump(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _plain(record: Score | Declaration) -> dict[str, Any]:
    data = asdict(record)
    if isinstance(record, Score):
        data["notes"] = dict(record.notes)
    return data


def _indicator_json(ind: Indicator) -> dict[str, Any]:
    data = asdict(ind)
    data["values"] = {str(year): value for year, value in sorted(ind.values.items())}
    return data


# --- load -------------------------------------------------------------------------------------


def load(
    data: object,
    target: str | os.PathLike[str],
    forms: Forms,
    *,
    source: str = "JSON",
    force: bool = False,
) -> None:
    """Create ``target`` from dumped ``data``; refuse (writing nothing) if anything is wrong.

    The file is built under a temporary name and moved into place when complete; an existing
    file is replaced only with ``force`` (:func:`qualitydesk.store.safewrite.new_document`).
    """
    document, problems = dumpschema.validate(data, forms)
    if document is None:
        raise InterchangeError(source, problems)
    too_long = sizes.in_dump(document, forms)  # the bounds of forms/limits.toml
    if too_long:
        raise InterchangeError(source, too_long)
    bombs = _image_bombs(document)  # as adding the file would refuse them
    if bombs:
        raise InterchangeError(source, bombs)
    strays = dumpteam.team_problems(document)  # a score by an assessor not listed
    if strays:
        raise InterchangeError(source, strays)
    with safewrite.new_document(target, force=force) as temp:
        try:
            _write(document, temp)
        except (sqlite3.IntegrityError, ValueError, TypeError, KeyError) as exc:
            # The checks above should have caught it; still one clear error, and nothing left.
            raise InterchangeError(source, [f"$：无法写入（{exc}）"]) from exc


def _image_bombs(document: dict[str, Any]) -> list[str]:
    """Attachments that are images with more pixels than may be decoded, at their JSON paths."""
    from qualitydesk.store import media  # Pillow loads only here

    found = []
    for index, attachment in enumerate(document.get("attachments", [])):
        data = attachment["data"]
        refused = media.refusal(data, attachment["file_name"], attachment["media_type"])
        if refused:
            found.append(f"{json_path(['attachments', index, 'data'])}：{refused}")
    return found


def _write(data: dict[str, Any], path: Path) -> None:
    """Write the validated ``data`` into a new file at ``path``, row by row as the document does."""
    meta = data["meta"]
    doc = Document.create(
        path,
        award=meta["award"],
        framework=meta["framework"],
        year=int(meta["year"]),
        application_date=date.fromisoformat(meta["date"]),
    )
    try:
        db = doc.db
        with db.atomic():
            db.table("meta").delete_where()
            for key, value in meta.items():
                rows.write_meta(db, key, value)
            for key, value in data["fields"].items():
                rows.write_field(db, key, value)
            for table_id, table in data["tables"].items():
                rows.write_rows(db, table_id, table)
            for rule, declaration in data["declarations"].items():
                rows.write_declaration(db, rule, Declaration(**declaration))
            for section, text in data["profile"].items():
                rows.write_profile(db, section, text)
            for item, text in data["narratives"].items():
                rows.write_narrative(db, item, text)
            for item, score in data["scores"].items():
                rows.write_score(db, item, Score(**score))
            for position, indicator in enumerate(data["indicators"]):
                rows.write_indicator(db, Indicator(**indicator), position)
            for a in data["attachments"]:
                links = tuple(Link(link["kind"], link["target"]) for link in a["links"])
                record = {k: v for k, v in a.items() if k != "data"} | {"links": links}
                rows.write_attachment(db, Attachment(**record), a["data"], new=False)
            db.table("history").delete_where()
            rows.write_revisions(db, (Revision(**h) for h in data["history"]))
            dumpteam.write_team(db, data)
    finally:
        doc.close()


def read_json(path: str | os.PathLike[str]) -> JsonValue:
    """Read a JSON file, saying precisely what is wrong with it.

    The size is checked before anything is read (:data:`MAX_JSON_BYTES`). The parser is
    pydantic-core's (jiter), on the bytes as read (no second copy as text): it builds no Python
    recursion, stops input nested deeper than 200 levels with an error, checks the UTF-8, keeps
    integers of any size for the schema to refuse by their range, and reads NaN and Infinity so
    that the schema can name where they stand. A byte-order mark (Windows editors) is allowed.
    """
    raw = _read_bytes(path)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return pydantic_core.from_json(raw, allow_inf_nan=True)
    except ValueError as exc:
        problem = str(exc)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}：不是 UTF-8 文本（第 {integer(exc.start + 1)} 个字节起无法解码）；"
            "请用 UTF-8 编码保存后再导入"
        ) from None
    raise DocumentError(f"{path}：不是有效的 JSON（{_parse_problem(problem)}）")


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    raw = b""
    try:
        size = os.stat(path).st_size
        if size <= MAX_JSON_BYTES:
            with open(path, "rb") as f:
                raw = f.read(MAX_JSON_BYTES + 1)
            size = len(raw)  # it may have grown since
    except FileNotFoundError:
        raise DocumentError(f"{path}：文件不存在") from None
    except IsADirectoryError:
        raise DocumentError(f"{path}：是文件夹，不是 JSON 文件") from None
    except OSError as exc:
        raise DocumentError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    if size > MAX_JSON_BYTES:
        raise DocumentError(
            f"{path}：文件过大（{file_size(size)}，导入上限 {file_size(MAX_JSON_BYTES)}）；"
            "请确认选的是 QualityDesk 导出的 JSON"
        )
    return raw


_PARSE_PROBLEM = re.compile(r"(?P<what>.*) at line (?P<line>\d+) column (?P<column>\d+)$")
_PARSE_DETAILS = {
    "EOF while parsing": "文件在此意外结束，可能没有写完或被截断",
    "recursion limit exceeded": "嵌套层数过多",
    "number out of range": "数字过大",
    "trailing characters": "JSON 结束后还有多余的内容",
    "control character": "字符串中有未转义的控制字符",
    "expected value": "此处应为一个值",
    "key must be a string": "对象的键应为字符串",
    "invalid escape": "无效的转义",
    "lone leading surrogate": "无效的 Unicode 转义",
    "unexpected end of hex escape": "无效的 Unicode 转义",
}


def _parse_problem(message: str) -> str:
    """The parser's (English) message as ``第 L 行第 C 列：中文说明``."""
    found = _PARSE_PROBLEM.match(message)
    if not found:
        return message
    what = found["what"]
    detail = next((zh for en, zh in _PARSE_DETAILS.items() if what.startswith(en)), what)
    return f"第 {found['line']} 行第 {found['column']} 列：{detail}"
