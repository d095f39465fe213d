from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("web", "0002_reviewdecision"),
    ]

    operations = [
        migrations.AddField(
            model_name="correction",
            name="before",
            field=models.JSONField(blank=True, null=True, verbose_name="vóór"),
        ),
        migrations.AddField(
            model_name="correction",
            name="after",
            field=models.JSONField(blank=True, null=True, verbose_name="na"),
        ),
        migrations.AddField(
            model_name="correction",
            name="was_hidden",
            field=models.BooleanField(default=False, verbose_name="was verborgen"),
        ),
    ]
