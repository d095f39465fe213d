"""PostgreSQL only: the tsvector columns and their GIN index (SQLite uses the tantivy index)."""

from django.db import migrations

FORWARD = [
    "ALTER TABLE search_entry ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector",
    "ALTER TABLE search_entry ADD COLUMN title_tsv tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX search_entry_tsv ON search_entry USING gin (tsv)",
    "CREATE INDEX search_entry_municipalities ON search_entry USING gin (municipalities)",
    "CREATE INDEX search_entry_persons ON search_entry USING gin (persons)",
    "CREATE INDEX search_entry_type ON search_entry (type)",
    "CREATE INDEX search_entry_year ON search_entry (year)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_tsv",
    "DROP INDEX IF EXISTS search_entry_municipalities",
    "DROP INDEX IF EXISTS search_entry_persons",
    "DROP INDEX IF EXISTS search_entry_type",
    "DROP INDEX IF EXISTS search_entry_year",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS tsv",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS title_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
