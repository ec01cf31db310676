/// One token of a claim, with its 0-based character offset.
struct ClaimToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case reference(String)
        case function(ClaimAggregate)
        case op(Character)
        case comparison(ClaimComparison)
        case range
        case open, close
    }

    let kind: Kind
    let offset: Int
}
