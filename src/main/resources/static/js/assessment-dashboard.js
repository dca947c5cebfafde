// The assessment dashboard: three ECharts charts fed by the JSON endpoints of /assessment/dashboard/data.
// Each chart container gets data-points="<n>" once drawn (n = data points shown), for tests and monitoring.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || typeof echarts === 'undefined') { return; }
  var d = root.dataset;

  function url(path) {
    var q = new URLSearchParams();
    if (d.month) { q.set('month', d.month); }
    if (d.dealer) { q.set('dealer', d.dealer); }
    if (d.region) { q.set('region', d.region); }
    return d.base + '/' + path + '?' + q.toString();
  }

  function load(path) {
    return fetch(url(path), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function pct(v) { return v === null || v === undefined ? null : Math.round(v * 10000) / 100; }

  function empty(el) {
    el.innerHTML = '<p class="text-secondary small chart-empty"></p>';
    el.firstChild.textContent = d.lEmpty;
    el.dataset.points = '0';
  }

  function draw(el, option, points) {
    var chart = echarts.init(el);
    option.animation = false; // drawn at once: what the page shows is complete when data-points is set
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.points = String(points);
  }

  var trendEl = document.getElementById('chart-trend');
  load('trend').then(function (t) {
    var points = t.complaints.filter(function (v) { return v !== null; }).length;
    if (points === 0) { empty(trendEl); return; }
    var pctFmt = function (v) { return v === null || v === undefined ? '—' : v + '%'; };
    draw(trendEl, {
      title: { text: t.label, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: 50 },
      xAxis: { type: 'category', data: t.months },
      yAxis: [
        { type: 'value', name: d.lRate, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: d.lCount, minInterval: 1 }
      ],
      series: [
        { name: d.lComplaints, type: 'bar', yAxisIndex: 1, data: t.complaints, itemStyle: { opacity: 0.35 } },
        { name: d.lMonthly, type: 'line', connectNulls: false, data: t.monthlyClosureRate.map(pct), tooltip: { valueFormatter: pctFmt } },
        { name: d.lFirst, type: 'line', connectNulls: false, data: t.firstTimeClosureRate.map(pct), tooltip: { valueFormatter: pctFmt } },
        { name: d.lSatisfaction, type: 'line', connectNulls: false, data: t.satisfactionRate.map(pct), tooltip: { valueFormatter: pctFmt } }
      ]
    }, points);
  }).catch(function () { empty(trendEl); });

  var catEl = document.getElementById('chart-categories');
  load('categories').then(function (slices) {
    if (slices.length === 0) { empty(catEl); return; }
    draw(catEl, {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}\n{c}' },
        data: slices.map(function (s) { return { name: s.label, value: s.count }; }) }]
    }, slices.length);
  }).catch(function () { empty(catEl); });

  var headEl = document.getElementById('chart-headroom');
  load('headroom').then(function (rows) {
    if (rows.length === 0) { empty(headEl); return; }
    var shown = rows.slice().reverse(); // the bar chart draws from the bottom: the tightest dealer on top
    draw(headEl, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 160, right: 30, top: 10, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map(function (r) { return r.dealerCode + ' ' + r.dealerName; }),
        axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        { name: d.lCounted, type: 'bar', data: shown.map(function (r) {
            return { value: r.counted, itemStyle: { color: r.headroom < 0 ? '#dc3545' : (r.headroom === 0 ? '#fd7e14' : '#0b4f8a') } };
          }) },
        { name: d.lLimit, type: 'bar', data: shown.map(function (r) { return r.limit; }), itemStyle: { color: '#adb5bd' } }
      ]
    }, rows.length);
  }).catch(function () { empty(headEl); });
})();
