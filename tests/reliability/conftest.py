"""Fixtures of the reliability checks: a fixture site behind the fault-injecting server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from crawl.site import FixtureSite
from faults.crawling import faulty_site
from faults.server import FaultServer


@pytest.fixture
def serve_faulty() -> Iterator[Callable[..., tuple[FixtureSite, FaultServer]]]:
    """Start a fixture site of `n` articles behind a fault server: `serve_faulty(n, **plan)`."""
    with ExitStack() as stack:
        yield lambda n, **plan: stack.enter_context(faulty_site(n, **plan))
