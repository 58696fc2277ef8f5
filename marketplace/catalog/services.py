"""Changing the catalog: adding, editing and deleting an organization's products.

Every function checks that ``user`` may edit the organization's records,
validates what it is given (so the API and the CLI get the same rules as the
web form), and flushes; the request commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from .. import access
from ..attachments.services import add_attachment, delete_attachment
from ..db import db
from ..errors import InvalidInput
from ..organizations.models import Organization
from ..validators import is_valid_hs, is_valid_okpd2, is_valid_unspsc
from .models import Product

#: The fields ``data`` may carry; missing ones take their defaults on create and stay as they are on update.
PRODUCT_FIELDS = (
    "name_ru",
    "name_en",
    "description_ru",
    "description_en",
    "is_service",
    "okpd2",
    "hs_code",
    "unspsc",
    "specs",
    "unit",
    "price",
)
MAX_PRICE = Decimal("999999999999.99")


def create_product(
    organization: Organization, data: Mapping[str, Any], files: Iterable[FileStorage], user: Any
) -> Product:
    """Add a product of ``organization`` with its uploaded files.

    Raises Forbidden unless ``user`` belongs to the organization or is the
    manager, InvalidInput (with ``field``) for bad data or a rejected file.
    """
    access.require_edit(organization.id, user)
    product = Product(organization=organization, specs=[])
    _apply(product, data, creating=True)
    db.session.add(product)
    db.session.flush()
    _add_files(product, files, user)
    db.session.flush()
    return product


def update_product(
    product: Product,
    data: Mapping[str, Any],
    files: Iterable[FileStorage],
    user: Any,
    remove_attachment_ids: Iterable[int] = (),
) -> Product:
    """Change the product's fields, drop the listed attachments of this product, add new files."""
    access.require_edit(product.organization_id, user)
    _apply(product, data, creating=False)
    remove = set(remove_attachment_ids)
    for attachment in list(product.attachments):
        if attachment.id in remove:  # ids of other records' files are simply not found here
            product.attachments.remove(attachment)
            delete_attachment(attachment)
    _add_files(product, files, user)
    db.session.flush()
    return product


def delete_product(product: Product, user: Any) -> None:
    """Delete the product; its files are removed from disk once the transaction commits."""
    access.require_edit(product.organization_id, user)
    for attachment in list(product.attachments):
        delete_attachment(attachment)
    db.session.delete(product)
    db.session.flush()


def _add_files(product: Product, files: Iterable[FileStorage], user: Any) -> None:
    for upload in files:
        if upload is None or not upload.filename:  # an empty file input still sends a part
            continue
        add_attachment(upload, uploaded_by_id=getattr(user, "id", None), product=product)


def _apply(product: Product, data: Mapping[str, Any], *, creating: bool) -> None:
    values = _normalized(data)
    _check(values, creating=creating)
    if values.get("price") is not None:
        values["price"] = _price(values["price"])
    if "specs" in values:
        values["specs"] = [{"name": str(s["name"]), "value": str(s["value"])} for s in values["specs"] or []]
    if "is_service" in values:
        values["is_service"] = bool(values["is_service"])

    for key, value in values.items():
        setattr(product, key, value)


def _normalized(data: Mapping[str, Any]) -> dict[str, Any]:
    """The product fields given in ``data``: texts stripped, codes without spaces (an empty code is ``None``)."""
    values = {key: data[key] for key in PRODUCT_FIELDS if key in data}
    for key in ("name_ru", "name_en", "description_ru", "description_en", "okpd2", "unit"):
        if key in values:
            values[key] = (values[key] or "").strip()
    for key in ("hs_code", "unspsc"):
        if key in values:
            values[key] = "".join((values[key] or "").split()) or None
    return values


def _check(values: Mapping[str, Any], *, creating: bool) -> None:
    """Raise InvalidInput (with ``field``) for the first missing or malformed name or code."""
    if (creating or "name_ru" in values) and not values.get("name_ru"):
        raise InvalidInput(_("Enter the name in Russian."), field="name_ru")
    if (creating or "okpd2" in values) and not is_valid_okpd2(values.get("okpd2") or ""):
        raise InvalidInput(_("Not an OKPD2 code. Use the form 25.62 or 25.62.10."), field="okpd2")
    if values.get("hs_code") and not is_valid_hs(values["hs_code"]):
        raise InvalidInput(_("An HS / TN VED code has 6, 8 or 10 digits."), field="hs_code")
    if values.get("unspsc") and not is_valid_unspsc(values["unspsc"]):
        raise InvalidInput(_("A UNSPSC code has 8 digits."), field="unspsc")


def _price(value: Any) -> Decimal:
    """``value`` as a Decimal; raises InvalidInput unless it is a finite amount from 0 to ``MAX_PRICE``."""
    price = Decimal(value)
    if not price.is_finite() or not Decimal(0) <= price <= MAX_PRICE:
        raise InvalidInput(_("The price must be zero or more."), field="price")
    return price
