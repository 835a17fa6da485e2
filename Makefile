# Quick start: `make demo` runs the main job on samples/, `make test` runs the whole test suite.
# Both create the virtual environment .venv on first use (Python 3.11, packages from PyPI).
PYTHON ?= python3
VENV ?= .venv
STAMP := $(VENV)/.installed

.PHONY: demo test eval first-sight samples bench lint clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev,postgres,ocr]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/minutetrail demo

# the OCR tests need Tesseract (with its English data) and Ghostscript, OCRmyPDF's fallback rasterizer
OCR_DEBIAN_PACKAGES := tesseract-ocr:tesseract tesseract-ocr-eng ghostscript:gs

test: $(STAMP)
	.ci/ensure-chromium
	.ci/ensure-debian-packages $(OCR_DEBIAN_PACKAGES)
	$(VENV)/bin/python -m pytest

eval: $(STAMP)
	$(VENV)/bin/minutetrail eval ../shared/corpus samples

first-sight: $(STAMP)
	$(VENV)/bin/python bench/first_sight.py

samples: $(STAMP)
	$(VENV)/bin/python samples/generate.py

bench: $(STAMP)
	$(VENV)/bin/python bench/parse_speed.py
	$(VENV)/bin/python bench/memory.py
	$(VENV)/bin/python bench/dist_speed.py --pg

lint: $(STAMP)
	$(VENV)/bin/ruff check minutetrail tests samples bench --select F,E9
	$(VENV)/bin/mypy minutetrail --ignore-missing-imports

clean:
	rm -rf $(VENV) *.egg-info minutetrail-demo.db*
