// Result views of the query editor (YASR plugins): a timeline when a column holds dates,
// a network when two columns hold resources, a world map when a column holds ISO 3166-1
// alpha-2 country codes. editor.js opens the view a saved query names in its
// "#+ view:" header line, else the first that fits the columns. Each view draws with
// pictures.js, offers SVG and PNG downloads, and lists what it shows beside it.
(function () {
  "use strict";
  var Yasr = window.Yasr;
  var P = window.SpacekgPictures;
  if (!Yasr || !P) {
    return;
  }
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var DATE_TYPES = ["date", "dateTime", "gYear", "gYearMonth"].map(function (t) { return XSD + t; });
  var NUMBER_TYPES = ["integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger"].map(function (t) { return XSD + t; });
  var OWN = "https://w3id.org/china-space-kg/";

  // --- reading the columns -------------------------------------------------------------

  function bindings(yasr) {
    var results = yasr.results;
    if (!results || !results.getBindings || results.hasError && results.hasError()) {
      return null;
    }
    var rows = results.getBindings();
    var vars = results.getVariables ? results.getVariables() : [];
    return rows && rows.length ? { rows: rows, vars: vars || [] } : null;
  }

  function isDate(b) {
    if (!b || b.type !== "literal" && b.type !== "typed-literal") {
      return false;
    }
    if (b.datatype && DATE_TYPES.indexOf(b.datatype) >= 0) {
      return true;
    }
    return (!b.datatype || b.datatype === XSD + "string") && /^\d{4}-\d{2}(-\d{2})?$/.test(b.value);
  }

  function isIso(b) {
    return b && (b.type === "literal" || b.type === "typed-literal") && /^[A-Z]{2}$/.test(b.value);
  }

  function isNumber(b) {
    return b && b.datatype && NUMBER_TYPES.indexOf(b.datatype) >= 0;
  }

  // The columns every bound value of which passes ``test`` (at least one bound).
  function columns(table, test) {
    return table.vars.filter(function (v) {
      var seen = false;
      for (var i = 0; i < table.rows.length; i++) {
        var b = table.rows[i][v];
        if (b) {
          if (!test(b)) {
            return false;
          }
          seen = true;
        }
      }
      return seen;
    });
  }

  function uriColumns(table) {
    return columns(table, function (b) { return b.type === "uri"; });
  }

  function localHref(iri) {
    return iri.indexOf(OWN) === 0 ? "/" + iri.slice(OWN.length) : iri;
  }

  function shortName(iri) {
    var cut = Math.max(iri.lastIndexOf("/"), iri.lastIndexOf("#"));
    return decodeURIComponent(iri.slice(cut + 1)) || iri;
  }

  // The label of ``?x`` is in ``?xLabel``, ``?xName`` or ``?xTitle`` when the query has one.
  function labelColumn(table, v) {
    var wanted = [v + "label", v + "name", v + "title"];
    return table.vars.filter(function (c) { return wanted.indexOf(c.toLowerCase()) >= 0; })[0];
  }

  function labelOf(row, table, v) {
    var column = labelColumn(table, v);
    if (column && row[column]) {
      return row[column].value;
    }
    return row[v].type === "uri" ? shortName(row[v].value) : row[v].value;
  }

  function statusOf(row, table) {
    for (var i = 0; i < table.vars.length; i++) {
      var b = row[table.vars[i]];
      if (b && /(^|\/)(planned|achieved)$/.test(b.value)) {
        return /planned$/.test(b.value) ? "planned" : "achieved";
      }
    }
    return "";
  }

  // --- from rows to the pictures' data -------------------------------------------------

  function timelineItems(table) {
    var dates = columns(table, isDate);
    var texts = table.vars.filter(function (v) { return dates.indexOf(v) < 0; });
    var ends = dates.filter(function (v) { return /(until|end|to)$/i.test(v); });
    return table.rows.map(function (row) {
      var chosen = dates.filter(function (v) { return row[v]; })[0];
      if (!chosen) {
        return null;
      }
      var end = null;
      var lane = chosen;
      if (/(from|start|begin|since)$/i.test(chosen)) {
        var endColumn = ends.filter(function (v) { return row[v]; })[0];
        if (endColumn) {
          end = row[endColumn].value;
          lane = chosen + " – " + endColumn;
        }
      }
      var iri = table.vars.filter(function (v) { return row[v] && row[v].type === "uri"; })[0];
      var named = texts.filter(function (v) { return row[v] && /(label|title|name)$/i.test(v); })[0];
      var label = named ? row[named].value : iri ? labelOf(row, table, iri) : row[chosen].value;
      return {
        label: label, href: iri ? localHref(row[iri].value) : null, lane: lane,
        status: statusOf(row, table), start: row[chosen].value, end: end,
        basis: chosen.toLowerCase().indexOf("signed") >= 0 ? "signed" : "", note: chosen + " " + row[chosen].value
      };
    }).filter(Boolean);
  }

  // Each row links its resources column by column (?a–?b, ?b–?c); a node is coloured by
  // the column it is in and sized by the rows it is in.
  function networkGraph(table) {
    var uris = uriColumns(table);
    var nodes = new Map();
    var edges = new Map();
    table.rows.forEach(function (row) {
      var present = uris.filter(function (v) { return row[v]; });
      present.forEach(function (v) {
        var iri = row[v].value;
        if (!nodes.has(iri)) {
          nodes.set(iri, { id: iri, label: labelOf(row, table, v), kind: v, size: 0, href: localHref(iri) });
        }
        nodes.get(iri).size += 1;
      });
      for (var i = 1; i < present.length; i++) {
        var a = row[present[i - 1]].value;
        var b = row[present[i]].value;
        if (a !== b) {
          var key = a + " " + b;
          var edge = edges.get(key) || { source: a, target: b, weight: 0, label: present[i - 1] + " – " + present[i] };
          edge.weight += 1;
          edges.set(key, edge);
        }
      }
    });
    return { nodes: Array.from(nodes.values()), edges: Array.from(edges.values()), focus: null };
  }

  var isoCodes = null;
  function loadIsoCodes() {
    if (!isoCodes) {
      isoCodes = window.d3.json("/pictures/iso-codes.json");
    }
    return isoCodes;
  }

  function mapCountries(table, codes) {
    var iso = columns(table, isIso)[0];
    // a count to shade by (?facts, ?partnerCount), not any number (?start, an offset)
    var number = columns(table, isNumber).filter(function (v) { return /(count|total|number|facts?|^n|s)$/i.test(v); })[0];
    var uris = uriColumns(table);
    var byCode = new Map();
    table.rows.forEach(function (row) {
      if (!row[iso]) {
        return;
      }
      var code = row[iso].value;
      var known = codes[code] || {};
      var entry = byCode.get(code);
      if (!entry) {
        // the resource column that changes with the code names the country
        var own = uris.filter(function (v) { return row[v] && (labelColumn(table, v) || /country|partner/i.test(v)); })[0];
        entry = {
          iso2: code, numeric: known.numeric || null, value: 0, summary: "",
          label: own ? labelOf(row, table, own) : known.name || code,
          href: own ? localHref(row[own].value) : null
        };
        byCode.set(code, entry);
      }
      entry.value += number && row[number] ? Number(row[number].value) : 1;
    });
    return Array.from(byCode.values());
  }

  // --- the plugins ---------------------------------------------------------------------

  var ICONS = {
    timeline: '<path d="M1 12h14" stroke="currentColor" fill="none"/><circle cx="4" cy="8" r="2" fill="currentColor"/><rect x="7" y="3" width="7" height="3" fill="currentColor"/>',
    network: '<path d="M4 4l8 2M4 4l3 8M12 6l-5 6" stroke="currentColor" fill="none"/><circle cx="4" cy="4" r="2.2" fill="currentColor"/><circle cx="12" cy="6" r="2.2" fill="currentColor"/><circle cx="7" cy="12" r="2.2" fill="currentColor"/>',
    map: '<circle cx="8" cy="8" r="6.5" stroke="currentColor" fill="none"/><path d="M1.5 8h13M8 1.5c-3 3-3 10 0 13M8 1.5c3 3 3 10 0 13" stroke="currentColor" fill="none"/>'
  };

  // A list of what the picture shows, beside it (for screen readers and copying).
  function listBeside(parent, title, entries) {
    var details = document.createElement("details");
    details.className = "picture-table";
    var summary = document.createElement("summary");
    summary.textContent = title + " (" + entries.length + ")";
    details.appendChild(summary);
    var list = document.createElement("ul");
    entries.forEach(function (entry) {
      var li = document.createElement("li");
      if (entry.href) {
        var a = document.createElement("a");
        a.href = entry.href;
        a.textContent = entry.text;
        li.appendChild(a);
      } else {
        li.textContent = entry.text;
      }
      if (entry.note) {
        li.appendChild(document.createTextNode(" — " + entry.note));
      }
      list.appendChild(li);
    });
    details.appendChild(list);
    parent.appendChild(details);
  }

  function makePlugin(spec) {
    function Plugin(yasr) {
      this.yasr = yasr;
      this.svg = null;
    }
    Plugin.prototype.priority = spec.priority;
    Plugin.prototype.label = spec.label;
    Plugin.prototype.helpReference = undefined;
    Plugin.prototype.canHandleResults = function () {
      var table = bindings(this.yasr);
      return Boolean(table && spec.fits(table));
    };
    Plugin.prototype.getIcon = function () {
      var icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      icon.setAttribute("viewBox", "0 0 16 16");
      icon.setAttribute("width", "16");
      icon.setAttribute("height", "16");
      icon.setAttribute("aria-hidden", "true");
      icon.innerHTML = ICONS[spec.name];
      return icon;
    };
    Plugin.prototype.draw = function () {
      var self = this;
      var table = bindings(this.yasr);
      var box = document.createElement("div");
      box.className = "yasr-picture yasr-picture-" + spec.name;
      box.dataset.view = spec.name;
      var canvas = document.createElement("div");
      canvas.className = "picture-canvas";
      box.appendChild(canvas);
      this.yasr.resultsEl.appendChild(box);
      return Promise.resolve(spec.draw(canvas, table)).then(function (drawn) {
        self.svg = drawn.svg;
        P.downloadButtons(box, spec.name, function () { return self.svg; });
        listBeside(box, spec.listTitle, drawn.list);
        box.dataset.drawn = "true";
      });
    };
    Plugin.prototype.download = function () {
      var self = this;
      if (!this.svg) {
        return undefined;
      }
      return {
        contentType: "image/svg+xml",
        getData: function () { return P.svgText(self.svg); },
        filename: spec.name + ".svg",
        title: "Download the " + spec.name + " as SVG"
      };
    };
    Plugin.prototype.destroy = function () {
      this.svg = null;
    };
    return Plugin;
  }

  var SPECS = [
    {
      name: "timeline", label: "Timeline", priority: 3, listTitle: "Rows in time",
      fits: function (table) { return columns(table, isDate).length > 0; },
      draw: function (canvas, table) {
        var items = timelineItems(table);
        return {
          svg: P.drawTimeline(canvas, items, { label: "The results in time" }),
          list: items.map(function (i) { return { text: i.label, href: i.href, note: i.end ? i.start + " – " + i.end : i.start }; })
        };
      }
    },
    {
      name: "network", label: "Network", priority: 2, listTitle: "Links",
      fits: function (table) { return uriColumns(table).length >= 2; },
      draw: function (canvas, table) {
        var graph = networkGraph(table);
        var names = new Map(graph.nodes.map(function (n) { return [n.id, n.label]; }));
        return {
          svg: P.drawNetwork(canvas, graph, { label: "The results as a network", sizeUnit: "rows" }),
          list: graph.edges.map(function (e) {
            return { text: names.get(e.source) + " — " + names.get(e.target), note: e.weight + " row" + (e.weight === 1 ? "" : "s") };
          })
        };
      }
    },
    {
      name: "map", label: "Map", priority: 4, listTitle: "Countries",
      fits: function (table) { return columns(table, isIso).length > 0; },
      draw: function (canvas, table) {
        return loadIsoCodes().then(function (codes) {
          var countries = mapCountries(table, codes);
          return P.drawMap(canvas, countries, { label: "The results on a world map", showCentre: false, unit: "row", units: "rows" })
            .then(function (svg) {
              return {
                svg: svg,
                list: countries.map(function (c) {
                  return { text: c.label + " (" + c.iso2 + ")", href: c.href, note: c.value + (c.numeric ? "" : "; not on the map") };
                })
              };
            });
        });
      }
    }
  ];

  var fits = {};
  SPECS.forEach(function (spec) {
    Yasr.registerPlugin(spec.name, makePlugin(spec));
    fits[spec.name] = spec.fits;
  });

  // For editor.js: the views that fit a result, most specific first.
  window.SpacekgViews = {
    names: SPECS.map(function (s) { return s.name; }),
    fitting: function (yasr) {
      var table = bindings(yasr);
      if (!table) {
        return [];
      }
      return ["map", "timeline", "network"].filter(function (name) { return fits[name](table); });
    }
  };
})();
