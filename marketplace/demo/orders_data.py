"""Demo orders of the subcontracting exchange, the suppliers' responses to them, and service offers."""

from __future__ import annotations

from dataclasses import dataclass

from ..orders.models import OrderKind, OrderStatus
from ..visibility import Visibility

K, St = OrderKind, OrderStatus


@dataclass(frozen=True, kw_only=True)
class Reply:
    """A supplier's response to a demo order."""

    org: str  # key of the responding organization (a member, not the customer)
    price_factor: float  # the price offered, as a fraction of the order's budget
    lead_days: int  # lead time promised, in days
    message: str  # the supplier's message to the customer


@dataclass(frozen=True, kw_only=True)
class OrderSpec:
    customer: str  # key of the organization that posts the order
    kind: OrderKind  # production, service, R&D or purchase
    title: str  # the order's title
    description: str  # what is needed, terms and delivery
    okpd2: tuple[str, ...]  # OKPD2 codes of what is ordered
    competencies: tuple[str, ...]  # competency codes a supplier needs
    budget: int | None  # roubles; None: no budget stated
    quantity: float | None  # how many units; None: not counted
    unit: str  # unit of the quantity
    deadline_days: int  # deadline, in days from today; negative for finished orders
    age_days: int  # posted this many days ago
    status: OrderStatus = St.OPEN  # the order's current status
    replies: tuple[Reply, ...] = ()  # suppliers' responses, in the order they arrived
    winner: str | None = None  # key of the organization whose reply won (awarded and completed orders)
    budget_confidential: bool = True  # the budget is hidden from suppliers
    visibility: Visibility = Visibility.PUBLIC  # who sees the order
    note: str = ""  # cancellation reason or completion note


