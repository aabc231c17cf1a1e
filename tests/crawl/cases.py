"""Serve a case's tiny site from a route table, in-process, keeping a request log: what the shared
`serve_case.py` does (tests/fixtures/cases/PROVENANCE.md), as a `SiteServer` handler.

A route: `{"status": 200, "headers": {...}, "file": NAME | "body": TEXT | "bytes": b"...",
"gzip": bool, "raw_location": TEXT}` (a `Location` header sent as raw UTF-8 bytes); `{PORT}` in bodies and headers becomes the server's port; unknown paths 404.
"""

from __future__ import annotations

import gzip
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .site import Request, Response, SiteServer

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"


@dataclass
class CaseSite:
    """A route table served as a site; `log` holds every requested path (query included) and
    `agents` every User-Agent, in order."""

    routes: dict[str, dict[str, Any]]
    folder: Path = CASES
    port: int = 0
    log: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_case(cls, name: str) -> CaseSite:
        spec = json.loads((CASES / f"{name}.site.json").read_text(encoding="utf-8"))
        return cls(spec["routes"])

    def handle(self, request: Request) -> Response:
        with self._lock:
            self.log.append(request.path)
            self.agents.append(request.headers.get("user-agent", ""))
        route = self.routes.get(request.path) or self.routes.get(request.route)
        if route is None:
            return Response(404, b"not found", {"Content-Type": "text/plain"})
        if "file" in route:
            body = (self.folder / route["file"]).read_bytes()
        elif "bytes" in route:
            body = route["bytes"]
        else:
            body = str(route.get("body", "")).encode("utf-8")
        body = body.replace(b"{PORT}", str(self.port).encode())
        if route.get("gzip"):
            body = gzip.compress(body)
        headers = {
            k: v.replace("{PORT}", str(self.port)) for k, v in route.get("headers", {}).items()
        }
        if "raw_location" in route:  # the header's bytes as the case gives them: UTF-8, unescaped
            headers["Location"] = route["raw_location"].encode("utf-8").decode("latin-1")
        return Response(int(route.get("status", 200)), body, headers)

    def paths(self) -> list[str]:
        with self._lock:
            return [p.split("?", 1)[0] for p in self.log]


def serve_case(site: CaseSite) -> SiteServer:
    """Start serving `site` on a free port of 127.0.0.1."""
    server = SiteServer(site.handle)
    site.port = int(server.base_url.rsplit(":", 1)[1])
    return server.start()
