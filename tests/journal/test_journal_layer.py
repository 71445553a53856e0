"""The journal layer stands on its own: it reads, imports, de-identifies and pools journals
without loading the analysis (or any later layer), and its file checks are shared."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from sci_pain.errors import JournalError
from sci_pain.journal import (
    read_bearable,
    read_fhir,
    read_flaredown,
    read_journal,
    read_journal_xlsx,
    read_privacy_friendly,
)


def test_the_journal_layer_never_loads_a_later_layer():
    code = textwrap.dedent(
        """
        import io, sys
        import pandas as pd
        import sci_pain.journal as j

        text = "timestamp,pain,site,quality\\n2026-03-01 08:00,4,knee,burning\\n"
        journal = j.read_journal(io.StringIO(text))
        j.read_fhir(j.to_fhir(journal))
        j.deidentify(journal, seed=1)
        j.explode_multi(journal.entries)
        frame = pd.DataFrame(
            {"who": ["a", "a", "b"], "timestamp": ["2026-03-01", "2026-03-02", "2026-03-01"],
             "pain": [3, 4, 5]}
        )
        cohort = j.cohort_from_frame(frame, person="who")
        j.cohort_query("SELECT count(*) AS n FROM entries", cohort)
        later = ("analysis", "plotting", "widgets", "html", "simulate", "course", "knowledge")
        loaded = sorted(m for m in sys.modules if m.split(".")[1:2] and m.split(".")[1] in later
                        and m.startswith("sci_pain."))
        print(loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]", result.stdout


@pytest.mark.parametrize(
    "reader",
    [
        read_journal,
        read_bearable,
        read_flaredown,
        read_fhir,
        read_privacy_friendly,
        read_journal_xlsx,
    ],
)
def test_every_reader_names_a_missing_file_and_a_folder_alike(tmp_path, reader):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(JournalError, match=r"nowhere\.csv: no such file\. Check the name") as info:
        reader(missing)
    assert str(tmp_path) in str(info.value) and info.value.path == str(missing)
    with pytest.raises(JournalError, match=r": is a folder, not a .*file\. Pass the path of"):
        reader(tmp_path)
