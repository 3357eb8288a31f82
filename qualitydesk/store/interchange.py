"""Lossless JSON interchange: ``dump`` a document to JSON and ``load`` it back into a new file.

dump → load → dump gives identical JSON: every value, timestamp, attachment (base64, with its
sha256 checked on load) and history entry is carried. ``load`` checks the JSON against forms/
first and reports every problem with its JSON path; it writes a temporary file and moves it into
place only when everything is in, so a failed load leaves nothing behind.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from qualitydesk.domain.forms import Forms
from qualitydesk.domain.scoring import ScoreError, check_pct
from qualitydesk.store import schema
from qualitydesk.store.document import HISTORY_KINDS, Document, DocumentError
from qualitydesk.store.records import LINK_KINDS, Declaration, Indicator, Score

FORMAT = "qualitydesk"
META_KEYS = ("award", "framework", "year", "date", "created", "modified", "app_version")


class InterchangeError(DocumentError):
    """The JSON cannot be loaded; ``problems`` lists each one with its JSON path."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        shown = "；".join(problems[:5]) + (
            f"；等共 {len(problems)} 处" if len(problems) > 5 else ""
        )
        super().__init__(f"{source}：无法导入（{shown}）")


def dump(doc: Document) -> dict[str, Any]:
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
    }


