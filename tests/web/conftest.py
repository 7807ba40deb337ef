"""People and cases for the web tests: one of each role, a case of the owner's shared with the organisation and
assigned to its lawyer, and another person's case nobody shared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile

VAILES_LIKE = {
    # the public record of United States v. Vailes, No. 3:07-CR-00162 (W.D.N.C.), as in examples/vailes.yaml,
    # with the facility and a release plan a family member would give
    "format": 1,
    "person": {"name": "Valon Marcel Vailes", "facility": "FCI Butner"},
    "court": {"district": "W.D.N.C.", "docket": "3:07-cr-00162"},
    "judgments": [{"imposed_on": "2009", "counts": [
        {"statute": "21 U.S.C. § 846", "penalty": "21 U.S.C. § 841(b)(1)(A)", "drug": "marijuana",
         "quantity": "1000 kg", "months": 250},
        {"statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(D)", "drug": "marijuana",
         "quantity": "100 lb", "months": 120}],
        "enhancements": [{"kind": "851", "priors": [0]}]}],
    "priors": [{"kind": "drug_felony"}],
    # in prison on a day after the last release the stated facts allow (2025-05-01): the avenues stay open to assess
    "custody": {"arrested_on": "2007-07", "continuous_since_arrest": True, "in_custody_on": "2026-11-30"},
}


@dataclass
class World:
    owner: Any
    other: Any
    helper: Any
    lawyer: Any
    lawyer_unassigned: Any
    org_admin: Any
    other_admin: Any
    site_admin: Any
    case: Any
    other_case: Any
    org: Any


def papers_read() -> dict[str, Any]:
    """What reading the case's judgment and the BOP's letter gave (reprieve.intake's own result type, kept as the
    web app keeps it): the case number as printed, sure; the BOP's release date, unsure."""
    from reprieve.intake.documents import DocumentRead, IntakeResult
    from reprieve.intake.fields import Read, Source
    from reprieve.web.papers import result_json

    result = IntakeResult({}, {
        "court.docket": Read("court.docket", "3:07-CR-00162", Source("judgment.pdf", 1, "Case Number: 3:07-CR-00162"),
                             0.98, "Case Number"),
        "custody.bop.projected_release_date": Read(
            "custody.bop.projected_release_date", "2023-08-08", Source("bop-letter.jpg", 1, "release date 08-08-2023"),
            0.6, "Projected Release Date"),
    }, [], [DocumentRead("judgment.pdf", 2, "text", ["judgment", "unknown"])])
    return result_json(result)


def make_user(email: str, **extra: Any) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username=email, email=email, password="pw-for-tests-1", **extra)


@pytest.fixture
def world(db: Any, tmp_path: Any, settings: Any) -> World:
    from reprieve.web import papers
    from reprieve.web.models import Assignment, Case, Document, Exhibit, Membership, Organisation, Reading, Share
    from reprieve.web.tasks import refresh

    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}}}
    owner, other, helper = make_user("owner@example.org"), make_user("other@example.org"), make_user(
        "helper@example.org")
    lawyer, lawyer2 = make_user("lawyer@example.org"), make_user("lawyer2@example.org")
    org_admin, other_admin = make_user("orgadmin@example.org"), make_user("otheradmin@example.org")
    site_admin = make_user("site@example.org", is_staff=True, is_superuser=True)
    org, other_org = Organisation.objects.create(name="Legal Aid"), Organisation.objects.create(name="Elsewhere")
    Membership.objects.create(user=lawyer, organisation=org, role="lawyer")
    Membership.objects.create(user=lawyer2, organisation=org, role="lawyer")
    Membership.objects.create(user=org_admin, organisation=org, role="admin")
    Membership.objects.create(user=other_admin, organisation=other_org, role="admin")
    case = Case.objects.create(owner=owner, data=dict(VAILES_LIKE), meta={"unknown": [], "answered": [],
                                                                          "gates": {}, "counts": 2})
    other_case = Case.objects.create(owner=other, data={"format": 1, "person": {"name": "Someone Else"}})
    Share.objects.create(case=case, created_by=owner, accepted_by=lawyer, organisation=org)
    Share.objects.create(case=case, created_by=owner, accepted_by=helper)
    Assignment.objects.create(case=case, user=lawyer, organisation=org, assigned_by=org_admin)
    for c in (case, other_case):
        refresh(c)
        exhibit = Exhibit(case=c, name="judgment.pdf", content_type="application/pdf", size=9, kind="judgment")
        exhibit.file.save("x", ContentFile(b"%PDF-1.4\n"), save=True)
        document = Document(case=c, kind="summary", fmt="txt", status="done", progress=100)
        document.file.save("y", ContentFile(b"summary"), save=True)
        Share.objects.create(case=c, created_by=c.owner)  # an unused code
        read = papers_read()
        reading = Reading.objects.create(case=c, status="done", progress=100, result=read)
        reading.exhibits.add(exhibit)
        c.meta = papers.install(c.meta, reading.pk, read)  # read, and waiting to be checked
        c.save(update_fields=["meta"])
    return World(owner, other, helper, lawyer, lawyer2, org_admin, other_admin, site_admin, case, other_case, org)
