"""Changing the database as an attacker with access to it would: raw SQL, no service."""

from django.db import connection


def sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def delete_case(case):
    """Every row of the case, straight from the tables."""
    tables = ("notices_message", "cases_rating", "cases_caseattachment", "cases_caseevent")
    for table in (*tables, "cases_casesearch"):
        sql(f"DELETE FROM {table} WHERE case_id = %s", [case.pk])
    sql("DELETE FROM cases_case WHERE id = %s", [case.pk])
