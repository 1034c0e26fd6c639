"""Scoring of extracted count claims against hand-annotated gold, as the eval-dev scorer does it.

Strict matching is on ``(kind, subject, value)``, lenient on ``(kind, value)``, one-to-one within
a document. A predicted claim that repeats the tuple of a matched gold claim, beyond the number of
gold claims with that tuple, is a repeated mention (headline, lead, quote) and is not counted
against precision. Bound and perpetrator accuracy are measured on strict matches; perpetrators
compare as sets of canonical actors ("A or B" is {A, B}) after folding aliases with the project's
actor list.

Used by ``bench/extract_quality.py`` and ``tests/extract/test_devset_quality.py``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from harmwatch import vocab

Claim = dict[str, Any]
Key = tuple[Any, ...]


@dataclass(frozen=True)
class GoldDocument:
    """One annotated text: its id, language, text and gold claims."""

    id: str
    lang: str
    text: str
    claims: tuple[Claim, ...]
    published: str | None = None


@dataclass(frozen=True)
class Match:
    """The outcome of matching one document's predictions against its gold claims."""

    tp: int
    n_pred: int
    pairs: tuple[tuple[Claim, Claim], ...]
    missed: tuple[Claim, ...]
    extra: tuple[Claim, ...]


@dataclass(frozen=True)
class DocumentScore:
    """Strict and lenient matches of one document."""

    id: str
    lang: str
    n_gold: int
    strict: Match
    lenient: Match

    @property
    def f1(self) -> float:
        if not self.n_gold and not self.strict.n_pred:
            return 1.0
        return prf(self.strict.tp, self.strict.n_pred, self.n_gold)[2]


