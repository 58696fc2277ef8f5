"""`flask search reindex` rebuilds the index from the database; `flask search clear` empties it."""

from __future__ import annotations

from marketplace.models import OrderStatus
from marketplace.search.services import records_to_index, reindex
from search_index import Document
from tests import factories


def test_reindex_rebuilds_a_cleared_index(app, runner, index, found):
    org = factories.organization(
        name_ru="ООО «Термопласт»",
        capacity="Экструзия труб",
        certifications="ISO 14001",
        confidential_fields=["certifications"],
    )
    product = factories.product(org, name_ru="Труба полиэтиленовая")
    item = factories.equipment(org, name_ru="Экструдер одношнековый")
    order = factories.order(org, title="Поставка гранулята")
    factories.order(org, title="Поставка гранулята, черновик", status=OrderStatus.DRAFT)
    offer = factories.offer(org, title="Литье изделий из пластмасс")

    result = runner.invoke(args=["search", "clear"])
    assert result.exit_code == 0, result.output
    assert index.doc_count() == 0
    assert found("труба") == []

    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert (
        "Indexed 5 documents (organization: 1, product: 1, equipment: 1, order: 1, offer: 1, event: 0, idea: 0)."
        in result.output
    )
    assert found("трубы") == [("product", product.id)]
    assert found("экструдер") == [("equipment", item.id)]
    assert found("гранулята") == [("order", order.id)]  # not the draft
    assert found("пластмасс") == [("offer", offer.id)]
    assert found("термопласт") != []
    assert found("экструзия", search_protected=True) == [("organization", org.id)]
    assert found("14001", search_protected=True) == []  # confidential


def test_reindex_drops_documents_the_database_no_longer_has(app, runner, index, found):
    index.add([Document("product", 999, "Призрачный фланец")])
    assert found("фланец") == [("product", 999)]
    assert runner.invoke(args=["search", "reindex"]).exit_code == 0
    assert found("фланец") == []


def test_reindex_reports_progress_for_every_record_read(app):
    org = factories.organization(name_ru="ООО «Термопласт»")
    factories.product(org, name_ru="Труба полиэтиленовая")
    factories.order(org, title="Поставка гранулята, черновик", status=OrderStatus.DRAFT)  # read, not indexed
    read = []
    counts = reindex(progress=lambda: read.append(1))
    assert records_to_index() == len(read) == 3
    assert sum(counts.values()) == 2
