# sci_pain — two commands: `make lab` and `make test` (see README.md).
# Everything installs into .venv from pinned versions (requirements/constraints.txt).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.sci_pain-installed
CONSTRAINTS := requirements/constraints.txt
# JupyterLab refuses to run as root unless asked; keep token auth and loopback in every case.
# As root, its terminals (a root shell in the browser) are switched off.
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root --ServerApp.terminals_enabled=False)
LAB_PORT ?= 8888
APP_PORT ?= 8866

.PHONY: lab test check check-floors screenshots setup notebooks lint format lock bench clean help site course-docs app

help:
	@echo "make lab        set up .venv and open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test       set up .venv and run every test (unit, doctest, nbval, browser, lint)"
	@echo "make check      the fast part for daily work: unit tests and doctests (under a minute)"
	@echo "make screenshots  run the browser tests and refresh docs/screenshots/ (make test writes build/)"
	@echo "make notebooks  re-execute every notebook from notebooks/src/ and store its outputs"
	@echo "make site       build the course website into build/site/ (open build/site/index.html)"
	@echo "make app        serve notebook 09's journal dashboard as an app (Voila, no code shown)"
	@echo "make course-docs regenerate the glossary page, lesson plans and answer key from data"
	@echo "make check-floors  unit tests and doctests on the lowest declared versions (build/floor-venv)"
	@echo "make lint       ruff check and ruff format --check"
	@echo "make lock       re-pin requirements/constraints.txt from the newest allowed versions"
	@echo "make bench      run the benchmarks in benchmarks/"

setup: $(STAMP)

# Re-install only when the declared or pinned dependencies change.
$(STAMP): pyproject.toml $(CONSTRAINTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[lab,test,site]'
	@touch $@

# The printed URL (and the browser) opens notebook 00 itself, not the Launcher: the server's
# root is notebooks/ and its default URL is 00's page. LAB_ARGS adds options (tests pass
# --no-browser).
LAB_ARGS ?=
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks \
		--ServerApp.default_url=/lab/tree/00_start_here.ipynb \
		--LabApp.default_url=/lab/tree/00_start_here.ipynb \
		--ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) $(ROOT_FLAG) $(LAB_ARGS)

# The journal dashboard as an app: Voila on loopback with token authentication, no code shown.
app: $(STAMP)
	$(BIN)/voila apps/journal_dashboard.ipynb --Voila.ip=127.0.0.1 --port=$(APP_PORT) --no-browser --token

# The course website from the STORED notebooks (no re-execution), into build/site/.
site: $(STAMP)
	$(BIN)/python tools/build_site.py build/site

course-docs: $(STAMP)
	$(BIN)/python tools/build_course_docs.py

# One pytest worker per core (pytest-xdist); TEST_WORKERS=0 runs everything in one process.
# The browser tests share one JupyterLab and run in order on one worker, as do each
# notebook's cells (tests/conftest.py, pytest_xdist_make_scheduler).
TEST_WORKERS ?= auto
test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --durations=10 $(PYTEST_ARGS)

# Daily work: unit tests and doctests without the slow ones (see tests/conftest.py).
check: $(STAMP)
	$(BIN)/python -m pytest tests sci_pain -q -m "not slow" -p no:cacheprovider -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The floor run: unit tests and doctests on the oldest Python and the dependency floors that
# pyproject.toml declares (requirements/minimum.txt), in a throw-away venv under build/.
check-floors:
	tools/check_floors.sh -q $(PYTEST_ARGS)

# `make test` writes screenshots under build/screenshots/; only this target refreshes the
# tracked ones in docs/screenshots/.
screenshots: $(STAMP)
	SCI_PAIN_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/browser -q $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(BIN)/python tools/build_notebooks.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Resolve the newest versions pyproject.toml allows in a throw-away venv and pin them all.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet '.[lab,test,site]'
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^sci.pain' > $(CONSTRAINTS)
	rm -rf .lock-venv
	@echo "pinned $$(wc -l < $(CONSTRAINTS)) packages in $(CONSTRAINTS)"

clean:
	rm -rf $(VENV) build dist *.egg-info
