"""Demo organizations: machining and metalworking, composites, equipment, automation and IT."""
from __future__ import annotations

from .records import SME, O

STV, KRD, ROS, VLG = "Ставропольский край", "Краснодарский край", "Ростовская область", "Волгоградская область"

METALWORKING = (
    O("technometal", SME, "ООО «ТехноМеталл-Ставрополь»", "TechnoMetal-Stavropol LLC", STV, "Ставрополь",
      "ул. Доваторцев, 75", 48,
      "Механообработка на станках с ЧПУ: токарные и фрезерные работы, пятиосевая обработка, изготовление фланцев и "
      "валов "
      "по чертежам. Работаем с химическими и нефтегазовыми предприятиями края, срок выполнения срочных заказов — от "
      "3 дней.",
      "CNC machining: turning, milling and 5-axis work, flanges and shafts to drawings. We serve chemical and oil & "
      "gas "
      "companies of the region; urgent orders from 3 days.",
      "METAL.TURN/3/5 токарных центров, Ø до 500 мм; METAL.MILL/3/5 вертикальных центров; METAL.5AX/2/2 станка DMU 50; "
      "METAL.WELD/1/Сварка узлов под механообработку; ENG.DESIGN/1/Доработка КД под технологию",
      "cnc_turning; cnc_milling; five_axis; flanges_0g2s; shafts; custom_parts",
      certifications="ISO 9001:2015",
      capacity="12 станков с ЧПУ (5 токарных, 5 фрезерных, 2 пятиосевых), работа в 2 смены; КИМ для выходного контроля.",
      member_years=4, founded=2009, confidential=("staff_size",)),
    O("precmech", SME, "ООО «Прецизионная механика»", "Precision Mechanics LLC", STV, "Пятигорск", "ул. Бунимовича, 17", 36,
      "Высокоточная обработка: пятиосевое фрезерование, шлифование и электроэрозия. Делаем детали пресс-форм, "
      "плунжеры насосов-дозаторов и инструмент по чертежам.",
      "High-precision machining: 5-axis milling, grinding and EDM. We make mould parts, metering pump plungers and "
      "tooling to drawings.",
      "METAL.5AX/3/Обработка титана и жаропрочных сплавов; METAL.GRIND/3/Круглое и плоское шлифование; "
      "METAL.EDM/3/Проволочная и прошивная электроэрозия; METAL.TOOL/2/Переточка инструмента",
      "five_axis; grinding; wire_edm; cnc_cutters", certifications="ISO 9001:2015", member_years=3, founded=2012),
    O("metalstroy", SME, "ООО «МеталлСтрой-Юг»", "MetallStroy-Yug LLC", STV, "Михайловск", "ул. Вокзальная, 42", 110,
      "Изготавливаем и монтируем металлоконструкции эстакад, площадок обслуживания и каркасов зданий. "
      "Разрабатываем КМД, выполняем антикоррозионную защиту и монтаж на действующих производствах.",
      "We fabricate and erect steel for pipe racks, service platforms and building frames, produce shop drawings, "
      "apply corrosion protection and install on operating plants.",
      "METAL.WELD/3/Сварщики НАКС, 300 т/мес; ENG.DESIGN/2/Разработка КМД; METAL.SHEET/1/Плазменная резка",
      "steel_structures; platforms; welding", certifications="ISO 9001:2015; Свидетельство СРО",
      capacity="Цех 4 800 м², краны до 20 т, производительность до 300 т металлоконструкций в месяц.",
      member_years=3, founded=2005),
    O("litdvor", SME, "ООО «Литейный двор»", "Liteyny Dvor Foundry LLC", ROS, "Таганрог", "ул. Инструментальная, 3", 90,
      "Литейное производство: стальные, чугунные и алюминиевые отливки для арматуры, насосов и машиностроения. "
      "Собственная модельная мастерская и экспресс-лаборатория.",
      "A foundry making steel, iron and aluminium castings for valves, pumps and machinery, with its own pattern "
      "shop and rapid lab.",
      "METAL.CAST/3/Песчано-глинистые формы, кокиль, ХТС; METAL.HEAT/2/Термообработка отливок; "
      "RND.MECH/1/Механические испытания образцов",
      "steel_casting; iron_casting; aluminium_casting", certifications="ISO 9001:2015", member_years=2, founded=2004),
    O("termoteh", SME, "ООО «ТермоТех»", "TermoTekh LLC", STV, "Ставрополь", "ул. Сельская, 2Б", 28,
      "Термическая обработка деталей и инструмента, газотермическое напыление и анодирование. "
      "Принимаем мелкие партии, выдаём протокол твёрдости на каждую партию.",
      "Heat treatment of parts and tools, thermal spraying and anodising. Small batches welcome, hardness report for "
      "every batch.",
      "METAL.HEAT/3/Закалка, цементация, азотирование; METAL.COAT/2/Напыление и анодирование",
      "heat_treatment; thermal_spray; anodizing; resistance_furnaces", member_years=2, founded=2015),
    O("lazerkroi", SME, "ООО «ЛазерКрой»", "LazerKroy LLC", STV, "Невинномысск", "ул. Тимирязева, 18", 42,
      "Лазерная резка, гибка и штамповка листового металла, порошковая окраска. Делаем корпуса шкафов, кожухи и "
      "кронштейны "
      "из металла заказчика или своего.",
      "Laser cutting, bending and stamping of sheet metal, powder coating. We make cabinet housings, covers and "
      "brackets "
      "from customer or own material.",
      "METAL.SHEET/3/Волоконный лазер 6 кВт, листогиб 220 т; METAL.FORGE/1/Штамповка на прессах до 250 т; "
      "METAL.COAT/1/Порошковая окраска",
      "laser_cutting; sheet_bending; stamping; powder_painting", member_years=2, founded=2014),
    O("kavmetiz", SME, "ООО «Кавказметиз»", "Kavkazmetiz LLC", "Карачаево-Черкесская Республика", "Черкесск",
      "ул. Привокзальная, 12", 75,
      "Производим крепёж для металлоконструкций и фланцевых соединений: высокопрочные болты, гайки, шпильки, шайбы.",
      "We make fasteners for steel structures and flange joints: high-strength bolts, nuts, studs and washers.",
      "METAL.FAST/3/Холодная и горячая высадка; METAL.FORGE/2/Высадка и накатка резьбы; METAL.HEAT/2/Закалка крепежа",
      "hs_bolts; nuts; studs; washers", certifications="ISO 9001:2015", member_years=1, founded=2007),
    O("osnastka", SME, "ООО «Инструментальный завод «Оснастка»", "Osnastka Tooling Plant LLC", KRD, "Краснодар",
      "ул. Северная, 324", 65,
      "Проектируем и изготавливаем пресс-формы, штампы и станочные приспособления, восстанавливаем режущий инструмент.",
      "We design and build moulds, dies and fixtures and recondition cutting tools.",
      "METAL.TOOL/3/Пресс-формы до 5 т; METAL.5AX/2/Обработка формообразующих; METAL.EDM/2/Прошивная электроэрозия; "
      "IT.CAD/1/Проектирование в NX",
      "injection_moulds; stamping_dies; fixtures; cnc_cutters", certifications="ISO 9001:2015", member_years=3, founded=2003),
    O("galvanika", SME, "ООО «Гальваника-Юг»", "Galvanika-Yug LLC", ROS, "Ростов-на-Дону", "пр. Шолохова, 31", 34,
      "Гальванические покрытия: твёрдое хромирование, никелирование, цинкование, анодирование; горячее цинкование "
      "на партнёрской площадке. Собственные очистные сооружения.",
      "Electroplating: hard chrome, nickel, zinc and anodising; hot-dip galvanising at a partner site. Own "
      "wastewater treatment plant.",
      "METAL.COAT/3/Гальванические линии до 3 м; ECO.WATER/1/Локальные очистные сооружения",
      "electroplating; hot_dip_galvanizing; anodizing", member_years=1, founded=2010),
    O("terekforge", SME, "ООО «Кузнечно-прессовый завод «Терек»", "Terek Forging Plant LLC", "Кабардино-Балкарская Республика",
      "Нальчик", "ул. Кабардинская, 188", 130,
      "Свободная ковка и горячая штамповка поковок для нефтегазового и химического машиностроения с механической "
      "обработкой.",
      "Open-die forging and hot stamping for oil & gas and chemical engineering, with machining.",
      "METAL.FORGE/3/Молоты до 5 т, прессы до 1600 т; METAL.HEAT/2/Термообработка поковок; METAL.TURN/2/Черновая и "
      "чистовая обработка",
      "forging; stamping; shafts", certifications="ISO 9001:2015", member_years=2, founded=1999),
    O("addtech", SME, "ООО «Аддитивные технологии Кавказа»", "Caucasus Additive Technologies LLC", STV, "Ставрополь",
      "ул. Ленина, 417", 18,
      "3D-печать металлом и реверс-инжиниринг: восстанавливаем документацию на импортные детали и печатаем их "
      "из нержавеющей стали и жаропрочных сплавов.",
      "Metal 3D printing and reverse engineering: we rebuild documentation for imported parts and print them in "
      "stainless "
      "steel and superalloys.",
      "METAL.ADD/3/SLM-принтер 250×250×300 мм; ENG.REVERSE/2/3D-сканирование; IT.CAD/2/Топологическая оптимизация",
      "metal_3d_printing; reverse_engineering", member_years=1, founded=2019, confidential=("staff_size",)),
    O("privodyug", SME, "ООО «Привод-Юг»", "Privod-Yug LLC", VLG, "Волгоград", "ул. Электролесовская, 45", 80,
      "Производим и ремонтируем редукторы, муфты и приводы для конвейеров, мешалок и насосных агрегатов.",
      "We make and repair gearboxes, couplings and drives for conveyors, agitators and pump sets.",
      "MACH.GEAR/3/Цилиндрические и червячные редукторы; METAL.TURN/2/Зубообработка; MACH.REPAIR/2/Ремонт редукторов "
      "любых марок",
      "gear_reducer; worm_reducer; couplings; gearbox_repair; hydraulic_cylinders; belt_conveyors; screw_conveyors", certifications="ISO 9001:2015", member_years=2, founded=2006),
    O("nasosservis", SME, "ООО «НасосПромСервис»", "NasosPromService LLC", VLG, "Волгоград", "ул. Промысловая, 23", 52,
      "Ремонтируем насосы и компрессоры, изготавливаем запчасти и торцевые уплотнения, поставляем насосы-дозаторы.",
      "We overhaul pumps and compressors, make spare parts and mechanical seals, and supply metering pumps.",
      "MACH.PUMP/3/Насосы-дозаторы и центробежные насосы; MACH.REPAIR/3/Стенд испытания насосов; "
      "METAL.TURN/1/Изготовление валов и втулок",
      "pump_repair; pump_parts; mech_seals; dosing_pumps", member_years=3, founded=2008),
)

