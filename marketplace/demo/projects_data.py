"""Demo projects of the cluster's register: needs, consortia in every state, progress."""

from __future__ import annotations

from dataclasses import dataclass

from ..organizations.models import OrgKind
from ..projects.models import ConsortiumStatus, ProjectKind, ProjectStatus
from ..visibility import Visibility

K, St, C = ProjectKind, ProjectStatus, ConsortiumStatus


@dataclass(frozen=True, kw_only=True)
class NeedSpec:
    """What a project needs from partners: one line of its needs table."""

    title: str  # what is needed
    competency: str | None  # the competency code a partner must have; None: any
    org_kind: OrgKind | None = None  # the kind of organization wanted; None: any
    partners: int = 1  # how many partners are needed
    description: str = ""  # details


@dataclass(frozen=True, kw_only=True)
class MemberSpec:
    """An organization invited into a project's consortium."""

    org: str  # key of the invited organization (a cluster member)
    role: str  # its role in the consortium
    status: ConsortiumStatus  # invited, accepted, declined or removed
    needs: tuple[int, ...] = ()  # indexes into the project's needs that it covers
    message: str = ""  # the manager's invitation
    answer: str = ""  # the organization's reply


@dataclass(frozen=True, kw_only=True)
class ProjectSpec:
    title: str  # the project's title
    kind: ProjectKind  # innovation, infrastructure, joint purchase or joint bid
    description: str  # goals, stages and place
    status: ProjectStatus  # the current status; the history leads up to it
    percent: int  # percent complete
    budget: int | None  # roubles; None: not stated
    lead: str  # key of the lead organization (a member)
    okpd2: tuple[str, ...]  # OKPD2 codes of the project's output
    age_days: int  # registered this many days ago
    start_days: int  # start, in days from today (negative: started in the past)
    duration_days: int  # from start to end
    needs: tuple[NeedSpec, ...]  # what it needs from partners, in order
    members: tuple[MemberSpec, ...]  # the consortium, in the order of invitation
    progress: tuple[tuple[int, str], ...] = ()  # (percent, note) updates, in order
    visibility: Visibility = Visibility.MEMBERS  # who sees the project
    budget_confidential: bool = True  # the budget is shown only to the manager and accepted members
    note: str = ""  # cancellation reason or completion note


