"""store: entities → database (Django ORM). Idempotent by content hash."""
