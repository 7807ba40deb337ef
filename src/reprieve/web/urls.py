from django.contrib import admin
from django.urls import include, path

from reprieve.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_new, name="case_new"),
    path("cases/import/", views.import_cases, name="import_cases"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/delete/", views.case_delete, name="case_delete"),
    path("cases/<int:pk>/interview/", views.interview_next, name="interview"),
    path("cases/<int:pk>/q/<path:field>/", views.question, name="question"),
    path("cases/<int:pk>/review/", views.review, name="review"),
    path("cases/<int:pk>/results/", views.results_page, name="results"),
    path("cases/<int:pk>/as-of/", views.set_as_of, name="set_as_of"),
    path("cases/<int:pk>/notes/", views.add_note, name="add_note"),
    path("cases/<int:pk>/documents/", views.documents, name="documents"),
    path("cases/<int:pk>/documents/<int:doc>/", views.document_status, name="document_status"),
    path("cases/<int:pk>/documents/<int:doc>/download/", views.document_download, name="document_download"),
    path("cases/<int:pk>/exhibits/", views.exhibits, name="exhibits"),
    path("cases/<int:pk>/exhibits/<int:ex>/download/", views.exhibit_download, name="exhibit_download"),
    path("cases/<int:pk>/exhibits/<int:ex>/delete/", views.exhibit_delete, name="exhibit_delete"),
    path("cases/<int:pk>/export.<str:fmt>", views.export, name="export"),
    path("cases/<int:pk>/share/", views.sharing, name="sharing"),
    path("cases/<int:pk>/share/<int:share>/revoke/", views.share_revoke, name="share_revoke"),
    path("cases/<int:pk>/assign/", views.assign, name="assign"),
    path("cases/<int:pk>/audit/", views.case_audit, name="case_audit"),
    path("share/", views.share_accept, name="share_accept"),
    path("organisation/", views.organisation, name="organisation"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
