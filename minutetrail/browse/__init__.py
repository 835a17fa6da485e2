"""Browsing the database in Datasette (`minutetrail serve`, the [browse] extra): metadata for every
table, view and column, canned queries that ask the questions, and a plugin that shows each printing's
evidence (the PDF page and a rendered crop of the row)."""
