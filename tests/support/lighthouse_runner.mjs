// Run Lighthouse on a list of URLs in one headless Chromium and print one JSON
// line per run. Driven by tests/support/quality.py (`run_lighthouse`), not by hand:
//
//   echo '[{"url": "http://127.0.0.1:8000/", "formFactor": "mobile"}]' |
//     CHROME_PATH=/usr/bin/chromium node tests/support/lighthouse_runner.mjs
//
// Each job: url, formFactor ("mobile" = Lighthouse's default simulated Moto G
// on slow 4G, or "desktop"), categories (default: all four), benchmarkIndex
// (optional: the host's last measured one).
//
// Mobile CPU slowdown is calibrated to the host, as Lighthouse's own warning
// about slow hosts advises: the multiplier comes from the host's benchmark index
// with the Lighthouse team's CPU throttling calculator (patrickhulce/
// lighthouse-cpu-throttling-calculator), and is never above Lighthouse's
// default of 4. A shared 2-core machine under load otherwise measures its own
// load, not the page. Without a known index, a first unscored run measures it.
import { readFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as constants from "lighthouse/core/config/constants.js";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// Pictures and a back/forward-cache probe that no category score counts (weight 0 in
// Lighthouse 12's default config) and that no gate here reads: leaving them out, with the
// full-page screenshot, takes about 2 of each run's 11 seconds off and changes no score.
const UNSCORED_EXTRAS = ["screenshot-thumbnails", "final-screenshot", "bf-cache"];

function cpuSlowdown(benchmarkIndex) {
  let multiplier;
  if (benchmarkIndex >= 1300) multiplier = 3 + (benchmarkIndex - 1300) / 233;
  else if (benchmarkIndex >= 800) multiplier = 2 + (benchmarkIndex - 800) / 500;
  else multiplier = 1 + (benchmarkIndex - 150) / 650;
  return Math.round(Math.min(4, Math.max(1, multiplier)) * 100) / 100;
}

function summarise(lhr) {
  const scores = {};
  const failing = [];
  for (const [id, category] of Object.entries(lhr.categories)) {
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        const items = (audit.details && audit.details.items) || [];
        failing.push({
          category: id,
          id: ref.id,
          score: audit.score,
          value: audit.displayValue || "",
          where: items
            .slice(0, 5)
            .map((item) => (item.node && item.node.selector) || item.url || item.source?.url || "")
            .filter(Boolean),
        });
      }
    }
  }
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    scores,
    failing,
    transferBytes: metric("total-byte-weight"),
    metrics: {
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      si: metric("speed-index"),
    },
    benchmarkIndex: lhr.environment.benchmarkIndex,
    cpuSlowdown: lhr.configSettings.throttling.cpuSlowdownMultiplier,
    consoleErrors: (lhr.audits["errors-in-console"]?.details?.items || []).map((item) => item.description),
    runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
    runWarnings: lhr.runWarnings || [],
  };
}

const jobs = JSON.parse(readFileSync(0, "utf8"));
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: CHROME_FLAGS });

async function run(job, benchmarkIndex) {
  const options = {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: job.categories || CATEGORIES,
    disableFullPageScreenshot: true,
    skipAudits: UNSCORED_EXTRAS,
  };
  if (job.formFactor === "desktop") return (await lighthouse(job.url, options, desktopConfig)).lhr;
  const throttling = { ...constants.throttling.mobileSlow4G, cpuSlowdownMultiplier: cpuSlowdown(benchmarkIndex) };
  return (await lighthouse(job.url, { ...options, throttling })).lhr;
}

try {
  let benchmarkIndex = jobs.find((job) => job.benchmarkIndex)?.benchmarkIndex;
  for (const job of jobs) {
    const started = Date.now();
    if (job.formFactor !== "desktop" && !benchmarkIndex) {
      benchmarkIndex = (await run({ ...job, categories: ["performance"] }, 1533)).environment.benchmarkIndex;
    }
    const lhr = await run(job, benchmarkIndex);
    benchmarkIndex = lhr.environment.benchmarkIndex || benchmarkIndex;
    const line = { ...job, seconds: (Date.now() - started) / 1000, ...summarise(lhr) };
    process.stdout.write(JSON.stringify(line) + "\n");
  }
} finally {
  await chrome.kill();
}
