"""Demo organizations: universities, research institutes, testing, engineering, logistics, ecology, public bodies."""

from __future__ import annotations

from .records import OTHER, PUBLIC, RESEARCH, SME, UNIVERSITY, org

STV, KRD, ROS = "Ставропольский край", "Краснодарский край", "Ростовская область"

EDUCATION = (
    org(
        key="sktu",
        kind=UNIVERSITY,
        name_ru="ФГБОУ ВО «Северо-Кавказский технологический университет»",
        name_en="North Caucasus University of Technology",
        region=STV,
        city="Ставрополь",
        address="пр. Кулакова, 2",
        staff_size=2400,
        description_ru="Ведущий технический университет края: химическая технология, машиностроение, информатика. "
        "Центр коллективного пользования «Аналитика и материалы» открыт для предприятий кластера: хроматография, "
        "спектрометрия, электронная микроскопия, механические испытания и учебно-производственный участок с ЧПУ.",
        description_en="The region's leading technical university in chemical technology, mechanical engineering and "
        "computing. "
        'Its shared-use centre "Analytics and Materials" is open to cluster companies: chromatography, spectrometry, '
        "electron microscopy, mechanical testing and a CNC teaching workshop.",
        competencies="EDU.HIGHER/3/Бакалавриат, магистратура, аспирантура; "
        "RND.CHEMLAB/3/ЦКП: ГХ-МС, ВЭЖХ, ИСП-ОЭС; "
        "RND.MATSCI/3/СЭМ, рентгенофазовый анализ; "
        "RND.MECH/2/Испытания на растяжение и удар; "
        "METAL.5AX/2/Учебно-производственный участок с ЧПУ; "
        "IT.DATA/2/Кафедра анализа данных",
        products="chem_analysis; mech_testing; lab_rental; machine_time_rental; master_polymers; cpd_chem_engineers; "
        "bachelor_targeted; phd_training",
        certifications="Аттестат аккредитации испытательной лаборатории (ГОСТ ISO/IEC 17025-2019); "
        "Государственная аккредитация образовательной деятельности",
        capacity="ЦКП «Аналитика и материалы»: 42 единицы оборудования, 18 инженеров; 14 000 студентов.",
        member_years=5,
        founded=1992,
    ),
    org(
        key="nhti",
        kind=UNIVERSITY,
        name_ru="ФГБОУ ВО «Невинномысский государственный химико-технологический институт»",
        name_en="Nevinnomyssk State Institute of Chemical Technology",
        region=STV,
        city="Невинномысск",
        address="ул. Гагарина, 1",
        staff_size=420,
        description_ru="Готовим технологов для химических производств и проводим прикладные исследования: пилотные "
        "установки синтеза, полимерная лаборатория, масштабирование процессов для предприятий Невинномысска.",
        description_en="We train process engineers for chemical plants and run applied research: pilot synthesis "
        "units, a polymer lab and process scale-up for Nevinnomyssk companies.",
        competencies="EDU.HIGHER/3/Химическая технология; "
        "RND.PILOT/3/Пилотные реакторы 10–250 л; "
        "CHEM.FERT.N/2/Исследования катализа синтеза аммиака; "
        "CHEM.POLY.RESIN/2/Лабораторный синтез полимеров; "
        "RND.POLYTEST/2/Реометрия и термический анализ",
        products="pilot_scaleup; chem_rnd; polymer_testing; lab_rental; cpd_chem_engineers",
        member_years=5,
        founded=1994,
    ),
    org(
        key="dgiu",
        kind=UNIVERSITY,
        name_ru="ФГБОУ ВО «Донской государственный инженерный университет»",
        name_en="Don State Engineering University",
        region=ROS,
        city="Ростов-на-Дону",
        address="пл. Гагарина, 3",
        staff_size=3100,
        description_ru="Инженерный университет с испытательным центром: климатические камеры, "
        "координатно-измерительные машины, аддитивные установки и пятиосевые центры. Выполняем НИОКР и испытания по "
        "заказам промышленности.",
        description_en="An engineering university with a test centre: climatic chambers, coordinate measuring "
        "machines, additive systems and 5-axis centres. We carry out R&D and testing for industry.",
        competencies="EDU.HIGHER/3/Машиностроение и материаловедение; "
        "RND.METRO/3/КИМ и 3D-сканирование; "
        "RND.CLIMATE/3/Климатические и коррозионные камеры; "
        "METAL.ADD/2/SLM и FDM-печать; "
        "RND.NDT/2/Учебный центр НК",
        products="climatic_testing; mech_testing; instrument_rental; machine_time_rental; materials_rnd; "
        "bachelor_targeted",
        certifications="Аттестат аккредитации испытательного центра (ГОСТ ISO/IEC 17025-2019)",
        member_years=2,
        founded=1992,
    ),
    org(
        key="statu",
        kind=UNIVERSITY,
        name_ru="ФГБОУ ВО «Ставропольский аграрно-технологический университет»",
        name_en="Stavropol Agrarian Technological University",
        region=STV,
        city="Ставрополь",
        address="пер. Зоотехнический, 12",
        staff_size=1900,
        description_ru="Агрохимическая лаборатория и опытные поля: испытываем удобрения и средства защиты растений, "
        "анализируем почвы и растительную продукцию.",
        description_en="An agrochemical laboratory and experimental fields: we test fertilizers and crop protection "
        "products and analyse soils and crops.",
        competencies="EDU.HIGHER/3/Агрохимия и агропочвоведение; "
        "CHEM.FERT.SPEC/2/Испытания удобрений; "
        "RND.CHEMLAB/2/Анализ почв и растений; "
        "ECO.MONITOR/2/Мониторинг почв",
        products="agro_trials; chem_analysis; phd_training",
        member_years=3,
        founded=1992,
    ),
    org(
        key="sckht",
        kind=UNIVERSITY,
        name_ru="ГБПОУ «Ставропольский колледж химических технологий»",
        name_en="Stavropol College of Chemical Technologies",
        region=STV,
        city="Невинномысск",
        address="ул. Менделеева, 5",
        staff_size=160,
        description_ru="Готовим операторов химических установок, лаборантов и станочников с ЧПУ в дуальной модели с "
        "предприятиями кластера.",
        description_en="We train chemical plant operators, lab technicians and CNC operators in a dual model with "
        "cluster companies.",
        competencies="EDU.VOC/3/Среднее профессиональное образование; EDU.CORP/2/Программы под заказ предприятий",
        products="vet_operators; vocational_cnc",
        member_years=3,
        founded=1996,
    ),
    org(
        key="promkadry",
        kind=OTHER,
        name_ru="ЧУ ДПО «Учебный центр «Промкадры»",
        name_en="Promkadry Training Centre",
        region=STV,
        city="Ставрополь",
        address="ул. Дзержинского, 158",
        staff_size=25,
        description_ru="Повышение квалификации и профессиональное обучение для промышленных предприятий: промышленная "
        "безопасность, программирование ПЛК, рабочие профессии.",
        description_en="Continuing education and vocational training for industry: industrial safety, PLC programming "
        "and trades.",
        competencies="EDU.CPD/3/Программы 16–256 ч; "
        "EDU.CORP/3/Корпоративные программы; "
        "ENG.SAFETY/2/Подготовка к аттестации Ростехнадзора",
        products="cpd_chem_engineers; it_courses; vocational_cnc",
        member_years=1,
        founded=2012,
    ),
)

