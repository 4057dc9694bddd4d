import Foundation
import NIOConcurrencyHelpers
import NodePlanARMSimulator
import Testing

@Suite("ARM simulator over loopback HTTP")
struct ARMSimulatorTests {
    private let api = "?api-version=2025-04-01"

    @Test("NIC then VM: 201 with Azure-AsyncOperation, InProgress until polled enough, then Succeeded; the observer hears once")
    func createLifecycle() async throws {
        let seen = NIOLockedValueBox<[SimulatedVirtualMachine]>([])
        try await SimulatorClient.with(.init(operationPolls: 2)) { simulator, client in
            simulator.setObserver(ARMSimulatorObserver(virtualMachineSucceeded: { vm in seen.withLockedValue { $0.append(vm) } }))
            let noNIC = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody())
            #expect(noNIC.status == 400 && noNIC.errorCode == "InvalidResourceReference")

            let nic = try await client.send("PUT", SimulatorClient.nicPath + api, body: SimulatorClient.nicBody())
            #expect(nic.status == 201)
            let vm = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody())
            #expect(vm.status == 201)
            #expect(((vm.json["properties"] as? [String: Any])?["provisioningState"] as? String) == "Creating")
            #expect(vm.headers.first(name: "Retry-After") == "1")
            let operation = try #require(vm.headers.first(name: "Azure-AsyncOperation"))
            #expect(operation.contains("/providers/Microsoft.Compute/locations/eastus/operations/"))

            let first = try await client.send("GET", operation)
            #expect(first.json["status"] as? String == "InProgress")
            #expect(seen.withLockedValue { $0 }.isEmpty)
            let second = try await client.send("GET", operation)
            #expect(second.json["status"] as? String == "Succeeded")

