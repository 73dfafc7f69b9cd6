"""`sitrep geocode` output, and the geocoding measures on small files written here."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sitrep.geo.cli import geocode_command
from sitrep.geo.evaluate import evaluate_muc4_locations, evaluate_ucdp, parse_muc4_location


def test_geocode_json():
    res = CliRunner().invoke(geocode_command, ["Nushki, Balochistan", "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["canonical_name"] == "Nushki" and d["country"] == "PK" and d["country_iso3"] == "PAK"
    assert abs(d["latitude"] - 29.552) < 0.05 and abs(d["longitude"] - 66.023) < 0.05
    assert d["precision"] == 1 and d["where_prec"] == 1 and d["admin2"] == "Nushki District"
    assert d["geonames_id"] == 1168749 and d["alternatives"]


def test_geocode_text():
    res = CliRunner().invoke(geocode_command, ["Noshki"])
    assert res.exit_code == 0, res.output
    assert "Nushki (town): Nushki District, Balochistan, Pakistan [PK/PAK]" in res.output
    assert "precision 1" in res.output and "where_prec 1" in res.output


def test_geocode_not_found():
    res = CliRunner().invoke(geocode_command, ["Xqzvillagezz"])
    assert res.exit_code == 1 and "not found" in res.output
    res = CliRunner().invoke(geocode_command, ["Xqzvillagezz", "--format", "json"])
    assert json.loads(res.output)["resolved"] is False


def test_parse_muc4_location():
    assert parse_muc4_location("PERU: LIMA (CITY)") == [("PERU", ["LIMA"])]
    assert parse_muc4_location("*") == []
    assert parse_muc4_location("(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR)") == [
        ("EL SALVADOR", ["SAN SALVADOR"]),
        ("EL SALVADOR", []),
    ]
    assert parse_muc4_location("CHILE: COPIAPO (CITY) - TALCA (CITY)") == [
        ("CHILE", ["COPIAPO", "TALCA"])
    ]
    assert parse_muc4_location("COLOMBIA: MEDELLIN (CITY): AMERICA (NEIGHBORHOOD)") == [
        ("COLOMBIA", ["MEDELLIN"])
    ]


def test_evaluate_ucdp_on_rows_written_here(tmp_path):
    rows = [
        # Quetta, as UCDP gives it: exact place, province with the "province" suffix
        {
            "gold": {
                "where_prec": 1,
                "where_coordinates": "Quetta town",
                "adm_1": "Balochistan province",
                "adm_2": "Quetta district",
                "latitude": 30.19,
                "longitude": 67.01,
            }
        },
        # a former FATA agency town: today's Khyber Pakhtunkhwa counts as agreement
        {
            "gold": {
                "where_prec": 1,
                "where_coordinates": "Miranshah town",
                "adm_1": "Federally Administered Tribal Areas",
                "adm_2": "North Waziristan",
                "latitude": 33.0,
                "longitude": 70.07,
            }
        },
        {
            "gold": {
                "where_prec": 1,
                "where_coordinates": "Zzqvillage village",
                "adm_1": "Balochistan province",
                "latitude": 29.0,
                "longitude": 66.0,
            }
        },
        {
            "gold": {
                "where_prec": 4,
                "where_coordinates": "Balochistan province",
                "adm_1": "Balochistan province",
                "latitude": 29.0,
                "longitude": 66.0,
            }
        },
    ]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    r = evaluate_ucdp(path)
    assert r["rows_where_prec_1"] == 3 and r["rows_in_geonames"] == 2 and r["rows_resolved"] == 2
    assert r["within_10km_in_geonames"] == 100.0
    assert r["admin1_agreement_resolved"] == 100.0
    assert r["admin2_agreement_resolved"] == 100.0
    assert r["miss_causes"] == {"not in GeoNames cities500: left unresolved": 1}


def test_evaluate_muc4_on_documents_written_here(tmp_path):
    docs = [
        {
            "id": "a",
            "text": "guerrillas bombed a power station in the city of usulutan, el salvador, today.",
            "key_templates": [{"parsed": {"incident_location": "EL SALVADOR: USULUTAN (CITY)"}}],
        },
        {
            "id": "b",
            "text": "the army said rebels burned two buses in lima, peru, last night.",
            "key_templates": [{"parsed": {"incident_location": "PERU: LIMA (CITY)"}}],
        },
        {
            "id": "c",
            "text": "nothing here.",
            "key_templates": [{"parsed": {"incident_location": "*"}}],
        },
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    r = evaluate_muc4_locations(path, pipeline=False)
    assert r["documents_with_location"] == 2
    assert r["country_match"] == 100.0 and r["city_match"] == 100.0
