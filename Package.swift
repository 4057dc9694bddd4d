// swift-tools-version:6.1
import PackageDescription

// Layering (arrows point down only):
//   nodeplan CLI
//   NodePlanAgent / NodePlanServer / NodePlanClient
//   NodePlanWire (frames, zstd, protobuf <-> model)      NodePlanKube (kubectl YAML/JSON -> model)
//   NodePlanReport (tables, JSON/YAML, HTML)
//   NodePlanSolver (pure) -> NodePlanValidator (independent checker, model only)
//   NodePlanCatalog (Azure SKUs, prices, AKS overhead)
//   NodePlanModel (pure values)
// Support: NodePlanSynthetic (seeded synthetic snapshots), NodePlanTesting (scenario builders).
let package = Package(
    name: "nodeplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nodeplan", targets: ["nodeplan"]),
        .library(name: "NodePlanModel", targets: ["NodePlanModel"]),
        .library(name: "NodePlanCatalog", targets: ["NodePlanCatalog"]),
        .library(name: "NodePlanSolver", targets: ["NodePlanSolver"]),
        .library(name: "NodePlanTesting", targets: ["NodePlanTesting"]),
        .library(name: "NodePlanValidator", targets: ["NodePlanValidator"]),
        .library(name: "NodePlanKube", targets: ["NodePlanKube"]),
        .library(name: "NodePlanWire", targets: ["NodePlanWire"]),
        .library(name: "NodePlanReport", targets: ["NodePlanReport"]),
        .library(name: "NodePlanSynthetic", targets: ["NodePlanSynthetic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.28.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // MARK: C libraries (system)
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CProtobufC", pkgConfig: "libprotobuf-c", providers: [.apt(["libprotobuf-c-dev"])]),
        // The protobuf-c bindings of proto/nodeplan/v1 (scripts/generate-proto.sh), for C clients and the benchmark.
        .target(name: "NodePlanProtoC", dependencies: ["CProtobufC"], path: "clients/c/generated", publicHeadersPath: "."),

        // MARK: Core
        .target(name: "NodePlanModel"),
        .target(name: "NodePlanCatalog", dependencies: ["NodePlanModel"], resources: [.copy("Resources")]),
        .target(name: "NodePlanValidator", dependencies: ["NodePlanModel"]),
        .target(name: "NodePlanSolver", dependencies: ["NodePlanModel"]),

        // MARK: Inputs and outputs
        .target(name: "NodePlanKube", dependencies: ["NodePlanModel", "CYAML"]),
        .target(name: "NodePlanReport", dependencies: ["NodePlanModel"]),
        .target(
            name: "NodePlanWire",
            dependencies: [
                "NodePlanModel",
                "CZstd",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // MARK: Support
        .target(name: "NodePlanSynthetic", dependencies: ["NodePlanModel"]),
        .target(name: "NodePlanTesting", dependencies: ["NodePlanModel", "NodePlanSolver"]),

        // MARK: Benchmarks
        .executableTarget(
            name: "wire-decode-benchmark",
            dependencies: [
                "NodePlanWire",
                "NodePlanModel",
                "NodePlanProtoC",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "benchmarks/WireDecode"
        ),
        .executableTarget(
            name: "scheduling-benchmark",
            dependencies: ["NodePlanModel", "NodePlanSolver", "NodePlanSynthetic", "NodePlanCatalog"],
            path: "benchmarks/Scheduling"
        ),

        // MARK: Executable
        .executableTarget(
            name: "nodeplan",
            dependencies: [
                "NodePlanModel", "NodePlanCatalog", "NodePlanSolver", "NodePlanValidator", "NodePlanKube",
                "NodePlanReport", "NodePlanSynthetic", "NodePlanWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .testTarget(name: "NodePlanModelTests", dependencies: ["NodePlanModel"]),
        .testTarget(name: "NodePlanCatalogTests", dependencies: ["NodePlanCatalog", "NodePlanModel"]),
        .testTarget(name: "NodePlanSolverTests", dependencies: ["NodePlanSolver", "NodePlanTesting", "NodePlanModel"]),
        .testTarget(name: "NodePlanValidatorTests", dependencies: ["NodePlanValidator", "NodePlanModel", "NodePlanSynthetic"]),
        .testTarget(
            name: "NodePlanKubeTests",
            dependencies: ["NodePlanKube", "NodePlanModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NodePlanPropertyTests",
            dependencies: ["NodePlanModel", "NodePlanSolver", "NodePlanSynthetic", "NodePlanValidator", "NodePlanCatalog"]
        ),
        .testTarget(name: "NodePlanCLITests", dependencies: ["nodeplan"]),
        .testTarget(name: "NodePlanReportTests", dependencies: ["NodePlanReport"]),
        .testTarget(name: "NodePlanSyntheticTests", dependencies: ["NodePlanSynthetic", "NodePlanModel"]),
        .testTarget(
            name: "NodePlanWireTests",
            dependencies: [
                "NodePlanWire",
                "NodePlanModel",
                "NodePlanProtoC",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
