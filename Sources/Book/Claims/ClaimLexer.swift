/// Splits a claim into tokens. A reference runs from a letter over letters, digits, `_`, `.`,
/// `-`, a `[...]` child label and an `@window(...)` (a notebook value, its `(page)`): an operator
/// after one needs a space before it.
struct ClaimLexer {
    let characters: [Character]

    init(_ text: String) { characters = Array(text) }

    func tokens() throws -> [ClaimToken] {
        var tokens: [ClaimToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" { index += 1; continue }
            if character == "(" { tokens.append(ClaimToken(kind: .open, offset: index)); index += 1; continue }
            if character == ")" { tokens.append(ClaimToken(kind: .close, offset: index)); index += 1; continue }
            if let op = ClaimLexer.operators[character] { tokens.append(ClaimToken(kind: .op(op), offset: index)); index += 1; continue }
            if character == ".", index + 1 < characters.count, characters[index + 1] == "." {
                tokens.append(ClaimToken(kind: .range, offset: index)); index += 2; continue
            }
            if let (spelling, comparison) = ClaimComparison.spellings.first(where: { matches($0.0, at: index) }) {
                tokens.append(ClaimToken(kind: .comparison(comparison), offset: index))
                index += spelling.count
                continue
            }
            if character.isNumber || character == "." {
                let start = index
                index = numberEnd(from: index)
                let text = String(characters[start..<index])
                guard let value = Double(text) else {
                    throw ClaimSyntaxError(message: "'\(text)' is not a number", offset: start)
                }
                tokens.append(ClaimToken(kind: .number(value), offset: start))
                continue
            }
            if character.isLetter || character == "_" {
                let start = index
                index = referenceEnd(from: index)
                let text = String(characters[start..<index])
                if index < characters.count, characters[index] == "(", let function = ClaimAggregate(rawValue: text) {
                    tokens.append(ClaimToken(kind: .function(function), offset: start))
                } else {
                    tokens.append(ClaimToken(kind: .reference(text), offset: start))
                }
                continue
            }
            throw ClaimSyntaxError(message: "unexpected '\(character)'", offset: index,
                                   hint: "a claim holds values (run.key), numbers, + − × ÷, parentheses and one comparison (< <= > >= == !=)")
        }
        return tokens
    }

    static let operators: [Character: Character] = ["+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/"]

    private func matches(_ spelling: String, at index: Int) -> Bool {
        let wanted = Array(spelling)
        return index + wanted.count <= characters.count && Array(characters[index..<(index + wanted.count)]) == wanted
    }

    private func numberEnd(from start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index].isNumber { index += 1 }
        if index + 1 < characters.count, characters[index] == ".", characters[index + 1] != "." {
            index += 1
            while index < characters.count, characters[index].isNumber { index += 1 }
        }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var next = index + 1
            if next < characters.count, characters[next] == "+" || characters[next] == "-" { next += 1 }
            if next < characters.count, characters[next].isNumber {
                index = next
                while index < characters.count, characters[index].isNumber { index += 1 }
            }
        }
        return index
    }

    private func referenceEnd(from start: Int) -> Int {
        var index = start
        var depth = 0
        while index < characters.count {
            let character = characters[index]
            if depth > 0 {
                if character == "]" || character == ")" { depth -= 1 }
                if character == "[" || character == "(" { depth += 1 }
                index += 1
                continue
            }
            if character.isLetter || character.isNumber || character == "_" || character == "-" || character == "@" {
                index += 1
            } else if character == ".", !(index + 1 < characters.count && characters[index + 1] == ".") {
                index += 1
            } else if character == "[" {
                depth += 1; index += 1
            } else if character == "(", characters[start..<index].contains("@")
                        || NotebookMeasure(rawValue: String(characters[start..<index])) != nil {
                // A window's argument, or the page of a notebook value: training_time(*).
                depth += 1; index += 1
            } else {
                break
            }
        }
        return index
    }
}
