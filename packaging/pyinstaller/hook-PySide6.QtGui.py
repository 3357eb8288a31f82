"""PySide6.QtGui with only the Qt plugins QualityDesk uses (build.spec puts this folder first).

PyInstaller's own hook collects every plugin type of QtGui, and its binary analysis then pulls in
whatever those plugins link: the virtual keyboard brings QtQuick and QtQml, the GTK 3 theme the
build machine's GTK, cairo and pango, and EGLFS / VNC / linuxfb are of no use to a desktop
window. Filtering here, before that analysis, keeps their libraries out of the bundle.
"""

import re
from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin folders the window needs; every other folder QtGui lists (egldeviceintegrations, generic)
# is left out.
PLUGIN_TYPES = {
    "platforms",  # only the back ends in PLATFORMS
    "platforms/darwin",  # macOS helpers
    "platforminputcontexts",  # ibus and compose: Chinese input methods on Linux
    "platformthemes",  # xdg-desktop-portal file dialogs; GTK 3 excluded below
    "imageformats",  # attachments: JPEG, TIFF, WebP, GIF, SVG …
    "iconengines",  # SVG icon themes
    "accessiblebridge",
    "xcbglintegrations",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
}
PLATFORMS = re.compile(r"(offscreen|xcb|wayland|windows|cocoa)", re.IGNORECASE)
EXCLUDED = re.compile(r"(gtk3|virtualkeyboard)", re.IGNORECASE)


def wanted(source: str, folder: str) -> bool:
    """Whether the plugin ``source``, bound for ``folder`` in the bundle, is kept."""
    parts = PurePath(folder).parts
    if "plugins" not in parts:
        return True
    kind = "/".join(parts[parts.index("plugins") + 1 :])
    name = PurePath(source).name
    if kind not in PLUGIN_TYPES or EXCLUDED.search(name):
        return False
    return kind != "platforms" or bool(PLATFORMS.search(name))


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, folder) for source, folder in binaries if wanted(source, folder)]
