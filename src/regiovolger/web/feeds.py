"""Atom feed of decisions."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from . import facts as F


class DecisionsFeed(Feed):
    feed_type = Atom1Feed
    title = _("regiovolger: nieuwe besluiten")
    link = reverse_lazy("web:decisions")
    subtitle = _("Besluiten uit de ingelezen documenten, nieuwste eerst.")

    def get_object(self, request, *args, **kwargs):
        return request.user

    def items(self, user):
        from .views import meetings_index, when

        rows = F.load(user, ["decisions", "meetings"])
        meetings = meetings_index(rows)
        out = [r for r in rows if r.kind == "decisions"]
        for r in out:
            r.extra["date"] = when(r, meetings)
        out.sort(key=lambda r: r.extra["date"] or dt.date.min, reverse=True)
        return out[:50]

    def item_title(self, item):
        text = item.data.get("text") or item.quote
        return text if len(text) <= 120 else text[:119] + "…"

    def item_description(self, item):
        return f"{item.data.get('text') or item.quote} ({item.doc_title})"

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"regiovolger:{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        day = item.extra.get("date")
        if day:
            return timezone.make_aware(dt.datetime(day.year, day.month, day.day, 12))
        return None
