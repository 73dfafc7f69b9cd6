"""A learned relevance filter for MUC-4 templates: which predicted templates MUC-4 would code.

MUC-4's keys code terrorist acts of the recent past in nine Latin American countries; they leave
out combat between armed forces, acts told as history, acts abroad and much else that our
extractor reports as incidents, as it should for news.  Rules in ``muc4`` catch the clearest of
these; this module learns the rest from MUC-4 *train*: a logistic regression over features of
each predicted template (its type, which roles it fills, the incident's status, date, place,
actors, lexicon tags, its position, the document's other templates and what the document's FBIS
header says: a speech, a communique or a commentary, datelined clandestine or abroad), with the
label "GTT aligned it with a gold template".  The header features gave cross-validation on
train 55.47 -> 55.68 and dev 51.20 -> 51.40; the number of the document's incidents, dropped
as a feature, only helped train.  Only structured features: the words of the incident's
sentences and of the whole document were tried as features too (about 6,000 weights) and
overfit, cross-validation on train rose 53.33 -> 53.88 but dev fell 49.43 -> 48.87; without
them (188 weights) train cross-validation gives 53.65 and dev 49.95.  The decision threshold and the regularisation are chosen by
cross-validation on train (``muc4_filter_train``); dev is never seen in training.

The model is data (``data/muc4_filter.json``, weights by feature name, with the sha256 of the
training file and the split it was trained on); scoring needs no third-party package.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import EvaluationError
from sitrep.model import Extraction

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.evaluate.muc4 import TemplateSource

MODEL_FILE = "muc4_filter.json"

#: the nine countries whose terrorism MUC-4 codes (ISO 3166-1 alpha-2)
MUC_NINE = frozenset("BO CL CO EC GT HN NI PE SV".split())

#: the kind of text an FBIS header's first bracket announces ("-- [SPEECH] [PRESIDENT ...]
#: [TEXT]"), longest first; a bare "[TEXT]" is a news report
_GENRES = (
    ("STATION COMMENTARY", "opinion"),
    ("EDITORIAL REPORT", "news"),
    ("NEWS CONFERENCE", "speech"),
    ("COMMENTARY", "opinion"),
    ("COMMUNIQUE", "communique"),
    ("EDITORIAL", "opinion"),
    ("INTERVIEW", "speech"),
    ("STATEMENT", "communique"),
    ("EXCERPT", "news"),
    ("SUMMARY", "news"),
    ("ARTICLE", "opinion"),
    ("REPORT", "news"),
    ("SPEECH", "speech"),
    ("TEXT", "news"),
)
_HEADER = re.compile(r"\s*(?P<line>[^\[]*?)--\s*(?P<tags>(?:\[[^\]]*\]\s*)*)", re.S)


@dataclass(frozen=True, slots=True)
class Header:
    """What a MUC-4 (FBIS) document's header says about it: the kind of text (news, speech,
    communique, opinion, other) and where the dateline is (clandestine: a rebel radio;
    abroad: a city outside MUC-4's nine countries, as FBIS writes it, "MOSCOW (USSR)";
    nine: "MANAGUA (NICARAGUA)"; plain: a city of the country reported on)."""

    genre: str = "none"
    dateline: str = "none"


def muc_header(text_raw: str) -> Header:
    """The ``Header`` of a MUC-4 document from its raw text ("SAN SALVADOR, 3 JAN 90 (RADIO
    VENCEREMOS) -- [COMMUNIQUE] [FMLN GENERAL COMMAND] [TEXT] ...")."""
    from sitrep.evaluate.muc4 import MUC_COUNTRIES

    m = _HEADER.match(text_raw[:600])
    if m is None:
        return Header()
    tags = re.findall(r"\[([^\]]*)\]", m.group("tags"))
    first = " ".join(tags[0].split()).upper() if tags else ""
    genre = next((g for word, g in _GENRES if first.startswith(word)), "other" if tags else "none")
    place = m.group("line").split(",")[0].strip().upper()
    country = re.search(r"\(([^)]*)\)", place)
    if place.startswith("CLANDESTINE"):
        dateline = "clandestine"
    elif country is not None:
        code = MUC_COUNTRIES.get(country.group(1).strip())
        dateline = "nine" if code in MUC_NINE else "abroad"
    else:
        dateline = "plain" if place else "none"
    return Header(genre=genre, dateline=dateline)


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def template_features(
    extraction: Extraction,
    source: TemplateSource,
    *,
    index: int,
    count: int,
    others: Sequence[TemplateSource] = (),
    header: Header | None = None,
) -> dict[str, float]:
    """The features of one predicted template (``index`` of ``count`` in its document;
    ``others``: the document's other templates; ``header``: the MUC-4 document's header)."""
    template, incident = source.template, source.incident
    f: dict[str, float] = {"bias": 1.0}
    kind = template.incident_type

    def on(name: str, value: float = 1.0) -> None:
        f[name] = value

    same = [o for o in others if o.template.incident_type == kind]
    on(f"same_type_others={_bucket(len(same), (0, 1, 2))}")
    earlier = [o for o in others[:index] if o is not source]
    mine = template.fillers(lower=True)
    if any(mine & o.template.fillers(lower=True) for o in earlier):
        on("shares_filler_with_earlier")
    if any(o.template.incident_type == kind for o in earlier):
        on("type_seen_earlier")

    on(f"type={kind}")
    on(f"origin={source.origin}")
    on(f"status={incident.status}")
    for role, entities in template.roles.items():
        on(f"{role}={_bucket(len(entities), (0, 1))}")
    filled = sum(1 for entities in template.roles.values() if entities)
    on(f"roles_filled={_bucket(filled, (0, 1, 2, 3))}")
    on(f"{kind}:roles_filled={_bucket(filled, (0, 1, 2))}")
    for t in incident.types:
        on(f"attack_type={t}")
    if incident.acled_event_type:
        on(f"acled={incident.acled_event_type}")
    published = extraction.article.published
    date = incident.date
    if date is None or date.year is None:
        on("date=none")
    else:
        on(f"date_precision={date.precision}")
        if published is not None:
            age = published.year * 12 + published.month - (date.year * 12 + (date.month or 1))
            on(f"age_months={_bucket(age, (-1, 0, 1, 2, 6, 12, 60))}")
        if date.relative:
            on("date_relative")
    place = incident.place
    if place is None:
        on("place=none")
    else:
        on(f"place_kind={place.kind}")
        on(f"country={place.country or 'none'}")
    kinds = {a.id: a.kind for a in extraction.actors}
    for p in incident.perpetrators:
        on(f"perp_attribution={p.attribution}")
        on(f"perp_kind={kinds.get(p.actor_id, 'none')}")
    if not incident.perpetrators:
        on("perp=none")
    if incident.suicide:
        on("suicide")
    for tag in incident.triggers:
        on(f"trigger={tag.kind}")
    for tag in incident.weapons:
        on(f"weapon={tag.kind}")
    for tag in incident.targets:
        on(f"target={tag.kind}")
    for arg in incident.arguments:
        on(f"argument={arg.role}")
    on(f"figures={_bucket(len(incident.figure_ids), (0, 1, 2))}")
    on(f"index={_bucket(index, (0, 1, 2))}")
    on(f"templates={_bucket(count, (1, 2, 3, 5))}")
    text = extraction.article.text
    if incident.spans and text:
        first = min(s.start for s in incident.spans)
        on(f"position={_bucket(int(4 * first / max(len(text), 1)), (0, 1, 2))}")
        on(f"sentences={_bucket(len(incident.spans), (1, 2, 4))}")
    # a document without a header (or none given) reads as a news report datelined at home
    header = header or Header()
    on(f"genre={'news' if header.genre == 'none' else header.genre}")
    on(f"dateline={'plain' if header.dateline == 'none' else header.dateline}")
    return f


