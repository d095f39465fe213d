"""Project pages: the project register with its money charts, and one project.

Money comes from ``portfolio``: each project's headline amount is the sum of
the amounts counted in it, each linked to its passage; outliers are listed
for review instead of being drawn.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.db.models import Count
from django.db.models import F as Col
from django.db.models.fields.json import KeyTextTransform
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..store.models import Fact
from . import facts as F
from . import filters as FL
from .charts import bar_chart
from .labels import SIZE_HOURS, SIZES, label
from .listing import choice, filter_spec, names, paged, to_date
from .portfolio import OUTLIER_FACTOR, portfolio
from .tables import Column, Table, respond
from .templatetags.web_tags import euro_short
from .visibility import is_staff, visible

MONEY_FIELDS = {"budget_eur": gettext_lazy("budget"), "total_cost_eur": gettext_lazy("totale kosten"),
                "requested_eur": gettext_lazy("gevraagd")}


def _money(v) -> Decimal | None:
    return Decimal(str(v)) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def project_table(rows, caption):
    t = Table("projecten", caption, [
        Column("name", _("Project")), Column("programme_line", _("Programmalijn")), Column("size", _("Omvang")),
        Column("clients", _("Bestuurlijk opdrachtgever"), "list"), Column("budget", _("Budget"), "money"),
        Column("total", _("Totale kosten"), "money"), Column("cofinancing", _("Cofinanciering"), "money"),
        Column("requested", _("Gevraagd"), "money"), Column("municipalities", _("Gemeenten"), "list")])
    for r in rows:
        d = r.data
        t.rows.append({"name": d.get("name") or r.quote, "programme_line": d.get("programme_line") or "",
                       "size": str(label(SIZES, d.get("size"))), "clients": names(d.get("administrative_clients")),
                       "budget": d.get("budget_eur"), "total": d.get("total_cost_eur"),
                       "cofinancing": d.get("cofinancing_eur"), "requested": d.get("requested_eur"),
                       "municipalities": names(d.get("municipalities"))})
        t.links.append({"name": reverse("web:project", args=[r.key])})
        t.note_fact(r)
    return t


def _amount_table(name, caption, entries, with_outlier_note=False):
    """One row per counted amount: the total of a group is the sum of these rows."""
    t = Table(name, caption, [
        Column("project", _("Project")), Column("field", _("Soort bedrag")), Column("amount", _("Bedrag"), "money"),
        Column("passage", _("Tekst in het document")), Column("document", _("Document"))])
    for e in entries:
        for a in e.amounts:
            t.rows.append({"project": e.row.data.get("name") or e.row.quote, "field": str(MONEY_FIELDS[e.field]),
                           "amount": a.value, "passage": a.text, "document": e.row.doc_title})
            t.links.append({"project": reverse("web:project", args=[e.row.key]), "passage": a.url,
                            "document": e.row.doc_url})
            t.note_fact(e.row)
    return t


def projects(request, fmt=None):
    """The project register and its money: filtered in the database; the table paged, the charts over every
    project the filters leave."""
    user = request.user
    base = visible(Fact, user).filter(kind="projects", listed=True)
    line = request.GET.get("lijn", "")
    size = choice(request, "omvang", SIZES)
    if line:
        base = base.filter(data__programme_line=line)
    if size:
        base = base.filter(data__size=size)
    listing = FL.apply(request, base, facets=("gremium", "jaar", "gemeente", "persoon"),
                       labels={"persoon": _("Bestuurlijk opdrachtgever")})
    lines = [(x, f"{x} ({n})") for x, n in visible(Fact, user).filter(kind="projects", listed=True).annotate(
        line=KeyTextTransform("programme_line", "data")).exclude(line=None).order_by().values_list("line").annotate(
        n=Count("id")).order_by("line")]
    ordered = listing.qs.order_by(Col("date").desc(nulls_last=True), "-id")
    pg, page_rows = paged(request, user, ordered, fmt)
    shown = F.apply_human(F._rows(ordered))
    entries = portfolio(shown, request.user)
    counted = [e for e in entries if not e.outlier]
    outliers = [e for e in entries if e.outlier]
    per_line, per_size, per_client, hours = Counter(), Counter(), Counter(), Counter()
    for e in counted:
        d, money = e.row.data, e.value
        per_line[d.get("programme_line") or _("(geen lijn)")] += money
        per_size[str(label(SIZES, d.get("size")) or _("(onbekend)"))] += money
        owners = names(d.get("administrative_clients")) or [_("(geen)")]
        for c in owners:
            # a project of two clients is drawn under both; the total below counts it once
            per_client[c] += money
            hours[c] += SIZE_HOURS.get(d.get("size"), 0)
    charts = [
        ("geld-per-lijn", _("Geld per programmalijn"), bar_chart(_("Geld per programmalijn"), per_line.most_common(), euro_short, "c1"), per_line, True),
        ("geld-per-omvang", _("Geld per omvangsklasse"), bar_chart(_("Geld per omvangsklasse"), per_size.most_common(), euro_short, "c2"), per_size, True),
        ("geld-per-opdrachtgever", _("Geld per bestuurlijk opdrachtgever"), bar_chart(_("Geld per bestuurlijk opdrachtgever"), per_client.most_common(), euro_short, "c3"), per_client, True),
        ("uren-per-opdrachtgever", _("Capaciteit per bestuurlijk opdrachtgever (indicatief, uur per week)"), bar_chart(_("Capaciteit per opdrachtgever in uren per week"), hours.most_common(), lambda v: f"{v:.0f} u", "c4"), hours, False),
    ]
    chart_tables = []
    for name, caption, _svg, counter, money in charts:
        ct = Table(name, caption, [Column("label", _("Groep")), Column("value", _("Bedrag") if money else _("Uren per week"),
                                                                    "money" if money else "number")])
        for k, v in counter.most_common():
            ct.rows.append({"label": k, "value": v})
        chart_tables.append(ct)
    filters = [
        filter_spec("lijn", _("Programmalijn"), lines, line),
        filter_spec("omvang", _("Omvang"), list(SIZES.items()), size),
        *listing.filters,
    ]
    table = project_table(page_rows, _("Projecten"))
    amounts = _amount_table("bedragen", _("Getelde bedragen, elk met de tekst waar het staat"), counted)
    review = _amount_table("te-controleren", _("Te controleren: uitschieters, niet in de grafieken"), outliers)
    total = sum((e.value for e in counted), Decimal(0))
    return respond(request, "web/projects.html", {
        "title": _("Projecten"), "filters": filters, "table": table, "amount_table": amounts,
        "review_table": review, "outliers": outliers, "total": total, "outlier_factor": OUTLIER_FACTOR,
        "staff": is_staff(request.user), "page_obj": pg,
        "charts": [(c[1], c[2], t) for c, t in zip(charts, chart_tables)],
    }, data={"total_eur": total}, tables=[table, amounts, review, *chart_tables], suffix=fmt)


def project(request, key, fmt=None):
    r = F.find(request.user, "projects", key)
    if r is None:
        raise Http404
    d = r.data
    fields = [
        (_("Programma"), d.get("programme")), (_("Programmalijn"), d.get("programme_line")), (_("Doel"), d.get("goal")),
        (_("Omvang"), label(SIZES, d.get("size"))), (_("Bestuurlijk opdrachtgever"), ", ".join(names(d.get("administrative_clients")))),
        (_("Aanvrager"), d.get("applicant")), (_("Start"), to_date(d.get("start"))), (_("Einde"), to_date(d.get("end"))),
        (_("Totale kosten"), _money(d.get("total_cost_eur"))), (_("Cofinanciering"), _money(d.get("cofinancing_eur"))),
        (_("Gevraagd"), _money(d.get("requested_eur"))), (_("Budget"), _money(d.get("budget_eur"))),
        (_("Gemeenten"), ", ".join(names(d.get("municipalities")))), (_("Organisaties"), ", ".join(names(d.get("organisations")))),
    ]
    entry = portfolio([r], request.user)[0]
    amounts = _amount_table("bedragen", _("Bedragen van dit project, elk met de tekst waar het staat"), [entry])
    return respond(request, "web/detail.html", {"title": d.get("name") or r.quote, "fields": fields, "row": r,
                                                "kind": _("Project")},
                   data={"project": r.as_json()}, tables=[amounts] if amounts.rows else [], suffix=fmt)
