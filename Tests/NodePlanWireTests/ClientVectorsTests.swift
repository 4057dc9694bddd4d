import Foundation
import NIOCore
import NodePlanModel
import NodePlanWire
import Testing

/// The shared client vectors (`clients/testdata`): every client decodes these frames to the fields
/// listed in `vectors.json`; this checks that NodePlanWire, the reference implementation, agrees.
@Suite struct ClientVectorsTests {
    struct Listing: Decodable {
        var vectors: [Vector]
    }

    struct Vector: Decodable, CustomTestStringConvertible {
        struct Header: Decodable {
            var payload_length: Int
            var type: UInt8
            var flags: UInt8
            var method: UInt8
            var stream_id: UInt32
            var deadline_ms: UInt32
        }

        struct Decoded: Decodable {
            var message: String?
            var protocol_version: UInt32?
            var token: String?
            var client: String?
            var message_length: Int?
            var cluster_name: String?
            var region: String?
            var pods: [String]?
            var pod_specs: Int?
            var cpu_milli: Int64?
            var deleted_at: [Double?]?
            var code: Int?
            var error_message: String?
            var field_path: String?
        }

        var file: String
        var header: Header
        var decoded: Decoded
        var testDescription: String { file }
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("clients/testdata")

    static let vectors: [Vector] = {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("vectors.json"))) ?? Data()
        return (try? JSONDecoder().decode(Listing.self, from: data).vectors) ?? []
    }()

    @Test func vectorsAreListed() {
        #expect(Self.vectors.count == 5)
    }

    @Test(arguments: vectors) func vectorDecodesAsListed(_ vector: Vector) throws {
        let bytes = try Data(contentsOf: Self.directory.appendingPathComponent(vector.file))
        var buffer = ByteBuffer(bytes: bytes)
        var decoder = FrameDecoder()
        let frame = try #require(try decoder.decode(buffer: &buffer))
        #expect(buffer.readableBytes == 0)

        #expect(frame.payload.readableBytes == vector.header.payload_length)
        #expect(frame.type.rawValue == vector.header.type)
        #expect(frame.flags.rawValue == vector.header.flags)
        #expect((frame.method?.rawValue ?? 0) == vector.header.method)
        #expect(frame.streamID == vector.header.stream_id)
        #expect(frame.deadlineMilliseconds == vector.header.deadline_ms)

        var reencoded = ByteBuffer()
        try FrameEncoder().encode(data: frame, out: &reencoded)
        #expect(Array(reencoded.readableBytesView) == Array(bytes))

        let expected = vector.decoded
        switch expected.message {
        case "nodeplan.v1.Hello":
            let hello = try frame.message(as: Nodeplan_V1_Hello.self)
            #expect(hello.protocolVersion == expected.protocol_version)
            #expect(hello.token == expected.token)
            #expect(hello.client == expected.client)
        case "nodeplan.v1.SolveRequest":
            let proto = try frame.message(as: Nodeplan_V1_SolveRequest.self)
            let messageBytes: [UInt8] = try proto.serializedBytes()
            #expect(messageBytes.count == expected.message_length)
            guard case .solve(let snapshot) = try WireRequest(frame: frame) else {
                Issue.record("\(vector.file) is not a solve request")
                return
            }
            #expect(snapshot.cluster.name == expected.cluster_name)
            #expect(snapshot.cluster.region == expected.region)
            #expect(snapshot.pods.map(\.name) == expected.pods)
            #expect(snapshot.podSpecs.count == expected.pod_specs)
            #expect(proto.snapshot.podSpecs[0].containers[0].requests.milli["cpu"] == expected.cpu_milli)
            #expect(snapshot.pods.map(\.deletedAt) == expected.deleted_at)
        case "nodeplan.v1.Error":
            let error = try frame.error()
            #expect(Int(error.code.rawValue) == expected.code)
            #expect(error.message == expected.error_message)
            #expect(error.fieldPath == expected.field_path)
        default:
            #expect(frame.type == .cancel)
            #expect(frame.payload.readableBytes == 0)
        }
    }
}
