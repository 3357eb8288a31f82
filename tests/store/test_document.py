"""The .qdesk file: what it holds, how it saves, what history keeps, how attachments behave."""

import sqlite3

import pytest

from qualitydesk.store import schema
from qualitydesk.store.document import Document, DocumentError
from qualitydesk.store.records import Declaration, Indicator, Link, Score

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_new_file_is_marked_versioned_wal_with_foreign_keys(new_doc):
    doc = new_doc(org_name="苏州澄远精密科技有限公司")
    assert doc.field("org_name") == "苏州澄远精密科技有限公司"
    conn = sqlite3.connect(doc.path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert doc.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert doc.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert (doc.award_id, doc.framework_id, doc.year) == ("suzhou-mayor", "gbt19580-2012", 2026)


def test_everything_survives_close_and_reopen(new_doc):
    doc = new_doc()
    doc.set_field("uscc", "91320506MA1XY712K0")
    doc.set_field("commitment_signed", True)
    doc.set_rows("financials", [{"year": "2025", "profit_total": "16980.00"}])
    doc.set_narrative("4.1.2", "### 方法\n\n高层领导每季度主持经营分析会。\n")
    doc.set_profile("B.1.1", "公司主要产品为液压伺服阀。")
    doc.set_score("4.1.2", Score(65, {"A": "方法系统"}, "领导垂范", "继任计划", "张工"))
    doc.set_declaration("no-major-accident", Declaration(True, "近三年无较大事故", "安监证明"))
    doc.set_limit("report", 60000)
    doc.save()
    doc.put_indicator(
        Indicator(
            "fpy",
            "一次交检合格率",
            "%",
            "higher",
            "4.7.2",
            {2024: 99.3, 2025: 99.5},
            target=99.6,
            benchmark=99.7,
            benchmark_source="行业标杆",
        )
    )
    attachment = doc.add_attachment(
        PNG, "营业执照.png", caption="营业执照", links=(Link("checklist", "business-licence"),)
    )
    doc.close()

    with Document.open(doc.path) as again:
        assert again.field("uscc") == "91320506MA1XY712K0"
        assert again.field("commitment_signed") is True
        assert again.rows("financials") == [{"year": "2025", "profit_total": "16980.00"}]
        assert again.narrative("4.1.2").startswith("### 方法")
        assert again.profile("B.1.1") == "公司主要产品为液压伺服阀。"
        score = again.score("4.1.2")
        assert (score.pct, score.notes["A"], score.assessor) == (65, "方法系统", "张工")
        assert score.scored_at
        declaration = again.declaration("no-major-accident")
        assert declaration.affirmed
        assert declaration.affirmed_at
        assert again.limit("report") == 60000
        (indicator,) = again.indicators()
        assert indicator.values == {2024: 99.3, 2025: 99.5}
        assert indicator.benchmark_source == "行业标杆"
        (stored,) = again.attachments()
        assert stored == attachment
        assert again.attachment_data(stored.id) == PNG


def test_changes_are_pending_until_saved(new_doc, tmp_path):
    doc = new_doc()
    doc.set_narrative("4.2.2", "战略制定过程")
    assert doc.pending
    assert doc.narrative("4.2.2") == "战略制定过程"  # reads see pending changes
    with Document.open(doc.path, read_only=True) as reader:
        assert reader.narrative("4.2.2") == ""
    saved = doc.save()
    assert not doc.pending
    assert doc.saved_at == saved == doc.meta["modified"]
    with Document.open(doc.path, read_only=True) as reader:
        assert reader.narrative("4.2.2") == "战略制定过程"


def test_clearing_values_removes_them(new_doc):
    doc = new_doc()
    doc.set_field("website", "https://example.cn")
    doc.set_score("4.1.3", Score(50))
    doc.save()
    doc.set_field("website", "")
    doc.set_score("4.1.3", None)
    doc.save()
    assert "website" not in doc.fields()
    assert doc.score("4.1.3") is None


def test_read_only_documents_refuse_changes(new_doc):
    doc = new_doc()
    with Document.open(doc.path, read_only=True) as reader:
        assert reader.read_only
        with pytest.raises(DocumentError, match="只读"):
            reader.set_field("org_name", "x")
        with pytest.raises(DocumentError, match="只读"):
            reader.add_attachment(PNG, "a.png")


# --- history --------------------------------------------------------------------------------


def test_typing_is_coalesced_into_one_history_entry(new_doc, clock):
    doc = new_doc()
    text = ""
    for ch in "高层领导通过战略研讨会确定使命愿景":
        text += ch
        doc.set_narrative("4.1.2", text)
        doc.save()
        clock.advance(seconds=1)
    versions = doc.history("narrative", "4.1.2")
    assert len(versions) == 1
    assert versions[0].value == text


def test_a_pause_or_another_edit_starts_a_new_entry(new_doc, clock):
    doc = new_doc()
    doc.set_narrative("4.1.2", "第一稿")
    doc.save()
    clock.advance(minutes=10)
    doc.set_narrative("4.1.2", "第二稿")
    doc.save()
    doc.set_field("org_name", "澄远")
    doc.save()
    doc.set_narrative("4.1.2", "第三稿")
    doc.save()
    assert [r.value for r in doc.history("narrative", "4.1.2")] == ["第三稿", "第二稿", "第一稿"]
    assert [r.kind for r in doc.history()][:2] == ["narrative", "field"]


def test_an_earlier_version_can_be_restored(new_doc, clock):
    doc = new_doc()
    doc.set_narrative("4.3.2", "原稿：顾客细分为主机厂与维修市场")
    doc.set_score("4.3.2", Score(55, strengths="细分清楚"))
    doc.save()
    first_text = doc.history("narrative", "4.3.2")[0]
    first_score = doc.history("score", "4.3.2")[0]
    clock.advance(minutes=10)
    doc.set_narrative("4.3.2", "误删后只剩一句")
    doc.set_score("4.3.2", Score(30))
    doc.save()
    doc.restore(first_text.id)
    doc.restore(first_score.id)
    doc.save()
    assert doc.narrative("4.3.2") == "原稿：顾客细分为主机厂与维修市场"
    assert doc.score("4.3.2").strengths == "细分清楚"
    assert len(doc.history("narrative", "4.3.2")) == 3
    with pytest.raises(DocumentError, match="历史版本"):
        doc.restore(9999)


# --- attachments ----------------------------------------------------------------------------


def test_identical_attachments_are_stored_once(new_doc):
    doc = new_doc()
    a = doc.add_attachment(PNG, "证书.png", links=(Link("rule", "qms-certified"),))
    b = doc.add_attachment(PNG, "证书副本.png")
    assert a.sha256 == b.sha256
    assert doc.db["blobs"].count == 1
    doc.remove_attachment(a.id)
    assert doc.db["blobs"].count == 1
    doc.remove_attachment(b.id)
    assert doc.db["blobs"].count == 0
    assert doc.attachments() == []


def test_attachment_size_limit(new_doc):
    doc = new_doc(max_attachment=1024)
    with pytest.raises(DocumentError, match="超过上限"):
        doc.add_attachment(b"x" * 2048, "大文件.pdf")
    assert doc.attachments() == []


def test_attachment_links_and_captions_can_change(new_doc):
    doc = new_doc()
    a = doc.add_attachment(PNG, "照片.png", links=(Link("item", "4.4.6"),))
    doc.update_attachment(a.id, caption="新厂房", links=(Link("item", "4.4.6"), Link("rule", "x")))
    (stored,) = doc.attachments()
    assert stored.caption == "新厂房"
    assert set(stored.links) == {Link("item", "4.4.6"), Link("rule", "x")}
    with pytest.raises(DocumentError, match="关联"):
        doc.update_attachment(a.id, links=(Link("page", "1"),))


@pytest.mark.parametrize(
    "name",
    [
        "../../escape.png",
        "/etc/passwd",
        "..\\..\\windows.png",
        "C:\\Users\\a\\b.png",
        "sub/dir/c.png",
        "..",
        "con:tro<l>.png",
        "\u202egnp.exe",
    ],
)
def test_exported_attachments_never_leave_the_chosen_folder(new_doc, tmp_path, name):
    doc = new_doc()
    a = doc.add_attachment(PNG, name)
    # Stored names are already reduced to their last component; check the export on a raw row
    # as well, as a file from elsewhere might carry anything.
    doc.db["attachments"].update(a.id, {"file_name": name})
    folder = tmp_path / "out"
    folder.mkdir()
    target = doc.export_attachment(a.id, folder)
    assert target.parent == folder.resolve()
    assert target.read_bytes() == PNG
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "app.qdesk",
        "app.qdesk-shm",
        "app.qdesk-wal",
        "app.qdesk.lock",
        "out",
    ]


