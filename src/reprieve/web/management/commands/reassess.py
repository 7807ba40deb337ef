"""Re-assess every saved case whose assessment is older than the law data shipped with this reprieve."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from reprieve.web import engine
from reprieve.web.models import Case
from reprieve.web.tasks import reassess_stale


class Command(BaseCommand):
    help = "Queue (or with --now, run) the re-assessment of cases assessed under older law data."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--now", action="store_true", help="run here instead of in the background worker")

    def handle(self, *args: Any, now: bool = False, **options: Any) -> None:
        stale = Case.objects.exclude(law_version=engine.law_version()).count()
        if not stale:
            return
        if now:
            reassess_stale.call()
        else:
            reassess_stale.enqueue()
        self.stdout.write(f"{stale} case(s) to re-assess under law data {engine.law_version()}")
