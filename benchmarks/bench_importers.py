"""Time and peak memory of the Privacy Friendly Pain Diary and ``.xlsx`` readers on large and
hostile files.

The files are made in a temporary folder, then each is read in a fresh process (so peak
memory is that read's alone, the interpreter with pandas included, about 150 MB):

* ``pf_backup_15MB``: a backup just under the 16 MB limit (about 60,000 diary days);
* ``pf_regions_5M_codes``: one pain description listing 5 million body-region codes;
* ``pf_deep_nesting``: five million ``[`` (JSON nested beyond any parser's depth);
* ``pf_too_large``: a 40 MB backup (refused before it is parsed);
* ``xlsx_50k_rows``: a workbook of 50,000 journal rows (as Excel writes it, with its
  ``dimension``), 5 columns;
* ``xlsx_far_cell``: two rows, and one cell at the sheet's last row and column (XFD1048576);
* ``xlsx_bomb``: a valid workbook whose sheet unpacks to 600 MB (refused before unpacking);
* ``/dev/zero`` given to both readers.

Prints one line per file (size, wall time, CPU time, peak RSS, and what came out); asserts
nothing. Run: ``.venv/bin/python benchmarks/bench_importers.py``
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

_MEASURE = r"""
import resource, sys, time
from sci_pain.journal.importers.privacy_friendly import read_privacy_friendly
from sci_pain.journal.importers.xlsx import read_journal_xlsx
from sci_pain.errors import JournalError
reader = read_privacy_friendly if sys.argv[1] == "pf" else read_journal_xlsx
wall, cpu = time.perf_counter(), time.process_time()
try:
    out = reader(sys.argv[2]).summary()
except JournalError as error:
    out = "JournalError: " + str(error)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"wall {wall:6.2f} s  cpu {cpu:6.2f} s  peak {peak:5.0f} MB  {out[:100]}")
"""


def _backup(n: int, regions: str = "6") -> dict:
    descriptions = [
        {
            "_id": i,
            "painLevel": i % 11,
            "bodyRegions": regions,
            "painQualities": "burning,stabbing",
            "timesOfPain": "morning,at night",
        }
        for i in range(1, n + 1)
    ]
    entries = [
        {
            "_id": i,
            "date": f"{1950 + i // 365 % 140}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "painDescription_id": i,
            "condition": i % 5,
            "notes": "a note " * 5,
        }
        for i in range(1, n + 1)
    ]
    return {
        "database": {
            "version": 2,
            "content": [
                {"tableName": "paindescriptions", "createSql": "", "values": descriptions},
                {"tableName": "diaryentries", "createSql": "", "values": entries},
            ],
        }
    }


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def make_files(folder: Path) -> list[tuple[str, Path]]:
    from openpyxl import Workbook

    files = []
    path = folder / "pf_backup_15MB.json"
    _write_json(path, _backup(62_000))
    files.append(("pf", path))
    path = folder / "pf_regions_5M_codes.json"
    _write_json(path, _backup(1, ",".join(["6"] * 5_000_000)))
    files.append(("pf", path))
    path = folder / "pf_deep_nesting.json"
    path.write_text("[" * 5_000_000)
    files.append(("pf", path))
    path = folder / "pf_too_large.json"
    _write_json(path, _backup(170_000))
    files.append(("pf", path))
    book = Workbook()
    sheet = book.active
    sheet.append(["timestamp", "pain", "site", "side", "notes"])
    for k in range(50_000):
        stamp = (
            f"20{10 + k // 5000:02d}-{1 + k % 12:02d}-{1 + k % 28:02d} {k % 24:02d}:{k % 60:02d}"
        )
        sheet.append([stamp, k % 11, "knee", "left", f"note {k}"])
    path = folder / "xlsx_50k_rows.xlsx"
    book.save(path)
    files.append(("xlsx", path))
    book = Workbook()
    book.active.append(["timestamp", "pain"])
    book.active.append(["2026-03-01", 3])
    book.active.cell(row=1_048_576, column=16_384, value="far away")
    path = folder / "xlsx_far_cell.xlsx"
    book.save(path)
    files.append(("xlsx", path))
    book = Workbook()
    book.active.append(["timestamp", "pain"])
    buffer = io.BytesIO()
    book.save(buffer)
    path = folder / "xlsx_bomb.xlsx"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, content)
                continue
            with out.open(info.filename, "w", force_zip64=True) as handle:
                handle.write(content)
                for _ in range(600):
                    handle.write(b" " * (1 << 20))
    files.append(("xlsx", path))
    files += [("pf", Path("/dev/zero")), ("xlsx", Path("/dev/zero"))]
    return files


def main() -> None:
    print("load:", os.getloadavg())
    with tempfile.TemporaryDirectory() as folder:
        for reader, path in make_files(Path(folder)):
            size = path.stat().st_size / 1e6 if path.is_file() else float("nan")
            result = subprocess.run(
                [sys.executable, "-c", _MEASURE, reader, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            label = f"{reader:4} {path.name}"
            print(f"{label:32} {size:7.1f} MB  {result.stdout.strip()}")


if __name__ == "__main__":
    main()
