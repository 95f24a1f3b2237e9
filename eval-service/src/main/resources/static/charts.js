// The run page's training curves: a Chart.js line chart on every <canvas data-steps data-values>, drawn
// when the page loads and again whenever htmx swaps in a fresh fragment (the charts it replaces are destroyed).
(() => {
  const style = getComputedStyle(document.documentElement);
  const accent = style.getPropertyValue("--accent").trim() || "#2f6fde";
  const muted = style.getPropertyValue("--muted").trim() || "#5d6b7e";
  const grid = style.getPropertyValue("--line").trim() || "#d9dee6";

  function draw(canvas) {
    const steps = JSON.parse(canvas.dataset.steps);
    const values = JSON.parse(canvas.dataset.values);
    new Chart(canvas, {
      type: "line",
      data: { labels: steps, datasets: [{ data: values, borderColor: accent, backgroundColor: accent, borderWidth: 2,
        pointRadius: steps.length > 40 ? 0 : 2, tension: 0 }] },
      options: {
        animation: false, maintainAspectRatio: false, responsive: true,
        plugins: { legend: { display: false }, tooltip: { intersect: false, mode: "index" } },
        scales: {
          x: { title: { display: true, text: "step", color: muted }, ticks: { color: muted, maxTicksLimit: 8 }, grid: { color: grid } },
          y: { ticks: { color: muted, maxTicksLimit: 5 }, grid: { color: grid } },
        },
      },
    });
  }

  htmx.onLoad((root) => root.querySelectorAll("canvas[data-steps]").forEach(draw));
  document.addEventListener("htmx:beforeCleanupElement", (event) => {
    if (event.target instanceof HTMLCanvasElement) Chart.getChart(event.target)?.destroy();
  });
})();
