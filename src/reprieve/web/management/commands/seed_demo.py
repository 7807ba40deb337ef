"""A demo account with the example case, and a demo organisation whose lawyer the case is shared with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from reprieve.web.models import Assignment, Case, Membership, Organisation, Share
from reprieve.web.tasks import refresh
from reprieve.web.uploads import _dates_as_text

DEMO = ("demo@example.org", "reprieve-demo")
LAWYER = ("lawyer@example.org", "reprieve-demo")
ADMIN = ("admin@example.org", "reprieve-demo")


class Command(BaseCommand):
    help = "Create the demo accounts and load the example case (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--example", default="", help="a case file to load into the demo account")

    def handle(self, *args: Any, example: str = "", **options: Any) -> None:
        users = get_user_model()
        with transaction.atomic():
            made = {}
            for email, password in (DEMO, LAWYER, ADMIN):
                user, created = users.objects.get_or_create(username=email, defaults={"email": email})
                if created:
                    user.set_password(password)
                    user.save()
                from allauth.account.models import EmailAddress
                EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True,
                                                                                      "primary": True})
                made[email] = user
            org, _ = Organisation.objects.get_or_create(name="Demo Legal Aid")
            Membership.objects.get_or_create(user=made[LAWYER[0]], organisation=org, defaults={"role": "lawyer"})
            Membership.objects.get_or_create(user=made[ADMIN[0]], organisation=org, defaults={"role": "admin"})
            demo = made[DEMO[0]]
            if example and not Case.objects.filter(owner=demo).exists():
                data = _dates_as_text(yaml.safe_load(Path(example).read_text(encoding="utf-8")))
                counts = len((data.get("judgments") or [{}])[0].get("counts", []))
                case = Case.objects.create(owner=demo, data=data, meta={
                    "unknown": [], "answered": [], "gates": {}, "counts": counts or None})
                share = Share.objects.create(case=case, created_by=demo, accepted_by=made[LAWYER[0]],
                                             organisation=org)
                share.accepted_at = share.created_at
                share.save()
                Assignment.objects.create(case=case, user=made[LAWYER[0]], organisation=org,
                                          assigned_by=made[ADMIN[0]])
                refresh(case)
        self.stdout.write(f"Log in as {DEMO[0]} / {DEMO[1]} (a family member), {LAWYER[0]} / {LAWYER[1]} "
                          f"(a lawyer) or {ADMIN[0]} / {ADMIN[1]} (an organisation admin).")
