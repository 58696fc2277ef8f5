"""Forms of the catalog: the product form, the list filters, the delete confirmation."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from wtforms import (
    MultipleFileField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import HiddenInput

from .. import forms as shared
from ..forms import IntegerField, MoneyField, NumberRange
from ..i18n import choices
from ..organizations.models import OrgKind
from .models import Product
from .queries import SORTS, CatalogFilters
from .services import MAX_PRICE


def _no_spaces(text: str) -> str:
    """Drop all whitespace: codes and amounts are often typed in groups ("7307 21 000 0", "1 500,50")."""
    return "".join(text.split())


def _compact(value: str | None) -> str | None:
    """A field filter: ``_no_spaces`` on the text, if any."""
    return _no_spaces(value) if isinstance(value, str) else value


class ProductForm(FlaskForm):
    name_ru = StringField(
        _l("Name in Russian"), filters=[shared.strip_filter], validators=[DataRequired(), Length(max=255)]
    )
    name_en = StringField(_l("Name in English"), filters=[shared.strip_filter], validators=[Length(max=255)])
    kind = RadioField(
        _l("This is a"),
        choices=[SelectChoice("product", _l("Product")), SelectChoice("service", _l("Service"))],
        default="product",
    )
    description_ru = TextAreaField(
        _l("Description in Russian"), filters=[shared.strip_filter], validators=[Length(max=20000)]
    )
    description_en = TextAreaField(
        _l("Description in English"), filters=[shared.strip_filter], validators=[Length(max=20000)]
    )
    okpd2 = StringField(
        _l("OKPD2 code"),
        filters=[shared.strip_filter],
        validators=[DataRequired(), shared.okpd2_code],
        description=_l("Type the code (25.62.10) or words of its name to pick it from the classifier."),
    )
    hs_code = StringField(
        _l("HS / TN VED code"),
        filters=[_compact],
        validators=[shared.hs_code],
        description=_l("Optional, 6, 8 or 10 digits."),
    )
    unspsc = StringField(
        _l("UNSPSC code"), filters=[_compact], validators=[shared.unspsc_code], description=_l("Optional, 8 digits.")
    )
    specs = shared.SpecsField(
        _l("Specifications"), description=_l('One per line as "name: value", for example "Diameter: up to 500 mm".')
    )
    unit = StringField(
        _l("Unit"),
        filters=[shared.strip_filter],
        validators=[Length(max=40)],
        description=_l("For example: pcs, kg, t, m, hour."),
    )
    price = MoneyField(
        _l("Price, ₽ per unit"),
        places=2,
        validators=[Optional(), NumberRange(min=0, max=MAX_PRICE, message=_l("The price must be zero or more."))],
        description=_l('Leave empty for "price on request".'),
    )
    attachments = MultipleFileField(_l("Add photos and documents"))
    remove_attachments = SelectMultipleField(_l("Remove files"), coerce=int, choices=[])
    submit = SubmitField(_l("Save"))

    def fill_from(self, product: Product) -> None:
        """Show a stored product in a form that was not submitted."""
        for name in (
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "okpd2",
            "hs_code",
            "unspsc",
            "specs",
            "unit",
            "price",
        ):
            getattr(self, name).data = getattr(product, name)
        self.kind.data = "service" if product.is_service else "product"

    def product_data(self) -> dict[str, Any]:
        """The validated values, keyed as ``services.create_product`` expects."""
        return {
            "name_ru": self.name_ru.data,
            "name_en": self.name_en.data or "",
            "description_ru": self.description_ru.data or "",
            "description_en": self.description_en.data or "",
            "is_service": self.kind.data == "service",
            "okpd2": self.okpd2.data,
            "hs_code": self.hs_code.data or None,
            "unspsc": self.unspsc.data or None,
            "specs": self.specs.data or [],
            "unit": self.unit.data or "",
            "price": self.price.data,
        }

    def uploads(self) -> list[FileStorage]:
        return [f for f in (self.attachments.data or []) if isinstance(f, FileStorage) and f.filename]


class FilterForm(FlaskForm):
    """The catalog's filters, read from the query string. Invalid values are ignored (and flagged)."""

    class Meta:
        csrf = False

    q = StringField(_l("Words in the name or description"), filters=[shared.strip_filter], validators=[Length(max=200)])
    code = StringField(
        _l("OKPD2 code"),
        filters=[shared.strip_filter, lambda v: v.rstrip(".") if v else v],
        validators=[shared.okpd2_code],
    )
    type = SelectField(
        _l("Show"),
        choices=[
            SelectChoice("", _l("Products and services")),
            SelectChoice("product", _l("Products only")),
            SelectChoice("service", _l("Services only")),
        ],
        default="",
    )
    region = shared.RegionField(_l("Region"), allow_blank=True)
    kind = SelectField(_l("Organization type"), default="", choices=choices(OrgKind, blank=_l("— any —")))
    sort = SelectField(
        _l("Sort"),
        default="newest",
        choices=[
            SelectChoice(value, label)
            for value, label in zip(
                SORTS,
                (_l("Newest first"), _l("By name"), _l("Price: low to high"), _l("Price: high to low")),
                strict=True,
            )
        ],
    )
    org = IntegerField(widget=HiddenInput(), validators=[Optional()])

    def filters(self) -> CatalogFilters:
        """Validate and turn the valid fields into filters."""
        self.validate()

        def good(field: Any) -> Any:
            return None if field.errors else field.data

        kind = good(self.kind)
        kind_type = good(self.type)
        return CatalogFilters(
            q=good(self.q) or "",
            code=good(self.code) or "",
            org_id=good(self.org),
            region=good(self.region) or "",
            kind=OrgKind(kind) if kind else None,
            is_service={"service": True, "product": False}.get(kind_type or ""),
            sort=good(self.sort) or "newest",
        )

    @property
    def active(self) -> bool:
        """Whether any filter besides the organization and the sorting is in effect."""
        return any(
            getattr(self, name).data and not getattr(self, name).errors
            for name in ("q", "code", "type", "region", "kind")
        )


class DeleteForm(FlaskForm):
    submit = SubmitField(_l("Delete"))
