"""Parse what a person types in a search box into words and phrases, rendered safely per engine.

The user's text never reaches SQL or the full-text syntax as such: it is cut into words (letters and
digits only), phrases (`"silicon valley"`), prefixes (`valle*`), exclusions (`-tariffs`) and `OR`
between groups; each engine's expression is then written here from those clean pieces and bound as
one parameter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from storage.errors import QueryError

#: Longest query accepted, in characters and in terms: anything longer is a paste accident.
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32

_WORD = re.compile(r"[^\W_]+")
_PIECE = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<bare>\S+)')


@dataclass(frozen=True)
class Term:
    """One searchable unit: a word, or a phrase of several words in that order."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass
class Group:
    """Terms that must all match (`include`) and terms that must not (`exclude`)."""

    include: list[Term] = field(default_factory=list)
    exclude: list[Term] = field(default_factory=list)


@dataclass
class SearchQuery:
    """A parsed query: any one of `groups` matches (the groups were separated by `OR`)."""

    groups: list[Group]
    text: str

    def fts5(self) -> str:
        """The SQLite FTS5 MATCH expression: every word is a quoted string, never an operator."""
        return " OR ".join(f"({_fts5_group(g)})" for g in self.groups)

    def tsquery(self) -> str:
        """The PostgreSQL `to_tsquery` text: words are letters and digits, operators are ours."""
        return " | ".join(f"({_ts_group(g)})" for g in self.groups)


def _fts5_term(term: Term) -> str:
    phrase = '"' + " ".join(term.words) + '"'
    return phrase + "*" if term.prefix else phrase


def _fts5_group(group: Group) -> str:
    text = " AND ".join(_fts5_term(t) for t in group.include)
    for term in group.exclude:
        text += f" NOT {_fts5_term(term)}"
    return text


def _ts_term(term: Term) -> str:
    words = list(term.words)
    if term.prefix:
        words[-1] += ":*"
    return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"


def _ts_group(group: Group) -> str:
    parts = [_ts_term(t) for t in group.include] + [f"!{_ts_term(t)}" for t in group.exclude]
    return " & ".join(parts)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


def parse_query(text: str) -> SearchQuery:
    """Parse `text`; raise `QueryError` when nothing searchable is left or it is absurdly long."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text)} characters long; keep it under {MAX_QUERY_CHARS}"
        )
    groups = [Group()]
    count = 0
    for match in _PIECE.finditer(text):
        negative = bool(match.group("neg"))
        raw = match.group("phrase") if match.group("bare") is None else match.group("bare")
        if match.group("bare") is not None:
            if raw == "OR":
                groups.append(Group())
                continue
            negative = raw.startswith("-")
        words = _words(raw)
        if not words:
            continue
        prefix = match.group("bare") is not None and raw.endswith("*") and len(words) == 1
        count += 1
        if count > MAX_TERMS:
            raise QueryError(f"the query has more than {MAX_TERMS} terms; search for fewer words")
        target = groups[-1].exclude if negative else groups[-1].include
        # a bare word like "e-commerce" or "l'été" is a phrase of its parts, as the index cuts it
        target.append(Term(words=words, prefix=prefix))
    groups = [g for g in groups if g.include or g.exclude]
    if not groups:
        raise QueryError(f"nothing to search for in {text!r}: type one or more words")
    for group in groups:
        if not group.include:
            raise QueryError(
                "a query cannot only exclude words (-word): add a word the articles must contain"
            )
    return SearchQuery(groups=groups, text=text)
