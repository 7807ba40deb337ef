"""The pages. Each declares who may use it (`access`); case pages get the case only after the permission check."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import yaml
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reprieve.documents.draft import KINDS
from reprieve.web import engine, interview, papers, results, uploads
from reprieve.web.access import case_view, may, public, signed_in
from reprieve.web.models import (
    DOCUMENT_NAMES,
    Assignment,
    Case,
    CaseView,
    Document,
    Exhibit,
    Membership,
    Note,
    Organisation,
    Reading,
    Share,
)
from reprieve.web.rules import visible_cases
from reprieve.web.tasks import PACKET, make_document, read_papers, refresh

PERSON_KINDS = ["warden-request", "summary", "exhibits", "motion", "ao250"]  # every kind but the lawyer's memo
# The papers that ask to shorten time in prison (28 C.F.R. 571.61; 18 U.S.C. 3582(c)(1)(A)): not offered for a person
# the stated facts have released, whose prison-only avenues are closed. The packet holds them too.
PRISON_ONLY_KINDS = {"warden-request", "motion", "ao250", "exhibits", PACKET}


def _as_of(case: Case) -> date:
    return case.as_of or date.today()


# --- public ---------------------------------------------------------------------------------------------------

@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("case_list")
    return render(request, "web/home.html")


# --- cases ----------------------------------------------------------------------------------------------------

@signed_in
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    cases = list(visible_cases(request.user).select_related("owner").order_by("-updated_at"))
    stale = [c for c in cases if c.law_version != engine.law_version()]
    for case in stale:  # re-assessing takes milliseconds; the background job does the cases nobody opens
        refresh(case)
    seen = {v.case_id: v for v in CaseView.objects.filter(user=request.user, case__in=cases)}
    rows = []
    for case in cases:
        view = seen.get(case.pk)
        rows.append({
            "case": case, "mine": case.owner_id == request.user.pk,
            "verdicts": results.verdict_rows(case.snapshot.get("avenues", {})),
            "changes": results.change_lines(engine.changes(view.snapshot, case.snapshot)) if view else [],
            "new_law": bool(view and view.law_version and view.law_version != case.law_version),
        })
    return render(request, "web/case_list.html", {"rows": rows})


@signed_in
@require_POST
def case_new(request: HttpRequest) -> HttpResponse:
    case = Case.objects.create(owner=request.user)
    return redirect("interview", pk=case.pk)


@case_view("web.view_case")
@require_GET
def case_detail(request: HttpRequest, case: Case) -> HttpResponse:
    user = request.user
    offered, released = _offer(request, case)
    context = {
        "case": case,
        "documents": case.documents.all()[:50],
        "exhibits": case.exhibits.all(),
        "can_change": may(user, "web.change_case", case),
        "can_share": may(user, "web.share_case", case),
        "lawyer": may(user, "web.lawyer_tools", case),
        "can_assign": may(user, "web.assign_case", case),
        "can_audit": may(user, "web.view_case_audit", case),
        "notes": case.notes.all() if may(user, "web.lawyer_tools", case) else [],
        "kinds": offered, "released": released,
        "languages": settings.LANGUAGES, "reader_language": _reader_language(request, case),
        "unchecked": papers.unchecked_reading(case.meta) if may(user, "web.change_case", case) else None,
    }
    return render(request, "web/case_detail.html", context)


@case_view("web.delete_case", reads=False)
@require_POST
def case_delete(request: HttpRequest, case: Case) -> HttpResponse:
    case.delete()
    messages.success(request, _("The case was deleted."))
    return redirect("case_list")


# --- the interview --------------------------------------------------------------------------------------------

def _plan(case: Case) -> list[interview.Question]:
    try:
        assessment = engine.assess_data(case.data, case.as_of)
    except engine.CaseFileError:
        assessment = None
    if assessment is None:
        return interview.paper_questions() + interview.release_plan_questions()
    return interview.plan(case.data, case.meta, assessment)


def _find(case: Case, field: str, plan: list[interview.Question] | None = None) -> interview.Question:
    for q in plan if plan is not None else _plan(case):
        if q.field == field:
            return q
    for asked in case.meta.get("asked", []):
        if asked["field"] == field:
            return interview.Question(asked["field"], asked["question"], asked["answer_type"],
                                      tuple(tuple(c) for c in asked.get("choices", [])),
                                      asked.get("where_to_find", ""), asked.get("would_change", ""))
    raise Http404


def _fixed_questions(case: Case) -> list[interview.Question]:
    return interview.paper_questions() + interview.release_plan_questions()


def _next(case: Case) -> interview.Question | None:
    """The next question: what the papers left unsure or did not show, then the papers' questions (no assessment
    needed to know them), then the full plan."""
    from_papers = papers.questions(case.meta, case.data)
    if from_papers:
        return from_papers[0]
    paper = interview.paper_questions()
    found = interview.next_question(paper, case.data, case.meta)
    return found if found is not None else interview.next_question(_plan(case), case.data, case.meta)


def _continue(case: Case) -> HttpResponse:
    """Where the interview goes on: the values read from the papers still to check, else the next question, else
    the review of every answer."""
    reading = papers.unchecked_reading(case.meta)
    if reading is not None:
        return redirect("reading_check", pk=case.pk, reading=reading)
    q = _next(case)
    if q is None:
        return redirect("review", pk=case.pk)
    return redirect("question", pk=case.pk, field=q.field)


@case_view("web.change_case")
@require_GET
def interview_next(request: HttpRequest, case: Case) -> HttpResponse:
    return _continue(case)


@case_view("web.change_case")
def question(request: HttpRequest, case: Case, field: str) -> HttpResponse:
    questions: list[interview.Question] | None = None
    # a value read from the papers that waits for the person is asked in the papers' words ("We read ...")
    q = papers.question_for(case.meta, field) if papers.is_open(case.meta, field) else None
    from_papers = q is not None
    if q is None:
        q = next((x for x in _fixed_questions(case) if x.field == field), None)
    if q is None:  # the registry's question, worded for the case: no assessment needed to show it
        q = interview.screen_for(field, _case_or_none(case.data))
    if q is None:
        questions = _plan(case)
        q = next((x for x in questions if x.field == field), None)
    if q is None:
        q = papers.question_for(case.meta, field)  # a value confirmed from the papers that no question asks
        from_papers = q is not None
    if q is None:
        q = _find(case, field, [])
    back_to_papers = str(request.GET.get("papers") or request.POST.get("papers") or "")
    back_to_results = bool(request.GET.get("results") or request.POST.get("results"))
    error = ""
    if request.method == "POST":
        try:
            dont_know = "dont_know" in request.POST
            if dont_know:
                value = None
                data, meta = interview.apply_dont_know(q, case.data, case.meta)
            else:
                value = papers.typed(q.field, interview.read_answer(q, request.POST))
                data, meta = interview.apply_answer(q, value, case.data, case.meta)
            meta = papers.answered(data, meta, q.field, value, dont_know)
            data, meta = papers.answer_twins(data, meta, q.field, value, dont_know)
            engine.case_of(data)  # the engine's own checks: a wrong type or an impossible fact, by field
            _save_answer(case, q, data, meta, request.POST.get("revision"), record=not from_papers,
                         also=tuple(papers.twins(q.field)))
        except interview.AnswerError as exc:
            error = str(exc)
        except engine.CaseFileError as exc:
            error = _("This answer does not fit with the others: %(problem)s") % {
                "problem": "; ".join(p.message for p in exc.problems)}
        else:
            reading = papers.unchecked_reading(case.meta)
            if back_to_papers.isdigit() and reading is not None:
                return redirect("reading_check", pk=case.pk, reading=reading)
            if request.POST.get("review"):
                return redirect("review", pk=case.pk)
            if back_to_results:
                return redirect("results", pk=case.pk)
            return _continue(case)
    elif request.method != "GET":
        return HttpResponseBadRequest()
    paper = interview.paper_questions()
    if questions is None and (known := engine.cached(case.data, case.as_of)) is not None:
        questions = interview.plan(case.data, case.meta, known)
    # the registry lists only what is still worth asking: the answers given are counted from the case's record
    given = {a["field"] for a in case.meta.get("asked", [])} | set(case.meta.get("unknown", [])) | {
        x.field for x in paper + (questions or []) if interview.is_answered(x, case.data, case.meta)}
    answered = len(given)
    if questions is not None:
        left = sum(1 for x in questions if not interview.is_answered(x, case.data, case.meta))
    else:  # this process has not assessed these answers (the answer was saved by another): not assessed again for
        # a progress bar; the rest is an estimate from the last assessment kept
        left = sum(1 for x in paper if not interview.is_answered(x, case.data, case.meta))
        left += int(case.snapshot.get("questions_left", 12)) + len(interview.release_plan_questions())
    total = answered + left
    read = papers.prefill(case.meta, q.field)
    current = read if read is not None else interview.get_path(case.data, q.field)
    context = {
        "case": case, "q": q, "error": error, "answer_type": "yes_no" if q.field in interview.GROUP_FIELDS
        else q.answer_type, "current": current, "review": request.GET.get("review")
        or request.POST.get("review"), "answered": answered, "total": total,
        "date_parts": _date_parts(current),
        "months": [(i, date(2000, i, 1)) for i in range(1, 13)],
        "is_first": q.field == paper[0].field and not from_papers, "from_papers": from_papers,
        "read_from": papers.read_from(case.meta, q.field) if from_papers else None,
        "papers": back_to_papers if back_to_papers.isdigit() else "", "results": back_to_results,
        "reading": case.readings.filter(status__in=[Reading.QUEUED, Reading.RUNNING]).first(),
    }
    if q.field == interview.COUNTS:
        context["current"] = case.meta.get("counts")
    if q.field == interview.PRIOR_NOTICE and interview.is_answered(q, case.data, case.meta):
        shown = interview.show(q, case.data, case.meta)
        context["current"] = next((v for v, label in q.choices if label == shown), None)
    if q.field in interview.GROUP_FIELDS:
        context["current"] = {"yes": True, "no": False}.get(case.meta.get("gates", {}).get(q.field, ""))
    if error:  # show what the person typed, with the message, so they can correct it
        context["current"] = request.POST.get("value", "")
        context["date_parts"] = {k: request.POST.get(k, "") for k in ("year", "month", "day")}
    return render(request, "web/question.html", context, status=400 if error else 200)


def _case_or_none(data: dict[str, Any]) -> Any:
    """The case model, to word a question for it ("count 2s"); None while the answers do not make a valid case."""
    try:
        return engine.case_of(data)
    except engine.CaseFileError:
        return None


def _date_parts(value: Any) -> dict[str, str]:
    parts = str(value or "").split("-")
    return {"year": parts[0] if value else "", "month": str(int(parts[1])) if len(parts) > 1 else "",
            "day": str(int(parts[2])) if len(parts) > 2 else ""}


def _save_answer(case: Case, q: interview.Question, data: dict[str, Any], meta: dict[str, Any],
                 revision: str | None, record: bool = True, also: tuple[str, ...] = ()) -> None:
    """One answer, saved whole or not at all. Two people answering at once never overwrite each other's answers:
    the answer is applied to the case as it is in the database, under a row lock. The case's stored verdicts are
    marked out of date (no law version); the next page that needs them re-assesses (the next engine question, the
    answer page, the case list), so an answer about the papers costs no assessment."""
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if current.revision != case.revision:  # someone else saved meanwhile: apply this answer to theirs
            merged_data, merged_meta = current.data, current.meta
            for field in (q.field, *also):  # `also`: the fields the same answer filled (a value read's twins)
                merged_data = _merge_one(merged_data, data, field)
                merged_meta = _merge_meta(merged_meta, meta, field)
            data, meta = merged_data, merged_meta
        if record:  # a question the engine may stop asking: kept, so the review page can still show its answer
            asked = [a for a in meta.get("asked", []) if a["field"] != q.field]
            asked.append({"field": q.field, "question": q.question, "answer_type": q.answer_type,
                          "choices": [list(c) for c in q.choices], "where_to_find": q.where_to_find,
                          "would_change": q.would_change})
            meta["asked"] = asked
        current.data, current.meta, current.law_version = data, meta, ""
        current.revision += 1
        current.updated_at = timezone.now()
        current.save(update_fields=["data", "meta", "law_version", "revision", "updated_at"])
    case.data, case.meta, case.revision, case.law_version = current.data, current.meta, current.revision, ""


def _merge_one(base: dict[str, Any], changed: dict[str, Any], field: str) -> dict[str, Any]:
    out = copy.deepcopy(base)
    value = interview.get_path(changed, field)
    if field == interview.COUNTS:
        judgments = changed.get("judgments") or []
        out["judgments"] = judgments if not out.get("judgments") else out["judgments"]
        if judgments:
            out["judgments"][0]["counts"] = judgments[0].get("counts", [])
    elif field == interview.PRIOR_NOTICE:
        judgment = (changed.get("judgments") or [{}])[0]
        out.setdefault("judgments", [{}])[0]["enhancements"] = judgment.get("enhancements")
        out["priors"] = changed.get("priors", [])
    elif value is None:
        interview.delete_path(out, field)
    else:
        interview.set_path(out, field, value)
    return out


def _merge_meta(base: dict[str, Any], changed: dict[str, Any], field: str) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key in ("unknown", "answered"):
        out[key] = [f for f in out.get(key, []) if f != field] + [f for f in changed.get(key, []) if f == field]
    gates = out.setdefault("gates", {})
    gates.pop(field, None)
    if field in changed.get("gates", {}):
        gates[field] = changed["gates"][field]
    if field == interview.COUNTS:
        out["counts"] = changed.get("counts")
    elif (changed.get("counts") or 0) > (out.get("counts") or 0):  # a count read from the papers, confirmed
        out["counts"] = changed["counts"]
    read = ((changed.get("intake") or {}).get("fields") or {}).get(field)
    mine = ((out.get("intake") or {}).get("fields") or {}).get(field)
    if read is not None and mine is not None:
        mine["state"] = read["state"]
    return out


@case_view("web.change_case")
@require_GET
def review(request: HttpRequest, case: Case) -> HttpResponse:
    questions = _plan(case)
    asked_fields = {a["field"] for a in case.meta.get("asked", [])}
    in_plan = {q.field for q in questions}
    rows = [{"q": q, "answer": interview.show(q, case.data, case.meta)}
            for q in questions if interview.is_answered(q, case.data, case.meta)]
    for field in [a["field"] for a in case.meta.get("asked", [])]:
        if field not in in_plan:  # answered, and no longer asked by the engine: still shown, still changeable
            earlier = _find(case, field, questions)
            rows.append({"q": earlier, "answer": interview.show(earlier, case.data, case.meta)})
    from_papers = papers.confirmed_rows(case.meta, case.data, in_plan | asked_fields)
    read = set((case.meta.get("intake") or {}).get("fields") or {})
    listed = in_plan | asked_fields | {r["path"] for r in from_papers} | read
    for q in interview.stated(case.data, _case_or_none(case.data)):  # in the case file (imported, the demo), unasked
        if q.field not in listed:
            rows.append({"q": q, "answer": interview.show(q, case.data, case.meta)})
    remaining = papers.questions(case.meta, case.data) + [
        q for q in questions if not interview.is_answered(q, case.data, case.meta)]
    return render(request, "web/review.html", {"case": case, "rows": rows, "remaining": remaining,
                                               "asked": asked_fields, "from_papers": from_papers,
                                               "unchecked": papers.unchecked_reading(case.meta)})


# --- the answer -----------------------------------------------------------------------------------------------

@case_view("web.view_case")
@require_GET
def results_page(request: HttpRequest, case: Case) -> HttpResponse:
    try:
        assessment = engine.assess_data(case.data, case.as_of)
    except engine.CaseFileError as exc:
        return render(request, "web/results.html", {"case": case, "problems": exc.problems})
    snap = engine.snapshot(assessment)
    if case.law_version != engine.law_version():  # verdicts out of date since the last answer: keep the new ones
        refresh(case)
    CaseView.objects.update_or_create(case=case, user=request.user, defaults={
        "snapshot": snap, "law_version": engine.law_version(), "seen_at": timezone.now()})
    context = results.context(assessment)
    context.update({"case": case, "lawyer": may(request.user, "web.lawyer_tools", case),
                    "can_change": may(request.user, "web.change_case", case),
                    # released on the stated facts: no letters to make; the question that would reopen them leads
                    "released": engine.released(assessment) is not None})
    return render(request, "web/results.html", context)


@case_view("web.lawyer_tools", reads=False)
@require_POST
def set_as_of(request: HttpRequest, case: Case) -> HttpResponse:
    text = request.POST.get("as_of", "").strip()
    try:
        case.as_of = date.fromisoformat(text) if text else None
    except ValueError:
        messages.error(request, _("Type the date as YYYY-MM-DD."))
        return redirect("results", pk=case.pk)
    case.save(update_fields=["as_of"])
    refresh(case)
    return redirect("results", pk=case.pk)


@case_view("web.lawyer_tools", reads=False)
@require_POST
def add_note(request: HttpRequest, case: Case) -> HttpResponse:
    text = request.POST.get("text", "").strip()
    if text:
        Note.objects.create(case=case, author=request.user, text=text[:10_000])
    return redirect("case_detail", pk=case.pk)


# --- documents ------------------------------------------------------------------------------------------------

LANGUAGES = dict(settings.LANGUAGES)


def _reader_language(request: HttpRequest, case: Case) -> str:
    """The language the plain summary is made in: the case's (`person.language`, the language the person in prison
    reads best) when reprieve speaks it, else the one the app is used in. Filings are in English whatever it is."""
    stated = str((case.data.get("person") or {}).get("language") or "").lower().split("-")[0]
    return stated if stated in LANGUAGES else (request.LANGUAGE_CODE or "en")[:2]


def _kinds_for(request: HttpRequest, case: Case) -> list[tuple[str, str]]:
    """The documents this user may make and fetch for the case (papers made earlier stay downloadable)."""
    names = {kind: str(name) for kind, name in DOCUMENT_NAMES.items()}
    allowed = list(KINDS) if may(request.user, "web.lawyer_tools", case) else PERSON_KINDS
    return [(k, names.get(k, k)) for k in [*allowed, PACKET]]


def _offer(request: HttpRequest, case: Case) -> tuple[list[tuple[str, str]], str | None]:
    """The documents offered to make now, and why the prison-only papers are not among them (the engine's custody
    finding, in the reader's language) or None. The one place that decides it: none of the prison-only papers for a
    person the stated facts have released; all of this user's kinds while the person may still be in prison or the
    answers cannot be assessed yet."""
    kinds = _kinds_for(request, case)
    try:
        finding = engine.released(engine.assess_data(case.data, case.as_of))
    except engine.CaseFileError:
        finding = None
    if finding is None:
        return kinds, None
    return [(k, name) for k, name in kinds if k not in PRISON_ONLY_KINDS], _released_words(finding)


def _released_words(finding: Any) -> str:
    """The custody finding as a family member reads it: its dates written out ("As of January 1, 2040"), where the
    engine's English gives them as the CLI does (2040-01-01)."""
    said = finding.summary
    args = getattr(said, "args", {})
    if getattr(said, "key", "") == "relief.custody.released" and all(
            isinstance(args.get(k), date) for k in ("release", "as_of")):
        return _("As of %(as_of)s, the projected release date (%(release)s) has passed, so we take it that the person "
                 "is out of prison.") % {
            "as_of": date_format(args["as_of"], "DATE_FORMAT"), "release": date_format(args["release"], "DATE_FORMAT")}
    return str(finding.summary_text((get_language() or "en")[:2]))


@case_view("web.change_case")
def documents(request: HttpRequest, case: Case) -> HttpResponse:
    offered, released = _offer(request, case)
    if request.method == "POST":
        kind, fmt = request.POST.get("kind", ""), request.POST.get("fmt", "pdf")
        if kind not in dict(offered) or fmt not in ("pdf", "docx", "txt"):
            raise PermissionDenied
        if fmt == "txt" and kind == PACKET:
            fmt = "pdf"
        language = request.POST.get("language", "")
        document = Document.objects.create(case=case, kind=kind, fmt=fmt, created_by=request.user,
                                           language=language if language in LANGUAGES else _reader_language(
                                               request, case))
        make_document.enqueue(document.pk)  # the queue is a table: the job commits with the document row
        return redirect("document_status", pk=case.pk, doc=document.pk)
    return render(request, "web/documents.html", {"case": case, "documents": case.documents.all(),
                                                  "kinds": offered, "released": released})


@case_view("web.change_case")
@require_GET
def document_status(request: HttpRequest, case: Case, doc: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=doc, case=case)
    template = "web/_document_progress.html" if request.headers.get("HX-Request") else "web/document_status.html"
    return render(request, template, {"case": case, "document": document,
                                      "name": dict(_kinds_for(request, case)).get(document.kind, document.kind)})


@case_view("web.change_case")
@require_GET
def document_download(request: HttpRequest, case: Case, doc: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=doc, case=case, status=Document.DONE)
    if document.kind not in dict(_kinds_for(request, case)):
        raise PermissionDenied
    suffix = "zip" if document.kind == PACKET else document.fmt
    name = f"{document.kind}-{document.created_at:%Y-%m-%d}.{suffix}"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name)


