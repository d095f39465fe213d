"""Size and type limits on an upload, checked while it arrives and before anything is saved.

:class:`CheckedUploadHandler` is the only upload handler of the upload view. It
holds back the first bytes of a file until it can tell the type from them (the
extension must be one the readers take, and the content must be what the
extension says: an ``.exe`` renamed ``.pdf`` is refused), and counts the bytes
as they come (more than ``REGIOVOLGER_MAX_UPLOAD_MB`` is refused at once, and a
request that says in advance it is larger is refused before its first byte).
A refused file never reaches disk: the rest of it is read and dropped, and the
view shows :attr:`CheckedUploadHandler.refusal`, one Dutch line.

Nothing here parses a document: that is the worker's job (:mod:`regiovolger.worker`).
"""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import TemporaryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.translation import gettext as _

from ..limits import current
from ..read import IMAGE_MAGIC, KNOWN_UNSUPPORTED

HEAD = 4096  # bytes held back to tell the type

# extension → what the content must be
KINDS = {".pdf": "pdf", ".docx": "docx", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff",
         ".tiff": "tiff", ".html": "text", ".htm": "text", ".xhtml": "text", ".txt": "text", ".text": "text",
         ".csv": "text", ".tsv": "text", ".md": "text", ".markdown": "text"}
ALLOWED = "PDF, DOCX, HTML, TXT, CSV, Markdown, PNG, JPEG, TIFF"
ACCEPT = ",".join(sorted(KINDS))  # for the file input's accept attribute

# what a head may be instead, named in the refusal
_NAMED = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP/DOCX", **{m: k.upper() for m, k in IMAGE_MAGIC.items()},
          **KNOWN_UNSUPPORTED}


def limit_bytes() -> int:
    return int(current().upload_mb * 1048576)


def too_large(size: int | None = None) -> str:
    limit = current().upload_mb
    if size is None:
        return _("bestand te groot: meer dan %(limit)s MB, de grens voor uploads") % {"limit": f"{limit:g}"}
    return _("bestand te groot: %(size)s MB, de grens voor uploads is %(limit)s MB") % {
        "size": f"{size / 1048576:.1f}".replace(".", ","), "limit": f"{limit:g}"}


def _named(head: bytes) -> str | None:
    for magic, name in _NAMED.items():
        if head.startswith(magic):
            return name
    return None


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    even, odd = head[0::2], head[1::2]
    if head and (even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd)):
        return False  # UTF-16 without a byte order mark: a NUL in every other byte
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return control > len(head) * 0.05


def type_refusal(name: str, head: bytes) -> str | None:
    """Why a file called ``name`` that starts with ``head`` may not be uploaded, or None."""
    suffix = Path(name).suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        return _("type niet toegestaan: %(suffix)s (toegestaan: %(allowed)s)") % {
            "suffix": suffix or _("geen extensie"), "allowed": ALLOWED}
    if not head:
        return _("leeg bestand (0 bytes)")
    found = _named(head)
    if kind == "pdf":
        ok = b"%PDF" in head[:1024]
    elif kind == "docx":
        ok = head.startswith(b"PK\x03\x04")
    elif kind == "text":
        ok = found is None and not _looks_binary(head)
    else:
        ok = any(head.startswith(m) for m, k in IMAGE_MAGIC.items() if k == kind)
    if ok:
        return None
    return _("type niet toegestaan: de naam eindigt op %(suffix)s, maar de inhoud is %(what)s") % {
        "suffix": suffix, "what": found or _("geen %(kind)s") % {"kind": kind.upper()}}


class CheckedUploadHandler(FileUploadHandler):
    """Store an upload in a temporary file only once its type is known to be allowed, and never past the limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.refusal: str | None = None
        self.declared: int | None = None
        # not called ``file``: Django's parser closes ``handler.file`` of every handler when one skips a file
        self._tmp: TemporaryUploadedFile | None = None

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.declared = content_length  # the whole request: the file and a few small fields
        return None

    def new_file(self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None):
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.head = b""
        self.size = 0
        self._tmp = None
        if self.declared is not None and self.declared > limit_bytes() + 65536:
            self._refuse(too_large(self.declared))
        if Path(file_name or "").suffix.lower() not in KINDS:
            self._refuse(type_refusal(file_name or "", b""))

    def _refuse(self, reason: str):
        self.refusal = reason
        if self._tmp is not None:
            self._tmp.close()  # the temporary file is removed
            self._tmp = None
        raise SkipFile  # the rest of this file is read and dropped

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        if self.size > limit_bytes():
            self._refuse(too_large(self.declared if self.declared and self.declared > self.size else None))
        if self._tmp is None:
            self.head += raw_data
            if len(self.head) < HEAD:
                return None
            self._open()
        else:
            self._tmp.write(raw_data)
        return None

    def _open(self) -> None:
        refused = type_refusal(self.file_name or "", self.head[:HEAD])
        if refused:
            self._refuse(refused)
        self._tmp = TemporaryUploadedFile(self.file_name, self.content_type, 0, self.charset,
                                          self.content_type_extra)
        self._tmp.write(self.head)
        self.head = b""

    def file_complete(self, file_size):
        if self.refusal:
            return None
        if self._tmp is None:
            try:
                self._open()  # a file smaller than HEAD
            except SkipFile:
                return None
        self._tmp.seek(0)
        self._tmp.size = file_size
        done, self._tmp = self._tmp, None
        return done

    def upload_interrupted(self):
        if self._tmp is not None:
            self._tmp.close()
