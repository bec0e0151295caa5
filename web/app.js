// MlRisk dashboard: reads the API of the app that serves it (relative URLs), no framework.
"use strict";

const ANNUALIZE = Math.sqrt(252 / 5);
const NAMES = { model: "LightGBM (model)", baseline: "Baseline (20d vol, horizon-matched)", har_rv: "HAR-RV", har_x: "HAR-X" };
const REGIMES = [
  { key: "p_calm", name: "calm", color: "#7fb3d9" },
  { key: "p_normal", name: "normal", color: "#2458b3" },
  { key: "p_elevated", name: "elevated", color: "#d68910" },
  { key: "p_stressed", name: "stressed", color: "#a93226" },
];
const DEFAULT_CUTS = [0.12, 0.2, 0.3];
const charts = { drivers: null, history: null, pit: null, reliability: null, health: null };
window.mlrisk = charts;

const $ = (id) => document.getElementById(id);
const pct = (x, digits = 2) => (x * 100).toFixed(digits) + "%";
/** A loss of the 5-session log return in dollars per $1M of value: 1e6 × (1 − e^−loss). */
const dollarsPerMillion = (loss) => Math.round(1e6 * (1 - Math.exp(-loss)));
const usd = (x) => "$" + x.toLocaleString("en-US");

/** Fetches JSON; resolves {ok, status, body} for HTTP answers and rejects only when the API is unreachable. */
async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  return { ok: response.ok, status: response.status, body };
}

/**
 * Hands the main thread back to the browser between charts: each Chart.js draw is tens of milliseconds on a phone, and
 * drawn back to back they made one long task that a tap had to wait behind (Lighthouse's total blocking time).
 */
const yieldToMain = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

/** /model failed, as opposed to answering with a model (200) or with none served (503). */
const modelFailed = (model) => !model.ok && model.status !== 503;

function problemText(result) {
  const b = result.body;
  return b && (b.detail || b.title) ? (b.detail || b.title) : `HTTP ${result.status}`;
}

/** A chart's box keeps its height whatever happens (no layout shift): only the canvas goes when there is nothing to draw. */
function showChart(canvasId, visible) {
  $(canvasId).hidden = !visible;
}

function setState(id, text, isError) {
  const el = $(id);
  el.textContent = text || "";
  el.classList.toggle("error", Boolean(isError));
}

function showLatest(latest, health) {
  if (!latest.ok) {
    setState("latest-body", latest.status === 404
      ? "No forecast yet: the pipeline has not written predictions. Run ./mlrisk run or wait for the DailyRun timer."
      : "Could not load the latest forecast: " + problemText(latest), latest.status !== 404);
    $("latest-figures").hidden = true;
    return;
  }
  const f = latest.body;
  const rv = $("forecast-rv");
  rv.dataset.value = String(f.rv_5d_hat);
  rv.textContent = pct(f.rv_5d_hat);
  $("forecast-annualized").textContent = pct(f.rv_5d_hat_annualized ?? f.rv_5d_hat * ANNUALIZE, 1);
  $("forecast-date").textContent = f.as_of_date;
  $("forecast-model").textContent = `${f.model_version} (${f.source === "walk_forward" ? "walk-forward fold" : "champion"})`;

  const fresh = $("freshness");
  if (!health.ok) {
    fresh.textContent = "unknown (" + problemText(health) + ")";
    return;
  }
  const h = health.body;
  const sessions = (n) => `${n} session${n === 1 ? "" : "s"}`;
  const data = h.staleness_sessions === 0 ? `data through ${h.last_data_date}`
    : `data through ${h.last_data_date}, ${sessions(h.staleness_sessions)} behind ${h.last_completed_session}`;
  fresh.textContent = h.last_data_date == null ? "no data"
    : h.status === "model_damaged" ? `the champion model does not load (${data})`
    : h.last_forecast_date == null ? `no forecast yet (${data})`
    : h.last_forecast_date < h.last_data_date ? `forecast of ${h.last_forecast_date} only: infer has not run on the newest data (${data})`
    : h.staleness_sessions === 0 ? `up to date (${data})`
    : data;
  fresh.classList.toggle("stale", h.status !== "ok");
}

