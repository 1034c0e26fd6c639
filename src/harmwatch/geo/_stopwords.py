"""Capitalised words in reports that are not places, though a village may bear the name."""

from __future__ import annotations

import re

from harmwatch.geo._fold import fold_name

__all__ = [
    "ANY_COMMON_NOUN",
    "ARABIC_NOT_PLACES",
    "COMMON_NOUNS",
    "COUNTRY_WORDS",
    "NOT_PLACES",
    "SPEAKING_AFTER",
    "TRIGGER_AFTER",
    "TRIGGER_BEFORE",
    "TRIGGER_STRONG_BEFORE",
    "VENUE_AFTER",
    "VENUE_BEFORE",
]

_WORDS = """
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
russian russians syrian syrians turkish turks iranian iraqi
american americans us usa british french german
israeli israelis jordanian lebanese egyptian saudi emirates
yemeni ukrainian kurdish kurds kurd arab arabs arabic english
european un onu who msf unicef ocha unhcr nato isis isil daesh sdf ypg hts fsa sna nusra
regime government opposition rebels rebel forces army airforce force forces coalition
hospital hospitals clinic school schools market mosque bakery camp centre center station
civil defence defense white helmets helmet red crescent cross health directorate ministry
council office network observatory human rights watch amnesty international news agency
reuters afp ap associated press bbc cnn jazeera anadolu sana tass sputnik twitter
facebook youtube telegram whatsapp report reports according said says the a and or but
in on of for to from with by after before during since while when where which who
this that these those there here it its his her their they we our you he she i
mr mrs ms dr sheikh imam president minister general colonel captain commander spokesman
countryside province
governorate district city town village villages area region rural suburb suburbs
chemical barrel bomb bombs airstrike airstrikes strike strikes shelling missile missiles
rocket rockets drone drones artillery jets jet warplanes warplane helicopter helicopters
killed injured wounded dead death deaths people civilians children women men
mohammed muhammad mohammad ahmed ahmad ali hassan hasan hussein husain omar umar abdullah
abdallah khaled khalid mahmoud mahmud mustafa youssef yusuf ibrahim ismail salim salem
karim adnan ammar abbas basel bashar fares jaber rashid sayed sayyid amer amin hamdan
hamza bilal walid waleed nour noor fatima aisha mariam maryam zainab sara salma joseph
john james david michael kelly sam dan tom
putin assad erdogan trump obama biden lavrov
islam islamic muslim muslims christian christians sunni shia alawite druze
hole hot hit shark has os ora dar di mal san sur
khalil mahmoud yasser yasin hadi ziad samir said saeed nasser jamal fadi rami tarek tareq
majed maher bassam hisham hussam osama anas mazen marwan nabil raed riad sami wael yahya
younes yousef zaher ayman emad hani hamid hamad hamed ghassan haitham kamal mounir muhannad
qasim radwan shadi talal tamer zakaria abdul mohamad abdulrahman abdelrahman suleiman
sham ahrar tahrir hayat jaysh jaish jabhat faylaq fateh fatah qaeda hezbollah hamas houthi
houthis ansar allah ansarullah wagner rsf saa ssa idf ypg pkk hamza sultan murad
ethiopian ethiopians yemenis sudanese afghan afghans palestinian palestinians ukrainians
lebanese iraqis libyan burmese somali turkmen circassian
press agency channel tv radio foundation organisation organization union society
university college institute school hospital hospitals
number total week weeks month months year years day days hour hours night morning evening
first second third one two three four five six seven eight nine ten more
les los las il une una uno und dans sur par pour con por para nel nella dei degli
im am vom zum zur bei nach mit von ce cette selon après avant pendant
stadt dorf ortschaft lager fluchtlingslager flüchtlingslager stadtteil viertel bezirk provinz
ville cidade ciudad citta città zona barrio bairro
"""

NOT_PLACES: frozenset[str] = frozenset(_WORDS.split())

TRIGGER_BEFORE: tuple[str, ...] = (
    "village of",
    "villages of",
    "town of",
    "towns of",
    "city of",
    "outskirts of",
    "countryside of",
    "suburb of",
    "suburbs of",
    "area of",
    "region of",
    "district of",
    "sub-district of",
    "subdistrict of",
    "province of",
    "governorate of",
    "camp of",
    "in",
    "near",
    "at",
    "from",
    "outside",
    "around",
    "into",
    "towards",
    "toward",
    "targeted",
    "struck",
    "hit",
    "bombed",
    "shelled",
    "à",
    "dans",
    "em",
    "nel",
    "nella",
    "im",
    "bei",
)

