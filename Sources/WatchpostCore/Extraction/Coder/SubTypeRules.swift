/// ACLED's precedence among the event words of one clause, and the rules that settle a sub-type
/// from the context (who acts, who suffers).
enum SubTypeRules {
    /// Sub-types in precedence order, highest first: remote weapons whoever the victims, then
    /// territory, direct violence, clashes, protests, riots, strategic developments.
    static let precedence: [String] = [
        "Suicide bomb", "Chemical weapon", "Air/drone strike", "Remote explosive/landmine/IED",
        "Shelling/artillery/missile attack", "Grenade",
        "TERRITORY",
        "Abduction/forced disappearance", "Sexual violence", "Attack",
        "Armed clash", "KILLING",
        "Peaceful protest", "Violent demonstration", "Mob violence",
        "Arrests", "Agreement", "Headquarters or base established", "Disrupted weapons use",
        "Looting/property destruction", "Non-violent transfer of territory", "Change to group/activity", "Other",
    ]

    static func key(_ s: TriggerSignal) -> String {
        switch s {
        case .subType(let name): return name
        case .territory: return "TERRITORY"
        case .killing: return "KILLING"
        case .intervention: return "INTERVENTION"
        }
    }

    static func rank(_ s: TriggerSignal) -> Int {
        precedence.firstIndex(of: key(s)) ?? precedence.count
    }

    /// The event type a signal belongs to, where it does not depend on the context.
    static func typeClass(_ s: TriggerSignal) -> EventType? {
        switch s {
        case .subType(let name): return EventTaxonomy.type(of: name)
        case .territory: return .battles
        case .intervention: return .protests
        case .killing: return nil
        }
    }

    static let remote: Set<String> = ["Suicide bomb", "Chemical weapon", "Air/drone strike", "Remote explosive/landmine/IED",
                                      "Shelling/artillery/missile attack", "Grenade"]

    /// The winning signal among the live triggers of a clause, or nil when none names an event.
    ///
    /// Strong words win over weak ones; among equals, precedence decides. Two context rules: a
    /// disruption verb governing a weapon ("defused explosive devices", "intercepted missiles")
    /// is the disruption, not the weapon; a weak aircraft word makes a weak strike word an air strike.
    static func choose(_ triggers: [PhraseMatch<Trigger>]) -> PhraseMatch<Trigger>? {
        let live = triggers.filter { key($0.value.signal) != "INTERVENTION" }
        guard !live.isEmpty else { return nil }
        if let disruption = live.first(where: { key($0.value.signal) == "Disrupted weapons use" }) {
            let governs = live.contains {
                remote.contains(key($0.value.signal)) && $0.tokenRange.lowerBound > disruption.tokenRange.lowerBound
                    && $0.tokenRange.lowerBound - disruption.tokenRange.upperBound <= 10
            }
            // "shot down eight of ten missiles fired by F-16 jets": the jets' strike happened, partly
            // intercepted; "shot down two drones launched by militants" stays a disruption.
            let weapon = live.first {
                key($0.value.signal) == "Shelling/artillery/missile attack" && $0.tokenRange.lowerBound > disruption.tokenRange.lowerBound
            }
            if let weapon, let aircraft = live.first(where: {
                key($0.value.signal) == "Air/drone strike" && $0.tokenRange.lowerBound > weapon.tokenRange.upperBound
            }) {
                return aircraft
            }
            // "Two soldiers were killed as air defences confronted the aggression": people died, so the
            // attack happened; interception is only part of the story.
            let killing = live.contains { key($0.value.signal) == "KILLING" }
            if governs && !killing { return disruption }
        }
        // Moving weapons is a deployment, not their use: "deployed additional ATGM launchers".
        if let move = live.first(where: { key($0.value.signal) == "Other" && $0.value.isStrong }),
           live.contains(where: { remote.contains(key($0.value.signal)) && $0.tokenRange.lowerBound > move.tokenRange.lowerBound
               && $0.tokenRange.lowerBound - move.tokenRange.upperBound <= 8 }),
           !live.contains(where: { ["Armed clash", "KILLING", "TERRITORY"].contains(key($0.value.signal)) }) {
            return move
        }
        let strong = live.filter(\.value.isStrong)
        let pool = strong.isEmpty ? live : strong
        // Aircraft words (weak) decide the kind of a weak strike verb: "jets struck", "drones targeted".
        if strong.isEmpty, live.contains(where: { key($0.value.signal) == "Air/drone strike" }),
           let strike = live.first(where: { key($0.value.signal) == "Shelling/artillery/missile attack" }) {
            var air = strike
            air.value.signal = .subType("Air/drone strike")
            return air
        }
        return pool.min { a, b in
            let ra = rank(a.value.signal), rb = rank(b.value.signal)
            return ra != rb ? ra < rb : a.tokenRange.lowerBound < b.tokenRange.lowerBound
        }
    }

    /// Settles a class (territory, killing, protest) into one of the 25 sub-types.
    static func settle(_ signal: TriggerSignal, all triggers: [PhraseMatch<Trigger>], actor1IsGovernment: Bool,
                       victimsAreCivilians: Bool, victimsAreArmed: Bool = true, hasKilling: Bool) -> (EventType, String) {
        var name = key(signal)
        switch signal {
        case .territory:
            // "took control ... without a fight after the rebels withdrew under the deal": a handover.
            if triggers.contains(where: { key($0.value.signal) == "Non-violent transfer of territory" }) {
                name = "Non-violent transfer of territory"
            } else {
                name = actor1IsGovernment ? "Government regains territory" : "Non-state actor overtakes territory"
            }
        case .killing:
            name = victimsAreCivilians || !victimsAreArmed ? "Attack" : "Armed clash"
        case .intervention:
            name = "Protest with intervention"
        case .subType(let s):
            if s == "Peaceful protest" {
                let damage = triggers.contains { ["Looting/property destruction", "Armed clash"].contains(key($0.value.signal)) }
                if hasKilling || triggers.contains(where: { key($0.value.signal) == "KILLING" }) {
                    name = "Excessive force against protesters"
                } else if damage {
                    // Protesters storming, smashing, burning: a violent demonstration.
                    name = "Violent demonstration"
                } else if triggers.contains(where: { key($0.value.signal) == "INTERVENTION" || key($0.value.signal) == "Arrests" }) {
                    name = "Protest with intervention"
                }
            } else if s == "Armed clash", victimsAreCivilians,
                      !triggers.contains(where: { $0.value.isStrong && key($0.value.signal) == "Armed clash" }) {
                // Ground violence on unarmed people is violence against civilians, not a battle.
                name = "Attack"
            }
        }
        // Force on a protest ("opened fire on a rally", "killing protesters") is coded as a protest event.
        let isProtest = triggers.contains { key($0.value.signal) == "Peaceful protest" }
        if isProtest, ["Attack", "Armed clash", "KILLING"].contains(key(signal)) || (signal == .killing) {
            name = "Excessive force against protesters"
        }
        return (EventTaxonomy.type(of: name) ?? .strategicDevelopments, name)
    }
}
