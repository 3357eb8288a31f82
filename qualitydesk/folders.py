"""Where QualityDesk keeps its own files: settings, the log and the demo application.

``QUALITYDESK_HOME`` when set (tests and portable installs set it, so they never touch the real
home folder); otherwise the platform's application-data folder — ``$XDG_DATA_HOME`` or
``~/.local/share``, the roaming ``%APPDATA%``, ``~/Library/Application Support`` (platformdirs) —
with the organisation and application names below it: the folder Qt's ``AppDataLocation`` gives.
The one place that decides it, found without Qt, so the command line and the desktop program
share it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_FOLDER = ("QualityDesk", "QualityDesk")  # organisation, application: as Qt names them


def data_folder() -> Path:
    """The user's QualityDesk data folder (not created here)."""
    override = os.environ.get("QUALITYDESK_HOME")
    if override:
        return Path(override)
    import platformdirs  # only without QUALITYDESK_HOME

    return platformdirs.user_data_path(roaming=True).joinpath(*APP_FOLDER)
