# Jiceng (基层) — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_BASE := $(VENV)/.installed-base
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: demo test lint format check-migrations system-deps bench clean lock docs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Exact pins from the compiled lock files, then the package itself without resolving again.
$(STAMP_BASE): requirements/base.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(STAMP_DEV): requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@ $(STAMP_BASE)

demo: $(STAMP_BASE)
	JICENG_ENV=$${JICENG_ENV:-development} $(BIN)/jiceng demo $(DEMO_ARGS)

lint: $(STAMP_DEV)
	$(BIN)/ruff check jiceng tests bench
	$(BIN)/ruff format --check jiceng tests bench
	JICENG_ENV=test $(BIN)/mypy jiceng

check-migrations: $(STAMP_DEV)
	# An in-memory database: the check needs none, and a fresh clone has no var/ to open one in.
	JICENG_ENV=test DATABASE_URL=sqlite://:memory: $(BIN)/jiceng manage makemigrations --check --dry-run

# Browser tests drive Debian's chromium; CJK and emoji fonts make screenshots readable;
# gettext lets the catalogue test check that every translatable string is translated.
# Installed when we are root (CI, a fresh machine); otherwise those tests skip themselves.
SYSTEM_PACKAGES := chromium fonts-wqy-microhei fonts-noto-color-emoji gettext
system-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v xgettext >/dev/null 2>&1 \
	  && fc-list 2>/dev/null | grep -qi wqy; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "chromium, fonts or gettext missing and not root: those tests will be skipped"; fi

PYTEST_ARGS ?= -n 2
test: lint check-migrations system-deps
	JICENG_ENV=test $(BIN)/pytest $(PYTEST_ARGS)

# docs/configuration.md is written from the settings' parsers; a test fails when it is stale.
docs: $(STAMP_BASE)
	$(BIN)/jiceng config docs

format: $(STAMP_DEV)
	$(BIN)/ruff check --fix jiceng tests bench
	$(BIN)/ruff format jiceng tests bench

# Hashed pins, without this machine's package indexes: a fresh machine installs the same
# files from PyPI, and pip refuses any file whose hash differs.
LOCK_FLAGS := --quiet --strip-extras --generate-hashes --allow-unsafe --no-emit-index-url \
  --no-emit-find-links
lock: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile $(LOCK_FLAGS) -o requirements/base.txt pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra dev -o requirements/dev.txt pyproject.toml

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
