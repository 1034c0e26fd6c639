"""Places and zones users add are kept in the database, where a whole team sees them."""

from __future__ import annotations

import pytest

from harmwatch.model import AddedPlace, Place
from harmwatch.store import Store

pytestmark = pytest.mark.filterwarnings("error")


def _village(name: str, *, lat: float = 35.5, names: tuple[str, ...] = ()) -> AddedPlace:
    place = Place(
        id=f"user:{name.lower().replace(' ', '-')}",
        name=name,
        lat=lat,
        lon=36.5,
        feature="village",
        admin1="Idlib",
        country="SY",
    )
    return AddedPlace(place=place, names=names, origin="villages")


_TRUCE = {
    "type": "Feature",
    "properties": {"name": "Truce", "in_force_from": "2020-03-06"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[36.0, 35.0], [37.0, 35.0], [37.0, 36.0], [36.0, 35.0]]],
    },
}


def test_added_places_come_back_as_stored_with_their_names(store: Store) -> None:
    places = [_village("Tell Zahra", names=("تل زهرة", "Tall Zahrah")), _village("Khirbat Nur")]
    assert store.add_places("villages", places) is True
    assert store.added_places() == places


def test_adding_the_same_places_again_changes_nothing(store: Store) -> None:
    places = [_village("Tell Zahra")]
    store.add_places("villages", places)
    assert store.add_places("villages", places) is False
    assert [e.action for e in store.iter_audit()] == ["places.import"]


def test_a_new_version_of_an_import_replaces_the_old_one_and_is_audited(store: Store) -> None:
    store.add_places("villages", [_village("Tell Zahra"), _village("Khirbat Nur")])
    store.add_places("villages", [_village("Tell Zahra", lat=35.6)])
    assert [(p.place.name, p.place.lat) for p in store.added_places()] == [("Tell Zahra", 35.6)]
    last = list(store.iter_audit())[-1]
    assert (last.entity, last.before, last.after["places"]) == (
        "places:villages",
        {"places": 2},
        1,
    )
    assert store.verify_audit() == 2


def test_a_second_connection_to_the_same_database_sees_the_added_places_and_zones(
    store: Store, db_url: str
) -> None:
    store.add_places("villages", [_village("Tell Zahra")])
    store.add_zones("truce", [_TRUCE])
    with Store.open(db_url) as colleague:
        assert [p.place.id for p in colleague.added_places()] == ["user:tell-zahra"]
        assert colleague.zone_features() == [("truce", _TRUCE)]


def test_adding_the_same_zones_again_changes_nothing(store: Store) -> None:
    assert store.add_zones("truce", [_TRUCE]) is True
    assert store.add_zones("truce", [_TRUCE]) is False
    assert [e.action for e in store.iter_audit()] == ["zones.add"]
    assert store.counts()["zones"] == 1
