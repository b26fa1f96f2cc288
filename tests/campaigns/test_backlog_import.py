"""旧账 import: original dates kept, marked imported, under the chain, all rows or none."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from openpyxl import Workbook

from jiceng.campaigns import backlog, services
from jiceng.campaigns.models import CampaignKind
from jiceng.cases.models import Case, CaseEvent, EventKind
from jiceng.cases.verification import verify

from factories import TIANZHU

pytestmark = pytest.mark.django_db
ROW = [
    "ZJ-2023-001",
    "2023-05-04",
    "transport",
    TIANZHU,
    "桥面坑洼",
    "村口小桥桥面坑洼多年未修。",
    "",
    "李",
    "13812345678",
]


def _xlsx(*rows):
    book = Workbook()
    sheet = book.active
    sheet.append(backlog.HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _campaign(users, org):
    return services.campaign_create(
        by=users["township"],
        kind=CampaignKind.BACKLOG,
        title="旧账清零",
        lead_unit=org["fengqiao"],
        target_date=date(2026, 6, 30),
    )


def test_an_old_case_keeps_its_date_is_marked_imported_and_is_chained(users, org, monday):
    campaign = _campaign(users, org)
    cases, errors = backlog.import_backlog(
        file=io.BytesIO(_xlsx(ROW)), by=users["township"], campaign=campaign
    )
    assert errors == []
    case = Case.objects.get(pk=cases[0].pk)
    assert timezone.localtime(case.submitted_at).date() == date(2023, 5, 4)
    assert case.number.startswith("230504")
    submit = CaseEvent.objects.get(case=case, kind=EventKind.SUBMIT)
    assert timezone.localtime(submit.at).date() == date(2026, 3, 2)
    assert submit.data["imported"] is True and submit.data["original_number"] == "ZJ-2023-001"
    assert list(verify()) == []
    assert list(campaign.links.values_list("case_id", flat=True)) == [case.pk]


def test_one_bad_row_imports_nothing_and_names_its_row_in_chinese(users, org, monday):
    bad = [*ROW[:2], "不存在的类别", *ROW[3:]]
    cases, errors = backlog.import_backlog(file=io.BytesIO(_xlsx(ROW, bad)), by=users["township"])
    assert cases == [] and str(errors[0]).startswith("第3行：类别不存在")
    assert not Case.objects.exists()


def test_a_case_outside_the_importers_area_is_refused(users, org, monday):
    cases, errors = backlog.import_backlog(file=io.BytesIO(_xlsx(ROW)), by=users["outsider"])
    assert cases == [] and errors[0].row == 2


def test_the_campaign_page_imports_a_file_and_lists_it_oldest_first_marked(users, org, monday):
    campaign = _campaign(users, org)
    client = Client()
    client.force_login(users["township"])
    newer = [*ROW[:1], "2024-01-02", *ROW[2:]]
    upload = SimpleUploadedFile("old.xlsx", _xlsx(newer, ROW))
    client.post(f"/workbench/campaigns/{campaign.pk}/import/", {"file": upload})
    page = client.get(f"/workbench/campaigns/{campaign.pk}/").content.decode()
    assert page.index("2023-05-04") < page.index("2024-01-02")
    assert "imported" in page


def test_an_outsider_cannot_import_into_a_campaign(users, org, monday):
    campaign = _campaign(users, org)
    client = Client()
    client.force_login(users["outsider"])
    upload = SimpleUploadedFile("old.xlsx", _xlsx(ROW))
    assert (
        client.post(f"/workbench/campaigns/{campaign.pk}/import/", {"file": upload}).status_code
        == 404
    )
    assert not Case.objects.exists()


def test_the_template_has_the_chinese_headers(users, monday):
    from openpyxl import load_workbook

    client = Client()
    client.force_login(users["township"])
    body = client.get("/workbench/campaigns/backlog.xlsx").content
    headers = [c.value for c in next(load_workbook(io.BytesIO(body)).worksheets[0].iter_rows())]
    assert headers == backlog.HEADERS