function showDrivers(latest) {
  if (!latest.ok) { setState("drivers-state", "No forecast, so no drivers yet."); showChart("drivers-chart", false); return; }
  const drivers = latest.body.drivers || [];
  if (drivers.length === 0) { setState("drivers-state", "This forecast has no stored drivers."); showChart("drivers-chart", false); return; }
  setState("drivers-state", "");
  showChart("drivers-chart", true);
  const labels = drivers.map((d) => `${d.feature} = ${formatValue(d.value)}`);
  const values = drivers.map((d) => d.shap);
  $("drivers-text").textContent = drivers.map((d, i) => `${labels[i]}: ${d.shap >= 0 ? "+" : "−"}${Math.abs(d.shap).toFixed(4)}`).join("; ");
  charts.drivers?.destroy();
  charts.drivers = new Chart($("drivers-chart"), {
    type: "bar",
    data: {
      labels,
      datasets: [{
        label: "SHAP",
        data: values,
        backgroundColor: values.map((v) => (v >= 0 ? "#c0392b" : "#1e8449")),
      }],
    },
    options: {
      indexAxis: "y", maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => `SHAP ${c.parsed.x.toFixed(4)}` } } },
      scales: { x: { title: { display: true, text: "contribution to log rv_5d" } } },
    },
  });
}

/** Whole percentages that add up to 100 (largest remainder), so the words of the regime bar sum to 100 %. */
function wholePercents(ps) {
  const raw = ps.map((p) => p * 100);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - floors[i], i]).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) { if (left <= 0) break; floors[i] += 1; left -= 1; }
  return floors;
}

function regimeRanges(cuts) {
  const c = cuts.map((x) => Math.round(x * 100));
  return [`below ${c[0]} %`, `${c[0]}–${c[1]} %`, `${c[1]}–${c[2]} %`, `${c[2]} % or more`];
}

function showRegimes(latest, cuts) {
  const d = latest.ok ? latest.body.distribution : null;
  const bar = $("regime-bar");
  const words = $("regime-words");
  if (!d) {
    setState("regimes-state", latest.ok ? "This forecast has no regime probabilities." : "No forecast, so no regime probabilities yet.");
    bar.hidden = true; words.hidden = true;
    bar.setAttribute("aria-label", "No regime probabilities");
    return;
  }
  const ps = REGIMES.map((r) => d[r.key]);
  const shown = wholePercents(ps);
  const ranges = regimeRanges(cuts);
  bar.replaceChildren();
  // The words are in the page already, one per regime, so filling them in moves nothing.
  REGIMES.forEach((r, i) => {
    const seg = document.createElement("span");
    seg.className = "segment";
    seg.dataset.regime = r.name;
    seg.style.width = (ps[i] * 100) + "%";
    seg.style.background = r.color;
    seg.title = `${r.name} week: ${shown[i]} %`;
    bar.append(seg);
    const li = words.querySelector(`li[data-regime=${r.name}]`);
    li.dataset.value = String(ps[i]);
    li.querySelector(".swatch").style.background = r.color;
    li.querySelector(".word").textContent = `${r.name} week: ${shown[i]} %`;
    li.querySelector(".range").textContent = `(${ranges[i]} annualized)`;
  });
  bar.setAttribute("aria-label", "Regime probabilities: " + REGIMES.map((r, i) => `${r.name} ${shown[i]} %`).join(", "));
}

function showRisk(latest) {
  const d = latest.ok ? latest.body.distribution : null;
  if (!d) {
    setState("risk-state", latest.ok ? "This forecast has no VaR or ES." : "No forecast, so no VaR or ES yet.");
    $("risk-table").hidden = true;
    $("risk-lead").hidden = true;
    return;
  }
  $("risk-date").textContent = latest.body.as_of_date;
  for (const key of ["var95", "es95", "var99", "es99"]) {
    const loss = d[key + "_5d"];
    const p = $(key + "-pct"), u = $(key + "-usd");
    p.dataset.value = String(loss);
    p.textContent = pct(loss);
    u.textContent = usd(dollarsPerMillion(loss));
  }
}

function formatValue(v) {
  const a = Math.abs(v);
  return a !== 0 && (a < 0.01 || a >= 1000) ? v.toExponential(2) : v.toFixed(a < 1 ? 4 : 2);
}

let historyRequest = 0;

