"""shiboken6 judges each imported module by its source, cheaply; no line is kept (ui/sources.py)."""

import importlib
import linecache
import py_compile
import sys

from qualitydesk.ui.sources import judge_sources_cheaply


def _import(name, monkeypatch):
    monkeypatch.delitem(sys.modules, name, raising=False)
    module = __import__(name)  # as an import statement does: shiboken6 hooks __import__
    monkeypatch.delitem(sys.modules, name)
    return module


def test_an_imported_module_is_judged_and_its_lines_not_kept(tmp_path, monkeypatch):
    assert judge_sources_cheaply()  # in place since qualitydesk.ui was imported; again is harmless
    uses = tmp_path / "qd_probe_uses_qt.py"
    uses.write_text('"""A probe."""\n\nfrom PySide6.QtCore import QObject\n', encoding="utf-8")
    plain = tmp_path / "qd_probe_plain.py"
    plain.write_text('"""A probe."""\n\nVALUE = 1\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    _import("qd_probe_uses_qt", monkeypatch)
    _import("qd_probe_plain", monkeypatch)

    assert str(uses) not in linecache.cache
    assert str(plain) not in linecache.cache
    judged = importlib.import_module("shibokensupport.feature").pyside_feature_dict
    assert judged["qd_probe_uses_qt"] == 0  # shiboken6's verdicts, as without the change
    assert judged["qd_probe_plain"] == -1
    assert linecache.getline(str(plain), 3) == "VALUE = 1\n"  # a traceback still finds its lines


def test_a_module_without_a_source_file_is_judged_by_shiboken6_itself(tmp_path, monkeypatch):
    judge_sources_cheaply()
    source = tmp_path / "qd_probe_compiled_src.py"
    source.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    compiled = tmp_path / "qd_probe_compiled.pyc"  # sourceless: imported from the .pyc alone
    py_compile.compile(str(source), cfile=str(compiled), doraise=True)
    source.unlink()
    monkeypatch.syspath_prepend(str(tmp_path))

    module = _import("qd_probe_compiled", monkeypatch)

    assert module.__file__.endswith(".pyc")
    judged = importlib.import_module("shibokensupport.feature").pyside_feature_dict
    assert judged["qd_probe_compiled"] == -1  # shiboken6 finds no source: as without the change
    assert not [name for name in linecache.cache if "qd_probe_compiled" in name]
