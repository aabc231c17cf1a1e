"""The SQL of the full-text index and the reading views, kept as data for migration 0002.

The index covers every content version (so that `--as-of` can search the past) and is kept in sync
by triggers on `versions`, `qa_pairs` and `contacts`: the archive code stores versions without
knowing the index exists. SQLite gets an FTS5 table `search_index` (rowid = versions.id);
PostgreSQL a table `search_documents` with a weighted tsvector (title A, lead B, Q&A and contacts C,
body D) whose text search configuration follows the version's language (fr → french, nl → dutch,
en → english).
"""

from __future__ import annotations

# --- SQLite --------------------------------------------------------------------------------

#: Columns of the FTS5 table, in order; bm25 weights in `storage.search` follow this order.
SQLITE_FTS_COLUMNS = ("title", "lead", "body", "qa", "contacts", "article_id", "version", "lang")


def _sqlite_qa_text(version_id: str) -> str:
    return (
        "(SELECT group_concat(t, char(10)) FROM (SELECT coalesce(speaker || ': ', '') || question"
        f" || char(10) || answer AS t FROM qa_pairs WHERE version_id = {version_id}"
        " ORDER BY position))"
    )


def _sqlite_contacts_text(version_id: str) -> str:
    return (
        "(SELECT group_concat(t, char(10)) FROM (SELECT coalesce(name, '') || ' '"
        " || coalesce(role, '')"
        " || ' ' || coalesce(address, '') || ' '"
        " || coalesce((SELECT group_concat(value, ' ') FROM json_each(phones)), '') || ' '"
        " || coalesce((SELECT group_concat(value, ' ') FROM json_each(emails)), '') AS t"
        f" FROM contacts WHERE version_id = {version_id} ORDER BY position))"
    )


def _sqlite_row_values(v: str) -> str:
    """The SELECT list of one index row from the versions row aliased (or named) `v`."""
    return (
        f"{v}.id, {v}.title, {v}.lead, {v}.body, {_sqlite_qa_text(v + '.id')},"
        f" {_sqlite_contacts_text(v + '.id')}, {v}.article_id, {v}.seq, {v}.lang"
    )


_COLS = ", ".join(("rowid",) + SQLITE_FTS_COLUMNS)

SQLITE_CREATE: tuple[str, ...] = (
    (
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, lead, body, qa, contacts, article_id UNINDEXED, version UNINDEXED, lang UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    ),
    (
        "CREATE TRIGGER search_index_versions_insert AFTER INSERT ON versions "
        "WHEN NEW.kind = 'content' BEGIN "
        f"INSERT INTO search_index({_COLS}) SELECT {_sqlite_row_values('NEW')}; END"
    ),
    (
        "CREATE TRIGGER search_index_versions_update "
        "AFTER UPDATE OF title, lead, body, kind, lang, seq, article_id ON versions BEGIN "
        "DELETE FROM search_index WHERE rowid = OLD.id; "
        f"INSERT INTO search_index({_COLS}) SELECT {_sqlite_row_values('NEW')} "
        "WHERE NEW.kind = 'content'; END"
    ),
    (
        "CREATE TRIGGER search_index_versions_delete AFTER DELETE ON versions BEGIN "
        "DELETE FROM search_index WHERE rowid = OLD.id; END"
    ),
)

for _table, _column, _text in (
    ("qa_pairs", "qa", _sqlite_qa_text),
    ("contacts", "contacts", _sqlite_contacts_text),
):
    SQLITE_CREATE += (
        (
            f"CREATE TRIGGER search_index_{_table}_insert AFTER INSERT ON {_table} BEGIN "
            f"UPDATE search_index SET {_column} = {_text('NEW.version_id')} "
            "WHERE rowid = NEW.version_id; END"
        ),
        (
            f"CREATE TRIGGER search_index_{_table}_update AFTER UPDATE ON {_table} BEGIN "
            f"UPDATE search_index SET {_column} = {_text('OLD.version_id')} "
            "WHERE rowid = OLD.version_id; "
            f"UPDATE search_index SET {_column} = {_text('NEW.version_id')} "
            "WHERE rowid = NEW.version_id; END"
        ),
        (
            f"CREATE TRIGGER search_index_{_table}_delete AFTER DELETE ON {_table} BEGIN "
            f"UPDATE search_index SET {_column} = {_text('OLD.version_id')} "
            "WHERE rowid = OLD.version_id; END"
        ),
    )

