/// A set of token positions of one sentence, as one flag per token: the coder asks "is token i
/// inside a name?" for every event word, and a `Set<Int>` hashed each position (profile: ~5k
/// instructions per sentence for a handful of names).
struct TokenMask {
    private var flags: [Bool]

    init(count: Int) { flags = Array(repeating: false, count: count) }

    mutating func insert(_ range: Range<Int>) {
        for i in range where i >= 0 && i < flags.count { flags[i] = true }
    }

    /// False for positions outside the sentence, as a set of positions would answer.
    func contains(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] }
}
