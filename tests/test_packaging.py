"""The desktop bundle's recipe: build.spec, the package data, the Linux desktop entry, the icon.

Fast checks only; `make bundle` builds the bundle and runs its smoke test. build.spec is run
here with stand-ins for PyInstaller's Analysis, PYZ, EXE, COLLECT and BUNDLE, so the tests see
exactly the files it would collect.
"""

from __future__ import annotations

import configparser
import struct
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
QM = ROOT / "resources" / "i18n" / "qualitydesk_en.qm"
DESKTOP = ROOT / "packaging" / "linux" / "qualitydesk.desktop"
MIME = ROOT / "packaging" / "linux" / "qualitydesk-mime.xml"
ICONS = ROOT / "resources" / "icons"
QT_HOOK = ROOT / "packaging" / "pyinstaller" / "hook-PySide6.QtGui.py"
MIME_TYPE = "application/x-qualitydesk"
DATA_FOLDERS = {"qualitydesk.forms": "forms", "qualitydesk.resources": "resources"}


class _Recorder:
    """A stand-in for a PyInstaller build step: keeps its arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs


class _Analysis(_Recorder):
    """Analysis as the spec sees it: scripts, pure modules, binaries and data as TOC entries."""

    def __init__(self, scripts: list[str], **kwargs: Any) -> None:
        super().__init__(scripts, **kwargs)
        self.scripts = scripts
        self.pure: list[tuple[str, str, str]] = []
        self.binaries: list[tuple[str, str, str]] = []
        self.datas = [
            (f"{folder}/{Path(source).name}", source, "DATA")
            for source, folder in kwargs.get("datas", [])
        ]


def _run_spec() -> dict[str, Any]:
    """Run build.spec with the stand-ins; return its namespace."""
    if not QM.is_file():
        pytest.skip("make builds resources/i18n/qualitydesk_en.qm before the spec can run")
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "SPECPATH": str(ROOT),
        "Analysis": _Analysis,
        "PYZ": _Recorder,
        "EXE": _Recorder,
        "COLLECT": _Recorder,
        "BUNDLE": _Recorder,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return _run_spec()


def _bundled(spec: dict[str, Any]) -> set[str]:
    """The bundle paths of the data files the spec collects."""
    return {dest for dest, _, _ in spec["a"].datas}


def _package_data() -> dict[str, list[str]]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject["tool"]["setuptools"]["package-data"]


def _glob_covers(pattern: str, relative: str) -> bool:
    """Whether a package-data glob matches a path, one folder level per ``*`` as setuptools does."""
    wanted, parts = pattern.split("/"), relative.split("/")
    return len(wanted) == len(parts) and all(map(fnmatchcase, parts, wanted))


def _loaded_files() -> dict[str, list[str]]:
    """Per data package, the files (relative to its folder) that the program reads."""
    from qualitydesk.export.fonts import _FILES as PDF_FONTS
    from qualitydesk.ui.fonts import FONT_FILES as UI_FONTS

    forms = sorted(
        p.relative_to(ROOT / "forms").as_posix() for p in (ROOT / "forms").rglob("*.toml")
    )
    demo = ROOT / "resources" / "demo"
    resources = [
        *(f"fonts/{name}" for name in sorted({*UI_FONTS, *PDF_FONTS.values()})),
        "fonts/OFL.txt",  # the fonts' licence travels with them
        "i18n/qualitydesk_en.qm",
        "icons/qualitydesk.png",
        "places/divisions.tsv",  # the division table qualitydesk/domain/places.py reads
        *sorted(
            p.relative_to(ROOT / "resources").as_posix()
            for p in [*demo.glob("*.toml"), *demo.rglob("*.md")]
        ),
    ]
    return {"qualitydesk.forms": forms, "qualitydesk.resources": resources}


def test_spec_names_the_data_folders() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for package in DATA_FOLDERS:
        assert f'"{package}"' in text
    assert "pyproject.toml" in text  # the package-data globs come from there


def test_spec_collects_data_at_package_relative_paths(spec: dict[str, Any]) -> None:
    folders = {str(PurePosixPath(dest).parent) for dest in _bundled(spec)}
    assert "qualitydesk/forms" in folders
    assert "qualitydesk/forms/awards" in folders
    assert {"qualitydesk/resources/fonts", "qualitydesk/resources/i18n"} <= folders
    assert {"qualitydesk/resources/icons", "qualitydesk/resources/demo/narratives"} <= folders
    assert not any(dest.endswith((".py", ".pyc")) for dest in _bundled(spec))


def test_spec_freezes_the_data_packages(spec: dict[str, Any]) -> None:
    modules = {name: Path(source) for name, source, kind in spec["a"].pure if kind == "PYMODULE"}
    for package, folder in DATA_FOLDERS.items():
        assert modules[package] == ROOT / folder / "__init__.py"
        assert modules[package].is_file()


@pytest.mark.parametrize("package", sorted(DATA_FOLDERS))
def test_every_loaded_file_is_in_the_wheel_and_the_bundle(
    spec: dict[str, Any], package: str
) -> None:
    patterns = _package_data()[package]
    bundled = _bundled(spec)
    for relative in _loaded_files()[package]:
        assert any(_glob_covers(pattern, relative) for pattern in patterns), relative
        assert f"{package.replace('.', '/')}/{relative}" in bundled, relative


def test_loaded_files_exist() -> None:
    """The list above names real files (the .qm once make has built it)."""
    for package, files in _loaded_files().items():
        folder = ROOT / DATA_FOLDERS[package]
        missing = [name for name in files if not (folder / name).is_file()]
        assert [name for name in missing if not name.endswith(".qm")] == []


def test_qt_chinese_translation_is_bundled(spec: dict[str, Any]) -> None:
    translations = {dest for dest in _bundled(spec) if "/translations/" in dest}
    assert any(dest.endswith("/qtbase_zh_CN.qm") for dest in translations)
    assert all(dest.endswith("_zh_CN.qm") for dest in translations)


def test_spec_excludes_unused_modules(spec: dict[str, Any]) -> None:
    excluded = set(spec["a"].kwargs["excludes"])
    for module in (
        "QtWebEngineCore",
        "QtWebEngineWidgets",
        "QtQml",
        "QtQuick",
        "Qt3DCore",
        "QtMultimedia",
        "QtCharts",
        "QtDataVisualization",
        "QtBluetooth",
        "QtNfc",
        "QtPositioning",
        "QtSensors",
        "QtSerialPort",
        "QtSql",
        "QtTest",
    ):
        assert f"PySide6.{module}" in excluded
    assert {"tkinter", "numpy"} <= excluded


def test_spec_refuses_unused_qt_libraries(spec: dict[str, Any]) -> None:
    spec["check_binaries"]([("PySide6/Qt/lib/libQt6Widgets.so.6", "x", "BINARY")])
    with pytest.raises(SystemExit, match="libQt6Qml"):
        spec["check_binaries"]([("PySide6/Qt/lib/libQt6Qml.so.6", "x", "BINARY")])


def test_bundle_is_one_folder_named_qualitydesk(spec: dict[str, Any]) -> None:
    assert spec["coll"].kwargs["name"] == "qualitydesk"
    assert spec["exe"].kwargs["name"] == "qualitydesk"
    assert spec["exe"].kwargs["exclude_binaries"] is True  # one folder, not one file
    assert spec["a"].scripts == [str(ROOT / "qualitydesk" / "__main__.py")]


def test_spec_uses_the_qt_plugin_hook(spec: dict[str, Any]) -> None:
    assert spec["a"].kwargs["hookspath"] == [str(QT_HOOK.parent)]
    assert QT_HOOK.is_file()


def _plugin(kind: str, name: str) -> tuple[str, str]:
    """A (source, bundle folder) pair as PyInstaller's Qt hook utilities return it."""
    return (f"/site/PySide6/Qt/plugins/{kind}/{name}", f"PySide6/Qt/plugins/{kind}")


