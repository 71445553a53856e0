"""The ISCIP Basic Data Set v2.0 columns of the journal format (issue 11, item 4).

Up to three worst pains per person (``pain_number`` 1-3, ``iscip_subtype``, with ``site`` and
``pain`` on the same row) and interference with activities, mood and sleep rated separately;
the older single ``interference`` column is still read.
"""

from __future__ import annotations

import pandas as pd
import pytest

import sci_pain as sp
from sci_pain.journal import COLUMNS, INTERFERENCE_COLUMNS, ISCIP_PAIN_TYPES, markdown_table
from sci_pain.journal.upload import COLUMN_LABELS

BDS_COLUMNS = ("pain_number", "iscip_subtype", *INTERFERENCE_COLUMNS)

ASSESSMENT = """timestamp,pain,problem,pain_number,iscip_subtype,side,site,interference_activities,interference_mood,interference_sleep
2026-03-02T10:00,6,burning feet,1,below_level_sci,both,foot,7,5,8
2026-03-02T10:00,4,aching knee,2,musculoskeletal,left,knee,,,
2026-03-02T10:00,3,band round the waist,3,at_level_sci,,,,,
2026-03-09T10:00,5,burning feet,1,below_level_sci,both,foot,6,4,6
"""

OLD_JOURNAL = """timestamp,pain,problem,interference,sleep_hours
2026-03-01T08:00,4,burning feet,3,6.5
2026-03-01T20:00,6,burning feet,5,
2026-03-02T08:00,5,burning feet,4,7
"""