# Words before a name that say it is a place, in the languages of the reports ("la ville d'X",
# "cidade de X", "Flüchtlingslager X", "a small town called X"); each makes a strong trigger.
TRIGGER_STRONG_BEFORE: tuple[str, ...] = (
    "municipality of",
    "neighbourhood of",
    "neighborhood of",
    "quarter of",
    "town called",
    "village called",
    "town named",
    "village named",
    "camp called",
    "place called",
    "area called",
    "area known as",
    "ville de",
    "ville d",
    "village de",
    "village d",
    "région de",
    "district de",
    "localité de",
    "commune de",
    "camp de",
    "quartier de",
    "cittadina di",
    "città di",
    "villaggio di",
    "campo di",
    "zona di",
    "quartiere di",
    "paese di",
    "cidade de",
    "vila de",
    "aldeia de",
    "região de",
    "zona de",
    "bairro de",
    "campo de",
    "campamento de",
    "ciudad de",
    "pueblo de",
    "localidad de",
    "barrio de",
    "distrito de",
    "stadt",
    "dorf",
    "ortschaft",
    "flüchtlingslager",
    "lager",
    "flüchtlingscamp",
    "palästinensercamps",
    "palästinenserlager",
    "stadtteil",
    "viertel",
    "bezirk",
    "provinz",
    "region",
    "province de",
    "gouvernorat de",
    "provincia de",
    "provincia di",
    "distretto di",
    "governatorato di",
    "gobernación de",
)

TRIGGER_AFTER: tuple[str, ...] = (
    "countryside",
    "province",
    "governorate",
    "district",
    "subdistrict",
    "village",
    "town",
    "city",
    "camp",
    "area",
    "outskirts",
    "suburbs",
    "region",
    "oblast",
    "state",
    "township",
    "division",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "sub-district",
    "kebele",
    "municipality",
    "camps",
    "villages",
    "towns",
    "districts",
    "neighbourhoods",
    "neighborhoods",
    "villager",
    "villagers",
    "county",
    "locality",
    "commune",
    "refugee camp",
    "directorate",
)

# Verbs after a city that opens its sentence make it its government speaking ("Moscow denied
# any involvement", "Damascus said", "Kyiv says"): no place of the counts around it.
SPEAKING_AFTER: tuple[str, ...] = (
    "said",
    "says",
    "denied",
    "denies",
    "has denied",
    "has said",
    "accused",
    "accuses",
    "blamed",
    "blames",
    "insisted",
    "insists",
    "rejected",
    "rejects",
    "dismissed",
    "condemned",
    "announced",
    "responded",
    "warned",
    "a démenti",
    "a nié",
    "dément",
    "nie",
    "bestritt",
    "bestreitet",
    "negó",
    "niega",
    "negou",
    "nega",
    "ha negato",
)


# Common nouns of a report's language that villages somewhere also bear. German writes every
# noun with a capital ("den Markt", "im Tal", "am Ende"), so a noun reads as a name; in a text
# of that language such a word alone is no place (a feature word before it still makes it one:
# "der Ort Markt"). One table per ISO 639-1 code, compared folded (fold_name).
_NOUNS = {
    "de": """
markt marktplatz platz kirche schule feld felder wald berg berge tal see hafen dorf stadt haus
hause häuser zentrum mitte norden süden osten westen bombe bomben artillerie kinder tote toten
tod tag tage montag sonntag märz mai juli august welt land länder region siedlung nähe rand
ende essen schutz kreuz ort orte stelle front mauer tor burg hof au aue bad heide moor ried
grund eck ecke born brunnen brücke strasse straße lager grenze gebiet gebäude angriff opfer
hilfe leben nacht morgen abend woche jahr monat heim insel bach mark bank bau
""",
}
COMMON_NOUNS: dict[str, frozenset[str]] = {
    code: frozenset(fold_name(word) for word in words.split()) for code, words in _NOUNS.items()
}
ANY_COMMON_NOUN: frozenset[str] = frozenset().union(*COMMON_NOUNS.values())


