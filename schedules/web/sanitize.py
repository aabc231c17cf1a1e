"""The view's rendition of a stored page: its text and layout, with scripts and active content gone.

nh3 (the Rust ammonia sanitiser) keeps an allow-list of inert tags and attributes: no script,
style sheet link, iframe, object, form, meta refresh or event handler survives, and images keep
only `data:` sources, so showing the rendition loads nothing from anywhere. The view also serves
it under a sandboxing Content-Security-Policy (`RAW_PAGE_CSP`), in case a sanitiser ever misses.
"""

from __future__ import annotations

from html import escape

import nh3

from storage.captures import StoredPage

#: The Content-Security-Policy of the stored-page path: an opaque origin, nothing fetched but
#: inline data images, no script at all.
RAW_PAGE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
#: Elements dropped together with everything inside them.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "title",
    "svg",
    "math",
    "head",
}


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """Images keep only data: sources; anything else nh3 allows stays."""
    if name in ("src", "srcset") and not value.strip().lower().startswith("data:"):
        return None
    return value


def sanitized_html(page: StoredPage) -> str:
    """A standalone HTML document: a banner naming the capture, then the page's inert content."""
    text = page.body.decode(page.charset or "utf-8", errors="replace")
    cleaned = nh3.clean(
        text,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attribute_filter=_keep_attribute,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    when = f", captured {page.fetched_at:%Y-%m-%d %H:%M} UTC" if page.fetched_at else ""
    banner = (
        '<p style="background:#fff3cd;padding:.5em;border:1px solid #d4b106;font-family:sans-serif">'
        f"Stored page of {escape(page.url)} (version {page.version}{when}, sha256 "
        f"{page.sha256[:12]}…): scripts and active content removed.</p>"
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>stored page</title></head>'
        f"<body>{banner}{cleaned}</body></html>"
    )
