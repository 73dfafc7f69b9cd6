"""`sitrep serve`'s REST API over real HTTP, on a real database (SQLite file and PostgreSQL) made by
`sitrep ingest` from the seed, our three reports of the same day and the bundled examples.

Also: write tokens, size limits, escaping of a hostile article, injection strings in every
filter, CORS off, Host checks, exports and stats that agree with the list."""

from __future__ import annotations

import csv
import io
import json
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "store"))

from storekit import fresh_postgres_url  # noqa: E402

from sitrep.cli import main  # noqa: E402
from sitrep.service.openapi import openapi_spec  # noqa: E402
from sitrep.service.state import ServiceConfig  # noqa: E402
from sitrep.service.testing import RunningServer, serve_in_thread  # noqa: E402
from sitrep.store import open_store  # noqa: E402

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "shared" / "seed" / "balochistan-coordinated-attacks.txt"
OURS = HERE / "fixtures" / "store" / "balochistan"
EXAMPLES = HERE.parent / "src" / "sitrep" / "examples" / "examples.jsonl"
TOKEN = "test-token-5f2c"

HOSTILE_TEXT = (
    "Militants attacked a police checkpoint in Quetta on Sunday, killing five policemen, police said. "
    '<script>window.__pwned = "text"</script> Witnesses said <img src=x onerror="window.__pwned=1"> '
    "the attackers fled on motorcycles. </textarea></div><b onmouseover=alert(1)>hover</b> "
    "A spokesman said \"<iframe src='javascript:alert(2)'></iframe>\" was the attackers' slogan."
)
HOSTILE = {
    "text": HOSTILE_TEXT,
    "url": "javascript:alert(document.cookie)",
    "published": "2026-03-02",
    "outlet": '"><svg onload=alert(3)>',
    "title": "</title><script>window.__pwned='title'</script>Attack in Quetta",
}


def ingest_all(url: str) -> None:
    result = CliRunner().invoke(
        main,
        ["ingest", str(SEED), str(OURS), str(EXAMPLES), "--published", "2026-02-03", "--db", url],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("service") / "sitrep.db")
        ingest_all(url)
        yield url
    else:
        for url in fresh_postgres_url():
            ingest_all(url)
            yield url


@pytest.fixture(scope="module")
def server(db: str) -> Iterator[RunningServer]:
    with serve_in_thread(ServiceConfig(db_url=db, token=TOKEN)) as srv:
        yield srv


def get(server: RunningServer, path: str, **params: Any) -> tuple[int, Any]:
    query = urllib.parse.urlencode(params)
    return server.json("GET", path + ("?" + query if query else ""))


def all_events(server: RunningServer, **params: Any) -> list[dict[str, Any]]:
    status, page = get(server, "/api/events", limit=500, **params)
    assert status == 200, page
    assert page["total"] == len(page["items"])
    return page["items"]


# ---------------------------------------------------------------------- reads