def _read(tmp_path, text, name="journal.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return sp.read_journal(path)


def test_the_basic_data_set_columns_are_declared_with_labels_and_ranges():
    for name in INTERFERENCE_COLUMNS:
        column = COLUMNS[name]
        assert column.kind == "int" and column.range == (0, 10) and not column.required
        assert column.label.startswith("Interference with ")
    assert [COLUMNS[n].label for n in INTERFERENCE_COLUMNS] == [
        "Interference with daily activities",
        "Interference with mood",
        "Interference with sleep",
    ]
    assert COLUMNS["pain_number"].range == (1, 3)
    assert COLUMNS["iscip_subtype"].allowed == ISCIP_PAIN_TYPES
    assert COLUMNS["iscip_subtype"].label == "ISCIP pain type"
    # the single rating is still part of the format
    assert COLUMNS["interference"].range == (0, 10)


def test_the_journal_pain_types_are_the_knowledge_bases_iscip_subtypes():
    from sci_pain.knowledge import ISCIP_SUBTYPES

    assert ISCIP_PAIN_TYPES == ISCIP_SUBTYPES


def test_the_data_dictionary_and_the_upload_labels_list_the_new_columns():
    table = markdown_table()
    for name in BDS_COLUMNS:
        assert f"| `{name}` |" in table
        assert name in COLUMN_LABELS
    assert "`below_level_sci`" in table


def test_an_assessment_with_three_pains_reads_clean_and_typed(tmp_path):
    journal = _read(tmp_path, ASSESSMENT)
    assert journal.is_clean, journal.problems
    entries = journal.entries
    assert len(entries) == 4  # three pains at one time are not duplicates
    assert entries["pain_number"].tolist() == [1, 2, 3, 1]
    assert entries["iscip_subtype"].tolist() == [
        "below_level_sci",
        "musculoskeletal",
        "at_level_sci",
        "below_level_sci",
    ]
    assert entries["iscip_subtype"].dtype.ordered
    assert str(entries["interference_mood"].dtype) == "Int8"
    assert entries["interference_sleep"].tolist()[:2] == [8, pd.NA]
    # the old single rating is absent, not invented
    assert entries["interference"].isna().all()


def test_each_out_of_range_rating_is_a_problem_naming_its_row_and_column(tmp_path):
    text = ASSESSMENT.replace(",7,5,8\n", ",7,11,8\n").replace(",3,at_level_sci", ",4,at_level_sci")
    journal = _read(tmp_path, text)
    problems = journal.problems.set_index("column")
    assert problems.loc["interference_mood", "row"] == 2
    assert str(problems.loc["interference_mood", "value"]) == "11"
    assert "0 to 10" in problems.loc["interference_mood", "problem"]
    assert problems.loc["pain_number", "row"] == 4
    assert "1 to 3" in problems.loc["pain_number", "problem"]
    # the rest of each record is kept; only the bad cell is dropped
    assert len(journal.entries) == 4
    assert journal.entries["interference_mood"].isna().iloc[0]


def test_a_pain_type_outside_the_classification_is_a_problem_listing_the_valid_ones(tmp_path):
    journal = _read(tmp_path, ASSESSMENT.replace("2,musculoskeletal", "2,neuropathic"))
    problem = journal.problems.set_index("column").loc["iscip_subtype"]
    assert problem["row"] == 3
    assert "below level sci" in problem["problem"]  # the valid types, in words


def test_old_journals_with_a_single_interference_column_still_read(tmp_path):
    journal = _read(tmp_path, OLD_JOURNAL, "old.csv")
    assert journal.is_clean, journal.problems
    assert journal.entries["interference"].tolist() == [3, 5, 4]
    for name in BDS_COLUMNS:  # not filled in from the old column
        assert journal.entries[name].isna().all()
    daily = sp.daily_values(journal, ["interference"])
    assert daily["interference"].tolist() == [4.0, 4.0]


def test_every_example_journal_still_reads_clean_with_its_single_interference():
    for name in sp.list_example_journals()["name"]:
        journal = sp.load_example_journal(name)
        assert journal.is_clean
        assert journal.entries["interference"].notna().any()
        assert all(journal.entries[c].isna().all() for c in BDS_COLUMNS)


def test_a_journal_with_the_new_columns_writes_and_reads_back_the_same(tmp_path):
    journal = _read(tmp_path, ASSESSMENT)
    again = _read(tmp_path, journal.to_csv(), "again.csv")
    pd.testing.assert_frame_equal(
        again.entries[list(BDS_COLUMNS)], journal.entries[list(BDS_COLUMNS)]
    )


@pytest.mark.parametrize("name", INTERFERENCE_COLUMNS)
def test_daily_values_average_each_interference_rating(tmp_path, name):
    journal = _read(tmp_path, ASSESSMENT)
    daily = sp.daily_values(journal, [name]).dropna()
    first = journal.entries.loc[journal.entries["pain_number"] == 1, name].astype(float)
    assert daily[name].tolist() == first.tolist()


def test_the_interference_ratings_can_be_compared_with_sleep(tmp_path):
    rows = ["timestamp,pain,sleep_hours,interference_sleep"]
    for day in range(1, 29):
        sleep = 5 + (day * 7) % 5
        rows.append(f"2026-02-{day:02d},5,{sleep},{10 - sleep}")
    journal = _read(tmp_path, "\n".join(rows) + "\n")
    links = sp.associations(
        journal, column="interference_sleep", variables=["sleep_hours"], n_boot=200
    )
    assert links.loc[0, "rho"] == pytest.approx(-1.0)


def test_tables_name_the_pain_types_in_clinical_words(tmp_path):
    journal = _read(tmp_path, ASSESSMENT)
    shown = sp.table(journal.entries[["pain_number", "iscip_subtype"]]).frame
    assert shown["ISCIP subtype"].iloc[0] == "Neuropathic: below-level SCI pain"
    # the knowledge base's tables keep their labels now that the journal has the column too
    causes = sp.table(sp.load_causes()[["iscip_subtype"]]).frame
    assert "Neuropathic: at-level SCI pain" in set(causes["ISCIP subtype"])


def test_the_clinic_report_gives_each_interference_rating_its_own_mean(tmp_path):
    new = sp.report_html(_read(tmp_path, ASSESSMENT))
    for words in ("daily activities", "mood", "sleep"):
        assert f"mean interference with {words} (0-10)" in new
    old = sp.report_html(_read(tmp_path, OLD_JOURNAL, "old.csv"))
    assert "mean interference" in old
    assert "mean interference with" not in old