QT_HOOK_INPUT = [
    _plugin("platforms", "libqxcb.so"),
    _plugin("platforms", "libqoffscreen.so"),
    _plugin("platforms", "libqwayland.so"),
    _plugin("platforms", "qwindows.dll"),
    _plugin("platforms", "libqcocoa.dylib"),
    _plugin("platforms", "libqeglfs.so"),
    _plugin("platforms", "libqvnc.so"),
    _plugin("platforms", "libqlinuxfb.so"),
    _plugin("platforminputcontexts", "libibusplatforminputcontextplugin.so"),
    _plugin("platforminputcontexts", "libqtvirtualkeyboardplugin.so"),
    _plugin("platformthemes", "libqgtk3.so"),
    _plugin("platformthemes", "libqxdgdesktopportal.so"),
    _plugin("imageformats", "libqjpeg.so"),
    _plugin("egldeviceintegrations", "libqeglfs-kms-integration.so"),
    _plugin("generic", "libqevdevmouseplugin.so"),
    ("/site/PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/lib"),
]


def test_qt_hook_keeps_only_the_plugins_the_window_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    qt = types.ModuleType("PyInstaller.utils.hooks.qt")
    qt.add_qt6_dependencies = lambda hook_file: ([], list(QT_HOOK_INPUT), [])  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, qt.__name__, qt)
    namespace: dict[str, Any] = {"__file__": str(QT_HOOK), "__name__": "hook"}
    exec(compile(QT_HOOK.read_text(encoding="utf-8"), str(QT_HOOK), "exec"), namespace)
    kept = {Path(source).name for source, _ in namespace["binaries"]}
    assert kept == {
        "libqxcb.so",
        "libqoffscreen.so",
        "libqwayland.so",
        "qwindows.dll",
        "libqcocoa.dylib",
        "libibusplatforminputcontextplugin.so",
        "libqxdgdesktopportal.so",
        "libqjpeg.so",
        "libQt6XcbQpa.so.6",
    }


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_is_valid() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "QualityDesk"
    assert entry["Name[zh_CN]"] == "质量奖申报助手"
    assert entry["Exec"].split() == ["qualitydesk", "%f"]
    assert entry["Icon"] == "qualitydesk"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")
    assert MIME_TYPE in entry["MimeType"].split(";")