def dumps(doc: Document) -> str:
    return json.dumps(dump(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _plain(record: Score | Declaration) -> dict[str, Any]:
    data = dict(record.__dict__)
    if isinstance(record, Score):
        data["notes"] = dict(record.notes)
    return data


def _indicator_json(ind: Indicator) -> dict[str, Any]:
    data = dict(ind.__dict__)
    data["values"] = {str(year): value for year, value in sorted(ind.values.items())}
    return data


# --- load -------------------------------------------------------------------------------------


def load(data: Any, target: str | os.PathLike[str], forms: Forms, *, source: str = "JSON") -> None:
    """Create ``target`` from dumped ``data``; refuse (writing nothing) if anything is wrong."""
    target = Path(target)
    problems = _Checker(forms).check(data)
    if problems:
        raise InterchangeError(source, problems)
    if target.exists():
        raise DocumentError(f"{target}：文件已存在，不会覆盖")
    fd, temp_name = tempfile.mkstemp(prefix=".qdesk-load-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    temp.unlink()
    try:
        try:
            _write(data, temp)
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            # The checks above should have caught it; still one clear error, and nothing left.
            raise InterchangeError(source, [f"$：无法写入（{type(exc).__name__}: {exc}）"]) from exc
        os.replace(temp, target)
    finally:
        for leftover in (
            temp,
            temp.with_name(temp.name + "-wal"),
            temp.with_name(temp.name + "-shm"),
            temp.with_name(temp.name + ".lock"),
        ):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _write(data: dict[str, Any], path: Path) -> None:
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
            db["meta"].delete_where()
            db["meta"].insert_all([{"key": k, "value": v} for k, v in meta.items()])
            db["fields"].insert_all(
                [
                    {"id": k, "value": json.dumps(v, ensure_ascii=False)}
                    for k, v in data["fields"].items()
                ]
            )
            for table_id, rows in data["tables"].items():
                db["table_rows"].insert_all(
                    [
                        {
                            "table_id": table_id,
                            "position": i,
                            "data": json.dumps(r, ensure_ascii=False, sort_keys=True),
                        }
                        for i, r in enumerate(rows)
                    ]
                )
            for rule, d in data["declarations"].items():
                db["declarations"].insert(d | {"rule": rule, "affirmed": int(d["affirmed"])})
            db["profile"].insert_all(
                [{"section": k, "text": v} for k, v in data["profile"].items()]
            )
            db["narratives"].insert_all(
                [{"item": k, "text": v} for k, v in data["narratives"].items()]
            )
            for item, s in data["scores"].items():
                notes = json.dumps(s["notes"], ensure_ascii=False, sort_keys=True)
                db["scores"].insert(s | {"item": item, "notes": notes})
            for position, ind in enumerate(data["indicators"]):
                record = {k: v for k, v in ind.items() if k != "values"} | {"position": position}
                db["indicators"].insert(record)
                db["indicator_values"].insert_all(
                    [
                        {"indicator": ind["id"], "year": int(y), "value": v}
                        for y, v in ind["values"].items()
                    ]
                )
            for a in data["attachments"]:
                blob = base64.b64decode(a["data"])
                if not db["blobs"].count_where("sha256 = ?", [a["sha256"]]):
                    db["blobs"].insert({"sha256": a["sha256"], "size": len(blob), "data": blob})
                db["attachments"].insert(
                    {
                        k: a[k]
                        for k in (
                            "id",
                            "sha256",
                            "file_name",
                            "media_type",
                            "size",
                            "caption",
                            "added_at",
                        )
                    }
                )
                db["attachment_links"].insert_all(
                    [
                        {"attachment": a["id"], "kind": link["kind"], "target": link["target"]}
                        for link in a["links"]
                    ]
                )
            db["history"].delete_where()
            db["history"].insert_all(
                [
                    h | {"value": json.dumps(h["value"], ensure_ascii=False, sort_keys=True)}
                    for h in data["history"]
                ]
            )
    finally:
        doc.close()


_TEXT = (str, "字符串")
_NUMBER = ((int, float, type(None)), "数字或 null")
RECORD_TYPES: dict[str, dict[str, tuple[type | tuple[type, ...], str]]] = {
    "Declaration": {
        "affirmed": (bool, "true/false"),
        "statement": _TEXT,
        "evidence": _TEXT,
        "affirmed_at": _TEXT,
    },
    "Score": {
        "pct": (int, "整数"),
        "notes": (dict, "对象"),
        "strengths": _TEXT,
        "opportunities": _TEXT,
        "assessor": _TEXT,
        "scored_at": _TEXT,
    },
    "Indicator": {
        "id": _TEXT,
        "name": _TEXT,
        "unit": _TEXT,
        "better": _TEXT,
        "item": _TEXT,
        "values": (dict, "对象"),
        "target": _NUMBER,
        "competitor": _NUMBER,
        "competitor_source": _TEXT,
        "benchmark": _NUMBER,
        "benchmark_source": _TEXT,
    },
}
ATTACHMENT_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "id": (int, "整数"),
    "file_name": _TEXT,
    "media_type": _TEXT,
    "size": (int, "整数"),
    "sha256": _TEXT,
    "caption": _TEXT,
    "added_at": _TEXT,
    "links": (list, "数组"),
    "data": _TEXT,
}
HISTORY_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "id": (int, "整数"),
    "kind": _TEXT,
    "key": _TEXT,
    "at": _TEXT,
}


class _Checker:
    """Collects every problem of a dumped document, each with its JSON path."""

    def __init__(self, forms: Forms) -> None:
        self.forms = forms
        self.problems: list[str] = []

    def bad(self, path: str, problem: str) -> None:
        self.problems.append(f"{path}：{problem}")

    def typed(self, value: Any, kind: type | tuple[type, ...], path: str, name: str) -> bool:
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            self.bad(path, f"应为{name}")
            return False
        if not isinstance(value, kind):
            self.bad(path, f"应为{name}")
            return False
        return True

    def check(self, data: Any) -> list[str]:
        if not self.typed(data, dict, "$", "对象"):
            return self.problems
        if data.get("format") != FORMAT:
            self.bad("$.format", f"应为 {FORMAT!r}（不是 QualityDesk 导出的 JSON）")
            return self.problems
        version = data.get("schema")
        if not isinstance(version, int) or not 1 <= version <= schema.SCHEMA_VERSION:
            self.bad(
                "$.schema", f"不支持的格式版本 {version!r}（本程序支持 1–{schema.SCHEMA_VERSION}）"
            )
        expected = {
            "format",
            "schema",
            "meta",
            "fields",
            "tables",
            "declarations",
            "profile",
            "narratives",
            "scores",
            "indicators",
            "attachments",
            "history",
        }
        for key in sorted(set(data) - expected):
            self.bad(f"$.{key}", "未知的键")
        for key in sorted(expected - set(data)):
            self.bad(f"$.{key}", "缺少")
        if self.problems:
            return self.problems
        award = self._meta(data["meta"])
        meta = data["meta"] if isinstance(data["meta"], dict) else {}
        self._fields(data["fields"])
        self._tables(data["tables"])
        self._declarations(data["declarations"], award)
        fw = self.forms.frameworks.get(str(meta.get("framework")))
        items = {i.id for i in fw.items} if fw else set()
        sections = {s.id for s in fw.profile.sections} if fw else set()
        self._texts(data["profile"], "$.profile", sections, "组织概述章节")
        self._texts(data["narratives"], "$.narratives", items, "评分项")
        self._scores(data["scores"], items)
        self._indicators(data["indicators"], items)
        self._attachments(data["attachments"])
        self._history(data["history"])
        return self.problems

    def _meta(self, meta: Any) -> str | None:
        if not self.typed(meta, dict, "$.meta", "对象"):
            return None
        for key in META_KEYS:
            if not isinstance(meta.get(key), str):
                self.bad(f"$.meta.{key}", "缺少或不是字符串")
        award = meta.get("award")
        if not isinstance(award, str):
            award = None
        elif award not in self.forms.awards:
            self.bad("$.meta.award", f"没有编号为 {award!r} 的奖项")
            award = None
        elif meta.get("framework") != self.forms.awards[award].framework:
            self.bad("$.meta.framework", f"应为 {self.forms.awards[award].framework}")
        with contextlib.suppress(TypeError, ValueError, KeyError):
            date.fromisoformat(meta["date"])
            int(meta["year"])
            return award
        self.bad("$.meta.date", "日期或年度格式不正确")
        return award

    def _value(self, value: Any, path: str) -> None:
        if value is not None and not isinstance(value, str | bool):
            self.bad(path, "应为字符串、true/false 或 null")

    def _fields(self, fields: Any) -> None:
        if not self.typed(fields, dict, "$.fields", "对象"):
            return
        known = {f.id for f in self.forms.form.fields}
        for key, value in fields.items():
            if key not in known:
                self.bad(f"$.fields.{key}", "申请表中没有这个字段")
            self._value(value, f"$.fields.{key}")

    def _tables(self, tables: Any) -> None:
        if not self.typed(tables, dict, "$.tables", "对象"):
            return
        for table_id, rows in tables.items():
            path = f"$.tables.{table_id}"
            try:
                columns = {c.id for c in self.forms.form.table(table_id).columns}
            except KeyError:
                self.bad(path, "申请表中没有这个表格")
                continue
            if not self.typed(rows, list, path, "数组"):
                continue
            for i, row in enumerate(rows):
                if not self.typed(row, dict, f"{path}[{i}]", "对象"):
                    continue
                for column, value in row.items():
                    if column not in columns:
                        self.bad(f"{path}[{i}].{column}", "表格中没有这一列")
                    self._value(value, f"{path}[{i}].{column}")

    def _declarations(self, declarations: Any, award: str | None) -> None:
        if not self.typed(declarations, dict, "$.declarations", "对象"):
            return
        rules = {r.id for r in self.forms.awards[award].rules} if award else set()
        for rule, d in declarations.items():
            path = f"$.declarations.{rule}"
            if award and rule not in rules:
                self.bad(path, "该奖项没有这一资格条款")
            self._record(d, path, Declaration)

    def _record(self, value: Any, path: str, kind: type) -> None:
        if not self.typed(value, dict, path, "对象"):
            return
        try:
            kind(**value)
        except TypeError as exc:
            self.bad(path, f"字段不符（{exc}）")
            return
        for name, (types, label) in RECORD_TYPES[kind.__name__].items():
            if name in value:
                self.typed(value[name], types, f"{path}.{name}", label)
        notes = value.get("notes", {})
        if isinstance(notes, dict) and not all(isinstance(v, str) for v in notes.values()):
            self.bad(f"{path}.notes", "评语应为字符串")

    def _typed_fields(
        self, record: dict[str, Any], path: str, types: dict[str, tuple[Any, str]]
    ) -> bool:
        """Every field present with its type; False (each problem reported) otherwise."""
        ok = True
        for name, (kind, label) in types.items():
            if name not in record:
                self.bad(f"{path}.{name}", "缺少")
                ok = False
            elif not self.typed(record[name], kind, f"{path}.{name}", label):
                ok = False
        return ok

    def _texts(self, texts: Any, path: str, known: set[str], what: str) -> None:
        if not self.typed(texts, dict, path, "对象"):
            return
        for key, text in texts.items():
            if key not in known:
                self.bad(f"{path}.{key}", f"没有这个{what}")
            self.typed(text, str, f"{path}.{key}", "字符串")

    def _scores(self, scores: Any, items: set[str]) -> None:
        if not self.typed(scores, dict, "$.scores", "对象"):
            return
        for item, s in scores.items():
            path = f"$.scores.{item}"
            if item not in items:
                self.bad(path, "没有这个评分项")
            self._record(s, path, Score)
            if isinstance(s, dict):
                try:
                    check_pct(s.get("pct"))
                except ScoreError as exc:
                    self.bad(f"{path}.pct", str(exc))

    def _indicators(self, indicators: Any, items: set[str]) -> None:
        if not self.typed(indicators, list, "$.indicators", "数组"):
            return
        seen: set[str] = set()
        for i, ind in enumerate(indicators):
            path = f"$.indicators[{i}]"
            self._record(ind, path, Indicator)
            if not isinstance(ind, dict):
                continue
            if not isinstance(ind.get("id"), str) or not isinstance(ind.get("item"), str):
                continue  # reported by _record
            if ind.get("id") in seen:
                self.bad(f"{path}.id", "编号重复")
            seen.add(ind["id"])
            if ind.get("item") not in items:
                self.bad(f"{path}.item", f"没有评分项 {ind.get('item')!r}")
            if ind.get("better") not in ("higher", "lower"):
                self.bad(f"{path}.better", "应为 higher 或 lower")
            values = ind.get("values")
            if self.typed(values, dict, f"{path}.values", "对象"):
                for year, value in values.items():
                    if (
                        not year.isascii()
                        or not year.isdigit()
                        or isinstance(value, bool)
                        or not isinstance(value, int | float)
                    ):
                        self.bad(f"{path}.values.{year}", "年度应为数字、数值应为数字")

    def _attachments(self, attachments: Any) -> None:
        if not self.typed(attachments, list, "$.attachments", "数组"):
            return
        ids: set[int] = set()
        for i, a in enumerate(attachments):
            path = f"$.attachments[{i}]"
            if not self.typed(a, dict, path, "对象"):
                continue
            if not self._typed_fields(a, path, ATTACHMENT_TYPES):
                continue
            if a["id"] in ids:
                self.bad(f"{path}.id", "编号重复")
            ids.add(a["id"])
            try:
                blob = base64.b64decode(a.get("data", ""), validate=True)
            except (binascii.Error, TypeError, ValueError):
                self.bad(f"{path}.data", "不是有效的 base64")
                continue
            if hashlib.sha256(blob).hexdigest() != a.get("sha256"):
                self.bad(f"{path}.sha256", "与附件内容不符（文件可能已损坏或被改动）")
            if a.get("size") != len(blob):
                self.bad(f"{path}.size", f"应为 {len(blob)}")
            if not isinstance(a.get("id"), int) or not isinstance(a.get("file_name"), str):
                self.bad(path, "缺少编号或文件名")
            for j, link in enumerate(a["links"]):
                if not isinstance(link, dict) or link.get("kind") not in LINK_KINDS:
                    self.bad(f"{path}.links[{j}]", "关联类型应为 item、rule 或 checklist")
                elif not isinstance(link.get("target"), str):
                    self.bad(f"{path}.links[{j}].target", "缺少或不是字符串")

    def _history(self, history: Any) -> None:
        if not self.typed(history, list, "$.history", "数组"):
            return
        ids: set[int] = set()
        for i, h in enumerate(history):
            path = f"$.history[{i}]"
            if not self.typed(h, dict, path, "对象"):
                continue
            if set(h) != {"id", "kind", "key", "value", "at"} or h.get("kind") not in HISTORY_KINDS:
                self.bad(path, "历史记录应含 id、kind、key、value、at，且 kind 有效")
            elif self._typed_fields(h, path, HISTORY_TYPES):
                if h["id"] in ids:
                    self.bad(f"{path}.id", "编号重复")
                ids.add(h["id"])


def read_json(path: str | os.PathLike[str]) -> Any:
    """Read a JSON file, saying precisely what is wrong with it."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise DocumentError(f"{path}：文件不存在") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{path}：不是 UTF-8 文本") from None
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"{path}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
