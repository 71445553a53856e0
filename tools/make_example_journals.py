"""Regenerate the example journals and the generated tables in ``data/README.md``.

For every persona in ``data/journals/personas.yaml`` this writes ``data/journals/<name>.csv``:
``sci_pain.simulate.engine.simulate_journal(name, days=..., seed=...)`` with the days and seed of the
persona's ``example`` record, written as UTF-8 with ``\\n`` line ends (the same bytes on every
platform). It then rewrites the two generated tables in ``data/README.md`` (the data dictionary
from ``sci_pain.journal.schema.markdown_table()`` and the table of example journals), between
their ``<!-- BEGIN generated: ... -->`` and ``<!-- END generated -->`` markers.

``tests/simulate/test_simulate.py`` and ``tests/test_data_readme.py`` fail when the committed files
differ from what this script would write; run it after changing the simulator, the personas or
the schema, and commit the result.

Usage: ``python tools/make_example_journals.py [--check]`` (``--check``: change nothing, exit 1
if any file is out of date).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from sci_pain.journal import markdown_table
from sci_pain.simulate import engine as simulate

ROOT = Path(__file__).resolve().parent.parent
JOURNALS = ROOT / "data" / "journals"
README = ROOT / "data" / "README.md"
SECTIONS = {
    "sci_pain.journal.schema.markdown_table()": markdown_table,
    "sci_pain.simulate.engine example journals": simulate._examples_markdown,
}


def readme_text(current: str) -> str:
    """``current`` with every generated section replaced by its fresh content."""
    text = current
    for key, make in SECTIONS.items():
        pattern = re.compile(
            rf"(<!-- BEGIN generated: {re.escape(key)} -->\n).*?(<!-- END generated -->)", re.S
        )
        if not pattern.search(text):
            msg = f"{README}: no generated section for {key!r}; add its BEGIN/END markers"
            raise SystemExit(msg)
        text = pattern.sub(lambda m, make=make: m.group(1) + make() + m.group(2), text)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files")
    args = parser.parse_args(argv)

    wanted: dict[Path, bytes] = {}
    for name in simulate.list_example_journals()["name"]:
        wanted[JOURNALS / f"{name}.csv"] = simulate._to_csv_bytes(simulate._example_frame(name))
    current_readme = README.read_text(encoding="utf-8")
    wanted[README] = readme_text(current_readme).encode("utf-8")

    stale = [
        path for path, data in wanted.items() if not path.exists() or path.read_bytes() != data
    ]
    for path in stale:
        print(f"{'out of date' if args.check else 'writing'}: {path.relative_to(ROOT)}")
        if not args.check:
            path.write_bytes(wanted[path])
    if not stale:
        print("example journals and data/README.md are up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
