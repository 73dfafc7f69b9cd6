"""Evaluation datasets read into typed records: MUC-4, WikiEvents and sitrep's own gold format.

Every loader takes a path to a JSON-lines file (one record a line) and an optional ``limit``,
and raises :class:`~sitrep.errors.EvaluationError` for a missing or malformed file.  The
default files live in the shared data folder beside the project (``../shared/data``), which
``SITREP_DATA_DIR`` or ``--data`` can override.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import EvaluationError

MUC_ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
WIKI_ROLES: tuple[str, ...] = ("Attacker", "Target", "Victim", "Instrument", "Place")

#: dataset name -> (folder in the data dir, file name pattern with {split})
DATASET_FILES: dict[str, tuple[str, str]] = {
    "muc4": ("muc4", "{split}.jsonl"),
    "wikievents": ("wikievents", "{split}.jsonl"),
    "ucdp-places": ("ucdp_ged_pakistan", "events.jsonl"),
}


# --------------------------------------------------------------------------- paths


def default_data_dir() -> Path:
    """``$SITREP_DATA_DIR`` if set, else the ``shared/data`` folder beside the project root."""
    env = os.environ.get("SITREP_DATA_DIR")
    if env:
        return Path(env)
    return (Path(__file__).resolve().parents[3] / ".." / "shared" / "data").resolve()


def default_gold_file() -> Path:
    """The project's own gold articles, ``tests/gold/articles.jsonl``."""
    return Path(__file__).resolve().parents[3] / "tests" / "gold" / "articles.jsonl"


def dataset_path(name: str, *, split: str = "dev", data: Path | str | None = None) -> Path:
    """The file to score for dataset ``name``.

    ``data`` may be a file (used as is) or a folder holding the dataset folders; without it the
    default data folder is used.
    """
    if name not in DATASET_FILES:
        raise EvaluationError(f"unknown dataset {name!r}; expected one of {sorted(DATASET_FILES)}")
    if data is not None and Path(data).is_file():
        return Path(data)
    base = Path(data) if data is not None else default_data_dir()
    folder, pattern = DATASET_FILES[name]
    path = base / folder / pattern.format(split=split)
    if not path.exists():
        raise EvaluationError(
            f"{name}: no file {path} (split {split!r}); pass --data FILE or set SITREP_DATA_DIR"
        )
    return path


def file_sha256(path: Path | str) -> str:
    """Hex sha256 of a file's bytes (recorded in reports and checked by the gate)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_jsonl(path: Path | str, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, skipping blank lines."""
    path = Path(path)
    if not path.exists():
        raise EvaluationError(f"dataset file not found: {path}")
    count = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise EvaluationError(f"{path}:{lineno}: expected a JSON object")
            count += 1
            yield record


def _need(record: dict[str, Any], key: str, where: str) -> Any:
    if key not in record:
        raise EvaluationError(f"{where}: missing field {key!r}")
    return record[key]


# --------------------------------------------------------------------------- MUC-4

Entity = tuple[str, ...]  # coreferent mentions of one role filler


@dataclass(frozen=True, slots=True)
class MucTemplate:
    """One incident template: its type and, per role, entities (each a tuple of mentions)."""

    incident_type: str
    roles: dict[str, tuple[Entity, ...]]

    def fillers(self, *, lower: bool = False) -> set[tuple[str, str]]:
        """Every (role, mention) pair of the template, mentions lower-cased with ``lower``."""
        return {
            (role, mention.lower() if lower else mention)
            for role, entities in self.roles.items()
            for entity in entities
            for mention in entity
        }


@dataclass(frozen=True, slots=True)
class MucVictim:
    """A human target of an answer-key template with its number and effect fills."""

    filler: str
    number: tuple[str, ...]
    effect: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class MucKeyTemplate:
    """The parts of an original MUC-4 answer-key template the scorers use."""

    relevant: bool
    optional: bool
    incident_type: str | None
    incident_date: str | None
    incident_location: str | None
    victims: tuple[MucVictim, ...]


@dataclass(frozen=True, slots=True)
class MucDocument:
    id: str
    text: str
    text_raw: str
    doc_date: str | None
    templates: tuple[MucTemplate, ...]
    key_templates: tuple[MucKeyTemplate, ...]


