"""Files, their pages and parts, and facts with evidence."""

from __future__ import annotations

from django.db import models


class SourceFile(models.Model):
    """One input file, stored once per content hash."""

    sha256 = models.CharField(max_length=64, unique=True)
    path = models.TextField(help_text="the path it was first ingested from")
    paths = models.JSONField(default=list, help_text="every path it was seen at")
    media_type = models.CharField(max_length=120)
    size = models.BigIntegerField()
    page_count = models.IntegerField()
    title = models.TextField(null=True, blank=True)
    text = models.TextField(help_text="the text all offsets refer to")
    original_text = models.TextField(null=True, blank=True, help_text="text before glyph repair")
    repairs = models.JSONField(default=list)
    text_quality = models.FloatField(null=True)
    glyph_loss = models.BooleanField(default=False)
    extraction = models.JSONField(help_text="the extraction contract as printed by `extract --json`")
    ingested_at = models.DateTimeField(auto_now_add=True)
    # the stages a file went through: stored (a row exists), resolved, indexed; a crash
    # between stages leaves a later one empty, and `check` or the next ingest repairs it
    resolved_at = models.DateTimeField(null=True, blank=True, db_index=True)
    indexed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["path"]

    @property
    def stage(self) -> str:
        if self.resolved_at is None:
            return "stored"
        return "indexed" if self.indexed_at is not None and self.indexed_at >= self.resolved_at else "resolved"

    def __str__(self) -> str:
        return self.path


class Page(models.Model):
    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="pages")
    number = models.IntegerField()
    start = models.IntegerField()
    end = models.IntegerField()
    method = models.CharField(max_length=20, default="text")
    quality = models.FloatField(null=True)

    class Meta:
        ordering = ["file", "number"]
        constraints = [models.UniqueConstraint(fields=["file", "number"], name="page_unique_number")]


class PartQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """A change of confidentiality (or extent) changes who may see the facts in these parts."""
        files = list(self.order_by().values_list("file_id", flat=True).distinct()) if (
            {"confidential", "start", "end"} & set(kwargs)) else []
        n = super().update(**kwargs)
        if files:
            from .audience import refresh

            refresh(file_ids=files)
        return n


