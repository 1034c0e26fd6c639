"""Portuguese: the words extraction reads in Portuguese reports, one table per concern.

Number words join with "e" ("vinte e três", "dois mil e quinhentos"); "um" / "uma" are also
the article, so they count only after a bound ("pelo menos uma criança").
"""

from __future__ import annotations

from harmwatch.extract._languages import Flags, Language, phrases, table, words

__all__ = ["LANGUAGE"]

LANGUAGE = Language(
    code="pt",
    name="Portuguese",
    flags=Flags(inflection="romance", hyphenated_numbers=True, and_after_thousands=True),
    units={
        "dois": 2,
        "duas": 2,
        "três": 3,
        "tres": 3,
        "quatro": 4,
        "cinco": 5,
        "seis": 6,
        "sete": 7,
        "oito": 8,
        "nove": 9,
        "dez": 10,
        "onze": 11,
        "doze": 12,
        "treze": 13,
        "catorze": 14,
        "quatorze": 14,
        "quinze": 15,
        "dezesseis": 16,
        "dezasseis": 16,
        "dezessete": 17,
        "dezassete": 17,
        "dezoito": 18,
        "dezenove": 19,
        "dezanove": 19,
        "vinte": 20,
        "trinta": 30,
        "quarenta": 40,
        "cinquenta": 50,
        "cinqüenta": 50,
        "sessenta": 60,
        "setenta": 70,
        "oitenta": 80,
        "noventa": 90,
        "cem": 100,
        "duzentos": 200,
        "duzentas": 200,
        "trezentos": 300,
        "trezentas": 300,
        "quatrocentos": 400,
        "quatrocentas": 400,
        "quinhentos": 500,
        "quinhentas": 500,
        "seiscentos": 600,
        "setecentos": 700,
        "oitocentos": 800,
        "novecentos": 900,
    },
    scales={"cento": 100, "mil": 1000, "milhão": 1_000_000, "milhões": 1_000_000},
    dozens={"dúzia": 12},
    articles=words("uma um"),
    article_ones={"um": 1, "uma": 1},
    and_words=words("e"),
    bounds_before=table(
        at_least="pelo menos, ao menos, no mínimo, não menos de, não menos que",
        more_than="mais de, acima de, mais do que, superior a",
        about="cerca de, quase, aproximadamente, perto de, por volta de, em torno de, "
        "aproximadamente, uns, umas, estimados",
        up_to="até",
    ),
    bounds_after=table(at_least="pelo menos, no mínimo"),
    bound_gap=words("("),
    range_words=words("entre"),
    range_links=words("a ou"),
    killed=phrases(
        "mortos, mortas, morto, morta, morreram, morreu, morrem, morrer, matou, mataram, "
        "matando, mata, matam, matar, foram mortos, foram mortas, perderam a vida, perdeu a "
        "vida, vítimas fatais, óbitos, faleceram, faleceu, falecidos, assassinados, "
        "assassinadas, tiraram a vida, deixam mortos, deixou mortos, morte, mortes, "
        "enterrar, sepultados, corpos, vítimas mortais, entre os mortos, entre as vítimas "
        "mortais, entre os mortos estão, entre as vítimas mortais estão"
    ),
    injured=phrases(
        "feridos, feridas, ferido, ferida, ficaram feridos, ficaram feridas, ficou ferido, "
        "ficou ferida, feriu, feriram, ferindo, ferimentos, lesionados, internados, "
        "hospitalizados, atendidos"
    ),
    not_casualties=phrases(
        "desaparecidos, desaparecidas, deslocados, deslocadas, refugiados, detidos, presos, "
        "sequestrados, resgatados, evacuados, desabrigados, mortos ou feridos, mortos e "
        "feridos, abatidos, interceptados"
    ),
    victim_nouns=table(
        people="pessoa, pessoas, vítima, vítimas, indivíduos, adultos",
        civilians="civil, civis, moradores, habitantes, residentes, aldeões",
        children="criança, crianças, menor, menores, menino, meninos, menina, meninas, "
        "bebê, bebês, bebé, bebés, adolescentes, garoto, garotos, estudantes, alunos",
        women="mulher, mulheres, mães",
        men="homem, homens",
        fighters="soldado, soldados, militares, combatentes, jihadistas, rebeldes, "
        "milicianos, guerrilheiros, policiais militares",
        medical_staff="médico, médicos, médica, enfermeiro, enfermeiros, enfermeiras, "
        "paramédicos, profissionais de saúde, trabalhadores de saúde, agentes de saúde",
        rescuers="socorrista, socorristas, bombeiros, voluntários da defesa civil, "
        "capacetes brancos",
        patients="paciente, pacientes",
        family_members="parentes, familiares, membros da família, membros de uma família, "
        "irmãos, filhos",
        other="jornalista, jornalistas, policiais, polícias, funcionários, "
        "trabalhadores humanitários, idosos, professores, seguranças, guardas",
    ),
    casualty_nouns=table(
        killed="mortos, morto, mortas, óbitos, vítimas fatais, corpos",
        injured="feridos, ferido, feridas",
    ),
    weapon_nouns=table(
        airstrike="bombardeio, bombardeios, bombardeamento, bombardeamentos, ataque aéreo, "
        "ataques aéreos, raide aéreo, raides aéreos, bombas",
        missile="míssil, mísseis, foguete, foguetes, rocket, rockets",
        shelling="projéteis, obus, obuses, granadas, disparos de artilharia, artilharia",
        drone="drone, drones, ataque com drones, ataques com drones, ataques de drones, "
        "ataque de drone",
        barrel_bomb="barril, barris, bomba de barril, bombas de barril, barris explosivos",
        cluster_munition="bombas de fragmentação, munições de fragmentação, munições cluster",
        chemical="ataque químico, ataques químicos",
        other="ataque, ataques",
    ),
    facility_nouns=table(
        medical="hospital, hospitais, clínica, clínicas, centro de saúde, centros de saúde, "
        "unidades de saúde, instalações médicas, postos de saúde, ambulâncias, maternidade",
        school="escola, escolas, colégio, colégios, universidade",
        market="mercado, mercados, feira, feiras",
        mosque="mesquita, mesquitas, templo, templos",
        camp="campo de deslocados, campos de deslocados, campo de refugiados, "
        "campos de refugiados, acampamento, acampamentos, abrigo, abrigos",
        bakery="padaria, padarias",
        residential="casa, casas, residência, residências, prédio residencial, "
        "prédios residenciais, edifícios residenciais, moradias",
        water="estação de água, estações de água",
        power="central elétrica, centrais elétricas, usina, usinas",
        civil_defence="defesa civil, centro da defesa civil",
        other="edifício, edifícios, prédio, prédios, igreja, igrejas, infraestrutura, "
        "infraestruturas",
        any="instalações civis, infraestrutura civil",
    ),
    facility_statuses=table(
        destroyed="destruído, destruídos, destruída, destruídas",
        damaged="danificado, danificados, danificada, danificadas, atingido, atingidos, "
        "atingida, atingidas",
        out_of_service="fora de serviço, fora de funcionamento",
    ),
    hit_cues=phrases(
        "bombardeado, bombardeados, bombardeada, bombardeadas, atacado, atacados, atacada, "
        "atacadas, atingido, atingidos, atingida, atingidas, atingiram, atingiu, destruído, "
        "destruídos, destruída, destruídas, danificado, danificados, danificada, danificadas, "
        "contra, ataques contra, ataque contra, ataques a, ataque a"
    ),
    include_cues=phrases(
        "entre eles, entre elas, incluindo, inclusive, dos quais, das quais, sendo, entre os "
        "quais, entre as quais, entre os mortos, entre as vítimas"
    ),
    group_refs={"deles": "", "delas": "", "das vítimas": "", "dos mortos": "", "dos feridos": ""},
    family_refs=phrases("da mesma família, de uma família, de uma mesma família"),
    others=words("outros outras mais demais"),
    modifiers=words(
        "outros outras outro outra civis sírios sírias palestinos palestinas ucranianos "
        "sudaneses jovens pequenas pequenos inocentes"
    ),
    determiners=words("os as o a um uma uns umas dos das do da"),
    not_counts_after=words(
        "anos ano meses mês dias dia horas hora minutos km quilômetros quilómetros metros "
        "% por cento famílias milhões habitantes"
    ),
    not_counts_before=words("nº número resolução artigo idade ano"),
    person_nouns=words("homem mulher menino menina criança médico soldado"),
    clause_breaks=words("; mas enquanto porém contudo"),
    weapon_links=words("com de"),
    facility_links=words("contra sobre em"),
    times_words=words("vezes"),
    toll_links=words("a para"),
    partitives=words("de dos das entre"),
    group_pronouns=words("eles elas quais"),
    group_determiners=words("os as"),
    victim_words=words("vítimas"),
    copulas=words("eram era são é foram estavam"),
    auxiliaries=words("foram eram são ficaram estavam também já"),
    speech_verbs=words("disse disseram contou relatou declarou afirmou"),
    period_prepositions=words("em desde durante até"),
    months={
        "janeiro": 1,
        "fevereiro": 2,
        "março": 3,
        "abril": 4,
        "maio": 5,
        "junho": 6,
        "julho": 7,
        "agosto": 8,
        "setembro": 9,
        "outubro": 10,
        "novembro": 11,
        "dezembro": 12,
    },
    weekdays={
        "segunda-feira": 0,
        "terça-feira": 1,
        "quarta-feira": 2,
        "quinta-feira": 3,
        "sexta-feira": 4,
        "sábado": 5,
        "domingo": 6,
    },
    actor_aliases={
        "Russia": ("Rússia", "russo", "russa", "russos", "russas", "forças russas"),
        "Syrian government": (
            "governo sírio",
            "forças governamentais",
            "regime sírio",
            "forças do governo sírio",
            "exército sírio",
            "forças sírias",
        ),
        "Israel": ("israelense", "israelenses", "israelita", "israelitas", "exército israelense"),
        "RSF": ("Forças de Apoio Rápido", "FAR"),
        "Sudanese Armed Forces": (
            "Exército sudanês",
            "exército sudanês",
            "Forças Armadas sudanesas",
        ),
        "armed opposition": ("rebeldes", "facções rebeldes"),
    },
    stopwords=words("o os as do da dos das e em um uma são foram para com que pelo pela"),
)
