"""A page of records: filter bar, table, detail editor and related records side by side.

Edits are saved as one undoable transaction each. Moving to another record with unsaved edits
saves them first (or stays, showing what is wrong): nothing typed is ever silently lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.checks import Ref
from desktop.errors import MissionDeskError, ValidationError
from desktop.i18n import _
from desktop.ui.columns import HeaderColumns
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import ask
from desktop.ui.forms import RecordForm
from desktop.ui.pages.base import Page
from desktop.ui.settings import app_settings
from desktop.ui.tablemodel import RecordTableModel
from desktop.ui.undo import AddCommand, DeleteCommand, UpdateCommand, execute

Related = list[tuple[str, list[tuple[str, Ref | None]]]]
REF_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordPage(Page):
    """Base of the People and Organizations pages; subclasses bind it to their services."""

    kind = ""  # the Ref kind and MissionEvents kind of the records
    table = ""  # the database table, for undoable deletes
    watches: tuple[str, ...] = ()  # other kinds whose changes this page shows

    # -- to implement ------------------------------------------------------------------------

    def make_model(self) -> RecordTableModel:
        raise NotImplementedError

    def make_form(self) -> RecordForm:
        raise NotImplementedError

    def facets(self) -> list[tuple[str, str, list[tuple[str, Any]]]]:
        """Filter combos: (facet name, "any" caption, [(caption, value)])."""
        return []

    def read(self, session: Session, record_id: int) -> tuple[Any, str]:
        """The record's input dataclass and the form's heading."""
        raise NotImplementedError

    def blank(self) -> Any:
        raise NotImplementedError

    def copy_of(self, data: Any) -> Any:
        return data

    def add_record(self, session: Session, data: Any) -> int:
        raise NotImplementedError

    def update_record(self, session: Session, record_id: int, data: Any) -> object:
        raise NotImplementedError

    def delete_record(self, session: Session, record_id: int) -> None:
        raise NotImplementedError

    def describe_delete(self, session: Session, record_id: int) -> tuple[str, list[str]]:
        """The record's name and what goes with it."""
        raise NotImplementedError

    def related(self, session: Session, record_id: int) -> Related:
        return []

    def texts(self) -> dict[str, str]:
        """Captions: ``new`` (form heading), ``add``, ``update`` (undo texts), ``delete`` and
        ``confirm`` (with ``{name}``), ``add_tip``, ``duplicate_tip``, ``delete_tip``."""
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        """``"{n} people"`` under the table."""
        raise NotImplementedError

    def prepare_form(self, session: Session) -> None:
        """Refresh the form's choice lists (e.g. organisations) before loading a record."""

    def table_pane(self) -> QWidget:
        """What sits left of the form: the table, or a page's other views of it beside."""
        return self.view

    # -- building ----------------------------------------------------------------------------

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.current_id: int | None = None
        self.model = self.make_model()
        self.form = self.make_form()
        texts = self.texts()

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(_("Filter (Ctrl+F)"))
        self.filter_edit.textChanged.connect(self.model.set_text_filter)
        self.filter_edit.textChanged.connect(self._update_count)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        self.facet_combos: dict[str, QComboBox] = {}
        for name, any_caption, items in self.facets():
            combo = QComboBox()
            combo.setObjectName(f"facet_{name}")
            combo.addItem(any_caption, None)
            for caption, value in items:
                combo.addItem(caption, value)
            combo.currentIndexChanged.connect(
                lambda _i, n=name, c=combo: self._facet_changed(n, c))
            self.facet_combos[name] = combo
            bar.addWidget(combo, 1)

        self.add_action = self._tool_action(_("&Add"), QKeySequence("Ctrl+Shift+N"),
                                            self.start_new, texts["add_tip"])
        self.duplicate_action = self._tool_action(_("D&uplicate"), QKeySequence("Ctrl+D"),
                                                  self.duplicate, texts["duplicate_tip"])
        # Delete's key belongs to Edit ▸ Delete, which calls delete_selected().
        self.delete_action = self._tool_action(_("&Delete"), QKeySequence(),
                                               self.delete_selected, texts["delete_tip"])
        for action in (self.add_action, self.duplicate_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)

        self.view = QTableView()
        self.view.setObjectName("table")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for position, column in enumerate(self.model.columns):
            header.resizeSection(position, column.width)
            header.setSectionHidden(position, not column.shown)
        self.columns = HeaderColumns(self.view, self.model.columns)
        self._fit_pending = False  # fit the columns when first shown, if no layout was saved
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table_pane(), 1)
        left_layout.addWidget(self.count_label)

        self.related_title = QLabel(_("Related"))
        self.related_title.setFont(_bold(self.related_title.font()))
        self.related_list = QListWidget()
        self.related_list.setObjectName("related")
        self.related_list.itemActivated.connect(self._related_activated)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.form)
        related = QWidget()
        related_layout = QVBoxLayout(related)
        related_layout.setContentsMargins(8, 4, 0, 0)
        related_layout.addWidget(self.related_title)
        related_layout.addWidget(self.related_list)
        right.addWidget(related)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([560, 160])

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.right_splitter = right
        self.splitter.setSizes([680, 440])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.form.save_requested.connect(self.save)
        self.form.set_read_only(context.read_only)
        self.form.setEnabled(False)
        context.events.changed.connect(self._mission_changed)
        self._restore_state()
        self._update_actions()

    def _tool_action(self, text: str, shortcut: QKeySequence, slot: Any, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        self.model.reload()
        self._update_count()
        if self.model.rowCount() and self.current_id is None:
            # The table goes on screen first; the first record's details follow at once.
            QTimer.singleShot(0, self, self._select_first)

    def _select_first(self) -> None:
        if self.current_id is None and not self.form.dirty and self.model.rowCount():
            self.select(self.model.id_at(0))

    def _mission_changed(self, kind: str) -> None:
        if not self._activated or (kind != "*" and kind != self.kind
                                   and kind not in self.watches):
            return
        keep = self.current_id
        self.model.reload()
        self._update_count()
        if keep is not None and self.model.row_of(keep) is not None:
            self.select(keep, force=True)
        elif keep is not None:
            self._show_record(None)
        elif not self.form.dirty:
            self._refresh_related()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(self.count_text(total) if shown == total else
                                 _("{shown} of {total} shown").format(shown=shown, total=total))

    def _facet_changed(self, name: str, combo: QComboBox) -> None:
        self.model.set_facet(name, combo.currentData())
        self._update_count()

    # -- selection ---------------------------------------------------------------------------

    def select(self, record_id: int | None, *, force: bool = False) -> None:
        """Make ``record_id`` the current row (and show it in the form)."""
        if record_id is None:
            return
        row = self.model.row_of(record_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        if force or self.current_id != record_id:
            self._show_record(record_id)

    def _row_changed(self, current: Any, previous: Any) -> None:
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id == self.current_id:
            return
        if self.form.dirty and not self.save():
            # Stay on the record being edited; its problems are on screen.
            if self.current_id is not None:
                QTimer.singleShot(0, lambda keep=self.current_id: self._reselect(keep))
            return
        self._show_record(record_id)

    def _reselect(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.view.selectionModel().blockSignals(True)
            self.view.selectRow(row)
            self.view.selectionModel().blockSignals(False)

    def _show_record(self, record_id: int | None) -> None:
        self.current_id = record_id
        if record_id is None:
            self.form.setEnabled(False)
            self.related_list.clear()
            self._update_actions()
            return
        try:
            with self.context.mission.session_factory() as session:
                self.prepare_form(session)
                data, heading = self.read(session, record_id)
                related = self.related(session, record_id)
        except MissionDeskError as exc:
            self.context.show_error(exc)
            return
        self.form.setEnabled(True)
        self.form.load(data, heading)
        self._fill_related(related)
        self._update_actions()

    def _refresh_related(self) -> None:
        if self.current_id is None:
            return
        with self.context.mission.session_factory() as session:
            self._fill_related(self.related(session, self.current_id))

    def _fill_related(self, related: Related) -> None:
        self.related_list.clear()
        for section, entries in related:
            head = QListWidgetItem(section)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setFont(_bold(head.font()))
            self.related_list.addItem(head)
            for text, ref in entries:
                item = QListWidgetItem("    " + text)
                if ref is not None:  # storing None trips a PySide reference-count bug
                    item.setData(REF_ROLE, ref)
                self.related_list.addItem(item)

    def _related_activated(self, item: QListWidgetItem) -> None:
        ref = item.data(REF_ROLE)
        if isinstance(ref, Ref):
            self.context.open_ref(ref)

    def open_ref(self, ref: Ref) -> bool:
        if ref.kind != self.kind:
            return False
        if self.model.row_of(ref.id) is None:
            self.filter_edit.clear()
            for combo in self.facet_combos.values():
                combo.setCurrentIndex(0)
        if self.model.row_of(ref.id) is None:
            return False
        self.select(ref.id)
        self.view.setFocus()
        return True

    def focus_find(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # -- changes -----------------------------------------------------------------------------

    def start_new(self) -> None:
        self._start_new(self.blank(), self.texts()["new"])

    def duplicate(self) -> None:
        if self.current_id is None:
            return
        if self.form.dirty and not self.save():
            return
        with self.context.mission.session_factory() as session:
            data, heading = self.read(session, self.current_id)
        self._start_new(self.copy_of(data), _("Copy of {name}").format(name=heading))

    def _start_new(self, data: Any, heading: str) -> None:
        if self.context.read_only or (self.form.dirty and not self.save()):
            return
        self.view.selectionModel().blockSignals(True)
        self.view.clearSelection()
        self.view.selectionModel().blockSignals(False)
        with self.context.mission.session_factory() as session:
            self.prepare_form(session)
        self.current_id = None
        self.form.setEnabled(True)
        self.form.load(data, heading)
        self.form._set_dirty(True)
        self.related_list.clear()
        self._update_actions()
        first = next(iter(self.form.fields.values()))
        first.setFocus()

    def save(self) -> bool:
        """Save the form as one undoable change; False (problems shown) if refused."""
        if self.context.read_only:
            return False
        texts = self.texts()
        try:
            data = self.form.collect()
            if self.current_id is None:
                command: Any = AddCommand(
                    self.context, texts["add"], self.kind, self.table,
                    lambda s: self.add_record(s, data), self.delete_record)
                execute(command)
                self.form.load(data, self.form.heading.text())
                self.current_id = command.record_id
                self.select(command.record_id, force=True)
            else:
                before = self.form.loaded
                execute(UpdateCommand(self.context, texts["update"], self.kind,
                                      self.current_id, self.update_record, before, data))
        except ValidationError as exc:
            self.form.show_problems(exc)
            return False
        except MissionDeskError as exc:
            self.context.show_error(exc)
            return False
        return True

    def can_delete(self) -> bool:
        return self.current_id is not None and not self.context.read_only

    def delete_selected(self) -> None:
        if not self.can_delete():
            return
        assert self.current_id is not None
        record_id = self.current_id
        with self.context.mission.session_factory() as session:
            name, goes = self.describe_delete(session, record_id)
        texts = self.texts()
        message = texts["confirm"].format(name=name)
        if goes:
            message += "\n\n" + _("This also deletes: {list}.").format(list=", ".join(goes))
        message += "\n\n" + _("You can undo this with Edit ▸ Undo.")

        def confirmed() -> None:
            row = self.model.row_of(record_id) or 0
            if self.current_id == record_id:
                self.form.load(self.form.loaded, self.form.heading.text())  # drop edits
            try:
                execute(DeleteCommand(self.context, texts["delete"].format(name=name),
                                      self.kind, self.table, [record_id], self.delete_record))
            except MissionDeskError as exc:
                self.context.show_error(exc)
                return
            if self.model.rowCount():
                self.select(self.model.id_at(min(row, self.model.rowCount() - 1)))

        ask(self, texts["delete"].format(name=name), message, _("Delete"), confirmed,
            destructive=True, name="confirmDelete")

    def _update_actions(self) -> None:
        writable = not self.context.read_only
        self.add_action.setEnabled(writable)
        self.duplicate_action.setEnabled(writable and self.current_id is not None)
        self.delete_action.setEnabled(self.can_delete())

    # -- remembered layout -------------------------------------------------------------------

    def save_state(self) -> None:
        settings = app_settings()
        settings.setValue(f"pages/{self.key}/splitter", self.splitter.saveState())
        settings.setValue(f"pages/{self.key}/details", self.right_splitter.saveState())
        settings.setValue(f"pages/{self.key}/header",
                          self.view.horizontalHeader().saveState())

    def _restore_state(self) -> None:
        settings = app_settings()
        for name, widget in (("splitter", self.splitter), ("details", self.right_splitter)):
            state = settings.value(f"pages/{self.key}/{name}")
            if state is not None:
                widget.restoreState(state)
        header = settings.value(f"pages/{self.key}/header")
        if header is None or not self.view.horizontalHeader().restoreState(header):
            self._fit_pending = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._fit_pending:
            # After the layout has given the table its width.
            QTimer.singleShot(0, self, self._first_fit)

    def _first_fit(self) -> None:
        if self._fit_pending and self.view.viewport().width() > 0:
            self._fit_pending = False
            self.columns.fit()


def _bold(font: QFont) -> QFont:
    font.setBold(True)
    return font
