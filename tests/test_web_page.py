"""The page in a real browser: headless Chromium (Debian's package) driven by Playwright, against
the API served by uvicorn on a free loopback port over the test Neo4j: the small hand-built
community of tests/fixtures/graph_view (see tests/test_graph_view.py for its shape), and the
calibrated xinluo tier for the full-size community picture (285 nodes) and its screenshots.

The page draws on a canvas (Cytoscape.js): the tests read what is drawn from the page's own
objects (`window.grassroots`: the view model and the Cytoscape instance, which names are written)
and from the DOM (node list, legend, panels), and click nodes where they are on screen.
Screenshots go to /tmp/grassroots-page-*.png; GRASSROOTS_DOC_SHOTS=1 also writes docs/img/.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
from pathlib import Path
from urllib.parse import parse_qs, quote

import pytest

from graph.model.vocabulary import display
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
DOC_SHOTS = Path(__file__).parent.parent / "docs" / "img"
WEB = Path(__file__).parent.parent / "web"

# `make test` installs both; outside CI a developer without them gets a skip, CI gets a failure.
if os.environ.get("CI"):
    import playwright.sync_api as playwright_api

    assert shutil.which(CHROMIUM), "CI needs Debian's chromium: `make test` installs it (make browser)"
    assert (WEB / "node_modules" / "cytoscape").is_dir(), "CI needs the page's library: `make test` runs make web-deps"
else:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (see `make test`)")
    if not shutil.which(CHROMIUM):
        pytest.skip("needs Debian's chromium: apt-get install -y chromium (see `make test`)", allow_module_level=True)
    if not (WEB / "node_modules" / "cytoscape").is_dir():
        pytest.skip("needs the page's library: make web-deps (npm ci in web/)", allow_module_level=True)

TIANMA = "Community:350802006002"
# The community picture with buildings, building groups and micro-grids folded into their compound or grid.
TIANMA_FOLDED = {
    TIANMA,
    "Street:350802006",
    "District:350802",
    "PartyOrg:PO-SWC",
    "PartyOrg:PO-CC",
    "PartyOrg:PO-BPC",
    "AdminOrg:AO-SO",
    "AdminOrg:AO-RC",
    "Unit:U1",
    "Person:P1",
    "PartyOrg:PO-CB1",
    "PropertyCompany:PCO1",
    "OwnersCommittee:OC1",
    "Grid:G1",
    "Grid:G2",
    "Compound:C1",
    "Compound:C2",
    "PropertyMgmtCommittee:PMC2",
}
IN_C1 = {"Building:B1", "Building:B2", "PartyOrg:PO-BG1"}
IN_GRIDS = {"MicroGrid:MG1a", "MicroGrid:MG1b", "MicroGrid:MG2a"}


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


# Predicates are arrow functions: Playwright evaluates a bare expression with eval(), which the
# page's Content Security Policy (api/headers.py) refuses, as it should.
def open_page(browser, url: str, errors: list[str], *, width: int = 1440, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(15_000)
    page.goto(url)
    page.wait_for_function("() => document.body.dataset.booted === '1'")
    return page


@pytest.fixture()
def page(server, browser):
    errors: list[str] = []
    page = open_page(browser, server, errors)
    yield page
    page.context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


# --- reading what is drawn --------------------------------------------------------------------------
def renders(page) -> int:
    return int(page.evaluate("Number(document.body.dataset.renders || 0)"))


def wait_render(page, before: int) -> None:
    page.wait_for_function(f"() => Number(document.body.dataset.renders || 0) > {before}")


def in_view(page) -> set[str]:
    """The keys of the nodes drawn (folded ones are not), from the node list beside the drawing."""
    return set(page.eval_on_selector_all("#node-list button", "els => els.map(e => e.dataset.id)"))


def model_keys(page) -> set[str]:
    return set(page.evaluate("[...window.grassroots.model.nodes.keys()]"))


def named(page) -> set[str]:
    """Keys of the nodes whose names are written on the canvas now (without hovering or selecting)."""
    return set(page.evaluate("window.grassroots.canvas.cy.nodes('.item.named').map(e => e.id())"))


def drawn_links(page) -> set[tuple[str, str, str]]:
    return {
        tuple(x)
        for x in page.evaluate(
            "window.grassroots.canvas.cy.edges().map(e => [e.data('source'), e.id().split('|')[1], e.data('target')])"
        )
    }


def tap(page, key: str) -> None:
    """Clicks the node where it is drawn."""
    x, y = page.evaluate(
        """k => { const e = window.grassroots.canvas.cy.getElementById(k); const p = e.renderedPosition();
                  const r = document.querySelector('#graph').getBoundingClientRect();
                  return [r.left + p.x, r.top + p.y]; }""",
        key,
    )
    page.mouse.click(x, y)


def select(page, key: str) -> None:
    """Selects a node from the list of nodes in view (the keyboard's and screen reader's way in)."""
    page.evaluate("document.querySelector('#nodes-in-view').open = true")
    page.click(f'#node-list button[data-id="{key}"]')
    page.wait_for_selector(f'#props-panel[data-node="{key}"]')


def label_overlaps(page) -> list[tuple[str, str]]:
    """Pairs of written names whose boxes, as Cytoscape lays the text out, overlap."""
    return [
        tuple(p)
        for p in page.evaluate("""() => {
      const es = window.grassroots.canvas.cy.nodes('.item.named');
      const box = { includeNodes: false, includeEdges: false, includeLabels: true };
      const bs = es.map(e => [e.id(), e.boundingBox(box)]);
      const out = [];
      for (let i = 0; i < bs.length; i++) for (let j = i + 1; j < bs.length; j++) {
        const a = bs[i][1], b = bs[j][1];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push([bs[i][0], bs[j][0]]);
      }
      return out; }""")
    ]


def open_community(page, id: str = "350802006002") -> None:
    before = renders(page)
    page.evaluate(f"location.hash = '#community/{id}'")
    wait_render(page, before)
    page.wait_for_function("() => window.grassroots.state.mode === 'community'")


# --- the small community ---------------------------------------------------------------------------
def test_search_opens_the_folded_community_picture_in_chinese(page):
    # Chinese by default: the controls, the legend, the relationship names.
    assert page.inner_text("#undo") == "撤销" and page.inner_text("#export-png") == "PNG 图片"
    assert page.inner_text("#lang") == "English"
    page.fill("#search-input", "天马社区")
    page.press("#search-input", "Enter")
    before = renders(page)
    page.click('#search-results button[data-id="350802006002"][data-label="Community"]')
    wait_render(page, before)
    assert in_view(page) == TIANMA_FOLDED
    assert model_keys(page) == TIANMA_FOLDED | IN_C1 | IN_GRIDS | {"Building:B3"}
    legend = dict(
        page.eval_on_selector_all(
            "#legend li", "els => els.map(e => [e.dataset.label, e.querySelector('span + span').textContent])"
        )
    )
    assert legend == {
        label: display("label", label)
        for label in [
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
            "Compound",
            "PropertyMgmtCommittee",
        ]
    }
    # The names that matter are written at fit zoom, none over another.
    assert {
        TIANMA,
        "PartyOrg:PO-BPC",
        "Person:P1",
        "Unit:U1",
        "Grid:G1",
        "Grid:G2",
        "Compound:C1",
        "Compound:C2",
    } <= named(page)
    assert label_overlaps(page) == []
    page.screenshot(path=str(SHOTS / "grassroots-page-community.png"))

    # The compound's count badge opens on click: its buildings and their party group join.
    before = renders(page)
    tap(page, "Compound:C1")
    wait_render(page, before)
    assert in_view(page) == TIANMA_FOLDED | IN_C1
    assert page.inner_text("#props-panel h3") == "天马花园"
    before = renders(page)
    tap(page, "Compound:C1")  # and folds again
    wait_render(page, before)
    assert in_view(page) == TIANMA_FOLDED


def test_expand_by_one_relationship_type_adds_what_the_api_returns_and_undo_restores(page, server):
    import httpx

    open_community(page)
    shown = in_view(page)
    select(page, "Grid:G1")
    # The expand menu counts each relationship type and direction before expanding.
    page.wait_for_selector('#expand-menu button[data-type="WORKS"]')
    menu = page.eval_on_selector_all(
        "#expand-menu button.expand-type",
        "els => els.map(e => [e.dataset.type, e.dataset.direction, Number(e.dataset.count)])",
    )
    assert sorted(map(tuple, menu)) == [
        ("COVERS", "in", 1),
        ("IN_GRID", "in", 1),
        ("LOCATED_IN", "in", 1),
        ("PART_OF", "in", 2),
        ("PART_OF", "out", 1),
        ("WORKS", "in", 1),
    ]
    assert page.inner_text('#expand-menu button[data-type="WORKS"] span:nth-child(2)') == display(
        "relationship", "WORKS"
    )

    api = httpx.get(
        f"{server}/api/v1/graph/neighbourhood/G1",
        params={"label": "Grid", "types": "WORKS", "direction": "in", "limit": 60},
    ).json()
    before = renders(page)
    page.click('#expand-menu button[data-type="WORKS"][data-direction="in"]')
    wait_render(page, before)
    assert in_view(page) == shown | {n["id"] for n in api["nodes"]} == shown | {"Person:P2"}
    assert ("Person:P2", "WORKS", "Grid:G1") in drawn_links(page)

    before = renders(page)
    page.click("#undo")
    wait_render(page, before)
    assert in_view(page) == shown
    before = renders(page)
    page.click("#redo")
    wait_render(page, before)
    assert in_view(page) == shown | {"Person:P2"}

    # Hide and collapse are taken back the same way; the address bar holds the view.
    select(page, "Person:P2")
    before = renders(page)
    page.click("#hide")
    wait_render(page, before)
    assert "Person:P2" not in in_view(page)
    select(page, "Compound:C2")
    before = renders(page)
    page.click("#collapse")  # PMC2 hangs on the compound alone
    wait_render(page, before)
    assert in_view(page) == shown - {"PropertyMgmtCommittee:PMC2"}
    assert "hide=PropertyMgmtCommittee%3APMC2" in page.url
    before = renders(page)
    page.click("#undo")
    wait_render(page, before)
    assert in_view(page) == shown


def test_undo_takes_back_a_new_picture(page):
    open_community(page)
    shown, title = in_view(page), page.inner_text("#view-title")
    before = renders(page)
    page.evaluate("location.hash = '#path/MG2a/B1'")
    wait_render(page, before)
    assert in_view(page) == {"MicroGrid:MG2a", "Grid:G2", TIANMA, "Grid:G1", "Compound:C1", "Building:B1"}
    before = renders(page)
    page.click("#undo")
    wait_render(page, before)
    assert (in_view(page), page.inner_text("#view-title")) == (shown, title)
    assert "#community/350802006002" in page.url


def test_a_shared_address_rebuilds_the_view(page, browser, server):
    open_community(page)
    select(page, "Grid:G1")
    page.wait_for_selector('#expand-menu button[data-type="WORKS"]')
    before = renders(page)
    page.click('#expand-menu button[data-type="WORKS"][data-direction="in"]')
    wait_render(page, before)
    select(page, "Unit:U1")
    before = renders(page)
    page.click("#hide")
    wait_render(page, before)
    shown, url = in_view(page), page.url
    assert "add=Person%3AP2" in url and "hide=Unit%3AU1" in url
    errors: list[str] = []
    other = open_page(browser, url, errors)
    other.wait_for_function("() => window.grassroots.state.mode === 'community' && document.body.dataset.renders >= 2")
    assert in_view(other) == shown
    other.context.close()
    assert errors == []


def test_a_restricted_path_avoids_the_excluded_types(page):
    page.fill("#path-from", "U1")
    page.fill("#path-to", "P2")
    before = renders(page)
    page.click("#path-form button[type=submit]")
    wait_render(page, before)
    assert {t for _, t, _ in drawn_links(page)} == {"COVERS", "WORKS"}  # unrestricted: through the grid it covers
    page.click("#path-types-box summary")
    for t in ("PAIRED_WITH", "PART_OF", "WORKS"):
        page.check(f'#path-types input[value="{t}"]')
    before = renders(page)
    page.click("#path-form button[type=submit]")
    wait_render(page, before)
    assert in_view(page) == {"Unit:U1", TIANMA, "Grid:G1", "Person:P2"}
    assert drawn_links(page) == {
        ("Unit:U1", "PAIRED_WITH", TIANMA),
        ("Grid:G1", "PART_OF", TIANMA),
        ("Person:P2", "WORKS", "Grid:G1"),
    }
    assert set(parse_qs(page.url.split("?", 1)[1])["types"][0].split(",")) == {"PAIRED_WITH", "PART_OF", "WORKS"}
    assert page.evaluate("window.grassroots.canvas.cy.edges('.path').length") == 3
    page.screenshot(path=str(SHOTS / "grassroots-page-path.png"))


def test_export_png_svg_and_graph_json(page):
    open_community(page)
    with page.expect_download() as d:
        page.click("#export-png")
    png = Path(d.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 200 and height > 200 and len(png) > 5000
    assert d.value.suggested_filename.endswith(".png")
    with page.expect_download() as d:
        page.click("#export-svg")
    svg = Path(d.value.path()).read_text()
    assert "<svg" in svg and "天马社区" in svg
    with page.expect_download() as d:
        page.click("#export-json")
    g = json.loads(Path(d.value.path()).read_text())
    assert {n["id"] for n in g["nodes"]} == model_keys(page)
    assert all({"source", "target", "type"} <= set(link) for link in g["links"])


def test_a_search_phrase_draws_its_rows(page):
    page.fill("#search-input", "天马社区 的共建单位")
    before = renders(page)
    page.press("#search-input", "Enter")
    wait_render(page, before)
    page.wait_for_function("() => document.body.dataset.phraseRows === '1'")
    assert in_view(page) == {TIANMA, "Unit:U1"}
    assert drawn_links(page) == {("Unit:U1", "PAIRED_WITH", TIANMA)}
    rows = page.eval_on_selector_all("#phrase-rows tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    header, *body = rows
    assert dict(zip(header, body[0], strict=True))["unit_name"] == "龙岩市财政局" and len(body) == 1
    assert page.inner_text("#view-title") == "检索短语：天马社区 的共建单位"


def test_issue_timeline_levels_as_lanes_with_full_step_names(page):
    page.fill("#issue-id", "I1")
    before = renders(page)
    page.click("#issue-form button[type=submit]")
    wait_render(page, before)
    names = page.eval_on_selector_all("#trail li b", "els => els.map(e => e.textContent)")
    assert names == [
        "1. 立项（网格）",
        "2. 上报（网格）",
        "3. 受理（社区）",
        "4. 上报（社区）",
        "5. 受理（街道）",
        "6. 办结（街道）",
    ]
    lanes = page.evaluate(
        """() => Object.fromEntries(window.grassroots.canvas.cy.nodes('.lane')
                 .map(e => [e.id(), [e.data('label'), e.boundingBox().y1, e.boundingBox().y2]]))"""
    )
    assert {k: v[0] for k, v in lanes.items()} == {
        "lane:grid": "网格",
        "lane:community": "社区",
        "lane:street": "街道",
        "lane:district": "区",
    }
    steps = page.evaluate("""() => window.grassroots.canvas.cy.nodes('.item').filter(e => e.id().startsWith('Step:'))
                                .map(e => [e.id(), e.position().x, e.position().y])""")
    levels = ["grid", "grid", "community", "community", "street", "street"]
    for (key, _x, y), level in zip(sorted(steps, key=lambda s: s[1]), levels, strict=True):
        _, y1, y2 = lanes[f"lane:{level}"]
        assert y1 < y < y2, f"{key} in the {level} lane"
    assert [k for k, _, _ in sorted(steps, key=lambda s: s[1])] == [f"Step:I1#{i}" for i in range(1, 7)]
    assert {f"Step:I1#{i}" for i in range(1, 7)} <= named(page)
    assert label_overlaps(page) == []
    page.screenshot(path=str(SHOTS / "grassroots-page-issue.png"))


def test_english_on_request_and_remembered(page, server):
    before = page.inner_text("#legend") if page.query_selector("#legend li") else ""
    assert before == ""
    page.click("#lang")
    page.wait_for_url("**lang=en**")
    page.wait_for_function("() => document.body.dataset.booted === '1'")
    assert page.inner_text("#undo") == "Undo" and page.inner_text("#lang") == "中文"
    assert page.get_attribute("html", "lang") == "en"
    # Remembered without the parameter; names of coded values in English too.
    page.goto(f"{server}/#community/350802006002")
    page.wait_for_function("() => document.body.dataset.booted === '1' && window.grassroots.state.mode === 'community'")
    assert page.inner_text("#export-svg") == "SVG drawing"
    legend = dict(
        page.eval_on_selector_all(
            "#legend li", "els => els.map(e => [e.dataset.label, e.querySelector('span + span').textContent])"
        )
    )
    assert legend["Grid"] == display("label", "Grid", "en") and legend["PartyOrg"] == display("label", "PartyOrg", "en")
    page.click("#lang")
    page.wait_for_url("**lang=zh**")
    page.wait_for_function("() => document.body.dataset.booted === '1'")
    assert page.inner_text("#undo") == "撤销"


def test_docs_render_with_the_network_off(browser, server):
    """/docs (Swagger UI) and /redoc come from files the API serves itself: with every request to
    another origin refused, both render the API's operations and nothing outside was asked for."""
    context = browser.new_context()
    outside: list[str] = []

    def only_our_origin(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_our_origin)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    paths = page.eval_on_selector_all(".opblock-summary-path", "els => els.map(e => e.textContent)")
    assert "/api/v1/queries/{name}" in {p.replace("\u200b", "") for p in paths}
    page.goto(f"{server}/redoc")
    page.wait_for_function("() => document.querySelectorAll('[data-section-id]').length > 10", timeout=30_000)
    context.close()
    assert outside == [] and errors == []


