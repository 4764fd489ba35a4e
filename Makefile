# bijak — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint lock messages system-deps clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

## make demo: install, prepare var/bijak.sqlite3 with the policy and a demo organisation, serve on 127.0.0.1:8000
demo: install
	$(BIN)/bijak demo

## make test: install and run the whole suite (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL)
test: install system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

system-deps:
	@bash scripts/system-deps

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	BIJAK_DEMO=true $(BIN)/mypy

lock:
	$(BIN)/pip-compile -q --extra dev --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

messages: install
	cd src/bijak && BIJAK_DEMO=true ../../$(BIN)/django-admin makemessages -l id -l en --settings=bijak.site.settings && BIJAK_DEMO=true ../../$(BIN)/django-admin compilemessages --settings=bijak.site.settings

clean:
	rm -rf $(VENV) var/bijak.sqlite3
