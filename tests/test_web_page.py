"""The page in a real browser: headless Chromium (Debian's package) driven by Playwright, against
the API served by uvicorn on a free loopback port over the test Neo4j, holding the small
hand-built community of tests/fixtures/graph_view (see tests/test_graph_view.py for its shape).

Screenshots go to /tmp/grassroots-page-*.png for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import serve_app
from tests.graph_view_fixture import load_fixture

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path("/tmp")

# `make test` installs both; outside CI a developer without them gets a skip, CI gets a failure.
if os.environ.get("CI"):
    import playwright.sync_api as playwright_api

    assert shutil.which(CHROMIUM), "CI needs Debian's chromium: `make test` installs it (make browser)"
else:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (see `make test`)")
    if not shutil.which(CHROMIUM):
        pytest.skip("needs Debian's chromium: apt-get install -y chromium (see `make test`)", allow_module_level=True)

TIANMA_NAMES = {
    "天马社区",
    "曹溪街道",
    "新罗区",
    "曹溪街道党工委",
    "天马社区党委",
    "天马社区大党委",
    "曹溪街道办事处",
    "天马社区居委会",
    "龙岩市财政局",
    "张伟",
    "天马花园党支部",
    "龙岩红土物业服务有限公司",
    "天马花园业委会",
    "天马第一网格",
    "天马第二网格",
    "天马第一网格1号微格",
    "天马第一网格2号微格",
    "天马第二网格1号微格",
    "天马花园",
    "天马二村",
    "天马二村物业管理委员会",
    "天马花园1栋",
    "天马花园2栋",
    "天马二村1栋",
    "天马花园1栋党小组",
}


@pytest.fixture(scope="module")
def server(neo4j_server):
    from api.app import create_app

    load_fixture()  # the tests only read: one load for the module
    with serve_app(create_app(), start_timeout=20) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(server, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(10_000)
    page.goto(server)
    yield page
    page.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def drawn(page) -> set[str]:
    return set(page.eval_on_selector_all("#graph g.node", "els => els.map(e => e.dataset.name)"))


def listed(page) -> set[str]:
    return set(page.eval_on_selector_all("#node-list button", "els => els.map(e => e.dataset.name)"))


def test_search_community_click_node_path_and_trail(page):
    # Search by name, pick the community: its whole organizational picture is drawn.
    page.fill("#search-input", "天马社区")
    page.press("#search-input", "Enter")
    page.click('#search-results button[data-id="350802006002"][data-label="Community"]')
    page.wait_for_function("document.querySelectorAll('#graph g.node').length === 25")
    assert drawn(page) == TIANMA_NAMES
    assert listed(page) == TIANMA_NAMES
    legend = set(page.eval_on_selector_all("#legend li", "els => els.map(e => e.dataset.label)"))
    assert legend == {
        "Community",
        "Street",
        "District",
        "PartyOrg",
        "AdminOrg",
        "Unit",
        "Person",
        "PropertyCompany",
        "OwnersCommittee",
        "Grid",
        "MicroGrid",
        "Compound",
        "PropertyMgmtCommittee",
        "Building",
    }
    page.wait_for_timeout(1500)  # let the layout settle for the screenshot
    page.screenshot(path=str(SHOTS / "grassroots-page-community.png"))

    # Click a grid: its properties show, and its neighbours join the picture (grid worker, issue).
    page.click('#graph g.node[data-id="Grid:G1"] circle')
    page.wait_for_selector('#props-panel[data-node="Grid:G1"]')
    assert page.inner_text("#props-panel h3") == "天马第一网格"
    props = dict(
        page.eval_on_selector_all(
            "#props tr", "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])"
        )
    )
    assert {k: props[k] for k in ("id", "name", "kind")} == {
        "id": "G1",
        "name": "天马第一网格",
        "kind": "compound",
    }
    page.wait_for_function("document.querySelectorAll('#graph g.node').length === 27")
    assert drawn(page) == TIANMA_NAMES | {"李娜", "小区路灯不亮"}
    page.wait_for_timeout(800)
    page.screenshot(path=str(SHOTS / "grassroots-page-expanded.png"))

    # Path finder between a micro-grid and a building.
    page.fill("#path-from", "MG2a")
    page.fill("#path-to", "B1")
    page.click("#path-form button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#graph g.node').length === 6")
    assert drawn(page) == {
        "天马第二网格1号微格",
        "天马第二网格",
        "天马社区",
        "天马第一网格",
        "天马花园",
        "天马花园1栋",
    }
    assert page.locator("#graph line.link.path").count() == 5
    page.wait_for_timeout(800)
    page.screenshot(path=str(SHOTS / "grassroots-page-path.png"))

    # An issue's escalation trail, step by step.
    page.fill("#issue-id", "I1")
    page.click("#issue-form button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#trail li').length === 6")
    actions = page.eval_on_selector_all("#trail li", "els => els.map(e => e.dataset.action)")
    assert actions == ["filed", "escalated", "accepted", "escalated", "accepted", "resolved"]
    assert "小区路灯不亮" in drawn(page) and "曹溪街道党工委" in drawn(page)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SHOTS / "grassroots-page-issue.png"))


def test_ambiguous_id_offers_each_label_and_errors_show(page):
    page.fill("#search-input", "D1")
    page.press("#search-input", "Enter")
    page.wait_for_selector('#search-results button[data-label="Document"]')
    labels = page.eval_on_selector_all('#search-results button[data-id="D1"]', "els => els.map(e => e.dataset.label)")
    assert sorted(labels) == ["Department", "Document"]
    page.click('#search-results button[data-id="D1"][data-label="Department"]')
    page.wait_for_function("document.querySelectorAll('#graph g.node').length >= 2")
    assert {"新罗区住房和城乡建设局", "新罗区", "新罗区红色物业服务标准指引"} <= drawn(page)
    # An unknown community in the address bar: the reason is shown, nothing breaks.
    page.goto(page.url.split("#")[0] + "#community/999")
    page.wait_for_selector("#status.error")
    assert page.inner_text("#status") == "no Community with id '999'"
