/// Where each parameter's state lives in an optimizer's arrays, found by identity.
struct ParameterSlots {
    private let slots: [ObjectIdentifier: Int]

    init(_ parameters: [Parameter]) {
        var slots: [ObjectIdentifier: Int] = [:]
        for (index, p) in parameters.enumerated() { slots[ObjectIdentifier(p)] = index }
        self.slots = slots
    }

    /// The parameter's slot, or nil when it is not one of this optimizer's.
    func slot(of parameter: Parameter) -> Int? { slots[ObjectIdentifier(parameter)] }

    subscript(_ parameter: Parameter) -> Int {
        guard let slot = slots[ObjectIdentifier(parameter)] else {
            preconditionFailure("parameter \(parameter.name) is not one of this optimizer's")
        }
        return slot
    }
}
