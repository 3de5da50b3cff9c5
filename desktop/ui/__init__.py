"""The desktop app: the only package that imports Qt."""

from desktop.ui.pysidefix import pin_none

pin_none()
