"""Importing flights, hotel stays and meeting requests through their packages' services."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.errors import ImportProblem
from desktop.exchange.fields import Kind, kind_label
from desktop.exchange.importer import KindImporter
from desktop.exchange.mapping import Mapping
from desktop.exchange.sources import Source
from desktop.i18n import _


def make(session: Session, kind: Kind, mapping: Mapping, source: Source) -> KindImporter:
    raise ImportProblem(_("Importing {kind} is not available yet.").format(
        kind=kind_label(kind)))
