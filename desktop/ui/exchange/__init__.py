"""Import and export in the window: the import wizard and the attendee export dialog.

:func:`install_menu_actions` adds their entries to the File menu; the dialogs themselves are
imported when first asked for, so the window still shows before the database layer loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from desktop.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.ui.mainwindow import MainWindow


def install_menu_actions(window: MainWindow, menu: QMenu) -> None:
    """File → Import… and File → Export attendees…, after a separator."""
    menu.addSeparator()
    importing = menu.addAction(_("&Import…"))
    importing.setObjectName("importAction")
    importing.triggered.connect(lambda: open_import_wizard(window))
    importing.setProperty("needs_mission", True)
    importing.setProperty("edits", True)
    exporting = menu.addAction(_("&Export attendees…"))
    exporting.setObjectName("exportAction")
    exporting.triggered.connect(lambda: open_export_dialog(window))
    exporting.setProperty("needs_mission", True)
    exporting.setProperty("edits", False)


def open_import_wizard(window: MainWindow) -> QDialog | None:
    """Open the import wizard on the window's mission (window-modal, not blocking)."""
    if window.context is None:
        return None
    from desktop.ui.exchange.importwizard import ImportWizard

    wizard = ImportWizard(window.context, window)
    wizard.finished.connect(wizard.deleteLater)
    wizard.open()
    return wizard


def open_export_dialog(window: MainWindow) -> QDialog | None:
    """Open the attendee export dialog on the window's mission."""
    if window.context is None:
        return None
    from desktop.ui.exchange.exportdialog import ExportDialog

    dialog = ExportDialog(window.context, window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
