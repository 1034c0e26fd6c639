"""More shapes of issue 8, in sentences of our own: victim and facility nouns outside the tables,
"N others from <group>", members of armed groups, and numbers after a figure that are counts.

Each test is named for its category; the Arabic sentences are written for these tests in the
style of monitoring-group bulletins (singular nouns after 11-99, "من" before the group).
"""

from __future__ import annotations

import pytest

from harmwatch.extract import extract_text


def found(text: str, lang: str | None = None) -> list[tuple[str, str, int]]:
    return [(c.kind, c.subject, c.value) for c in extract_text(text, lang=lang).claims]


# --- facility nouns outside the vocabulary (Arabic: singular after 11-99, shelters, schools) ---


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("وثق الفريق تدمير 37 مركز طبي في المحافظة.", "medical"),
        ("تعرض 25 مركزا للنزوح والإيواء للقصف خلال الشهر.", "camp"),
        ("سجل التقرير 61 اعتداء على مراكز تربوية منذ بداية العام.", "school"),
        ("سجلت الشبكة 340 حوادث اعتداء على مراكز حيوية ومدنية.", "any"),
        ("قصفت الطائرات 14 مسجدا في ريف المدينة.", "mosque"),
    ],
)
def test_facility_nouns_outside_the_vocabulary_in_arabic(text: str, subject: str) -> None:
    got = found(text, lang="ar")
    assert len(got) == 1 and got[0][0] == "facilities_hit" and got[0][1] == subject, got


# --- victim nouns outside the vocabulary, and "N others" of a named group ----------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("قتل 18 صحفيا منذ بداية الحرب.", "other"),
        ("استشهد تسعة من الكوادر الإعلامية خلال الشهر.", "other"),
        ("قتل 12 من عناصر الدفاع المدني في القصف.", "rescuers"),
    ],
)
def test_victim_nouns_outside_the_vocabulary_in_arabic(text: str, subject: str) -> None:
    got = found(text, lang="ar")
    assert len(got) == 1 and got[0][:2] == ("killed", subject), got


def test_others_from_a_named_group_take_that_group() -> None:
    text = "قتل ثلاثة مدنيين و11 آخرين من الكوادر الإعلامية في الغارة."
    assert found(text, lang="ar") == [("killed", "civilians", 3), ("killed", "other", 11)]
    text = "The shelling killed two children and 16 others among the journalists."
    assert found(text) == [("killed", "children", 2), ("killed", "other", 16)]


# --- a count of an armed group's members is fighters --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "قتل سبعة من مليشيات الحشد في الاشتباكات.",
        "قتل 23 من عناصر التنظيم في الغارات.",
        "أسفرت المعارك عن ستة قتلى من قوات الحكومة.",
    ],
)
def test_members_of_an_armed_group_are_fighters_in_arabic(text: str) -> None:
    got = found(text, lang="ar")
    assert len(got) == 1 and got[0][:2] == ("killed", "fighters"), got


def test_dead_among_a_group_take_that_group() -> None:
    assert found("Eight dead among the soldiers were named by the army.") == [
        ("killed", "fighters", 8)
    ]


# --- numbers that are counts: a figure before a bound does not make a table of figures ----------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Bulletin 2024-07 At least 212 people were killed in the raids.", None,
         ("killed", "people", 212)),
        ("Boletim 2023-11 Pelo menos 1.250 pessoas foram mortas nos ataques.", "pt",
         ("killed", "people", 1250)),
    ],
)  # fmt: skip
def test_a_figure_before_a_bound_is_no_table_of_figures(
    text: str, lang: str | None, expected: tuple[str, str, int]
) -> None:
    assert found(text, lang=lang) == [expected]


def test_a_table_of_figures_is_still_no_count() -> None:
    assert found("Call 0800 555 1234 if you saw the attack in which people were killed.") == []


