"""CSV files for download, written the way spreadsheets in Russia read them.

UTF-8 with a byte order mark (Excel then reads Cyrillic correctly), ``;`` between fields (the list
separator of Russian Excel), CRLF line ends, and text that would start a formula (``= + - @``, tab,
CR) prefixed with ``'`` so that opening the file never runs it. Every CSV export of the site goes
through here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response

BOM = "\ufeff"
DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value``, with a leading ``'`` when it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The file's text: a header line, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return BOM + buffer.getvalue()


def csv_response(body: str, filename: str, *, private: bool = True) -> Response:
    """A download of ``body`` named ``filename``; not kept by shared caches unless ``private`` is False."""
    response = Response(body.encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    if private:
        response.headers["Cache-Control"] = "private, no-store"
    return response
