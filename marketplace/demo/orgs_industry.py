"""Demo organizations: large producers and chemical companies of the cluster."""

from __future__ import annotations

from .records import LARGE, SME, org

STV, KRD, ROS = "Ставропольский край", "Краснодарский край", "Ростовская область"

LARGE_ENTERPRISES = (
    org(
        key="stavazot",
        kind=LARGE,
        name_ru="АО «Ставропольский азотный комбинат»",
        name_en="Stavropol Nitrogen Plant JSC",
        region=STV,
        city="Невинномысск",
        address="ул. Комбинатская, 1",
        staff_size=3200,
        description_ru="Один из крупнейших производителей азотных и комплексных удобрений юга России. Выпускаем "
        "аммиак, карбамид, аммиачную селитру, КАС и NPK; около половины продукции уходит на экспорт через порт "
        "Новороссийск. Ищем в кластере подрядчиков по ремонту оборудования, изготовлению запчастей и упаковке.",
        description_en="One of the largest producers of nitrogen and compound fertilizers in southern Russia. We make "
        "ammonia, urea, ammonium nitrate, UAN and NPK; about half of the output is exported through the port of "
        "Novorossiysk. Within the cluster we look for contractors for equipment repair, spare parts and packaging.",
        competencies="CHEM.FERT.N/3/Аммиак, карбамид, аммиачная селитра, КАС; "
        "CHEM.FERT.NPK/3/Нитроаммофоска различных марок; "
        "CHEM.BASIC/2/Азотная кислота, углекислота; "
        "CHEM.GAS/2/Азот, жидкая углекислота; "
        "LOG.RAIL/2/Собственная ж/д станция и парк цистерн; "
        "RND.CHEMLAB/2/Аккредитованная центральная заводская лаборатория",
        products="ammonia; nitric_acid; urea; ammonium_nitrate; uan32; npk_161616; ammonium_sulphate; co2_liquid; "
        "methanol; acetic_acid; nitrogen_gas",
        certifications="ISO 9001:2015; ISO 14001:2015; ISO 45001:2018; ISO 50001:2018",
        capacity="Аммиак — 1,1 млн т/год; карбамид — 900 тыс. т/год; аммиачная селитра — 800 тыс. т/год; "
        "NPK — 400 тыс. т/год; склады готовой продукции на 120 тыс. т.",
        member_years=5,
        confidential=("phone",),
        founded=1993,
    ),
    org(
        key="prikumsk",
        kind=LARGE,
        name_ru="АО «Прикумский нефтехимический комплекс»",
        name_en="Prikumsk Petrochemical Complex JSC",
        region=STV,
        city="Будённовск",
        address="Промзона, 1",
        staff_size=2600,
        description_ru="Производим этилен, пропилен, полиэтилен и полипропилен из углеводородного сырья месторождений "
        "Каспия. Развиваем программу локализации: закупаем у предприятий кластера оборудование, запчасти, тару и "
        "инжиниринговые услуги.",
        description_en="We produce ethylene, propylene, polyethylene and polypropylene from Caspian hydrocarbon "
        "feedstock. Our localisation programme buys equipment, spare parts, packaging and engineering services from "
        "cluster companies.",
        competencies="PETRO.OLEFIN/3/Пиролиз этана и СУГ; "
        "CHEM.POLY.RESIN/3/ПЭНД, ЛПЭНП, ПП; "
        "PETRO.GAS/2/Газофракционирование; "
        "RND.CHEMLAB/2/Контроль качества полимеров; "
        "ENG.PROC/2/Собственный проектный отдел",
        products="hdpe_pe100; ldpe_15803; lldpe_film; pp_homo; ethylene; propylene; benzene",
        certifications="ISO 9001:2015; ISO 14001:2015; ISO 50001:2018",
        capacity="Этилен — 350 тыс. т/год; полиэтилен — 300 тыс. т/год; полипропилен — 150 тыс. т/год.",
        member_years=5,
        confidential=("capacity", "staff_size"),
        founded=1998,
    ),
    org(
        key="kubnpz",
        kind=LARGE,
        name_ru="АО «Кубанский нефтеперерабатывающий завод»",
        name_en="Kuban Oil Refinery JSC",
        region=KRD,
        city="Славянск-на-Кубани",
        address="ул. Промышленная, 2",
        staff_size=1400,
        description_ru="Нефтеперерабатывающий завод мощностью 4 млн т в год с установками гидроочистки и изомеризации. "
        "Выпускаем топливо класса К5, битумы и СУГ; принимаем сырьё на переработку по давальческой схеме.",
        description_en="A 4 Mtpa refinery with hydrotreating and isomerisation units. We produce K5 fuels, bitumen and "
        "LPG and accept feedstock for tolling.",
        competencies="PETRO.REFINE/3/АВТ, гидроочистка, изомеризация; "
        "PETRO.FUEL/3/Бензины и дизельное топливо К5; "
        "PETRO.BITUMEN/2/Окислительная установка битумов; "
        "PETRO.GAS/2/СУГ; "
        "LOG.TANK/2/Ж/д и автоналив",
        products="diesel_summer; diesel_winter; gasoline_92; fuel_oil; bitumen_road; lpg_propane; white_spirit; "
        "paraffin; tolling_refining",
        certifications="ISO 9001:2015; ISO 14001:2015; ISO 45001:2018",
        capacity="Переработка нефти — 4 млн т/год; глубина переработки — 86 %; резервуарный парк — 420 тыс. м³.",
        member_years=3,
        confidential=("capacity",),
        founded=2002,
    ),
    org(
        key="pzhm",
        kind=LARGE,
        name_ru="АО «Пятигорский завод химического машиностроения»",
        name_en="Pyatigorsk Chemical Engineering Plant JSC",
        region=STV,
        city="Пятигорск",
        address="ул. Ермолова, 14",
        staff_size=850,
        description_ru="Проектируем и изготавливаем ёмкостное, колонное и теплообменное оборудование для химии и "
        "нефтепереработки. Собственное КБ, участок термообработки крупногабаритных сосудов и лаборатория "
        "неразрушающего контроля.",
        description_en="We design and build vessels, columns and heat exchangers for the chemical and refining "
        "industries, with our own design office, a heat-treatment bay for large vessels and an NDT laboratory.",
        competencies="MACH.CHEMEQ/3/Реакторы, колонны, сепараторы; "
        "MACH.VESSEL/3/Сосуды под давлением до 10 МПа; "
        "MACH.HEATEX/3/Кожухотрубчатые и воздушные теплообменники; "
        "METAL.WELD/3/Автоматическая сварка под флюсом; "
        "ENG.DESIGN/2/КБ на 40 конструкторов; "
        "RND.NDT/2/УЗК, РК, капиллярный контроль",
        products="welded_vessels; column_apparatus; reactors_mixers; shell_tube_hx; lpg_vessels; air_coolers; "
        "rvs_tanks; drum_dryers",
        certifications="ISO 9001:2015; ТР ТС 032/2013; ТР ТС 010/2011; Аттестация технологий сварки НАКС",
        capacity="Сосуды массой до 120 т и диаметром до 4 м; термопечь 6×6×22 м; отгрузка по ж/д из цеха.",
        member_years=4,
        founded=1996,
    ),
    org(
        key="gzpa",
        kind=LARGE,
        name_ru="АО «Георгиевский завод промышленной арматуры»",
        name_en="Georgievsk Industrial Valve Plant JSC",
        region=STV,
        city="Георгиевск",
        address="ул. Кочубея, 110",
        staff_size=620,
        description_ru="Выпускаем задвижки, краны и регулирующие клапаны для нефтегазовой и химической промышленности, "
        "в том числе в северном исполнении. Полный цикл: литьё, механообработка, сборка и испытания.",
        description_en="We make gate valves, ball valves and control valves for oil, gas and chemicals, including "
        "cold-climate versions. Full cycle: casting, machining, assembly and testing.",
        competencies="MACH.VALVE/3/Задвижки, краны, СППК; "
        "METAL.CAST/2/Стальное литьё корпусов; "
        "METAL.TURN/2/Токарные центры с ЧПУ; "
        "RND.MECH/1/Испытательный стенд арматуры",
        products="gate_valves; ball_valves; control_valves; safety_valves; valve_parts; flanges_0g2s",
        certifications="ISO 9001:2015; ТР ТС 010/2011; ТР ТС 032/2013; API 6D (поддержание)",
        capacity="До 25 тыс. единиц арматуры в год; испытательные стенды до 25 МПа.",
        member_years=4,
        founded=1999,
    ),
    org(
        key="kpkf",
        kind=LARGE,
        name_ru="АО «Кавказская парфюмерно-косметическая фабрика»",
        name_en="Caucasus Perfume and Cosmetics Factory JSC",
        region=STV,
        city="Невинномысск",
        address="ул. Низяева, 9",
        staff_size=1100,
        description_ru="Производим аэрозольную продукцию, кремы, шампуни и средства гигиены под собственными марками и "
        "по контракту. Работаем по стандартам GMP для косметики, имеем собственную лабораторию разработки рецептур.",
        description_en="We produce aerosols, creams, shampoos and personal care products under our own brands and on "
        "contract, following cosmetic GMP, with an in-house formulation laboratory.",
        competencies="CHEM.HOUSE.COSM/3/Кремы, шампуни, гели; "
        "CHEM.HOUSE.AERO/3/Линии аэрозольного розлива; "
        "RND.FORMUL/2/Лаборатория рецептур; "
        "LOG.PACK/2/Собственное производство ПЭТ-флаконов",
        products="face_cream; hand_cream; shampoo; aerosol_deo; sunscreen; contract_cosmetics; liquid_soap",
        certifications="ISO 9001:2015; ISO 22716:2007",
        capacity="Аэрозоли — 180 млн баллонов/год; кремы и гели — 40 млн единиц/год.",
        member_years=5,
        confidential=("capacity",),
        founded=1995,
    ),
    org(
        key="donrti",
        kind=LARGE,
        name_ru="АО «Донской завод резинотехнических изделий»",
        name_en="Don Rubber Products Plant JSC",
        region=ROS,
        city="Ростов-на-Дону",
        address="ул. Менжинского, 2",
        staff_size=780,
        description_ru="Изготавливаем формовые и неформовые РТИ, рукава высокого давления и конвейерные ленты для "
        "горной, химической промышленности и машиностроения. Разрабатываем резиновые смеси под условия эксплуатации "
        "заказчика.",
        description_en="We make moulded and extruded rubber goods, high-pressure hoses and conveyor belts for mining, "
        "chemicals and machinery, and develop rubber compounds for the customer's service conditions.",
        competencies="CHEM.RUBBER.MIX/3/Свыше 300 рецептур смесей; "
        "CHEM.RUBBER.MOLD/3/Формовые и резинометаллические изделия; "
        "METAL.TOOL/2/Изготовление пресс-форм; "
        "RND.POLYTEST/2/Испытания резин на старение",
        products="o_rings; shaft_seals; conveyor_belt; hp_hoses; rubber_mounts; rubber_compound; rubber_moulding",
        certifications="ISO 9001:2015; IATF 16949:2016",
        capacity="Переработка резиновых смесей — 9 тыс. т/год.",
        member_years=2,
        founded=2001,
    ),
    org(
        key="szlkm",
        kind=LARGE,
        name_ru="АО «Ставропольский завод лакокрасочных материалов»",
        name_en="Stavropol Paint and Coatings Plant JSC",
        region=STV,
        city="Ставрополь",
        address="ул. Старомарьевское шоссе, 13",
        staff_size=540,
        description_ru="Выпускаем алкидные и эпоксидные эмали, грунтовки, краски для дорожной разметки и растворители. "
        "Берём заказы на контрактное производство ЛКМ и разрабатываем системы покрытий под техническое задание.",
        description_en="We make alkyd and epoxy enamels, primers, road-marking paints and solvents, take contract "
        "paint manufacturing orders and develop coating systems to specification.",
        competencies="CHEM.PAINT.IND/3/Антикоррозионные системы C4–C5; "
        "CHEM.PAINT.DECOR/2/Алкидные эмали; "
        "RND.FORMUL/3/Разработка рецептур ЛКМ; "
        "RND.POLYTEST/2/Испытания покрытий",
        products="enamel_pf115; primer_gf021; epoxy_anticorr; road_marking; solvent_646; flexo_ink; paint_tolling",
        certifications="ISO 9001:2015; ISO 14001:2015",
        capacity="Лакокрасочные материалы — 45 тыс. т/год.",
        member_years=5,
        founded=1997,
    ),
    org(
        key="polimir",
        kind=LARGE,
        name_ru="ОАО «Полимир-Восток»",
        name_en="Polimir-Vostok OJSC",
        region="Витебская область (Беларусь)",
        city="Новополоцк",
        address="Промышленная зона",
        staff_size=4100,
        description_ru="Нефтехимический комплекс в Новополоцке: полиэтилен высокого давления, акрилонитрил, волокна. "
        "Участник Новополоцкого нефтехимического кластера; ищем партнёров в России для совместных проектов и поставок.",
        description_en="A petrochemical complex in Novopolotsk producing LDPE, acrylonitrile and fibres. A member of "
        "the Novopolotsk petrochemical cluster looking for Russian partners for joint projects and supplies.",
        competencies="PETRO.OLEFIN/3/Этилен и пропилен; CHEM.POLY.RESIN/3/ПЭВД; CHEM.ORG/2/Акрилонитрил",
        products="ldpe_15803; propylene",
        certifications="ISO 9001:2015; ISO 14001:2015",
        status="none",
        founded=1994,
    ),
)