def test_health_and_openapi_cover_every_route(server: RunningServer) -> None:
    status, health = get(server, "/api/health")
    assert status == 200 and health["status"] == "ok" and health["events"] >= 10
    status, spec = get(server, "/api/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    from sitrep.service.api import ROUTES

    for route in ROUTES:
        path = route.path.replace("{event_id:int}", "{event_id}")
        assert path in spec["paths"], path
        for method in route.methods - {"HEAD"}:
            assert method.lower() in spec["paths"][path], (path, method)
    assert spec == openapi_spec()


def test_list_matches_the_store(server: RunningServer, db: str) -> None:
    with open_store(db) as store:
        want = {e.id: e for e in store.events()}
    items = all_events(server)
    assert {e["id"] for e in items} == set(want)
    for item in items:
        rec = want[item["id"]]
        assert item["location"] == rec.location
        assert item["number_of_sources"] == rec.number_of_sources
        deaths = rec.deaths()
        assert item["fatalities"] == (deaths.best if deaths else 0)
    places = {e["location"] for e in items}
    assert {"Quetta", "Mastung", "Dalbandin", "Pasni", "Gwadar", "Nushki", "Kabul"} <= places
    merged = [e for e in items if e["date"] == "2026-02-02" and e["location"] == "Quetta"]
    assert len(merged) == 1 and merged[0]["number_of_sources"] >= 3


def test_sorting_and_pagination(server: RunningServer) -> None:
    items = all_events(server, sort="date")
    dated = [e["date"] for e in items if e["date"]]
    assert dated == sorted(dated)
    by_deaths = [e["fatalities"] for e in all_events(server, sort="-fatalities")]
    assert by_deaths == sorted(by_deaths, reverse=True)
    pages: list[int] = []
    offset = 0
    while True:
        status, page = get(server, "/api/events", sort="id", limit=4, offset=offset)
        assert status == 200
        pages += [e["id"] for e in page["items"]]
        offset += 4
        if offset >= page["total"]:
            break
    assert pages == sorted(e["id"] for e in items)


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"since": "2026-01-01"}, lambda e: e["date"] is not None and e["date"] >= "2026-01-01"),
        ({"until": "2025-12-31"}, lambda e: e["date"] is not None and e["date"] <= "2025-12-31"),
        ({"country": "PK"}, lambda e: e["country"] == "PK"),
        ({"country": "pak"}, lambda e: e["country"] == "PK"),
        ({"country": "Afghanistan"}, lambda e: e["country"] == "AF"),
        ({"admin1": "balochistan"}, lambda e: e["admin1"] == "Balochistan"),
        ({"type": "Battles"}, lambda e: e["event_type"] == "Battles"),
        ({"actor": "BLA"}, lambda e: any(a["id"] == "BLA" for a in e["actors"])),
        ({"min_fatalities": "10"}, lambda e: e["fatalities"] >= 10),
        (
            {"bbox": "66.5,29.8,67.5,30.5"},
            lambda e: (
                e["latitude"] is not None
                and 66.5 <= e["longitude"] <= 67.5
                and 29.8 <= e["latitude"] <= 30.5
            ),
        ),
        ({"q": "quetta"}, lambda e: "quetta" in json.dumps(e).lower()),
    ],
)
def test_each_filter_keeps_exactly_the_matching_events(
    server: RunningServer, params: dict[str, str], check: Any
) -> None:
    everything = all_events(server)
    kept = all_events(server, **params)
    assert kept, f"the seed has events for {params}"
    assert all(check(e) for e in kept), params
    if "q" not in params and "actor" not in params:
        assert {e["id"] for e in kept} == {e["id"] for e in everything if check(e)}


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"since": "2026-02-03", "until": "2026-02-01"},
        {"bbox": "1,2,3"},
        {"bbox": "10,10,5,5"},
        {"bbox": "nan,0,1,1"},
        {"limit": "0"},
        {"limit": "100000"},
        {"offset": "-1"},
        {"sort": "date; DROP TABLE events"},
        {"min_fatalities": "ten"},
        {"review_status": "bogus"},
        {"ids": "1,x"},
        {"colour": "red"},
        {"q": "x" * 500},
    ],
)
def test_bad_parameters_are_a_clear_400(server: RunningServer, params: dict[str, str]) -> None:
    status, body = get(server, "/api/events", **params)
    assert status == 400 and body["error"]


