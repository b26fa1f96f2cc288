from django.urls import path

from jiceng.web.field import (
    coverage,
    households,
    member_reveal,
    outreach,
    outreach_list,
    roster,
    roster_files,
    rules,
    views,
)

app_name = "field"
urlpatterns = [
    path("", views.home, name="home"),
    path("visit/", views.visit, name="visit"),
    path("coverage/", coverage.coverage_page, name="coverage"),
    path("households/", households.households, name="households"),
    path("households/roster/", roster.roster, name="roster"),
    path("households/roster/export.xlsx", roster_files.roster_export, name="roster_export"),
    path("households/roster/template.xlsx", roster_files.roster_template, name="roster_template"),
    path("households/roster/errors.xlsx", roster_files.roster_errors, name="roster_errors"),
    path("households/<int:pk>/", households.household, name="household"),
    path("households/<int:pk>/reveal/", member_reveal.reveal, name="reveal"),
    path("outreach/", outreach_list.outreach, name="outreach"),
    path("policies/<slug:code>/rule/", rules.rule_builder, name="rule"),
    path("outreach/<int:pk>/", outreach.outreach_outcome, name="outcome"),
]