# --- uploads (exhibits) ---------------------------------------------------------------------------------------

@case_view("web.change_case")
def exhibits(request: HttpRequest, case: Case) -> HttpResponse:
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            checked = uploads.check(upload)
        except uploads.UploadError as exc:
            error = str(exc)
        else:
            kind = request.POST.get("kind", "other")
            Exhibit.objects.create(case=case, file=checked.file, name=checked.name, content_type=checked.content_type,
                                   size=checked.size, uploaded_by=request.user,
                                   kind=kind if kind in dict(Exhibit.KINDS) else "other")
            messages.success(request, _("Saved: %(name)s") % {"name": checked.name})
            if request.POST.get("next") == "interview":
                return redirect("interview", pk=case.pk)
            return redirect("exhibits", pk=case.pk)
    context = {"case": case, "exhibits": case.exhibits.all(), "error": error, "kinds": Exhibit.KINDS,
               "next": request.GET.get("next", "") or request.POST.get("next", ""), "accept": uploads.ACCEPT,
               "max_mb": uploads.max_mb()}
    return render(request, "web/exhibits.html", context, status=400 if error else 200)


@case_view("web.change_case")
@require_GET
def exhibit_download(request: HttpRequest, case: Case, ex: int) -> HttpResponse:
    exhibit = get_object_or_404(Exhibit, pk=ex, case=case)
    return FileResponse(exhibit.file.open("rb"), as_attachment=True, filename=exhibit.name,
                        content_type=exhibit.content_type)


