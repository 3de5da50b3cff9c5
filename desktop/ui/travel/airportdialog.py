"""Adding an airport to the mission's table, from the flight form that did not know it."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import MissionDeskError, ValidationError
from desktop.i18n import _
from desktop.travel.airports import AirportInput
from desktop.ui.forms import field_label


class AirportDialog(QDialog):
    """The code, name, city, country and time zone of an airport.

    ``submit(data)`` saves it and raises ValidationError if refused; the dialog then stays
    open with each message under its field.
    """

    def __init__(self, code: str, submit: Callable[[AirportInput], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("airportDialog")
        self.setWindowTitle(_("Add an airport"))
        self._submit = submit
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        explanation = QLabel(_("Flight times are read in the airport's local time: choose its "
                               "time zone from the list (e.g. Africa/Casablanca)."))
        explanation.setWordWrap(True)
        form = QFormLayout()
        for name, caption in (("iata", _("&Code")), ("name", _("&Name")), ("city", _("C&ity")),
                              ("country", _("Co&untry")), ("timezone", _("&Time zone"))):
            widget: QLineEdit | QComboBox
            if name == "timezone":
                widget = QComboBox()
                widget.setEditable(True)
                widget.addItems(sorted(available_timezones()))
                widget.setCurrentText("")
                completer = QCompleter(sorted(available_timezones()), widget)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                widget.setCompleter(completer)
            else:
                widget = QLineEdit()
            widget.setObjectName(name)
            error = QLabel()
            error.setObjectName(f"{name}_error")
            error.setStyleSheet("color: #b3261e;")
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(field_label(caption, widget), column)
            self.fields[name] = widget
            self.errors[name] = error
        code_field = self.fields["iata"]
        assert isinstance(code_field, QLineEdit)
        code_field.setText(code)
        code_field.setMaxLength(3)
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #b3261e;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add the airport"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.resize(460, 0)

    def value(self, name: str) -> str:
        widget = self.fields[name]
        return widget.text() if isinstance(widget, QLineEdit) else widget.currentText()

    def set_value(self, name: str, value: str) -> None:
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setCurrentText(value)

    def data(self) -> AirportInput:
        return AirportInput(iata=self.value("iata"), name=self.value("name"),
                            city=self.value("city"), country=self.value("country"),
                            timezone=self.value("timezone"))

    def save(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        try:
            self._submit(self.data())
        except ValidationError as exc:
            for problem in exc.problems:
                label = self.errors.get(problem.field or "", self.general_error)
                label.setText(problem.message)
                label.show()
            return
        except MissionDeskError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return
        self.accept()
