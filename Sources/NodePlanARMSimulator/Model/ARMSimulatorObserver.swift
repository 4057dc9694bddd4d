/// Callbacks when VMs come and go, so a Kubernetes simulator can register and remove nodes.
///
/// Called on the simulator's event loop after its state changed, never with its lock held.
public struct ARMSimulatorObserver: Sendable {
    public var virtualMachineSucceeded: @Sendable (SimulatedVirtualMachine) -> Void
    public var virtualMachineDeleted: @Sendable (SimulatedVirtualMachine) -> Void

    public init(virtualMachineSucceeded: @escaping @Sendable (SimulatedVirtualMachine) -> Void = { _ in },
                virtualMachineDeleted: @escaping @Sendable (SimulatedVirtualMachine) -> Void = { _ in }) {
        self.virtualMachineSucceeded = virtualMachineSucceeded
        self.virtualMachineDeleted = virtualMachineDeleted
    }
}
