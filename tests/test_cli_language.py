"""What people read from the CLI is Chinese by default and English with GRASSROOTS_LANG=en: one
test per command family not covered elsewhere (db: test_foundation; ingest: test_ingest_formats;
issues report: test_issue_stalled; docs: test_model_docs), each in both languages, checking the
facts the output states (counts, periods, units) as well as the words."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app
from graph.catalogue import statements
from graph.catalogue.schema import schema_statements
from graph.core.settings import get_settings
from graph.model.kinds import KINDS
from graph.services.stats.figures import ARTICLE_FIGURES

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["zh", "en"]


def _invoke(lang: str, *args: str):
    """The CLI in this process with GRASSROOTS_LANG=lang. Typer reads the annotations (and so the help
    texts, which read the settings) before CliRunner sets its env, so the variable is set here."""
    saved = os.environ.get("GRASSROOTS_LANG")
    os.environ["GRASSROOTS_LANG"] = lang
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        if saved is None:
            os.environ.pop("GRASSROOTS_LANG")
        else:
            os.environ["GRASSROOTS_LANG"] = saved
        get_settings.cache_clear()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize("lang, said", [("zh", "{n} 行"), ("en", "{n} rows")])
def test_query_list_says_how_many_rows(lang, said):
    res = _invoke(lang, "query", "--list")
    assert res.exit_code == 0
    assert _lines(res.output)[-1] == said.format(n=len(statements.catalogue()))


@pytest.mark.parametrize(
    "lang, applied, headers, online",
    [
        ("zh", "约束和索引已应用：{n} 条语句，所有索引均已在线。", ("种类", "名称", "类型", "状态"), "在线"),
        ("en", "Schema applied: {n} statements, all indexes online.", ("kind", "name", "type", "state"), "ONLINE"),
    ],
)
def test_schema_apply_and_show(db, lang, applied, headers, online):
    res = _invoke(lang, "schema", "apply")
    assert res.exit_code == 0
    assert _lines(res.output) == [applied.format(n=len(schema_statements()))]
    show = _invoke(lang, "schema", "show")
    assert show.exit_code == 0
    assert all(h in show.output for h in headers)
    assert online in show.output


@pytest.mark.parametrize(
    "lang, said",
    [
        ("zh", "已在 {out} 写入 {n} 个模板（每种输入一个 CSV 和一个 XLSX）。"),
        ("en", "Wrote {n} templates to {out} (CSV and XLSX per kind)."),
    ],
)
def test_templates_say_what_was_written(tmp_path, lang, said):
    out = tmp_path / "tpl"
    res = _invoke(lang, "templates", "--out", str(out))
    assert res.exit_code == 0
    assert len(list(out.iterdir())) == 2 * len(KINDS)
    assert _lines(res.output) == [said.format(out=out, n=2 * len(KINDS))]


@pytest.mark.parametrize(
    "lang, title, said",
    [
        ("zh", "演示数据：xinluo，种子 7", "已在 {out} 写入 {files} 个文件，共 {rows:,} 行（用时 "),
        ("en", "demo data, tier xinluo, seed 7", "{rows:,} rows in {files} files in {out} ("),
    ],
)
def test_demo_data_says_what_was_written(tmp_path, lang, title, said):
    out = tmp_path / "demo"
    res = _invoke(lang, "demo-data", "--tier", "xinluo", "--out", str(out))
    assert res.exit_code == 0
    written = sorted(out.glob("*.csv"))
    rows = 0
    for path in written:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows += sum(1 for _ in csv.reader(f)) - 1  # the header row
    assert title in res.output
    last = _lines(res.output)[-1]
    assert last.startswith(said.format(out=out, files=len(written), rows=rows))
    assert last.endswith(f"grassroots ingest {out}")


@pytest.mark.parametrize(
    "lang, title, said",
    [
        ("zh", "载入汇总", "3 个文件：已载入 379 行；有效 379 行，拒绝 0 行，用时 "),
        ("en", "Load summary", "3 files: loaded 379 rows; 379 valid, 0 rejected, in "),
    ],
)
def test_divisions_load_reports_like_ingest(db, lang, title, said):
    res = _invoke(lang, "divisions", "load", "--under", "350802")
    assert res.exit_code == 0, res.output
    assert title in res.output
    assert any(line.startswith(said) for line in _lines(res.output)), res.output


@pytest.mark.parametrize(
    "lang, agree, cells",
    [
        (
            "zh",
            "{n} 项指标中 {n} 项与报道一致。",
            ("召开联席会议", "2024年以来", "4,519,500元", "12,000人次", "99.11%"),
        ),
        (
            "en",
            "{n} of {n} figures agree with the article.",
            ("Joint meetings held", "since 2024", "4,519,500 yuan", "12,000 person-times", "99.11%"),
        ),
    ],
)
def test_stats_on_the_xinluo_tier(xinluo, lang, agree, cells):
    env = {**os.environ, "NEO4J_URI": xinluo.uri, "GRASSROOTS_LANG": lang, "COLUMNS": "300"}
    done = subprocess.run(
        [sys.executable, "-m", "cli", "stats", "--check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _lines(done.stdout)[-1] == agree.format(n=len(ARTICLE_FIGURES))
    assert all(c in done.stdout for c in cells), done.stdout
