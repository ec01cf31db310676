// The page's interactive layer; everything here adds to the static page, which stays complete
// without it (every snapshot visible in a row, each chart's lines with <title> tooltips).
//
// - Evolution views (any element with data-evolution holding .evolution-frame children, each with
//   data-iteration="N" or a caption "iteration N"): one snapshot at a time with its own slider.
// - One step slider for the page, with play/pause: moves every evolution view to the snapshot
//   nearest its iteration and draws a marker at that iteration on every chart.
// - Charts (svg.line-chart with data-plot, data-x, data-y): a crosshair under the pointer with each
//   series' raw and smoothed value there, read back from the drawn lines.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function numbers(text) {
    return (text || "").trim().split(/\s+/).map(Number);
  }

  function frameIteration(frame) {
    if (frame.dataset.iteration !== undefined) return Number(frame.dataset.iteration);
    var match = /iteration\s+([0-9][0-9,]*)/i.exec(frame.textContent + " " + (frame.querySelector("img") || {}).alt);
    return match ? Number(match[1].replace(/,/g, "")) : NaN;
  }

  // ---- Evolution views ----
  var views = [];
  document.querySelectorAll("[data-evolution]").forEach(function (strip) {
    var frames = Array.prototype.slice.call(strip.querySelectorAll(".evolution-frame"));
    if (frames.length < 2) return;
    var iterations = frames.map(frameIteration);
    var slider = document.createElement("input");
    slider.type = "range";
    slider.min = "0";
    slider.max = String(frames.length - 1);
    slider.value = slider.max;
    slider.setAttribute("aria-label", "Training snapshot");
    function show(index) {
      frames.forEach(function (frame, i) { frame.hidden = i !== index; });
      slider.value = String(index);
    }
    function showIteration(iteration) {
      var best = 0;
      iterations.forEach(function (it, i) {
        if (Math.abs(it - iteration) < Math.abs(iterations[best] - iteration)) best = i;
      });
      show(best);
    }
    slider.addEventListener("input", function () { show(Number(slider.value)); });
    strip.classList.add("has-slider");
    strip.appendChild(slider);
    show(frames.length - 1);
    views.push({ iterations: iterations.filter(isFinite), showIteration: showIteration });
  });

  // ---- Charts ----
  function Chart(svg) {
    var plot = numbers(svg.dataset.plot), x = numbers(svg.dataset.x), y = numbers(svg.dataset.y);
    var box = numbers(svg.getAttribute("viewBox"));
    this.svg = svg;
    this.plot = { left: plot[0], top: plot[1], width: plot[2], height: plot[3] };
    this.x = x;
    this.y = y;
    this.log = svg.dataset.yLog !== undefined;
    this.box = box;
    this.series = Array.prototype.map.call(svg.querySelectorAll("g.series[data-series]"), function (group) {
      // A line with missing values is drawn as several polylines and lone dots: read them all.
      function pieces(lineClass) {
        var elements = group.querySelectorAll("polyline." + lineClass + ", circle.point");
        if (!elements.length) return null;
        return readable(Array.prototype.map.call(elements, function (element) {
          if (element.tagName === "circle") return { points: [[Number(element.getAttribute("cx")), Number(element.getAttribute("cy"))]] };
          return { points: element.getAttribute("points").trim().split(/\s+/).map(function (pair) { return pair.split(",").map(Number); }) };
        }));
      }
      return { name: group.dataset.series, color: group.getAttribute("stroke"),
               raw: pieces(group.querySelector("polyline.raw") ? "raw" : "line"),
               smoothed: group.querySelector("polyline.smoothed") ? pieces("smoothed") : null };
    });
  }

  // The pieces of one line in x order, each with its extent. The pointer reads a piece only
  // within its extent (give or take a few units for a lone dot): past its ends lies a gap, and
  // the readout says "—" rather than borrow a value from across it. Thinning keeps every piece's
  // first and last point, so the extents are exact.
  var GAP_TOLERANCE = 4;
  function readable(pieces) {
    pieces.sort(function (a, b) { return a.points[0][0] - b.points[0][0]; });
    var all = [];
    pieces.forEach(function (piece) {
      piece.first = piece.points[0][0];
      piece.last = piece.points[piece.points.length - 1][0];
      all = all.concat(piece.points);
    });
    return { pieces: pieces, all: all };
  }
  Chart.prototype.xFor = function (iteration) {
    return this.plot.left + (iteration - this.x[0]) / (this.x[1] - this.x[0]) * this.plot.width;
  };
  Chart.prototype.iterationAt = function (svgX) {
    return this.x[0] + (svgX - this.plot.left) / this.plot.width * (this.x[1] - this.x[0]);
  };
  // The drawn point of any line nearest the pointer: the crosshair stands where some line has a value.
  Chart.prototype.snap = function (svgX) {
    var best = svgX, distance = Infinity;
    this.series.forEach(function (series) {
      var point = series.raw && nearest(series.raw.all, svgX);
      if (point && Math.abs(point[0] - svgX) < distance) { best = point[0]; distance = Math.abs(point[0] - svgX); }
    });
    return best;
  };
  Chart.prototype.valueAt = function (svgY) {
    var axis = this.y[0] + (this.plot.top + this.plot.height - svgY) / this.plot.height * (this.y[1] - this.y[0]);
    return this.log ? Math.pow(10, axis) : axis;
  };
  Chart.prototype.vertical = function (className) {
    var line = this.svg.querySelector("line." + className);
    if (!line) {
      line = document.createElementNS(SVG, "line");
      line.setAttribute("class", className);
      line.setAttribute("y1", this.plot.top);
      line.setAttribute("y2", this.plot.top + this.plot.height);
      line.setAttribute("pointer-events", "none");
      this.svg.appendChild(line);
    }
    return line;
  };
  Chart.prototype.place = function (line, svgX) {
    var inside = svgX >= this.plot.left - 0.5 && svgX <= this.plot.left + this.plot.width + 0.5;
    line.setAttribute("x1", svgX);
    line.setAttribute("x2", svgX);
    line.style.display = inside ? "" : "none";
  };

  // A line's point at svgX: the nearest of the piece that spans it, none in a gap.
  function pointOn(line, svgX) {
    if (!line) return null;
    var piece = line.pieces.filter(function (p) {
      return svgX >= p.first - GAP_TOLERANCE && svgX <= p.last + GAP_TOLERANCE;
    })[0];
    return piece ? nearest(piece.points, svgX) : null;
  }

  function nearest(points, svgX) {
    if (!points || !points.length) return null;
    var low = 0, high = points.length - 1;
    while (high - low > 1) {
      var middle = (low + high) >> 1;
      if (points[middle][0] < svgX) low = middle; else high = middle;
    }
    return Math.abs(points[low][0] - svgX) <= Math.abs(points[high][0] - svgX) ? points[low] : points[high];
  }

  function format(value) {
    if (!isFinite(value)) return "—";
    var magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3)) return value.toExponential(3);
    return Number(value.toPrecision(4)).toString();
  }

  var charts = [];
  document.querySelectorAll("svg.line-chart[data-plot]").forEach(function (svg) {
    var chart = new Chart(svg);
    charts.push(chart);
    var figure = svg.parentNode;
    var readout = document.createElement("div");
    readout.className = "chart-readout";
    readout.hidden = true;
    readout.setAttribute("aria-hidden", "true");
    figure.classList.add("has-readout");
    figure.insertBefore(readout, svg.nextSibling);
    function move(event) {
      var rect = svg.getBoundingClientRect();
      if (!rect.width) return;
      var scale = chart.box[2] / rect.width;
      var svgX = (event.clientX - rect.left) * scale;
      if (svgX < chart.plot.left || svgX > chart.plot.left + chart.plot.width) { leave(); return; }
      var crosshair = chart.vertical("crosshair");
      var snapped = chart.snap(svgX);
      var rows = chart.series.map(function (series) {
        var raw = pointOn(series.raw, snapped), smooth = pointOn(series.smoothed, snapped);
        var text = raw ? format(chart.valueAt(raw[1])) : "—";
        if (smooth) text += " · smoothed " + format(chart.valueAt(smooth[1]));
        return '<div><span class="swatch" style="background:' + series.color + '"></span>' +
          series.name.replace(/[&<>]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;" }[c]; }) +
          ": " + text + "</div>";
      });
      chart.place(crosshair, snapped);
      readout.innerHTML = "<strong>iteration " + Math.round(chart.iterationAt(snapped)).toLocaleString("en") + "</strong>" + rows.join("");
      readout.hidden = false;
      var left = (snapped / scale) + 12;
      if (left + readout.offsetWidth > rect.width) left = Math.max(0, snapped / scale - readout.offsetWidth - 12);
      readout.style.left = left + "px";
      readout.style.top = (chart.plot.top / scale) + "px";
    }
    function leave() {
      readout.hidden = true;
      var crosshair = svg.querySelector("line.crosshair");
      if (crosshair) crosshair.style.display = "none";
    }
    svg.addEventListener("pointermove", move);
    svg.addEventListener("pointerdown", move);
    svg.addEventListener("pointerleave", leave);
  });

  // ---- One step slider for the page ----
  var steps = [];
  views.forEach(function (view) { steps = steps.concat(view.iterations); });
  steps = steps.filter(function (it, i, all) { return all.indexOf(it) === i; }).sort(function (a, b) { return a - b; });
  var main = document.querySelector("main");
  if (steps.length < 2 || !main) return;

  var bar = document.createElement("div");
  bar.className = "step-bar";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Training step for the whole page");
  var play = document.createElement("button");
  play.type = "button";
  play.className = "step-play";
  var range = document.createElement("input");
  range.type = "range";
  range.min = "0";
  range.max = String(steps.length - 1);
  range.value = range.max;
  range.setAttribute("aria-label", "Training step");
  var label = document.createElement("output");
  label.className = "step-label";
  var title = document.createElement("span");
  title.className = "step-title";
  title.textContent = "Step";
  bar.appendChild(title);
  bar.appendChild(play);
  bar.appendChild(range);
  bar.appendChild(label);
  // After the contents (or at the top): it sticks there while the reader scrolls.
  var toc = main.querySelector(":scope > nav.toc");
  main.insertBefore(bar, toc ? toc.nextSibling : main.firstChild);

  function setStep(index) {
    var iteration = steps[index];
    range.value = String(index);
    label.textContent = "iteration " + iteration.toLocaleString("en");
    views.forEach(function (view) { view.showIteration(iteration); });
    charts.forEach(function (chart) { chart.place(chart.vertical("step-marker"), chart.xFor(iteration)); });
  }
  var timer = null;
  function setPlaying(playing) {
    if (timer) { clearInterval(timer); timer = null; }
    play.textContent = playing ? "❚❚ Pause" : "▶ Play";
    play.setAttribute("aria-pressed", playing ? "true" : "false");
    if (!playing) return;
    if (Number(range.value) >= steps.length - 1) setStep(0);
    timer = setInterval(function () {
      var next = Number(range.value) + 1;
      if (next >= steps.length) { setPlaying(false); return; }
      setStep(next);
    }, 700);
  }
  range.addEventListener("input", function () { setPlaying(false); setStep(Number(range.value)); });
  play.addEventListener("click", function () { setPlaying(timer === null); });
  setPlaying(false);
  setStep(steps.length - 1);
})();
