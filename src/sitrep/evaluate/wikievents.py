"""WikiEvents: attack arguments per article, head-word match F1.

Gold, per article and role (duplicates over events merged by coreference):

- Attacker, Target, Place, Instrument: arguments of ``Conflict.Attack.*`` events
  (``ExplosiveDevice`` of DetonateExplode events counts as Instrument);
- Victim: the Victim arguments of ``Life.Die`` and ``Life.Injure`` events (the KAIROS
  ontology puts victims there, not in Conflict.Attack).

Predicted, per article, over all incidents: from the role fillers (``Incident.arguments``)
Attacker = perpetrator individuals and organisations, Target = physical targets, Victim = people
harmed, Instrument = weapons (an incident without fillers gives its perpetrator, target and
weapon mentions instead); Attacker also the resolved perpetrators' mentions; Victim also the counted words of non-militant killed / injured
figures (their number phrase when no words are counted); Place = the incident places'
mentions (or names).

Head rule: the head of a span is its last token after normalisation (lower case, punctuation
and a/an/the removed) before any preposition or relative pronoun, so "a roadside IED" and
"IED" share the head "ied" and "members of the group" has the head "members".  A predicted head
matches a gold entity when it equals the head of any mention coreferent with it; each gold
entity and each predicted head is matched at most once (document-level, per role).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sitrep.evaluate.datasets import WIKI_ROLES, WikiDocument
from sitrep.evaluate.extractor import Extractor, RunStats, default_extractor, run_all
from sitrep.evaluate.muc4 import counted_words
from sitrep.evaluate.scoring import Counts, max_bipartite, normalise
from sitrep.model import Category, Extraction, FigureStatus

#: our role-filler roles (``Incident.arguments``) and the WikiEvents roles they fill
ARGUMENT_ROLES = {
    "perp_ind": "Attacker",
    "perp_org": "Attacker",
    "target": "Target",
    "victim": "Victim",
    "weapon": "Instrument",
}

ATTACK_ROLE_MAP = {
    "Attacker": "Attacker",
    "Target": "Target",
    "Place": "Place",
    "Instrument": "Instrument",
    "ExplosiveDevice": "Instrument",
}


#: words that end a noun phrase's pre-head part: the head is the last token before them
#: ("members of the group" -> "members", "the man who fired" -> "man")
_POST_HEAD = frozenset(
    "of in at from on with for near by who whom whose which that where when during after before".split()
)
_STATUS_WORD = re.compile(
    r"^(killed|kill|kills|killing|dead|death|deaths|died|die|toll|injured|injuring|injuries|"
    r"wounded|wounding|hurt)$",
    re.IGNORECASE,
)


def head(text: str) -> str:
    """The head word of a span: its last normalised token before a preposition or relative
    pronoun ("a roadside IED" -> "ied", "members of the FMLN" -> "members"); "" when empty.

    WikiEvents' gold arguments are mostly one head word already; gen-arg finds the head of a
    predicted span with a dependency parse, which this offline rule approximates for English
    noun phrases.
    """
    tokens = normalise(text).split()
    for k, token in enumerate(tokens):
        if k and token in _POST_HEAD:
            tokens = tokens[:k]
            break
    return tokens[-1] if tokens else ""


def _victim_words(spans: Sequence[Any]) -> str | None:
    """What a figure counts ("soldiers"), else its number phrase ("11"), never a status word."""
    words = counted_words(spans)
    if words:
        return words
    for span in sorted(spans):
        if span.text.strip() and not _STATUS_WORD.match(span.text.strip()):
            return span.text
    return None


def gold_entities(doc: WikiDocument) -> dict[str, list[frozenset[str]]]:
    """Per role, the gold entities as sets of heads of their coreferent mentions."""
    out: dict[str, dict[tuple[str, ...], frozenset[str]]] = {role: {} for role in WIKI_ROLES}
    for event in doc.events:
        if event.event_type.startswith("Conflict.Attack"):
            mapping = ATTACK_ROLE_MAP
        elif event.event_type.startswith(("Life.Die", "Life.Injure")):
            mapping = {"Victim": "Victim"}
        else:
            continue
        for arg in event.arguments:
            role = mapping.get(arg.role)
            if role is None:
                continue
            cluster = doc.clusters.get(arg.entity_id, (arg.entity_id,))
            heads = {head(arg.text)}
            heads.update(head(doc.mentions[m]) for m in cluster if m in doc.mentions)
            heads.discard("")
            key = tuple(sorted(cluster)) if arg.entity_id else (arg.text,)
            if heads:
                out[role][key] = frozenset(heads) | out[role].get(key, frozenset())
    return {role: list(entities.values()) for role, entities in out.items()}


def _first(spans: Sequence[Any]) -> str | None:
    return min(spans).text if spans else None


def _texts(spans: Iterable[Any]) -> list[str]:
    return [s.text for s in spans if s.text.strip()]


def predicted_heads(extraction: Extraction) -> dict[str, list[str]]:
    """Per role, the distinct heads of what the extraction predicts (in text order)."""
    values: dict[str, list[str]] = {role: [] for role in WIKI_ROLES}
    for inc in extraction.incidents:
        for p in inc.perpetrators:  # resolved actors, beside the phrases read as attackers
            values["Attacker"].extend(_texts(p.spans))
        if inc.arguments:
            for arg in inc.arguments:
                role = ARGUMENT_ROLES.get(arg.role)
                if role is not None:
                    values[role].append(arg.text)
        else:
            for t in inc.targets:
                values["Target"].extend(_texts(t.spans))
            for w in inc.weapons:
                values["Instrument"].extend(_texts(w.spans))
        if inc.place is not None:
            values["Place"].extend(_texts(inc.place.spans) or [inc.place.name])
    for fig in extraction.figures:
        if (
            fig.status in (FigureStatus.KILLED, FigureStatus.INJURED)
            and fig.category != Category.MILITANTS
        ):
            words = _victim_words(fig.spans)
            if words:
                values["Victim"].append(words)
    out: dict[str, list[str]] = {}
    for role, texts in values.items():
        seen: list[str] = []
        for text in texts:
            h = head(text)
            if h and h not in seen:
                seen.append(h)
        out[role] = seen
    return out


def score_document(
    pred: dict[str, list[str]], gold: dict[str, list[frozenset[str]]]
) -> dict[str, Counts]:
    """Per-role counts for one article."""
    out: dict[str, Counts] = {}
    for role in WIKI_ROLES:
        p, g = pred.get(role, []), gold.get(role, [])
        matched = len(max_bipartite(p, g, lambda h, heads: h in heads))
        out[role] = Counts(tp_pred=matched, n_pred=len(p), tp_gold=matched, n_gold=len(g))
    return out


def evaluate_wikievents(
    docs: Sequence[WikiDocument], *, extractor: Extractor | None = None
) -> dict[str, Any]:
    """Run the extractor over WikiEvents articles and score attack arguments by head word."""
    extractor = extractor or default_extractor()
    stats = RunStats()
    extractions = run_all(((d.id, d.text, None) for d in docs), extractor, stats=stats)
    roles = {role: Counts() for role in WIKI_ROLES}
    missed: Counter[tuple[str, str]] = Counter()
    spurious: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        pred = predicted_heads(extractions[doc.id])
        gold = gold_entities(doc)
        for role, counts in score_document(pred, gold).items():
            roles[role].add(counts)
        for role in WIKI_ROLES:
            pairs = max_bipartite(pred[role], gold[role], lambda h, heads: h in heads)
            hit_p = {i for i, _ in pairs}
            hit_g = {j for _, j in pairs}
            spurious.update((role, h) for i, h in enumerate(pred[role]) if i not in hit_p)
            missed.update((role, min(g)) for j, g in enumerate(gold[role]) if j not in hit_g)
    micro = Counts()
    for counts in roles.values():
        micro.add(counts)

    def top(counter: Counter[tuple[str, str]]) -> list[dict[str, Any]]:
        items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
        return [{"role": r, "head": h, "count": c} for (r, h), c in items]

    return {
        "scores": {"micro": micro.as_dict(), "roles": {r: roles[r].as_dict() for r in WIKI_ROLES}},
        "headline": {"head_f1": round(100 * micro.f1, 2)},
        "run": {
            "documents": stats.documents,
            "failures": stats.failures,
            "seconds": round(stats.seconds, 2),
        },
        "errors": {"missed": top(missed), "spurious": top(spurious)},
    }
