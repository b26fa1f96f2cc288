"""What the generated-city tests (bench/city) need: PostgreSQL, and ../shared's divisions."""

from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
DIVISIONS = ROOT.parent / "shared" / "data" / "divisions"

CITY_TEST = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the generator loads with COPY"),
    pytest.mark.skipif(not DIVISIONS.is_dir(), reason="needs ../shared/data/divisions"),
    pytest.mark.slow,
]