class Part(models.Model):
    """A logical document inside a file (agenda, minutes, proposal, ...)."""

    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="parts")
    key = models.CharField(max_length=20, help_text="the part id in the extraction, e.g. p1")
    type = models.CharField(max_length=40, db_index=True)
    title = models.TextField(null=True, blank=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    organisation = models.TextField(null=True, blank=True)
    start = models.IntegerField()
    end = models.IntegerField()
    confidential = models.BooleanField(default=False, db_index=True)

    objects = PartQuerySet.as_manager()

    class Meta:
        ordering = ["file", "start"]
        constraints = [models.UniqueConstraint(fields=["file", "key"], name="part_unique_key")]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from .audience import refresh

        refresh(file_ids=[self.file_id])

    def __str__(self) -> str:
        return f"{self.type}: {self.title or self.key}"


class FactManager(models.Manager):
    def bulk_create(self, objs, *args, **kwargs):
        """Rows made without their key or own columns (tests, scripts) get them, as ``save`` gives them."""
        objs = list(objs)
        for obj in objs:
            obj.fill_defaults(query=False)
        made = super().bulk_create(objs, *args, **kwargs)
        from .audience import refresh

        refresh(file_ids={o.file_id for o in objs})
        return made


VISIBILITY = ("listed", "audience", "confidence")


class Fact(models.Model):
    """One extracted fact with its evidence: part, page, offsets and quote."""

    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="facts")
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="facts", null=True)
    kind = models.CharField(max_length=40, db_index=True, help_text="the contract key, e.g. amounts")
    data = models.JSONField(help_text="the fact as in the contract, without its evidence")
    page = models.IntegerField(null=True)
    start = models.IntegerField()
    end = models.IntegerField()
    quote = models.TextField()
    key = models.CharField(max_length=40, db_index=True, blank=True, default="",
                           help_text="stable fact key (store.keys.fact_key): file hash, kind, normalised quote")
    confidence = models.FloatField(null=True, blank=True,
                                   help_text="evidence.confidence (0-1); empty for facts stored before it was scored")
    # the columns lists filter and sort on, beside the JSON (store.resolve_columns fills them: the ones the
    # fact itself gives when it is stored, meeting, body, person and municipalities when it is resolved)
    date = models.DateField(null=True, blank=True, help_text="its own date, else its meeting's, else its part's")
    year = models.SmallIntegerField(null=True, blank=True)
    due = models.DateField(null=True, blank=True, help_text="actions and commitments: the deadline")
    status = models.CharField(max_length=20, blank=True, default="",
                              help_text="decisions: kind; votes: outcome; commitments: open/fulfilled; key dates; "
                              "actions: open/done")
    amount = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True,
                                 help_text="decisions: amount_eur; projects: headline money; amounts: value_eur")
    listed = models.BooleanField(default=True, help_text="false for facts of files typed other (READMEs, code)")
    audience = models.SmallIntegerField(default=1, help_text="who may see it (store.audience): 0 everyone, "
                                        "1 everyone when confident enough, 2 staff, 3 nobody")
    meeting = models.ForeignKey("ResolvedMeeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="facts")
    body = models.ForeignKey("Entity", on_delete=models.SET_NULL, null=True, blank=True, related_name="body_facts")
    person = models.ForeignKey("Entity", on_delete=models.SET_NULL, null=True, blank=True, related_name="person_facts",
                               help_text="the owner, maker, client or holder where the fact has one (the first)")

    class Meta:
        ordering = ["file", "start"]
        # each list query reads one of these and nothing else: the kind, the column it groups or sorts
        # on, then what visibility needs (listed, audience, confidence), so counts never touch the rows
        indexes = [
            models.Index(fields=["kind", "date", *VISIBILITY], name="fact_kind_date_v"),
            models.Index(fields=["kind", "year", *VISIBILITY], name="fact_kind_year_v"),
            models.Index(fields=["kind", "body", *VISIBILITY], name="fact_kind_body_v"),
            models.Index(fields=["kind", "status", *VISIBILITY], name="fact_kind_status_v"),
            models.Index(fields=["kind", "person", *VISIBILITY], name="fact_kind_person_v"),
            models.Index(fields=["kind", "due", *VISIBILITY, "status", "date"], name="fact_kind_due_v"),
            models.Index(fields=["file", "kind", *VISIBILITY], name="fact_file_kind_v"),
        ]

    objects = FactManager()

    def fill_defaults(self, query: bool = True) -> None:
        """The stable key and the columns the fact gives itself, when nobody set them."""
        if not self.key and (query or Fact.file.is_cached(self)):
            from .keys import fact_key

            self.key = fact_key(self.file.sha256, self.kind, self.quote)
        if self.date is None and not self.status and self.amount is None:
            from .resolve_columns import own_columns

            part = self.part if self.part_id and (query or Fact.part.is_cached(self)) else None
            for name, value in own_columns(self.kind, self.data, part.date if part else None).items():
                setattr(self, name, value)

    def save(self, *args, **kwargs):
        self.fill_defaults()
        super().save(*args, **kwargs)
        from .audience import refresh

        refresh(fact_ids=[self.pk])
        self.refresh_from_db(fields=["audience", "status", "date", "year", "due", "amount"])


class FactMunicipality(models.Model):
    """A municipality a fact concerns: named by it, or ``via`` the body it belongs to (a member municipality)."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="municipalities")
    code = models.CharField(max_length=60, help_text="the municipality's match key: CBS code (GM0301)")
    municipality = models.ForeignKey("Entity", on_delete=models.CASCADE, related_name="+")
    via = models.ForeignKey("Entity", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                            help_text="the body whose member the municipality is; empty when the fact names it")

    class Meta:
        indexes = [models.Index(fields=["code", "fact"], name="factmuni_code_fact"),
                   models.Index(fields=["fact", "code", "municipality"], name="factmuni_fact_code")]


class IngestFailure(models.Model):
    """A file that could not be ingested, with its one-line reason."""

    path = models.TextField()
    sha256 = models.CharField(max_length=64, null=True, blank=True)
    code = models.CharField(max_length=40)
    reason = models.TextField()
    attempts = models.IntegerField(default=1)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-last_seen"]


class ResolvedMeeting(models.Model):
    """One meeting across files (agenda, proposals and minutes of the same body and date)."""

    key = models.CharField(max_length=300, unique=True, help_text="natural key: body and date")
    body = models.TextField(null=True, blank=True)
    body_key = models.CharField(max_length=300, blank=True, default="", db_index=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    data = models.JSONField(help_text="the merged meeting as resolve gives it, with its sources")

    class Meta:
        ordering = ["-date", "body"]


class MeetingSource(models.Model):
    """A file's meeting record that belongs to a resolved meeting."""

    meeting = models.ForeignKey(ResolvedMeeting, on_delete=models.CASCADE, related_name="sources")
    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="meeting_sources")
    local_id = models.CharField(max_length=40, help_text="the meeting id inside the file's extraction")


