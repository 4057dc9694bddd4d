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
        .library(name: "NodePlanReport", targets: ["NodePlanReport"]),
        .library(name: "NodePlanSynthetic", targets: ["NodePlanSynthetic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: C libraries (system)
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),

        // MARK: Core
        .target(name: "NodePlanModel"),
        .target(name: "NodePlanCatalog", dependencies: ["NodePlanModel"], resources: [.copy("Resources")]),
        .target(name: "NodePlanValidator", dependencies: ["NodePlanModel"]),
        .target(name: "NodePlanSolver", dependencies: ["NodePlanModel"]),

        // MARK: Inputs and outputs
        .target(name: "NodePlanKube", dependencies: ["NodePlanModel", "CYAML"]),
        .target(name: "NodePlanReport", dependencies: ["NodePlanModel"]),

        // MARK: Support
        .target(name: "NodePlanSynthetic", dependencies: ["NodePlanModel"]),
        .target(name: "NodePlanTesting", dependencies: ["NodePlanModel", "NodePlanSolver"]),

        // MARK: Executable
        .executableTarget(
            name: "nodeplan",
            dependencies: [
                "NodePlanModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .testTarget(name: "NodePlanModelTests", dependencies: ["NodePlanModel"]),
        .testTarget(name: "NodePlanCatalogTests", dependencies: ["NodePlanCatalog", "NodePlanModel"]),
        .testTarget(name: "NodePlanSolverTests",
                    dependencies: ["NodePlanSolver", "NodePlanTesting", "NodePlanModel", "NodePlanSynthetic",
                                   "NodePlanCatalog"]),
        .testTarget(name: "NodePlanValidatorTests", dependencies: ["NodePlanValidator", "NodePlanModel", "NodePlanSynthetic"]),
        .testTarget(
            name: "NodePlanKubeTests",
            dependencies: ["NodePlanKube", "NodePlanModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "NodePlanReportTests", dependencies: ["NodePlanReport"]),
        .testTarget(name: "NodePlanSyntheticTests", dependencies: ["NodePlanSynthetic", "NodePlanModel"]),
    ],
    swiftLanguageModes: [.v6]
)
