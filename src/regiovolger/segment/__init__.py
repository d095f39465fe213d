"""Split a file's text into its logical documents and type each one.

A meeting bundle holds an agenda, proposals, letters, forms, reports and the
previous minutes one after another, often without page breaks surviving in the
text.  :func:`segment` finds the boundaries from the way Dutch governance
documents *begin* (title lines, header fields such as "Vergadering d.d." or
"Aan:/Van:", salutations) and *end* (signatures, "Met vriendelijke groet",
contact footers), scores each candidate, and types every part from weighted
cues in its head and body.

All rules describe Dutch governance writing in general; nothing here names a
body, person or project.
"""

from .classify import classify
from .core import explain, segment
from regiovolger.dates import parse_iso as parse_dutch_date
from .types import TYPES

__all__ = ["segment", "classify", "parse_dutch_date", "explain", "TYPES"]