ORDERS = (
    OrderSpec(
        customer="stavazot",
        kind=K.PRODUCTION,
        title="Механическая обработка 200 фланцев из стали 09Г2С",
        description="Требуется изготовить 200 фланцев плоских приварных Ду 100–250, Ру 16 по ГОСТ 33259-2015 из стали "
        "09Г2С. Заготовки (поковки) — исполнителя. Сертификат 3.1, маркировка по ГОСТ, упаковка на поддонах. Доставка "
        "на склад комбината в Невинномысске.",
        okpd2=("28.14.20.220", "25.62.10.000"),
        competencies=("METAL.TURN", "METAL.MILL"),
        budget=420000,
        quantity=200,
        unit="шт",
        deadline_days=45,
        age_days=6,
        replies=(
            Reply(
                org="technometal",
                price_factor=0.96,
                lead_days=21,
                message="Изготовим из своих поковок, токарные центры свободны со следующей недели. Сертификаты 3.1 от "
                "поставщика металла.",
            ),
            Reply(
                org="gzpa",
                price_factor=0.99,
                lead_days=25,
                message="Фланцы — наша серийная продукция, часть типоразмеров есть на складе.",
            ),
            Reply(
                org="terekforge",
                price_factor=1.06,
                lead_days=30,
                message="Поковки собственного производства и механообработка, готовы отгрузить двумя партиями.",
            ),
        ),
        visibility=Visibility.MEMBERS,
    ),
    OrderSpec(
        customer="stavazot",
        kind=K.PURCHASE,
        title="Поставка полимерной тары: мешки ПП 50 кг с вкладышем",
        description="Годовая потребность 500 тыс. мешков полипропиленовых тканых 55×105 см с полиэтиленовым вкладышем "
        "и печатью логотипа в 2 цвета. Поставка ежемесячными партиями, отсрочка платежа 30 дней.",
        okpd2=("22.22.12.130",),
        competencies=("LOG.PACK", "CHEM.POLY.EXTR"),
        budget=9800000,
        quantity=500000,
        unit="шт",
        deadline_days=30,
        age_days=4,
        replies=(
            Reply(
                org="szpu",
                price_factor=0.97,
                lead_days=30,
                message="Производим такие мешки для двух комбинатов удобрений; готовы к поставке образцов на этой "
                "неделе.",
            ),
            Reply(
                org="yugtara",
                price_factor=1.03,
                lead_days=40,
                message="Можем поставить со второго квартала после запуска новой ткацкой линии.",
            ),
        ),
    ),
    OrderSpec(
        customer="szlkm",
        kind=K.RND,
        title="Разработка рецептуры лакокрасочного покрытия для защиты резервуаров КАС",
        description="Нужна система покрытия внутренней поверхности стальных резервуаров для карбамидно-аммиачной "
        "смеси: подбор связующих, лабораторная наработка, ускоренные коррозионные испытания 1 000 ч, технологическая "
        "инструкция по нанесению. Результат — рецептура, передаваемая заводу.",
        okpd2=("72.19.14.000", "20.30.22.110"),
        competencies=("RND.FORMUL", "CHEM.PAINT.IND", "RND.CLIMATE"),
        budget=1800000,
        quantity=None,
        unit="",
        deadline_days=120,
        age_days=10,
        replies=(
            Reply(
                org="sintez",
                price_factor=0.94,
                lead_days=120,
                message="Есть заделы по эпоксидно-новолачным системам для агрессивных сред, предлагаем этапность с "
                "промежуточными отчётами.",
            ),
            Reply(
                org="nhti",
                price_factor=0.83,
                lead_days=150,
                message="Выполним совместно с кафедрой ЛКМ, испытания — на базе нашего ЦКП.",
            ),
            Reply(
                org="himtest",
                price_factor=0.35,
                lead_days=60,
                message="Готовы взять на себя только этап ускоренных испытаний (солевой туман, погружение в КАС).",
            ),
        ),
    ),
    OrderSpec(
        customer="prikumsk",
        kind=K.SERVICE,
        title="Ремонт торцевых уплотнений насосов узла полимеризации",
        description="Ремонт 24 двойных торцевых уплотнений с заменой пар трения SiC/SiC и эластомеров, испытание на "
        "стенде, гарантия 12 месяцев. Демонтаж и монтаж выполняет персонал комплекса.",
        okpd2=("28.29.23.120", "33.12.19.000"),
        competencies=("MACH.PUMP", "MACH.REPAIR"),
        budget=1150000,
        quantity=24,
        unit="шт",
        deadline_days=20,
        age_days=28,
        status=St.AWARDED,
        replies=(
            Reply(
                org="nasosservis",
                price_factor=0.92,
                lead_days=18,
                message="Собственный стенд для испытаний торцевых уплотнений, пары трения в наличии.",
            ),
            Reply(
                org="himmash",
                price_factor=1.04,
                lead_days=25,
                message="Выполним ремонт с привлечением партнёра по парам трения.",
            ),
        ),
        winner="nasosservis",
    ),
    OrderSpec(
        customer="prikumsk",
        kind=K.PRODUCTION,
        title="Изготовление 12 кожухотрубчатых теплообменников по опросным листам",
        description="Теплообменники типа ТН и ТУ, поверхность 120–480 м², материальное исполнение М1/Б1, расчёт на "
        "прочность и паспорт по ТР ТС 032/2013. Опросные листы и ТЗ — во вложении по запросу.",
        okpd2=("28.25.11.111",),
        competencies=("MACH.HEATEX", "MACH.VESSEL"),
        budget=21000000,
        quantity=12,
        unit="шт",
        deadline_days=160,
        age_days=3,
        replies=(
            Reply(
                org="pzhm",
                price_factor=0.98,
                lead_days=150,
                message="Изготовим по опросным листам, расчёт и КД — силами нашего КБ, приёмка с участием заказчика.",
            ),
        ),
    ),
    OrderSpec(
        customer="kubnpz",
        kind=K.SERVICE,
        title="Неразрушающий контроль сварных швов трубопроводов при капремонте установки АВТ",
        description="УЗК и радиографический контроль 1 800 стыков трубопроводов Ду 50–400 в период остановочного "
        "ремонта, выдача заключений в течение 24 часов.",
        okpd2=("71.20.19.190",),
        competencies=("RND.NDT",),
        budget=2300000,
        quantity=1800,
        unit="стык",
        deadline_days=-15,
        age_days=75,
        status=St.COMPLETED,
        replies=(
            Reply(
                org="pzhm",
                price_factor=0.95,
                lead_days=30,
                message="Лаборатория НК с двумя бригадами, опыт работ на НПЗ.",
            ),
            Reply(
                org="dgiu",
                price_factor=0.88,
                lead_days=35,
                message="Выполним силами учебного центра НК с привлечением аттестованных специалистов.",
            ),
        ),
        winner="pzhm",
        note="Работы приняты, заключения переданы в службу технического надзора.",
    ),
    OrderSpec(
        customer="technometal",
        kind=K.SERVICE,
        title="Термообработка (улучшение) 300 валов из стали 40Х",
        description="Закалка с высоким отпуском валов длиной до 900 мм, твёрдость 28–32 HRC, протокол твёрдости на "
        "партию.",
        okpd2=("25.61.21.000",),
        competencies=("METAL.HEAT",),
        budget=95000,
        quantity=300,
        unit="шт",
        deadline_days=12,
        age_days=9,
        status=St.AWARDED,
        replies=(
            Reply(
                org="termoteh",
                price_factor=0.9,
                lead_days=7,
                message="Шахтная печь свободна, заберём валы своим транспортом.",
            ),
            Reply(org="litdvor", price_factor=1.1, lead_days=14, message="Можем выполнить в печи для отливок."),
        ),
        winner="termoteh",
    ),
    OrderSpec(
        customer="technometal",
        kind=K.PURCHASE,
        title="Закупка твердосплавных концевых фрез (150 шт.)",
        description="Фрезы Ø6–20 мм с покрытием AlTiN для обработки нержавеющей стали, возможна переточка имеющегося "
        "инструмента.",
        okpd2=("25.73.40.163",),
        competencies=("METAL.TOOL",),
        budget=380000,
        quantity=150,
        unit="шт",
        deadline_days=25,
        age_days=2,
        replies=(
            Reply(
                org="osnastka",
                price_factor=0.97,
                lead_days=20,
                message="Поставим и предложим программу переточки со скидкой 20 %.",
            ),
            Reply(
                org="precmech",
                price_factor=0.9,
                lead_days=25,
                message="Изготовим часть типоразмеров, остальное — переточка вашего инструмента.",
            ),
        ),
    ),
    OrderSpec(
        customer="yugtara",
        kind=K.PRODUCTION,
        title="Изготовление пресс-формы для канистры 10 л (2 гнезда)",
        description="Пресс-форма для литья корпуса канистры из ПЭНД с горячеканальной системой, ресурс не менее "
        "500 тыс. циклов. 3D-модель изделия предоставим.",
        okpd2=("25.73.50.110",),
        competencies=("METAL.TOOL", "METAL.5AX"),
        budget=1900000,
        quantity=1,
        unit="шт",
        deadline_days=90,
        age_days=8,
        replies=(
            Reply(
                org="osnastka",
                price_factor=1.05,
                lead_days=75,
                message="Спроектируем в NX, формообразующие — на пятиосевом центре, пробные отливки на вашем ТПА.",
            ),
        ),
    ),
    OrderSpec(
        customer="pzhm",
        kind=K.PRODUCTION,
        title="Поковки фланцев и днищ из стали 09Г2С, 18 т",
        description="Поковки группы IV по ГОСТ 8479 для изготовления фланцев аппаратов, термообработка — нормализация.",
        okpd2=("25.50.11.110",),
        competencies=("METAL.FORGE",),
        budget=4100000,
        quantity=18,
        unit="т",
        deadline_days=30,
        age_days=35,
        status=St.AWARDED,
        replies=(
            Reply(
                org="terekforge",
                price_factor=0.98,
                lead_days=40,
                message="Металл в наличии, отгрузка двумя партиями по 9 т.",
            ),
        ),
        winner="terekforge",
    ),
    OrderSpec(
        customer="pzhm",
        kind=K.SERVICE,
        title="Горячее цинкование площадок обслуживания, 40 т",
        description="Цинкование металлоконструкций площадок и лестниц по ГОСТ 9.307-89, толщина покрытия не менее "
        "80 мкм.",
        okpd2=("25.61.11.111",),
        competencies=("METAL.COAT",),
        budget=1500000,
        quantity=40,
        unit="т",
        deadline_days=-20,
        age_days=62,
        status=St.COMPLETED,
        replies=(
            Reply(
                org="galvanika",
                price_factor=0.96,
                lead_days=20,
                message="Цинкуем на партнёрской площадке в Ростове, логистика за наш счёт.",
            ),
        ),
        winner="galvanika",
        note="Покрытие принято, толщиномер — 85–110 мкм.",
    ),
    OrderSpec(
        customer="kpkf",
        kind=K.PURCHASE,
        title="Поставка флаконов ПЭТ 250 мл, 2 млн шт. в год",
        description="Флаконы для шампуней с горлом 24/410, цвет прозрачный и белый, поставка еженедельно.",
        okpd2=("22.22.14.130",),
        competencies=("LOG.PACK", "CHEM.POLY.BLOW"),
        budget=17000000,
        quantity=2000000,
        unit="шт",
        deadline_days=60,
        age_days=5,
        replies=(
            Reply(
                org="yugtara",
                price_factor=0.99,
                lead_days=45,
                message="Изготовим пресс-форму для преформ за 6 недель, затем еженедельные отгрузки.",
            ),
        ),
    ),
    OrderSpec(
        customer="kpkf",
        kind=K.RND,
        title="Разработка солнцезащитного крема SPF 50 на минеральной воде",
        description="Рецептура водостойкого крема SPF 50 на основе воды источников КМВ, стабильность 24 месяца, "
        "подготовка к регистрации.",
        okpd2=("72.19.14.000", "20.42.15.150"),
        competencies=("RND.FORMUL", "CHEM.HOUSE.COSM"),
        budget=900000,
        quantity=None,
        unit="",
        deadline_days=150,
        age_days=1,
        status=St.DRAFT,
    ),
    OrderSpec(
        customer="ckr",
        kind=K.RND,
        title="Консорциум: пилотная установка химической переработки отходов ПЭТ",
        description="Кластер формирует консорциум для проекта пилотной установки гликолиза отходов ПЭТ мощностью "
        "3 тыс. т/год с получением вторичного мономера. Нужны партнёры: сбор и подготовка сырья, пилотные испытания, "
        "проектирование, оборудование. Проект подаётся на конкурс Фонда развития промышленности.",
        okpd2=("72.19.29.190", "38.21.10.000", "71.12.15.000"),
        competencies=("CHEM.POLY.RECYC", "RND.PILOT", "ENG.PROC", "ECO.WASTE"),
        budget=25000000,
        quantity=None,
        unit="",
        deadline_days=120,
        age_days=12,
        replies=(
            Reply(
                org="ecoplast",
                price_factor=0.2,
                lead_days=90,
                message="Обеспечим подготовку сырья — мытый флекс, до 300 т/мес.",
            ),
            Reply(
                org="nhti",
                price_factor=0.3,
                lead_days=180,
                message="Пилотные испытания гликолиза на реакторе 250 л и исходные данные для проектирования.",
            ),
            Reply(
                org="nhproekt",
                price_factor=0.35,
                lead_days=150,
                message="Выполним проектную документацию стадии П и РД.",
            ),
            Reply(
                org="polymeryug",
                price_factor=0.25,
                lead_days=120,
                message="Анализ качества мономера и полимеров из вторичного сырья.",
            ),
        ),
        budget_confidential=False,
        visibility=Visibility.PUBLIC,
    ),
    OrderSpec(
        customer="polimerplast",
        kind=K.PURCHASE,
        title="Поставка ПЭ100 трубной марки, 600 т",
        description="ПЭ100 чёрный, ПТР 0,2–0,3 г/10 мин, поставка равными партиями в течение квартала.",
        okpd2=("20.16.10.113",),
        competencies=("CHEM.POLY.RESIN",),
        budget=80000000,
        quantity=600,
        unit="т",
        deadline_days=40,
        age_days=30,
        status=St.AWARDED,
        replies=(
            Reply(
                org="prikumsk",
                price_factor=0.99,
                lead_days=14,
                message="Отгрузка с завода автотранспортом, биг-бэги по 1 т.",
            ),
            Reply(
                org="himopt",
                price_factor=1.03,
                lead_days=10,
                message="Поставим со склада, часть объёма — импортная марка.",
            ),
        ),
        winner="prikumsk",
    ),
    OrderSpec(
        customer="kavavtomatika",
        kind=K.PRODUCTION,
        title="Изготовление 40 корпусов шкафов управления IP65 с порошковой окраской",
        description="Корпуса 1800×800×400 мм из стали 1,5–2 мм по нашим чертежам, порошковая окраска RAL 7035, "
        "монтажные панели.",
        okpd2=("25.62.20.000", "25.61.12.110"),
        competencies=("METAL.SHEET", "METAL.COAT"),
        budget=720000,
        quantity=40,
        unit="шт",
        deadline_days=35,
        age_days=3,
        replies=(
            Reply(
                org="lazerkroi", price_factor=0.94, lead_days=21, message="Лазер, гибка и окраска у нас в одном цехе."
            ),
            Reply(org="metalstroy", price_factor=1.02, lead_days=30, message="Изготовим, окраску выполним у партнёра."),
        ),
    ),
    OrderSpec(
        customer="stavazot",
        kind=K.SERVICE,
        title="Калибровка 350 датчиков давления и термопреобразователей",
        description="Калибровка с выездом на площадку комбината и оформлением сертификатов калибровки.",
        okpd2=("71.12.40.120",),
        competencies=("RND.METRO",),
        budget=520000,
        quantity=350,
        unit="шт",
        deadline_days=50,
        age_days=7,
        replies=(
            Reply(
                org="etalon", price_factor=0.93, lead_days=40, message="Выездная лаборатория, 25–30 приборов в смену."
            ),
            Reply(
                org="analitpribor",
                price_factor=1.05,
                lead_days=45,
                message="Выполним для датчиков давления, термопреобразователи — с партнёром.",
            ),
        ),
    ),
    OrderSpec(
        customer="kubnpz",
        kind=K.PURCHASE,
        title="Поставка задвижек клиновых Ду150–300 Ру40, 64 шт.",
        description="Задвижки стальные клиновые под приварку, исполнение У1, с ответными фланцами и крепежом.",
        okpd2=("28.14.13.120",),
        competencies=("MACH.VALVE",),
        budget=7400000,
        quantity=64,
        unit="шт",
        deadline_days=60,
        age_days=40,
        status=St.CANCELLED,
        replies=(
            Reply(
                org="gzpa",
                price_factor=0.97,
                lead_days=60,
                message="Серийная продукция, испытания на стенде в присутствии заказчика.",
            ),
        ),
        note="Закупка перенесена на следующий год в связи с пересмотром программы капитального ремонта.",
    ),
    OrderSpec(
        customer="himmash",
        kind=K.SERVICE,
        title="Наплавка и восстановление шеек валов насосов (15 валов)",
        description="Восстановление посадочных мест под подшипники и уплотнения с последующим шлифованием.",
        okpd2=("25.61.11.120",),
        competencies=("METAL.COAT", "METAL.GRIND"),
        budget=260000,
        quantity=15,
        unit="шт",
        deadline_days=21,
        age_days=5,
        replies=(
            Reply(
                org="termoteh",
                price_factor=0.95,
                lead_days=14,
                message="Газотермическое напыление, шлифование — у партнёра.",
            ),
            Reply(
                org="materialscience",
                price_factor=1.1,
                lead_days=30,
                message="Предложим износостойкое покрытие нашей разработки.",
            ),
        ),
    ),
    OrderSpec(
        customer="sktu",
        kind=K.PRODUCTION,
        title="Изготовление оснастки для испытаний композитных образцов",
        description="Комплект захватов и приспособлений для испытаний на сдвиг и сжатие по ГОСТ 33519, материал — "
        "сталь 40Х с термообработкой.",
        okpd2=("28.49.23.199",),
        competencies=("METAL.MILL", "METAL.TOOL"),
        budget=310000,
        quantity=1,
        unit="компл.",
        deadline_days=30,
        age_days=4,
        replies=(
            Reply(
                org="technometal",
                price_factor=0.9,
                lead_days=20,
                message="Изготовим с термообработкой у партнёра и шлифованием рабочих поверхностей.",
            ),
            Reply(
                org="osnastka",
                price_factor=1.0,
                lead_days=25,
                message="Есть опыт изготовления захватов для испытательных машин.",
            ),
        ),
    ),
    OrderSpec(
        customer="agrohim",
        kind=K.SERVICE,
        title="Перевозка удобрений: 1 200 т по Ставропольскому краю",
        description="Доставка водорастворимых удобрений в биг-бэгах с завода в хозяйства края, 40–60 рейсов в период "
        "сева.",
        okpd2=("49.41.15.000",),
        competencies=("LOG.ROAD",),
        budget=840000,
        quantity=1200,
        unit="т",
        deadline_days=25,
        age_days=20,
        status=St.AWARDED,
        replies=(Reply(org="himtrans", price_factor=0.95, lead_days=5, message="Выделим 6 машин на период сева."),),
        winner="himtrans",
    ),
    OrderSpec(
        customer="szpu",
        kind=K.PRODUCTION,
        title="Литьё 5 000 втулок из полиамида для намоточного оборудования",
        description="Втулки ПА-6 со стекловолокном по чертежу, допуск по посадочному диаметру ±0,05 мм.",
        okpd2=("22.29.29.190",),
        competencies=("CHEM.POLY.INJ",),
        budget=450000,
        quantity=5000,
        unit="шт",
        deadline_days=40,
        age_days=6,
        replies=(
            Reply(
                org="yugtara",
                price_factor=0.92,
                lead_days=30,
                message="Изготовим пресс-форму и отольём партию на ТПА 150 т.",
            ),
        ),
    ),
    OrderSpec(
        customer="stavazot",
        kind=K.RND,
        title="Совместный проект: предиктивная аналитика для компрессоров аммиачного производства",
        description="Модели прогнозирования отказов центробежных компрессоров по данным АСУ ТП за 5 лет, пилот на двух "
        "агрегатах, интеграция с системой ТОиР.",
        okpd2=("72.19.12.000", "63.11.11.000"),
        competencies=("IT.DATA", "IT.IIOT", "IT.MES"),
        budget=6500000,
        quantity=None,
        unit="",
        deadline_days=180,
        age_days=14,
        replies=(
            Reply(
                org="datalab",
                price_factor=0.9,
                lead_days=150,
                message="Пилот за 4 месяца, далее — тиражирование на все агрегаты.",
            ),
            Reply(
                org="indasoft",
                price_factor=1.05,
                lead_days=180,
                message="Интеграция с MES и ТОиР, аналитика — совместно с партнёром.",
            ),
            Reply(
                org="sktu",
                price_factor=0.7,
                lead_days=200,
                message="Научное сопровождение и подготовка моделей силами кафедры анализа данных.",
            ),
        ),
    ),
    OrderSpec(
        customer="kompozityug",
        kind=K.SERVICE,
        title="Климатические испытания композитной арматуры (−60…+60 °C)",
        description="Испытания на морозостойкость и термоциклирование 120 образцов арматуры АСК с последующими "
        "механическими испытаниями.",
        okpd2=("71.20.13.110",),
        competencies=("RND.CLIMATE", "RND.MECH"),
        budget=340000,
        quantity=120,
        unit="образец",
        deadline_days=-30,
        age_days=95,
        status=St.COMPLETED,
        replies=(
            Reply(
                org="dgiu",
                price_factor=0.94,
                lead_days=45,
                message="Камера 1000 л и машина 300 кН, протоколы аккредитованного центра.",
            ),
            Reply(
                org="himtest",
                price_factor=1.08,
                lead_days=50,
                message="Климатика у нас, механические испытания — у партнёра.",
            ),
        ),
        winner="dgiu",
        note="Протоколы испытаний получены, результаты включены в технические условия.",
    ),
    OrderSpec(
        customer="donrti",
        kind=K.PURCHASE,
        title="Поставка бутадиен-нитрильного каучука, 40 т",
        description="Каучук БНКС-28 АМН или аналог, поставка в течение полугода.",
        okpd2=("20.17.10.141",),
        competencies=("LOG.TRADE",),
        budget=12000000,
        quantity=40,
        unit="т",
        deadline_days=55,
        age_days=2,
        replies=(
            Reply(
                org="himopt",
                price_factor=1.0,
                lead_days=20,
                message="Поставим отечественный каучук со склада в Ставрополе.",
            ),
        ),
    ),
    OrderSpec(
        customer="technometal",
        kind=K.PRODUCTION,
        title="Лазерная резка деталей кожухов",
        description="Черновик: уточняем чертежи и объёмы перед публикацией.",
        okpd2=("25.62.20.000",),
        competencies=("METAL.SHEET",),
        budget=120000,
        quantity=None,
        unit="",
        deadline_days=40,
        age_days=0,
        status=St.DRAFT,
    ),
)


