"""The one list of fact kinds: what each is called, how it is extracted, searched and shown.

Adding a kind of fact means one extractor module and one ``FactKind`` entry
here; the contract, the store, the search index, the web labels and the API
read this list instead of keeping lists of their own. Extractors do not import
each other: a kind that builds on earlier facts (people, organisations) gets
the result so far as its third argument.

Labels are Dutch (the web translates them through gettext; they are listed in
``web/labels.py`` for the message catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..document import Part, Text

Extractor = Callable[[Text, list[Part], dict], "list[dict] | dict[str, list[dict]]"]


@dataclass(frozen=True)
class FactKind:
    key: str  # the contract's key (shared/schema)
    label: str  # Dutch plural, as a page heading (translated by the web)
    extract: Extractor | None  # None: produced by another kind's extractor (``also``)
    also: tuple[str, ...] = ()  # further keys the extractor returns (meetings → agenda_items)
    search_fields: tuple[str, ...] = ()  # fields of a fact that the full-text index reads
    linked: bool = False  # gets ``meeting``/``agenda_item`` from the span that holds it
    people_fields: tuple[str, ...] = ()  # fields that name people (search facets)


def _meetings(text, parts, _result):
    from .meetings import extract_meetings

    meetings, items = extract_meetings(text, parts)
    return {"meetings": meetings, "agenda_items": items}


def _lazy(module: str, name: str, reads_result: bool = False) -> Extractor:
    """The extractor ``name`` of ``module``, imported when first run; ``name(text, parts[, result])``."""
    def run(text, parts, result):
        from importlib import import_module

        fn = getattr(import_module(f"{__package__}.{module}"), name)
        return fn(text, parts, result) if reads_result else fn(text, parts)
    run.__name__ = name
    return run


# in the order they run: later kinds may read earlier ones
KINDS: tuple[FactKind, ...] = (
    FactKind("meetings", "Vergaderingen", _meetings, also=("agenda_items",), people_fields=("chair",)),
    FactKind("agenda_items", "Agendapunten", None,
             search_fields=("title", "proposal", "portfolio_holder"), people_fields=("portfolio_holder",)),
    FactKind("decisions", "Besluiten", _lazy("decisions", "extract_decisions"),
             search_fields=("text",), linked=True),
    FactKind("votes", "Stemmingen", _lazy("votes", "extract_votes"),
             search_fields=("subject", "groups_for", "groups_against"), linked=True),
    FactKind("actions", "Acties", _lazy("actions", "extract_actions"),
             search_fields=("text", "owners"), linked=True, people_fields=("owners",)),
    FactKind("commitments", "Toezeggingen", _lazy("commitments", "extract_commitments"),
             search_fields=("text", "made_by", "made_to"), people_fields=("made_by",)),
    FactKind("key_dates", "Belangrijke data", _lazy("key_dates", "extract_key_dates"),
             search_fields=("title", "date_text", "location")),
    FactKind("projects", "Projecten", _lazy("projects", "extract_projects"),
             search_fields=("name", "goal", "programme", "applicant", "administrative_clients"),
             people_fields=("administrative_clients",)),
    FactKind("amounts", "Bedragen", _lazy("amounts", "extract_amounts")),
    FactKind("municipalities", "Gemeenten", _lazy("municipalities", "extract_municipalities")),
    # people and organisations gather names from the facts above as well as from the text
    FactKind("people", "Personen", _lazy("people", "extract_people", reads_result=True)),
    FactKind("organisations", "Organisaties", _lazy("organisations", "extract_organisations", reads_result=True)),
)

BY_KEY = {k.key: k for k in KINDS}
KEYS = tuple(k.key for k in KINDS)
LINKED = tuple(k.key for k in KINDS if k.linked)
SEARCH_FIELDS = {k.key: k.search_fields for k in KINDS if k.search_fields}
PEOPLE_FIELDS = tuple(dict.fromkeys(f for k in KINDS for f in k.people_fields))
