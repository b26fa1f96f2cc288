"""Addresses SMS gateways call back: delivery receipts and residents' replies."""

from django.urls import path

from jiceng.notices import receipts

app_name = "notices"
urlpatterns = [
    path("receipts/<slug:gateway>/", receipts.receipts, name="receipts"),
    path("replies/<slug:gateway>/", receipts.replies, name="replies"),
]
