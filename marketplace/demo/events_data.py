"""Demo events of the cluster: seminars, round tables, brokerage days, a supplier conference — past and upcoming."""

from __future__ import annotations

from dataclasses import dataclass

from ..events.models import EventKind, EventStatus
from ..visibility import Visibility

K = EventKind


@dataclass(frozen=True, kw_only=True)
class EventSpec:
    title: str  # title in Russian
    title_en: str  # title in English
    kind: EventKind  # seminar, round table, brokerage day…
    description: str  # programme and details, in Russian
    description_en: str = ""  # the same in English
    organizer: str | None  # an organization key (a member); None: the cluster management
    days: int  # start, in days from today (negative: held already)
    hour: int  # start, Moscow time
    hours: float  # duration
    place: str = ""  # address and hall; empty for an online-only event
    online_url: str = ""  # link to the broadcast or video call
    capacity: int | None = None  # places; None: unlimited
    registrants: int = 0  # how many people registered
    deadline_days: int | None = None  # registration closes this many days before the start
    visibility: Visibility = Visibility.PUBLIC  # who sees the event and may register
    status: EventStatus = EventStatus.PUBLISHED  # draft, published or cancelled
    cancel_reason: str = ""  # why a cancelled event was cancelled


EVENTS = (
    EventSpec(
        title="Биржа контактов: субподряд для химических предприятий",
        title_en="Brokerage day: subcontracting for chemical plants",
        kind=K.BROKERAGE_DAY,
        description="Формат «быстрых встреч»: крупные химические предприятия кластера рассказывают о потребностях в "
        "ремонте оборудования, запасных частях, упаковке и сервисе, а малые и средние предприятия — о своих "
        "возможностях. Каждому участнику — до 8 встреч по 15 минут по предварительной записи.\n\n"
        "10:00 — открытие, презентации заказчиков (АО «Ставропольский азотный комбинат», АО «Прикумский "
        "нефтехимический комплекс», АО «Кубанский НПЗ»)\n"
        "11:00–15:00 — переговоры за столами\n"
        "15:00 — подведение итогов, обмен контактами",
        description_en="Speed-meeting format: large chemical plants of the cluster present their needs in equipment "
        "repair, spare parts, packaging and services; SMEs present their capabilities. Up to eight 15-minute meetings "
        "per participant, booked in advance.",
        organizer=None,
        days=12,
        hour=10,
        hours=6,
        place="Ставрополь, ул. Ленина, 211, конгресс-холл «Пятигорье», зал 2",
        capacity=60,
        registrants=17,
        deadline_days=2,
    ),
    EventSpec(
        title="Круглый стол по импортозамещению катализаторов",
        title_en="Round table on import substitution of catalysts",
        kind=K.ROUND_TABLE,
        description="Обсуждаем опыт перехода на отечественные катализаторы гидроочистки и риформинга: результаты "
        "опытных пробегов, требования НПЗ к носителям и активным компонентам, возможности научных организаций кластера "
        "по испытаниям на пилотных установках. Участвуют технологи НПЗ, разработчики и производители катализаторов.",
        organizer="kubnpz",
        days=20,
        hour=14,
        hours=3,
        place="Краснодар, ул. Захарова, 1, АО «Кубанский НПЗ», актовый зал",
        online_url="https://meet.cluster.demo/catalysts",
        capacity=25,
        registrants=11,
        visibility=Visibility.MEMBERS,
    ),
    EventSpec(
        title="Семинар: меры господдержки кластеров",
        title_en="Seminar: state support measures for clusters",
        kind=K.SEMINAR,
        description="Фонд развития промышленности Ставропольского края и центр кластерного развития рассказывают о "
        "действующих мерах поддержки: льготные займы на импортозамещение, субсидии участникам промышленных кластеров "
        "(постановление Правительства РФ № 41), компенсация затрат на сертификацию и участие в выставках. Разбор "
        "типичных ошибок в заявках, ответы на вопросы.",
        description_en="The regional Industrial Development Fund and the cluster development centre present current "
        "support measures: soft loans, subsidies for cluster members, compensation of certification and exhibition "
        "costs; typical mistakes in applications.",
        organizer="fondprom",
        days=5,
        hour=11,
        hours=2.5,
        place="Ставрополь, ул. Мира, 337, Фонд развития промышленности, 3 этаж",
        online_url="https://meet.cluster.demo/support-measures",
        capacity=80,
        registrants=23,
    ),
    EventSpec(
        title="Конференция поставщиков АО «Ставропольский азотный комбинат»",
        title_en="Supplier conference of Stavropol Nitrogen Plant",
        kind=K.SUPPLIER_CONFERENCE,
        description="Комбинат представляет программу закупок на следующий год: запасные части к компрессорам и "
        "насосам, трубопроводная арматура, КИПиА, полипропиленовые мешки и биг-бэги, услуги по ремонту и "
        "антикоррозионной защите. Требования к поставщикам, порядок аккредитации, электронная торговая площадка. Для "
        "участников кластера — отдельная сессия по локализации.",
        organizer="stavazot",
        days=35,
        hour=10,
        hours=5,
        place="Невинномысск, ул. Комбинатская, 1, учебный центр комбината",
        capacity=120,
        registrants=28,
        deadline_days=5,
    ),
    EventSpec(
        title="Рабочая встреча участников проекта по переработке ПЭТ",
        title_en="Working meeting of the PET recycling project",
        kind=K.WORKING_MEETING,
        description="Рабочая встреча консорциума проекта пилотной установки гликолиза ПЭТ: статус лабораторных работ, "
        "технические требования к реактору, график изготовления оборудования, распределение задач на квартал.",
        organizer=None,
        days=3,
        hour=15,
        hours=2,
        place="Невинномысск, ул. Гагарина, 1, НГХТИ, ауд. 214",
        capacity=8,
        registrants=8,
        visibility=Visibility.MEMBERS,
    ),
    EventSpec(
        title="Обучение: неразрушающий контроль сварных соединений",
        title_en="Training: non-destructive testing of welds",
        kind=K.TRAINING,
        description="Курс повышения квалификации (40 ч) для специалистов предприятий кластера: ультразвуковой и "
        "визуально-измерительный контроль, оформление заключений, практика на образцах. По окончании — удостоверение.",
        organizer="promkadry",
        days=45,
        hour=9,
        hours=8,
        place="Ставрополь, ул. Доваторцев, 38, учебный центр «Промкадры»",
        capacity=12,
        status=EventStatus.DRAFT,
    ),
    EventSpec(
        title="Круглый стол: экологический мониторинг выбросов",
        title_en="Round table: emission monitoring",
        kind=K.ROUND_TABLE,
        description="Автоматизированные системы контроля выбросов (АСИЗ): требования законодательства, опыт внедрения, "
        "отечественные газоанализаторы.",
        organizer="promeco",
        days=9,
        hour=14,
        hours=2,
        place="Ставрополь, пр. Кулакова, 10",
        capacity=30,
        registrants=6,
        status=EventStatus.CANCELLED,
        cancel_reason="Ключевой докладчик из Росприроднадзора не сможет приехать; круглый стол переносится на "
        "следующий квартал, новая дата будет объявлена дополнительно.",
    ),
    EventSpec(
        title="Выставка-форум «Химия Юга»",
        title_en="Chemistry of the South exhibition and forum",
        kind=K.EXHIBITION,
        description="Коллективный стенд кластера на региональной выставке: продукция 14 участников, презентации "
        "совместных проектов, деловая программа с крупными заказчиками.",
        organizer=None,
        days=-40,
        hour=10,
        hours=8,
        place="Ставрополь, ул. Ленина, 211, выставочный центр",
        capacity=None,
        registrants=19,
    ),
    EventSpec(
        title="Семинар: цифровые двойники химических производств",
        title_en="Seminar: digital twins of chemical plants",
        kind=K.SEMINAR,
        description="Практика моделирования технологических установок, прогнозное обслуживание насосного парка, "
        "интеграция с MES. Кейсы участников кластера.",
        organizer="datalab",
        days=-15,
        hour=14,
        hours=3,
        online_url="https://meet.cluster.demo/digital-twins",
        capacity=100,
        registrants=21,
    ),
)
