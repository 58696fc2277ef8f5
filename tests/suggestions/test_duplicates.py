"""Likely duplicates: the warning on the new-profile form, the manager's list and ``flask match duplicates``."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.models import Organization
from marketplace.organizations.duplicates import duplicate_pairs, find_duplicate_organizations
from tests import factories
from tests.factories import valid_inn, valid_ogrn
from tests.organizations.helpers import profile_data


def organization_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Organization))


def warning_of(html: str) -> str:
    start = html.index('data-testid="duplicate-warning"')
    return html[start : html.index("</ul>", start)]


@pytest.fixture
def flange_works(app):
    return factories.organization(
        name_ru='ООО "Фланцевый завод"', name_en="Flange Works LLC", inn=valid_inn(), ogrn=valid_ogrn()
    )


@pytest.mark.parametrize(
    "typed",
    [
        "Фланцевый завод, ООО",
        "ООО «Фланцевый завод»",
        "фланцевый завод",
        "Общество с ограниченной ответственностью «Фланцевый завод»",
    ],
)
def test_fuzzy_name_warns_and_the_user_can_still_confirm(client, login, flange_works, typed):
    user = login(factories.registered())
    # without an INN (two known, different INNs are two organizations, whatever their names)
    data = profile_data(name_ru=typed, name_en="Flanzevy Zavod Krasnodar", inn="")
    response = client.post("/organizations/new?lang=en", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    warning = warning_of(html)
    assert "This organization may already be registered" in warning
    assert f"/organizations/{flange_works.id}" in warning
    assert 'name="confirm_different"' in html  # the user may still say it is another organization
    assert organization_count() == 1
    response = client.post("/organizations/new?lang=en", data=data | {"confirm_different": "y"})
    assert response.status_code == 302
    assert organization_count() == 2
    db.session.expire_all()
    assert db.session.get(type(user), user.id).organization.name_ru == typed


def test_same_inn_warns_whatever_the_name(client, login, flange_works):
    login(factories.registered())
    data = profile_data(name_ru="ООО «Совсем другое название»", name_en="Something Else LLC", inn=flange_works.inn)
    response = client.post("/organizations/new?lang=en", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f"/organizations/{flange_works.id}" in warning_of(html)
    # the INN is unique: confirming does not create a second profile with it
    response = client.post("/organizations/new?lang=en", data=data | {"confirm_different": "y"})
    assert response.status_code == 400
    assert b"An organization with this INN is already registered." in response.data
    assert organization_count() == 1


@pytest.mark.parametrize(
    "changes", [{"name_ru": "ООО «Трубный завод»", "inn": ""}, {"name_ru": "ООО «Фланцевый завод»"}]
)  # its own INN, not the registered one
def test_a_different_organization_is_created_without_a_warning(client, login, flange_works, changes):
    login(factories.registered())
    response = client.post("/organizations/new?lang=en", data=profile_data(name_en="Pipe Plant LLC", **changes))
    assert response.status_code == 302
    assert organization_count() == 2


def test_the_form_shows_no_warning_before_it_is_submitted(client, login, flange_works):
    login(factories.registered())
    html = client.get("/organizations/new?lang=en").get_data(as_text=True)
    assert 'data-testid="duplicate-warning"' not in html


def test_find_duplicate_organizations_rules(app, flange_works):
    paints = factories.organization(name_ru="АО «Краски Юга»", name_en="Southern Paints JSC", inn=valid_inn())
    factories.organization(name_ru="ООО «Трубный завод»", name_en="Pipe Plant LLC")
    found = find_duplicate_organizations("Фланцевый завод, ООО")
    assert [(c.organization.id, c.reason) for c in found] == [(flange_works.id, "name")]
    assert [c.organization.id for c in find_duplicate_organizations('ПАО "Краски Юга"')] == [paints.id]
    assert [c.organization.id for c in find_duplicate_organizations("Paints Southern")] in ([], [paints.id])
    by_inn = find_duplicate_organizations("ООО «Ромашка»", inn=flange_works.inn)
    assert [(c.organization.id, c.reason) for c in by_inn] == [(flange_works.id, "inn")]
    # names nearly equal but both INNs known and different: not the same organization
    assert find_duplicate_organizations("ООО «Фланцевый завод»", inn=valid_inn()) == []
    # the organization being edited is not its own duplicate
    assert find_duplicate_organizations("Фланцевый завод", exclude_id=flange_works.id) == []
    assert find_duplicate_organizations("ООО «Кабельный завод»") == []


def test_manager_lists_pairs_and_the_cli_prints_them(client, login, runner, flange_works):
    twin = factories.organization(name_ru="Фланцевый завод, ООО", name_en="", inn=None)
    # nearly the same name, but both INNs are known and differ: two organizations
    namesake = factories.organization(name_ru="Фланцевый завод АО", name_en="", inn=valid_inn())
    unrelated = factories.organization(name_ru="ООО «Третье имя»", name_en="Third LLC")
    pairs = [(p.first.id, p.second.id, p.reason) for p in duplicate_pairs()]
    assert (flange_works.id, twin.id, "name") in pairs
    assert (flange_works.id, namesake.id, "name") not in pairs
    assert all(unrelated.id not in pair[:2] for pair in pairs)
    login(factories.manager())
    html = client.get("/organizations/duplicates?lang=en").get_data(as_text=True)
    assert f'data-ids="{flange_works.id}-{twin.id}"' in html
    assert f"/organizations/merge/{flange_works.id}/{twin.id}" in html
    result = runner.invoke(args=["match", "duplicates"])
    assert result.exit_code == 0, result.output
    assert f'#{flange_works.id} ООО "Фланцевый завод"  ~  #{twin.id} Фланцевый завод, ООО' in result.output
    assert "similar names" in result.output


def test_only_the_manager_sees_the_list(client, login, flange_works):
    login(None)
    assert client.get("/organizations/duplicates").status_code == 302
    login(factories.member())
    assert client.get("/organizations/duplicates").status_code == 403
