"""The search index no longer holds phone, ID or bank-card numbers typed into requests.

New and re-indexed rows get masked text from ``search.search_text`` (``core.pii``):
a number keeps its ends only, so searching for it finds nothing. This rewrites the
rows written before, in batches of case ids, the same way: ``13812345678`` becomes
the tokens ``138 5678``, an ID number ``3306 1234``. The rules are copied here, not
imported, so that this migration does what it did whatever ``pii`` becomes.
Names introduced in the text are stored as character pairs and cannot be told
apart here; ``jiceng manage reindex_cases`` rebuilds every row from the cases,
names masked too. Backwards there is nothing to restore: the numbers are gone.
"""

import re

from django.db import migrations

BATCH = 5_000
# Digits as stored: runs of digits, the pieces of one typed number separated by one space.
RUN = re.compile(r"(?<![0-9a-z])[0-9](?: ?[0-9])*x?(?![0-9a-z])")
ID_NUMBER = re.compile(
    r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx]"
)


def _masked(run):
    digits = run.replace(" ", "")
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]
    if len(digits) == 11 and re.fullmatch(r"1[3-9]\d{9}", digits):
        return f"{digits[:3]} {digits[-4:]}"
    if (len(digits) == 18 and ID_NUMBER.fullmatch(digits)) or (
        16 <= len(digits) <= 19 and digits.isdigit()
    ):
        return f"{digits[:4]} {digits[-4:]}"
    if len(digits) == 15 and " " not in run and digits[0] != "0":
        return f"{digits[:4]} {digits[-4:]}"
    if 10 <= len(digits) <= 12 and digits[0] == "0" and digits[1] != "0":
        return f"{digits[:3]} {digits[-4:]}"
    return run


def mask_numbers(apps, schema_editor):
    CaseSearch = apps.get_model("cases", "CaseSearch")
    last = 0
    while True:
        rows = list(CaseSearch.objects.filter(case_id__gt=last).order_by("case_id")[:BATCH])
        if not rows:
            return
        changed = []
        for row in rows:
            text = RUN.sub(lambda match: _masked(match.group()), row.text)
            if text != row.text:
                row.text = text
                changed.append(row)
        CaseSearch.objects.bulk_update(changed, ["text"], batch_size=1000)
        last = rows[-1].case_id


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_history_covers_case_fields_and_photos"),
    ]

    operations = [
        migrations.RunPython(mask_numbers, migrations.RunPython.noop),
    ]