/** Draws the history of a range over the chart that is there; a range clicked meanwhile wins over this one. */
async function loadHistory(range, latestDate) {
  const request = ++historyRequest;
  let query = "";
  if (range !== "all" && latestDate) {
    const from = new Date(latestDate + "T00:00:00Z");
    from.setUTCDate(from.getUTCDate() - Math.round(Number(range) * 365 / 252));
    query = "?from=" + from.toISOString().slice(0, 10);
  }
  setState("history-state", "Loading…");
  $("history-box").setAttribute("aria-busy", "true");
  let result;
  try { result = await api("predictions" + query); } catch { result = null; }
  if (request !== historyRequest) return;
  $("history-box").setAttribute("aria-busy", "false");
  if (!result) { setState("history-state", "API unreachable.", true); showChart("history-chart", false); return; }
  if (!result.ok) { setState("history-state", "Could not load history: " + problemText(result), true); showChart("history-chart", false); return; }
  const points = result.body.points;
  if (points.length === 0) {
    setState("history-state", "No forecasts stored in this range yet.");
    charts.history?.destroy();
    charts.history = null;
    showChart("history-chart", false);
    return;
  }
  setState("history-state", "");
  showChart("history-chart", true);
  charts.history?.destroy();
  charts.history = new Chart($("history-chart"), {
    type: "line",
    data: {
      labels: points.map((p) => p.date),
      // The first three keep their places (forecast, realized, baseline); the fan's edges follow, each upper edge
      // filled down to its lower edge by index. Chart.js draws dataset 0 last, so the lines lie on the bands.
      datasets: [
        { label: "Forecast rv_5d", data: points.map((p) => p.rv_5d_hat), borderColor: "#2458b3", backgroundColor: "#2458b3" },
        { label: "Realized rv_5d", data: points.map((p) => p.rv_5d), borderColor: "#1d2330", backgroundColor: "#1d2330" },
        { label: "Baseline", data: points.map((p) => p.baseline), borderColor: "#b9770e", backgroundColor: "#b9770e", borderDash: [5, 4] },
        band("q05", points, "rv_5d_q05", false),
        band("q05–q95 (90 %)", points, "rv_5d_q95", { target: 3 }, "rgba(36, 88, 179, 0.13)"),
        band("q10", points, "rv_5d_q10", false),
        band("q10–q90 (80 %)", points, "rv_5d_q90", { target: 5 }, "rgba(36, 88, 179, 0.22)"),
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false, spanGaps: false,
      elements: { point: { radius: 0 }, line: { borderWidth: 1.5 } },
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { ticks: { maxTicksLimit: 8, autoSkip: true } },
        y: { title: { display: true, text: "rv_5d (5-day, not annualized)" }, ticks: { callback: (v) => pct(v, 1) } },
      },
      plugins: {
        legend: { labels: { filter: (item, data) => !data.datasets[item.datasetIndex].edge, boxHeight: 10 } },
        tooltip: {
          filter: (c) => !c.dataset.edge,
          callbacks: {
            label: (c) => {
              const p = points[c.dataIndex];
              if (c.datasetIndex === 4) return `q05–q95: ${range(p, "rv_5d_q05", "rv_5d_q95")}`;
              if (c.datasetIndex === 6) return `q10–q90: ${range(p, "rv_5d_q10", "rv_5d_q90")}`;
              return `${c.dataset.label}: ${c.parsed.y == null ? "n/a" : pct(c.parsed.y)}`;
            },
          },
        },
      },
    },
  });
  describeHistory(points);
}

/** A fan edge: the lower edges are unnamed in the legend; an upper edge fills down to its lower edge. */
function band(label, points, key, fill, color) {
  return {
    label, fill, edge: fill === false,
    data: points.map((p) => (p.distribution ? p.distribution[key] : null)),
    borderWidth: 0, pointRadius: 0, borderColor: "transparent", backgroundColor: color || "transparent",
  };
}

function range(p, lo, hi) {
  return p.distribution ? `${pct(p.distribution[lo])} – ${pct(p.distribution[hi])}` : "n/a";
}

