"""The export's data dictionary: each table's columns with type and meaning, written as a
Frictionless Data Package (`datapackage.json`) next to the exported files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from scraper import __version__


@dataclass(frozen=True)
class Column:
    """One exported column; `type` is a Frictionless type (integer, string, date, datetime, ...)."""

    name: str
    type: str
    description: str


_KEYS = (
    Column("article_id", "integer", "The article's id in the archive (stable across versions)."),
    Column("version", "integer", "Version number of the article (1 = first content seen)."),
)

#: Tables of the csv and parquet exports, joined by (article_id, version).
TABLES: dict[str, tuple[Column, ...]] = {
    "articles": _KEYS
    + (
        Column("url", "string", "Canonical URL of the article page."),
        Column("lang", "string", "Language of the page (fr, nl, en)."),
        Column("title", "string", "Headline."),
        Column("published", "date", "Publication date shown by the site."),
        Column("modified", "date", "Last modification date declared by the page, if any."),
        Column("sector", "string", "Sector label as displayed, in the page's language."),
        Column("sector_key", "string", "Language-independent sector key from the site profile."),
        Column("lead", "string", "Introductory paragraph."),
        Column("body", "string", "Text outside the interview, paragraphs split by blank lines."),
        Column("translations", "object", "JSON object: language code -> URL of the same article."),
        Column("sources", "object", "JSON object: field -> extraction layer that produced it."),
        Column("warnings", "array", "JSON array of extraction warnings."),
        Column(
            "status",
            "string",
            "live, or gone while the page answered 404/410 and had not come back (as of export).",
        ),
        Column("content_hash", "string", "SHA-256 of the version's normalised content fields."),
        Column("first_seen", "datetime", "When the archive first saw the article (UTC)."),
        Column("last_changed", "datetime", "When its content last changed (UTC, as of export)."),
        Column("seen_at", "datetime", "When this version was first observed (UTC)."),
        Column("extractor_version", "string", "Version of the extractor that read this version."),
    ),
    "qa": _KEYS
    + (
        Column("position", "integer", "Order of the exchange in the interview, from 1."),
        Column("speaker", "string", "Who answered (full name as resolved from labels/initials)."),
        Column("question", "string", "The interviewer's question."),
        Column("answer", "string", "The answer, paragraphs split by blank lines."),
    ),
    "contacts": _KEYS
    + (
        Column("position", "integer", "Order of the contact block on the page, from 1."),
        Column("name", "string", "Person or office."),
        Column("role", "string", "Role or territory (e.g. a country office)."),
        Column("address", "string", "Postal address on one line."),
        Column("phones", "array", "JSON array of phone numbers in E.164."),
        Column("emails", "array", "JSON array of lower-case e-mail addresses."),
    ),
    "related": _KEYS
    + (
        Column("position", "integer", "Order of the card on the page, from 1."),
        Column("title", "string", "Title of the related article card."),
        Column("url", "string", "Link of the card."),
        Column("sector", "string", "Sector label on the card."),
        Column("published", "date", "Date on the card."),
    ),
}

_NESTED = {c.name: c for c in TABLES["articles"]} | {
    "qa": Column("qa", "array", "Interview: objects with question, answer, speaker."),
    "contacts": Column(
        "contacts", "array", "Contacts: objects with name, role, address, phones, emails."
    ),
    "related": Column(
        "related", "array", "Related cards: objects with title, url, sector, published."
    ),
}

#: The nested record of the jsonl export (one line per article, or per version), in key order.
JSONL_FIELDS: tuple[Column, ...] = tuple(
    _NESTED[name]
    for name in (
        "url",
        "lang",
        "title",
        "published",
        "modified",
        "sector",
        "sector_key",
        "lead",
        "body",
        "qa",
        "contacts",
        "related",
        "translations",
        "sources",
        "warnings",
        "article_id",
        "version",
        "content_hash",
        "first_seen",
        "last_changed",
        "seen_at",
        "status",
        "extractor_version",
    )
)

_MEDIA = {
    "csv": ("text/csv", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "jsonl": ("application/jsonl", "jsonl"),
}


def file_name(table: str, fmt: str) -> str:
    """The fixed file name of `table` in a `fmt` export: never derived from archive content."""
    return f"{table}.{_MEDIA[fmt][1]}"


#: How a Parquet list column is described: Frictionless reads Parquet cells through pandas, whose
#: list cells are arrays that its `array` type refuses; `any` keeps the package valid.
PARQUET_LIST = ("any", " Parquet: a list column (list<string>).")
#: How a Parquet JSON-object column is described: its cells are JSON text (a string column), which
#: Frictionless parses as `object`; pyarrow, pandas and duckdb hand the text over as it is.
PARQUET_OBJECT_NOTE = " Parquet: JSON text in a string column (parse each cell as JSON)."


#: What a CSV text cell says about the formula guard (`storage.export.FORMULA_STARTS`).
CSV_FORMULA_NOTE = (
    " CSV: a value starting with =, +, -, @, a tab or a carriage return (titles such as"
    ' "-20 %" are common) is written with a leading \' so that spreadsheets do not run it as a'
    " formula; drop that first ' to read the value (exports made with --raw-cells keep cells as"
    " they are)."
)


def _field(column: Column, fmt: str, *, guarded: bool = False) -> dict[str, Any]:
    kind, description = column.type, column.description
    if fmt == "csv" and guarded and kind == "string":
        description += CSV_FORMULA_NOTE
    if fmt == "parquet" and kind == "array":
        kind, description = (
            PARQUET_LIST[0],
            description.replace("JSON array", "List") + PARQUET_LIST[1],
        )
    if fmt == "parquet" and kind == "object":
        description += PARQUET_OBJECT_NOTE
    return {"name": column.name, "type": kind, "description": description}


def _resource(
    name: str, fmt: str, columns: tuple[Column, ...], *, guarded: bool = False
) -> dict[str, Any]:
    mediatype, _ext = _MEDIA[fmt]
    schema: dict[str, Any] = {"fields": [_field(c, fmt, guarded=guarded) for c in columns]}
    if fmt != "jsonl":
        keys = ["article_id", "version"] + (["position"] if name != "articles" else [])
        schema["primaryKey"] = keys
        if name != "articles":
            schema["foreignKeys"] = [
                {
                    "fields": ["article_id", "version"],
                    "reference": {"resource": "articles", "fields": ["article_id", "version"]},
                }
            ]
    resource: dict[str, Any] = {
        "name": name,
        "path": file_name(name, fmt),
        "format": _MEDIA[fmt][1],
        "mediatype": mediatype,
        "encoding": "utf-8",
        "schema": schema,
    }
    if fmt == "csv":
        resource["profile"] = "tabular-data-resource"
        resource["dialect"] = {
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        }
    return resource


def describe(
    fmt: str,
    *,
    created: dt.datetime,
    settings: dict[str, Any],
    counts: dict[str, int],
    sites: list[str] | None = None,
) -> dict[str, Any]:
    """The `datapackage.json` of an export in `fmt`, with the filters used and rows per file;
    `sites` are the keys of the sites whose articles it holds (a profile key such as
    `hub_brussels`, or the origin of a generic crawl), named in its title."""
    tables = {"articles": JSONL_FIELDS} if fmt == "jsonl" else TABLES
    sites = sorted(sites or [])
    of_sites = f" of {', '.join(sites)}" if sites else ""
    return {
        "profile": "tabular-data-package" if fmt == "csv" else "data-package",
        "name": "hubarchive-export",
        "title": f"News articles{of_sites}, exported from a hubarchive archive",
        "created": created.isoformat(),
        "resources": [
            _resource(name, fmt, columns, guarded=not settings.get("raw_cells"))
            for name, columns in tables.items()
        ],
        "hubarchive": {
            "version": __version__,
            "format": fmt,
            **settings,
            "sites": sites,
            "rows": counts,
        },
    }
