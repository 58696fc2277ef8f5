"""A small cluster for the matching tests, in Russian.

``cluster``: a customer (a large petrochemical plant) and suppliers: the
flange-machining SME (description, competency with a note, a product with
specifications, equipment, a won order), a paint maker, a university lab,
a non-member flange workshop (never proposed) and the manager. Every
organization has one user (``cluster.users[<key>]``).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import OrderStatus, OrgKind, ResponseStatus, Visibility
from tests import factories

FLANGE_ORDER = "Механическая обработка фланцев из стали 09Г2С"


@pytest.fixture
def cluster(app):
    machining = factories.competency(code="C-MECH", name_ru="Механическая обработка", name_en="Machining")
    coating = factories.competency(code="C-COAT", name_ru="Лакокрасочные покрытия", name_en="Paint coatings")
    customer = factories.member(
        name_ru="ПАО «Нефтехимзавод»",
        name_en="Petrochem Plant PJSC",
        kind=OrgKind.LARGE,
        description_ru="Нефтехимический завод: производство полимеров и пластиков.",
        description_en="Petrochemical plant making polymers.",
    )
    flanges = factories.member(
        name_ru="ООО «Фланцевый завод»",
        name_en="Flange Works LLC",
        kind=OrgKind.SME,
        region="Краснодарский край",
        description_ru="Токарная и механическая обработка фланцев, колец и дисков "
        "из сталей 09Г2С, 20 и 12Х18Н10Т на станках с ЧПУ.",
        description_en="CNC turning and machining of flanges and rings.",
    )
    paints = factories.member(
        name_ru="АО «Краски Юга»",
        name_en="Southern Paints JSC",
        kind=OrgKind.SME,
        description_ru="Производство лакокрасочных материалов и антикоррозионных покрытий.",
        description_en="Paints and anticorrosion coatings.",
    )
    university = factories.member(
        name_ru="Политехнический университет",
        name_en="Polytechnic University",
        kind=OrgKind.UNIVERSITY,
        description_ru="Лаборатория испытаний материалов: механические испытания сталей, металлография.",
        description_en="Materials testing laboratory.",
    )
    outsider = factories.outsider(
        name_ru="ООО «Фланцы без членства»",
        name_en="Non-member Flanges LLC",
        description_ru="Механическая обработка фланцев из стали 09Г2С.",
    )
    factories.give_competency(flanges.organization, machining, level=3, note="фланцы до Ду 1200, сталь 09Г2С")
    factories.give_competency(paints.organization, coating, level=2)
    product = factories.product(
        flanges.organization,
        name_ru="Фланец стальной приварной",
        name_en="Weld flange",
        description_ru="Фланцы плоские приварные из стали 09Г2С по ГОСТ 33259.",
        okpd2="25.62.10",
        specs=[{"name": "Диаметр", "value": "до 1200 мм"}],
    )
    factories.equipment(
        flanges.organization,
        name_ru="Токарный станок с ЧПУ",
        name_en="CNC lathe",
        description_ru="Токарная обработка деталей диаметром до 1200 мм.",
    )
    factories.product(
        paints.organization,
        name_ru="Эмаль антикоррозионная",
        name_en="Anticorrosion enamel",
        description_ru="Эмаль для защиты металлоконструкций.",
        okpd2="20.30.12",
    )
    won = factories.order(
        customer.organization,
        title="Кольца уплотнительные из стали 20",
        description="Токарная обработка колец.",
        status=OrderStatus.COMPLETED,
    )
    factories.response(won, flanges.organization, status=ResponseStatus.ACCEPTED)
    won.awarded_response_id = won.responses[0].id
    db.session.commit()
    return SimpleNamespace(
        customer=customer.organization,
        flanges=flanges.organization,
        paints=paints.organization,
        university=university.organization,
        outsider=outsider.organization,
        product=product,
        machining=machining,
        coating=coating,
        won_order=won,
        users={
            "customer": customer,
            "flanges": flanges,
            "paints": paints,
            "university": university,
            "outsider": outsider,
        },
        colleague=factories.user(organization=customer.organization),
        manager=factories.manager(),
        registered=factories.registered(),
    )


@pytest.fixture
def flange_order(cluster):
    order = factories.order(
        cluster.customer,
        title=FLANGE_ORDER,
        description="Требуется обработать 200 фланцев Ду 300 из стали 09Г2С по чертежу.",
        okpd2_codes=["25.62"],
        created_by=cluster.users["customer"],
        region="Краснодарский край",
        visibility=Visibility.MEMBERS,
    )
    order.competencies = [cluster.machining]
    db.session.commit()
    return order


def page(client, url: str, lang: str = "en") -> str:
    sep = "&" if "?" in url else "?"
    response = client.get(f"{url}{sep}lang={lang}")
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)
