"""Demo events of the cluster: seminars, round tables, brokerage days, a supplier conference — past and upcoming."""

from __future__ import annotations

from dataclasses import dataclass

from ..events.models import EventKind, EventStatus
from ..orders.models import Visibility

K = EventKind


@dataclass(frozen=True)
class EventSpec:
    title: str
    title_en: str
    kind: EventKind
    description: str
    organizer: str | None  # an organization key; None: the cluster management
    days: int  # start, in days from today (negative: held already)
    hour: int  # start, Moscow time
    hours: float  # duration
    place: str = ""
    online_url: str = ""
    capacity: int | None = None
    registrants: int = 0  # how many people registered
    deadline_days: int | None = None  # registration closes this many days before the start
    visibility: Visibility = Visibility.PUBLIC
    status: EventStatus = EventStatus.PUBLISHED
    cancel_reason: str = ""
    description_en: str = ""


EVENTS = (
    EventSpec(
        "Биржа контактов: субподряд для химических предприятий",
        "Brokerage day: subcontracting for chemical plants",
        K.BROKERAGE_DAY,
        "Формат «быстрых встреч»: крупные химические предприятия кластера рассказывают о потребностях в ремонте "
        "оборудования, запасных частях, упаковке и сервисе, а малые и средние предприятия — о своих возможностях. "
        "Каждому участнику — до 8 встреч по 15 минут по предварительной записи.\n\n"
        "10:00 — открытие, презентации заказчиков (АО «Ставропольский азотный комбинат», АО «Прикумский "
        "нефтехимический комплекс», АО «Кубанский НПЗ»)\n11:00–15:00 — переговоры за столами\n"
        "15:00 — подведение итогов, обмен контактами",
        None,
        12,
        10,
        6,
        place="Ставрополь, ул. Ленина, 211, конгресс-холл «Пятигорье», зал 2",
        capacity=60,
        registrants=17,
        deadline_days=2,
        description_en="Speed-meeting format: large chemical plants of the cluster present their needs in equipment "
        "repair, spare parts, packaging and services; SMEs present their capabilities. Up to eight "
        "15-minute meetings per participant, booked in advance.",
    ),
    EventSpec(
        "Круглый стол по импортозамещению катализаторов",
        "Round table on import substitution of catalysts",
        K.ROUND_TABLE,
        "Обсуждаем опыт перехода на отечественные катализаторы гидроочистки и риформинга: результаты опытных "
        "пробегов, требования НПЗ к носителям и активным компонентам, возможности научных организаций кластера "
        "по испытаниям на пилотных установках. Участвуют технологи НПЗ, разработчики и производители "
        "катализаторов.",
        "kubnpz",
        20,
        14,
        3,
        place="Краснодар, ул. Захарова, 1, АО «Кубанский НПЗ», актовый зал",
        online_url="https://meet.cluster.demo/catalysts",
        capacity=25,
        registrants=11,
        visibility=Visibility.MEMBERS,
    ),
    EventSpec(
        "Семинар: меры господдержки кластеров",
        "Seminar: state support measures for clusters",
        K.SEMINAR,
        "Фонд развития промышленности Ставропольского края и центр кластерного развития рассказывают о "
        "действующих мерах поддержки: льготные займы на импортозамещение, субсидии участникам промышленных "
        "кластеров (постановление Правительства РФ № 41), компенсация затрат на сертификацию и участие в "
        "выставках. Разбор типичных ошибок в заявках, ответы на вопросы.",
        "fondprom",
        5,
        11,
        2.5,
        place="Ставрополь, ул. Мира, 337, Фонд развития промышленности, 3 этаж",
        online_url="https://meet.cluster.demo/support-measures",
        capacity=80,
        registrants=23,
        description_en="The regional Industrial Development Fund and the cluster development centre present current "
        "support measures: soft loans, subsidies for cluster members, compensation of certification "
        "and exhibition costs; typical mistakes in applications.",
    ),
    EventSpec(
        "Конференция поставщиков АО «Ставропольский азотный комбинат»",
        "Supplier conference of Stavropol Nitrogen Plant",
        K.SUPPLIER_CONFERENCE,
        "Комбинат представляет программу закупок на следующий год: запасные части к компрессорам и насосам, "
        "трубопроводная арматура, КИПиА, полипропиленовые мешки и биг-бэги, услуги по ремонту и "
        "антикоррозионной защите. Требования к поставщикам, порядок аккредитации, электронная торговая "
        "площадка. Для участников кластера — отдельная сессия по локализации.",
        "stavazot",
        35,
        10,
        5,
        place="Невинномысск, ул. Комбинатская, 1, учебный центр комбината",
        capacity=120,
        registrants=28,
        deadline_days=5,
    ),
    EventSpec(
        "Рабочая встреча участников проекта по переработке ПЭТ",
        "Working meeting of the PET recycling project",
        K.WORKING_MEETING,
        "Рабочая встреча консорциума проекта пилотной установки гликолиза ПЭТ: статус лабораторных работ, "
        "технические требования к реактору, график изготовления оборудования, распределение задач на квартал.",
        None,
        3,
        15,
        2,
        place="Невинномысск, ул. Гагарина, 1, НГХТИ, ауд. 214",
        capacity=8,
        registrants=8,
        visibility=Visibility.MEMBERS,
    ),
    EventSpec(
        "Обучение: неразрушающий контроль сварных соединений",
        "Training: non-destructive testing of welds",
        K.TRAINING,
        "Курс повышения квалификации (40 ч) для специалистов предприятий кластера: ультразвуковой и визуально-"
        "измерительный контроль, оформление заключений, практика на образцах. По окончании — удостоверение.",
        "promkadry",
        45,
        9,
        8,
        place="Ставрополь, ул. Доваторцев, 38, учебный центр «Промкадры»",
        capacity=12,
        status=EventStatus.DRAFT,
    ),
    EventSpec(
        "Круглый стол: экологический мониторинг выбросов",
        "Round table: emission monitoring",
        K.ROUND_TABLE,
        "Автоматизированные системы контроля выбросов (АСИЗ): требования законодательства, опыт внедрения, "
        "отечественные газоанализаторы.",
        "promeco",
        9,
        14,
        2,
        place="Ставрополь, пр. Кулакова, 10",
        capacity=30,
        registrants=6,
        status=EventStatus.CANCELLED,
        cancel_reason="Ключевой докладчик из Росприроднадзора не сможет приехать; круглый стол переносится на "
        "следующий квартал, новая дата будет объявлена дополнительно.",
    ),
    EventSpec(
        "Выставка-форум «Химия Юга»",
        "Chemistry of the South exhibition and forum",
        K.EXHIBITION,
        "Коллективный стенд кластера на региональной выставке: продукция 14 участников, презентации "
        "совместных проектов, деловая программа с крупными заказчиками.",
        None,
        -40,
        10,
        8,
        place="Ставрополь, ул. Ленина, 211, выставочный центр",
        capacity=None,
        registrants=19,
    ),
    EventSpec(
        "Семинар: цифровые двойники химических производств",
        "Seminar: digital twins of chemical plants",
        K.SEMINAR,
        "Практика моделирования технологических установок, прогнозное обслуживание насосного парка, "
        "интеграция с MES. Кейсы участников кластера.",
        "datalab",
        -15,
        14,
        3,
        online_url="https://meet.cluster.demo/digital-twins",
        capacity=100,
        registrants=21,
    ),
)
