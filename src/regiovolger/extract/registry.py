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

from dataclasses import dataclass, field
from typing import Callable

from ..document import Part, Text

Extractor = Callable[[Text, list[Part], dict], "list[dict] | dict[str, list[dict]]"]


@dataclass(frozen=True)
class FactKind:
    key: str  # the contract's key (shared/schema)
    label: str  # Dutch plural, as a page heading
    label_en: str
    extract: Extractor | None  # None: produced by another kind's extractor (``also``)
    also: tuple[str, ...] = ()  # further keys the extractor returns (meetings → agenda_items)
    search_fields: tuple[str, ...] = ()  # fields of a fact that the full-text index reads
    columns: tuple[tuple[str, str], ...] = ()  # (field, Dutch header) for tables on the web
    linked: bool = False  # gets ``meeting``/``agenda_item`` from the span that holds it
    confidence: float = 0.8  # default for a fact of this kind when its extractor gives none
    people_fields: tuple[str, ...] = field(default=())


def _meetings(text, parts, _result):
    from .meetings import extract_meetings

    meetings, items = extract_meetings(text, parts)
    return {"meetings": meetings, "agenda_items": items}


def _plain(module: str, name: str) -> Extractor:
    """An extractor ``name(text, parts)`` from ``module``, imported when first run."""
    def run(text, parts, _result):
        from importlib import import_module

        return getattr(import_module(f"{__package__}.{module}"), name)(text, parts)
    run.__name__ = name
    return run


def _with_result(module: str, name: str) -> Extractor:
    def run(text, parts, result):
        from importlib import import_module

        return getattr(import_module(f"{__package__}.{module}"), name)(text, parts, result)
    run.__name__ = name
    return run


# in the order they run: later kinds may read earlier ones
KINDS: tuple[FactKind, ...] = (
    FactKind("meetings", "Vergaderingen", "Meetings", _meetings, also=("agenda_items",),
             columns=(("date", "Datum"), ("body", "Gremium"), ("location", "Locatie")), people_fields=("chair",)),
    FactKind("agenda_items", "Agendapunten", "Agenda items", None,
             search_fields=("title", "proposal", "portfolio_holder"),
             columns=(("number", "Nr."), ("title", "Onderwerp")), people_fields=("portfolio_holder",)),
    FactKind("decisions", "Besluiten", "Decisions", _plain("decisions", "extract_decisions"),
             search_fields=("text",), columns=(("text", "Besluit"),), linked=True),
    FactKind("votes", "Stemmingen", "Votes", _plain("votes", "extract_votes"),
             search_fields=("subject", "groups_for", "groups_against"),
             columns=(("subject", "Onderwerp"), ("outcome", "Uitslag"), ("votes_for", "Voor"),
                      ("votes_against", "Tegen")), linked=True),
    FactKind("actions", "Acties", "Actions", _plain("actions", "extract_actions"),
             search_fields=("text", "owners"), columns=(("text", "Actie"), ("owners", "Wie"), ("due", "Wanneer")),
             linked=True, people_fields=("owners",)),
    FactKind("commitments", "Toezeggingen", "Commitments", _plain("commitments", "extract_commitments"),
             search_fields=("text", "made_by", "made_to"), columns=(("text", "Toezegging"), ("made_by", "Door")),
             people_fields=("made_by",)),
    FactKind("key_dates", "Belangrijke data", "Key dates", _plain("key_dates", "extract_key_dates"),
             search_fields=("title", "date_text", "location"), columns=(("date", "Datum"), ("title", "Wat"))),
    FactKind("projects", "Projecten", "Projects", _plain("projects", "extract_projects"),
             search_fields=("name", "goal", "programme", "applicant", "administrative_clients"),
             columns=(("name", "Project"),), people_fields=("administrative_clients",)),
    FactKind("amounts", "Bedragen", "Amounts", _plain("amounts", "extract_amounts"),
             columns=(("text", "Bedrag"), ("role", "Soort"))),
    FactKind("municipalities", "Gemeenten", "Municipalities", _plain("municipalities", "extract_municipalities"),
             columns=(("name", "Gemeente"), ("cbs_code", "CBS-code"))),
    # people and organisations gather names from the facts above as well as from the text
    FactKind("people", "Personen", "People", _with_result("people", "extract_people"), columns=(("name", "Naam"),)),
    FactKind("organisations", "Organisaties", "Organisations", _with_result("organisations", "extract_organisations"),
             columns=(("name", "Naam"),)),
)

BY_KEY = {k.key: k for k in KINDS}
KEYS = tuple(k.key for k in KINDS)
LINKED = tuple(k.key for k in KINDS if k.linked)
SEARCH_FIELDS = {k.key: k.search_fields for k in KINDS if k.search_fields}
PEOPLE_FIELDS = tuple(dict.fromkeys(f for k in KINDS for f in k.people_fields))
