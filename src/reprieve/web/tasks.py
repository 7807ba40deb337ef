"""Background jobs (django-tasks; a database queue and `db_worker`, no broker): making documents and reading
papers, with progress, and re-assessing saved cases when the law data changes."""

from __future__ import annotations

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from reprieve.documents.draft import KINDS, build
from reprieve.documents.render import render
from reprieve.intake.documents import IntakeError, read_documents
from reprieve.web import engine, papers
from reprieve.web.models import Case, Document, Exhibit, Reading
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
                    archive.writestr(f"{kind}.{document.fmt}",
                                     render(build(kind, case, assessment, language=document.language), fmt))
                    _progress(document, 5 + 90 * i // len(KINDS))
            content, name = buffer.getvalue(), f"packet-{document.fmt}.zip"
        else:
            _progress(document, 40)
            built = build(document.kind, case, assessment, language=document.language)  # filings: English always
            content, name = render(built, fmt), f"{document.kind}.{document.fmt}"
        with transaction.atomic():
            document.file.save(name, ContentFile(content), save=False)
            Document.objects.filter(pk=document.pk).update(
                file=document.file.name, status=Document.DONE, progress=100, finished_at=timezone.now())
    except Exception as exc:  # the person sees that it failed and can try again; the reason is kept for staff
        Document.objects.filter(pk=document.pk).update(status=Document.FAILED, error=type(exc).__name__,
                                                       finished_at=timezone.now())
        raise


# The kind of paper each page was read as -> the exhibit's kind (an upload's kind is known once it is read).
_EXHIBIT_KIND = {"judgment": "judgment", "bop_sheet": "bop"}


@task()
def read_papers(reading_id: int) -> None:
    """Read the uploaded papers (OCR of a photo takes seconds a page, so never in a request), then put what was
    read in the case's interview state, waiting for the person to confirm it."""
    reading = Reading.objects.get(pk=reading_id)
    Reading.objects.filter(pk=reading.pk).update(status=Reading.RUNNING, progress=5)
    exhibits = list(reading.exhibits.order_by("pk"))

    def progress(done: float, total: int) -> None:
        Reading.objects.filter(pk=reading.pk).update(progress=5 + int(90 * done / max(total, 1)))

    try:
        files = []
        for exhibit in exhibits:
            with exhibit.file.open("rb") as handle:
                files.append((exhibit.name, handle.read()))
        result = read_documents(files, progress=progress)
    except IntakeError as exc:  # a file that is not a readable PDF or picture: the person is told which
        Reading.objects.filter(pk=reading.pk).update(status=Reading.FAILED, error=exc.message,
                                                     result={"failed_file": exc.file}, finished_at=timezone.now())
        return
    except Exception as exc:  # the person sees that it failed and can try again; the reason is kept for staff
        Reading.objects.filter(pk=reading.pk).update(status=Reading.FAILED, error=type(exc).__name__,
                                                     finished_at=timezone.now())
        raise
    kept = papers.result_json(result)
    with transaction.atomic():
        for exhibit, read in zip(exhibits, result.documents, strict=True):
            kinds = {_EXHIBIT_KIND[k] for k in read.kinds if k in _EXHIBIT_KIND}
            if len(kinds) == 1 and exhibit.kind == "other":
                Exhibit.objects.filter(pk=exhibit.pk).update(kind=kinds.pop())
        case = Case.objects.select_for_update().get(pk=reading.case_id)
        case.meta = papers.install(case.meta, reading.pk, kept)
        case.revision += 1
        case.updated_at = timezone.now()
        case.save(update_fields=["meta", "revision", "updated_at"])
        Reading.objects.filter(pk=reading.pk).update(status=Reading.DONE, progress=100, result=kept,
                                                     finished_at=timezone.now())


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
