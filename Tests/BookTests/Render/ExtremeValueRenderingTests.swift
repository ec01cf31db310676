import XCTest
import Foundation
@testable import Book

/// Numbers from a diverged run or a damaged cache file (NaN, ±∞, ±1e308, 1e300) become pixels,
/// ticks and text without trapping, at every helper where a Double turns into an Int or a label.
final class ExtremeValueRenderingTests: XCTestCase {
    static let extremes: [Double] = [.nan, .infinity, -.infinity, 1e308, -1e308, .greatestFiniteMagnitude,
                                     -.greatestFiniteMagnitude, 1e300, 5e-324, -5e-324, 0, 1e-310, 1e19, -1e19]

    func testLinearTicksAcceptAnyBounds() {
        for lower in Self.extremes {
            for upper in Self.extremes {
                for expand in [true, false] {
                    let ticks = AxisTicks.linear(lower: lower, upper: upper, expand: expand)
                    XCTAssertLessThan(ticks.scale.lower, ticks.scale.upper, "[\(lower), \(upper)]")
                    XCTAssertTrue(ticks.scale.lower.isFinite && ticks.scale.upper.isFinite, "[\(lower), \(upper)]")
                    XCTAssertLessThanOrEqual(ticks.values.count, AxisTicks.maximumTickCount + 1)
                    XCTAssertEqual(ticks.values.count, ticks.labels.count)
                    XCTAssertTrue(ticks.labels.allSatisfy { $0.count < 24 }, "\(ticks.labels)")
                }
            }
        }
    }

    func testLogarithmicTicksAcceptAnyBounds() {
        for lower in Self.extremes {
            for upper in Self.extremes {
                let ticks = AxisTicks.logarithmic(lower: lower, upper: upper)
                XCTAssertLessThan(ticks.scale.lower, ticks.scale.upper, "[\(lower), \(upper)]")
                XCTAssertGreaterThan(ticks.scale.lower, 0)
                XCTAssertTrue(ticks.scale.upper.isFinite)
            }
        }
    }

    func testHugeRangeGetsExponentLabels() {
        let ticks = AxisTicks.linear(lower: -1e308, upper: 1e308, expand: true)
        XCTAssertEqual(ticks.scale.lower, -1e300, accuracy: 1e286)
        XCTAssertTrue(ticks.labels.contains("0"), "\(ticks.labels)")
        XCTAssertTrue(ticks.labels.contains { $0.contains("e+") }, "\(ticks.labels)")
    }

    func testNiceStepOfAnyNumber() {
        for rough in Self.extremes {
            let step = AxisTicks.niceStep(for: rough)
            XCTAssertTrue(step.isFinite && step > 0, "\(rough) → \(step)")
        }
    }

    func testTickLabelsOfAnyNumber() {
        for value in Self.extremes {
            for step in Self.extremes {
                XCTAssertLessThan(TickLabel.format(value, step: step).count, 24, "\(value) step \(step)")
            }
        }
    }

    func testSVGNumbersOfAnyDouble() {
        XCTAssertEqual(SVGNumber.format(.nan), "0")
        XCTAssertEqual(SVGNumber.format(.infinity), "1000000000000000")
        XCTAssertEqual(SVGNumber.format(-.infinity), "-1000000000000000")
        XCTAssertEqual(SVGNumber.format(-1e308), "-1000000000000000")
        XCTAssertEqual(SVGNumber.format(12.345), "12.35")
        XCTAssertEqual(SVGNumber.format(-0.001), "0")
    }

    func testDurationsOfAnyDouble() {
        XCTAssertEqual(DurationText.format(seconds: 1e300), "2.78e+296 h")
        XCTAssertEqual(DurationText.format(seconds: .greatestFiniteMagnitude), "4.99e+304 h")
        XCTAssertEqual(DurationText.format(seconds: 1e19), "2.78e+15 h")
        XCTAssertEqual(DurationText.format(seconds: .infinity), "—")
        XCTAssertEqual(DurationText.format(seconds: .nan), "—")
        XCTAssertEqual(DurationText.format(seconds: 192.4), "3 min 12 s")
        XCTAssertEqual(DurationText.format(seconds: 7300), "2 h 02 min")
    }

    /// Points that are not finite or lie far away are counted as outside, never drawn inside,
    /// never a crash; a frame that is not finite or empty still draws.
    func testPlanePictureWithPointsThatAreNotFiniteOrFar() {
        let points: [Float] = [.nan, .nan, .infinity, 0, 0, -.infinity, 1e38, -1e38, 0.5, 0.5]
        let picture = PlanePicture(extent: 3, generated: points, centers: [SIMD2(.nan, 1), SIMD2(1, 0)])
        XCTAssertEqual(picture.outsideCount, 4)
        _ = picture.draw()
        _ = PlanePicture(extent: .nan, generated: [1, 1]).draw()
        _ = PlanePicture(extent: 0, generated: [1, 1]).draw()
    }

