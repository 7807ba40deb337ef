"""What the web app stores. A case's facts are the case file itself (`Case.data`, the CLI's format), so a case
moves between the web and the command line unchanged; the interview's own state is in `Case.meta`."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

User = settings.AUTH_USER_MODEL


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    LAWYER = "lawyer"
    ADMIN = "admin"
    ROLES = [(LAWYER, _("Lawyer or advocate")), (ADMIN, _("Organisation admin"))]

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=ROLES, default=LAWYER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"


def _empty_case() -> dict[str, Any]:
    return {"format": 1}


def _empty_meta() -> dict[str, Any]:
    return {"unknown": [], "answered": [], "gates": {}}


class Case(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="cases")
    data = models.JSONField(default=_empty_case)
    meta = models.JSONField(default=_empty_meta)
    revision = models.PositiveIntegerField(default=0)  # one more on every saved answer
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # the last assessment, kept so the case list shows verdicts and what changed without re-assessing every case
    law_version = models.CharField(max_length=64, blank=True)
    snapshot = models.JSONField(default=dict)
    as_of = models.DateField(null=True, blank=True)  # a lawyer's what-if date; unset: today

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"case {self.pk}"

    @property
    def person_name(self) -> str:
        person = self.data.get("person") or {}
        return str(person.get("name") or "")


class CaseView(models.Model):
    """What a user last saw of a case: the snapshot the list compares with, to say what changed since."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="views")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    law_version = models.CharField(max_length=64, blank=True)
    snapshot = models.JSONField(default=dict)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_view_per_user")]


def _code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over a prison phone
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


class Share(models.Model):
    """An invitation code. Accepted by a person, it shares the case with them; accepted by a member of an
    organisation, with that organisation (whose admin assigns its lawyers). Revoking ends every access it gave."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    code = models.CharField(max_length=20, unique=True, default=_code)
    created_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    accepted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="shares")
    revoked_at = models.DateTimeField(null=True, blank=True)

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class Assignment(models.Model):
    """A lawyer of an organisation assigned to a case shared with that organisation."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="assignments")
    assigned_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_assignment_per_user")]


def _private_path(instance: Exhibit | Document, filename: str) -> str:
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}"


class Exhibit(models.Model):
    KINDS = [("judgment", _("Judgment")), ("bop", _("BOP sentence computation")), ("medical", _("Medical records")),
             ("letter", _("Letter of support")), ("other", _("Other"))]

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exhibits")
    file = models.FileField(upload_to=_private_path)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=KINDS, default="other")
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at"]


DOCUMENT_NAMES = {
    "warden-request": _("Letter to the warden"), "summary": _("Plain-language summary"),
    "exhibits": _("Evidence checklist"), "motion": _("Motion to the court"),
    "ao250": _("Court form AO 250 (contents)"), "memo": _("Memo for a lawyer"), "packet": _("Everything (a zip file)"),
}


class Document(models.Model):
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [(QUEUED, _("Waiting")), (RUNNING, _("Making")), (DONE, _("Ready")), (FAILED, _("Failed"))]

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20)  # a draft kind of reprieve.documents.draft, or "packet"
    fmt = models.CharField(max_length=5)  # pdf, docx, txt
    language = models.CharField(max_length=5, default="en")
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    file = models.FileField(upload_to=_private_path, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def label(self) -> str:
        return str(DOCUMENT_NAMES.get(self.kind, self.kind))


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=10_000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