            let got = try await client.send("GET", SimulatorClient.vmPath + api)
            let properties = try #require(got.json["properties"] as? [String: Any])
            #expect(properties["provisioningState"] as? String == "Succeeded")
            #expect((properties["timeCreated"] as? String)?.contains(".") == true)
            #expect(got.json["id"] as? String == SimulatorClient.vmPath)
            let observed = seen.withLockedValue { $0 }
            #expect(observed.count == 1)
            #expect(observed.first?.providerID == "azure:///subscriptions/sub-1/resourceGroups/rg-one/providers/"
                + "Microsoft.Compute/virtualMachines/vm-1")
            #expect(observed.first?.zone == "1" && observed.first?.vmSize == "Standard_D4s_v5")
            #expect(observed.first?.tags["karpenter.sh_nodeclaim"] == "c1")

            let nicNow = try await client.send("GET", SimulatorClient.nicPath + api)
            let holder = ((nicNow.json["properties"] as? [String: Any])?["virtualMachine"] as? [String: Any])?["id"] as? String
            #expect(holder == SimulatorClient.vmPath)
        }
    }

    @Test("DELETE: 202 with Location, 202 while running, 204 when done; the NIC goes with the VM; NIC in use cannot be deleted")
    func deleteLifecycle() async throws {
        let deleted = NIOLockedValueBox<[String]>([])
        try await SimulatorClient.with(.init(operationPolls: 0)) { simulator, client in
            simulator.setObserver(ARMSimulatorObserver(virtualMachineDeleted: { vm in deleted.withLockedValue { $0.append(vm.name) } }))
            _ = try await client.send("PUT", SimulatorClient.nicPath + api, body: SimulatorClient.nicBody())
            _ = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody())
            let inUse = try await client.send("DELETE", SimulatorClient.nicPath + api)
            #expect(inUse.status == 400 && inUse.errorCode == "NicInUse")
        }
        try await SimulatorClient.with(.init(operationPolls: 2)) { simulator, client in
            simulator.setObserver(ARMSimulatorObserver(virtualMachineDeleted: { vm in deleted.withLockedValue { $0.append(vm.name) } }))
            _ = try await client.send("PUT", SimulatorClient.nicPath + api, body: SimulatorClient.nicBody())
            _ = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody())
            let start = try await client.send("DELETE", SimulatorClient.vmPath + api + "&forceDeletion=true")
            #expect(start.status == 202)
            let location = try #require(start.headers.first(name: "Location"))
            #expect(try await client.send("GET", location).status == 202)
            #expect(simulator.virtualMachines.first?.provisioningState == "Deleting")
            #expect(try await client.send("GET", location).status == 204)
            #expect(simulator.virtualMachines.isEmpty)
            #expect(simulator.networkInterfaceNames.isEmpty)
            #expect(try await client.send("GET", SimulatorClient.vmPath + api).errorCode == "ResourceNotFound")
            #expect(try await client.send("DELETE", SimulatorClient.vmPath + api).status == 204)
            #expect(deleted.withLockedValue { $0 } == ["vm-1"])
        }
    }

    @Test("Evicting a spot VM removes it and its NIC at once and tells the observer")
    func eviction() async throws {
        let deleted = NIOLockedValueBox<[String]>([])
        try await SimulatorClient.with(.init(operationPolls: 0)) { simulator, client in
            simulator.setObserver(ARMSimulatorObserver(virtualMachineDeleted: { vm in deleted.withLockedValue { $0.append(vm.name) } }))
            _ = try await client.send("PUT", SimulatorClient.nicPath + api, body: SimulatorClient.nicBody())
            _ = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody(priority: "Spot"))
            #expect(simulator.evictVirtualMachine(named: "vm-1"))
            #expect(!simulator.evictVirtualMachine(named: "vm-1"))
            #expect(simulator.virtualMachines.isEmpty && simulator.networkInterfaceNames.isEmpty)
            #expect(deleted.withLockedValue { $0 } == ["vm-1"])
        }
    }

    @Test("Requests need an api-version and a token the simulator issued")
    func apiVersionAndAuth() async throws {
        try await SimulatorClient.with { _, client in
            #expect(try await client.send("GET", SimulatorClient.vmPath).errorCode == "MissingApiVersionParameter")
            var anonymous = client
            anonymous.token = nil
            #expect(try await anonymous.send("GET", SimulatorClient.vmPath + api).status == 401)
            anonymous.token = "forged"
            #expect(try await anonymous.send("GET", SimulatorClient.vmPath + api).errorCode == "InvalidAuthenticationToken")
            let imds = try await anonymous.send("GET", "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=x")
            #expect(imds.status == 400)
        }
    }

    @Test("Capacity faults: synchronous 409 in ARM's error shape, or a failed operation leaving the VM Failed; per size, zone and priority")
    func capacityFaults() async throws {
        try await SimulatorClient.with(.init(operationPolls: 0)) { simulator, client in
            simulator.addCapacityFault(CapacityFault(vmSize: "Standard_D4s_v5", zone: "1", priority: .spot,
                                                     error: .skuNotAvailable))
            simulator.addCapacityFault(CapacityFault(vmSize: "Standard_D4s_v5", zone: "2", error: .zonalAllocationFailed))
            _ = try await client.send("PUT", SimulatorClient.nicPath + api, body: SimulatorClient.nicBody())

            let rejected = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody(priority: "Spot"))
            #expect(rejected.status == 409 && rejected.errorCode == "SkuNotAvailable")
            #expect(((rejected.json["error"] as? [String: Any])?["message"] as? String)?.contains("Standard_D4s_v5") == true)

            let failing = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody(zone: "2"))
            #expect(failing.status == 201)
            let status = try await client.send("GET", try #require(failing.headers.first(name: "Azure-AsyncOperation")))
            #expect(status.json["status"] as? String == "Failed")
            #expect((status.json["error"] as? [String: Any])?["code"] as? String == "ZonalAllocationFailed")
            #expect(simulator.virtualMachines.first?.provisioningState == "Failed")

            let elsewhere = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody(zone: "3"))
            #expect(elsewhere.status == 201)
            #expect(simulator.virtualMachines.first?.provisioningState == "Succeeded")
        }
    }

    @Test("Quota errors carry the wording clients match on")
    func quotaMessages() async throws {
        try await SimulatorClient.with { simulator, client in
            simulator.addCapacityFault(CapacityFault(error: .familyQuota(family: "standardDSv5Family", limit: 0, usage: 0), count: 1))
            simulator.addCapacityFault(CapacityFault(error: .lowPriorityQuota(limit: 4, usage: 4), count: 1))
            simulator.addCapacityFault(CapacityFault(error: .regionalQuota(limit: 10, usage: 10), count: 1))
            _ = try await client.send("PUT", SimulatorClient.nicPath + api, body: SimulatorClient.nicBody())
            var messages: [String] = []
            for _ in 0..<3 {
                let response = try await client.send("PUT", SimulatorClient.vmPath + api, body: SimulatorClient.vmBody())
                #expect(response.status == 409 && response.errorCode == "OperationNotAllowed")
                messages.append((response.json["error"] as? [String: Any])?["message"] as? String ?? "")
            }
            #expect(messages[0].contains("standardDSv5Family Cores quota") && messages[0].contains("Current Limit: 0"))
            #expect(messages[1].contains("LowPriorityCores quota"))
            #expect(messages[2].contains("Total Regional Cores quota"))
        }
    }

    @Test("Request faults answer 429 with Retry-After or a 5xx for as many matching requests as asked")
    func requestFaults() async throws {
        try await SimulatorClient.with { simulator, client in
            simulator.addRequestFault(RequestFault(.throttle(retryAfterSeconds: 5), method: "GET", pathContains: "virtualMachines"))
            simulator.addRequestFault(RequestFault(.serverError(status: 502), method: "GET", count: 1))
            let throttled = try await client.send("GET", SimulatorClient.vmPath + api)
            #expect(throttled.status == 429 && throttled.headers.first(name: "Retry-After") == "5")
            #expect(try await client.send("GET", SimulatorClient.vmPath + api).status == 502)
            #expect(try await client.send("GET", SimulatorClient.vmPath + api).status == 404)
        }
    }

    @Test("Lists page with nextLink")
    func listPaging() async throws {
        try await SimulatorClient.with(.init(operationPolls: 0, listPageSize: 2)) { _, client in
            for index in 0..<3 {
                let path = SimulatorClient.group + "/providers/Microsoft.Network/networkInterfaces/nic-\(index)"
                _ = try await client.send("PUT", path + api, body: SimulatorClient.nicBody())
            }
            let first = try await client.send("GET", SimulatorClient.group + "/providers/Microsoft.Network/networkInterfaces" + api)
            #expect((first.json["value"] as? [Any])?.count == 2)
            let next = try await client.send("GET", try #require(first.json["nextLink"] as? String))
            #expect((next.json["value"] as? [[String: Any]])?.first?["name"] as? String == "nic-2")
            #expect(next.json["nextLink"] == nil)
        }
    }

    @Test("Retail prices: region filter and NextPageLink paging; 503 during an outage")
    func retailPrices() async throws {
        try await SimulatorClient.with(.init(retailPricesPageSize: 2)) { simulator, client in
            simulator.setRetailPrices((0..<3).map {
                RetailPriceItem(armSkuName: "Standard_D\($0)", armRegionName: "eastus", retailPrice: Double($0), skuName: "D\($0)")
            } + [RetailPriceItem(armSkuName: "Standard_W", armRegionName: "westus", retailPrice: 9, skuName: "W")])
            let filter = "armRegionName%20eq%20%27eastus%27"
            let first = try await client.send("GET", "/api/retail/prices?api-version=2023-01-01-preview&$filter=" + filter)
            #expect((first.json["Items"] as? [Any])?.count == 2)
            let second = try await client.send("GET", try #require(first.json["NextPageLink"] as? String))
            #expect((second.json["Items"] as? [[String: Any]])?.map { $0["armSkuName"] as? String } == ["Standard_D2"])
            #expect(second.json["NextPageLink"] is NSNull)
            simulator.setRetailPricesOutage(true)
            #expect(try await client.send("GET", "/api/retail/prices?$filter=" + filter).status == 503)
        }
    }
}
