"""Importers for diary-app exports (Bearable, Flaredown) and FHIR R4, in both directions.

Every import returns the same :class:`~sci_pain.journal.reader.Journal` as
:func:`~sci_pain.journal.reader.read_journal`, validated by the same code, with the same accounting:
each record of the source either becomes an entry (its source row in ``entries["row"]``) or
has a problem with ``kept == False`` that says why it was not imported. Nothing is dropped
silently.

No conversion between rating scales
-----------------------------------
The journal's ``pain`` is a 0-10 numeric rating (LOINC 72514-3). Bearable rates symptoms
0-4 (none, mild, moderate, severe, unbearable) and Flaredown rates conditions and symptoms
0-4 (0 not active ... 4 extremely active). A 0-4 rating is not a 0-10 rating with a coarser
grid: the anchors differ, the steps are not known to be equal, and no published mapping
between them exists that this package could cite. So **no conversion is made**. A record
without a 0-10 pain rating is reported (``kept == False``) and its original value, with its
scale, is kept in the problem's ``value`` and ``problem`` text. The tidy tables from
:func:`~sci_pain.journal.read_bearable_records` and
:func:`~sci_pain.journal.read_flaredown_records` keep every record on its
own scale for learners who want to look at them anyway.

One module per source: :mod:`.bearable`, :mod:`.flaredown`, :mod:`.fhir` (reading and
writing); the plumbing they share (reading a file's text, CSV records with spreadsheet row
numbers, the problems, handing the records to the journal validator) is in :mod:`._common`.
Each module says what its format is and where that was learned.
"""
