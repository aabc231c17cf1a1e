"""A generated hub.brussels-like site served on 127.0.0.1: listings, articles, sitemaps, feeds, faults.

`FixtureSite` is the site as data plus `handle(request) -> response` (pure, so a fault-injecting
wrapper can sit in front of it); `SiteServer` serves any such handler with a real threaded HTTP
server. Hooks change the site between crawls: `change_article`, `change_related`, `delete_article`,
`fail_next` (5xx or 429 with Retry-After), `redirect`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

LANGS = ("fr", "nl", "en")
#: listing path per language, and how its pagination is written (all three forms are exercised)
LISTINGS = {"fr": "/fr/news/", "nl": "/nl/nieuws/", "en": "/en/news/"}
PAGINATION = {"fr": "path", "nl": "query", "en": "rel"}
SECTORS = ("Multisecteurs", "Santé & soins", "Commerce", "Tech")
PUBLISHED_LABEL = {"fr": "Publié le", "nl": "Gepubliceerd op", "en": "Published on"}
RELATED_HEADING = {
    "fr": "Plus de nouvelles sur notre blog",
    "nl": "Meer nieuws op onze blog",
    "en": "More news on our blog",
}
DISALLOWED_PREFIX = "/en/news/internal-"
#: per language: title, lead, body, an interview question and answer, a closing call
TEXTS = {
    "fr": (
        "Mission n° {i} : les entreprises bruxelloises à l'export",
        "Les entreprises bruxelloises continuent de grandir à l'étranger (mission {i}).",
        "hub.brussels accompagne les entreprises qui exportent : salons, contacts, conseils.",
        "Pourquoi un bureau à l'étranger ?",
        "Parce que nos entreprises doivent être présentes sur les grands marchés.",
        "Prêt.e pour l'aventure? Contactez Eric!",
    ),
    "nl": (
        "Missie nr. {i}: Brusselse bedrijven veroveren de wereld",
        "Brusselse bedrijven blijven groeien in het buitenland (missie {i}).",
        "hub.brussels begeleidt exporterende bedrijven: beurzen, contacten, advies.",
        "Waarom een kantoor in het buitenland?",
        "Omdat onze bedrijven aanwezig moeten zijn op de grote markten.",
        "Klaar voor het avontuur? Contacteer Eric!",
    ),
    "en": (
        "Mission no. {i}: Brussels companies go abroad",
        "Brussels companies keep growing abroad (mission {i}).",
        "hub.brussels helps exporting companies: trade fairs, contacts, advice.",
        "Why an office abroad?",
        "Because our companies must be present on the big markets.",
        "Ready for the adventure? Contact Eric!",
    ),
}


@dataclass
class Request:
    """One HTTP request as the site sees it (header names lower-case)."""

    method: str
    path: str
    headers: dict[str, str]

    @property
    def route(self) -> str:
        return urlsplit(self.path).path

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}


@dataclass
class Response:
    """What the site answers."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Request], Response]


@dataclass
class FixtureArticle:
    """One article of the site; `revision` moves when its content changes."""

    index: int
    lang: str
    slug: str
    published: dt.date
    modified: dt.datetime
    sector: str
    revision: int = 0
    deleted: bool = False

    @property
    def path(self) -> str:
        return f"{LISTINGS[self.lang]}{self.slug}/"

    @property
    def title(self) -> str:
        return TEXTS[self.lang][0].format(i=self.index)


@dataclass
class LoggedRequest:
    method: str
    path: str
    status: int
    bytes: int


