# bijak — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint lock messages system-deps clean mutation

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

## make mutation: mutation testing (mutmut, [tool.mutmut] in pyproject.toml) of the access checks,
## the audit chain, masking and mapping: a fresh run of all 2,000 mutants, over an hour on 2 busy
## cores, so not in CI. MUTANTS='bijak.site.claims.*' (mutmut names or globs) re-runs only those,
## keeping the other results. Prints killed/survived per file, writes benchmarks/results/mutation.json.
MUTATION_JOBS ?= 2
MUTANTS ?=
mutation: install
	$(if $(MUTANTS),rm -rf mutants/tests && mkdir -p mutants,rm -rf mutants && mkdir mutants)
	start=$$(date +%s); $(BIN)/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTS) >mutants/run.log 2>&1 \
	  || { tail -c 3000 mutants/run.log; exit 1; }; \
	$(BIN)/python scripts/mutation_report.py --seconds $$(( $$(date +%s) - start ))

lock:
	$(BIN)/pip-compile -q --extra dev --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

messages: install
	cd src/bijak && BIJAK_DEMO=true ../../$(BIN)/django-admin makemessages -l id -l en --settings=bijak.site.settings && BIJAK_DEMO=true ../../$(BIN)/django-admin compilemessages --settings=bijak.site.settings

clean:
	rm -rf $(VENV) var/bijak.sqlite3
