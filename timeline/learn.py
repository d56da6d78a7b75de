"""Weighted logistic regression, small and exact: Newton's method on sparse rows.

Used to learn the importance weights (``bench/learn_importance.py``). A row is a
mapping of feature name to value (absent means 0); the fit minimises the weighted
log loss plus ``l2`` times the squared weights (the bias is not penalised).
Pure Python: rows have a handful of non-zero features, so each Newton step
costs rows × (non-zeros)², and ten steps converge.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Row = Mapping[str, float]


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]

    def logit(self, row: Row) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in row.items())

    def probability(self, row: Row) -> float:
        return sigmoid(self.logit(row))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit_logistic(
    rows: Sequence[Row],
    labels: Sequence[bool],
    weights: Sequence[float] | None = None,
    *,
    l2: float = 1.0,
    steps: int = 25,
    tolerance: float = 1e-7,
) -> Model:
    """The weighted, L2-regularised logistic regression of ``labels`` on ``rows``."""
    names = sorted({name for row in rows for name in row})
    index = {name: i + 1 for i, name in enumerate(names)}  # 0 is the bias
    size = len(names) + 1
    sparse = [[(0, 1.0)] + [(index[n], v) for n, v in row.items() if v] for row in rows]
    sample = list(weights) if weights is not None else [1.0] * len(rows)
    beta = [0.0] * size
    for _ in range(steps):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for features, label, weight in zip(sparse, labels, sample, strict=True):
            p = sigmoid(sum(beta[i] * v for i, v in features))
            residual = weight * ((1.0 if label else 0.0) - p)
            curvature = weight * p * (1.0 - p)
            for i, vi in features:
                gradient[i] += residual * vi
                row = hessian[i]
                for j, vj in features:
                    row[j] += curvature * vi * vj
        for i in range(1, size):
            gradient[i] -= 2 * l2 * beta[i]
            hessian[i][i] += 2 * l2
        hessian[0][0] += 1e-9
        step = _solve(hessian, gradient)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < tolerance:
            break
    return Model(beta[0], {name: beta[index[name]] for name in names})


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Solve matrix · x = vector (symmetric positive definite) by Gaussian elimination."""
    n = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if abs(a[col][col]) < 1e-15:
            continue
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(a[r][r]) < 1e-15:
            continue
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x
