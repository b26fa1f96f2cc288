"""Session 10: other rankings of the cited documents, each cross-validated.

    nice .venv/bin/python bench/knowledge/ranking_variants.py [--no-twins] [--family F ...]
        [--vote-weights W ...]

Each family adds one idea to the app's ranking (profiles.py) through a subclass of
:class:`CitedIndex`, with a grid of its constants that includes the value that turns
it off. Every combination (the family's constants × the vote weights, 0, 0.25 and 0.5
unless ``--vote-weights``; neighbours 40, floor 0.05) is run on the 240 teddy held-out
messages exactly as evaluate.py runs them (same protocol, same ``correct``, the
held-out message and its reply out of every profile, vote, expansion and model). The
cross-validated figure is as in cross_validate.py: 5 folds, the combination best on
four folds scored on the fifth.

Families:
- ``base``: the app's ranking, the vote weight alone.
- ``prf``: pseudo-relevance feedback (Rocchio). The question is expanded with the
  centroid of its ``k`` nearest past cases (question and reply, each weighted by its
  likeness) at weight ``beta`` before the profiles are scored; the content gate stays
  the question's own n-grams. The expansion keeps its 100 heaviest n-grams.
- ``bm25``: BM25 saturation ``tf·(k1+1)/(tf+k1·(1−b+b·len/avglen))`` instead of log-TF,
  for the question, the cases and so the profiles.
- ``mmr``: the 3 documents chosen by maximal marginal relevance among the first 20
  ranked: ``λ·rank − (1−λ)·max cosine(profile, profiles already chosen)``.
- ``body``: no two of the 3 from the same issuing body (the title before 关于, or its
  leading 省/市/区/县 + office), while another candidate in the first 20 is from another body.
- ``ridge``: a discriminative model: kernel ridge regression (linear kernel over the
  cases' weighted question n-grams, in numpy) from each case to the documents its reply
  cites, ``A = (K + λI)⁻¹ Y``; a question's model score per document is its likeness
  to the training cases times ``A``, added at weight ``alpha``. One model per fold,
  trained without any held-out message of that fold (nor, with ``--no-twins``, their
  twins), so each held-out message is scored by a model that never saw it.
- ``siblings``: a discriminative profile: each document's profile minus ``gamma`` ×
  the mean of its ``m`` most similar other profiles (Rocchio with negatives), so the
  n-grams that tell siblings apart weigh more.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evaluate import REPLIES, correct, teddy_sets, twins

from jiceng.knowledge.citing import Citing, Match
from jiceng.knowledge.content import content_only
from jiceng.knowledge.kinds import SourceKind
from jiceng.knowledge.ngrams import hashed, unit_rows
from jiceng.knowledge.profiles import CitedIndex, _question
from jiceng.knowledge.propose import Proposer
from jiceng.knowledge.votes import distinct, votes

VOTE_WEIGHTS = (0.0, 0.25, 0.5)
FLOOR = 0.05
NEIGHBOURS = 40
WINDOW = 20
EXPANSION_TERMS = 100
_BODY = re.compile(r"^(.{2,20}?)关于")
_OFFICE = re.compile(r"^((?:.{1,6}?[省市区县])?.{1,8}?(?:局|厅|委员会|委|办公室|政府|中心|部))")


def issuing_body(title: str) -> str:
    found = _BODY.match(title) or _OFFICE.match(title)
    return found.group(1) if found else ""


class VariantIndex(CitedIndex):
    def __init__(self, cases: Iterable[Citing], **options: float) -> None:
        self.options: dict[str, float] = {}
        self._k1 = options.get("k1", 0.0)
        self._b = options.get("b", 0.0)
        self._avg = 0.0
        super().__init__(cases, neighbours=NEIGHBOURS)
        self._profile_columns = sp.csr_matrix(self._profiles.T)  # document by row
        self._bodies = [issuing_body(d.title) for d in self._documents]
        self._sibling_cache: dict[tuple[int, float], sp.csr_matrix] = {}
        self.models: dict[tuple[float, int], np.ndarray] = {}
        self.fold = 0

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        if not self._k1:
            return super()._weigh(counts)
        weights = sp.csr_matrix(counts, dtype=np.float64, copy=True)
        lengths = np.asarray(weights.sum(axis=1)).ravel()
        if weights.shape[0] > 1 and not self._avg:
            self._avg = float(lengths.mean())
        average = float(lengths.mean()) if weights.shape[0] > 1 else self._avg
        rows = np.repeat(np.arange(weights.shape[0]), np.diff(weights.indptr))
        norm = self._k1 * (1 - self._b + self._b * lengths[rows] / max(average, 1e-9))
        tf = weights.data
        weights.data = tf * (self._k1 + 1) / (tf + norm) * self._idf[weights.indices]
        return unit_rows(weights)

    def _profile(self, column: int, left_out: list[int]) -> sp.csr_matrix:
        remaining = [s for s in self._cites[:, column].indices if s not in left_out]
        if not remaining:
            return sp.csr_matrix((1, self._items.shape[1]))
        chosen = sp.csr_matrix(
            (np.ones(len(remaining)), ([0] * len(remaining), remaining)),
            shape=(1, len(self._cases)),
        )
        return unit_rows(sp.csr_matrix(chosen @ self._items))

    def _siblings(self, m: int, gamma: float) -> sp.csr_matrix:
        """Document-by-row profiles minus gamma × the mean of their m nearest others.

        Built from the full profiles, so only valid where no left-out case cites the
        document or its siblings: query() recomputes those rows without them.
        """
        key = (m, gamma)
        if key not in self._sibling_cache:
            p = self._profile_columns
            similar = (p @ p.T).toarray()
            np.fill_diagonal(similar, -1.0)
            nearest = np.argsort(-similar, axis=1)[:, :m]
            self._nearest = nearest
            rows = np.repeat(np.arange(p.shape[0]), m)
            mean = sp.csr_matrix(
                (np.full(rows.size, 1.0 / m), (rows, nearest.ravel())), shape=similar.shape
            )
            self._sibling_cache[key] = sp.csr_matrix(p - gamma * (mean @ p))
        return self._sibling_cache[key]

    def query(
        self,
        text: str,
        *,
        title: str = "",
        limit: int = 3,
        exclude: Iterable[str] = (),
        floor: float = 0.0,
        vote_weight: float = 0.25,
    ) -> list[Match]:
        o = self.options
        asked = self._weigh(hashed([_question(title, text)]))
        content = content_only(asked, f"{title}\n{text}")
        left_out = [self._slot[key] for key in exclude if key in self._slot]
        near = self._asked_and_replied[asked.indices].T @ asked.data
        near_clean = np.maximum(near, 0.0)
        near_clean[left_out] = 0.0
        query = asked
        if o.get("beta"):
            k = int(o["k"])
            nearest = np.argsort(-near_clean, kind="stable")[:k]
            weights = sp.csr_matrix(
                (near_clean[nearest], ([0] * k, nearest)), shape=(1, len(self._cases))
            )
            expansion = sp.csr_matrix(weights @ self._items)
            if expansion.nnz > EXPANSION_TERMS:  # Rocchio keeps the heaviest terms only
                top = np.argpartition(-expansion.data, EXPANSION_TERMS)[:EXPANSION_TERMS]
                expansion = sp.csr_matrix(
                    (expansion.data[top], ([0] * top.size, expansion.indices[top])),
                    shape=expansion.shape,
                )
            expansion = unit_rows(expansion)
            query = unit_rows(sp.csr_matrix(asked + o["beta"] * expansion))
        scores = self._profiles[query.indices].T @ query.data
        shares = np.zeros(len(self._documents), dtype=bool)
        shares[self._profiles[content.indices].indices] = True
        changed = {int(c) for slot in left_out for c in self._cited_by[slot].indices}
        profile_of = {c: self._profile(c, left_out) for c in changed}
        if o.get("gamma"):
            m, gamma = int(o["m"]), o["gamma"]
            rows = self._siblings(m, gamma)
            scores = np.asarray(rows[:, query.indices] @ query.data).ravel()
            # Rows touched by a left-out case: the document itself or one of its siblings.
            touched = set(changed) | {
                int(d) for d in np.flatnonzero(np.isin(self._nearest, list(changed)).any(axis=1))
            }
            for d in touched:
                own = profile_of.get(d) if d in changed else self._profile_columns[d]
                others = [
                    profile_of[s] if s in changed else self._profile_columns[s]
                    for s in self._nearest[d]
                ]
                row = own - gamma * sp.vstack(others).sum(axis=0) / m
                row = sp.csr_matrix(row)
                scores[d] = float((row @ query.T).toarray()[0, 0])
        for c in changed:
            profile = profile_of[c]
            shares[c] = bool(np.isin(content.indices, profile.indices).any())
            if not o.get("gamma"):
                scores[c] = float((profile @ query.T).toarray()[0, 0])
        scores[~shares] = 0.0
        ranks = scores + vote_weight * votes(near, self._cited_by, left_out, self._neighbours)
        candidates = np.flatnonzero((scores > 0) & (scores >= floor))
        ranked = candidates[np.argsort(-ranks[candidates], kind="stable")].tolist()
        if o.get("lam"):
            ranked = self._mmr(ranked[:WINDOW], ranks, o["lam"], profile_of, limit)
        elif o.get("body"):
            ranked = self._by_body(ranked, limit)
        likeness = self._questions[asked.indices].T @ asked.data
        if o.get("alpha"):
            model = self.models[(o["lam_ridge"], self.fold)]
            ranks = ranks + o["alpha"] * (likeness @ model)
            ranked = candidates[np.argsort(-ranks[candidates], kind="stable")].tolist()
        best = distinct(ranked, lambda c: self._citing(c, left_out), limit)
        return [self._match(c, float(scores[c]), likeness, left_out) for c in best]

    def train(self, lam: float, fold: int, left_out: set[str]) -> None:
        """Kernel ridge from the cases' questions to the documents they cite."""
        keep = np.array([c.key not in left_out for c in self._cases])
        x = sp.csr_matrix(self._questions.T)[keep]
        kernel = (x @ x.T).toarray()
        y = self._cited_by[keep].toarray()
        dual = np.linalg.solve(kernel + lam * np.eye(kernel.shape[0]), y)
        model = np.zeros((len(self._cases), y.shape[1]))
        model[keep] = dual
        self.models[(lam, fold)] = model

    def _mmr(
        self, ranked: list[int], ranks: np.ndarray, lam: float, profile_of: dict, limit: int
    ) -> list[int]:
        def profile(c: int) -> sp.csr_matrix:
            return profile_of.get(c, self._profile_columns[c])

        chosen: list[int] = []
        rest = list(ranked)
        while rest and len(chosen) < limit + 3:

            def value(c: int) -> float:
                if not chosen:
                    return float(ranks[c])
                similar = max(float((profile(c) @ profile(s).T).toarray()[0, 0]) for s in chosen)
                return lam * float(ranks[c]) - (1 - lam) * similar

            pick = max(rest, key=value)
            chosen.append(pick)
            rest.remove(pick)
        return chosen + rest

    def _by_body(self, ranked: list[int], limit: int) -> list[int]:
        window, later = ranked[:WINDOW], ranked[WINDOW:]
        chosen: list[int] = []
        bodies: set[str] = set()
        for c in window:
            body = self._bodies[c]
            if not body or body not in bodies:
                chosen.append(c)
                bodies.add(body)
        return chosen + [c for c in window if c not in chosen] + later


