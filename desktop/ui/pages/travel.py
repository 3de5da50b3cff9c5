"""The Travel page joins the navigation from its own package."""

from desktop.ui.travel import page as _page  # noqa: F401  (registers the page)
