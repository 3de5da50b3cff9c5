"""The B2B meetings page joins the navigation from its own package."""

from desktop.ui.b2b import page as _page  # noqa: F401  (registers the page)
