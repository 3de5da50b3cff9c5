"""One participant at a time: its agenda (meetings in time order) and its wish list (whom it
asked to meet), where a wish can be added from the keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.b2b.meetings import agenda
from desktop.b2b.requests import RequestInput, add_request, requests_by_partner, wish_list
from desktop.b2b.setup import list_participants, participant_side
from desktop.db.enums import RequestStatus, label
from desktop.db.models import MeetingRequest, ProgramSession
from desktop.errors import MissionDeskError
from desktop.i18n import _, current_language, format_time, format_weekday_date, ngettext
from desktop.program.sessions import where_held
from desktop.ui.b2b.commands import RequestChange
from desktop.ui.b2b.matrix import pair_request_ids
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.undo import execute


def _table(name: str, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    # Columns fit their cells; the names (column ``stretch``) take the rest of the width.
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class AgendaTab(QWidget):
    """A participant chooser, its agenda, its wish list and a way to add a wish."""

    def __init__(self, context: MissionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.participants = QComboBox()
        self.participants.setObjectName("participantChooser")
        self.participants.setMinimumContentsLength(30)
        self.participants.currentIndexChanged.connect(self.show_current)
        self.agenda = _table("agendaTable", [_("Day"), _("Time"), _("Where"), _("Table"),
                                             _("With"), _("Request"), _("Interpreter"),
                                             _("Locked")], stretch=5)
        self.wishes = _table("wishTable", [_("Asked to meet"), _("Priority"), _("Status"),
                                           _("Mutual"), _("Scheduled")], stretch=0)
        self.target = QComboBox()
        self.target.setObjectName("wishTarget")
        self.priority = QSpinBox()
        self.priority.setRange(1, 3)
        self.priority.setValue(2)
        add = QPushButton(_("&Add to the wish list"))
        add.setObjectName("addWish")
        add.setEnabled(not context.read_only)
        add.clicked.connect(self.add_wish)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)

        chooser = QFormLayout()
        chooser.addRow(_("&Participant:"), self.participants)
        adding = QHBoxLayout()
        ask = QLabel(_("Ask to &meet:"))
        ask.setBuddy(self.target)
        adding.addWidget(ask)
        adding.addWidget(self.target, 1)
        priority = QLabel(_("Priorit&y:"))
        priority.setBuddy(self.priority)
        adding.addWidget(priority)
        adding.addWidget(self.priority)
        adding.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        self.agenda_title = QLabel(_("Agenda"))
        self.agenda_title.setObjectName("agendaTitle")
        self.wishes_title = QLabel(_("Wish list"))
        self.wishes_title.setObjectName("wishesTitle")
        for title in (self.agenda_title, self.wishes_title):
            title.setWordWrap(True)  # a long title must not widen the window
        layout.addWidget(self.agenda_title)
        layout.addWidget(self.agenda, 3)
        layout.addWidget(self.wishes_title)
        layout.addWidget(self.wishes, 2)
        layout.addLayout(adding)
        layout.addWidget(self.feedback)

    def load(self) -> None:
        current = self.participants.currentData()
        self.participants.blockSignals(True)
        self.participants.clear()
        with self.context.mission.session_factory() as session:
            for participant in list_participants(session):
                side = participant_side(participant)
                text = participant.name if side is None else _("{name} ({side})").format(
                    name=participant.name, side=label(side))
                self.participants.addItem(text, participant.id)
        self.participants.blockSignals(False)
        self.participants.setCurrentIndex(max(self.participants.findData(current), 0))
        self.show_current()

    def show_participant(self, participant_id: int) -> None:
        found = self.participants.findData(participant_id)
        if found >= 0:
            self.participants.setCurrentIndex(found)
            self.show_current()

    def show_current(self) -> None:
        participant_id = self.participants.currentData()
        if participant_id is None:
            _fill(self.agenda, [])
            _fill(self.wishes, [])
            self.agenda_title.setText(_("Agenda"))
            self.wishes_title.setText(_("Wish list"))
            return
        with self.context.mission.session_factory() as session:
            self._show(session, participant_id)

    def _show(self, session: Session, participant_id: int) -> None:
        rows = []
        requests = requests_by_partner(session, participant_id)
        meetings = agenda(session, participant_id)
        for meeting in meetings:
            other = (meeting.participant_b if meeting.participant_a_id == participant_id
                     else meeting.participant_a)
            rows.append([format_weekday_date(meeting.slot.starts_at.date()),
                         _("{start}–{end}").format(start=format_time(meeting.slot.starts_at),
                                                   end=format_time(meeting.slot.ends_at)),
                         _where(meeting.slot.block), meeting.table.name, other.name,
                         _request_text(requests.get(other.id, []), participant_id),
                         meeting.interpreter.name if meeting.interpreter else "",
                         _("locked") if meeting.locked else ""])
        _fill(self.agenda, rows)
        n = len(rows)
        met = {other for other, found in requests.items()
               if any(r.status == RequestStatus.ACCEPTED for r in found)}
        waiting = len(met - {m.participant_b_id if m.participant_a_id == participant_id
                             else m.participant_a_id for m in meetings})
        title = ngettext("Agenda: {n} meeting", "Agenda: {n} meetings", n).format(n=n) if n \
            else _("Agenda: no meeting")
        if waiting:  # what the organiser may be looking for: why they are missing
            title += " · " + ngettext("{n} accepted request has no meeting",
                                      "{n} accepted requests have no meeting",
                                      waiting).format(n=waiting)
        self.agenda_title.setText(title)
        wishes = wish_list(session, participant_id)
        placed = sum(1 for w in wishes if w.meeting)
        title = _("Wish list: {requests}, {scheduled}").format(
            requests=ngettext("{n} request", "{n} requests", len(wishes)).format(
                n=len(wishes)),
            scheduled=ngettext("{n} scheduled", "{n} scheduled", placed).format(n=placed)) \
            if wishes else _("Wish list: no request made yet (add a wish below)")
        # The wish list holds the participant's own requests; say what others asked of it,
        # which its agenda may well be full of.
        received = sum(1 for found in requests.values() if any(
            r.target_id == participant_id and r.status != RequestStatus.DECLINED
            for r in found))
        if received:
            title += " · " + ngettext("{n} other participant asked to meet it",
                                      "{n} other participants asked to meet it",
                                      received).format(n=received)
        self.wishes_title.setText(title)
        _fill(self.wishes, [[w.other.name, str(w.request.priority), label(w.request.status),
                             _("yes") if w.mutual else "", _("yes") if w.meeting else _("no")]
                            for w in wishes])
        asked = {w.other.id for w in wishes}
        me = next(p for p in list_participants(session) if p.id == participant_id)
        side = participant_side(me)
        self.target.clear()
        for other in list_participants(session):
            if other.id != participant_id and other.id not in asked and (
                    side is None or participant_side(other) != side):
                self.target.addItem(other.name, other.id)

    def add_wish(self) -> bool:
        requester, target = self.participants.currentData(), self.target.currentData()
        if requester is None or target is None:
            return False
        priority = self.priority.value()

        def change(session: Session) -> object:
            return add_request(session, RequestInput(requester, target, priority))

        try:
            execute(RequestChange(self.context, _("Add a meeting request"), change,
                                  lambda s: pair_request_ids(s, requester, target)))
        except MissionDeskError as exc:
            self.feedback.setText(error_text(exc))
            return False
        self.feedback.setText(_("Added to the wish list. Undo with Ctrl+Z."))
        return True


def _request_text(requests: list[MeetingRequest], participant_id: int) -> str:
    """Why the meeting is there: its request's status and who asked ("Accepted · both
    asked"), or that it was placed without one."""
    live = [r for r in requests if r.status != RequestStatus.DECLINED] or requests
    if not live:
        return _("no request (placed by hand)")
    status = RequestStatus.ACCEPTED if any(r.status == RequestStatus.ACCEPTED for r in live) \
        else live[0].status
    if len(live) > 1:
        who = _("both asked")
    elif live[0].requester_id == participant_id:
        who = _("its own request")
    else:
        who = _("the other side's request")
    return _("{status} · {who}").format(status=label(status), who=who)


def _where(block: ProgramSession) -> str:
    """The block's venue (and room), else its title."""
    return where_held(block) or block.title_in(current_language())