_PLAIN = str.maketrans("أإآىة", "ااايه")


def _plain_arabic(word: str) -> str:
    return re.sub("[\u064b-\u065f\u0670\u0640]", "", word).translate(_PLAIN)


# Arabic words that are common in reports and also the names of villages (months, "Assad",
# "revolution", "wounds", "lady", "the picture", person names...). Compared in plain form
# (diacritics out, hamza and ta marbuta folded, article kept) and as folded keys.
_ARABIC = """
كانون الثاني شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين الأول الاول
قرية مدينة بلدة ريف محافظة منطقة ناحية مشفى مستشفى سوق مدرسة مسجد جامع فرن مخيم حي شارع طريق
قصف غارة غارات طائرات طائرة روسية روسي النظام قوات الدفاع المدني أطفال نساء شهداء شهيد جرحى
مقتل يوم اليوم أمس الجمعة السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الشهر العام
بعد قبل خلال حيث التي الذي كانت كان عدد مدني مدنيين المدنيين صواريخ صاروخ براميل برميل متفجرة
عنقودية الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية
الأسد الاسد أسد اسد الثورة ثورة الصورة صورة صور الهوية هوية المشهد مشهد حالات حالة سيدة السيدة
جروح الجروح حربية الحربية الصراع صراع أربعين اربعين الأربعين رامي عمر علي محمد أحمد احمد حسن
حسين خالد باب بستان البستان الفردوس فردوس السلام سلام النصر نصر الحرية حرية الوحدة وحدة
الجيش جيش الشعب شعب الأمن امن الامن الشام السورية السوري العربي العربية عربي
الإنسان الانسان حقوق المرصد الشبكة منظمة الأمم المتحدة الصحة الطبية طبي طبية الإسعاف الاسعاف
الخوذ البيضاء الهلال الأحمر الاحمر فريق مركز مراكز نقطة النقاط موقع مواقع المنطقة المناطق
الصحفي صحفي الناشط ناشط مصدر مصادر المحلي محلي الأهالي الاهالي السكان سكان عائلة عائلات
"""
ARABIC_NOT_PLACES: frozenset[str] = frozenset(_plain_arabic(w) for w in _ARABIC.split())

_COUNTRIES = {
    "SY": "syria syrian syrians سوريا سوريه السوري السوريه",
    "YE": "yemen yemeni yemenis sanaa houthi houthis اليمن اليمني اليمنيه الحوثي",
    "UA": "ukraine ukrainian ukrainians kyiv kharkiv odesa اوكرانيا",
    "PS": "gaza palestinian palestinians غزه الفلسطيني الفلسطينيه",
    "LB": "lebanon lebanese beirut لبنان اللبناني",
    "SD": "sudan sudanese darfur khartoum omdurman السودان السوداني",
    "IQ": "iraq iraqi iraqis baghdad mosul العراق العراقي",
    "AF": "afghanistan afghan afghans kabul taliban افغانستان",
    "MM": "myanmar burma burmese rakhine",
    "ET": "ethiopia ethiopian tigray amhara",
    "LY": "libya libyan tripoli ليبيا",
    "SO": "somalia somali mogadishu",
    "ML": "mali malian",
    "NG": "nigeria nigerian",
    "IL": "israel israeli israelis",
}
COUNTRY_WORDS: dict[str, str] = {
    word: code for code, words in _COUNTRIES.items() for word in words.split()
}


# Where talks were held or an agreement signed ("the de-escalation zone agreed in Astana", "the
# Astana talks", "a truce brokered in Geneva"): a foreign city named so is a venue, no place of
# the counts around it.
VENUE_BEFORE: tuple[str, ...] = (
    "agreed in",
    "agreed upon in",
    "signed in",
    "brokered in",
    "negotiated in",
    "reached in",
    "concluded in",
    "talks in",
    "negotiations in",
    "summit in",
    "conference in",
    "meeting in",
    "agreement in",
    "accord in",
    "signé à",
    "conclu à",
    "firmado en",
    "acordado en",
    "assinado em",
    "firmato a",
    "unterzeichnet in",
)
VENUE_AFTER: tuple[str, ...] = (
    "talks",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "process",
    "format",
    "memorandum",
    "summit",
    "conference",
    "negotiations",
    "peace talks",
    "ceasefire agreement",
)
