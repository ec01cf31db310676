@testable import Book

extension LineChartTests {
    /// Checked by hand: y domain widened to [0.2, 1] with 0.1 steps, plot 126×100 at (56, 14),
    /// 0.5 at iteration 50 → (119, 76.5), 0.25 at 100 → (182, 107.75); three points are too few
    /// to smooth, so one line; legend row under the x-axis title.
    static let tinyGolden = """
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 191" class="chart line-chart" role="img" aria-label="Tiny &lt;chart&gt;" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12" data-plot="56 14 126 100" data-x="0 100" data-y="0.2 1" data-smoothing="0.9">
<g class="y-axis" fill="#444444" text-anchor="end">
<line x1="56" y1="114" x2="182" y2="114" stroke="#ececec"/>
<text x="50" y="114" dy="0.32em">0.2</text>
<line x1="56" y1="101.5" x2="182" y2="101.5" stroke="#ececec"/>
<text x="50" y="101.5" dy="0.32em">0.3</text>
<line x1="56" y1="89" x2="182" y2="89" stroke="#ececec"/>
<text x="50" y="89" dy="0.32em">0.4</text>
<line x1="56" y1="76.5" x2="182" y2="76.5" stroke="#ececec"/>
<text x="50" y="76.5" dy="0.32em">0.5</text>
<line x1="56" y1="64" x2="182" y2="64" stroke="#ececec"/>
<text x="50" y="64" dy="0.32em">0.6</text>
<line x1="56" y1="51.5" x2="182" y2="51.5" stroke="#ececec"/>
<text x="50" y="51.5" dy="0.32em">0.7</text>
<line x1="56" y1="39" x2="182" y2="39" stroke="#ececec"/>
<text x="50" y="39" dy="0.32em">0.8</text>
<line x1="56" y1="26.5" x2="182" y2="26.5" stroke="#ececec"/>
<text x="50" y="26.5" dy="0.32em">0.9</text>
<line x1="56" y1="14" x2="182" y2="14" stroke="#ececec"/>
<text x="50" y="14" dy="0.32em">1</text>
<line x1="56" y1="14" x2="56" y2="114" stroke="#8a8a8a"/>
</g>
<g class="x-axis" fill="#444444" text-anchor="middle">
<line x1="56" y1="114" x2="182" y2="114" stroke="#8a8a8a"/>
<line x1="56" y1="114" x2="56" y2="118" stroke="#8a8a8a"/>
<text x="56" y="135">0</text>
<line x1="81.2" y1="114" x2="81.2" y2="118" stroke="#8a8a8a"/>
<text x="81.2" y="135">20</text>
<line x1="106.4" y1="114" x2="106.4" y2="118" stroke="#8a8a8a"/>
<text x="106.4" y="135">40</text>
<line x1="131.6" y1="114" x2="131.6" y2="118" stroke="#8a8a8a"/>
<text x="131.6" y="135">60</text>
<line x1="156.8" y1="114" x2="156.8" y2="118" stroke="#8a8a8a"/>
<text x="156.8" y="135">80</text>
<line x1="182" y1="114" x2="182" y2="118" stroke="#8a8a8a"/>
<text x="182" y="135">100</text>
<text x="119" y="155">iteration</text>
</g>
<g class="series" fill="none" stroke="#1f77b4" stroke-linejoin="round" data-series="loss_g">
<title>loss_g: last value 0.25</title>
<polyline class="line" stroke-width="2" points="56,14 119,76.5 182,107.75"/>
</g>
<g class="legend" fill="#444444">
<line x1="56" y1="174.5" x2="74" y2="174.5" stroke="#1f77b4" stroke-width="2.5"/>
<text x="80" y="174.5" dy="0.32em">loss_g</text>
</g>
</svg>

"""
}
