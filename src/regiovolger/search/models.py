"""Search tables. Only the PostgreSQL backend fills them; the embedded backend keeps a tantivy index.

On PostgreSQL the migration adds the columns Django does not model: ``tsv``
(the 'dutch' tsvector of the text, weight A, and of its compound constituents,
weight D) with a GIN index, and ``title_tsv`` (part title and heading) for
ranking.
"""

from __future__ import annotations

from django.db import models

from regiovolger.store.models import Fact, Part, SourceFile


class Entry(models.Model):
    """One searchable passage or fact."""

    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="+")
    part = models.ForeignKey(Part, on_delete=models.CASCADE, null=True, related_name="+")
    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, null=True, related_name="+")
    kind = models.CharField(max_length=10)
    category = models.CharField(max_length=40)
    file_path = models.TextField()
    part_key = models.CharField(max_length=20, null=True)
    type = models.CharField(max_length=40)
    part_title = models.TextField(null=True)
    heading = models.TextField(default="")
    page = models.IntegerField(null=True)
    start = models.IntegerField()
    end = models.IntegerField()
    text = models.TextField()
    date = models.DateField(null=True)
    year = models.IntegerField(null=True)
    organisation = models.TextField(null=True)
    confidential = models.BooleanField(default=False)
    municipalities = models.JSONField(default=list)
    persons = models.JSONField(default=list)

    class Meta:
        db_table = "search_entry"
        indexes = [models.Index(fields=["date"], name="search_entry_date")]


class IndexTerm(models.Model):
    """Index terms (stems) with their document frequency: the vocabulary of the fuzzy fallback."""

    term = models.CharField(max_length=100, primary_key=True)
    df = models.IntegerField()

    class Meta:
        db_table = "search_term"
