"""Award lists follow the programmes' rank from forms/ (national first), not the internal ids."""

import json

from PySide6.QtCore import Qt

from qualitydesk.cli import main
from qualitydesk.ui.app import create_application
from qualitydesk.ui.newapp import ProgrammePage
from qualitydesk.ui.programmes import ProgrammeBrowser

RANK_NAMES = ["中国质量奖", "江苏省省长质量奖", "苏州市市长质量奖", "苏州工业园区质量奖"]


def _ranked_ids(forms):
    return [a.id for a in sorted(forms.awards.values(), key=lambda a: a.order)]


def test_new_application_wizard_lists_awards_by_rank(qtbot, forms):
    create_application()
    page = ProgrammePage(forms)
    qtbot.addWidget(page)
    ids = [page.award.itemData(i) for i in range(page.award.count())]
    assert ids == _ranked_ids(forms)
    names = [page.award.itemText(i) for i in range(4)]
    assert [n.split("（")[0] for n in names] == RANK_NAMES
    assert ids[-1] == "self-assessment"
    assert page.award.currentData() == "suzhou-mayor"  # the default stays the usual choice


def test_programme_browser_lists_awards_by_rank(qtbot, forms):
    create_application()
    browser = ProgrammeBrowser(forms)
    qtbot.addWidget(browser)
    ids = [browser.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(browser.list.count())]
    assert ids == _ranked_ids(forms)
    assert browser.list.currentItem().text().startswith("中国质量奖")


def test_forms_list_by_rank(capsys, forms):
    assert main(["forms", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["awards"]] == _ranked_ids(forms)
    assert main(["forms", "list"]) == 0
    text = capsys.readouterr().out
    positions = [text.index(name) for name in RANK_NAMES]
    assert positions == sorted(positions)
