// Loads pages of a served site in headless Chromium over the DevTools protocol (on a pipe, so no
// port is opened) and checks what a reader sees: no console errors or uncaught exceptions, no
// failed requests, typeset math, the page's step slider moving the frames, the chart readout on
// a pointer event. Optionally saves screenshots.
//
// usage: node browser-check.js CHROMIUM BASE_URL PAGE... [--shots DIR]
// Prints one JSON object: {"pages": {page: {problems: [...], facts: {...}}}}; exits 0 either way
// (the caller judges), 2 when the browser could not be driven at all.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const args = process.argv.slice(2);
const shotsIndex = args.indexOf("--shots");
const shots = shotsIndex >= 0 ? args.splice(shotsIndex, 2)[1] : null;
const [chromium, base, ...pages] = args;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ganbook-chromium-"));
const browser = spawn(chromium, [
  "--headless", "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check", "--disable-gpu",
  "--no-sandbox", "--disable-extensions", "--disable-background-networking", "--disable-sync",
  "--user-data-dir=" + profile, "about:blank",
], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
let stderr = "";
browser.stderr.on("data", (d) => { stderr += d; });
const toBrowser = browser.stdio[3], fromBrowser = browser.stdio[4];

let nextId = 1;
const waiting = new Map();
const listeners = [];
let buffer = "";
fromBrowser.on("data", (chunk) => {
  buffer += chunk.toString("utf8");
  let end;
  while ((end = buffer.indexOf("\0")) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id && waiting.has(message.id)) {
      const { resolve, reject } = waiting.get(message.id);
      waiting.delete(message.id);
      message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result);
    } else if (message.method) {
      listeners.forEach((listener) => listener(message));
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + "\0");
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function finish(code, output) {
  process.stdout.write(JSON.stringify(output) + "\n");
  try { browser.kill("SIGKILL"); } catch (e) {}
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch (e) {}
  process.exit(code);
}
setTimeout(() => finish(2, { error: "timed out driving the browser", stderr: stderr.slice(-2000) }), 100000).unref();
browser.on("exit", (code) => { if (waiting.size) finish(2, { error: "browser exited (" + code + ")", stderr: stderr.slice(-2000) }); });

async function evaluate(sessionId, expression) {
  const result = await send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (result.exceptionDetails) throw new Error("page script failed: " + JSON.stringify(result.exceptionDetails).slice(0, 500));
  return result.result.value;
}

// The text of the chart readout on show, or null.
function readoutText(sessionId) {
  return evaluate(sessionId, `(() => {
    const box = document.querySelector(".chart-readout:not([hidden])");
    return box ? box.textContent : null;
  })()`);
}

async function checkPage(page) {
  const problems = [];
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const requests = new Map();
  let loaded = false;
  const listener = (message) => {
    if (message.sessionId !== sessionId) return;
    const p = message.params;
    switch (message.method) {
      case "Runtime.consoleAPICalled":
        if (p.type === "error" || p.type === "assert")
          problems.push("console " + p.type + ": " + p.args.map((a) => a.value || a.description).join(" "));
        break;
      case "Runtime.exceptionThrown":
        problems.push("uncaught: " + (p.exceptionDetails.exception || {}).description || p.exceptionDetails.text);
        break;
      case "Log.entryAdded":
        if (p.entry.level === "error") problems.push("log: " + p.entry.text + (p.entry.url ? " " + p.entry.url : ""));
        break;
      case "Network.requestWillBeSent": requests.set(p.requestId, p.request.url); break;
      case "Network.responseReceived":
        if (p.response.status >= 400) problems.push("HTTP " + p.response.status + ": " + p.response.url);
        break;
      case "Network.loadingFailed":
        if (!p.canceled) problems.push("request failed (" + p.errorText + "): " + requests.get(p.requestId));
        break;
      case "Page.loadEventFired": loaded = true; break;
    }
  };
  listeners.push(listener);
  for (const domain of ["Runtime", "Log", "Network", "Page"]) await send(domain + ".enable", {}, sessionId);
  await send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
  await send("Page.navigate", { url: base + page }, sessionId);
  for (let i = 0; i < 200 && !loaded; i++) await sleep(50);
  if (!loaded) problems.push("the page did not finish loading in 10 s");
  // Lazy images and fonts: give them a moment, then look.
  await evaluate(sessionId, "document.fonts ? document.fonts.ready.then(() => true) : true");
  await sleep(300);

  const facts = await evaluate(sessionId, `(async () => {
    const facts = {};
    facts.katex = document.querySelectorAll(".katex").length;
    facts.untypesetMath = document.querySelectorAll("span.math:not(:has(.katex))").length;
    facts.charts = document.querySelectorAll("svg.line-chart").length;
    facts.stepSlider = !!document.querySelector(".step-bar input[type=range]");
    facts.evolutionViews = document.querySelectorAll("[data-evolution]").length;
    const range = document.querySelector(".step-bar input[type=range]");
    if (range) {
      const visible = () => Array.from(document.querySelectorAll("[data-evolution] .evolution-frame:not([hidden]) img")).map((i) => i.getAttribute("src"));
      const before = visible();
      range.value = "0";
      range.dispatchEvent(new Event("input", { bubbles: true }));
      const after = visible();
      facts.frameSrcBefore = before[0];
      facts.frameSrcAfter = after[0];
      facts.sliderMovedFrames = before.length > 0 && before.every((src, i) => after[i] !== undefined) && before.some((src, i) => src !== after[i]);
      facts.stepMarkers = document.querySelectorAll("line.step-marker").length;
      range.value = range.max;
      range.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const svg = document.querySelector("svg.line-chart[data-plot]");
    if (svg) {
      svg.scrollIntoView({ block: "center" });
      await new Promise((r) => requestAnimationFrame(() => r()));
      const rect = svg.getBoundingClientRect();
      const plot = svg.dataset.plot.split(" ").map(Number);
      const scale = rect.width / Number(svg.getAttribute("viewBox").split(" ")[2]);
      facts.pointer = { x: rect.left + (plot[0] + plot[2] * 0.5) * scale, y: rect.top + (plot[1] + plot[3] * 0.5) * scale };
    }
    return facts;
  })()`);
  if (facts.pointer) {
    // A real (synthetic) pointer move from the browser's input layer, not a script-made event.
    await send("Input.dispatchMouseEvent", { type: "mouseMoved", x: facts.pointer.x, y: facts.pointer.y }, sessionId);
    await sleep(100);
    facts.readout = await readoutText(sessionId);
  }
  // Test fixtures mark a chart with data-test-probes="100 350 …" (iterations): the readout's text
  // with the pointer at each, in order.
  const probes = await evaluate(sessionId, `(() => {
    const svg = document.querySelector("svg.line-chart[data-test-probes]");
    if (!svg) return null;
    svg.scrollIntoView({ block: "center" });
    const rect = svg.getBoundingClientRect();
    const plot = svg.dataset.plot.split(" ").map(Number);
    const scale = rect.width / Number(svg.getAttribute("viewBox").split(" ")[2]);
    const axis = svg.dataset.x.split(" ").map(Number);
    return svg.dataset.testProbes.trim().split(/\\s+/).map(Number).map((iteration) => {
      const f = (iteration - axis[0]) / (axis[1] - axis[0]);
      return { x: rect.left + (plot[0] + plot[2] * f) * scale, y: rect.top + (plot[1] + plot[3] * 0.5) * scale };
    });
  })()`);
  if (probes) {
    facts.probes = [];
    for (const probe of probes) {
      await send("Input.dispatchMouseEvent", { type: "mouseMoved", x: probe.x, y: probe.y }, sessionId);
      await sleep(60);
      facts.probes.push(await readoutText(sessionId));
    }
  }
  if (shots) {
    for (const [name, width, height, mobile] of [["desktop", 1280, 900, false], ["phone", 390, 844, true]]) {
      await send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: mobile ? 2 : 1, mobile }, sessionId);
      await evaluate(sessionId, "window.scrollTo(0, 0); true");
      await sleep(400);
      for (const [part, selector] of [["top", null], ["samples", "section.experiment .samples"],
                                      ["experiment", "section.experiment .charts"], ["table", ".results-table"]]) {
        let clip;
        if (selector) {
          const box = await evaluate(sessionId, `(() => { const e = document.querySelector(${JSON.stringify(selector)});
            if (!e) return null; e.scrollIntoView({ block: "start" }); const r = e.getBoundingClientRect();
            return { x: 0, y: r.top + window.scrollY - 10, width: ${width}, height: Math.min(r.height + 20, 1600) }; })()`);
          if (!box) continue;
          clip = Object.assign(box, { scale: 1 });
        }
        const shot = await send("Page.captureScreenshot", Object.assign({ format: "png" }, clip ? { clip, captureBeyondViewport: true } : {}), sessionId);
        fs.writeFileSync(path.join(shots, page.replace(/\.html$/, "") + "-" + name + "-" + part + ".png"), Buffer.from(shot.data, "base64"));
      }
      // The interactive layer at work: the step slider halfway and the pointer over the first chart.
      const target = await evaluate(sessionId, `(() => { const svg = document.querySelector("svg.line-chart[data-plot]");
        if (!svg) return null; const range = document.querySelector(".step-bar input[type=range]");
        if (range) { range.value = String(Math.floor(Number(range.max) / 2)); range.dispatchEvent(new Event("input", { bubbles: true })); }
        svg.closest("section, figure").scrollIntoView({ block: "center" }); const r = svg.getBoundingClientRect();
        const plot = svg.dataset.plot.split(" ").map(Number), scale = r.width / Number(svg.getAttribute("viewBox").split(" ")[2]);
        return { x: r.left + (plot[0] + plot[2] * 0.3) * scale, y: r.top + (plot[1] + plot[3] * 0.5) * scale }; })()`);
      if (target) {
        await send("Input.dispatchMouseEvent", { type: "mouseMoved", x: target.x, y: target.y }, sessionId);
        await sleep(150);
        const shot = await send("Page.captureScreenshot", { format: "png" }, sessionId);
        fs.writeFileSync(path.join(shots, page.replace(/\.html$/, "") + "-" + name + "-interactive.png"), Buffer.from(shot.data, "base64"));
      }
    }
  }
  listeners.splice(listeners.indexOf(listener), 1);
  await send("Target.closeTarget", { targetId });
  return { problems, facts };
}

(async () => {
  const output = { pages: {} };
  try {
    for (const page of pages) output.pages[page] = await checkPage(page);
  } catch (error) {
    finish(2, Object.assign(output, { error: String(error && error.stack || error), stderr: stderr.slice(-2000) }));
  }
  finish(0, output);
})();