SQLITE_DROP: tuple[str, ...] = tuple(
    f"DROP TRIGGER IF EXISTS search_index_{table}_{event}"
    for table in ("versions", "qa_pairs", "contacts")
    for event in ("insert", "update", "delete")
) + ("DROP TABLE IF EXISTS search_index",)

#: Refill the whole index from the archive (after a bulk load with the triggers dropped, or repair).
SQLITE_REBUILD: tuple[str, ...] = (
    "DELETE FROM search_index",
    (
        f"INSERT INTO search_index({_COLS}) SELECT {_sqlite_row_values('v')} "
        "FROM versions AS v WHERE v.kind = 'content'"
    ),
)

# --- PostgreSQL ----------------------------------------------------------------------------

#: The GIN index of the PostgreSQL search documents.
PG_DOCUMENT_INDEX = "ix_search_documents_document"

PG_CREATE: tuple[str, ...] = (
    """CREATE TABLE search_documents (
        version_id integer PRIMARY KEY REFERENCES versions (id) ON DELETE CASCADE,
        config regconfig NOT NULL,
        content text NOT NULL,
        document tsvector NOT NULL
    )""",
    f"CREATE INDEX {PG_DOCUMENT_INDEX} ON search_documents USING gin (document)",
    """CREATE FUNCTION hubarchive_search_config(lang text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE AS $$
        SELECT (CASE lower(split_part(coalesce(lang, ''), '-', 1))
            WHEN 'fr' THEN 'french' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english'
            ELSE 'simple' END)::regconfig
    $$""",
    """CREATE FUNCTION hubarchive_search_refresh(vid integer) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_documents WHERE version_id = vid;
        INSERT INTO search_documents (version_id, config, content, document)
        SELECT v.id, l.cfg,
            concat_ws(E'\\n', v.title, v.lead, v.body, q.text, c.text),
            setweight(to_tsvector(l.cfg, coalesce(v.title, '')), 'A')
            || setweight(to_tsvector(l.cfg, coalesce(v.lead, '')), 'B')
            || setweight(to_tsvector(l.cfg, concat_ws(' ', q.text, c.text)), 'C')
            || setweight(to_tsvector(l.cfg, coalesce(v.body, '')), 'D')
        FROM versions AS v
        CROSS JOIN LATERAL (SELECT hubarchive_search_config(v.lang) AS cfg) AS l
        LEFT JOIN LATERAL (
            SELECT string_agg(coalesce(speaker || ': ', '') || question || E'\\n' || answer,
                              E'\\n' ORDER BY position) AS text
            FROM qa_pairs WHERE version_id = v.id) AS q ON true
        LEFT JOIN LATERAL (
            SELECT string_agg(concat_ws(' ', name, role, address,
                (SELECT string_agg(x, ' ') FROM json_array_elements_text(phones) AS x),
                (SELECT string_agg(x || ' ' || translate(x, '@.', '  '), ' ')
                 FROM json_array_elements_text(emails) AS x)),
                E'\\n' ORDER BY position) AS text
            FROM contacts WHERE version_id = v.id) AS c ON true
        WHERE v.id = vid AND v.kind = 'content';
    END
    $$""",
    """CREATE FUNCTION hubarchive_search_versions_trigger() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM hubarchive_search_refresh(NEW.id);
        RETURN NULL;
    END
    $$""",
    """CREATE FUNCTION hubarchive_search_children_trigger() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            PERFORM hubarchive_search_refresh(OLD.version_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.version_id <> OLD.version_id) THEN
            PERFORM hubarchive_search_refresh(NEW.version_id);
        END IF;
        RETURN NULL;
    END
    $$""",
    (
        "CREATE TRIGGER search_documents_versions AFTER INSERT OR UPDATE OF title, lead, body, kind, "
        "lang ON versions FOR EACH ROW EXECUTE FUNCTION hubarchive_search_versions_trigger()"
    ),
    (
        "CREATE TRIGGER search_documents_qa_pairs AFTER INSERT OR UPDATE OR DELETE ON qa_pairs "
        "FOR EACH ROW EXECUTE FUNCTION hubarchive_search_children_trigger()"
    ),
    (
        "CREATE TRIGGER search_documents_contacts AFTER INSERT OR UPDATE OR DELETE ON contacts "
        "FOR EACH ROW EXECUTE FUNCTION hubarchive_search_children_trigger()"
    ),
)

