"""The detail editor beside a table: fields, a message under each field at fault, Save/Revert.

A :class:`RecordForm` knows nothing of the database: a page loads it with a service's input
dataclass and asks it back with :meth:`RecordForm.collect`; the page saves through an undoable
command and hands any :class:`~desktop.errors.ValidationError` back to :meth:`show_problems`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.dates import parse_day
from desktop.errors import Problem, ValidationError
from desktop.i18n import _, current_language


class ValueField(QWidget):
    """A field whose value is neither text nor one choice (e.g. a list of people).

    Signals:
        changed(): the user changed the value.
    """

    changed = Signal()

    def field_value(self) -> Any:
        raise NotImplementedError

    def set_field_value(self, value: Any) -> None:
        raise NotImplementedError

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802  (as QLineEdit says it)
        raise NotImplementedError


FieldWidget = QLineEdit | QComboBox | QPlainTextEdit | ValueField


def format_day(value: date | None) -> str:
    """A day as the form shows it and reads it back (day-first in French, ISO in English)."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if current_language() == "fr" else value.isoformat()


def day_example(value: date) -> str:
    """The placeholder of a day field, written the way the form reads days: "e.g. 2007-05-15",
    « p. ex. 15/05/2007 »."""
    return _("e.g. {day}").format(day=format_day(value))


class ChoiceModel(QAbstractListModel):
    """The entries of a long choice list (thousands of organisations): filled in one go,
    where adding items to a combo box one by one takes tens of milliseconds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[tuple[str, Any]] = []
        self._rows: dict[Any, int] = {}

    def set_entries(self, entries: list[tuple[str, Any]]) -> None:
        """(caption, value) pairs; the value is what ``QComboBox.currentData()`` returns."""
        self.beginResetModel()
        self._entries = entries
        self._rows = {}
        for row, (_caption, value) in enumerate(entries):
            self._rows.setdefault(value, row)
        self.endResetModel()

    def row_of(self, value: Any) -> int:
        """The row of ``value``, or -1 (what ``QComboBox.findData`` finds, without asking
        every row for its data)."""
        return self._rows.get(value, -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008, N802
                 ) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        caption, value = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return caption
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None


def field_label(text: str, buddy: QWidget) -> QLabel:
    """A form's caption for ``buddy`` (its Alt key moves there). Qt measures the caption
    kerned but draws the underlined letter apart, a little wider: "&To" came out "Tc". A
    few pixels more than its measure keep the last letter whole."""
    caption = QLabel(text)
    caption.setBuddy(buddy)
    caption.setMinimumWidth(caption.sizeHint().width() + 3)
    return caption


class _FieldsScrollArea(QScrollArea):
    """A scroll area that is never narrower than its fields need, with the scroll bar beside
    them: the splitter around the form cannot squeeze fields under the bar."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        width = body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())


