"""Catalog test helpers: classifier rows, sample files, reading product ids off a page."""

from __future__ import annotations

import io
import re
import struct
import zlib

from marketplace.catalog.models import Okpd2Code
from marketplace.db import db


def okpd2(code: str, name_ru: str, name_en: str = "") -> Okpd2Code:
    """Add one classifier entry (tests create what they need; the real file is loaded by the CLI)."""
    row = Okpd2Code(code=code, name_ru=name_ru, name_en=name_en)
    db.session.add(row)
    db.session.commit()
    return row


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(b"\x00\x0f\x6e\x7f")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


PNG = _png()
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

#: A valid product form.
VALID = {
    "name_ru": "Фланец плоский приварной",
    "name_en": "Flat welding flange",
    "kind": "product",
    "description_ru": "Фланцы по ГОСТ 33259.",
    "description_en": "Flanges to GOST 33259.",
    "okpd2": "25.62.10",
    "hs_code": "7307 21 000 0",
    "unspsc": "40141700",
    "specs": "Диаметр: до 500 мм\nДавление: 1,6 МПа",
    "unit": "шт",
    "price": "1 500,50",
}

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def upload(name: str, data: bytes):
    """A file for the test client's ``data=`` (a fresh stream each call)."""
    return (io.BytesIO(data), name)


def listed_ids(response) -> list[int]:
    """Ids of the products listed on a page, in page order."""
    return [int(n) for n in re.findall(r'data-product-id="(\d+)"', response.get_data(as_text=True))]


def stored_files(directory) -> list:
    """Files on disk under the upload directory."""
    return sorted(directory.glob("*")) if directory.exists() else []


def field_tag(page: str, field_id: str) -> str:
    """The opening tag of the form control with this id (empty when there is none)."""
    found = re.search(rf'<(?:input|textarea|select)\b[^>]*\bid="{re.escape(field_id)}"[^>]*>', page)
    return found.group(0) if found else ""
