/*
 * Buurtkaart form, the part without a page: card text, file name and checks, from the data
 * that buurtkaart_build/render/form_spec.py puts into the page. The same rules as
 * core/card_text.py (the text) and `buurtkaart check` (the messages); the messages
 * themselves come from Python. tests/test_card_form_js.py runs this file in Node and compares
 * every result with Python's on many inputs. Own code of the Buurtkaart project (MIT).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.buurtkaartFormulier = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var UNPRINTABLE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/gu;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  var POINT = /^\[-?\d{1,3}(?:\.\d+)?, -?\d{1,3}(?:\.\d+)?\]$/;
  var BARE_CHOICE = /^[a-zëï]+$/;

  function spaceClass(codes) {
    return new RegExp(
      "[" + codes.map(function (c) { return "\\u" + ("000" + c.toString(16)).slice(-4); }).join("") + "]+",
      "g"
    );
  }

  function make(spec) {
    var SPACE = spaceClass(spec.witruimte);
    var EDGE = new RegExp("^" + SPACE.source + "|" + SPACE.source + "$", "g");

    // Python's " ".join(value.split()): one line, single spaces.
    function oneLine(value) {
      return typeof value === "string" ? value.replace(EDGE, "").replace(SPACE, " ") : "";
    }
    function strip(value) {
      return value.replace(EDGE, "");
    }
    function answered(value) {
      if (Array.isArray(value)) return value.some(function (v) { return oneLine(v) !== ""; });
      return typeof value === "string" && strip(value) !== "";
    }
    return { oneLine: oneLine, strip: strip, answered: answered };
  }

  function quote(text) {
    return JSON.stringify(text).replace(UNPRINTABLE, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function scalar(text, kind) {
    if (kind === "keuze" && BARE_CHOICE.test(text)) return text;
    if ((kind === "datum" && ISO_DATE.test(text)) || (kind === "coordinaten" && POINT.test(text))) return text;
    return quote(text);
  }

  function notes(spec, value) {
    if (typeof value !== "string") return "";
    var end = new RegExp(spaceClass(spec.witruimte).source + "$");
    var lines = value.replace(/\r\n?/g, "\n").split("\n").map(function (l) { return l.replace(end, ""); });
    return lines.join("\n").replace(/^\n+|\n+$/g, "");
  }

  // core/card_text.py fill(): the template lines with the answers written in.
  function fill(spec, structure, answers, kinds) {
    var t = make(spec);
    var out = [];
    structure.regels.forEach(function (line) {
      var path = line.veld;
      if (path === undefined) {
        out.push(line.t);
      } else if (line.ouder) {
        if (line.t !== null) out.push(line.t);
        else if (Object.keys(answers).some(function (k) {
          return k.indexOf(path + ".") === 0 && t.answered(answers[k]);
        })) out.push(line["in"] + line.sleutel + ":");
      } else if (t.answered(answers[path])) {
        var value = answers[path];
        var kind = kinds[path] || "tekst";
        if (Array.isArray(value)) {
          out.push(line["in"] + line.sleutel + ":");
          value.map(t.oneLine).filter(Boolean).forEach(function (item) {
            out.push(line["in"] + "  - " + quote(item));
          });
        } else {
          var text = kind === "tekstvak" ? t.strip(value).replace(/\r\n?/g, "\n") : t.oneLine(value);
          out.push(line["in"] + line.sleutel + ": " + scalar(text, kind));
        }
      } else if (line.t !== null) {
        out.push(line.t);
      }
    });
    var result = out.join("\n") + "\n" + structure.romp;
    var extra = notes(spec, answers[spec.notities]);
    if (extra) result = result.replace(/\n+$/, "") + "\n\n" + extra + "\n";
    return result;
  }

  // slugs.py slugify() and cli/new.py's free name: cafe-t-hoekje, speeltuin-2, ...
  function slugify(spec, text, max) {
    var mapped = Array.from(text).map(function (c) {
      return Object.prototype.hasOwnProperty.call(spec.letters, c) ? spec.letters[c] : c;
    }).join("");
    var folded = mapped.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    var slug = folded.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return slug.slice(0, max || 60).replace(/-+$/, "");
  }

  function freeSlug(slug, taken) {
    for (var n = 1; ; n++) {
      var candidate = n === 1 ? slug : slug + "-" + n;
      if (taken.indexOf(candidate) < 0) return candidate;
    }
  }

  // --- checks: the rules of fields.py and checks.py, the messages made by Python ----------------

  function chars(text) {
    return Array.from(text);
  }
  function short(text, limit) {
    var c = chars(text);
    return c.length <= limit ? text : c.slice(0, limit - 1).join("") + "\u2026";
  }
  function say(template, values) {
    return template.replace(/\{([a-z_]+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }
  function pyRound(x, digits) {
    var f = Math.pow(10, digits || 0);
    var y = x * f;
    var r = Math.round(y);
    if (Math.abs(y % 1) === 0.5) r = 2 * Math.round(y / 2); // Python rounds a tie to even
    return r / f;
  }
  // Python's format(x, "g"): 6 significant digits, no trailing zeros.
  function g(x) {
    if (x === 0) return "0";
    var exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(6)))));
    if (exp < -4 || exp >= 6) {
      var parts = x.toExponential(5).split("e");
      var mantissa = parts[0].replace(/\.?0+$/, "");
      var e = Number(parts[1]);
      return mantissa + "e" + (e < 0 ? "-" : "+") + ("0" + Math.abs(e)).slice(-2);
    }
    return String(Number(x.toPrecision(6)));
  }
  function formatDistance(m) {
    if (m < 1000) return (pyRound(m / 10) * 10).toFixed(0) + " m";
    return pyRound(m / 1000, 1).toFixed(1).replace(".", ",") + " km";
  }
  function metres(a, b, radius) {
    var rad = Math.PI / 180;
    var lat1 = a[0] * rad, lat2 = b[0] * rad;
    var dlat = lat2 - lat1, dlon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dlat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dlon / 2), 2);
    return 2 * radius * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  function inNL(rules, lat, lon) {
    var nl = rules.coordinaten.nl;
    return nl.lat[0] <= lat && lat <= nl.lat[1] && nl.lon[0] <= lon && lon <= nl.lon[1];
  }
  function number(text) {
    var t = text.trim().replace(/,/g, ".");
    return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : null;
  }

  function phoneProblem(rules, value) {
    var text = value.replace(/^tel:/, "");
    var digits = (text.match(/[0-9]/g) || []).length;
    if (new RegExp(rules.telefoon.patroon).test(text) && digits >= 6) return null;
    return say(rules.telefoon.melding, { waarde: short(value, rules.kort) });
  }
  function emailProblem(rules, value) {
    if (new RegExp(rules.email.patroon).test(value.replace(/^mailto:/, ""))) return null;
    return say(rules.email.melding, { waarde: short(value, rules.kort) });
  }
  // fields.parse_web_link, with urllib's urlsplit done by hand.
  function linkProblem(rules, value) {
    var host = new RegExp(rules.link.host);
    var text = value;
    var first = text.split("/")[0];
    if (text.indexOf("://") < 0 && first.indexOf(":") < 0 && host.test(first)) text = "https://" + text;
    var scheme = "", rest = text, colon = text.indexOf(":");
    if (colon > 0 && /^[a-zA-Z][a-zA-Z0-9+.-]*$/.test(text.slice(0, colon))) {
      scheme = text.slice(0, colon).toLowerCase();
      rest = text.slice(colon + 1);
    }
    var values = { waarde: short(value, rules.kort) };
    if (scheme !== "http" && scheme !== "https") return say(rules.link.onveilig, values);
    var netloc = "";
    if (rest.slice(0, 2) === "//") {
      var end = rest.slice(2).search(/[/?#]/);
      netloc = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    }
    var hostPart = netloc.slice(netloc.lastIndexOf("@") + 1);
    if (host.test(hostPart) || hostPart.split(":")[0].toLowerCase() === "localhost") return null;
    return say(rules.link.ongeldig, values);
  }
  function dateProblem(rules, value) {
    var iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
    var dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
    var values = { waarde: short(value, rules.kort) };
    if (!iso && !dutch) return say(rules.datum.geen, values);
    var y = Number(iso ? iso[1] : dutch[3]), m = Number(iso ? iso[2] : dutch[2]), d = Number(iso ? iso[3] : dutch[1]);
    var days = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // leap year: 29 February allowed, checked below
    if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) days = 28;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days) return say(rules.datum.bestaat_niet, values);
    return null;
  }
  // fields.parse_coordinates for text: a pair of numbers or a map link. Returns [lat, lon] or a message.
  function coordinates(rules, value) {
    var c = rules.coordinaten;
    var lat, lon, match;
    if (/^https?:\/\//i.test(value)) {
      var found = linkPoint(c, value);
      if (typeof found === "string") return found;
      if (!found) return say(c.link_zonder, { waarde: short(value, rules.kort) });
      lat = found[0];
      lon = found[1];
    } else {
      match = new RegExp(c.paar).exec(value);
      if (!match) return say(c.geen, { waarde: short(value, rules.kort) });
      lat = Number(match[1]);
      lon = Number(match[2]);
    }
    var point = "[" + g(lat) + ", " + g(lon) + "]";
    if (!inNL(rules, lat, lon) && inNL(rules, lon, lat)) {
      return say(c.verwisseld, { punt: point, omgekeerd: "[" + g(lon) + ", " + g(lat) + "]" });
    }
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return say(c.onmogelijk, { punt: point });
    return [lat, lon];
  }
  function linkPoint(c, url) {
    var hash = url.indexOf("#");
    var fragment = hash < 0 ? "" : url.slice(hash + 1);
    var beforeHash = hash < 0 ? url : url.slice(0, hash);
    var q = beforeHash.indexOf("?");
    var query = q < 0 ? "" : beforeHash.slice(q + 1);
    var params = {};
    query.split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (eq < 1 || eq === pair.length - 1) return; // Python's parse_qs leaves out blank values
      var key = decode(pair.slice(0, eq).replace(/\+/g, " "));
      if (!(key in params)) params[key] = decode(pair.slice(eq + 1).replace(/\+/g, " "));
    });
    if ("mlat" in params && "mlon" in params) {
      var a = number(params.mlat), b = number(params.mlon);
      if (a === null) return say(c.geen_getal, { waarde: short(params.mlat, 60) });
      if (b === null) return say(c.geen_getal, { waarde: short(params.mlon, 60) });
      return [a, b];
    }
    var osm = new RegExp(c.osm).exec(fragment) || new RegExp(c.osm).exec(query);
    if (osm) return [Number(osm[1]), Number(osm[2])];
    var decoded = decode(url);
    for (var i = 0; i < c.google.length; i++) {
      var m = new RegExp(c.google[i]).exec(decoded);
      if (m) return [Number(m[1]), Number(m[2])];
    }
    return null;
  }
  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }
  function bodyLinks(rules, text) {
    var found = [];
    var pattern = new RegExp(rules.notities.patroon, "gim");
    var m;
    while ((m = pattern.exec(text)) !== null) {
      if (m[0] === "") pattern.lastIndex++;
      var target = m[1] || m[2] || m[3] || m[4];
      if (target === undefined) continue;
      var scheme = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(target.replace(/[\x00-\x20]/g, ""));
      if (scheme && rules.notities.veilig.indexOf(scheme[1].toLowerCase()) < 0) {
        found.push(say(rules.notities.melding, { doel: chars(target).slice(0, 60).join(""), schema: scheme[1] }));
      }
    }
    return found;
  }

  function fieldProblems(spec, field, value, t) {
    var rules = spec.regels;
    var kind = field.soort === "lijst" ? field.items : field.soort;
    var values = field.soort === "lijst" ? (value || []).map(t.oneLine).filter(Boolean) : [t.oneLine(value || "")];
    // As the models: an optional field that is empty, ~ or null (any case) is "not filled in".
    if (field.soort !== "lijst" && !field.verplicht && /^\s*(~|null)?\s*$/i.test(values[0])) return [];
    if (field.verplicht && kind === "tekst") {
      if (values[0] === "") return [say(rules.leeg, { titel: field.pad })];
      if (field.max && chars(values[0]).length > field.max) return [say(rules.te_lang, { titel: field.pad, max: field.max })];
    }
    var check = { telefoon: phoneProblem, email: emailProblem, link: linkProblem, datum: dateProblem }[kind];
    if (kind === "coordinaten" && values[0]) {
      var point = coordinates(rules, values[0]);
      return typeof point === "string" ? [point] : [];
    }
    if (!check) return [];
    return values.filter(Boolean).map(function (v) { return check(rules, v); }).filter(Boolean);
  }

  // Everything `buurtkaart check` would say about the card made from these answers, apart from
  // git and the other cards: [{veld, melding, soort: "fout" | "waarschuwing"}], in field order.
  function problems(spec, answers, place) {
    var t = make(spec);
    var out = [];
    spec.velden.forEach(function (field) {
      if (field.soort === "groep") return;
      fieldProblems(spec, field, answers[field.pad], t).forEach(function (message) {
        out.push({ veld: field.pad, melding: message, soort: "fout" });
      });
    });
    bodyLinks(spec.regels, typeof answers[spec.notities] === "string" ? answers[spec.notities] : "").forEach(
      function (message) { out.push({ veld: null, melding: message, soort: "fout" }); }
    );
    var errors = out.some(function (p) { return p.veld !== null; });
    var where = answers.coordinaten ? coordinates(spec.regels, t.oneLine(answers.coordinaten)) : null;
    if (!errors && place && Array.isArray(where)) {
      var warning = positionWarning(spec.regels, place, where);
      if (warning) out.push({ veld: "coordinaten", melding: warning, soort: "waarschuwing" });
    }
    return out;
  }

  function positionWarning(rules, place, point) {
    if (!inNL(rules, point[0], point[1])) {
      return say(place.buiten_nl, { punt: "[" + g(point[0]) + ", " + g(point[1]) + "]" });
    }
    var d = metres(place.punt, point, rules.coordinaten.aarde);
    return d > place.straal ? say(place.buiten_straal, { afstand: formatDistance(d) }) : null;
  }

  // The point of a coordinates answer, or null when it is none (the map follows typed numbers).
  function point(spec, value) {
    var text = make(spec).oneLine(value || "");
    var found = text ? coordinates(spec.regels, text) : null;
    return Array.isArray(found) ? found : null;
  }

  return {
    point: point,
    problems: problems,
    positionWarning: positionWarning,
    formatDistance: formatDistance,
    g: g,
    make: make,
    quote: quote,
    scalar: scalar,
    fill: fill,
    slugify: slugify,
    freeSlug: freeSlug,
  };
});