def grids(family: str) -> list[dict[str, float]]:
    if family == "base":
        return [{}]
    if family == "prf":
        return [{}] + [
            {"k": k, "beta": beta} for k, beta in itertools.product((5, 20), (0.25, 0.5, 1.0))
        ]
    if family == "bm25":
        return [{}] + [
            {"k1": k1, "b": b} for k1, b in itertools.product((0.5, 1.2, 2.0), (0.0, 0.5))
        ]
    if family == "mmr":
        return [{}] + [{"lam": lam} for lam in (0.5, 0.7, 0.85, 0.95)]
    if family == "body":
        return [{}, {"body": 1.0}]
    if family == "ridge":
        return [{}] + [
            {"lam_ridge": lam, "alpha": a}
            for lam, a in itertools.product((0.3, 1.0), (0.25, 0.5, 1.0))
        ]
    if family == "siblings":
        return [{}] + [{"m": m, "gamma": g} for m, g in itertools.product((3, 5), (0.2, 0.4))]
    raise SystemExit(f"unknown family {family}")


def run(family: str, no_twins: bool, folds: int, weights: list[float]) -> None:
    sources, held = teddy_sets(1000)
    near = twins(sources, held) if no_twins else {}
    cases = [
        Citing(s.key, s.title, s.question, s.answer)
        for s in sources
        if s.kind != SourceKind.DOCUMENT
    ]
    found: dict[tuple, np.ndarray] = {}
    indexes: dict[tuple, VariantIndex] = {}
    started = time.perf_counter()
    count = len(held)
    order = list(range(count))
    random.Random(0).shuffle(order)
    fold_of = {order[i]: i % folds for i in range(count)}
    for options in grids(family):
        build = (options.get("k1", 0.0), options.get("b", 0.0))
        if build not in indexes:
            indexes[build] = VariantIndex(cases, k1=build[0], b=build[1])
        index = indexes[build]
        index.options = options
        if "lam_ridge" in options:
            for fold in range(folds):
                if (options["lam_ridge"], fold) not in index.models:
                    out = {
                        k
                        for i, (key, *_) in enumerate(held)
                        if fold_of[i] == fold
                        for k in (key, *near.get(key, ()))
                    }
                    index.train(options["lam_ridge"], fold, out)
        proposer = Proposer(sources)
        proposer._cited = index
        for weight in weights:
            combination = (weight, *sorted(options.items()))
            hits = []
            for i, (key, title, text, reply) in enumerate(held):
                index.fold = fold_of[i]
                proposals = proposer.propose(
                    text,
                    title=title,
                    exclude=frozenset({key, *near.get(key, ())}),
                    vote_weight=weight,
                    cited_floor=FLOOR,
                )
                hits.append(correct(proposals[:3], reply, old=False))
            found[combination] = np.array(hits)
    scored, chosen_all = 0, []
    for fold in range(folds):
        test = np.array(order[fold::folds])
        train = np.setdiff1d(np.arange(count), test)
        chosen = max(found, key=lambda c: found[c][train].sum())
        chosen_all.append(chosen)
        scored += int(found[chosen][test].sum())
    best = max(found, key=lambda c: found[c].sum())
    twins_label = " no twins" if no_twins else ""
    print(
        f"[{family}{twins_label}] cross-validated {scored}/{count} = {scored / count:.1%}; "
        f"best on all {best} {found[best].sum()}/{count} = {found[best].mean():.1%}; "
        f"{time.perf_counter() - started:.0f} s"
    )
    print(f"  chosen by fold: {chosen_all}")
    for combination in sorted(found, key=lambda c: -found[c].sum())[:6]:
        print(f"  {combination}: {found[combination].sum()}/{count}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-twins", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--family", nargs="*", default=["base", "prf", "bm25", "mmr", "body", "ridge", "siblings"]
    )
    parser.add_argument("--vote-weights", nargs="*", type=float, default=list(VOTE_WEIGHTS))
    args = parser.parse_args()
    if not REPLIES.exists():
        sys.exit(f"{REPLIES} not found")
    for family in args.family:
        run(family, args.no_twins, args.folds, args.vote_weights)


if __name__ == "__main__":
    main()
