# Task runner: CI calls `make test`; the README's two commands are `make run` and `make test`.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8501
# Where the app listens: this machine only, unless told otherwise (make run ADDRESS=0.0.0.0, behind a TLS proxy).
ADDRESS ?= 127.0.0.1
CHROMIUM := /usr/bin/chromium
# Debian's PostgreSQL server: the store's tests start a throwaway one (monitor/storage/local_postgres.py). Its
# initdb says the server is there: the client package alone (pg_dump, psql) also fills $(POSTGRES)/NN/bin.
POSTGRES ?= /usr/lib/postgresql
HAPROXY := /usr/sbin/haproxy
# make serve: app processes behind HAProxy, and HAProxy's port (the processes take the next ones: 8601, 8602…).
N ?= 2
SERVE_PORT ?= 8600

.PHONY: run serve test lint build runtime venv chromium postgresql haproxy bench clean backup restore account sample sample-remove

# The installer: uv, pinned and kept beside the project (.tools/), fetched once with the system's pip.
# It installs the packages in seconds where pip took ~85 s (docs/performance.md, "First start").
UV_VERSION := 0.13.8
UV_DIR := .tools/uv-$(UV_VERSION)
UV := $(UV_DIR)/bin/uv
# Fetched in the recipes that install, and only then (make lint VENV=... on an installed venv needs no uv).
UV_FETCH = test -x $(UV) || python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
	--target $(UV_DIR) uv==$(UV_VERSION)
# Never download a Python of its own: the venv uses the machine's python3 (3.11).
export UV_PYTHON_DOWNLOADS := never

# Two stamps: the app needs only requirements.txt (make run); tests and lint add requirements-dev.txt.
$(VENV)/.runtime: requirements.txt
	$(UV_FETCH)
	test -x $(PYTHON) || $(UV) venv --quiet --python python3 $(VENV)
	$(UV) pip install --quiet --python $(PYTHON) -r requirements.txt
	touch $@

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(UV_FETCH)
	test -x $(PYTHON) || $(UV) venv --quiet --python python3 $(VENV)
	$(UV) pip install --quiet --python $(PYTHON) -r requirements-dev.txt
	touch $@

runtime: $(VENV)/.runtime

venv: $(VENV)/.installed

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

chromium: $(CHROMIUM)

postgresql:
	$(if $(wildcard $(POSTGRES)/*/bin/initdb),,apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

$(HAPROXY):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null

haproxy: $(HAPROXY)

## Build the strategy database from data/ (always rebuilds).
build: runtime
	$(PYTHON) -m monitor.build

## Install, build the database if missing or stale (other sources, older version), start the app on http://localhost:$(PORT).
run: runtime
	$(PYTHON) -m monitor.build --if-stale
	$(VENV)/bin/streamlit run dashboard.py --server.port $(PORT) --server.address $(ADDRESS)

## N app processes (default 2) behind HAProxy on http://localhost:$(SERVE_PORT), sticky sessions, one store:
## G4B_STORE_URL, else a local PostgreSQL in data/store/postgres (docs/operations.md). Ctrl-C stops them all.
serve: runtime postgresql haproxy
	$(PYTHON) -m monitor.serve_many --processes $(N) --port $(SERVE_PORT)

## Install (venv + Debian's chromium for browser tests, PostgreSQL for the store's tests, HAProxy for make serve's),
## lint, run every test.
test: venv chromium postgresql haproxy lint
	$(PYTHON) -m pytest

## Style (ruff) and the import contracts of pyproject.toml (import-linter): layers, Streamlit only in the interface.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

## The user store (progress, validations, imports, audit log): a consistent copy, and back from one.
## On PostgreSQL (G4B_STORE_URL set) with pg_dump and pg_restore; FILE defaults to data/store/backup-<time>.<duckdb|dump>.
backup: runtime
	$(PYTHON) -m monitor.storage.store backup $(FILE)

restore: runtime
	@test -n "$(FILE)" || (echo "usage: make restore FILE=path/to/backup.duckdb (or .dump on PostgreSQL)" && exit 2)
	$(PYTHON) -m monitor.storage.store restore $(FILE)

## Create or replace an account: make account NAME=cabinet-mp ROLE=editor MEMBER=brussels_minister_president
## (EMAIL=address links it for single sign-on; add NO_PASSWORD=1 for an account that signs in only that way)
account: runtime
	$(PYTHON) -m monitor.storage.accounts add $(NAME) --role $(ROLE) $(if $(MEMBER),--member $(MEMBER)) \
		$(if $(EMAIL),--email $(EMAIL)) $(if $(NO_PASSWORD),--no-password)

## Generated, labelled sample progress for demos and training (and its removal).
sample: runtime
	$(PYTHON) -m monitor.progress.sample generate

sample-remove: runtime
	$(PYTHON) -m monitor.progress.sample remove

bench: venv chromium postgresql haproxy
	$(PYTHON) scripts/benchmark.py
	$(PYTHON) scripts/capacity.py

clean:
	rm -rf $(VENV) .tools .pytest_cache data/go4brussels.duckdb
