"""Dutch correction forms per fact kind, generated from the extraction contract's schema.

Each kind's fields come from ``data/extraction.schema.json`` (a copy of
``shared/schema/extraction.schema.json``, kept equal by a test): text fields,
dates, times, amounts in Dutch notation, counts, choices from the schema's
enumerations (with the site's Dutch labels), lists one per line, and lists of
records (a meeting's attendees, a person's roles) as a small formset. References
between facts (ids, meeting, agenda item) and the evidence are not editable.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

from django import forms
from django.core.validators import RegexValidator
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from . import labels as L

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "extraction.schema.json"
NOT_EDITABLE = frozenset({"id", "meeting", "agenda_item", "document", "evidence", "span"})

FIELD_LABELS = {
    "body": _("Gremium"), "organisation": _("Organisatie"), "date": _("Datum"), "start_time": _("Begintijd"),
    "end_time": _("Eindtijd"), "location": _("Locatie"), "chair": _("Voorzitter"), "minute_taker": _("Notulist"),
    "attendees": _("Aanwezigen"), "name": _("Naam"), "role": _("Rol"), "status": _("Status"), "until": _("Tot"),
    "from": _("Vanaf"), "number": _("Nummer"), "title": _("Titel"), "proposal": _("Voorstel"),
    "portfolio_holder": _("Portefeuillehouder"), "contact": _("Contactpersoon"), "kind": _("Soort"),
    "text": _("Tekst"), "amount_eur": _("Bedrag (€)"), "owners": _("Eigenaren (één per regel)"),
    "due": _("Uiterlijk"), "made_by": _("Toegezegd door"), "made_to": _("Toegezegd aan"),
    "date_made": _("Datum toezegging"), "fulfilled_here": _("Hier nagekomen"), "date_text": _("Datum zoals geschreven"),
    "time": _("Tijd"), "tentative": _("Onder voorbehoud"), "programme": _("Programma"),
    "programme_line": _("Programmalijn"), "goal": _("Doel"), "size": _("Omvang"),
    "administrative_clients": _("Bestuurlijk opdrachtgevers (één per regel)"), "applicant": _("Aanvrager"),
    "start": _("Start"), "end": _("Einde"), "total_cost_eur": _("Totale kosten (€)"),
    "cofinancing_eur": _("Cofinanciering (€)"), "requested_eur": _("Gevraagd (€)"), "budget_eur": _("Budget (€)"),
    "municipalities": _("Gemeenten (één per regel)"), "organisations": _("Organisaties (één per regel)"),
    "value_eur": _("Bedrag (€)"), "max_eur": _("Tot bedrag (€)"),
    "aliases": _("Andere schrijfwijzen (één per regel)"),
    "roles": _("Functies"), "cbs_code": _("CBS-code"), "mentions": _("Aantal vermeldingen"),
    "subject": _("Onderwerp"), "subject_kind": _("Soort onderwerp"), "outcome": _("Uitslag"),
    "votes_for": _("Stemmen voor"), "votes_against": _("Stemmen tegen"),
    "groups_for": _("Voor (één per regel)"), "groups_against": _("Tegen (één per regel)"),
}
LONG_TEXT = frozenset({"text", "proposal", "goal", "subject", "title"})
AGENDA_KINDS = {"decision": _("besluitvormend"), "information": _("informerend"), "discussion": _("bespreking")}
ORGANISATION_KINDS = {
    "municipality": _("gemeente"), "province": _("provincie"), "region": _("regio"), "water_board": _("waterschap"),
    "national_government": _("Rijk"), "education": _("onderwijs"), "company": _("bedrijf"),
    "foundation": _("stichting"), "association": _("vereniging"), "other": _("overig"),
}
# Dutch labels of the schema's enumerations, by kind and field ("attendees.status" inside a list of records)
ENUM_LABELS = {
    ("decisions", "kind"): L.DECISION_KINDS, ("votes", "outcome"): L.VOTE_OUTCOMES,
    ("votes", "subject_kind"): L.VOTE_SUBJECTS, ("projects", "size"): L.SIZES, ("amounts", "role"): L.AMOUNT_ROLES,
    ("meetings", "attendees.status"): L.ATTENDANCE, ("agenda_items", "kind"): AGENDA_KINDS,
    ("organisations", "kind"): ORGANISATION_KINDS,
}
ACTION_STATES = {"open": _("open"), "done": _("afgerond")}


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def kind_schema(kind: str) -> dict:
    """The item schema of one fact kind (its fields' ``$ref``s are resolved by ``make_field``)."""
    return schema()["properties"][kind]["items"]


def _resolve(spec: dict) -> dict:
    ref = spec.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return {**schema()["$defs"][ref.rsplit("/", 1)[1]], **{k: v for k, v in spec.items() if k != "$ref"}}
    return spec


def _types(spec: dict) -> set[str]:
    t = spec.get("type", [])
    return {t} if isinstance(t, str) else set(t)


# ---------- values: stored (contract) ↔ shown in the form ----------

AMOUNT_HELP = _("In euro's, zoals 1.500.000 of 1.500.000,50.")


def parse_amount(text: str):
    """A Dutch amount as typed (€ 1.500.000,50, 1500000, 147.824,--) → a number, or ValueError."""
    s = re.sub(r"[€\s\u00a0]", "", text or "").removesuffix(",--").removesuffix(",-")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d{1,2})?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+(,\d{1,2})?", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"-?\d+\.\d{1,2}", s):
        raise ValueError(text)
    value = float(s)
    return int(value) if value == int(value) else value


