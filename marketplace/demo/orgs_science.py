"""Demo organizations: universities, research institutes, testing, engineering, logistics, ecology, public bodies."""

from __future__ import annotations

from .records import OTHER, PUBLIC, RESEARCH, SME, UNIVERSITY, O

STV, KRD, ROS = "Ставропольский край", "Краснодарский край", "Ростовская область"

EDUCATION = (
    O(
        "sktu",
        UNIVERSITY,
        "ФГБОУ ВО «Северо-Кавказский технологический университет»",
        "North Caucasus University of Technology",
        STV,
        "Ставрополь",
        "пр. Кулакова, 2",
        2400,
        "Ведущий технический университет края: химическая технология, машиностроение, информатика. "
        "Центр коллективного пользования «Аналитика и материалы» открыт для предприятий кластера: хроматография, "
        "спектрометрия, электронная микроскопия, механические испытания и учебно-производственный участок с ЧПУ.",
        "The region's leading technical university in chemical technology, mechanical engineering and computing. "
        'Its shared-use centre "Analytics and Materials" is open to cluster companies: chromatography, spectrometry, '
        "electron microscopy, mechanical testing and a CNC teaching workshop.",
        "EDU.HIGHER/3/Бакалавриат, магистратура, аспирантура; RND.CHEMLAB/3/ЦКП: ГХ-МС, ВЭЖХ, ИСП-ОЭС; "
        "RND.MATSCI/3/СЭМ, рентгенофазовый анализ; "
        "RND.MECH/2/Испытания на растяжение и удар; METAL.5AX/2/Учебно-производственный участок с ЧПУ; "
        "IT.DATA/2/Кафедра анализа данных",
        "chem_analysis; mech_testing; lab_rental; machine_time_rental; master_polymers; cpd_chem_engineers; "
        "bachelor_targeted; phd_training",
        certifications="Аттестат аккредитации испытательной лаборатории (ГОСТ ISO/IEC 17025-2019); Государственная аккредитация образовательной деятельности",
        capacity="ЦКП «Аналитика и материалы»: 42 единицы оборудования, 18 инженеров; 14 000 студентов.",
        member_years=5,
        founded=1992,
    ),
    O(
        "nhti",
        UNIVERSITY,
        "ФГБОУ ВО «Невинномысский государственный химико-технологический институт»",
        "Nevinnomyssk State Institute of Chemical Technology",
        STV,
        "Невинномысск",
        "ул. Гагарина, 1",
        420,
        "Готовим технологов для химических производств и проводим прикладные исследования: пилотные установки "
        "синтеза, полимерная лаборатория, масштабирование процессов для предприятий Невинномысска.",
        "We train process engineers for chemical plants and run applied research: pilot synthesis units, a polymer lab "
        "and "
        "process scale-up for Nevinnomyssk companies.",
        "EDU.HIGHER/3/Химическая технология; RND.PILOT/3/Пилотные реакторы 10–250 л; CHEM.FERT.N/2/Исследования "
        "катализа синтеза аммиака; "
        "CHEM.POLY.RESIN/2/Лабораторный синтез полимеров; RND.POLYTEST/2/Реометрия и термический анализ",
        "pilot_scaleup; chem_rnd; polymer_testing; lab_rental; cpd_chem_engineers",
        member_years=5,
        founded=1994,
    ),
    O(
        "dgiu",
        UNIVERSITY,
        "ФГБОУ ВО «Донской государственный инженерный университет»",
        "Don State Engineering University",
        ROS,
        "Ростов-на-Дону",
        "пл. Гагарина, 3",
        3100,
        "Инженерный университет с испытательным центром: климатические камеры, координатно-измерительные машины, "
        "аддитивные установки и пятиосевые центры. Выполняем НИОКР и испытания по заказам промышленности.",
        "An engineering university with a test centre: climatic chambers, coordinate measuring machines, additive "
        "systems and "
        "5-axis centres. We carry out R&D and testing for industry.",
        "EDU.HIGHER/3/Машиностроение и материаловедение; RND.METRO/3/КИМ и 3D-сканирование; "
        "RND.CLIMATE/3/Климатические и коррозионные камеры; "
        "METAL.ADD/2/SLM и FDM-печать; RND.NDT/2/Учебный центр НК",
        "climatic_testing; mech_testing; instrument_rental; machine_time_rental; materials_rnd; bachelor_targeted",
        certifications="Аттестат аккредитации испытательного центра (ГОСТ ISO/IEC 17025-2019)",
        member_years=2,
        founded=1992,
    ),
    O(
        "statu",
        UNIVERSITY,
        "ФГБОУ ВО «Ставропольский аграрно-технологический университет»",
        "Stavropol Agrarian Technological University",
        STV,
        "Ставрополь",
        "пер. Зоотехнический, 12",
        1900,
        "Агрохимическая лаборатория и опытные поля: испытываем удобрения и средства защиты растений, "
        "анализируем почвы и растительную продукцию.",
        "An agrochemical laboratory and experimental fields: we test fertilizers and crop protection products and "
        "analyse soils and crops.",
        "EDU.HIGHER/3/Агрохимия и агропочвоведение; CHEM.FERT.SPEC/2/Испытания удобрений; RND.CHEMLAB/2/Анализ почв и "
        "растений; "
        "ECO.MONITOR/2/Мониторинг почв",
        "agro_trials; chem_analysis; phd_training",
        member_years=3,
        founded=1992,
    ),
    O(
        "sckht",
        UNIVERSITY,
        "ГБПОУ «Ставропольский колледж химических технологий»",
        "Stavropol College of Chemical Technologies",
        STV,
        "Невинномысск",
        "ул. Менделеева, 5",
        160,
        "Готовим операторов химических установок, лаборантов и станочников с ЧПУ в дуальной модели с предприятиями "
        "кластера.",
        "We train chemical plant operators, lab technicians and CNC operators in a dual model with cluster companies.",
        "EDU.VOC/3/Среднее профессиональное образование; EDU.CORP/2/Программы под заказ предприятий",
        "vet_operators; vocational_cnc",
        member_years=3,
        founded=1996,
    ),
    O(
        "promkadry",
        OTHER,
        "ЧУ ДПО «Учебный центр «Промкадры»",
        "Promkadry Training Centre",
        STV,
        "Ставрополь",
        "ул. Дзержинского, 158",
        25,
        "Повышение квалификации и профессиональное обучение для промышленных предприятий: промышленная безопасность, "
        "программирование ПЛК, рабочие профессии.",
        "Continuing education and vocational training for industry: industrial safety, PLC programming and trades.",
        "EDU.CPD/3/Программы 16–256 ч; EDU.CORP/3/Корпоративные программы; ENG.SAFETY/2/Подготовка к аттестации "
        "Ростехнадзора",
        "cpd_chem_engineers; it_courses; vocational_cnc",
        member_years=1,
        founded=2012,
    ),
)

