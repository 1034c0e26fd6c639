"""French: the words extraction reads in French reports, one table per concern."""

from __future__ import annotations

from harmwatch.extract._languages import Flags, Language, phrases, table, words

__all__ = ["LANGUAGE"]

LANGUAGE = Language(
    code="fr",
    name="French",
    flags=Flags(inflection="romance", hyphenated_numbers=True),
    units={
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "quatre-vingt": 80,
        "quatre-vingts": 80,
        "quatre-vingt-dix": 90,
        "septante": 70,
        "nonante": 90,
    },
    scales={
        "cent": 100,
        "cents": 100,
        "mille": 1000,
        "million": 1000000,
        "millions": 1000000,
    },
    dozens={"douzaine": 12},
    articles=words(""),
    and_words=words("et"),
    bounds_before=table(
        at_least="au moins",
        more_than="plus de",
        about="près de, environ, quelque",
        up_to="jusqu'à",
    ),
    bounds_after=table(
        at_least="au moins",
    ),
    bound_gap=words("("),
    range_words=words("entre"),
    range_links=words("à a ou"),
    killed=phrases(
        "tués, tuées, tué, tuée, morts, mort, morte, mortes, décès, péri, tuant, tue, tuent, "
        "tuer, tuées, trouvé la mort, perdu la vie, victimes, coûté la vie, coûte la vie, "
        "coûtant la vie"
    ),
    injured=phrases("blessés, blessées, blessé, blessée, blessant, blesse, blessures"),
    not_casualties=phrases("disparus, déplacés, réfugiés, arrêtés, enlevés"),
    victim_nouns=table(
        people="personne, personnes, victime, victimes",
        civilians="civil, civils, habitant, habitants, résidents",
        children=(
            "enfant, enfants, mineur, mineurs, bébé, bébés, nourrisson, nourrissons, "
            "adolescents, élèves, étudiants"
        ),
        women="femme, femmes, mères",
        men="homme, hommes",
        fighters=(
            "soldat, soldats, combattant, combattants, rebelle, rebelles, militaires, "
            "miliciens, djihadistes, jihadistes, insurgés"
        ),
        rescuers="secouriste, secouristes, sauveteur, sauveteurs, pompiers",
        family_members="proches, parents, membres de sa famille",
        other=(
            "journaliste, journalistes, humanitaires, travailleur humanitaire, travailleurs "
            "humanitaires, policier, policiers, agents, employés, fidèles, enseignants"
        ),
        medical_staff=(
            "médecin, médecins, infirmier, infirmiers, personnels de santé, personnel de "
            "santé, soignants, soignant, agents de santé"
        ),
        patients="patient, patients",
    ),
    casualty_nouns=table(
        killed="morts, mort, tués, tué, décès",
        injured="blessés, blessé",
    ),
    weapon_nouns=table(
        airstrike=(
            "frappe, frappes, raid, raids, bombardement, bombardements, frappe aérienne, "
            "frappes aériennes, raid aérien, raids aériens, bombe, bombes"
        ),
        missile="missile, missiles, roquette, roquettes",
        shelling="obus, tirs d'artillerie, tir d'artillerie, obus de mortier, tirs de mortier",
        cluster_munition="bombe à sous-munitions, bombes à sous-munitions, armes à sous-munitions",
        chemical="attaque chimique, attaques chimiques",
        drone="drone, drones",
        barrel_bomb="baril, barils",
    ),
    facility_nouns=table(
        medical=(
            "hôpital, hôpitaux, centre de santé, centres de santé, centre médical, centres "
            "médicaux, établissement de santé, établissements de santé, structure de santé, "
            "structures de santé, clinique, cliniques, ambulance, ambulances, "
            "structures médicales, structure médicale"
        ),
        school="école, écoles, université, universités, lycée, collège, jardin d'enfants",
        mosque="mosquée, mosquées, lieux de culte, lieu de culte",
        market="marché, marchés",
        residential="maison, maisons, immeuble, immeubles, habitation, habitations, logement",
        other="bâtiment, bâtiments, église, églises, infrastructure, infrastructures",
        bakery="boulangerie, boulangeries",
        camp="camp, camps",
    ),
    facility_statuses=table(
        destroyed="détruit, détruits, détruite, détruites",
        damaged="endommagée, endommagées, endommagé, endommagés",
        out_of_service="hors service",
    ),
    hit_cues=phrases(
        "bombardé, bombardés, bombardée, bombardées, frappé, frappés, frappée, frappées, "
        "touché, touchés, touchée, touchées, visé, visés, visée, visées, détruit, détruits, "
        "détruite, détruites, endommagé, endommagés, endommagée, endommagées, attaqué, "
        "attaqués, attaquée, attaquées, ciblé, ciblés, ciblée, ciblées, rasé, rasés, rasée, "
        "rasées, incendié, incendiés, incendiée, incendiées"
    ),
    include_cues=phrases("dont, parmi eux, parmi lesquels, parmi elles, y compris, notamment"),
    group_refs={
        "d'entre eux": "",
        "d'entre elles": "",
        "des victimes": "people",
        "des morts": "",
        "des blessés": "",
    },
    family_refs=phrases("d'une même famille, de la même famille, d'une famille"),
    others=words("autre autres"),
    modifiers=words("autres civils de des jeunes les palestiniens syriens"),
    determiners=words("de des du l la le les"),
    not_counts_after=words(
        "% an ans cent familles heure heures jour jours kilomètres km mois mètres pour"
    ),
    not_counts_before=words("numéro résolution article âge"),
    person_nouns=words("homme femme enfant garçon fille médecin soldat journaliste"),
    clause_breaks=words("! . ; ? mais tandis"),
    weapon_links=words("avec de"),
    facility_links=words("contre sur"),
    times_words=words("fois"),
    toll_links=words("a à"),
    partitives=words("de des"),
    group_pronouns=words("eux elles lesquels lesquelles"),
    group_determiners=words("les le la ces"),
    victim_words=words("victimes"),
    copulas=words("étaient était sont est"),
    auxiliaries=words("ont été sont étaient était a aussi"),
    period_prepositions=words("en depuis pendant durant"),
    speech_verbs=frozenset(["a dit", "ont dit", "selon", "raconté"]),
    stopwords=words("le la les des et dans une est sont du pour par sur qui au aux été"),
    months={
        "janvier": 1,
        "février": 2,
        "fevrier": 2,
        "mars": 3,
        "avril": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "août": 8,
        "aout": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "décembre": 12,
        "decembre": 12,
    },
    weekdays={
        "lundi": 0,
        "mardi": 1,
        "mercredi": 2,
        "jeudi": 3,
        "vendredi": 4,
        "samedi": 5,
        "dimanche": 6,
    },
)
