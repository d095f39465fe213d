"""List filters in the database: body, year, municipality, person and status, with counts per option.

A list page hands :func:`apply` the visible facts of its kind; the filters come from
django-filter (``FactFilter``), each filtering on an indexed column of the fact
(``store.resolve_columns``) or its small related tables (``FactMunicipality``,
``EntityRef``). The options of each filter are counted in SQL over the facts that the
*other* filters leave (one query per filter), so a visitor sees how many facts each
choice gives. Facts of files typed ``other`` (READMEs, code) are never listed or counted.
The number of queries does not depend on the number of facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import django_filters
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models import F as Col
from django.utils.translation import gettext_lazy as _

from ..store.models import Entity, EntityRef, Fact, FactMunicipality
from ..store.resolve_columns import PERSON_ROLES
from .entities import public_names
from .listing import filter_spec
from .models import ActionStatus

FACETS = ("gremium", "jaar", "gemeente", "persoon", "status")


def by_body(qs: QuerySet, value: str) -> QuerySet:
    return qs.filter(body__key=value, body__kind="organisation")


def by_year(qs: QuerySet, value: str) -> QuerySet:
    return qs.filter(year=int(value)) if str(value).isdigit() else qs.none()


def by_municipality(qs: QuerySet, value: str) -> QuerySet:
    return qs.filter(Exists(FactMunicipality.objects.filter(fact=OuterRef("pk"), code=str(value).upper())))


def by_person(qs: QuerySet, value: str) -> QuerySet:
    """Facts that name the person in any person role (every owner of an action with two owners, every client of a
    project), as resolved (``EntityRef``); ``Fact.person`` keeps only the first, for sorting."""
    return qs.filter(Exists(EntityRef.objects.filter(fact=OuterRef("pk"), role__in=PERSON_ROLES, entity__key=value,
                                                     entity__kind="person")))


def action_done() -> Q:
    """An action a person marked done: its status column (store.audience keeps it from ActionStatus)."""
    return Q(status="done")


def by_status(qs: QuerySet, value: str) -> QuerySet:
    return qs.filter(status=value)


def by_action_status(qs: QuerySet, value: str) -> QuerySet:
    if value == "open":
        return qs.exclude(action_done())
    if value == "done":
        return qs.filter(action_done())
    return qs


class FactFilter(django_filters.FilterSet):
    """The filters every fact list has (those a kind lacks are removed by :func:`apply`)."""

    gremium = django_filters.ChoiceFilter(label=_("Gremium"), method=lambda qs, _n, v: by_body(qs, v))
    jaar = django_filters.ChoiceFilter(label=_("Jaar"), method=lambda qs, _n, v: by_year(qs, v))
    gemeente = django_filters.ChoiceFilter(label=_("Gemeente"), method=lambda qs, _n, v: by_municipality(qs, v))
    persoon = django_filters.ChoiceFilter(label=_("Persoon"), method=lambda qs, _n, v: by_person(qs, v))
    status = django_filters.ChoiceFilter(label=_("Status"), method=lambda qs, _n, v: by_status(qs, v))

    class Meta:
        model = Fact
        fields: list[str] = []


@dataclass
class Listing:
    qs: QuerySet  # the filtered facts, unordered
    filters: list[dict]  # specs for web/_filters.html
    selected: dict[str, str] = field(default_factory=dict)


def _pks(qs: QuerySet) -> QuerySet:
    return qs.order_by().values("pk")


def _sql(qs: QuerySet) -> tuple[str, tuple]:
    sql, params = qs.query.sql_with_params()
    return sql, tuple(params)


def by_column(facts: QuerySet, column: str) -> list[tuple[str, str, int]]:
    """(entity key, name, n) of an entity column of the facts (body, person): counted on the column's
    covering index, names joined after: one query."""
    from django.db import connection

    inner, params = _sql(facts.exclude(**{column: None}).order_by().values(eid=Col(column)).annotate(
        n=Count("id")).values_list("eid", "n"))
    key = connection.ops.quote_name("key")
    sql = (f"SELECT e.{key}, e.name, x.n FROM ({inner}) x JOIN {Entity._meta.db_table} e ON e.id = x.eid "
           f"ORDER BY e.name, e.{key}")
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return [(str(k), str(nm), int(n)) for k, nm, n in cur.fetchall()]


def grouped(facts: QuerySet, what: str, count: str = "fact_id") -> list[tuple[str, str, int]]:
    """(key, name, n) of the municipalities (``what="gemeente"``) or people (``"persoon"``) that ``facts``
    name, n counting distinct ``count`` (fact_id, or file_id for documents): one query. Grouped on the
    small tables' covering indexes first, names joined after, so the database walks the facts once."""
    from django.db import connection

    ids, params = _sql(facts.order_by().values("pk"))
    entity = Entity._meta.db_table
    if what == "gemeente":
        table = FactMunicipality._meta.db_table
        inner = (f"SELECT r.code AS k, r.municipality_id AS eid, COUNT(DISTINCT {count}) AS n FROM {table} r "
                 f"{_file_join(table, count)} WHERE r.fact_id IN ({ids}) GROUP BY r.code, r.municipality_id")
        sql = f"SELECT x.k, e.name, x.n FROM ({inner}) x JOIN {entity} e ON e.id = x.eid ORDER BY e.name, x.k"
    else:
        table = EntityRef._meta.db_table
        roles = ", ".join(["%s"] * len(PERSON_ROLES))
        inner = (f"SELECT r.entity_id AS eid, COUNT(DISTINCT {count}) AS n FROM {table} r {_file_join(table, count)} "
                 f"WHERE r.fact_id IN ({ids}) AND r.role IN ({roles}) GROUP BY r.entity_id")
        sql = (f"SELECT e.{connection.ops.quote_name('key')}, e.name, x.n FROM ({inner}) x JOIN {entity} e "
               f"ON e.id = x.eid WHERE e.kind = %s ORDER BY e.name, e.{connection.ops.quote_name('key')}")
        params = (*params, *PERSON_ROLES, "person")
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return [(str(k), str(nm), int(n)) for k, nm, n in cur.fetchall()]