@case_view("web.change_case", reads=False)
@require_POST
def exhibit_delete(request: HttpRequest, case: Case, ex: int) -> HttpResponse:
    exhibit = get_object_or_404(Exhibit, pk=ex, case=case)
    exhibit.file.delete(save=False)
    exhibit.delete()
    return redirect("exhibits", pk=case.pk)


# --- reading the papers (the judgment, the BOP's computation sheet or letter) --------------------------------

MAX_PAPERS = 12  # files in one reading: a judgment photographed page by page, and the BOP's sheet


@case_view("web.change_case")
def read_papers_page(request: HttpRequest, case: Case) -> HttpResponse:
    """Upload the judgment (and the BOP's sheet or letter): a PDF, a scan or a photo of each page. They are kept as
    exhibits and read in the background; the next page shows how far the reading is."""
    readable = case.exhibits.filter(content_type__in=papers.READABLE)
    error = ""
    if request.method == "POST":
        chosen = [int(x) for x in request.POST.getlist("exhibit") if x.isdigit()]
        earlier = list(readable.filter(pk__in=chosen))
        try:
            checked = [uploads.check(upload) for upload in request.FILES.getlist("files")]
            for found in checked:
                if found.content_type not in papers.READABLE:
                    raise uploads.UploadError(_("%(name)s cannot be read: use a PDF, or a photo of each page "
                                                "(JPEG or PNG).") % {"name": found.name})
            if not checked and not earlier:
                raise uploads.UploadError(_("Choose a file first."))
            if len(checked) + len(earlier) > MAX_PAPERS:
                raise uploads.UploadError(_("Choose at most %(n)s files at a time.") % {"n": MAX_PAPERS})
        except uploads.UploadError as exc:
            error = str(exc)
        else:
            with transaction.atomic():
                added = [Exhibit.objects.create(case=case, file=found.file, name=found.name,
                                                content_type=found.content_type, size=found.size,
                                                uploaded_by=request.user, kind="other") for found in checked]
                reading = Reading.objects.create(case=case, created_by=request.user)
                reading.exhibits.set(added + earlier)
            read_papers.enqueue(reading.pk)  # OCR of a photo takes seconds: never in the request
            return redirect("reading", pk=case.pk, reading=reading.pk)
    context = {"case": case, "error": error, "earlier": readable, "max_mb": uploads.max_mb(),
               "accept": ".pdf,.jpg,.jpeg,.png", "max_files": MAX_PAPERS}
    return render(request, "web/papers.html", context, status=400 if error else 200)


