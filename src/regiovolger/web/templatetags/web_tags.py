from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.html import format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..labels import KIND_LABELS, PART_TYPES, label

register = template.Library()


@register.filter
def euro(value):
    """€ 147.824 in Dutch, € 147,824 in English; cents only when there are any."""
    v = _number(value)
    if not isinstance(v, float):
        return v
    cents = abs(v - round(v)) >= 0.005
    text = f"{v:,.2f}" if cents else f"{v:,.0f}"
    return f"€ {_dutch(text)}"


def _number(value):
    """The value as a float; "" for nothing, the value itself when it is no number."""
    if value is None or value == "":
        return ""
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def _dutch(text: str) -> str:
    if (get_language() or "nl").startswith("nl"):
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


@register.filter
def euro_short(value):
    """€ 1,5 mld, € 130 mln, else the full amount (€ 147.824): for chart labels and totals."""
    v = _number(value)
    if not isinstance(v, float):
        return v
    for size, unit in ((1e9, _("mld")), (1e6, _("mln"))):
        if abs(v) >= size:
            n = v / size
            text = f"{n:,.1f}".removesuffix(".0") if abs(n) < 100 else f"{n:,.0f}"
            return f"€ {_dutch(text)} {unit}"
    return euro(v)


@register.filter
def nldate(value):
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = value.date() if dt.datetime.now() else value
    return formats.date_format(value, "j F Y")


@register.filter
def cell(value, kind="text"):
    if value is None or value == "" or value == []:
        return ""
    if kind == "date":
        return nldate(value)
    if kind == "money" or isinstance(value, Decimal):
        return euro(value)  # money is Decimal wherever a view hands it over
    if kind == "list" or isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return value


@register.filter
def kind_label(code):
    return label(KIND_LABELS, code)


@register.filter
def part_label(code):
    return label(PART_TYPES, code)


@register.simple_tag(takes_context=True)
def export_url(context, fmt, table=None):
    request = context["request"]
    q = request.GET.copy()
    q.pop("pagina", None)
    q["format"] = fmt
    if table:
        q["table"] = table
    return "?" + q.urlencode()


@register.simple_tag(takes_context=True)
def page_url(context, number):
    q = context["request"].GET.copy()
    q["pagina"] = number
    return "?" + q.urlencode()


@register.filter
def attrs(mapping):
    return format_html_join(" ", '{}="{}"', mapping.items())
