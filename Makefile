# MlRisk — see README.md. `make all` runs the pipeline on the embedded synthetic market and serves it;
# `make test` runs every test (real-market tests run when MLRISK_MARKET_DATA names the CSV folder).
SHELL := /bin/bash
DATA ?= ./data
ARTIFACTS ?= ./artifacts

.PHONY: all run serve validate web azurite dockerfile-lint web-audit test bench clean

all: run serve

# ./mlrisk installs the dashboard's npm packages itself when they are missing or older than the lockfile.
run:
	./mlrisk run --data $(DATA) --artifacts $(ARTIFACTS)

serve:
	./mlrisk serve --data $(DATA) --artifacts $(ARTIFACTS)

validate:
	./mlrisk validate --data $(DATA) --artifacts $(ARTIFACTS)

# Chart.js comes from npm (lockfile, no CDN); installed once, for the test build (./mlrisk installs it for itself).
web: web/node_modules/chart.js/package.json

web/node_modules/chart.js/package.json: web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund
	touch $@

# The Azurite blob emulator the blob-lake tests start (npm, lockfile).
azurite: tests/azurite/node_modules/.bin/azurite-blob

tests/azurite/node_modules/.bin/azurite-blob: tests/azurite/package.json tests/azurite/package-lock.json
	npm ci --prefix tests/azurite --no-audit --no-fund
	touch $@

# The Dockerfile linter the deployment tests run (npm, lockfile).
dockerfile-lint: tests/dockerfile-lint/node_modules/.bin/dockerfile-utils

tests/dockerfile-lint/node_modules/.bin/dockerfile-utils: tests/dockerfile-lint/package.json tests/dockerfile-lint/package-lock.json
	npm ci --prefix tests/dockerfile-lint --no-audit --no-fund
	touch $@

# Lighthouse and Redocly CLI, which judge the dashboard and /openapi.json in the web-audit tests (npm, lockfile).
web-audit: tests/lighthouse/node_modules/.bin/lighthouse

tests/lighthouse/node_modules/.bin/lighthouse: tests/lighthouse/package.json tests/lighthouse/package-lock.json
	npm ci --prefix tests/lighthouse --no-audit --no-fund
	touch $@

# The Functions-host harness tests start the published worker (./mlrisk publishes it when stale). A failed run
# repeats each failed test's name and message at the end, where a log's tail shows them.
test: web azurite dockerfile-lint web-audit
	dotnet build MlRisk.sln -c Release --nologo -v quiet -clp:ErrorsOnly
	./mlrisk --help >/dev/null
	@mkdir -p TestResults
	dotnet test MlRisk.sln -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee TestResults/test.log; \
	status=$${PIPESTATUS[0]}; \
	if [ "$$status" -ne 0 ]; then \
	  failed=$$(awk '/^  (Passed|Skipped) |^  Stack Trace:|^Test Run |^Total tests:/{p=0} /^  Failed /{p=1; n=0} p && n < 10 {print; n++}' TestResults/test.log); \
	  if [ -n "$$failed" ]; then echo "make test: failed tests (repeated from above; the whole log is TestResults/test.log):"; echo "$$failed"; \
	  else echo "make test: dotnet test exited $$status with no failed test (a crash or an abort?); the log's last lines:"; tail -n 40 TestResults/test.log; fi; \
	fi; \
	exit $$status

# The end-to-end runs start the app ./mlrisk runs; the launcher publishes it when stale.
bench:
	./mlrisk --help >/dev/null
	dotnet run -c Release --project bench/MlRisk.Bench/MlRisk.Bench.csproj -- $(BENCH_ARGS)

clean:
	dotnet clean MlRisk.sln --nologo -v quiet
	rm -rf $(DATA)/* $(ARTIFACTS)/* bench/results/*.json
	touch $(DATA)/.gitkeep $(ARTIFACTS)/.gitkeep
