"""``jiceng manage import_replies``: past replies saved, masked, updated on a second import."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from replies_data import replies_csv

from jiceng.knowledge.models import PastReply

pytestmark = pytest.mark.django_db


def test_importing_a_12345_export_saves_each_answered_message(places, tmp_path):
    call_command("import_replies", str(replies_csv(tmp_path)), scope="330681")
    reply = PastReply.objects.get(reference="3001")
    assert reply.scope == "330681"
    assert reply.replied_on == date(2025, 3, 6)
    assert "诸人社发〔2025〕12号" in reply.reply
    assert PastReply.objects.count() == 4


def test_phone_numbers_in_an_imported_question_are_masked(places, tmp_path):
    call_command("import_replies", str(replies_csv(tmp_path)), scope="330681")
    assert "13812345678" not in PastReply.objects.get(reference="3001").question


def test_importing_again_updates_rows_by_their_number(places, tmp_path):
    call_command("import_replies", str(replies_csv(tmp_path)), scope="330681")
    changed = [("3004", "小区门口路灯不亮", "路灯坏了。", "已修复，谢谢。")]
    call_command("import_replies", str(replies_csv(tmp_path, changed)), scope="330681")
    assert PastReply.objects.count() == 4
    assert PastReply.objects.get(reference="3004").reply == "已修复，谢谢。"


def test_a_row_without_a_reply_is_skipped_with_its_line_number(places, tmp_path, capsys):
    rows = [("3005", "没有答复", "问题。", "")]
    call_command("import_replies", str(replies_csv(tmp_path, rows)), scope="330681")
    assert "第2行" in capsys.readouterr().err
    assert not PastReply.objects.exists()


def test_a_file_without_the_reply_column_is_refused_in_chinese(places, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("编号,内容\n1,问题\n", encoding="utf-8")
    with pytest.raises(CommandError, match="缺少列：答复意见"):
        call_command("import_replies", str(path), scope="330681")


def test_an_unknown_division_is_refused(places, tmp_path):
    with pytest.raises(CommandError, match="没有代码为 999999 的区划"):
        call_command("import_replies", str(replies_csv(tmp_path)), scope="999999")
