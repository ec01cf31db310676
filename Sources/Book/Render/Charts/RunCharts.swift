import GAN

/// The charts an experiment block shows, built from its metrics. Columns a run did not log are
/// left out, so older or custom metric files still render.
public enum RunCharts {
    /// Generator loss and the discriminator's loss on real and on generated data.
    /// With the generator loss's equilibrium value for the run's loss when it is known.
    public static func losses(_ metrics: MetricsTable, smoothing: Double = 0.9,
                              equilibrium: Equilibrium = Equilibrium(loss: nil)) -> LineChart {
        var chart = chart("Losses", metrics, [MetricColumn.lossG, MetricColumn.lossDReal, MetricColumn.lossDFake],
                          yLabel: "loss", smoothing: smoothing)
        if metrics.hasColumn(MetricColumn.lossG), let line = equilibrium.generatorLine { chart.referenceLines = [line] }
        return chart
    }

    /// Mean σ(D(x)) and σ(D(G(z))) on a 0–1 scale with the run's equilibrium line (0.5, or α/2
    /// with one-sided label smoothing).
    public static func discriminatorOutputs(_ metrics: MetricsTable, smoothing: Double = 0.9,
                                            equilibrium: Equilibrium = Equilibrium(loss: nil)) -> LineChart {
        var chart = chart("Discriminator outputs", metrics, [MetricColumn.dReal, MetricColumn.dFake],
                          yLabel: "σ(D)", smoothing: smoothing)
        chart.yRange = 0...1
        chart.referenceLines = [equilibrium.discriminatorLine]
        return chart
    }

    /// Gradient norms: G's loss w.r.t. G, G's loss w.r.t. D, D's loss w.r.t. D.
    public static func gradientNorms(_ metrics: MetricsTable, smoothing: Double = 0.9) -> LineChart {
        chart("Gradient norms", metrics, [MetricColumn.gradNormG, MetricColumn.gradNormD, MetricColumn.gradNormDLoss],
              yLabel: "gradient norm", smoothing: smoothing)
    }

    /// Mean and standard deviation of generated and real pixels: how G's images approach the
    /// data's brightness and contrast. Nil when the run did not log them.
    public static func pixelStatistics(_ metrics: MetricsTable, smoothing: Double = 0.9) -> LineChart? {
        let columns = [MetricColumn.fakeMean, MetricColumn.realMean, MetricColumn.fakeStd, MetricColumn.realStd]
        guard columns.allSatisfy(metrics.hasColumn) else { return nil }
        return chart("Pixel statistics", metrics, columns, yLabel: "pixel value", smoothing: smoothing)
    }

    /// The evaluation over training (evaluation.csv), unsmoothed: one chart per group of keys a
    /// run measured (images: fcd; classifier score and classes covered; latent churn. Mixtures:
    /// modes covered by both rules; high-quality share and reverse KL).
    public static func evaluation(_ curves: MetricsTable) -> [(title: String, chart: LineChart)] {
        let groups: [(String, [String], String)] = [
            ("Fréchet classifier distance (fcd)", [EvaluationKey.fcd], "fcd"),
            ("Classifier score and classes covered", [EvaluationKey.classifierScore, EvaluationKey.classesCovered], "of 10"),
            ("Latent churn: share of grid cells whose class changed since the last snapshot", [EvaluationKey.latentChurn], "share"),
            ("Modes covered (≥ 1 and ≥ 20 of 2,500 high-quality samples)",
             [EvaluationKey.modesCovered, EvaluationKey.modesCovered20], "modes"),
            ("High-quality share and reverse KL to uniform", [EvaluationKey.highQualityFraction, EvaluationKey.reverseKL], "value"),
        ]
        return groups.compactMap { title, keys, label in
            guard keys.contains(where: curves.hasColumn) else { return nil }
            return (title, chart(title, curves, keys, yLabel: label, smoothing: 0))
        }
    }

    /// One metric of several runs overlaid, each series named by its run.
    /// Runs without the column are skipped; the epoch axis is shown only when all runs agree on it.
    /// `colors` gives each run its colour (by name) so it matches the run's other charts on the
    /// page; `equilibria`, one per run, draws the equilibrium line when all runs share it.
    public static func comparison(metric: String, runs: [(name: String, metrics: MetricsTable)],
                                  title: String? = nil, smoothing: Double = 0.9, colors: [String: String] = [:],
                                  equilibria: [Equilibrium] = []) -> LineChart {
        let series = runs.enumerated().compactMap { index, run -> ChartSeries? in
            guard let x = run.metrics.column(MetricColumn.iteration), let y = run.metrics.column(metric) else { return nil }
            return ChartSeries(name: run.name, x: x, y: y, color: colors[run.name] ?? ChartPalette.color(index))
        }
        var chart = LineChart(title: title ?? metric, series: series)
        chart.yLabel = metric
        chart.smoothing = smoothing
        let perEpoch = Set(runs.map { $0.metrics.iterationsPerEpoch })
        if perEpoch.count == 1, let only = perEpoch.first { chart.iterationsPerEpoch = only }
        if metric == MetricColumn.dReal || metric == MetricColumn.dFake {
            chart.yRange = 0...1
            // Runs that disagree on α, or say nothing of it, get the unsmoothed game's line.
            chart.referenceLines = [Equilibrium.sharedDiscriminatorLine(equilibria) ?? Equilibrium(loss: nil).discriminatorLine]
        }
        if metric == MetricColumn.lossG, let line = Equilibrium.sharedGeneratorLine(equilibria) { chart.referenceLines = [line] }
        return chart
    }

    private static func chart(_ title: String, _ metrics: MetricsTable, _ columns: [String],
                              yLabel: String, smoothing: Double) -> LineChart {
        let x = metrics.column(MetricColumn.iteration) ?? metrics.column(metrics.columnNames.first ?? "") ?? []
        let series = columns.compactMap { name in
            metrics.column(name).map { ChartSeries(name: name, x: x, y: $0) }
        }
        var chart = LineChart(title: title, series: series)
        chart.yLabel = yLabel
        chart.smoothing = smoothing
        chart.iterationsPerEpoch = metrics.iterationsPerEpoch
        return chart
    }
}
