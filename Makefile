# The two commands of the README:
#   make run   set up, ingest the seeds, serve the chat UI on the embedded defaults
#   make test  set up, run the test suite
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# llama-cpp-python compiles from source: build only the library (no examples, tools, server, multimodal).
LLAMA_CMAKE_ARGS := -DLLAVA_BUILD=OFF -DLLAMA_BUILD_MTMD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
	-DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_CURL=OFF
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
export HF_HUB_OFFLINE := 1

.PHONY: setup run test browser install-check eval eval-retrieval bench clean

setup: $(VENV)/.installed

# torch first, from the local CPU wheel: anything that pulls torch later then finds it and no CUDA is fetched.
$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) \
		$(BIN)/pip install --quiet -e '.[llm,test]'
	touch $@

run: setup
	$(BIN)/rag ingest
	$(BIN)/rag ui --llm auto

test: setup browser
	$(BIN)/python -m pytest -q

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
# Without it the test run stops here with the line that installs it: browser tests are never skipped.
browser:
	@test -x /usr/bin/chromium || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "the browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# A plain (non-editable) install into a fresh venv, used from outside the checkout: the package must
# carry its prompts, seeds and datasets. Reuses pip's cache, so llama-cpp-python is not rebuilt.
INSTALL_CHECK := $(or $(TMPDIR),/tmp)/rag-install-check
install-check:
	rm -rf $(INSTALL_CHECK) && $(PY) -m venv $(INSTALL_CHECK)/venv
	$(INSTALL_CHECK)/venv/bin/pip install --quiet --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(INSTALL_CHECK)/venv/bin/pip install --quiet '.[llm]'
	cd $(INSTALL_CHECK) && RAG_HOME=$(INSTALL_CHECK)/home venv/bin/rag ingest && \
		RAG_HOME=$(INSTALL_CHECK)/home venv/bin/rag ask --llm embedded "Which paper proposes Gaussian trust regions for PPO?"

# Retrieval of ours and the baselines on the seed questions (about a minute).
eval-retrieval: setup
	$(BIN)/rag ingest
	$(BIN)/rag eval --dataset eval/datasets/seeds.jsonl --retrieval-only --out eval/out/retrieval

# The slow answer eval with the embedded LLM (4-10 min on 2 cores); not part of `make test`.
eval: setup
	$(BIN)/rag ingest
	$(BIN)/rag eval --dataset eval/datasets/seeds.jsonl --llm embedded --out eval/out/answer

bench: setup
	$(BIN)/python eval/bench_all.py

clean:
	rm -rf $(VENV) data
