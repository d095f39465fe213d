"""Dutch dates for extraction: see :mod:`regiovolger.dates` (shared with segment)."""

from ..dates import MONTHS, DateMatch, find_dates, parse_date

__all__ = ["MONTHS", "DateMatch", "find_dates", "parse_date"]
