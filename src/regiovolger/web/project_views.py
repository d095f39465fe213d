"""Project pages: the project register with its money charts, and one project."""

from __future__ import annotations

from collections import Counter

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from . import facts as F
from .charts import bar_chart
from .labels import SIZE_HOURS, SIZES, label
from .tables import Column, Table, respond
from .listing import choice, filter_spec, names, to_date


def project_money(d: dict) -> float:
    for k in ("budget_eur", "total_cost_eur", "requested_eur"):
        if isinstance(d.get(k), (int, float)):
            return float(d[k])
    return 0.0


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


def euro_short(v: float) -> str:
    return "€ " + f"{v:,.0f}".replace(",", ".")


def projects(request, fmt=None):
    rows = F.load(request.user, "projects")
    lines = sorted({r.data.get("programme_line") for r in rows if r.data.get("programme_line")})
    clients = sorted({c for r in rows for c in names(r.data.get("administrative_clients"))})
    munis = sorted({c for r in rows for c in names(r.data.get("municipalities"))})
    line = choice(request, "lijn", lines)
    size = choice(request, "omvang", SIZES)
    client = choice(request, "opdrachtgever", clients)
    muni = choice(request, "gemeente", munis)
    shown = [r for r in rows if (not line or r.data.get("programme_line") == line)
             and (not size or r.data.get("size") == size)
             and (not client or client in names(r.data.get("administrative_clients")))
             and (not muni or muni in names(r.data.get("municipalities")))]
    per_line, per_size, per_client, hours = Counter(), Counter(), Counter(), Counter()
    for r in shown:
        money = project_money(r.data)
        per_line[r.data.get("programme_line") or _("(geen lijn)")] += money
        per_size[str(label(SIZES, r.data.get("size")) or _("(onbekend)"))] += money
        for c in names(r.data.get("administrative_clients")) or [_("(geen)")]:
            per_client[c] += money
            hours[c] += SIZE_HOURS.get(r.data.get("size"), 0)
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
        filter_spec("lijn", _("Programmalijn"), [(x, x) for x in lines], line),
        filter_spec("omvang", _("Omvang"), list(SIZES.items()), size),
        filter_spec("opdrachtgever", _("Bestuurlijk opdrachtgever"), [(x, x) for x in clients], client),
        filter_spec("gemeente", _("Gemeente"), [(x, x) for x in munis], muni),
    ]
    table = project_table(shown, _("Projecten"))
    return respond(request, "web/projects.html", {
        "title": _("Projecten"), "filters": filters, "table": table,
        "charts": [(c[1], c[2], t) for c, t in zip(charts, chart_tables)],
    }, tables=[table, *chart_tables], suffix=fmt)


def project(request, key, fmt=None):
    r = F.find(request.user, "projects", key)
    if r is None:
        raise Http404
    d = r.data
    fields = [
        (_("Programma"), d.get("programme")), (_("Programmalijn"), d.get("programme_line")), (_("Doel"), d.get("goal")),
        (_("Omvang"), label(SIZES, d.get("size"))), (_("Bestuurlijk opdrachtgever"), ", ".join(names(d.get("administrative_clients")))),
        (_("Aanvrager"), d.get("applicant")), (_("Start"), to_date(d.get("start"))), (_("Einde"), to_date(d.get("end"))),
        (_("Totale kosten"), d.get("total_cost_eur")), (_("Cofinanciering"), d.get("cofinancing_eur")),
        (_("Gevraagd"), d.get("requested_eur")), (_("Budget"), d.get("budget_eur")),
        (_("Gemeenten"), ", ".join(names(d.get("municipalities")))), (_("Organisaties"), ", ".join(names(d.get("organisations")))),
    ]
    return respond(request, "web/detail.html", {"title": d.get("name") or r.quote, "fields": fields, "row": r,
                                                "kind": _("Project")},
                   data={"project": r.as_json()}, suffix=fmt)
