"""The site admin's tools (Django admin): accounts, organisations and their members. Cases, papers, drafts and
notes are not here: the site admin runs the site and does not read cases."""

from django.contrib import admin

from reprieve.web.models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]
