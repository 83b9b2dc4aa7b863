// Turns the plain query form of /editor into YASGUI: the form's text becomes the editor's
// query, results show below it (as a table, or as the picture the query's "#+ view:"
// header names or its columns fit: see yasr-pictures.js), and the share button writes a
// link that reopens this query (/editor?query=...). Without this script the plain form
// still works.
(function () {
  "use strict";
  var host = document.getElementById("yasgui");
  var form = document.getElementById("editor-form");
  var text = document.getElementById("query-text");
  if (!host || !form || !text || typeof window.Yasgui !== "function") {
    return;
  }
  var endpoint = new URL(host.dataset.endpoint, window.location.href).toString();

  function shareLink(query) {
    var url = new URL("/editor", window.location.href);
    url.searchParams.set("query", query);
    return url.toString();
  }

  // The property and class completers would ask an outside vocabulary service, which
  // this page must not depend on. Options are merged with the defaults (lists are
  // concatenated), so the defaults themselves are narrowed.
  if (window.Yasqe && window.Yasqe.defaults) {
    window.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  }

  host.hidden = false;
  form.hidden = true;
  var yasgui = new window.Yasgui(host, {
    // The page decides what is open: no tabs restored from an earlier visit, no state
    // read from the URL fragment.
    persistenceId: null,
    populateFromUrl: false,
    copyEndpointOnNewTab: true,
    autofocus: false,
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: {
      // Prefix completion offers this graph's namespaces (served by the page's app).
      prefixCcApi: new URL("/editor/prefixes.json", window.location.href).toString(),
      createShareableLink: function (yasqe) { return shareLink(yasqe.getValue()); },
    },
  });
  var tab = yasgui.getTab();
  tab.setEndpoint(endpoint);
  tab.setQuery(text.value);

  var share = document.getElementById("share");
  var button = document.getElementById("share-button");
  var output = document.getElementById("share-link");
  var anchor = document.getElementById("share-anchor");
  share.hidden = false;
  button.addEventListener("click", function () {
    var link = shareLink(yasgui.getTab().getQuery());
    output.value = link;
    anchor.href = link;
    anchor.hidden = false;
    output.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).catch(function () {});
    }
  });
  // Result cells link IRIs to themselves; the graph's own IRIs are answered by this
  // server, so their links are rewritten to the same path here (as on every other page).
  var base = "https://w3id.org/china-space-kg/";
  function localiseLinks() {
    host.querySelectorAll("a.iri").forEach(function (link) {
      var iri = link.getAttribute("href");
      if (iri && iri.indexOf(base) === 0) {
        link.setAttribute("href", "/" + iri.slice(base.length));
        link.setAttribute("title", iri);
      }
    });
  }
  new MutationObserver(localiseLinks).observe(host, { childList: true, subtree: true });

  // The view a result opens in: the one the query's "#+ view:" line names, else the
  // first picture its columns fit (an ISO code column, dates, two resource columns),
  // else the table. A view picked by hand lasts until the next run.
  var views = window.SpacekgViews;
  function namedView(query) {
    var match = /^#\+\s*view\s*:\s*([a-z]+)/im.exec(query || "");
    return match ? match[1].toLowerCase() : null;
  }
  if (views) {
    yasgui.on("query", function (_yasgui, queried) {
      var yasr = queried.getYasr();
      var named = namedView(queried.getQuery());
      if (yasr && named && yasr.plugins[named]) {
        // chosen before the answer arrives, so it is drawn once, in this view
        yasr.selectedPlugin = named;
      }
    });
    yasgui.on("queryResponse", function (_yasgui, answered) {
      var yasr = answered.getYasr();
      if (!yasr) {
        return;
      }
      yasr.once("drawn", function () {
        var named = namedView(answered.getQuery());
        var fitting = views.fitting(yasr);
        var wanted = named && (named === "table" || fitting.indexOf(named) >= 0) ? named : fitting[0] || "table";
        if (yasr.getSelectedPluginName() !== wanted && yasr.plugins[wanted]) {
          yasr.selectPlugin(wanted);
        }
      });
    });
  }

  window.spacekgEditor = yasgui;
})();
