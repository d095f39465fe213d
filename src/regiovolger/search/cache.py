"""Work that is the same for every search request, done once per process (no Django).

- :func:`warm_up` loads what the first query would otherwise load: the compound lexicon
  (wordfreq's Dutch list, about half a second) and the Snowball stemmer. A server calls it
  before it forks its workers, so no worker makes its first visitors wait for it.
- :class:`ResultCache` keeps the latest results per query, keyed on the index's generation
  (see ``EmbeddedBackend.generation``): a commit by any process (an ingest, a re-index, a
  confidentiality override) starts a new generation, so a cached result never outlives the
  index it came from.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any, Hashable

SIZE = 512  # queries kept per process; a result is a few kilobytes


class ResultCache:
    def __init__(self, size: int = SIZE):
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return None if value is None else _copy(value)

    def put(self, key: Hashable, value) -> None:
        with self._lock:
            self._items[key] = _copy(value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def _copy(results):
    """A copy whose lists a caller may change without changing the cached one."""
    return replace(results, hits=[replace(h, highlights=list(h.highlights)) for h in results.hits],
                   facets={name: list(values) for name, values in results.facets.items()})


def warm_up() -> None:
    """Load the lexicon and the stemmer now rather than in the first request of each worker."""
    from .text import _lexicon, analyse

    _lexicon()
    analyse("gemeenteraadsvergadering woningbouwafspraken")
