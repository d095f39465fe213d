"""The stable fact key: what people's work on a fact (corrections, action status, review) is keyed by.

It lives with the store because every stored Fact row carries it (``Fact.key``),
so that the web layer can match human decisions to facts in SQL.
"""

from __future__ import annotations

import hashlib


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def fact_key(sha256: str, kind: str, quote: str) -> str:
    """Stable across re-ingest: the file's content hash, the kind and the normalised quote.

    Two facts of one kind with the very same quote in one file share a key;
    they are the same statement, so a correction, status or review applies to both.
    """
    digest = hashlib.sha1(f"{kind}|{norm(quote)}".encode()).hexdigest()[:12]
    return f"{sha256[:16]}.{digest}"
