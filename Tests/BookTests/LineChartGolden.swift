@testable import Book

extension LineChartTests {
    /// Checked by hand: y domain widened to [0.2, 1] with 0.1 steps, plot 136×100 at (48, 12),
    /// 0.5 at iteration 50 → (116, 74.5), 0.25 at 100 → (184, 105.75); three points are too few
    /// to smooth, so one line; legend row under the x-axis title.
    static let tinyGolden = """
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 176" class="chart line-chart" role="img" aria-label="Tiny &lt;chart&gt;" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">
<g class="y-axis" fill="#444444" text-anchor="end">
<line x1="48" y1="112" x2="184" y2="112" stroke="#ececec"/>
<text x="42" y="112" dy="0.32em">0.2</text>
<line x1="48" y1="99.5" x2="184" y2="99.5" stroke="#ececec"/>
<text x="42" y="99.5" dy="0.32em">0.3</text>
<line x1="48" y1="87" x2="184" y2="87" stroke="#ececec"/>
<text x="42" y="87" dy="0.32em">0.4</text>
<line x1="48" y1="74.5" x2="184" y2="74.5" stroke="#ececec"/>
<text x="42" y="74.5" dy="0.32em">0.5</text>
<line x1="48" y1="62" x2="184" y2="62" stroke="#ececec"/>
<text x="42" y="62" dy="0.32em">0.6</text>
<line x1="48" y1="49.5" x2="184" y2="49.5" stroke="#ececec"/>
<text x="42" y="49.5" dy="0.32em">0.7</text>
<line x1="48" y1="37" x2="184" y2="37" stroke="#ececec"/>
<text x="42" y="37" dy="0.32em">0.8</text>
<line x1="48" y1="24.5" x2="184" y2="24.5" stroke="#ececec"/>
<text x="42" y="24.5" dy="0.32em">0.9</text>
<line x1="48" y1="12" x2="184" y2="12" stroke="#ececec"/>
<text x="42" y="12" dy="0.32em">1</text>
<line x1="48" y1="12" x2="48" y2="112" stroke="#8a8a8a"/>
</g>
<g class="x-axis" fill="#444444" text-anchor="middle">
<line x1="48" y1="112" x2="184" y2="112" stroke="#8a8a8a"/>
<line x1="48" y1="112" x2="48" y2="116" stroke="#8a8a8a"/>
<text x="48" y="128">0</text>
<line x1="75.2" y1="112" x2="75.2" y2="116" stroke="#8a8a8a"/>
<text x="75.2" y="128">20</text>
<line x1="102.4" y1="112" x2="102.4" y2="116" stroke="#8a8a8a"/>
<text x="102.4" y="128">40</text>
<line x1="129.6" y1="112" x2="129.6" y2="116" stroke="#8a8a8a"/>
<text x="129.6" y="128">60</text>
<line x1="156.8" y1="112" x2="156.8" y2="116" stroke="#8a8a8a"/>
<text x="156.8" y="128">80</text>
<line x1="184" y1="112" x2="184" y2="116" stroke="#8a8a8a"/>
<text x="184" y="128">100</text>
<text x="116" y="143">iteration</text>
</g>
<g class="series" fill="none" stroke="#1f77b4" stroke-linejoin="round">
<title>loss_g: last value 0.25</title>
<polyline stroke-width="2" points="48,12 116,74.5 184,105.75"/>
</g>
<g class="legend" fill="#444444">
<line x1="48" y1="162" x2="66" y2="162" stroke="#1f77b4" stroke-width="2.5"/>
<text x="72" y="162" dy="0.32em">loss_g</text>
</g>
</svg>

"""
}
