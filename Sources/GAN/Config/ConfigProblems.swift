/// The problems found so far in one configuration, so the decoder reports all of them at once
/// (like a compiler) rather than stopping at the first.
final class ConfigProblems {
    private(set) var list: [GANError] = []

    func add(_ error: GANError) {
        list += error.all
    }

    /// `body`'s value, or nil with its error recorded.
    func attempt<T>(_ body: () throws -> T?) -> T? {
        do {
            return try body()
        } catch let error as GANError {
            add(error)
        } catch {
            add(GANError(kind: .invalidValue, file: "", message: "\(error)"))
        }
        return nil
    }

    /// Throws every problem recorded, the first carrying the others.
    func throwIfAny() throws {
        if let error = GANError.combined(list) { throw error }
    }
}