PG_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS search_documents_contacts ON contacts",
    "DROP TRIGGER IF EXISTS search_documents_qa_pairs ON qa_pairs",
    "DROP TRIGGER IF EXISTS search_documents_versions ON versions",
    "DROP FUNCTION IF EXISTS hubarchive_search_children_trigger()",
    "DROP FUNCTION IF EXISTS hubarchive_search_versions_trigger()",
    "DROP FUNCTION IF EXISTS hubarchive_search_refresh(integer)",
    "DROP FUNCTION IF EXISTS hubarchive_search_config(text)",
    "DROP TABLE IF EXISTS search_documents",
)

PG_REBUILD: tuple[str, ...] = (
    "SELECT hubarchive_search_refresh(id) FROM versions WHERE kind = 'content'",
)

# --- Views (both engines) ------------------------------------------------------------------

VIEWS_CREATE: tuple[str, ...] = (
    """CREATE VIEW current_articles AS
    SELECT a.id AS article_id, a.url, v.seq AS version, a.status, v.lang, v.title, v.published,
        v.modified, v.sector, v.sector_key, v.lead, v.body, v.translations, a.translation_group,
        a.first_seen, a.last_seen, a.last_changed, v.seen_at AS version_seen_at, v.content_hash,
        v.id AS version_id
    FROM articles AS a JOIN versions AS v ON v.article_id = a.id AND v.seq = a.current_version""",
    """CREATE VIEW current_qa AS
    SELECT ca.article_id, ca.url, ca.version, ca.lang, ca.title, ca.published, q.position,
        q.speaker, q.question, q.answer
    FROM current_articles AS ca JOIN qa_pairs AS q ON q.version_id = ca.version_id""",
    """CREATE VIEW current_contacts AS
    SELECT ca.article_id, ca.url, ca.version, ca.lang, ca.title, c.position, c.name, c.role,
        c.address, c.phones, c.emails
    FROM current_articles AS ca JOIN contacts AS c ON c.version_id = ca.version_id""",
)

#: The reading views from revision 0007 on: positions 1-based, as in every export (DECISIONS.md).
VIEWS_CREATE_1BASED: tuple[str, ...] = tuple(
    statement.replace("q.position,", "q.position + 1 AS position,").replace(
        "c.position,", "c.position + 1 AS position,"
    )
    for statement in VIEWS_CREATE
)

VIEWS_DROP: tuple[str, ...] = (
    "DROP VIEW IF EXISTS current_contacts",
    "DROP VIEW IF EXISTS current_qa",
    "DROP VIEW IF EXISTS current_articles",
)


def create_statements(dialect: str) -> tuple[str, ...]:
    """Everything migration 0002 creates on `dialect` ("sqlite" or "postgresql"), in order."""
    return (SQLITE_CREATE if dialect == "sqlite" else PG_CREATE) + VIEWS_CREATE


