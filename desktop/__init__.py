"""Mission Desk: one trade mission in one file, for the people who organise it."""

__version__ = "0.1.0"
