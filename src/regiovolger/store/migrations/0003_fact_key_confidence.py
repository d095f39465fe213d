"""Every Fact row carries its stable key and its confidence (``evidence.confidence``).

Rows stored before this migration get both from what is stored already: the key
from the file hash, kind and quote; the confidence from the file's extraction JSON.
"""

from django.db import migrations, models


def backfill(apps, schema_editor):
    from regiovolger.store.keys import fact_key

    SourceFile = apps.get_model("store", "SourceFile")
    Fact = apps.get_model("store", "Fact")
    for f in SourceFile.objects.only("id", "sha256", "extraction").iterator(chunk_size=50):
        scored = {}
        for kind, value in (f.extraction or {}).items():
            if not isinstance(value, list) or kind in ("documents", "errors"):
                continue
            for item in value:
                ev = item.get("evidence") if isinstance(item, dict) else None
                if isinstance(ev, dict) and isinstance(ev.get("confidence"), (int, float)):
                    scored[(kind, ev.get("start"), ev.get("end"), ev.get("quote"))] = float(ev["confidence"])
        rows = list(Fact.objects.filter(file_id=f.id).only("id", "kind", "start", "end", "quote"))
        for r in rows:
            r.key = fact_key(f.sha256, r.kind, r.quote)
            r.confidence = scored.get((r.kind, r.start, r.end, r.quote))
        Fact.objects.bulk_update(rows, ["key", "confidence"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("store", "0002_resolved_entities"),
    ]

    operations = [
        migrations.AddField(
            model_name="fact",
            name="key",
            field=models.CharField(blank=True, db_index=True, default="", max_length=40,
                                   help_text="stable fact key (store.keys.fact_key): file hash, kind, normalised quote"),
        ),
        migrations.AddField(
            model_name="fact",
            name="confidence",
            field=models.FloatField(blank=True, null=True,
                                    help_text="evidence.confidence (0-1); empty for facts stored before it was scored"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
