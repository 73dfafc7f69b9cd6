"""``sitrep serve``: the REST API and dashboard over a store."""

from __future__ import annotations

import ipaddress
import os
import sys

import click

from sitrep.service.security import DEFAULT_MAX_BODY, LOOPBACK_HOSTS, new_token


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option(
    "--db",
    "db_url",
    default=None,
    help="Store: SQLite file (default sitrep.db) or postgresql://...",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="SITREP_TOKEN",
    default=None,
    help="Write token (env SITREP_TOKEN); a random one is made and printed when omitted.",
)
@click.option("--read-only", is_flag=True, help="Refuse every write (no token).")
@click.option(
    "--max-body",
    default=DEFAULT_MAX_BODY,
    show_default=True,
    type=click.IntRange(1024),
    help="Largest request body accepted, in bytes.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    help="Host header to accept besides loopback names (repeat; '*' for any).",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    help="Origin allowed to read the API from a browser (repeat). Default: none.",
)
@click.option(
    "--workers-log",
    "log_level",
    default="warning",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    help="uvicorn log level.",
)
def serve_command(
    db_url: str | None,
    host: str,
    port: int,
    token: str | None,
    read_only: bool,
    max_body: int,
    allow_hosts: tuple[str, ...],
    cors_origins: tuple[str, ...],
    log_level: str,
) -> None:
    """Serve the REST API (/api, spec at /api/openapi.json) and the dashboard (/) over a store."""
    try:
        import uvicorn

        from sitrep.service.app import create_app
        from sitrep.service.state import ServiceConfig
    except ImportError as exc:
        raise click.ClickException(
            f"the service needs its extra: pip install 'sitrep[service]' ({exc})"
        ) from exc
    from sitrep.store import DEFAULT_URL

    if read_only:
        token = None
    elif not token:
        token = new_token()
    hosts = LOOPBACK_HOSTS + tuple(allow_hosts)
    if not _is_loopback(host):
        click.echo(
            f"warning: listening on {host}, reachable from other machines; reads need no token",
            err=True,
        )
        if not allow_hosts:
            hosts = ("*",)
    config = ServiceConfig(
        db_url=db_url or os.environ.get("SITREP_DB") or DEFAULT_URL,
        token=token,
        max_body=max_body,
        allowed_hosts=hosts,
        cors_origins=tuple(cors_origins),
    )
    app = create_app(config)
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"sitrep dashboard: http://{shown}:{port}/   API: http://{shown}:{port}/api/openapi.json"
    )
    click.echo("writes: read-only" if token is None else f"write token: {token}")
    sys.stdout.flush()
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        proxy_headers=False,
        access_log=log_level in ("info", "debug"),
    )
