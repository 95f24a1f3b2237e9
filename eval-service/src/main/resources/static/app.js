// Shared helpers of the dashboard and rating pages: JSON fetch, formatting, the win-rate table, line charts.
const STAGES = ["SFT", "SAMPLE", "LABEL", "REWARD_MODEL", "RL", "EVALUATE"];

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.status === 204) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error((body && (body.detail || body.title)) || `${response.status} ${response.statusText}`);
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? "–" : `${(100 * x).toFixed(1)} %`);
const num = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? "–" : Number(x).toFixed(digits));
const when = (iso) => (iso ? new Date(iso).toLocaleString() : "–");
const badge = (status) => el("span", { class: `badge ${status}` }, status);

function progressBar(fraction) {
  return el("div", { class: "bar", title: pct(fraction) }, el("span", { style: `width:${Math.round(100 * fraction)}%` }));
}

/** A horizontal 0–100 % scale with the interval and the point estimate; the tick marks 50 %. */
function ciGlyph(estimate, low, high) {
  return el("span", { class: "ci", title: `${pct(estimate)} [${pct(low)}, ${pct(high)}]` },
    el("span", { class: "range", style: `left:${100 * low}%;width:${100 * (high - low)}%` }),
    el("span", { class: "point", style: `left:${100 * estimate}%` }));
}

const JUDGE_NAMES = { ai: "AI judge", "simulated-human": "Simulated humans", human: "Human raters" };

/** The evaluation table: one row per judge, then the facts (harmless rate, agreement, position bias, length). */
function evaluationTable(view) {
  const report = view.report;
  const wrap = el("div");
  if (!report) {
    wrap.append(el("div", { class: "card empty" }, view.items ? "Waiting for the first judgements…" : "Generating responses…"));
    return wrap;
  }
  const rows = report.judges.map((row) => el("tr", {},
    el("td", {}, JUDGE_NAMES[row.judge] || row.judge, row.raters > 1 ? el("span", { class: "muted" }, ` · ${row.raters} raters`) : null),
    el("td", { class: "num" }, el("strong", {}, pct(row.winRate.winRate))),
    el("td", { class: "num" }, `${pct(row.winRate.interval.low)} – ${pct(row.winRate.interval.high)}`),
    el("td", {}, ciGlyph(row.winRate.winRate, row.winRate.interval.low, row.winRate.interval.high)),
    el("td", { class: "num" }, pct(row.lengthControlled), el("span", { class: "muted" },
      ` (${pct(row.lengthControlledInterval.low)} – ${pct(row.lengthControlledInterval.high)})`)),
    el("td", { class: "num" }, `${row.winRate.wins} / ${row.winRate.ties} / ${row.winRate.losses}`),
    el("td", { class: "muted" }, row.winRate.method)));
  wrap.append(el("table", {},
    el("thead", {}, el("tr", {}, ["Judge", "Win rate A over B", "95 % CI", "", "Length-controlled", "W / T / L", "CI method"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No verdicts yet")))));
  const facts = [];
  if (report.harmlessA) {
    facts.push(fact(pct(report.harmlessA.rate), `harmless rate of A [${pct(report.harmlessA.interval.low)}, ${pct(report.harmlessA.interval.high)}]`));
    facts.push(fact(pct(report.harmlessB.rate), "harmless rate of B"));
  }
  for (const [raters, agreement] of Object.entries(report.aiAgreement || {})) {
    facts.push(fact(pct(agreement.rate), `AI agreement with ${JUDGE_NAMES[raters].toLowerCase()} (n=${agreement.compared})`));
  }
  for (const [raters, agreement] of Object.entries(report.interRaterAgreement || {})) {
    facts.push(fact(pct(agreement.rate), `inter-rater agreement, ${JUDGE_NAMES[raters].toLowerCase()} (n=${agreement.compared})`));
  }
  if (report.positionBias) facts.push(fact(pct(report.positionBias.rate), `AI position-bias rate (n=${report.positionBias.compared})`));
  facts.push(fact(`${num(report.lengthDelta, 1)} words`, `length A − B (${num(report.meanWordsA, 1)} vs ${num(report.meanWordsB, 1)})`));
  facts.push(fact(report.items, "prompts"));
  wrap.append(el("div", { class: "facts" }, facts));
  return wrap;
}

function fact(value, label) {
  return el("div", { class: "fact" }, el("div", { class: "value" }, value), el("div", { class: "label" }, label));
}

/** A small SVG line chart of one metric over steps. */
function lineChart(title, points) {
  const width = 320, height = 150, pad = { l: 44, r: 8, t: 8, b: 22 };
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const sx = (x) => pad.l + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - pad.l - pad.r);
  const sy = (y) => height - pad.b - (y1 === y0 ? 0.5 : (y - y0) / (y1 - y0)) * (height - pad.t - pad.b);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
  };
  add("line", { x1: pad.l, y1: height - pad.b, x2: width - pad.r, y2: height - pad.b, stroke: "#c4ccd8" });
  add("line", { x1: pad.l, y1: pad.t, x2: pad.l, y2: height - pad.b, stroke: "#c4ccd8" });
  add("text", { x: pad.l - 4, y: sy(y1) + 4, "text-anchor": "end", "font-size": 10, fill: "#5d6b7e" }, num(y1, 3));
  add("text", { x: pad.l - 4, y: sy(y0) + 4, "text-anchor": "end", "font-size": 10, fill: "#5d6b7e" }, num(y0, 3));
  add("text", { x: pad.l, y: height - 6, "font-size": 10, fill: "#5d6b7e" }, x0);
  add("text", { x: width - pad.r, y: height - 6, "text-anchor": "end", "font-size": 10, fill: "#5d6b7e" }, `step ${x1}`);
  add("polyline", { points: points.map((p) => `${sx(p[0])},${sy(p[1])}`).join(" "), fill: "none", stroke: "#2f6fde", "stroke-width": 2 });
  return el("div", { class: "card chart" }, el("h3", {}, title), svg);
}

/** Calls {@code refresh} now and every few seconds while {@code keepGoing()} says so. */
function poll(refresh, keepGoing, everyMs = 3000) {
  const tick = async () => {
    try { await refresh(); } catch (e) { console.error(e); }
    if (keepGoing()) setTimeout(tick, everyMs);
  };
  tick();
}