class FixtureSite:
    """A site of `n_articles` articles spread over fr/nl/en, newest first, `per_page` per listing."""

    def __init__(
        self,
        n_articles: int = 12,
        *,
        per_page: int = 5,
        days_apart: int = 2,
        today: dt.date | None = None,
        wp_json: bool = True,
        feeds: bool = True,
        sitemaps: bool = True,
        disallowed_article: bool = True,
        empty_listings: bool = False,
        date_only_lastmod: bool = False,
    ) -> None:
        self.per_page = per_page
        #: sitemaps write `<lastmod>` as a date only ("2026-12-01"), as many CMSs do
        self.date_only_lastmod = date_only_lastmod
        self.wp_json = wp_json
        self.feeds = feeds
        self.sitemaps = sitemaps
        self.empty_listings = empty_listings
        self.related_salt = 0
        self.base_url = ""  # set by SiteServer so absolute links point at the server
        self.log: list[LoggedRequest] = []
        self._faults: dict[str, list[Response]] = {}
        self._gates: dict[str, tuple[threading.Event, threading.Event]] = {}
        self._lock = threading.Lock()
        # the crawler's clock is UTC: the site dates its articles by the same clock
        today = today or dt.datetime.now(dt.UTC).date()
        self.articles: list[FixtureArticle] = []
        for i in range(n_articles):
            lang = LANGS[i % len(LANGS)]
            published = today - dt.timedelta(days=i * days_apart)
            slug = f"article-{i}-{lang}"
            if disallowed_article and i == 2 and lang == "en":
                slug = f"{DISALLOWED_PREFIX.rsplit('/', 1)[1]}article-{i}"
            self.articles.append(
                FixtureArticle(
                    index=i,
                    lang=lang,
                    slug=slug,
                    published=published,
                    modified=dt.datetime.combine(published, dt.time(0), dt.UTC),
                    sector=SECTORS[i % len(SECTORS)],
                )
            )

    # -- hooks that change the site between crawls

    def change_article(self, index: int) -> FixtureArticle:
        """Give article `index` new content (body and modification time)."""
        article = self.articles[index]
        article.revision += 1
        article.modified = dt.datetime.now(dt.UTC)
        return article

    def change_related(self) -> None:
        """Change only the "more news" cards shown under every article, no article's content."""
        self.related_salt += 1

    def delete_article(self, index: int) -> FixtureArticle:
        """Article `index` answers 404 and leaves the listings, sitemaps and feeds."""
        article = self.articles[index]
        article.deleted = True
        return article

    def fail_next(
        self, path: str, status: int = 500, *, times: int = 1, retry_after: float | None = None
    ) -> None:
        """The next `times` requests of `path` answer `status` (with Retry-After when given)."""
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        with self._lock:
            self._faults.setdefault(path, []).extend(
                Response(status, b"temporarily unavailable", dict(headers)) for _ in range(times)
            )

    def redirect(self, path: str, location: str, *, status: int = 301) -> None:
        """`path` answers a redirect to `location` from now on."""
        with self._lock:
            self._faults[path] = [Response(status, b"", {"Location": location})] * 10_000

    def gate(self, path: str) -> tuple[threading.Event, threading.Event]:
        """Requests of `path` wait until the returned `release` event is set; `reached` is set
        when one arrives. Lets a test hold a crawl in the middle of a run, deterministically."""
        reached, release = threading.Event(), threading.Event()
        with self._lock:
            self._gates[path] = (reached, release)
        return reached, release

    def requested(self, path_prefix: str) -> list[LoggedRequest]:
        """Logged requests whose path starts with `path_prefix`."""
        return [r for r in self.log if r.path.startswith(path_prefix)]

    def live(self) -> list[FixtureArticle]:
        return [a for a in self.articles if not a.deleted]

    # -- serving

    def handle(self, request: Request) -> Response:
        gate = self._gates.get(request.route)
        if gate is not None:
            gate[0].set()
            gate[1].wait(timeout=30)
        with self._lock:
            faults = self._faults.get(request.route)
            response = faults.pop(0) if faults else None
        if response is None:
            response = self._route(request)
            response = _conditional(request, response)
        with self._lock:
            self.log.append(
                LoggedRequest(request.method, request.path, response.status, len(response.body))
            )
        return response

    def _route(self, request: Request) -> Response:
        route = request.route
        if route == "/robots.txt":
            text = f"User-agent: *\nDisallow: {DISALLOWED_PREFIX}\n"
            if self.sitemaps:  # a site without sitemaps does not declare one
                text += f"Sitemap: {self.base_url}/sitemap.xml\n"
            return Response(200, text.encode(), {"Content-Type": "text/plain"})
        if self.sitemaps and route == "/sitemap.xml":
            return _xml(self._sitemap_index())
        if self.sitemaps and route.startswith("/sitemap-") and route.endswith(".xml"):
            lang = route[len("/sitemap-") : -len(".xml")]
            if lang in LANGS:
                return _xml(self._sitemap(lang))
        if self.feeds and route == "/feed/":
            return _xml(self._rss(), "application/rss+xml")
        if self.wp_json and route == "/wp-json/wp/v2/posts":
            return self._wp_posts(request.query)
        for lang, listing in LISTINGS.items():
            page = _page_number(request, listing, PAGINATION[lang])
            if page is not None:
                return self._listing(lang, page)
        for article in self.articles:
            if route == article.path:
                if article.deleted:
                    break
                return _html(self._article_page(article), article.modified)
        return Response(
            404,
            b"<html><body><h1>404</h1></body></html>",
            {"Content-Type": "text/html; charset=utf-8"},
        )

    # -- pages

    def _url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def _in_lang(self, lang: str) -> list[FixtureArticle]:
        return [a for a in self.live() if a.lang == lang]

    def _card(self, article: FixtureArticle, tag: str = "article") -> str:
        return (
            f'<{tag} class="card"><a href="{self._url(article.path)}">'
            f'<h3 class="card-title">{html.escape(article.title)}</h3></a>'
            f'<span class="sector">{html.escape(article.sector)}</span>'
            f'<time datetime="{article.published.isoformat()}">{PUBLISHED_LABEL[article.lang]} '
            f"{article.published:%d/%m/%Y}</time></{tag}>"
        )

    def _listing(self, lang: str, page: int) -> Response:
        items = [] if self.empty_listings else self._in_lang(lang)
        start = (page - 1) * self.per_page
        chunk = items[start : start + self.per_page]
        if page > 1 and not chunk:
            return Response(404, b"no such page", {"Content-Type": "text/html"})
        has_next = start + self.per_page < len(items)
        head = nav = ""
        if has_next:
            nxt = _page_url(LISTINGS[lang], page + 1, PAGINATION[lang])
            if PAGINATION[lang] == "rel":
                head = f'<link rel="next" href="{self._url(nxt)}">'
            else:
                nav = f'<nav class="pagination"><a href="{nxt}">{page + 1}</a></nav>'
        cards = "\n".join(self._card(a) for a in chunk)
        body = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>News - hub.brussels</title>{head}</head><body>{self._menu()}"
            f'<main><h1>News</h1><div class="cards">{cards}</div>{nav}</main></body></html>'
        )
        return _html(body, None)

    def _menu(self) -> str:
        links = "".join(f'<li><a href="{path}">{lang}</a></li>' for lang, path in LISTINGS.items())
        return f'<header><nav class="menu"><ul>{links}</ul></nav></header>'

    def _article_page(self, article: FixtureArticle) -> str:
        lang = article.lang
        title = html.escape(article.title)
        changed = f" (update {article.revision})" if article.revision else ""
        _, lead, body, question, answer, call = TEXTS[lang]
        others = [a for a in self._in_lang(lang) if a is not article]
        shift = self.related_salt % max(1, len(others))
        related = [article] + (others[shift:] + others[:shift])[:2]
        jsonld = json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": article.title,
                "datePublished": article.published.isoformat(),
                "inLanguage": lang,
            }
        )
        return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} - hub.brussels</title>
