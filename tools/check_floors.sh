#!/usr/bin/env bash
# The floor run: the unit tests and doctests on the LOWEST versions sci_pain declares it supports.
#
# `make test` runs everything on the newest versions (requirements/constraints.txt). This script
# (`make check-floors`, called by .ci/run after `make test`) checks that `requires-python` and
# every dependency floor in pyproject.toml are honest:
#   * Python: the oldest pyenv Python the `requires-python` floor admits (/root/.pyenv/versions);
#   * packages: requirements/minimum.txt, every runtime dependency pinned at its declared floor
#     (tests/test_packaging.py checks the pins equal the floors), plus pytest and hypothesis.
# The throw-away venv lives in build/floor-venv; it is rebuilt when minimum.txt, pyproject.toml or
# the chosen Python change (a stamp file records them), so a repeated run costs only the tests.
#
# Which tests: every test and doctest that needs only the runtime dependencies. Left out, by path:
#   tests/browser/          JupyterLab in headless Chromium (needs the `lab` and `test` extras)
#   tests/test_notebooks.py stored notebooks vs their jupytext sources (jupytext, nbformat)
#   tests/test_lint.py      ruff
#   tests/test_make_lab.py  starts JupyterLab
#   notebooks/              nbval (executes the notebooks; needs jupyter)
# The pyproject addopts are replaced (they name nbval options, and nbval is not installed here).
set -euo pipefail
cd "$(dirname "$0")/.."

PYENV_VERSIONS="${PYENV_VERSIONS:-/root/.pyenv/versions}"
VENV=build/floor-venv
MIN=requirements/minimum.txt

floor=$(sed -n 's/^requires-python *= *">= *\([0-9.]*\)".*/\1/p' pyproject.toml)
if [ -z "$floor" ]; then
    echo "check-floors: cannot read requires-python (expected \">=X.Y\") from pyproject.toml" >&2
    exit 1
fi
# The oldest installed X.Y.Z whose X.Y is >= the floor.
python=""
if [ -d "$PYENV_VERSIONS" ]; then
    best=$(ls "$PYENV_VERSIONS" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | awk -v f="$floor" '
        { split($0, v, "."); split(f, w, ".");
          if (v[1] > w[1] || (v[1] == w[1] && v[2] >= w[2])) { print; exit } }')
    [ -n "$best" ] && python="$PYENV_VERSIONS/$best/bin/python"
fi
if [ -z "$python" ] || [ ! -x "$python" ]; then
    echo "check-floors: no Python >= $floor under $PYENV_VERSIONS." >&2
    echo "check-floors: FALLING BACK to python3 ($(python3 --version 2>&1)); this does NOT test the" >&2
    echo "check-floors: requires-python floor. Install Python $floor with pyenv to test it." >&2
    python=$(command -v python3)
fi
echo "check-floors: requires-python >= $floor -> $("$python" --version 2>&1) ($python)"

stamp="$VENV/.floor-stamp"
want="$("$python" --version 2>&1) $(cat "$MIN" pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "check-floors: building $VENV from $MIN"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r "$MIN"
    "$VENV/bin/python" -m pip install --quiet --no-deps -e .
    echo "$want" > "$stamp"
fi
"$VENV/bin/python" -m pip list --format=freeze 2>/dev/null \
    | grep -iE '^(numpy|pandas|scipy|matplotlib|pyyaml|ipywidgets|ipython|pyarrow|duckdb|pytest|hypothesis)==' \
    | tr '\n' ' '
echo

export MPLBACKEND=Agg SCI_PAIN_HYPOTHESIS_PROFILE=floor
exec "$VENV/bin/python" -m pytest -o addopts="" -p no:cacheprovider \
    --doctest-modules --doctest-glob=__never__ \
    -o doctest_optionflags="NORMALIZE_WHITESPACE ELLIPSIS NUMBER" \
    -W "ignore::DeprecationWarning" -o faulthandler_timeout=120 -rf --durations=5 \
    tests sci_pain \
    --ignore=tests/browser --ignore=tests/test_notebooks.py \
    --ignore=tests/test_lint.py --ignore=tests/test_make_lab.py \
    "$@"
