// Draws the pictures of a page (home, resource pages): each <figure data-picture> names
// the JSON element that holds its data, which the server wrote from the graph; the
// table beside the picture holds the same values for screen readers and copying.
(function () {
  "use strict";
  var P = window.SpacekgPictures;
  if (!P) {
    return;
  }

  function timelineItems(items) {
    return items.map(function (i) {
      var dated = { signed: "signed " + i.start, valid: "valid " + i.when, reported: "first reported in " + i.document }[i.basis];
      var who = i.partners && i.partners.length ? "; with " + i.partners.join(", ") : "";
      return {
        label: i.label, href: i.href, lane: i.kind, status: i.status, start: i.start, end: i.end,
        basis: i.basis, when: i.when, note: dated + who
      };
    });
  }

  function network(graph) {
    return {
      focus: graph.focus,
      nodes: graph.nodes.map(function (n) {
        return { id: n.iri, label: n.label, kind: n.kind, size: n.facts, href: n.href };
      }),
      edges: graph.edges.map(function (e) {
        return { source: e.source, target: e.target, weight: e.facts, label: e.label };
      })
    };
  }

  function countries(list) {
    return list.map(function (c) {
      return { iso2: c.iso2, numeric: c.numeric, label: c.label, href: c.href, value: c.facts, summary: c.summary };
    });
  }

  var DRAW = {
    timeline: function (el, data, label) {
      return P.drawTimeline(el, timelineItems(data), { label: label });
    },
    network: function (el, data, label) {
      return P.drawNetwork(el, network(data), { label: label, sizeUnit: "facts" });
    },
    map: function (el, data, label, figure) {
      return P.drawMap(el, countries(data), { label: label, centreHref: figure.dataset.centreHref });
    }
  };

  var figures = [];
  // The map first: its boundaries load while the others are drawn.
  var order = { map: 0, timeline: 1, network: 2 };
  Array.from(document.querySelectorAll("figure[data-picture]")).sort(function (a, b) {
    return order[a.dataset.picture] - order[b.dataset.picture];
  }).forEach(function (figure) {
    var kind = figure.dataset.picture;
    var source = document.getElementById(figure.dataset.source);
    var canvas = figure.querySelector(".picture-canvas");
    if (!DRAW[kind] || !source || !canvas) {
      return;
    }
    var entry = { figure: figure, kind: kind, canvas: canvas, data: JSON.parse(source.textContent), svg: null };
    entry.label = (figure.querySelector("figcaption") || {}).textContent || kind;
    entry.draw = function () {
      // each in a task of its own, so the page shows before the pictures are laid out
      new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
        return DRAW[kind](canvas, entry.data, entry.label.trim(), figure);
      }).then(function (svg) {
        entry.svg = svg;
        figure.dataset.drawn = "true";
      }, function (error) {
        canvas.textContent = "The picture could not be drawn: " + error;
      });
    };
    entry.draw();
    P.downloadButtons(canvas.parentNode.insertBefore(document.createElement("div"), canvas.nextSibling),
      figure.dataset.name || kind, function () { return entry.svg; });
    figures.push(entry);
  });

  // The timeline and the map are laid out for their width: redraw when it changes.
  var lastWidth = window.innerWidth;
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      if (Math.abs(window.innerWidth - lastWidth) < 40) {
        return;
      }
      lastWidth = window.innerWidth;
      figures.forEach(function (f) {
        if (f.kind !== "network") {
          f.draw();
        }
      });
    }, 200);
  });
})();
