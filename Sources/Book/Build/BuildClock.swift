import Foundation

/// Seconds since the build started.
struct BuildClock {
    let start = DispatchTime.now().uptimeNanoseconds
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
