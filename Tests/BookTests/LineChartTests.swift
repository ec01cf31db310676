import XCTest
@testable import Book

final class LineChartTests: XCTestCase {
    func testTinyChartExactOutput() {
        var chart = LineChart(title: "Tiny <chart>", series: [ChartSeries(name: "loss_g", x: [0, 50, 100], y: [1, 0.5, 0.25])])
        chart.width = 200
        chart.plotHeight = 100
        XCTAssertEqual(chart.svg(), Self.tinyGolden)
    }

    func testWellFormedWithTooltipsLegendEpochAxisAndReferenceLine() {
        let iterations = (0...400).map { Double($0 * 50) }
        var chart = LineChart(title: "D outputs", series: [
            ChartSeries(name: "d_real", x: iterations, y: iterations.map { 0.5 + 0.3 * exp(-$0 / 5000) }),
            ChartSeries(name: "d_fake", x: iterations, y: iterations.map { 0.5 - 0.3 * exp(-$0 / 5000) }),
        ])
        chart.iterationsPerEpoch = 937.5
        chart.yRange = 0...1
        chart.referenceLines = [ReferenceLine(value: 0.5, label: "0.5 equilibrium")]
        let svg = chart.svg()
        let elements = SVGWellFormed.elements(of: svg)
        XCTAssertEqual(elements.first, "svg")
        XCTAssertEqual(elements.filter { $0 == "title" }.count, 2)
        // Raw line and smoothed line per series.
        XCTAssertEqual(elements.filter { $0 == "polyline" }.count, 4)
        XCTAssertTrue(svg.contains("<title>d_real: last value 0.5055</title>"), svg)
        XCTAssertTrue(svg.contains("stroke-dasharray=\"5 4\""))
        XCTAssertTrue(svg.contains(">0.5 equilibrium</text>"))
        XCTAssertTrue(svg.contains(">epoch</text>"))
        XCTAssertTrue(svg.contains(">10k</text>"))
        XCTAssertTrue(svg.contains(">20</text>"), "epoch tick 20")
        XCTAssertNotNil(SVGWellFormed.rootAttributes(of: svg)["viewBox"])
        XCTAssertEqual(chart.svg(), svg, "output must be deterministic")
    }

    func testEachBandTakesTheColourOfItsLine() {
        let x: [Double] = [0, 50, 100]
        var chart = LineChart(title: "σ(D)", series: [
            ChartSeries(name: "d_real", x: x, y: [0.6, 0.7, 0.8]),
            ChartSeries(name: "d_fake", x: x, y: [0.4, 0.3, 0.2]),
            ChartSeries(name: "minimax", x: x, y: [1, 2, 3], color: "#123456"),
        ])
        chart.bands = (0..<3).map { ChartBand(seriesIndex: $0, x: x, low: chart.series[$0].y.map { $0 - 0.05 },
                                                 high: chart.series[$0].y.map { $0 + 0.05 }) }
        let svg = chart.svg()
        let bandFills = svg.components(separatedBy: "<polygon").dropFirst().compactMap { element -> String? in
            guard element.contains("class=\"band\""), let start = element.range(of: "fill=\"") else { return nil }
            return String(element[start.upperBound...].prefix { $0 != "\"" })
        }
        XCTAssertEqual(bandFills, (0..<3).map { chart.color(of: $0) })
        XCTAssertNotEqual(chart.color(of: 0), ChartPalette.color(0), "d_real has its own colour, not the palette's first")
    }

    func testLongSeriesAreThinnedAndCoordinatesHaveAtMostTwoDecimals() {
        let x = (0..<20_000).map(Double.init)
        let chart = LineChart(title: "long", series: [ChartSeries(name: "a", x: x, y: x.map { sin($0 / 100) / 3 })])
        let svg = chart.svg()
        for line in svg.split(separator: "\n") where line.hasPrefix("<polyline") {
            let points = line.split(separator: "\"")[line.split(separator: "\"").count - 2]
            XCTAssertLessThanOrEqual(points.split(separator: " ").count, 600)
        }
        let decimals = try! NSRegularExpression(pattern: "=\"[^\"]*\\d\\.\\d{3}")
        XCTAssertEqual(decimals.numberOfMatches(in: svg, range: NSRange(svg.startIndex..., in: svg)), 0)
    }

    func testALineInManyPiecesSharesOnePointBudget() {
        // 20,000 values with a gap every 1,000: twenty pieces, not twenty times the budget.
        let x = (0..<20_000).map(Double.init)
        let y = x.map { Int($0) % 1_000 == 999 ? Double.nan : sin($0 / 100) / 3 }
        var chart = LineChart(title: "gappy", series: [ChartSeries(name: "a", x: x, y: y)])
        chart.smoothing = 0
        let svg = chart.svg()
        let pieces = svg.split(separator: "\n").filter { $0.hasPrefix("<polyline") }
        XCTAssertEqual(pieces.count, 20)
        let total = pieces.map { line -> Int in
            let parts = line.split(separator: "\"")
            return parts[parts.count - 2].split(separator: " ").count
        }.reduce(0, +)
        XCTAssertLessThanOrEqual(total, 600, "points over all pieces")
        XCTAssertGreaterThan(total, 400, "each piece keeps its share")
    }

