"""Demo organizations: machining and metalworking, composites, equipment, automation and IT."""

from __future__ import annotations

from .records import SME, org

STV, KRD, ROS, VLG = "Ставропольский край", "Краснодарский край", "Ростовская область", "Волгоградская область"

METALWORKING = (
    org(
        key="technometal",
        kind=SME,
        name_ru="ООО «ТехноМеталл-Ставрополь»",
        name_en="TechnoMetal-Stavropol LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Доваторцев, 75",
        staff_size=48,
        description_ru="Механообработка на станках с ЧПУ: токарные и фрезерные работы, пятиосевая обработка, "
        "изготовление фланцев и валов по чертежам. Работаем с химическими и нефтегазовыми предприятиями края, срок "
        "выполнения срочных заказов — от 3 дней.",
        description_en="CNC machining: turning, milling and 5-axis work, flanges and shafts to drawings. We serve "
        "chemical and oil & gas companies of the region; urgent orders from 3 days.",
        competencies="METAL.TURN/3/5 токарных центров, Ø до 500 мм; "
        "METAL.MILL/3/5 вертикальных центров; "
        "METAL.5AX/2/2 станка DMU 50; "
        "METAL.WELD/1/Сварка узлов под механообработку; "
        "ENG.DESIGN/1/Доработка КД под технологию",
        products="cnc_turning; cnc_milling; five_axis; flanges_0g2s; shafts; custom_parts",
        certifications="ISO 9001:2015",
        capacity="12 станков с ЧПУ (5 токарных, 5 фрезерных, 2 пятиосевых), работа в 2 смены; "
        "КИМ для выходного контроля.",
        member_years=4,
        confidential=("staff_size",),
        founded=2009,
    ),
    org(
        key="precmech",
        kind=SME,
        name_ru="ООО «Прецизионная механика»",
        name_en="Precision Mechanics LLC",
        region=STV,
        city="Пятигорск",
        address="ул. Бунимовича, 17",
        staff_size=36,
        description_ru="Высокоточная обработка: пятиосевое фрезерование, шлифование и электроэрозия. Делаем детали "
        "пресс-форм, плунжеры насосов-дозаторов и инструмент по чертежам.",
        description_en="High-precision machining: 5-axis milling, grinding and EDM. We make mould parts, metering pump "
        "plungers and tooling to drawings.",
        competencies="METAL.5AX/3/Обработка титана и жаропрочных сплавов; "
        "METAL.GRIND/3/Круглое и плоское шлифование; "
        "METAL.EDM/3/Проволочная и прошивная электроэрозия; "
        "METAL.TOOL/2/Переточка инструмента",
        products="five_axis; grinding; wire_edm; cnc_cutters",
        certifications="ISO 9001:2015",
        member_years=3,
        founded=2012,
    ),
    org(
        key="metalstroy",
        kind=SME,
        name_ru="ООО «МеталлСтрой-Юг»",
        name_en="MetallStroy-Yug LLC",
        region=STV,
        city="Михайловск",
        address="ул. Вокзальная, 42",
        staff_size=110,
        description_ru="Изготавливаем и монтируем металлоконструкции эстакад, площадок обслуживания и каркасов зданий. "
        "Разрабатываем КМД, выполняем антикоррозионную защиту и монтаж на действующих производствах.",
        description_en="We fabricate and erect steel for pipe racks, service platforms and building frames, produce "
        "shop drawings, apply corrosion protection and install on operating plants.",
        competencies="METAL.WELD/3/Сварщики НАКС, 300 т/мес; "
        "ENG.DESIGN/2/Разработка КМД; "
        "METAL.SHEET/1/Плазменная резка",
        products="steel_structures; platforms; welding",
        certifications="ISO 9001:2015; Свидетельство СРО",
        capacity="Цех 4 800 м², краны до 20 т, производительность до 300 т металлоконструкций в месяц.",
        member_years=3,
        founded=2005,
    ),
    org(
        key="litdvor",
        kind=SME,
        name_ru="ООО «Литейный двор»",
        name_en="Liteyny Dvor Foundry LLC",
        region=ROS,
        city="Таганрог",
        address="ул. Инструментальная, 3",
        staff_size=90,
        description_ru="Литейное производство: стальные, чугунные и алюминиевые отливки для арматуры, насосов и "
        "машиностроения. Собственная модельная мастерская и экспресс-лаборатория.",
        description_en="A foundry making steel, iron and aluminium castings for valves, pumps and machinery, with its "
        "own pattern shop and rapid lab.",
        competencies="METAL.CAST/3/Песчано-глинистые формы, кокиль, ХТС; "
        "METAL.HEAT/2/Термообработка отливок; "
        "RND.MECH/1/Механические испытания образцов",
        products="steel_casting; iron_casting; aluminium_casting",
        certifications="ISO 9001:2015",
        member_years=2,
        founded=2004,
    ),
    org(
        key="termoteh",
        kind=SME,
        name_ru="ООО «ТермоТех»",
        name_en="TermoTekh LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Сельская, 2Б",
        staff_size=28,
        description_ru="Термическая обработка деталей и инструмента, газотермическое напыление и анодирование. "
        "Принимаем мелкие партии, выдаём протокол твёрдости на каждую партию.",
        description_en="Heat treatment of parts and tools, thermal spraying and anodising. Small batches welcome, "
        "hardness report for every batch.",
        competencies="METAL.HEAT/3/Закалка, цементация, азотирование; METAL.COAT/2/Напыление и анодирование",
        products="heat_treatment; thermal_spray; anodizing; resistance_furnaces",
        member_years=2,
        founded=2015,
    ),
    org(
        key="lazerkroi",
        kind=SME,
        name_ru="ООО «ЛазерКрой»",
        name_en="LazerKroy LLC",
        region=STV,
        city="Невинномысск",
        address="ул. Тимирязева, 18",
        staff_size=42,
        description_ru="Лазерная резка, гибка и штамповка листового металла, порошковая окраска. Делаем корпуса "
        "шкафов, кожухи и кронштейны из металла заказчика или своего.",
        description_en="Laser cutting, bending and stamping of sheet metal, powder coating. We make cabinet housings, "
        "covers and brackets from customer or own material.",
        competencies="METAL.SHEET/3/Волоконный лазер 6 кВт, листогиб 220 т; "
        "METAL.FORGE/1/Штамповка на прессах до 250 т; "
        "METAL.COAT/1/Порошковая окраска",
        products="laser_cutting; sheet_bending; stamping; powder_painting",
        member_years=2,
        founded=2014,
    ),
    org(
        key="kavmetiz",
        kind=SME,
        name_ru="ООО «Кавказметиз»",
        name_en="Kavkazmetiz LLC",
        region="Карачаево-Черкесская Республика",
        city="Черкесск",
        address="ул. Привокзальная, 12",
        staff_size=75,
        description_ru="Производим крепёж для металлоконструкций и фланцевых соединений: высокопрочные болты, гайки, "
        "шпильки, шайбы.",
        description_en="We make fasteners for steel structures and flange joints: high-strength bolts, nuts, studs and "
        "washers.",
        competencies="METAL.FAST/3/Холодная и горячая высадка; "
        "METAL.FORGE/2/Высадка и накатка резьбы; "
        "METAL.HEAT/2/Закалка крепежа",
        products="hs_bolts; nuts; studs; washers",
        certifications="ISO 9001:2015",
        member_years=1,
        founded=2007,
    ),
    org(
        key="osnastka",
        kind=SME,
        name_ru="ООО «Инструментальный завод «Оснастка»",
        name_en="Osnastka Tooling Plant LLC",
        region=KRD,
        city="Краснодар",
        address="ул. Северная, 324",
        staff_size=65,
        description_ru="Проектируем и изготавливаем пресс-формы, штампы и станочные приспособления, восстанавливаем "
        "режущий инструмент.",
        description_en="We design and build moulds, dies and fixtures and recondition cutting tools.",
        competencies="METAL.TOOL/3/Пресс-формы до 5 т; "
        "METAL.5AX/2/Обработка формообразующих; "
        "METAL.EDM/2/Прошивная электроэрозия; "
        "IT.CAD/1/Проектирование в NX",
        products="injection_moulds; stamping_dies; fixtures; cnc_cutters",
        certifications="ISO 9001:2015",
        member_years=3,
        founded=2003,
    ),
    org(
        key="galvanika",
        kind=SME,
        name_ru="ООО «Гальваника-Юг»",
        name_en="Galvanika-Yug LLC",
        region=ROS,
        city="Ростов-на-Дону",
        address="пр. Шолохова, 31",
        staff_size=34,
        description_ru="Гальванические покрытия: твёрдое хромирование, никелирование, цинкование, анодирование; "
        "горячее цинкование на партнёрской площадке. Собственные очистные сооружения.",
        description_en="Electroplating: hard chrome, nickel, zinc and anodising; hot-dip galvanising at a partner "
        "site. Own wastewater treatment plant.",
        competencies="METAL.COAT/3/Гальванические линии до 3 м; ECO.WATER/1/Локальные очистные сооружения",
        products="electroplating; hot_dip_galvanizing; anodizing",
        member_years=1,
        founded=2010,
    ),
    org(
        key="terekforge",
        kind=SME,
        name_ru="ООО «Кузнечно-прессовый завод «Терек»",
        name_en="Terek Forging Plant LLC",
        region="Кабардино-Балкарская Республика",
        city="Нальчик",
        address="ул. Кабардинская, 188",
        staff_size=130,
        description_ru="Свободная ковка и горячая штамповка поковок для нефтегазового и химического машиностроения с "
        "механической обработкой.",
        description_en="Open-die forging and hot stamping for oil & gas and chemical engineering, with machining.",
        competencies="METAL.FORGE/3/Молоты до 5 т, прессы до 1600 т; "
        "METAL.HEAT/2/Термообработка поковок; "
        "METAL.TURN/2/Черновая и чистовая обработка",
        products="forging; stamping; shafts",
        certifications="ISO 9001:2015",
        member_years=2,
        founded=1999,
    ),
    org(
        key="addtech",
        kind=SME,
        name_ru="ООО «Аддитивные технологии Кавказа»",
        name_en="Caucasus Additive Technologies LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Ленина, 417",
        staff_size=18,
        description_ru="3D-печать металлом и реверс-инжиниринг: восстанавливаем документацию на импортные детали и "
        "печатаем их из нержавеющей стали и жаропрочных сплавов.",
        description_en="Metal 3D printing and reverse engineering: we rebuild documentation for imported parts and "
        "print them in stainless steel and superalloys.",
        competencies="METAL.ADD/3/SLM-принтер 250×250×300 мм; "
        "ENG.REVERSE/2/3D-сканирование; "
        "IT.CAD/2/Топологическая оптимизация",
        products="metal_3d_printing; reverse_engineering",
        member_years=1,
        confidential=("staff_size",),
        founded=2019,
    ),
    org(
        key="privodyug",
        kind=SME,
        name_ru="ООО «Привод-Юг»",
        name_en="Privod-Yug LLC",
        region=VLG,
        city="Волгоград",
        address="ул. Электролесовская, 45",
        staff_size=80,
        description_ru="Производим и ремонтируем редукторы, муфты и приводы для конвейеров, мешалок и насосных "
        "агрегатов.",
        description_en="We make and repair gearboxes, couplings and drives for conveyors, agitators and pump sets.",
        competencies="MACH.GEAR/3/Цилиндрические и червячные редукторы; "
        "METAL.TURN/2/Зубообработка; "
        "MACH.REPAIR/2/Ремонт редукторов любых марок",
        products="gear_reducer; worm_reducer; couplings; gearbox_repair; hydraulic_cylinders; belt_conveyors; "
        "screw_conveyors",
        certifications="ISO 9001:2015",
        member_years=2,
        founded=2006,
    ),
    org(
        key="nasosservis",
        kind=SME,
        name_ru="ООО «НасосПромСервис»",
        name_en="NasosPromService LLC",
        region=VLG,
        city="Волгоград",
        address="ул. Промысловая, 23",
        staff_size=52,
        description_ru="Ремонтируем насосы и компрессоры, изготавливаем запчасти и торцевые уплотнения, поставляем "
        "насосы-дозаторы.",
        description_en="We overhaul pumps and compressors, make spare parts and mechanical seals, and supply metering "
        "pumps.",
        competencies="MACH.PUMP/3/Насосы-дозаторы и центробежные насосы; "
        "MACH.REPAIR/3/Стенд испытания насосов; "
        "METAL.TURN/1/Изготовление валов и втулок",
        products="pump_repair; pump_parts; mech_seals; dosing_pumps",
        member_years=3,
        founded=2008,
    ),
)