function describeHistory(points) {
  const last = points[points.length - 1];
  const realized = points.filter((p) => p.rv_5d != null);
  const lastRealized = realized[realized.length - 1];
  let text = `Latest forecast ${last.date}: ${pct(last.rv_5d_hat)}`;
  if (last.distribution) text += `, 80 % band ${range(last, "rv_5d_q10", "rv_5d_q90")}, 90 % band ${range(last, "rv_5d_q05", "rv_5d_q95")}`;
  text += ".";
  if (lastRealized) text += ` Last realized ${lastRealized.date}: ${pct(lastRealized.rv_5d)} (forecast ${pct(lastRealized.rv_5d_hat)}).`;
  $("history-text").textContent = text;
}

function showModel(model) {
  const card = model.ok ? model.body : model.body && model.body.gate ? { gate: model.body.gate, scores: model.body.scores, calibration: model.body.calibration, model_version: model.body.candidate_version } : null;
  if (!model.ok) {
    setState("model-state", modelFailed(model) ? "Could not load the model: " + problemText(model)
      : card ? `No champion is served: the latest candidate, ${card.model_version}, did not pass the gate. Its walk-forward scores:`
      : "No champion is served: " + problemText(model), modelFailed(model));
  } else {
    setState("model-state", `Champion ${card.model_version}: out-of-sample walk-forward scores on the same dates.`);
  }
  if (!card || !card.gate) return;
  const gate = $("gate");
  gate.hidden = false;
  gate.className = "gate " + (card.gate.passed ? "passed" : "failed");
  gate.textContent = (card.gate.passed ? "Gate passed" : "Gate failed") + ` (margin ${pct(card.gate.margin, 0)}): ${(card.gate.summary ?? "").replace(/^(passed|failed):\s*/, "")}`;

  // Improvements over the baseline come computed from the API: the dashboard shows them, it does not derive them.
  const scores = card.scores || [];
  const body = $("scores").tBodies[0];
  body.replaceChildren();
  for (const s of scores) {
    const row = body.insertRow();
    const isBaseline = s.forecaster === "baseline";
    row.insertCell().textContent = NAMES[s.forecaster] || s.forecaster;
    row.insertCell().textContent = s.rmse.toFixed(5);
    improvementCell(row, isBaseline ? null : s.rmse_improvement);
    row.insertCell().textContent = s.qlike.toFixed(4);
    improvementCell(row, isBaseline ? null : s.qlike_improvement);
  }
  $("scores").hidden = scores.length === 0;
}

/** Why /model's answer has no calibration table: an old model, no model served (503), or a failure. */
function noCalibrationText(model) {
  if (model.ok) return "This model has no calibration table.";
  if (!modelFailed(model)) return "No model is served, so there is no calibration table.";
  return "Could not load the calibration: " + problemText(model);
}

function showCalibration(model) {
  const c = model.body && model.body.calibration;
  if (!c) {
    setState("calibration-state", noCalibrationText(model), modelFailed(model));
    $("calibration-body").hidden = true;
    return;
  }
  setState("calibration-state", `${c.rows} out-of-sample forecast dates${model.ok ? "" : " of the candidate that did not pass the gate"}.`);
  for (const [level, target] of [[80, 0.8], [90, 0.9]]) {
    const dd = $("coverage" + level);
    dd.dataset.value = String(c["coverage" + level]);
    dd.textContent = pct(c["coverage" + level], 1);
    $(`coverage${level}-note`).textContent = `target ${pct(target, 0)} · interval score ${c["interval_score" + level].toFixed(4)}`
      + ` vs ${c["constant_width_interval_score" + level].toFixed(4)} for a constant width`;
  }
  const gain = c.ranked_probability_improvement;
  $("rps").textContent = `${(gain * 100).toFixed(1)} % ${gain >= 0 ? "better" : "worse"}`;
  $("rps-note").textContent = `RPS ${c.ranked_probability_score.toFixed(4)} vs ${c.climatology_ranked_probability_score.toFixed(4)} for climatology`;

  const body = $("exceedances").tBodies[0];
  body.replaceChildren();
  for (const v of [c.var95, c.var99].filter(Boolean)) {
    const row = body.insertRow();
    row.dataset.level = String(v.level);
    row.insertCell().textContent = `VaR ${pct(v.level, 0)}`;
    row.insertCell().textContent = String(v.windows);
    row.insertCell().textContent = String(v.exceedances);
    row.insertCell().textContent = pct(v.exceedance_rate, 1);
    row.insertCell().textContent = pct(1 - v.level, 0);
    pCell(row, v.kupiec_p);
    pCell(row, v.christoffersen_p);
  }

  const pit = c.pit_histogram || [];
  if (typeof Chart === "undefined") return;
  if (pit.length === 0) {
    setState("pit-state", "This model has no PIT histogram.");
    showChart("pit-chart", false);
    return;
  }
  setState("pit-state", "");
  showChart("pit-chart", true);
  const total = pit.reduce((a, b) => a + b, 0);
  const uniform = total / pit.length;
  const labels = pit.map((_, i) => `${i * 10}–${(i + 1) * 10} %`);
  $("pit-text").textContent = `Realized rv5d per decile of its forecast distribution: ${pit.join(", ")} (flat would be ${uniform.toFixed(0)} each).`;
  charts.pit?.destroy();
  charts.pit = new Chart($("pit-chart"), {
    data: {
      labels,
      datasets: [
        { type: "bar", label: "Forecast dates", data: pit, backgroundColor: "#7fa3d9", order: 2 },
        { type: "line", label: "Flat (calibrated)", data: pit.map(() => uniform), borderColor: "#1d2330", borderDash: [4, 3], borderWidth: 1.5, pointRadius: 0, order: 1 },
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: "PIT decile" }, ticks: { maxRotation: 0, autoSkip: true } }, y: { beginAtZero: true, title: { display: true, text: "dates" } } },
    },
  });
}

