"""Django admin: staff correct facts here. A change to a fact is recorded as a Correction
(who, when, what) keyed by the stable fact key, so it survives re-ingest."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..store.models import Fact, IngestFailure, SourceFile
from .facts import fact_key
from .models import ActionStatus, Correction, ReviewDecision, Upload

admin.site.site_header = _("regiovolger beheer")
admin.site.site_title = _("regiovolger beheer")


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "quote_short", "file", "page", "confidence"]
    list_filter = ["kind"]
    search_fields = ["quote"]
    list_select_related = ["file"]
    fields = ["kind", "file", "part", "page", "start", "end", "quote", "confidence", "data", "hide", "note"]
    readonly_fields = ["kind", "file", "part", "page", "start", "end", "quote", "confidence"]

    @admin.display(description=_("citaat"))
    def quote_short(self, obj):
        return obj.quote[:80]

    def get_form(self, request, obj=None, change=False, **kwargs):
        from django import forms

        kwargs["fields"] = ["data"]
        form = super().get_form(request, obj, change, **kwargs)

        class CorrectionForm(form):
            hide = forms.BooleanField(label=_("Feit verbergen (onjuist)"), required=False)
            note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

        return CorrectionForm

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        original = Fact.objects.get(pk=obj.pk).data
        new = obj.data if isinstance(obj.data, dict) else original
        changed = {k: v for k, v in new.items() if original.get(k) != v}
        removed = [k for k in original if k not in new]
        for k in removed:
            changed[k] = None
        hide = form.cleaned_data.get("hide", False)
        if changed or hide:
            Correction.objects.create(file_sha256=obj.file.sha256, kind=obj.kind,
                                      fact_key=fact_key(obj.file.sha256, obj.kind, obj.quote), data=changed,
                                      hidden=hide, note=form.cleaned_data.get("note", ""), created_by=request.user)
        super().save_model(request, obj, form, change)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "created_by", "kind", "fact_key", "hidden", "note"]
    list_filter = ["kind", "hidden"]
    readonly_fields = ["created_at", "created_by"]
    search_fields = ["fact_key", "note"]

    def save_model(self, request, obj, form, change):
        if not obj.created_by_id:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ActionStatus)
class ActionStatusAdmin(admin.ModelAdmin):
    list_display = ["fact_key", "done", "note", "updated_by", "updated_at"]
    list_filter = ["done"]


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(admin.ModelAdmin):
    list_display = ["decided_at", "decided_by", "decision", "kind", "confidence", "fact_key"]
    list_filter = ["decision", "kind"]
    readonly_fields = ["decided_at", "decided_by"]
    search_fields = ["fact_key", "file_sha256"]

    def save_model(self, request, obj, form, change):
        obj.decided_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "created_by", "created_at", "finished_at"]
    list_filter = ["status"]


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    list_display = ["path", "media_type", "page_count", "text_quality", "ingested_at"]
    search_fields = ["path", "title"]
    fields = ["path", "sha256", "title", "media_type", "size", "page_count", "text_quality", "glyph_loss", "ingested_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(IngestFailure)
class IngestFailureAdmin(admin.ModelAdmin):
    list_display = ["path", "code", "reason", "attempts", "last_seen"]
