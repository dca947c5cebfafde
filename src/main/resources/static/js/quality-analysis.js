// The quality analysis page: a stacked monthly trend and two Pareto charts (bars + cumulative %) drawn with
// ECharts from /quality/analysis/data/*; a click on a bar opens the complaints behind it. Each chart container
// gets data-points="<n>" once drawn (for tests).
(function () {
  'use strict';
  var root = document.getElementById('analysis');
  if (!root || typeof echarts === 'undefined') { return; }
  var d = root.dataset;

  function load(path, params) {
    var q = new URLSearchParams(params);
    return fetch(d.base + '/data/' + path + '?' + q.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }
  function empty(el) {
    el.innerHTML = '<p class="text-secondary small chart-empty"></p>';
    el.firstChild.textContent = d.lEmpty;
    el.dataset.points = '0';
  }
  function draw(el, option, points, onClick) {
    var chart = echarts.init(el);
    option.animation = false;
    chart.setOption(option);
    if (onClick) { chart.on('click', onClick); }
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.points = String(points);
  }
  function go(params) { window.location.href = d.base + '/complaints?' + new URLSearchParams(params).toString(); }

  var trendEl = document.getElementById('chart-trend');
  load('trend', { dimension: d.dimension, to: d.to }).then(function (t) {
    if (t.series.length === 0) { empty(trendEl); return; }
    draw(trendEl, {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: t.months },
      yAxis: { type: 'value', name: d.lCount, minInterval: 1 },
      series: t.series.map(function (s) {
        return { name: s.label, type: 'bar', stack: 'all', data: s.counts, kcmKey: s.key };
      })
    }, t.series.length, function (p) {
      go({ dimension: d.dimension, key: t.series[p.seriesIndex].key, month: t.months[p.dataIndex] });
    });
  }).catch(function () { empty(trendEl); });

  function pareto(by, el) {
    load('pareto', { by: by, to: d.to }).then(function (bars) {
      if (bars.length === 0) { empty(el); return; }
      var top = bars.slice(0, 20);
      draw(el, {
        tooltip: { trigger: 'axis' },
        grid: { left: 50, right: 50, top: 30, bottom: 80 },
        xAxis: { type: 'category', data: top.map(function (b) { return b.key; }), axisLabel: { rotate: 30, interval: 0 } },
        yAxis: [{ type: 'value', name: d.lCount, minInterval: 1 },
                { type: 'value', name: d.lCumulative, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
        series: [
          { name: d.lCount, type: 'bar', data: top.map(function (b) { return b.count; }) },
          { name: d.lCumulative, type: 'line', yAxisIndex: 1,
            data: top.map(function (b) { return Math.round(b.cumulative * 10000) / 100; }) }
        ]
      }, top.length, function (p) {
        if (p.seriesType === 'bar') { go({ by: by, key: top[p.dataIndex].key, to: d.to }); }
      });
    }).catch(function () { empty(el); });
  }
  pareto('cause', document.getElementById('chart-cause'));
  pareto('part', document.getElementById('chart-part'));
}());
