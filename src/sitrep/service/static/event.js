// sitrep event page: link figures and their words both ways, and the review form.
(function () {
  "use strict";

  function $(sel) { return document.querySelector(sel); }

  // hovering a figure in a list lights its words in the article, and the other way round
  function light(ref, on) {
    document.querySelectorAll('[data-figure="' + CSS.escape(ref) + '"]').forEach(function (n) {
      n.classList.toggle("lit", on);
    });
    var item = document.getElementById("fig-" + ref);
    if (item) item.classList.toggle("lit", on);
  }

  document.querySelectorAll(".figure-list li").forEach(function (li) {
    var ref = li.id.replace(/^fig-/, "");
    li.addEventListener("mouseenter", function () { light(ref, true); });
    li.addEventListener("mouseleave", function () { light(ref, false); });
  });
  document.querySelectorAll("a.ev[data-figure]").forEach(function (a) {
    var ref = a.getAttribute("data-figure");
    a.addEventListener("mouseenter", function () { light(ref, true); });
    a.addEventListener("mouseleave", function () { light(ref, false); });
  });

  var form = $("#review");
  if (!form) return;
  var status = $("#review-status");

  function showFor(action) {
    ["edit", "merge", "split"].forEach(function (kind) {
      form.querySelectorAll(".for-" + kind).forEach(function (n) { n.hidden = kind !== action; });
    });
  }
  form.elements.action.addEventListener("change", function () { showFor(form.elements.action.value); });
  showFor(form.elements.action.value);

  try {
    var saved = sessionStorage.getItem("sitrep-token");
    if (saved) form.elements.token.value = saved;
    var who = localStorage.getItem("sitrep-reviewer");
    if (who) form.elements.reviewer.value = who;
  } catch (e) { /* storage may be disabled */ }

  function say(text, ok) {
    status.textContent = text;
    status.className = "status " + (ok ? "ok" : "error");
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var action = form.elements.action.value;
    var body = { reviewer: form.elements.reviewer.value.trim(), reason: form.elements.reason.value.trim() };
    if (action === "accept") body.accept = true;
    else if (action === "edit") {
      body.changes = {};
      body.changes[form.elements.field.value] = form.elements.value.value;
    } else if (action === "merge") body.merge = parseInt(form.elements.other.value, 10);
    else if (action === "split") body.split_incident = parseInt(form.elements.incident.value, 10);
    var token = form.elements.token.value.trim();
    say("saving…", true);
    fetch("/api/events/" + encodeURIComponent(form.getAttribute("data-event")), {
      method: "PATCH",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.error || r.statusText);
        try {
          sessionStorage.setItem("sitrep-token", token);
          localStorage.setItem("sitrep-reviewer", body.reviewer);
        } catch (e) { /* ignore */ }
        say("saved", true);
        if (data.new_event_id) location.href = "/events/" + data.new_event_id;
        else location.reload();
      });
    }).catch(function (err) { say("not saved: " + err.message, false); });
  });
})();
