import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("web", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewDecision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("fact_key", models.CharField(max_length=80, unique=True, verbose_name="feitsleutel")),
                ("file_sha256", models.CharField(db_index=True, max_length=64, verbose_name="bestand (sha256)")),
                ("kind", models.CharField(max_length=40, verbose_name="soort")),
                ("decision", models.CharField(choices=[("accepted", "geaccepteerd"), ("rejected", "afgewezen")],
                                              max_length=10, verbose_name="beoordeling")),
                ("confidence", models.FloatField(blank=True, null=True,
                                                 help_text="de zekerheid van het feit toen het werd beoordeeld",
                                                 verbose_name="zekerheid")),
                ("decided_at", models.DateTimeField(auto_now=True, verbose_name="tijdstip")),
                ("decided_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                                 to=settings.AUTH_USER_MODEL, verbose_name="door")),
            ],
            options={
                "verbose_name": "beoordeling",
                "verbose_name_plural": "beoordelingen",
                "ordering": ["-decided_at", "-id"],
            },
        ),
    ]
