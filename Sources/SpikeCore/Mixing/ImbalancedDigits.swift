extension DigitSet {
    /// The set with every image of class `favoured` repeated `factor` times (science.md 3.4:
    /// "train on a set where e.g. digit 0 has 5× the frequency of others"), order kept: each
    /// repeated image follows its original. `factor` = 1 returns the set unchanged.
    public func imbalanced(favouring favoured: Int, factor: Int) -> DigitSet {
        precondition(factor >= 1 && (0..<Self.classCount).contains(favoured), "imbalance needs a class 0...9 and factor >= 1")
        var indices: [Int] = []
        for i in 0..<count {
            indices.append(i)
            if labels[i] == favoured { indices += Array(repeating: i, count: factor - 1) }
        }
        return subset(indices)
    }
}