def _muc_template(raw: dict[str, Any], where: str) -> MucTemplate:
    roles: dict[str, tuple[Entity, ...]] = {}
    for role in MUC_ROLES:
        entities = []
        for entity in raw.get(role) or []:
            mentions = tuple(str(m[0]) for m in entity if m)
            if mentions:
                entities.append(mentions)
        roles[role] = tuple(entities)
    return MucTemplate(incident_type=str(_need(raw, "incident_type", where)), roles=roles)


def _muc_key(raw: dict[str, Any]) -> MucKeyTemplate:
    parsed = raw.get("parsed") or {}
    victims = tuple(
        MucVictim(
            filler=str(h.get("filler", "")),
            number=tuple(str(n) for n in h.get("number") or ()),
            effect=tuple(str(e) for e in h.get("effect") or ()),
            optional=bool(h.get("optional", False)),
        )
        for h in parsed.get("hum_targets") or ()
    )
    return MucKeyTemplate(
        relevant=bool(parsed.get("relevant", False)),
        optional=bool(parsed.get("optional", False)),
        incident_type=parsed.get("incident_type"),
        incident_date=parsed.get("incident_date"),
        incident_location=parsed.get("incident_location"),
        victims=victims,
    )


def load_muc4(path: Path | str, *, limit: int | None = None) -> list[MucDocument]:
    """MUC-4 documents (GTT's processed release plus the original answer keys).

    Duplicate gold templates in a document are kept once, as GTT's scorer does.
    """
    docs = []
    for record in read_jsonl(path, limit=limit):
        where = f"{path}: {record.get('id', '?')}"
        templates: list[MucTemplate] = []
        for raw in _need(record, "templates", where):
            template = _muc_template(raw, where)
            if template not in templates:
                templates.append(template)
        docs.append(
            MucDocument(
                id=str(_need(record, "id", where)),
                text=str(_need(record, "text", where)),
                text_raw=str(record.get("text_raw") or ""),
                doc_date=record.get("doc_date"),
                templates=tuple(templates),
                key_templates=tuple(_muc_key(k) for k in record.get("key_templates") or ()),
            )
        )
    return docs


# --------------------------------------------------------------------------- WikiEvents


@dataclass(frozen=True, slots=True)
class WikiArgument:
    role: str
    text: str
    entity_id: str


@dataclass(frozen=True, slots=True)
class WikiEvent:
    id: str
    event_type: str
    trigger: str
    arguments: tuple[WikiArgument, ...]


@dataclass(frozen=True, slots=True)
class WikiDocument:
    """A WikiEvents article: text, events with role fillers, and entity coreference.

    ``mentions`` maps an entity mention id to its text; ``clusters`` maps a mention id to the
    ids of all mentions coreferent with it (itself included).
    """

    id: str
    text: str
    events: tuple[WikiEvent, ...]
    mentions: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)


def load_wikievents(path: Path | str, *, limit: int | None = None) -> list[WikiDocument]:
    """WikiEvents articles (the gen-arg release, one article a line)."""
    docs = []
    for record in read_jsonl(path, limit=limit):
        where = f"{path}: {record.get('id', '?')}"
        events = tuple(
            WikiEvent(
                id=str(e.get("id", "")),
                event_type=str(_need(e, "event_type", where)),
                trigger=str(e.get("trigger", "")),
                arguments=tuple(
                    WikiArgument(
                        role=role, text=str(a["text"]), entity_id=str(a.get("entity_id", ""))
                    )
                    for role, args in (e.get("arguments") or {}).items()
                    for a in args
                ),
            )
            for e in _need(record, "events", where)
        )
        original = record.get("original") or {}
        mentions = {str(m["id"]): str(m["text"]) for m in original.get("entity_mentions") or ()}
        clusters: dict[str, tuple[str, ...]] = {}
        for cluster in (record.get("coref") or {}).get("clusters") or ():
            members = tuple(str(c) for c in cluster)
            for member in members:
                clusters[member] = members
        docs.append(
            WikiDocument(
                id=str(_need(record, "id", where)),
                text=str(_need(record, "text", where)),
                events=events,
                mentions=mentions,
                clusters=clusters,
            )
        )
    return docs


# --------------------------------------------------------------------------- sitrep gold

_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})$")


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    admin1: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None


@dataclass(frozen=True, slots=True)
class GoldFigure:
    status: str
    category: str
    low: int
    high: int | None  # None: open-ended


@dataclass(frozen=True, slots=True)
class GoldPerpetrator:
    actor_id: str
    attribution: str


