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
        .library(name: "NodePlanAzure", targets: ["NodePlanAzure"]),
        .library(name: "NodePlanARMSimulator", targets: ["NodePlanARMSimulator"]),
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
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
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
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
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
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        // MARK: Azure (ARM client, retail prices, and an ARM simulator for tests and demos)
        .target(
            name: "NodePlanAzure",
            dependencies: [
                "NodePlanModel", "NodePlanCatalog",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "NodePlanARMSimulator",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
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
        // Measuring code shared by the benchmark programs and `nodeplan bench`.
        .target(
            name: "NodePlanBenchmarking",
            dependencies: [
                "NodePlanModel", "NodePlanSolver", "NodePlanSynthetic", "NodePlanCatalog", "NodePlanWire", "NodePlanServer",
                "NodePlanClient", "NodePlanReport",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "wire-decode-benchmark",
            dependencies: [
                "NodePlanBenchmarking",
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
                "NodePlanBenchmarking",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "benchmarks/ServerLoad"
        ),
        .executableTarget(
            name: "scheduling-benchmark",
            dependencies: ["NodePlanBenchmarking", "NodePlanCatalog", "NodePlanReport"],
            path: "benchmarks/Scheduling"
        ),
        .executableTarget(
            name: "cost-benchmark",
            dependencies: ["NodePlanModel", "NodePlanSolver", "NodePlanSynthetic", "NodePlanCatalog", "NodePlanValidator"],
            path: "benchmarks/Cost"
        ),
        .executableTarget(
            name: "consolidation-benchmark",
            dependencies: ["NodePlanModel", "NodePlanSolver", "NodePlanSynthetic", "NodePlanCatalog", "NodePlanValidator"],
            path: "benchmarks/Consolidation"
        ),

        // MARK: Executable
        .executableTarget(
            name: "nodeplan",
            dependencies: [
                "NodePlanModel", "NodePlanCatalog", "NodePlanSolver", "NodePlanValidator", "NodePlanKube",
                "NodePlanReport", "NodePlanSynthetic", "NodePlanWire", "NodePlanServer", "NodePlanClient",
                "NodePlanBenchmarking",
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
        .testTarget(
            name: "NodePlanAzureTests",
            dependencies: ["NodePlanAzure", "NodePlanARMSimulator", "NodePlanModel", "NodePlanCatalog",
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        .testTarget(
            name: "NodePlanARMSimulatorTests",
            dependencies: ["NodePlanARMSimulator", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
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
                    dependencies: ["NodePlanKubeSimulator", "NodePlanAgent", "NodePlanModel", "NodePlanTesting"]),
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

// MARK: Fuzzing
// libFuzzer harnesses (fuzz/), one executable each. They have no `main` of their own, so they exist only
// in builds made with NODEPLAN_FUZZ=1 and `--sanitize=fuzzer` (scripts/fuzz.sh).
if Context.environment["NODEPLAN_FUZZ"] != nil {
    let harnesses: [(name: String, path: String, dependencies: [Target.Dependency])] = [
        ("fuzz-frames", "fuzz/Frames", ["NodePlanWire", .product(name: "NIOCore", package: "swift-nio")]),
        ("fuzz-zstd", "fuzz/Zstd", ["NodePlanWire"]),
        ("fuzz-snapshot-proto", "fuzz/SnapshotProto",
         ["NodePlanWire", "NodePlanModel", .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
        ("fuzz-kube-input", "fuzz/KubeInput", ["NodePlanKube", "NodePlanModel"]),
        ("fuzz-solver", "fuzz/Solver",
         ["NodePlanWire", "NodePlanModel", "NodePlanSolver", "NodePlanCatalog",
          .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
    ]
    for harness in harnesses {
        package.targets.append(.executableTarget(name: harness.name, dependencies: harness.dependencies, path: harness.path))
    }
}
