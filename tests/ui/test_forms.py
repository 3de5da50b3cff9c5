"""Small things every form shares: examples in the form's own way of writing days, captions
that keep their last letter, keys that exist on every platform."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.i18n import set_language
from desktop.ui.dialogs import NewMissionDialog, quit_keys
from desktop.ui.forms import day_example, field_label
from desktop.ui.travel.fields import local_example, parse_local


def test_examples_are_written_the_way_the_form_reads_them(qapp: QApplication) -> None:
    assert day_example(date(2007, 5, 15)) == "e.g. 2007-05-15"
    assert local_example(datetime(2007, 5, 14, 7, 15)) == "local time, e.g. 2007-05-14 07:15"
    set_language("fr")
    assert day_example(date(2007, 5, 15)) == "p. ex. 15/05/2007"
    example = local_example(datetime(2007, 5, 14, 7, 15))
    assert example == "heure locale, p. ex. 14/05/2007 07:15"
    # What the example shows, the form reads back.
    assert parse_local(example.split("p. ex. ")[1]) == datetime(2007, 5, 14, 7, 15)
    assert NewMissionDialog().start.displayFormat() == "dd/MM/yyyy"


def test_a_local_time_may_be_written_with_am_or_pm(qapp: QApplication) -> None:
    assert parse_local("2007-05-13 6:40 PM") == datetime(2007, 5, 13, 18, 40)
    assert parse_local("2007-05-13 6:40 p.m.") == datetime(2007, 5, 13, 18, 40)
    with pytest.raises(ValueError, match="needs a day and a time"):
        parse_local("6:40 PM")


def test_a_short_caption_keeps_its_last_letter(qapp: QApplication) -> None:
    caption = field_label("&To", QLineEdit())
    assert caption.minimumWidth() > caption.fontMetrics().horizontalAdvance("To")
    assert NewMissionDialog().start.displayFormat() == "yyyy-MM-dd"


def test_quit_has_keys_on_every_platform(qapp: QApplication) -> None:
    assert not quit_keys().isEmpty()


def test_a_choice_cut_at_the_box_s_edge_shows_whole_in_its_tip(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QComboBox

    from desktop.ui.forms import RecordForm

    form = RecordForm()
    venue = form.add_field("venue", "&Venue", QComboBox())
    assert isinstance(venue, QComboBox)
    venue.addItems(["Mohammed V International Airport, Casablanca", "Dar Layali"])
    venue.setCurrentIndex(0)
    assert venue.toolTip() == "Mohammed V International Airport, Casablanca"
    venue.setCurrentIndex(1)
    assert venue.toolTip() == "Dar Layali"
