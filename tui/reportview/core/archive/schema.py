"""The archive's SQLite schema: the export's user tables plus the archive's own tables.

The user tables (``reports``, ``sections``, ``figures``) are the `.sqlite` export's
(`sql_export`, written by its `insert_part`), so an archive can be queried like an export. The
archive's own tables are prefixed ``archive_`` and hold what only the archive needs:

- ``archive_files``: one row per report (``report_id`` = ``reports.id``): the cache key (absolute
  path, size, mtime_ns, CRC-32 of the file's bytes, parsing fingerprint, program version), the
  parse as a blob (`store.encode_report`, without text or terms), the title as parsed (the user
  table has the display title), its first unit id and unit count, and whether search folds
  the report whole.
- ``archive_texts``: the decoded text, zlib-compressed (the archive does not need the files again).
- ``archive_units``: one row per searchable unit (uid = the in-memory engine's unit id: reports in
  order, then their units in order): the section's number and title, spans in the folded text,
  the unit's words, its figures' kinds, and its figures' folded labels.
- ``archive_fts``: FTS5 over ``archive_units`` (external content): the words are the project's
  own folded words (`folding.fold`: đ -> d), so FTS5's tokenizer only has to split on spaces.
- ``archive_terms``: each word's unit counts (all fields, titles), for picking the rarest word
  and for prefix and typo expansion without touching the FTS index.
- ``archive_meta``: schema version, fingerprint, counts.
- ``archive_skipped``: files that could not be read, and why.

Report ids are dense (1..N, in discovery order), unit ids dense from 0: an archive is always
written whole (a new file, renamed over the old one), reusing unchanged
reports' rows.
"""

from __future__ import annotations

from reportview.core.sql_export import SCHEMA as USER_SCHEMA

# 2: report blobs in marshal format 0 (codec.CANONICAL_FORMAT), the same bytes from any process.
ARCHIVE_VERSION = "2"
DB_NAME = "archive.sqlite"
SHARD_DIR = "shards"

# Tables a shard carries (no FTS, no terms: those are built once, over the merged archive).
SHARD_SCHEMA = """
CREATE TABLE IF NOT EXISTS archive_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS archive_files (
    report_id INTEGER PRIMARY KEY,
    pos INTEGER NOT NULL,
    key TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    crc32 INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    version TEXT NOT NULL,
    blob BLOB NOT NULL,
    title TEXT,
    first_unit INTEGER NOT NULL,
    n_units INTEGER NOT NULL,
    fold_whole INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS archive_texts (report_id INTEGER PRIMARY KEY, text BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS archive_units (
    uid INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL,
    section INTEGER NOT NULL,
    number INTEGER,
    title TEXT,
    ta INTEGER NOT NULL,
    tb INTEGER NOT NULL,
    ba INTEGER NOT NULL,
    bb INTEGER NOT NULL,
    title_words TEXT NOT NULL,
    other_words TEXT NOT NULL,
    kinds TEXT NOT NULL,
    labels TEXT
);
CREATE INDEX IF NOT EXISTS archive_units_section ON archive_units(report_id, section);
CREATE TABLE IF NOT EXISTS archive_skipped (pos INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT);
"""

# Built over the merged archive only. The tokenizer splits on what `\\w+` does not match (the
# words were cut by the project's WORD pattern already); '_' is a word character there too.
# Prefix indexes of 1-2 characters: the word being typed is a prefix, and FTS5 answers a prefix
# it has no index for by merging every matching word's postings whole (vn-news: "n*" 128 ms ->
# 0.07 ms). Longer prefixes are asked as the words they expand to (`search`), read lazily.
SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS archive_fts USING fts5(
    title_words, other_words, kinds,
    content='archive_units', content_rowid='uid',
    tokenize="unicode61 remove_diacritics 0 tokenchars '_'",
    prefix='1 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS archive_vocab USING fts5vocab(archive_fts, 'col');
CREATE TABLE IF NOT EXISTS archive_terms (
    word TEXT PRIMARY KEY,
    n INTEGER NOT NULL,
    nt INTEGER NOT NULL,
    len INTEGER NOT NULL,
    letters INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS archive_terms_len ON archive_terms(len, word);
CREATE INDEX IF NOT EXISTS archive_terms_letters ON archive_terms(len, word) WHERE letters = 1;
"""

ARCHIVE_SCHEMA = USER_SCHEMA + SHARD_SCHEMA + SEARCH_SCHEMA
# Every table of an archive with the columns that order its rows: what two builds of the same files
# must hold alike, whoever built them (the Dask and local engines' identity checks read this).
TABLE_KEYS: dict[str, str] = {
    "reports": "id",
    "sections": "report_id, idx",
    "figures": "report_id, idx",
    "archive_files": "report_id",
    "archive_texts": "report_id",
    "archive_units": "uid",
    "archive_terms": "word",
    "archive_skipped": "pos",
}
SHARD_FULL_SCHEMA = USER_SCHEMA + SHARD_SCHEMA
# Per-table: the column naming the report (rewritten when rows are copied between files).
REPORT_COLUMN = {
    "reports": "id",
    "sections": "report_id",
    "figures": "report_id",
    "archive_files": "report_id",
    "archive_texts": "report_id",
    "archive_units": "report_id",
}