RESEARCH_AND_TESTING = (
    org(
        key="polymeryug",
        kind=RESEARCH,
        name_ru="АО «НИИ полимерных материалов «Полимер-Юг»",
        name_en="Polymer-Yug Research Institute of Polymer Materials JSC",
        region=STV,
        city="Будённовск",
        address="ул. Заводская, 11",
        staff_size=210,
        description_ru="Разрабатываем марки полимеров и катализаторы, испытываем полимерные материалы и изделия. "
        "Выдаём исходные данные для проектирования новых производств.",
        description_en="We develop polymer grades and catalysts, test polymer materials and products, and issue basic "
        "engineering data for new plants.",
        competencies="RND.POLYTEST/3/Аккредитованная лаборатория полимеров; "
        "CHEM.POLY.RESIN/3/Разработка марок ПЭ и ПП; "
        "PETRO.CATAL/2/Катализаторы дегидрирования; "
        "RND.PILOT/2/Пилотная установка полимеризации",
        products="polymer_testing; nano_research; chem_rnd; process_package; catalyst_petchem",
        certifications="ГОСТ ISO/IEC 17025-2019; ISO 9001:2015",
        member_years=4,
        founded=2001,
    ),
    org(
        key="sintez",
        kind=RESEARCH,
        name_ru="АО «НИИ химической технологии «Синтез»",
        name_en="Sintez Research Institute of Chemical Technology JSC",
        region=STV,
        city="Ставрополь",
        address="ул. Пирогова, 15",
        staff_size=180,
        description_ru="Прикладной институт органического синтеза и лакокрасочных материалов: разработка рецептур, "
        "пилотные наработки и ускоренные испытания покрытий.",
        description_en="An applied institute for organic synthesis and coatings: formulation, pilot batches and "
        "accelerated coating tests.",
        competencies="RND.FORMUL/3/Рецептуры ЛКМ и клеёв; "
        "RND.PILOT/3/Пилотный участок 250 л; "
        "CHEM.ORG/3/Тонкий органический синтез; "
        "CHEM.PAINT.IND/2/Антикоррозионные системы",
        products="chem_rnd; pilot_scaleup; process_package; coating_testing",
        member_years=3,
        founded=1999,
    ),
    org(
        key="materialscience",
        kind=RESEARCH,
        name_ru="ФГБНУ «Северо-Кавказский научный центр материаловедения»",
        name_en="North Caucasus Materials Science Centre",
        region="Кабардино-Балкарская Республика",
        city="Нальчик",
        address="ул. Чернышевского, 173",
        staff_size=140,
        description_ru="Исследуем структуру и свойства металлов, покрытий и наноматериалов, разрабатываем "
        "износостойкие покрытия.",
        description_en="We study the structure and properties of metals, coatings and nanomaterials and develop "
        "wear-resistant coatings.",
        competencies="RND.MATSCI/3/Микроструктурный анализ; "
        "RND.MECH/2/Трибологические испытания; "
        "METAL.COAT/2/Разработка покрытий",
        products="materials_rnd; nano_research; mech_testing",
        member_years=2,
        founded=1998,
    ),
    org(
        key="himtest",
        kind=SME,
        name_ru="АО «Испытательный центр «Химтест-Юг»",
        name_en="Khimtest-Yug Testing Centre JSC",
        region=STV,
        city="Невинномысск",
        address="ул. Калинина, 147",
        staff_size=65,
        description_ru="Независимая аккредитованная лаборатория: анализ химической продукции, полимеров и покрытий, "
        "производственный экологический контроль, сопровождение сертификации.",
        description_en="An independent accredited laboratory: analysis of chemical products, polymers and coatings, "
        "industrial environmental monitoring and certification support.",
        competencies="RND.CHEMLAB/3/ГХ, ВЭЖХ, ИСП-ОЭС, титриметрия; "
        "RND.POLYTEST/3/Испытания полимеров; "
        "RND.CLIMATE/2/Камера солевого тумана; "
        "ECO.MONITOR/2/Отбор проб выбросов; "
        "RND.CERT/2/Протоколы для сертификации",
        products="chem_analysis; polymer_testing; coating_testing; emission_control; certification",
        certifications="ГОСТ ISO/IEC 17025-2019 (аттестат аккредитации); ISO 9001:2015",
        member_years=4,
        founded=2004,
    ),
    org(
        key="etalon",
        kind=SME,
        name_ru="ООО «Центр метрологии и калибровки «Эталон-Кавказ»",
        name_en="Etalon-Kavkaz Metrology and Calibration Centre LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Южный обход, 55",
        staff_size=30,
        description_ru="Калибровка средств измерений давления, температуры, массы и электрических величин, ремонт и "
        "аренда КИП.",
        description_en="Calibration of pressure, temperature, mass and electrical instruments; instrument repair and "
        "rental.",
        competencies="RND.METRO/3/Калибровочная лаборатория; INSTR.SENS/1/Ремонт датчиков",
        products="calibration; instrument_repair; instrument_rental; ut_gauges; thread_gauges",
        certifications="ГОСТ ISO/IEC 17025-2019",
        member_years=2,
        founded=2013,
    ),
    org(
        key="yuzhstandart",
        kind=SME,
        name_ru="ООО «Сертификационный центр «Южный стандарт»",
        name_en="Yuzhny Standart Certification Centre LLC",
        region=ROS,
        city="Ростов-на-Дону",
        address="ул. Большая Садовая, 102",
        staff_size=20,
        description_ru="Оформление сертификатов и деклараций ТР ТС, неразрушающий контроль сварных соединений.",
        description_en="EAEU certificates and declarations, non-destructive testing of welds.",
        competencies="RND.CERT/3/Декларирование по ТР ТС; RND.NDT/2/УЗК и ВИК",
        products="certification; ndt_services",
        status="rejected",
        founded=2018,
    ),
)

