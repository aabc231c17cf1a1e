"""The Flask application of the web view: one function per page, each also served as JSON.

Every page is a function returning JSON-ready data; `/NAME` renders it with `templates/NAME.html`
and `/api/NAME` returns it as JSON. The archive is opened read-only; a bad parameter is a 400,
an unknown article or version a 404, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, abort, g, jsonify, redirect, render_template, request
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException

from schedules.feeds import DEFAULT_VIEW_URL, FeedRequest, render_feed
from schedules.web import pages
from schedules.web.sanitize import RAW_PAGE_CSP, sanitized_html
from storage.errors import NotFoundError, QueryError, StorageError
from storage.readonly import open_read_only

#: The policy of every page but the stored one: no script anywhere, nothing from other origins.
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)

Page = Callable[[Session], dict[str, Any]]


def create_app(db_url: str, *, view_url: str | None = None, engine: Engine | None = None) -> Flask:
    """The web view of the archive at `db_url`, opened read-only (or on the given `engine`).

    `view_url` is the view's public base URL, for feed links (default: the request's own).
    Raises the `storage.errors` of `open_read_only` when the archive cannot be read.
    """
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.config["ENGINE"] = engine or open_read_only(db_url)
    app.config["VIEW_URL"] = view_url

    @app.before_request
    def _session() -> None:
        g.session = Session(app.config["ENGINE"], expire_on_commit=False)

    @app.teardown_request
    def _close(_exc: BaseException | None) -> None:
        session = g.pop("session", None)
        if session is not None:
            session.rollback()
            session.close()

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        return _error(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(NotFoundError)
    def _not_found(exc: NotFoundError) -> Any:
        return _error(404, str(exc))

    @app.errorhandler(QueryError)
    def _bad_query(exc: QueryError) -> Any:
        return _error(400, str(exc))

    @app.errorhandler(StorageError)
    def _storage(exc: StorageError) -> Any:
        return _error(503, str(exc))

    @app.route("/")
    def _home() -> Any:
        return redirect("/search")

    for name, page in pages.PAGES.items():
        _register(app, name, page)

    @app.route("/raw")
    def _raw() -> Response:
        page = pages.raw_page(g.session)
        response = Response(sanitized_html(page), mimetype="text/html")
        response.headers["Content-Security-Policy"] = RAW_PAGE_CSP
        return response

    @app.route("/api/raw")
    def _raw_info() -> Response:
        return jsonify(pages.raw_info(g.session))

    @app.route("/feeds/<kind>")
    def _feed(kind: str) -> Response:
        feed = _feed_request(kind)
        base = app.config["VIEW_URL"] or request.host_url
        return Response(
            render_feed(g.session, feed, view_url=base or DEFAULT_VIEW_URL),
            mimetype="application/atom+xml",
        )

    return app


def _register(app: Flask, name: str, page: Page) -> None:
    def html_view() -> str:
        return render_template(f"{name}.html", current_page=name, **page(g.session))

    def json_view() -> Response:
        return jsonify(page(g.session))

    app.add_url_rule(f"/{name}", f"html_{name}", html_view)
    app.add_url_rule(f"/api/{name}", f"api_{name}", json_view)


def _error(code: int, message: str) -> Any:
    if request.path.startswith("/api/") or request.path.startswith("/feeds/"):
        return jsonify({"error": message, "status": code}), code
    return render_template("error.html", current_page="error", code=code, message=message), code


FEED_KINDS = ("all", "site", "sector", "lang", "search", "article")


def _feed_request(kind: str) -> FeedRequest:
    if kind not in FEED_KINDS:
        abort(404, f"no feed {kind!r}: feeds are {', '.join(FEED_KINDS)}")
    args = request.args
    since = pages.day_arg("since")
    feed = FeedRequest(
        site=pages.text_arg("site"),
        sector=pages.text_arg("sector"),
        lang=pages.lang_arg(),
        q=pages.text_arg("q"),
        url=pages.text_arg("url"),
        run_id=pages.int_arg("run"),
        since=dt.datetime.combine(since, dt.time(), dt.UTC) if since else None,
        include_reparse=args.get("include_reparse") == "1",
    )
    if feed.kind != kind:
        abort(400, f"the {kind} feed needs its parameter (this request is a {feed.kind} feed)")
    return feed