def _file_join(table: str, count: str) -> str:
    return f"JOIN {Fact._meta.db_table} f ON f.id = r.fact_id" if count.startswith("f.") else ""


def _options(name: str, qs: QuerySet, status_labels: dict | None) -> list[tuple[str, str]]:
    """(value, "label (count)") of one filter over ``qs``: one query."""
    if name == "jaar":
        rows = qs.exclude(year=None).order_by().values_list("year").annotate(n=Count("id")).order_by("-year")
        return [(str(y), f"{y} ({n})") for y, n in rows]
    if name == "gremium":
        return [(k, f"{nm} ({n})") for k, nm, n in by_column(qs, "body")]
    if name == "persoon":
        rows = grouped(qs, "persoon")  # every person a fact names, not only its first
        shown = public_names(qs, [k for k, _nm, _n in rows])  # never a spelling only a confidential part gives
        return [(k, f"{shown.get(k, nm)} ({n})") for k, nm, n in rows]
    if name == "gemeente":
        return [(k, f"{nm} ({n})") for k, nm, n in grouped(qs, name)]
    labels = status_labels or {}
    if "alle" in labels:  # actions: open / done by a person's status, one query with both counts
        done = qs.order_by().aggregate(done=Count("id", filter=action_done()), all=Count("id"))
        counts = {"open": done["all"] - done["done"], "done": done["done"], "alle": done["all"]}
        return [(k, f"{v} ({counts.get(k, 0)})") for k, v in labels.items()]
    rows = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    return [(k, f"{v} ({rows[k]})") for k, v in labels.items() if rows.get(k)]


def apply(request, base: QuerySet, *, facets=FACETS, status_labels: dict | None = None,
          labels: dict | None = None, defaults: dict | None = None) -> Listing:
    """Filter ``base`` (visible facts of one kind) by the request's filters; options counted per filter."""
    base = base.filter(listed=True)
    defaults = defaults or {}
    raw = {n: request.GET.get(n, defaults.get(n, "")) for n in facets}
    actions = bool(status_labels and "alle" in status_labels)
    funcs = {"gremium": by_body, "jaar": by_year, "gemeente": by_municipality, "persoon": by_person,
             "status": by_action_status if actions else by_status}

    def others(name):
        qs = base
        for other, value in raw.items():
            if other != name and value:
                qs = funcs[other](qs, value)
        return qs

    fs = FactFilter(request.GET if not defaults else {**defaults, **request.GET.dict()}, queryset=base)
    for name in list(fs.filters):
        if name not in facets:
            del fs.filters[name]
            fs.form.fields.pop(name, None)
    specs, selected = [], {}
    for name in facets:
        options = _options(name, others(name), status_labels)
        value = raw[name]
        if value and value not in {v for v, _t in options}:
            options.append((value, f"{value} (0)"))
        fs.filters[name].extra["choices"] = options
        fs.form.fields[name].choices = [("", _("alle")), *options]
        if labels and name in labels:
            fs.form.fields[name].label = labels[name]
        fs.filters[name].method = (lambda f: lambda qs, _n, v: f(qs, v))(funcs[name])
    qs = fs.qs
    cleaned = fs.form.cleaned_data if fs.is_bound else {}
    for name in facets:
        selected[name] = cleaned.get(name) or ""
        field_ = fs.form.fields[name]
        specs.append(filter_spec(name, field_.label, [c for c in field_.choices if c[0] != ""], selected[name]))
    return Listing(qs=qs, filters=specs, selected=selected)
