"""The data flows one way: extraction is pure, storage never touches the network or HTML parsing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


FORBIDDEN = {
    "scraper/extract": {"requests", "sqlalchemy", "storage", "urllib3", "socket", "schedules"},
    "scraper/models.py": {"requests", "sqlalchemy", "storage", "bs4", "lxml", "schedules"},
    "storage": {"requests", "bs4", "urllib3", "schedules"},
    "scraper": {"storage", "sqlalchemy", "schedules"},
}


@pytest.mark.parametrize("area", sorted(FORBIDDEN))
def test_layers_do_not_import_across_the_flow(area: str) -> None:
    target = ROOT / area
    files = [target] if target.is_file() else sorted(target.rglob("*.py"))
    assert files, f"{area} holds no Python file"
    offenders = {
        str(f.relative_to(ROOT)): sorted(_imports(f) & FORBIDDEN[area])
        for f in files
        if _imports(f) & FORBIDDEN[area]
    }
    assert offenders == {}
