// The three pictures (a timeline, a network, a world map) drawn as SVG with d3, from
// plain data the pages and the editor's result views prepare. Each picture carries its
// own styles, so its SVG download looks as it does on the page, and its elements are
// links to the resources' pages. Only files of this host are read (the world boundaries
// are vendored from the world-atlas package).
(function () {
  "use strict";
  var d3 = window.d3;
  if (!d3) {
    return;
  }
  var SVG_NS = "http://www.w3.org/2000/svg";
  var ATLAS = "/static/vendor/world-atlas/";
  var CHINA_NUMERIC = "156";
  // Known classes keep their colour on every page; others get the next free one.
  var KINDS = ["country", "organisation", "mission", "spacecraft", "agreement", "cooperation",
    "spacecraft activity", "participation", "ground station cooperation", "cooperation total"];
  var colour = d3.scaleOrdinal(KINDS, d3.schemeTableau10);
  var STYLE = [
    "text{font:11px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#1f2933}",
    ".lane-label{font-weight:600}",
    ".axis line,.axis path{stroke:#9aa5b1}",
    ".grid line{stroke:#e4e7eb}",
    ".lane-rule{stroke:#cbd2d9}",
    ".planned{fill:#fff!important;stroke-dasharray:2 1.5}",
    ".timeline-item :is(circle,rect,path){stroke-width:1.5}",
    ".network-edge{stroke:#9aa5b1;stroke-opacity:.7}",
    ".network-node circle{stroke:#fff;stroke-width:1.5}",
    ".network-node.focus circle{stroke:#1f2933;stroke-width:3}",
    ".node-label{font-size:10px;paint-order:stroke;stroke:#fff;stroke-width:3px}",
    ".map-land{fill:#e4e7eb;stroke:#fff;stroke-width:.5}",
    ".map-sphere{fill:#f5f9fc;stroke:#cbd2d9}",
    ".map-country path{stroke:#1f2933;stroke-width:.4}",
    ".map-centre path{fill:#c2410c;stroke:#7c2d12;stroke-width:.5}",
    "a:focus :is(circle,rect,path){stroke:#000;stroke-width:2.5}",
    ".empty{font-size:13px}"
  ].join("");

  // --- shared --------------------------------------------------------------------------

  function svgRoot(container, width, height, label) {
    container.textContent = "";
    var svg = d3.select(container).append("svg")
      .attr("xmlns", SVG_NS)
      .attr("viewBox", [0, 0, width, height].join(" "))
      .attr("width", width)
      .attr("height", height)
      // a group, not an image: its marks are links a keyboard reaches
      .attr("role", "group")
      .attr("aria-label", label);
    svg.append("title").text(label);
    svg.append("style").text(STYLE);
    svg.append("rect").attr("width", width).attr("height", height).attr("fill", "#fff");
    return svg;
  }

  function empty(container, text) {
    var svg = svgRoot(container, 400, 60, text);
    svg.append("text").attr("class", "empty").attr("x", 12).attr("y", 34).text(text);
    return svg.node();
  }

  function link(parent, href, className) {
    var a = parent.append("a").attr("class", className);
    if (href) {
      a.attr("href", href);
    }
    return a;
  }

  function swatchLegend(svg, x, y, entries) {
    var g = svg.append("g").attr("class", "legend").attr("transform", "translate(" + x + "," + y + ")");
    var at = 0;
    entries.forEach(function (entry) {
      var item = g.append("g").attr("transform", "translate(" + at + ",0)");
      entry.draw(item);
      item.append("text").attr("x", 12).attr("y", 4).text(entry.label);
      // an estimate: measuring the text would lay out the whole page once per entry
      at += 24 + entry.label.length * 6.2;
    });
    return g;
  }

  // --- timeline ------------------------------------------------------------------------

  // "2021" -> the year, "2021-03" -> the month, "2021-03-14" -> the day: a date covers
  // the period its precision gives, never a more precise one.
  function period(text) {
    var m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(text || ""));
    if (!m) {
      return null;
    }
    var year = +m[1];
    if (m[3]) {
      var day = Date.UTC(year, +m[2] - 1, +m[3]);
      return { from: new Date(day), to: new Date(day + 86400000), precision: "day" };
    }
    if (m[2]) {
      return { from: new Date(Date.UTC(year, +m[2] - 1, 1)), to: new Date(Date.UTC(year, +m[2], 1)), precision: "month" };
    }
    return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)), precision: "year" };
  }

  // items: {label, href, lane, status ("planned"/"achieved"/""), start, end, basis, note}
  function drawTimeline(container, items, options) {
    options = options || {};
    var dated = [];
    items.forEach(function (item) {
      var first = period(item.start);
      var last = item.end ? period(item.end) : first;
      if (first && last) {
        dated.push(Object.assign({}, item, { from: first.from, to: last.to, point: !item.end && first.precision === "day" }));
      }
    });
    if (!dated.length) {
      return empty(container, options.emptyText || "No dated rows to place on a timeline.");
    }
    var width = Math.max(container.clientWidth || 800, 320);
    var narrow = width < 600;
    var longest = d3.max(dated, function (d) { return String(d.lane || "").length; }) || 0;
    var margin = { left: narrow ? 8 : Math.min(40 + longest * 6.5, 220), right: 16, top: 44, bottom: 28 };
    var min = d3.min(dated, function (d) { return d.from; });
    var max = d3.max(dated, function (d) { return d.to; });
    var pad = Math.max((max - min) * 0.04, 180 * 86400000);
    var x = d3.scaleUtc().domain([new Date(+min - pad), new Date(+max + pad)])
      .range([margin.left, width - margin.right]);
    var cell = 9;
    var lanes = d3.groups(dated, function (d) { return d.lane || ""; });
    var blocks = [];
    var y = margin.top;
    // A point is a day, or the date of the document that first reports the fact; the
    // others (a month, a year, a validity period) are bars as long as their period.
    function asPoint(d) { return d.point || d.basis === "reported"; }
    lanes.forEach(function (lane, index) {
      var laneBlocks = [];
      // Points of the same date (every fact first reported by one document) form a grid.
      d3.groups(lane[1].filter(asPoint), function (d) { return d.start; }).forEach(function (group) {
        var same = group[1];
        var at = x(same[0].from) - cell / 2;
        var cols = Math.min(Math.ceil(Math.sqrt(same.length)), 10);
        laneBlocks.push({ x0: at, x1: at + cols * cell, h: Math.ceil(same.length / cols) * cell, items: same, cols: cols });
      });
      lane[1].filter(function (d) { return !asPoint(d); }).forEach(function (d) {
        var x0 = x(d.from);
        laneBlocks.push({ x0: x0, x1: Math.max(x(d.to), x0 + 6), h: cell, items: [d], bar: true });
      });
      // Each block takes the lowest place where it overlaps nothing already placed.
      var placed = [];
      laneBlocks.sort(function (a, b) { return a.x0 - b.x0; }).forEach(function (b) {
        var top = 0;
        var moved = true;
        while (moved) {
          moved = false;
          for (var i = 0; i < placed.length; i++) {
            var p = placed[i];
            if (b.x0 < p.x1 + 3 && p.x0 < b.x1 + 3 && top < p.top + p.h + 3 && p.top < top + b.h + 3) {
              top = p.top + p.h + 3;
              moved = true;
            }
          }
        }
        b.top = top;
        placed.push(b);
      });
      var height = Math.max(d3.max(placed, function (b) { return b.top + b.h; }) || 0, 14);
      var labelRoom = narrow ? 16 : 0;
      placed.forEach(function (b) { b.top += y + labelRoom; b.lane = lane[0]; b.index = index; });
      blocks = blocks.concat(placed);
      lane.y = y;
      lane.height = height + labelRoom;
      y += height + labelRoom + 14;
    });
    var height = y + margin.bottom;
    var label = options.label || "Timeline";
    var svg = svgRoot(container, width, height, label);
    var grid = svg.append("g").attr("class", "grid");
    grid.selectAll("line").data(x.ticks(Math.max(2, Math.floor(width / 90)))).join("line")
      .attr("x1", x).attr("x2", x).attr("y1", margin.top - 6).attr("y2", y - 8);
    lanes.forEach(function (lane) {
      svg.append("line").attr("class", "lane-rule").attr("x1", narrow ? 0 : 4).attr("x2", width - margin.right)
        .attr("y1", lane.y - 7).attr("y2", lane.y - 7);
      svg.append("text").attr("class", "lane-label")
        .attr("x", narrow ? 4 : margin.left - 10).attr("y", lane.y + 8)
        .attr("text-anchor", narrow ? "start" : "end").text(lane[0]);
    });
    var marks = svg.append("g").attr("class", "timeline-items");
    blocks.forEach(function (b) {
      b.items.forEach(function (d, i) {
        var a = link(marks, d.href, "timeline-item")
          .attr("data-status", d.status || "").attr("data-basis", d.basis || "");
        a.append("title").text(d.label + " — " + (d.when || d.start) + (d.note ? " (" + d.note + ")" : "") + (d.status ? "; " + d.status : ""));
        var fill = colour(b.lane);
        var shape;
        if (b.bar) {
          shape = a.append("rect").attr("x", b.x0).attr("y", b.top + 1).attr("width", b.x1 - b.x0)
            .attr("height", cell - 2).attr("rx", 2);
        } else {
          var cx = b.x0 + (i % b.cols) * cell + cell / 2;
          var cy = b.top + Math.floor(i / b.cols) * cell + cell / 2;
          shape = d.basis === "signed"
            ? a.append("path").attr("d", d3.symbol(d3.symbolDiamond, 40)()).attr("transform", "translate(" + cx + "," + cy + ")")
            : a.append("circle").attr("cx", cx).attr("cy", cy).attr("r", 3.5);
        }
        shape.attr("fill", fill).attr("stroke", fill);
        if (d.status === "planned") {
          shape.attr("class", "planned");
        }
      });
    });
    svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (y - 8) + ")")
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
    swatchLegend(svg, 8, 16, [
      { label: "achieved", draw: function (g) { g.append("circle").attr("r", 4).attr("fill", "#52606d").attr("stroke", "#52606d"); } },
      { label: "planned", draw: function (g) { g.append("circle").attr("r", 4).attr("class", "planned").attr("stroke", "#52606d"); } },
      { label: "signed on (a day)", draw: function (g) { g.append("path").attr("d", d3.symbol(d3.symbolDiamond, 40)()).attr("fill", "#52606d"); } },
      { label: "a period (month, year, validity)", draw: function (g) { g.append("rect").attr("x", -5).attr("y", -4).attr("width", 12).attr("height", 7).attr("fill", "#52606d"); } },
      { label: "first reported", draw: function (g) { g.append("circle").attr("r", 3.5).attr("fill", "#9aa5b1"); } }
    ].slice(0, narrow ? 2 : 5));
    return svg.node();
  }

  // --- network -------------------------------------------------------------------------

  // graph: {nodes: [{id, label, kind, size, href}], edges: [{source, target, weight, label}], focus}
  function drawNetwork(container, graph, options) {
    options = options || {};
    if (!graph.nodes.length) {
      return empty(container, options.emptyText || "No links to draw.");
    }
    var nodes = graph.nodes.map(function (n) { return Object.assign({}, n); });
    var ids = new Set(nodes.map(function (n) { return n.id; }));
    var edges = graph.edges.filter(function (e) { return ids.has(e.source) && ids.has(e.target); })
      .map(function (e) { return Object.assign({}, e); });
    var maxSize = d3.max(nodes, function (n) { return n.size; }) || 1;
    var radius = d3.scaleSqrt().domain([0, maxSize]).range([3, nodes.length > 40 ? 22 : 28]);
    nodes.forEach(function (n) {
      n.r = Math.max(radius(n.size || 1), 4);
      if (n.id === graph.focus) {
        n.fx = 0;
        n.fy = 0;
      }
    });
    // A fixed number of steps, run before drawing: the same data gives the same picture.
    var simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(edges).id(function (n) { return n.id; }).distance(function (e) { return (nodes.length < 20 ? 70 : 30) + e.source.r + e.target.r; }).strength(0.4))
      .force("charge", d3.forceManyBody().strength(-140))
      .force("collide", d3.forceCollide(function (n) { return n.r + 2; }))
      .force("x", d3.forceX(0).strength(0.06))
      .force("y", d3.forceY(0).strength(0.09))
      .alphaDecay(0.045)
      .stop();
    // about 150 steps: the layout settles well before d3's default 300
    for (var i = 0; i < 150; i++) {
      simulation.tick();
    }
    var labelled = new Set(nodes.slice().sort(function (a, b) { return b.size - a.size; })
      .slice(0, nodes.length > 40 ? 24 : nodes.length).map(function (n) { return n.id; }));
    var x0 = d3.min(nodes, function (n) { return n.x - n.r; }) - 70;
    var x1 = d3.max(nodes, function (n) { return n.x + n.r; }) + 70;
    var y0 = d3.min(nodes, function (n) { return n.y - n.r; }) - 40;
    var y1 = d3.max(nodes, function (n) { return n.y + n.r; }) + 16;
    var width = x1 - x0;
    var height = y1 - y0;
    var label = options.label || "Network";
    var svg = svgRoot(container, width, height, label);
    var g = svg.append("g").attr("transform", "translate(" + -x0 + "," + -y0 + ")");
    g.append("g").selectAll("line").data(edges).join("line")
      .attr("class", "network-edge")
      .attr("x1", function (e) { return e.source.x; }).attr("y1", function (e) { return e.source.y; })
      .attr("x2", function (e) { return e.target.x; }).attr("y2", function (e) { return e.target.y; })
      .attr("stroke-width", function (e) { return Math.min(1 + Math.sqrt(e.weight || 1), 7); })
      .append("title").text(function (e) {
        return e.source.label + " — " + e.target.label + (e.label ? " (" + e.label + ")" : "") + (e.weight ? ": " + e.weight + " fact" + (e.weight === 1 ? "" : "s") : "");
      });
    var node = g.append("g").selectAll("a").data(nodes).join(function (enter) {
      return enter.append("a").attr("class", function (n) { return "network-node" + (n.id === graph.focus ? " focus" : ""); });
    });
    node.each(function (n) {
      if (n.href) {
        this.setAttribute("href", n.href);
      }
    });
    node.attr("data-kind", function (n) { return n.kind; }).attr("data-id", function (n) { return n.id; });
    node.append("circle").attr("cx", function (n) { return n.x; }).attr("cy", function (n) { return n.y; })
      .attr("r", function (n) { return n.r; }).attr("fill", function (n) { return colour(n.kind); });
    node.append("title").text(function (n) {
      return n.label + " (" + n.kind + ")" + (options.sizeUnit ? ": " + n.size + " " + options.sizeUnit : "");
    });
    node.filter(function (n) { return labelled.has(n.id); }).append("text").attr("class", "node-label")
      .attr("x", function (n) { return n.x; }).attr("y", function (n) { return n.y + n.r + 10; })
      .attr("text-anchor", "middle").text(function (n) { return n.label.length > 28 ? n.label.slice(0, 27) + "…" : n.label; });
    var kinds = Array.from(new Set(nodes.map(function (n) { return n.kind; })));
    swatchLegend(svg, 8, 14, kinds.map(function (k) {
      return { label: k, draw: function (s) { s.append("circle").attr("r", 5).attr("fill", colour(k)); } };
    }));
    return svg.node();
  }

  // --- world map -----------------------------------------------------------------------

  var atlases = {};
  function atlas(name) {
    if (!atlases[name]) {
      atlases[name] = d3.json(ATLAS + name).then(function (topology) {
        return window.topojson.feature(topology, topology.objects.countries).features;
      });
    }
    return atlases[name];
  }

  // countries: [{iso2, numeric, label, href, value, summary}]; resolves to the SVG once
  // the boundaries are read (the 50m set only when a country is too small for 110m).
  function drawMap(container, countries, options) {
    options = options || {};
    if (!window.topojson) {
      return Promise.resolve(empty(container, "The world boundaries are not installed (make assets)."));
    }
    return atlas("countries-110m.json").then(function (features) {
      var have = new Set(features.map(function (f) { return f.id; }));
      var missing = countries.filter(function (c) { return c.numeric && !have.has(c.numeric); });
      if (!missing.length) {
        return features;
      }
      return atlas("countries-50m.json").then(function (fine) {
        var wanted = new Set(missing.map(function (c) { return c.numeric; }));
        return features.concat(fine.filter(function (f) { return wanted.has(f.id); }));
      });
    }).then(function (features) {
      var width = Math.max(container.clientWidth || 800, 320);
      var height = Math.round(width * 0.52) + 30;
      var label = options.label || "World map";
      var svg = svgRoot(container, width, height, label);
      var projection = d3.geoNaturalEarth1().fitExtent([[4, 30], [width - 4, height - 4]], { type: "Sphere" });
      var path = d3.geoPath(projection);
      svg.append("path").attr("class", "map-sphere").attr("d", path({ type: "Sphere" }));
      var byNumeric = new Map(countries.filter(function (c) { return c.numeric; }).map(function (c) { return [c.numeric, c]; }));
      var max = d3.max(countries, function (c) { return c.value; }) || 1;
      var shade = d3.scaleSequentialSqrt(d3.interpolateBlues).domain([-max * 0.2, max]);
      svg.append("g").selectAll("path").data(features.filter(function (f) { return !byNumeric.has(f.id) && f.id !== CHINA_NUMERIC; }))
        .join("path").attr("class", "map-land").attr("d", path);
      if (options.showCentre !== false) {
        features.filter(function (f) { return f.id === CHINA_NUMERIC && !byNumeric.has(f.id); }).forEach(function (f) {
          var a = svg.append("a").attr("class", "map-centre").attr("href", options.centreHref || null);
          a.append("path").attr("d", path(f));
          a.append("title").text("China");
        });
      }
      var drawn = svg.append("g").attr("class", "map-partners");
      features.filter(function (f) { return byNumeric.has(f.id); }).forEach(function (f) {
        var c = byNumeric.get(f.id);
        var a = link(drawn, c.href, "map-country").attr("data-iso", c.iso2);
        a.append("path").attr("d", path(f)).attr("fill", shade(c.value));
        a.append("title").text(c.label + ": " + c.value + " " + (c.value === 1 ? options.unit || "fact" : options.units || "facts") + (c.summary ? " (" + c.summary + ")" : ""));
      });
      // the scale: from the least to the most
      var legend = svg.append("g").attr("class", "legend").attr("transform", "translate(8,10)");
      var steps = d3.range(0, 1.0001, 0.1);
      legend.selectAll("rect").data(steps).join("rect").attr("x", function (s, i) { return 60 + i * 12; })
        .attr("width", 12).attr("height", 10).attr("fill", function (s) { return shade(1 + s * (max - 1)); });
      legend.append("text").attr("x", 0).attr("y", 9).text(options.units || "facts");
      legend.append("text").attr("x", 54).attr("y", 9).attr("text-anchor", "end").text("1");
      legend.append("text").attr("x", 60 + steps.length * 12 + 4).attr("y", 9).text(String(max));
      if (options.showCentre !== false) {
        legend.append("rect").attr("x", 60 + steps.length * 12 + 40).attr("width", 12).attr("height", 10).attr("fill", "#c2410c");
        legend.append("text").attr("x", 60 + steps.length * 12 + 56).attr("y", 9).text("China");
      }
      return svg.node();
    });
  }

  // --- downloads -----------------------------------------------------------------------

  function svgText(svg) {
    var copy = svg.cloneNode(true);
    // links keep working from a downloaded file
    copy.querySelectorAll("a[href]").forEach(function (a) {
      a.setAttribute("href", new URL(a.getAttribute("href"), window.location.href).href);
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
  }

  function save(blob, filename) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function downloadSvg(svg, name) {
    save(new Blob([svgText(svg)], { type: "image/svg+xml" }), name + ".svg");
  }

  function downloadPng(svg, name) {
    var box = svg.viewBox.baseVal;
    var scale = 2;
    var image = new Image();
    var url = URL.createObjectURL(new Blob([svgText(svg)], { type: "image/svg+xml" }));
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.ceil(box.width * scale);
      canvas.height = Math.ceil(box.height * scale);
      var context = canvas.getContext("2d");
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) { save(blob, name + ".png"); }, "image/png");
    };
    image.src = url;
  }

  // Two buttons under a picture; ``current`` gives the SVG drawn last.
  function downloadButtons(parent, name, current) {
    var p = document.createElement("p");
    p.className = "picture-downloads";
    p.appendChild(document.createTextNode("Download the picture: "));
    [["SVG", downloadSvg], ["PNG", downloadPng]].forEach(function (pair, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = pair[0];
      button.setAttribute("aria-label", "Download the " + name + " picture as " + pair[0]);
      button.dataset.download = pair[0].toLowerCase();
      button.addEventListener("click", function () {
        var svg = current();
        if (svg) {
          pair[1](svg, name);
        }
      });
      if (i) {
        p.appendChild(document.createTextNode(" "));
      }
      p.appendChild(button);
    });
    parent.appendChild(p);
    return p;
  }

  window.SpacekgPictures = {
    colour: colour,
    period: period,
    drawTimeline: drawTimeline,
    drawNetwork: drawNetwork,
    drawMap: drawMap,
    svgText: svgText,
    downloadSvg: downloadSvg,
    downloadPng: downloadPng,
    downloadButtons: downloadButtons
  };
})();
