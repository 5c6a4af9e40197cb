"""docs/model.md, the project's own description of the model, is generated from the model code and
stays in step with it; `grassroots docs --check` says so too. No Neo4j needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.model.docs import render
from graph.model.kinds import KINDS
from graph.model.nodes import NODE_MODELS

ROOT = Path(__file__).resolve().parent.parent  # the repository


def test_model_page_is_generated_from_the_code():
    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    assert text == render(), "docs/model.md is stale: run `grassroots docs`"


def test_it_names_every_label_property_and_relationship_type():
    text = render()
    for model in NODE_MODELS:
        assert f"#### `{model.label}`" in text
        for name in model.model_fields:
            assert f"| `{name}` |" in text
    types = {k.rel for k in KINDS if k.rel} | {r.rel for k in KINDS for r in k.refs if r.rel}
    types |= {"FIRST_STEP", "NEXT", "LAST_STEP"}
    for t in types:
        assert f"| `{t}` |" in text, t
    for definition in ("**Stalled between A and B**", "**Overdue at A**", "**as_of.**", "**Resolution level**"):
        assert definition in text


@pytest.mark.parametrize(
    "lang, up_to_date",
    [
        ("zh", f"{ROOT / 'docs'} 中的 3 个生成页面均为最新"),
        ("en", f"3 generated pages are up to date in {ROOT / 'docs'}"),
    ],
)
def test_docs_command_checks_every_generated_page(lang, up_to_date):
    """The pages are the same text in either language; only what the command says changes."""
    env = {**os.environ, "GRASSROOTS_LANG": lang}
    done = subprocess.run(
        [sys.executable, "-m", "cli", "docs", "--check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert up_to_date in done.stdout