RESEARCH_AND_TESTING = (
    O(
        "polymeryug",
        RESEARCH,
        "АО «НИИ полимерных материалов «Полимер-Юг»",
        "Polymer-Yug Research Institute of Polymer Materials JSC",
        STV,
        "Будённовск",
        "ул. Заводская, 11",
        210,
        "Разрабатываем марки полимеров и катализаторы, испытываем полимерные материалы и изделия. "
        "Выдаём исходные данные для проектирования новых производств.",
        "We develop polymer grades and catalysts, test polymer materials and products, and issue basic engineering "
        "data for new plants.",
        "RND.POLYTEST/3/Аккредитованная лаборатория полимеров; CHEM.POLY.RESIN/3/Разработка марок ПЭ и ПП; "
        "PETRO.CATAL/2/Катализаторы дегидрирования; "
        "RND.PILOT/2/Пилотная установка полимеризации",
        "polymer_testing; nano_research; chem_rnd; process_package; catalyst_petchem",
        certifications="ГОСТ ISO/IEC 17025-2019; ISO 9001:2015",
        member_years=4,
        founded=2001,
    ),
    O(
        "sintez",
        RESEARCH,
        "АО «НИИ химической технологии «Синтез»",
        "Sintez Research Institute of Chemical Technology JSC",
        STV,
        "Ставрополь",
        "ул. Пирогова, 15",
        180,
        "Прикладной институт органического синтеза и лакокрасочных материалов: разработка рецептур, пилотные "
        "наработки и ускоренные испытания покрытий.",
        "An applied institute for organic synthesis and coatings: formulation, pilot batches and accelerated coating "
        "tests.",
        "RND.FORMUL/3/Рецептуры ЛКМ и клеёв; RND.PILOT/3/Пилотный участок 250 л; CHEM.ORG/3/Тонкий органический синтез; "
        "CHEM.PAINT.IND/2/Антикоррозионные системы",
        "chem_rnd; pilot_scaleup; process_package; coating_testing",
        member_years=3,
        founded=1999,
    ),
    O(
        "materialscience",
        RESEARCH,
        "ФГБНУ «Северо-Кавказский научный центр материаловедения»",
        "North Caucasus Materials Science Centre",
        "Кабардино-Балкарская Республика",
        "Нальчик",
        "ул. Чернышевского, 173",
        140,
        "Исследуем структуру и свойства металлов, покрытий и наноматериалов, разрабатываем износостойкие покрытия.",
        "We study the structure and properties of metals, coatings and nanomaterials and develop wear-resistant "
        "coatings.",
        "RND.MATSCI/3/Микроструктурный анализ; RND.MECH/2/Трибологические испытания; METAL.COAT/2/Разработка покрытий",
        "materials_rnd; nano_research; mech_testing",
        member_years=2,
        founded=1998,
    ),
    O(
        "himtest",
        SME,
        "АО «Испытательный центр «Химтест-Юг»",
        "Khimtest-Yug Testing Centre JSC",
        STV,
        "Невинномысск",
        "ул. Калинина, 147",
        65,
        "Независимая аккредитованная лаборатория: анализ химической продукции, полимеров и покрытий, производственный "
        "экологический контроль, сопровождение сертификации.",
        "An independent accredited laboratory: analysis of chemical products, polymers and coatings, industrial "
        "environmental "
        "monitoring and certification support.",
        "RND.CHEMLAB/3/ГХ, ВЭЖХ, ИСП-ОЭС, титриметрия; RND.POLYTEST/3/Испытания полимеров; RND.CLIMATE/2/Камера "
        "солевого тумана; "
        "ECO.MONITOR/2/Отбор проб выбросов; RND.CERT/2/Протоколы для сертификации",
        "chem_analysis; polymer_testing; coating_testing; emission_control; certification",
        certifications="ГОСТ ISO/IEC 17025-2019 (аттестат аккредитации); ISO 9001:2015",
        member_years=4,
        founded=2004,
    ),
    O(
        "etalon",
        SME,
        "ООО «Центр метрологии и калибровки «Эталон-Кавказ»",
        "Etalon-Kavkaz Metrology and Calibration Centre LLC",
        STV,
        "Ставрополь",
        "ул. Южный обход, 55",
        30,
        "Калибровка средств измерений давления, температуры, массы и электрических величин, ремонт и аренда КИП.",
        "Calibration of pressure, temperature, mass and electrical instruments; instrument repair and rental.",
        "RND.METRO/3/Калибровочная лаборатория; INSTR.SENS/1/Ремонт датчиков",
        "calibration; instrument_repair; instrument_rental; ut_gauges; thread_gauges",
        certifications="ГОСТ ISO/IEC 17025-2019",
        member_years=2,
        founded=2013,
    ),
    O(
        "yuzhstandart",
        SME,
        "ООО «Сертификационный центр «Южный стандарт»",
        "Yuzhny Standart Certification Centre LLC",
        ROS,
        "Ростов-на-Дону",
        "ул. Большая Садовая, 102",
        20,
        "Оформление сертификатов и деклараций ТР ТС, неразрушающий контроль сварных соединений.",
        "EAEU certificates and declarations, non-destructive testing of welds.",
        "RND.CERT/3/Декларирование по ТР ТС; RND.NDT/2/УЗК и ВИК",
        "certification; ndt_services",
        status="rejected",
        founded=2018,
    ),
)