class Link(models.Model):
    """A link between facts of different files: adopts_minutes, agenda_of, action_followup, fulfils_commitment."""

    kind = models.CharField(max_length=40, db_index=True)
    source = models.JSONField(help_text="reference {file, kind, id} the link starts from")
    target = models.JSONField(help_text="reference {file, kind, id} or {kind: meeting, id}")
    data = models.JSONField(help_text="the link as resolve gives it, with its evidence")
    source_file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, null=True, related_name="+")
    target_file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, null=True, related_name="+")
    target_date = models.DateField(null=True, blank=True, db_index=True,
                                   help_text="for a link to a meeting by its date: the date, so a later file can fill it")


class Entity(models.Model):
    """A resolved person, organisation (body, group, company) or municipality."""

    PERSON, ORGANISATION, MUNICIPALITY = "person", "organisation", "municipality"
    kind = models.CharField(max_length=20, db_index=True)
    key = models.CharField(max_length=200, help_text="URL key, stable once made")
    name = models.CharField(max_length=300)
    type = models.CharField(max_length=40, blank=True, default="",
                            help_text="organisations: municipal_council, committee, province, region, ministry, ...")
    match_key = models.CharField(max_length=300, db_index=True,
                                 help_text="natural key: surname (people), canonical name (bodies), CBS code")
    aliases = models.JSONField(default=list)
    data = models.JSONField(default=dict, help_text="roles, titles, owner, cbs code, successor")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="entity_unique_key")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.name}"


class EntityRef(models.Model):
    """A fact that names an entity, in a role (owner, attendee, chair, body, concerns, ...), with its evidence."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="refs")
    fact = models.ForeignKey("Fact", on_delete=models.CASCADE, related_name="entity_refs")
    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="entity_refs")
    role = models.CharField(max_length=40, db_index=True)
    surface = models.TextField(blank=True, default="", help_text="the name as the fact writes it")
    evidence = models.JSONField(null=True, blank=True,
                                help_text="for an office resolved to its holder: the passage naming the holder")

    class Meta:
        indexes = [models.Index(fields=["fact", "entity", "role"], name="entityref_fact_role")]


class Membership(models.Model):
    """A municipality that belongs to a body (a regional body's members, a council's municipality)."""

    body = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="members")
    member = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="memberships")
    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, null=True, related_name="+",
                             help_text="the file that says so; empty for the shipped data file")
    evidence = models.JSONField(null=True, blank=True)
