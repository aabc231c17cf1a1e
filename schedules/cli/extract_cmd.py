"""CLI commands of this area (placeholder: filled by the issue that owns it)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to the `hubarchive` group."""
