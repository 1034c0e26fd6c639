"""English: the words extraction reads in English reports, one table per concern."""

from __future__ import annotations

from harmwatch.extract._languages import Flags, Language, phrases, table, words

__all__ = ["LANGUAGE"]

LANGUAGE = Language(
    code="en",
    name="English",
    flags=Flags(
        inflection="english",
        spaced_thousands=False,
        hyphenated_numbers=True,
        guess_plural_nouns=True,
    ),
    units={
        "zero": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    },
    scales={"hundred": 100, "thousand": 1000, "million": 1000000},
    dozens={"dozen": 12},
    articles=words("a an one"),
    and_words=words("and"),
    bounds_before=table(
        at_least=(
            "at least, no fewer than, no less than, not less than, not fewer than, a minimum "
            "of, at the very least, a total of at least"
        ),
        more_than=(
            "more than, over, exceeding, in excess of, upwards of, well over, exceeded, "
            "surpassed, surpassing, just over"
        ),
        about=(
            "about, around, approximately, some, nearly, almost, roughly, an estimated, "
            "estimated, close to, closer to, just under, approx, circa"
        ),
        up_to="up to, as many as, as much as",
    ),
    bounds_after=table(
        at_least="or more, at least",
    ),
    bound_gap=words("the a an ("),
    range_words=words("between"),
    range_links=words("to or"),
    killed=phrases(
        "claimed lives of, claiming lives of, claimed the life of, casualties included, "
        "the casualties included, "
        "killed, killing, kill, kills, died, die, dies, dead, death of, deaths of, the deaths "
        "of, the death of, lost their lives, lost his life, lost her life, were killed, was "
        "killed, have been killed, has been killed, had been killed, been killed, claimed the "
        "lives of, claiming the lives of, took the lives of, killed at least, perished, were "
        "among the dead, among the dead, among those killed, were martyred, martyred, slain, "
        "slaughtered, massacred, executed, death toll, toll, fatalities, lives, bodies, "
        "bodies of, were found dead, shot dead, burned to death, murdered, deaths, death, "
        "life, dying, victims included, the victims included, victims include, the deceased "
        "included, the deceased include, the dead included, the dead include, deceased, the "
        "victims were, victims were, the dead were, the dead are"
    ),
    injured=phrases(
        "being treated, were being treated, treated in hospital, being treated in hospital, "
        "receiving treatment, "
        "wounded, wounding, wound, wounds, injured, injuring, injure, injures, injuries to, "
        "injuries, hurt, were hurt, were wounded, were injured, sustained injuries, suffered "
        "injuries, among the injured, among the wounded, injury, in severe condition, in "
        "critical condition, seriously, critically, severely, lightly, moderately, were "
        "treated, treated for, were hospitalised, were hospitalized, hospitalised, "
        "hospitalized"
    ),
    not_casualties=phrases(
        "killed or wounded, killed or injured, dead or wounded, dead or injured, killed and "
        "wounded, killed and injured, killing and maiming, killing or maiming, killed and "
        "maimed, killed or maimed, maimed, maiming, casualties, casualty, missing, remain "
        "missing, are missing, were missing, trapped, displaced, were displaced, fled, "
        "arrested, detained, abducted, kidnapped, rescued, evacuated, recruited, live, "
        "living, lived, affected, in need, homeless, saved, survived, escaped, released, were "
        "born, deaths and injuries, deaths or injuries, dead or injured people, shot down, "
        "intercepted, downed, neutralised, neutralized, repelled, were neutralised, were "
        "neutralized, were intercepted, were shot down, destroyed in the air"
    ),
    victim_nouns=table(
        people=(
            "people, person, adult, persons, victim, individual, palestinian, israeli, "
            "ukrainian, syrian, yemeni, lebanese, afghan, iraqi, sudanese, rohingya"
        ),
        civilians=(
            "resident, inhabitant, civilian, villager, citizen, non-combatant, noncombatant, "
            "civilians people"
        ),
        children=(
            "child, children, minor, kid, teenager, boy, girl, infant, baby, babies, toddler, "
            "student, schoolchildren, schoolchild, pupil"
        ),
        women="woman, women, female citizen, mother, citizen woman, citizen women",
        men="man, men",
        fighters=(
            "soldier, fighter, combatant, militant, serviceman, service member, servicemen, "
            "member of the military, members of the military, troop, rebel, gunman, gunmen, "
            "taliban, insurgent, jihadist, sniper, members of the security forces, security "
            "forces, member of the armed forces, members of the armed forces, pkk members, "
            "militiaman, militiamen, paramilitary, "
            "security force member, members of the security forces, service personnel, "
            "pkk member, isis member, is member"
        ),
        medical_staff=(
            "paramedic, doctor, nurse, health worker, healthcare worker, health care worker, "
            "medical worker, medical personnel, medical staff, medic, medical volunteer, "
            "surgeon, ambulance worker, staff member, staff, staffer, medical staff member, "
            "hospital staff, health staff, pharmacist, midwife, midwives, emt"
        ),
        rescuers=(
            "rescuer, rescue worker, first responder, civil defence volunteer, civil defense "
            "volunteer, civil defence member, civil defense member, civil defence personnel, "
            "civil defense personnel, civil defence worker, civil defense worker, white "
            "helmet, white helmets volunteer, rescue volunteer, scout, islamic scouts, civil "
            "defence, civil defense, firefighter, paramedics and civil defense volunteers, "
            "paramedics and civil defence volunteers, volunteer"
        ),
        patients="patient",
        family_members=(
            "member of one family, members of one family, member of the same family, members "
            "of the same family, family member, relative, parent, sibling, brother, sister, "
            "son, daughter, grandchild, grandchildren, granddaughter, grandson, nephew, "
            "niece, husband, wife, wives, grandmother, grandfather, uncle, aunt, cousin"
        ),
        other=(
            "security guard, detainee, prisoner, inmate, caretaker, employee, un staff, un "
            "staff member, un worker, unrwa staff, unrwa staff member, guard, journalist, aid "
            "worker, worker, policeman, policemen, police officer, farmer, fisherman, "
            "fishermen, teacher, national, foreigner, foreign national, contractor, "
            "worshipper, shepherd, police, elderly people, elderly person, older people, "
            "elderly, colleague, technician, hospital visitor, visitor, "
            "media worker, media workers, reporter, photographer, cameraman, engineer, "
            "humanitarian worker, humanitarian, staff of the agency, children and women, "
            "women and children"
        ),
    ),
    casualty_nouns=table(
        killed=(
            "dead, death, deaths, killed, fatality, fatalities, martyr, martyrs, body, "
            "bodies, corpse, corpses, lives, killings"
        ),
        injured="wounded, injured, injury, injuries, hurt",
    ),
    weapon_nouns=table(
        airstrike=(
            "aviation strike, aviation attack, aerial strike, air-raid, airstrike, air strike, "
            "air-strike, air raid, airraid, air attack, aerial attack, "
            "aerial bombardment, raid, attack run, bombing run, sortie, bomb, guided bomb, "
            "glide bomb, aerial bomb, munition, precision munition, guided munition"
        ),
        other=(
            "incident of attack, incidents of attack, incident of attacks, strike, attack, "
            "incendiary weapon, bombing, incendiary attack, incendiary munition, bombardment"
        ),
        barrel_bomb="barrel bomb, barrel, barrel bomb attack, explosive barrel",
        cluster_munition=(
            "cluster munition, cluster bomb, cluster munitions attack, cluster munition attack"
        ),
        missile=(
            "missile, rocket, cruise missile, ballistic missile, missile strike, rocket "
            "attack, missile attack, anti-aircraft missile, scud"
        ),
        shelling=(
            "shell, artillery shell, mortar, mortar shell, mortar round, artillery round, "
            "shelling attack, artillery strike, multiple launch rocket system, mlrs, shelling "
            "incident, incident of shelling, incidents of shelling, artillery attack, shelling, "
            "shelled, artillery, artillery fire, shellfire"
        ),
        drone=(
            "drone, attack drone, kamikaze drone, drone strike, drone attack, shahed, uav, "
            "loitering munition, suicide drone"
        ),
        chemical=(
            "chemical attack, chemical weapon, chemical weapons attack, gas attack, chlorine "
            "attack, chlorine cylinder, gas cylinder, toxic gas canister, cylinder"
        ),
    ),
    facility_nouns=table(
        medical=(
            "hospital, medical facility, health facility, health centre, health center, "
            "clinic, medical centre, medical center, medical point, health care service, "
            "healthcare facility, health care facility, basic health care service, medical "
            "establishment, health service, field hospital, medical facilities, ambulance, "
            "vital medical facility, medical post, health post, dispensary, pharmacy, "
            "maternity hospital, blood bank, maternity unit, maternity ward, maternity wing, "
            "maternity clinic, maternity centre, maternity center"
        ),
        school=(
            "school, educational facility, education facility, kindergarten, university, "
            "educational institution, preschool, pre-school, nursery school, school building, "
            "educational centre, educational center, vital educational facility"
        ),
        civil_defence=(
            "civil defence point, civil defense point, civil defence centre, civil defense "
            "center, civil defence center, civil defense centre, civil defence facility, civil "
            "defense facility, fire truck, fire engine, fire station, rescue vehicle"
        ),
        market="market, marketplace, shopping centre, shopping center, shopping mall, mall",
        mosque="mosque, place of worship, places of worship",
        camp=(
            "camp, displacement camp, idp camp, camps for internally displaced people, "
            "refugee camp, camp for displaced people, camps for displaced people, idps camp, "
            "camp for internally displaced persons, shelter for displaced people, tent"
        ),
        bakery="bakery, bakeries, bread oven",
        residential=(
            "house, home, residential building, apartment building, apartment block, private "
            "house, apartment, flat, civilian home, civilian house, residential block, "
            "dwelling, residence, family compound, residential compound, housing unit, "
            "residential house"
        ),
        water=(
            "water station, water facility, water plant, water pumping station, water "
            "infrastructure"
        ),
        power=(
            "power station, power plant, power facility, power facilities, energy facility, "
            "energy infrastructure, substation, power substation"
        ),
        other=(
            "church, shop, store, churches, monastery building, monastery, building, "
            "structure, infrastructure, infrastructures, infrastructure building, public "
            "facility, communal facility, cultural facility, international humanitarian "
            "insignia, humanitarian insignia, buildings and assets, government building, "
            "public building"
        ),
        any=(
            "vital civilian facility, vital civilian facilities, vital civilian center, vital "
            "civilian centre, civilian facility, civilian facilities, essential civilian "
            "facility, essential civilian facilities, civilian infrastructure, civilian "
            "object, civilian center, civilian centre, facility, vital facility, civil vital "
            "facility, vital civil facility, vital center, vital centre, civilian site, "
            "civilian target, institution"
        ),
    ),
    facility_statuses=table(
        destroyed="destroyed, razed, flattened, levelled, leveled, reduced to rubble",
        damaged="damaged, partially damaged",
        out_of_service=(
            "out of service, out of action, stopped functioning, stopped working, put out of "
            "service, non-functional, not functioning, forced to close, ceased operating, out "
            "of operation"
        ),
    ),
    hit_cues=phrases(
        "hit, hits, struck, strike, strikes, targeted, targeting, attacked, attacking, "
        "attacks on, attack on, strikes on, strike on, attacks against, attacks targeting, "
        "bombed, bombing, shelled, shelling, damaged, damaging, destroyed, destroying, razed, "
        "levelled, leveled, flattened, burned, burnt, out of service, stopped functioning, "
        "forced to close, raided, looted, demolished, set on fire, torched, were hit, came "
        "under attack, affected, affecting, dropped on, dropped onto, fell on, landed on, hit "
        "by, struck by, shelling of, bombing of, attack on, attacked, targeted by, put out of "
        "service, out of action, knocked out, ruins of, rubble of, wreckage of, remains of, "
        "reduced to rubble, collapsed, gutted, burned down, burnt down, caught fire, spread "
        "through, engulfed, tore through, ripped through, swept through"
    ),
    include_cues=phrases(
        "including, includes, included, include, among them, among whom, of whom, of which, "
        "among those, among the dead, among the dead were, among the victims, the dead "
        "included, the victims included, the dead include, the victims include, such as, "
        "incl, incl., among, namely, comprising, consisting of"
    ),
    group_refs={
        "of them": "",
        "of whom": "",
        "of those": "",
        "of those killed": "",
        "of the dead": "",
        "of the victims": "people",
        "of the deceased": "",
        "of the injured": "",
        "of the wounded": "",
        "of those killed were": "",
        "of the people": "people",
        "of the civilians": "civilians",
        "of the children": "children",
        "of those wounded": "",
        "of those injured": "",
        "of these": "",
        "of the fatalities": "",
        "of the casualties": "",
    },
    family_refs=phrases(
        "from one family, from the same family, of one family, of the same family, from a "
        "single family, of a single family, from one household"
    ),
    others=words("additional another further more other others"),
    modifiers=words(
        "a vital offensive additional adult afghan aid alleged american an another apparent "
        "hypersonic thermobaric tactical short-range long-range "
        "armed army "
        "ballistic besieged british burmese civilian coalition confirmed consecutive cruise "
        "dead deadly different direct displaced distinct documented egyptian elderly "
        "emergency emirati enemy ethiopian explosive fatal fellow female foreign french "
        "functioning further government guided heavy humanitarian identified incendiary "
        "indian indiscriminate individual infant injured innocent international iranian iraqi "
        "israeli israeli-made jordanian junta kamikaze kurdish large-scale lebanese libyan "
        "likely little local major male malian massive medical military minor more national "
        "new newborn nigerian of old opposition other others pakistani palestinian "
        "palestinians possible precision pregnant pro-government pro-regime rebel recorded "
        "regime regime's remaining reported rescue rohingya russian russian-made saudi "
        "separate serious simultaneous small somali specific successive sudanese surviving "
        "suspected syrian teenage the tigrayan total trapped turkish ukrainian unarmed "
        "unguided unidentified unlawful unnamed volunteer volunteers wounded yemeni young"
    ),
    determiners=words("a all an her his its some the their"),
    not_counts_after=words(
        "% a.m am ambulance-bed animal animals article articles bed beds bus buses car cars "
        "case cases cattle cent centuries century cm day days decade decades degree degrees "
        "displaced dollar dollars euro euros families family gmt hour hours household "
        "households idp idps incident incidents kg kilogram kilograms kilometer kilometers "
        "kilometre kilometres km liter liters litre litres m massacre massacres meter meters "
        "metre metres migrant migrants mile miles million-strong minute minutes mm month "
        "months nd o'clock p.m page pages pc per percent pm point points pound pounds rd "
        "refugee refugees resolution resolutions round second seconds sheep st tank tanks th "
        "ton tonne tonnes tons truck trucks usd utc vehicle vehicles violation violations "
        "week weeks year years yr yrs"
    ),
    not_counts_before=words(
        "# $ age aged ages article chapter class covid covid-19 eur ext f-16 fax flight grade "
        "highway item ka level mig no no. number page paragraph phase phone platform "
        "resolution road room route s section su su- tel usd vol volume £ €"
    ),
    person_nouns=words(
        "activist aunt baby baker boy brother cameraman child civilian cook cousin daughter "
        "doctor driver engineer farmer father fighter fisherman girl granddaughter "
        "grandfather grandmother grandson husband imam infant journalist laborer labourer "
        "lawyer man mayor mechanic medic mother nephew niece nurse officer paramedic "
        "pensioner pharmacist photographer priest reporter rescuer resident shepherd "
        "shopkeeper sister soldier son student surgeon teacher teenager uncle vendor victim "
        "volunteer widow wife woman worker"
    ),
    clause_breaks=words("! ; ? but meanwhile whereas while"),
    weapon_links=words("by from involving of using with"),
    facility_links=words("against hitting on targeting that which"),
    times_words=words("times occasions"),
    toll_links=words("at reached reaching to"),
    partitives=words("of among"),
    group_pronouns=words("them whom those these which"),
    group_determiners=words("the those these its their our his her"),
    victim_words=words("victims fatalities"),
    copulas=words("were was are is being been"),
    auxiliaries=words(
        "were was have has had been are is also reportedly all later eventually subsequently "
        "being then"
    ),
    period_prepositions=words("in since during until of from throughout"),
    speech_verbs=words("said told say says reported described recounted"),
    stopwords=words("the of and in to was were is that for on with by at from said have"),
    months={
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
    vague_weapon_nouns=words("raid bomb shell barrel"),
    article_ones={"a": 1, "an": 1},
    weekdays={
        "monday": 0,
        "tuesday": 1,
        "wednesday": 2,
        "thursday": 3,
        "friday": 4,
        "saturday": 5,
        "sunday": 6,
    },
)
