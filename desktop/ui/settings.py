"""Where the app keeps its settings (QSettings) and its own files (the demo copy).

Two environment variables move them, so tests and portable installs stay apart from a user's
real ones:

``MISSION_DESK_CONFIG_DIR``
    folder of the settings file (``mission-desk.ini``) instead of the platform's place.
``MISSION_DESK_DATA_DIR``
    folder of the app's own files (the demo mission copied on first start) instead of the
    platform's per-user data folder (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "Mission Desk"
APPLICATION = "Mission Desk"
CONFIG_ENV = "MISSION_DESK_CONFIG_DIR"
DATA_ENV = "MISSION_DESK_DATA_DIR"
MAX_RECENT = 8


def app_settings() -> QSettings:
    """The settings store (INI format everywhere, so it can be read and moved)."""
    folder = os.environ.get(CONFIG_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "mission-desk.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                     APPLICATION)


def data_dir() -> Path:
    """The app's own per-user folder, created if needed."""
    folder = os.environ.get(DATA_ENV)
    if folder:
        path = Path(folder)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("mission-desk", "Mission Desk"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def recent_files() -> list[str]:
    """Recently opened missions, most recent first, that still exist."""
    value = app_settings().value("recent_files", [])
    values: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [str(v) for v in values if Path(str(v)).exists()]


def add_recent_file(path: Path | str) -> None:
    text = str(Path(path).resolve())
    files = [text] + [f for f in recent_files() if f != text]
    app_settings().setValue("recent_files", files[:MAX_RECENT])


def last_file() -> str | None:
    files = recent_files()
    return files[0] if files else None


def language_choice() -> str | None:
    """The language chosen in the View menu (None: follow the system)."""
    value = app_settings().value("language", "")
    return str(value) if value in ("en", "fr") else None


def set_language_choice(language: str | None) -> None:
    app_settings().setValue("language", language or "")