@case_view("web.change_case")
@require_GET
def reading_status(request: HttpRequest, case: Case, reading: int) -> HttpResponse:
    found = get_object_or_404(Reading, pk=reading, case=case)
    unread = [{"file": d["file"], "page": n} for d in found.result.get("documents", [])
              for n, kind in enumerate(d["kinds"], start=1) if kind == "unknown"]
    context = {"case": case, "reading": found, "values": len(found.result.get("fields", {})),
               "files": found.exhibits.count(), "unread": unread,
               "failed_file": found.result.get("failed_file", "")}
    template = "web/_reading_progress.html" if request.headers.get("HX-Request") else "web/reading.html"
    return render(request, template, context)


@case_view("web.change_case")
def reading_check(request: HttpRequest, case: Case, reading: int) -> HttpResponse:
    """The values read, a section at a time, each with where it was read: the person confirms the section, corrects
    a value (its question, with the value read filled in), or chooses to go through them one by one."""
    found = get_object_or_404(Reading, pk=reading, case=case)
    if found.status != Reading.DONE:
        return redirect("reading", pk=case.pk, reading=found.pk)
    if request.method == "POST":
        key = request.POST.get("section", "")
        section = papers.next_section(case.meta, key)
        paths = [p for p in request.POST.getlist("path") if section is not None and section.key == key
                 and p in section.paths]
        if paths:
            if "each" in request.POST:
                _update(case, lambda data, meta: (data, papers.ask_each(meta, paths)))
            else:
                try:
                    _update(case, lambda data, meta: _confirmed(data, meta, paths))
                except engine.CaseFileError as exc:  # read right, perhaps, but at odds with another answer
                    _update(case, lambda data, meta: (data, papers.ask_each(meta, paths)))
                    messages.error(request, _("Some of these do not fit with your other answers (%(problem)s). "
                                              "We will ask about each one.") % {
                        "problem": "; ".join(p.message for p in exc.problems)})
        return redirect("reading_check", pk=case.pk, reading=found.pk)
    if request.method != "GET":
        return HttpResponseBadRequest()
    section = papers.next_section(case.meta, request.GET.get("s", ""))
    if section is None:
        return _continue(case)
    every = papers.checked_on_screens(case.meta)
    context = {"case": case, "reading": found, "section": section,
               "rows": papers.rows(case.meta, case.data, section),
               "step": next((i for i, s in enumerate(every, start=1) if s.key == section.key), 1),
               "steps": len(every)}
    return render(request, "web/reading_check.html", context)


