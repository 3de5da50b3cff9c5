"""The Travel page: flights, the day's arrivals and departures, hotels and transfers, as tabs.

Each tab loads when first shown and follows the mission's changes from then on; a problem
found by the travel checks opens here at its record.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.checks import Ref
from desktop.i18n import _
from desktop.ui.context import MissionContext
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.base import Page
from desktop.ui.travel.flights import FlightsTab
from desktop.ui.travel.hotelstab import HotelsTab
from desktop.ui.travel.timeline import TimelineTab
from desktop.ui.travel.transferstab import TransfersTab


class TravelPage(Page):
    """Tabs over the mission's travel: each tab is a page of its own, loaded when shown."""

    key = "travel"

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("travelTabs")
        self.flights = FlightsTab(context)
        self.board = TimelineTab(context)
        self.hotels = HotelsTab(context)
        self.tabs.addTab(self.flights, _("&Flights"))
        self.tabs.addTab(self.board, _("Arrivals && &departures"))
        self.transfers = TransfersTab(context)
        self.tabs.addTab(self.hotels, _("&Hotels"))
        self.tabs.addTab(self.transfers, _("&Transfers"))
        self.tabs.currentChanged.connect(self._tab_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)

    def _current(self) -> Page | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, Page) else None

    def load(self) -> None:
        self._tab_chosen(self.tabs.currentIndex())

    def _tab_chosen(self, _index: int) -> None:
        if self._activated:
            current = self._current()
            if current is not None:
                current.activate()

    def show_tab(self, tab: QWidget) -> None:
        self.activate()
        self.tabs.setCurrentWidget(tab)
        self._tab_chosen(self.tabs.currentIndex())

    def open_ref(self, ref: Ref) -> bool:
        for tab in (self.tabs.widget(n) for n in range(self.tabs.count())):
            if isinstance(tab, Page) and ref.kind in getattr(tab, "ref_kinds", ()):
                self.show_tab(tab)
                return tab.open_ref(ref)
        return False

    def focus_find(self) -> None:
        current = self._current()
        if current is not None:
            current.focus_find()

    def can_delete(self) -> bool:
        current = self._current()
        return current is not None and current.can_delete()

    def delete_selected(self) -> None:
        current = self._current()
        if current is not None:
            current.delete_selected()

    def document_kind(self) -> str | None:
        kinds: dict[QWidget, str] = {self.flights: "arrivals-board",
                                     self.board: "arrivals-board",
                                     self.hotels: "rooming-list",
                                     self.transfers: "transfer-manifest"}
        return kinds.get(self.tabs.currentWidget())

    def save_state(self) -> None:
        for n in range(self.tabs.count()):
            tab = self.tabs.widget(n)
            if isinstance(tab, Page):
                tab.save_state()


register_page(PageSpec("travel", lambda: _("Travel"), TravelPage,
                       ref_kinds=("flight", "hotel_stay", "room_block", "transfer"), order=60))
