import Foundation

/// Linux's renameat2(RENAME_EXCHANGE): swaps two paths in one step. Looked up at run time
/// (glibc 2.28+), since Swift's Glibc module does not declare it; unavailable elsewhere.
enum RenameExchange {
    private typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: Function? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()

    /// True when both paths were exchanged.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let atCurrentFolder: Int32 = -100  // AT_FDCWD
        let exchangeFlag: UInt32 = 2      // RENAME_EXCHANGE
        return renameat2(atCurrentFolder, a, atCurrentFolder, b, exchangeFlag) == 0
    }
}