# --- strike wording: the number again in brackets inside the noun phrase ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants fired 30 (thirty) rockets at the town.", [("strikes", "missile", 30)]),
        ("The shelling killed four (4) children and two (2) women.",
         [("killed", "children", 4), ("killed", "women", 2)]),
    ],
)  # fmt: skip
def test_a_number_repeated_in_brackets_is_one_count(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert found(text) == expected


# --- victim, weapon and facility nouns in the Romance languages ---------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Nel raid sono stati uccisi tre giornalisti e due operatori umanitari.", "it",
         [("killed", "other", 3), ("killed", "other", 2)]),
        ("L'esercito ha lanciato 14 attacchi aerei sulla città.", "it",
         [("strikes", "airstrike", 14)]),
        ("I bombardamenti hanno distrutto 9 abitazioni nel quartiere.", "it",
         [("facilities_hit", "residential", 9)]),
        ("Ha perso sette dei suoi nove figli, uccisi nel bombardamento.", "it",
         [("killed", "children", 7)]),
        ("Murieron cuatro periodistas y tres policías en el ataque.", "es",
         [("killed", "other", 4), ("killed", "other", 3)]),
        ("El ejército lanzó 12 proyectiles de artillería contra el barrio.", "es",
         [("strikes", "shelling", 12)]),
        ("Les frappes aériennes ont touché 6 habitations.", "fr",
         [("facilities_hit", "residential", 6)]),
        ("Deux journalistes et trois humanitaires ont été tués.", "fr",
         [("killed", "other", 2), ("killed", "other", 3)]),
        ("Segundo o ministério, entre as vítimas mortais estão 40 crianças e 12 mulheres.",
         "pt", [("killed", "children", 40), ("killed", "women", 12)]),
        ("Según el ministerio, entre los muertos hay 31 niños.", "es",
         [("killed", "children", 31)]),
    ],
)  # fmt: skip
def test_nouns_outside_the_vocabulary_in_romance_languages(
    text: str, lang: str, expected: list[tuple[str, str, int]]
) -> None:
    assert found(text, lang=lang) == expected


# --- strike wording: two munitions sharing a noun, incidents, "N times" after a hit verb -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The district was hit by 26 artillery and mortar shells.", [("strikes", "shelling", 26)]),
        ("Monitors logged 31 shelling incidents along the front.", [("strikes", "shelling", 31)]),
        ("Russia launched 8 Kinzhal hypersonic missiles overnight.", [("strikes", "missile", 8)]),
        ("Warplanes bombed the market area 4 times on Friday.", [("strikes", "other", 4)]),
    ],
)  # fmt: skip
def test_strike_wordings(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert found(text) == expected


# --- breakdowns set off by dashes; a share whose verb is a hit word -----------------------------


def test_a_breakdown_between_dashes_is_part_of_the_count_before() -> None:
    text = "The drone wounded five civilians \u2013 three women and two children \u2013 at dawn."
    assert found(text) == [
        ("injured", "civilians", 5),
        ("injured", "women", 3),
        ("injured", "children", 2),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency verified 77 attacks, with 61 affecting health facilities.",
         [("strikes", "other", 77), ("facilities_hit", "medical", 61)]),
        ("Of the 50 raids, 14 hit schools and 2 struck bakeries.",
         [("strikes", "airstrike", 50), ("facilities_hit", "school", 14),
          ("facilities_hit", "bakery", 2)]),
    ],
)  # fmt: skip
def test_a_share_whose_verb_is_a_hit_word_counts_facilities(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert found(text) == expected


def test_a_bare_killed_count_under_civilian_casualties_is_of_civilians() -> None:
    text = "In June the mission recorded 402 civilian casualties: 96 killed and 306 injured."
    assert found(text) == [("killed", "civilians", 96), ("injured", "civilians", 306)]


# --- numbers that are counts: a month, then a bound, then the count -----------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Since March more than 2,400 people have been killed in the region.", None,
         [("killed", "people", 2400)]),
        ("Seit Oktober wurden mehr als 9.000 Menschen getötet, darunter rund 3.000 Kinder.",
         "de", [("killed", "people", 9000), ("killed", "children", 3000)]),
    ],
)  # fmt: skip
def test_a_month_before_a_bound_is_no_date_of_the_count(
    text: str, lang: str | None, expected: list[tuple[str, str, int]]
) -> None:
    assert found(text, lang=lang) == expected


def test_a_day_after_a_month_is_still_a_date() -> None:
    assert found("On May 12 residents returned to the town.") == []


# --- facility lists: a status after an adverb continues the facility count ----------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Fighting has damaged 840 schools and 75 completely destroyed.", None),
        ("Seit Kriegsbeginn wurden 840 Schulen beschädigt und 75 vollständig zerstört.", "de"),
    ],
)
def test_a_status_after_an_adverb_continues_the_facility_count(text: str, lang: str | None) -> None:
    assert found(text, lang=lang) == [
        ("facilities_hit", "school", 840),
        ("facilities_hit", "school", 75),
    ]
