"""The read-only web view of an archive (`hubarchive serve`): search, articles, diffs, stored pages,
changes, statistics and feeds, each page also as JSON under /api/."""

from schedules.web.app import create_app

__all__ = ["create_app"]