SERVICES = (
    O(
        "nhproekt",
        SME,
        "ООО «Нефтехимпроект-Юг»",
        "Neftekhimproekt-Yug LLC",
        KRD,
        "Краснодар",
        "ул. Кубанская Набережная, 39",
        140,
        "Проектный институт: проектируем установки нефтепереработки и нефтехимии, объекты удобрений и переработки "
        "отходов "
        "от исходных данных до рабочей документации.",
        "A design institute for refining, petrochemical, fertilizer and waste processing facilities, from basic data "
        "to detailed design.",
        "ENG.PROC/3/Технологические решения и 3D-модели; ENG.EPC/2/Управление проектами; ENG.DESIGN/2/Строительные и "
        "механические разделы; "
        "INSTR.CTRL/1/Разделы АСУ ТП",
        "process_design; power_design; waste_plant_design",
        certifications="ISO 9001:2015; Свидетельство СРО",
        member_years=3,
        founded=2003,
    ),
    O(
        "konstruktor",
        SME,
        "ООО «Инженерное бюро «Конструктор»",
        "Konstruktor Engineering Bureau LLC",
        STV,
        "Ставрополь",
        "ул. Артёма, 35",
        24,
        "Конструкторская документация, промышленный дизайн и расчёты для малых производств и стартапов.",
        "Design documentation, industrial design and calculations for small manufacturers and start-ups.",
        "ENG.DESIGN/3/Комплекты КД по ЕСКД; ENG.INDDES/2/Дизайн корпусов и упаковки; ENG.REVERSE/2/Обмеры по образцу",
        "reverse_engineering; industrial_design; cae_analysis",
        member_years=2,
        founded=2015,
    ),
    O(
        "prombez",
        SME,
        "ООО «ПромБезопасность-Эксперт»",
        "PromBezopasnost-Expert LLC",
        STV,
        "Ставрополь",
        "ул. Голенева, 21",
        18,
        "Экспертиза промышленной безопасности и неразрушающий контроль на опасных производственных объектах.",
        "Industrial safety expertise and non-destructive testing at hazardous production facilities.",
        "ENG.SAFETY/3/Эксперты 1–3 категорий; RND.NDT/2/Лаборатория НК",
        "safety_expertise; ndt_services",
        status="none",
        founded=2010,
    ),
    O(
        "himtrans",
        SME,
        "ООО «ХимТрансЛогистик»",
        "KhimTransLogistik LLC",
        STV,
        "Невинномысск",
        "ул. Линейная, 12",
        120,
        "Перевозим химические и опасные грузы автотранспортом и организуем ж/д перевозки в цистернах, храним кислоты и "
        "КАС.",
        "We carry chemical and dangerous goods by road, organise rail tank-car shipments and store acids and UAN.",
        "LOG.ROAD/3/Парк 85 единиц, ДОПОГ; LOG.TANK/3/Цистерны из нержавеющей стали; LOG.RAIL/2/Экспедирование ж/д "
        "перевозок",
        "chem_trucking; fuel_trucking; bulk_trucking; rail_tank_transport; chem_storage",
        certifications="ISO 9001:2015",
        member_years=3,
        founded=2008,
        confidential=("capacity",),
        capacity="85 автоцистерн и самосвалов; склад кислот 4 000 м³.",
    ),
    O(
        "terminalyug",
        SME,
        "ООО «Терминал Юг»",
        "Terminal Yug LLC",
        KRD,
        "Новороссийск",
        "ул. Сухумское шоссе, 48",
        85,
        "Нефтеналивной и химический терминал с ж/д приёмом, хранением и контейнерной логистикой до порта.",
        "An oil and chemical terminal with rail reception, storage and container logistics to the port.",
        "LOG.TANK/3/Резервуары 60 тыс. м³; LOG.WARE/3/Склад 12 тыс. м²; LOG.ROAD/1/Контейнерные перевозки",
        "oil_storage; chem_storage; container_trucking; warehousing",
        status="none",
        founded=2006,
    ),
    O(
        "himopt",
        SME,
        "ООО «ТД «ХимОпт-Кавказ»",
        "KhimOpt-Kavkaz Trading House LLC",
        STV,
        "Ставрополь",
        "ул. Производственная, 17",
        45,
        "Оптовые поставки химического сырья, полимеров, удобрений и ЛКМ производителей кластера со склада в Ставрополе.",
        "Wholesale of chemical raw materials, polymers, fertilizers and paints from cluster producers, from our "
        "Stavropol warehouse.",
        "LOG.TRADE/3/Дистрибуция 1 500 позиций; LOG.WARE/2/Склад 6 000 м²",
        "chem_wholesale; polymer_wholesale; fert_wholesale; paint_wholesale; cleaning_wholesale; sles; glycerol; "
        "glass_roving; glass_mat",
        member_years=2,
        founded=2005,
    ),
    O(
        "ecovodteh",
        SME,
        "ООО «ЭкоВодТех»",
        "EcoVodTekh LLC",
        STV,
        "Кисловодск",
        "ул. Промышленная, 6",
        38,
        "Проектируем и поставляем станции водоподготовки и очистки промышленных стоков, оформляем экологическую "
        "документацию.",
        "We design and supply water treatment and industrial effluent plants and prepare environmental permits.",
        "ECO.WATER/3/Блочно-модульные очистные; MACH.CHEMEQ/1/Изготовление ёмкостей; ENG.PROC/1/Технологические схемы",
        "water_plants; industrial_water_filters; env_documentation",
        member_years=2,
        founded=2012,
    ),
    O(
        "energoaudit",
        SME,
        "ООО «ЭнергоАудит-Юг»",
        "EnergoAudit-Yug LLC",
        STV,
        "Ставрополь",
        "ул. Октябрьская, 184",
        16,
        "Энергетические обследования промышленных предприятий и консультации по энергосбережению.",
        "Energy audits of industrial plants and energy saving consulting.",
        "ECO.AUDIT/3/Инструментальные обследования; INSTR.METER/2/Системы учёта энергоресурсов",
        "energy_audit; energy_consulting",
        member_years=1,
        founded=2011,
    ),
    O(
        "promeco",
        SME,
        "ООО «ПромЭкология»",
        "PromEkologiya LLC",
        STV,
        "Невинномысск",
        "ул. Северная, 3",
        55,
        "Сбор, транспортирование и обезвреживание промышленных отходов, газоочистное оборудование, закупка лома.",
        "Collection, transport and treatment of industrial waste, gas cleaning equipment and scrap purchasing.",
        "ECO.WASTE/3/Лицензия I–IV классов; ECO.AIR/2/Скрубберы и фильтры; ECO.MONITOR/2/Инвентаризация выбросов",
        "hazwaste_collection; waste_processing; env_documentation; scrap_wholesale; gas_scrubbers; cyclones",
        member_years=3,
        founded=2009,
    ),
)

