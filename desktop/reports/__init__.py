"""Printed documents: badges, itineraries, agendas, travel lists and the attendee directory.

Each document is a small class over :mod:`desktop.reports.base`: built from plain data (or a
Session through its ``from_session`` constructor), it renders to PDF bytes or writes a file.
Nothing here imports Qt.
"""
