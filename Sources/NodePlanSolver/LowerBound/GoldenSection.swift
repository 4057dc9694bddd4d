/// Golden-section search for the maximum of a concave function of one variable: every bound
/// here is concave along the lines it is searched on, so the search cannot be misled, and any
/// point it returns still gives a valid bound.
enum GoldenSection {
    /// The best point found on [low, high] and its value, after `steps` narrowings.
    static func maximum(low: Double, high: Double, steps: Int = 48,
                        _ function: (Double) -> Double) -> (point: Double, value: Double) {
        guard high - low > 1e-15 else { return (low, function(low)) }
        var (low, high) = (low, high)
        let ratio = (5.0.squareRoot() - 1) / 2
        var left = high - ratio * (high - low)
        var right = low + ratio * (high - low)
        var leftValue = function(left)
        var rightValue = function(right)
        for _ in 0..<steps {
            if leftValue < rightValue {
                low = left
                left = right
                leftValue = rightValue
                right = low + ratio * (high - low)
                rightValue = function(right)
            } else {
                high = right
                right = left
                rightValue = leftValue
                left = high - ratio * (high - low)
                leftValue = function(left)
            }
        }
        return leftValue >= rightValue ? (left, leftValue) : (right, rightValue)
    }
}
