// Landelijk Knooppunt: small helpers for the server-rendered pages. No framework, no build step.
(function () {
  "use strict";

  // Live updates: one EventSource per open page (body data-live="/stroom"). The event
  // "gewijzigd" is passed on to htmx as an event on <body>; live blocks reload themselves with
  // hx-trigger="gewijzigd from:body". The stream is closed when the page is left (pagehide) and
  // opened again when it is shown (pageshow, also from the back-forward cache): a browser has
  // only a few connections per server over HTTP/1.1, and streams of pages left behind would
  // block the next click.
  var source = null;
  function connect() {
    var url = document.body && document.body.getAttribute("data-live");
    if (source || !url || !window.EventSource) {
      return;
    }
    source = new EventSource(url);
    // The version the page was rendered at; a change between rendering and connecting (or during
    // a reconnect) is caught up at once: the stream's first event says the version now.
    var known = Number(document.body.getAttribute("data-versie") || "0");
    function changed() {
      if (window.htmx) {
        htmx.trigger(document.body, "gewijzigd");
      }
    }
    source.addEventListener("versie", function (event) {
      var now = Number(event.data);
      if (now > known) {
        known = now;
        changed();
      }
    });
    source.addEventListener("gewijzigd", function (event) {
      var now = Number(event.data);
      if (!isNaN(now)) {
        known = Math.max(known, now);
      }
      changed();
    });
  }
  function disconnect() {
    if (source) {
      source.close();
      source = null;
    }
  }
  document.addEventListener("DOMContentLoaded", connect);
  window.addEventListener("pageshow", connect);
  window.addEventListener("pagehide", disconnect);

  // htmx sends the CSRF token of the session with every request that changes something.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // SLA countdowns: <time class="aftellen" datetime="2026-11-27T10:00:00Z">, updated every second.
  function pad(n) {
    return n < 10 ? "0" + n : "" + n;
  }
  function countdown(el) {
    var due = Date.parse(el.getAttribute("datetime"));
    if (isNaN(due)) {
      return;
    }
    var seconds = Math.round((due - Date.now()) / 1000);
    var late = seconds < 0;
    var s = Math.abs(seconds);
    var days = Math.floor(s / 86400);
    var text =
      s >= 86400
        ? days + (days === 1 ? " dag " : " dagen ") + Math.floor((s % 86400) / 3600) + " u"
        : s >= 3600
          ? Math.floor(s / 3600) + " u " + pad(Math.floor((s % 3600) / 60)) + " min"
          : Math.floor(s / 60) + ":" + pad(s % 60) + " min";
    el.textContent = late ? text + " te laat" : "nog " + text;
    el.classList.toggle("te-laat", late);
    el.classList.toggle("bijna", !late && seconds < 300);
  }
  function tick() {
    document.querySelectorAll("time.aftellen").forEach(countdown);
  }
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSettle", tick);
  setInterval(tick, 1000);
})();

// Choice panels: a radio with data-toon="<id>" shows that panel and hides the other panels of
// its form (class gebied-keuze). Without JavaScript every panel stays visible.
(function () {
  "use strict";
  function apply(form) {
    var chosen = form.querySelector("input[data-toon]:checked");
    if (!chosen) {
      return;
    }
    form.querySelectorAll(".gebied-keuze").forEach(function (panel) {
      panel.hidden = panel.id !== chosen.getAttribute("data-toon");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("input[data-toon]")) {
        apply(form);
        form.addEventListener("change", function () {
          apply(form);
        });
      }
    });
  });
})();

// Conditional fields: a block with data-toon-als="uitkomst=AFSCHALEN" belongs to that choice. It is
// shown, and its inputs are required and sent, only when the choice is made; otherwise it is hidden
// and its inputs are disabled (so nothing of it is sent). Without JavaScript every block stays
// visible and the server checks the same rule.
(function () {
  "use strict";
  function chosen(form, name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    if (checked) {
      return checked.value;
    }
    var select = form.querySelector('select[name="' + name + '"]');
    return select ? select.value : null;
  }
  function apply(form) {
    form.querySelectorAll("[data-toon-als]").forEach(function (block) {
      var rule = block.getAttribute("data-toon-als").split("=");
      var show = chosen(form, rule[0]) === rule[1];
      block.hidden = !show;
      block.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.disabled = !show;
        if (input.type !== "checkbox") {
          input.required = show;
        }
      });
    });
  }
  function init(root) {
    root.querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("[data-toon-als]") && !form.dataset.voorwaarden) {
        form.dataset.voorwaarden = "1";
        apply(form);
        form.addEventListener("change", function () {
          apply(form);
        });
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    init(document);
  });
})();

// A live update replaces a part of the page; what the reader opened (a round of notices, the
// timeline) stays open.
(function () {
  "use strict";
  var opened = [];
  function key(details) {
    return details.id || details.getAttribute("data-ronde");
  }
  document.addEventListener("htmx:beforeSwap", function () {
    opened = [];
    document.querySelectorAll("details[open]").forEach(function (d) {
      if (key(d)) {
        opened.push(key(d));
      }
    });
  });
  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll("details").forEach(function (d) {
      if (key(d) && opened.indexOf(key(d)) >= 0) {
        d.open = true;
      }
    });
  });
})();
