# Two commands do all set-up on a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean system-libs web-system-libs

# WeasyPrint (PDF drafts) needs Pango and a font; install them from Debian packages when they are missing.
SYSTEM_LIBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
# Document intake reads scans and photos with Tesseract OCR, English and Spanish.
OCR_LIBS := tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

system-libs:
	@ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' && ldconfig -p | grep -q 'libpangoft2-1.0.so' \
		&& test -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf \
		|| ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $(SYSTEM_LIBS))
	@tesseract --list-langs 2>/dev/null | grep -qx spa && tesseract --list-langs 2>/dev/null | grep -qx eng \
		|| ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $(OCR_LIBS))

$(STAMP): pyproject.toml | $(BIN)/python system-libs
	$(BIN)/python -m pip install --quiet -e '.[test,web,web-test]'
	touch $(STAMP)

# The web tests drive Debian's Chromium (Playwright cannot download a browser here) and start a throwaway PostgreSQL.
web-system-libs:
	@test -x /usr/bin/chromium && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 \
		|| ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium postgresql)

# The web app on SQLite (var/reprieve.db) at http://127.0.0.1:8000, with a demo account and the example case.
# DATABASE_URL=postgresql://... runs it on PostgreSQL.
run: $(STAMP)
	$(BIN)/reprieve serve --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

# Every test on SQLite (browser tests included), then the web tests but the browser ones on a throwaway PostgreSQL.
test: lint web-system-libs
	$(BIN)/pytest -n auto --dist loadfile
	tests/web/with_postgres.sh $(BIN)/pytest -p no:cacheprovider tests/web -m "not browser"

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
