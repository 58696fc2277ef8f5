"""The baseline of ``bench/load.py``: a bare Flask app, served by gunicorn with the marketplace's settings.

    .venv/bin/gunicorn --pythonpath bench hello_app:app

One route, ``/``, answering a short text: what Flask, Werkzeug and gunicorn
cost before any application code runs.
"""

from __future__ import annotations

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello() -> str:
    return "Hello, World!"
