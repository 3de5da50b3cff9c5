"""The Documents page joins the navigation from its own package."""

from desktop.ui.documents import page as _page  # noqa: F401  (registers the page)