def test_ambiguous_id_offers_each_label_and_errors_show(page):
    page.fill("#search-input", "D1")
    page.press("#search-input", "Enter")
    page.wait_for_selector('#search-results button[data-label="Document"]')
    labels = page.eval_on_selector_all('#search-results button[data-id="D1"]', "els => els.map(e => e.dataset.label)")
    assert sorted(labels) == ["Department", "Document"]
    before = renders(page)
    page.click('#search-results button[data-id="D1"][data-label="Department"]')
    wait_render(page, before)
    assert {"Department:D1", "District:350802", "Document:D1"} <= in_view(page)
    # An unknown community in the address bar: the reason is shown, nothing breaks.
    page.goto(page.url.split("#")[0] + "#community/999")
    page.wait_for_selector("#status.error")
    assert page.inner_text("#status") == "no Community with id '999'"


# --- the xinluo tier: the full-size picture ------------------------------------------------------------
@pytest.fixture(scope="module")
def xinluo_server(xinluo):
    from api.app import create_app
    from api.deps import store_dep

    app = create_app()
    app.dependency_overrides[store_dep] = lambda: xinluo.store
    with serve_app(app, start_timeout=20) as url:
        yield url


def test_xinluo_community_picture_names_the_secretary_and_paired_units(browser, xinluo_server):
    import httpx

    g = httpx.get(f"{xinluo_server}/api/v1/graph/community/350802006002", timeout=30).json()
    assert len(g["nodes"]) > 250
    secretary = {link["source"] for link in g["links"] if link["type"] == "SECRETARY_OF"}
    paired = {link["source"] for link in g["links"] if link["type"] == "PAIRED_WITH"}
    assert len(secretary) == 1 and len(paired) == 2
    grids_and_compounds = {n["id"] for n in g["nodes"] if n["label"] in ("Grid", "Compound")}
    bpc = {n["id"] for n in g["nodes"] if n["properties"].get("kind") == "big_party_committee"}
    errors: list[str] = []
    page = open_page(browser, f"{xinluo_server}/#community/350802006002", errors)
    page.wait_for_function("() => window.grassroots.state.mode === 'community' && document.body.dataset.renders >= 1")
    page.wait_for_timeout(300)
    written = named(page)
    must = secretary | paired | bpc | grids_and_compounds
    assert must <= written, sorted(must - written)
    assert label_overlaps(page) == []
    # Names are written at least 11 px high on screen, whatever the zoom.
    px = page.evaluate(
        "(() => { const cy = window.grassroots.canvas.cy; "
        "return parseFloat(cy.nodes('.item.named')[0].style('font-size')) * cy.zoom(); })()"
    )
    assert px >= 11
    # Buildings and building party groups are folded into their compounds.
    shown = in_view(page)
    assert not any(k.startswith("Building:") for k in shown) and len(shown) < 100
    page.screenshot(path=str(SHOTS / "grassroots-page-xinluo-community.png"))
    if os.environ.get("GRASSROOTS_DOC_SHOTS"):
        page.screenshot(path=str(DOC_SHOTS / "community-tianma.png"))
    page.context.close()
    assert errors == []


