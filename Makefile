# The documented commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint format messages install install-dev backup restore chaos bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: install, migrate, load the demo data, create a local admin, serve on 127.0.0.1:$(PORT)
## (load_demo keeps people's changes; should it fail all the same, the site is served as it is)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo || echo "make run: the demo data were not loaded (see above);" \
	  "serving the database as it is." >&2
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py ensure_local_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PY) manage.py runserver --nostatic 127.0.0.1:$(PORT)

## test: install the dev tools and run the whole suite (lint, format and migration checks included),
## in one process per CPU (pytest-xdist; TEST_WORKERS=0 runs it in this process alone)
TEST_WORKERS ?= auto
test: install-dev
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: install-dev
	$(PY) manage.py makemessages --all --no-location --ignore=.venv --ignore=staticfiles --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

## backup: back up the database of DATABASE_URL into backups/ (pg_dump, or dumpdata on SQLite)
backup: install
	$(PY) bin/backup.py

## restore: restore a backup into the database of DATABASE_URL: make restore FILE=... [FORCE=1]
restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/<file> [FORCE=1]"; \
	  ls -1t backups 2>/dev/null | head -n 5 | sed 's|^|  backups/|'; exit 2; }
	$(PY) bin/restore.py "$(FILE)" $(if $(filter-out 0,$(FORCE)),--yes)

## chaos: load gunicorn on a scratch PostgreSQL database, restart PostgreSQL, kill a worker;
## fails unless the app recovers by itself and every acknowledged write is kept
chaos: install
	$(PY) bin/chaos.py

## bench: fill a scratch PostgreSQL database (1,000 then 100,000 rows), serve it with gunicorn and
## load it with wrk; prints the table and writes bench/RESULTS.md (see bench/README.md)
bench: install
	$(PY) bench/run.py