def document_features(
    extraction: Extraction, sources: Sequence[TemplateSource], header: Header | None = None
) -> list[dict[str, float]]:
    """The features of each of a document's templates."""
    n = len(sources)
    return [
        template_features(
            extraction,
            s,
            index=i,
            count=n,
            others=[o for o in sources if o is not s],
            header=header,
        )
        for i, s in enumerate(sources)
    ]


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class RelevanceFilter:
    """Logistic-regression weights by feature name and the threshold a template must reach."""

    weights: dict[str, float]
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability that a template with these features is coded by MUC-4."""
        w = self.weights
        return sigmoid(sum(w.get(name, 0.0) * value for name, value in features.items()))

    def probabilities(
        self,
        extraction: Extraction,
        sources: Sequence[TemplateSource],
        header: Header | None = None,
    ) -> list[float]:
        """The probability of each of a document's templates."""
        return [self.probability(f) for f in document_features(extraction, sources, header)]

    def keep(
        self,
        extraction: Extraction,
        sources: Sequence[TemplateSource],
        header: Header | None = None,
    ) -> list[TemplateSource]:
        """The templates whose probability reaches the threshold."""
        probs = self.probabilities(extraction, sources, header)
        return [s for s, p in zip(sources, probs, strict=True) if p >= self.threshold]

    def as_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any], *, where: str = "filter") -> RelevanceFilter:
        try:
            weights = {str(k): float(v) for k, v in raw["weights"].items()}
            threshold = float(raw["threshold"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise EvaluationError(f"{where}: not a MUC-4 relevance filter ({exc})") from exc
        meta = raw.get("meta") or {}
        split = str(meta.get("split", ""))
        if "test" in split.lower():
            raise EvaluationError(f"{where}: trained on a test split ({split!r}); refusing it")
        return cls(weights=weights, threshold=threshold, meta=dict(meta))


def read_filter(path: Path | str) -> RelevanceFilter:
    """A filter from a JSON file written by ``muc4_filter_train``."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: cannot read the MUC-4 filter ({exc})") from exc
    return RelevanceFilter.from_dict(raw, where=str(path))


@lru_cache(maxsize=1)
def bundled_filter() -> RelevanceFilter | None:
    """The filter shipped with sitrep (trained on MUC-4 train), None when none is bundled."""
    ref = resources.files("sitrep.evaluate").joinpath("data", MODEL_FILE)
    if not ref.is_file():
        return None
    raw = json.loads(ref.read_text(encoding="utf-8"))
    return RelevanceFilter.from_dict(raw, where=MODEL_FILE)


def write_filter(model: RelevanceFilter, path: Path | str) -> None:
    Path(path).write_text(
        json.dumps(model.as_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def predictions_fingerprint(predictions: dict[str, Sequence[Any]]) -> str:
    """The sha256 of a corpus's predicted templates (by document id, unfiltered): the filter
    records the one of the training run, so a filter learned on another extractor's output
    (stale after a change of the rules) can be told apart."""
    rows = [
        [
            doc_id,
            [
                [t.incident_type, {r: [list(e) for e in v] for r, v in sorted(t.roles.items())}]
                for t in templates
            ],
        ]
        for doc_id, templates in sorted(predictions.items())
    ]
    raw = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def vocabulary(cases: Iterable[dict[str, float]], *, min_count: int) -> list[str]:
    """Feature names present in at least ``min_count`` cases, sorted."""
    counts: dict[str, int] = {}
    for case in cases:
        for name in case:
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, c in counts.items() if c >= min_count or name == "bias")
