"""A relevance set over the demo cluster: buyers' queries and the records they want, and how to run it.

Each query has its text, its language, its kind (what makes it easy or hard) and the records a
buyer typing it would want, judged from the demo data (``marketplace/demo/``), not from what any
engine returns:

- grade 2 (``precise``): precisely what was asked — the product, service, equipment, offer or order
  named so, and organizations whose business it is;
- grade 1 (``relevant``): related — demand for it, suppliers for whom it is a side line, records
  that mention it.

Records are named by their natural key: the type and the demo record's exact Russian name
(organizations, products, equipment), title (orders, offers, ideas) or Russian title (events),
never a database id. A product several organizations list under one name stands for each of them.
Language-neutral codes (OKPD2, HS, steel grades, models) count as Russian: a Russian buyer types them.

``run_set`` (needs an application context with the demo seeded and indexed) runs every query through
``search_records`` as a user who sees everything and returns the ranked records with their grades,
for ``search_index.evaluate``; ``tests/search/test_relevance.py`` asserts on it and
``bench/search_relevance.py`` prints its figures per search backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from sqlalchemy import select

from marketplace.accounts.models import User
from marketplace.catalog.models import Product
from marketplace.db import db
from marketplace.equipment.models import Equipment
from marketplace.events.models import Event
from marketplace.ideas.models import Idea
from marketplace.orders.models import Offer, Order
from marketplace.organizations.models import Organization
from marketplace.search.services import search_records
from search_index.evaluate import Run

Language: TypeAlias = Literal["ru", "en"]
Kind: TypeAlias = Literal["plain", "stop-words", "colloquial-synonym", "typo", "transliteration", "code", "english"]
#: Every kind, in the order reports list them.
KINDS: tuple[Kind, ...] = (
    "plain",
    "stop-words",
    "colloquial-synonym",
    "typo",
    "transliteration",
    "code",
    "english",
)
PRECISE, RELEVANT = 2, 1


@dataclass(frozen=True)
class Record:
    """A demo record by its natural key: its search document type and its exact (Russian) name or title."""

    type: str
    name: str


def organization(name: str) -> Record:
    return Record("organization", name)


def product(name: str) -> Record:
    return Record("product", name)


def equipment(name: str) -> Record:
    return Record("equipment", name)


def order(title: str) -> Record:
    return Record("order", title)


def offer(title: str) -> Record:
    return Record("offer", title)


def event(title_ru: str) -> Record:
    return Record("event", title_ru)


def idea(title: str) -> Record:
    return Record("idea", title)


@dataclass(frozen=True)
class Query:
    """One judged query: grade 2 for ``precise`` records, grade 1 for ``relevant`` ones."""

    text: str
    language: Language
    kind: Kind
    precise: tuple[Record, ...]
    relevant: tuple[Record, ...] = ()

    @property
    def grades(self) -> dict[Record, int]:
        grades = dict.fromkeys(self.relevant, RELEVANT)
        grades.update(dict.fromkeys(self.precise, PRECISE))
        return grades


def q(text: str, language: Language, kind: Kind, precise: Iterable[Record], relevant: Iterable[Record] = ()) -> Query:
    return Query(text, language, kind, tuple(precise), tuple(relevant))


# -- the demo records the queries name ------------------------------------------------------------------------

# organizations
STAVAZOT = organization("АО «Ставропольский азотный комбинат»")
PRIKUMSK = organization("АО «Прикумский нефтехимический комплекс»")
KUBAN_REFINERY = organization("АО «Кубанский нефтеперерабатывающий завод»")
PZHM = organization("АО «Пятигорский завод химического машиностроения»")
VALVE_PLANT = organization("АО «Георгиевский завод промышленной арматуры»")
DON_RUBBER = organization("АО «Донской завод резинотехнических изделий»")
PAINT_PLANT = organization("АО «Ставропольский завод лакокрасочных материалов»")
POLIMIR = organization("ОАО «Полимир-Восток»")
EMALPROM = organization("ООО «ЭмальПром»")
POLIMERPLAST = organization("ООО «Полимерпласт»")
YUG_TARA = organization("ООО «Юг-Тара»")
PACKAGING = organization("ООО «Ставропольский завод полимерной упаковки»")
ECOPLAST = organization("ООО «ЭкоПласт-Рециклинг»")
KHIMPROM = organization("ООО «Химпром-Реактив»")
AVTOKHIM = organization("ООО «АвтоХим-Юг»")
RTI_KAVKAZ = organization("ООО «РТИ-Кавказ»")
TEREK_OIL = organization("ООО «Терек-Ойл»")
TECHNOMETAL = organization("ООО «ТехноМеталл-Ставрополь»")
PRECISION = organization("ООО «Прецизионная механика»")
METALSTROY = organization("ООО «МеталлСтрой-Юг»")
FOUNDRY = organization("ООО «Литейный двор»")
TERMOTEKH = organization("ООО «ТермоТех»")
LAZERKROY = organization("ООО «ЛазерКрой»")
OSNASTKA = organization("ООО «Инструментальный завод «Оснастка»")
GALVANIKA = organization("ООО «Гальваника-Юг»")
TEREK_FORGING = organization("ООО «Кузнечно-прессовый завод «Терек»")
ADDITIVE = organization("ООО «Аддитивные технологии Кавказа»")
PRIVOD = organization("ООО «Привод-Юг»")
NASOSPROM = organization("ООО «НасосПромСервис»")
STEKLOKOMPOZIT = organization("ООО «СтеклоКомпозит»")
KARBONTEKH = organization("ООО «КарбонТех»")
KHIMMASH = organization("ООО «ХимМашСервис»")
AUTOMATIKA = organization("ООО «Кавказ-Автоматика»")
ANALITPRIBOR = organization("ООО «Аналитприбор-Юг»")
TERMOPLAST = organization("ООО «Термопласт-Машинери»")
ROBOTICS = organization("ООО «Робототехнические системы»")
DATALAB = organization("ООО «ДатаЛаб Юг»")
UNIVERSITY = organization("ФГБОУ ВО «Северо-Кавказский технологический университет»")
NEVINNOMYSSK_INSTITUTE = organization("ФГБОУ ВО «Невинномысский государственный химико-технологический институт»")
DON_UNIVERSITY = organization("ФГБОУ ВО «Донской государственный инженерный университет»")
POLYMER_INSTITUTE = organization("АО «НИИ полимерных материалов «Полимер-Юг»")
SINTEZ = organization("АО «НИИ химической технологии «Синтез»")
KHIMTEST = organization("АО «Испытательный центр «Химтест-Юг»")
ETALON = organization("ООО «Центр метрологии и калибровки «Эталон-Кавказ»")
YUZHNY_STANDART = organization("ООО «Сертификационный центр «Южный стандарт»")
PROMBEZOPASNOST = organization("ООО «ПромБезопасность-Эксперт»")
KHIMTRANS = organization("ООО «ХимТрансЛогистик»")
TERMINAL = organization("ООО «Терминал Юг»")
KHIMOPT = organization("ООО «ТД «ХимОпт-Кавказ»")
ECOVODTEKH = organization("ООО «ЭкоВодТех»")
MATERIALS_CENTRE = organization("ФГБНУ «Северо-Кавказский научный центр материаловедения»")
CLUSTER_CENTRE = organization("АНО «Центр кластерного развития Ставропольского края»")

# products and services
FLANGES = product("Фланцы плоские приварные из стали 09Г2С")
TURNING = product("Токарная обработка деталей на станках с ЧПУ")
MILLING = product("Фрезерная обработка на вертикальных обрабатывающих центрах")
FIVE_AXIS = product("Пятиосевая обработка сложнопрофильных деталей")
GRINDING = product("Круглое и плоское шлифование")
WIRE_EDM = product("Электроэрозионная резка проволокой")
LASER_CUTTING = product("Лазерная резка листового металла")
STAINLESS_PARTS = product("Детали машин из нержавеющей стали по чертежам заказчика")
STAINLESS_WELDING = product("Сварочные работы, в том числе аргонодуговая сварка нержавеющих сталей")
FORGING = product("Свободная ковка поковок")
MACHINE_TIME = product("Аренда станочного времени на обрабатывающих центрах")
METAL_PRINTING = product("3D-печать металлом (SLM) деталей из нержавеющих и жаропрочных сплавов")
PICKLING_PASTE = product("Паста для травления и пассивации сварных швов нержавеющей стали")
PE_WATER_PIPES = product("Трубы напорные ПЭ100 SDR17 для водоснабжения")
PE_GAS_PIPES = product("Трубы ПЭ100 SDR11 для газопроводов")
CORRUGATED_PIPES = product("Трубы гофрированные двухслойные для наружной канализации")
PE_FITTINGS = product("Фитинги электросварные ПЭ100 (муфты, отводы, тройники)")
HDPE = product("Полиэтилен низкого давления ПЭ2НТ11-285Д (ПЭ100), гранулы")
LDPE = product("Полиэтилен высокого давления 15803-020")
LLDPE = product("Полиэтилен линейный низкой плотности (ЛПЭНП), плёночная марка")
RECYCLED_PE = product("Полиэтилен вторичный гранулированный (регранулят ПВД)")
POLYMER_DISTRIBUTION = product("Дистрибуция полимеров в первичных формах")
SHELL_TUBE_EXCHANGERS = product("Теплообменники кожухотрубчатые ТН, ТК, ТУ")
PLATE_EXCHANGERS = product("Теплообменники пластинчатые разборные")
AIR_COOLERS = product("Аппараты воздушного охлаждения АВГ, АВЗ")
PROCESS_GC = product("Хроматографы газовые потоковые")
PUMP_OVERHAUL = product("Капитальный ремонт насосного и компрессорного оборудования")
PUMP_PARTS = product("Запасные части к насосам: рабочие колёса, валы, втулки")
MECHANICAL_SEALS = product("Торцевые уплотнения для насосов и мешалок")
CHEMICAL_PUMPS = product("Насосы центробежные химические консольные")
METERING_PUMPS = product("Насосы-дозаторы плунжерные")
PP_SACKS = product("Мешки полипропиленовые тканые 50 кг с вкладышем")
VALVE_BAGS = product("Мешки полиэтиленовые клапанные для химической продукции")
PRESSURE_CALIBRATION = product("Калибровка средств измерений давления, температуры и массы")
INSTRUMENT_REPAIR = product("Ремонт и подготовка к поверке КИП")
PRESSURE_TRANSMITTERS = product("Датчики давления с выходом 4–20 мА/HART")
CLIMATIC_TESTING = product("Климатические испытания изделий")
COATING_TESTING = product("Испытания лакокрасочных покрытий: адгезия, солевой туман, УФ-старение")
MECHANICAL_TESTING = product("Механические испытания металлов: растяжение, ударная вязкость, твёрдость")
POLYMER_TESTING = product("Испытания полимеров: ПТР, прочность, термический анализ (ДСК/ТГА)")
TESTING_MACHINES = product("Машины испытательные универсальные электромеханические")
FLAW_DETECTORS = product("Толщиномеры и дефектоскопы ультразвуковые")
NDT = product("Неразрушающий контроль сварных соединений (УЗК, РК, ВИК)")
INJECTION_MOULDS = product("Пресс-формы для литья пластмасс под давлением")
DATA_ANALYTICS = product("Анализ данных технологических процессов и предиктивная аналитика")
ML_RESEARCH = product("НИОКР: модели машинного обучения для оптимизации производства")
HAZMAT_TRANSPORT = product("Перевозка жидких химических грузов (ДОПОГ, классы 3, 5, 8)")
PETROLEUM_TRANSPORT = product("Перевозка нефтепродуктов автоцистернами")
AMMONIA = product("Аммиак жидкий технический марки А")
NITRIC_ACID = product("Кислота азотная неконцентрированная 56–58 %")
UREA = product("Карбамид (мочевина) марки Б, гранулированный")
AMMONIUM_NITRATE = product("Селитра аммиачная марки Б")
UAN = product("Карбамидно-аммиачная смесь КАС-32")
NPK = product("Нитроаммофоска NPK 16:16:16")
AMMONIUM_SULPHATE = product("Сульфат аммония гранулированный")
MAP = product("Моноаммонийфосфат водорастворимый 12:61")
LIQUID_FERTILIZER = product("Удобрение жидкое комплексное с хелатами микроэлементов")
FERTILIZER_WHOLESALE = product("Оптовые поставки минеральных удобрений")
CHEMICALS_SUPPLY = product("Поставки промышленной химии со склада в Ставрополе")
CAUSTIC_SODA = product("Натр едкий технический (сода каустическая), раствор 46 %")
ANTIFREEZE = product("Жидкость охлаждающая (антифриз) G12+")
SUMMER_DIESEL = product("Топливо дизельное ЕВРО, летнее, сорт С, класс К5")
WINTER_DIESEL = product("Топливо дизельное ЕВРО, зимнее, класс 2, К5")
DIESEL_ADDITIVE = product("Депрессорно-диспергирующая присадка к дизельному топливу")
HYDRAULIC_OIL = product("Масло гидравлическое ВМГЗ")
LIQUID_STORAGE = product("Хранение жидких химических продуктов")
GALVANIC = product("Гальваническое хромирование, никелирование и цинкование")
HOT_DIP = product("Горячее цинкование металлоконструкций")
ANODISING = product("Анодирование алюминия")
HEAT_TREATMENT = product("Термическая обработка: закалка, отпуск, нормализация, цементация")
ALUMINIUM_CASTING = product("Литьё алюминиевых сплавов в кокиль и под давлением")
EPOXY_ENAMEL = product("Эмаль эпоксидная антикоррозионная двухкомпонентная")
PF115 = product("Эмаль ПФ-115")
POWDER_PAINT = product("Краска порошковая полиэфирная для наружных работ")
POWDER_COATING = product("Порошковая окраска металлоизделий")
SCREWS_AND_BARRELS = product("Шнеки и цилиндры для экструдеров и ТПА")
MOULDING_MACHINE_SERVICE = product("Ремонт и обслуживание термопластавтоматов и экструдеров")
O_RINGS = product("Кольца резиновые уплотнительные круглого сечения")
HELICAL_REDUCERS = product("Редукторы цилиндрические общепромышленные")
WORM_REDUCERS = product("Редукторы червячные")
GEARBOX_REPAIR = product("Ремонт редукторов и приводов с заменой зубчатых пар")
ROBOT_INSTALLATION = product("Монтаж и программирование промышленных роботов")
PALLETIZERS = product("Роботы-паллетайзеры для мешков и коробов")
WELDING_CELLS = product("Роботизированные ячейки дуговой сварки")
WATER_TREATMENT = product("Станции водоподготовки и очистки промышленных стоков")
WATER_FILTERS = product("Фильтры механической и ионообменной очистки воды")
PET_FLAKES = product("Флекс ПЭТ мытый, бесцветный")
POLYMER_WASTE = product("Приём и переработка полимерных отходов предприятий")
SCALE_UP = product("Масштабирование процессов на пилотных установках")

# equipment
GC_MS = equipment("Газовый хромато-масс-спектрометр «Хроматэк-Кристалл 5000»")
HPLC = equipment("Жидкостный хроматограф Agilent 1260 Infinity II")
ICP_OES = equipment("ИСП-оптико-эмиссионный спектрометр Agilent 5110")
SHIMADZU = equipment("Универсальная испытательная машина Shimadzu AGS-X 50 кН")
IMPACT_TESTER = equipment("Маятниковый копёр с камерой охлаждения")
DMU50 = equipment("Пятиосевой обрабатывающий центр DMG MORI DMU 50")
HAAS = equipment("Токарный центр с ЧПУ Haas ST-20")
PILOT_REACTOR = equipment("Пилотный реактор 250 л из нержавеющей стали")
LAB_MOULDING_MACHINE = equipment("Термопластавтомат лабораторный 80 т")
ZEISS_CMM = equipment("Координатно-измерительная машина Carl Zeiss Contura")
HEXAGON_CMM = equipment("Координатно-измерительная машина Hexagon Global S")
CLIMATIC_CHAMBER = equipment("Климатическая камера 1000 л (−70…+180 °C)")
SALT_SPRAY = equipment("Камера солевого тумана 1000 л")
SLM280 = equipment("3D-принтер металлом SLM 280")
FARSOON = equipment("3D-принтер металлом Farsoon FS121M")
UV_CHAMBER = equipment("Камера ускоренного УФ-старения Q-Lab QUV")
ZWICK_POLYMERS = equipment("Испытательная машина Zwick/Roell Z010 для полимеров")
DEAD_WEIGHT_TESTER = equipment("Грузопоршневой манометр МП-600")

# orders
FLANGE_ORDER = order("Механическая обработка 200 фланцев из стали 09Г2С")
SACKS_ORDER = order("Поставка полимерной тары: мешки ПП 50 кг с вкладышем")
COATING_RECIPE_ORDER = order("Разработка рецептуры лакокрасочного покрытия для защиты резервуаров КАС")
SEALS_ORDER = order("Ремонт торцевых уплотнений насосов узла полимеризации")
EXCHANGERS_ORDER = order("Изготовление 12 кожухотрубчатых теплообменников по опросным листам")
NDT_ORDER = order("Неразрушающий контроль сварных швов трубопроводов при капремонте установки АВТ")
HEAT_TREATMENT_ORDER = order("Термообработка (улучшение) 300 валов из стали 40Х")
MOULD_ORDER = order("Изготовление пресс-формы для канистры 10 л (2 гнезда)")
FORGINGS_ORDER = order("Поковки фланцев и днищ из стали 09Г2С, 18 т")
GALVANISING_ORDER = order("Горячее цинкование площадок обслуживания, 40 т")
PET_CONSORTIUM_ORDER = order("Консорциум: пилотная установка химической переработки отходов ПЭТ")
HDPE_ORDER = order("Поставка ПЭ100 трубной марки, 600 т")
CABINETS_ORDER = order("Изготовление 40 корпусов шкафов управления IP65 с порошковой окраской")
CALIBRATION_ORDER = order("Калибровка 350 датчиков давления и термопреобразователей")
SHAFT_REPAIR_ORDER = order("Наплавка и восстановление шеек валов насосов (15 валов)")
TEST_FIXTURES_ORDER = order("Изготовление оснастки для испытаний композитных образцов")
ANALYTICS_ORDER = order("Совместный проект: предиктивная аналитика для компрессоров аммиачного производства")
CLIMATIC_ORDER = order("Климатические испытания композитной арматуры (−60…+60 °C)")

# offers
FIVE_AXIS_OFFER = offer("Свободные мощности пятиосевой обработки — 300 н/ч в месяц")
GRINDING_OFFER = offer("Шлифование и электроэрозия в сжатые сроки")
LASER_OFFER = offer("Лазерная резка металла заказчика с доставкой")
LAB_OFFER = offer("ЦКП «Аналитика и материалы» открыт для предприятий")
PILOT_OFFER = offer("Масштабирование процессов на пилотных реакторах 10–250 л")
CLIMATIC_OFFER = offer("Климатические и коррозионные испытания изделий")
ANALYTICS_OFFER = offer("Бесплатный пилот предиктивной аналитики на одном агрегате")
HAZMAT_OFFER = offer("Перевозка опасных грузов по СКФО и ЮФО")
MOULDS_OFFER = offer("Пресс-формы и штампы для импортозамещения")
PALLETIZING_OFFER = offer("Роботизация паллетирования мешков с удобрениями и полимерами")
PRINTED_SACKS_OFFER = offer("Мешки с печатью под торговую марку заказчика")
FORGINGS_OFFER = offer("Поковки до 500 кг с механической обработкой")

# events
SUPPORT_SEMINAR = event("Семинар: меры господдержки кластеров")
CATALYSTS_ROUND_TABLE = event("Круглый стол по импортозамещению катализаторов")
SUPPLIER_CONFERENCE = event("Конференция поставщиков АО «Ставропольский азотный комбинат»")
PET_MEETING = event("Рабочая встреча участников проекта по переработке ПЭТ")
DIGITAL_TWINS_SEMINAR = event("Семинар: цифровые двойники химических производств")

# ideas
PUMP_SEALS_IDEA = idea("Ищем изготовителя уплотнений для насосов высокого давления")
GC_MS_IDEA = idea("Свободное время на хромато-масс-спектрометре в ЦКП университета")
RPET_IDEA = idea("Нужен поставщик флаконов из вторичного ПЭТ")
METAL_PRINTING_IDEA = idea("Печать металлических деталей по 3D-модели: свободные мощности")
HYDROTREATING_IDEA = idea("Отечественный катализатор гидроочистки: ищем партнёров для опытного пробега")
COATING_TESTS_IDEA = idea("Требуется лаборатория для климатических испытаний покрытий")
PUMP_MONITORING_IDEA = idea("Прогнозное обслуживание насосов: бесплатный пилот для участников кластера")

# -- shared judgements of queries that ask for the same thing -------------------------------------------------

_FLANGES = (
    [FLANGES],
    [TECHNOMETAL, VALVE_PLANT, FLANGE_ORDER, FORGINGS_ORDER, FORGING, FORGINGS_OFFER, TURNING],
)
_MILLING = (
    [MILLING, TECHNOMETAL],
    [FIVE_AXIS, PRECISION, DMU50, FIVE_AXIS_OFFER, MACHINE_TIME, FLANGE_ORDER],
)
_TURNING_SUPPLIERS = [VALVE_PLANT, TEREK_FORGING, PRIVOD, NASOSPROM, TERMOPLAST]
_PE_PIPES = ([PE_WATER_PIPES, PE_GAS_PIPES, CORRUGATED_PIPES, POLIMERPLAST], [PE_FITTINGS])
_HEAT_EXCHANGERS = (
    [SHELL_TUBE_EXCHANGERS, PLATE_EXCHANGERS, AIR_COOLERS],
    [PZHM, EXCHANGERS_ORDER, KHIMMASH],
)
_CHROMATOGRAPHS = ([GC_MS, HPLC, PROCESS_GC], [GC_MS_IDEA, ANALITPRIBOR, UNIVERSITY, LAB_OFFER])
_CALIBRATION = ([PRESSURE_CALIBRATION, CALIBRATION_ORDER, ETALON], [DEAD_WEIGHT_TESTER, INSTRUMENT_REPAIR])
_POLYETHYLENE = ([HDPE, LDPE, LLDPE, RECYCLED_PE], [PRIKUMSK, POLIMIR, HDPE_ORDER, POLYMER_DISTRIBUTION])
_25_62_20 = [  # every record with an OKPD2 code under 25.62.20
    MILLING,
    FIVE_AXIS,
    GRINDING,
    WIRE_EDM,
    LASER_CUTTING,
    FIVE_AXIS_OFFER,
    GRINDING_OFFER,
    LASER_OFFER,
    CABINETS_ORDER,
]

# -- the queries ----------------------------------------------------------------------------------------------

QUERIES: tuple[Query, ...] = (
    # the issue's own queries
    q("фланцы стали", "ru", "plain", *_FLANGES),
    q("фланцы из стали", "ru", "stop-words", *_FLANGES),
    q("трубы из полиэтилена", "ru", "stop-words", *_PE_PIPES),
    q(
        "фрезерная и токарная обработка",
        "ru",
        "stop-words",
        [TURNING, MILLING, TECHNOMETAL],
        [FIVE_AXIS, PRECISION, HAAS, DMU50, FIVE_AXIS_OFFER, MACHINE_TIME, FLANGE_ORDER],
    ),
    q(
        "фланец из нержавеющей стали",  # the flanges come in 12Х18Н10Т, a stainless grade
        "ru",
        "stop-words",
        [FLANGES],
        [TURNING, FORGING, FORGINGS_OFFER, STAINLESS_PARTS, TECHNOMETAL],
    ),
    q("фрезеровка", "ru", "colloquial-synonym", *_MILLING),
    q("фрезировка", "ru", "typo", *_MILLING),
    q("токарка", "ru", "colloquial-synonym", [TURNING, TECHNOMETAL], [HAAS, MACHINE_TIME, *_TURNING_SUPPLIERS]),
    q(
        "нержавейка",
        "ru",
        "colloquial-synonym",
        [STAINLESS_PARTS, PILOT_REACTOR],
        [STAINLESS_WELDING, LASER_CUTTING, METAL_PRINTING, PICKLING_PASTE, CHEMICAL_PUMPS, FIVE_AXIS_OFFER],
    ),
    q(
        "ПНД трубы",  # ПНД: low-pressure (high-density) polyethylene, PE100 pipes
        "ru",
        "colloquial-synonym",
        [PE_WATER_PIPES, PE_GAS_PIPES, POLIMERPLAST],
        [CORRUGATED_PIPES, PE_FITTINGS],
    ),
    q("Tekhnometall", "ru", "transliteration", [TECHNOMETAL]),
    q("28.14.20.220", "ru", "code", [FLANGES, FLANGE_ORDER]),
    q("25.62.10", "ru", "code", [TURNING, FLANGE_ORDER]),
    q("25.62", "ru", "code", [TURNING, FLANGE_ORDER, *_25_62_20]),
    # Russian, plain words
    q("теплообменники", "ru", "plain", *_HEAT_EXCHANGERS),
    q("хроматограф", "ru", "plain", *_CHROMATOGRAPHS),
    q(
        "ремонт насосов",
        "ru",
        "plain",
        [PUMP_OVERHAUL, NASOSPROM],
        [KHIMMASH, SEALS_ORDER, SHAFT_REPAIR_ORDER, PUMP_PARTS, MECHANICAL_SEALS],
    ),
    q("полипропиленовые мешки", "ru", "plain", [PP_SACKS, PACKAGING], [SACKS_ORDER, PRINTED_SACKS_OFFER]),
    q("калибровка датчиков давления", "ru", "plain", *_CALIBRATION),
    q(
        "климатические испытания",
        "ru",
        "plain",
        [CLIMATIC_TESTING, CLIMATIC_OFFER, CLIMATIC_CHAMBER],
        [CLIMATIC_ORDER, COATING_TESTS_IDEA, DON_UNIVERSITY, SALT_SPRAY, UV_CHAMBER, COATING_TESTING, KHIMTEST],
    ),
    q(
        "3D-печать металлом",
        "ru",
        "plain",
        [METAL_PRINTING, SLM280, FARSOON, ADDITIVE],
        [METAL_PRINTING_IDEA, DON_UNIVERSITY],
    ),
    q(
        "пресс-формы для литья пластмасс",
        "ru",
        "plain",
        [INJECTION_MOULDS, OSNASTKA],
        [MOULDS_OFFER, MOULD_ORDER, PRECISION],
    ),
    q(
        "предиктивная аналитика",
        "ru",
        "plain",
        [DATA_ANALYTICS, ANALYTICS_OFFER, DATALAB],
        [ANALYTICS_ORDER, PUMP_MONITORING_IDEA, DIGITAL_TWINS_SEMINAR],
    ),
    q(
        "перевозка опасных грузов",
        "ru",
        "plain",
        [HAZMAT_OFFER, HAZMAT_TRANSPORT, KHIMTRANS],
        [TERMINAL, PETROLEUM_TRANSPORT],
    ),
    q(
        "азотные удобрения",
        "ru",
        "plain",
        [STAVAZOT, UREA, AMMONIUM_NITRATE, UAN],
        [AMMONIUM_SULPHATE, NPK, FERTILIZER_WHOLESALE],
    ),
    q("литьё алюминия", "ru", "plain", [ALUMINIUM_CASTING, FOUNDRY]),
    q(
        "гальванические покрытия",
        "ru",
        "plain",
        [GALVANIC, GALVANIKA],
        [ANODISING, HOT_DIP, TERMOTEKH, MATERIALS_CENTRE],
    ),
    q("семинар", "ru", "plain", [SUPPORT_SEMINAR, DIGITAL_TWINS_SEMINAR], [CLUSTER_CENTRE]),
    q(
        "катализатор гидроочистки",
        "ru",
        "plain",
        [HYDROTREATING_IDEA],
        [CATALYSTS_ROUND_TABLE, SINTEZ, POLYMER_INSTITUTE],
    ),
    q(
        "переработка отходов ПЭТ",
        "ru",
        "plain",
        [PET_CONSORTIUM_ORDER, ECOPLAST],
        [PET_MEETING, PET_FLAKES, POLYMER_WASTE, RPET_IDEA],
    ),
    # Russian with stop words
    q(
        "мешки для удобрений",
        "ru",
        "stop-words",
        [PP_SACKS, VALVE_BAGS, PACKAGING],
        [SACKS_ORDER, PRINTED_SACKS_OFFER],
    ),
    q(
        "испытания на растяжение и ударную вязкость",
        "ru",
        "stop-words",
        [MECHANICAL_TESTING],
        [SHIMADZU, IMPACT_TESTER, ZWICK_POLYMERS, TESTING_MACHINES],
    ),
    q("насосы для кислот", "ru", "stop-words", [CHEMICAL_PUMPS], [METERING_PUMPS, KHIMMASH, NASOSPROM]),
    q(
        "покрытия для защиты от коррозии",
        "ru",
        "stop-words",
        [EPOXY_ENAMEL, PAINT_PLANT],
        [EMALPROM, HOT_DIP, COATING_RECIPE_ORDER],
    ),
    q("ремонт редукторов и приводов", "ru", "stop-words", [GEARBOX_REPAIR, PRIVOD]),
    # Russian colloquial words, abbreviations and synonyms
    q("оцинковка", "ru", "colloquial-synonym", [HOT_DIP, GALVANIKA], [GALVANIC, GALVANISING_ORDER]),
    q(
        "термообработка",
        "ru",
        "colloquial-synonym",
        [HEAT_TREATMENT, TERMOTEKH],
        [HEAT_TREATMENT_ORDER, FOUNDRY, TEREK_FORGING],
    ),
    q("каустик", "ru", "colloquial-synonym", [CAUSTIC_SODA], [KHIMPROM, CHEMICALS_SUPPLY]),
    q("аммиачка", "ru", "colloquial-synonym", [AMMONIUM_NITRATE], [STAVAZOT]),
    q("тосол", "ru", "colloquial-synonym", [ANTIFREEZE], [AVTOKHIM]),
    q("солярка", "ru", "colloquial-synonym", [SUMMER_DIESEL, WINTER_DIESEL], [DIESEL_ADDITIVE, KUBAN_REFINERY]),
    q("КИМ", "ru", "colloquial-synonym", [ZEISS_CMM, HEXAGON_CMM], [DON_UNIVERSITY, TECHNOMETAL]),
    q("ГХ-МС", "ru", "colloquial-synonym", [GC_MS, GC_MS_IDEA], [UNIVERSITY]),
    q(
        "ТПА",
        "ru",
        "colloquial-synonym",
        [LAB_MOULDING_MACHINE, MOULDING_MACHINE_SERVICE],
        [TERMOPLAST, YUG_TARA, SCREWS_AND_BARRELS],
    ),
    q("шлифовка", "ru", "colloquial-synonym", [GRINDING, GRINDING_OFFER, PRECISION], [SHAFT_REPAIR_ORDER]),
    # Russian with typos
    q("теплообменик", "ru", "typo", *_HEAT_EXCHANGERS),
    q("хромотограф", "ru", "typo", *_CHROMATOGRAPHS),
    q("калибравка датчиков", "ru", "typo", *_CALIBRATION),
    q("полиэтелен", "ru", "typo", *_POLYETHYLENE),
    # transliteration: Russian names in Latin letters, Latin brands in Cyrillic
    q("Stavropolskiy azotnyy kombinat", "ru", "transliteration", [STAVAZOT], [SUPPLIER_CONFERENCE]),
    q("Litejnyj dvor", "ru", "transliteration", [FOUNDRY]),
    q("Karbonteh", "ru", "transliteration", [KARBONTEKH]),
    q("Карл Цейс", "ru", "transliteration", [ZEISS_CMM]),
    q("Аджилент", "ru", "transliteration", [HPLC, ICP_OES]),
    q("Шимадзу", "ru", "transliteration", [SHIMADZU], [GC_MS_IDEA]),
    q("ДМГ Мори", "ru", "transliteration", [DMU50], [FIVE_AXIS_OFFER]),
    # codes: OKPD2 whole and by parent, HS, the classifier's names, grades and models
    q("25.62.20.000", "ru", "code", _25_62_20),
    q("22.21.21", "ru", "code", [PE_WATER_PIPES, PE_GAS_PIPES, CORRUGATED_PIPES]),
    q(
        "20.15",
        "ru",
        "code",
        [AMMONIA, NITRIC_ACID, UREA, AMMONIUM_NITRATE, UAN, NPK, AMMONIUM_SULPHATE, MAP, LIQUID_FERTILIZER],
    ),
    q("730791", "ru", "code", [FLANGES]),
    q("услуги по токарной обработке металлических деталей", "ru", "code", [TURNING, FLANGE_ORDER], [TECHNOMETAL]),
    q("09Г2С", "ru", "code", [FLANGES, FLANGE_ORDER, FORGINGS_ORDER]),
    q("ПФ-115", "ru", "code", [PF115]),
    q("12Х18Н10Т", "ru", "code", [STAINLESS_PARTS, FLANGES, METAL_PRINTING_IDEA]),
    q("КАС-32", "ru", "code", [UAN], [COATING_RECIPE_ORDER, LIQUID_STORAGE]),
    q("DMU 50", "ru", "code", [DMU50, FIVE_AXIS_OFFER], [TECHNOMETAL]),
    # English, over the bilingual names and descriptions
    q("flanges", "en", "english", *_FLANGES),
    q("heat exchangers", "en", "english", *_HEAT_EXCHANGERS),
    q("polyethylene pipes", "en", "english", *_PE_PIPES),
    q("CNC turning", "en", "english", [TURNING, HAAS, TECHNOMETAL], [*_TURNING_SUPPLIERS, FLANGE_ORDER, MACHINE_TIME]),
    q("milling", "en", "english", *_MILLING),
    q(
        "stainless steel parts",
        "en",
        "english",
        [STAINLESS_PARTS, METAL_PRINTING],
        [TURNING, FORGING, ADDITIVE, METAL_PRINTING_IDEA],
    ),
    q("gas chromatograph", "en", "english", [PROCESS_GC, GC_MS], [HPLC, GC_MS_IDEA, ANALITPRIBOR]),
    q(
        "salt spray chamber",
        "en",
        "english",
        [SALT_SPRAY],
        [CLIMATIC_OFFER, COATING_TESTING, COATING_TESTS_IDEA, KHIMTEST],
    ),
    q("metal 3D printer", "en", "english", [SLM280, FARSOON], [METAL_PRINTING, ADDITIVE, METAL_PRINTING_IDEA]),
    q("laser cutting", "en", "english", [LASER_CUTTING, LASER_OFFER, LAZERKROY], [METALSTROY, CABINETS_ORDER]),
    q("pressure transmitters", "en", "english", [PRESSURE_TRANSMITTERS], [AUTOMATIKA, CALIBRATION_ORDER]),
    q(
        "industrial robots",
        "en",
        "english",
        [ROBOT_INSTALLATION, ROBOTICS],
        [PALLETIZERS, WELDING_CELLS, PALLETIZING_OFFER],
    ),
    q("ammonium nitrate", "en", "english", [AMMONIUM_NITRATE], [UAN, STAVAZOT]),
    q("urea", "en", "english", [UREA], [UAN, STAVAZOT]),
    q("powder coating", "en", "english", [POWDER_PAINT, POWDER_COATING, EMALPROM], [LAZERKROY, CABINETS_ORDER]),
    q("epoxy enamel", "en", "english", [EPOXY_ENAMEL], [PAINT_PLANT, EMALPROM]),
    q(
        "machine learning",
        "en",
        "english",
        [ML_RESEARCH, DATALAB],
        [DATA_ANALYTICS, ANALYTICS_ORDER, ANALYTICS_OFFER, PUMP_MONITORING_IDEA],
    ),
    q("rubber O-rings", "en", "english", [O_RINGS], [RTI_KAVKAZ, DON_RUBBER, PUMP_SEALS_IDEA]),
    q("diesel fuel", "en", "english", [SUMMER_DIESEL, WINTER_DIESEL], [DIESEL_ADDITIVE, KUBAN_REFINERY]),
    q("supplier conference", "en", "english", [SUPPLIER_CONFERENCE]),
    q(
        "polymer testing",
        "en",
        "english",
        [POLYMER_TESTING],
        [ZWICK_POLYMERS, POLYMER_INSTITUTE, KHIMTEST, NEVINNOMYSSK_INSTITUTE],
    ),
    q("Stavropol Nitrogen Plant", "en", "english", [STAVAZOT], [SUPPLIER_CONFERENCE]),
    q("hydraulic oil", "en", "english", [HYDRAULIC_OIL], [TEREK_OIL]),
    q("gear reducer", "en", "english", [HELICAL_REDUCERS, WORM_REDUCERS], [PRIVOD, GEARBOX_REPAIR]),
    q("wire EDM", "en", "english", [WIRE_EDM, GRINDING_OFFER, PRECISION], [OSNASTKA]),
    q("pilot reactor", "en", "english", [PILOT_REACTOR, PILOT_OFFER], [SCALE_UP, NEVINNOMYSSK_INSTITUTE]),
    q("non-destructive testing", "en", "english", [NDT, PROMBEZOPASNOST], [YUZHNY_STANDART, NDT_ORDER, FLAW_DETECTORS]),
    q("pipes for gas", "en", "stop-words", [PE_GAS_PIPES], [POLIMERPLAST, PE_FITTINGS]),
    q(
        "pump repair",  # the catalog says "overhaul"
        "en",
        "colloquial-synonym",
        [PUMP_OVERHAUL, NASOSPROM],
        [KHIMMASH, SEALS_ORDER, SHAFT_REPAIR_ORDER, PUMP_PARTS, MECHANICAL_SEALS],
    ),
    q("wastewater treatment", "en", "colloquial-synonym", [WATER_TREATMENT, ECOVODTEKH], [WATER_FILTERS]),
    q("heat exchager", "en", "typo", *_HEAT_EXCHANGERS),
    q("polyethelene pipes", "en", "typo", *_PE_PIPES),
)

#: The queries of the issue that must find all their precise records in the first five results.
MUST_FIND: tuple[str, ...] = (
    "фланцы стали",
    "фланцы из стали",
    "трубы из полиэтилена",
    "фрезерная и токарная обработка",
    "фланец из нержавеющей стали",
    "фрезеровка",
    "фрезировка",
    "токарка",
    "нержавейка",
    "ПНД трубы",
    "Tekhnometall",
    "28.14.20.220",
    "25.62.10",
)
#: How many first results the precise records of a MUST_FIND query must be among.
MUST_FIND_TOP = 5
#: How many results each query asks for.
PER_PAGE = 10
#: The demo user the set runs as: the cluster manager sees every indexed record.
MANAGER_EMAIL = "manager@cluster.demo"

BY_TEXT: dict[str, Query] = {query.text: query for query in QUERIES}


# -- running the set (an application context with the demo cluster seeded and indexed) -------------------------

#: The search document type's model and the column holding a record's natural key.
_NAMES: dict[str, Any] = {
    "organization": Organization.name_ru,
    "product": Product.name_ru,
    "equipment": Equipment.name_ru,
    "order": Order.title,
    "offer": Offer.title,
    "event": Event.title_ru,
    "idea": Idea.title,
}
#: A demo record's identity at run time: its document type and id (never written in the set).
RecordKey: TypeAlias = tuple[str, int]


def resolve(records: Iterable[Record]) -> dict[Record, tuple[RecordKey, ...]]:
    """The demo records each natural key names, as ``(type, id)``; a key naming none maps to ``()``."""
    records = list(records)
    found: dict[Record, list[RecordKey]] = {}
    for doc_type in {record.type for record in records}:
        column = _NAMES[doc_type]
        names = {record.name for record in records if record.type == doc_type}
        model = column.class_
        for record_id, name in db.session.execute(select(model.id, column).where(column.in_(names))):
            found.setdefault(Record(doc_type, name), []).append((doc_type, record_id))
    return {record: tuple(sorted(found.get(record, []))) for record in records}


@dataclass(frozen=True)
class Outcome:
    """What one query returned: the ranked records (``(type, id)`` and name), and the demo records of its judgements."""

    query: Query
    ranked: tuple[RecordKey, ...]
    names: tuple[str, ...]  # the natural key of each ranked record, for reports
    found: dict[Record, tuple[RecordKey, ...]]  # each judged record's demo records

    @property
    def grades(self) -> dict[RecordKey, int]:
        """The grade of each demo record the query's judgements name."""
        grades: dict[RecordKey, int] = {}
        for record, grade in self.query.grades.items():
            for key in self.found[record]:
                grades[key] = max(grade, grades.get(key, 0))
        return grades

    @property
    def run(self) -> Run[RecordKey]:
        return Run(ranked=self.ranked, grades=self.grades)

    def missed(self, top: int = MUST_FIND_TOP) -> list[Record]:
        """The precise records with a demo record not among the first ``top`` results."""
        shown = set(self.ranked[:top])
        return [record for record in self.query.precise if not set(self.found[record]) <= shown]

    def unresolved(self) -> list[Record]:
        """Judged records naming no demo record (the set must be kept in step with the demo data)."""
        return [record for record, keys in self.found.items() if not keys]


def name_of(doc_type: str, record: Any) -> str:
    """The natural key of a record of ``doc_type``."""
    return str(getattr(record, _NAMES[doc_type].key))


def run_query(query: Query, user: Any) -> Outcome:
    """Run ``query`` through ``search_records`` as ``user``: the first ``PER_PAGE`` results."""
    items = search_records(query.text, user=user, per_page=PER_PAGE).page.items
    return Outcome(
        query=query,
        ranked=tuple((item.type, item.record.id) for item in items),
        names=tuple(name_of(item.type, item.record) for item in items),
        found=resolve(query.grades),
    )


def run_set(user: Any, queries: Sequence[Query] = QUERIES) -> list[Outcome]:
    """Every query's outcome, in the set's order."""
    return [run_query(query, user) for query in queries]


def manager() -> User:
    """The demo's cluster manager, who may see every indexed record."""
    user: User | None = db.session.scalar(select(User).where(User.email == MANAGER_EMAIL))
    if user is None:
        raise LookupError(f"no demo user {MANAGER_EMAIL}: seed the demo cluster first")
    return user