/** A test's p-value, with enough digits near the 5 % level that a rejection never reads as 0.050. */
function pCell(row, p) {
  const cell = row.insertCell();
  const text = p < 0.1 ? p.toPrecision(3) : p.toFixed(3);
  cell.textContent = p < 0.05 && Number(text) >= 0.05 ? "< 0.05" : text;
  cell.className = p < 0.05 ? "worse" : "better";
}

/**
 * Reliability of the regime probabilities, from /model's calibration table: per regime, the walk-forward dates binned
 * by its forecast probability, each bin's mean forecast set against how often the realized rv_5d fell in that regime.
 * The 5-day windows overlap, so the counts are not independent.
 */
function showReliability(model) {
  const c = model.body && model.body.calibration;
  if (!c || !c.reliability || c.reliability.length === 0) {
    setState("reliability-state", c ? "This model has no reliability table; the next retrain adds one." : noCalibrationText(model),
      !c && modelFailed(model));
    $("reliability-text").textContent = "";
    showChart("reliability-chart", false);
    return;
  }
  if (c.rows < 50) {
    setState("reliability-state", "Too few dates for a reliability diagram.");
    $("reliability-text").textContent = "Reliability needs at least 50 out-of-sample dates with a realized rv5d.";
    showChart("reliability-chart", false);
    return;
  }
  setState("reliability-state", "");
  const MIN_DATES = 20;
  const color = Object.fromEntries(REGIMES.map((r) => [r.name, r.color]));
  const series = c.reliability.map((r) => ({
    regime: { name: r.regime, color: color[r.regime] }, mean: r.mean_forecast, observed: r.observed_frequency,
    bins: r.bins.filter((b) => b.dates >= MIN_DATES).map((b) => ({ x: b.mean_forecast, y: b.observed_frequency, n: b.dates })),
  }));
  const first = c.reliability.flatMap((r) => r.bins)[0];
  const width = Math.round((first.upper - first.lower) * 100);
  showChart("reliability-chart", true);
  $("reliability-text").textContent = `Over ${c.rows} dates: `
    + series.map((s) => `${s.regime.name} forecast ${pct(s.mean, 0)} on average, came ${pct(s.observed, 0)}`).join("; ")
    + `. Bins of width ${width} points with at least ${MIN_DATES} dates; overlapping 5-day windows.`;
  charts.reliability?.destroy();
  charts.reliability = new Chart($("reliability-chart"), {
    type: "scatter",
    data: {
      datasets: [
        { label: "perfect", data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, borderColor: "#8a93a3", borderDash: [4, 3], borderWidth: 1, pointRadius: 0 },
        ...series.map((s) => ({ label: s.regime.name, data: s.bins, showLine: true, borderColor: s.regime.color, backgroundColor: s.regime.color, pointRadius: 3, borderWidth: 1.5 })),
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false,
      plugins: {
        legend: { labels: { boxWidth: 10, boxHeight: 10 } },
        tooltip: { callbacks: { label: (c) => c.raw.n == null ? "" : `${c.dataset.label}: forecast ${pct(c.raw.x, 0)}, came ${pct(c.raw.y, 0)} (${c.raw.n} dates)` } },
      },
      scales: {
        x: { min: 0, max: 1, title: { display: true, text: "forecast probability" }, ticks: { callback: (v) => pct(v, 0) } },
        y: { min: 0, max: 1, title: { display: true, text: "observed frequency" }, ticks: { callback: (v) => pct(v, 0) } },
      },
    },
  });
}

/** The warn thresholds of the two QLIKE ratios as dashed lines: one line when they are equal (the default, 1.0). */
function thresholdLines(limits, points) {
  const line = (label, value) => ({ label, data: Array(points).fill(value), borderColor: "#8c1d12", borderDash: [5, 4], borderWidth: 1, pointRadius: 0 });
  return limits.qlike_ratio_baseline === limits.qlike_ratio_har_x
    ? [line(`threshold (${limits.qlike_ratio_baseline.toFixed(2)})`, limits.qlike_ratio_baseline)]
    : [line(`baseline threshold (${limits.qlike_ratio_baseline.toFixed(2)})`, limits.qlike_ratio_baseline),
       line(`HAR-X threshold (${limits.qlike_ratio_har_x.toFixed(2)})`, limits.qlike_ratio_har_x)];
}

/** The monitor's newest verdict, the rolling QLIKE ratios, the drift table and the last retrain (from /monitor and /model). */
function showHealth(monitor, model) {
  const rows = monitor && monitor.ok ? monitor.body.rows : [];
  const meta = model.body?.metadata;
  $("retrain").textContent = meta ? `${meta.version}, trained ${meta.created_at.slice(0, 10)} on data to ${meta.training_to}: ${meta.trained_because ?? "trained directly"}` : "No model is served.";
  $("challenge").textContent = meta ? (meta.challenge?.summary ?? "none: no champion was served when it was trained") : "—";
  if (rows.length === 0) {
    setState("health-state", monitor && !monitor.ok ? "Could not load the monitor: " + problemText(monitor) : "No forecast has realized yet: the monitor scores a date five sessions after it.", monitor && !monitor.ok);
    setState("health-chart-state", "Nothing to draw yet.");
    showChart("health-chart", false);
    $("monitor-status").textContent = "—";
    return;
  }
  setState("health-state", "");
  const last = rows[rows.length - 1];
  const status = $("monitor-status");
  status.className = "gate " + (last.status === "ok" ? "passed" : last.status === "warn" ? "warn" : "failed");
  status.textContent = `${last.date}: ${last.status}` + (last.reasons.length ? " — " + last.reasons.join("; ") : " — every rolling score and every feature within its thresholds.");

  const body = $("drift").tBodies[0];
  body.replaceChildren();
  for (const d of last.drift) {
    const row = body.insertRow();
    row.insertCell().textContent = d.feature;
    row.insertCell().textContent = d.psi.toFixed(3);
    row.insertCell().textContent = d.ks.toFixed(3);
    row.insertCell().textContent = pct(d.out_of_range, 0);
    // A feature can be named by several reasons (out of range, PSI, KS): show the worst.
    const levels = last.reasons.filter((r) => r.includes(` ${d.feature} `)).map((r) => r.split(":")[0]);
    const flag = levels.includes("alert") ? "alert" : levels[0];
    const cell = row.insertCell();
    cell.textContent = flag ?? "ok";
    if (flag) cell.className = "flag-" + flag;
  }

  const window = monitor.body.window_sessions;
  const limits = monitor.body.thresholds;
  for (const span of document.querySelectorAll(".monitor-window")) span.textContent = String(window);
  const full = rows.filter((r) => r.scores.window_sessions >= window);
  const s = last.scores;
  $("health-text").textContent = `On ${last.date}, over the last ${s.window_sessions} realized forecasts: QLIKE ${s.qlike_model.toFixed(3)} against the baseline's ${s.qlike_baseline.toFixed(3)} (ratio ${s.qlike_ratio_baseline.toFixed(2)}, Diebold–Mariano p ${s.dm_p_baseline.toFixed(3)}) and HAR-X's ${s.qlike_har_x.toFixed(3)} (ratio ${s.qlike_ratio_har_x.toFixed(2)}); RMSE ratio to the baseline ${s.rmse_ratio_baseline.toFixed(2)}; 80 % interval covered ${pct(s.coverage_80, 0)} of the time.`;
  if (typeof Chart === "undefined" || full.length === 0) {
    setState("health-chart-state", full.length === 0 ? `Fewer than ${window} realized forecasts yet.` : "Charts are unavailable.");
    showChart("health-chart", false);
    return;
  }
  setState("health-chart-state", "");
  showChart("health-chart", true);
  charts.health?.destroy();
  charts.health = new Chart($("health-chart"), {
    type: "line",
    data: {
      labels: full.map((r) => r.date),
      datasets: [
        { label: "vs baseline", data: full.map((r) => r.scores.qlike_ratio_baseline), borderColor: "#2458b3", borderWidth: 1.5, pointRadius: 0 },
        { label: "vs HAR-X", data: full.map((r) => r.scores.qlike_ratio_har_x), borderColor: "#7a4a00", borderWidth: 1.5, pointRadius: 0 },
        ...thresholdLines(limits, full.length),
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false, interaction: { mode: "index", intersect: false },
      plugins: { legend: { labels: { boxWidth: 10, boxHeight: 10 } } },
      scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { title: { display: true, text: "rolling QLIKE ratio" } } },
    },
  });
}

/** The first day of the year before the latest forecast: the monitor panel needs a year, not the whole history. */
function yearBefore(date) {
  const d = new Date(date + "T00:00:00Z");
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

function improvementCell(row, gain) {
  const cell = row.insertCell();
  if (gain == null) { cell.textContent = "—"; return; }
  cell.textContent = (gain >= 0 ? "+" : "") + (gain * 100).toFixed(1) + "%";
  cell.className = gain >= 0 ? "better" : "worse";
}

async function main() {
  if (typeof Chart === "undefined") {
    const banner = $("banner");
    banner.hidden = false;
    banner.textContent = "Chart.js did not load (/vendor/chart.umd.js): run `npm ci --prefix web` and rebuild the app. Charts are unavailable.";
    for (const canvas of document.querySelectorAll("canvas")) showChart(canvas.id, false);
    for (const id of ["drivers-state", "history-state", "pit-state", "reliability-state", "health-chart-state"]) setState(id, "Charts are unavailable.", true);
  }
  let latest, health, model;
  try {
    [latest, health, model] = await Promise.all([api("predictions/latest"), api("health"), api("model")]);
  } catch {
    const banner = $("banner");
    banner.hidden = false;
    banner.textContent = "The API is unreachable. Is the MlRisk host running? Reload to retry.";
    for (const id of ["latest-body", "drivers-state", "regimes-state", "risk-state", "history-state", "pit-state", "reliability-state", "calibration-state", "model-state", "health-state", "health-chart-state"]) setState(id, "Unavailable.", true);
    for (const canvas of document.querySelectorAll("canvas")) showChart(canvas.id, false);
    document.querySelector("main").setAttribute("aria-busy", "false");
    document.body.dataset.state = "unreachable";
    return;
  }
  const cuts = model.body?.metadata?.regime_cuts ?? model.body?.regime_cuts ?? DEFAULT_CUTS;
  showLatest(latest, health);
  showModel(model);
  showRegimes(latest, cuts);
  showRisk(latest);
  const monitored = api("monitor" + (latest.ok ? "?from=" + yearBefore(latest.body.as_of_date) : ""))
    .then((m) => showHealth(m, model), () => showHealth(null, model));
  const latestDate = latest.ok ? latest.body.as_of_date : null;
  if (typeof Chart !== "undefined") {
    // Before the first yield, so that a click while the charts draw is not lost.
    const buttons = document.querySelectorAll(".ranges button");
    for (const button of buttons) {
      button.addEventListener("click", async () => {
        for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
        await loadHistory(button.dataset.range, latestDate);
      });
    }
  }
  await yieldToMain();
  showCalibration(model);
  if (typeof Chart !== "undefined") {
    await yieldToMain();
    showDrivers(latest);
    await yieldToMain();
    showReliability(model);
    await yieldToMain();
    await loadHistory(document.querySelector(".ranges button[aria-pressed=true]").dataset.range, latestDate);
  }
  await monitored;
  document.querySelector("main").setAttribute("aria-busy", "false");
  document.body.dataset.state = "ready";
}

main();
