// swift-tools-version:5.10
import PackageDescription

// Dependency cost (first debug build, 2 cores): swift-argument-parser and Yams ~15 s each,
// swift-mustache ~10 s, FlyingFox (the preview server; no dependencies of its own) ~40 s of CPU.
// SHA-256 comes from the system's libcrypto: swift-crypto compiled BoringSSL (and swift-asn1)
// for it. Clean debug build, CPU time (user + sys) on a loaded 2-core machine: 6 min 32 s with
// swift-crypto, 1 min 51 s with libcrypto, 2 min 35 s with FlyingFox and `serve` added.
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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),  // @ParentCommand
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries, found through pkg-config. Only the named Swift files import each shim.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Our AVX-512 kernels (chosen at run time). Optimised in every configuration: the tests
        // run a debug build, and unoptimised intrinsics code is ~20× slower.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "Engine", dependencies: ["CBLAS", "CKernels"], swiftSettings: releaseSpeed),
        // Each target lists exactly the modules its files import.
        // Diagnostics: the leaf every reader of YAML and every error message goes through.
        .target(name: "Diagnostics", dependencies: ["Yams"]),
        .target(name: "GAN", dependencies: [
            "Diagnostics", "Engine", "CZlib", "CCrypto", "Yams",
        ], swiftSettings: releaseSpeed),
        .target(name: "Notebook", dependencies: ["Diagnostics", "CCmark", "Yams"]),
        .target(name: "Book", dependencies: [
            "Diagnostics", "Notebook", "GAN", "Engine", "CPNG", "Yams",
            .product(name: "Mustache", package: "swift-mustache"),
        ], plugins: ["SourceCommit"]),
        // Writes the commit the sources are built from into Book (run provenance).
        .plugin(name: "SourceCommit", capability: .buildTool()),
        // The preview server (`ganbook serve`), above Book: only it imports the HTTP package.
        .target(name: "Preview", dependencies: ["Book", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(name: "ganbook", dependencies: [
            "Book", "Preview",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Counts heap allocations in the test process (its malloc replaces the C library's).
        .target(name: "AllocationCounter", path: "Tests/AllocationCounter"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "CKernels"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "Yams"]),
        .testTarget(name: "GANTests", dependencies: [
            "GAN", "Engine", "AllocationCounter",
        ]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "BookTests", dependencies: ["Book", "GAN", "Notebook"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", .product(name: "FlyingFox", package: "FlyingFox")]),
    ]
)