def test_mime_type_matches_qdesk_files() -> None:
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(MIME).getroot()
    types = {node.get("type"): node for node in root.iter(f"{namespace}mime-type")}
    globs = [node.get("pattern") for node in types[MIME_TYPE].iter(f"{namespace}glob")]
    assert globs == ["*.qdesk"]


def test_mime_magic_is_the_application_id() -> None:
    from qualitydesk.store.schema import APPLICATION_ID

    text = MIME.read_text(encoding="utf-8")
    assert f'value="0x{APPLICATION_ID:08X}"' in text


def test_icon_is_a_256_pixel_png() -> None:
    data = (ICONS / "qualitydesk.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (width, height, depth) == (256, 256, 8)
    assert colour == 6  # RGBA: the seal is round, its corners transparent


def test_icon_svg_draws_the_png(qapp: Any) -> None:
    """tools/make_icon.py writes both from one geometry; the checked-in pair still agrees."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "qualitydesk.svg"))
    assert renderer.isValid()
    assert renderer.viewBox().getRect() == (0, 0, 256, 256)
    drawn = QImage(256, 256, QImage.Format.Format_ARGB32)
    drawn.fill(Qt.GlobalColor.transparent)
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    png = QImage(str(ICONS / "qualitydesk.png")).convertToFormat(QImage.Format.Format_ARGB32)
    different = sum(
        1
        for y in range(0, 256, 2)
        for x in range(0, 256, 2)
        if _channel_gap(drawn.pixel(x, y), png.pixel(x, y)) > 24
    )
    assert different == 0


def _channel_gap(one: int, other: int) -> int:
    """The largest difference between two ARGB pixels in any channel."""
    return max(abs((one >> shift & 255) - (other >> shift & 255)) for shift in (0, 8, 16, 24))


def test_every_python_package_is_listed_for_the_wheel():
    """Pyproject lists packages explicitly: one missing there would be left out of the wheel."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "qualitydesk").rglob("__init__.py")
    }
    assert found <= listed


def test_every_command_module_is_frozen(spec: dict[str, Any]) -> None:
    """The command line imports a command's module by name when it runs (cli/dispatch.py), which
    the bundle's analysis cannot see: the spec names them, or `qualitydesk team …` fails frozen.
    """
    from qualitydesk.cli.dispatch import command_modules

    (analysis,) = [v for v in spec.values() if isinstance(v, _Analysis)]
    assert set(command_modules()) <= set(analysis.kwargs.get("hiddenimports", []))
