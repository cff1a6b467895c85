// Starts GraphiQL on /graphiql (templates/graphiql.html). A file of its own, not an inline script,
// so that a Content-Security-Policy of script-src 'self' allows it. React, ReactDOM and GraphiQL
// are the UMD bundles from the WebJars the page loads before this file.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  var headers = {};
  var csrfHeader = meta('_csrf_header');
  var csrfToken = meta('_csrf');
  if (csrfHeader && csrfToken) {
    headers[csrfHeader] = csrfToken;
  }

  var options = {
    url: meta('graphql-path') || '/graphql',
    headers: headers,
    enableIncrementalDelivery: false,
    // The session cookie goes with every request; nothing goes to another origin.
    fetch: function (input, init) {
      return window.fetch(input, Object.assign({}, init, { credentials: 'same-origin' }));
    }
  };
  var websocketPath = meta('graphql-ws-path');
  if (websocketPath) {
    var websocketUrl = new URL(websocketPath, window.location.href);
    websocketUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    options.subscriptionUrl = websocketUrl.href;
  }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher(options),
      defaultEditorToolsVisibility: true,
      // Never store the CSRF token (or anything else typed as a header) in localStorage.
      shouldPersistHeaders: false
    })
  );
})();
