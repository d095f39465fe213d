from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "regiovolger.web"
    label = "web"
    verbose_name = _("Website")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from ..store.models import SourceFile
        from .originals import keep_original

        # every ingest path (CLI, upload, tests) keeps the original bytes for download
        post_save.connect(keep_original, sender=SourceFile, dispatch_uid="web.keep_original")
        from .columns_sync import connect

        connect()  # review decisions, corrections and action status update the fact columns lists read
