// sitrep dashboard: filters, map (offline basemap, clustered markers sized by deaths), timeline,
// table.  Plain JS, no build step.  Every value from the API is put in the page with textContent
// or as an attribute through the DOM; never as HTML.
(function () {
  "use strict";

  var TYPE_ORDER = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
  ];
  var PAGE = 25;
  var state = { offset: 0, total: 0, sort: "-date", interval: "week", measure: "events" };
  var typeClass = {};
  var map, cluster, provinces, provincesLoading = false;

  function $(sel) { return document.querySelector(sel); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "cls") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function classFor(type) {
    var name = type || "Unknown";
    if (!(name in typeClass)) {
      var i = TYPE_ORDER.indexOf(name);
      if (i < 0) i = 6 + (Object.keys(typeClass).length % 2);
      typeClass[name] = i;
    }
    return typeClass[name];
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.error || r.statusText);
          return body;
        });
      });
  }

  // ------------------------------------------------------------------ filters

  function filterParams(extra) {
    var form = $("#filters");
    var params = new URLSearchParams();
    ["since", "until", "country", "admin1", "type", "actor", "min_fatalities", "q"].forEach(function (n) {
      var v = form.elements[n].value.trim();
      if (v) params.set(n, v);
    });
    if (form.elements.in_view.checked && map) {
      var b = map.getBounds();
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
      params.set("bbox", [
        clamp(b.getWest(), -180, 180).toFixed(4), clamp(b.getSouth(), -90, 90).toFixed(4),
        clamp(b.getEast(), -180, 180).toFixed(4), clamp(b.getNorth(), -90, 90).toFixed(4),
      ].join(","));
    }
    Object.keys(extra || {}).forEach(function (k) { params.set(k, extra[k]); });
    return params;
  }

  function syncHash() {
    var p = filterParams();
    p.delete("bbox");
    var text = p.toString();
    history.replaceState(null, "", text ? "#" + text : location.pathname);
  }

  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    var form = $("#filters");
    p.forEach(function (v, k) {
      if (form.elements[k] && form.elements[k].type !== "checkbox") form.elements[k].value = v;
    });
  }

  function fillFacets(f) {
    var form = $("#filters");
    f.countries.forEach(function (c) {
      form.elements.country.appendChild(el("option", { value: c.code, text: c.name + " (" + c.events + ")" }));
    });
    f.admin1.forEach(function (a) {
      form.elements.admin1.appendChild(el("option", { value: a.name, text: a.name + " (" + a.events + ")" }));
    });
    f.event_types.forEach(function (t) {
      form.elements.type.appendChild(el("option", { value: t, text: t }));
    });
    var list = $("#actor-list");
    f.actors.forEach(function (a) { list.appendChild(el("option", { value: a.id, label: a.name })); });
    readHash();
  }

  // ------------------------------------------------------------------ map

  function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 200;
    map.createPane("provinces");
    map.getPane("provinces").style.zIndex = 250;
    map.setView([30, 60], 3);
    if (window.ResizeObserver) new ResizeObserver(function () { map.invalidateSize(); }).observe($("#map"));
    getJSON("/static/vendor/basemap/countries-50m.json").then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        pane: "basemap",
        interactive: false,
        style: { color: "#9aa5b1", weight: 0.8, fillColor: "#f7f5ef", fillOpacity: 1 },
      }).addTo(map);
    });
    map.on("zoomend", loadProvinces);
    map.on("moveend", function () {
      if ($("#filters").elements.in_view.checked) refresh({ keepMap: true });
    });
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      disableClusteringAtZoom: 9,
      chunkedLoading: true,
      // no zoom animation of clusters: in a hidden or throttled tab it can stop half-way and
      // leave two zoom levels' clusters drawn at once
      animate: false,
      iconCreateFunction: function (c) {
        var deaths = 0;
        c.getAllChildMarkers().forEach(function (m) { deaths += m.options.deaths || 0; });
        var n = c.getChildCount();
        var size = Math.round(Math.min(70, 26 + 6 * Math.log(1 + n) + 2.5 * Math.sqrt(deaths)));
        var box = el("div", { cls: "cluster", title: n + " events, " + deaths + " deaths", "data-count": String(n) }, [
          el("b", { text: String(n) }), el("span", { text: deaths + "†" }),
        ]);
        return L.divIcon({ html: box, className: "", iconSize: [size, size] });
      },
    });
    map.addLayer(cluster);
    window.sitrep = { map: map, markers: cluster }; // for the browser tests and the console
    loadProvinces();
  }

  function loadProvinces() {
    if (provinces || provincesLoading || map.getZoom() < 4) return;
    provincesLoading = true;
    getJSON("/static/vendor/basemap/provinces.json").then(function (topo) {
      var key = Object.keys(topo.objects)[0];
      provinces = L.geoJSON(topojson.feature(topo, topo.objects[key]), {
        pane: "provinces",
        style: { color: "#b8c0c9", weight: 0.6, fill: false, dashArray: "3 2" },
        interactive: false,
      }).addTo(map);
    });
  }

  function popup(p) {
    var box = el("div", { cls: "popup" }, [
      el("h3", {}, [el("a", { href: "/events/" + p[0], text: (p[5] || "unknown place") + ", " + (p[6] || "undated") })]),
      el("p", { text: p[3] + " deaths" }),
      el("p", { cls: "muted", text: p.type }),
    ]);
    return box;
  }

  function drawMarkers(data) {
    cluster.clearLayers();
    var markers = [];
    var bounds = [];
    data.points.forEach(function (p) {
      var type = data.types[p[4]];
      p.type = type;
      var size = Math.round(Math.min(56, 10 + 4 * Math.sqrt(p[3])));
      var icon = L.divIcon({
        className: "ev-marker c" + classFor(type) + (p[3] ? "" : " zero"),
        iconSize: [size, size],
      });
      var m = L.marker([p[1], p[2]], { icon: icon, deaths: p[3], title: (p[5] || "") + ": " + p[3] + " deaths", eventId: p[0] });
      m.bindPopup(function () { return popup(p); });
      markers.push(m);
      bounds.push([p[1], p[2]]);
    });
    cluster.addLayers(markers);
    document.body.setAttribute("data-markers", String(markers.length));
    if (bounds.length && !state.fitted) {
      state.fitted = true;
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7, animate: false });
    }
    drawLegend();
  }

  function drawLegend() {
    var legend = $("#legend");
    legend.textContent = "";
    Object.keys(typeClass).sort(function (a, b) { return typeClass[a] - typeClass[b]; }).forEach(function (t) {
      legend.appendChild(el("span", {}, [el("i", { cls: "swatch c" + typeClass[t] }), t]));
    });
    legend.appendChild(el("span", { cls: "muted", text: "size: deaths" }));
  }

  // ------------------------------------------------------------------ timeline

  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function nextBucket(iso, interval) {
    if (interval === "day") return addDays(iso, 1);
    if (interval === "week") return addDays(iso, 7);
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCMonth(d.getUTCMonth() + 1);
    return d.toISOString().slice(0, 10);
  }

  function drawTimeline(stats) {
    var box = $("#timeline");
    box.textContent = "";
    var buckets = stats.buckets;
    if (!buckets.length) {
      box.appendChild(el("p", { cls: "muted", text: "No dated events match." }));
      return;
    }
    // fill empty buckets so the axis is honest about time (at most 400 bars)
    var byStart = {};
    buckets.forEach(function (b) { byStart[b.start] = b; });
    var all = [];
    var cur = buckets[0].start;
    var last = buckets[buckets.length - 1].start;
    while (cur <= last && all.length < 400) {
      all.push(byStart[cur] || { start: cur, by_type: {}, events: 0, fatalities: 0 });
      cur = nextBucket(cur, stats.interval);
    }
    var measure = state.measure;
    var max = 1;
    all.forEach(function (b) { max = Math.max(max, b[measure]); });
    var W = 600, H = 230, left = 34, bottom = 22, top = 8;
    var plotH = H - bottom - top;
    var bw = (W - left - 4) / all.length;
    var chart = svg("svg", { viewBox: "0 0 " + W + " " + H, preserveAspectRatio: "none", role: "img",
      "aria-label": "timeline of " + measure + " per " + stats.interval });
    var axis = svg("g", { "class": "axis" });
    [0, 0.5, 1].forEach(function (f) {
      var y = top + plotH * (1 - f);
      axis.appendChild(svg("line", { x1: left, x2: W, y1: y, y2: y }));
      var t = svg("text", { x: left - 4, y: y + 3, "text-anchor": "end" });
      t.textContent = String(Math.round(max * f));
      axis.appendChild(t);
    });
    var labelEvery = Math.max(1, Math.ceil(all.length / 6));
    all.forEach(function (b, i) {
      if (i % labelEvery === 0) {
        var t = svg("text", { x: left + i * bw + bw / 2, y: H - 6, "text-anchor": "middle" });
        t.textContent = b.start;
        axis.appendChild(t);
      }
    });
    chart.appendChild(axis);
    all.forEach(function (b, i) {
      var y = top + plotH;
      Object.keys(b.by_type).sort(function (a, c) { return classFor(a) - classFor(c); }).forEach(function (type) {
        var v = b.by_type[type][measure];
        if (!v) return;
        var hgt = plotH * v / max;
        y -= hgt;
        var r = svg("rect", {
          x: left + i * bw + 0.5, y: y, width: Math.max(1, bw - 1), height: hgt,
          "class": "bar-part f" + classFor(type), "data-start": b.start,
        });
        var title = svg("title", {});
        title.textContent = b.start + " · " + type + ": " + v + " " + measure;
        r.appendChild(title);
        r.addEventListener("click", function () {
          var form = $("#filters");
          form.elements.since.value = b.start;
          form.elements.until.value = addDays(nextBucket(b.start, stats.interval), -1);
          refresh();
        });
        chart.appendChild(r);
      });
    });
    box.appendChild(chart);
    var legend = el("div", { cls: "timeline-legend" });
    stats.types.forEach(function (t) {
      legend.appendChild(el("span", {}, [el("i", { cls: "swatch c" + classFor(t) }), t]));
    });
    if (stats.undated.events) legend.appendChild(el("span", { cls: "muted", text: stats.undated.events + " undated" }));
    box.appendChild(legend);
  }

  // ------------------------------------------------------------------ table

  function drawTable(page) {
    var body = $("#events tbody");
    body.textContent = "";
    page.items.forEach(function (e) {
      var place = [e.location, e.admin1 !== e.location ? e.admin1 : null, e.country].filter(Boolean).join(", ");
      var actors = e.actors.map(function (a) { return a.name; }).join("; ");
      var tr = el("tr", { "data-id": String(e.id) }, [
        el("td", { text: e.date || "—" }),
        el("td", {}, [el("a", { href: "/events/" + e.id, text: place || "unknown" })]),
        el("td", { text: e.event_type || (e.types || []).join(", ") }),
        el("td", { text: actors || "—" }),
        el("td", { cls: "num", text: String(e.fatalities) }),
        el("td", { cls: "num", text: String(e.number_of_sources) }),
        el("td", {}, [el("span", { cls: "badge " + e.review_status, text: e.review_status })]),
      ]);
      tr.addEventListener("click", function (ev) {
        if (ev.target.tagName !== "A") location.href = "/events/" + e.id;
      });
      body.appendChild(tr);
    });
    state.total = page.total;
    var from = page.total ? page.offset + 1 : 0;
    $("#page-info").textContent = from + "–" + (page.offset + page.items.length) + " of " + page.total;
    $("#prev").disabled = page.offset === 0;
    $("#next").disabled = page.offset + page.items.length >= page.total;
  }

  function loadTable() {
    var params = filterParams({ sort: state.sort, limit: PAGE, offset: state.offset });
    return getJSON("/api/events?" + params).then(drawTable);
  }

  function showError(err) {
    $("#summary").textContent = "error: " + err.message;
  }

  function refresh(opts) {
    opts = opts || {};
    state.offset = 0;
    syncHash();
    var jobs = [
      loadTable(),
      getJSON("/api/stats?" + filterParams({ interval: state.interval })).then(function (s) {
        state.stats = s;
        $("#summary").textContent = s.events + " events · " + s.fatalities + " deaths";
        drawTimeline(s);
      }),
    ];
    if (!opts.keepMap) jobs.push(getJSON("/api/map?" + filterParams()).then(drawMarkers));
    return Promise.all(jobs).then(function () {
      document.body.setAttribute("data-ready", "1");
    }).catch(showError);
  }

  function init() {
    initMap();
    var form = $("#filters");
    form.addEventListener("submit", function (ev) { ev.preventDefault(); refresh(); });
    form.addEventListener("reset", function () { setTimeout(refresh, 0); });
    $("#sort").addEventListener("change", function (ev) { state.sort = ev.target.value; state.offset = 0; loadTable().catch(showError); });
    $("#interval").addEventListener("change", function (ev) { state.interval = ev.target.value; refresh({ keepMap: true }); });
    $("#measure").addEventListener("change", function (ev) { state.measure = ev.target.value; if (state.stats) drawTimeline(state.stats); });
    $("#prev").addEventListener("click", function () { state.offset = Math.max(0, state.offset - PAGE); loadTable().catch(showError); });
    $("#next").addEventListener("click", function () { state.offset += PAGE; loadTable().catch(showError); });
    getJSON("/api/facets").then(fillFacets).catch(showError).then(function () { refresh(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