def drop_statements(dialect: str) -> tuple[str, ...]:
    """Everything migration 0002 drops on downgrade, in order."""
    return VIEWS_DROP + (SQLITE_DROP if dialect == "sqlite" else PG_DROP)


def rebuild_0002_statements(dialect: str) -> tuple[str, ...]:
    """Statements that refill the search index with the functions of revision 0002."""
    return SQLITE_REBUILD if dialect == "sqlite" else PG_REBUILD


# --- Revision 0004: the archive indexes its new versions itself, once per version ------------
#
# The INSERT triggers of 0002 rebuilt a version's whole document once for the version and once
# per Q&A pair and per contact. From 0004 on, `storage.search_index.index_versions` indexes the
# versions a store wrote, after their rows, in the store's own transaction (one statement per
# batch); the UPDATE and DELETE triggers stay, so hand edits and deletions keep the index in step.

_SQLITE_INSERT_TRIGGERS = tuple(
    f"search_index_{table}_insert" for table in ("versions", "qa_pairs", "contacts")
)

#: Index the content versions whose ids are bound as the expanding parameter `ids` (SQLite).
SQLITE_INDEX = (
    f"INSERT INTO search_index({_COLS}) SELECT {_sqlite_row_values('v')} "
    "FROM versions AS v WHERE v.kind = 'content' AND v.id IN :ids"
)

#: Text search configurations of 0004, by language code: copies of PostgreSQL's own, with
#: `unaccent` before the stemmer when the server allows the extension (accent-insensitive search).
PG_LANGUAGE_CONFIGS = {"fr": "french", "nl": "dutch", "en": "english", "": "simple"}


def pg_config_name(base: str) -> str:
    """The archive's own text search configuration copied from PostgreSQL's `base` one."""
    return f"hubarchive_{base}"


def _pg_configs() -> tuple[str, ...]:
    return tuple(
        f"CREATE TEXT SEARCH CONFIGURATION {pg_config_name(base)} (COPY = pg_catalog.{base})"
        for base in PG_LANGUAGE_CONFIGS.values()
    )


def pg_unaccent_statements() -> tuple[str, ...]:
    """Put `unaccent` before each configuration's dictionary (the extension must exist)."""
    return tuple(
        f"ALTER TEXT SEARCH CONFIGURATION {pg_config_name(base)} ALTER MAPPING FOR "
        f"hword, hword_part, word WITH unaccent, {'simple' if base == 'simple' else base + '_stem'}"
        for base in PG_LANGUAGE_CONFIGS.values()
    )


def _set_based(refresh: str) -> str:
    """0002's one-version refresh function turned into `hubarchive_search_index(integer[])`."""
    edits = (
        ("hubarchive_search_refresh(vid integer)", "hubarchive_search_index(vids integer[])"),
        ("WHERE version_id = vid;", "WHERE version_id = ANY(vids);"),
        ("WHERE v.id = vid AND", "WHERE v.id = ANY(vids) AND"),
    )
    for old, new in edits:
        if old not in refresh:
            raise AssertionError(f"0002's refresh function no longer holds {old!r}")
        refresh = refresh.replace(old, new)
    return refresh


_PG_0004_FUNCTIONS: tuple[str, ...] = (
    f"""CREATE OR REPLACE FUNCTION hubarchive_search_config(lang text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE AS $$
        SELECT (CASE lower(split_part(coalesce(lang, ''), '-', 1))
            WHEN 'fr' THEN '{pg_config_name("french")}' WHEN 'nl' THEN '{pg_config_name("dutch")}'
            WHEN 'en' THEN '{pg_config_name("english")}'
            ELSE '{pg_config_name("simple")}' END)::regconfig
    $$""",
    _set_based(next(s for s in PG_CREATE if "FUNCTION hubarchive_search_refresh" in s)),
    """CREATE OR REPLACE FUNCTION hubarchive_search_refresh(vid integer) RETURNS void
    LANGUAGE sql AS $$ SELECT hubarchive_search_index(ARRAY[vid]) $$""",
)

