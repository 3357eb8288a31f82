"""User settings in one typed place: recent files, last page and export options (版式, 双面打印)
per file, language, editor zoom, window state.

Settings live in an INI file in the user's data folder (:func:`qualitydesk.folders.data_folder`:
the platform's application-data folder), or under ``QUALITYDESK_HOME`` when that is set — tests
and portable installs set it, so they never touch the real home folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from qualitydesk.folders import data_folder

MAX_RECENT = 10
LANGUAGES = ("zh_CN", "en")
EDITOR_ZOOM_RANGE = (50, 300)  # percent


def data_dir() -> Path:
    """Where QualityDesk keeps its settings, logs and the demo application."""
    folder = data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Settings:
    """Typed access to the settings file."""

    def __init__(self, folder: Path | None = None) -> None:
        path = (folder or data_dir()) / "settings.ini"
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def recent_files(self) -> list[str]:
        """The files opened lately (最近打开), newest first, at most :data:`MAX_RECENT`."""
        value = self._qs.value("recent/files", [])
        files = [value] if isinstance(value, str) else list(value or [])
        return [f for f in files if f]

    def add_recent(self, path: str | Path) -> None:
        """Put ``path`` first in the recent files (once), dropping the oldest beyond the maximum."""
        path = str(Path(path).resolve())
        files = [path] + [f for f in self.recent_files() if f != path]
        self._qs.setValue("recent/files", files[:MAX_RECENT])

    def remove_recent(self, path: str | Path) -> None:
        """Drop ``path`` from the recent files."""
        path = str(Path(path).resolve())
        self._qs.setValue("recent/files", [f for f in self.recent_files() if f != path])

    def last_page(self, path: str | Path) -> str:
        """The step the file was left on, so that it opens there again; "" if none is known."""
        return str(self._qs.value(f"pages/{_key(path)}", "") or "")

    def set_last_page(self, path: str | Path, key: str) -> None:
        """Remember ``key`` as the step the file is on."""
        self._qs.setValue(f"pages/{_key(path)}", key)

    def export_options(self, path: str | Path) -> tuple[str, bool]:
        """The 版式 (a layout id, "" for the default) and 双面打印 last chosen for a file."""
        key = _key(path)
        layout = str(self._qs.value(f"export/{key}/layout", "") or "")
        double = str(self._qs.value(f"export/{key}/doubleSided", "false")).lower() == "true"
        return layout, double

    def set_export_options(self, path: str | Path, layout: str, double_sided: bool) -> None:
        """Remember the 版式 and 双面打印 chosen for a file, to offer them again next time."""
        key = _key(path)
        self._qs.setValue(f"export/{key}/layout", layout)
        self._qs.setValue(f"export/{key}/doubleSided", "true" if double_sided else "false")

    def language(self) -> str:
        """The interface's language: ``zh_CN`` unless the user chose ``en`` (:data:`LANGUAGES`)."""
        value = str(self._qs.value("ui/language", "zh_CN"))
        return value if value in LANGUAGES else "zh_CN"

    def set_language(self, language: str) -> None:
        """Remember the interface's language for the next start; ValueError if it is not offered."""
        if language not in LANGUAGES:
            raise ValueError(language)
        self._qs.setValue("ui/language", language)

    def editor_zoom(self) -> int:
        """The narrative editors' zoom in percent (100 = the interface's font size)."""
        try:
            value = int(str(self._qs.value("ui/editorZoom", 100)))
        except ValueError:
            return 100
        low, high = EDITOR_ZOOM_RANGE
        return value if low <= value <= high else 100

    def set_editor_zoom(self, percent: int) -> None:
        """Remember the editors' zoom, kept within :data:`EDITOR_ZOOM_RANGE`."""
        low, high = EDITOR_ZOOM_RANGE
        self._qs.setValue("ui/editorZoom", max(low, min(high, int(percent))))

    def geometry(self) -> QByteArray | None:
        """The main window's size and place when it was last closed (``saveGeometry()``), if any."""
        value = self._qs.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        """Remember the main window's size and place (``saveGeometry()``)."""
        self._qs.setValue("ui/geometry", value)

    def dialog_geometry(self, name: str) -> QByteArray | None:
        """The saved geometry of the dialog called ``name`` (``saveGeometry()``), if any."""
        value = self._qs.value(f"dialogs/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_dialog_geometry(self, name: str, value: QByteArray) -> None:
        """Remember the size and place of the dialog called ``name`` (``saveGeometry()``)."""
        self._qs.setValue(f"dialogs/{name}", value)

    def sync(self) -> None:
        """Write the settings to their file now (Qt otherwise writes them later or on exit)."""
        self._qs.sync()


def _key(path: str | Path) -> str:
    """A settings key for a file path (slashes and colons are special in QSettings)."""
    return str(Path(path).resolve()).encode("utf-8").hex()
