"""Factories of ideas and comments (commit on creation, like ``tests.factories``)."""

from __future__ import annotations

import itertools

from marketplace.db import db
from marketplace.models import Idea, IdeaComment, IdeaKind, IdeaStatus, Visibility

_seq = itertools.count(1)


def idea(author, **kw) -> Idea:
    n = next(_seq)
    values = {
        "author": author,
        "organization_id": author.organization_id if author else None,
        "kind": IdeaKind.REQUEST,
        "title": f"Ищем партнёра для опытных испытаний катализатора {n}",
        "body": "Нужна пилотная установка гидроочистки и лаборатория для анализа продуктов.",
        "status": IdeaStatus.OPEN,
        "visibility": Visibility.PUBLIC,
    }
    values.update(kw)
    obj = Idea(**values)
    db.session.add(obj)
    db.session.commit()
    return obj


def comment(idea: Idea, author, body: str = "Готовы обсудить, есть опыт таких испытаний.", **kw) -> IdeaComment:
    obj = IdeaComment(idea=idea, author=author, body=body, **kw)
    db.session.add(obj)
    db.session.commit()
    return obj
