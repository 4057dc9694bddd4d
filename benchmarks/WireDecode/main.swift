// Measures how long the server spends turning a 100k-pod request payload into a model Snapshot:
// zstd decompression, protobuf parsing with swift-protobuf (and, for comparison, protobuf-c), and
// the validating proto -> model conversion (NodePlanBenchmarking.WireDecodeMeasurement, which
// `nodeplan bench` runs too). Run: swift run -c release wire-decode-benchmark
import NodePlanBenchmarking
import NodePlanModel
import NodePlanProtoC
import SwiftProtobuf

let repetitions = 7
let cluster = SyntheticCluster()
let snapshot = cluster.snapshot()
let measurement = try WireDecodeMeasurement.run(snapshot, runs: repetitions)
print("snapshot: \(cluster.specs) pod specs, \(measurement.pods) pods, \(measurement.nodes) nodes, \(snapshot.instanceTypes.count) instance types")
print("protobuf \(measurement.protobufBytes) bytes, zstd \(measurement.compressedBytes) bytes")
for stage in measurement.stages { print(stage.tableRow) }

let bytes: [UInt8] = try snapshot.proto.serializedBytes()
let protobufC = Samples.measure(runs: repetitions) {
    guard let unpacked = bytes.withUnsafeBufferPointer({ nodeplan__v1__snapshot__unpack(nil, $0.count, $0.baseAddress) }) else {
        fatalError("protobuf-c could not unpack the snapshot")
    }
    nodeplan__v1__snapshot__free_unpacked(unpacked, nil)
}.samples
print(WireDecodeMeasurement.Stage(name: "protobuf-c unpack + free", samples: protobufC).tableRow)
