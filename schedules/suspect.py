"""The suspect-200 rule (DECISIONS.md): a 200 that is probably not the article is not versioned.

An empty body, a body cut short, or a 200 error page ("Service temporarily unavailable") would
otherwise become a version that flips back on the next good run, and be served as current
until then. Such a capture is logged as a failed fetch with the reason, retried by the next
run, and the current version stays; the same content suspected twice in a row is versioned
(the site really changed), and is then unchanged on the next runs (DECISIONS.md).
"""

from __future__ import annotations

from scraper.models import Article, Capture
from storage.suspects import CurrentShape

#: A body shorter than this share of the current version's, under a new title, is suspect
#: (an error page in the article's template; a real rewrite rarely loses 80 % and its title).
SHRINK_RATIO = 0.2

#: The reasons of a record with no title or no body text.
NO_TITLE = "the page has no title"
NO_BODY = "the page has no body text"


def suspect_reason(article: Article, capture: Capture, current: CurrentShape | None) -> str | None:
    """Why `capture`'s record looks like something else than the article, or None."""
    if not (article.title or "").strip():
        return NO_TITLE
    if not (article.body or "").strip():
        return NO_BODY
    declared = (capture.header("Content-Length") or "").strip()
    encoded = (capture.header("Content-Encoding") or "identity").strip().lower() != "identity"
    if declared.isdigit() and not encoded and len(capture.body) < int(declared):
        return f"the body has {len(capture.body)} of the {declared} bytes it declared"
    if (
        current is not None
        and current.body_chars
        and len(article.body or "") < SHRINK_RATIO * current.body_chars
        and (article.title or "") != (current.title or "")
    ):
        return (
            f"the body shrank to {len(article.body or '')} characters from "
            f"{current.body_chars} and the title changed to {article.title!r}"
        )
    return None
