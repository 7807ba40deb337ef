"""Every change of these models is in the audit log (django-auditlog, with the user who made it); every read of a
case is logged by `log_read` through auditlog's `accessed` signal."""

from __future__ import annotations

from auditlog.registry import auditlog
from auditlog.signals import accessed

from reprieve.web import models


def log_read(case: models.Case) -> None:
    accessed.send(sender=models.Case, instance=case)


auditlog.register(models.Case, exclude_fields=["snapshot", "law_version", "updated_at"])
auditlog.register(models.Share, exclude_fields=["code"])
auditlog.register(models.Assignment)
auditlog.register(models.Exhibit)
auditlog.register(models.Document, include_fields=["kind", "fmt", "language", "status"])
auditlog.register(models.Note)
auditlog.register(models.Membership)
auditlog.register(models.Organisation)
