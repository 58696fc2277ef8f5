"""Seed step 1: organizations with their competencies, users, and membership applications."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..accounts.models import Role, User
from ..db import db
from ..organizations.models import (
    ApplicationStatus,
    MembershipApplication,
    MembershipStatus,
    Organization,
    OrganizationCompetency,
    OrgKind,
)
from .context import ORG_SPECS, Demo
from .identifiers import Registry
from .people import full_name, position
from .records import CITY_PHONE_CODES, REGION_TAX_CODES, OrgSpec

_STATUS = {
    "member": MembershipStatus.MEMBER,
    "none": MembershipStatus.NONE,
    "applied": MembershipStatus.APPLIED,
    "rejected": MembershipStatus.REJECTED,
}


@dataclass(frozen=True, kw_only=True)
class SpecialUser:
    """A documented demo login (docs/features/demo.md)."""

    email: str  # the login
    full_name: str  # surname, name, patronymic
    position: str  # job title
    org: str | None  # key of the user's organization; None: a registered user without one


#: Documented logins by role name.
SPECIAL_USERS = {
    "manager": SpecialUser(
        email="manager@cluster.demo", full_name="Ковалёва Марина Викторовна", position="Менеджер кластера", org="ckr"
    ),
    "sme": SpecialUser(
        email="sme@cluster.demo",
        full_name="Гончаров Алексей Петрович",
        position="Генеральный директор",
        org="technometal",
    ),
    "buyer": SpecialUser(
        email="buyer@cluster.demo",
        full_name="Лебедева Ольга Сергеевна",
        position="Ведущий специалист отдела закупок",
        org="stavazot",
    ),
    "lab": SpecialUser(
        email="lab@cluster.demo",
        full_name="Белов Игорь Николаевич",
        position="Заведующий лабораторией физико-химических методов анализа",
        org="sktu",
    ),
    "applicant": SpecialUser(
        email="applicant@cluster.demo", full_name="Фролов Роман Андреевич", position="Директор", org="carbontech"
    ),
    "user": SpecialUser(
        email="user@cluster.demo", full_name="Никитина Екатерина Дмитриевна", position="Инженер-технолог", org=None
    ),
}
#: Which special users administer their organization.
_SPECIAL_ADMINS = {"manager", "sme", "applicant"}

_SECOND_USER_PREFIX = {
    OrgKind.LARGE: "zakupki",
    OrgKind.UNIVERSITY: "nauka",
    OrgKind.RESEARCH: "lab",
    OrgKind.SME: "sales",
    OrgKind.PUBLIC: "office",
    OrgKind.OTHER: "study",
}


def build_organizations(demo: Demo) -> None:
    registry = Registry(demo.rng)
    for spec in ORG_SPECS:
        demo.specs[spec.key] = spec
        org = _organization(demo, spec, registry)
        for code, level, note in spec.competencies:
            org.competencies.append(OrganizationCompetency(competency=demo.competencies[code], level=level, note=note))
        db.session.add(org)
        demo.orgs[spec.key] = org
    demo.counts["organizations"] = len(demo.orgs)


def _organization(demo: Demo, spec: OrgSpec, registry: Registry) -> Organization:
    rng = demo.rng
    tax_code = REGION_TAX_CODES.get(spec.region)
    member_since = None
    if spec.status == "member":
        member_since = demo.today - dt.timedelta(days=365 * spec.member_years - rng.randint(0, 200))
        registered = member_since - dt.timedelta(days=rng.randint(20, 60))
    else:
        registered = demo.today - dt.timedelta(days=rng.randint(45, 400))
    return Organization(
        name_ru=spec.name_ru,
        name_en=spec.name_en,
        kind=spec.kind,
        inn=registry.inn(tax_code) if tax_code else None,
        ogrn=registry.ogrn(tax_code, max(spec.founded, 2002)) if tax_code else None,
        region=spec.region,
        city=spec.city,
        address=f"{spec.city}, {spec.address}",
        website=f"https://{spec.key}.demo",
        contact_email=f"info@{spec.key}.demo",
        phone=_phone(rng, spec.city),
        description_ru=spec.description_ru,
        description_en=spec.description_en,
        staff_size=spec.staff_size,
        certifications="\n".join(spec.certifications),
        capacity=spec.capacity,
        confidential_fields=list(spec.confidential),
        membership_status=_STATUS[spec.status],
        member_since=member_since,
        created_at=dt.datetime.combine(registered, dt.time(8, 0)),
    )


def _phone(rng: random.Random, city: str) -> str:
    code = CITY_PHONE_CODES[city]
    if code.startswith("+"):  # abroad: the code already carries the country
        return f"{code} {rng.randint(20, 79)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
    local_digits = 10 - len(code)
    number = str(rng.randint(2 * 10 ** (local_digits - 1), 10**local_digits - 1))
    groups = [number[:-4], number[-4:-2], number[-2:]]
    return f"+7 ({code}) " + "-".join(groups)


def build_users(demo: Demo) -> None:
    """Users for every organization (its admin at info@<key>.demo, a second user for larger ones),
    then the documented logins of every role."""
    rng = demo.rng
    template = User(email="template@cluster.demo", full_name="", role=Role.USER)
    template.set_password("demo12345")
    demo.password_hash = template.password_hash  # computed once: hashing ~170 users would take seconds
    for key, org in demo.orgs.items():
        spec = demo.specs[key]
        people = [_user(demo, f"info@{key}.demo", full_name(rng), position(rng, spec.kind), org, admin=True)]
        if spec.kind != OrgKind.SME or spec.staff_size >= 60:
            people.append(
                _user(
                    demo,
                    f"{_SECOND_USER_PREFIX[spec.kind]}@{key}.demo",
                    full_name(rng),
                    position(rng, spec.kind, second=True),
                    org,
                    admin=False,
                )
            )
        demo.users[key] = people
    for role_name, special in SPECIAL_USERS.items():
        home = demo.orgs[special.org] if special.org else None
        user = _user(demo, special.email, special.full_name, special.position, home, admin=role_name in _SPECIAL_ADMINS)
        if role_name == "manager":
            user.role = Role.MANAGER
        if special.org:
            colleagues = demo.users[special.org]
            colleagues.insert(0 if user.is_org_admin else len(colleagues), user)
        demo.special[role_name] = user
    demo.counts["users"] = sum(len(people) for people in demo.users.values()) + 1  # + the user without organization


def _user(demo: Demo, email: str, name: str, title: str, org: Organization | None, *, admin: bool) -> User:
    rng = demo.rng
    user = User(
        email=email,
        full_name=name,
        position=title,
        password_hash=demo.password_hash,
        role=Role.USER,
        organization=org,
        is_org_admin=admin,
        locale="ru",
        phone=org.phone if org is not None else "+7 (918) 555-24-17",
        created_at=(org.created_at if org is not None else demo.days_ago(90)) + dt.timedelta(hours=1),
        last_login_at=demo.days_ago(rng.randint(0, 20), hour=rng.randint(5, 15)),
    )
    db.session.add(user)
    return user


def build_applications(demo: Demo) -> None:
    """A pending application, a rejected one, and the approved applications of recent members."""
    manager = demo.special["manager"]
    for key, spec in demo.specs.items():
        org = demo.orgs[key]
        if spec.status == "applied":
            _application(
                demo,
                org,
                demo.special["applicant"],
                ApplicationStatus.PENDING,
                demo.days_ago(3),
                "Просим принять нашу компанию в число участников кластера. Изготавливаем детали "
                "из углепластика и готовы участвовать в совместных проектах по импортозамещению "
                "композитных изделий.",
            )
        elif spec.status == "rejected":
            _application(
                demo,
                org,
                demo.admin(key),
                ApplicationStatus.REJECTED,
                demo.days_ago(40),
                "Просим рассмотреть заявку на вступление в кластер: оказываем услуги по сертификации продукции.",
                decided_by=manager,
                decided_at=demo.days_ago(31),
                reason="Организация не ведёт деятельность в Ставропольском крае и не представила сведения о "
                "производственной или испытательной базе. Предлагаем подать заявку повторно после "
                "открытия обособленного подразделения в крае.",
            )
        elif spec.status == "member" and spec.member_years <= 1 and org.member_since is not None:
            decided = dt.datetime.combine(org.member_since, dt.time(9, 0))
            _application(
                demo,
                org,
                demo.admin(key),
                ApplicationStatus.APPROVED,
                decided - dt.timedelta(days=12),
                "Просим принять нас в участники кластера, готовы участвовать в кооперации и совместных проектах.",
                decided_by=manager,
                decided_at=decided,
            )


def _application(
    demo: Demo,
    org: Organization,
    applicant: User,
    status: ApplicationStatus,
    created: dt.datetime,
    message: str,
    *,
    decided_by: User | None = None,
    decided_at: dt.datetime | None = None,
    reason: str = "",
) -> None:
    db.session.add(
        MembershipApplication(
            organization=org,
            applicant=applicant,
            message=message,
            status=status,
            decision_reason=reason,
            decided_by=decided_by,
            decided_at=decided_at,
            created_at=created,
        )
    )
    demo.counts["applications"] += 1
