/// One chart of the evaluation over training (an inline SVG) with its caption.
public struct EvaluationChart: Equatable, Sendable {
    public var title: String
    public var svg: String

    public init(title: String, svg: String) {
        self.title = title
        self.svg = svg
    }
}
