"""What people add to the machine's reading: action status, corrections, review decisions, uploads.

Keyed by stable fact keys (file sha256 + kind + normalised quote), never by
Fact row ids, so all of it survives a re-ingest that recreates the Fact rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.Model):
    fact_key = models.CharField(_("feitsleutel"), max_length=80, unique=True)
    done = models.BooleanField(_("afgerond"), default=False)
    note = models.TextField(_("notitie"), blank=True, default="")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name=_("door"))
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("actiestatus")
        verbose_name_plural = _("actiestatussen")

    def __str__(self) -> str:
        return self.fact_key


class Correction(models.Model):
    """A human correction of one fact; the newest per fact key wins."""

    file_sha256 = models.CharField(_("bestand (sha256)"), max_length=64, db_index=True)
    kind = models.CharField(_("soort"), max_length=40)
    fact_key = models.CharField(_("feitsleutel"), max_length=80, db_index=True)
    data = models.JSONField(_("gegevens"), help_text=_("de gecorrigeerde velden van het feit"))
    hidden = models.BooleanField(_("verbergen"), default=False, help_text=_("het feit is onjuist: niet tonen"))
    note = models.TextField(_("toelichting"), blank=True, default="")
    # the audit: the fact's fields as shown before and after this change (machine reading with the
    # corrections before it applied), and whether it was shown; rows are only ever added
    before = models.JSONField(_("vóór"), null=True, blank=True)
    after = models.JSONField(_("na"), null=True, blank=True)
    was_hidden = models.BooleanField(_("was verborgen"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name=_("door"))
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("correctie")
        verbose_name_plural = _("correcties")

    def __str__(self) -> str:
        return f"{self.kind} {self.fact_key}"


class ReviewDecision(models.Model):
    """A person's verdict on a fact below the publication confidence: one per fact key, the latest wins.

    Accepted facts are published like confident ones; rejected facts are shown nowhere
    (``visibility.visible``). Keyed by the stable fact key, so the verdict survives re-ingest.
    """

    ACCEPTED, REJECTED = "accepted", "rejected"
    DECISIONS = [(ACCEPTED, _("geaccepteerd")), (REJECTED, _("afgewezen"))]

    fact_key = models.CharField(_("feitsleutel"), max_length=80, unique=True)
    file_sha256 = models.CharField(_("bestand (sha256)"), max_length=64, db_index=True)
    kind = models.CharField(_("soort"), max_length=40)
    decision = models.CharField(_("beoordeling"), max_length=10, choices=DECISIONS)
    confidence = models.FloatField(_("zekerheid"), null=True, blank=True,
                                   help_text=_("de zekerheid van het feit toen het werd beoordeeld"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name=_("door"))
    decided_at = models.DateTimeField(_("tijdstip"), auto_now=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")

    def __str__(self) -> str:
        return f"{self.get_decision_display()} {self.kind} {self.fact_key}"


class Upload(models.Model):
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [(QUEUED, _("in de wachtrij")), (RUNNING, _("bezig")), (DONE, _("klaar")), (FAILED, _("mislukt"))]

    name = models.CharField(_("bestandsnaam"), max_length=255)
    path = models.TextField(_("pad"))
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=QUEUED)
    message = models.TextField(_("melding"), blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name=_("door"))
    created_at = models.DateTimeField(_("geüpload"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return self.name


class ConfidentialityOverride(models.Model):
    """A person's verdict that a part is confidential or public, against or with the machine's reading.

    Rows are only ever added: each is an audit line (who, when, before, after). The newest
    per file and part wins; keyed by file sha256 and part key, so it can be applied again
    after a re-ingest (``confidentiality.apply_overrides``).
    """

    file_sha256 = models.CharField(_("bestand (sha256)"), max_length=64, db_index=True)
    part_key = models.CharField(_("deel"), max_length=20)
    before = models.BooleanField(_("was vertrouwelijk"))
    after = models.BooleanField(_("vertrouwelijk"))
    note = models.TextField(_("toelichting"), blank=True, default="")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name=_("door"))
    decided_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("vertrouwelijkheidsbesluit")
        verbose_name_plural = _("vertrouwelijkheidsbesluiten")

    def __str__(self) -> str:
        state = _("vertrouwelijk") if self.after else _("openbaar")
        return f"{self.file_sha256[:12]} {self.part_key}: {state}"
