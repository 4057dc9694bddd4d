import NodePlanARMSimulator
import NodePlanAzure
import Testing

@Suite("ARM client: retries, Retry-After, long-running operations, paging")
struct ARMClientTests {
    @Test("429 is retried after the server's Retry-After, then the request goes through")
    func throttlingHonoursRetryAfter() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addRequestFault(RequestFault(.throttle(retryAfterSeconds: 7), method: "PUT",
                                                       pathContains: "virtualMachines", count: 2))
            let result = try await env.provider.launch(env.request("default-t1", [option("Standard_D4s_v5", "eastus-1", .spot)]))
            #expect(result.instance.provisioningState == "Succeeded")
            #expect(env.requests("PUT", endingWith: "virtualMachines/aks-default-t1") == 3)
            #expect(env.clock.sleeps.filter { $0 == 7 }.count == 2)
        }
    }

    @Test("5xx is retried with doubling backoff; after the last retry the error is returned")
    func serverErrorsBackOff() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addRequestFault(RequestFault(.serverError(status: 503), method: "GET", count: 2))
            let absent = try await env.provider.virtualMachine(nodeClaim: "nothing-here")
            #expect(absent == nil)
            #expect(env.clock.sleeps == [0.8, 1.6])

            env.simulator.addRequestFault(RequestFault(.serverError(status: 500), method: "GET", count: 10))
            await #expect { try await env.provider.virtualMachine(nodeClaim: "nothing-here") }
                throws: { ($0 as? ARMError)?.status == 500 && ($0 as? ARMError)?.code == "InternalServerError" }
            #expect(Array(env.clock.sleeps.suffix(3)) == [0.8, 1.6, 3.2])
        }
    }

    @Test("Long-running operations are polled at the service's Retry-After until done")
    func operationPolling() async throws {
        try await AzureTestEnvironment.with(operationPolls: 4) { env in
            _ = try await env.provider.launch(env.request("default-lro", [option("Standard_D4s_v5", "eastus-1", .spot)]))
            #expect(env.simulator.virtualMachines.first?.provisioningState == "Succeeded")
            // NIC and VM creation: four operation polls each, one second apart (the simulator's Retry-After).
            #expect(env.simulator.requestLog.filter { $0.contains("/operations/") }.count == 8)
            #expect(env.clock.sleeps == Array(repeating: 1, count: 8))

            try await env.provider.delete(nodeClaim: "default-lro")
            #expect(env.simulator.requestLog.filter { $0.contains("/operationResults/") }.count == 4)
            #expect(env.simulator.virtualMachines.isEmpty)
        }
    }

    @Test("Lists follow nextLink across pages")
    func paging() async throws {
        try await AzureTestEnvironment.with(listPageSize: 2) { env in
            for index in 0..<5 {
                _ = try await env.provider.launch(env.request("default-p\(index)", [option("Standard_D2s_v5", "eastus-1", .spot)]))
            }
            let vms = try await env.provider.listVirtualMachines()
            #expect(vms.map(\.name) == (0..<5).map { "aks-default-p\($0)" })
            #expect(env.simulator.requestLog.filter { $0.hasSuffix("/providers/Microsoft.Compute/virtualMachines") }.count == 3)
        }
    }

    @Test("A token is fetched once and reused until it nears expiry")
    func tokenCaching() async throws {
        try await AzureTestEnvironment.with { env in
            _ = try await env.provider.listVirtualMachines()
            _ = try await env.provider.listNetworkInterfaces()
            #expect(env.simulator.tokenRequests == 1)
            env.clock.advance(by: 3600 - 200)
            _ = try await env.provider.listVirtualMachines()
            #expect(env.simulator.tokenRequests == 2)
        }
    }

    @Test("A 401 for a revoked token makes the client fetch a new one and retry once")
    func reauthenticatesAfter401() async throws {
        try await AzureTestEnvironment.with { env in
            _ = try await env.provider.listVirtualMachines()
            env.simulator.revokeTokens()
            _ = try await env.provider.listVirtualMachines()
            #expect(env.simulator.tokenRequests == 2)
        }
    }

    @Test("Without a token ARM answers 401 and the error says so")
    func unauthenticated() async throws {
        try await AzureTestEnvironment.with { env in
            let anonymous = ARMClient(endpoint: env.baseURL, transport: env.transport, tokens: nil,
                                      clock: env.clock.azureClock)
            await #expect { try await anonymous.get(env.settings.virtualMachinePath("x"), apiVersion: "2025-04-01",
                                                    as: VirtualMachine.self) }
                throws: { ($0 as? ARMError)?.status == 401 && ($0 as? ARMError)?.code == "AuthenticationFailed" }
        }
    }
}