def test_event_detail_links_every_figure_to_its_words(server: RunningServer) -> None:
    quetta = next(
        e for e in all_events(server) if e["location"] == "Quetta" and e["date"] == "2026-02-02"
    )
    status, ev = get(server, f"/api/events/{quetta['id']}")
    assert status == 200
    assert ev["number_of_sources"] == len(ev["sources"]) >= 3
    assert ev["merge_decisions"] and any(d["action"] == "merge" for d in ev["merge_decisions"])
    anchors = set()
    for src in ev["sources"]:
        text = src["text"]
        for span in src["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
        for fig in src["figures"]:
            anchors.add(fig["anchor"])
            refs = [s for s in src["evidence"] if s["ref"] == fig["anchor"][4:]]
            assert refs, f"figure {fig['id']} has its words marked"
    for est in ev["figures"]:
        assert est["low"] <= est["best"] <= est["high"]
        for rep in est["reports"]:
            assert rep["link"] is None or rep["link"] in anchors
    status, _ = get(server, "/api/events/999999")
    assert status == 404


def test_map_points_and_stats_agree_with_the_list(server: RunningServer) -> None:
    items = all_events(server)
    status, pts = get(server, "/api/map")
    assert status == 200
    located = {e["id"] for e in items if e["latitude"] is not None}
    assert {p[0] for p in pts["points"]} == located
    for interval in ("day", "week", "month"):
        status, st = get(server, "/api/stats", interval=interval)
        assert status == 200
        assert st["events"] == len(items)
        assert st["fatalities"] == sum(e["fatalities"] for e in items)
        assert sum(b["events"] for b in st["buckets"]) + st["undated"]["events"] == len(items)
    status, st = get(server, "/api/stats", interval="week", country="AF")
    assert [b["start"] for b in st["buckets"]] == ["2025-02-10"]
    status, facets = get(server, "/api/facets")
    assert "PK" in {c["code"] for c in facets["countries"]}
    assert "Battles" in facets["event_types"]


def test_exports_load_as_files(server: RunningServer) -> None:
    items = all_events(server, country="PK")
    status, headers, body = server.request("GET", "/api/export?format=acled&country=PK")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert len(rows) == len(items)
    status, headers, body = server.request("GET", "/api/export?format=geojson&type=Battles")
    assert status == 200
    gj = json.loads(body)
    assert len(gj["features"]) == len(
        [e for e in all_events(server, type="Battles") if e["latitude"] is not None]
    )
    status, _, _ = server.request("GET", "/api/export?format=xls")
    assert status == 400


# ---------------------------------------------------------------------- security


INJECTIONS = [
    "' OR '1'='1",
    "1' OR 1=1 --",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "%' UNION SELECT id, text FROM articles --",
    "1) OR (1=1",
    "Quetta' --",
    "\u2019 OR 1=1",
]
TEXT_FILTERS = ["country", "admin1", "type", "actor", "q"]
TYPED_FILTERS = [
    "since",
    "until",
    "min_fatalities",
    "bbox",
    "review_status",
    "ids",
    "sort",
    "limit",
    "offset",
    "interval",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_strings_in_every_filter_match_nothing_and_harm_nothing(
    server: RunningServer, db: str, payload: str
) -> None:
    with open_store(db) as store:
        before = store.counts()
    for name in TEXT_FILTERS:
        for path in ("/api/events", "/api/map", "/api/stats"):
            status, body = get(server, path, **{name: payload})
            assert status == 200, (path, name, body)
            n = body["total"] if "total" in body else body["events"]
            if name == "q" and payload == "_" and path == "/api/events":
                # summaries really contain "_" (e.g. security_forces): those match, literally
                assert all("_" in e["summary"] for e in body["items"])
            elif not (name == "q" and payload == "_"):
                assert n == 0, (path, name, payload)
    for name in TYPED_FILTERS:
        status, body = get(server, "/api/events", **{name: payload})
        assert status == 400 and body["error"], (name, payload)
    status, _, _ = server.request("GET", "/api/events/" + urllib.parse.quote(payload, safe=""))
    assert status == 404
    with open_store(db) as store:
        assert store.counts() == before


def test_writes_need_the_token(server: RunningServer) -> None:
    article = {"text": "Gunmen killed two policemen in Turbat on Monday, police said."}
    assert server.json("POST", "/api/articles", article)[0] == 401
    assert server.json("POST", "/api/articles", article, token="wrong")[0] == 401
    status, headers, _ = server.request("PATCH", "/api/events/1", {"reviewer": "x", "accept": True})
    assert status == 401 and headers["www-authenticate"] == "Bearer"
    status, _, _ = server.request(
        "PATCH",
        "/api/events/1",
        {"reviewer": "x", "accept": True},
        headers={"Authorization": "Basic " + TOKEN},
    )
    assert status == 401


def test_read_only_server_refuses_every_write(db: str) -> None:
    with serve_in_thread(ServiceConfig(db_url=db, token=None)) as srv:
        status, _ = srv.json(
            "PATCH", "/api/events/1", {"reviewer": "x", "accept": True}, token="anything"
        )
        assert status == 401
        assert srv.json("GET", "/api/events")[0] == 200


def test_request_size_limits(db: str) -> None:
    with serve_in_thread(ServiceConfig(db_url=db, token=TOKEN, max_body=4096)) as srv:
        big = {"text": "Gunmen attacked a checkpoint. " * 400}
        status, _ = srv.json("POST", "/api/articles", big, token=TOKEN)
        assert status == 413
        # the same without Content-Length: a chunked body is counted as it arrives
        import http.client

        host, port = srv.url.rsplit("//", 1)[1].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        conn.putrequest("POST", "/api/articles")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Authorization", f"Bearer {TOKEN}")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        payload = json.dumps(big).encode()
        for i in range(0, len(payload), 1000):
            chunk = payload[i : i + 1000]
            conn.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        conn.send(b"0\r\n\r\n")
        assert conn.getresponse().status == 413
        conn.close()


def test_bad_write_bodies(server: RunningServer) -> None:
    status, _, _ = server.request(
        "POST",
        "/api/articles",
        raw=b"text=hello",
        token=TOKEN,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 415
    status, _, _ = server.request(
        "POST",
        "/api/articles",
        raw=b"{not json",
        token=TOKEN,
        headers={"Content-Type": "application/json"},
    )
    assert status == 400
    assert server.json("POST", "/api/articles", [1, 2], token=TOKEN)[0] == 400
    assert server.json("POST", "/api/articles", {"text": "   "}, token=TOKEN)[0] == 422
    assert server.json("POST", "/api/articles", {"text": "x", "evil": 1}, token=TOKEN)[0] == 400
    assert server.json("PATCH", "/api/events/1", {"accept": True}, token=TOKEN)[0] == 400
    assert (
        server.json("PATCH", "/api/events/1", {"reviewer": "a", "changes": {"id": 3}}, token=TOKEN)[
            0
        ]
        == 400
    )
    status, body = server.json(
        "PATCH", "/api/events/1", {"reviewer": "a", "changes": {"fatalities": "many"}}, token=TOKEN
    )
    assert status == 400 and "fatalities" in body["error"]
    assert (
        server.json("PATCH", "/api/events/999999", {"reviewer": "a", "accept": True}, token=TOKEN)[
            0
        ]
        == 404
    )


def test_headers_csp_no_cors_and_host_check(server: RunningServer) -> None:
    for path in ("/", "/api/events", "/static/dashboard.js"):
        status, headers, _ = server.request("GET", path, headers={"Origin": "https://evil.example"})
        assert status == 200
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in headers
    status, headers, _ = server.request(
        "OPTIONS",
        "/api/events",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "PATCH"},
    )
    assert status == 405 and "access-control-allow-origin" not in headers
    status, _, _ = server.request("GET", "/api/events", headers={"Host": "evil.example"})
    assert status == 400


# ---------------------------------------------------------------------- writes


def test_submit_article_then_review_it(server: RunningServer) -> None:
    article = {
        "text": "Militants attacked a police station in Kalat on Saturday, killing three policemen, "
        "police officials said. No group claimed the attack.",
        "published": "2026-03-08",
        "url": "https://example.org/kalat-checkpoint",
        "outlet": "Example Daily",
        "title": "Three levies killed in Kalat",
    }
    status, made = server.json("POST", "/api/articles", article, token=TOKEN)
    assert status == 201, made
    assert made["status"] == "new" and made["events"]
    event = made["events"][0]
    assert event["location"] == "Kalat" and event["fatalities"] == 3
    again = server.json("POST", "/api/articles", article, token=TOKEN)
    assert again[0] == 200 and again[1]["status"] == "duplicate"

    eid = event["id"]
    status, out = server.json(
        "PATCH",
        f"/api/events/{eid}",
        {"reviewer": "analyst-1", "reason": "hospital count", "changes": {"fatalities": 4}},
        token=TOKEN,
    )
    assert status == 200, out
    assert out["event"]["fatalities"] == 4 and out["event"]["review_status"] == "edited"
    # the list and its filters see the reviewed value
    assert eid in {e["id"] for e in all_events(server, min_fatalities=4, admin1="Balochistan")}
    assert eid not in {e["id"] for e in all_events(server, min_fatalities=5)}
    status, out = server.json(
        "PATCH", f"/api/events/{eid}", {"reviewer": "analyst-2", "accept": True}, token=TOKEN
    )
    assert status == 200 and out["event"]["review_status"] == "accepted"
    history = [(r["reviewer"], r["action"], r["field"]) for r in out["event"]["reviews"]]
    assert history == [("analyst-1", "edit", "fatalities"), ("analyst-2", "accept", None)]


def test_hostile_article_is_shown_as_text(server: RunningServer) -> None:
    status, made = server.json("POST", "/api/articles", HOSTILE, token=TOKEN)
    assert status == 201, made
    assert made["events"], "the hostile article still reports an attack"
    eid = made["events"][0]["id"]
    status, headers, body = server.request("GET", f"/events/{eid}")
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    for raw in (
        "<script>window",
        "<img src=x",
        "<iframe",
        "<b onmouseover",
        "<svg onload",
        "</title><script>",
        'href="javascript:',
    ):
        assert raw not in page, raw
    assert "&lt;script&gt;window.__pwned" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    assert page.count("<script") == page.count('<script src="/static/')
    status, headers, body = server.request("GET", f"/api/events/{eid}")
    assert headers["content-type"].startswith("application/json")
    assert json.loads(body)["sources"][0]["text"] == HOSTILE_TEXT


def test_merge_and_split_through_the_api(server: RunningServer) -> None:
    kabul = [e for e in all_events(server, country="AF")]
    if len(kabul) < 2:
        a = {
            "text": "Militants attacked an army post in Kandahar on Tuesday, killing two soldiers, officials said.",
            "published": "2025-06-04",
        }
        b = {
            "text": "Militants attacked a police station in Herat on Friday, killing a policeman, police said.",
            "published": "2025-06-07",
        }
        for art in (a, b):
            assert server.json("POST", "/api/articles", art, token=TOKEN)[0] == 201
        kabul = all_events(server, country="AF")
    keep, other = kabul[0]["id"], kabul[1]["id"]
    status, out = server.json(
        "PATCH", f"/api/events/{keep}", {"reviewer": "r", "merge": other}, token=TOKEN
    )
    assert status == 200, out
    merged = out["event"]
    assert merged["number_of_sources"] >= 1 and len(merged["sources"]) >= 1
    assert other not in {e["id"] for e in all_events(server)}
    incident_rows = [i["row"] for s in merged["sources"] for i in s["incidents"]]
    assert len(incident_rows) >= 2
    status, out = server.json(
        "PATCH",
        f"/api/events/{keep}",
        {"reviewer": "r", "split_incident": incident_rows[-1]},
        token=TOKEN,
    )
    assert status == 200, out
    assert out["new_event_id"] in {e["id"] for e in all_events(server)}


def test_serve_command_binds_loopback_and_prints_a_token(tmp_path: Path) -> None:
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "empty.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = [proc.stdout.readline() for _ in range(2)]  # type: ignore[union-attr]
        assert lines[0].startswith(f"sitrep dashboard: http://127.0.0.1:{port}/")
        assert lines[1].startswith("write token: ") and len(lines[1].split()[-1]) >= 24
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5) as r:
                    assert json.loads(r.read())["events"] == 0
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.1)
        conns = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True)
        if conns.returncode == 0 and conns.stdout.strip():
            assert conns.stdout.split()[3] == f"127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=15)