CHEMISTRY = (
    org(
        key="kavkraski",
        kind=SME,
        name_ru="ООО «Кавказские краски»",
        name_en="Caucasus Paints LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Коломийцева, 46",
        staff_size=85,
        description_ru="Делаем водно-дисперсионные краски, грунтовки и лаки для строительства и ремонта. Колеруем в "
        "2 000 оттенков и поставляем в строительные сети СКФО под их торговыми марками.",
        description_en="We make water-borne paints, primers and lacquers for construction and renovation, tint to "
        "2,000 shades and supply DIY chains of the North Caucasus under their private labels.",
        competencies="CHEM.PAINT.DECOR/3/Фасадные и интерьерные краски; "
        "RND.FORMUL/2/Адаптация рецептур под местное сырьё; "
        "LOG.PACK/1/Фасовка 0,9–20 кг",
        products="facade_paint; acrylic_primer; wood_lacquer; enamel_pf115",
        certifications="ISO 9001:2015",
        member_years=3,
        confidential=("staff_size",),
        founded=2009,
    ),
    org(
        key="emalprom",
        kind=SME,
        name_ru="ООО «ЭмальПром»",
        name_en="EmalProm LLC",
        region=KRD,
        city="Краснодар",
        address="ул. Уральская, 79",
        staff_size=60,
        description_ru="Производим порошковые краски и двухкомпонентные эпоксидные системы для металлоконструкций, а "
        "также автомобильные шпатлёвки и герметики.",
        description_en="We produce powder coatings and two-component epoxy systems for steelwork, as well as car body "
        "fillers and sealants.",
        competencies="CHEM.PAINT.POWDER/3/Полиэфирные и эпоксидные порошки; "
        "CHEM.PAINT.IND/2/Эпоксидные эмали; "
        "CHEM.ADH/1/Полиуретановые герметики",
        products="powder_coating; epoxy_anticorr; car_putty; pu_sealant; pu_adhesive",
        certifications="ISO 9001:2015",
        member_years=2,
        founded=2012,
    ),
    org(
        key="polimerplast",
        kind=SME,
        name_ru="ООО «Полимерпласт»",
        name_en="Polimerplast LLC",
        region=STV,
        city="Будённовск",
        address="ул. Промышленная, 8",
        staff_size=140,
        description_ru="Выпускаем напорные полиэтиленовые трубы для воды и газа, гофрированные канализационные трубы и "
        "электросварные фитинги. Сырьё — ПЭ100 соседнего нефтехимического комплекса.",
        description_en="We produce polyethylene pressure pipes for water and gas, corrugated sewer pipes and "
        "electrofusion fittings, using PE100 from the neighbouring petrochemical complex.",
        competencies="CHEM.POLY.EXTR/3/Шесть экструзионных линий 20–630 мм; "
        "CHEM.POLY.INJ/2/Литьё фитингов; "
        "RND.POLYTEST/1/Входной контроль сырья",
        products="pe_pipe_water; pe_pipe_gas; pe_pipe_sewer; pe_fittings; pp_sheet; pvc_profiles",
        certifications="ISO 9001:2015; Сертификат соответствия ГОСТ 18599-2001",
        capacity="Трубы ПЭ — 24 тыс. т/год.",
        member_years=4,
        founded=2006,
    ),
    org(
        key="yugtara",
        kind=SME,
        name_ru="ООО «Юг-Тара»",
        name_en="Yug-Tara LLC",
        region=STV,
        city="Невинномысск",
        address="ул. Гагарина, 217",
        staff_size=95,
        description_ru="Изготавливаем полимерную тару для химической и пищевой промышленности: канистры, флаконы, "
        "ящики, а также восстанавливаем еврокубы. Выдувное формование и литьё под давлением.",
        description_en="We make plastic containers for the chemical and food industries: jerrycans, bottles and boxes, "
        "and recondition IBCs, using blow moulding and injection moulding.",
        competencies="CHEM.POLY.BLOW/3/Экструзионно-выдувные машины до 30 л; "
        "CHEM.POLY.INJ/2/ТПА 150–450 т; "
        "LOG.PACK/3/Тара с допуском ООН",
        products="canisters; pet_bottles; ibc_1000; pp_boxes; injection_moulding; pa_parts",
        certifications="ISO 9001:2015",
        member_years=3,
        founded=2010,
    ),
    org(
        key="szpu",
        kind=SME,
        name_ru="ООО «Ставропольский завод полимерной упаковки»",
        name_en="Stavropol Polymer Packaging Plant LLC",
        region=STV,
        city="Михайловск",
        address="ул. Ленина, 203",
        staff_size=120,
        description_ru="Производим полиэтиленовые плёнки, клапанные мешки и тканые полипропиленовые мешки с "
        "флексопечатью для удобрений, полимеров и строительных смесей.",
        description_en="We make polyethylene films, valve bags and woven polypropylene sacks with flexo print for "
        "fertilizers, polymers and dry mixes.",
        competencies="CHEM.POLY.EXTR/3/Соэкструзия трёхслойной плёнки; "
        "LOG.PACK/3/Мешки для удобрений; "
        "CHEM.POLY.COMP/1/Смешение с суперконцентратами",
        products="pe_film; pp_sacks; pe_bags_valve",
        certifications="ISO 9001:2015",
        member_years=2,
        founded=2011,
    ),
    org(
        key="ecoplast",
        kind=SME,
        name_ru="ООО «ЭкоПласт-Рециклинг»",
        name_en="EcoPlast Recycling LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Бакинская, 7",
        staff_size=45,
        description_ru="Перерабатываем отходы полиэтилена и ПЭТ от предприятий и сортировочных комплексов края в "
        "регранулят и флекс.",
        description_en="We recycle polyethylene and PET waste from companies and sorting plants of the region into "
        "pellets and flakes.",
        competencies="CHEM.POLY.RECYC/3/Мойка, дробление, грануляция; ECO.WASTE/2/Лицензия на обращение с отходами",
        products="regranulate_ldpe; pet_flakes; polymer_recycling",
        member_years=1,
        founded=2017,
    ),
    org(
        key="himreaktiv",
        kind=SME,
        name_ru="ООО «Химпром-Реактив»",
        name_en="Khimprom-Reaktiv LLC",
        region=STV,
        city="Невинномысск",
        address="ул. Менделеева, 32",
        staff_size=38,
        description_ru="Поставляем кислоты, щёлочи и лабораторные реактивы, фасуем продукцию крупных производителей в "
        "мелкую тару. Склад в Невинномысске, доставка по СКФО за 1–2 дня.",
        description_en="We supply acids, alkalis and laboratory chemicals and repack bulk products into small "
        "containers; warehouse in Nevinnomyssk, delivery across the North Caucasus in 1–2 days.",
        competencies="CHEM.BASIC/2/Фасовка кислот и щелочей; "
        "LOG.TRADE/2/Дистрибуция химии; "
        "RND.CHEMLAB/1/Паспорта качества партий",
        products="lab_reagents; sulphuric_acid; hydrochloric_acid; caustic_soda; hydrogen_peroxide; pickling_paste",
        member_years=3,
        founded=2008,
    ),
    org(
        key="chistydom",
        kind=SME,
        name_ru="ООО «Чистый дом-Кавказ»",
        name_en="Chisty Dom Caucasus LLC",
        region=STV,
        city="Георгиевск",
        address="ул. Чугурина, 16",
        staff_size=70,
        description_ru="Производим бытовую и профессиональную химию: средства для посуды, стиральные порошки, щелочные "
        "моющие средства для CIP-мойки и дезинфектанты.",
        description_en="We manufacture household and professional cleaning products: dishwashing liquids, washing "
        "powders, alkaline CIP cleaners and disinfectants.",
        competencies="CHEM.HOUSE.DET/3/Жидкие и порошковые моющие средства; RND.FORMUL/2/Рецептуры под СТМ",
        products="dish_liquid; laundry_powder; industrial_cleaner; cip_detergent; disinfectant_qac",
        certifications="ISO 9001:2015",
        member_years=2,
        founded=2013,
    ),
    org(
        key="kmvcosm",
        kind=SME,
        name_ru="ООО «Натуральная косметика Кавминвод»",
        name_en="Caucasian Mineral Waters Natural Cosmetics LLC",
        region=STV,
        city="Ессентуки",
        address="ул. Пятигорская, 128",
        staff_size=30,
        description_ru="Небольшая фабрика натуральной косметики на основе минеральных вод и лечебных грязей Кавказских "
        "Минеральных Вод.",
        description_en="A small natural cosmetics factory using mineral waters and healing muds of the Caucasian "
        "Mineral Waters resort.",
        competencies="CHEM.HOUSE.COSM/2/Кремы и шампуни на минеральной воде; RND.FORMUL/2/Собственные рецептуры",
        products="face_cream; shampoo; sunscreen; contract_cosmetics",
        member_years=1,
        confidential=("staff_size", "phone"),
        founded=2016,
    ),
    org(
        key="avtohim",
        kind=SME,
        name_ru="ООО «АвтоХим-Юг»",
        name_en="AvtoKhim-Yug LLC",
        region=STV,
        city="Ставрополь",
        address="ул. Шпаковская, 115",
        staff_size=40,
        description_ru="Производим охлаждающие жидкости, автошампуни и СОЖ для автосервисов и промышленных "
        "предприятий.",
        description_en="We produce coolants, car shampoos and cutting fluids for car services and factories.",
        competencies="CHEM.HOUSE.AUTO/3/Антифризы и автошампуни; PETRO.LUBE/1/Полусинтетические СОЖ",
        products="antifreeze_g12; car_shampoo; coolant_semisynth",
        member_years=2,
        founded=2014,
    ),
    org(
        key="rtikavkaz",
        kind=SME,
        name_ru="ООО «РТИ-Кавказ»",
        name_en="RTI-Kavkaz LLC",
        region=STV,
        city="Пятигорск",
        address="ул. Февральская, 54",
        staff_size=55,
        description_ru="Изготавливаем уплотнительные кольца, профили и технические пластины, быстро выпускаем детали "
        "по образцу для ремонтных служб предприятий.",
        description_en="We make O-rings, sealing profiles and technical sheets, and quickly produce parts to sample "
        "for plant maintenance teams.",
        competencies="CHEM.RUBBER.MOLD/2/Формовые кольца и манжеты; CHEM.ADH/1/Резиновые клеи",
        products="o_rings; rubber_profiles; rubber_sheet; rubber_glue",
        member_years=3,
        founded=2007,
    ),
    org(
        key="agrohim",
        kind=SME,
        name_ru="ООО «АгроХимТехнологии»",
        name_en="AgroKhimTekhnologii LLC",
        region=STV,
        city="Изобильный",
        address="ул. Промышленная, 4",
        staff_size=35,
        description_ru="Выпускаем водорастворимые и жидкие удобрения с микроэлементами и ведём агрохимическое "
        "сопровождение хозяйств.",
        description_en="We make water-soluble and liquid fertilizers with micronutrients and provide agronomic support "
        "to farms.",
        competencies="CHEM.FERT.SPEC/3/Хелатные микроудобрения; CHEM.AGRO/2/Баковые смеси; RND.FORMUL/1/Полевые опыты",
        products="map_1261; liquid_micro; agro_trials",
        member_years=1,
        founded=2015,
    ),
    org(
        key="terekoil",
        kind=SME,
        name_ru="ООО «Терек-Ойл»",
        name_en="Terek-Oil LLC",
        region="Республика Северная Осетия — Алания",
        city="Моздок",
        address="ул. Кирова, 64",
        staff_size=60,
        description_ru="Смешиваем и фасуем индустриальные и гидравлические масла, пластичные смазки и пакеты присадок.",
        description_en="We blend and pack industrial and hydraulic oils, greases and additive packages.",
        competencies="PETRO.LUBE/3/Компаундирование масел; RND.CHEMLAB/1/Экспресс-анализ масел",
        products="oil_industrial; oil_hydraulic; grease_litol; lube_additive; fuel_additive",
        member_years=2,
        founded=2011,
    ),
)

ALL = LARGE_ENTERPRISES + CHEMISTRY