PROJECTS = (
    ProjectSpec(
        title="Пилотная установка химической переработки отходов ПЭТ",
        kind=K.INNOVATION,
        description="Создание пилотной установки гликолиза отходов ПЭТ-бутылки и плёнки производительностью 500 т/год "
        "с получением вторичного мономера (БГЭТ) для выпуска полиэфирных смол. Этапы: отработка технологии в "
        "лаборатории, проектирование, изготовление оборудования, пусконаладка, наработка опытных партий и испытания. "
        "Площадка — производственная база ООО «ЭкоПласт-Рециклинг» в Ставрополе.",
        status=St.ACTIVE,
        percent=35,
        budget=48_000_000,
        lead="ecoplast",
        okpd2=("20.16", "72.19"),
        age_days=150,
        start_days=-110,
        duration_days=640,
        needs=(
            NeedSpec(
                title="Отработка технологии гликолиза ПЭТ",
                competency="RND.PILOT",
                org_kind=OrgKind.RESEARCH,
                description="Подбор катализатора и режимов, материальный баланс, исходные данные для проектирования.",
            ),
            NeedSpec(title="Проектирование пилотной установки", competency="ENG.PROC"),
            NeedSpec(
                title="Изготовление реактора и теплообменного оборудования",
                competency="MACH.CHEMEQ",
                description="Реактор с мешалкой 6 м³, теплообменники, ёмкости; материальное исполнение 12Х18Н10Т.",
            ),
            NeedSpec(title="Испытания вторичного мономера", competency="RND.CHEMLAB"),
            NeedSpec(title="Подготовка операторов установки", competency="EDU.VOC", org_kind=OrgKind.UNIVERSITY),
        ),
        members=(
            MemberSpec(
                org="ecoplast",
                role="Головной исполнитель, площадка",
                status=C.ACCEPTED,
                message="Предлагаем вашему предприятию роль головного исполнителя и площадку для установки.",
                answer="Согласны, площадка и сырьё — наши.",
            ),
            MemberSpec(
                org="sintez",
                role="Разработчик технологии",
                status=C.ACCEPTED,
                needs=(0,),
                message="Нужна отработка технологии гликолиза и исходные данные для проекта.",
                answer="Готовы, есть заделы по деполимеризации полиэфиров.",
            ),
            MemberSpec(org="nhproekt", role="Генеральный проектировщик", status=C.ACCEPTED, needs=(1,)),
            MemberSpec(
                org="pzhm",
                role="Изготовитель оборудования",
                status=C.INVITED,
                needs=(2,),
                message="Просим рассмотреть изготовление реактора и теплообменников по ТЗ проектировщика.",
            ),
            MemberSpec(org="himtest", role="Испытательная лаборатория", status=C.ACCEPTED, needs=(3,)),
            MemberSpec(
                org="nhti",
                role="Подготовка кадров",
                status=C.DECLINED,
                needs=(4,),
                message="Предлагаем разработать программу подготовки операторов.",
                answer="В этом году кафедра загружена, вернёмся к вопросу в следующем учебном году.",
            ),
            MemberSpec(
                org="sckht",
                role="Подготовка операторов",
                status=C.INVITED,
                needs=(4,),
                message="Нужна краткосрочная программа подготовки операторов пилотной установки.",
            ),
        ),
        progress=(
            (10, "Лабораторный регламент утверждён."),
            (25, "Выданы исходные данные на проектирование."),
            (35, "Проектная документация на стадии экспертизы."),
        ),
    ),
    ProjectSpec(
        title="Совместная закупка сырья (пропилен, полипропилен) для переработчиков",
        kind=K.JOINT_PURCHASE,
        description="Консолидированная закупка полипропилена марок для экструзии и литья (около 2 400 т в год) для "
        "переработчиков кластера напрямую у производителя, с единым графиком отгрузок и общей логистикой. Ожидаемая "
        "экономия — 6–8 % к цене дистрибьюторов за счёт объёма и сокращения транспортных затрат.",
        status=St.PLANNED,
        percent=10,
        budget=120_000_000,
        lead="himopt",
        okpd2=("20.16.51",),
        age_days=40,
        start_days=20,
        duration_days=365,
        needs=(
            NeedSpec(
                title="Консолидированная потребность переработчиков",
                competency="CHEM.POLY.EXTR",
                org_kind=OrgKind.SME,
                partners=3,
                description="Заявки на объёмы и марки на год с разбивкой по кварталам.",
            ),
            NeedSpec(title="Поставка пропилена и полипропилена", competency="PETRO.OLEFIN", org_kind=OrgKind.LARGE),
            NeedSpec(title="Единая логистика: железная дорога и автодоставка", competency="LOG.RAIL"),
            NeedSpec(title="Складское хранение и распределение", competency="LOG.WARE"),
        ),
        members=(
            MemberSpec(org="himopt", role="Организатор закупки", status=C.ACCEPTED, needs=(3,)),
            MemberSpec(
                org="prikumsk",
                role="Поставщик сырья",
                status=C.ACCEPTED,
                needs=(1,),
                message="Просим рассмотреть долгосрочный договор на поставку ПП для переработчиков кластера.",
                answer="Готовы к переговорам по годовому контракту.",
            ),
            MemberSpec(org="szpu", role="Покупатель, 900 т/год", status=C.ACCEPTED, needs=(0,)),
            MemberSpec(org="yugtara", role="Покупатель, 600 т/год", status=C.ACCEPTED, needs=(0,)),
            MemberSpec(
                org="polimerplast",
                role="Покупатель",
                status=C.INVITED,
                needs=(0,),
                message="Присоединяйтесь к совместной закупке ПП: нужны ваши объёмы на год.",
            ),
        ),
        progress=((10, "Собраны предварительные заявки трёх переработчиков."),),
        visibility=Visibility.PUBLIC,
        budget_confidential=False,
    ),
    ProjectSpec(
        title="Совместная заявка на тендер по поставке оборудования для водоподготовки",
        kind=K.JOINT_BID,
        description="Консорциум участников кластера готовит заявку на открытый тендер по поставке и пусконаладке "
        "комплекса водоподготовки (умягчение, обратный осмос, 120 м³/ч) для нового производства. Головной исполнитель "
        "подаёт заявку, соисполнители отвечают за изготовление ёмкостного оборудования, АСУ ТП и монтаж.",
        status=St.ACTIVE,
        percent=60,
        budget=86_500_000,
        lead="ecovodteh",
        okpd2=("28.29.12",),
        age_days=35,
        start_days=-30,
        duration_days=45,
        needs=(
            NeedSpec(title="Технологическое решение и проект водоподготовки", competency="ECO.WATER"),
            NeedSpec(title="Ёмкостное оборудование и фильтры", competency="MACH.VESSEL"),
            NeedSpec(title="Шкафы управления и АСУ ТП", competency="INSTR.CTRL"),
            NeedSpec(title="Шеф-монтаж и пусконаладка", competency="MACH.REPAIR"),
        ),
        members=(
            MemberSpec(org="ecovodteh", role="Головной исполнитель, подача заявки", status=C.ACCEPTED, needs=(0,)),
            MemberSpec(org="pzhm", role="Изготовитель ёмкостного оборудования", status=C.ACCEPTED, needs=(1,)),
            MemberSpec(org="kavavtomatika", role="АСУ ТП", status=C.ACCEPTED, needs=(2,)),
            MemberSpec(
                org="metalstroy",
                role="Металлоконструкции",
                status=C.REMOVED,
                needs=(1,),
                message="Нужны металлоконструкции площадок обслуживания.",
            ),
            MemberSpec(
                org="himmash",
                role="Шеф-монтаж и пусконаладка",
                status=C.INVITED,
                needs=(3,),
                message="Требуется шеф-монтаж и пусконаладка, срок подачи заявки — через две недели.",
            ),
        ),
        progress=(
            (30, "Технико-коммерческое предложение согласовано внутри консорциума."),
            (60, "Собран пакет документов, идёт расчёт цены."),
        ),
    ),
    ProjectSpec(
        title="Центр коллективного пользования по испытаниям ЛКМ",
        kind=K.INFRASTRUCTURE,
        description="Идея: создать на базе университета центр коллективного пользования для испытаний лакокрасочных "
        "материалов и покрытий (климатические и коррозионные испытания, адгезия, блеск, укрывистость), аккредитованный "
        "в национальной системе, с доступом для производителей ЛКМ кластера.",
        status=St.IDEA,
        percent=0,
        budget=35_000_000,
        lead="sktu",
        okpd2=("71.20.1", "20.30"),
        age_days=12,
        start_days=200,
        duration_days=540,
        needs=(
            NeedSpec(title="Площадка и персонал центра", competency="RND.POLYTEST", org_kind=OrgKind.UNIVERSITY),
            NeedSpec(title="Климатические камеры и камера солевого тумана", competency="RND.CLIMATE"),
            NeedSpec(title="Методики испытаний покрытий", competency="RND.POLYTEST", partners=2),
            NeedSpec(title="Аккредитация испытательной лаборатории", competency="RND.CERT"),
        ),
        members=(
            MemberSpec(
                org="sktu",
                role="Базовая организация центра",
                status=C.INVITED,
                needs=(0,),
                message="Предлагаем разместить центр в вашем ЦКП; обсудим на рабочей встрече.",
            ),
            MemberSpec(
                org="szlkm",
                role="Якорный заказчик испытаний",
                status=C.INVITED,
                needs=(2,),
                message="Нужна ваша оценка потребности в испытаниях на 3 года.",
            ),
        ),
    ),
    ProjectSpec(
        title="Биоразлагаемая упаковка для минеральных удобрений",
        kind=K.INNOVATION,
        description="Разработка и освоение мешков для удобрений из композиции полипропилена с биоразлагаемыми "
        "добавками: рецептура, опытная партия 20 тыс. мешков, испытания на прочность и старение, сертификация.",
        status=St.COMPLETED,
        percent=100,
        budget=9_600_000,
        lead="stavazot",
        okpd2=("22.22", "72.19"),
        age_days=420,
        start_days=-400,
        duration_days=330,
        needs=(
            NeedSpec(title="Рецептура композиции", competency="RND.FORMUL", org_kind=OrgKind.RESEARCH),
            NeedSpec(title="Производство опытной партии мешков", competency="LOG.PACK"),
            NeedSpec(title="Испытания прочности и старения", competency="RND.POLYTEST"),
        ),
        members=(
            MemberSpec(org="stavazot", role="Заказчик и головной исполнитель", status=C.ACCEPTED),
            MemberSpec(org="polymeryug", role="Разработчик рецептуры", status=C.ACCEPTED, needs=(0,)),
            MemberSpec(org="szpu", role="Изготовитель опытной партии", status=C.ACCEPTED, needs=(1,)),
            MemberSpec(org="himtest", role="Испытания", status=C.ACCEPTED, needs=(2,)),
        ),
        progress=(
            (40, "Рецептура отработана на лабораторной линии."),
            (80, "Изготовлена опытная партия."),
            (100, "Испытания пройдены, получен сертификат."),
        ),
        visibility=Visibility.PUBLIC,
        note="Упаковка принята к серийному применению с 1 квартала.",
    ),
    ProjectSpec(
        title="Совместная закупка катализаторов гидроочистки",
        kind=K.JOINT_PURCHASE,
        description="Объединение заказов двух НПЗ региона на катализаторы гидроочистки дизельного топлива для "
        "получения условий долгосрочного контракта с производителем.",
        status=St.CANCELLED,
        percent=5,
        budget=210_000_000,
        lead="kubnpz",
        okpd2=("20.59",),
        age_days=200,
        start_days=-150,
        duration_days=300,
        needs=(
            NeedSpec(
                title="Консолидированная потребность НПЗ", competency="PETRO.CATAL", org_kind=OrgKind.LARGE, partners=2
            ),
        ),
        members=(
            MemberSpec(org="kubnpz", role="Организатор закупки", status=C.ACCEPTED, needs=(0,)),
            MemberSpec(
                org="prikumsk",
                role="Участник закупки",
                status=C.DECLINED,
                needs=(0,),
                answer="Катализатор уже законтрактован на три года вперёд.",
            ),
        ),
        note="Второй НПЗ законтрактовал катализатор самостоятельно, объединять нечего.",
    ),
)