def test_xinluo_stalled_issues_phrase_and_an_issue_timeline(browser, xinluo_server):
    import httpx

    rows = []
    for between in ("grid-community", "community-street", "street-district"):
        r = httpx.post(
            f"{xinluo_server}/api/v1/queries/issues_stalled", json={"between": between, "limit": 5000}, timeout=30
        )
        rows += [row for row in r.json()["rows"] if row.get("street_id") == "350802006"]
    assert rows, "the xinluo tier has stalled issues in 曹溪街道"
    errors: list[str] = []
    page = open_page(browser, f"{xinluo_server}/#phrase/{quote('曹溪街道 滞留问题')}", errors)
    page.wait_for_function(f"() => document.body.dataset.phraseRows === '{len(rows)}'", timeout=30_000)
    assert {f"Issue:{r['issue_id']}" for r in rows} <= in_view(page)
    assert len(page.query_selector_all("#phrase-rows tr")) == len(rows) + 1

    # A trail that climbs levels, as a timeline: one that left the highest level.
    order = ["grid", "community", "street", "district"]
    issue = max(rows, key=lambda r: (order.index(r["left_level"]), r["issue_id"]))["issue_id"]
    before = renders(page)
    page.evaluate(f"location.hash = '#issue/{issue}'")
    wait_render(page, before)
    steps = [k for k in in_view(page) if k.startswith("Step:")]
    assert steps and set(steps) <= named(page)
    assert label_overlaps(page) == []
    page.screenshot(path=str(SHOTS / "grassroots-page-xinluo-issue.png"))
    if os.environ.get("GRASSROOTS_DOC_SHOTS"):
        page.screenshot(path=str(DOC_SHOTS / "issue-timeline.png"))
    page.context.close()
    assert errors == []
