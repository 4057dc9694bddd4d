import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NodePlanARMSimulator

/// Raw HTTP against a simulator, so these tests check the wire behaviour without NodePlanAzure.
struct SimulatorClient {
    static let subscription = "/subscriptions/sub-1"
    static let group = subscription + "/resourceGroups/RG-One"
    static let vmPath = group + "/providers/Microsoft.Compute/virtualMachines/vm-1"
    static let nicPath = group + "/providers/Microsoft.Network/networkInterfaces/nic-1"
    static let subnet = subscription + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/s"

    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    }

    let baseURL: String
    var token: String?

    /// Fetches a bearer token from the simulator's Entra endpoint.
    mutating func authenticate() async throws {
        let response = try await send("POST", "/tenant/oauth2/v2.0/token",
                                      body: "grant_type=client_credentials&client_id=c&client_secret=s",
                                      contentType: "application/x-www-form-urlencoded")
        token = response.json["access_token"] as? String
    }

    /// `path` is relative to the base URL unless it is absolute.
    func send(_ method: String, _ path: String, body: String? = nil,
              contentType: String = "application/json") async throws -> Response {
        var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer " + token) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Response(status: Int(response.status.code), headers: response.headers, body: Array(bytes.readableBytesView))
    }

    static func nicBody() -> String {
        """
        {"location":"eastus","tags":{"owner":"test"},"properties":{"ipConfigurations":[{"name":"ip","properties":\
        {"primary":true,"subnet":{"id":"\(subnet)"}}}]}}
        """
    }

    static func vmBody(size: String = "Standard_D4s_v5", zone: String? = "1", priority: String = "Regular") -> String {
        let zones = zone.map { ",\"zones\":[\"\($0)\"]" } ?? ""
        return """
            {"location":"eastus"\(zones),"tags":{"karpenter.sh_nodeclaim":"c1"},"properties":{"hardwareProfile":\
            {"vmSize":"\(size)"},"priority":"\(priority)","networkProfile":{"networkInterfaces":[{"id":"\(nicPath)",\
            "properties":{"primary":true,"deleteOption":"Delete"}}]}}}
            """
    }

    /// Starts a simulator, runs `body` with an authenticated client, shuts it down.
    static func with(_ configuration: ARMSimulator.Configuration = .init(),
                     _ body: (ARMSimulator, SimulatorClient) async throws -> Void) async throws {
        let simulator = ARMSimulator(configuration: configuration)
        var client = SimulatorClient(baseURL: try await simulator.start())
        do {
            try await client.authenticate()
            try await body(simulator, client)
        } catch {
            try? await simulator.shutdown()
            throw error
        }
        try await simulator.shutdown()
    }
}
