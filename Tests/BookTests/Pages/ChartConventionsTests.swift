import XCTest
@testable import Book

/// What a TensorBoard reader relies on: a metric keeps its colour in every chart, the legend says
/// how lines are smoothed, a log axis says so, and the equilibrium lines fit the run's loss.
final class ChartConventionsTests: XCTestCase {
    private let metrics = MetricsTable(columns: [
        (name: "iteration", values: (0..<40).map { Double($0 * 10) }), (name: "epoch", values: (0..<40).map { Double($0) / 10 }),
        (name: "loss_g", values: (0..<40).map { 1 + Double($0 % 3) }), (name: "loss_d_real", values: Array(repeating: 0.6, count: 40)),
        (name: "loss_d_fake", values: Array(repeating: 0.5, count: 40)),
        (name: "d_real", values: Array(repeating: 0.6, count: 40)), (name: "d_fake", values: Array(repeating: 0.4, count: 40)),
        (name: "grad_norm_g", values: (0..<40).map { pow(10, Double($0) / 10) }),
    ])

    private func color(of series: String, in svg: String) -> String? {
        guard let range = svg.range(of: #"stroke="(#[0-9a-f]{6})" stroke-linejoin="round" data-series="\#(series)""#,
                                    options: .regularExpression) else { return nil }
        return String(svg[range].dropFirst(8).prefix(7))
    }

    func testEachMetricHasOneColourAcrossChartsAndNoTwoShareOne() {
        let losses = RunCharts.losses(metrics).svg(), outputs = RunCharts.discriminatorOutputs(metrics).svg()
        XCTAssertEqual(color(of: "loss_d_fake", in: losses), "#d62728")
        XCTAssertEqual(color(of: "d_fake", in: outputs), ChartPalette.metricColors["d_fake"])
        XCTAssertNotEqual(color(of: "d_fake", in: outputs), color(of: "loss_d_fake", in: losses),
                          "red was loss_d_real in one chart and d_fake in the next")
        XCTAssertEqual(Set(ChartPalette.metricColors.values).count, ChartPalette.metricColors.count)
    }

    func testPixelStatisticsChartShowsGeneratedBesideRealAndNeedsAllFourColumns() {
        XCTAssertNil(RunCharts.pixelStatistics(metrics), "a run that did not log pixel statistics has no such chart")
        let pixels = MetricsTable(columns: [
            (name: "iteration", values: [1, 2, 3]), (name: "fake_mean", values: [0.5, 0.3, 0.15]),
            (name: "fake_std", values: [0.1, 0.2, 0.3]), (name: "real_mean", values: [0.13, 0.13, 0.13]),
            (name: "real_std", values: [0.31, 0.31, 0.31]),
        ])
        let svg = try! XCTUnwrap(RunCharts.pixelStatistics(pixels)).svg()
        for column in ["fake_mean", "fake_std", "real_mean", "real_std"] {
            XCTAssertEqual(color(of: column, in: svg), ChartPalette.metricColors[column], column)
        }
    }

    func testLegendStatesTheSmoothingAndALogAxisIsMarked() {
        let losses = RunCharts.losses(metrics, smoothing: 0.6).svg()
        XCTAssertTrue(losses.contains(">faint: raw · bold: EMA 0.6</text>"), losses)
        XCTAssertTrue(losses.contains(#"class="raw""#) && losses.contains(#"class="smoothed""#))
        XCTAssertFalse(losses.contains("log scale"))
        let norms = RunCharts.gradientNorms(metrics).svg()
        XCTAssertTrue(norms.contains(">log scale</text>") && norms.contains("gradient norm (log scale)"), norms)
        XCTAssertTrue(norms.contains(#"data-y-log="10""#))
        let raw = RunCharts.losses(metrics, smoothing: 0).svg()
        XCTAssertFalse(raw.contains("EMA"), "no smoothing, no smoothing legend")
    }

    func testChartsCarryTheGeometryThePageScriptReadsValuesBackWith() {
        let svg = RunCharts.discriminatorOutputs(metrics).svg()
        let root = SVGWellFormed.rootAttributes(of: svg)
        XCTAssertEqual(root["data-x"], "0 390")
        XCTAssertEqual(root["data-y"], "0 1")
        XCTAssertEqual(root["data-plot"]?.split(separator: " ").count, 4)
    }

    func testEquilibriumLinesFollowTheLossAndLabelSmoothing() {
        let plain = Equilibrium(loss: .nonSaturating)
        XCTAssertEqual(plain.discriminatorOutput, 0.5)
        XCTAssertEqual(plain.generatorLoss!, log(2), accuracy: 1e-12)
        XCTAssertEqual(plain.generatorLine?.label, "loss_g equilibrium log 2 ≈ 0.6931")
        let minimax = Equilibrium(loss: .minimax)
        XCTAssertEqual(minimax.generatorLoss!, -log(2), accuracy: 1e-12)
        XCTAssertEqual(minimax.generatorLine?.label, "loss_g equilibrium −log 2 ≈ -0.6931")
        let smoothed = Equilibrium(loss: .nonSaturating, realTarget: 0.9)
        XCTAssertEqual(smoothed.discriminatorOutput, 0.45, accuracy: 1e-12)
        XCTAssertEqual(smoothed.generatorLoss!, -log(0.45), accuracy: 1e-12)
        XCTAssertEqual(smoothed.discriminatorLine.label, "equilibrium α/2 = 0.45 (α = 0.9)")
        XCTAssertEqual(Equilibrium(loss: .minimax, realTarget: 0.9).generatorLoss!, log(0.55), accuracy: 1e-12)

        XCTAssertEqual(RunCharts.discriminatorOutputs(metrics, equilibrium: smoothed).referenceLines.map(\.value), [0.45])
        XCTAssertEqual(RunCharts.losses(metrics, equilibrium: minimax).referenceLines.map(\.value), [-log(2)])
        XCTAssertEqual(RunCharts.losses(metrics).referenceLines, [], "no line when the loss is unknown")
        let mixed = RunCharts.comparison(metric: "d_real", runs: [(name: "a", metrics: metrics), (name: "b", metrics: metrics)],
                                         equilibria: [plain, smoothed])
        XCTAssertEqual(mixed.referenceLines.map(\.value), [0.5], "runs that disagree get the unsmoothed line")
        let lossesOnly = RunCharts.comparison(metric: "d_real", runs: [(name: "a", metrics: metrics), (name: "b", metrics: metrics)],
                                              equilibria: [smoothed, Equilibrium(loss: .minimax, realTarget: 0.9)])
        XCTAssertEqual(lossesOnly.referenceLines.map(\.value), [0.45], "runs of two losses share σ(D)'s α/2")
        XCTAssertEqual(RunCharts.comparison(metric: "loss_g", runs: [(name: "a", metrics: metrics)],
                                            equilibria: [smoothed, Equilibrium(loss: .minimax, realTarget: 0.9)]).referenceLines,
                       [], "two losses, two loss_g equilibria: no line")
        let same = RunCharts.comparison(metric: "loss_g", runs: [(name: "a", metrics: metrics), (name: "b", metrics: metrics)],
                                        colors: ["b": "#123456"], equilibria: [minimax, minimax])
        XCTAssertEqual(same.referenceLines.map(\.value), [-log(2)])
        XCTAssertEqual(same.series.map(\.color), ["#1f77b4", "#123456"])
    }
}
