import NodePlanSolver

extension SolveCancellation {
    /// The solver's view of this token: `isCancelled` polls it (deadline included), and the clock
    /// is the continuous clock, for the solver's time budget.
    public var control: SolveControl {
        SolveControl.continuous(isCancelled: { self.isCancelled })
    }
}
