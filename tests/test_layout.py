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


def _scraper_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] == "scraper":
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "scraper")
    return found


def test_storage_reads_only_the_record_contract_from_scraper() -> None:
    """Storage may know the record dataclasses, package constants and the URL model (pure: the
    one WHATWG parser, which names a site's origin when a person gives a URL for its key), never
    fetch or extract."""
    allowed = {"scraper", "scraper.models", "scraper.urls"}
    offenders = {
        str(f.relative_to(ROOT)): sorted(_scraper_modules(f) - allowed)
        for f in sorted((ROOT / "storage").rglob("*.py"))
        if _scraper_modules(f) - allowed
    }
    assert offenders == {}
