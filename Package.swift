// swift-tools-version:5.10
import PackageDescription

// Dependency cost (first debug build, 2 cores): swift-argument-parser and Yams ~15 s each,
// swift-mustache ~10 s, swift-crypto ~60 s (it compiles BoringSSL's SHA-256 among the rest).
let releaseSpeed: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
]

let package = Package(
    name: "ganbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ganbook", targets: ["ganbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // C libraries, found through pkg-config. Only the named Swift files import each shim.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Our AVX-512 kernels (chosen at run time). Optimised in every configuration: the tests
        // run a debug build, and unoptimised intrinsics code is ~20× slower.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "Engine", dependencies: ["CBLAS", "CKernels"], swiftSettings: releaseSpeed),
        // Each target lists exactly the modules its files import.
        // Diagnostics: the leaf every reader of YAML and every error message goes through.
        .target(name: "Diagnostics", dependencies: ["Yams"]),
        .target(name: "GAN", dependencies: [
            "Diagnostics", "Engine", "CZlib", "Yams", .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: releaseSpeed),
        .target(name: "Notebook", dependencies: ["Diagnostics", "CCmark", "Yams"]),
        .target(name: "Book", dependencies: [
            "Diagnostics", "Notebook", "GAN", "Engine", "CPNG", "Yams",
            .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "ganbook", dependencies: [
            "Book",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Counts heap allocations in the test process (its malloc replaces the C library's).
        .target(name: "AllocationCounter", path: "Tests/AllocationCounter"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "CKernels"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "Yams"]),
        .testTarget(name: "GANTests", dependencies: [
            "GAN", "Engine", "AllocationCounter", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "BookTests", dependencies: ["Book", "GAN", "Notebook"]),
    ]
)
