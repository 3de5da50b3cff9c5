"""The pages of the main window, and how a page joins the navigation: one registration.

A capability adds its page with::

    register_page(PageSpec("travel", lambda: _("Travel"), TravelPage, ref_kinds=("flight",),
                           order=60))

in a module listed in :data:`BUILTIN_PAGES` (or imported before the window is built).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.context import MissionContext
    from desktop.ui.pages.base import Page

BUILTIN_PAGES = ("overview", "organizations", "people", "programme", "b2b", "travel", "documents")


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: its key, its (translated at call time) title, its class."""

    key: str
    title: Callable[[], str]
    factory: Callable[[MissionContext], Page]
    ref_kinds: tuple[str, ...] = ()
    order: int = 100


_REGISTRY: dict[str, PageSpec] = {}


def register_page(spec: PageSpec) -> None:
    _REGISTRY[spec.key] = spec


def page_specs() -> list[PageSpec]:
    """Every registered page, in navigation order."""
    for name in BUILTIN_PAGES:
        importlib.import_module(f"desktop.ui.pages.{name}")
    return sorted(_REGISTRY.values(), key=lambda spec: (spec.order, spec.key))
