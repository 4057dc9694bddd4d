import Foundation
import NodePlanModel
import NodePlanWire
import SwiftProtobuf

/// Snapshots on disk, by file name: `.pb.zst` (zstd-compressed protobuf, as on the wire), `.pb`
/// (protobuf), anything else JSON (the model's Codable form).
enum SnapshotFile {
    /// Decompressed snapshots larger than this are refused (the server's default limit).
    static let maxDecompressedBytes = 512 << 20

    static func read(_ path: String) throws -> Snapshot {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: ExitStatus.badInput, message: "\(path): cannot read file")
        }
        do {
            if path.hasSuffix(".pb.zst") {
                let bytes = try Zstd.decompress(data, maxSize: maxDecompressedBytes)
                return try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: bytes))
            } else if path.hasSuffix(".pb") {
                return try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: data))
            } else {
                return try JSONDecoder().decode(Snapshot.self, from: data)
            }
        } catch {
            throw CommandFailure(status: ExitStatus.badInput, message: "\(path): not a snapshot: \(error)")
        }
    }

    static func encode(_ snapshot: Snapshot, for path: String) throws -> Data {
        if path.hasSuffix(".pb.zst") {
            return Data(try Zstd.compress(try snapshot.proto.deterministicBytes()))
        } else if path.hasSuffix(".pb") {
            return Data(try snapshot.proto.deterministicBytes())
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(snapshot)
    }
}