@dataclass(frozen=True, kw_only=True)
class OfferSpec:
    org: str  # key of the offering organization
    kind: OrderKind  # production, service, R&D or purchase
    title: str  # the offer's title
    description: str  # what is offered and on what terms
    okpd2: tuple[str, ...]  # OKPD2 codes of what is offered
    competencies: tuple[str, ...]  # competency codes the offer draws on
    visibility: Visibility = Visibility.PUBLIC  # who sees the offer
    archived: bool = False  # withdrawn by its organization


OFFERS = (
    OfferSpec(
        org="technometal",
        kind=K.PRODUCTION,
        title="Свободные мощности пятиосевой обработки — 300 н/ч в месяц",
        description="Два центра DMU 50 с ЧПУ Heidenhain, детали до 500 мм, материалы — сталь, нержавейка, алюминий, "
        "титан.",
        okpd2=("25.62.20.000",),
        competencies=("METAL.5AX", "METAL.MILL"),
    ),
    OfferSpec(
        org="precmech",
        kind=K.PRODUCTION,
        title="Шлифование и электроэрозия в сжатые сроки",
        description="Срочные работы за 2–5 дней: шлифование плунжеров, валов, вырезка матриц и пуансонов.",
        okpd2=("25.62.20.000",),
        competencies=("METAL.GRIND", "METAL.EDM"),
    ),
    OfferSpec(
        org="metalstroy",
        kind=K.PRODUCTION,
        title="Металлоконструкции эстакад и площадок под ключ",
        description="КМД, изготовление, антикоррозионная защита и монтаж на действующем производстве.",
        okpd2=("25.11.23.110", "25.11.23.140"),
        competencies=("METAL.WELD", "ENG.DESIGN"),
    ),
    OfferSpec(
        org="lazerkroi",
        kind=K.PRODUCTION,
        title="Лазерная резка металла заказчика с доставкой",
        description="Раскрой листа до 25 мм, гибка и порошковая окраска; доставка по Невинномысску и Ставрополю "
        "бесплатно.",
        okpd2=("25.62.20.000", "25.50.13.000"),
        competencies=("METAL.SHEET",),
    ),
    OfferSpec(
        org="himtest",
        kind=K.SERVICE,
        title="Входной контроль сырья для участников кластера со скидкой 15 %",
        description="ГХ, ВЭЖХ, ИСП-ОЭС и ИК-спектроскопия; протокол аккредитованной лаборатории за 3 дня.",
        okpd2=("71.20.11.190",),
        competencies=("RND.CHEMLAB",),
    ),
    OfferSpec(
        org="sktu",
        kind=K.SERVICE,
        title="ЦКП «Аналитика и материалы» открыт для предприятий",
        description="Хроматография, электронная микроскопия, механические испытания; первый анализ для новых "
        "участников кластера — бесплатно.",
        okpd2=("71.20.11.190", "71.20.12.000"),
        competencies=("RND.CHEMLAB", "RND.MATSCI", "RND.MECH"),
    ),
    OfferSpec(
        org="nhti",
        kind=K.RND,
        title="Масштабирование процессов на пилотных реакторах 10–250 л",
        description="Отработка синтеза, наработка опытных партий, исходные данные для проектирования.",
        okpd2=("72.19.29.190",),
        competencies=("RND.PILOT", "CHEM.ORG"),
    ),
    OfferSpec(
        org="dgiu",
        kind=K.SERVICE,
        title="Климатические и коррозионные испытания изделий",
        description="Камеры тепла-холода-влаги и солевого тумана 1000 л, протоколы аккредитованного центра.",
        okpd2=("71.20.13.110", "71.20.19.190"),
        competencies=("RND.CLIMATE",),
    ),
    OfferSpec(
        org="indasoft",
        kind=K.SERVICE,
        title="Пилотное внедрение MES за 3 месяца",
        description="Учёт выпуска и простоев на одном участке с фиксированной ценой и возможностью тиражирования.",
        okpd2=("62.01.29.000", "62.01.12.000"),
        competencies=("IT.MES",),
    ),
    OfferSpec(
        org="datalab",
        kind=K.SERVICE,
        title="Бесплатный пилот предиктивной аналитики на одном агрегате",
        description="Для участников кластера: анализ исторических данных насоса или компрессора и отчёт о состоянии.",
        okpd2=("63.11.11.000",),
        competencies=("IT.DATA", "IT.IIOT"),
        visibility=Visibility.MEMBERS,
    ),
    OfferSpec(
        org="kompozityug",
        kind=K.PRODUCTION,
        title="Замена металлических площадок на композитные в агрессивных средах",
        description="Настилы и лестницы из пултрузионных профилей: без коррозии и покраски, срок службы от 25 лет.",
        okpd2=("22.23.19.122",),
        competencies=("COMP.PULTR", "COMP.GFRP"),
    ),
    OfferSpec(
        org="himtrans",
        kind=K.SERVICE,
        title="Перевозка опасных грузов по СКФО и ЮФО",
        description="Кислоты, щёлочи, растворители, удобрения; цистерны из нержавеющей стали, водители с допуском "
        "ДОПОГ.",
        okpd2=("49.41.13.000", "49.41.15.000"),
        competencies=("LOG.ROAD", "LOG.TANK"),
    ),
    OfferSpec(
        org="osnastka",
        kind=K.PRODUCTION,
        title="Пресс-формы и штампы для импортозамещения",
        description="Проектирование по образцу или 3D-модели, изготовление за 8–12 недель, гарантия ресурса.",
        okpd2=("25.73.50.110", "25.73.60.140"),
        competencies=("METAL.TOOL",),
    ),
    OfferSpec(
        org="robosys",
        kind=K.PRODUCTION,
        title="Роботизация паллетирования мешков с удобрениями и полимерами",
        description="Ячейка под ключ за 4 месяца, окупаемость 2–3 года при работе в 3 смены.",
        okpd2=("28.99.39.210",),
        competencies=("MACH.ROBOT",),
    ),
    OfferSpec(
        org="szpu",
        kind=K.PRODUCTION,
        title="Мешки с печатью под торговую марку заказчика",
        description="Тканые ПП и плёночные ПЭ мешки с флексопечатью до 6 цветов, минимальная партия 20 тыс. шт.",
        okpd2=("22.22.12.130", "22.22.11.190"),
        competencies=("LOG.PACK", "CHEM.POLY.EXTR"),
    ),
    OfferSpec(
        org="ecoplast",
        kind=K.SERVICE,
        title="Бесплатный вывоз отходов полиэтиленовой плёнки от 1 т",
        description="Заберём чистую плёнку и стретч, выдадим акт о передаче отходов на переработку.",
        okpd2=("38.21.10.000",),
        competencies=("CHEM.POLY.RECYC", "ECO.WASTE"),
    ),
    OfferSpec(
        org="terekforge",
        kind=K.PRODUCTION,
        title="Поковки до 500 кг с механической обработкой",
        description="Валы, диски, кольца, фланцы; металл в наличии, сроки от 3 недель.",
        okpd2=("25.50.11.110",),
        competencies=("METAL.FORGE", "METAL.TURN"),
    ),
    OfferSpec(
        org="cifring",
        kind=K.SERVICE,
        title="Расчёт сосудов и металлоконструкций для экспертизы",
        description="Прочностные расчёты по ГОСТ 34233 с отчётом для ЭПБ.",
        okpd2=("71.12.19.100",),
        competencies=("IT.CAD", "ENG.DESIGN"),
        archived=True,
    ),
    OfferSpec(
        org="sintez",
        kind=K.RND,
        title="Разработка рецептур клеёв и герметиков",
        description="От ТЗ до опытной партии и ТУ; испытания адгезии, старения и химстойкости.",
        okpd2=("72.19.14.000",),
        competencies=("RND.FORMUL", "CHEM.ADH"),
    ),
    OfferSpec(
        org="promeco",
        kind=K.SERVICE,
        title="Комплексное обслуживание по отходам I–IV классов",
        description="Сбор, транспортирование, обезвреживание и отчётность для промышленных площадок.",
        okpd2=("38.12.12.000", "38.21.10.000"),
        competencies=("ECO.WASTE",),
        visibility=Visibility.MEMBERS,
    ),
)
