"""The extraction pipeline: one article's text in, one :class:`~sitrep.model.Extraction` out.

    text -> mentions (Doc) -> figure mentions -> event mentions -> incidents -> groups
         -> claims -> figures at their level -> warnings

Each step is a plain function in its own module; this one only strings them together.
"""

from __future__ import annotations

import datetime as dt
import logging

from sitrep import __version__
from sitrep.errors import InputError
from sitrep.extract import assemble
from sitrep.extract.casualties import find_figure_mentions
from sitrep.extract.claims import find_claims
from sitrep.extract.incidents import read_events
from sitrep.extract.mentions import build_doc
from sitrep.extract.roles import fill_roles, named_victims, role_reader, sentence_targets
from sitrep.model import Actor, ActorKind, Article, Extraction, Warning
from sitrep.text.lexicon import Lexicon, default_lexicon

log = logging.getLogger(__name__)

MAX_CHARS = 10_000_000


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD") from exc


def extract(
    text: str,
    published: dt.date | str | None = None,
    url: str | None = None,
    *,
    lexicon: Lexicon | None = None,
    geocode: bool = True,
    article: Article | None = None,
) -> Extraction:
    """Extract incidents, coordinated groups, casualty figures and claims from ``text``.

    Raises :class:`~sitrep.errors.InputError` when ``text`` is not a non-empty string of at
    most 10 million characters.  Non-English text gives an extraction with no incidents and a
    ``not_english`` warning rather than invented events.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    if not text.strip():
        raise InputError("empty input: no text to read")
    if len(text) > MAX_CHARS:
        raise InputError(f"text too large: {len(text):,} characters (limit {MAX_CHARS:,})")
    if "\x00" in text:
        raise InputError("binary data: the text contains NUL characters")
    pub = _as_date(published)
    if article is None:
        article = Article(text=text, url=url, published=pub)
    else:
        article.published = article.published or pub
    lexicon = lexicon or default_lexicon()
    result = Extraction(article=article, version=__version__)
    language = article.language or _language(text)
    article.language = language
    if language not in (None, "en"):
        result.warnings.append(
            Warning(
                "not_english",
                f"the text looks like language {language!r}, not English; nothing extracted",
            )
        )
        return result

    from sitrep.geo import outlet_country

    doc = build_doc(
        text,
        published=pub,
        lexicon=lexicon,
        geocode=geocode,
        outlet_country=outlet_country(article.outlet, article.url),
    )
    figure_mentions = find_figure_mentions(doc, lexicon)
    reading = read_events(doc)
    incidents, events = assemble.build_incidents(doc, reading)
    roles = role_reader(text)  # one reading of each sentence's role fillers for every pass
    sentences = assemble.split_candidates(reading)
    if sentences:
        # distinct acts at one place and date: the people each sentence names as harmed
        named = named_victims(text, [doc.sentences[n] for n in sentences], reader=roles)
        victims = {n: got for n, got in zip(sentences, named, strict=True) if got}
        heads = sentence_targets(text, [doc.sentences[n] for n in sentences], reader=roles)
        targets = {n: got for n, got in zip(sentences, heads, strict=True) if got}
        if assemble.split_acts(doc, reading, victims, targets):
            incidents, events = assemble.build_incidents(doc, reading)
    if assemble.same_act_candidates(reading):
        # one act told twice (a later sentence dated from "yesterday", a suburb of the city):
        # read the role fillers to tell it from two acts with different victims or targets
        fill_roles(text, incidents, references=reading.reference_spans, reader=roles)
        same_acts = assemble.same_act_pairs(reading, incidents)
        if same_acts:
            incidents, events = assemble.build_incidents(doc, reading, same_acts)
    groups = assemble.build_groups(doc, reading, incidents)
    claims = find_claims(
        text, doc.sentences, lexicon, places=[s for p in doc.places for s in p.spans]
    )
    actors = lexicon.entries("actor")
    assemble.apply_claims(
        claims,
        incidents,
        groups,
        actor_kinds={e.id: e.attrs.get("actor_kind") for e in actors},
        actor_labels={e.id: e.label for e in actors},
        generic_actors=frozenset(e.id for e in actors if e.attrs.get("generic")),
        actor_parents={e.id: e.attrs["parent"] for e in actors if e.attrs.get("parent")},
    )
    figures, warnings = assemble.build_figures(
        doc, figure_mentions, events, incidents, groups, wave_spans=reading.wave_spans
    )
    fill_roles(text, incidents, references=reading.reference_spans, reader=roles)
    assemble.type_from_weapons(doc, incidents)
    assemble.type_from_references(doc, reading, incidents)
    assemble.fill_acled(incidents)
    for inc in incidents:
        inc.summary = assemble.summarise(inc, figures)

    result.incidents = incidents
    result.groups = groups
    result.figures = figures
    result.claims = claims
    result.actors = _actors(doc)
    result.warnings = warnings + _date_warnings(doc, pub, incidents) + _place_warnings(doc)
    if figures and not incidents:
        result.warnings.append(
            Warning(
                "figures_without_incident",
                "casualty figures were found but no specific attack; kept at article level",
            )
        )
    return result


def _language(text: str) -> str | None:
    from sitrep.ingest import detect_language

    return detect_language(text)


def _actors(doc) -> list[Actor]:
    by_id: dict[str, Actor] = {}
    for m in doc.terms:
        if m.entry.kind != "actor":
            continue
        a = by_id.get(m.entry.id)
        if a is None:
            kind = m.entry.attrs.get("actor_kind", "unknown")
            try:
                akind = ActorKind(kind)
            except ValueError:
                akind = ActorKind.UNKNOWN
            a = by_id[m.entry.id] = Actor(
                id=m.entry.id, name=m.entry.label, kind=akind, country=m.entry.attrs.get("country")
            )
        a.mentions.append(m.span)
    return list(by_id.values())


def _date_warnings(doc, published, incidents) -> list[Warning]:
    out = []
    unknown_year = [i for i in incidents if i.date is not None and i.date.year is None]
    if unknown_year:
        out.append(
            Warning(
                "year_unknown",
                "no publication date and no year in the text: month and day kept, year unknown",
                spans=[s for i in unknown_year for s in i.date.spans][:3],
            )
        )
    for inc in incidents:
        if inc.date is None:
            out.append(
                Warning(
                    "date_unknown",
                    f"incident {inc.id} ({inc.summary or inc.id}) has no date the text gives",
                    spans=inc.spans[:1],
                )
            )
    return out


def _place_warnings(doc) -> list[Warning]:
    out = []
    for p in doc.places:
        if not p.resolved:
            out.append(
                Warning(
                    "place_unresolved",
                    f"place {p.name!r} not found in the gazetteer",
                    spans=p.spans[:1],
                )
            )
    return out