_PG_0002_TRIGGERS = (
    "DROP TRIGGER IF EXISTS search_documents_versions ON versions",
    "DROP TRIGGER IF EXISTS search_documents_qa_pairs ON qa_pairs",
    "DROP TRIGGER IF EXISTS search_documents_contacts ON contacts",
)

_PG_0004_TRIGGERS: tuple[str, ...] = (
    (
        "CREATE TRIGGER search_documents_versions AFTER UPDATE OF title, lead, body, kind, "
        "lang ON versions FOR EACH ROW EXECUTE FUNCTION hubarchive_search_versions_trigger()"
    ),
    (
        "CREATE TRIGGER search_documents_qa_pairs AFTER UPDATE OR DELETE ON qa_pairs "
        "FOR EACH ROW EXECUTE FUNCTION hubarchive_search_children_trigger()"
    ),
    (
        "CREATE TRIGGER search_documents_contacts AFTER UPDATE OR DELETE ON contacts "
        "FOR EACH ROW EXECUTE FUNCTION hubarchive_search_children_trigger()"
    ),
)

#: Refill the whole index (0004 on): one set-based statement on each engine.
PG_REBUILD_0004: tuple[str, ...] = (
    "SELECT hubarchive_search_index(array_agg(id)) FROM versions WHERE kind = 'content'",
)


#: A covering index of what a search checks of each candidate version (which article, which version,
#: language, sector, dates): SQLite reads it instead of the version rows, which hold the whole text
#: (declared in `storage.schema` too; PostgreSQL has it for index-only scans).
VERSIONS_SEARCH_INDEX = (
    "CREATE INDEX ix_versions_search ON versions "
    "(id, article_id, seq, kind, lang, sector_key, sector, published, seen_at)"
)


def _sqlite_fts_table(prefix: str) -> tuple[str, ...]:
    """The FTS5 table dropped and created again with prefix indexes `prefix`, then refilled."""
    return (
        "DROP TABLE search_index",
        SQLITE_CREATE[0].replace(
            "tokenize = 'unicode61 remove_diacritics 2')",
            f"tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefix}')",
        ),
    ) + SQLITE_REBUILD


#: The FTS5 table again (0004), with prefix indexes of 2 and 3 characters: `bru*` reads one
#: prefix doclist instead of merging those of every word that starts with it (0010 keeps the
#: index of 3 characters only).
SQLITE_PREFIX_INDEX = _sqlite_fts_table("2 3")


def upgrade_0004_statements(dialect: str) -> tuple[str, ...]:
    """What revision 0004 runs on `dialect` (PostgreSQL: before accents are folded and the index
    rebuilt, see the migration)."""
    if dialect == "sqlite":
        return (
            (VERSIONS_SEARCH_INDEX,)
            + tuple(f"DROP TRIGGER IF EXISTS {name}" for name in _SQLITE_INSERT_TRIGGERS)
            + SQLITE_PREFIX_INDEX
        )
    return (
        (VERSIONS_SEARCH_INDEX,)
        + _pg_configs()
        + _PG_0004_FUNCTIONS
        + _PG_0002_TRIGGERS
        + _PG_0004_TRIGGERS
    )


def downgrade_0004_statements(dialect: str) -> tuple[str, ...]:
    """What undoing revision 0004 runs: the triggers and functions of 0002 again, then a rebuild."""
    if dialect == "sqlite":
        return (
            ("DROP INDEX IF EXISTS ix_versions_search",)
            + tuple(
                s
                for s in SQLITE_CREATE
                if any(f" {name} " in s for name in _SQLITE_INSERT_TRIGGERS)
            )
            + SQLITE_REBUILD
        )
    restored = tuple(
        s.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
        for s in PG_CREATE
        if "hubarchive_search_config" in s.split("(")[0] or "hubarchive_search_refresh(vid" in s
    )
    return (
        ("DROP INDEX IF EXISTS ix_versions_search",)
        + _PG_0002_TRIGGERS
        + tuple(s for s in PG_CREATE if s.startswith("CREATE TRIGGER"))
        + restored
        + ("DROP FUNCTION IF EXISTS hubarchive_search_index(integer[])",)
        + tuple(
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {pg_config_name(base)}"
            for base in PG_LANGUAGE_CONFIGS.values()
        )
        + PG_REBUILD
    )


