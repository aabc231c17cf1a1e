"""Small sites whose URL shapes the hub.brussels profile does not know, for the generic link rule.

Each `Shape` says where the listing is, how its pages are numbered and linked, how a card is
written and where an article lives. `OtherSite(shape).handle` answers like `FixtureSite.handle`
(no sitemap, feed, wp-json or robots.txt: they answer 404), so `SiteServer` can serve it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from .site import Request, Response, _conditional, _html

#: page number -> that listing page's URL (path and query), for the listing at `Shape.listing`
PageUrl = Callable[[int], str]


@dataclass(frozen=True)
class OtherArticle:
    """One article of an `OtherSite`."""

    index: int
    published: dt.date

    @property
    def slug(self) -> str:
        return f"brussels-startup-story-{self.index}"

    @property
    def title(self) -> str:
        return f"Brussels start-up story number {self.index}"


@dataclass(frozen=True)
class Shape:
    """How one unknown site writes its listing, pagination, cards and article URLs."""

    name: str
    listing: str
    page_url: PageUrl
    #: "numbers" (1 2 3 links, the last page links back to page 1), or the text of a next link
    pager: str
    card: str
    article_path: Callable[[OtherArticle], str]
    #: where the last page's "next" link loops back to (another spelling of page 1 if set)
    loop_to: str | None = None


SHAPES = {
    # WordPress-like blog: /blog/page/N/, a "Next »" link, <article> cards with a tag link
    "blog": Shape(
        "blog",
        "/blog/",
        lambda n: "/blog/" if n == 1 else f"/blog/page/{n}/",
        "Next »",
        "article",
        lambda a: f"/blog/{a.slug}/",
    ),
    # static export: ?p=N numbered pages, <div class="teaser"> cards, .html articles elsewhere
    "html": Shape(
        "html",
        "/stories/",
        lambda n: "/stories/" if n == 1 else f"/stories/?p={n}",
        "numbers",
        "teaser",
        lambda a: f"/stories/{a.slug}.html",
    ),
    # Dutch news with dated paths, ?page=N and a "volgende" link, <li> cards (link text only)
    "dated": Shape(
        "dated",
        "/nl/nieuws/",
        lambda n: "/nl/nieuws/" if n == 1 else f"/nl/nieuws/?page={n}",
        "volgende ›",
        "li",
        lambda a: f"/nl/nieuws/{a.published:%Y/%m/%d}/{a.slug}/",
        loop_to="/nl/nieuws/?page=1",
    ),
    # old PHP site: article.php?id=N, a "Suivant" link, <div class="item"> cards with <h3>
    "php": Shape(
        "php",
        "/news.php",
        lambda n: "/news.php" if n == 1 else f"/news.php?{urlencode({'page': n})}",
        "Suivant",
        "item",
        lambda a: f"/article.php?id={a.index}",
    ),
}

MENU = (
    '<header><nav class="main-menu"><a href="/">Home</a> <a href="/about-us/">About us</a> '
    '<a href="/contact/">Contact</a> <a href="/nieuws-en-events/">News and events</a></nav></header>'
)
FOOTER = (
    '<footer><ul><li><a href="/privacy/">Privacy policy</a></li>'
    '<li><a href="/cookie-policy/">Cookie policy</a></li></ul></footer>'
)


class OtherSite:
    """`n_articles` articles of one `Shape`, newest first, `per_page` per listing page."""

    def __init__(self, shape: Shape, n_articles: int = 12, per_page: int = 4) -> None:
        self.shape = shape
        self.per_page = per_page
        first = dt.date(2025, 10, 27)
        self.articles = [
            OtherArticle(i, first - dt.timedelta(days=3 * i)) for i in range(1, n_articles + 1)
        ]
        #: when True, listings hold only furniture links (no article): the generic rule finds nothing
        self.empty = False
        self.requests: list[str] = []
        #: the listing pages requested, as requested
        self.listing_hits: list[str] = []

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.articles) // self.per_page))

    def handle(self, request: Request) -> Response:
        self.requests.append(request.path)
        for number in range(1, self.pages + 1):
            if request.path == self.shape.page_url(number) or (
                number == 1 and request.path == self.shape.loop_to
            ):
                self.listing_hits.append(request.path)
                return _conditional(request, _html(self._listing(number), None))
        for article in self.articles:
            if request.path == self.shape.article_path(article):
                return _conditional(request, _html(self._article(article), None))
        return Response(404, b"not found", {"Content-Type": "text/html"})

    def _listing(self, number: int) -> str:
        chunk = self.articles[(number - 1) * self.per_page : number * self.per_page]
        cards = "" if self.empty else "\n".join(self._card(a) for a in chunk)
        if self.shape.card == "li":
            cards = f'<ul class="news-list">{cards}</ul>'
        return (
            f"<!doctype html><html><head><title>News, page {number}</title></head><body>{MENU}"
            f'<nav class="breadcrumb"><a href="/">Home</a> › News</nav>'
            f'<div id="content"><h1>News</h1>{cards}{self._pager(number)}</div>{FOOTER}'
            "</body></html>"
        )

    def _card(self, article: OtherArticle) -> str:
        url = self.shape.article_path(article)
        title = html.escape(article.title)
        date = (
            f'<time datetime="{article.published.isoformat()}">{article.published:%d/%m/%Y}</time>'
        )
        if self.shape.card == "li":
            return f'<li><a href="{html.escape(url)}">{title}</a> {date}</li>'
        if self.shape.card == "article":
            return (
                f'<article class="post"><h2><a href="{url}">{title}</a></h2>{date}'
                f'<p>Short excerpt.</p><a class="tag" href="/tag/startups/">startups</a>'
                f'<a href="/author/anne/">Anne</a> <a href="{url}">Read more</a></article>'
            )
        heading = "h3" if self.shape.card == "item" else "h2"
        return (
            f'<div class="{self.shape.card}"><{heading}>{title}</{heading}>{date}'
            f'<a href="{html.escape(url)}">Read more</a></div>'
        )

    def _pager(self, number: int) -> str:
        if self.shape.pager == "numbers":
            links = " ".join(
                f'<a href="{html.escape(self.shape.page_url(n))}">{n}</a>'
                for n in range(1, self.pages + 1)
                if n != number
            )
            return f'<div class="pages">{links}</div>'
        if number >= self.pages:  # the last page: a "next" link back to the first one (a loop)
            back = self.shape.loop_to or self.shape.page_url(1)
            return f'<p><a href="{back}">{self.shape.pager}</a></p>'
        return f'<p><a href="{html.escape(self.shape.page_url(number + 1))}">{self.shape.pager}</a></p>'

    def _article(self, article: OtherArticle) -> str:
        title = html.escape(article.title)
        return (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body>{MENU}<main><article><h1>{title}</h1>"
            f'<p class="meta">Published <time datetime="{article.published.isoformat()}">'
            f"{article.published:%d %B %Y}</time></p>"
            f"<p>A Brussels start-up tells how it grew (story {article.index}).</p>"
            "<p>It found customers abroad with the help of the region.</p>"
            f"</article></main>{FOOTER}</body></html>"
        )
