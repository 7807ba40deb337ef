"""Every change of these models is in the audit log (django-auditlog, with the user who made it); every read of a
case is logged by `log_read` through auditlog's `accessed` signal, once per person and case in READ_WINDOW."""

from __future__ import annotations

from typing import Any

from auditlog.registry import auditlog
from auditlog.signals import accessed
from django.core.cache import cache

from reprieve.web import models

# A person's reads of one case within this many seconds are one entry: the log says who read the case and from
# when, without a row (and a database write) for each page: every answer of the interview is two pages.
READ_WINDOW = 300


def log_read(case: models.Case, user: Any) -> None:
    # the key names the user and the case by their creation too, so a number reused after a deletion starts afresh
    key = f"reprieve-read:{user.pk}:{user.date_joined.timestamp()}:{case.pk}:{case.created_at.timestamp()}"
    if cache.add(key, True, READ_WINDOW):  # atomic: the first read in the window logs
        accessed.send(sender=models.Case, instance=case)


auditlog.register(models.Case, exclude_fields=["snapshot", "law_version", "updated_at"])
auditlog.register(models.Share, exclude_fields=["code"])
auditlog.register(models.Assignment)
auditlog.register(models.Exhibit)
auditlog.register(models.Document, include_fields=["kind", "fmt", "language", "status"])
auditlog.register(models.Reading, include_fields=["status"])  # what was read is confirmed into the case, logged there
auditlog.register(models.Note)
auditlog.register(models.Membership)
auditlog.register(models.Organisation)
