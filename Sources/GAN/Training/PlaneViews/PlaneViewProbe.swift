import Engine

/// Measures a `PlaneView` at a snapshot: D on a grid over the frame, G's loss differentiated
/// to its samples, G on a z grid. Inference mode throughout; nothing is updated, and no
/// parameter gradient is touched (only input gradients are asked for).
enum PlaneViewProbe {
    /// - Parameter samples: G's inputs of the snapshot (the run's fixed noise), [N, z_dim].
    static func measure(model: GANModel, loss: AdversarialLoss, samples noise: Tensor, extent: Double,
                        iteration: Int, detail: PlaneViewDetail = .full) -> PlaneView {
        precondition(model.sampleShape == [2], "plane views are for 2-D samples")
        let (origins, arrows) = gradients(model, loss, noise, count: detail.arrowSamples)
        let manifold = model.zDim == 2 ? self.manifold(model, side: detail.manifoldSide) : []
        return PlaneView(iteration: iteration, extent: extent, surfaceSide: detail.surfaceSide,
                         surface: surface(model, extent: extent, side: detail.surfaceSide), arrowOrigins: origins,
                         arrows: arrows, manifoldSide: model.zDim == 2 ? detail.manifoldSide : 0, manifold: manifold)
    }

    /// σ(D) at the cell centres; each point is judged as a pack of m copies of itself.
    static func surface(_ model: GANModel, extent: Double, side: Int = PlaneViewDetail.full.surfaceSide) -> [Float] {
        let pack = model.pack
        let input = Tensor(shape: model.discriminatorInputShape(batch: side * side * pack))
        for row in 0..<side {
            for col in 0..<side {
                let x = Float(-extent + (Double(col) + 0.5) * 2 * extent / Double(side))
                let y = Float(extent - (Double(row) + 0.5) * 2 * extent / Double(side))
                let base = (row * side + col) * 2 * pack
                for copy in 0..<pack {
                    input.data[base + 2 * copy] = x
                    input.data[base + 2 * copy + 1] = y
                }
            }
        }
        let logits = model.discriminator.forward(input, training: false)
        return (0..<side * side).map { BinaryCrossEntropyWithLogits.sigmoid(logits.data[$0]) }
    }

    /// The first samples of G(noise) and −∂L_G/∂x at each, scaled by the number of packs so it
    /// is each sample's own gradient rather than its share of a batch mean.
    static func gradients(_ model: GANModel, _ loss: AdversarialLoss, _ noise: Tensor,
                          count samples: Int = PlaneViewDetail.full.arrowSamples) -> (origins: [Float], arrows: [Float]) {
        let pack = model.pack
        let packs = min(samples, noise.rows / pack)
        guard packs > 0 else { return ([], []) }
        let count = packs * pack
        let z = Tensor(shape: [count, model.zDim])
        z.data.update(from: noise.data, count: count * model.zDim)
        let points = model.generator.forward(z, training: false)
        let origins = Array(UnsafeBufferPointer(start: points.data, count: 2 * count))
        let judged = Tensor(viewing: points, shape: model.discriminatorInputShape(batch: count))
        let logits = model.discriminator.forward(judged, training: false)
        let gradient = Tensor(shape: logits.shape)
        _ = loss.generatorLoss(logits: logits, gradient: gradient)
        guard let input = model.discriminator.backward(gradient, needs: .inputOnly) else {
            preconditionFailure("D returned no input gradient")
        }
        let arrows = (0..<2 * count).map { -input.data[$0] * Float(packs) }
        return (origins, arrows)
    }

    /// G on a regular z grid, rows from z₂ high to low.
    static func manifold(_ model: GANModel, side: Int) -> [Float] {
        let extent = PlaneView.zExtent
        let z = Tensor(shape: [side * side, 2])
        for row in 0..<side {
            for col in 0..<side {
                z.data[(row * side + col) * 2] = -extent + 2 * extent * Float(col) / Float(side - 1)
                z.data[(row * side + col) * 2 + 1] = extent - 2 * extent * Float(row) / Float(side - 1)
            }
        }
        let output = model.generator.forward(z, training: false)
        return Array(UnsafeBufferPointer(start: output.data, count: 2 * side * side))
    }
}
