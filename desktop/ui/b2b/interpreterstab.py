"""The Interpreters tab: the mission's interpreters and their languages, added, edited and
deleted through the services (each message next to its field), and the slots of the chosen
block in which each one is away."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.b2b.setup import (
    InterpreterInput,
    add_interpreter,
    delete_interpreter,
    get_interpreter,
    interpreter_input,
    update_interpreter,
)
from desktop.errors import MissionDeskError, ValidationError
from desktop.i18n import _
from desktop.ui.b2b.availability import ToggleView
from desktop.ui.b2b.blockchooser import BlockTab
from desktop.ui.b2b.interpretermodels import InterpreterSlotsModel, InterpretersModel
from desktop.ui.b2b.setupcommands import INTERPRETER_KIND, InterpreterSlotChange
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.forms import RecordForm
from desktop.ui.undo import AddCommand, DeleteCommand, UpdateCommand, execute

REFUSED_STYLE = "color: #a4000f; font-weight: bold;"


def _codes(text: str) -> list[str]:
    """Language codes from what the organiser typed: codes (``ar, fr``) or names in English
    or French (``Arabic, French``, ``arabe et anglais``), as the roster import reads them."""
    from desktop.exchange.values import parse_languages

    return parse_languages(text)


class InterpreterForm(RecordForm):
    """Name, languages (codes) and notes of one interpreter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line("name", _("&Name"), 200)
        self.line("languages", _("&Languages"), 60, _("e.g. ar, fr, en or Arabic, French"))
        self.notes("notes", _("N&otes"))

    def fill(self, data: InterpreterInput) -> None:
        self.set_value("name", data.name)
        self.set_value("languages", ", ".join(data.languages))
        self.set_value("notes", data.notes)

    def collect(self) -> InterpreterInput:
        loaded = self.loaded
        return InterpreterInput(self.text("name"), _codes(self.text("languages")),
                                loaded.person_id if loaded is not None else None,
                                self.text("notes"))


class InterpretersTab(BlockTab):
    """The interpreters with their form, and their away slots in the chosen block."""

    def __init__(self, context: MissionContext, source: QComboBox,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, source, parent)
        self.editing: int | None = None
        factory = context.mission.session_factory
        self.model = InterpretersModel(factory, self)
        self.view = QTableView()
        self.view.setObjectName("interpreterList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._chosen)
        self.form = InterpreterForm()
        self.form.save_requested.connect(self.save)
        self.form.set_read_only(context.read_only)
        self.add_button = QPushButton(_("&New interpreter"))
        self.add_button.setObjectName("addInterpreter")
        self.add_button.clicked.connect(self.new)
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.setObjectName("deleteInterpreter")
        self.delete_button.setToolTip(_("Delete the interpreter; their meetings stay, "
                                        "without an interpreter"))
        self.delete_button.clicked.connect(self.delete)
        self.slots = InterpreterSlotsModel(factory, self)
        self.slot_view = ToggleView()
        self.slot_view.setObjectName("interpreterSlots")
        self.slot_view.setModel(self.slots)
        self.slot_view.set_slot_width(80)
        self.slot_view.toggle_requested.connect(self.toggle_away)
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        upper = QSplitter()
        upper.addWidget(left)
        upper.addWidget(self.form)
        upper.setSizes([520, 480])
        upper.setChildrenCollapsible(False)
        away = QGroupBox(_("Away in the block's slots (click or Space to switch)"))
        away_column = QVBoxLayout(away)
        top = QHBoxLayout()
        caption = QLabel(_("B2B &block:"))
        caption.setBuddy(self.blocks)
        top.addWidget(caption)
        top.addWidget(self.blocks, 1)
        away_column.addLayout(top)
        away_column.addWidget(self.slot_view, 1)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(upper)
        outer.addWidget(away)
        outer.setSizes([380, 260])
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(outer, 1)
        layout.addWidget(self.feedback)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        keep = self.editing
        self.model.reload()
        self.view.resizeColumnToContents(0)
        super().load()
        self.slots.set_block(self.loaded_block)
        row = self.model.row_of(keep)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        elif self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new()
        self._update_buttons()

    def block_changed(self) -> None:
        """Only the away slots depend on the block."""
        self.loaded_block = self.blocks.currentData()
        self.slots.set_block(self.loaded_block)

    def _chosen(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        interpreter_id = self.model.ids[current.row()]
        with self.context.mission.session_factory() as session:
            try:
                interpreter = get_interpreter(session, interpreter_id)
            except MissionDeskError:
                return
            data, name = interpreter_input(interpreter), interpreter.name
        self.editing = interpreter_id
        self.form.load(data, name)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = not self.context.read_only
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.editing is not None)

    def say(self, text: str, *, refused: bool = False) -> None:
        self.feedback.setStyleSheet(REFUSED_STYLE if refused else "")
        self.feedback.setText(text)

    # -- changes ----------------------------------------------------------------------------

    def new(self) -> None:
        self.editing = None
        self.view.clearSelection()
        self.form.load(InterpreterInput("", []), _("New interpreter"))
        self.form.fields["name"].setFocus()
        self._update_buttons()

    def save(self) -> bool:
        """Add or update the interpreter of the form; problems go next to their fields."""
        data = self.form.collect()
        try:
            if self.editing is None:
                command = execute(AddCommand(
                    self.context, _("Add an interpreter"), INTERPRETER_KIND, "interpreter",
                    lambda s: add_interpreter(s, data).id, delete_interpreter))
                assert isinstance(command, AddCommand)
                self.editing = command.record_id
            else:
                execute(UpdateCommand(self.context, _("Edit an interpreter"),
                                      INTERPRETER_KIND, self.editing, update_interpreter,
                                      self.form.loaded, data))
        except ValidationError as exc:
            self.form.show_problems(exc)
            return False
        except MissionDeskError as exc:
            self.say(error_text(exc), refused=True)
            return False
        self.say(_("Interpreter saved. Undo with Ctrl+Z."))
        self.load()
        return True

    def delete(self) -> bool:
        if self.editing is None or self.context.read_only:
            return False
        try:
            execute(DeleteCommand(self.context, _("Delete an interpreter"), INTERPRETER_KIND,
                                  "interpreter", [self.editing], delete_interpreter))
        except MissionDeskError as exc:
            self.say(error_text(exc), refused=True)
            return False
        self.editing = None
        self.say(_("Interpreter deleted. Undo with Ctrl+Z."))
        self.load()
        return True

    def toggle_away(self, index: QModelIndex) -> bool:
        if not index.isValid() or self.context.read_only:
            return False
        interpreter_id, slot_id = self.slots.place(index)
        away = not self.slots.away(index)
        text = _("Mark an interpreter away") if away else _("Mark an interpreter available")
        try:
            execute(InterpreterSlotChange(self.context, text, interpreter_id, slot_id, away))
        except MissionDeskError as exc:
            self.say(_("Not changed: {reasons}").format(reasons=error_text(exc)), refused=True)
            return False
        self.say(_("Marked away. Undo with Ctrl+Z.") if away
                 else _("Marked available. Undo with Ctrl+Z."))
        return True
