"""The generated artefacts stay in step with the model: cypher/ingest/*.cypher (ingest/gen_cypher.py)
and docs/ingest.md (`grassroots docs`). No Neo4j needed."""

from __future__ import annotations

from pathlib import Path

from graph.model.kinds import KINDS
from ingest import gen_cypher
from ingest.templates import docs_markdown

ROOT = Path(__file__).resolve().parent.parent  # the repository


def test_ingest_cypher_files_are_generated_from_the_model():
    generated = gen_cypher.generate()
    differ = [
        str(p.relative_to(ROOT))
        for p, text in generated.items()
        if not p.exists() or p.read_text(encoding="utf-8") != text
    ]
    assert differ == [], "run `python -m ingest.gen_cypher`"
    assert gen_cypher.stale() == []
    for kind in KINDS:  # one write statement per kind
        assert gen_cypher.OUT / f"{kind.name}.cypher" in generated


def test_every_ingest_statement_has_a_header():
    for path in sorted(gen_cypher.OUT.rglob("*.cypher")):
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("//")]
        keys = {line[2:].split(":", 1)[0].strip() for line in head}
        assert {"name", "description", "returns"} <= keys, path


def test_docs_are_generated_from_the_model():
    text = (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8")
    assert text == docs_markdown(), "run `grassroots docs`"
    for kind in KINDS:
        assert f"### `{kind.name}` ({kind.zh})" in text
        for name, zh, *_ in kind.columns():
            assert f"| `{name}` | {zh} |" in text
