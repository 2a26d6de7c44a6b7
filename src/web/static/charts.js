// Charts drawn with ECharts from JSON the server puts in the page. Each chart element names its
// data with data-chart="<id of a script type=application/json>"; the trend chart (#trend-chart)
// reads #chart-data. Every chart has a table of the same figures beside it for screen readers.
/* global echarts */
(function () {
  'use strict';
  var COLOURS = { red: 'rgba(212, 53, 28, 0.12)', amber: 'rgba(255, 221, 0, 0.18)', green: 'rgba(0, 112, 60, 0.12)' };
  var LINE = '#5c2d73';
  // Enough distinct colours for a stacked chart of referral sources (the first four as before).
  var PALETTE = ['#5c2d73', '#1d70b8', '#f47738', '#00703c', '#d4351c', '#28a197', '#b58840', '#6f72af', '#912b88', '#505a5f', '#85994b', '#0b0c0c'];

  // Chart text at least 14px in GOV.UK's text colour (ECharts draws 12px grey by default), so labels
  // are as readable as the page's own text: contrast 19:1 on white, well above WCAG's 4.5:1.
  var TEXT = { fontSize: 14, color: '#0b0c0c', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' };
  function readable(option) {
    var axes = function (a) { return [].concat(a || []).map(function (x) {
      return Object.assign({}, x, { axisLabel: Object.assign({}, x.axisLabel, TEXT), nameTextStyle: Object.assign({}, x.nameTextStyle, TEXT) });
    }); };
    option.textStyle = TEXT;
    // Room for the larger, rotated labels inside the box rather than cut off at its edge.
    if (option.grid) option.grid.containLabel = true;
    if (option.xAxis) option.xAxis = axes(option.xAxis);
    if (option.yAxis) option.yAxis = axes(option.yAxis);
    if (option.legend) option.legend.textStyle = TEXT;
    if (option.tooltip) option.tooltip.textStyle = TEXT;
    (option.series || []).forEach(function (s) {
      if (s.markLine && s.markLine.label) Object.assign(s.markLine.label, TEXT);
    });
    return option;
  }

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent || 'null') : null;
  }

  function suffix(unit) {
    return unit === 'percent' ? '%' : unit === 'weeks' ? ' wks' : unit === 'days' ? ' days' : '';
  }

  // Y range covering the data and the whole amber band, from zero.
  function range(d) {
    var known = d.values.filter(function (v) { return v !== null; });
    var top = Math.max.apply(null, known.concat(d.target === null ? [] : [d.target + d.tolerance]).concat([1]));
    top = d.unit === 'percent' ? Math.min(100, Math.ceil((top * 1.1) / 10) * 10) : Math.ceil(top * 1.15);
    return { min: 0, max: top };
  }

  function bands(d, r) {
    if (d.target === null) return [];
    var t = d.target, tol = d.tolerance;
    var edges = d.polarity === 'higher'
      ? [['red', r.min, t - tol], ['amber', t - tol, t], ['green', t, r.max]]
      : [['green', r.min, t], ['amber', t, t + tol], ['red', t + tol, r.max]];
    return edges
      .filter(function (e) { return e[2] > e[1]; })
      .map(function (e) {
        return [{ yAxis: Math.max(r.min, e[1]), itemStyle: { color: COLOURS[e[0]] }, name: e[0] }, { yAxis: Math.min(r.max, e[2]) }];
      });
  }

  // A part period (the month or quarter still running) is not joined to the line of whole periods
  // as if it were one: it is drawn apart, dashed with a hollow point, and named in the legend.
  var PART = 'So far (period still running)';
  function trend(el, d) {
    var r = range(d);
    var partial = d.partial || [];
    var whole = d.values.map(function (v, i) { return partial[i] ? null : v; });
    var series = {
      name: d.title, type: 'line', data: whole, connectNulls: false, symbolSize: 7,
      lineStyle: { color: LINE, width: 3 }, itemStyle: { color: LINE },
      markArea: { silent: true, label: { show: false }, data: bands(d, r) },
    };
    if (d.target !== null) {
      series.markLine = { silent: true, symbol: 'none', lineStyle: { color: '#0b0c0c', type: 'dashed', width: 2 },
        label: { formatter: 'Target ' + d.target + suffix(d.unit), position: 'insideEndTop' }, data: [{ yAxis: d.target }] };
    }
    var all = [series];
    if (partial.some(Boolean)) {
      var part = d.values.map(function (v, i) { return partial[i] || partial[i + 1] ? v : null; });
      all.push({ name: PART, type: 'line', data: part, connectNulls: false, symbol: 'emptyCircle', symbolSize: 9,
        lineStyle: { color: LINE, width: 2, type: 'dashed' }, itemStyle: { color: LINE } });
    }
    var text = function (v) { return v === null || v === undefined ? 'Withheld or no data' : (Math.round(v * 10) / 10) + suffix(d.unit); };
    return {
      animation: false,
      grid: { left: 60, right: 30, top: 30, bottom: 60 },
      legend: all.length > 1 ? { top: 0, data: [PART] } : undefined,
      tooltip: { trigger: 'axis', formatter: function (items) {
        var i = items[0].dataIndex;
        return escapeHtml(items[0].axisValueLabel) + '<br>' + escapeHtml(text(d.values[i])) + (partial[i] ? ' (so far)' : '');
      } },
      xAxis: { type: 'category', data: d.labels, axisLabel: { rotate: d.labels.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', min: r.min, max: r.max, axisLabel: { formatter: '{value}' + suffix(d.unit) } },
      series: all,
    };
  }

  // Simple bars: { labels, series: [{ name, values }] }. A null value is a count withheld (small
  // numbers): it is marked as withheld where its bar would stand (on top of the others in a stack),
  // never left as an empty space that reads as zero.
  var WITHHELD = 'Withheld (small numbers)';
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  function withheldMarks(d) {
    var marks = [];
    d.labels.forEach(function (_, i) {
      var missing = d.series.some(function (s) { return s.values[i] === null; });
      if (!missing) return;
      var below = d.stacked ? d.series.reduce(function (n, s) { return n + (s.values[i] || 0); }, 0) : 0;
      marks.push([i, below]);
    });
    return marks;
  }
  function bars(d) {
    var marks = withheldMarks(d);
    // A part period's bar (3 days of a month) is pale and hatched, so it does not read as a fall;
    // its label says to when it runs ("Dec 2026 to 3 December").
    var partial = d.partial || [];
    var series = d.series.map(function (s, i) {
      var colour = PALETTE[i % PALETTE.length];
      return { name: s.name, type: 'bar', stack: d.stacked ? 'all' : undefined,
        data: s.values.map(function (v, j) {
          return partial[j] ? { value: v, itemStyle: { color: colour, opacity: 0.45, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: 'rgba(255, 255, 255, 0.8)' } } } : v;
        }),
        itemStyle: { color: colour } };
    });
    if (marks.length) {
      series.push({ name: WITHHELD, type: 'scatter', data: marks, symbol: 'diamond', symbolSize: 14, symbolOffset: [0, -7],
        itemStyle: { color: '#ffffff', borderColor: '#0b0c0c', borderWidth: 2 }, tooltip: { show: false }, z: 5 });
    }
    return {
      animation: false,
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', formatter: function (items) {
        return [items[0].axisValueLabel].concat(items.filter(function (it) { return it.seriesType === 'bar'; }).map(function (it) {
          return it.marker + escapeHtml(it.seriesName) + ': ' + (it.value === null || it.value === undefined ? WITHHELD : String(Math.round(it.value * 10) / 10));
        })).map(function (line, i) { return i === 0 ? escapeHtml(line) : line; }).join('<br>');
      } },
      xAxis: { type: 'category', data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 8 ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series,
    };
  }

  // Lines on one or two value axes, e.g. staffing beside timeliness:
  // { kind: 'lines', labels, axes: [{ name, unit, max }], series: [{ name, values, axis, dashed }] }.
  function lines(d) {
    return {
      animation: false,
      grid: { left: 60, right: 60, top: 70, bottom: 60 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? 'Withheld or no data' : String(Math.round(v * 10) / 10); } },
      xAxis: { type: 'category', data: d.labels, axisLabel: { rotate: d.labels.length > 12 ? 45 : 0 } },
      yAxis: d.axes.map(function (a) {
        return { type: 'value', name: a.name, min: 0, max: a.max, axisLabel: { formatter: '{value}' + suffix(a.unit) } };
      }),
      series: d.series.map(function (s, i) {
        var colour = PALETTE[i % PALETTE.length];
        return { name: s.name, type: 'line', yAxisIndex: s.axis || 0, data: s.values, connectNulls: false, symbolSize: 6,
          lineStyle: { color: colour, width: 3, type: s.dashed ? 'dashed' : 'solid' }, itemStyle: { color: colour } };
      }),
    };
  }

  // Every authority's published figure, best first, ours and the neighbours marked:
  // { kind: 'authorities', unit, labels, values, marks: ['ours' | 'neighbour' | null], england }.
  var MARK = { ours: '#d4351c', neighbour: '#1d70b8' };
  function authorities(d) {
    return {
      animation: false,
      grid: { left: 60, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return (Math.round(v * 10) / 10) + suffix(d.unit); } },
      xAxis: { type: 'category', data: d.labels, axisLabel: { show: false }, axisTick: { show: false } },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}' + suffix(d.unit) } },
      series: [{
        name: 'Published figure', type: 'bar', barCategoryGap: '10%',
        data: d.values.map(function (v, i) {
          var mark = d.marks[i];
          return { value: v, itemStyle: { color: mark ? MARK[mark] : '#b1b4b6' },
            label: mark === 'ours' ? { show: true, position: 'top', formatter: d.labels[i], color: MARK.ours, fontWeight: 'bold' } : undefined };
        }),
        markLine: d.england === null ? undefined : { silent: true, symbol: 'none', lineStyle: { color: '#0b0c0c', type: 'dashed', width: 2 },
          label: { formatter: 'England ' + d.england + suffix(d.unit), position: 'insideEndTop' }, data: [{ yAxis: d.england }] },
      }],
    };
  }

  function allWithheld(data) {
    var lists = data.series ? data.series.map(function (s) { return s.values; }) : [data.values];
    return lists.every(function (values) { return values.every(function (v) { return v === null; }); });
  }

  function draw(el, data) {
    if (!data || typeof echarts === 'undefined') return;
    if (allWithheld(data)) {
      // Nothing to draw: every figure is missing or too small to publish.
      el.className = 'govuk-inset-text';
      el.removeAttribute('role');
      el.textContent = 'There is no chart: the figures are missing or too small to show. See the table.';
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(readable(data.kind === 'bars' ? bars(data) : data.kind === 'lines' ? lines(data) : data.kind === 'authorities' ? authorities(data) : trend(el, data)));
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var trendEl = document.getElementById('trend-chart');
  if (trendEl) draw(trendEl, readJson('chart-data'));
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
    draw(el, readJson(el.getAttribute('data-chart')));
  });
})();