@dataclass
class Report:
    """Scores over a set of documents."""

    docs: list[DocumentScore] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def _sum(self, attr: Callable[[DocumentScore], int]) -> int:
        return sum(attr(d) for d in self.docs)

    @property
    def n_gold(self) -> int:
        return self._sum(lambda d: d.n_gold)

    @property
    def strict(self) -> tuple[float, float, float]:
        return prf(
            self._sum(lambda d: d.strict.tp), self._sum(lambda d: d.strict.n_pred), self.n_gold
        )

    @property
    def lenient(self) -> tuple[float, float, float]:
        return prf(
            self._sum(lambda d: d.lenient.tp), self._sum(lambda d: d.lenient.n_pred), self.n_gold
        )

    def bound_accuracy(self) -> tuple[float, int]:
        pairs = [p for d in self.docs for p in d.strict.pairs]
        ok = sum((g.get("bound") or "exact") == (p.get("bound") or "exact") for g, p in pairs)
        return (ok / len(pairs) if pairs else 0.0), len(pairs)

    def perpetrator_accuracy(self) -> tuple[float, int]:
        pairs = [p for d in self.docs for p in d.strict.pairs if p[0].get("perpetrator")]
        ok = sum(actor_set(g["perpetrator"]) == actor_set(p.get("perpetrator")) for g, p in pairs)
        return (ok / len(pairs) if pairs else 0.0), len(pairs)

    def per_kind(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for d in self.docs:
            for g, _ in d.strict.pairs:
                out[g["kind"]]["tp"] += 1
            for g in d.strict.missed:
                out[g["kind"]]["missed"] += 1
            for p in d.strict.extra:
                out[str(p.get("kind"))]["extra"] += 1
        return dict(out)

    def per_lang(self) -> dict[str, tuple[float, float, float, int]]:
        out: dict[str, tuple[float, float, float, int]] = {}
        for lang in sorted({d.lang for d in self.docs}):
            sub = Report([d for d in self.docs if d.lang == lang])
            out[lang] = (*sub.strict, sub.n_gold)
        return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _as_int(value: Any) -> int | None:
    try:
        return round(float(value))
    except (TypeError, ValueError):
        return None


def strict_key(claim: Claim) -> Key:
    return (claim.get("kind"), claim.get("subject"), _as_int(claim.get("value")))


def lenient_key(claim: Claim) -> Key:
    return (claim.get("kind"), _as_int(claim.get("value")))


def match_claims(
    gold: Sequence[Claim], pred: Sequence[Claim], key: Callable[[Claim], Key]
) -> Match:
    """Match one-to-one on ``key``; repeats of a matched gold tuple are not counted again."""
    by_gold: dict[Key, list[Claim]] = defaultdict(list)
    by_pred: dict[Key, list[Claim]] = defaultdict(list)
    for c in gold:
        by_gold[key(c)].append(c)
    for c in pred:
        by_pred[key(c)].append(c)
    tp = n_pred = 0
    pairs: list[tuple[Claim, Claim]] = []
    missed: list[Claim] = []
    extra: list[Claim] = []
    for k in list(by_gold) + [k for k in by_pred if k not in by_gold]:
        g, p = by_gold.get(k, []), by_pred.get(k, [])
        m = min(len(g), len(p))
        tp += m
        pairs += zip(g[:m], p[:m], strict=True)
        missed += g[m:]
        if g:
            n_pred += m
        else:
            n_pred += len(p)
            extra += p
    return Match(tp, n_pred, tuple(pairs), tuple(missed), tuple(extra))


def score_document(doc: GoldDocument, pred: Sequence[Claim]) -> DocumentScore:
    return DocumentScore(
        id=doc.id,
        lang=doc.lang,
        n_gold=len(doc.claims),
        strict=match_claims(doc.claims, pred, strict_key),
        lenient=match_claims(doc.claims, pred, lenient_key),
    )


@cache
def _alias_table() -> tuple[tuple[str, str], ...]:
    """(lower-cased alias, canonical name), longest alias first."""
    rows = {(a.name.lower(), a.name) for a in vocab.actors()}
    rows |= {(alias.lower(), a.name) for a in vocab.actors() for alias in a.aliases}
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


def _fold_actor(name: str) -> str:
    low = name.strip().lower()
    for alias, canonical in _alias_table():
        if low == alias:
            return canonical
    for alias, canonical in _alias_table():
        if len(alias) > 3 and alias in low:
            return canonical
    return low


def actor_set(name: str | None) -> frozenset[str] | None:
    """Canonical actors named by ``name`` ("A or B", "A and B", "A/B"), None when empty."""
    if not name:
        return None
    parts = str(name).replace(" and ", " or ").replace("/", " or ").split(" or ")
    return frozenset(_fold_actor(p) for p in parts if p.strip()) or None


def claim_as_dict(claim: Any) -> Claim:
    """A predicted claim (``harmwatch.model.Claim`` or a contract dict) as a plain dict."""
    if isinstance(claim, dict):
        return claim
    return {
        name: getattr(claim, name, None)
        for name in ("kind", "subject", "value", "bound", "max", "perpetrator", "text")
    }


def load_gold(folder: Path, *, lang: str | None = None) -> list[GoldDocument]:
    """The ``*.json`` annotations of ``folder`` with the text of their ``.txt`` twins."""
    docs = []
    for path in sorted(folder.glob("*.json")):
        text_path = path.with_suffix(".txt")
        if not text_path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if lang and gold.get("lang") != lang:
            continue
        docs.append(
            GoldDocument(
                id=str(gold.get("id", path.stem)),
                lang=str(gold.get("lang", "")),
                text=text_path.read_text(encoding="utf-8"),
                claims=tuple(gold.get("claims", [])),
                published=gold.get("published"),
            )
        )
    return docs


def score_documents(
    docs: Iterable[GoldDocument], predict: Callable[[GoldDocument], Sequence[Any]]
) -> Report:
    """Run ``predict`` on every document and score what it returns.

    A document on which ``predict`` raises is scored as if nothing was found, and the error is
    kept in ``report.errors`` as (document id, "ExceptionName: message").
    """
    report = Report()
    for doc in docs:
        try:
            pred = [claim_as_dict(c) for c in predict(doc)]
        except Exception as exc:  # an extractor bug must not hide the other documents' scores
            report.errors.append((doc.id, f"{type(exc).__name__}: {exc}"))
            pred = []
        report.docs.append(score_document(doc, pred))
    return report


def _claim_line(c: Claim, quote_field: str) -> str:
    rng = f"-{c['max']}" if c.get("max") else ""
    return (
        f"{c.get('kind')} {c.get('subject')} {c.get('value')}{rng} ({c.get('bound')}) "
        f"[{c.get('perpetrator')}] | {c.get(quote_field)}"
    )


def format_report(report: Report, *, title: str, show: int = 0) -> str:
    """The scores as text; with ``show`` the N worst documents and their misses and extras."""
    lines = [f"== {title}: docs={len(report.docs)} gold={report.n_gold}"]
    for doc_id, error in report.errors:
        lines.append(f"  error in {doc_id} (scored as empty): {error}")
    if show:
        for d in sorted(report.docs, key=lambda d: (d.f1, d.id))[:show]:
            lines.append(f"--- {d.id} ({d.lang}) strict F1={d.f1:.2f}")
            lines += [f"  missed: {_claim_line(c, 'quote')}" for c in d.strict.missed]
            lines += [f"  extra:  {_claim_line(c, 'text')}" for c in d.strict.extra]
    for lang, (p, r, f, n) in report.per_lang().items():
        lines.append(f"  lang {lang}: strict P={p:.3f} R={r:.3f} F1={f:.3f} (gold {n})")
    for kind, c in sorted(report.per_kind().items()):
        n = c["tp"] + c["missed"]
        recall = f"recall={c['tp'] / n:.3f} ({c['tp']}/{n}) " if n else ""
        lines.append(f"  kind {kind}: {recall}extra={c['extra']}")
    b_acc, b_n = report.bound_accuracy()
    p_acc, p_n = report.perpetrator_accuracy()
    lines.append(f"bound_acc={b_acc:.3f} (n={b_n}) perpetrator_acc={p_acc:.3f} (n={p_n})")
    lines.append("lenient P={:.3f} R={:.3f} F1={:.3f}".format(*report.lenient))
    lines.append("strict  P={:.3f} R={:.3f} F1={:.3f}".format(*report.strict))
    return "\n".join(lines)