    func testAutomaticLogScaleForGradientNormsSpanningDecades() {
        let x = (0..<100).map { Double($0 * 10) }
        let spanning = LineChart(title: "g", series: [ChartSeries(name: "grad_norm_g", x: x, y: x.map { 0.01 + $0 })])
        XCTAssertTrue(spanning.usesLogarithmicScale)
        XCTAssertTrue(spanning.svg().contains(">0.01</text>"))
        let narrow = LineChart(title: "g", series: [ChartSeries(name: "loss", x: x, y: x.map { 1 + $0 / 1000 })])
        XCTAssertFalse(narrow.usesLogarithmicScale)
        var forced = narrow
        forced.yScale = .logarithmic
        XCTAssertTrue(forced.usesLogarithmicScale)
    }

    func testNonFiniteValuesAreSkippedAndTextIsEscaped() {
        let chart = LineChart(title: "a&b", series: [ChartSeries(name: "<x>", x: [0, 1, 2, 3], y: [1, .nan, .infinity, 2])])
        let svg = chart.svg()
        XCTAssertFalse(SVGWellFormed.elements(of: svg).isEmpty)
        XCTAssertTrue(svg.contains("aria-label=\"a&amp;b\""))
        XCTAssertTrue(svg.contains("<title>&lt;x&gt;: last value 2</title>"))
        XCTAssertFalse(svg.contains("nan"))
    }

    func testALineBreaksWhereValuesAreMissingInsteadOfBridgingThem() {
        let chart = LineChart(title: "reverse KL", series: [
            ChartSeries(name: "reverse_kl", x: [1000, 2000, 3000, 4000, 5000, 6000, 7000],
                        y: [0.5, .nan, 2.08, .nan, 0.2, 0.1, 0.05]),
        ])
        let svg = chart.svg()
        let lines = svg.components(separatedBy: "<polyline").dropFirst()
        XCTAssertEqual(lines.count, 1, "one line, over the last run of three values: \(svg)")
        XCTAssertEqual(svg.components(separatedBy: "<circle class=\"point\"").count - 1, 2, "the lone values are dots")
        XCTAssertEqual(LineChart.drawableSegments(chart.series[0], logarithmic: false).map(\.x),
                       [[1000], [3000], [5000, 6000, 7000]])
    }

    func testChartsWithoutDataStillRenderAFrame() {
        let empty = LineChart(title: "nothing", series: []).svg()
        XCTAssertEqual(SVGWellFormed.elements(of: empty).filter { $0 == "polyline" }.count, 0)
        let allNaN = LineChart(title: "diverged", series: [ChartSeries(name: "loss_g", x: [0, 1], y: [.nan, .nan])]).svg()
        XCTAssertTrue(allNaN.contains("<title>loss_g: last value NaN</title>"))
        XCTAssertEqual(SVGWellFormed.elements(of: allNaN).filter { $0 == "polyline" }.count, 0)
    }

    func testRunChartsPickTheirColumnsAndSkipMissingOnes() {
        let metrics = MetricsTable(columns: [
            (name: "iteration", values: [0, 100]), (name: "epoch", values: [0, 1]),
            (name: "loss_g", values: [1, 2]), (name: "loss_d_real", values: [1, 1]),
            (name: "d_real", values: [0.6, 0.5]), (name: "d_fake", values: [0.4, 0.5]),
        ])
        XCTAssertEqual(RunCharts.losses(metrics).series.map(\.name), ["loss_g", "loss_d_real"])
        let outputs = RunCharts.discriminatorOutputs(metrics)
        XCTAssertEqual(outputs.series.map(\.name), ["d_real", "d_fake"])
        XCTAssertEqual(outputs.referenceLines.map(\.value), [0.5])
        XCTAssertEqual(outputs.iterationsPerEpoch, 100)
        XCTAssertEqual(RunCharts.gradientNorms(metrics).series.count, 0)
        let compare = RunCharts.comparison(metric: "loss_g", runs: [(name: "a", metrics: metrics), (name: "b", metrics: metrics)])
        XCTAssertEqual(compare.series.map(\.name), ["a", "b"])
    }

    func testScatterPlotIsWellFormedWithEqualAxes() {
        let angles = (0..<8).map { Double($0) * .pi / 4 }
        let plot = ScatterPlot(title: "ring8", sets: [
            ScatterSet(name: "generated", x: [0.1, 1.9, -2], y: [2, 0.1, 0], marker: .dot),
            ScatterSet(name: "real modes", x: angles.map { 2 * cos($0) }, y: angles.map { 2 * sin($0) }, marker: .ring),
        ])
        let svg = plot.svg()
        let elements = SVGWellFormed.elements(of: svg)
        XCTAssertEqual(elements.filter { $0 == "circle" }.count, 3 + 8 + 2)
        XCTAssertTrue(svg.contains("<title>real modes: 8 points</title>"))
        XCTAssertTrue(svg.contains(">-2</text>") && svg.contains(">2</text>"))
    }
}
