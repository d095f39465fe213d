"""Files uploaded through the site: saved in the data directory, ingested in a background thread.

A thread in the web process (not a subprocess): it uses the same store
configuration and database, and the status page reads its progress from the
Upload row it updates.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Upload

log = logging.getLogger(__name__)
_lock = threading.Lock()  # one ingest at a time: the machine is small and SQLite has one writer


def uploads_dir() -> Path:
    return Path(settings.DATA_DIR) / "uploads"


def start_upload(uploaded, user) -> Upload:
    safe = re.sub(r"[^\w.\-]+", "_", Path(uploaded.name).name)[-120:] or "bestand"
    folder = uploads_dir() / timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe
    with target.open("wb") as fh:
        for chunk in uploaded.chunks():
            fh.write(chunk)
    up = Upload.objects.create(name=safe, path=str(target), created_by=user)
    threading.Thread(target=run_upload, args=(up.id,), daemon=True, name=f"upload-{up.id}").start()
    return up


def run_upload(upload_id: int) -> None:
    from ..ingest import FAILED, ingest
    from ..pipeline import sha256_file

    close_old_connections()
    try:
        with _lock:
            up = Upload.objects.get(pk=upload_id)
            up.status = Upload.RUNNING
            up.message = _("Bezig met inlezen…")
            up.sha256 = sha256_file(up.path)
            up.save()
            report = ingest([up.path], workers=1)
            failed = report.failed
            up.status = Upload.FAILED if failed or not report.outcomes else Upload.DONE
            up.message = failed[0].reason if failed else _("Ingelezen.")
            up.finished_at = timezone.now()
            up.save()
    except Exception as exc:  # shown on the status page rather than lost in a log
        log.exception("upload %s failed", upload_id)
        Upload.objects.filter(pk=upload_id).update(status=Upload.FAILED, message=str(exc)[:500],
                                                   finished_at=timezone.now())
    finally:
        connection.close()
