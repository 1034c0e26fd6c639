"""Spanish: the words extraction reads in Spanish reports, one table per concern."""

from __future__ import annotations

from harmwatch.extract._languages import Flags, Language, phrases, table, words

__all__ = ["LANGUAGE"]

LANGUAGE = Language(
    code="es",
    name="Spanish",
    flags=Flags(inflection="romance", hyphenated_numbers=True),
    units={
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "once": 11,
        "doce": 12,
        "trece": 13,
        "catorce": 14,
        "quince": 15,
        "dieciséis": 16,
        "diecisiete": 17,
        "dieciocho": 18,
        "diecinueve": 19,
        "veinte": 20,
        "veintiuno": 21,
        "veintiún": 21,
        "veintidós": 22,
        "veintitrés": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiséis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "setenta": 70,
        "ochenta": 80,
        "noventa": 90,
        "doscientos": 200,
        "doscientas": 200,
        "trescientos": 300,
        "trescientas": 300,
        "cuatrocientos": 400,
        "quinientos": 500,
        "seiscientos": 600,
        "setecientos": 700,
        "ochocientos": 800,
        "novecientos": 900,
    },
    scales={
        "cien": 100,
        "ciento": 100,
        "mil": 1000,
        "millón": 1000000,
        "millones": 1000000,
    },
    dozens={"docena": 12},
    articles=words(""),
    and_words=words("y"),
    bounds_before=table(
        at_least="al menos, por lo menos",
        more_than="más de",
        about="cerca de, casi, unos, unas, alrededor de",
        up_to="hasta",
    ),
    bounds_after=table(
        at_least="al menos",
    ),
    bound_gap=words("("),
    range_words=words("entre"),
    range_links=words("a o"),
    killed=phrases(
        "muertos, muertas, muerto, muerta, murieron, murió, mueren, fallecieron, fallecidos, "
        "perecieron, pereció, perecen, mueren, fallecen, fallecidas, asesinados, asesinadas, "
        "mataron, mató, matando, matar, muerte, muertes, perdieron la vida, víctimas, costó "
        "la vida, cobró la vida, víctimas mortales, entre los muertos, entre las víctimas "
        "mortales, entre los fallecidos"
    ),
    injured=phrases("heridos, heridas, herido, herida, hiriendo, resultaron heridos, lesionados"),
    not_casualties=phrases("desaparecidos, desplazados, refugiados, detenidos, secuestrados"),
    victim_nouns=table(
        people="persona, personas, víctima, víctimas, individuos",
        civilians="civil, civiles, habitantes, residentes, vecinos",
        children=(
            "niño, niños, niña, niñas, menor, menores, bebé, bebés, adolescentes, estudiantes, "
            "alumnos"
        ),
        women="mujer, mujeres, madres",
        men="hombre, hombres",
        fighters=(
            "soldado, soldados, combatiente, combatientes, rebelde, rebeldes, francotirador, "
            "francotiradores, milicianos, yihadistas, militares"
        ),
        medical_staff=(
            "médico, médicos, doctor, doctores, enfermero, enfermeros, sanitario, sanitarios, "
            "enfermera, enfermeras, personal sanitario, personal médico, paramédicos"
        ),
        patients="paciente, pacientes",
        rescuers="socorrista, socorristas, rescatista, rescatistas, bomberos",
        family_members="familiares, parientes",
        other=(
            "periodista, periodistas, cooperante, cooperantes, trabajadores humanitarios, "
            "trabajador humanitario, policías, policía, agentes, trabajadores, empleados, "
            "maestros, fieles"
        ),
    ),
    casualty_nouns=table(
        killed="muertos, muerto, fallecidos",
        injured="heridos, herido",
    ),
    weapon_nouns=table(
        airstrike=(
            "bombardeo, bombardeos, ataque aéreo, ataques aéreos, bombardeo aéreo, bombardeos "
            "aéreos, incursión aérea, incursiones aéreas, bomba, bombas"
        ),
        missile="misil, misiles, cohete, cohetes",
        drone="dron, drones",
        barrel_bomb="barril, barriles, bomba de barril, bombas de barril",
        shelling=(
            "proyectil, proyectiles, obús, obuses, mortero, morteros, proyectiles de artillería, "
            "disparos de artillería"
        ),
        cluster_munition="bomba de racimo, bombas de racimo, municiones en racimo",
        chemical="ataque químico, ataques químicos",
    ),
    facility_nouns=table(
        medical=(
            "hospital, hospitales, centro de salud, centros de salud, centro médico, centros "
            "médicos, clínica, clínicas, ambulancia, ambulancias, centro sanitario, centros "
            "sanitarios, instalaciones sanitarias"
        ),
        school="escuela, escuelas, colegio, colegios, universidad, universidades, guardería",
        mosque="mezquita, mezquitas, lugares de culto",
        market="mercado, mercados",
        residential="casa, casas, vivienda, viviendas, edificio residencial, apartamento",
        other="edificio, edificios, iglesia, iglesias, infraestructura, infraestructuras",
        bakery="panadería, panaderías",
        camp=(
            "campamento, campamentos, campo de refugiados, campos de refugiados, refugio, "
            "refugios, tienda de campaña, tiendas de campaña"
        ),
    ),
    facility_statuses=table(
        destroyed="destruido, destruidos, destruida, destruidas",
        damaged="dañada, dañadas, dañado, dañados",
        out_of_service="fuera de servicio",
    ),
    hit_cues=phrases(
        "bombardeado, bombardeados, bombardeada, bombardeadas, atacado, atacados, atacada, "
        "atacadas, alcanzado, alcanzados, alcanzada, alcanzadas, destruido, destruidos, "
        "destruida, destruidas, dañado, dañados, dañada, dañadas"
    ),
    include_cues=phrases(
        "entre ellos, entre ellas, incluidos, incluidas, incluyendo, de ellos, de los cuales, "
        "entre los que, de las que, de los que, de las cuales"
    ),
    group_refs={
        "de ellos": "",
        "de ellas": "",
        "de las víctimas": "people",
        "de los muertos": "",
        "de los heridos": "",
    },
    family_refs=phrases("de una misma familia, de la misma familia, de una familia"),
    others=words("otra otras otro otros"),
    modifiers=words("civiles de jóvenes las los otras otros palestinos sirios"),
    determiners=words("de del el la las los unas unos"),
    not_counts_after=words(
        "% año años ciento día días familias hora horas kilómetros km meses metros por"
    ),
    not_counts_before=words("número resolución artículo edad"),
    person_nouns=words("hombre mujer niño niña médico soldado periodista"),
    clause_breaks=words("! . ; ? mientras pero"),
    weapon_links=words("con de"),
    facility_links=words("contra sobre"),
    times_words=words("veces"),
    toll_links=words("a à"),
    partitives=words("de"),
    group_pronouns=words("ellos ellas cuales"),
    group_determiners=words("los las"),
    victim_words=words("víctimas victimas"),
    copulas=words("eran era son es fueron"),
    auxiliaries=words("han sido fueron eran son habían también"),
    period_prepositions=words("en desde durante hasta"),
    speech_verbs=words("dijo dijeron contó relató"),
    stopwords=words("el la los las del y en una es son por para con que al fueron según"),
    months={
        "enero": 1,
        "febrero": 2,
        "marzo": 3,
        "abril": 4,
        "mayo": 5,
        "junio": 6,
        "julio": 7,
        "agosto": 8,
        "septiembre": 9,
        "setiembre": 9,
        "octubre": 10,
        "noviembre": 11,
        "diciembre": 12,
    },
    weekdays={
        "lunes": 0,
        "martes": 1,
        "miércoles": 2,
        "jueves": 3,
        "viernes": 4,
        "sábado": 5,
        "domingo": 6,
    },
)
