/*
 * Buurtkaart map: draws the location(s), the search radius, the findings (clustered, one layer
 * per category), lines from the location and a legend, all from ONE data object made by
 * buurtkaart_build/render/maps.py. Own code of the Buurtkaart project (MIT).
 *
 * Safety rule: text from the data only ever enters the page through textContent or
 * setAttribute, never innerHTML, so card titles such as <img onerror=…> stay text.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  // Leaflet focuses the map on mousedown and undoes the scroll of the map's own window, but
  // not of the page around the iframe: with the top of the map scrolled under the header, a
  // click on a marker scrolled the page between mousedown and mouseup and the popup never
  // opened. preventScroll keeps the page still.
  L.Map.Keyboard.prototype._onMouseDown = function () {
    if (!this._focused) this._map.getContainer().focus({ preventScroll: true });
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svgIcon(pathData) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", pathData);
    svg.appendChild(path);
    return svg;
  }

  // A round pin in a colour with a white icon: colour AND icon show the category.
  function pinNode(colour, pathData, extraClass) {
    var pin = el("span", "bk-pin" + (extraClass ? " " + extraClass : ""));
    pin.style.backgroundColor = colour;
    pin.appendChild(svgIcon(pathData));
    return pin;
  }

  // DivIcon that clones a prepared node and names the marker for screen readers.
  var NodeIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      div.appendChild(this.options.node.cloneNode(true));
      if (this.options.label) {
        // An image with a name; Leaflet makes a marker it can focus a button afterwards.
        div.setAttribute("role", "img");
        div.setAttribute("aria-label", this.options.label);
      }
      return div;
    },
  });

  function textTooltip(text) {
    return el("span", "bk-tooltip", text);
  }

  function addFact(list, term, value) {
    var wide = typeof value !== "string"; // a list gets the popup's full width, under its term
    list.appendChild(el("dt", wide ? "bk-wide" : null, term));
    var dd = el("dd", wide ? "bk-wide" : null);
    if (wide) dd.appendChild(value);
    else dd.textContent = value;
    list.appendChild(dd);
  }

  function topLink(href, text) {
    var a = el("a", "bk-popup-link", text);
    a.setAttribute("href", href);
    a.setAttribute("target", "_top"); // leave the iframe: open the page itself
    var p = el("p");
    p.appendChild(a);
    return p;
  }

  // The card's first photo, small: WebP with a JPEG fallback. The path comes from the site
  // (fotos/<slug>-1), the alt text from the card: both only through setAttribute.
  function thumbnail(stem, alt) {
    var picture = el("picture", "bk-popup-foto");
    var source = el("source");
    source.setAttribute("type", "image/webp");
    source.setAttribute("srcset", "../" + stem + "-klein.webp");
    picture.appendChild(source);
    var img = el("img");
    img.setAttribute("src", "../" + stem + "-klein.jpg");
    img.setAttribute("alt", alt || "");
    picture.appendChild(img);
    return picture;
  }

  function Buurtkaart(map, data) {
    this.map = map;
    this.data = data;
    this.categories = data.categorieen;
    this.bySlug = {};
    this.clusters = {};
    this.lines = {};
    this.markers = {};
    this.show = { lijnen: true };
    var self = this;
    this.categories.forEach(function (c) {
      self.bySlug[c.slug] = c;
      self.show[c.slug] = true;
    });
  }

  Buurtkaart.prototype.draw = function () {
    var map = this.map;
    map.getContainer().setAttribute("role", "region");
    map.getContainer().setAttribute("aria-label", document.title);
    if (!this.compact) L.control.scale({ imperial: false }).addTo(map);
    this.linesLayer = L.layerGroup().addTo(map);
    this.data.locaties.forEach(this.drawLocation, this);
    this.drawFindings(this.data.vondsten.features);
    this.legend = new (L.Control.extend({ onAdd: this.buildLegend.bind(this) }))({ position: "topright" });
    this.legend.addTo(map);
    this.refresh();
    this.fitStart();
  };

  Buurtkaart.prototype.drawLocation = function (loc) {
    var style = this.data.locatie;
    var centre = L.latLng(loc.lat, loc.lon);
    L.circle(centre, {
      radius: loc.straal,
      color: style.kleur,
      weight: 2,
      dashArray: "6 6",
      fillOpacity: 0.04,
      interactive: false,
    }).addTo(this.map);
    var marker = L.marker(centre, {
      icon: new NodeIcon({
        node: pinNode(style.kleur, style.icoon, "bk-pin-locatie"),
        label: loc.naam + " (locatie)",
        className: "bk-marker bk-locatie",
        iconSize: [44, 44],
        iconAnchor: [22, 22],
        popupAnchor: [0, -20],
      }),
      zIndexOffset: 1000,
      keyboard: !this.compact,
    });
    marker.bindTooltip(textTooltip(loc.naam), { direction: "top", offset: [0, -20] });
    marker.bindPopup(this.locationPopup.bind(this, loc), { maxWidth: 280 });
    marker.addTo(this.map);
    if (this.data.modus === "locatie" && !this.home) this.home = loc;
  };

  Buurtkaart.prototype.locationPopup = function (loc) {
    var box = el("div", "bk-popup");
    box.appendChild(el("h2", null, loc.naam));
    var facts = el("dl");
    if (loc.adres) addFact(facts, "Adres", loc.adres);
    addFact(facts, "Zoekstraal", loc.straalTekst);
    addFact(facts, "Op de kaart", loc.opKaart + (loc.opKaart === 1 ? " vondst" : " vondsten"));
    box.appendChild(facts);
    var counts = el("ul", "bk-popup-counts");
    this.categories.forEach(function (c) {
      counts.appendChild(el("li", null, c.label + ": " + (loc.aantallen[c.slug] || 0)));
    });
    box.appendChild(counts);
    var overview = this.data.modus === "overzicht";
    box.appendChild(topLink(loc.url, overview ? "Naar de kaart van deze locatie" : "Over deze locatie"));
    return box;
  };

  Buurtkaart.prototype.drawFindings = function (features) {
    var self = this;
    var markers = {};
    this.categories.forEach(function (c) {
      markers[c.slug] = [];
      self.lines[c.slug] = L.layerGroup();
      self.clusters[c.slug] = L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 40,
        spiderfyOnMaxZoom: true,
        iconCreateFunction: self.clusterIcon.bind(self, c),
      });
    });
    var home = this.home;
    // The small map on a card page is a preview: its markers are no Tab stops (30 of them stood
    // between the card's title and its contact details); "Bekijk de grote kaart" follows it.
    var keyboard = !this.compact;
    features.forEach(function (f) {
      var p = f.properties;
      var cat = self.bySlug[p.cat];
      var where = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
      var marker = L.marker(where, {
        icon: new NodeIcon({
          node: pinNode(cat.kleur, cat.icoon),
          label: p.titel + " (" + cat.label + ")",
          className: "bk-marker bk-cat-" + cat.slug,
          iconSize: [30, 30],
          iconAnchor: [15, 15],
          popupAnchor: [0, -14],
        }),
        keyboard: keyboard,
      });
      marker.bindTooltip(textTooltip(p.titel), { direction: "top", offset: [0, -14] });
      marker.bindPopup(self.findingPopup.bind(self, f), { maxWidth: 300 });
      markers[cat.slug].push(marker);
      self.markers[p.slug] = { marker: marker, cat: cat.slug };
      if (home) {
        L.polyline([L.latLng(home.lat, home.lon), where], {
          color: cat.kleur,
          weight: 2,
          opacity: 0.7,
          interactive: false,
        }).addTo(self.lines[cat.slug]);
      }
    });
    this.categories.forEach(function (c) {
      self.clusters[c.slug].addLayers(markers[c.slug]);
    });
  };

  Buurtkaart.prototype.clusterIcon = function (cat, cluster) {
    var count = cluster.getChildCount();
    // Icon and number: the colour alone would tell the categories apart only for some people.
    var node = el("span", "bk-cluster");
    node.style.backgroundColor = cat.kleur;
    node.appendChild(svgIcon(cat.icoon));
    node.appendChild(el("span", "bk-cluster-count", count));
    return new NodeIcon({
      node: node,
      label: count + " vondsten: " + cat.label + ". Inzoomen.",
      className: "bk-cluster-icon bk-cat-" + cat.slug,
      iconSize: [42, 42],
      iconAnchor: [21, 21],
    });
  };

  Buurtkaart.prototype.findingPopup = function (f) {
    var p = f.properties;
    var labels = this.data;
    var cat = this.bySlug[p.cat];
    var box = el("div", "bk-popup");
    box.appendChild(el("h2", null, p.titel));
    var badge = el("p", "bk-popup-cat");
    badge.style.backgroundColor = cat.kleur;
    badge.appendChild(svgIcon(cat.icoon));
    badge.appendChild(el("span", null, cat.label));
    box.appendChild(badge);
    var facts = el("dl");
    if (p.adres) addFact(facts, "Adres", p.adres);
    var from = this.home ? " van " + this.home.naam : "";
    addFact(facts, "Afstand", p.afstand + from + (p.buiten ? " (buiten de zoekstraal)" : ""));
    addFact(facts, "Toegankelijkheid", this.accessList(p.toeg));
    addFact(facts, "Kent ons", labels.kentOns[p.kent] || p.kent);
    addFact(facts, "Status", labels.status[p.status] || p.status);
    box.appendChild(facts);
    if (p.foto) box.insertBefore(thumbnail(p.foto, p.fotoTekst), facts);
    box.appendChild(topLink("../" + encodeURIComponent(p.slug) + "/", "Naar de pagina van deze vondst"));
    return box;
  };

  Buurtkaart.prototype.accessList = function (codes) {
    if (!codes) return "nog niet bekeken";
    var list = el("ul", "bk-popup-access");
    var words = this.data.antwoorden;
    this.data.toegankelijkheid.forEach(function (label, i) {
      list.appendChild(el("li", null, label + ": " + (words[codes.charAt(i)] || "onbekend")));
    });
    return list;
  };

  Buurtkaart.prototype.counts = function () {
    var counts = {};
    this.data.vondsten.features.forEach(function (f) {
      counts[f.properties.cat] = (counts[f.properties.cat] || 0) + 1;
    });
    return counts;
  };

  Buurtkaart.prototype.buildLegend = function () {
    var box = el("details", "bk-legend");
    // Open on a roomy map; folded on a phone or a card page's small map, where it would hide the map.
    if (!this.compact && this.map.getSize().x >= 600) box.open = true;
    box.appendChild(el("summary", null, "Legenda"));
    var body = el("div", "bk-legend-body");
    var home = el("p", "bk-legend-row");
    home.appendChild(pinNode(this.data.locatie.kleur, this.data.locatie.icoon, "bk-swatch"));
    var radius = this.data.modus === "locatie" ? "Locatie, zoekstraal " + this.home.straalTekst : "Locatie en zoekstraal";
    home.appendChild(el("span", null, radius));
    body.appendChild(home);
    if (this.data.modus === "locatie") body.appendChild(this.layerChoices());
    if (this.data.nietOpKaart) {
      var n = this.data.nietOpKaart;
      body.appendChild(el("p", "bk-legend-note", n + (n === 1 ? " vondst staat" : " vondsten staan") + " nog niet op de kaart (geen coördinaten)."));
    }
    box.appendChild(body);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };

  Buurtkaart.prototype.layerChoices = function () {
    var self = this;
    var counts = this.counts();
    var set = el("fieldset");
    set.appendChild(el("legend", null, "Tonen op de kaart"));
    this.categories.forEach(function (c) {
      var swatch = pinNode(c.kleur, c.icoon, "bk-swatch");
      set.appendChild(self.choice(c.slug, swatch, c.label, counts[c.slug] || 0));
    });
    set.appendChild(this.choice("lijnen", el("span", "bk-swatch bk-swatch-line"), "Lijnen vanaf de locatie"));
    return set;
  };

  Buurtkaart.prototype.choice = function (key, swatch, text, count) {
    var self = this;
    var label = el("label", "bk-choice");
    var box = el("input");
    box.type = "checkbox";
    box.checked = this.show[key];
    box.setAttribute("data-laag", key);
    box.addEventListener("change", function () {
      self.show[key] = box.checked;
      self.refresh();
    });
    label.appendChild(box);
    label.appendChild(swatch);
    var name = el("span", null, text);
    if (count !== undefined) name.appendChild(el("span", "bk-count", " (" + count + ")"));
    label.appendChild(name);
    return label;
  };

  function toggle(parent, layer, on) {
    if (on && !parent.hasLayer(layer)) parent.addLayer(layer);
    if (!on && parent.hasLayer(layer)) parent.removeLayer(layer);
  }

  Buurtkaart.prototype.refresh = function () {
    var self = this;
    toggle(this.map, this.linesLayer, this.show.lijnen);
    this.categories.forEach(function (c) {
      toggle(self.map, self.clusters[c.slug], self.show[c.slug]);
      toggle(self.linesLayer, self.lines[c.slug], self.show[c.slug]);
    });
  };

  Buurtkaart.prototype.fitStart = function () {
    var bounds = null;
    this.data.locaties.forEach(function (loc) {
      var b = L.latLng(loc.lat, loc.lon).toBounds(loc.straal * 2);
      bounds = bounds ? bounds.extend(b) : b;
    });
    if (bounds) this.map.fitBounds(bounds, { padding: [10, 10], animate: false });
    else this.map.setView([52.2, 5.3], 7);
  };

  // "kaart.html#vondst=<slug>" (the small map on a card page): show that finding and the location.
  Buurtkaart.prototype.focus = function (slug) {
    var entry = this.markers[slug];
    if (!entry || !this.home) return false;
    var marker = entry.marker;
    var home = L.latLng(this.home.lat, this.home.lon);
    this.show.lijnen = false;
    this.refresh();
    // Out of its cluster, so this finding always stands on its own, above its neighbours.
    this.clusters[entry.cat].removeLayer(marker);
    marker.setZIndexOffset(1000).addTo(this.map);
    L.polyline([home, marker.getLatLng()], { color: this.bySlug[entry.cat].kleur, weight: 3, interactive: false }).addTo(this.map);
    this.map.fitBounds(L.latLngBounds([home, marker.getLatLng()]), { padding: [40, 40], maxZoom: 17, animate: false });
    marker.openTooltip();
    return true;
  };

  Buurtkaart.prototype.markerCount = function () {
    var self = this;
    return this.categories.reduce(function (sum, c) {
      var group = self.clusters[c.slug];
      return sum + (self.map.hasLayer(group) ? group.getLayers().length : 0);
    }, 0);
  };

  function focusSlug() {
    var match = /^#vondst=([a-z0-9-]+)$/.exec(window.location.hash);
    return match ? match[1] : null;
  }

  function start(map, data) {
    var kaart = new Buurtkaart(map, data);
    var slug = focusSlug();
    kaart.compact = Boolean(slug);
    kaart.draw();
    if (slug) kaart.focus(slug);
    window.buurtkaart.kaart = kaart;
    return kaart;
  }

  window.buurtkaart = {
    start: start,
    // For the browser tests and curious colleagues: markers in the categories that are switched on.
    markerCount: function () {
      return window.buurtkaart.kaart ? window.buurtkaart.kaart.markerCount() : 0;
    },
  };
})();
