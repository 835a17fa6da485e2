"""The house's dependency rules (STYLE.md), read from every module's imports: a rule broken fails here.

models <- parsers <- extract/link <- db <- pipeline <- cli; only extract/ opens PDFs, only db/ speaks SQL,
only cli/ speaks click, only distributed.py speaks Dask.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "minutetrail"
# a third-party library and the only part of the package that may import it
LIBRARY_HOMES = {
    "pypdfium2": ("extract",), "pdfplumber": ("extract",), "pdfminer": ("extract",), "ocrmypdf": ("extract",),
    "sqlalchemy": ("db",), "alembic": ("db",),
    "click": ("cli",),
    "dask": ("distributed.py",), "distributed": ("distributed.py",),
    "spacy": ("parsers",),
}
# a part of the package and the parts it must not import (dependencies point one way)
NOT_BELOW = {
    "models": ("parsers", "extract", "link", "db", "pipeline", "cli", "extraction", "distributed", "browse"),
    "parsers": ("extract", "link", "db", "pipeline", "cli", "extraction", "distributed", "browse"),
    "extract": ("link", "db", "pipeline", "cli", "distributed", "browse"),
    "link": ("extract", "db", "pipeline", "cli", "distributed", "browse"),
    "db": ("pipeline", "cli", "distributed", "browse"),
}


def _part(path: Path) -> str:
    """The first component under the package: a subpackage's folder or a top-level module's file name."""
    return path.relative_to(PACKAGE).parts[0]


def _imports(path: Path) -> list[tuple[str, int]]:
    """(module, line) of every import in a file, including those deferred inside functions."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_the_package_has_modules_to_check():
    assert len(MODULES) > 50 and any(_part(p) == "cli" for p in MODULES)


def test_imports_deferred_inside_functions_are_seen(tmp_path):
    module = tmp_path / "late.py"
    module.write_text("import os\n\ndef f():\n    from sqlalchemy import select\n    import click.testing\n")
    assert _imports(module) == [("os", 1), ("sqlalchemy", 4), ("click.testing", 5)]


@pytest.mark.parametrize("library", sorted(LIBRARY_HOMES))
def test_a_library_is_imported_only_in_its_home(library):
    strays = [f"{p.relative_to(PACKAGE)}:{line}" for p in MODULES for module, line in _imports(p)
              if module.split(".")[0] == library and _part(p) not in LIBRARY_HOMES[library]]
    assert strays == [], f"{library} imported outside {LIBRARY_HOMES[library]}"


@pytest.mark.parametrize("part", sorted(NOT_BELOW))
def test_dependencies_point_one_way(part):
    upward = [f"{p.relative_to(PACKAGE)}:{line} imports {module}" for p in MODULES if _part(p) == part
              for module, line in _imports(p)
              if module.startswith("minutetrail.") and module.split(".")[1] in NOT_BELOW[part]]
    assert upward == []
