/*
 * Buurtkaart form page (/<locatie>/nieuwe-vondst/): answers → card text, map, address search,
 * the ways out. Text, file name and checks come from buurtkaart-form-core.js; every label,
 * choice and message comes from the page's JSON (made by Python). Text typed by the user only
 * ever enters the page through .value and .textContent. Own code of the Buurtkaart project (MIT).
 */
(function () {
  "use strict";

  var core = window.buurtkaartFormulier;
  var data = JSON.parse(document.getElementById("bk-formulier-data").textContent);
  var form = document.getElementById("bk-vondst");
  var questions = document.getElementById("bk-vragen");
  var result = document.getElementById("bk-resultaat");
  var output = document.getElementById("kaarttekst");
  var fileName = document.getElementById("bk-bestandsnaam");
  var messages = document.getElementById("bk-meldingen");
  var steps = document.getElementById("bk-stappen");
  var placeNote = document.getElementById("bk-plek-melding");
  var coords = form.querySelector('[name="coordinaten"]');
  var STORE = "buurtkaart-vondst:" + data.locatie.slug;
  var kinds = {};
  var touched = {};
  var state = { text: "", path: "", name: "", problems: [] };
  var map = null, pin = null;

  data.velden.forEach(function (f) { kinds[f.pad] = f.soort; });

  function ident(path) {
    return "bk-" + path.replace(/\./g, "-").replace(/_/g, "-");
  }
  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function category() {
    var checked = form.querySelector('input[name="categorie"]:checked');
    return checked ? checked.value : "";
  }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }

  // --- answers ---------------------------------------------------------------------------------

  function answers() {
    var out = {};
    var shown = category() ? data.sjablonen[category()].toon : [];
    data.velden.forEach(function (f) {
      if (f.soort === "groep" || f.pad === "categorie" || shown.indexOf(f.pad) < 0) return;
      var inputs = form.querySelectorAll('[name="' + f.pad + '"]');
      if (f.soort === "lijst") out[f.pad] = Array.prototype.map.call(inputs, function (i) { return i.value; });
      else if (f.soort === "keuze") {
        var checked = form.querySelector('[name="' + f.pad + '"]:checked');
        out[f.pad] = checked ? checked.value : "";
      } else if (inputs.length) out[f.pad] = inputs[0].value;
    });
    out[data.notities] = form.querySelector('[name="' + data.notities + '"]').value;
    return out;
  }

  function restore(saved) {
    var radio = form.querySelector('input[name="categorie"][value="' + CSS.escape(String(saved.categorie)) + '"]');
    if (radio) radio.checked = true;
    Object.keys(saved.antwoorden || {}).forEach(function (path) {
      if (!Object.prototype.hasOwnProperty.call(kinds, path) && path !== data.notities) return;
      var value = saved.antwoorden[path];
      if (Array.isArray(value)) {
        while (form.querySelectorAll('[name="' + path + '"]').length < value.length) addItem(path);
        form.querySelectorAll('[name="' + path + '"]').forEach(function (input, i) { input.value = value[i] || ""; });
      } else if (kinds[path] === "keuze") {
        var choice = form.querySelector('[name="' + path + '"][value="' + CSS.escape(String(value)) + '"]');
        if (choice) choice.checked = true;
      } else {
        var input = form.querySelector('[name="' + path + '"]');
        if (input) input.value = value;
      }
    });
  }

  function defaults() {
    data.velden.forEach(function (f) {
      if (f.soort === "keuze" && f.standaard) {
        var choice = form.querySelector('[name="' + f.pad + '"][value="' + f.standaard + '"]');
        if (choice) choice.checked = true;
      }
    });
    var visited = form.querySelector('[name="bezocht"]');
    if (visited) visited.value = today();
  }

  function save() {
    try {
      localStorage.setItem(STORE, JSON.stringify({ categorie: category(), antwoorden: answers() }));
    } catch (e) { /* private mode: the form still works, it is just not kept */ }
  }

  // --- the category decides the questions ------------------------------------------------------

  function showCategory() {
    var c = category();
    if (!c) return;
    var template = data.sjablonen[c];
    questions.hidden = false;
    result.hidden = false;
    form.querySelectorAll("[data-veld]").forEach(function (node) {
      node.hidden = template.toon.indexOf(node.getAttribute("data-veld")) < 0;
    });
    form.querySelectorAll("[data-vraag]").forEach(function (node) {
      var path = node.getAttribute("data-vraag");
      var q = template.vragen[path];
      if (!q) return;
      node.textContent = q[0];
      var hint = document.getElementById(ident(path) + "-hint");
      if (hint && kinds[path] !== "coordinaten") hint.textContent = q[1];
    });
    startMap();
  }

  // --- text, file name, messages ---------------------------------------------------------------

  function update() {
    var c = category();
    if (!c) return;
    var given = answers();
    state.text = core.fill(data, data.sjablonen[c], given, kinds);
    var slug = core.slugify(data, given.titel || "") || "vondst";
    state.name = core.freeSlug(slug, data.bezet) + ".md";
    state.path = "cards/" + data.locatie.slug + "/" + state.name;
    state.problems = core.problems(data, given, data.locatie);
    output.value = state.text;
    fileName.textContent = state.path;
    showProblems();
    updateGitLink();
    save();
  }

  function label(path) {
    var node = form.querySelector('[data-vraag="' + path + '"]');
    return node ? node.textContent : path;
  }

  function showProblems() {
    form.querySelectorAll(".bk-fout").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
    messages.textContent = "";
    placeNote.textContent = "";
    if (!state.problems.length) return;
    var errors = state.problems.filter(function (p) { return p.soort === "fout"; });
    messages.appendChild(el("p", errors.length ? "Verbeter eerst dit, dan kun je de kaart opslaan:" : "Let op:"));
    var list = el("ul");
    state.problems.forEach(function (p) {
      var item = el("li", (p.veld ? label(p.veld) : "Aantekeningen") + ": " + p.melding);
      item.className = p.soort === "fout" ? "bk-error" : "bk-warning";
      list.appendChild(item);
      if (p.veld === "coordinaten" && p.soort === "waarschuwing") placeNote.textContent = p.melding;
      var field = p.veld && document.getElementById(ident(p.veld) + "-fout");
      if (field && touched[p.veld] && p.soort === "fout") {
        field.hidden = false;
        field.textContent = p.melding;
        var control = document.getElementById(ident(p.veld));
        if (control && /^(INPUT|TEXTAREA)$/.test(control.tagName)) control.setAttribute("aria-invalid", "true");
      }
    });
    messages.appendChild(list);
  }

  function hasErrors() {
    return state.problems.some(function (p) { return p.soort === "fout"; });
  }

  // --- map -------------------------------------------------------------------------------------

  function startMap() {
    if (map || typeof L === "undefined") return;
    var home = data.locatie.punt;
    L.Icon.Default.imagePath = data.leaflet_beelden;
    map = L.map("bk-kaart", { scrollWheelZoom: false }).setView(home, 15);
    L.tileLayer(data.tegels.url, { attribution: data.tegels.bron, maxZoom: 19 }).addTo(map);
    var radius = L.circle(home, { radius: data.locatie.straal, color: "#222", weight: 2, dashArray: "6 6",
      fill: false, interactive: false }).addTo(map);
    map.fitBounds(radius.getBounds(), { padding: [8, 8] }); // the whole search area in view
    L.circleMarker(home, { radius: 7, color: "#222", fillColor: "#fff", fillOpacity: 1, interactive: false }).addTo(map);
    map.on("click", function (e) { setPoint(e.latlng.lat, e.latlng.lng, false); });
    var known = core.point(data, coords.value);
    if (known) setPoint(known[0], known[1], true);
  }

  function setPoint(lat, lon, fromInput) {
    if (!fromInput) {
      coords.value = "[" + Number(lat.toFixed(6)) + ", " + Number(lon.toFixed(6)) + "]";
      touched.coordinaten = true;
    }
    if (map) {
      if (!pin) {
        pin = L.marker([lat, lon], { draggable: true, title: "De plek van de vondst", alt: "De plek van de vondst" });
        pin.on("dragend", function () { var p = pin.getLatLng(); setPoint(p.lat, p.lng, false); });
        pin.addTo(map);
      } else pin.setLatLng([lat, lon]);
    }
    update();
  }

  function showPlace(lat, lon) {
    setPoint(lat, lon, false);
    if (map) map.setView([lat, lon], Math.max(map.getZoom(), 16));
  }

  document.getElementById("bk-mijn-locatie").addEventListener("click", function () {
    if (!navigator.geolocation) {
      placeNote.textContent = "Deze browser kan je locatie niet geven. Klik op de kaart of zoek een adres.";
      return;
    }
    placeNote.textContent = "Je locatie wordt gezocht…";
    navigator.geolocation.getCurrentPosition(
      function (pos) { showPlace(pos.coords.latitude, pos.coords.longitude); },
      function () {
        placeNote.textContent = "Je locatie is niet gevonden (geen toestemming of geen signaal). " +
          "Klik op de kaart of zoek een adres.";
      },
      { enableHighAccuracy: true, timeout: 15000 }
    );
  });

  // --- address search (PDOK Locatieserver: suggest, then free for the point) -------------------

  var search = document.getElementById("bk-adres-zoek");
  var suggestions = document.getElementById("bk-suggesties");
  var timer = null, asked = 0;

  function ask(endpoint, params) {
    var query = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
    return fetch(data.adreszoeker.replace(/\/$/, "") + "/" + endpoint + "?" + query, {
      credentials: "omit", referrerPolicy: "no-referrer", mode: "cors",
    }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (json) { return (json && json.response && json.response.docs) || []; });
  }

  function suggest() {
    var text = search.value.trim();
    var mine = ++asked;
    suggestions.textContent = "";
    if (text.length < 3) return;
    ask("suggest", { q: text, fq: "type:adres", rows: "6" }).then(function (docs) {
      if (mine !== asked) return;
      placeNote.textContent = docs.length ? docs.length + " adressen gevonden." : "Geen adres gevonden.";
      docs.forEach(function (doc) {
        var button = el("button", String(doc.weergavenaam || ""));
        button.type = "button";
        button.addEventListener("click", function () { pick(String(doc.weergavenaam || "")); });
        var item = el("li");
        item.appendChild(button);
        suggestions.appendChild(item);
      });
    }).catch(function () {
      placeNote.textContent = "De adreszoeker is niet bereikbaar. Klik op de kaart of typ de coördinaten.";
    });
  }

  function pick(name) {
    ask("free", { q: name, fq: "type:adres", rows: "1", fl: "weergavenaam,centroide_ll" }).then(function (docs) {
      var m = docs.length && /POINT\(\s*([-\d.]+)\s+([-\d.]+)\s*\)/.exec(String(docs[0].centroide_ll || ""));
      if (!m) { placeNote.textContent = "Van dit adres is geen plek bekend. Klik op de kaart."; return; }
      var address = form.querySelector('[name="adres"]');
      if (address) address.value = String(docs[0].weergavenaam || name);
      suggestions.textContent = "";
      search.value = "";
      showPlace(Number(m[2]), Number(m[1]));
      placeNote.textContent = placeNote.textContent || "Adres gekozen: " + (docs[0].weergavenaam || name) + ".";
    }).catch(function () {
      placeNote.textContent = "De adreszoeker is niet bereikbaar. Klik op de kaart of typ de coördinaten.";
    });
  }

  if (search && data.adreszoeker) {
    search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(suggest, 300); });
    search.addEventListener("keydown", function (e) {
      var first = suggestions.querySelector("button");
      if (e.key === "ArrowDown" && first) { e.preventDefault(); first.focus(); }
    });
  }

  // --- ways out --------------------------------------------------------------------------------

  var git = document.getElementById("bk-naar-git");

  function updateGitLink() {
    if (!git || !data.git) return;
    git.href = data.git.soort === "github"
      ? data.git.nieuw + "?filename=" + encodeURIComponent(state.path) + "&value=" + encodeURIComponent(state.text)
      : data.git.nieuw + "cards/" + encodeURIComponent(data.locatie.slug) + "/";
  }

  function blocked(event) {
    if (!hasErrors()) return false;
    event.preventDefault();
    steps.textContent = "Er staan nog fouten in de kaart. Verbeter ze eerst (zie de lijst hierboven).";
    return true;
  }

  function copy() {
    output.focus();
    output.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(state.text).catch(function () {});
      done = true;
    }
    return done;
  }

  function showSteps(lines) {
    steps.textContent = "";
    var list = el("ol");
    lines.forEach(function (line) { list.appendChild(el("li", line)); });
    steps.appendChild(list);
  }

  if (git) {
    git.addEventListener("click", function (event) {
      if (blocked(event)) return;
      if (data.git.soort === "github") {
        showSteps([
          "Op GitHub staan de naam en de tekst al klaar. Kies 'Commit changes…'.",
          "Kies 'Create a new branch' en daarna 'Propose changes': een collega kijkt de kaart na.",
        ]);
      } else {
        var copied = copy();
        showSteps([
          "Typ op " + data.git.naam + " als bestandsnaam: " + state.name,
          (copied ? "De tekst staat al op het klembord. " : "Kopieer eerst de tekst hierboven. ") +
            "Plak hem in het grote vak (Ctrl+V, op een telefoon: lang drukken, Plakken) en kies 'Commit changes'.",
        ]);
      }
    });
  }

  document.getElementById("bk-download").addEventListener("click", function (event) {
    if (blocked(event)) return;
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([state.text], { type: "text/markdown;charset=utf-8" }));
    link.download = state.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    showSteps(["Het bestand " + state.name + " is gedownload. Zet het in de map cards/" + data.locatie.slug +
      "/ van de Buurtkaart, of stuur het naar de beheerder."]);
  });

  document.getElementById("bk-kopieer").addEventListener("click", function (event) {
    if (blocked(event)) return;
    var copied = copy();
    showSteps([(copied ? "De tekst is gekopieerd." : "Selecteer de tekst hierboven en kopieer hem.") +
      " Maak een nieuw bestand " + state.path + " en plak de tekst erin."]);
  });

  document.getElementById("bk-wis").addEventListener("click", function () {
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
    form.reset();
    defaults();
    touched = {};
    if (pin) { pin.remove(); pin = null; }
    questions.hidden = true;
    result.hidden = true;
    steps.textContent = "";
    form.querySelector('input[name="categorie"]').focus();
  });

  // --- lists and events ------------------------------------------------------------------------

  function addItem(path) {
    var list = form.querySelector('[data-veld="' + path + '"] .bk-items');
    var template = list.querySelector("input");
    var input = template.cloneNode(false);
    input.value = "";
    var n = list.children.length + 1;
    input.setAttribute("aria-label", template.getAttribute("aria-label").replace(/\d+$/, String(n)));
    var item = el("li");
    item.appendChild(input);
    list.appendChild(item);
    return input;
  }

  form.querySelectorAll(".bk-more").forEach(function (button) {
    button.addEventListener("click", function () {
      addItem(button.closest("[data-veld]").getAttribute("data-veld")).focus();
    });
  });

  form.addEventListener("input", function (e) {
    if (e.target === search) return;
    if (e.target === coords) {
      var p = core.point(data, coords.value);
      if (p && map) setPoint(p[0], p[1], true);
    }
    update();
  });
  form.addEventListener("change", function (e) {
    if (e.target.name === "categorie") showCategory();
    if (e.target.name) touched[e.target.name] = true;
    update();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  defaults();
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { saved = null; }
  if (saved && saved.categorie) restore(saved);
  else {
    var wanted = new URLSearchParams(location.search).get("categorie");
    var radio = wanted && form.querySelector('input[name="categorie"][value="' + wanted.replace(/[^a-z]/g, "") + '"]');
    if (radio) radio.checked = true;
  }
  if (category()) {
    showCategory();
    update();
  }
})();
