"""The upload page: check, save, queue. The web server never reads a document.

An upload is checked while it arrives (size and type, :mod:`.upload_checks`)
and refused with a one-line reason before anything is saved. An allowed one is
saved in the data directory (``uploads/<time>/<name>``) and queued as an
:class:`~.models.Upload` row; ``regiovolger worker`` (a process of its own,
started beside or by ``regiovolger serve``) reads it under the limits of every
input and records its state, which these pages show.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from .forms import UploadForm
from .models import Upload
from .upload_checks import ACCEPT, CheckedUploadHandler, limit_bytes


def uploads_dir() -> Path:
    return Path(settings.DATA_DIR) / "uploads"


def safe_name(name: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", Path(name).name)[-120:].lstrip(".") or "bestand"


def queue_upload(uploaded, user) -> Upload:
    """Save a checked upload in its own folder and queue it for the worker."""
    safe = safe_name(uploaded.name)
    folder = uploads_dir() / timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe
    temporary = getattr(uploaded, "temporary_file_path", None)
    if temporary:
        shutil.move(temporary(), target)  # a rename when the temporary folder is on the same disk
    else:
        with target.open("wb") as fh:
            for chunk in uploaded.chunks():
                fh.write(chunk)
    # the row last: the worker never sees an upload whose file is not complete
    return Upload.objects.create(name=safe, path=str(target), created_by=user)


def _worker_running() -> bool:
    from ..worker import is_running

    return is_running()


@csrf_exempt  # the upload handler must be in place before the CSRF check reads the form
@staff_member_required
def upload(request):
    if request.method == "POST":
        handler = CheckedUploadHandler(request)
        request.upload_handlers = [handler]
        return _upload_post(request, handler)
    return _page(request, UploadForm())


@csrf_protect
def _upload_post(request, handler: CheckedUploadHandler):
    form = UploadForm(request.POST, request.FILES)
    if handler.refusal:
        form = UploadForm(request.POST)
        form.is_valid()
        form.errors.clear()
        form.add_error("file", handler.refusal)
        return _page(request, form, status=400)
    if form.is_valid():
        up = queue_upload(form.cleaned_data["file"], request.user)
        return HttpResponseRedirect(reverse("web:upload_status", args=[up.id]))
    return _page(request, form, status=400)


def _page(request, form, status: int = 200):
    recent = Upload.objects.select_related("created_by")[:20]
    return render(request, "web/upload.html", {
        "form": form, "recent": recent, "title": _("Bestand toevoegen"), "accept": ACCEPT,
        "limit_mb": f"{limit_bytes() / 1048576:g}", "worker_running": _worker_running(),
        "waiting": sum(1 for u in recent if u.status in (Upload.QUEUED, Upload.RUNNING))}, status=status)


@staff_member_required
def upload_status(request, pk):
    from ..store.models import SourceFile
    from . import facts as F

    up = get_object_or_404(Upload, pk=pk)
    doc = SourceFile.objects.filter(sha256=up.sha256).only("sha256").first() if up.sha256 else None
    pending = up.status in (Upload.QUEUED, Upload.RUNNING)
    ahead = Upload.objects.filter(status=Upload.QUEUED, id__lt=up.id).count() if up.status == Upload.QUEUED else 0
    return render(request, "web/upload_status.html", {
        "up": up, "refresh": pending, "title": _("Voortgang"), "ahead": ahead,
        "worker_running": _worker_running() if pending else True,
        "doc_url": reverse("web:document", args=[F.doc_slug(doc.sha256)]) if doc else None})
