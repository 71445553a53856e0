"""Build the course website into build/site/ from the stored notebooks (no re-execution).

    python tools/build_site.py [OUTDIR]

Assembles a Sphinx source tree in build/site-src/ that mirrors the repository's layout (so
relative links such as ``glossary.md#allodynia`` or ``../../notebooks/glossary.md`` work
unchanged): a home page generated from ``data/learning_path.yaml``, the notebooks on the
learning path in that order, the glossary, the instructor guide and the accessibility
statement. Then runs Sphinx (myst-nb with execution off, sphinx-book-theme) with the
configuration in docs/site/. New notebooks on the learning path appear automatically.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import sci_pain as sp

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "docs" / "site"
SRC = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site"

INSTRUCTOR_PAGES = ["index", "lesson_plans", "answer_key"]


def _notebooks() -> list[dict]:
    return [r for r in sp.load_learning_path() if (ROOT / "notebooks" / r["file"]).is_file()]


def home_page(records: list[dict]) -> str:
    """The site's home page: what the course is, the learning path, and the contents."""
    rows = "\n".join(
        f"| [{r['file'][:2]} · {r['title']}](notebooks/{Path(r['file']).stem}.ipynb) "
        f"| {' '.join(r['objectives'])} | {r['minutes']} |"
        for r in records
    )
    total = sum(int(r["minutes"]) for r in records)
    notebooks = "\n".join(f"notebooks/{Path(r['file']).stem}" for r in records)
    return f"""# Leg pain after spinal cord injury

A short course for students in clinical programmes (nursing, physiotherapy, occupational
therapy, medicine) and for self-guided learners: why people get leg pain after a spinal cord
injury (SCI), which causes are emergencies, how it is managed, and how to read a pain journal.

```{{important}}
**Educational only.** This course never diagnoses a person and never gives a dose. Red
flags (one leg swollen, warm or red; a pounding headache with an injury at T6 or above; an
infected pressure injury) mean seeking medical care now.
```

## How to use this site

This site shows every notebook as stored, with its figures (each described in text) and the
self-checks: read the question, decide, then open **Show the answer** to see the answer and
why. Controls such as sliders are marked *Interactive in JupyterLab*: to use them, open the
notebooks in JupyterLab on your campus JupyterHub, on Binder, or after a local install (see
the [instructor guide](docs/instructor/index.md)). Terms are explained in the
[glossary](notebooks/glossary.md).

## The learning path

About {total} minutes in all, in this order:

| Notebook | What you learn | Minutes |
|---|---|---|
{rows}

```{{toctree}}
:caption: Learning path
:maxdepth: 1

{notebooks}
```

```{{toctree}}
:caption: Reference
:maxdepth: 1

notebooks/glossary
```

```{{toctree}}
:caption: For lecturers
:maxdepth: 1

{chr(10).join(f"docs/instructor/{p}" for p in INSTRUCTOR_PAGES)}
docs/accessibility
```
"""


def assemble(src: Path = SRC) -> Path:
    """Write the Sphinx source tree; return its folder."""
    if src.exists():
        shutil.rmtree(src)
    (src / "notebooks").mkdir(parents=True)
    (src / "docs" / "instructor").mkdir(parents=True)
    records = _notebooks()
    for record in records:
        shutil.copy(ROOT / "notebooks" / record["file"], src / "notebooks" / record["file"])
    shutil.copy(ROOT / "notebooks" / "glossary.md", src / "notebooks" / "glossary.md")
    for page in INSTRUCTOR_PAGES:
        shutil.copy(ROOT / "docs" / "instructor" / f"{page}.md", src / "docs" / "instructor")
    shutil.copy(ROOT / "docs" / "accessibility.md", src / "docs" / "accessibility.md")
    (src / "index.md").write_text(home_page(records), encoding="utf-8")
    return src


def build(out: Path = OUT, *, quiet: bool = True) -> Path:
    """Assemble the sources and run Sphinx into ``out``; raise if Sphinx fails."""
    src = assemble()
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(CONF), "-j", "1"]
    command += ["-q"] if quiet else []
    command += ["-d", str(ROOT / "build" / "site-doctrees"), str(src), str(out)]
    subprocess.run(command, check=True)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(f"built {build(target, quiet=False) / 'index.html'}")