SERVICES = (
    org(
        key="nhproekt",
        kind=SME,
        name_ru="ООО «Нефтехимпроект-Юг»",
        name_en="Neftekhimproekt-Yug LLC",
        region=KRD,
        city="Краснодар",
        address="ул. Кубанская Набережная, 39",
        staff_size=140,
        description_ru="Проектный институт: проектируем установки нефтепереработки и нефтехимии, объекты удобрений и "
        "переработки отходов от исходных данных до рабочей документации.",
        description_en="A design institute for refining, petrochemical, fertilizer and waste processing facilities, "
        "from basic data to detailed design.",
        competencies="ENG.PROC/3/Технологические решения и 3D-модели; "
        "ENG.EPC/2/Управление проектами; "
        "ENG.DESIGN/2/Строительные и механические разделы; "
        "INSTR.CTRL/1/Разделы АСУ ТП",
        products="process_design; power_design; waste_plant_design",
        certifications="ISO 9001:2015; Свидетельство СРО",
        member_years=3,
        founded=2003,
    ),
    org(
        key="konstruktor",
        kind=SME,
        name_ru="ООО «Инженерное бюро «Конструктор»",
        name_en="Konstruktor Engineering Bureau LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Артёма, 35",
        staff_size=24,
        description_ru="Конструкторская документация, промышленный дизайн и расчёты для малых производств и стартапов.",
        description_en="Design documentation, industrial design and calculations for small manufacturers and "
        "start-ups.",
        competencies="ENG.DESIGN/3/Комплекты КД по ЕСКД; "
        "ENG.INDDES/2/Дизайн корпусов и упаковки; "
        "ENG.REVERSE/2/Обмеры по образцу",
        products="reverse_engineering; industrial_design; cae_analysis",
        member_years=2,
        founded=2015,
    ),
    org(
        key="prombez",
        kind=SME,
        name_ru="ООО «ПромБезопасность-Эксперт»",
        name_en="PromBezopasnost-Expert LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Голенева, 21",
        staff_size=18,
        description_ru="Экспертиза промышленной безопасности и неразрушающий контроль на опасных производственных "
        "объектах.",
        description_en="Industrial safety expertise and non-destructive testing at hazardous production facilities.",
        competencies="ENG.SAFETY/3/Эксперты 1–3 категорий; RND.NDT/2/Лаборатория НК",
        products="safety_expertise; ndt_services",
        status="none",
        founded=2010,
    ),
    org(
        key="himtrans",
        kind=SME,
        name_ru="ООО «ХимТрансЛогистик»",
        name_en="KhimTransLogistik LLC",
        region=STV,
        city="Невинномысск",
        address="ул. Линейная, 12",
        staff_size=120,
        description_ru="Перевозим химические и опасные грузы автотранспортом и организуем ж/д перевозки в цистернах, "
        "храним кислоты и КАС.",
        description_en="We carry chemical and dangerous goods by road, organise rail tank-car shipments and store "
        "acids and UAN.",
        competencies="LOG.ROAD/3/Парк 85 единиц, ДОПОГ; "
        "LOG.TANK/3/Цистерны из нержавеющей стали; "
        "LOG.RAIL/2/Экспедирование ж/д перевозок",
        products="chem_trucking; fuel_trucking; bulk_trucking; rail_tank_transport; chem_storage",
        certifications="ISO 9001:2015",
        capacity="85 автоцистерн и самосвалов; склад кислот 4 000 м³.",
        member_years=3,
        confidential=("capacity",),
        founded=2008,
    ),
    org(
        key="terminalyug",
        kind=SME,
        name_ru="ООО «Терминал Юг»",
        name_en="Terminal Yug LLC",
        region=KRD,
        city="Новороссийск",
        address="ул. Сухумское шоссе, 48",
        staff_size=85,
        description_ru="Нефтеналивной и химический терминал с ж/д приёмом, хранением и контейнерной логистикой до "
        "порта.",
        description_en="An oil and chemical terminal with rail reception, storage and container logistics to the port.",
        competencies="LOG.TANK/3/Резервуары 60 тыс. м³; LOG.WARE/3/Склад 12 тыс. м²; LOG.ROAD/1/Контейнерные перевозки",
        products="oil_storage; chem_storage; container_trucking; warehousing",
        status="none",
        founded=2006,
    ),
    org(
        key="himopt",
        kind=SME,
        name_ru="ООО «ТД «ХимОпт-Кавказ»",
        name_en="KhimOpt-Kavkaz Trading House LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Производственная, 17",
        staff_size=45,
        description_ru="Оптовые поставки химического сырья, полимеров, удобрений и ЛКМ производителей кластера со "
        "склада в Ставрополе.",
        description_en="Wholesale of chemical raw materials, polymers, fertilizers and paints from cluster producers, "
        "from our Stavropol warehouse.",
        competencies="LOG.TRADE/3/Дистрибуция 1 500 позиций; LOG.WARE/2/Склад 6 000 м²",
        products="chem_wholesale; polymer_wholesale; fert_wholesale; paint_wholesale; cleaning_wholesale; sles; "
        "glycerol; glass_roving; glass_mat",
        member_years=2,
        founded=2005,
    ),
    org(
        key="ecovodteh",
        kind=SME,
        name_ru="ООО «ЭкоВодТех»",
        name_en="EcoVodTekh LLC",
        region=STV,
        city="Кисловодск",
        address="ул. Промышленная, 6",
        staff_size=38,
        description_ru="Проектируем и поставляем станции водоподготовки и очистки промышленных стоков, оформляем "
        "экологическую документацию.",
        description_en="We design and supply water treatment and industrial effluent plants and prepare environmental "
        "permits.",
        competencies="ECO.WATER/3/Блочно-модульные очистные; "
        "MACH.CHEMEQ/1/Изготовление ёмкостей; "
        "ENG.PROC/1/Технологические схемы",
        products="water_plants; industrial_water_filters; env_documentation",
        member_years=2,
        founded=2012,
    ),
    org(
        key="energoaudit",
        kind=SME,
        name_ru="ООО «ЭнергоАудит-Юг»",
        name_en="EnergoAudit-Yug LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Октябрьская, 184",
        staff_size=16,
        description_ru="Энергетические обследования промышленных предприятий и консультации по энергосбережению.",
        description_en="Energy audits of industrial plants and energy saving consulting.",
        competencies="ECO.AUDIT/3/Инструментальные обследования; INSTR.METER/2/Системы учёта энергоресурсов",
        products="energy_audit; energy_consulting",
        member_years=1,
        founded=2011,
    ),
    org(
        key="promeco",
        kind=SME,
        name_ru="ООО «ПромЭкология»",
        name_en="PromEkologiya LLC",
        region=STV,
        city="Невинномысск",
        address="ул. Северная, 3",
        staff_size=55,
        description_ru="Сбор, транспортирование и обезвреживание промышленных отходов, газоочистное оборудование, "
        "закупка лома.",
        description_en="Collection, transport and treatment of industrial waste, gas cleaning equipment and scrap "
        "purchasing.",
        competencies="ECO.WASTE/3/Лицензия I–IV классов; "
        "ECO.AIR/2/Скрубберы и фильтры; "
        "ECO.MONITOR/2/Инвентаризация выбросов",
        products="hazwaste_collection; waste_processing; env_documentation; scrap_wholesale; gas_scrubbers; cyclones",
        member_years=3,
        founded=2009,
    ),
)

