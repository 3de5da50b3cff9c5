"""The layers HOUSE_STYLE asks for: Qt only in desktop/ui; services never commit."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_outside_the_ui_imports_qt() -> None:
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if "ui" not in path.relative_to(PACKAGE).parts[:1]
                 and "PySide6" in _imports(path)]
    assert offenders == []


def test_services_and_documents_never_commit() -> None:
    allowed = {"ui", "db"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in allowed or relative.name in ("cli.py", "commands.py") \
                or relative.name.endswith("commands.py"):
            continue
        if ".commit()" in path.read_text(encoding="utf-8"):
            offenders.append(str(relative))
    assert offenders == []