def index_statement(dialect: str) -> str:
    """The statement that indexes the versions whose ids are bound as `ids` (from 0004 on)."""
    return (
        SQLITE_INDEX
        if dialect == "sqlite"
        else "SELECT hubarchive_search_index(CAST(:ids AS integer[]))"
    )


# --- The index as it stands at the newest revision -------------------------------------------


def rebuild_statements(dialect: str) -> tuple[str, ...]:
    """Statements that refill the search index from the archive's versions (newest revision)."""
    return SQLITE_REBUILD if dialect == "sqlite" else PG_REBUILD_0004


def trigger_statements(dialect: str) -> tuple[str, ...]:
    """The CREATE TRIGGER statements of the newest revision: a bulk load may drop them, then
    rebuild the index and recreate them."""
    if dialect == "sqlite":
        return tuple(
            s
            for s in SQLITE_CREATE
            if s.startswith("CREATE TRIGGER")
            and not any(f" {name} " in s for name in _SQLITE_INSERT_TRIGGERS)
        )
    return _PG_0004_TRIGGERS


def drop_trigger_statements(dialect: str) -> tuple[str, ...]:
    """The DROP TRIGGER statements alone (see `trigger_statements`)."""
    dropped = SQLITE_DROP if dialect == "sqlite" else PG_DROP
    return tuple(s for s in dropped if s.startswith("DROP TRIGGER"))


# --- Revision 0008: PostgreSQL reads matches window by window, documents kept in line ----------
#
# A word found in a few percent of the archive made the planner walk the versions newest first,
# reading each one's tsvector out of TOAST (14 µs a row), until it had the candidates: tens of
# thousands of rows. From 0008 on, the documents stay in the table's own pages (STORAGE MAIN:
# compressed, out of line only beyond a page; reading one costs a fifth), and a search asks the
# GIN index for the matches of one window of version ids at a time, newest first
# (`hubarchive_search_window`, bitmap scans only: the GIN bitmap AND-ed with the id range),
# until it has its candidates.

#: Matches of tsquery `q` among the documents of versions lo <= id < hi, through the indexes
#: only (the function's own planner settings: no walk reading every document of the range).
PG_SEARCH_WINDOW = """CREATE OR REPLACE FUNCTION hubarchive_search_window(
        q tsquery, lo integer, hi integer) RETURNS SETOF integer
    LANGUAGE plpgsql STABLE ROWS 100 SET enable_seqscan = off SET enable_indexscan = off AS $$
    BEGIN
        -- EXECUTE: planned for these values (a plan made for any tsquery and range read every
        -- match of a common word's posting list, then dropped those out of the range)
        RETURN QUERY EXECUTE 'SELECT version_id FROM search_documents
            WHERE document @@ $1 AND version_id >= $2 AND version_id < $3' USING q, lo, hi;
    END
    $$"""


#: Letters of a lexeme (accents folded by `unaccent`) and what they may be in the text (a
#: regular expression: folding the text itself with replace() cost 0.1 ms a letter and article).
_ACCENTED = (
    ("e", "[eéèêë]"),
    ("a", "[aàâä]"),
    ("i", "[iîï]"),
    ("o", "[oôö]"),
    ("u", "[uùûü]"),
    ("c", "[cç]"),
)