<link rel="canonical" href="{self._url(article.path)}">
<meta property="og:title" content="{title}">
<script type="application/ld+json">{jsonld}</script>
</head><body>{self._menu()}
<main>
<nav class="breadcrumb"><a href="/">hub.brussels</a> <a href="{LISTINGS[lang]}">News</a> <span>{title}</span></nav>
<article class="post">
<h1 class="entry-title">{title}</h1>
<div class="entry-content">
<p class="lead"><strong>{lead.format(i=article.index)}{changed}</strong></p>
<p>{html.escape(body)}{changed}</p>
<h3>{html.escape(question)}</h3>
<p>Eric Gabrys: « {html.escape(answer)} »</p>
<p>{html.escape(call)}</p>
<p>Eric Gabrys<br>Trade office<br>Rue Royale 1<br>1000 Bruxelles<br>+32 2 800 40 00<br>
<a href="mailto:Info@Hub.Brussels">Info@Hub.Brussels</a></p>
</div>
</article>
<section class="related"><h2>{RELATED_HEADING[lang]}</h2>
{"".join(self._card(a, "div") for a in related)}
</section>
</main></body></html>"""

    def _lastmod(self, when: dt.datetime) -> str:
        return when.date().isoformat() if self.date_only_lastmod else when.isoformat()

    def _sitemap_index(self) -> str:
        entries = []
        for lang in LANGS:
            articles = self._in_lang(lang)
            lastmod = max((a.modified for a in articles), default=None)
            mod = f"<lastmod>{self._lastmod(lastmod)}</lastmod>" if lastmod else ""
            entries.append(
                f"<sitemap><loc>{self._url(f'/sitemap-{lang}.xml')}</loc>{mod}</sitemap>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(entries)
            + "</sitemapindex>"
        )

    def _sitemap(self, lang: str) -> str:
        entries = "".join(
            f"<url><loc>{self._url(a.path)}</loc><lastmod>{self._lastmod(a.modified)}</lastmod></url>"
            for a in self._in_lang(lang)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        )

    def _rss(self) -> str:
        items = "".join(
            f"<item><title>{html.escape(a.title)}</title><link>{self._url(a.path)}</link>"
            f"<pubDate>{email.utils.format_datetime(a.modified)}</pubDate></item>"
            for a in sorted(self.live(), key=lambda a: a.modified, reverse=True)[:20]
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>hub.brussels</title><link>{self.base_url}/</link>{items}</channel></rss>"
        )

    def _wp_posts(self, query: dict[str, str]) -> Response:
        posts = sorted(self.live(), key=lambda a: a.modified, reverse=True)
        if "modified_after" in query:
            after = dt.datetime.fromisoformat(query["modified_after"])
            if after.tzinfo is None:
                after = after.replace(tzinfo=dt.UTC)
            posts = [a for a in posts if a.modified > after]
        per_page = min(100, int(query.get("per_page", "10")))
        page = int(query.get("page", "1"))
        total_pages = max(1, -(-len(posts) // per_page))
        if page > total_pages:
            return Response(
                400,
                b'{"code":"rest_post_invalid_page_number"}',
                {"Content-Type": "application/json"},
            )
        chunk = posts[(page - 1) * per_page : page * per_page]
        data = [
            {
                "id": a.index,
                "link": self._url(a.path),
                "modified_gmt": a.modified.replace(tzinfo=None).isoformat(timespec="seconds"),
            }
            for a in chunk
        ]
        return Response(
            200,
            json.dumps(data).encode(),
            {
                "Content-Type": "application/json; charset=UTF-8",
                "X-WP-Total": str(len(posts)),
                "X-WP-TotalPages": str(total_pages),
            },
        )


def _page_number(request: Request, listing: str, style: str) -> int | None:
    route = request.route
    if route == listing:
        page = request.query.get("page", "1") if style == "query" else "1"
        return int(page) if page.isdigit() else None
    if style != "query" and route.startswith(f"{listing}page/"):
        number = route[len(f"{listing}page/") :].strip("/")
        return int(number) if number.isdigit() else None
    return None


def _page_url(listing: str, page: int, style: str) -> str:
    return f"{listing}?page={page}" if style == "query" else f"{listing}page/{page}/"


def _html(text: str, modified: dt.datetime | None) -> Response:
    body = text.encode("utf-8")
    headers = {
        "Content-Type": "text/html; charset=utf-8",
        "ETag": f'"{hashlib.sha1(body).hexdigest()[:16]}"',
    }
    if modified is not None:
        headers["Last-Modified"] = email.utils.format_datetime(modified, usegmt=True)
    return Response(200, body, headers)


def _xml(text: str, content_type: str = "application/xml") -> Response:
    return Response(200, text.encode("utf-8"), {"Content-Type": f"{content_type}; charset=utf-8"})


def _conditional(request: Request, response: Response) -> Response:
    """304 when the request's validators match (If-None-Match wins over If-Modified-Since)."""
    if response.status != 200:
        return response
    etag = response.headers.get("ETag")
    inm = request.headers.get("if-none-match")
    if inm is not None:
        matches = etag is not None and etag in [v.strip() for v in inm.split(",")]
    else:
        ims, lm = request.headers.get("if-modified-since"), response.headers.get("Last-Modified")
        matches = bool(ims and lm) and (
            email.utils.parsedate_to_datetime(lm or "")
            <= email.utils.parsedate_to_datetime(ims or "")
        )
    if not matches:
        return response
    kept = {k: v for k, v in response.headers.items() if k in ("ETag", "Last-Modified")}
    return Response(304, b"", kept)


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up mid-answer (a crawler's deadline, a retry) is no error of the site:
    socketserver would print a traceback to stderr, into the output a test reads."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class SiteServer:
    """Serves a handler on 127.0.0.1 (or another loopback `address`, another host to a crawler),
    on a free port, with a real threaded HTTP server."""

    def __init__(self, handler: Handler, *, port: int = 0, address: str = "127.0.0.1") -> None:
        self.handler = handler
        outer = self

        class _RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body leave at once: no 40 ms stalls

            def do_GET(self) -> None:
                request = Request("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
                response = outer.handler(request)
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the site keeps its own request log

        self._server = _QuietServer((address, port), _RequestHandler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self if self._thread.is_alive() else self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_site(site: FixtureSite, *, port: int = 0) -> SiteServer:
    """Start serving `site` on 127.0.0.1 and return the running server (links point at it)."""
    server = SiteServer(site.handle, port=port)
    site.base_url = server.base_url
    return server.start()
