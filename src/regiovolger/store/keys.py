"""Stable keys of the store: of facts and of entities.

The fact key is what people's work on a fact (corrections, action status,
review) is keyed by. It lives with the store because every stored Fact row
carries it (``Fact.key``), so that the web layer can match human decisions to
facts in SQL.

The entity key is the URL key of a person, organisation or municipality: the
slug of its canonical name, the name every file order ends with (the fullest
form of a person, the full name of a body rather than its abbreviation), so
the same corpus gives the same keys whatever the order of its files.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def fact_key(sha256: str, kind: str, quote: str) -> str:
    """Stable across re-ingest: the file's content hash, the kind and the normalised quote.

    Two facts of one kind with the very same quote in one file share a key;
    they are the same statement, so a correction, status or review applies to both.
    """
    digest = hashlib.sha1(f"{kind}|{norm(quote)}".encode()).hexdigest()[:12]
    return f"{sha256[:16]}.{digest}"


def slug(text: str | None) -> str:
    """URL form of a name: accents dropped, lower case, words joined by hyphens."""
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", "-", s).strip("-")[:180] or "-"


def preferred(names, score) -> str:
    """The name of highest ``score``; between equal scores the same one in any order (the first in sort order)."""
    names = [n for n in names if n]
    if not names:
        return ""
    return max(sorted(set(names)), key=score)