COMPOSITES = (
    O("kompozityug", SME, "ООО «Композит-Юг»", "Kompozit-Yug LLC", ROS, "Таганрог", "ул. Поляковское шоссе, 16", 70,
      "Пултрузионные профили, стеклокомпозитная арматура и композитные опоры освещения. "
      "Рассчитываем конструкции из композитов и сопровождаем их применение на объектах.",
      "Pultruded profiles, GFRP rebar and composite lighting poles; we design composite structures and support their "
      "use on site.",
      "COMP.PULTR/3/Четыре линии пултрузии; COMP.REBAR/3/Арматура АСК Ø4–32 мм; COMP.GFRP/2/Расчёт конструкций",
      "gfrp_rebar; pultruded_profiles; composite_poles", certifications="ISO 9001:2015", member_years=2, founded=2013),
    O("steklokomp", SME, "ООО «СтеклоКомпозит»", "StekloKompozit LLC", STV, "Невинномысск", "ул. Шоссейная, 5", 48,
      "Изготавливаем химстойкие ёмкости, трубы и газоходы из стеклопластика методом намотки для химических "
      "производств.",
      "We produce chemical-resistant GRP tanks, pipes and flue ducts by filament winding for chemical plants.",
      "COMP.GFRP/3/Намотка ёмкостей до 100 м³; COMP.PULTR/2/Намоточные станки с ЧПУ; MACH.VESSEL/1/Ёмкости для кислот",
      "grp_tanks; grp_pipes", member_years=2, founded=2011),
    O("carbontech", SME, "ООО «КарбонТех»", "CarbonTech LLC", STV, "Ставрополь", "ул. Мира, 264", 22,
      "Изготавливаем детали из углепластика вакуумной инфузией и в автоклаве, подбираем связующие под задачу.",
      "We make carbon-fibre parts by vacuum infusion and autoclave curing and select binders for the task.",
      "COMP.CFRP/3/Автоклав Ø1,5×3 м; COMP.INFUS/3/Вакуумная инфузия; ENG.DESIGN/1/Проектирование оснастки",
      "cfrp_parts; epoxy_binder", status="applied", founded=2020),
)

