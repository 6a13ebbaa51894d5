# Task runner: CI calls `make test`; the README's two commands are `make run` and `make test`.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8501
# Where the app listens: this machine only, unless told otherwise (make run ADDRESS=0.0.0.0, behind a TLS proxy).
ADDRESS ?= 127.0.0.1
CHROMIUM := /usr/bin/chromium
# Debian's PostgreSQL server: the store's tests start a throwaway one (monitor/storage/local_postgres.py).
POSTGRES := /usr/lib/postgresql
HAPROXY := /usr/sbin/haproxy
# make serve: app processes behind HAProxy, and HAProxy's port (the processes take the next ones: 8601, 8602…).
N ?= 2
SERVE_PORT ?= 8600

.PHONY: run serve test lint build venv chromium postgresql haproxy bench clean backup restore account sample sample-remove

$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

chromium: $(CHROMIUM)

$(POSTGRES):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null

postgresql: $(POSTGRES)

$(HAPROXY):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null

haproxy: $(HAPROXY)

## Build the strategy database from data/ (always rebuilds).
build: venv
	$(PYTHON) -m monitor.build

## Install, build the database if missing or stale (other sources, older version), start the app on http://localhost:$(PORT).
run: venv
	$(PYTHON) -m monitor.build --if-stale
	$(VENV)/bin/streamlit run dashboard.py --server.port $(PORT) --server.address $(ADDRESS)

## N app processes (default 2) behind HAProxy on http://localhost:$(SERVE_PORT), sticky sessions, one store:
## G4B_STORE_URL, else a local PostgreSQL in data/store/postgres (docs/operations.md). Ctrl-C stops them all.
serve: venv $(POSTGRES) $(HAPROXY)
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
backup: venv
	$(PYTHON) -m monitor.storage.store backup $(or $(FILE),data/store/backup-$(shell date +%Y%m%d-%H%M%S).duckdb)

restore: venv
	@test -n "$(FILE)" || (echo "usage: make restore FILE=path/to/backup.duckdb" && exit 2)
	$(PYTHON) -m monitor.storage.store restore $(FILE)

## Create or replace an account: make account NAME=cabinet-mp ROLE=editor MEMBER=brussels_minister_president
account: venv
	$(PYTHON) -m monitor.storage.accounts add $(NAME) --role $(ROLE) $(if $(MEMBER),--member $(MEMBER))

## Generated, labelled sample progress for demos and training (and its removal).
sample: venv
	$(PYTHON) -m monitor.progress.sample generate

sample-remove: venv
	$(PYTHON) -m monitor.progress.sample remove

bench: venv chromium $(POSTGRES) $(HAPROXY)
	$(PYTHON) scripts/benchmark.py
	$(PYTHON) scripts/capacity.py

clean:
	rm -rf $(VENV) .pytest_cache data/go4brussels.duckdb