@dataclass(frozen=True, slots=True)
class GoldIncident:
    date: str | None  # YYYY-MM-DD, --MM-DD (year unknown) or None
    place: GoldPlace
    types: tuple[str, ...]
    status: str
    perpetrators: tuple[GoldPerpetrator, ...] = ()
    weapons: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    figures: tuple[GoldFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldGroup:
    places: tuple[str, ...]
    date: str | None
    perpetrators: tuple[GoldPerpetrator, ...] = ()
    figures: tuple[GoldFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldAggregate:
    status: str
    category: str
    low: int
    high: int | None
    level: str
    period: str | None = None


@dataclass(frozen=True, slots=True)
class GoldClaim:
    speaker: str
    speaker_actor_id: str | None
    stance: str
    about: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    shape: str | None = None
    incidents: tuple[GoldIncident, ...] = ()
    groups: tuple[GoldGroup, ...] = ()
    aggregates: tuple[GoldAggregate, ...] = ()
    claims: tuple[GoldClaim, ...] = ()


def _gold_date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise EvaluationError(f"{where}: date {value!r} is not YYYY-MM-DD, --MM-DD or null")
    return value


def _gold_figure(raw: dict[str, Any], where: str) -> GoldFigure:
    low = int(_need(raw, "low", where))
    high = raw.get("high")
    if high is not None and int(high) < low:
        raise EvaluationError(f"{where}: figure high {high} below low {low}")
    return GoldFigure(
        status=str(_need(raw, "status", where)),
        category=str(_need(raw, "category", where)),
        low=low,
        high=None if high is None else int(high),
    )


def _gold_perps(raw: list[dict[str, Any]], where: str) -> tuple[GoldPerpetrator, ...]:
    return tuple(
        GoldPerpetrator(
            actor_id=str(_need(p, "actor_id", where)), attribution=str(p.get("attribution", ""))
        )
        for p in raw or ()
    )


def _gold_incident(raw: dict[str, Any], where: str) -> GoldIncident:
    place = raw.get("place") or {}
    return GoldIncident(
        date=_gold_date(raw.get("date"), where),
        place=GoldPlace(
            name=str(place.get("name") or ""),
            admin1=place.get("admin1"),
            country=place.get("country"),
            latitude=place.get("latitude"),
            longitude=place.get("longitude"),
            precision=place.get("precision"),
        ),
        types=tuple(raw.get("types") or ()),
        status=str(raw.get("status") or "carried out"),
        perpetrators=_gold_perps(raw.get("perpetrators") or [], where),
        weapons=tuple(raw.get("weapons") or ()),
        targets=tuple(raw.get("targets") or ()),
        figures=tuple(_gold_figure(f, where) for f in raw.get("figures") or ()),
    )


def gold_article(record: dict[str, Any], *, where: str = "gold") -> GoldArticle:
    """One gold article from its JSON object (format in docs/evaluation.md)."""
    where = f"{where}: {record.get('id', '?')}"
    published = _gold_date(record.get("published"), where)
    return GoldArticle(
        id=str(_need(record, "id", where)),
        text=str(_need(record, "text", where)),
        published=published,
        title=record.get("title"),
        outlet=record.get("outlet"),
        language=record.get("language"),
        shape=record.get("shape"),
        incidents=tuple(_gold_incident(i, where) for i in record.get("incidents") or ()),
        groups=tuple(
            GoldGroup(
                places=tuple(g.get("places") or ()),
                date=_gold_date(g.get("date"), where),
                perpetrators=_gold_perps(g.get("perpetrators") or [], where),
                figures=tuple(_gold_figure(f, where) for f in g.get("figures") or ()),
            )
            for g in record.get("groups") or ()
        ),
        aggregates=tuple(
            GoldAggregate(
                status=str(_need(a, "status", where)),
                category=str(_need(a, "category", where)),
                low=int(_need(a, "low", where)),
                high=None if a.get("high") is None else int(a["high"]),
                level=str(a.get("level") or "aggregate"),
                period=a.get("period"),
            )
            for a in record.get("aggregates") or ()
        ),
        claims=tuple(
            GoldClaim(
                speaker=str(_need(c, "speaker", where)),
                speaker_actor_id=c.get("speaker_actor_id"),
                stance=str(_need(c, "stance", where)),
                about=str(c.get("about") or ""),
            )
            for c in record.get("claims") or ()
        ),
    )


def load_gold(path: Path | str, *, limit: int | None = None) -> list[GoldArticle]:
    """Gold articles in sitrep's own format (docs/evaluation.md)."""
    return [gold_article(r, where=str(path)) for r in read_jsonl(path, limit=limit)]
