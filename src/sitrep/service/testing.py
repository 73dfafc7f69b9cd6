"""Helpers for tests and benchmarks: a real server on a loopback port in a background thread,
and a store seeded with the bundled example articles (real extractions, no mocks)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.service.state import ServiceConfig


@dataclass(frozen=True, slots=True)
class RunningServer:
    url: str  # http://127.0.0.1:PORT
    token: str | None

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """One HTTP request; gives status, headers (lower-case names) and body bytes."""
        data = raw
        hdrs = dict(headers or {})
        if body is not None:
            data = json.dumps(body).encode()
            hdrs.setdefault("Content-Type", "application/json")
        if token:
            hdrs["Authorization"] = f"Bearer {token}"
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()

    def json(self, method: str, path: str, body: Any = None, **kw: Any) -> tuple[int, Any]:
        status, _, data = self.request(method, path, body, **kw)
        return status, json.loads(data) if data else None


@contextlib.contextmanager
def serve_in_thread(config: ServiceConfig) -> Iterator[RunningServer]:
    """Run the app with uvicorn on 127.0.0.1 (a free port) until the block ends."""
    import uvicorn

    from sitrep.service.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), log_level="warning", access_log=False, lifespan="on")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield RunningServer(f"http://127.0.0.1:{port}", config.token)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def example_records() -> list[dict[str, Any]]:
    """The bundled example articles (``sitrep/examples/examples.jsonl``)."""
    text = resources.files("sitrep").joinpath("examples/examples.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def seed_store(db_url: str | Path, records: list[dict[str, Any]] | None = None) -> list[str]:
    """Extract and store ``records`` (default: the bundled examples); give the article ids."""
    import sitrep
    from sitrep.ingest import record_to_article
    from sitrep.store import open_store

    ids = []
    with open_store(db_url) as store:
        for i, record in enumerate(records if records is not None else example_records()):
            article = record_to_article(record, source=f"seed:{i}")
            extraction = sitrep.extract(article.text, published=article.published, article=article)
            ids.append(store.ingest(extraction, source="seed").article_id)
    return ids
