"""The dashboard's tables: one definition feeds the page, the Excel file and the CSV file.

``base`` holds the table and the period; ``rates``, ``lists`` and ``local`` build them.
"""
