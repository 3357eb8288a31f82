"""以往年申报为基础新建: last year's application copied as this year's, every item 需更新."""

import hashlib
from datetime import date

import pytest

from qualitydesk import cli
from qualitydesk.store import interchange, readiness, renew, wordimport
from qualitydesk.store.document import Document, DocumentError
from tests.helpers.word_files import bold_application


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def renewed(demo_file, forms, tmp_path):
    made = renew.renew(demo_file, tmp_path / "2027.qdesk", forms, year=2027)
    doc = Document.open(made.path)
    yield made, doc
    doc.close()


def test_everything_is_copied_for_the_new_year(renewed, demo_file):
    made, doc = renewed
    assert (made.from_year, made.year, doc.year) == (2026, 2027, 2027)
    with Document.open(demo_file, read_only=True) as old:
        assert doc.narratives() == old.narratives()
        assert doc.profiles() == old.profiles()
        assert doc.scores() == old.scores()
        assert [a.sha256 for a in doc.attachments()] == [a.sha256 for a in old.attachments()]
        assert doc.field("org_name") == old.field("org_name")
        assert doc.meta["created"] != old.meta["created"]  # a new application: a new identity
    assert doc.setting(renew.RENEWED_FROM) == str(demo_file.resolve())
    assert doc.setting(renew.RENEWED_FROM_YEAR) == "2026"


def test_the_years_move_on_by_one(renewed, demo_file):
    made, doc = renewed
    with Document.open(demo_file, read_only=True) as old:
        old_years = [r["year"] for r in old.rows("financials")]
        old_2025 = next(r for r in old.rows("financials") if r["year"] == "2025")
    assert old_years == ["2021", "2022", "2023", "2024", "2025"]
    rows = doc.rows("financials")
    assert [r["year"] for r in rows] == ["2022", "2023", "2024", "2025", "2026"]
    assert rows[3] == old_2025
    assert rows[4] == {"year": "2026"}  # the new year, to be filled in
    assert (made.dropped_years, made.added_years) == ((2021,), (2026,))


def test_indicator_values_outside_the_five_years_are_dropped(renewed, demo_file):
    made, doc = renewed
    with Document.open(demo_file, read_only=True) as old:
        too_old = sum(1 for i in old.indicators() for y in i.values if y < 2022)
        kept = {i.id: {y: v for y, v in i.values.items() if y >= 2022} for i in old.indicators()}
    assert too_old > 0
    assert made.indicator_values_dropped == too_old
    assert {i.id: i.values for i in doc.indicators()} == kept


def test_what_is_confirmed_for_a_period_is_cleared(renewed, demo_file):
    made, doc = renewed
    with Document.open(demo_file, read_only=True) as old:
        assert old.field("commitment_signed") is True
        assert any(d.affirmed for d in old.declarations().values())
    assert doc.field("commitment_signed") is None
    assert doc.field("no_major_accidents") is None
    assert "commitment_signed" in made.cleared_fields
    assert not any(d.affirmed for d in doc.declarations().values())
    assert all(d.statement for d in doc.declarations().values())  # the wording is kept


def test_every_item_needs_update_until_marked(renewed, framework_items):
    made, doc = renewed
    assert renew.needs_update(doc) == framework_items
    assert made.items == len(framework_items)
    renew.mark_updated(doc, "4.1.2")
    assert "4.1.2" not in renew.needs_update(doc)
    assert doc.history("meta") == []  # marks are not versions of the user's content


def test_items_not_yet_updated_are_not_ready(renewed, forms):
    _, doc = renewed
    outdated = [
        m for m in readiness.check(doc, forms).completeness if "尚未标为已更新" in m.problem
    ]
    assert len(outdated) == 23
    assert outdated[0].part == "report"
    assert outdated[0].key == "4.1.2"
    renew.mark_updated(doc, "4.1.2")
    assert len([m for m in readiness.check(doc, forms).completeness if "已更新" in m.problem]) == 22


def test_eligibility_is_evaluated_for_the_new_year(renewed, forms):
    _, doc = renewed
    found = readiness.check(doc, forms).eligibility
    profit = next(f for f in found if "利润" in f.reason)
    assert "2026" in profit.reason  # the year now wanted: still to be filled in


def test_the_source_is_never_changed(demo_file, forms, tmp_path):
    before = digest(demo_file)
    renew.renew(demo_file, tmp_path / "new.qdesk", forms)
    assert digest(demo_file) == before


def test_a_renewed_file_survives_dump_and_load(renewed, forms, tmp_path):
    _, doc = renewed
    copy = tmp_path / "copy.qdesk"
    interchange.load(interchange.dump(doc), copy, forms)
    with Document.open(copy) as loaded:
        assert loaded.setting(renew.RENEWED_FROM_YEAR) == "2026"
        assert loaded.setting(renew.NEEDS_UPDATE) == doc.setting(renew.NEEDS_UPDATE)
        assert loaded.narratives() == doc.narratives()


def test_refusals(demo_file, forms, tmp_path):
    with pytest.raises(DocumentError, match="应晚于"):
        renew.renew(demo_file, tmp_path / "a.qdesk", forms, year=2026)
    existing = tmp_path / "b.qdesk"
    renew.renew(demo_file, existing, forms)
    with pytest.raises(DocumentError, match="已存在"):
        renew.renew(demo_file, existing, forms)
    with pytest.raises(DocumentError):
        renew.renew(demo_file, demo_file, forms, force=True)  # never onto the source


def test_a_file_made_by_import_from_word_is_renewed(tmp_path, forms):
    doc = Document.create(
        tmp_path / "from-word.qdesk",
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )
    with doc:
        plan = wordimport.read_plan(
            bold_application(tmp_path / "b.docx"), forms.framework("gbt19580-2012")
        )
        plan.choose_modes(doc)
        wordimport.apply(plan, doc)
        text = doc.narrative("4.1.2")
    made = renew.renew(doc.path, tmp_path / "2027.qdesk", forms)
    with Document.open(made.path, read_only=True) as new:
        assert new.year == 2027
        assert new.narrative("4.1.2") == text
        assert new.rows("financials") == []  # nothing to move on


def test_the_command_line(demo_file, tmp_path, capsys):
    target = tmp_path / "2027.qdesk"
    assert cli.main(["new", str(target), "--from", str(demo_file), "--year", "2027"]) == 0
    out = capsys.readouterr().out
    assert "2027 年度" in out
    assert "移除 2021 年，新增 2026 年" in out
    assert "需更新" in out
    assert (
        cli.main(["new", str(tmp_path / "x.qdesk"), "--from", str(demo_file), "--award", "sip"])
        == 2
    )
    assert "不能再给 --award" in capsys.readouterr().err


@pytest.fixture
def framework_items(forms):
    return [i.id for i in forms.framework("gbt19580-2012").items]
