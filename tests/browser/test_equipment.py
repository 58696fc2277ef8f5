"""Journey 6: a member requests time on another organization's equipment, the owner approves it,
the calendar shows it, and an overlapping request is refused."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.models import Booking, BookingStatus, OrgKind
from tests import factories

from .support import local_day, path_of, reread, submit, to_utc


def _request_window(page, day, start: str, end: str, purpose: str):
    form = page.locator("[data-testid=booking-form]")
    form.locator("input[name=start_date]").fill(day.isoformat())
    form.locator("input[name=start_time]").fill(start)
    form.locator("input[name=end_time]").fill(end)
    form.locator("textarea[name=purpose]").fill(purpose)
    return submit(page, "[data-testid=booking-submit]")


def test_member_books_equipment_and_the_owner_approves(new_page):
    owner = factories.member(name_ru="ФГБОУ ВО «Технологический университет»", kind=OrgKind.UNIVERSITY)
    requester = factories.member(name_ru="ООО «Полимер-Юг»")
    item = factories.equipment(owner.organization, name_ru="Газовый хроматограф Хроматэк-Кристалл 5000")
    day = local_day(10)

    page = new_page(requester)
    page.goto("/equipment/")
    page.locator("[data-testid=equipment-card] a", has_text="Газовый хроматограф").click()
    assert path_of(page) == f"/equipment/{item.id}"
    assert _request_window(page, day, "10:00", "14:00", "Анализ состава 12 проб полипропилена.").status == 200
    assert path_of(page).startswith("/equipment/bookings/")
    expect(page.locator("h1 .badge.status-pending")).to_be_visible()

    reread()
    booking = db.session.scalar(select(Booking).where(Booking.equipment_id == item.id))
    assert booking.status == BookingStatus.PENDING
    assert booking.organization_id == requester.organization_id
    assert booking.requested_by_id == requester.id
    assert (booking.starts_at, booking.ends_at) == (to_utc(day, 10), to_utc(day, 14))  # stored as naive UTC

    owner_page = new_page(owner)
    owner_page.goto("/equipment/bookings/incoming")
    card = owner_page.locator(f"[data-booking-id='{booking.id}']")
    expect(card).to_contain_text("ООО «Полимер-Юг»")
    expect(card).to_contain_text("Анализ состава 12 проб полипропилена.")
    assert submit(owner_page, f"[data-booking-id='{booking.id}'] [data-testid=booking-approve]").status == 200
    expect(owner_page.locator(".alert-success")).to_be_visible()
    expect(owner_page.locator(f"[data-booking-id='{booking.id}']")).to_have_count(0)  # no longer pending

    reread()
    booking = db.session.get(Booking, booking.id)
    assert booking.status == BookingStatus.APPROVED
    assert booking.decided_by_id == owner.id

    # The calendar shows the approved window on its day, with who booked it (members see that).
    page.goto(f"/equipment/{item.id}")
    page.click("[data-testid=equipment-calendar-link]")
    if day.month != local_day(0).month:
        page.click("[data-testid=calendar-next]")
    slot = page.locator(f"[data-testid=calendar] td[data-date='{day.isoformat()}'] .slot-approved")
    expect(slot).to_have_count(1)
    expect(slot).to_contain_text("10:00–14:00")
    expect(slot).to_contain_text("ООО «Полимер-Юг»")

    # A second request overlapping the approved window is refused, saying which window it clashes with.
    page.goto(f"/equipment/{item.id}")
    assert _request_window(page, day, "12:00", "16:00", "Ещё 5 проб.").status == 409
    error = page.locator("input[name=start_date] ~ .invalid-feedback")
    expect(error).to_be_visible()
    expect(error).to_contain_text("10:00")
    expect(error).to_contain_text("14:00")
    expect(page.locator("textarea[name=purpose]")).to_have_value("Ещё 5 проб.")  # nothing typed is lost
    reread()
    assert db.session.scalar(select(func.count()).select_from(Booking)) == 1

    # The window right after the approved one is free (windows are half-open).
    assert _request_window(page, day, "14:00", "16:00", "Ещё 5 проб.").status == 200
    reread()
    assert db.session.scalar(select(func.count()).select_from(Booking)) == 2