def test_export_never_overwrites(new_doc, tmp_path):
    doc = new_doc()
    a = doc.add_attachment(PNG, "执照.png")
    (tmp_path / "执照.png").write_bytes(b"mine")
    target = doc.export_attachment(a.id, tmp_path)
    assert target.name == "执照（1）.png"
    assert (tmp_path / "执照.png").read_bytes() == b"mine"


def test_a_damaged_attachment_is_detected(new_doc):
    doc = new_doc()
    a = doc.add_attachment(PNG, "a.png")
    doc.db.execute("update blobs set data = ? where sha256 = ?", [b"tampered", a.sha256])
    doc.db.conn.commit()
    with pytest.raises(DocumentError, match="校验值不符"):
        doc.attachment_data(a.id)


def test_save_copy_writes_a_complete_independent_file(new_doc, tmp_path):
    doc = new_doc()
    doc.set_narrative("4.5.2", "过程识别")
    doc.add_attachment(PNG, "a.png")
    copy_path = doc.save_copy(tmp_path / "副本.qdesk")
    assert not doc.pending
    with Document.open(copy_path) as copy:
        assert copy.narrative("4.5.2") == "过程识别"
        assert copy.attachment_data(copy.attachments()[0].id) == PNG
        assert copy.db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    with pytest.raises(DocumentError, match="已存在"):
        doc.save_copy(copy_path)


def test_restoring_soon_after_typing_keeps_the_typed_version_in_the_history(new_doc, clock):
    doc = new_doc()
    doc.set_narrative("4.1.2", "旧稿")
    doc.save()
    old = doc.history("narrative", "4.1.2")[0]
    clock.advance(minutes=10)
    doc.set_narrative("4.1.2", "刚刚输入的新稿")
    doc.save()
    clock.advance(seconds=30)  # well within the coalescing window
    doc.restore(old.id)
    doc.save()
    values = [r.value for r in doc.history("narrative", "4.1.2")]
    assert values == ["旧稿", "刚刚输入的新稿", "旧稿"]
    clock.advance(seconds=5)
    doc.set_narrative("4.1.2", "旧稿，继续修改")
    doc.save()  # typing after the restore coalesces again, into the restore's entry
    assert [r.value for r in doc.history("narrative", "4.1.2")][:2] == [
        "旧稿，继续修改",
        "刚刚输入的新稿",
    ]
