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
        .library(name: "NodePlanServer", targets: ["NodePlanServer"]),
        .library(name: "NodePlanClient", targets: ["NodePlanClient"]),
        .library(name: "NodePlanReport", targets: ["NodePlanReport"]),
        .library(name: "NodePlanSynthetic", targets: ["NodePlanSynthetic"]),
        .library(name: "NodePlanAgent", targets: ["NodePlanAgent"]),
        .library(name: "NodePlanKubeSimulator", targets: ["NodePlanKubeSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.28.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.2.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.0"),
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
        .target(name: "NodePlanSolver", dependencies: ["NodePlanModel", "NodePlanValidator"]),

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

        // MARK: Service
        .target(
            name: "NodePlanServer",
            dependencies: [
                "NodePlanModel", "NodePlanWire", "NodePlanSolver", "NodePlanCatalog", "NodePlanValidator",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .target(
            name: "NodePlanClient",
            dependencies: [
                "NodePlanModel", "NodePlanWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Agent (Kubernetes watch -> snapshot -> plan -> cloud and Kubernetes actions)
        .target(
            name: "NodePlanAgent",
            dependencies: [
                "NodePlanModel", "NodePlanKube", "NodePlanClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A Kubernetes API server, kubelet, scheduler and cloud stand-in on loopback, for tests and demos.
        .target(
            name: "NodePlanKubeSimulator",
            dependencies: [
                "NodePlanModel", "NodePlanAgent",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
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
            name: "server-benchmark",
            dependencies: [
                "NodePlanServer", "NodePlanClient", "NodePlanCatalog", "NodePlanModel", "NodePlanTesting",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "benchmarks/ServerLoad"
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
                "NodePlanReport", "NodePlanSynthetic", "NodePlanWire", "NodePlanServer", "NodePlanClient",
                "NodePlanAgent",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),

        // MARK: Tests
        .testTarget(name: "NodePlanModelTests", dependencies: ["NodePlanModel"]),
        .testTarget(name: "NodePlanCatalogTests", dependencies: ["NodePlanCatalog", "NodePlanModel"]),
        .testTarget(name: "NodePlanSolverTests",
                    dependencies: ["NodePlanSolver", "NodePlanTesting", "NodePlanModel", "NodePlanSynthetic",
                                   "NodePlanCatalog", "NodePlanValidator"]),
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
        .testTarget(
            name: "NodePlanWorkshopTests",
            dependencies: ["NodePlanModel", "NodePlanKube", "NodePlanCatalog", "NodePlanSolver", "NodePlanValidator"]
        ),
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
        .testTarget(
            name: "NodePlanServerTests",
            dependencies: [
                "NodePlanServer", "NodePlanClient", "NodePlanWire", "NodePlanModel", "NodePlanCatalog", "NodePlanTesting",
                "NodePlanValidator",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "NodePlanKubeSimulatorTests",
                    dependencies: ["NodePlanKubeSimulator", "NodePlanAgent", "NodePlanModel"]),
        .testTarget(
            name: "NodePlanAgentTests",
            dependencies: [
                "NodePlanAgent", "NodePlanKubeSimulator", "NodePlanModel", "NodePlanServer", "NodePlanClient",
                "NodePlanCatalog", "NodePlanTesting",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