def _confirmed(data: dict[str, Any], meta: dict[str, Any], paths: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    data, meta = papers.confirm(data, meta, paths)
    engine.case_of(data)
    return data, meta


def _update(case: Case, change: Callable[[dict[str, Any], dict[str, Any]], tuple[dict[str, Any], dict[str, Any]]]
            ) -> None:
    """A change to the case's facts and interview state, made on the case as it is in the database, under a row
    lock, whole or not at all (an exception inside `change` leaves the case as it was)."""
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        current.data, current.meta = change(copy.deepcopy(current.data), copy.deepcopy(current.meta))
        current.law_version = ""
        current.revision += 1
        current.updated_at = timezone.now()
        current.save(update_fields=["data", "meta", "law_version", "revision", "updated_at"])
    case.data, case.meta, case.revision, case.law_version = current.data, current.meta, current.revision, ""


# --- case files in and out ------------------------------------------------------------------------------------

@case_view("web.change_case")
@require_GET
def export(request: HttpRequest, case: Case, fmt: str) -> HttpResponse:
    if fmt not in ("yaml", "json"):
        raise Http404
    name = f"case-{case.pk}.{fmt}"
    if fmt == "json":
        body = json.dumps(case.data, indent=2, ensure_ascii=False)
        content_type = "application/json"
    else:
        body = yaml.safe_dump(case.data, sort_keys=False, allow_unicode=True)
        content_type = "application/yaml"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@signed_in
def import_cases(request: HttpRequest) -> HttpResponse:
    problems: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            files = uploads.case_files(upload)
        except uploads.UploadError as exc:
            problems = [str(exc)]
        else:
            parsed = []
            for name, text in files:
                try:
                    data = uploads.parse_case_text(name, text)
                    engine.case_of(data)
                    parsed.append(data)
                except (engine.CaseFileError, uploads.UploadError) as exc:
                    problems.extend(str(exc).splitlines())
            if not problems:  # all or nothing: a folder with one bad file imports none
                with transaction.atomic():
                    created = [Case.objects.create(owner=request.user, data=data,
                                                   meta={"unknown": [], "answered": [], "gates": {},
                                                         "counts": len((data.get("judgments") or [{}])[0]
                                                                       .get("counts", [])) or None})
                               for data in parsed]
                for case in created:
                    refresh(case)
                messages.success(request, _("Imported %(n)s case(s).") % {"n": len(created)})
                if len(created) == 1:
                    return redirect("results", pk=created[0].pk)
                return redirect("case_list")
    return render(request, "web/import.html", {"problems": problems}, status=400 if problems else 200)


# --- sharing --------------------------------------------------------------------------------------------------

@case_view("web.share_case")
def sharing(request: HttpRequest, case: Case) -> HttpResponse:
    if request.method == "POST":
        share = Share.objects.create(case=case, created_by=request.user)
        messages.success(request, _("New code: %(code)s") % {"code": share.code})
        return redirect("sharing", pk=case.pk)
    return render(request, "web/sharing.html", {"case": case, "shares": case.shares.order_by("-created_at")})


@case_view("web.share_case", reads=False)
@require_POST
def share_revoke(request: HttpRequest, case: Case, share: int) -> HttpResponse:
    found = get_object_or_404(Share, pk=share, case=case)
    with transaction.atomic():
        found.revoked_at = timezone.now()
        found.save(update_fields=["revoked_at"])
        if found.organisation_id:
            still = Share.objects.filter(case=case, organisation=found.organisation, revoked_at__isnull=True)
            if not still.exists():
                for assignment in Assignment.objects.filter(case=case, organisation=found.organisation):
                    assignment.delete()
    messages.success(request, _("Access ended."))
    return redirect("sharing", pk=case.pk)


@signed_in
def share_accept(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        code = request.POST.get("code", "").strip().upper().replace(" ", "")
        with transaction.atomic():
            share = Share.objects.select_for_update().filter(code=code, revoked_at__isnull=True,
                                                             accepted_by__isnull=True).first()
            if share is None or share.case.owner_id == request.user.pk:
                error = _("This code does not work. Check it, or ask for a new one.")
            else:
                share.accepted_by, share.accepted_at = request.user, timezone.now()
                membership = request.user.memberships.order_by("pk").first()
                if membership is not None:  # a lawyer or admin accepts for the organisation
                    share.organisation = membership.organisation
                    if membership.role == Membership.LAWYER:
                        Assignment.objects.get_or_create(case=share.case, user=request.user, defaults={
                            "organisation": membership.organisation, "assigned_by": request.user})
                share.save()
                refresh(share.case)
                return redirect("case_detail", pk=share.case_id)
    return render(request, "web/share_accept.html", {"error": error}, status=400 if error else 200)


@case_view("web.assign_case", reads=False)
@require_POST
def assign(request: HttpRequest, case: Case) -> HttpResponse:
    orgs = [s.organisation for s in case.shares.filter(revoked_at__isnull=True, organisation__memberships__user=
                                                       request.user, organisation__memberships__role="admin")]
    user_id = request.POST.get("user")
    membership = Membership.objects.filter(organisation__in=orgs, user_id=user_id, role=Membership.LAWYER).first()
    if membership is None:
        raise PermissionDenied
    if request.POST.get("remove"):
        Assignment.objects.filter(case=case, user_id=user_id).delete()
    else:
        Assignment.objects.get_or_create(case=case, user_id=user_id, defaults={
            "organisation": membership.organisation, "assigned_by": request.user})
    return redirect("case_detail", pk=case.pk)


@case_view("web.view_case_audit")
@require_GET
def case_audit(request: HttpRequest, case: Case) -> HttpResponse:
    from auditlog.models import LogEntry

    from reprieve.web.auditview import entries_for_case
    return render(request, "web/audit.html", {"case": case, "entries": entries_for_case(case, LogEntry)})


# --- organisations --------------------------------------------------------------------------------------------

def _admin_of(user: Any) -> list[Organisation]:
    return [m.organisation for m in Membership.objects.filter(user=user, role=Membership.ADMIN)
            .select_related("organisation")]


@signed_in
def organisation(request: HttpRequest) -> HttpResponse:
    orgs = _admin_of(request.user)
    if not orgs:
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        org = get_object_or_404(Organisation, pk=request.POST.get("org"), memberships__user=request.user,
                                memberships__role=Membership.ADMIN)
        user = get_user_model().objects.filter(email__iexact=request.POST.get("email", "").strip()).first()
        role = request.POST.get("role", Membership.LAWYER)
        if user is None or role not in dict(Membership.ROLES):
            error = _("No account has this e-mail address. Ask the person to sign up first.")
        else:
            Membership.objects.update_or_create(organisation=org, user=user, defaults={"role": role})
            return redirect("organisation")
    from auditlog.models import LogEntry

    from reprieve.web.auditview import entries_for_organisations
    org_cases = Case.objects.filter(shares__organisation__in=orgs, shares__revoked_at__isnull=True).distinct()
    return render(request, "web/organisation.html", {
        "orgs": orgs, "error": error,
        "members": Membership.objects.filter(organisation__in=orgs).select_related("user", "organisation")
        .order_by("organisation__name", "user__email"),
        "cases": [{"case": c, "assigned": [a.user for a in c.assignments.select_related("user")]} for c in org_cases],
        "lawyers": Membership.objects.filter(organisation__in=orgs, role=Membership.LAWYER).select_related("user"),
        "entries": entries_for_organisations([o.pk for o in orgs], list(org_cases.values_list("pk", flat=True)),
                                             LogEntry),
    }, status=400 if error else 200)


@signed_in
def member_remove(request: HttpRequest, membership: int) -> HttpResponse:
    """An organisation admin removes a member; the cases assigned to them go to another lawyer of the organisation
    (or wait for the admin to assign them). The removal is in the audit log with where the cases went."""
    found = get_object_or_404(Membership.objects.select_related("user", "organisation"), pk=membership,
                              organisation__in=_admin_of(request.user))
    org = found.organisation
    assigned = list(Assignment.objects.filter(user=found.user, organisation=org).select_related("case"))
    others = Membership.objects.filter(organisation=org, role=Membership.LAWYER).exclude(pk=found.pk) \
        .select_related("user").order_by("user__email")
    error = ""
    if found.user_id == request.user.pk:
        error = _("You cannot remove yourself. Another admin of the organisation can.")
    elif request.method == "POST":
        chosen = request.POST.get("to", "")
        to = others.filter(user_id=int(chosen)).first() if chosen.isdigit() else None
        if chosen and to is None:
            raise PermissionDenied
        with transaction.atomic():
            for assignment in assigned:
                if to is not None:
                    Assignment.objects.get_or_create(case=assignment.case, user=to.user, defaults={
                        "organisation": org, "assigned_by": request.user})
                assignment.delete()
            found.removal = {"cases": [a.case_id for a in assigned],
                             "reassigned_to": to.user.email if to is not None else None}
            found.delete()
        if to is not None and assigned:
            messages.success(request, _("%(email)s was removed. Their cases are now assigned to %(to)s.") % {
                "email": found.user.email, "to": to.user.email})
        else:
            messages.success(request, _("%(email)s was removed.") % {"email": found.user.email})
        return redirect("organisation")
    elif request.method != "GET":
        return HttpResponseBadRequest()
    return render(request, "web/member_remove.html", {"member": found, "assigned": assigned, "others": others,
                                                      "error": error}, status=400 if error else 200)