COMPOSITES = (
    org(
        key="kompozityug",
        kind=SME,
        name_ru="ООО «Композит-Юг»",
        name_en="Kompozit-Yug LLC",
        region=ROS,
        city="Таганрог",
        address="ул. Поляковское шоссе, 16",
        staff_size=70,
        description_ru="Пултрузионные профили, стеклокомпозитная арматура и композитные опоры освещения. Рассчитываем "
        "конструкции из композитов и сопровождаем их применение на объектах.",
        description_en="Pultruded profiles, GFRP rebar and composite lighting poles; we design composite structures "
        "and support their use on site.",
        competencies="COMP.PULTR/3/Четыре линии пултрузии; "
        "COMP.REBAR/3/Арматура АСК Ø4–32 мм; "
        "COMP.GFRP/2/Расчёт конструкций",
        products="gfrp_rebar; pultruded_profiles; composite_poles",
        certifications="ISO 9001:2015",
        member_years=2,
        founded=2013,
    ),
    org(
        key="steklokomp",
        kind=SME,
        name_ru="ООО «СтеклоКомпозит»",
        name_en="StekloKompozit LLC",
        region=STV,
        city="Невинномысск",
        address="ул. Шоссейная, 5",
        staff_size=48,
        description_ru="Изготавливаем химстойкие ёмкости, трубы и газоходы из стеклопластика методом намотки для "
        "химических производств.",
        description_en="We produce chemical-resistant GRP tanks, pipes and flue ducts by filament winding for chemical "
        "plants.",
        competencies="COMP.GFRP/3/Намотка ёмкостей до 100 м³; "
        "COMP.PULTR/2/Намоточные станки с ЧПУ; "
        "MACH.VESSEL/1/Ёмкости для кислот",
        products="grp_tanks; grp_pipes",
        member_years=2,
        founded=2011,
    ),
    org(
        key="carbontech",
        kind=SME,
        name_ru="ООО «КарбонТех»",
        name_en="CarbonTech LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Мира, 264",
        staff_size=22,
        description_ru="Изготавливаем детали из углепластика вакуумной инфузией и в автоклаве, подбираем связующие под "
        "задачу.",
        description_en="We make carbon-fibre parts by vacuum infusion and autoclave curing and select binders for the "
        "task.",
        competencies="COMP.CFRP/3/Автоклав Ø1,5×3 м; "
        "COMP.INFUS/3/Вакуумная инфузия; "
        "ENG.DESIGN/1/Проектирование оснастки",
        products="cfrp_parts; epoxy_binder",
        status="applied",
        founded=2020,
    ),
)

