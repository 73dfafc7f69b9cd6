"""The ``sitrep`` command.  Subcommands live beside the code they drive and are imported lazily."""

from __future__ import annotations

import importlib
import importlib.util
import logging

import click

from sitrep import __version__

# name -> "module:attribute" of a click.Command
COMMANDS: dict[str, str] = {
    "extract": "sitrep.extract.cli:extract_command",
    "geocode": "sitrep.geo.cli:geocode_command",
    "evaluate": "sitrep.evaluate.cli:evaluate_command",
    "ingest": "sitrep.store.cli:ingest_command",
    "export": "sitrep.export.cli:export_command",
    "review": "sitrep.store.cli:review_command",
    "serve": "sitrep.service.cli:serve_command",
    "batch": "sitrep.batch.cli:batch_command",
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    @staticmethod
    def _available(name: str) -> bool:
        module = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not self._available(name):
            return None
        module, attr = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="sitrep")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Turn news reports of political violence into source-linked event data."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


if __name__ == "__main__":  # pragma: no cover
    main()
