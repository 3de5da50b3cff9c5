"""The main window: navigation between pages, menus, the open mission's life cycle.

There is no "Save": every change is its own transaction the moment it is made, and undoable.
The language switches at once: menus and pages are rebuilt in the new language.

The window shows before the database layer is even imported: the mission opens in a
background operation, the page modules are imported when it is open, and each page is built
the first time it is shown.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ConcurrentChangeError, MissionLockedError
from desktop.i18n import _
from desktop.ui import dialogs, gcguard
from desktop.ui import missionactions as actions
from desktop.ui.context import MissionContext, MissionEvents
from desktop.ui.exchange import install_menu_actions as install_exchange_actions
from desktop.ui.operations import Operation, OperationRunner
from desktop.ui.pages import PageSpec, page_specs
from desktop.ui.pages.base import Page
from desktop.ui.settings import add_recent_file, app_settings, language_choice, recent_files

if TYPE_CHECKING:
    from desktop.checks import Ref
    from desktop.db.missionfile import MissionFile

StandardKey = QKeySequence.StandardKey


class MainWindow(QMainWindow):
    """The one window of the app.

    Signals:
        mission_opened(): a mission is open and its pages are built.
        mission_closed(): the window shows no mission.
        language_changed(str): menus and pages were rebuilt in this language.
    """

    mission_opened = Signal()
    mission_closed = Signal()
    language_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        gcguard.install()  # Qt objects in garbage are freed in this thread only
        self.mission: MissionFile | None = None
        self.context: MissionContext | None = None
        self.pages: dict[str, Page] = {}
        self.specs: list[PageSpec] = []
        self.holder_text = ""
        self.mission_name = ""
        self.page_actions: list[QAction] = []
        self.undo_stack = QUndoStack(self)
        self.runner = OperationRunner(self)
        self.events = MissionEvents(self)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.currentRowChanged.connect(self._page_chosen)
        self.stack = QStackedWidget()
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; color: #3d2f00; padding: 6px;")
        self.banner.hide()
        self.welcome = self._build_welcome()

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(body, 1)
        self.setCentralWidget(central)
        self.stack.addWidget(self.welcome)
        self.navigation.hide()

        self._build_menus()
        self._update_title()
        geometry = app_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    # -- building ----------------------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        widget = QWidget()
        widget.setObjectName("welcome")
        text = QLabel(_("No mission is open."))
        text.setObjectName("welcomeText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_text = text
        new = QPushButton(_("New mission…"))
        new.clicked.connect(lambda: actions.new_mission(self))
        open_ = QPushButton(_("Open…"))
        open_.clicked.connect(self.choose_and_open)
        demo = QPushButton(_("Open the 2007 demo mission"))
        demo.clicked.connect(lambda: actions.open_demo(self))
        layout = QVBoxLayout(widget)
        layout.addStretch(1)
        layout.addWidget(text)
        self.welcome_buttons = [new, open_, demo]
        for button in self.welcome_buttons:
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return widget

    def _action(self, menu: QMenu, text: str, slot: object,
                keys: QKeySequence | StandardKey | str | None = None,
                *, needs_mission: bool = False, edits: bool = False) -> QAction:
        action = menu.addAction(text)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        action.setProperty("needs_mission", needs_mission or edits)
        action.setProperty("edits", edits)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(_("&File"))
        self._action(file_menu, _("&New mission…"), lambda: actions.new_mission(self),
                     StandardKey.New)
        self._action(file_menu, _("&Open…"), self.choose_and_open, StandardKey.Open)
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(file_menu, _("Save a &copy…"), lambda: actions.save_copy(self),
                     StandardKey.SaveAs, needs_mission=True)
        self._action(file_menu, _("Restore a &backup…"), lambda: actions.restore(self),
                     needs_mission=True)
        install_exchange_actions(self, file_menu)
        file_menu.addSeparator()
        self._action(file_menu, _("&Print…"), self.print_current, StandardKey.Print,
                     needs_mission=True)
        file_menu.addSeparator()
        self._action(file_menu, _("&Close"), self.close_mission, StandardKey.Close,
                     needs_mission=True)
        quit_action = self._action(file_menu, _("&Quit"), self.close, dialogs.quit_keys())
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu(_("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence(StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcut(QKeySequence(StandardKey.Redo))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self._action(edit, _("&Find…"), self._find, StandardKey.Find, needs_mission=True)
        self.delete_action = self._action(edit, _("&Delete"), self._delete, StandardKey.Delete,
                                          edits=True)

        view = bar.addMenu(_("&View"))
        self.view_menu = view
        # On a shared server, another organiser's changes show once the views read again.
        self._action(view, _("&Reload"), self.reload_views, StandardKey.Refresh,
                     needs_mission=True)
        view.addSeparator()
        self._pages_end = view.addSeparator()
        self._add_page_actions()
        language = view.addMenu(_("&Language"))
        group = QActionGroup(self)
        chosen = language_choice()
        for code, text in ((None, _("As the system")), ("en", "English"), ("fr", "Français")):
            action = language.addAction(text)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, c=code: actions.choose_language(self, c))

        help_menu = bar.addMenu(_("&Help"))
        self._action(help_menu, _("&Keyboard shortcuts"), self.show_shortcuts,
                     StandardKey.HelpContents)
        about = self._action(help_menu, _("&About Mission Desk"), lambda: dialogs.about(self))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._update_actions()

    def _add_page_actions(self) -> None:
        """One View-menu entry per page (Ctrl+1...), once the pages are known."""
        for action in self.page_actions:
            self.view_menu.removeAction(action)
            action.deleteLater()
        self.page_actions = []
        for number, spec in enumerate(self.specs, start=1):
            action = QAction(spec.title(), self)
            if number < 10:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, key=spec.key: self.show_page(key))
            action.setProperty("needs_mission", True)
            self.view_menu.insertAction(self._pages_end, action)
            self.page_actions.append(action)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not files:
            self.recent_menu.addAction(_("No recent missions")).setEnabled(False)

    def _update_actions(self) -> None:
        has_mission = self.mission is not None
        writable = has_mission and not self.mission.read_only  # type: ignore[union-attr]
        for action in self.menuBar().findChildren(QAction):
            if action.property("edits"):
                action.setEnabled(writable)
            elif action.property("needs_mission"):
                action.setEnabled(has_mission)
        self.undo_stack.setActive(writable)

    def _update_title(self) -> None:
        if self.mission is None:
            self.setWindowTitle(_("Mission Desk"))
            return
        title = _("{mission} — {file}").format(mission=self.mission_name,
                                                file=self.mission.display_name)
        if self.mission.read_only:
            title += " " + _("[read-only]")
        self.setWindowTitle(title)
        if self.mission.path is not None:
            self.setWindowFilePath(str(self.mission.path))

    # -- pages -------------------------------------------------------------------------------

    def _build_pages(self, current: str | None = None) -> None:
        """List the pages in the navigation and show ``current``; pages are built when first
        shown."""
        assert self.context is not None
        self._drop_pages()
        self.navigation.blockSignals(True)
        self.navigation.clear()
        self.specs = page_specs()
        for spec in self.specs:
            self.navigation.addItem(spec.title())
        self.navigation.blockSignals(False)
        self.navigation.show()
        self._add_page_actions()
        keys = [spec.key for spec in self.specs]
        self.show_page(current if current in keys else keys[0])

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()

    def _page(self, key: str) -> Page | None:
        """The page ``key``, built now if it has not been shown yet."""
        page = self.pages.get(key)
        if page is None and self.context is not None:
            spec = next((spec for spec in self.specs if spec.key == key), None)
            if spec is None:
                return None
            page = spec.factory(self.context)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        return page

    def show_page(self, key: str) -> Page | None:
        page = self._page(key)
        if page is None:
            return None
        row = [spec.key for spec in self.specs].index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # comes back through _page_chosen
        else:
            self._page_chosen(row)
        return page

    def _page_chosen(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            page = self._page(self.specs[row].key)
            if page is not None:
                self.stack.setCurrentWidget(page)
                page.activate()

    @property
    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def open_ref(self, ref: Ref) -> None:
        for spec in self.specs:
            if ref.kind in spec.ref_kinds:
                page = self.show_page(spec.key)
                if page is not None and page.open_ref(ref):
                    return
        self.statusBar().showMessage(_("This record cannot be shown here."), 5000)

    def print_current(self) -> None:
        """File ▸ Print: the Documents page, with the document that goes with the page shown
        (the programme from the Programme page, the master grid from the B2B schedule...)."""
        page = self.current_page
        kind = page.document_kind() if page is not None else None
        documents = self.show_page("documents")
        show = getattr(documents, "show_document", None)
        if kind is not None and callable(show):
            show(kind)

    def _find(self) -> None:
        if self.current_page is not None:
            self.current_page.focus_find()

    def _delete(self) -> None:
        if self.current_page is not None:
            self.current_page.delete_selected()

    def show_shortcuts(self) -> None:
        dialogs.ShortcutsDialog(self).exec()

    def reload_views(self) -> None:
        """Read the mission again in every view (what other organisers saved meanwhile)."""
        if self.mission is not None:
            self.events.changed.emit("*")

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, ConcurrentChangeError) and self.mission is not None:
            self.events.changed.emit("*")  # a job clashed with another organiser's change
        dialogs.show_error(self, error)

    # -- the mission's life cycle ------------------------------------------------------------

    def choose_and_open(self) -> None:
        folder = str(self.mission.path.parent) if self.mission and self.mission.path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open a mission"), folder, _("Missions (*.mission);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, *, read_only: bool = False) -> Operation:
        """Open a mission file in the background; a locked file is offered read-only."""
        if not self.close_mission():
            raise RuntimeError("the current mission could not be closed")
        opening = _("Opening {file}…").format(file=Path(path).name)
        self.statusBar().showMessage(opening)
        self._show_welcome(opening)

        def work(progress: object) -> tuple[MissionFile, str, str]:
            from desktop.db.missionfile import MissionFile

            mission = MissionFile.open(path, read_only=read_only)
            try:
                name, holder = read_headline(mission)
            except BaseException:
                mission.close()
                raise
            return mission, name, holder

        def opened(result: tuple[MissionFile, str, str]) -> None:
            mission, name, holder = result
            self.set_mission(mission, name=name, holder=holder)

        def failed(error: BaseException) -> None:
            self.statusBar().clearMessage()
            self._show_welcome()
            if isinstance(error, MissionLockedError) and not read_only:
                dialogs.ask(self, _("Mission already open"),
                            error.message + "\n\n" + _("Open it read-only?"),
                            _("Open read-only"),
                            lambda: self._open_read_only(path), name="openReadOnly")
            else:
                self.show_error(error)

        return self.runner.run(Operation(work, title=_("Opening the mission…"),
                                         on_success=opened, on_failure=failed,
                                         cancellable=False))

    def _open_read_only(self, path: str | Path) -> None:
        self.open_path(path, read_only=True)

    def set_mission(self, mission: MissionFile, current_page: str | None = None, *,
                    name: str | None = None, holder: str | None = None) -> None:
        """Show ``mission`` (already open) in the window; ``name`` and ``holder`` (see
        :func:`read_headline`) are read here unless given."""
        self.close_mission()
        if name is None or holder is None:
            name, holder = read_headline(mission)
        self.mission_name = name
        self.holder_text = holder
        self.mission = mission
        self.context = MissionContext(mission, undo_stack=self.undo_stack, runner=self.runner,
                                      events=self.events, open_ref=self.open_ref,
                                      show_error=self.show_error)
        if mission.path is not None:
            add_recent_file(mission.path)
        self._show_banner()
        self._build_pages(current_page or str(app_settings().value("window/page", "")))
        self.statusBar().clearMessage()
        self._update_title()
        self._update_actions()
        # What exists now (the app's modules, the mission's pages) lives as long as the window:
        # leave it out of the garbage collector's full passes, which otherwise stall the window
        # for tens of milliseconds each time a big table is loaded.
        gc.freeze()
        self.mission_opened.emit()

    def _show_welcome(self, busy: str = "") -> None:
        """The page shown without a mission; ``busy`` says what is under way instead."""
        self.welcome_text.setText(busy or _("No mission is open."))
        for button in self.welcome_buttons:
            button.setVisible(not busy)
        self.stack.setCurrentWidget(self.welcome)

    def _show_banner(self) -> None:
        if self.mission is None or not self.mission.read_only:
            self.banner.hide()
            return
        text = _("Read-only: this mission cannot be changed here.")
        if self.holder_text:
            text += " " + _("It is open for editing by {holder}.").format(
                holder=self.holder_text)
        self.banner.setText(text)
        self.banner.show()

    def close_mission(self) -> bool:
        """Close the open mission (nothing to save: every change is already saved)."""
        if self.mission is None:
            return True
        self.runner.cancel_all()
        self.runner.wait()
        self.save_layout()
        self._drop_pages()
        self.specs = []
        self._add_page_actions()
        self.navigation.clear()
        self.navigation.hide()
        self.undo_stack.clear()
        mission, self.mission, self.context = self.mission, None, None
        mission.close()
        self._show_welcome()
        self.banner.hide()
        self._update_title()
        self._update_actions()
        self.mission_closed.emit()
        return True

    def retranslate(self) -> None:
        """Rebuild menus and pages in the language now active."""
        from desktop.i18n import current_language

        self._build_menus()
        welcome = self.welcome
        self.welcome = self._build_welcome()
        self.stack.insertWidget(0, self.welcome)
        self.stack.removeWidget(welcome)
        welcome.deleteLater()
        current = self.current_page.key if self.current_page else None
        if self.mission is not None:
            self.save_layout()
            self._build_pages(current)
            self._show_banner()
        else:
            self.stack.setCurrentWidget(self.welcome)
        self._update_title()
        self.language_changed.emit(current_language())

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        if self.current_page is not None:
            settings.setValue("window/page", self.current_page.key)
        for page in self.pages.values():
            page.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        self.close_mission()
        app_settings().sync()
        event.accept()


def read_headline(mission: MissionFile) -> tuple[str, str]:
    """The mission's name, and who holds the file when it is open read-only (else "")."""
    from desktop.db.missionfile import describe_holder
    from desktop.missions import get_mission

    with mission.session_factory() as session:
        name = get_mission(session).name
    holder_text = ""
    if mission.read_only and mission.path is not None:
        from desktop.db.lock import read_holder

        holder = read_holder(mission.path)
        if holder is not None:
            holder_text = describe_holder(holder)
    return name, holder_text