    func testSampleGridOfNotFiniteValues() {
        let grid = SampleGrid.tile([.nan, .infinity, -.infinity, 0.5], count: 1, channels: 1, height: 2, width: 2)
        XCTAssertEqual(grid.width, 4)
    }

    func testLineChartWithExtremeAndNotFiniteValues() {
        let x: [Double] = (0..<40).map(Double.init)
        func series(_ value: (Int) -> Double) -> [Double] { (0..<40).map(value) }
        var cases: [[Double]] = [series { _ in 1e308 }, series { $0 % 2 == 0 ? 1e308 : -1e308 }]
        cases.append(series { $0 < 20 ? 0.5 : .nan })
        cases.append(series { $0 < 20 ? 0.5 : .infinity })
        cases.append(series { $0 % 3 == 0 ? -.infinity : 1e-320 })
        cases.append(series { _ in .nan })
        cases.append(series { Double($0) * 1e306 })
        cases.append(series { pow(10, Double($0 * 15 - 300)) })
        for values in cases {
            for scale in [AxisScaleChoice.automatic, .linear, .logarithmic] {
                var chart = LineChart(title: "t", series: [ChartSeries(name: "s", x: x, y: values),
                                                           ChartSeries(name: "n", x: values, y: x)])
                chart.yScale = scale
                chart.iterationsPerEpoch = 1e-300
                chart.referenceLines = [ReferenceLine(value: 1e308, label: "far")]
                let svg = chart.svg()
                XCTAssertNil(svg.range(of: #"="[^"]*(nan|inf)"#, options: [.regularExpression, .caseInsensitive]),
                             "every attribute is a number SVG reads: \(svg)")
                _ = SVGWellFormed.elements(of: svg)
            }
        }
    }

    func testScatterPlotWithExtremeValues() {
        let plot = ScatterPlot(title: "p", sets: [
            ScatterSet(name: "g", x: [1e308, -1e308, .nan, 0], y: [.infinity, 1e308, 0, -1e308], marker: .dot),
            ScatterSet(name: "m", x: [1], y: [0], marker: .ring),
        ])
        let svg = plot.svg()
        XCTAssertNil(svg.range(of: #"="[^"]*(nan|inf)"#, options: [.regularExpression, .caseInsensitive]), svg)
        _ = SVGWellFormed.elements(of: svg)
    }

    /// A cache entry whose run.json says 1e300 seconds on 1e300 threads and whose metrics hold
    /// ±1e308, NaN and infinities renders as an experiment block.
    func testEntryWithExtremeNumbersRenders() throws {
        let fixture = try RunEntryFixture()
        defer { fixture.cleanUp() }
        try fixture.write("run.json", """
        {"images_per_second": 1e300, "threads": 1e300, "wall_seconds": 1e300, "iterations": -1e308}
        """)
        var csv = "iteration,epoch,loss_g,loss_d_real,loss_d_fake,d_real,d_fake,grad_norm_g,grad_norm_d,grad_norm_d_loss\n"
        let extremes = ["1e308", "-1e308", "nan", "inf", "-inf", "1.7976931348623157e308", "5e-324", "0"]
        for row in 0..<40 {
            let fields = (0..<8).map { extremes[($0 + row) % extremes.count] }
            csv += "\(row % 3 == 0 ? "1e300" : String(row * 10)),\(extremes[row % extremes.count]),\(fields.joined(separator: ","))\n"
        }
        try fixture.write("metrics.csv", csv)
        try fixture.write("eval.json", #"{"fcd": 1e308, "final_d_fake": null, "modes_covered": -1e308}"#)
        try fixture.write("samples/points.csv", "x,y\n1e308,nan\ninf,-inf\nnull,0\n0.5,0.5\n")
        let view = try ExperimentViewBuilder().build(runID: "r", caption: nil, folder: fixture.folder)
        XCTAssertEqual(view.provenance.threads, "1e+300 threads")
        XCTAssertEqual(view.provenance.wallTime, "2.78e+296 h")
        for svg in [view.lossChartSVG, view.discriminatorChartSVG, view.gradientChartSVG, view.scatterSVG ?? ""] {
            _ = SVGWellFormed.elements(of: svg)
        }
        let table = try TableViewBuilder.build(title: nil, columns: ["loss_g", "wall_seconds", "images_per_second", "fcd"],
                                               runs: [(runID: "r", entry: RunEntry.load(from: fixture.folder))],
                                               file: "p.md", line: 1)
        XCTAssertEqual(table.rows.count, 1)
    }
}
