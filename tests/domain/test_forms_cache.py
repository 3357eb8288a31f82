"""forms/ is read once and kept: the kept copy is used while no file changed, never after."""

import tomllib

import pytest

from qualitydesk.domain.forms import FormsError, load_forms
from qualitydesk.domain.forms.cache import cache_path
from qualitydesk.domain.forms.loading import read_forms

FRAMEWORK = "frameworks/gbt19580-2012.toml"


@pytest.fixture
def own_forms(broken, tmp_path, monkeypatch):
    """The program's forms/ is a copy (QUALITYDESK_FORMS), the data folder an empty one; returns
    the helper that edits the copy and a counter of the TOML files parsed.
    """
    root = broken(FRAMEWORK, "卓越绩效评价准则", "卓越绩效评价准则")  # the copy, unchanged
    monkeypatch.setenv("QUALITYDESK_FORMS", str(root))
    monkeypatch.setenv("QUALITYDESK_HOME", str(tmp_path / "home"))
    parsed = []
    loads = tomllib.loads

    def counting(text):
        parsed.append(text)
        return loads(text)

    monkeypatch.setattr(tomllib, "loads", counting)
    return broken, parsed


def test_the_second_start_uses_the_kept_copy(own_forms):
    _, parsed = own_forms
    first = load_forms()
    files = len(parsed)
    assert files > 10
    assert cache_path().is_file()
    again = load_forms()
    assert len(parsed) == files  # nothing parsed again
    assert again == first == read_forms(cache_path().parents[1] / "forms")


def test_a_changed_file_is_read_afresh_even_of_the_same_size(own_forms):
    edit, _ = own_forms
    before = load_forms().framework("gbt19580-2012").name
    edit(FRAMEWORK, 'name = "卓越绩效评价准则"', 'name = "卓越绩效评价标准"')  # same length
    after = load_forms()
    assert (before, after.framework("gbt19580-2012").name) == (
        "卓越绩效评价准则",
        "卓越绩效评价标准",
    )
    assert load_forms() == after


def test_a_damaged_kept_copy_is_replaced(own_forms):
    _, parsed = own_forms
    expected = load_forms()
    cache_path().write_bytes(b"\x80\x05not a pickle at all")
    assert load_forms() == expected
    files = len(parsed)
    assert load_forms() == expected
    assert len(parsed) == files  # the replaced copy is good again


def test_a_problem_is_reported_on_every_start_and_never_kept(own_forms):
    edit, _ = own_forms
    edit(FRAMEWORK, "total_points = 1000", "total_points = 999")
    for _ in range(2):
        with pytest.raises(FormsError, match=r"gbt19580-2012\.toml.*total_points"):
            load_forms()
    assert not cache_path().exists()


def test_a_data_folder_that_cannot_be_written_keeps_nothing(own_forms, tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("QUALITYDESK_HOME", str(blocked / "home"))
    assert load_forms().framework("gbt19580-2012").total_points == 1000
    assert not cache_path().exists()