PUBLIC_BODIES = (
    org(
        key="ckr",
        kind=PUBLIC,
        name_ru="АНО «Центр кластерного развития Ставропольского края»",
        name_en="Stavropol Territory Cluster Development Centre",
        region=STV,
        city="Ставрополь",
        address="ул. Ленина, 384",
        staff_size=14,
        description_ru="Специализированная организация химического кластера: ведём портал, формируем совместные "
        "проекты и консорциумы участников, организуем биржи контактов и сопровождаем получение мер государственной "
        "поддержки.",
        description_en="The specialised organisation of the chemical cluster: we run the portal, assemble joint "
        "projects and consortia of members, organise brokerage events and help members obtain state support.",
        competencies="ENG.EPC/2/Сопровождение совместных проектов; EDU.CPD/1/Семинары для участников",
        products="tech_translation",
        member_years=5,
        founded=2019,
    ),
    org(
        key="fondprom",
        kind=PUBLIC,
        name_ru="Фонд развития промышленности Ставропольского края",
        name_en="Stavropol Territory Industrial Development Fund",
        region=STV,
        city="Ставрополь",
        address="ул. Лермонтова, 189",
        staff_size=22,
        description_ru="Льготные займы на модернизацию производств и импортозамещение для предприятий края; экспертиза "
        "проектов кластера.",
        description_en="Soft loans for plant modernisation and import substitution in the region; appraisal of cluster "
        "projects.",
        competencies="ENG.EPC/1/Экспертиза инвестиционных проектов",
        member_years=4,
        founded=2015,
    ),
)

ALL = EDUCATION + RESEARCH_AND_TESTING + SERVICES + PUBLIC_BODIES
