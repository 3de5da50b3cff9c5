"""The Blocks tab: a block's slots (pauses shown as gaps) and tables, and the actions that cut
new slots, set the tables and give a table to a host for the whole block."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.b2b.setup import get_block
from desktop.errors import MissionDeskError
from desktop.i18n import _, ngettext
from desktop.ui.b2b.blockchooser import BlockTab
from desktop.ui.b2b.slotdialogs import (
    AssignTableDialog,
    RegenerateSlotsDialog,
    SetTablesDialog,
    SetupDialog,
)
from desktop.ui.b2b.slotmodels import SlotsModel, TablesModel, pauses_of
from desktop.ui.context import MissionContext

DEFAULT_MINUTES = 20


def _table_view(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setAlternatingRowColors(False)
    return view


class BlocksTab(BlockTab):
    """Slots and tables of the block chosen on the page, and the dialogs that change them."""

    def __init__(self, context: MissionContext, source: QComboBox,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, source, parent)
        self.dialog: SetupDialog | None = None
        self.slots = SlotsModel(context.mission.session_factory, self)
        self.tables = TablesModel(context.mission.session_factory, self)
        self.slot_view = _table_view("slotList")
        self.slot_view.setModel(self.slots)
        self.table_view = _table_view("tableList")
        self.table_view.setModel(self.tables)
        self.table_view.doubleClicked.connect(lambda _i: self.assign_table())
        self.regenerate_button = QPushButton(_("Re&generate slots…"))
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setToolTip(_("Cut the block into slots of a new length around "
                                            "its pauses (only while it holds no meeting)"))
        self.regenerate_button.clicked.connect(self.regenerate_slots)
        self.tables_button = QPushButton(_("Set &tables…"))
        self.tables_button.setObjectName("setTablesButton")
        self.tables_button.clicked.connect(self.set_tables)
        self.assign_button = QPushButton(_("&Assign table to a host…"))
        self.assign_button.setObjectName("assignButton")
        self.assign_button.setToolTip(_("Keep one table for a host all through the block, "
                                        "or free it"))
        self.assign_button.clicked.connect(self.assign_table)
        self.slot_count = QLabel()
        self.slot_count.setObjectName("slotCount")
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)

        top = QHBoxLayout()
        caption = QLabel(_("B2B &block:"))
        caption.setBuddy(self.blocks)
        top.addWidget(caption)
        top.addWidget(self.blocks, 1)
        slots_box = QGroupBox(_("Slots"))
        slots_column = QVBoxLayout(slots_box)
        slots_column.addWidget(self.slot_count)
        slots_column.addWidget(self.slot_view, 1)
        slots_column.addWidget(self.regenerate_button, 0, Qt.AlignmentFlag.AlignLeft)
        tables_box = QGroupBox(_("Tables"))
        tables_column = QVBoxLayout(tables_box)
        tables_column.addWidget(self.table_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.tables_button)
        buttons.addWidget(self.assign_button)
        buttons.addStretch(1)
        tables_column.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(slots_box)
        splitter.addWidget(tables_box)
        splitter.setSizes([380, 620])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.feedback)

    def load(self) -> None:
        super().load()
        block_id = self.loaded_block
        self.slots.set_block(block_id)
        self.tables.set_block(block_id)
        self.slot_view.resizeColumnsToContents()
        self.table_view.resizeColumnsToContents()
        count = self.slots.slot_count
        self.slot_count.setText(ngettext("{n} slot of {m} minutes", "{n} slots of {m} minutes",
                                         count).format(n=count, m=self._minutes()) if count
                                else _("No slots yet: regenerate them."))
        for button in (self.regenerate_button, self.tables_button, self.assign_button):
            button.setEnabled(block_id is not None and not self.context.read_only)



    def _minutes(self) -> int:
        block_id = self.blocks.currentData()
        if block_id is None:
            return DEFAULT_MINUTES
        with self.context.mission.session_factory() as session:
            try:
                minutes = get_block(session, block_id).slot_minutes
            except MissionDeskError:
                minutes = None
        if minutes is None and self.slots.rows:
            first = self.slots.rows[0]
            minutes = int((first.ends_at - first.starts_at).total_seconds() // 60)
        return minutes or DEFAULT_MINUTES

    def say(self, text: str) -> None:
        self.feedback.setText(text)

    def _open(self, dialog: SetupDialog) -> SetupDialog:
        dialog.changed.connect(self.say)
        self.dialog = dialog
        dialog.open()
        return dialog

    def regenerate_slots(self) -> SetupDialog | None:
        block_id = self.blocks.currentData()
        if block_id is None:
            return None
        return self._open(RegenerateSlotsDialog(self.context, block_id, self._minutes(),
                                                pauses_of(self.slots.rows), self))

    def set_tables(self) -> SetupDialog | None:
        block_id = self.blocks.currentData()
        if block_id is None:
            return None
        return self._open(SetTablesDialog(self.context, block_id, self))

    def assign_table(self) -> SetupDialog | None:
        block_id = self.blocks.currentData()
        if block_id is None or self.context.read_only:
            return None
        table_id = self.tables.table_id(self.table_view.currentIndex().row())
        return self._open(AssignTableDialog(self.context, block_id, table_id, self))
