"""The dashboard in a real headless Chromium (Debian's `chromium`, driven by Playwright): markers
for the seed's places, timeline, filters, table, an event page with its evidence highlighted and
linked to its figures, a review submitted and seen in the history, a hostile article shown as
text.  Screenshots go to the test's tmp folder (and to $SITREP_SCREENSHOT_DIR when set)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.service.state import ServiceConfig
from sitrep.service.testing import RunningServer, serve_in_thread

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "shared" / "seed" / "balochistan-coordinated-attacks.txt"
OURS = HERE / "fixtures" / "store" / "balochistan"
EXAMPLES = HERE.parent / "src" / "sitrep" / "examples" / "examples.jsonl"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "browser-token-0d9e"
SEED_PLACES = {"Quetta", "Mastung", "Dalbandin", "Pasni", "Gwadar", "Nushki"}


def shoot(page: Any, tmp: Path, name: str, *, full: bool = False) -> Path:
    path = tmp / name
    page.screenshot(path=str(path), full_page=full)
    extra = os.environ.get("SITREP_SCREENSHOT_DIR")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / name)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    db = str(tmp_path_factory.mktemp("dashboard") / "sitrep.db")
    result = CliRunner().invoke(
        main,
        ["ingest", str(SEED), str(OURS), str(EXAMPLES), "--published", "2026-02-03", "--db", db],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    with serve_in_thread(ServiceConfig(db_url=db, token=TOKEN)) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert Path(CHROMIUM).exists(), "install Debian's chromium and chromium-driver (see .ci/run)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: RunningServer) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]

    def console(msg: Any) -> None:
        if msg.type in ("error", "warning"):
            pg.problems.append(f"console {msg.type}: {msg.text}")  # type: ignore[attr-defined]

    def request(req: Any) -> None:
        if not req.url.startswith(server.url) and not req.url.startswith("data:"):
            pg.problems.append(f"request outside the server: {req.url}")  # type: ignore[attr-defined]

    pg.on("console", console)
    pg.on("pageerror", lambda exc: pg.problems.append(f"page error: {exc}"))  # type: ignore[attr-defined]
    pg.on("request", request)
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))  # type: ignore[attr-defined]
    yield pg
    context.close()


def open_dashboard(page: Any, server: RunningServer, hash_: str = "") -> None:
    page.goto(server.url + "/" + hash_)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)


def test_dashboard_shows_map_timeline_and_table(
    page: Any, server: RunningServer, tmp_path: Path
) -> None:
    status, listed = server.json("GET", "/api/events?limit=500")
    located = [e for e in listed["items"] if e["latitude"] is not None]
    open_dashboard(page, server)
    # the basemap is drawn from the bundled Natural Earth file: many country outlines
    page.wait_for_function("document.querySelectorAll('.leaflet-pane path').length > 100")
    assert int(page.get_attribute("body", "data-markers")) == len(located)
    markers = page.locator(".ev-marker").count()
    clusters = page.locator(".cluster").count()
    assert markers + clusters >= 2
    rows = page.locator("#events tbody tr")
    assert rows.count() == min(25, listed["total"])
    assert page.locator("#summary").inner_text().startswith(f"{listed['total']} events")
    assert page.locator("#timeline rect.bar-part").count() >= 3
    path = shoot(page, tmp_path, "dashboard.png")
    assert path.stat().st_size > 20_000
    assert page.problems == []  # type: ignore[attr-defined]


def test_markers_for_every_seed_place(page: Any, server: RunningServer) -> None:
    open_dashboard(page, server, "#since=2026-02-01&until=2026-02-03")
    status, listed = server.json("GET", "/api/events?since=2026-02-01&until=2026-02-03&limit=500")
    located = [e for e in listed["items"] if e["latitude"] is not None]
    assert {e["location"] for e in located} >= SEED_PLACES
    # the marker layer holds one marker per event, titled with its place and deaths
    titles = page.evaluate("() => sitrep.markers.getLayers().map(m => m.options.title)")
    assert sorted(titles) == sorted(f"{e['location']}: {e['fatalities']} deaths" for e in located)
    # what is drawn (single markers and clusters with their counts) adds up to every event; the
    # cluster layer animates, so wait (bounded) until the drawing settles instead of sleeping
    drawn_js = """() => document.querySelectorAll('.ev-marker').length +
        [...document.querySelectorAll('.cluster')].reduce((n, e) => n + Number(e.dataset.count), 0)"""
    try:
        page.wait_for_function(f"({drawn_js})() === {len(located)}", timeout=15_000)
    except Exception:  # noqa: BLE001 - report what was drawn instead of a bare timeout
        pass
    assert page.evaluate(drawn_js) == len(located), page.evaluate(
        """() => [...document.querySelectorAll('.ev-marker, .cluster')].map(
            e => e.className + '|' + (e.title || '') + '|' + (e.dataset.count || '') + '|' +
            (e.closest('.leaflet-pane') || {}).className)"""
    )
    # zoomed in on Quetta, the Quetta marker is drawn on its own, sized by its deaths
    page.evaluate("() => sitrep.map.setView([30.18, 67.0], 10, {animate: false})")
    page.wait_for_timeout(600)
    quetta = page.locator(".ev-marker[title^='Quetta:']")
    assert quetta.count() >= 1
    box = quetta.first.bounding_box()
    assert box and box["width"] >= 10
    assert page.problems == []  # type: ignore[attr-defined]


def test_filters_change_table_map_and_timeline(page: Any, server: RunningServer) -> None:
    open_dashboard(page, server)
    page.select_option("select[name=country]", "AF")
    page.evaluate("() => document.body.removeAttribute('data-ready')")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")
    cells = page.eval_on_selector_all(
        "#events tbody tr td:nth-child(2)", "els => els.map(e => e.innerText)"
    )
    assert cells and all("AF" in c for c in cells), cells
    status, listed = server.json("GET", "/api/events?country=AF")
    assert page.get_attribute("body", "data-markers") == str(
        len([e for e in listed["items"] if e["latitude"] is not None])
    )
    assert "country=AF" in page.url
    assert page.problems == []  # type: ignore[attr-defined]


def test_event_page_evidence_and_review(page: Any, server: RunningServer, tmp_path: Path) -> None:
    status, listed = server.json("GET", "/api/events?since=2026-02-02&until=2026-02-02&q=quetta")
    quetta = next(e for e in listed["items"] if e["location"] == "Quetta")
    open_dashboard(page, server, "#since=2026-02-02&until=2026-02-02&q=quetta")
    page.click(f"#events tbody tr[data-id='{quetta['id']}'] a")
    page.wait_for_url(f"**/events/{quetta['id']}")
    # every source article is shown with its evidence marked
    sources = page.locator("section.source")
    assert sources.count() == quetta["number_of_sources"] >= 3
    marks = page.locator("a.ev-figure")
    assert marks.count() >= 3
    # a figure's words link to the figure, and the figure links back to its words
    first = marks.first
    ref = first.get_attribute("data-figure")
    first.click()
    assert page.url.endswith(f"#fig-{ref}")
    target = page.locator(f"#fig-{ref}")
    assert target.is_visible()
    assert page.evaluate("() => document.querySelector(':target').id") == f"fig-{ref}"
    target.locator("a.to-evidence").click()
    assert page.url.endswith(f"#ev-{ref}")
    # the reconciled figures table links to figures present on the page
    for href in page.eval_on_selector_all(
        "table.figures a", "els => els.map(e => e.getAttribute('href'))"
    ):
        assert page.locator(href).count() == 1, href
    shoot(page, tmp_path, "event.png", full=True)

    # review: edit the death toll, then accept; both appear in the history
    page.select_option("#review select[name=action]", "edit")
    page.select_option("#review select[name=field]", "fatalities")
    page.fill("#review input[name=value]", "7")
    page.fill("#review input[name=reviewer]", "browser-analyst")
    page.fill("#review input[name=reason]", "hospital list")
    page.fill("#review input[name=token]", TOKEN)
    with page.expect_navigation():
        page.click("#review button[type=submit]")
    assert page.locator("#fatalities").inner_text() == "7"
    history = page.locator("#history").inner_text()
    assert "browser-analyst" in history and "hospital list" in history and "fatalities" in history
    assert page.locator("#review input[name=token]").input_value() == TOKEN  # kept for the session
    page.select_option("#review select[name=action]", "accept")
    with page.expect_navigation():
        page.click("#review button[type=submit]")
    assert page.locator("#review-state").inner_text() == "accepted"
    assert page.locator("#history tbody tr").count() == 2
    # a wrong token is refused and said so
    page.fill("#review input[name=token]", "wrong")
    page.click("#review button[type=submit]")
    page.wait_for_selector("#review-status.error")
    assert "Bearer" in page.locator("#review-status").inner_text()
    shoot(page, tmp_path, "event-reviewed.png", full=True)
    problems = [p for p in page.problems if "401" not in p]  # type: ignore[attr-defined]
    assert problems == []


def test_hostile_article_runs_no_script(page: Any, server: RunningServer, tmp_path: Path) -> None:
    sys.path.insert(0, str(HERE))
    from test_service import HOSTILE, HOSTILE_TEXT

    status, made = server.json("POST", "/api/articles", HOSTILE, token=TOKEN)
    assert status in (200, 201) and made["events"], made
    eid = made["events"][0]["id"]
    page.goto(f"{server.url}/events/{eid}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("iframe, svg[onload], img[onerror], .article script").count() == 0
    article = page.locator(".article").inner_text()
    assert "<script>window.__pwned" in article and "<img src=x onerror=" in article
    assert article == HOSTILE_TEXT
    assert page.locator("a[href^='javascript:']").count() == 0
    assert HOSTILE["title"] in page.locator("section.source h3").inner_text()
    assert HOSTILE["outlet"] in page.locator("section.source p.muted").first.inner_text()
    open_dashboard(page, server, "#since=2026-03-01")
    assert page.evaluate("() => window.__pwned") is None
    shoot(page, tmp_path, "hostile.png", full=True)
    assert [p for p in page.problems if "dialog" in p] == []  # type: ignore[attr-defined]
