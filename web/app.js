// MlRisk dashboard: reads the API of the app that serves it (relative URLs), no framework.
"use strict";

const ANNUALIZE = Math.sqrt(252 / 5);
const NAMES = { model: "LightGBM (model)", baseline: "Baseline (20d vol, horizon-matched)", har_rv: "HAR-RV", har_x: "HAR-X" };
const charts = { drivers: null, history: null };
window.mlrisk = charts;

const $ = (id) => document.getElementById(id);
const pct = (x, digits = 2) => (x * 100).toFixed(digits) + "%";

/** Fetches JSON; resolves {ok, status, body} for HTTP answers and rejects only when the API is unreachable. */
async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  return { ok: response.ok, status: response.status, body };
}

function problemText(result) {
  const b = result.body;
  return b && (b.detail || b.title) ? (b.detail || b.title) : `HTTP ${result.status}`;
}

function showChart(canvasId, visible) {
  $(canvasId).parentElement.hidden = !visible;
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
    return;
  }
  const f = latest.body;
  setState("latest-body", "");
  $("latest-figures").hidden = false;
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
  const behind = h.staleness_sessions;
  fresh.textContent = h.last_data_date == null ? "no data"
    : behind === 0 ? `up to date (data through ${h.last_data_date})`
    : `data through ${h.last_data_date}, ${behind} session${behind === 1 ? "" : "s"} behind ${h.last_completed_session}`;
  fresh.classList.toggle("stale", h.status !== "ok");
}

function showDrivers(latest) {
  if (!latest.ok) { setState("drivers-state", "No forecast, so no drivers yet."); return; }
  const drivers = latest.body.drivers || [];
  if (drivers.length === 0) { setState("drivers-state", "This forecast has no stored drivers."); return; }
  setState("drivers-state", "");
  showChart("drivers-chart", true);
  const labels = drivers.map((d) => `${d.feature} = ${formatValue(d.value)}`);
  const values = drivers.map((d) => d.shap);
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

function formatValue(v) {
  const a = Math.abs(v);
  return a !== 0 && (a < 0.01 || a >= 1000) ? v.toExponential(2) : v.toFixed(a < 1 ? 4 : 2);
}

async function loadHistory(range, latestDate) {
  let query = "";
  if (range !== "all" && latestDate) {
    const from = new Date(latestDate + "T00:00:00Z");
    from.setUTCDate(from.getUTCDate() - Math.round(Number(range) * 365 / 252));
    query = "?from=" + from.toISOString().slice(0, 10);
  }
  setState("history-state", "Loading…");
  let result;
  try { result = await api("predictions" + query); } catch { setState("history-state", "API unreachable.", true); return; }
  if (!result.ok) { setState("history-state", "Could not load history: " + problemText(result), true); return; }
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
      datasets: [
        { label: "Forecast rv_5d", data: points.map((p) => p.rv_5d_hat), borderColor: "#2458b3", backgroundColor: "#2458b3" },
        { label: "Realized rv_5d", data: points.map((p) => p.rv_5d), borderColor: "#1d2330", backgroundColor: "#1d2330" },
        { label: "Baseline", data: points.map((p) => p.baseline), borderColor: "#b9770e", backgroundColor: "#b9770e", borderDash: [5, 4] },
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
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y == null ? "n/a" : pct(c.parsed.y)}` } } },
    },
  });
}

function showModel(model) {
  const card = model.ok ? model.body : model.body && model.body.gate ? { gate: model.body.gate, scores: model.body.scores, model_version: model.body.candidate_version } : null;
  if (!model.ok) {
    setState("model-state", model.status !== 503 ? "Could not load the model: " + problemText(model)
      : card ? `No champion is served: the latest candidate, ${card.model_version}, did not pass the gate. Its walk-forward scores:`
      : "No champion is served: " + problemText(model), model.status !== 503);
  } else {
    setState("model-state", `Champion ${card.model_version}: out-of-sample walk-forward scores on the same dates.`);
  }
  if (!card || !card.gate) return;
  const gate = $("gate");
  gate.hidden = false;
  gate.className = "gate " + (card.gate.passed ? "passed" : "failed");
  gate.textContent = (card.gate.passed ? "Gate passed" : "Gate failed") + ` (margin ${pct(card.gate.margin, 0)}): ${card.gate.detail}`;

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

function improvementCell(row, gain) {
  const cell = row.insertCell();
  if (gain == null) { cell.textContent = "—"; return; }
  cell.textContent = (gain >= 0 ? "+" : "") + (gain * 100).toFixed(1) + "%";
  cell.className = gain >= 0 ? "better" : "worse";
}

async function main() {
  showChart("drivers-chart", false);
  showChart("history-chart", false);
  if (typeof Chart === "undefined") {
    const banner = $("banner");
    banner.hidden = false;
    banner.textContent = "Chart.js did not load (/vendor/chart.umd.js): run `npm ci --prefix web` and rebuild the app. Charts are unavailable.";
  }
  let latest, health, model;
  try {
    [latest, health, model] = await Promise.all([api("predictions/latest"), api("health"), api("model")]);
  } catch {
    const banner = $("banner");
    banner.hidden = false;
    banner.textContent = "The API is unreachable. Is the MlRisk host running? Reload to retry.";
    for (const id of ["latest-body", "drivers-state", "history-state", "model-state"]) setState(id, "Unavailable.", true);
    document.body.dataset.state = "unreachable";
    return;
  }
  showLatest(latest, health);
  showModel(model);
  if (typeof Chart !== "undefined") {
    showDrivers(latest);
    const latestDate = latest.ok ? latest.body.as_of_date : null;
    const buttons = document.querySelectorAll(".ranges button");
    for (const button of buttons) {
      button.addEventListener("click", async () => {
        for (const b of buttons) b.classList.toggle("active", b === button);
        await loadHistory(button.dataset.range, latestDate);
      });
    }
    await loadHistory(document.querySelector(".ranges button.active").dataset.range, latestDate);
  }
  document.body.dataset.state = "ready";
}

main();
