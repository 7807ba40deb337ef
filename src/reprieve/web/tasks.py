"""Background jobs (django-tasks; a database queue and `db_worker`, no broker): making documents, with progress,
and re-assessing saved cases when the law data changes."""

from __future__ import annotations

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from reprieve.documents.draft import KINDS, build
from reprieve.documents.render import render
from reprieve.web import engine
from reprieve.web.models import Case, Document
from reprieve.web.questions import engine_questions

FORMATS = {"pdf": "pdf", "docx": "docx", "txt": "text"}
PACKET = "packet"


def _progress(document: Document, percent: int, **fields: object) -> None:
    Document.objects.filter(pk=document.pk).update(progress=percent, **fields)


@task()
def make_document(document_id: int) -> None:
    document = Document.objects.select_related("case").get(pk=document_id)
    _progress(document, 5, status=Document.RUNNING)
    try:
        case = engine.case_of(document.case.data)
        assessment = engine.assess(case, engine.as_of_for(document.case.data, document.case.as_of))
        fmt = FORMATS[document.fmt]
        if document.kind == PACKET:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for i, kind in enumerate(KINDS, start=1):
                    archive.writestr(f"{kind}.{document.fmt}", render(build(kind, case, assessment), fmt))
                    _progress(document, 5 + 90 * i // len(KINDS))
            content, name = buffer.getvalue(), f"packet-{document.fmt}.zip"
        else:
            _progress(document, 40)
            content, name = render(build(document.kind, case, assessment), fmt), f"{document.kind}.{document.fmt}"
        with transaction.atomic():
            document.file.save(name, ContentFile(content), save=False)
            Document.objects.filter(pk=document.pk).update(
                file=document.file.name, status=Document.DONE, progress=100, finished_at=timezone.now())
    except Exception as exc:  # the person sees that it failed and can try again; the reason is kept for staff
        Document.objects.filter(pk=document.pk).update(status=Document.FAILED, error=type(exc).__name__,
                                                       finished_at=timezone.now())
        raise


def refresh(case: Case) -> None:
    """Re-assess one case and keep its snapshot (the case list shows it, and what changed since the last look)."""
    try:
        assessment = engine.assess_data(case.data, case.as_of)
        snap = {**engine.snapshot(assessment), "questions_left": len(engine_questions(assessment))}
    except engine.CaseFileError:
        snap = {}
    Case.objects.filter(pk=case.pk).update(snapshot=snap, law_version=engine.law_version())
    case.snapshot, case.law_version = snap, engine.law_version()


@task()
def reassess_stale() -> int:
    """Every case assessed under older law data, assessed again (after a release of reprieve's law data)."""
    done = 0
    for case in Case.objects.exclude(law_version=engine.law_version()).iterator():
        refresh(case)
        done += 1
    return done