PUBLIC_BODIES = (
    O(
        "ckr",
        PUBLIC,
        "АНО «Центр кластерного развития Ставропольского края»",
        "Stavropol Territory Cluster Development Centre",
        STV,
        "Ставрополь",
        "ул. Ленина, 384",
        14,
        "Специализированная организация химического кластера: ведём портал, формируем совместные проекты и консорциумы "
        "участников, организуем биржи контактов и сопровождаем получение мер государственной поддержки.",
        "The specialised organisation of the chemical cluster: we run the portal, assemble joint projects and "
        "consortia of members, "
        "organise brokerage events and help members obtain state support.",
        "ENG.EPC/2/Сопровождение совместных проектов; EDU.CPD/1/Семинары для участников",
        "tech_translation",
        member_years=5,
        founded=2019,
    ),
    O(
        "fondprom",
        PUBLIC,
        "Фонд развития промышленности Ставропольского края",
        "Stavropol Territory Industrial Development Fund",
        STV,
        "Ставрополь",
        "ул. Лермонтова, 189",
        22,
        "Льготные займы на модернизацию производств и импортозамещение для предприятий края; экспертиза проектов "
        "кластера.",
        "Soft loans for plant modernisation and import substitution in the region; appraisal of cluster projects.",
        "ENG.EPC/1/Экспертиза инвестиционных проектов",
        member_years=4,
        founded=2015,
    ),
)

ALL = EDUCATION + RESEARCH_AND_TESTING + SERVICES + PUBLIC_BODIES
