// The insights pages: a heat map cell's details show under its table on hover and keyboard focus, and each
// <canvas data-chart='{"labels":[],"averages":[],"votes":[],"actions":[],"actionTexts":[]}'> becomes a line chart
// (Chart.js). The words of the charts come from the page, in the reader's language: the data attributes of the
// element around the charts, and each session's "n actions agreed" in actionTexts.
(function () {
  'use strict';

  function showDetails(cell) {
    var section = cell.closest('section');
    var panel = section && section.querySelector('[data-cell-details]');
    var details = document.getElementById(cell.getAttribute('aria-describedby'));
    if (panel && details) {
      panel.textContent = details.textContent;
    }
  }

  ['focusin', 'mouseover'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var cell = event.target.closest && event.target.closest('[data-cell]');
      if (cell) {
        showDetails(cell);
      }
    });
  });

  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
  }

  function drawCharts() {
    if (!window.Chart) {
      return;
    }
    var fg = colour('--fg');
    var muted = colour('--muted');
    var line = colour('--line');
    var accent = colour('--accent');
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data = JSON.parse(canvas.getAttribute('data-chart'));
      var words = (canvas.closest('[data-average]') || document.createElement('div')).dataset;
      // each session by its name and the time it ended, in the reader's zone (the labels sent say UTC)
      if (data.ended && window.featureCreepTime) {
        data.labels = data.ended.map(function (ended, i) {
          var when = new Date(ended);
          if (isNaN(when)) {
            return data.labels[i];
          }
          var time = window.featureCreepTime(when);
          return data.names && data.names[i] ? data.names[i] + ' (' + time + ')' : time;
        });
      }
      var markers = data.actions.map(function (count, i) {
        return count > 0 ? (data.averages[i] == null ? 0 : data.averages[i]) : null;
      });
      var datasets = [{
        label: words.average,
        data: data.averages,
        borderColor: accent,
        backgroundColor: accent,
        spanGaps: true,
        tension: 0.2
      }, {
        label: words.actionAgreed,
        data: markers,
        showLine: false,
        pointStyle: 'rectRot',
        pointRadius: 8,
        borderColor: fg,
        backgroundColor: colour('--yellow')
      }];
      if (!data.actions.some(function (count) { return count > 0; })) {
        datasets.pop();
      }
      new window.Chart(canvas, {
        type: 'line',
        data: { labels: data.labels, datasets: datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: {
              min: 0,
              max: 2,
              grid: { color: line },
              ticks: {
                color: muted,
                stepSize: 1,
                callback: function (value) {
                  return [words.red, words.yellow, words.green][value] || '';
                }
              }
            },
            x: { grid: { color: line }, ticks: { color: muted } }
          },
          plugins: {
            legend: { labels: { color: fg } },
            tooltip: {
              callbacks: {
                afterLabel: function (item) {
                  var votes = data.votes[item.dataIndex];
                  var actions = data.actionTexts[item.dataIndex];
                  return item.datasetIndex === 0 ? 'n=' + votes : actions;
                }
              }
            }
          }
        }
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawCharts);
  } else {
    drawCharts();
  }
})();
