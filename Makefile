# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check install clean bench bench-push bench-map bench-plans bench-history bench-request bench-workers bench-nested

WEB_STAMP := web/vendor/.installed

# The service depends on the client in clients/python (not on PyPI): one pip call installs both.
$(STAMP): pyproject.toml clients/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e clients/python -e '.[dev]'
	touch $(STAMP)

# The map's layout library and GraphiQL's files, pinned by web/package-lock.json (needs Node 20 and npm),
# copied into web/vendor/ for the service to serve (api/pages.py).
$(WEB_STAMP): web/package.json web/package-lock.json web/copy-vendor.mjs
	cd web && npm ci --no-audit --no-fund --loglevel=error && node copy-vendor.mjs
	touch $(WEB_STAMP)

# GraphQL Code Generator and TypeScript, pinned by clients/typescript/package-lock.json: tests/clients/test_typescript.py
# checks that the README's operations compile under tsc --strict.
TS_STAMP := clients/typescript/node_modules/.installed
$(TS_STAMP): clients/typescript/package.json clients/typescript/package-lock.json
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error
	touch $(TS_STAMP)

# ariadne-codegen, which writes the Python client's clients/python/aligngraph_client/generated/ (codegen.py), in a
# virtualenv of its own: it needs graphql-core 3.2 and the service 3.3. Pinned by codegen-requirements.txt.
CODEGEN := .venv-codegen
CODEGEN_STAMP := $(CODEGEN)/.installed
$(CODEGEN_STAMP): clients/python/codegen-requirements.txt
	$(PYTHON) -m venv $(CODEGEN)
	$(CODEGEN)/bin/pip install --quiet -r clients/python/codegen-requirements.txt
	touch $(CODEGEN_STAMP)

install: $(STAMP) $(WEB_STAMP) $(TS_STAMP) $(CODEGEN_STAMP)

## Start local Neo4j, apply the schema, load the demo organisation, serve the map at :8000/ and GraphiQL at /graphql.
run: install
	$(BIN)/aligngraph serve --demo

## Lint, type-check and run the whole test suite against a real Neo4j.
test: install check
	runtime/chromium.sh
	$(BIN)/pytest

## Time the alignment questions on the synthetic large organisation (BENCH_ARGS="--runs 50 --keep").
bench: $(STAMP)
	$(BIN)/python -m bench.alignment $(BENCH_ARGS)

## Time pushKeyResultValues in batches of 1, 100 and 10,000, over GraphQL and direct (BENCH_ARGS="--runs 50 --keep").
bench-push: $(STAMP)
	$(BIN)/python -m bench.push $(BENCH_ARGS)

## Time the alignment map's drawing at a business unit of ~500 objectives in headless Chromium (BENCH_ARGS="--runs 10").
bench-map: install
	$(BIN)/python -m bench.map $(BENCH_ARGS)

## Time progressHistory: a 12-month monthly series of a strategic objective on the synthetic large organisation.
bench-history: $(STAMP)
	$(BIN)/python -m bench.history $(BENCH_ARGS)

## The fixed cost of a small request: p50 and the API's CPU per request, on the demo organisation.
bench-request: $(STAMP)
	$(BIN)/python -m bench.request $(BENCH_ARGS)

## Throughput at 8 concurrent requests with one worker process and with two (BENCH_ARGS="--workers 1,2,4").
bench-workers: $(STAMP)
	$(BIN)/python -m bench.workers $(BENCH_ARGS)

## Nested reads on the synthetic organisation: p50, API CPU per request and per returned field (bench/nested.py).
bench-nested: $(STAMP)
	$(BIN)/python -m bench.nested $(BENCH_ARGS)

## Time plan files on the synthetic large organisation: export, fresh import, a dry run, a re-import (BENCH_ARGS="--profile").
bench-plans: $(STAMP)
	$(BIN)/python -m bench.plans $(BENCH_ARGS)

check: $(STAMP) $(CODEGEN_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/ruff check clients/python
	$(BIN)/ruff format --check clients/python
	$(BIN)/mypy
	cd clients/python && ../../$(BIN)/mypy
	# The one-way rule (import-linter contracts in pyproject, tests/test_layers.py; docs/ARCHITECTURE.md) and a
	# schema that describes itself (tests/test_schema_descriptions.py).
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest -q -p no:cacheprovider tests/test_layers.py tests/test_schema_descriptions.py
	# No change to the GraphQL schema breaks clients unless CHANGELOG.md lists it (api/cli/schema_check.py).
	$(BIN)/aligngraph check-schema
	# The Python client's generated code is what ariadne-codegen writes from schema.graphql (clients/python/codegen.py).
	$(BIN)/python clients/python/codegen.py --check

clean:
	-$(BIN)/aligngraph neo4j stop
	rm -rf $(VENV) $(CODEGEN) .neo4j web/node_modules web/vendor clients/typescript/node_modules
