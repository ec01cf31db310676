/// Reads a claim: `expression comparison expression`, or `expression within a..b` (an
/// `expect:` condition written as a range). Expressions hold numbers, references, `mean(…)`,
/// `min`, `max`, `std`, + − × ÷ and parentheses.
struct ClaimParser {
    private let tokens: [ClaimToken]
    private let length: Int
    private var position = 0

    init(_ text: String) throws {
        tokens = try ClaimLexer(text).tokens()
        length = text.count
    }

    /// A whole claim such as `plain.modes_covered < pack4.modes_covered`.
    static func claim(_ text: String) throws -> ClaimForm {
        var parser = try ClaimParser(text)
        let left = try parser.expression()
        guard let token = parser.peek, case .comparison(let comparison) = token.kind else {
            throw ClaimSyntaxError(message: parser.peek == nil ? "the claim has no comparison" : "expected a comparison here",
                                   offset: parser.peek?.offset ?? parser.length, hint: "compare two values with < <= > >= == or !=")
        }
        parser.position += 1
        let right = try parser.expression()
        try parser.expectEnd()
        return .compare(left, comparison, right)
    }

    /// An `expect:` condition on `subject`: `>= 7`, `< 0.5 * d_real@last`, or a range `0.4..0.8`.
    static func condition(_ text: String, subject: ClaimExpression) throws -> ClaimForm {
        var parser = try ClaimParser(text)
        if let token = parser.peek, case .comparison(let comparison) = token.kind {
            parser.position += 1
            let right = try parser.expression()
            try parser.expectEnd()
            return .compare(subject, comparison, right)
        }
        let low = try parser.expression()
        guard let token = parser.peek, token.kind == .range else {
            throw ClaimSyntaxError(message: "expected a comparison (>= 7) or a range (0.4..0.8)", offset: parser.peek?.offset ?? 0,
                                   hint: "e.g. \">= 7\", \"< 20\" or \"0.4..0.8\"")
        }
        parser.position += 1
        let high = try parser.expression()
        try parser.expectEnd()
        return .within(subject, low, high)
    }

    private var peek: ClaimToken? { position < tokens.count ? tokens[position] : nil }

    private func expectEnd() throws {
        if let token = peek { throw ClaimSyntaxError(message: "unexpected text after the claim", offset: token.offset) }
    }

    private mutating func expression() throws -> ClaimExpression {
        var left = try term()
        while let token = peek, case .op(let op) = token.kind, op == "+" || op == "-" {
            position += 1
            left = .binary(op, left, try term())
        }
        return left
    }

    private mutating func term() throws -> ClaimExpression {
        var left = try unary()
        while let token = peek, case .op(let op) = token.kind, op == "*" || op == "/" {
            position += 1
            left = .binary(op, left, try unary())
        }
        return left
    }

    private mutating func unary() throws -> ClaimExpression {
        if let token = peek, token.kind == .op("-") {
            position += 1
            return .negate(try unary())
        }
        return try primary()
    }

    private mutating func primary() throws -> ClaimExpression {
        guard let token = peek else {
            throw ClaimSyntaxError(message: "expected a value or a number at the end", offset: length)
        }
        position += 1
        switch token.kind {
        case .number(let value): return .number(value)
        case .reference(let text): return .value(try ReferenceParser.parse(text, offset: token.offset, allowFormat: false))
        case .function(let function):
            guard let open = peek, open.kind == .open else { throw ClaimSyntaxError(message: "expected (", offset: token.offset) }
            position += 1
            guard let inner = peek, case .reference(let text) = inner.kind else {
                throw ClaimSyntaxError(message: "\(function.rawValue)(…) takes one value such as mbd.modes_covered",
                                       offset: peek?.offset ?? length)
            }
            position += 1
            guard let close = peek, close.kind == .close else {
                throw ClaimSyntaxError(message: "expected ) after \(text)", offset: peek?.offset ?? length)
            }
            position += 1
            return .aggregate(function, try ReferenceParser.parse(text, offset: inner.offset, allowFormat: false))
        case .open:
            let inner = try expression()
            guard let close = peek, close.kind == .close else {
                throw ClaimSyntaxError(message: "expected )", offset: peek?.offset ?? length, hint: "a parenthesis opened here is not closed")
            }
            position += 1
            return inner
        default:
            throw ClaimSyntaxError(message: "expected a value or a number", offset: token.offset)
        }
    }
}
