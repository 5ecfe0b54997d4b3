"""Packaging that pyproject.toml cannot say: the top-level prompts/, seeds/ and eval/datasets/ folders
travel inside the wheel as rag/_bundled/..., so a plain `pip install .` works without the checkout.
Everything else about the project is in pyproject.toml."""

from setuptools import find_packages, setup

BUNDLED = {"rag._bundled.prompts": "prompts", "rag._bundled.seeds": "seeds", "rag._bundled.datasets": "eval/datasets"}

setup(
    packages=find_packages(include=["rag", "rag.*", "ui", "ui.*"]) + list(BUNDLED),
    package_dir=BUNDLED,
    # Fitted coefficients (answerability, checker) are small JSON files next to their modules; the settings
    # presets are TOML files in rag/presets/ (read by rag/config_sources.py).
    package_data={"": ["*.json", "*.onnx"], "rag": ["presets/*.toml"],
                  **{name: ["*.txt", "*.jsonl", "*.json"] for name in BUNDLED}},
)
