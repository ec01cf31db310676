// Turns each row of training snapshots into one picture with a slider. Without JavaScript
// every snapshot stays visible in a row, each labelled with its iteration.
document.querySelectorAll("[data-evolution]").forEach(function (strip) {
  var frames = Array.prototype.slice.call(strip.querySelectorAll(".evolution-frame"));
  if (frames.length < 2) return;
  var slider = document.createElement("input");
  slider.type = "range";
  slider.min = "0";
  slider.max = String(frames.length - 1);
  slider.value = slider.max;
  slider.setAttribute("aria-label", "Training snapshot");
  function show(index) {
    frames.forEach(function (frame, i) { frame.hidden = i !== index; });
  }
  slider.addEventListener("input", function () { show(Number(slider.value)); });
  strip.classList.add("has-slider");
  strip.appendChild(slider);
  show(frames.length - 1);
});