def _unfolded(lexeme: str) -> str:
    for plain, pattern in _ACCENTED:
        lexeme = f"replace({lexeme}, '{plain}', '{pattern}')"
    return lexeme


#: Characters of a version's text kept around the first place where one of the query's lexemes
#: appears (as written, else through a regular expression, accents either way): `ts_headline`
#: then parses some sixty words, not the whole article (it cost 1.2 ms a hit, 25 ms a page of 20,
#: in the bench), and still picks and marks its fragment (SNIPPET_WORDS words) in them.
EXCERPT_BEFORE, EXCERPT_CHARS = 120, 400

PG_EXCERPT = f"""CREATE OR REPLACE FUNCTION hubarchive_search_excerpt(content text, q tsquery)
    RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE
        lexemes text[] := ARRAY(
            SELECT m[1] FROM regexp_matches(q::text, '''([^'']+)''', 'g') AS m);
        low text := lower(content);
        first integer;
    BEGIN
        -- plpgsql, not sql: its plans are kept for the session, not made again for each query
        SELECT min(nullif(strpos(low, lexeme), 0)) INTO first FROM unnest(lexemes) AS lexeme;
        IF first IS NULL THEN
            first := nullif(regexp_instr(content, (
                SELECT string_agg({_unfolded("lexeme")}, '|') FROM unnest(lexemes) AS lexeme),
                1, 1, 0, 'i'), 0);
        END IF;
        RETURN substr(content, greatest(1, coalesce(first, 1) - {EXCERPT_BEFORE}), {EXCERPT_CHARS});
    END
    $$"""


def upgrade_0008_statements(dialect: str) -> tuple[str, ...]:
    """What revision 0008 runs on `dialect` (nothing on SQLite, whose FTS5 index already keeps
    its documents apart from the version rows)."""
    if dialect == "sqlite":
        return ()
    return (
        "ALTER TABLE search_documents ALTER COLUMN document SET STORAGE MAIN",
        PG_SEARCH_WINDOW,
        PG_EXCERPT,
        # rewrite the documents so that they move in line (SET STORAGE applies to new rows)
        "TRUNCATE search_documents",
    ) + PG_REBUILD_0004


def downgrade_0008_statements(dialect: str) -> tuple[str, ...]:
    """What undoing revision 0008 runs."""
    if dialect == "sqlite":
        return ()
    return (
        "DROP FUNCTION IF EXISTS hubarchive_search_window(tsquery, integer, integer)",
        "DROP FUNCTION IF EXISTS hubarchive_search_excerpt(text, tsquery)",
        "ALTER TABLE search_documents ALTER COLUMN document SET STORAGE EXTENDED",
    )


# --- Revision 0010: SQLite keeps the prefix index of 3 characters only ------------------------
#
# FTS5 writes every token of a document once more per prefix length it indexes: with `prefix =
# '2 3'` a new version cost three index entries a token, and the search index was the largest
# cost of storing a new version on SQLite. A prefix of 2 characters (`de*`, `br*`) matches most
# of a French or Dutch archive anyway; it is still answered, by merging the doclists of the words
# that start with it (slower at scale), while `bru*` and longer prefixes read as before (FTS5
# reads a 3-character prefix index for `bru*` and the word range for longer prefixes).

#: The prefix lengths FTS5 indexes, from 0010 on (as FTS5's `prefix` option spells them).
SQLITE_PREFIX_LENGTHS = "3"


def upgrade_0010_statements(dialect: str) -> tuple[str, ...]:
    """What revision 0010 runs on `dialect` (nothing on PostgreSQL)."""
    return _sqlite_fts_table(SQLITE_PREFIX_LENGTHS) if dialect == "sqlite" else ()


def downgrade_0010_statements(dialect: str) -> tuple[str, ...]:
    """What undoing revision 0010 runs: 0004's prefix indexes of 2 and 3 characters again."""
    return SQLITE_PREFIX_INDEX if dialect == "sqlite" else ()
