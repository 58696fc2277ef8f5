"""The reverse search: open orders that fit a supplier.

``OrderIndex`` is a second, small index over the open orders, vectorized with
the matcher's fitted vocabulary and idf so that an order and a profile live
in the same space. A supplier is represented by its profile centroid (the
same vector the matcher scores with); an order's score is the cosine with
it plus ``order_code_weight`` × the share of the order's OKPD2 and
competency codes the supplier has (prefix-aware).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.preprocessing import normalize

from .arrays import Float32Array
from .codes import CodeIndex
from .errors import NotFittedError, UnknownOrganizationError
from .profiles import OrderDocument, OrganizationProfile
from .reasons import matched_terms
from .results import MatchedCode, OrderMatch, Reasons

if TYPE_CHECKING:
    from .matcher import Matcher

ORDER_CODE_WEIGHT = 0.3


class OrderIndex:
    """Orders indexed for ``match(supplier)``; refit (cheap) when the set of open orders changes."""

    def __init__(self, matcher: Matcher, code_weight: float = ORDER_CODE_WEIGHT) -> None:
        matcher.check_fitted()
        self.matcher = matcher
        self.code_weight = code_weight

    def fit(self, orders: Sequence[OrderDocument]) -> OrderIndex:
        orders = list(orders)
        self.orders_ = orders
        self._customers = np.empty(len(orders), dtype=object)
        self._customers[:] = [o.customer_id for o in orders]
        self.matrix_ = sp.csr_matrix(self.matcher.model_.transform([(o.full_text, o.lang) for o in orders]))
        # one row per (order, code): an order's code match is the mean over its codes
        self._code_rows: dict[str, tuple[CodeIndex, NDArray[np.int64], Float32Array]] = {}
        for scheme, attr in (("okpd2", "okpd2_codes"), ("competency", "competency_codes")):
            index = CodeIndex(scheme)
            owner: list[int] = []
            depth: list[int] = []
            for i, order in enumerate(orders):
                for code in dict.fromkeys(getattr(order, attr)):
                    if index.depth(code):
                        index.set(len(owner), [code])
                        owner.append(i)
                        depth.append(index.depth(code))
            self._code_rows[scheme] = (index, np.asarray(owner, dtype=np.int64), np.asarray(depth, dtype=np.float32))
        return self

    def _supplier(
        self, supplier: OrganizationProfile | Hashable
    ) -> tuple[sp.csr_matrix, dict[str, list[str]], Hashable]:
        matcher = self.matcher
        if isinstance(supplier, OrganizationProfile):
            docs = list(supplier.documents())
            cfg = matcher.config
            if docs:
                rows = matcher.model_.transform([(d.full_text, d.lang) for d in docs])
                w = np.array([d.weight * cfg.field_weight(d.kind) for d in docs], dtype=np.float32)
                vector = normalize(sp.csr_matrix(rows.multiply(w[:, None]).sum(axis=0))).astype(np.float32)
            else:
                vector = sp.csr_matrix((1, len(matcher.model_.vocabulary)), dtype=np.float32)
            codes = {"okpd2": list(supplier.okpd2_codes), "competency": supplier.all_competency_codes()}
            return sp.csr_matrix(vector), codes, supplier.id
        row = matcher.org_row_.get(supplier)
        if row is None:
            raise UnknownOrganizationError(supplier)
        cols, data = matcher.index_.centroid_row(row)
        vector = sp.csr_matrix((data, cols, [0, cols.size]), shape=(1, len(matcher.model_.vocabulary)))
        codes = {"okpd2": matcher.okpd2_.codes[row], "competency": matcher.competency_.codes[row]}
        return vector, codes, supplier

    def match(self, supplier: OrganizationProfile | Hashable, top_k: int = 10) -> list[OrderMatch]:
        if not hasattr(self, "orders_"):
            raise NotFittedError("OrderIndex")
        vector, codes, supplier_id = self._supplier(supplier)
        n = len(self.orders_)
        if n == 0:
            return []
        sims = (self.matrix_ @ vector.T).toarray().ravel()
        code_score = np.zeros(n)
        for scheme, (index, owner, depth) in self._code_rows.items():
            if owner.size == 0 or not codes[scheme]:
                continue
            shared = np.zeros(owner.size, dtype=np.float32)
            for code in codes[scheme]:  # the supplier's few codes
                shared = np.maximum(shared, index.common_depth(code, owner.size))
            per_order = np.bincount(owner, weights=shared / depth, minlength=n)
            count = np.bincount(owner, minlength=n)
            code_score += np.divide(per_order, count, out=np.zeros(n), where=count > 0)
        scores = sims + self.code_weight * code_score
        if supplier_id is not None:
            scores[self._customers == supplier_id] = -np.inf  # a supplier is not offered its own orders
        scores[(sims <= 0) & (code_score <= 0)] = -np.inf
        rows = self.matcher.top(scores, top_k)
        v_cols, v_data = vector.indices, vector.data
        out = []
        for r in rows:
            order = self.orders_[r]
            row = self.matrix_[r]
            order_cols = np.sort(row.indices.astype(np.int64))
            order_w = row.data[np.argsort(row.indices)]
            terms = matched_terms(
                self.matcher.model_, order_cols, order_w, v_cols, v_data, self.matcher.config.reason_terms
            )
            reasons = Reasons(
                terms=terms,
                okpd2=_codes_matched("okpd2", order.okpd2_codes, codes["okpd2"]),
                competencies=_codes_matched("competency", order.competency_codes, codes["competency"]),
            )
            out.append(OrderMatch(order.id, round(float(scores[r]), 6), round(float(sims[r]), 4), reasons))
        return out


def _codes_matched(scheme: str, order_codes: Sequence[str], supplier_codes: Sequence[str]) -> tuple[MatchedCode, ...]:
    index = CodeIndex(scheme)
    index.set(0, supplier_codes)
    return tuple(MatchedCode(q, o, m) for q, o, m in index.matched(0, order_codes))