EQUIPMENT_AND_IT = (
    org(
        key="himmash",
        kind=SME,
        name_ru="ООО «ХимМашСервис»",
        name_en="KhimMashService LLC",
        region=STV,
        city="Невинномысск",
        address="ул. Водопроводная, 360",
        staff_size=160,
        description_ru="Монтаж, ремонт и техническое обслуживание оборудования химических производств: насосы, "
        "арматура, ёмкости и трубопроводы. Работаем на площадках азотного комбината более 15 лет.",
        description_en="Installation, repair and maintenance of chemical plant equipment: pumps, valves, vessels and "
        "piping. We have worked on the nitrogen plant's sites for over 15 years.",
        competencies="MACH.REPAIR/3/Ремонтные бригады на площадке заказчика; "
        "MACH.CHEMEQ/2/Ремонт теплообменников; "
        "METAL.WELD/2/Сварка трубопроводов; "
        "ENG.SAFETY/1/Подготовка к ЭПБ",
        products="equipment_installation; pump_repair; valve_parts; liquid_filters; centrifugal_pumps; plate_hx; "
        "piston_compressors",
        certifications="ISO 9001:2015; ISO 45001:2018",
        member_years=4,
        founded=2006,
    ),
    org(
        key="kavavtomatika",
        kind=SME,
        name_ru="ООО «Кавказ-Автоматика»",
        name_en="Kavkaz-Avtomatika LLC",
        region=STV,
        city="Ставрополь",
        address="ул. 50 лет ВЛКСМ, 93",
        staff_size=75,
        description_ru="Системный интегратор АСУ ТП: проектируем, собираем шкафы управления на отечественных ПЛК, "
        "монтируем КИПиА и выполняем пусконаладку.",
        description_en="A process control systems integrator: we design and build control cabinets on Russian PLCs, "
        "install instrumentation and commission the systems.",
        competencies="INSTR.CTRL/3/АСУ ТП на отечественных ПЛК; "
        "INSTR.ELEC/3/Сборка НКУ; "
        "INSTR.DRIVE/2/Частотное регулирование; "
        "IT.MES/1/Интеграция с MES",
        products="control_cabinets; plc_controllers; vfd; kip_installation; pressure_transmitters; flow_meters; "
        "radar_level; thermocouples; positioners; weigh_dosers",
        certifications="ISO 9001:2015",
        member_years=4,
        founded=2007,
    ),
    org(
        key="analitpribor",
        kind=SME,
        name_ru="ООО «Аналитприбор-Юг»",
        name_en="Analitpribor-Yug LLC",
        region=KRD,
        city="Краснодар",
        address="ул. Ставропольская, 149",
        staff_size=40,
        description_ru="Поставляем и обслуживаем аналитическое оборудование: газоанализаторы, потоковые хроматографы, "
        "ИК-спектрометры и анализаторы жидкостей.",
        description_en="We supply and service analytical equipment: gas detectors, process chromatographs, IR "
        "spectrometers and liquid analysers.",
        competencies="INSTR.ANALYT/3/Сервисный центр аналитических приборов; "
        "INSTR.SENS/2/Газоаналитические системы; "
        "RND.METRO/1/Подготовка к поверке",
        products="gas_detectors; ph_analyzers; process_gc; ftir; instrument_repair; analytical_balances; "
        "tensile_machines",
        member_years=2,
        founded=2010,
    ),
    org(
        key="termoplastmash",
        kind=SME,
        name_ru="ООО «Термопласт-Машинери»",
        name_en="Termoplast Machinery LLC",
        region=ROS,
        city="Ростов-на-Дону",
        address="ул. Доватора, 144",
        staff_size=35,
        description_ru="Сервис и модернизация оборудования для переработки пластмасс: экструзионные линии, ТПА, "
        "шнековые пары.",
        description_en="Service and upgrade of plastics processing machinery: extrusion lines, moulding machines and "
        "screw-barrel sets.",
        competencies="MACH.PLASTEQ/3/Экструзионные линии под ключ; "
        "MACH.REPAIR/2/Выездной сервис; "
        "METAL.TURN/1/Изготовление шнеков",
        products="extrusion_lines; screw_barrels; plastics_machine_repair; plastics_line_installation",
        member_years=1,
        founded=2012,
    ),
    org(
        key="robosys",
        kind=SME,
        name_ru="ООО «Робототехнические системы»",
        name_en="Robotic Systems LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Лермонтова, 191",
        staff_size=26,
        description_ru="Внедряем промышленных роботов: паллетирование мешков, роботизированная сварка, загрузка "
        "станков.",
        description_en="We deploy industrial robots: bag palletising, robotic welding and machine tending.",
        competencies="MACH.ROBOT/3/Интеграция роботов 6–180 кг; "
        "INSTR.CTRL/2/Системы безопасности ячеек; "
        "IT.SOFT/1/Офлайн-программирование",
        products="palletizing_robots; welding_cells; robot_installation; filling_lines",
        member_years=1,
        founded=2018,
    ),
    org(
        key="elektroprom",
        kind=SME,
        name_ru="ООО «ЭлектроПромСервис»",
        name_en="ElektroPromService LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Заводская, 7",
        staff_size=58,
        description_ru="Ремонт электродвигателей и трансформаторов, поставка взрывозащищённых двигателей и "
        "распределительных устройств 6–10 кВ.",
        description_en="Repair of electric motors and transformers, supply of explosion-proof motors and 6–10 kV "
        "switchgear.",
        competencies="INSTR.ELEC/2/КРУ 6–10 кВ; "
        "MACH.REPAIR/2/Перемотка двигателей до 1 МВт; "
        "INSTR.DRIVE/2/Взрывозащищённые приводы",
        products="motor_repair; ex_motors; mv_switchgear",
        member_years=2,
        founded=2009,
    ),
    org(
        key="indasoft",
        kind=SME,
        name_ru="ООО «ИндаСофт-Кавказ»",
        name_en="IndaSoft Caucasus LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Маршала Жукова, 42",
        staff_size=64,
        description_ru="Разрабатываем и внедряем MES «ПромКонтур», SCADA и системы учёта для химических и "
        "машиностроительных предприятий.",
        description_en="We develop and deploy the PromKontur MES, SCADA and accounting systems for chemical and "
        "engineering plants.",
        competencies="IT.MES/3/Собственная MES-платформа; "
        "IT.SOFT/3/Команда 40 разработчиков; "
        "INSTR.CTRL/2/Интеграция с ПЛК",
        products="mes_license; scada_integration; it_support; user_training_it; custom_software",
        certifications="ISO 9001:2015; ISO/IEC 27001:2013",
        member_years=3,
        founded=2011,
    ),
    org(
        key="datalab",
        kind=SME,
        name_ru="ООО «ДатаЛаб Юг»",
        name_en="DataLab South LLC",
        region=STV,
        city="Пятигорск",
        address="пр. Калинина, 9",
        staff_size=28,
        description_ru="Аналитика промышленных данных: предиктивное обслуживание, оптимизация режимов, облачный "
        "мониторинг оборудования.",
        description_en="Industrial data analytics: predictive maintenance, operating-mode optimisation and cloud "
        "equipment monitoring.",
        competencies="IT.DATA/3/Модели ML для техпроцессов; "
        "IT.IIOT/3/Облачная платформа мониторинга; "
        "IT.SOFT/2/Веб-разработка",
        products="process_analytics; iiot_saas; ml_rnd; custom_software; vibration_monitoring",
        member_years=1,
        founded=2019,
    ),
    org(
        key="cifring",
        kind=SME,
        name_ru="ООО «Цифровой инжиниринг»",
        name_en="Digital Engineering LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Ломоносова, 25",
        staff_size=31,
        description_ru="Инженерные расчёты и цифровые двойники оборудования: прочность, теплообмен, гидродинамика.",
        description_en="Engineering simulation and digital twins of equipment: strength, heat transfer and fluid "
        "dynamics.",
        competencies="IT.CAD/3/Расчёты в ANSYS и отечественных САЕ; "
        "ENG.DESIGN/2/3D-моделирование; "
        "ENG.REVERSE/2/Обмеры и сканирование",
        products="cae_analysis; reverse_engineering; it_architecture",
        member_years=2,
        founded=2016,
    ),
    org(
        key="kibershield",
        kind=SME,
        name_ru="ООО «КиберЩит»",
        name_en="KiberShchit LLC",
        region=KRD,
        city="Краснодар",
        address="ул. Красная, 176",
        staff_size=24,
        description_ru="Информационная безопасность промышленных объектов: категорирование КИИ, защита АСУ ТП, аудит "
        "сетей.",
        description_en="Industrial cybersecurity: CII categorisation, OT protection and network audits.",
        competencies="IT.SEC/3/Лицензии ФСТЭК; IT.INFRA/2/Размещение в ЦОД",
        products="ot_security; it_audit; datacenter_hosting",
        status="none",
        founded=2017,
    ),
)

ALL = METALWORKING + COMPOSITES + EQUIPMENT_AND_IT
