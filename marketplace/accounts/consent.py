"""The consent to the processing of personal data (Federal Law No. 152-FZ "On Personal Data", art. 9).

The text is a legal statement, versioned as a whole: it is not a translation catalog entry but one text per
language, both of the same version. Registration shows it and stores the version with the time
(``models.Consent``). Change the text only together with a new ``CONSENT_VERSION``; earlier consents keep
the version they were given for.
"""

from __future__ import annotations

CONSENT_VERSION = "2026-12-1"

CONSENT_TEXT = {
    "ru": (
        "Регистрируясь на платформе «Кластерный маркетплейс», я в соответствии со статьёй 9 Федерального "
        "закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в своём интересе даю "
        "согласие оператору платформы — специализированной организации кластера (далее — оператор) — на "
        "обработку моих персональных данных: фамилия, имя, отчество; адрес электронной почты; должность; "
        "номер телефона; организация, которую я представляю; язык интерфейса; сведения о моих сеансах "
        "работы на платформе (время входа и последнего действия, IP-адрес, тип браузера и устройства).\n\n"
        "Цели обработки: создание и ведение моей учётной записи; взаимодействие участников кластера "
        "(заказы и отклики, бронирование оборудования, проекты, мероприятия, идеи); направление мне "
        "уведомлений по электронной почте и на платформе; защита учётной записи от несанкционированного "
        "доступа.\n\n"
        "Действия с данными: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, "
        "изменение), извлечение, использование, предоставление пользователям платформы в пределах, нужных "
        "для этих целей, обезличивание, блокирование, удаление, уничтожение; с использованием средств "
        "автоматизации.\n\n"
        "Согласие действует до удаления моей учётной записи. Я могу отозвать его в любой момент, удалив "
        "учётную запись в профиле или направив оператору письменное заявление. После отзыва мои "
        "персональные данные обезличиваются; записи организации (заказы, отклики и т. п.) сохраняются без "
        "них. Выгрузить свои данные я могу в профиле."
    ),
    "en": (
        "By registering on the Cluster Marketplace platform, in accordance with Article 9 of Federal Law "
        'No. 152-FZ of 27 July 2006 "On Personal Data", I freely, of my own will and in my own interest '
        "consent to the platform's operator, the cluster's specialised organization (the operator), "
        "processing my personal data: surname, first name and patronymic; e-mail address; position; phone "
        "number; the organization I represent; interface language; data about my sessions on the platform "
        "(time of login and of last activity, IP address, browser and device type).\n\n"
        "Purposes: creating and keeping my account; cooperation of the cluster's participants (orders and "
        "responses, equipment bookings, projects, events, ideas); notifying me by e-mail and on the "
        "platform; protecting the account from unauthorised access.\n\n"
        "Operations: collection, recording, systematisation, accumulation, storage, clarification (update, "
        "change), retrieval, use, making available to the platform's users as far as these purposes need, "
        "anonymisation, blocking, deletion, destruction; by automated means.\n\n"
        "The consent is valid until my account is deleted. I may withdraw it at any time by deleting the "
        "account in my profile or by a written request to the operator. After withdrawal my personal data "
        "are anonymised; the organization's records (orders, responses and the like) are kept without them. "
        "I can download my data from my profile."
    ),
}


def consent_text(language: str) -> str:
    """The current consent in ``language`` (Russian, the binding text, for any other)."""
    return CONSENT_TEXT.get(language, CONSENT_TEXT["ru"])
