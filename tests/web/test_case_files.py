"""Documents, uploads, case files in and out, re-assessment when the law data changes, the audit trail and the
page's security headers."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pdfplumber
import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reprieve.intake import load_case


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_warden_letter_pdf_names_the_person_the_facility_and_the_grounds(world: Any) -> None:
    from reprieve.web.models import Document

    client = client_for(world.owner)
    data = dict(world.case.data)
    data["circumstances"] = {"family": [{"relation": "sibling", "situation": "incapacitated",
                                         "only_available_caregiver": True,
                                         "description": "brother with a serious mental illness"}]}
    world.case.data = data
    world.case.save()
    response = client.post(reverse("documents", args=[world.case.pk]), {"kind": "warden-request", "fmt": "pdf"})
    document = Document.objects.filter(case=world.case, kind="warden-request").get()
    assert response["Location"] == reverse("document_status", args=[world.case.pk, document.pk])
    status = client.get(response["Location"]).content.decode()
    assert "Download" in status
    download = client.get(reverse("document_download", args=[world.case.pk, document.pk]))
    assert download["Content-Disposition"].startswith('attachment; filename="warden-request-')
    pdf = b"".join(download.streaming_content)
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        text = " ".join((page.extract_text() or "") for page in opened.pages)
    text = " ".join(text.split())
    assert "Valon Marcel Vailes" in text and "FCI Butner" in text
    # the family ground, in the signer's own words (a description someone else wrote is never quoted in it)
    assert "only available caregiver" in text.lower() and "3582(c)(1)(A)" in text


def test_the_packet_is_a_zip_of_every_document(world: Any) -> None:
    from reprieve.web.models import Document

    client = client_for(world.lawyer)
    client.post(reverse("documents", args=[world.case.pk]), {"kind": "packet", "fmt": "docx"})
    document = Document.objects.get(case=world.case, kind="packet")
    assert document.status == "done" and document.progress == 100
    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.get(
        reverse("document_download", args=[world.case.pk, document.pk])).streaming_content)))
    assert sorted(archive.namelist()) == sorted(f"{k}.docx" for k in ("warden-request", "motion", "ao250",
                                                                       "exhibits", "memo", "summary"))


def test_the_memo_is_for_a_lawyer(world: Any) -> None:
    owner = client_for(world.owner)
    assert owner.post(reverse("documents", args=[world.case.pk]), {"kind": "memo", "fmt": "pdf"}).status_code == 403
    assert client_for(world.lawyer).post(reverse("documents", args=[world.case.pk]),
                                         {"kind": "memo", "fmt": "txt"}).status_code == 302


def test_files_are_private(world: Any, settings: Any) -> None:
    """Nothing under the data folder has a URL: uploads and drafts leave only through permission-checked views."""
    exhibit = world.case.exhibits.first()
    assert settings.STORAGES["default"]["OPTIONS"]["base_url"] is None
    for url in (f"/static/{exhibit.file.name}", f"/media/{exhibit.file.name}", f"/{exhibit.file.name}"):
        assert client_for(world.owner).get(url).status_code == 404


def test_uploads_are_checked_and_listed_as_exhibits(world: Any, settings: Any) -> None:
    client = client_for(world.owner)
    url = reverse("exhibits", args=[world.case.pk])
    renamed = SimpleUploadedFile("judgment.pdf", b"MZ\x90\x00 a program, not a PDF")
    response = client.post(url, {"file": renamed, "kind": "judgment"})
    assert response.status_code == 400 and "cannot be added" in response.content.decode()
    settings.UPLOAD_MAX_BYTES = 1000
    response = client.post(url, {"file": SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)})
    assert response.status_code == 400 and "too big" in response.content.decode()
    settings.UPLOAD_MAX_BYTES = 10_000_000
    photo = SimpleUploadedFile("../../etc/photo of letter.jpg", b"\xff\xd8\xff\xe0 jpeg data")
    assert client.post(url, {"file": photo, "kind": "letter"}).status_code == 302
    exhibit = world.case.exhibits.get(kind="letter")
    assert exhibit.content_type == "image/jpeg" and exhibit.name == "photo_of_letter.jpg"
    page = client.get(reverse("case_detail", args=[world.case.pk])).content.decode()
    assert "photo_of_letter.jpg" in page and "Letter of support" in page
    body = b"".join(client.get(reverse("exhibit_download", args=[world.case.pk, exhibit.pk])).streaming_content)
    assert body == b"\xff\xd8\xff\xe0 jpeg data"


def test_export_reads_back_as_the_same_case_file(world: Any, tmp_path: Any) -> None:
    client = client_for(world.owner)
    for fmt in ("yaml", "json"):
        body = client.get(reverse("export", args=[world.case.pk, fmt])).content
        path = tmp_path / f"case.{fmt}"
        path.write_bytes(body)
        loaded = load_case(path)  # the CLI's own reader
        assert loaded.case.person.name == "Valon Marcel Vailes"
        assert loaded.case.judgments[0].counts[0].months == 250
        again = client.post(reverse("import_cases"), {"file": SimpleUploadedFile(f"case.{fmt}", body)})
        assert again.status_code == 302
    from reprieve.web.models import Case

    imported = Case.objects.filter(owner=world.owner).exclude(pk=world.case.pk)
    assert [c.data for c in imported] == [world.case.data, world.case.data]


def _zip(files: dict[str, str]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return SimpleUploadedFile("cases.zip", buffer.getvalue())


def test_a_zip_of_case_files_imports_all_or_nothing(world: Any) -> None:
    from reprieve.web.models import Case

    client = client_for(world.lawyer)
    good = yaml.safe_dump({"format": 1, "person": {"name": "First Client"}})
    bad = json.dumps({"format": 1, "judgments": [{"counts": [{"months": -3}]}]})
    response = client.post(reverse("import_cases"), {"file": _zip({"a.yaml": good, "b.json": bad})})
    assert response.status_code == 400
    assert "judgments[0].counts[0].months" in response.content.decode()
    assert not Case.objects.filter(owner=world.lawyer).exists()
    response = client.post(reverse("import_cases"), {"file": _zip({"a.yaml": good, "dir/c.yml": good})})
    assert response.status_code == 302
    assert Case.objects.filter(owner=world.lawyer).count() == 2


def test_reassessed_under_new_law_data_the_list_says_what_changed(world: Any, monkeypatch: Any) -> None:
    """A release of the law data re-assesses every saved case in the background; the case list then tells the
    person what changed since they last looked."""
    from reprieve.web import engine
    from reprieve.web.models import Case, CaseView
    from reprieve.web.tasks import reassess_stale

    client = client_for(world.owner)
    client.get(reverse("results", args=[world.case.pk]))
    seen = CaseView.objects.get(case=world.case, user=world.owner)
    # what the person saw under the older law: compassionate release not yet open, a release date a year later
    old = json.loads(json.dumps(seen.snapshot))
    now = old["avenues"]["3582(c)(1)(A)"]["status"]
    old["avenues"]["3582(c)(1)(A)"]["status"] = "eligible" if now != "eligible" else "not_eligible"
    seen.snapshot, seen.law_version = old, "older-law"
    seen.save()
    Case.objects.update(law_version="older-law")
    engine.law_version.cache_clear()
    assert reassess_stale.call() == Case.objects.count()
    assert set(Case.objects.values_list("law_version", flat=True)) == {engine.law_version()}
    page = client.get(reverse("case_list")).content.decode()
    changes = page[page.index("What changed since you last looked"):]
    changes = changes[:changes.index("</div>")]
    assert "Compassionate release (court motion)" in changes


def test_the_audit_log_shows_a_lawyers_read(world: Any) -> None:
    from auditlog.models import LogEntry

    client_for(world.lawyer).get(reverse("results", args=[world.case.pk]))
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=world.lawyer, object_pk=str(world.case.pk))
    assert reads.count() == 1
    page = client_for(world.owner).get(reverse("case_audit", args=[world.case.pk])).content.decode()
    assert "lawyer@example.org" in page
    client_for(world.lawyer).post(reverse("add_note", args=[world.case.pk]), {"text": "call the sister"})
    assert LogEntry.objects.filter(action=LogEntry.Action.CREATE, actor=world.lawyer,
                                   content_type__model="note").exists()


def test_headers_csrf_and_no_inline_script(world: Any) -> None:
    client = client_for(world.owner)
    response = client.get(reverse("results", args=[world.case.pk]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    assert "<script>" not in html and " style=" not in html and "onclick" not in html
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.owner)
    assert strict.post(reverse("case_new")).status_code == 403


@pytest.mark.django_db
def test_login_is_throttled(settings: Any) -> None:
    from tests.web.conftest import make_user

    make_user("target@example.org")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("account_login"), {"login": "target@example.org", "password": "wrong"})
    client.post(reverse("account_login"), {"login": "target@example.org", "password": "pw-for-tests-1"})
    assert "_auth_user_id" not in client.session, "the right password after too many failures must wait"
    other = Client()
    other.post(reverse("account_login"), {"login": "target@example.org", "password": "pw-for-tests-1"},
               REMOTE_ADDR="10.9.8.7")
    assert "_auth_user_id" not in other.session, "the account is locked from any address"
