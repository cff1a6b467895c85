// Small behaviours the pages share. Pages work without this file; it adds the CSRF header to htmx
// requests, local times, countdowns, copy buttons and the browser's time zone for date fields.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var found = csrf();
    if (found) {
      event.detail.headers[found.header] = found.token;
    }
  });

  // in the page's language (<html lang>), with the zone's name: a time without one is read as the server's, or as
  // someone else's
  var timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  window.featureCreepTime = function (when) {
    return timeFormat.format(when);
  };

  // <time datetime="2026-11-27T10:00:00Z" data-local> shows the instant in the reader's time zone, and says which
  // (until then it shows the server's text, in UTC and saying so)
  function localiseTimes(root) {
    root.querySelectorAll('time[data-local]').forEach(function (element) {
      var when = new Date(element.getAttribute('datetime'));
      if (!isNaN(when)) {
        element.textContent = timeFormat.format(when);
      }
    });
  }

  // <input name="timeZone" type="hidden"> tells the server how to read a datetime-local field
  function fillTimeZones(root) {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    root.querySelectorAll('input[name="timeZone"]').forEach(function (input) {
      if (!input.value && zone) {
        input.value = zone;
      }
    });
  }

  // <span data-countdown-to="2026-11-27T10:00:00Z" data-done-text="Time is up"> counts down to that instant; the
  // page gives the words for the end in its own language
  function tickCountdowns() {
    document.querySelectorAll('[data-countdown-to]').forEach(function (element) {
      var left = Math.round((new Date(element.getAttribute('data-countdown-to')) - Date.now()) / 1000);
      if (isNaN(left)) {
        return;
      }
      if (left <= 0) {
        element.textContent = words(element, 'data-done-text', 'Time is up');
        element.classList.add('over');
        return;
      }
      var hours = Math.floor(left / 3600);
      var minutes = Math.floor((left % 3600) / 60);
      var seconds = left % 60;
      element.textContent = (hours > 0 ? hours + ':' + String(minutes).padStart(2, '0') : minutes) + ':'
        + String(seconds).padStart(2, '0');
    });
  }

  // The words of a script in the page's language: from the data attribute on the element or the nearest element
  // around it that has one (a page may give them once, on <body>); English only when no page gave them.
  function words(element, attribute, english) {
    var holder = element.closest('[' + attribute + ']');
    return holder ? holder.getAttribute(attribute) : english;
  }

  // <button data-copy="#field-id" data-copied-text="Link copied." data-copy-failed-text="Press Ctrl+C…"> copies the
  // field's value and says so
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    var status = button.parentElement.parentElement.querySelector('[data-copy-status]');
    function done(text) {
      if (status) {
        status.textContent = text;
      }
    }
    var copied = words(button, 'data-copied-text', 'Link copied.');
    var failed = words(button, 'data-copy-failed-text', 'Press Ctrl+C (or ⌘C) to copy the selected link.');
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done(copied); }, function () { done(failed); });
    }
    else {
      done(document.execCommand && document.execCommand('copy') ? copied : failed);
    }
  });

  // A part re-rendered by a live event must not close a <details id=…> the reader has opened, such as
  // the facilitator's "End the session…": the button inside would vanish under their pointer.
  var openDetails = [];
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (target && target.querySelectorAll) {
      target.querySelectorAll('details[open][id]').forEach(function (details) {
        openDetails.push(details.id);
      });
    }
  });
  document.addEventListener('htmx:afterSwap', function () {
    openDetails.splice(0).forEach(function (id) {
      var details = document.getElementById(id);
      if (details) {
        details.open = true;
      }
    });
  });

  function init(root) {
    localiseTimes(root);
    fillTimeZones(root);
    tickCountdowns();
  }

  document.addEventListener('DOMContentLoaded', function () {
    init(document);
    setInterval(tickCountdowns, 1000);
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    init(event.detail.elt.parentElement || document);
  });
})();