EQUIPMENT_AND_IT = (
    O("himmash", SME, "ООО «ХимМашСервис»", "KhimMashService LLC", STV, "Невинномысск", "ул. Водопроводная, 360", 160,
      "Монтаж, ремонт и техническое обслуживание оборудования химических производств: насосы, арматура, "
      "ёмкости и трубопроводы. Работаем на площадках азотного комбината более 15 лет.",
      "Installation, repair and maintenance of chemical plant equipment: pumps, valves, vessels and piping. "
      "We have worked on the nitrogen plant's sites for over 15 years.",
      "MACH.REPAIR/3/Ремонтные бригады на площадке заказчика; MACH.CHEMEQ/2/Ремонт теплообменников; "
      "METAL.WELD/2/Сварка трубопроводов; "
      "ENG.SAFETY/1/Подготовка к ЭПБ",
      "equipment_installation; pump_repair; valve_parts; liquid_filters; centrifugal_pumps; plate_hx; piston_compressors", certifications="ISO 9001:2015; ISO 45001:2018",
      member_years=4, founded=2006),
    O("kavavtomatika", SME, "ООО «Кавказ-Автоматика»", "Kavkaz-Avtomatika LLC", STV, "Ставрополь", "ул. 50 лет ВЛКСМ, 93", 75,
      "Системный интегратор АСУ ТП: проектируем, собираем шкафы управления на отечественных ПЛК, монтируем КИПиА и "
      "выполняем пусконаладку.",
      "A process control systems integrator: we design and build control cabinets on Russian PLCs, install "
      "instrumentation "
      "and commission the systems.",
      "INSTR.CTRL/3/АСУ ТП на отечественных ПЛК; INSTR.ELEC/3/Сборка НКУ; INSTR.DRIVE/2/Частотное регулирование; "
      "IT.MES/1/Интеграция с MES",
      "control_cabinets; plc_controllers; vfd; kip_installation; pressure_transmitters; flow_meters; radar_level; thermocouples; positioners; weigh_dosers", certifications="ISO 9001:2015",
      member_years=4, founded=2007),
    O("analitpribor", SME, "ООО «Аналитприбор-Юг»", "Analitpribor-Yug LLC", KRD, "Краснодар", "ул. Ставропольская, 149", 40,
      "Поставляем и обслуживаем аналитическое оборудование: газоанализаторы, потоковые хроматографы, "
      "ИК-спектрометры и анализаторы жидкостей.",
      "We supply and service analytical equipment: gas detectors, process chromatographs, IR spectrometers and "
      "liquid analysers.",
      "INSTR.ANALYT/3/Сервисный центр аналитических приборов; INSTR.SENS/2/Газоаналитические системы; "
      "RND.METRO/1/Подготовка к поверке",
      "gas_detectors; ph_analyzers; process_gc; ftir; instrument_repair; analytical_balances; tensile_machines", member_years=2, founded=2010),
    O("termoplastmash", SME, "ООО «Термопласт-Машинери»", "Termoplast Machinery LLC", ROS, "Ростов-на-Дону", "ул. Доватора, 144", 35,
      "Сервис и модернизация оборудования для переработки пластмасс: экструзионные линии, ТПА, шнековые пары.",
      "Service and upgrade of plastics processing machinery: extrusion lines, moulding machines and screw-barrel sets.",
      "MACH.PLASTEQ/3/Экструзионные линии под ключ; MACH.REPAIR/2/Выездной сервис; METAL.TURN/1/Изготовление шнеков",
      "extrusion_lines; screw_barrels; plastics_machine_repair; plastics_line_installation", member_years=1, founded=2012),
    O("robosys", SME, "ООО «Робототехнические системы»", "Robotic Systems LLC", STV, "Ставрополь", "ул. Лермонтова, 191", 26,
      "Внедряем промышленных роботов: паллетирование мешков, роботизированная сварка, загрузка станков.",
      "We deploy industrial robots: bag palletising, robotic welding and machine tending.",
      "MACH.ROBOT/3/Интеграция роботов 6–180 кг; INSTR.CTRL/2/Системы безопасности ячеек; "
      "IT.SOFT/1/Офлайн-программирование",
      "palletizing_robots; welding_cells; robot_installation; filling_lines", member_years=1, founded=2018),
    O("elektroprom", SME, "ООО «ЭлектроПромСервис»", "ElektroPromService LLC", STV, "Ставрополь", "ул. Заводская, 7", 58,
      "Ремонт электродвигателей и трансформаторов, поставка взрывозащищённых двигателей и распределительных "
      "устройств 6–10 кВ.",
      "Repair of electric motors and transformers, supply of explosion-proof motors and 6–10 kV switchgear.",
      "INSTR.ELEC/2/КРУ 6–10 кВ; MACH.REPAIR/2/Перемотка двигателей до 1 МВт; INSTR.DRIVE/2/Взрывозащищённые приводы",
      "motor_repair; ex_motors; mv_switchgear", member_years=2, founded=2009),
    O("indasoft", SME, "ООО «ИндаСофт-Кавказ»", "IndaSoft Caucasus LLC", STV, "Ставрополь", "ул. Маршала Жукова, 42", 64,
      "Разрабатываем и внедряем MES «ПромКонтур», SCADA и системы учёта для химических и машиностроительных "
      "предприятий.",
      "We develop and deploy the PromKontur MES, SCADA and accounting systems for chemical and engineering plants.",
      "IT.MES/3/Собственная MES-платформа; IT.SOFT/3/Команда 40 разработчиков; INSTR.CTRL/2/Интеграция с ПЛК",
      "mes_license; scada_integration; it_support; user_training_it; custom_software",
      certifications="ISO 9001:2015; ISO/IEC 27001:2013", member_years=3, founded=2011),
    O("datalab", SME, "ООО «ДатаЛаб Юг»", "DataLab South LLC", STV, "Пятигорск", "пр. Калинина, 9", 28,
      "Аналитика промышленных данных: предиктивное обслуживание, оптимизация режимов, облачный мониторинг "
      "оборудования.",
      "Industrial data analytics: predictive maintenance, operating-mode optimisation and cloud equipment monitoring.",
      "IT.DATA/3/Модели ML для техпроцессов; IT.IIOT/3/Облачная платформа мониторинга; IT.SOFT/2/Веб-разработка",
      "process_analytics; iiot_saas; ml_rnd; custom_software; vibration_monitoring", member_years=1, founded=2019),
    O("cifring", SME, "ООО «Цифровой инжиниринг»", "Digital Engineering LLC", STV, "Ставрополь", "ул. Ломоносова, 25", 31,
      "Инженерные расчёты и цифровые двойники оборудования: прочность, теплообмен, гидродинамика.",
      "Engineering simulation and digital twins of equipment: strength, heat transfer and fluid dynamics.",
      "IT.CAD/3/Расчёты в ANSYS и отечественных САЕ; ENG.DESIGN/2/3D-моделирование; ENG.REVERSE/2/Обмеры и "
      "сканирование",
      "cae_analysis; reverse_engineering; it_architecture", member_years=2, founded=2016),
    O("kibershield", SME, "ООО «КиберЩит»", "KiberShchit LLC", KRD, "Краснодар", "ул. Красная, 176", 24,
      "Информационная безопасность промышленных объектов: категорирование КИИ, защита АСУ ТП, аудит сетей.",
      "Industrial cybersecurity: CII categorisation, OT protection and network audits.",
      "IT.SEC/3/Лицензии ФСТЭК; IT.INFRA/2/Размещение в ЦОД", "ot_security; it_audit; datacenter_hosting",
      status="none", founded=2017),
)

ALL = METALWORKING + COMPOSITES + EQUIPMENT_AND_IT