def format_amount(value) -> str:
    if value is None or value == "":
        return ""
    v = float(value)
    text = f"{v:,.2f}" if abs(v - round(v)) >= 0.005 else f"{v:,.0f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


class AmountField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(help_text=AMOUNT_HELP, **kwargs)

    def prepare_value(self, value):
        return format_amount(value) if isinstance(value, (int, float)) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_amount(value)
        except ValueError:
            raise forms.ValidationError(_("Geen bedrag: schrijf het als 1.500.000 of 1.500.000,50."), code="amount")


class TimeText(forms.CharField):
    """A time as HH:MM; 14.00 is accepted and stored as 14:00."""

    def to_python(self, value):
        value = (super().to_python(value) or "").replace(".", ":")
        if not value:
            return None
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            raise forms.ValidationError(_("Geen tijd: schrijf het als 14:00."), code="time")
        return value


class LinesField(forms.CharField):
    """A list of names, one per line."""

    def prepare_value(self, value):
        return "\n".join(str(v) for v in value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _choices(kind: str, name: str, values: list) -> list[tuple[str, str]]:
    names = ENUM_LABELS.get((kind, name), {})
    out = [("", "—")] if None in values else []
    return out + [(v, names.get(v, v)) for v in values if v is not None]


def make_field(kind: str, name: str, spec: dict, required: bool) -> forms.Field | None:
    spec = _resolve(spec)
    types = _types(spec)
    label = FIELD_LABELS.get(name.rsplit(".", 1)[-1], name)
    nullable = "null" in types or (not types and None in spec.get("enum", []))
    req = required and not nullable
    if "enum" in spec:
        return forms.ChoiceField(label=label, choices=_choices(kind, name, spec["enum"]), required=req)
    if name.endswith("_eur"):
        return AmountField(label=label, required=req)
    if spec.get("pattern") == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$":
        return forms.DateField(label=label, required=req, input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    if spec.get("pattern") == "^[0-9]{2}:[0-9]{2}$":
        return TimeText(label=label, required=req, max_length=5)
    if "integer" in types:
        return forms.IntegerField(label=label, required=req, min_value=spec.get("minimum", 0))
    if "number" in types:
        return AmountField(label=label, required=req)
    if "boolean" in types:
        return forms.BooleanField(label=label, required=False)
    if "array" in types and _types(spec.get("items", {})) == {"string"}:
        return LinesField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    if "string" in types:
        validators = [RegexValidator(spec["pattern"], _("Ongeldige waarde."))] if spec.get("pattern") else []
        widget = forms.Textarea(attrs={"rows": 3}) if name in LONG_TEXT else None
        return forms.CharField(label=label, required=req, validators=validators, widget=widget,
                               strip=True, empty_value=None if nullable else "")
    return None  # a shape the form does not know: kept as it is


def _form_class(kind: str, properties: dict, required: set[str], prefix: str = "") -> type[forms.Form]:
    fields = {}
    for name, spec in properties.items():
        if name in NOT_EDITABLE or _types(spec) == {"array"} and _types(spec.get("items", {})) == {"object"}:
            continue
        field = make_field(kind, prefix + name, spec, name in required)
        if field is not None:
            fields[name] = field
    return type(f"{kind.title()}{prefix.strip('.').title()}Form", (forms.Form,), fields)


def record_lists(kind: str) -> dict[str, dict]:
    """Fields of ``kind`` that hold a list of records (attendees, roles): name → item schema."""
    return {name: spec["items"] for name, spec in kind_schema(kind).get("properties", {}).items()
            if name not in NOT_EDITABLE and _types(spec) == {"array"} and _types(spec.get("items", {})) == {"object"}}


def fact_form_class(kind: str) -> type[forms.Form]:
    item = kind_schema(kind)
    cls = _form_class(kind, item.get("properties", {}), set(item.get("required", [])))
    extra = {"verwijderen": forms.BooleanField(label=_("Dit feit is onjuist: verwijderen (nergens meer tonen)"),
                                               required=False),
             "toelichting": forms.CharField(label=_("Toelichting bij de wijziging"), required=False, max_length=2000,
                                            widget=forms.Textarea(attrs={"rows": 2}))}
    if kind == "actions":
        extra = {"actiestatus": forms.ChoiceField(label=_("Status"), choices=list(ACTION_STATES.items())), **extra}
    return type(cls.__name__, (cls,), extra)


def record_formsets(kind: str, data=None, initial: dict | None = None) -> dict:
    out = {}
    for name, item in record_lists(kind).items():
        form = _form_class(kind, item.get("properties", {}), set(item.get("required", [])), prefix=name + ".")
        fs = formset_factory(form, extra=1, can_delete=True)
        rows = [r for r in (initial or {}).get(name) or [] if isinstance(r, dict)]
        out[name] = fs(data, prefix=name, initial=rows)
        out[name].label = FIELD_LABELS.get(name, name)
    return out


def form_initial(form_class: type[forms.Form], data: dict) -> dict:
    return {name: data.get(name) for name in form_class.base_fields if name in data}


def _json(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def cleaned_values(form: forms.Form, formsets: dict) -> dict:
    """The fact's fields as the form gives them, in the contract's shape."""
    out = {name: _json(value) for name, value in form.cleaned_data.items()
           if name not in ("verwijderen", "toelichting", "actiestatus")}
    for name, fs in formsets.items():
        rows = []
        for f in fs.forms:
            cd = getattr(f, "cleaned_data", None) or {}
            if not cd or cd.get("DELETE") or not f.has_changed() and not f.initial:
                continue
            rows.append({k: _json(v) for k, v in cd.items() if k != "DELETE"})
        out[name] = rows
    return out
