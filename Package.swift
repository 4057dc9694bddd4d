// swift-tools-version:6.1
import PackageDescription

// Layering (arrows point down only):
//   nodeplan CLI
//   NodePlanAgent / NodePlanServer / NodePlanClient
//   NodePlanWire (frames, zstd, protobuf <-> model)      NodePlanKube (kubectl YAML/JSON -> model)
//   NodePlanSolver (pure) -> NodePlanValidator (independent checker, model only)
//   NodePlanCatalog (Azure SKUs, prices, AKS overhead)
//   NodePlanModel (pure values)
let package = Package(
    name: "nodeplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nodeplan", targets: ["nodeplan"]),
        .library(name: "NodePlanModel", targets: ["NodePlanModel"]),
        .library(name: "NodePlanValidator", targets: ["NodePlanValidator"]),
        .library(name: "NodePlanSynthetic", targets: ["NodePlanSynthetic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: C libraries (system)

        // MARK: Core
        .target(name: "NodePlanModel"),
        .target(name: "NodePlanValidator", dependencies: ["NodePlanModel"]),
        .target(name: "NodePlanSynthetic", dependencies: ["NodePlanModel"]),

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
        .testTarget(name: "NodePlanValidatorTests", dependencies: ["NodePlanValidator", "NodePlanModel", "NodePlanSynthetic"]),
        .testTarget(name: "NodePlanSyntheticTests", dependencies: ["NodePlanSynthetic", "NodePlanModel"]),
    ],
    swiftLanguageModes: [.v6]
)