class RecordForm(QWidget):
    """Fields of one record with Save and Revert; Ctrl+S saves, Escape reverts.

    Signals:
        save_requested(): the user asked to save what the fields hold.
        dirty_changed(bool): the fields differ (or no longer differ) from what was loaded.
    """

    save_requested = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, FieldWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._dirty = False
        self._loading = False
        self._read_only = False

        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        body = QWidget()
        self.layout_ = QFormLayout()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.layout_)
        column.addStretch(1)  # spare height goes below the fields, not between them
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        # A gap between the fields and the scroll bar, so that a bar drawn over the content
        # (as some styles do) never hides the right edge of a field.
        margins = self.layout_.contentsMargins()
        margins.setRight(margins.right() + 6)
        self.layout_.setContentsMargins(margins)
        scroll = _FieldsScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The fields always fit the width: never a sideways scroll that puts them under the bar.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body, self._scroll = body, scroll

        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b3261e;")
        self.general_error.hide()

        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(_("Save the changes (Ctrl+S)"))
        self.revert_button = QPushButton(_("Revert"))
        self.revert_button.setToolTip(_("Forget the changes (Esc)"))
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        outer.addWidget(self.heading)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.general_error)
        outer.addLayout(buttons)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_if_enabled)
        revert = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        revert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        revert.activated.connect(self.revert)
        self._loaded: Any = None
        self._update_buttons()

    # -- building ----------------------------------------------------------------------------

    def add_field(self, name: str, text: str, widget: FieldWidget,
                  tooltip: str = "") -> FieldWidget:
        """Add a labelled field with its (hidden) error line under it."""
        widget.setObjectName(name)
        if tooltip:
            widget.setToolTip(tooltip)
        error = QLabel()
        error.setObjectName(f"{name}_error")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b3261e;")
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.layout_.addRow(field_label(text, widget), holder)
        self.fields[name] = widget
        self.errors[name] = error
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self._changed)
            if not tooltip:  # a long choice is cut at the box's edge: the tip shows it whole
                widget.currentTextChanged.connect(widget.setToolTip)
        elif isinstance(widget, ValueField):
            widget.changed.connect(self._changed)
        else:
            widget.textChanged.connect(self._changed)
        return widget

    def line(self, name: str, text: str, max_length: int = 0,
             placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        if max_length:
            edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.add_field(name, text, edit)
        return edit

    def choice(self, name: str, text: str, items: Iterable[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        # A long entry (a venue's full name) must not widen the whole form: it is cut instead.
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        for caption, value in items:
            combo.addItem(caption, value)
        self.add_field(name, text, combo)
        return combo

    def long_choice(self, name: str, text: str) -> QComboBox:
        """A choice among many entries, set with :meth:`set_choices`."""
        combo = self.choice(name, text, [])
        combo.setModel(ChoiceModel(combo))
        return combo

    def set_choices(self, name: str, entries: list[tuple[str, Any]]) -> None:
        """Replace the entries of the :meth:`long_choice` ``name``, keeping its value."""
        combo = self.fields[name]
        assert isinstance(combo, QComboBox)
        model = combo.model()
        assert isinstance(model, ChoiceModel)
        current = self.value(name)
        loading, self._loading = self._loading, True
        try:
            model.set_entries(entries)
            self.set_value(name, current)
        finally:
            self._loading = loading

    def notes(self, name: str, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field(name, text, edit)
        return edit

    # -- values ------------------------------------------------------------------------------

    def text(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, ValueField):
            return ""
        return widget.currentText()

    def value(self, name: str) -> Any:
        widget = self.fields[name]
        if isinstance(widget, ValueField):
            return widget.field_value()
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def set_value(self, name: str, value: Any) -> None:
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
            widget.setCursorPosition(0)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, ValueField):
            widget.set_field_value(value)
        else:
            model = widget.model()
            position = (model.row_of(value) if isinstance(model, ChoiceModel)
                        else widget.findData(value))
            if position < 0 and value is not None and widget.isEditable():
                widget.setEditText(str(value))
            else:
                widget.setCurrentIndex(max(position, 0))

    def day(self, name: str, problems: list[Problem]) -> date | None:
        """The date typed in field ``name``, or None; a problem is noted if unreadable."""
        text = self.text(name).strip()
        if not text:
            return None
        try:
            return parse_day(text)
        except ValueError as exc:
            problems.append(Problem(str(exc), field=name))
            return None

    # -- loading and saving ------------------------------------------------------------------

    def load(self, data: Any, heading: str) -> None:
        """Show ``data`` (a service input dataclass); the form is clean afterwards."""
        self._loading = True
        try:
            self._loaded = data
            self.heading.setText(heading)
            self.fill(data)
        finally:
            self._loading = False
        self._scroll.updateGeometry()  # choices and notes may have changed the width needed
        self.clear_problems()
        self._set_dirty(False)

    def fill(self, data: Any) -> None:
        raise NotImplementedError

    def collect(self) -> Any:
        """The input dataclass the fields describe; raises ValidationError for unreadable
        fields (dates...)."""
        raise NotImplementedError

    def revert(self) -> None:
        if self._loaded is not None:
            self.load(self._loaded, self.heading.text())

    @property
    def loaded(self) -> Any:
        return self._loaded

    def show_problems(self, error: ValidationError) -> None:
        """Put each message under its field; messages without a field go at the bottom."""
        self.clear_problems()
        general = []
        first: QWidget | None = None
        for problem in error.problems:
            label = self.errors.get(problem.field or "")
            if label is None:
                general.append(problem.message)
                continue
            label.setText((label.text() + "\n" if label.text() else "") + problem.message)
            label.show()
            if first is None:
                first = self.fields[problem.field or ""]
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if first is not None:
            first.setFocus()

    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.general_error.clear()
        self.general_error.hide()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in self.fields.values():
            if isinstance(widget, QComboBox):
                widget.setEnabled(not read_only)
            else:
                widget.setReadOnly(read_only)
        self._update_buttons()

    def _save_if_enabled(self) -> None:
        if self.save_button.isEnabled():
            self.save_requested.emit()

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self._update_buttons()
        if changed:
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty and not self._read_only)
        self.revert_button.setEnabled(self._dirty and not self._read_only)
