import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("web", "0003_correction_audit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ConfidentialityOverride",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file_sha256", models.CharField(db_index=True, max_length=64, verbose_name="bestand (sha256)")),
                ("part_key", models.CharField(max_length=20, verbose_name="deel")),
                ("before", models.BooleanField(verbose_name="was vertrouwelijk")),
                ("after", models.BooleanField(verbose_name="vertrouwelijk")),
                ("note", models.TextField(blank=True, default="", verbose_name="toelichting")),
                ("decided_at", models.DateTimeField(auto_now_add=True, verbose_name="tijdstip")),
                ("decided_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                                 to=settings.AUTH_USER_MODEL, verbose_name="door")),
            ],
            options={
                "verbose_name": "vertrouwelijkheidsbesluit",
                "verbose_name_plural": "vertrouwelijkheidsbesluiten",
                "ordering": ["-decided_at", "-id"],
            },
        ),
    ]
