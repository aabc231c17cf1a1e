"""The crawl tests' fixture site with the three edits the change tests make: a body edit, a new
interview pair, an article gone (the site's own `change_article` moves lead and body together)."""

from __future__ import annotations

import html

from tests.crawl.site import TEXTS, FixtureArticle, FixtureSite

#: the interview pair added to one article between the two crawls
NEW_QUESTION = "Et demain, quels marchés ?"
NEW_ANSWER = "L'Asie du Sud-Est, où nos entreprises sont attendues."
#: the sentence that replaces the body paragraph of the edited article
NEW_BODY = "hub.brussels accompagne désormais aussi les start-ups : salons, contacts, financement."


class EditableSite(FixtureSite):
    """A `FixtureSite` whose articles can get one body edit or one more Q&A pair."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.body_edits: dict[int, str] = {}
        self.extra_qa: dict[int, tuple[str, str]] = {}

    def edit_body(self, index: int, text: str = NEW_BODY) -> None:
        self.body_edits[index] = text

    def add_qa(self, index: int, question: str = NEW_QUESTION, answer: str = NEW_ANSWER) -> None:
        self.extra_qa[index] = (question, answer)

    def _article_page(self, article: FixtureArticle) -> str:
        page = super()._article_page(article)
        body, answer = TEXTS[article.lang][2], TEXTS[article.lang][4]
        if article.index in self.body_edits:
            page = page.replace(
                f"<p>{html.escape(body)}</p>",
                f"<p>{html.escape(self.body_edits[article.index])}</p>",
            )
        if article.index in self.extra_qa:
            question, new_answer = self.extra_qa[article.index]
            anchor = f"<p>Eric Gabrys: « {html.escape(answer)} »</p>"
            page = page.replace(
                anchor,
                f"{anchor}\n<h3>{html.escape(question)}</h3>\n"
                f"<p>Eric Gabrys: « {html.escape(new_answer)} »</p>",
            )
        return page
