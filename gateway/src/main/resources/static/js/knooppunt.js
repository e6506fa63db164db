// Landelijk Knooppunt: small helpers for the server-rendered pages. No framework, no build step.
(function () {
  "use strict";

  // Live updates: one EventSource per open page (body data-live="/stroom"). The event
  // "gewijzigd" is passed on to htmx as an event on <body>; live blocks reload themselves with
  // hx-trigger="gewijzigd from:body". The stream is closed when the page is left (pagehide) and
  // opened again when it is shown (pageshow, also from the back-forward cache): a browser has
  // only a few connections per server over HTTP/1.1, and streams of pages left behind would
  // block the next click.
  // A button with data-afdrukken prints the page (no inline handlers: the pages' security policy
  // allows scripts from this file only).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-afdrukken]");
    if (button) {
      window.print();
    }
  });

  var source = null;
  // A change told while a live block is still reloading would be lost: htmx queues the second
  // reload on the block it is about to replace (hx-swap="outerHTML"), and drops it with the old
  // block. So such a change is remembered and told again once no live block is reloading.
  // A reload counts as finished on its request's "loadend" (after htmx's swap), not on
  // htmx:afterRequest: htmx fires that on the old, detached block, and again on a parent that is
  // not a live block, so a count kept by it never came down and every missed change stayed lost.
  var reloading = 0;
  var missed = false;
  function live(el) {
    var trigger = el && el.getAttribute && el.getAttribute("hx-trigger");
    return !!trigger && trigger.indexOf("gewijzigd") >= 0;
  }
  function changed() {
    if (reloading > 0) {
      missed = true;
    }
    if (window.htmx) {
      htmx.trigger(document.body, "gewijzigd");
    }
  }
  function reloaded() {
    reloading = Math.max(0, reloading - 1);
    if (reloading === 0 && missed) {
      missed = false;
      // after the swap: the new blocks listen by then
      window.setTimeout(changed, 0);
    }
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var xhr = event.detail.xhr;
    if (live(event.detail.elt) && xhr) {
      reloading++;
      // loadend comes after load (htmx swaps in its load handler), error, abort and timeout
      xhr.addEventListener("loadend", reloaded, { once: true });
    }
  });
  function connect() {
    var url = document.body && document.body.getAttribute("data-live");
    if (source || !url || !window.EventSource) {
      return;
    }
    source = new EventSource(url);
    // The version the page was rendered at; a change between rendering and connecting (or during
    // a reconnect) is caught up at once: the stream's first event says the version now. A version
    // is "replica.count" of the gateway replica that tells it: another version (a later count, or
    // the stream landed on another replica) reloads the live parts.
    var known = document.body.getAttribute("data-versie") || "";
    source.addEventListener("versie", function (event) {
      if (event.data !== known) {
        known = event.data;
        changed();
      }
    });
    source.addEventListener("gewijzigd", function (event) {
      if (event.data) {
        known = event.data;
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

// Live updates for keyboard and screen-reader users. A live update replaces a block of the page
// (hx-swap="outerHTML"); for each swapped block (by its id) the focused element (found again by
// its id, its link or its name), the reading position and which of its <details> were open are
// taken before the swap and given back after it settles — two blocks may be swapped at once, so
// each keeps its own. What is new is said once in the page's one polite live region
// (#aankondigingen): an element with a stable data-sleutel and data-aankondiging="Nieuwe taak: …"
// is announced when its key appears.
(function () {
  "use strict";
  var pending = {};
  var known = {};

  function keyOf(el) {
    if (!el || el === document.body) {
      return null;
    }
    if (el.id) {
      return "#" + CSS.escape(el.id);
    }
    if (el.tagName === "SUMMARY" && el.parentElement && el.parentElement.id) {
      return "#" + CSS.escape(el.parentElement.id) + " > summary";
    }
    var href = el.getAttribute("href");
    if (href) {
      return el.tagName.toLowerCase() + '[href="' + href.replace(/"/g, '\\"') + '"]';
    }
    var vr = el.getAttribute("data-vr");
    if (vr) {
      return '[data-vr="' + vr + '"]';
    }
    var name = el.getAttribute("aria-label");
    if (name) {
      return '[aria-label="' + name.replace(/"/g, '\\"') + '"]';
    }
    return null;
  }
  function remember() {
    known = {};
    document.querySelectorAll("[data-sleutel]").forEach(function (el) {
      known[el.getAttribute("data-sleutel")] = true;
    });
  }
  function announce(texts) {
    var region = document.getElementById("aankondigingen");
    if (region && texts.length > 0) {
      region.textContent = texts.join(". ");
    }
  }
  document.addEventListener("DOMContentLoaded", remember);
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.id) {
      return;
    }
    var active = document.activeElement;
    var opened = {};
    target.querySelectorAll("details[id]").forEach(function (d) {
      opened[d.id] = d.open;
    });
    pending[target.id] = {
      focusKey: active && target.contains(active) ? keyOf(active) : null,
      scrollY: window.scrollY,
      opened: opened
    };
  });
  document.addEventListener("htmx:afterSettle", function () {
    Object.keys(pending).forEach(function (id) {
      if (!document.getElementById(id)) {
        return;
      }
      var before = pending[id];
      delete pending[id];
      Object.keys(before.opened).forEach(function (detailsId) {
        var d = document.getElementById(detailsId);
        if (d) {
          d.open = before.opened[detailsId];
        }
      });
      var lost = !document.activeElement || document.activeElement === document.body;
      if (before.focusKey && lost) {
        var again = document.querySelector(before.focusKey);
        if (again) {
          again.focus({ preventScroll: true });
        }
        window.scrollTo(window.scrollX, before.scrollY);
      }
    });
    var texts = [];
    document.querySelectorAll("[data-sleutel]").forEach(function (el) {
      var key = el.getAttribute("data-sleutel");
      if (!known[key] && el.getAttribute("data-aankondiging")) {
        texts.push(el.getAttribute("data-aankondiging"));
      }
    });
    remember();
    announce(texts);
  });
})();

// Forms say what is wrong through the server's error summary (novalidate: no browser bubbles in
// the browser's language): on a page with errors the summary gets the focus, and each line links
// to its field.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var summary = document.getElementById("foutsamenvatting");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
});

// A line of the error summary takes the person to its field: the field itself gets the focus (for
// a group of choices its first choice), with its label in view.
document.addEventListener("click", function (event) {
  "use strict";
  var link = event.target.closest && event.target.closest("#foutsamenvatting a[href^='#']");
  if (!link) {
    return;
  }
  var target = document.getElementById(link.getAttribute("href").slice(1));
  if (!target) {
    return;
  }
  var field = target.matches("input, select, textarea, button")
    ? target
    : target.querySelector("input:not([type=hidden]), select, textarea");
  if (!field) {
    return;
  }
  event.preventDefault();
  var around = target.closest("fieldset, .veld") || target;
  around.scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
});
